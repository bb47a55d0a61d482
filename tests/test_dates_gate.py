"""The dates patterns read only the lines their gate admits (speed8), and find exactly what a
scan of the whole text finds and keeps."""

from __future__ import annotations

import re

import pytest

from parley.extract.timeplace import dates
from parley.extract.timeplace.dates import _Line, _lines, _rules, find_expressions

Hit = tuple[int, int, str, dict[str, str | None]]


def _whole_text_scan(text: str) -> list[Hit]:
    """What every pattern finds over the whole text, kept as ``find_expressions`` keeps it
    (the code before the gate)."""
    rules = _rules()
    found = [
        (m.start(), m.end(), rule, m)
        for rule in rules
        for m in rule.pattern.finditer(text)
        if dates._plausible(rule, m)
    ]
    found.sort(key=lambda f: (-(f[1] - f[0]), rules.index(f[2])))
    kept: list[tuple[int, int, dates._Rule, re.Match[str]]] = []
    for item in found:
        if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
            kept.append(item)
    return [(s, e, r.name, m.groupdict()) for s, e, r, m in sorted(kept, key=lambda f: f[0])]


def _gated(text: str) -> list[Hit]:
    return [(s, e, r.name, m.groupdict()) for s, e, r, m in find_expressions(text)]


TEXTS = [
    # a dateline, a weekday, a modal "may" and a month with a part, on separate lines
    "LUSAKA, May 4 (Wire) - Envoys met on Monday.\nThey may meet again in mid-May 2026.\n",
    # lower-case month and weekday words, which are no dates, beside real ones
    "the march on march 3 drew crowds; may 5, 2020 is no date\nOn Friday they marched.",
    # a month and day whose year a phrase names; a month split from its day by a line break
    "The accord of October 5 last year\nwas signed on Jan.\n5, 2021 in Accra.",
    # relative and counted stretches, one per line, some at a line's very start or end
    "three weeks ago\nIn the coming weeks\nover the past two years\nfor months\n"
    "later this year\nlast night\nyesterday\n2019-05-04\nthe 1990s\nlast spring\nin 2020",
    # a part glued to its month, and a month in capitals
    "midMay 2020 and earlyJune 2021 and in early JULY 2019",
    # letters a case-blind pattern matches beyond ASCII: long s, Kelvin sign, dotted I
    "On Augu\u017ft 5, 2020 the talks opened.\nThey resume next wee\u212a.\n\u0130N 2019 it began",
    # Windows line ends, blank lines and a date at the end of the text
    "Talks ended on Tuesday.\r\n\r\nThey resume on 12 March 2027\n\n\nby next month",
    "",
    "\n\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_gated_scan_finds_what_the_whole_text_scan_finds(text: str) -> None:
    assert _gated(text) == _whole_text_scan(text)


def test_the_gated_scan_keeps_a_capitalised_month_glued_to_its_part() -> None:
    found = _gated("midMay 2020 was busy")
    assert [(s, e, name) for s, e, name, _ in found] == [(0, 11, "my")]


def test_a_line_without_a_capitalised_month_admits_no_month_pattern() -> None:
    month = next(r for r in _rules() if r.name == "md")
    text = "they may meet on march 3\nThey met on March 3"
    first, second = _lines(text)
    assert not first.admits(month)
    assert second.admits(month)


def test_a_line_without_the_words_a_pattern_reads_admits_it_not() -> None:
    ago = next(r for r in _rules() if r.name == "ago")
    text = "Three weeks of talks\nthree weeks ago"
    first, second = _lines(text)
    assert not first.admits(ago)  # no "ago"
    assert second.admits(ago)


def test_a_line_without_a_digit_admits_no_year_pattern() -> None:
    year = next(r for r in _rules() if r.name == "year")
    first, second = _lines("in the year of talks\nin 2020")
    assert not first.admits(year)
    assert second.admits(year)


def test_lines_are_the_non_empty_ranges_between_line_breaks() -> None:
    text = "ab\n\ncd\n"
    assert [(ln.start, ln.end) for ln in _lines(text)] == [(0, 2), (4, 6)]


def test_a_word_read_beyond_ascii_makes_no_condition() -> None:
    assert dates._needs(["ago"], ["caf\u00e9"], []) == (frozenset({"ago"}),)
    assert dates._capitals(["mai", "m\u00e4rz"]) is None


def test_a_pattern_that_may_cross_a_line_break_scans_the_whole_text() -> None:
    crossing = dates._Rule("x", re.compile(r"\bon\s+may 5\b", re.I), "point", digit=True)
    assert not dates._within_lines(crossing.pattern.pattern)
    assert not crossing.by_line
    line = _Line("on\nMay 5", 0, 2)
    assert [m.span() for m in dates._matches(crossing, "on\nMay 5", [line])] == [(0, 8)]
