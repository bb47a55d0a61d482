"""Step 1 of normalisation: Unicode and whitespace, nothing about meaning.

NFC, no control or invisible format characters, one kind of space, ``\\n`` line endings, single
spaces, at most one blank line between paragraphs. Curly quotes and dashes are kept: quote
extraction and datelines need them.
"""

from __future__ import annotations

import re
import unicodedata

from parley.normalize.tracked import Tracked

__all__ = ["clean_text"]

_LINE_ENDINGS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Cc (controls other than \n and \t) and Cf (zero-width, soft hyphen, BOM, bidi marks): they are
# invisible in the article, so removing them cannot change what a reader saw.
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u180e\u200b-\u200f"
    r"\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACES = re.compile(r" {2,}")
_SPACE_AT_LINE_EDGE = re.compile(r" *\n *")
_BLANK_LINES = re.compile(r"\n{3,}")
_EDGES = re.compile(r"^\s+|\s+$")


def clean_text(raw: Tracked) -> Tracked:
    """Return ``raw`` with Unicode and whitespace normalised; idempotent."""
    text = raw.sub(_LINE_ENDINGS, "\n").sub(_INVISIBLE, "")
    text = _nfc(text)
    text = text.sub(_ODD_SPACE, " ").sub(_SPACES, " ").sub(_SPACE_AT_LINE_EDGE, "\n")
    return text.sub(_BLANK_LINES, "\n\n").sub(_EDGES, "")


def _nfc(text: Tracked) -> Tracked:
    """NFC, applied per base character and its combining marks so origins stay exact."""
    if unicodedata.is_normalized("NFC", text.text):
        return text
    edits = []
    chunk_start = 0
    for i in range(1, len(text.text) + 1):
        if i == len(text.text) or unicodedata.combining(text.text[i]) == 0:
            chunk = text.text[chunk_start:i]
            composed = unicodedata.normalize("NFC", chunk)
            if composed != chunk:
                edits.append((chunk_start, i, composed))
            chunk_start = i
    return text.apply(edits)
