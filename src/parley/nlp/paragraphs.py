"""A paragraph break always ends a sentence; an abbreviation such as "hon." never does.

News text is one paragraph per line. The statistical parser sometimes runs a sentence across a
line break (a headline-like line into the next paragraph, a quote into the next speaker's
words), and every extractor that works per sentence then pairs words that have nothing to do
with each other. Setting ``is_sent_start`` on the first token after a newline before the parser
runs makes the parser respect the boundary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from parley import knowledge

if TYPE_CHECKING:
    from thinc.types import Ints2d

__all__ = ["PARAGRAPHS", "mark_paragraphs"]

PARAGRAPHS = "parley_paragraphs"
_LEX = "lexicon/names.json"  # word lists of this module: parley.knowledge


@Language.component(PARAGRAPHS)
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence at the first token after every whitespace token holding a newline.

    The marks are written in one array operation: setting ``Token.is_sent_start`` checks the
    whole document for a parse each time, which made long articles quadratic.
    """
    starts = [t.i + 1 for t in doc[:-1] if "\n" in t.text and not t.text.strip()]
    if starts:
        values = doc.to_array([SENT_START]).reshape(-1, 1)  # one attribute: a column
        values[starts, 0] = 1
        doc.from_array([SENT_START], cast("Ints2d", values))
    for i in _after_abbreviations(doc):  # rare, so one by one
        if i not in starts:
            doc[i].is_sent_start = False
    return doc


def _after_abbreviations(doc: Doc) -> list[int]:
    """Tokens right after an abbreviation that never ends a sentence ("the hon. Member",
    "Sen. Ruiz"): the parser, seeing a full stop and a capital, would start a sentence there
    and cut the member from what they asked. The stop may be glued to the word or its own
    token."""
    never = set(knowledge.phrases(_LEX, "never_final_abbreviations"))
    found = []
    for tok in doc[:-1]:
        word = tok.text[:-1] if tok.text.endswith(".") and len(tok) > 1 else ""
        if not word and tok.text == "." and tok.i > 0 and not doc[tok.i - 1].whitespace_:
            word = doc[tok.i - 1].text
        if word in never and tok.whitespace_ and doc[tok.i + 1].is_alpha:
            found.append(tok.i + 1)
    return found
