"""Step 4 of normalisation: read the dateline that opens a wire story.

Recognised shapes (place, optional region, optional date, optional credit, then a dash)::

    MOSCOW —                         KYIV, Ukraine —
    MOSCOW, Feb 5 (Reuters) -        ABU DHABI, Feb. 4 (AP) —
    Moscow (Reuters) -               Moscow — (only when Moscow is a known place)

The dateline stays in the text (offsets keep meaning what the article says); the place, in its
usual spelling, goes to ``Article.dateline`` and the credit can supply a missing outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import parley.knowledge as knowledge
from parley.kb import KnowledgeBase
from parley.normalize.names import NameIndex

__all__ = ["Dateline", "dateline_date", "dateline_region", "read_dateline"]

_CAPS_WORD = r"[A-Z][A-Z'’.\-]+"
_TITLE_WORD = r"[A-Z][a-z'’\-]+"


@knowledge.derived
def _dateline() -> re.Pattern[str]:
    """The dateline pattern; its month names come from lexicon/timeplace.json."""
    names = sorted(knowledge.table("lexicon/timeplace.json", "months"), key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(n.capitalize()) for n in names) + r")[a-z]*\.?"
    return re.compile(
        rf"""
    (?P<place>{_CAPS_WORD}(?:[ /]{_CAPS_WORD})*|{_TITLE_WORD}(?:[ /]{_TITLE_WORD}){{0,2}})
    (?:,\ (?!{month}\ \d)(?P<region>[A-Z][A-Za-z.'’\-]*(?:\ [A-Z][A-Za-z.'’\-]*){{0,2}}))?
    (?:,\ (?P<date>{month}\ \d{{1,2}}))?
    (?:\ ?\((?P<credit>[A-Z][^()\n]{{0,38}})\))?
    (?:\ ?[—–]\ ?|\ (?:--|-)\ )""",
        re.VERBOSE,
    )


_PLACE_KINDS = ("state", "place")


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of the text: ``text[0:end]`` is the whole dateline."""

    place: str
    credit: str | None
    end: int


def read_dateline(text: str, names: NameIndex, kb: KnowledgeBase) -> Dateline | None:
    """The dateline opening ``text``, or None when the opening is not credibly one."""
    m = _dateline().match(text)
    if m is None:
        return None
    place, credit = m.group("place"), m.group("credit")
    wire_style = bool(credit or m.group("date"))
    # Without a credit or date, "NATO — ..." or "Putin — ..." is a sentence, not a dateline.
    if not wire_style and _names_something_else(place, kb):
        return None
    shouting = place.upper() == place
    if not (shouting or wire_style or names.is_place(place)):
        return None
    return Dateline(place=_usual_spelling(place, names), credit=credit, end=m.end())


def dateline_region(text: str) -> str | None:
    """The region or country after the place of a dateline ("KANDAHAR, Afghanistan -":
    "Afghanistan"), which places a story whose town the gazetteer does not know (events18)."""
    m = _dateline().match(text)
    return m.group("region") if m is not None else None


def dateline_date(text: str) -> tuple[int, int] | None:
    """Where the date of a dateline opening ``text`` stands ("KYIV, March 27 (Wire) —"), or None.

    A place, a date and a dash is a wire's dateline by its shape alone (:func:`read_dateline`
    asks nothing more of it), and its date is the day the story was written, which an archive
    copy published later does not change.
    """
    m = _dateline().match(text)
    return m.span("date") if m is not None and m.group("date") else None


def _names_something_else(place: str, kb: KnowledgeBase) -> bool:
    """Whether the KB knows ``place`` only as a non-place ("NATO —" opens a sentence)."""
    actors = kb.lookup(place)
    return bool(actors) and not any(a.kind in _PLACE_KINDS for a in actors)


def _usual_spelling(place: str, names: NameIndex) -> str:
    """Spell a shouted place as usual ("KYIV" → "Kyiv"); mixed case is kept as written."""
    if place.upper() != place:
        return place
    return "/".join(_one_place(part, names) for part in place.split("/"))


def _one_place(place: str, names: NameIndex) -> str:
    known = names.casing.get(place.casefold())
    if known is not None:
        return known
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in place.split(" "))
