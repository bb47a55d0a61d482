"""A paragraph break always ends a sentence.

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

if TYPE_CHECKING:
    from thinc.types import Ints2d

__all__ = ["PARAGRAPHS", "mark_paragraphs"]

PARAGRAPHS = "parley_paragraphs"


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
    return doc
