"""Text comparisons used to match gold items to found records by meaning, not by offsets."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["norm", "tokens", "jaccard", "overlap_of_shorter", "texts_overlap", "pieces"]

# Quotes, dashes and ellipses vary between a scraped text and a person's transcription of it.
_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
# A person abbreviates long evidence with "..." (or "…"); each piece must be found on its own.
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\])\s*")


def norm(text: str) -> str:
    """Case-, accent-, punctuation- and whitespace-insensitive form of ``text``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()


def tokens(text: str) -> set[str]:
    """The set of normalised words of ``text``."""
    return set(norm(text).split())


def jaccard(a: str, b: str) -> float:
    """Token Jaccard similarity (0 when both are empty)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def overlap_of_shorter(a: str, b: str) -> float:
    """Share of the shorter text's words that the other text also has (0 when one is empty)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def pieces(text: str) -> list[str]:
    """``text`` split at ellipses a person used to shorten it, empty pieces dropped."""
    return [p for p in _ELLIPSIS.split(text) if norm(p)]


def texts_overlap(a: str, b: str, min_jaccard: float = 0.5) -> bool:
    """Whether two spans say the same thing: one contains the other, or their words mostly agree.

    Containment is checked on normalised strings at word boundaries, so "in good faith" is in
    "acted in good faith" but "faith" is not in "faithful".
    """
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    if f" {na} " in f" {nb} " or f" {nb} " in f" {na} ":
        return True
    return jaccard(a, b) >= min_jaccard
