"""A person's grammatical gender as the text or the knowledge base shows it, when it does.

Pronouns ("she said") must agree with their antecedent, and "Mrs. Okafor" is not the man the
knowledge base lists as Okafor. The evidence is a title before the name (Mr., Mrs., Ms., …)
or a first name in the short table of ``parley/data/lexicon/speech.json``; without either the
gender is unknown (None) and nothing is ruled out.
"""

from __future__ import annotations

from typing import Literal

from parley.knowledge import words

__all__ = ["Gender", "gender_of_name", "gender_of_pronoun", "agrees"]

Gender = Literal["female", "male"]
_LEXICON = "lexicon/speech.json"


def _title_gender(word: str) -> Gender | None:
    bare = word.rstrip(".").lower()
    if bare in words(_LEXICON, "female_titles"):
        return "female"
    if bare in words(_LEXICON, "male_titles"):
        return "male"
    return None


def gender_of_name(text: str) -> Gender | None:
    """The gender a name phrase shows: a title anywhere in it, else its first given name.

    "Mrs. Ann Okafor" and "Ms Okafor" are female, "Mr Okafor" male, "Giorgia Meloni" female
    by the first-name table, "Okafor" unknown.
    """
    tokens = text.replace("’s", " ").replace("'s", " ").split()
    for tok in tokens:
        found = _title_gender(tok)
        if found is not None:
            return found
    for tok in tokens:
        if not tok[:1].isupper():
            continue
        name = tok.strip(",.")
        if name.lower() in words(_LEXICON, "female_first_names"):
            return "female"
        if name.lower() in words(_LEXICON, "male_first_names"):
            return "male"
    return None


def gender_of_pronoun(word: str) -> Gender | None:
    """ "she"/"her" female, "he"/"his" male; other pronouns carry no gender."""
    low = word.lower()
    if low in words(_LEXICON, "female_pronouns"):
        return "female"
    if low in words(_LEXICON, "male_pronouns"):
        return "male"
    return None


def agrees(a: Gender | None, b: Gender | None) -> bool:
    """Whether two genders can be the same person's: unknown agrees with anything."""
    return a is None or b is None or a == b
