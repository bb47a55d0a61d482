"""The negotiation extractors' word lists as pieces of regular expressions.

Every English word a negotiation pattern reads is in ``lexicon/negotiation.json`` (month and
weekday names in ``lexicon/timeplace.json``), so a user's file extends the patterns as it extends
any list. The modules build their patterns from these pieces once per knowledge configuration
(:func:`parley.knowledge.derived`).

An alternation tries its words in the order the list gives them, and the pieces keep that order:
a list writes a longer phrase before a shorter one that begins it ("calls for" before "call").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import parley.knowledge as knowledge

__all__ = ["alt", "capitalised", "full_names", "spaced"]


def alt(words: Iterable[str]) -> str:
    """The words as one alternation, each matched as written (a space is one space)."""
    return "|".join(re.escape(w) for w in words)


def spaced(words: Iterable[str]) -> str:
    """:func:`alt` where a space is any run of white space and a ``*`` any one word
    ("put * signature" reads "put their signature")."""
    return "|".join(r"\s+".join(_word(p) for p in w.split()) for w in words)


def _word(piece: str) -> str:
    return r"\w+" if piece == "*" else re.escape(piece)


def capitalised(words: Iterable[str]) -> str:
    """:func:`alt` of the words with a capital first letter, for a pattern that reads names."""
    return alt(w[:1].upper() + w[1:] for w in words)


def full_names(table: str) -> list[str]:
    """The full name of each month or weekday of ``table`` in ``lexicon/timeplace.json`` (the
    longest name of each number: "september", not "sept"), in calendar order."""
    names: dict[int, str] = {}
    for name, n in knowledge.table("lexicon/timeplace.json", table).items():
        if len(name) > len(names.get(n, "")):
            names[n] = name
    return [names[n] for n in sorted(names)]
