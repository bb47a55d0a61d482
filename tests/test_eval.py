"""Tests of parley.eval: matching by meaning, the gold format, reports and the floor gate.

Scoring is tested on hand-built analyses (no spaCy model); only the golden test and the bench
smoke test, marked ``model``, run the real pipeline.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from rich.table import Table

from parley.errors import ConfigError, GoldFormatError
from parley.eval import (
    FLOORS,
    EvalReport,
    Score,
    check_floors,
    evaluate,
    floors_for,
    load_gold,
    match_items,
    render_report,
    run_eval,
    score_story_pairs,
)
from parley.eval.events import actors_agree, date_agrees, score_events
from parley.eval.gold import (
    GoldActor,
    GoldAgreement,
    GoldAttribution,
    GoldDate,
    GoldDocument,
    GoldEvent,
    GoldFile,
    GoldMetadata,
    GoldPosition,
    GoldQuote,
    GoldRepair,
    GoldTrack,
)
from parley.eval.matching import prf
from parley.eval.names import NameResolver
from parley.eval.negotiation import (
    found_rounds,
    issues_agree,
    score_agreement_statuses,
    score_agreements,
    score_issues,
    score_positions,
    score_rounds,
    score_tracks,
)
from parley.eval.records import (
    date_matches,
    score_actors,
    score_attributions,
    score_dates,
    score_metadata,
    score_quotes,
    score_repairs,
    value_at_precision,
)
from parley.eval.run import raw_document
from parley.eval.text import overlap_of_shorter, texts_overlap
from parley.kb import KnowledgeBase
from parley.models import (
    Actor,
    ActorInText,
    Agreement,
    AgreementStatus,
    Analysis,
    Article,
    Attribution,
    Event,
    Position,
    Quote,
    Repair,
    Reporter,
    Round,
    Span,
    Speaker,
    Story,
    TimeExpression,
    Track,
)

# ---------------------------------------------------------------------------------- builders

KB = KnowledgeBase(
    [
        Actor(
            id="state:FRA",
            name="France",
            kind="state",
            country="FRA",
            aliases=["French Republic"],
            metonyms=["Paris", "Elysee"],
        ),
        Actor(id="state:DEU", name="Germany", kind="state", country="DEU", metonyms=["Berlin"]),
        Actor(
            id="person:anna-berg", name="Anna Berg", kind="person", country="DEU", aliases=["Berg"]
        ),
        Actor(
            id="person:luc-moreau",
            name="Luc Moreau",
            kind="person",
            country="FRA",
            aliases=["Moreau"],
        ),
        Actor(id="outlet:daily-ledger", name="Daily Ledger", kind="media outlet", country="GBR"),
    ]
)

IN_TEXT = [
    ActorInText(id="state:FRA", name="France", kind="state", country="FRA"),
    ActorInText(id="state:DEU", name="Germany", kind="state", country="DEU"),
    ActorInText(id="person:anna-berg", name="Anna Berg", kind="person", country="DEU"),
    ActorInText(id="person:luc-moreau", name="Luc Moreau", kind="person", country="FRA"),
]

GOLD_ACTORS = [
    GoldActor(name="France", kind="state", country="FRA", aliases=["Paris"]),
    GoldActor(name="Germany", kind="state", country="DEU", aliases=["Berlin"]),
    GoldActor(name="Anna Berg", kind="person", country="DEU", aliases=["the chancellor"]),
    GoldActor(name="Luc Moreau", kind="person", country="FRA"),
]


def span(text: str) -> Span:
    return Span(start=0, end=len(text), text=text)


def analysis(**records: Any) -> Analysis:
    article = records.pop("article", Article(id="art1", text="…"))
    records.setdefault("actors", IN_TEXT)
    return Analysis(article=article, **records)


def names(found: list[ActorInText] = IN_TEXT) -> NameResolver:
    return NameResolver(GOLD_ACTORS, found, KB)


def event(
    type_: str,
    source: list[str],
    target: list[str] | None = None,
    *,
    date: str | None = None,
    status: str = "occurred",
    text: str = "some words",
) -> Event:
    when = None if date is None else TimeExpression(text=date, start=0, end=1, value=date)
    return Event(
        type=type_,
        source=source,
        target=target or [],
        date=when,
        status=status,
        evidence=span(text),
    )


def gold_event(
    type_: str, source: list[str], target: list[str] | None = None, **kw: Any
) -> GoldEvent:
    return GoldEvent(type=type_, source=source, target=target or [], **kw)


# ---------------------------------------------------------------------------------- text


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("in good faith", "they acted in good faith, he said", True),  # containment
        ("In Good Faith!", "in good faith", True),  # case and punctuation
        ("“a fair deal”", '"a fair deal"', True),  # quote styles
        ("faith", "faithful partners", False),  # word boundary
        ("the talks were very productive", "the talks were productive", True),  # Jaccard 0.8
        ("fair deal for all", "bad deal for nobody", False),  # Jaccard 0.33
        ("", "anything", False),
    ],
)
def test_texts_overlap(a: str, b: str, expected: bool) -> None:
    assert texts_overlap(a, b) is expected


def test_overlap_of_shorter_counts_the_shorter_side() -> None:
    assert overlap_of_shorter("ports reopen", "officials said the ports reopen monday") == 1.0
    assert overlap_of_shorter("ports reopen", "the border stays shut") == 0.0


@pytest.mark.parametrize(
    "tp, fp, fn, expected",
    [
        (0, 0, 0, (1.0, 1.0, 1.0)),  # nothing to find, nothing found
        (0, 0, 3, (0.0, 0.0, 0.0)),  # found nothing of three
        (0, 2, 0, (0.0, 0.0, 0.0)),  # everything found is spurious
        (2, 2, 2, (0.5, 0.5, 0.5)),
        (3, 1, 0, (0.75, 1.0, 6 / 7)),
    ],
)
def test_prf(tp: int, fp: int, fn: int, expected: tuple[float, float, float]) -> None:
    assert prf(tp, fp, fn) == pytest.approx(expected)


# ---------------------------------------------------------------------------------- matching


def test_matching_is_maximum_not_greedy() -> None:
    # Gold 0 could take either record; greedy would take record 0 and leave gold 1 without one.
    agree = {(0, 0), (0, 1), (1, 0)}
    m = match_items([0, 1], [0, 1], lambda g, f: (g, f) in agree)
    assert sorted(m.pairs) == [(0, 1), (1, 0)]


def test_required_gold_items_are_matched_before_optional_ones() -> None:
    gold = [("opt", True), ("req", False)]
    m = match_items(gold, ["x"], lambda g, f: True, is_optional=lambda g: g[1])
    assert m.pairs == [(1, 0)]
    s = m.score("k", lambda g: g[1], str, str)
    assert (s.tp, s.fp, s.fn, s.tp_optional) == (1, 0, 0, 0)


def test_optional_items_count_when_found_and_are_not_missed_when_absent() -> None:
    gold = [("a", False), ("b", True), ("c", True)]
    m = match_items(gold, ["a", "b"], lambda g, f: g[0] == f, is_optional=lambda g: g[1])
    s = m.score("k", lambda g: g[1], lambda g: g[0], str)
    assert (s.tp, s.tp_optional, s.fp, s.fn) == (2, 1, 0, 0)
    assert s.misses == []


# ---------------------------------------------------------------------------------- gold format


def write_gold(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "g.gold.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    return path


def gold_doc(**kw: Any) -> dict[str, Any]:
    return {"id": "d1", "text": "Ministers met on Monday.", **kw}


@pytest.mark.parametrize(
    "data, message",
    [
        ("{not json", "not valid JSON"),
        ({"documents": []}, '"format": "parley-gold/1"'),
        ({"format": "parley-gold/1", "documents": []}, "documents"),
        ({"format": "parley-gold/1", "documents": [{"id": "d1"}]}, 'exactly one of "file"'),
        ({"format": "parley-gold/1", "documents": [gold_doc(file="x.txt")]}, "exactly one"),
        (
            {"format": "parley-gold/1", "documents": [gold_doc(events=[{"tpye": "CONSULT"}])]},
            "documents[0].events[0].type: Field required",
        ),
        (
            {"format": "parley-gold/1", "documents": [gold_doc(events=[{"type": "consult"}])]},
            "documents[0].events[0].type",
        ),
        (
            {
                "format": "parley-gold/1",
                "documents": [gold_doc(events=[{"type": "CONSULT", "date": "5 May"}])],
            },
            "documents[0].events[0].date",
        ),
        (
            {
                "format": "parley-gold/1",
                "documents": [
                    gold_doc(events=[{"id": "e", "type": "AID"}, {"id": "e", "type": "AID"}])
                ],
            },
            "event ids must be unique",
        ),
        (
            {
                "format": "parley-gold/1",
                "documents": [gold_doc(actors=[{"name": "X", "kind": "?"}])],
            },
            "documents[0].actors[0].kind",
        ),
        (
            {
                "format": "parley-gold/1",
                "documents": [gold_doc(events=[{"id": "a", "type": "AID"}])],
                "stories": [{"id": "s", "events": ["d1#a", "d1#zz"]}],
            },
            "d1#zz",
        ),
    ],
)
def test_malformed_gold_says_what_is_wrong_where(tmp_path: Path, data: Any, message: str) -> None:
    with pytest.raises(GoldFormatError) as err:
        load_gold(write_gold(tmp_path, data))
    assert message in str(err.value)


def test_unknown_gold_keys_are_kept_aside_and_reported(tmp_path: Path) -> None:
    doc = gold_doc(
        quotes=[{"text": "yes", "style": "short"}, {"text": "no", "optinal": True}], extra=1
    )
    gold = load_gold(write_gold(tmp_path, {"format": "parley-gold/1", "documents": [doc]}))
    assert gold.unknown_keys() == [
        "documents[0].extra",
        "documents[0].quotes[0].style",
        "documents[0].quotes[1].optinal",
    ]
    report = evaluate(gold, [analysis()])
    assert report.notes == ["gold keys not scored: extra, quotes[].optinal, quotes[].style"]


def test_gold_notes_are_ignored_and_unnamed_events_get_ids(tmp_path: Path) -> None:
    doc = gold_doc(
        published_at="2026-01-02",
        published_at_note="from the site",
        events=[{"type": "CONSULT", "note": "a remark"}, {"id": "x", "type": "AID"}],
    )
    gold = load_gold(write_gold(tmp_path, {"format": "parley-gold/1", "documents": [doc]}))
    assert gold.documents[0].published_at == dt.date(2026, 1, 2)
    assert gold.documents[0].event_ids() == ["e0", "x"]


GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("**/*.gold.json")), ids=lambda p: p.name)
def test_every_golden_gold_file_loads(path: Path) -> None:
    gold = load_gold(path)
    assert gold.documents


def test_missing_gold_file_is_a_gold_format_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="Cannot read gold file"):
        load_gold(tmp_path / "absent.json")


def test_sample_gold_is_valid(sample_dir: Path) -> None:
    gold = load_gold(sample_dir / "abu-dhabi-talks.gold.json")
    doc = gold.documents[0]
    assert doc.file and (sample_dir / doc.file).is_file()
    assert doc.events and all(e.id for e in doc.events)


# ---------------------------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    "found, tp, fp, fn",
    [
        (dict(title="Talks Resume", dateline="GENEVA", section_headings=["What next"]), 3, 0, 0),
        (dict(title="talks  resume.", dateline="Geneva"), 2, 0, 1),  # folding; heading missed
        (dict(title="Talks resume in Geneva", dateline="Geneva"), 1, 1, 2),  # title differs
        (dict(section_headings=["What next", "Background"]), 1, 1, 2),  # extra heading is FP
        (dict(), 0, 0, 3),
    ],
)
def test_score_metadata(found: dict[str, Any], tp: int, fp: int, fn: int) -> None:
    gold = GoldMetadata(title="Talks resume", dateline="Geneva", section_headings=["What next"])
    s = score_metadata(gold, Article(id="a", text="…", **found))
    assert (s.tp, s.fp, s.fn) == (tp, fp, fn)


@pytest.mark.parametrize(
    "gold, fp",
    [
        ({"title": "Talks resume"}, 0),  # dateline not annotated: not scored
        ({"title": "Talks resume", "dateline": None}, 1),  # annotated as absent
    ],
)
def test_metadata_scores_only_the_fields_the_gold_names(gold: dict[str, Any], fp: int) -> None:
    article = Article(id="a", text="…", title="Talks resume", dateline="Geneva")
    s = score_metadata(GoldMetadata.model_validate(gold), article)
    assert (s.tp, s.fp) == (1, fp)


# ---------------------------------------------------------------------------------- repairs


@pytest.mark.parametrize(
    "glued, split, matches",
    [
        ("GenevaOfficials", ["Geneva", "Officials"], True),
        ("GenevaOfficials", ["Geneva ", "Officials"], True),  # trimmed
        ("GenevaOfficials", ["GenevaO", "fficials"], False),  # wrong split
        ("Geneva Officials", ["Geneva", "Officials"], False),  # different glued string
    ],
)
def test_score_repairs(glued: str, split: list[str], matches: bool) -> None:
    gold = [GoldRepair(glued="GenevaOfficials", split=["Geneva", "Officials"])]
    s = score_repairs(gold, [Repair(glued=glued, split=split, why="x", start=0)])
    assert (s.tp, s.fp, s.fn) == ((1, 0, 0) if matches else (0, 1, 1))


# ---------------------------------------------------------------------------------- actors


@pytest.mark.parametrize(
    "found, tp, note",
    [
        (ActorInText(id="state:FRA", name="France", kind="state", country="FRA"), 1, None),
        (ActorInText(id="x1", name="French Republic", kind="state", country="FRA"), 1, None),
        (ActorInText(id="x1", name="Belgium", kind="state", country="FRA"), 0, None),
        (ActorInText(id="x1", name="Paris", kind="state", country="FRA"), 1, None),  # gold alias
        (ActorInText(id="state:FRA", name="Republique", kind="state", country="FRA"), 1, None),
        (
            ActorInText(id="state:FRA", name="France", kind="organisation", country="FRA"),
            0,
            "France: kind gold=state found=organisation",
        ),
        (
            ActorInText(id="state:FRA", name="France", kind="state", country="BEL"),
            0,
            "France: country gold=FRA found=BEL",
        ),
    ],
)
def test_score_actors_needs_name_kind_and_country(
    found: ActorInText, tp: int, note: str | None
) -> None:
    gold = [GoldActor(name="France", kind="state", country="FRA", aliases=["Paris"])]
    s = score_actors(gold, analysis(actors=[found]), names([found]))
    assert s.tp == tp
    assert s.notes == ([note] if note else [])


def test_score_actors_lists_spurious_and_spares_optional() -> None:
    gold = [
        GoldActor(name="France", kind="state", country="FRA"),
        GoldActor(name="Belgium", kind="state", country="BEL", optional=True),
        GoldActor(name="NATO", kind="igo"),  # no country in gold: any country is accepted
    ]
    found = [
        ActorInText(id="state:FRA", name="France", kind="state", country="FRA"),
        ActorInText(id="igo:nato", name="NATO", kind="igo", country="BEL"),
        ActorInText(id="new:acme", name="Acme Corp", kind="organisation"),
    ]
    s = score_actors(gold, analysis(actors=found), names(found))
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)
    assert s.spurious == ["Acme Corp (organisation, -)"]


# ---------------------------------------------------------------------------------- quotes


@pytest.mark.parametrize(
    "found_text, speaker, matches",
    [
        ("a fair and lasting deal", Speaker(actor="person:anna-berg", text="she"), True),
        (
            "we want a fair and lasting deal now",
            Speaker(actor="person:anna-berg", text="Berg"),
            True,
        ),
        ("a fair and lasting deal", Speaker(actor=None, text="the chancellor"), True),  # alias
        ("a fair and lasting deal", Speaker(actor=None, text="Berg"), True),  # KB alias
        ("a fair and lasting deal", Speaker(actor="person:luc-moreau", text="he"), False),
        ("a fair and lasting deal", None, False),
        ("nothing alike at all", Speaker(actor="person:anna-berg", text="she"), False),
        ("a fair and lasting deal", Speaker(actor="state:DEU", text="Berlin"), True),  # alt
    ],
)
def test_score_quotes(found_text: str, speaker: Speaker | None, matches: bool) -> None:
    gold = [GoldQuote(text="a fair and lasting deal", speaker="Anna Berg", speaker_alt=["Germany"])]
    found = [Quote(text=found_text, start=0, end=1, speaker=speaker)]
    s = score_quotes(gold, found, names())
    assert s.tp == int(matches)


@pytest.mark.parametrize(
    "speaker, matches",
    [
        (Speaker(text="a spokesman for the chancellor"), True),  # holds a gold alias
        (Speaker(actor="person:luc-moreau", text="a spokesman for the chancellor"), False),
        (Speaker(text="a spokesman"), False),
    ],
)
def test_unresolved_found_speaker_holding_a_known_name(speaker: Speaker, matches: bool) -> None:
    gold = [GoldQuote(text="a fair and lasting deal", speaker="Anna Berg")]
    found = [Quote(text="a fair and lasting deal", start=0, end=1, speaker=speaker)]
    assert score_quotes(gold, found, names()).tp == int(matches)


@pytest.mark.parametrize(
    "speaker_text, matches",
    [("the two delegations", True), ("the delegations", True), ("the ministers", False)],
)
def test_unresolved_gold_speaker_is_compared_by_text(speaker_text: str, matches: bool) -> None:
    gold = [GoldQuote(text="constructive", speaker="the delegations")]
    found = [Quote(text="constructive", start=0, end=1, speaker=Speaker(text=speaker_text))]
    assert score_quotes(gold, found, names()).tp == int(matches)


# ---------------------------------------------------------------------------------- attributions


def attribution(claim: str, reporter: Reporter, via: Reporter | None = None) -> Attribution:
    return Attribution(claim=span(claim), cue="according to", reporter=reporter, via=via)


LEDGER = Reporter(actor="outlet:daily-ledger", kind="outlet", text="Daily Ledger")


@pytest.mark.parametrize(
    "found, matches",
    [
        (attribution("the ports will reopen on Monday", LEDGER), True),
        (attribution("officials said the ports will reopen on Monday after talks", LEDGER), True),
        (attribution("the ports will reopen", LEDGER), True),  # all of the shorter claim
        (attribution("the border stays closed", LEDGER), False),  # other claim
        (
            attribution(
                "the ports will reopen on Monday", Reporter(kind="person", text="Daily Ledger")
            ),
            False,
        ),  # kind differs
        (
            attribution(
                "the ports will reopen on Monday", Reporter(kind="outlet", text="Morning Post")
            ),
            False,
        ),  # other outlet
    ],
)
def test_score_attributions(found: Attribution, matches: bool) -> None:
    gold = [
        GoldAttribution(
            claim="the ports will reopen on Monday", reporter="Daily Ledger", reporter_kind="outlet"
        )
    ]
    assert score_attributions(gold, [found], NameResolver([], [], KB)).tp == int(matches)


def test_anonymous_reporter_matches_by_description_and_via_is_a_note() -> None:
    gold = [
        GoldAttribution(
            claim="a deal is close",
            reporter="a diplomat close to the talks",
            reporter_kind="anonymous",
            outlet="Daily Ledger",
        )
    ]
    anon = Reporter(kind="anonymous", text="A diplomat close to the talks")
    right = score_attributions(gold, [attribution("a deal is close", anon, LEDGER)], names())
    assert (right.tp, right.notes) == (1, [])
    no_via = score_attributions(gold, [attribution("a deal is close", anon)], names())
    assert no_via.tp == 1
    assert no_via.notes == ["a diplomat close to the talks: via gold=Daily Ledger found=none"]


# ---------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "found, gold, expected",
    [
        ("2025-10-14", "2025-10", True),
        ("2025-10", "2025-10", True),
        ("2025-SP", "2025", True),
        ("2025", "2025-10", False),  # less precise than the gold
        ("2025-11-01", "2025-10", False),
        (None, "2025", False),
    ],
)
def test_value_at_precision(found: str | None, gold: str, expected: bool) -> None:
    assert value_at_precision(found, gold) is expected


@pytest.mark.parametrize(
    "found, gold, tolerance, expected",
    [
        ("2026-04-12", "2026-04-15", 5, True),
        ("2026-04-09", "2026-04-15", 5, False),
        ("2026-04", "2026-04-15", 5, False),  # a month does not pin a day
        ("2026-06-17", "2026-06-16/2026-06-17", 0, True),  # inside an interval
        ("2026-06-19", "2026-06-16/2026-06-17", 0, False),
        ("2026-06", "2026-06-16/2026-06-17", 0, False),
        ("2025-10-03", "2025-10", 0, True),
        ("2025-SP", "2025", 0, True),
    ],
)
def test_date_matches(found: str, gold: str, tolerance: int, expected: bool) -> None:
    assert date_matches(found, gold, tolerance) is expected


def test_score_dates_needs_text_and_value() -> None:
    gold = [GoldDate(text="last week", value="2026-01"), GoldDate(text="in May", value="2025-05")]
    found = [
        TimeExpression(text="last week", start=0, end=1, value="2026-01-05", precision="day"),
        TimeExpression(text="in May", start=0, end=1, value="2026-05", precision="month"),
    ]
    s = score_dates(gold, found)
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)


# ---------------------------------------------------------------------------------- events


@pytest.mark.parametrize(
    "gold, found, typed, strict",
    [
        # same type, actors by KB id
        (gold_event("CONSULT", ["France"], ["Germany"]), event("CONSULT", ["state:FRA"]), 1, 1),
        # an alternative type is accepted
        (
            gold_event("AGREE", ["France"], alt_types=["COOPERATE"]),
            event("COOPERATE", ["state:FRA"]),
            1,
            1,
        ),
        (gold_event("AGREE", ["France"]), event("CONSULT", ["state:FRA"]), 0, 0),
        # gold sources must be a subset of found sources
        (gold_event("CONSULT", ["France"]), event("CONSULT", ["state:FRA", "state:DEU"]), 1, 1),
        (gold_event("CONSULT", ["France", "Germany"]), event("CONSULT", ["state:FRA"]), 0, 0),
        # reciprocal gold: direction does not matter
        (
            gold_event("CONSULT", ["France", "Germany"], ["Germany", "France"]),
            event("CONSULT", ["state:FRA"], ["state:DEU"]),
            1,
            1,
        ),
        # not reciprocal: a reversed event is not the same event
        (
            gold_event("REQUEST", ["France"], ["Germany"]),
            event("REQUEST", ["state:DEU"], ["state:FRA"]),
            0,
            0,
        ),
        # date within tolerance; status must agree for a strict match
        (
            gold_event("AID", ["France"], date="2026-02-05", date_tolerance_days=2),
            event("AID", ["state:FRA"], date="2026-02-07"),
            1,
            1,
        ),
        (
            gold_event("AID", ["France"], date="2026-02-05"),
            event("AID", ["state:FRA"], date="2026-02-07"),
            1,
            0,
        ),
        (gold_event("AID", ["France"], date="2026-02-05"), event("AID", ["state:FRA"]), 1, 0),
        (
            gold_event("AID", ["France"], status="planned"),
            event("AID", ["state:FRA"], status="occurred"),
            1,
            0,
        ),
    ],
)
def test_event_matching(gold: GoldEvent, found: Event, typed: int, strict: int) -> None:
    scores, _ = score_events([gold], [found], names())
    assert (scores.typed.tp, scores.strict.tp) == (typed, strict)


@pytest.mark.parametrize(
    "gold_date, found, expected",
    [
        ("2025-10", "2025-10-20", True),  # month precision
        ("2025-10", "2025-10", True),
        ("2025", "2025-03-01", True),  # year precision
        ("2025-10", "2025-09-30", False),
        ("2026-02-05", "2026-02", False),  # a found month does not pin a gold day
        ("2026-02-05", "2026-02-05", True),
    ],
)
def test_event_dates_compare_at_gold_precision(gold_date: str, found: str, expected: bool) -> None:
    g = gold_event("AID", [], date=gold_date)
    assert date_agrees(g, event("AID", [], date=found)) is expected


def test_actors_agree_resolves_names_through_the_text_actors() -> None:
    found = [ActorInText(id="a7", name="Anna Berg", kind="person", country="DEU")]
    g = gold_event("CONSULT", ["Anna Berg"])
    assert actors_agree(g, event("CONSULT", ["a7"]), names(found))
    assert not actors_agree(g, event("CONSULT", ["a8"]), names(found))


def test_event_report_per_type_confusion_and_status_accuracy() -> None:
    gold = [
        gold_event("CONSULT", ["France"], status="occurred", evidence="the ministers met"),
        gold_event("REJECT", ["Germany"], evidence="Berlin turned down the plan"),
        gold_event("AID", ["France"], optional=True),
        gold_event("REQUEST", ["France"], evidence="Paris asked for more time"),
    ]
    found = [
        event("CONSULT", ["state:FRA"], status="planned", text="the ministers met in Rome"),
        event("DISAPPROVE", ["state:DEU"], text="Berlin turned down the plan on Friday"),
        event("FIGHT", ["state:DEU"], text="shells fell"),
    ]
    scores, _ = score_events(gold, found, names())
    assert (scores.typed.tp, scores.typed.fp, scores.typed.fn) == (1, 2, 2)
    assert scores.strict.tp == 0  # status differs
    assert scores.status_accuracy == 0.0
    assert {t: (s.tp, s.fp, s.fn) for t, s in scores.per_type.items()} == {
        "CONSULT": (1, 0, 0),
        "REJECT": (0, 0, 1),
        "AID": (0, 0, 0),
        "REQUEST": (0, 0, 1),
        "DISAPPROVE": (0, 1, 0),
        "FIGHT": (0, 1, 0),
    }
    assert dict(scores.confusion) == {
        ("CONSULT", "CONSULT"): 1,
        ("REJECT", "DISAPPROVE"): 1,  # same words, another type
        ("REQUEST", "none"): 1,
        ("none", "FIGHT"): 1,
    }
    # macro-F1 over gold types: CONSULT 1, REJECT 0, AID 1 (nothing required), REQUEST 0
    assert scores.macro_f1() == pytest.approx(0.5)


# ---------------------------------------------------------------------------------- negotiation


def test_negotiation_records_score_zero_found_gracefully() -> None:
    tracks = [GoldTrack(name="Franco-German talks", parties=["France", "Germany"])]
    agreements = [
        GoldAgreement.model_validate({"name": "Rhine Accord", "statuses": [{"status": "signed"}]})
    ]
    for s in (
        score_tracks(tracks, [], names()),
        score_rounds(tracks, []),
        score_agreements(agreements, []),
        score_agreement_statuses(agreements, []),
    ):
        assert s.found == 0 and s.fp == 0
        assert s.recall == 0.0 or s.kind == "rounds"


@pytest.mark.parametrize(
    "track, matches",
    [
        (Track(name="Franco–German talks"), True),  # dash folded
        (Track(name="Border commission", parties=["state:DEU", "state:FRA"]), True),  # parties
        (Track(name="Border commission", parties=["state:FRA"]), False),
    ],
)
def test_score_tracks(track: Track, matches: bool) -> None:
    gold = [GoldTrack(name="Franco-German talks", parties=["France", "Germany"])]
    assert score_tracks(gold, [track], names()).tp == int(matches)


def test_score_rounds_by_ordinal_venue_and_status() -> None:
    gold = [
        GoldTrack.model_validate(
            {
                "name": "T",
                "rounds": [
                    {"ordinal": 1, "venue": "Rome", "status": "held"},
                    {"ordinal": 2, "status": "planned"},
                    {"venue": "Oslo", "status": "held", "optional": True},
                ],
            }
        )
    ]
    found = analysis(
        rounds=[
            Round(track="T", ordinal=1, venue="Rome", status="held"),
            Round(track="T", ordinal=2, status="held"),
        ],
        tracks=[Track(name="T", rounds=[Round(track="T", venue="Oslo", status="held")])],
    )
    repeated = analysis(rounds=[Round(track="T", ordinal=1, venue="Rome", status="held")])
    s = score_rounds(gold, found_rounds([found, repeated]))
    assert (s.tp, s.tp_optional, s.fp, s.fn) == (2, 1, 1, 1)


def test_file_level_tracks_and_agreements_are_scored_across_documents() -> None:
    gold = GoldFile.model_validate(
        {
            "format": "parley-gold/1",
            "actors": [{"name": "France", "kind": "state", "country": "FRA"}],
            "documents": [gold_doc(id="d1"), gold_doc(id="d2")],
            "tracks": [{"name": "Rhine talks", "parties": ["France"]}],
            "agreements": [
                {"name": "Rhine Accord", "statuses": [{"status": "signed"}, {"status": "ratified"}]}
            ],
        }
    )
    one = analysis(agreements=[Agreement(name="Rhine Accord", kind="treaty", status="signed")])
    two = analysis(
        tracks=[Track(name="Rhine talks")],
        agreements=[Agreement(name="Rhine Accord", kind="treaty", status="ratified")],
    )
    report = evaluate(gold, [one, two], kb=KB)
    corpus = report.documents[-1]
    assert corpus.id == "(corpus)"
    counts = {k: (v.tp, v.fp, v.fn) for k, v in corpus.scores.items()}
    assert counts == {
        "tracks": (1, 0, 0),
        "rounds": (0, 0, 0),
        "issues": (0, 0, 0),
        "positions": (0, 0, 0),
        "agreements": (1, 0, 0),
        "agreement_statuses": (2, 0, 0),
    }


def test_score_agreements_and_statuses() -> None:
    gold = [
        GoldAgreement.model_validate(
            {
                "name": "Rhine Accord",
                "kind": "treaty",
                "statuses": [{"status": "signed"}, {"status": "extension proposed"}],
            }
        )
    ]
    found = [
        Agreement(
            name="the Rhine Accord",
            kind="ceasefire",
            status="signed",
            statuses=[AgreementStatus(status="extension proposed")],
        )
    ]
    s = score_agreements(gold, found)
    assert s.tp == 1 and s.notes == ["Rhine Accord: kind gold=treaty found=ceasefire"]
    st = score_agreement_statuses(gold, found)
    assert (st.tp, st.fp, st.fn) == (2, 0, 0)


@pytest.mark.parametrize(
    "gold, found, agree",
    [
        ("border delimitation", "delimitation of the border", True),  # word order
        ("detainees", "fate of detainees held by both sides", True),  # contained
        ("transit route through Syunik", "transit route across the Syunik province", True),
        ("Armenia's constitution", "the wording of Armenia's constitution", True),
        ("missing persons", "search for persons missing since the war", True),
        ("border delimitation", "water sharing", False),
        ("security guarantees for Kyiv", "sovereignty of Donbas", False),
        ("the question of Donbas", "the question of refugees", False),  # only function words
    ],
)
def test_issue_wordings_agree_by_containment_or_content_words(
    gold: str, found: str, agree: bool
) -> None:
    assert issues_agree(gold, found) is agree


RHINE = GoldTrack.model_validate(
    {
        "name": "Franco-German talks",
        "parties": ["France", "Germany"],
        "issues": ["border delimitation", "Rhine shipping tolls"],
        "positions": [
            {
                "actor": "France",
                "on": "Rhine shipping tolls",
                "position": "no tolls before 2030",
                "red_line": True,
                "evidence": "Paris will not accept ... tolls",
            },
            {"actor": "Germany", "on": "border delimitation", "position": "a joint commission"},
        ],
    }
)


def _stance(actor: str, on: str, text: str, red: bool = False, evidence: str = "") -> Position:
    return Position(
        actor=actor,
        on=on,
        position=text,
        red_line=red,
        evidence=span(evidence) if evidence else None,
    )


@pytest.mark.parametrize(
    "track, counts",
    [
        # both issues, worded differently; a third is spurious
        (
            Track(
                name="Franco–German talks",
                issues=["delimitation of the border", "tolls for Rhine shipping", "fishing"],
            ),
            (2, 1, 0),
        ),
        # the same wording twice is one issue
        (
            Track(
                name="Franco–German talks", issues=["border delimitation", "border delimitation"]
            ),
            (1, 0, 1),
        ),
        # right issue, wrong track: counts nowhere
        (
            Track(name="Border commission", parties=["state:FRA"], issues=["border delimitation"]),
            (0, 1, 2),
        ),
        (Track(name="Franco–German talks"), (0, 0, 2)),
    ],
)
def test_score_issues_per_track(track: Track, counts: tuple[int, int, int]) -> None:
    s = score_issues([RHINE], [track], names())
    assert (s.tp, s.fp, s.fn) == counts


@pytest.mark.parametrize(
    "positions, counts, notes",
    [
        # actor, issue and stance agree; the missing red-line flag is a note
        ([_stance("state:FRA", "Rhine shipping tolls", "no tolls before 2030")], (1, 0, 1), 1),
        # the stance in other words, but the gold evidence is in the found evidence
        (
            [
                _stance(
                    "state:FRA",
                    "tolls on the Rhine",
                    "Paris refuses any charge",
                    True,
                    "Paris will not accept new tolls on the river",
                )
            ],
            (1, 0, 1),
            0,
        ),
        # one stance restated in two articles is one position, not a spurious second
        (
            [
                _stance("state:FRA", "Rhine shipping tolls", "no tolls before 2030", True),
                _stance("state:FRA", "Rhine shipping tolls", "again: no tolls before 2030", True),
                _stance("state:DEU", "delimitation of the border", "a joint border commission"),
            ],
            (2, 0, 0),
            0,
        ),
        # wrong actor, wrong issue, or another stance: no match
        (
            [
                _stance("state:DEU", "Rhine shipping tolls", "no tolls before 2030"),
                _stance("state:FRA", "border delimitation", "no tolls before 2030"),
                _stance("state:FRA", "Rhine shipping tolls", "tolls welcome from 2027 on"),
            ],
            (0, 3, 2),
            0,
        ),
    ],
)
def test_score_positions_by_actor_issue_and_stance(
    positions: list[Position], counts: tuple[int, int, int], notes: int
) -> None:
    found = Track(
        name="Franco–German talks", parties=["state:DEU", "state:FRA"], positions=positions
    )
    s = score_positions([RHINE], [found], names())
    assert (s.tp, s.fp, s.fn) == counts
    assert len(s.notes) == notes


def test_a_red_line_written_in_the_gold_stance_counts_as_flagged() -> None:
    gold = [
        GoldTrack(
            name="T",
            positions=[GoldPosition(actor="France", on="tolls", position="no tolls (red line)")],
        )
    ]
    found = [Track(name="T", positions=[_stance("state:FRA", "tolls", "no tolls", True)])]
    s = score_positions(gold, found, names())
    assert (s.tp, s.notes) == (1, [])


# ---------------------------------------------------------------------------------- stories


@pytest.mark.parametrize(
    "gold, found, counts",
    [
        ([["a", "b", "c"]], [["a", "b", "c"]], (3, 0, 0)),
        ([["a", "b", "c"]], [["a", "b"], ["c"]], (1, 0, 2)),  # split story
        ([["a", "b"], ["c", "d"]], [["a", "b", "c", "d"]], (2, 4, 0)),  # merged stories
        ([["a", "b"]], [], (0, 0, 1)),
        ([["a"]], [["a"]], (0, 0, 0)),  # singletons make no pairs
        ([["a", "b"]], [["a", "b", "x"]], (1, 2, 0)),  # an unmatched found event
    ],
)
def test_score_story_pairs(
    gold: list[list[str]], found: list[list[str]], counts: tuple[int, int, int]
) -> None:
    s = score_story_pairs(gold, found)
    assert (s.tp, s.fp, s.fn) == counts


def two_doc_gold() -> GoldFile:
    docs = [
        gold_doc(id=f"d{i}", events=[{"id": "met", "type": "CONSULT", "source": ["France"]}])
        for i in (1, 2)
    ]
    return GoldFile.model_validate(
        {
            "format": "parley-gold/1",
            "documents": docs,
            "stories": [{"id": "s", "events": ["d1#met", "d2#met"]}],
        }
    )


def test_evaluate_maps_found_story_refs_to_gold_events() -> None:
    analyses = [
        analysis(
            article=Article(id=f"art{i}", text="…"),
            events=[event("FIGHT", ["state:DEU"]), event("CONSULT", ["state:FRA"])],
        )
        for i in (1, 2)
    ]
    story = Story(id="s1", type="CONSULT", events=["art1#1", "art2#1"])
    report = evaluate(two_doc_gold(), analyses, kb=KB, found_stories=[story])
    assert report.stories is not None and report.stories.tp == 1
    assert evaluate(two_doc_gold(), analyses, kb=KB).notes  # says no resolver was given
    # Asked for stories alone, the events are still matched (their scores left out).
    alone = evaluate(two_doc_gold(), analyses, kb=KB, kinds=["stories"], found_stories=[story])
    assert alone.stories is not None and alone.stories.tp == 1
    assert all("events" not in doc.scores for doc in alone.documents)


# ---------------------------------------------------------------------------------- reports


def test_evaluate_scores_only_annotated_kinds_and_sums_documents() -> None:
    analyses = [
        analysis(article=Article(id=f"art{i}", text="…"), events=[event("CONSULT", ["state:FRA"])])
        for i in (1, 2)
    ]
    report = evaluate(two_doc_gold(), analyses, kb=KB)
    assert list(report.totals) == [
        "event_types",
        "events",
        "source_countries",
        "target_countries",
        "actor_countries",
        "stories",
    ]
    assert report.totals["events"].tp == 2
    data = json.loads(json.dumps(report.to_json()))
    assert data["format"] == "parley-eval/1"
    assert data["totals"]["events"]["f1"] == 1.0
    assert [d["id"] for d in data["documents"]] == ["d1", "d2"]


def test_evaluate_rejects_unknown_kinds_and_wrong_counts() -> None:
    with pytest.raises(ConfigError, match="Choose from"):
        evaluate(two_doc_gold(), [analysis(), analysis()], kinds=["evnts"])
    with pytest.raises(GoldFormatError, match="2 documents but 1 analyses"):
        evaluate(two_doc_gold(), [analysis()])


def test_empty_analysis_against_the_sample_gold(sample_dir: Path) -> None:
    gold = load_gold(sample_dir / "abu-dhabi-talks.gold.json")
    report = evaluate(gold, [analysis(actors=[])], kb=KB, name="abu-dhabi-talks.gold.json")
    totals = report.totals
    assert {"actors", "quotes", "events", "agreement_statuses"} <= set(totals)
    assert all(s.tp == 0 and s.fp == 0 for s in totals.values())
    assert totals["quotes"].fn == 8  # ten quotes, two optional
    tables = render_report(report)
    assert all(isinstance(t, Table) for t in tables)
    assert check_floors(report, {"quotes": 0.5}) == [
        "quotes: F1 0.000 is below the floor 0.500 pinned for abu-dhabi-talks.gold.json"
    ]


def test_check_floors() -> None:
    report = EvalReport(gold="x.gold.json")
    assert check_floors(report, {}) == []
    assert check_floors(report, {"events": 0.1}) == [
        "events: not scored in x.gold.json (floor 0.10)"
    ]
    assert floors_for("/anywhere/abu-dhabi-talks.gold.json")
    assert floors_for("unknown.json") == {}


def test_score_add_is_micro_averaging() -> None:
    a, b = Score("k", tp=1, fn=1), Score("k", tp=3, fp=1)
    a.add(b)
    assert (a.tp, a.fp, a.fn) == (4, 1, 1)


# ---------------------------------------------------------------------------------- run_eval


class FakePipeline:
    """Stands in for parley.pipeline.Pipeline: records what it was given."""

    def __init__(self) -> None:
        self.kb = KB
        self.seen: list[Any] = []

    def run(self, raw: Any) -> Analysis:
        self.seen.append(raw)
        return analysis(article=Article(id="a", text=raw.text, title="Ministers meet"))


def test_run_eval_reads_files_beside_the_gold_and_passes_the_date(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Ministers met on Monday.", "utf-8")
    path = write_gold(
        tmp_path,
        {
            "format": "parley-gold/1",
            "documents": [
                {
                    "id": "one",
                    "file": "one.txt",
                    "published_at": "2026-03-01",
                    "metadata": {"title": "Ministers meet"},
                },
                {"id": "two", "text": "Inline article.", "metadata": {"title": "Other"}},
            ],
        },
    )
    pipe = FakePipeline()
    report = run_eval(path, pipe, kinds=["metadata"])  # type: ignore[arg-type]
    assert [r.text for r in pipe.seen] == ["Ministers met on Monday.", "Inline article."]
    assert pipe.seen[0].published_at == dt.date(2026, 3, 1)
    assert [d.scores["metadata"].tp for d in report.documents] == [1, 0]


def test_raw_document_reads_the_header_of_a_file_but_keeps_the_gold_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Title: Ministers meet\nOutlet: Daily Ledger\nPublished: 2026-03-02\n\n"
        "Ministers met on Monday.\n",
        "utf-8",
    )
    doc = GoldDocument(id="a", file="a.txt", published_at=dt.date(2026, 3, 1))
    raw = raw_document(doc, tmp_path / "x.gold.json")
    assert raw.title == "Ministers meet" and raw.outlet == "Daily Ledger"
    assert raw.text is not None and raw.text.strip() == "Ministers met on Monday."
    assert raw.published_at == dt.date(2026, 3, 1)


def test_run_eval_names_a_missing_article_file(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path, {"format": "parley-gold/1", "documents": [{"id": "one", "file": "gone.txt"}]}
    )
    with pytest.raises(GoldFormatError, match="gone.txt"):
        run_eval(path, FakePipeline())  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------- golden


SAMPLE_GOLD = "abu-dhabi-talks.gold.json"


def gold_path_of(name: str, request: pytest.FixtureRequest) -> Path:
    """Where a gold file with pinned floors lives: the shared samples or tests/golden/."""
    if name == SAMPLE_GOLD:
        return Path(request.getfixturevalue("sample_dir")) / name
    return GOLDEN / name


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_files_meet_their_pinned_floors(
    name: str, request: pytest.FixtureRequest, pipeline: Any
) -> None:
    """The evaluation gate: pinning floors for a gold file enrols it here."""
    from parley.resolve import cluster_stories

    path = gold_path_of(name, request)
    report = run_eval(path, pipeline, resolve_stories=cluster_stories)
    assert check_floors(report, floors_for(path)) == []


def test_every_pinned_gold_file_exists() -> None:
    for name in FLOORS:
        assert name == SAMPLE_GOLD or (GOLDEN / name).is_file(), f"floors pinned for {name}"
