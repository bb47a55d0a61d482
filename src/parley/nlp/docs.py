"""Per-document lookups that spaCy recomputes on every access.

``Doc.text`` joins every token's text each time it is read, and ``Doc.ents`` (and so
``Span.ents``) builds a span for every entity of the document each time. Reading either once
per match or per sentence makes an extractor quadratic in the article's length: a
100,000-character article read them hundreds of times. The functions here build each once per
document and answer from an index.

Extractors never change a parsed document's text or entities, so the index stays true for the
document's life. Only the indexes of the last few documents are kept: an index holds its
document (and its entities hold it too), so a cache keyed weakly by the document kept every
document of a run alive, about 100 KB per article (a memory curve rising without end).
"""

from __future__ import annotations

import bisect
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "doc_text",
    "doc_ents",
    "doc_tokens",
    "span_text",
    "span_tokens",
    "doc_sents",
    "sentences_over",
    "ents_within",
    "entity_at",
    "entity_starting",
    "paragraph_number",
    "paragraph_first",
    "paragraph_starts",
]


class _Index:
    """What is read from one document, built on first use."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @cached_property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(self.doc)

    @cached_property
    def ents(self) -> tuple[Span, ...]:
        return tuple(self.doc.ents)

    @cached_property
    def starts(self) -> list[int]:
        return [ent.start for ent in self.ents]

    @cached_property
    def sents(self) -> tuple[Span, ...]:
        return tuple(self.doc.sents)

    @cached_property
    def sent_ends(self) -> list[int]:
        return [sent.end for sent in self.sents]

    @cached_property
    def paragraphs(self) -> tuple[list[int], list[int]]:
        """Each token's paragraph number and each paragraph's first token. A paragraph ends
        after a token followed by a line break (in its trailing whitespace, or a whitespace
        token holding one), as the speech extractors read paragraphs."""
        number, firsts = [], [0]
        current = 0
        for tok in self.tokens:
            number.append(current)
            if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
                current += 1
                firsts.append(tok.i + 1)
        number.append(current)  # the position after the last token, as a walk back from it
        return number, firsts

    @cached_property
    def covering(self) -> dict[int, Span]:
        return {i: ent for ent in self.ents for i in range(ent.start, ent.end)}


# The documents being analysed now (one per thread doing it) and the few before them, by
# identity: an entry holds its document, so no other live object can share its id.
_KEEP = 4
_RECENT: dict[int, _Index] = {}


def _index(doc: Doc) -> _Index:
    found = _RECENT.get(id(doc))
    if found is None or found.doc is not doc:
        found = _RECENT[id(doc)] = _Index(doc)
        while len(_RECENT) > _KEEP:
            _RECENT.pop(next(iter(_RECENT)), None)
    return found


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document."""
    return _index(doc).text


def doc_tokens(doc: Doc) -> tuple[Token, ...]:
    """The document's tokens, made once: iterating a ``Doc`` (or indexing it) builds a new
    ``Token`` object for every token each time, and the extractors walk every document a
    dozen times."""
    return _index(doc).tokens


def span_text(span: Span) -> str:
    """``span.text``, sliced from the document's text: ``Span.text`` makes a ``Token`` for
    each of the span's words and joins their texts on every read, and the negotiation passes
    read each sentence's text a dozen times. The slice is the same string (a token's trailing
    whitespace is one space or none, which ``Span.text`` drops after the last token)."""
    if span.start >= span.end:
        return ""
    return _index(span.doc).text[span.start_char : span.end_char]


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """``doc.sents``, made once per document: each pass makes every sentence's span again
    (and two ``Token`` objects for each), and the negotiation passes walk the sentences a
    dozen times."""
    return _index(doc).sents


def span_tokens(span: Span) -> tuple[Token, ...]:
    """The span's tokens from the document's one list (:func:`doc_tokens`): iterating a
    ``Span`` makes a new ``Token`` for each word on every pass."""
    return _index(span.doc).tokens[span.start : span.end]


def sentences_over(doc: Doc, start: int, end: int) -> tuple[Span, ...]:
    """The sentences holding any of the tokens ``start`` … ``end - 1``, in order: the
    ``Token.sent`` of each (which walks to both ends of its sentence per token), read from
    the document's sentences once."""
    if start >= end:
        return ()
    index = _index(doc)
    first = bisect.bisect_right(index.sent_ends, start)
    found = []
    for sent in index.sents[first:]:
        if sent.start >= end:
            break
        found.append(sent)
    return tuple(found)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per document."""
    return _index(doc).ents


def ents_within(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside ``span``, in order) from the document index."""
    index = _index(span.doc)
    out: list[Span] = []
    for ent in index.ents[bisect.bisect_left(index.starts, span.start) :]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity that token ``i`` is part of, or None."""
    return _index(doc).covering.get(i)


def entity_starting(doc: Doc, i: int) -> Span | None:
    """The entity that begins at token ``i``, or None."""
    ent = _index(doc).covering.get(i)
    return ent if ent is not None and ent.start == i else None


def paragraph_number(doc: Doc, i: int) -> int:
    """The number of the paragraph holding token ``i`` (0 for the first): two tokens share a
    paragraph exactly when no line break falls between them. Walking the tokens between two
    words for a break, once per candidate pair, made the attribution passes quadratic in a
    paragraph's length."""
    return _index(doc).paragraphs[0][i]


def paragraph_first(doc: Doc, i: int) -> int:
    """Index of the first token of the paragraph holding token ``i``."""
    numbers, firsts = _index(doc).paragraphs
    return firsts[numbers[i]]


def paragraph_starts(doc: Doc) -> list[int]:
    """Index of the first token of each paragraph, in order (0 first)."""
    return list(_index(doc).paragraphs[1])
