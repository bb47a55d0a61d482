"""The reviewed corrections of the Phoenix conversion (issue 12, coverage of office holders).

The converted dictionary stops in 2014: ``scripts/phoenix_review.json`` (``terms``) gives
converted people their real ends and later terms, and ``phoenix_offices.json`` is regenerated
from the source and that review. These tests check that the shipped file carries every reviewed
term, that the holders resolve on a date inside their terms and not after the day a source
last confirmed them, and that the successors a cut-off term used to block now hold the office.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from parley.kb import load_kb

REPO = Path(__file__).resolve().parents[1]
REVIEW = json.loads((REPO / "scripts" / "phoenix_review.json").read_text("utf-8"))["terms"]
SHIPPED = json.loads(
    (REPO / "src" / "parley" / "data" / "actors" / "phoenix_offices.json").read_text("utf-8")
)
KB = load_kb()
D = dt.date.fromisoformat


def _reviewed() -> list[tuple[str, str, dict[str, Any]]]:
    """(person id, office key, term) for every reviewed later term and corrected end."""
    out = []
    for person, edits in REVIEW.items():
        if person == "about":
            continue
        for key, edit in edits.items():
            if key == "aliases":
                continue
            out += [(person, key, term) for term in edit.get("later", [])]
            if "end" in edit:
                out.append((person, key, {k: v for k, v in edit.items() if k != "later"}))
    return out


def _converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "convert_phoenix_actors", REPO / "scripts" / "convert_phoenix_actors.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("person", "key", "term"), _reviewed())
def test_the_shipped_file_carries_every_reviewed_term(
    person: str, key: str, term: dict[str, Any]
) -> None:
    roles = [r for a in SHIPPED["actors"] if a["id"] == person for r in a["roles"]]
    roles = [r for r in roles if r["key"] == key]
    assert roles, f"{person} has no {key} term: rerun scripts/convert_phoenix_actors.py"
    if term["end"] is None:
        assert any(r["end"] is None and r["checked"] == term["checked"] for r in roles)
    else:  # a handover day may be clipped: one office has one holder a day
        ends = [D(r["end"]) for r in roles if r["end"] is not None]
        assert any(abs((end - D(term["end"])).days) <= 1 for end in ends), roles
    if "start" in term:
        starts = [D(r["start"]) for r in roles]
        assert any(0 <= (start - D(term["start"])).days <= 1 for start in starts), roles


@pytest.mark.parametrize(
    ("key", "day", "holder"),
    [
        ("president:RWA", "2024-05-01", "person:paul-kagame"),
        ("monarch:MAR", "2023-01-10", "person:muhammad-vi"),
        ("president:CMR", "1999-03-01", "person:paul-biya"),
        ("president:ZWE", "2020-02-01", "person:emmerson-mnangagwa"),
        ("president:NGA", "2019-07-01", "person:muhammadu-buhari"),
        ("prime_minister:SGP", "2024-05-10", "person:lee-hsien-loong"),
        ("prime_minister:FJI", "2010-06-01", "person:voreqe-bainimarama"),
        ("president:VEN", "2013-06-01", "person:nicolas-maduro"),
        # successors a converted term cut at 2014-01-30 used to block
        ("president:SEN", "2015-01-01", "person:macky-sall"),
        ("president:NER", "2016-01-01", "person:mahamadou-issoufou"),
        ("president:HND", "2014-02-15", "person:juan-orlando-hernandez"),
        ("prime_minister:TJK", "2014-01-01", "person:kokhir-rasulzoda"),
        ("president:GIN", "2015-01-01", "person:alpha-conde"),
        ("president:GAB", "2015-01-01", "person:ali-bongo-ondimba"),
        ("president:KEN", "2018-01-01", "person:uhuru-kenyatta"),
        ("president:FIN", "2020-01-01", "person:sauli-niinisto"),
        ("president:CYP", "2016-01-01", "person:nicos-anastasiades"),
        ("prime_minister:DJI", "2016-01-01", "person:abdoulkader-kamil-mohamed"),
        ("president:YEM", "2015-06-01", "person:abdrabbuh-mansur-hadi"),
    ],
)
def test_a_reviewed_holder_holds_the_office_on_a_day_of_the_term(
    key: str, day: str, holder: str
) -> None:
    found = KB.holder(key, D(day))
    assert found is not None and found.id == holder


@pytest.mark.parametrize(
    ("key", "day", "former"),
    [
        ("president:RWA", "2026-12-04", "person:paul-kagame"),  # checked 2025-06-30 only
        ("president:VEN", "2008-01-01", "person:nicolas-maduro"),  # then foreign minister
        ("president:SEN", "2013-01-01", "person:abdoulaye-wade"),  # left office 2012
        ("prime_minister:SGP", "2024-06-01", "person:lee-hsien-loong"),
        ("president:HND", "2012-01-01", "person:manuel-zelaya"),  # removed 2009
    ],
)
def test_a_reviewed_holder_is_not_assumed_outside_the_term(key: str, day: str, former: str) -> None:
    found = KB.holder(key, D(day))
    assert found is None or found.id != former


def test_an_open_reviewed_term_ends_null_with_the_day_it_was_checked() -> None:
    conv = _converter()
    person = conv.Person("person:x", "X Y", "RWA")
    span = conv.Span(D("2000-03-24"), D("2014-01-30"), person, "president")
    terms = {"president:RWA": [span]}
    edits = {"person:x": {"president:RWA": {"end": None, "checked": "2025-06-30", "note": "n"}}}
    conv.reviewed_terms(terms, {"person:x": person}, edits)
    assert span.end == dt.date.max and span.checked == D("2025-06-30")


def test_a_reviewed_term_for_a_person_the_conversion_lacks_is_a_clear_error() -> None:
    conv = _converter()
    edits = {"person:nobody": {"president:RWA": {"end": "2020-01-01", "note": "n"}}}
    with pytest.raises(SystemExit, match="person:nobody"):
        conv.reviewed_terms({}, {}, edits)


def test_a_regnal_number_is_not_a_surname() -> None:
    conv = _converter()
    assert conv._regnal("Muhammad VI") and conv._regnal("Carl XVI Gustaf")
    assert not conv._regnal("Paul Kagame") and not conv._regnal("Vi Nguyen")


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Emomali Rahmon", "person:emomali-rakhmonov"),  # the source spells an older name
        ("Shavkat Mirziyoyev", "person:shavkat-mirziyayev"),
        ("Mohammed VI", "person:muhammad-vi"),
    ],
)
def test_the_name_used_since_finds_the_converted_person(name: str, person: str) -> None:
    assert [a.id for a in KB.lookup(name)] == [person]


def test_a_term_the_review_drops_is_not_shipped() -> None:
    dropped = [(p, k) for p, e in REVIEW.items() if p != "about" for k, t in e.items()
               if isinstance(t, dict) and t.get("drop")]  # fmt: skip
    assert dropped
    for person, key in dropped:
        roles = [r for a in SHIPPED["actors"] if a["id"] == person for r in a["roles"]]
        assert not [r for r in roles if r["key"] == key]
