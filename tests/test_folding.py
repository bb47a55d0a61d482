"""ascii_folded spells every character a case-blind pattern matches with an ASCII letter as
that letter, so a substring test on the folded text can rule such a pattern out."""

from __future__ import annotations

import re
import string

from parley.nlp.folding import ascii_folded

_EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_every_character_a_case_blind_letter_matches_folds_to_that_letter() -> None:
    matched = re.findall("[a-z]", _EVERY_CHARACTER, re.IGNORECASE)
    assert {c for c in matched if not c.isascii()} == set("\u0130\u0131\u017f\u212a")
    for letter in string.ascii_lowercase:
        for ch in re.findall(letter, _EVERY_CHARACTER, re.IGNORECASE):
            assert ascii_folded(ch) == letter, (letter, hex(ord(ch)))


def test_the_twins_of_i_s_and_k_fold_to_them() -> None:
    assert ascii_folded("\u0130N \u0131n Augu\u017ft wee\u212a") == "in in august week"
