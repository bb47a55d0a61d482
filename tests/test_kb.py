"""The shipped knowledge base loads, is consistent, and answers the questions resolution asks."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from parley.errors import KnowledgeBaseError
from parley.kb import FORMAT, KnowledgeBase, alias_key, load_demonyms, load_kb
from parley.models import Actor, Role

ACTOR_DIR = resources.files("parley") / "data" / "actors"
SHIPPED = sorted(p.name for p in ACTOR_DIR.iterdir() if p.name.endswith(".json"))

# Codes that are states but not (or not as states) in ISO 3166-1.
NOT_IN_PYCOUNTRY = {"XKX"}

# Offices that several people hold at once.
PLURAL_OFFICES = ("aide:", "adviser:", "deputy_", "first_deputy_")


def _raw(name: str) -> dict[str, object]:
    data = json.loads((ACTOR_DIR / name).read_text("utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize("name", SHIPPED)
def test_each_shipped_file_declares_the_format_and_has_actors(name: str) -> None:
    data = _raw(name)
    assert data["format"] == FORMAT
    assert isinstance(data["actors"], list) and data["actors"]


def test_ids_are_unique_across_shipped_files() -> None:
    ids = [a["id"] for name in SHIPPED for a in _raw(name)["actors"]]  # type: ignore[attr-defined]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert dupes == []


def test_shipped_data_stays_small() -> None:
    folder = Path(str(ACTOR_DIR))
    total = sum(p.stat().st_size for p in folder.glob("*.json"))
    assert total < 2_000_000


def test_every_state_has_a_known_iso3_code(shipped: KnowledgeBase) -> None:
    states = shipped.of_kind("state")
    assert len(states) >= 195
    for state in states:
        assert state.id == state.country
        known = pycountry.countries.get(alpha_3=state.id) is not None
        former = pycountry.historic_countries.get(alpha_3=state.id) is not None  # SUN, YUG
        assert known or former or state.id in NOT_IN_PYCOUNTRY, state.id


def test_every_country_reference_is_a_shipped_state_or_place(shipped: KnowledgeBase) -> None:
    codes = {a.id for a in shipped.of_kind("state", "place")}
    dangling = sorted(
        f"{a.id}->{a.country}" for a in shipped.actors.values() if a.country not in codes | {None}
    )
    assert dangling == []


@pytest.mark.parametrize(
    ("role_key", "day", "expected"),
    [
        ("president:RUS", dt.date(2026, 2, 5), "person:vladimir-putin"),
        ("president:RUS", dt.date(2010, 1, 1), "person:dmitry-medvedev"),
        ("president:USA", dt.date(2024, 6, 1), "person:joe-biden"),
        ("president:USA", dt.date(2026, 2, 5), "person:donald-trump"),
        ("president:USA", dt.date(2019, 6, 1), "person:donald-trump"),
        ("president:UKR", dt.date(2026, 2, 5), "person:volodymyr-zelensky"),
        ("foreign_minister:UKR", dt.date(2026, 2, 5), "person:andriy-sybiha"),
        ("foreign_minister:UKR", dt.date(2023, 1, 1), "person:dmytro-kuleba"),
        ("chief_of_general_staff:RUS", dt.date(2026, 2, 5), "person:valery-gerasimov"),
        ("press_secretary:president:RUS", dt.date(2026, 2, 5), "person:dmitry-peskov"),
        ("special_envoy:president:USA", dt.date(2026, 2, 5), "person:steve-witkoff"),
        ("commander:EUCOM", dt.date(2026, 2, 5), "person:alexus-grynkewich"),
        ("saceur:NATO", dt.date(2024, 1, 1), "person:christopher-cavoli"),
        ("chancellor:DEU", dt.date(2024, 1, 1), "person:olaf-scholz"),
        ("chancellor:DEU", dt.date(2026, 2, 5), "person:friedrich-merz"),
        ("secretary_general:NATO", dt.date(2026, 2, 5), "person:mark-rutte"),
        ("secretary_general:UN", dt.date(2026, 2, 5), "person:antonio-guterres"),
    ],
)
def test_holder_answers_who_held_an_office_on_a_day(
    shipped: KnowledgeBase, role_key: str, day: dt.date, expected: str
) -> None:
    holder = shipped.holder(role_key, day)
    assert holder is not None and holder.id == expected


def test_holder_is_none_before_anyone_is_known(shipped: KnowledgeBase) -> None:
    assert shipped.holder("president:UKR", dt.date(1990, 1, 1)) is None


def test_no_two_people_hold_a_single_office_on_the_same_day(shipped: KnowledgeBase) -> None:
    spans: dict[str, list[tuple[str, dt.date, dt.date]]] = {}
    for actor in shipped.actors.values():
        for r in actor.roles:
            if r.key and not r.key.startswith(PLURAL_OFFICES):
                spans.setdefault(r.key, []).append(
                    (actor.id, r.start or dt.date.min, r.end or dt.date.max)
                )
    clashes = [
        (key, a, b)
        for key, held in spans.items()
        for (a, s1, e1), (b, s2, e2) in itertools.combinations(held, 2)
        if a != b and s1 <= e2 and s2 <= e1
    ]
    assert clashes == []


def test_every_role_key_ends_with_something_the_text_can_name(shipped: KnowledgeBase) -> None:
    # Title resolution builds "<office>:<suffix>" from a state id, an actor id or an acronym.
    acronyms = {
        alias
        for a in shipped.actors.values()
        if a.kind != "person"
        for alias in (a.name, *a.aliases)
        if alias.isupper() and alias.isalpha()
    }
    known = set(shipped.actors) | acronyms
    unnamed = sorted(
        r.key
        for a in shipped.actors.values()
        for r in a.roles
        if r.key and not any(r.key.endswith(":" + k) for k in known)
    )
    assert unnamed == []


def test_roles_end_after_they_start(shipped: KnowledgeBase) -> None:
    bad = [
        (a.id, r.key)
        for a in shipped.actors.values()
        for r in a.roles
        if r.start and r.end and r.end < r.start
    ]
    assert bad == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kiev", "UKR"),
        ("Kyiv", "UKR"),
        ("the Kremlin", "RUS"),
        ("Moscow", "RUS"),
        ("Washington", "USA"),
        ("the White House", "USA"),
        ("U.S.", "USA"),
        ("the Americans", "USA"),
        ("UAE", "ARE"),
        ("Abu Dhabi", "ARE"),
        ("Downing Street", "GBR"),
        ("Britain", "GBR"),
        ("the Élysée", "FRA"),
        ("DPRK", "PRK"),
        ("Türkiye", "TUR"),
        ("EUCOM", "force:eucom"),
        ("NATO", "igo:nato"),
        ("the Russian news agency TASS", "outlet:tass"),
        ("Financial Times", "outlet:ft"),
        ("Axios", "outlet:axios"),
        ("Gerassimov", "person:valery-gerasimov"),
        ("Zelenskyy", "person:volodymyr-zelensky"),
        ("Andriy Sibiga", "person:andriy-sybiha"),
        ("Erdogan", "person:recep-tayyip-erdogan"),
    ],
)
def test_lookup_finds_names_aliases_and_metonyms(
    shipped: KnowledgeBase, text: str, expected: str
) -> None:
    assert [a.id for a in shipped.lookup(text)] == [expected]


@pytest.mark.parametrize("word", ["us", "who", "Russian", "Chinese", "Brussels"])
def test_lookup_ignores_pronouns_adjectives_and_ambiguous_capitals(
    shipped: KnowledgeBase, word: str
) -> None:
    assert shipped.lookup(word) == []


def test_an_ambiguous_name_returns_every_candidate(shipped: KnowledgeBase) -> None:
    assert {a.id for a in shipped.lookup("Congo")} == {"COD", "COG"}


@pytest.mark.parametrize(
    ("adjective", "code"),
    [("Russian", "RUS"), ("Ukrainian", "UKR"), ("US", "USA"), ("American", "USA"),
     ("Belarusian", "BLR"), ("British", "GBR"), ("Emirati", "ARE"), ("Chinese", "CHN")],
)  # fmt: skip
def test_demonyms_map_adjectives_to_states(adjective: str, code: str) -> None:
    assert load_demonyms()[adjective] == code


def test_every_demonym_points_at_a_shipped_actor(shipped: KnowledgeBase) -> None:
    assert sorted(set(load_demonyms().values()) - set(shipped.actors)) == []


# Adjectives that are also the name of the state itself ("US troops", "New Zealand officials").
ADJECTIVES_THAT_ARE_NAMES = {
    "Eswatini", "Hong Kong", "Myanmar", "New Zealand", "U.S.", "UAE", "UK", "US", "Vatican",
}  # fmt: skip


def test_no_other_adjective_resolves_to_an_actor(shipped: KnowledgeBase) -> None:
    resolving = {adj for adj in load_demonyms() if shipped.lookup(adj)}
    assert resolving == ADJECTIVES_THAT_ARE_NAMES


def _write(tmp_path: Path, actors: list[dict[str, object]], name: str = "mine.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"format": FORMAT, "actors": actors}), encoding="utf-8")
    return path


def test_a_user_file_extends_an_existing_actor(tmp_path: Path) -> None:
    extra = _write(
        tmp_path,
        [{"id": "person:vladimir-putin", "name": "Vladimir Putin", "kind": "person",
          "aliases": ["VVP"]}],
    )  # fmt: skip
    kb = load_kb([extra])
    putin = kb["person:vladimir-putin"]
    assert "VVP" in putin.aliases and "Putin" in putin.aliases
    assert [a.id for a in kb.lookup("VVP")] == ["person:vladimir-putin"]
    assert kb.holder("president:RUS", dt.date(2026, 2, 5)) == putin


def test_a_user_file_adds_a_new_actor_with_a_role(tmp_path: Path) -> None:
    extra = _write(
        tmp_path,
        [{"id": "person:jane-doe", "name": "Jane Doe", "kind": "person", "country": "NOR",
          "roles": [{"title": "Special Envoy of Norway", "key": "special_envoy:NOR",
                     "start": "2026-01-01", "end": None}]}],
    )  # fmt: skip
    kb = load_kb([extra])
    assert len(kb) == len(load_kb()) + 1
    assert kb.holder("special_envoy:NOR", dt.date(2026, 2, 1)) == kb["person:jane-doe"]
    assert kb.holder("special_envoy:NOR", dt.date(2025, 2, 1)) is None


def test_an_open_term_confirmed_until_a_day_is_not_assumed_after_it(tmp_path: Path) -> None:
    # A holder entered from a dated source: known to hold the office up to the day it was
    # confirmed, unknown after it (the mention then stays unlinked instead of guessing).
    extra = _write(
        tmp_path,
        [{"id": "person:jane-roe", "name": "Jane Roe", "kind": "person", "country": "NOR",
          "roles": [{"title": "Special Envoy of Norway", "key": "special_envoy:NOR",
                     "start": "2024-01-01", "end": None, "checked": "2025-06-30"}]},
         {"id": "person:john-roe", "name": "John Roe", "kind": "person", "country": "NOR",
          "roles": [{"title": "Trade Envoy of Norway", "key": "trade_envoy:NOR",
                     "start": "2024-01-01", "end": "2024-12-31", "checked": "2024-06-30"}]}],
    )  # fmt: skip
    kb = load_kb([extra])
    assert kb.holder("special_envoy:NOR", dt.date(2025, 6, 30)) == kb["person:jane-roe"]
    assert kb.holder("special_envoy:NOR", dt.date(2025, 7, 1)) is None
    assert kb["person:jane-roe"].roles_on(dt.date(2026, 1, 1)) == []
    # A known end date is the bound; the confirmation day does not cut a closed term short.
    assert kb.holder("trade_envoy:NOR", dt.date(2024, 12, 1)) == kb["person:john-roe"]


def _envoy(start: str, **extra: object) -> dict[str, object]:
    return {"id": "person:jan-roe", "name": "Jan Roe", "kind": "person", "country": "NOR",
            "roles": [{"title": "Special Envoy of Norway", "key": "special_envoy:NOR",
                       "start": start, "end": None, **extra}]}  # fmt: skip


@pytest.mark.parametrize(
    ("start", "known", "first_day"),
    [("2001-07", "month", dt.date(2001, 7, 31)), ("2024-02", "month", dt.date(2024, 2, 29)),
     ("2001", "year", dt.date(2001, 12, 31)), ("2001-07-16", "day", dt.date(2001, 7, 16))],
)  # fmt: skip
def test_a_start_known_to_the_month_or_year_is_assumed_only_from_its_last_day(
    tmp_path: Path, start: str, known: str, first_day: dt.date
) -> None:
    # "In office since July 2001": he may have started on the 31st, so the 30th is not his.
    kb = load_kb([_write(tmp_path, [_envoy(start)])])
    role = kb["person:jan-roe"].roles[0]
    assert (role.start, role.start_known) == (first_day, known)
    assert kb.holder("special_envoy:NOR", first_day) == kb["person:jan-roe"]
    assert kb.holder("special_envoy:NOR", first_day - dt.timedelta(days=1)) is None


def test_a_partial_start_survives_a_round_trip_through_json() -> None:
    role = Role.model_validate({"title": "Envoy", "start": "2001-07"})
    again = Role.model_validate_json(role.model_dump_json())
    assert again == role and again.start == dt.date(2001, 7, 31)
    # A full date said to be known only to the month means that month: its last day.
    coarse = Role.model_validate({"title": "Envoy", "start": "2001-07-16", "start_known": "month"})
    assert coarse == role


@pytest.mark.parametrize(
    ("start", "extra"),
    [("2001-13", {}), ("2001-07", {"start_known": "day"}), ("2001", {"start_known": "month"}),
     ("July 2001", {}), ("2001-07", {"start_known": "week"})],
)  # fmt: skip
def test_a_malformed_partial_start_is_refused_with_the_file_named(
    tmp_path: Path, start: str, extra: dict[str, object]
) -> None:
    path = _write(tmp_path, [_envoy(start, **extra)], name="partial.json")
    with pytest.raises(KnowledgeBaseError, match="partial.json"):
        load_kb([path])


def test_shipped_partial_starts_are_written_as_partial_dates() -> None:
    # A term stored as a last day with a coarser precision must come from a "2001-07" or
    # "2001" in the file, so the data says what the source said.
    for name in SHIPPED:
        for item in _raw(name)["actors"]:  # type: ignore[attr-defined]
            for r in item.get("roles", []):
                assert "start_known" not in r, (item["id"], r)


def test_confirmation_days_fall_inside_their_terms(shipped: KnowledgeBase) -> None:
    bad = [
        (a.id, r.key)
        for a in shipped.actors.values()
        for r in a.roles
        if r.checked and ((r.start and r.checked < r.start) or (r.end and r.checked > r.end))
    ]
    assert bad == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not valid JSON"),
        ('{"actors": []}', "format"),
        (json.dumps({"format": FORMAT, "actors": [{"id": "x", "name": "X"}]}), "invalid actor"),
        (
            json.dumps({"format": FORMAT, "actors": [{"id": "x", "name": "X", "kind": "planet"}]}),
            "invalid actor",
        ),
    ],
)
def test_a_malformed_user_file_names_the_file_and_the_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        load_kb([path])
    assert str(path) in str(err.value) and problem in str(err.value)


def test_a_missing_user_file_is_reported(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    with pytest.raises(KnowledgeBaseError, match="nowhere.json"):
        load_kb([missing])


def test_every_actor_the_sample_gold_names_is_known(
    shipped: KnowledgeBase, sample_dir: Path
) -> None:
    gold = json.loads((sample_dir / "abu-dhabi-talks.gold.json").read_text("utf-8"))
    missing = []
    for expected in gold["documents"][0]["actors"]:
        found = shipped.lookup(expected["name"])
        ok = len(found) == 1 and found[0].kind == expected["kind"]
        if not ok or found[0].country != expected.get("country", found[0].country):
            missing.append(expected["name"])
    assert missing == []


# Names every legislature shares with others: never an alias of one state's chamber.
AMBIGUOUS_CHAMBER_NAMES = {
    "senate",
    "parliament",
    "congress",
    "majlis",
    "house of commons",
    "national assembly",
    "house of representatives",
    "upper house",
    "lower house",
    "legislature",
    "assembly",
}


def test_legislatures_belong_to_one_shipped_state_each(shipped: KnowledgeBase) -> None:
    legislatures = _raw("legislatures.json")["actors"]
    assert isinstance(legislatures, list) and len(legislatures) >= 20
    states = {a.country for a in shipped.of_kind("state")}
    for item in legislatures:
        actor = shipped[item["id"]]
        assert actor.id.startswith("org:") and actor.kind == "organisation"
        assert actor.country in states, actor.id


def test_legislature_aliases_avoid_names_several_states_use() -> None:
    names = [
        n
        for a in _raw("legislatures.json")["actors"]  # type: ignore[attr-defined]
        for n in (a["name"], *a["aliases"])
    ]
    assert [n for n in names if alias_key(n) in AMBIGUOUS_CHAMBER_NAMES] == []


@pytest.mark.parametrize(
    "name, actor_id",
    [
        ("the Mazhilis", "org:kaz-mazhilis"),
        ("Kazakhstan's Senate", "org:kaz-senate"),
        ("Mejlis", "org:tkm-mejlis"),
        ("Verkhovna Rada", "org:ukr-verkhovna-rada"),
        ("Rada", "org:ukr-verkhovna-rada"),
        ("the Knesset", "org:isr-knesset"),
        ("State Duma", "org:rus-state-duma"),
        ("U.S. Senate", "org:usa-senate"),
    ],
)
def test_lookup_finds_a_legislature_by_its_own_name(
    shipped: KnowledgeBase, name: str, actor_id: str
) -> None:
    assert [a.id for a in shipped.lookup(name)] == [actor_id]


@pytest.mark.parametrize("name", ["Senate", "Parliament", "the parliament", "Congress"])
def test_bare_chamber_words_name_no_legislature(shipped: KnowledgeBase, name: str) -> None:
    assert not [a for a in shipped.lookup(name) if a.id.startswith("org:")]


def test_actors_of_a_kind_include_one_added_after_the_first_question() -> None:
    """``of_kind`` is kept between calls; adding an actor (a user file read later, a merge)
    must show in the next answer, and a caller changing the list it got changes nothing."""
    kb = load_kb()
    states = kb.of_kind("state")
    assert states and all(a.kind == "state" for a in states)
    states.clear()
    assert kb.of_kind("state") and kb.of_kind("state") == [
        a for a in kb.actors.values() if a.kind == "state"
    ]
    kb.add(Actor(id="state:norland", name="Norland", kind="state", capital="Vesthavn"))
    assert kb.of_kind("state")[-1].id == "state:norland"
    assert "state:norland" not in {a.id for a in kb.of_kind("person", "organisation")}
