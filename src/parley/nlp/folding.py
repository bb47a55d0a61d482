"""Case folding for substring tests that rule a case-blind pattern out.

A pattern compiled with ``re.IGNORECASE`` matches an ASCII letter in either case and, for
``i``, ``s`` and ``k``, four other characters (Turkish dotted and dotless i, long s, Kelvin
sign). Folding a text so that each of them becomes its lower-case ASCII letter means a
case-blind pattern of an ASCII word can match in the text only where the folded text holds the
lower-cased word: a substring test (``str.find`` speed) that spares the pattern's scan where it
cannot match. ``tests/test_folding.py`` checks the list against Python's own matching.
"""

from __future__ import annotations

__all__ = ["ascii_folded"]

# The characters other than A-Z and a-z that a case-blind pattern matches with an ASCII
# letter (Turkish dotted and dotless i, long s, Kelvin sign), as that letter.
_ASCII_TWINS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def ascii_folded(text: str) -> str:
    """``text`` lower-cased so that a case-blind pattern of an ASCII word can match in it only
    where the lower-cased word occurs."""
    return text.translate(_ASCII_TWINS).lower()
