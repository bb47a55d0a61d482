"""The per-document index answers exactly what spaCy's own (slower) reads answer.

The extractors read sentence texts, sentence tokens, the sentences a span covers and
paragraph bounds from ``parley.nlp.docs``, built once per document, instead of ``Span.text``,
``for t in span``, ``Token.sent`` and token walks that made new ``Token`` objects on every read.
Every answer must be the one the slow read gives, on text with the whitespace news copy has:
runs of spaces, blank lines, a line of spaces, a trailing space, a dateline.
"""

from __future__ import annotations

from typing import Any

import pytest

from parley.extract.speech.syntax import paragraph_start, same_paragraph
from parley.nlp.docs import (
    doc_sents,
    paragraph_first,
    paragraph_number,
    sentences_over,
    span_text,
    span_tokens,
)

TEXT = (
    "OSLO, June 9 (Bench Wire) —  Envoys of Norland and Suvania met  for a third round.\n\n"
    'The mediator said  "we are close" , and left.\n \n'
    "Talks resume on Friday. Nobody  commented \n"
    "A last line ends with a space "
)


@pytest.fixture(scope="module")
def doc(nlp: Any) -> Any:
    return nlp(TEXT)


def test_sentence_and_span_texts_equal_spacys(doc: Any) -> None:
    sents = list(doc.sents)
    assert [s.start for s in doc_sents(doc)] == [s.start for s in sents]
    spans = [*sents, *doc.ents, doc[0:0], doc[3:3], doc[:], doc[5:9], doc[len(doc) - 2 :]]
    spans += [doc[i : i + 1] for i in range(len(doc))]
    for span in spans:
        assert span_text(span) == span.text, (span.start, span.end)
        assert [t.i for t in span_tokens(span)] == [t.i for t in span]


def test_sentences_over_a_span_are_its_tokens_sentences(doc: Any) -> None:
    n = len(doc)
    for start in range(n):
        for end in (start, start + 1, start + 4, n):
            expected = sorted({t.sent.start for t in doc[start:end]})
            found = [s.start for s in sentences_over(doc, start, min(end, n))]
            assert found == expected, (start, end)


def _breaks(tok: Any) -> bool:
    """A line break follows ``tok``: in its trailing space, or it is a blank holding one."""
    return "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text)


def _walk_start(i: int, doc: Any) -> int:
    """The definition: walk back to the token after the last line break."""
    while i > 0 and not _breaks(doc[i - 1]):
        i -= 1
    return i


def test_paragraph_bounds_follow_the_line_breaks(doc: Any) -> None:
    for i in range(len(doc) + 1):
        assert paragraph_start(doc, i) == paragraph_first(doc, i) == _walk_start(i, doc), i
    for a in doc:
        for b in doc:
            lo, hi = sorted((a.i, b.i))
            broken = any(_breaks(t) for t in doc[lo:hi])
            assert same_paragraph(a, b) is (not broken), (a.i, b.i)
            assert (paragraph_number(doc, a.i) == paragraph_number(doc, b.i)) is (not broken)
    assert paragraph_number(doc, 0) == 0 and paragraph_number(doc, len(doc) - 1) >= 3
