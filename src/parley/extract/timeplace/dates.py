"""Time expressions: find them, then resolve them against the publication date.

The extractor ``parley.dates.v1`` fills ``analysis.dates``. Finding is a cascade of our own
patterns (explicit dates, months, seasons, weekdays, relative days/weeks/years, "ago", durations
and "the coming weeks"), then spaCy DATE/TIME entities that no pattern covered, which go to
dateparser as a last resort. Every word the patterns read (month and weekday names, "last",
"ago", "the coming", units, seasons) is in ``lexicon/timeplace.json``, so a user's file extends
them, and the tables beside them say what a word means ("previous" is one step back).
Resolution is a pure function, :func:`resolve_expression`, of the text, the publication date and
the *tense* of the governing verb, because "on Monday" and "in October" point backwards in a
past-tense sentence and forwards in a future one.

Conventions (a person reading ``value`` should not be surprised):

* ``precision`` is the unit the text gives: "in October" is ``month`` (``2025-10``), never a day.
* Seasons resolve to the year the season starts in (northern hemisphere): ``value`` is the year,
  ``precision`` is ``season`` and ``text`` keeps the season word ("last spring" -> ``2025``).
* Weeks are ranges: ``value`` is the Monday, ``end_value`` the Sunday, ``precision`` ``range``.
* A duration counted from publication ("another six months", "within two weeks") gives the end
  point as both ``value`` and ``end_value`` with precision ``approximate``; an open duration
  ("for months") has ``value`` None. "In the coming weeks" is a ``range`` from publication.
* Present tense counts as "nearest": the closest occurrence before or after publication.
* "last Friday" is the Friday of the calendar week before publication ("on Friday" or "this
  past Friday" name the nearer one); "from June until August" is read as one span, which in a
  past sentence ends before publication.
* A wire dateline that carries its day ("KYIV, March 27 (Wire) —") is the day the story was
  written: relative expressions count from it, not from a later publication date.
* "October 5 last year" is one expression, in the year the phrase names; "at dawn on Wednesday"
  and "late on Tuesday" are one expression each, resolved as "on Wednesday" is.
* Without a publication date every expression keeps its text and gets ``value`` None.

``ctx.products.date_kind`` maps each expression's start offset to ``point``, ``range`` or
``duration`` so the events extractor attaches only points and ranges as event dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import parley.knowledge as knowledge
from parley.extract.base import Context, DateKind, isolated, register
from parley.models import Precision, TimeExpression
from parley.nlp.docs import doc_ents, doc_text
from parley.nlp.folding import ascii_folded
from parley.nlp.numbers import counts, vague_counts
from parley.normalize.dateline import dateline_date

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "DatesExtractor",
    "Resolved",
    "Tense",
    "find_expressions",
    "resolve_expression",
    "tense_of",
]

_LEX = "lexicon/timeplace.json"  # word lists of this module: parley.knowledge

log = logging.getLogger(__name__)

Tense = Literal["past", "future", "present"]
Kind = DateKind


@knowledge.derived
def _numbers() -> dict[str, int]:
    """Counts before a unit ("three weeks", "a few days"), from lexicon/numbers.json.

    Kept to the words this extractor has always read: all cardinals would also find "for
    fourteen months" (one more date in the events gold), a change to make with a snapshot
    regeneration.
    """
    return {w: n for w, n in counts().items() if 1 <= n <= 12 or n in (18, 20, 30)}


# How far "the coming days/weeks/months/years" reach, as (unit, count).
COMING_REACH = {"day": ("day", 7), "week": ("week", 4), "month": ("month", 3), "year": ("year", 2)}

_ORD = r"(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class Resolved:
    """The meaning of one expression: an ISO ``value`` at a ``precision``, maybe an end."""

    value: str | None
    precision: Precision
    end_value: str | None = None
    kind: Kind = "point"


@dataclass(frozen=True)
class _Rule:
    """One pattern of the cascade, with what a line must hold for it to find a date there.

    The gate (``needs``, ``digit``, ``capital``) only lets :func:`find_expressions` skip lines
    where the pattern can find nothing it would keep; see :class:`_Line`.
    """

    name: str
    pattern: re.Pattern[str]
    kind: Kind
    needs: tuple[frozenset[str], ...] = ()
    """Word lists the pattern reads: a word of each occurs in the line (case-blind)."""
    digit: bool = False
    """The pattern reads a digit."""
    capital: frozenset[str] | None = None
    """Names a kept match spells with a capital (months, weekdays): one of them ends a word
    of the line, begun by an upper-case letter."""
    by_line: bool = field(init=False, default=False)
    """Whether the pattern scans only the lines its gate admits (:func:`_matches`)."""

    def __post_init__(self) -> None:
        gated = bool(self.needs or self.digit or self.capital is not None)
        object.__setattr__(self, "by_line", gated and _within_lines(self.pattern.pattern))


# ------------------------------------------------------------------ patterns from the lexicon
# Every word a pattern reads comes from lexicon/timeplace.json, so a user's file extends the
# patterns as it extends any list; the patterns are compiled once per knowledge configuration.


def months() -> Mapping[str, int]:
    """Month names and abbreviations, lower case, to the month's number."""
    return knowledge.table(_LEX, "months")


def weekdays() -> Mapping[str, int]:
    """Weekday names, lower case, to the weekday's number (Monday 0)."""
    return knowledge.table(_LEX, "weekdays")


def _alt(words: Iterable[str]) -> str:
    """The words as one alternation, longest first: 'in the' is tried before 'in'."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _units(*ids: str) -> str:
    """An alternation of the unit words whose calendar unit is one of ``ids``."""
    table = knowledge.table(_LEX, "date_units")
    return _alt(w for w, unit in table.items() if unit in ids)


def _rx(text: str) -> re.Pattern[str]:
    return re.compile(r"\b" + text + r"\b", re.IGNORECASE)


def _needs(*lists: Iterable[str]) -> tuple[frozenset[str], ...]:
    """The gate of a pattern that reads a word of each list: the lists in lower case. A list
    with a word beyond ASCII (which case folding may spell otherwise) or with no word (an empty
    alternation matches anywhere) is no condition."""
    out = []
    for words in lists:
        folded = frozenset(w.lower() for w in words)
        if folded and all(w.isascii() for w in folded):
            out.append(folded)
    return tuple(out)


def _capitals(words: Iterable[str]) -> frozenset[str] | None:
    """The gate of the names :func:`_plausible` keeps only capitalised (months, weekdays), or
    None (no gate) when a name is not plain ASCII letters, the only words :class:`_Line`'s
    word test reads exactly."""
    folded = frozenset(w.lower() for w in words)
    return folded if folded and all(re.fullmatch("[a-z]+", w) for w in folded) else None


def _unit_words(*ids: str) -> list[str]:
    """The unit words whose calendar unit is one of ``ids`` (the words of :func:`_units`)."""
    return [w for w, unit in knowledge.table(_LEX, "date_units").items() if unit in ids]


@knowledge.derived
def _rules() -> tuple[_Rule, ...]:
    """The cascade of patterns. Longest match wins across rules; on a tie the earlier rule."""
    return _explicit_rules() + _calendar_rules() + _relative_rules() + _duration_rules()


def _month_alt() -> str:
    return r"(?P<month>" + _alt(months()) + r")\.?"


def _parts() -> str:
    return _alt(knowledge.table(_LEX, "part_days"))


def _weekday_lead() -> str:
    """A weekday set before a calendar day, as an apposition naming the same day: "Monday,
    September 14", "Friday 3 May". Read with the day, it is one date (the day's, never the
    weekday's own reckoning from publication), and it tells which year's September 14 is meant."""
    return r"(?:(?P<weekday>" + _alt(weekdays()) + r"),? )?"


def _explicit_rules() -> tuple[_Rule, ...]:
    month, part, lead = _month_alt(), _parts(), _weekday_lead()
    day = _first_day()
    dated = partial(_Rule, kind="point", digit=True, capital=_capitals(months()))
    return (
        _Rule("iso", _rx(r"(?P<year>\d{4})-(?P<mm>\d{2})-(?P<day>\d{2})"), "point", digit=True),
        *_year_of_day_rules(),
        dated("mdy", _rx(lead + month + r" (?P<day>\d{1,2})" + _ORD + r",? (?P<year>\d{4})")),
        dated(
            "dmy",
            _rx(lead + day + r" (?:of )?" + month + r",? (?P<year>\d{4})"),
        ),
        # "March 23-24, 2021", "from 10 to 11 January 2024": a span of days is dated by the
        # day it begins, in the year given after its last day (round 17).
        dated(
            "mdry",
            _rx(lead + month + r" (?P<day>\d{1,2})" + _ORD + _day_span() + r",? (?P<year>\d{4})"),
        ),
        dated("md", _rx(lead + month + r" (?P<day>\d{1,2})" + _ORD + r"(?!\d|,? \d{4})")),
        dated("dm", _rx(lead + day + r" (?:of )?" + month)),
        dated("my", _rx(r"(?:in )?(?:(?:" + part + r")-? ?)?" + month + r",? (?P<year>\d{4})")),
    )


def _span_joiners() -> str:
    """What joins the first and last day of a span: "10th to 13th", "1-3", "23–24" (lexicon
    ``day_span_links``)."""
    return "|".join(
        rf" ?{re.escape(w)} ?" if not w.isalpha() else rf" {re.escape(w)} "
        for w in knowledge.phrases(_LEX, "day_span_links")
    )


def _first_day() -> str:
    """A day written before its month, or the first of two ("from 10th to 13th January"):
    the span is dated by the day it starts (nego22)."""
    return rf"(?P<day>\d{{1,2}}){_ORD}(?:(?:{_span_joiners()})\d{{1,2}}{_ORD})?"


def _day_span() -> str:
    """The last day of a span after its first, month first: "-24" in "March 23-24", " to 25"
    (round 17)."""
    return rf"(?:{_span_joiners()})\d{{1,2}}{_ORD}"


def _year_of_day_rules() -> tuple[_Rule, ...]:
    """A month and day, or a month, whose year a relative phrase names: "October 5 last year".

    Read apart, "October 5" would take the year the tense gives (this year, in December) and
    "last year" would be a second date; together the phrase says which October 5.
    """
    month = _month_alt()
    modifier = _alt(knowledge.phrases(_LEX, "month_modifiers"))
    which = (
        r",? (?P<rel>" + _alt(knowledge.phrases(_LEX, "relative_unit_modifiers")) + r")"
        r" (?P<unit>" + _units("year") + r")(?!['’]s)"  # not "October 5, last year's vote"
    )
    needs = _needs(knowledge.phrases(_LEX, "relative_unit_modifiers"), _unit_words("year"))
    named = partial(_Rule, kind="point", needs=needs, capital=_capitals(months()))
    return (
        named("mdrel", _rx(month + r" (?P<day>\d{1,2})" + _ORD + which), digit=True),
        named("dmrel", _rx(r"(?P<day>\d{1,2})" + _ORD + r" (?:of )?" + month + which), digit=True),
        named("mrel", _rx(r"(?:(?P<mod>" + modifier + r") )?" + month + which)),
    )


def _calendar_rules() -> tuple[_Rule, ...]:
    """A month, decade, season or year on its own, given a modifier that makes it a date."""
    month, part = _month_alt(), _parts()
    # "in June", "by mid-July", "early August"; but not "for July 8", which is a day.
    modifier = _alt(knowledge.phrases(_LEX, "month_modifiers"))
    season_mod = _alt(knowledge.phrases(_LEX, "season_modifiers"))
    seasons = _alt(knowledge.table(_LEX, "seasons"))
    year_lead = "|".join(
        re.escape(w) + ("" if w.endswith("-") else " ")
        for w in knowledge.phrases(_LEX, "year_leads")
    )
    return (
        _Rule(
            "month",
            _rx(rf"(?:(?P<mod>{modifier}) )?(?:(?P<part>{part})(?: |-))?{month}(?!\.? ?\d)"),
            "point",
            capital=_capitals(months()),
        ),
        _Rule(
            "decade",
            _rx(r"(?:the )?(?:(?:" + part + r")-? ?)?(?P<decade>(?:19|20)\d)0s"),
            "point",
            digit=True,
        ),
        _Rule(
            "season",
            _rx(
                r"(?:(?P<mod>" + season_mod + r") )?(?P<season>" + seasons + r")"
                r"(?:(?: of)? (?P<year>\d{4}))?"
            ),
            "point",
            needs=_needs(knowledge.table(_LEX, "seasons")),
        ),
        _Rule(
            "year",
            _rx(r"(?:" + year_lead + r")?(?P<year>(?:19|20)\d{2})(?!s)"),
            "point",
            digit=True,
        ),
    )


def _relative_rules() -> tuple[_Rule, ...]:
    """Days, weekdays and units named from publication: "yesterday", "last Friday", "last week"."""
    day_parts = _alt(knowledge.phrases(_LEX, "day_parts"))
    day_words = _alt(knowledge.table(_LEX, "day_words"))
    part_leads = _alt(knowledge.table(_LEX, "day_part_leads"))
    weekday_mod = _alt(knowledge.table(_LEX, "weekday_modifiers"))
    weekday_lead = _alt(knowledge.phrases(_LEX, "weekday_part_leads"))
    within_mod = _alt(knowledge.phrases(_LEX, "within_modifiers"))
    within_link = _alt(knowledge.phrases(_LEX, "within_links"))
    unit_mod = _alt(knowledge.phrases(_LEX, "relative_unit_modifiers"))
    # "today", or a part of a day ("last night"): either way a word of the two lists.
    day_needs = _needs([*knowledge.table(_LEX, "day_words"), *knowledge.phrases(_LEX, "day_parts")])
    return (
        _Rule(
            "day",
            _rx(r"(?P<day_word>" + day_words + r"|(?:" + part_leads + r") (?:" + day_parts + r"))"),
            "point",
            needs=day_needs,
        ),
        _Rule(
            "weekday",
            _rx(
                r"(?:(?:" + weekday_lead + r") (?=on ))?"
                r"(?:(?P<mod>(?:on )?(?:" + weekday_mod + r")|on) )?"
                r"(?P<weekday>" + _alt(weekdays()) + r")(?: (?:" + day_parts + r"))?"
            ),
            "point",
            capital=_capitals(weekdays()),
        ),
        _Rule(
            "within",
            _rx(
                r"(?P<mod>" + within_mod + r") (?:" + within_link + r") "
                r"(?P<unit>" + _units("week", "month", "year") + r")"
            ),
            "point",
            needs=_needs(
                knowledge.phrases(_LEX, "within_modifiers"),
                knowledge.phrases(_LEX, "within_links"),
                _unit_words("week", "month", "year"),
            ),
        ),
        _Rule(
            "relunit",
            _rx(
                r"(?:the )?(?P<mod>" + unit_mod + r") "
                r"(?P<unit>" + _units("week", "weekend", "month", "year") + r")"
            ),
            "point",
            needs=_needs(
                knowledge.phrases(_LEX, "relative_unit_modifiers"),
                _unit_words("week", "weekend", "month", "year"),
            ),
        ),
    )


def _duration_rules() -> tuple[_Rule, ...]:
    """Counted and open stretches of time: "three weeks ago", "the coming weeks", "for months"."""
    num = r"(?P<num>\d+|" + _alt(_numbers()) + r")"
    unit = r"(?P<unit>" + _units("day", "week", "month", "year", "decade") + r")s?"
    plural = r"(?P<unit>" + _units("day", "week", "month", "year") + r")s"
    ago = _alt(knowledge.phrases(_LEX, "before_now"))
    span_lead = _alt(knowledge.phrases(_LEX, "span_leads"))
    coming = _alt(knowledge.phrases(_LEX, "coming_modifiers"))
    few = _alt(knowledge.phrases(_LEX, "vague_fillers"))
    recent_lead = _alt(knowledge.phrases(_LEX, "recent_leads"))
    recent = _alt(knowledge.phrases(_LEX, "recent_modifiers"))
    duration = _alt(knowledge.table(_LEX, "duration_modifiers"))
    more = _alt(knowledge.phrases(_LEX, "duration_fillers"))
    open_lead = _alt(knowledge.phrases(_LEX, "open_duration_leads"))
    every = _units("day", "week", "month", "year", "decade")
    units = _unit_words("day", "week", "month", "year", "decade")
    plurals = _unit_words("day", "week", "month", "year")
    return (
        _Rule(
            "ago",
            _rx(num + r" " + unit + r" (?:" + ago + r")"),
            "point",
            needs=_needs(knowledge.phrases(_LEX, "before_now"), units),
        ),
        _Rule(
            "coming",
            _rx(rf"(?:(?:{span_lead}) )?the (?P<mod>{coming}) (?:(?:{few}) )?{plural}"),
            "range",
            needs=_needs(knowledge.phrases(_LEX, "coming_modifiers"), plurals),
        ),
        _Rule(
            "recent",
            _rx(r"(?:(?:" + recent_lead + r") )?(?P<mod>" + recent + r") " + plural),
            "range",
            needs=_needs(knowledge.phrases(_LEX, "recent_modifiers"), plurals),
        ),
        _Rule(
            "duration",
            _rx(r"(?P<mod>" + duration + r") " + num + r" (?:(?:" + more + r") )?" + unit),
            "duration",
            needs=_needs(knowledge.table(_LEX, "duration_modifiers"), units),
        ),
        _Rule(
            "open",
            _rx(r"(?:" + open_lead + r") (?P<unit>" + every + r")s"),
            "duration",
            needs=_needs(knowledge.phrases(_LEX, "open_duration_leads"), units),
        ),
    )


def find_expressions(text: str) -> list[tuple[int, int, _Rule, re.Match[str]]]:
    """Every non-overlapping pattern match in ``text``, longest first, in text order.

    Each pattern scans only the lines its gate admits (:class:`_Line`): 22 case-blind
    patterns scanned over every letter of an article were the dates extractor's main cost."""
    rules = _rules()
    lines = _lines(text)
    found: list[tuple[int, int, _Rule, re.Match[str]]] = []
    for rule in rules:
        for m in _matches(rule, text, lines):
            if _plausible(rule, m):
                found.append((m.start(), m.end(), rule, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), rules.index(f[2])))
    kept: list[tuple[int, int, _Rule, re.Match[str]]] = []
    for item in found:
        if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f[0])


def _matches(rule: _Rule, text: str, lines: list[_Line]) -> Iterator[re.Match[str]]:
    r"""What ``rule.pattern.finditer(text)`` finds, read only in the lines the rule's gate
    admits (a line it turns away holds no match :func:`_plausible` keeps).

    A pattern whose matches stay within a line (:func:`_within_lines`) finds in a line,
    scanned as ``finditer(text, start, end)``, exactly what a scan of the whole text finds
    there: no match holds a line break, so none runs from one line into the next, and its
    ``\b`` and look-aheads read a line's edges as they read the line break (the scan's
    ``pos`` still sees the character before it)."""
    if not rule.by_line:
        yield from rule.pattern.finditer(text)
        return
    for line in lines:
        if line.admits(rule):
            yield from rule.pattern.finditer(text, line.start, line.end)


def _within_lines(source: str) -> bool:
    r"""Whether no match of a pattern can hold a line break or tell a line's end from the
    text's: its source has no ``.``, ``$``, ``^``, ``\s``, ``\S``, ``\W``, ``\D``, ``\A``,
    ``\Z``, ``\B``, negated class or written line break (our patterns have none; a word a
    user's lexicon adds might)."""
    i = 0
    while i < len(source):
        if source[i] == "\\":
            if source[i + 1 : i + 2] in ("s", "S", "W", "D", "A", "Z", "B", "\n"):
                return False
            i += 2
        elif source[i] in ".$^\n":
            return False
        else:
            i += 1
    return True


class _Line:
    """One line of a text (between line breaks) and the gate of the patterns on it.

    A pattern that reads a word of a list (``needs``) finds nothing in a line whose folded
    text (:func:`~parley.nlp.folding.ascii_folded`) holds no word of it; one that reads a digit,
    nothing in a line without one. A month or weekday name in a lower-case spelling ("may",
    "march") is no date (:func:`_plausible`), and every match of a month or weekday pattern
    ends that name at the end of a word: a line where no word ends in a capitalised name
    (``capital``) has no match the extractor keeps, so skipping it drops only rejected ones.
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._has: dict[frozenset[str], bool] = {}  # word lists read so far: several share one

    @cached_property
    def folded(self) -> str:
        return ascii_folded(self.text[self.start : self.end])

    @cached_property
    def digit(self) -> bool:
        return _DIGIT.search(self.text, self.start, self.end) is not None

    @cached_property
    def capitals(self) -> frozenset[str]:
        """Every end of a word begun by a capital that folds to an ASCII letter, folded
        ("May", "mid-May", the "May" of "midMay", the "DAY" of "MONDAY" give "may", "day")."""
        ends = _CAPITAL_ENDS.findall(self.text, self.start, self.end)
        return frozenset(ascii_folded(e) for e in ends)

    def has(self, words: frozenset[str]) -> bool:
        """Whether a word of ``words`` (lower-case ASCII) occurs in the folded line."""
        found = self._has.get(words)
        if found is None:
            folded = self.folded
            found = self._has[words] = any(w in folded for w in words)
        return found

    def admits(self, rule: _Rule) -> bool:
        """Whether ``rule`` may find in this line a match :func:`_plausible` keeps."""
        if rule.digit and not self.digit:
            return False
        if rule.capital is not None and rule.capital.isdisjoint(self.capitals):
            return False
        return all(self.has(words) for words in rule.needs)


# Where a capital that folds to an ASCII letter (A-Z, and the dotted I and Kelvin sign of
# parley.nlp.folding) starts, with the rest of its word: every start, even inside a word.
_CAPITAL_ENDS = re.compile("(?=([A-Z\u0130\u212a]\\w*))")


_DIGIT = re.compile(r"\d")


def _lines(text: str) -> list[_Line]:
    """The text's non-empty lines, as character ranges of it."""
    out, start = [], 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end > start:
            out.append(_Line(text, start, end))
        start = end + 1
    return out


def _plausible(rule: _Rule, m: re.Match[str]) -> bool:
    """Reject look-alikes: 'may'/'march' as verbs, 'fall' as a verb, '2000 troops'."""
    groups = m.groupdict()
    if groups.get("season") and not (groups.get("mod") or groups.get("year")):
        return False
    if rule.name == "year" and groups.get("year"):
        after = m.string[m.end() : m.end() + 2]
        led = m.start("year") > m.start()  # "in 2000 troops" is still a year
        if re.match(r" [a-z]", after) and not led:
            return False
    for key in ("month", "weekday"):
        word = groups.get(key)
        if word and not word[0].isupper() and (key == "month" or rule.name == "weekday"):
            return False  # a weekday before a calendar day only narrows its year
    if rule.name == "month" and not (groups.get("mod") or groups.get("part")):
        return False  # a bare month name is left to the entity fallback
    verb_like = (groups.get("month") or "").lower() in knowledge.words(_LEX, "verb_like_months")
    if verb_like and groups.get("mod", "") in ("", None):
        return any(groups.get(k) is not None for k in ("day", "year", "part"))
    return True


# --------------------------------------------------------------------------- resolution


def resolve_expression(text: str, base: dt.date | None, tense: Tense = "present") -> Resolved:
    """Resolve one time expression against ``base`` (the publication date).

    Args:
        text: the expression as it stands in the article ("in October", "this Thursday").
        base: the publication date; None leaves ``value`` None (precision still set).
        tense: tense of the governing verb; decides direction for bare months and weekdays.

    Returns:
        The resolution; ``precision`` ``unknown`` when no rule understands the text.
    """
    text = text.strip()
    for candidate in (text, _leading_preposition().sub("", text)):
        for rule in _rules():
            m = rule.pattern.fullmatch(candidate)
            if m and _plausible(rule, m):
                return _resolve_match(rule, m, base, tense)
    return Resolved(None, "unknown")


@knowledge.derived
def _leading_preposition() -> re.Pattern[str]:
    words = _alt(knowledge.phrases(_LEX, "leading_prepositions"))
    return re.compile(r"^(?:" + words + r") ", re.IGNORECASE)


def _resolve_match(rule: _Rule, m: re.Match[str], base: dt.date | None, tense: Tense) -> Resolved:
    handler = _HANDLERS[rule.name]
    if base is None:
        return Resolved(None, _PRECISION_WITHOUT_BASE.get(rule.name, "unknown"), kind=rule.kind)
    resolved = handler(m.groupdict(), base, tense)
    return Resolved(resolved.value, resolved.precision, resolved.end_value, rule.kind)


_PRECISION_WITHOUT_BASE: dict[str, Precision] = {  # not a word list: rule ids
    "iso": "day",
    "mdy": "day",
    "dmy": "day",
    "mdry": "day",
    "md": "day",
    "dm": "day",
    "mdrel": "day",
    "dmrel": "day",
    "mrel": "month",
    "my": "month",
    "month": "month",
    "decade": "range",
    "season": "season",
    "year": "year",
    "day": "day",
    "weekday": "day",
    "within": "month",
    "relunit": "range",
    "ago": "approximate",
    "coming": "range",
    "recent": "range",
    "duration": "approximate",
    "open": "approximate",
}


def _explicit(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    if g.get("mm"):
        month = int(g["mm"] or 0)
    else:
        month = months()[(g["month"] or "").lower()]
    year = int(g["year"] or 0)
    try:
        return Resolved(dt.date(year, month, int(g["day"] or 0)).isoformat(), "day")
    except ValueError:
        return Resolved(None, "unknown")


def _month_day(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    month, day = months()[(g["month"] or "").lower()], int(g["day"] or 0)
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return Resolved(None, "unknown")
    named = weekdays().get((g.get("weekday") or "").lower())
    fitting = [c for c in candidates if c.weekday() == named]
    return Resolved(_pick(fitting or candidates, base, tense).isoformat(), "day")


def _year_of_day(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    """ "October 5 last year", "in March next year": the day or month in the year named."""
    year = base.year + (_step((g["rel"] or "").lower()) or 0)
    month = months()[(g["month"] or "").lower()]
    if not g.get("day"):
        return Resolved(f"{year:04d}-{month:02d}", "month")
    try:
        return Resolved(dt.date(year, month, int(g["day"] or 0)).isoformat(), "day")
    except ValueError:
        return Resolved(None, "unknown")


def _month_year(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    month = months()[(g["month"] or "").lower()]
    return Resolved(f"{int(g['year'] or 0):04d}-{month:02d}", "month")


def _month(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    month = months()[(g["month"] or "").lower()]
    mod = (g.get("mod") or "").lower()
    step = _step(mod)
    direction = _direction(mod, step, tense)
    if step == 0:
        chosen = dt.date(base.year, month, 1)
        part = (g.get("part") or "").lower()
        if part:
            return Resolved(
                chosen.replace(day=knowledge.table(_LEX, "part_days")[part]).isoformat(),
                "approximate",
            )
        return Resolved(f"{base.year:04d}-{month:02d}", "month")
    firsts = [dt.date(y, month, 1) for y in (base.year - 1, base.year, base.year + 1)]
    month_of_base = base.replace(day=1)
    if step:  # "last October" in October means a year ago
        firsts = [d for d in firsts if d != month_of_base]
    chosen = _pick(firsts, month_of_base, direction)
    part = (g.get("part") or "").lower()
    if part:
        return Resolved(
            chosen.replace(day=knowledge.table(_LEX, "part_days")[part]).isoformat(),
            "approximate",
        )
    return Resolved(f"{chosen.year:04d}-{chosen.month:02d}", "month")


def _step(mod: str) -> int | None:
    """Which one a modifier names: -1 the last, 0 this, 1 the next; None when it says not."""
    step = knowledge.table(_LEX, "relative_steps").get(mod)
    return None if step is None else int(step)


def _direction(mod: str, step: int | None, tense: Tense) -> Tense:
    """Which way from publication a modified month lies: the modifier's way, else the tense's.

    "by June" is ahead unless its verb is past; "until August" follows its verb's tense ("ran
    until August" is past), so it is in neither table.
    """
    direction: Tense | None = knowledge.table(_LEX, "month_direction").get(mod)
    leaning: Tense | None = knowledge.table(_LEX, "month_leaning").get(mod)
    if direction is None and leaning is not None:  # "had left by June" is behind
        direction = "past" if tense == "past" else leaning
    if direction is None and step:
        direction = "past" if step < 0 else "future"
    return direction or tense


def _decade(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    first = int(g["decade"] or 0) * 10
    return Resolved(str(first), "range", str(first + 9))


def _pick(candidates: list[dt.date], base: dt.date, tense: Tense) -> dt.date:
    """The candidate on the side ``tense`` points to (present: the nearest), same day allowed."""
    if tense == "past":
        before = [d for d in candidates if d <= base]
        return max(before) if before else min(candidates)
    if tense == "future":
        after = [d for d in candidates if d >= base]
        return min(after) if after else max(candidates)
    return min(candidates, key=lambda d: (abs((d - base).days), d > base))


def _season(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    season = (g["season"] or "").lower()
    if g.get("year"):
        return Resolved(str(int(g["year"] or 0)), "season")
    mod = (g.get("mod") or "").lower()
    if not mod:
        return Resolved(None, "season")
    start_month = knowledge.table(_LEX, "seasons")[season]
    starts = [
        dt.date(y, start_month, 1) for y in (base.year - 2, base.year - 1, base.year, base.year + 1)
    ]
    current = max(d for d in starts if d <= base)
    in_progress = _add_months(current, 3) > base
    step = _step(mod)
    if step == 0:
        chosen = current if in_progress or tense != "future" else _add_months(current, 12)
    elif step is not None and step < 0:
        chosen = _add_months(current, -12) if in_progress else current
    elif step is not None and step > 0:
        chosen = _add_months(current, 12)
    else:
        chosen = _pick(starts, base, tense)
    return Resolved(str(chosen.year), "season")


def _year(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    return Resolved(str(int(g["year"] or 0)), "year")


def _day_word(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    word = (g["day_word"] or "").lower()
    offset = knowledge.table(_LEX, "day_words").get(word)
    if offset is None:  # "last night": the word before the part of the day says which day
        leads = knowledge.table(_LEX, "day_part_leads")
        lead = max((w for w in leads if word.startswith(w + " ")), key=len, default="")
        offset = leads.get(lead, 0)
    return Resolved((base + dt.timedelta(days=offset)).isoformat(), "day")


def _weekday(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    """A weekday, in the week its modifier names, else the one the tense points to.

    "last Friday" is the Friday of the week before publication: the nearer one is written "on
    Friday" or "this past Friday" (the latest before publication).
    """
    target = weekdays()[(g["weekday"] or "").lower()]
    mod = (g.get("mod") or "").lower().replace("on ", "").strip()
    monday = base - dt.timedelta(days=base.weekday())
    this_week = monday + dt.timedelta(days=target)
    week = dt.timedelta(days=7)
    meaning = knowledge.table(_LEX, "weekday_modifiers").get(mod)
    if meaning == "this_week":
        day = this_week
    elif meaning == "last_week":
        day = this_week - week
    elif meaning == "latest":
        day = this_week if this_week < base else this_week - week
    elif meaning == "following":
        day = this_week if this_week > base else this_week + week
    else:
        day = _pick([this_week + k * week for k in (-1, 0, 1)], base, tense)
    return Resolved(day.isoformat(), "day")


def _within(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    return _unit_at(base, _unit(g))


def _relunit(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    mod, unit = (g["mod"] or "").lower(), _unit(g)
    step = _step(mod) or 0
    if unit in ("week", "weekend"):
        return _unit_at(base + dt.timedelta(weeks=step), unit)
    if unit == "month":
        return _unit_at(_add_months(base, step), unit)
    return _unit_at(
        base.replace(year=base.year + step)
        if not _feb29(base)
        else dt.date(base.year + step, 2, 28),
        unit,
    )


def _unit_at(day: dt.date, unit: str) -> Resolved:
    """The calendar week, weekend, month or year that contains ``day``."""
    if unit in ("week", "weekend"):
        monday = day - dt.timedelta(days=day.weekday())
        start = monday + dt.timedelta(days=5) if unit == "weekend" else monday
        return Resolved(start.isoformat(), "range", (monday + dt.timedelta(days=6)).isoformat())
    if unit == "month":
        return Resolved(f"{day.year:04d}-{day.month:02d}", "month")
    return Resolved(str(day.year), "year")


def _ago(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    unit, count = _unit(g), _number(g["num"])
    vague = (g["num"] or "").lower() in vague_counts()
    moved = _shift(base, unit, -count)
    if unit == "day":
        return Resolved(moved.isoformat(), "approximate" if vague else "day")
    if unit == "week":
        return Resolved(moved.isoformat(), "approximate")
    if unit == "month":
        return Resolved(f"{moved.year:04d}-{moved.month:02d}", "approximate" if vague else "month")
    return Resolved(str(moved.year), "approximate" if vague else "year")


def _coming(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    mod, unit = (g["mod"] or "").lower(), _unit(g)
    reach_unit, count = COMING_REACH.get(unit, ("year", 10 if unit == "decade" else 1))
    if mod in knowledge.words(_LEX, "backward_modifiers"):
        return Resolved(_shift(base, reach_unit, -count).isoformat(), "range", base.isoformat())
    return Resolved(base.isoformat(), "range", _shift(base, reach_unit, count).isoformat())


def _duration(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    mod, unit, count = (g["mod"] or "").lower(), _unit(g), _number(g["num"])
    # forward, backward, or "tense": "for six months" reaches back in the past, is open now
    way = knowledge.table(_LEX, "duration_modifiers").get(mod, "forward")
    if way == "backward" or (way == "tense" and tense == "past"):
        return Resolved(_shift(base, unit, -count).isoformat(), "range", base.isoformat())
    if way == "tense" and tense != "future":
        return Resolved(None, "approximate")  # "for six months" in the present: no anchor
    end = _shift(base, unit, count).isoformat()
    return Resolved(end, "approximate", end)


def _open(g: dict[str, str | None], base: dt.date, tense: Tense) -> Resolved:
    return Resolved(None, "approximate", base.isoformat() if tense != "future" else None)


_HANDLERS: dict[str, Callable[[dict[str, str | None], dt.date, Tense], Resolved]] = {
    # not a word list: rule ids
    "iso": _explicit,
    "mdy": _explicit,
    "dmy": _explicit,
    "mdry": _explicit,
    "md": _month_day,
    "dm": _month_day,
    "mdrel": _year_of_day,
    "dmrel": _year_of_day,
    "mrel": _year_of_day,
    "my": _month_year,
    "month": _month,
    "decade": _decade,
    "season": _season,
    "year": _year,
    "day": _day_word,
    "weekday": _weekday,
    "within": _within,
    "relunit": _relunit,
    "ago": _ago,
    "coming": _coming,
    "recent": _coming,
    "duration": _duration,
    "open": _open,
}


def _unit(g: dict[str, str | None]) -> str:
    """The calendar unit (day, week, weekend, month, year, decade) a unit word counts in."""
    return str(knowledge.table(_LEX, "date_units")[(g["unit"] or "").lower()])


def _number(word: str | None) -> int:
    word = (word or "").lower()
    return int(word) if word.isdigit() else _numbers().get(word, 1)


def _feb29(day: dt.date) -> bool:
    return day.month == 2 and day.day == 29


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _shift(day: dt.date, unit: str, count: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(weeks=count)
    if unit == "month":
        return _add_months(day, count)
    return _add_months(day, 12 * count * (10 if unit == "decade" else 1))


# --------------------------------------------------------------------------- tense


def tense_of(span: Span) -> Tense:
    """The tense of the verb that governs ``span``: past, future or present.

    Present perfect and past perfect count as past; "will", "would", "is to", "plans to" and
    "expected to" count as future; everything else is present.
    """
    forward = _forward_head(span.root)
    if forward is not None:
        return forward
    verb = _governing_verb(span.root)
    tense = "present" if verb is None else _verb_tense(verb, depth=0)
    if tense == "present" and _headline_infinitive(span):
        return "future"
    return tense


def _headline_infinitive(span: Span) -> bool:
    """ "Government, Parliament to Vote on Monday on the Deal": a headline's "X to do" (its
    sentence has no finite verb) tells what X is to do, so its weekday is the coming one
    (nego20). The word after "to" must be no name ("Minister to Berlin on Monday" is a trip)
    and come before the date; title case often tags the verb a proper noun, so the words, not
    the parse of the verb, decide."""
    sent = span.sent
    finite = knowledge.words(_LEX, "finite_verb_tags")
    if any(t.tag_.lower() in finite for t in sent):  # the list is read in lower case
        return False
    doc = span.doc
    for t in sent:
        if t.i + 1 >= span.start:
            break
        if t.lower_ == "to" and doc[t.i + 1].is_alpha and not doc[t.i + 1].ent_type_:
            return True
    return False


def _forward_head(token: Token) -> Tense | None:
    """The tense for a date that a planning word governs ("planned for November").

    Such a date points at the planned event, so the verb's own past tense does not send it back:
    a simple past ("was planned for November") reads as the nearest such date, which is the
    coming one unless it is more than half a year away (then the plan was for the last one:
    "the round planned for June", written in September); present or future reads forward; a
    past perfect ("had been scheduled for June") stays past.
    """
    head = token.head
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    if head.lemma_.lower() not in knowledge.words(_LEX, "forward_heads") or head.i == token.i:
        return None
    tense = _verb_tense(head, depth=0) if head.pos_ in ("VERB", "AUX") else "present"
    governor = head.head if head.pos_ == "ADJ" else None  # "is due in June": tense of "is"
    if governor is not None and governor.pos_ in ("VERB", "AUX"):
        tense = _verb_tense(governor, depth=0)
    auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if "had" in auxes:
        return "past"
    return "present" if tense == "past" else "future"


def _governing_verb(token: Token) -> Token | None:
    while True:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head


def _bare_participle(verb: Token, auxes: list[Token]) -> bool:
    """A present participle with no auxiliary hanging on another verb ("will be held …
    starting Wednesday", "beginning Monday"): its time is the clause's."""
    return (
        verb.tag_ == "VBG"
        and not auxes
        and verb.dep_ in ("advcl", "acl", "xcomp", "prep")
        and verb.head.i != verb.i
        and verb.head.pos_ in ("VERB", "AUX")
    )


def _verb_tense(verb: Token, depth: int) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lemmas = {c.lower_ for c in auxes} | {c.lemma_.lower() for c in auxes}
    if lemmas & knowledge.words(_LEX, "future_auxiliaries") or (
        "going" in lemmas and "to" in lemmas
    ):
        return "future"
    if "to" in lemmas and depth < 3 and verb.head.i != verb.i:
        head = verb.head
        if head.lemma_.lower() in knowledge.words(_LEX, "future_heads") or (
            head.lemma_ == "be" and head.dep_ == "ROOT"
        ):
            return "future"
        return _verb_tense(head, depth + 1)
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if _bare_participle(verb, auxes) and depth < 3:
        # "will be held in Oman starting Wednesday": the clause's tense (nego22)
        return _verb_tense(verb.head, depth + 1)
    if verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in auxes):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl") and depth < 3:
        return "past"
    return "present"


# --------------------------------------------------------------------------- extractor


@register("parley.dates.v1")
class DatesExtractor:
    """Finds time expressions and resolves them against ``article.published_at``."""

    name: ClassVar[str] = "parley.dates.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc",)
    assigns: ClassVar[tuple[str, ...]] = ("dates", "date_kind")

    def __init__(self) -> None:
        self._parsers: dict[dt.date, Any] = {}
        self._fallbacks: dict[tuple[str, dt.date | None], Resolved | None] = {}

    def __call__(self, ctx: Context) -> None:
        """Append one :class:`TimeExpression` per expression found, in text order.

        Each expression is resolved on its own (:func:`~parley.extract.base.isolated`): one
        that breaks the resolver costs only itself, and the analysis says which sentence.
        """
        hits = find_expressions(doc_text(ctx.doc))
        base = _written_on(doc_text(ctx.doc), hits, ctx.article.published_at)
        kinds: dict[int, Kind] = {}
        found: list[TimeExpression] = []
        for start, end, rule, match in hits:
            step = partial(self._from_pattern, ctx.doc, base, (start, end, rule, match), found)
            isolated(ctx, self.name, partial(step, kinds), _sentence(ctx.doc, start, end))
        patterns = list(found)
        for ent in (e for e in doc_ents(ctx.doc) if e.label_ in ("DATE", "TIME")):
            step = partial(self._from_entity, ent, base, patterns, found, kinds)
            isolated(ctx, self.name, step, ent.sent)
        found.sort(key=lambda t: t.start)
        _order_spans(doc_text(ctx.doc), found, base)
        ctx.analysis.dates.extend(found)
        ctx.products.date_kind = kinds

    def _from_pattern(
        self,
        doc: Doc,
        base: dt.date | None,
        hit: tuple[int, int, _Rule, re.Match[str]],
        out: list[TimeExpression],
        kinds: dict[int, Kind],
    ) -> None:
        start, end, rule, match = hit
        span = doc.char_span(start, end, alignment_mode="expand")
        tense = tense_of(span) if span is not None and len(span) else "present"
        res = _resolve_match(rule, match, base, tense)
        out.append(
            TimeExpression(
                text=doc_text(doc)[start:end],
                start=start,
                end=end,
                value=res.value,
                precision=res.precision,
                end_value=res.end_value,
            )
        )
        kinds[start] = res.kind

    def _from_entity(
        self,
        ent: Span,
        base: dt.date | None,
        taken: list[TimeExpression],
        out: list[TimeExpression],
        kinds: dict[int, Kind],
    ) -> None:
        if any(t.start < ent.end_char and ent.start_char < t.end for t in taken):
            return
        if len(self._fallbacks) > 10_000:  # bounded: memory stays flat over a long run
            self._fallbacks.clear()
        if (ent.text, base) not in self._fallbacks:  # dateparser is slow; dates repeat
            self._fallbacks[ent.text, base] = _dateparser_fallback(ent.text, base, self._parsers)
        res = self._fallbacks[ent.text, base]
        if res is None:
            return
        out.append(
            TimeExpression(
                text=ent.text,
                start=ent.start_char,
                end=ent.end_char,
                value=res.value,
                precision=res.precision,
            )
        )
        kinds[ent.start_char] = "point"


def _written_on(
    text: str, hits: list[tuple[int, int, _Rule, re.Match[str]]], published: dt.date | None
) -> dt.date | None:
    """The day relative expressions count from: the dateline's day, else publication.

    "KYIV, March 27 (Wire) — ... today" means March 27 even in a copy published days or months
    later. The dateline names no year: its day is the latest such day by publication, with a
    day's grace for a wire dated ahead of a publisher's time zone.
    """
    where = dateline_date(text)
    if where is None or published is None:
        return published
    for start, end, rule, match in hits:
        if (start, end) == where and rule.name in ("md", "dm"):
            res = _resolve_match(rule, match, published + dt.timedelta(days=1), "past")
            return dt.date.fromisoformat(res.value) if res.value else published
    return published


def _sentence(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.sent if span is not None and len(span) else None


@knowledge.derived
def _anchored() -> re.Pattern[str]:
    """A year or a month name longer than an abbreviation: text worth asking dateparser about."""
    names = _alt(m for m in months() if len(m) > 3)
    return re.compile(r"\d{4}|" + names, re.IGNORECASE)


def _dateparser_fallback(
    text: str, base: dt.date | None, cache: dict[dt.date, Any]
) -> Resolved | None:
    """Ask dateparser, but only about text that names a year or a month (not bare durations)."""
    if base is None or not _anchored().search(text):
        return None
    known = _without_dateparser(text, base)
    if known is not None:
        return known
    if base not in cache:
        from dateparser.date import DateDataParser  # imported lazily: slow to import

        cache[base] = DateDataParser(
            languages=["en"],
            settings={
                "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
                "PREFER_DATES_FROM": "past",
            },
        )
    data = cache[base].get_date_data(text)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    # dateparser fills missing parts from the base date: keep only what the period vouches for.
    if data.period == "year":
        return Resolved(str(day.year), "year")
    if data.period == "month":
        return Resolved(f"{day.year:04d}-{day.month:02d}", "month")
    if data.period == "day":
        return Resolved(day.isoformat(), "day")
    return None


def _without_dateparser(text: str, base: dt.date) -> Resolved | None:
    """dateparser's answer for the two forms the fallback meets most, a bare year ("2020") and
    a bare month name ("June"), computed directly (dateparser costs about a millisecond a
    call, and its import a third of a second); None for anything else.

    A month resolves as dateparser does with ``PREFER_DATES_FROM: past``: this year's if it
    has begun by ``base``, else last year's. Only for a base day up to the 28th: past it,
    dateparser moves to a year where that day exists in the month, so it is asked instead.
    """
    if len(text) == 4 and text.isascii() and text.isdigit():
        return Resolved(str(int(text)), "year") if int(text) > 0 else None
    month = months().get(text.lower()) if len(text) > 3 else None
    if month is None or base.day > 28:
        return None
    year = base.year if month <= base.month else base.year - 1
    return Resolved(f"{year:04d}-{month:02d}", "month")


def _order_spans(text: str, found: list[TimeExpression], base: dt.date | None) -> None:
    """ "from June until August": one span, its months read together.

    Each month is resolved alone (by the verb's tense), which can put the end a year before the
    start, or the start a year after the end. A span that is over by publication keeps its end
    and starts at the last such month before it ("lasted from June until August", written in
    July, is last year's June to August); any other span keeps its start and ends at the first
    such month after it.
    """
    for first, second in zip(found, found[1:], strict=False):
        between = text[first.end : second.start].strip().lower()
        opening = first.text.lower().split(" ", 1)[0] in knowledge.words(_LEX, "span_openers")
        joined = between == "" or between in knowledge.words(_LEX, "span_joiners")
        months = first.precision == second.precision == "month"
        if not opening or not joined or not (months and first.value and second.value):
            continue
        (sy, sm), (ey, em) = _year_month(first.value), _year_month(second.value)
        if 0 <= (ey * 12 + em) - (sy * 12 + sm) < 12:
            continue
        published = base.year * 12 + base.month if base is not None else None
        if published is not None and max(sy * 12 + sm, ey * 12 + em) <= published:
            first.value = f"{ey if sm <= em else ey - 1:04d}-{sm:02d}"
        else:
            second.value = f"{sy if em >= sm else sy + 1:04d}-{em:02d}"


def _year_month(value: str) -> tuple[int, int]:
    return int(value[:4]), int(value[5:7])
