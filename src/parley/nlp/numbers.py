"""Number words, read from ``parley/data/lexicon/numbers.json`` (the one copy Parley has).

Dates ("three weeks ago"), event counts ("two days of talks"), quantities ("a thousand
prisoners") and negotiation rounds ("the second round") all read numbers written as words; they
share these tables so a word one of them knows, all of them know.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import parley.knowledge as knowledge

__all__ = [
    "cardinals",
    "multipliers",
    "numbers",
    "counts",
    "vague_counts",
    "ordinals",
    "parse_number",
]

_FILE = "lexicon/numbers.json"


def _ints(key: str) -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in knowledge.table(_FILE, key).items()}


@knowledge.derived
def cardinals() -> Mapping[str, int]:
    """ "one" → 1 … "ninety" → 90 (compound numbers are read by :func:`parse_number`)."""
    return _ints("cardinals")


@knowledge.derived
def multipliers() -> Mapping[str, int]:
    """ "dozen" → 12, "hundred" → 100, … "billion"."""
    return _ints("multipliers")


@knowledge.derived
def numbers() -> Mapping[str, int]:
    """Words that give an exact count before a unit: the cardinals and "a"/"an" (one)."""
    return {**_ints("articles"), **cardinals()}


@knowledge.derived
def counts() -> Mapping[str, int]:
    """:func:`numbers` and vague counts ("a few" → 3, "a couple of" → 2, "several" → 3)."""
    return {**numbers(), **_ints("approximate")}


@knowledge.derived
def vague_counts() -> frozenset[str]:
    """ "a few", "a couple of", "several": counts that say roughly how many."""
    return frozenset(_ints("approximate"))


@knowledge.derived
def ordinals() -> Mapping[str, int]:
    """ "first" → 1 … "tenth" → 10."""
    return _ints("ordinals")


def parse_number(words: list[str]) -> float | None:
    """The value of a number written in digits or words: "157", "1,000", "a thousand", "six"."""
    total, current, seen = 0.0, 0.0, False
    for word in (w.lower().replace(",", "") for w in words):
        if word == "and" or word in _ints("articles"):
            current = current or (1.0 if word != "and" else current)
            continue
        if re.fullmatch(r"\d+(\.\d+)?", word):
            current += float(word)
        elif word in multipliers():
            current = (current or 1.0) * multipliers()[word]
            if word != "hundred":
                total, current = total + current, 0.0
        elif word in cardinals():
            current += cardinals()[word]
        else:
            return None
        seen = True
    return total + current if seen else None
