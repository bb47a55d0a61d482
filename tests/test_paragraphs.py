"""A paragraph break always starts a sentence (hand-built Docs, and the real pipeline)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from parley.nlp.paragraphs import mark_paragraphs


def test_the_token_after_a_newline_starts_a_sentence_and_others_are_left_to_the_parser() -> None:
    words = ["Talks", "ended", "\n", "Reuters", "reported", "it", "."]
    spaces = [True, False, False, True, True, False, False]
    doc = mark_paragraphs(Doc(Vocab(), words=words, spaces=spaces))
    assert doc[3].is_sent_start is True
    assert [doc[i].is_sent_start for i in (1, 4, 5)] == [None, None, None]


@pytest.mark.model
def test_the_parser_keeps_a_headline_line_out_of_the_next_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("No progress on Ukraine\nThe White House has also been keen to talk.")
    assert [s.text.strip() for s in doc.sents][0] == "No progress on Ukraine"
