"""Step 3 of normalisation: split a known name glued to the next word ("AxiosContacts").

Scrapers drop the block boundary after a credit line, a link or a dateline, so a name runs into
the sentence after it. We split only where both sides are credible:

1. the left part is a *known* name (outlet or place, see :mod:`parley.normalize.names`) that
   starts at a word boundary and ends exactly at a lower/upper-case boundary;
2. the right part is a capitalised word, and the two together are not a longer known name;
3. the right part opens a sentence: a common opener ("The", "It"); or any capitalised word
   after an outlet standing alone as a credit (". AxiosContacts") or after a knowledge-base
   place opening the first paragraph, which is a dateline ("MoscowThe").

So iPhone, McCain, YouTube or JavaScript are never touched: no known name ends where they bend.

A whole sentence can be glued to the next the same way ("… the group said.At the meeting …"):
a full stop between a lower-case word of two letters or more and a common sentence opener is a
lost space. Abbreviations ("e.g.The"), initials ("J.R.") and web addresses ("news.at") are not:
their left part is one letter, upper-case, or their right part is lower-case.

What is inserted is recorded in ``Repair.inserted``: " — " after a dateline (the wire style the
dateline reader understands), ". " after any other name, which ends the sentence it closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.models import Repair
from parley.normalize.names import NameIndex
from parley.normalize.tracked import Tracked

__all__ = ["repair_glue", "SENTENCE_OPENERS"]

#: Words that commonly open an English sentence; a place glued to one of them is a lost break.
SENTENCE_OPENERS = frozenset(
    """a according after against all also although an and another any as at because before
    both but by despite during each earlier either even every few following for from he her
    here his however i if in instead it its last later many meanwhile more most moreover
    neither nevertheless no nor not now of officials on one only other our over since so
    some still such that the their then there these they this those though thus to today
    under unlike until we what when whether which while who with yesterday yet""".split()
)

_CANDIDATE = re.compile(r"(?<=[A-Za-z.])(?=[A-Z][a-z])")
_FRAGMENT = re.compile(r"[\w.&'’-]+$")
_RIGHT_WORD = re.compile(r"[A-Z][a-z]+")
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*$")

DATELINE_WHY = "dateline glued to the first sentence"
SENTENCE_WHY = "sentence glued to the next"

# "said.At": a lower-case word (two letters or more) and its full stop, then a capitalised word.
_GLUED_SENTENCE = re.compile(r"(?<![\w.@/])([a-z]{2,}\.)([A-Z][a-z]+)\b")


@dataclass(frozen=True)
class _Glue:
    start: int
    split_at: int
    name: str
    word: str
    why: str
    inserted: str


def repair_glue(body: Tracked, names: NameIndex) -> tuple[Tracked, list[Repair]]:
    """Split every glued known name in ``body``; return the new text and what was done."""
    found = [g for p in _candidates(body.text) if (g := _classify(body.text, p, names))]
    found = sorted([*found, *_glued_sentences(body.text)], key=lambda g: g.split_at)
    repairs = [
        Repair(
            glued=g.name + g.word,
            split=[g.name, g.word],
            why=g.why,
            start=body.origin(g.start),
            inserted=g.inserted,
        )
        for g in found
    ]
    return body.apply((g.split_at, g.split_at, g.inserted) for g in found), repairs


def _glued_sentences(text: str) -> list[_Glue]:
    """Full stops with no space after them between a sentence and a common opener."""
    return [
        _Glue(m.start(), m.end(1), m.group(1), m.group(2), SENTENCE_WHY, " ")
        for m in _GLUED_SENTENCE.finditer(text)
        if m.group(2).lower() in SENTENCE_OPENERS
    ]


def _candidates(text: str) -> list[int]:
    return [m.start() for m in _CANDIDATE.finditer(text)]


def _classify(text: str, p: int, names: NameIndex) -> _Glue | None:
    """The repair at case boundary ``p``, or None when the evidence is not strong enough."""
    name = _name_ending_at(text, p, names)
    word_match = _RIGHT_WORD.match(text, p)
    if name is None or word_match is None:
        return None
    word = word_match.group()
    if names.extends_a_name(name, word):
        return None
    start = p - len(name)
    opener = word.lower() in SENTENCE_OPENERS
    if name in names.outlets:
        if _opens_sentence(text, start):
            why = "source credit glued to the next sentence"
        elif opener:
            why = "outlet name glued to the next sentence"
        else:
            return None
        return _Glue(start, p, name, word, why, _stop_after(name))
    if start == 0 and (name in names.kb_places or opener):
        return _Glue(start, p, name, word, DATELINE_WHY, " — ")
    if opener:
        why = "place name glued to the next sentence"
        return _Glue(start, p, name, word, why, _stop_after(name))
    return None


def _name_ending_at(text: str, p: int, names: NameIndex) -> str | None:
    """The longest known name ending at ``p`` and starting at a word boundary."""
    fragment = _FRAGMENT.search(text, 0, p)
    if fragment is None:
        return None
    for name in names.by_last_word.get(fragment.group(), []):
        start = p - len(name)
        if start >= 0 and text[start:p] == name and (start == 0 or not text[start - 1].isalnum()):
            return name
    return None


def _opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` opens a paragraph or follows a sentence end (a credit line)."""
    before = text[max(0, start - 8) : start].rstrip()
    return start == 0 or before == "" or bool(_SENTENCE_END.search(before))


def _stop_after(name: str) -> str:
    # "U.S." already ends with a full stop; adding another would make "U.S.. The".
    return " " if name.endswith(".") else ". "
