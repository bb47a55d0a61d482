"""Convert office holders from PETRARCH2's Phoenix actor dictionary into Parley's knowledge base.

PETRARCH2 (openeventdata/petrarch2, MIT licence) ships ``Phoenix.Countries.actors.txt``, a
TABARI actor dictionary built from CountryInfo (2014) and edited by hand since: each person is a
name line, ``+ALIAS`` lines and dated CAMEO codes ``[FRAGOV 070601-101130]`` (``>yymmdd`` open,
two-digit years 00–30 read as 20yy). The codes say *government* and a sector, not the office,
so this script maps offices only where the dictionary shows them (see
``src/parley/data/actors/README.md`` for the mapping and ``scripts/phoenix_review.json`` for the
per-state review):

* **heads of state and of government** – CountryInfo lists a state's leaders first, as entries
  ``[XXXELI ...][XXXGOV start-end][XXXELI]``: first the heads of state in order of office, then
  the heads of government; a leader whose first government term overlaps one of the run before
  opens the second run. The first government term of each is the office. States whose two runs
  the review found mixed up are left out (``rejected``), and the office's name comes from the
  review (president or monarch; prime minister or chancellor; governors-general are skipped);
* **defence ministers** – cabinet entries (no leader pattern) coded ``XXXGOVMIL``: the defence
  portfolio;
* **any of the four offices** – a section heading ("# U.S. Secretaries of State"), a comment on
  the term ("# Prime Minister") or an alias that names the office ("FOREIGN_MINISTER_X").

Open-ended terms (``>yymmdd``) end when the source's knowledge does: a leader's on the day
CountryInfo was built (``open_end`` in the review file), a defence minister's on the last date
the source records for that state's cabinet. The hand-written knowledge base wins: a converted
term never shares a day with another holder of its office (an overlap of up to a month is
clipped, a longer one drops the converted term, both when two converted terms clash); people
the hand-written files know are left out, and so are names another actor uses and surnames
that are also given names, places or other people's surnames ("Thomas", "Goma").

The source stops in 2014: the review's ``terms`` correct converted terms by hand (a real end,
``end: null`` with ``checked`` for a term still open, the later terms of the same office), per
person id and office key, each with a note of its source; they then go through the same
one-holder-a-day rule.

Usage (dictionary read from a petrarch2 checkout):

    .venv/bin/python scripts/convert_phoenix_actors.py PATH/TO/Phoenix.Countries.actors.txt \
        --commit HASH [--review]

writes ``src/parley/data/actors/phoenix_offices.json`` (``--review`` prints the per-state
leader runs instead, for the review).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from parley.kb import KnowledgeBase, alias_key  # noqa: E402
from parley.knowledge import words  # noqa: E402
from parley.knowledge.places import city_country  # noqa: E402
from parley.models import Actor  # noqa: E402
from parley.nlp.patterns import surname  # noqa: E402

OUT = REPO / "src" / "parley" / "data" / "actors" / "phoenix_offices.json"
REVIEW = Path(__file__).with_name("phoenix_review.json")
SPEECH = "lexicon/speech.json"  # the first-name tables of parley.extract.actors.gender
SOURCE = "https://github.com/openeventdata/petrarch2"
PATH = "petrarch2/data/dictionaries/Phoenix.Countries.actors.txt"

_CODE = re.compile(r"^\s*\[([A-Z]{3})([A-Z]*)\s*([^\]]*)\]\s*(?:#\s*(.*))?$")


@dataclass
class Term:
    """One dated code line of an entry: ``[FRAGOVMIL 070601-101130] # comment``."""

    country: str
    sector: str
    start: dt.date | None
    end: dt.date | None
    open_ended: bool
    comment: str


@dataclass
class Entry:
    """One person entry of the dictionary, in file order."""

    name: str
    comment: str
    section: str
    aliases: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)

    @property
    def country(self) -> str | None:
        govs = [t.country for t in self.terms if t.sector.startswith("GOV")]
        return govs[0] if govs else None

    def is_leader(self) -> bool:
        """CountryInfo's leader pattern: an elite term and a government term, one first."""
        sectors = [t.sector for t in self.terms]
        return bool(sectors) and sectors[0] in ("ELI", "GOV") and {"ELI", "GOV"} <= set(sectors)

    def first_term(self) -> Term | None:
        return next((t for t in self.terms if t.sector == "GOV"), None)


def read_date(text: str) -> dt.date | None:
    """``yymmdd`` (00–30 → 20yy) or ``yyyymmdd``; None when absent or not a date."""
    digits = text.strip()
    try:
        if len(digits) > 7:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        if len(digits) == 6:
            year = int(digits[:2])
            year += 2000 if year <= 30 else 1900
            return dt.date(year, int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return None
    return None


def read_term(country: str, sector: str, span: str, comment: str) -> Term:
    span = span.strip()
    if span.startswith(">"):
        return Term(country, sector, read_date(span[1:]), None, True, comment)
    if span.startswith("<"):
        return Term(country, sector, None, read_date(span[1:]), False, comment)
    first, _, last = span.partition("-")
    start = read_date(first) if first else None
    return Term(country, sector, start, read_date(last) if last else None, False, comment)


def parse(text: str) -> list[Entry]:
    """Person entries (lines that name one, then their aliases and code lines)."""
    entries: list[Entry] = []
    current: Entry | None = None
    section = ""
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.startswith("#"):
            section = line.strip("# ").strip()
            continue
        if line.startswith("+"):
            if current is not None:
                current.aliases.append(line[1:].split("#")[0].strip())
            continue
        code = _CODE.match(line)
        if code and line[:1] in "\t [":
            if current is not None:
                country, sector, span, comment = code.groups()
                current.terms.append(read_term(country, sector, span, comment or ""))
            continue
        name, _, comment = line.partition("#")
        if re.search(r"\[[A-Z]{3}\]", name):
            section, current = "", None  # a state's header: "DENMARK_  [DNK]"
            continue
        current = Entry(name.split("[")[0].strip(), comment.strip(), section)
        entries.append(current)
    return entries


def leader_runs(entries: list[Entry]) -> dict[str, list[list[Entry]]]:
    """Per state, the leader entries in file order cut into runs (heads of state, then of
    government): a leader whose first term overlaps one in the current run opens a new run."""
    out: dict[str, list[list[Entry]]] = defaultdict(lambda: [[]])
    for entry in entries:
        country, first = entry.country, entry.first_term()
        if country is None or first is None or not entry.is_leader():
            continue
        runs = out[country]
        if any(_overlap(first, other.first_term()) for other in runs[-1]):
            runs.append([])
        runs[-1].append(entry)
    return dict(out)


def _overlap(a: Term, b: Term | None, slack: int = 31) -> bool:
    if b is None:
        return False
    lo = max(a.start or dt.date.min, b.start or dt.date.min)
    hi = min(a.end or dt.date.max, b.end or dt.date.max)
    return lo < hi and (hi - lo).days > slack


# -- offices ----------------------------------------------------------------------------------


@dataclass
class Office:
    """One converted office term of one entry."""

    entry: Entry
    office: str  # president, monarch, prime_minister, chancellor, foreign/defence_minister
    term: Term
    evidence: str

    @property
    def key(self) -> str:
        return f"{self.office}:{self.term.country}"


def run_offices(runs: dict[str, list[list[Entry]]], review: dict[str, Any]) -> list[Office]:
    """Heads of state and government from the leader runs of the states the review accepts."""
    out = []
    for state, which in review["accepted"].items():
        found = runs.get(state, [])
        for index, part in enumerate(("head_of_state", "head_of_government")):
            if part not in which or index >= len(found):
                continue
            office = _run_office(state, part, review)
            for entry in found[index]:
                term = entry.first_term()
                if term is not None:
                    out.append(Office(entry, office, term, f"leader run {index + 1}"))
    return out


def _run_office(state: str, part: str, review: dict[str, Any]) -> str:
    if part == "head_of_state":
        return "monarch" if state in review["monarchies"] else "president"
    return "chancellor" if state in review["chancellor"] else "prime_minister"


def stated_offices(entries: list[Entry], review: dict[str, Any]) -> list[Office]:
    """Offices the dictionary states: a section heading, a term's comment, an alias."""
    out = []
    for entry in entries:
        for term in entry.terms:
            office = review["comments"].get(term.comment.strip().lower())
            if office and term.sector.startswith("GOV"):
                out.append(Office(entry, office, term, f"comment '{term.comment}'"))
        office = review["sections"].get(entry.section)
        evidence = f"section '{entry.section}'"
        if office is None:
            office = _alias_office(entry, review)
            evidence = "alias"
        term = _office_term(entry, office, leader_first=evidence != "alias") if office else None
        if office and term is not None:
            out.append(Office(entry, office, term, evidence))
    return out


def _alias_office(entry: Entry, review: dict[str, Any]) -> str | None:
    """The office an alias names ("RUSSIAN_FOREIGN_MINISTER_LAVROV"), if exactly one."""
    found = set()
    blockers = set(review["alias_office_blockers"])
    for alias in (entry.name, *entry.aliases):
        words = alias.strip("_").split("_")
        for prefix, office in review["alias_offices"].items():
            size = prefix.count("_") + 1
            for at in (0, 1):  # "FOREIGN_MINISTER_X" or "RUSSIAN_FOREIGN_MINISTER_X"
                head = words[at : at + size]
                rest = words[at + size :]
                if "_".join(head) == prefix and rest and rest[0] not in ("OF", "FOR", "THE"):
                    if not blockers & set(words[: at + 1]):
                        found.add(office)
    return found.pop() if len(found) == 1 else None


def _office_term(entry: Entry, office: str, leader_first: bool) -> Term | None:
    """The term of ``entry`` that is ``office``: a leader's first government term when the
    evidence is a leader list (a section), else the only government term (the defence
    sector's for a defence minister). An alias says the office, not which term it was."""
    if leader_first and entry.is_leader():
        return entry.first_term()
    sector = "GOVMIL" if office == "defence_minister" else "GOV"
    terms = [t for t in entry.terms if t.sector == sector]
    if not terms and office == "defence_minister":
        terms = [t for t in entry.terms if t.sector == "GOV"]
    return terms[0] if len(terms) == 1 else None


def cabinet_dates(entries: list[Entry]) -> dict[str, dt.date]:
    """State → the last date its cabinet entries (no leader pattern) record."""
    out: dict[str, dt.date] = {}
    for entry in entries:
        if entry.is_leader():
            continue
        for term in entry.terms:
            for day in (term.start, term.end):
                if day is not None and term.sector.startswith("GOV"):
                    out[term.country] = max(day, out.get(term.country, day))
    return out


def defence_offices(entries: list[Entry]) -> list[Office]:
    """Cabinet terms in the defence sector (``XXXGOVMIL``) are defence ministers."""
    return [
        Office(entry, "defence_minister", term, "GOVMIL term")
        for entry in entries
        for term in entry.terms
        if term.sector == "GOVMIL" and term.start is not None
    ]


# -- names ------------------------------------------------------------------------------------


def display_name(raw: str, review: dict[str, Any]) -> str | None:
    """ "JOSE_MARIA_AZNAR_" → "Jose Maria Aznar"; None for one-word or broken names."""
    text = unicodedata.normalize("NFKC", raw).replace("\x1a", "")
    text = re.sub(r"\(.*?(\)|$)", " ", text)  # "(ACTING" notes
    words = [w for w in re.split(r"[_\s]+", text) if w]
    honorifics = set(review["honorifics"])
    while words and words[0].upper() in honorifics:
        words = words[1:]
    if set(w.upper() for w in words[:2]) & set(review["alias_office_words"]):
        return None  # "RUSSIAN_PRESIDENT_YELTSIN": a title, not a name
    if len(words) < 2 or not all(re.fullmatch(r"[A-Za-z][A-Za-z.'`\-]*", w) for w in words):
        return None
    particles = set(review["name_particles"])
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if i > 0 and re.fullmatch(r"[ivx]+", low):
            out.append(word.upper())  # "Letsie III"
        elif 0 < i < len(words) - 1 and low in particles:
            out.append(low)
        else:
            out.append(_capitalise(low))
    return " ".join(out)


def _capitalise(word: str) -> str:
    """ "d'estaing" → "D'Estaing", "jean-pierre" → "Jean-Pierre", "k.r." → "K.R."."""
    return re.sub(r"(^|[-'.`])([a-z])", lambda m: m.group(1) + m.group(2).upper(), word)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", alias_key(name)).strip("-")


# -- against the hand-written knowledge base --------------------------------------------------


@dataclass
class Hand:
    """What the hand-written knowledge base already says, which the conversion never contradicts."""

    kb: KnowledgeBase
    holders: dict[str, list[tuple[dt.date, dt.date, str]]]
    surnames: dict[str, set[str]]

    @classmethod
    def load(cls) -> Hand:
        kb = _hand_written()
        holders: dict[str, list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
        surnames: dict[str, set[str]] = defaultdict(set)
        for actor in kb.actors.values():
            for role in actor.roles:
                if role.key:
                    span = (role.start or dt.date.min, role.end or dt.date.max, actor.id)
                    holders[role.key].append(span)
            if actor.kind == "person" and not _regnal(actor.name):
                last = surname(actor.name)
                if last:
                    surnames[alias_key(last)].add(actor.id)
        return cls(kb, dict(holders), dict(surnames))

    def person_id(self, name: str, country: str) -> str | None:
        """The hand-written person ``name`` names (same country); "" when the name is taken by
        another actor or its surname is ambiguous; None when both are free."""
        found = self.kb.lookup(name)
        same = [a for a in found if a.kind == "person" and a.country in (country, None)]
        if len(same) == 1 and len(found) == 1:
            return str(same[0].id)
        if found:
            return ""
        if _regnal(name):
            return None  # "Muhammad VI": a regnal number, not a surname
        last = surname(name)
        if not last or self.surnames.get(alias_key(last)) or _ambiguous_surname(last, self.kb):
            return ""
        return None


def _regnal(name: str) -> bool:
    """A monarch's name ends in a regnal number ("Carl XVI Gustaf" has one inside): it has no
    surname to share, and "VI" is not one."""
    return any(re.fullmatch(r"[IVX]+", word) for word in name.split()[1:])


def _ambiguous_surname(last: str, kb: KnowledgeBase) -> bool:
    """A surname that is also a given name ("Thomas"), a place ("Goma") or another actor's
    name: alone in a text it is rarely this person, and the entity ruler would tag it so."""
    low = last.lower()
    given = words(SPEECH, "female_first_names") | words(SPEECH, "male_first_names")
    return low in given or city_country(last) is not None or bool(kb.lookup(last))


def _hand_written() -> KnowledgeBase:
    """The shipped actor files without this script's own output."""
    actors = []
    for path in sorted(OUT.parent.glob("*.json")):
        if path != OUT:
            data = json.loads(path.read_text("utf-8"))
            actors += [Actor.model_validate(item) for item in data["actors"]]
    return KnowledgeBase(actors)


def _days(lo: dt.date, hi: dt.date) -> int:
    return (hi - lo).days if lo < hi else -1


def term_dates(
    term: Term, review: dict[str, Any], known_until: dt.date | None = None
) -> tuple[dt.date, dt.date] | None:
    """The term's dates. An open leader's term ends when the dictionary was built; an open
    cabinet term on ``known_until``, the last date the source records for that state's
    cabinet (CountryInfo's cabinet lists stop earlier than its leader lists)."""
    start = term.start
    if start is None:
        return None
    end = term.end
    if term.open_ended and known_until is not None:
        end = max(start, known_until)
    elif term.open_ended:
        built = dt.date.fromisoformat(review["open_end"])
        end = built if start <= built else dt.date.fromisoformat(review["open_end_after"])
    if end is None or end < start:
        return None
    return start, end


# -- assembly ---------------------------------------------------------------------------------


@dataclass
class Person:
    """A converted person: the hand-written id when the knowledge base knows them."""

    id: str
    name: str
    country: str
    aliases: list[str] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)


def convert(entries: list[Entry], review: dict[str, Any], hand: Hand) -> list[Person]:
    """Office terms → persons with dated roles, after the checks of the module docstring."""
    offices = run_offices(leader_runs(entries), review)
    offices += stated_offices(entries, review) + defence_offices(entries)
    people: dict[str, Person] = {}
    terms: dict[str, list[Span]] = defaultdict(list)
    cabinet = cabinet_dates(entries)
    for office in offices:
        person, dates = _person(office.entry, office.term, people, review, hand), None
        if person is not None:
            until = cabinet.get(office.term.country) if office.evidence == "GOVMIL term" else None
            dates = term_dates(office.term, review, until)
        if person is None or dates is None:
            continue
        span = Span(dates[0], dates[1], person, office.office)
        if all((s.start, s.end, s.person.id) != (*dates, person.id) for s in terms[office.key]):
            terms[office.key].append(span)
    reviewed_terms(terms, people, review["terms"])
    for key, spans in sorted(terms.items()):
        for span in one_holder_a_day(spans, hand.holders.get(key, [])):
            span.person.roles.append(_role(key, span, review, hand))
    return sorted((p for p in people.values() if p.roles), key=lambda p: p.id)


def _role(key: str, span: Span, review: dict[str, Any], hand: Hand) -> dict[str, Any]:
    """A converted term as a role of the knowledge base: an open term ends null, with the
    day it was checked (``models.Role.checked``)."""
    code = key.split(":")[1]
    state = ("the " if code in review["states_with_the"] else "") + hand.kb[code].name
    title = span.title or review["titles"][span.office].format(state=state)
    role: dict[str, Any] = {"title": title, "key": key, "start": span.start.isoformat()}
    role["end"] = None if span.end == dt.date.max else span.end.isoformat()
    if span.end == dt.date.max and span.checked is not None:
        role["checked"] = span.checked.isoformat()
    return role


def reviewed_terms(
    terms: dict[str, list[Span]], people: dict[str, Person], reviewed: dict[str, Any]
) -> None:
    """Apply the reviewed corrections (``terms`` in the review file): the source stops in
    2014, so a converted term it leaves open, or cuts at its own horizon, gets its real start
    or end (``end: null`` with ``checked`` for a term still open), and a person the source
    knows gets the later terms it could not know, and the spelling of the name used since
    (``aliases``). Facts only, each with its source's note."""
    for person_id, edits in sorted(reviewed.items()):
        if person_id == "about":
            continue
        person = people.get(person_id)
        if person is None:
            raise SystemExit(f"reviewed terms for {person_id}: the conversion does not hold them")
        person.aliases += [a for a in edits.get("aliases", []) if a not in person.aliases]
        for key, edit in sorted(edits.items()):
            if key == "aliases":
                continue
            office = key.split(":")[0]
            own = [s for s in terms[key] if s.person is person]
            if edit.get("drop"):  # the source's code misread as this office
                terms[key] = [s for s in terms[key] if s.person is not person]
                own = []
            if "start" in edit or "end" in edit:
                if not own:
                    raise SystemExit(f"reviewed term {person_id} {key}: no converted term")
                span = max(own, key=lambda s: s.start)
                span.start = dt.date.fromisoformat(edit.get("start", span.start.isoformat()))
                if "end" in edit:
                    span.end, span.checked = _reviewed_end(edit)
            for extra in edit.get("later", []):
                end, checked = _reviewed_end(extra)
                start = dt.date.fromisoformat(extra["start"])
                terms[key].append(
                    Span(start, end, person, office, False, checked, extra.get("title"))
                )


def _reviewed_end(term: dict[str, Any]) -> tuple[dt.date, dt.date | None]:
    """A reviewed term's end, or ``date.max`` and the day it was checked for an open one."""
    if term["end"] is None:
        return dt.date.max, dt.date.fromisoformat(term["checked"])
    return dt.date.fromisoformat(term["end"]), None


@dataclass
class Span:
    """A converted term of one office."""

    start: dt.date
    end: dt.date
    person: Person
    office: str
    dropped: bool = False
    checked: dt.date | None = None  # an open term (end = date.max): last day a source confirmed
    title: str | None = None  # a reviewed term's own title ("President of the Council of …")


def one_holder_a_day(spans: list[Span], fixed: list[tuple[dt.date, dt.date, str]]) -> list[Span]:
    """The terms of one office cut so that no two holders share a day: a converted term that
    overlaps a hand-written one, or another converted one, by up to a month (a handover,
    an acting stint) is clipped; by more, the source is unsure and the term is dropped (both
    converted terms, when two clash)."""
    day = dt.timedelta(days=1)
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    for span in spans:
        for lo, hi, _ in fixed:
            if _days(max(lo, span.start), min(hi, span.end)) > 31:
                span.dropped = True
            elif lo <= span.start <= hi:
                span.dropped = span.dropped or hi == dt.date.max
                span.start = min(hi, dt.date.max - day) + day
            elif lo <= span.end <= hi or (span.start < lo and hi < span.end):
                span.end = max(lo, dt.date.min + day) - day
    live = [s for s in spans if not s.dropped and s.start <= s.end]
    for a, b in zip(live, live[1:], strict=False):
        if b.start <= a.end and a.person.id == b.person.id:
            b.start = min(a.start, b.start)  # the same person twice: one term
            b.checked = a.checked if a.end > b.end else b.checked
            b.end, a.dropped = max(a.end, b.end), True
        elif b.start <= a.end:
            if _days(b.start, min(a.end, b.end)) > 31:
                a.dropped = b.dropped = True
            else:
                a.end = b.start - day
    live = [s for s in live if not s.dropped and s.start <= s.end]
    return [
        s
        for i, s in enumerate(live)
        if all(o is s or o.end < s.start or s.end < o.start for o in live)
        and all(hi < s.start or s.end < lo for lo, hi, _ in fixed)
    ]


def _person(
    entry: Entry, term: Term, people: dict[str, Person], review: dict[str, Any], hand: Hand
) -> Person | None:
    """The person an entry names, created once; None when the name is unusable or taken."""
    state = hand.kb.actors.get(term.country)
    name = display_name(entry.name, review)
    if state is None or state.kind != "state" or name is None:
        return None
    known = hand.person_id(name, term.country)
    if known is not None:
        return None  # the hand-written knowledge base knows the person, or uses the name
    person_id = f"person:{slug(name)}"
    if person_id in hand.kb:
        person_id = f"{person_id}-{term.country.lower()}"
    if person_id not in people:
        aliases = _aliases(entry, name, review, hand)
        people[person_id] = Person(person_id, name, term.country, aliases)
    return people[person_id]


def _aliases(entry: Entry, name: str, review: dict[str, Any], hand: Hand) -> list[str]:
    """Other full names of the entry: no office words, no names the knowledge base uses."""
    office_words = set(review["alias_office_words"])
    out: list[str] = []
    for alias in entry.aliases:
        if office_words & set(alias.strip("_").split("_")):
            continue
        text = display_name(alias, review)
        if text and alias_key(text) != alias_key(name) and not hand.kb.lookup(text):
            if text not in out:
                out.append(text)
    return out


def to_json(people: list[Person], commit: str) -> dict[str, Any]:
    actors = []
    for p in people:
        item: dict[str, Any] = {"id": p.id, "name": p.name, "kind": "person", "country": p.country}
        if p.aliases:
            item["aliases"] = p.aliases
        item["roles"] = sorted(p.roles, key=lambda r: (r["start"], r["key"]))
        actors.append(item)
    return {
        "format": "parley-actors/1",
        "about": "Heads of state and government, foreign and defence ministers with dated terms, "
        "converted by scripts/convert_phoenix_actors.py from PETRARCH2's Phoenix actor "
        "dictionary (reviewed subset: see README.md in this folder).",
        "source": f"{SOURCE} {PATH}",
        "version": f"petrarch2 commit {commit}",
        "licence": "MIT (Copyright (c) 2014 Open Event Data Alliance)",
        "entity_ruler": False,  # found by lookup, title and date only: see parley.kb
        "actors": actors,
    }


def review_report(entries: list[Entry]) -> None:
    """Print each state's leader runs (last six names and first-term years) for the review."""
    for state, runs in sorted(leader_runs(entries).items()):

        def names(run: list[Entry]) -> str:
            return ", ".join(f"{e.name}{_year(e)}" for e in run[-6:])

        second = names(runs[1]) if len(runs) > 1 else ""
        print(f"{state} {len(runs)} runs | {names(runs[0])} | {second}")


def _year(entry: Entry) -> str:
    term = entry.first_term()
    return f" {term.start.year}" if term and term.start else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("dictionary", type=Path, help="Phoenix.Countries.actors.txt")
    parser.add_argument("--commit", required=True, help="the petrarch2 commit it was read from")
    parser.add_argument("--review", action="store_true", help="print the leader runs only")
    args = parser.parse_args()
    entries = parse(args.dictionary.read_text("utf-8", errors="replace"))
    if args.review:
        review_report(entries)
        return
    review = json.loads(REVIEW.read_text("utf-8"))
    people = convert(entries, review, Hand.load())
    OUT.write_text(json.dumps(to_json(people, args.commit), indent=1, ensure_ascii=False) + "\n")
    roles = [r for p in people for r in p.roles]
    print(f"wrote {OUT.relative_to(REPO)}: {len(people)} people, {len(roles)} dated roles")


if __name__ == "__main__":
    main()
