"""Agreements, rounds, issues and positions from single articles (real model), and the sample."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from parley.extract.negotiation.extractor import find_issues, find_rounds
from parley.extract.negotiation.stances import UNSPECIFIED, issue_for
from parley.models import Analysis, Article, Position, RawDocument, Span, Track
from parley.resolve import merge_tracks

pytestmark = pytest.mark.model


def _run(pipeline, text: str, day: str = "2026-05-19") -> Analysis:  # type: ignore[no-untyped-def]
    raw = RawDocument(source="t.txt", text=text, published_at=dt.date.fromisoformat(day))
    return pipeline.run(raw)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They met for the first round in March.", [1]),
        ("A third round is planned; round two ended badly.", [3, 2]),
        ("The 4th round opened.", [4]),
        ("Another round of shelling hit the city.", []),
    ],
)
def test_numbered_rounds_are_found_and_bare_rounds_ignored(text: str, expected: list[int]) -> None:
    assert [n for n, _, _ in find_rounds(text)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "There was no progress on the key issues: the status of Nagorno-Karabakh and "
            "the return of refugees.",
            ["status of Nagorno-Karabakh", "return of refugees"],
        ),
        ("The outstanding issues of trade and transit remain.", ["trade and transit remain"]),
        ("Nothing was said about the weather.", []),
        (
            "Four issues are on the table: water sharing, grazing rights, the fate of the "
            "prisoners, and the border crossings.",
            ["water sharing", "grazing rights", "fate of the prisoners", "border crossings"],
        ),
        (
            "The talks on water sharing and grazing rights resumed.",
            ["water sharing", "grazing rights resumed"],
        ),  # the parse trims the verb later
        ("They held talks on Tuesday.", []),
        ("Talks on a new treaty opened.", []),  # the talks' product, not an issue
        ("The agenda: prisoner releases, grain exports.", ["prisoner releases", "grain exports"]),
        ("The dispute over grazing land, officials said, is old.", ["grazing land"]),
        ("The question of the enclaves is open.", ["enclaves is open"]),
        ("Control of the crossings remains the main sticking point.", ["Control of the crossings"]),
        ("Issues such as fishing quotas keep coming back.", ["fishing quotas keep coming back"]),
    ],
)
def test_issues_on_the_table_are_split_into_items(sentence: str, expected: list[str]) -> None:
    assert find_issues(sentence) == expected


def test_a_named_treaty_unknown_to_the_data_gets_its_signing_with_parties(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The presidents of Kazakhstan and Turkmenistan signed the Aral Shore Water Treaty "
        "on Tuesday in Ashgabat. The treaty must still be ratified by both parliaments."
    )
    an = _run(pipeline, text)
    [treaty] = [a for a in an.agreements if "Aral" in a.name]
    assert treaty.name == "Aral Shore Water Treaty"
    assert set(treaty.parties) == {"KAZ", "TKM"}
    assert treaty.statuses[0].status == "signed"
    assert treaty.statuses[0].date == "2026-05-19"


def test_a_suspension_refers_back_to_the_treaty_named_earlier(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia and the United States once observed the INF Treaty closely. "
        "On Monday the agreement was suspended by Moscow, officials said."
    )
    an = _run(pipeline, text, "2026-09-10")
    [inf] = [a for a in an.agreements if a.name == "INF Treaty"]
    assert "suspended" in [s.status for s in inf.statuses]
    assert inf.statuses[-1].date == "2026-09-07"


def test_talks_give_a_track_and_a_cancelled_round_is_cancelled(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Armenia and Azerbaijan held peace talks in Geneva on Tuesday, mediated by "
        "Switzerland. Switzerland later called off the third round of the talks after a "
        "shooting on the border."
    )
    an = _run(pipeline, text, "2026-06-12")
    [track] = [t for t in an.tracks if set(t.parties) == {"ARM", "AZE"}]
    assert track.mediators == ["CHE"]
    assert {(r.ordinal, r.status) for r in track.rounds} >= {(3, "cancelled")}


def test_the_sample_yields_its_tracks_rounds_and_new_start_timeline(  # type: ignore[no-untyped-def]
    pipeline, sample_dir, kb
) -> None:
    gold = json.loads((sample_dir / "abu-dhabi-talks.gold.json").read_text())["documents"][0]
    an = _run(pipeline, (sample_dir / "abu-dhabi-talks.txt").read_text(), gold["published_at"])
    [talks] = [t for t in an.tracks if set(t.parties) == {"RUS", "UKR"}]
    # The US mediates; the Emirates host the rounds in their capital.
    assert set(talks.mediators) == {"USA", "ARE"}
    rounds = {r.ordinal: r for r in talks.rounds}
    assert (rounds[1].status, rounds[1].venue) == ("held", "Abu Dhabi")
    assert (rounds[2].status, rounds[2].venue) == ("held", "Abu Dhabi")
    assert rounds[3].status == "planned"
    assert set(talks.issues) == set(gold["tracks"][0]["issues"])
    stances = {(p.actor, p.on) for p in talks.positions}
    expected = {(kb.lookup(p["actor"])[0].id, p["on"]) for p in gold["tracks"][0]["positions"]}
    assert expected <= stances
    [new_start] = [a for a in an.agreements if a.name == "New START"]
    timeline = {s.status: s for s in new_start.statuses}
    assert timeline["expiring"].date == "2026-02-05"
    assert timeline["observed informally (expected)"].until == "2026-08-05"
    assert timeline["extension proposed"].by == "person:vladimir-putin"


@pytest.mark.parametrize(
    "text, day, expected",
    [
        # sentence-initial "The" is not part of the name; the date of the voting verb dates it
        (
            "The Aral Shore Water Treaty was debated for hours. Uzbekistan's Senate voted on "
            "Monday to ratify the Aral Shore Water Treaty.",
            "2026-06-24",
            {("ratified", "2026-06-22", "UZB")},
        ),
        # requirements and rules of the text are not statuses
        (
            "Uzbekistan and Kazakhstan signed the Aral Shore Water Treaty on Friday. The treaty "
            "must be ratified by both parliaments. The treaty enters into force when the "
            "instruments of ratification are exchanged.",
            "2026-05-24",
            {("signed", "2026-05-22", None)},
        ),
    ],
)
def test_treaty_statuses_are_acts_with_their_dates_and_actors(  # type: ignore[no-untyped-def]
    pipeline, text: str, day: str, expected: set[tuple[str, str | None, str | None]]
) -> None:
    an = _run(pipeline, text, day)
    [treaty] = [a for a in an.agreements if "Aral" in a.name]
    assert treaty.name == "Aral Shore Water Treaty"
    got = {(s.status, s.date, s.by) for s in treaty.statuses}
    assert {(st, d) for st, d, _ in got} == {(st, d) for st, d, _ in expected}
    assert all(by is None or (st, d, by) in got for st, d, by in expected)


def test_an_agreed_prisoner_swap_is_an_exchange_deal_named_after_its_parties(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Serbia and Croatia agreed on Monday to exchange prisoners before the end of the "
        "month, mediators said after talks in Vienna."
    )
    an = _run(pipeline, text, "2026-03-11")
    [deal] = [a for a in an.agreements if a.kind == "exchange deal"]
    assert deal.name == "Croatia–Serbia prisoner exchange"
    assert [(s.status, s.date) for s in deal.statuses] == [("agreed", "2026-03-09")]


@pytest.mark.parametrize(
    "sentence, status, venue",
    [
        (
            "Georgia and Russia closed the second round of talks in Prague on Monday, "
            "agreeing to meet again in May.",
            "held",
            "Prague",
        ),
        (
            "Georgia and Russia will open a second round of talks in Prague next month.",
            "planned",
            "Prague",
        ),
        (
            "Norway called off the second round of talks between Georgia and Russia in Prague.",
            "cancelled",
            "Prague",
        ),
        (
            "The second round of talks between Georgia and Russia, held in the Czech capital "
            "over two days, ended without a statement.",
            "held",
            "Prague",
        ),
    ],
)
def test_a_round_takes_its_status_from_its_own_clause_and_its_venue_nearby(  # type: ignore[no-untyped-def]
    pipeline, sentence: str, status: str, venue: str
) -> None:
    an = _run(pipeline, sentence, "2026-04-02")
    rounds = [r for t in an.tracks for r in t.rounds if r.ordinal == 2]
    assert [(r.status, r.venue) for r in rounds] == [(status, venue)]


@pytest.mark.parametrize(
    "text",
    [
        # a wire dateline parsed as a subject, and a credit, never sign anything
        "AVAZA, Turkmenistan, May 19 (Reuters) — The presidents of Kazakhstan and Turkmenistan "
        "signed the Aral Shore Water Treaty on Tuesday.",
        # two leaders of two states signing is the parties acting together
        "Kassym-Jomart Tokayev and Serdar Berdimuhamedov signed the Aral Shore Water Treaty on "
        "Tuesday.",
    ],
)
def test_a_joint_signature_names_no_single_signatory(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, text, "2026-05-19")
    [treaty] = [a for a in an.agreements if "Aral" in a.name]
    assert [(s.status, s.by) for s in treaty.statuses] == [("signed", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Baku rejects any change to the constitutional text.", "wording of the constitution"),
        ("The detainees must all come home.", "fate of detainees"),
        ("Both detainees were held near the border.", "fate of detainees"),  # named first
        ("Armenia and Azerbaijan met.", UNSPECIFIED),  # party names tell no issue apart
    ],
)
def test_a_position_is_linked_to_the_issue_sharing_most_content_words(
    text: str, expected: str
) -> None:
    issues = ["border delimitation", "wording of the constitution", "fate of detainees"]
    assert issue_for(issues, text, ["armenia", "azerbaijan"]) == expected


def _an(article_id: str, day: str, title: str, track: Track) -> Analysis:
    article = Article(id=article_id, text="…", title=title, published_at=dt.date.fromisoformat(day))
    return Analysis(article=article, tracks=[track])


def test_merged_issues_fold_wordings_and_unlinked_positions_take_a_merged_issue() -> None:
    name, parties = "Georgia–Russia talks", ["GEO", "RUS"]
    said = "Tbilisi will not sign while the enclaves stay closed"
    one = _an(
        "a1",
        "2026-03-01",
        "Talks open",
        Track(name=name, parties=parties, issues=["delimitation of the border", "enclaves"]),
    )
    two = _an(
        "a2",
        "2026-03-05",
        "Prisoners freed at the border crossing",
        Track(
            name=name,
            parties=parties,
            issues=["border delimitation"],
            positions=[
                Position(
                    actor="GEO",
                    on=UNSPECIFIED,
                    position=said,
                    red_line=True,
                    evidence=Span(start=0, end=len(said), text=said),
                ),
                Position(actor="RUS", on=UNSPECIFIED, position="We want them all back"),
                Position(actor="GEO", on=UNSPECIFIED, position="No comment"),
            ],
        ),
    )
    [track] = merge_tracks([two, one])
    assert track.issues == ["delimitation of the border", "enclaves"]
    assert [p.on for p in track.positions] == [
        "enclaves",
        "delimitation of the border",
        "delimitation of the border",
    ]


STANCES = (
    "Georgia and Russia held talks in Prague on Monday, mediated by Norway. Three issues are "
    "on the table: the return of refugees, the status of the enclaves and the reopening of "
    "the railway. Tbilisi will not sign any document while Russian troops remain in the "
    "enclaves, Georgian Foreign Minister Maka Botchorishvili said. The Norwegian mediators "
    'floated a compromise under which monitors would patrol the railway. "We want every '
    'refugee to go home. That is our red line," a senior Russian official said.\n\n'
    "Russia's demand for a free railway link had not changed, diplomats said."
)


@pytest.mark.parametrize(
    "actor, on, words, red_line",
    [
        ("GEO", "status of the enclaves", "will not sign any document", True),
        ("NOR", "reopening of the railway", "monitors would patrol the railway", False),
        ("RUS", "return of refugees", "We want every refugee to go home", True),
        ("RUS", "reopening of the railway", "a free railway link", False),
    ],
)
def test_refusals_red_lines_proposals_and_demands_are_positions_on_an_issue(  # type: ignore[no-untyped-def]
    pipeline, actor: str, on: str, words: str, red_line: bool
) -> None:
    an = _run(pipeline, STANCES, "2026-05-19")
    [track] = [t for t in an.tracks if set(t.parties) == {"GEO", "RUS"}]
    assert len(track.issues) == 3
    hits = [p for p in track.positions if p.actor == actor and words in p.position]
    assert [(p.on, p.red_line) for p in hits] == [(on, red_line)]
