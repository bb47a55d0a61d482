"""Actor countries of events, scored apart from the event types (issue #11: countries F1)."""

from __future__ import annotations

from parley.eval.countries import score_countries
from parley.eval.gold import GoldActor, GoldDocument, GoldEvent
from parley.eval.names import NameResolver
from parley.eval.run import KINDS, score_document
from parley.kb import KnowledgeBase
from parley.models import Actor, ActorInText, Analysis, Article, Event, Span

KB = KnowledgeBase(
    [
        Actor(id="NOR", name="Norway", kind="state", country="NOR", metonyms=["Oslo"]),
        Actor(id="SWE", name="Sweden", kind="state", country="SWE"),
        Actor(id="FIN", name="Finland", kind="state", country="FIN"),
        Actor(id="igo:un", name="United Nations", kind="organisation"),
    ]
)
IN_TEXT = [
    ActorInText(id="NOR", name="Norway", kind="state", country="NOR"),
    ActorInText(id="SWE", name="Sweden", kind="state", country="SWE"),
    ActorInText(id="FIN", name="Finland", kind="state", country="FIN"),
    ActorInText(id="igo:un", name="United Nations", kind="organisation"),
]
NAMES = NameResolver([GoldActor(name="Oslo", kind="state", country="NOR")], IN_TEXT, KB)
SENTENCE = "Norway accused Sweden of stalling the talks."


def _event(kind: str, source: list[str], target: list[str], text: str = SENTENCE) -> Event:
    return Event(
        type=kind, source=source, target=target, evidence=Span(start=0, end=len(text), text=text)
    )


def _gold(kind: str, source: list[str], target: list[str], text: str = SENTENCE) -> GoldEvent:
    return GoldEvent(type=kind, source=source, target=target, evidence=text)


def _counts(scores: dict[str, object], kind: str) -> tuple[int, int, int]:
    s = scores[kind]
    return s.tp, s.fp, s.fn  # type: ignore[attr-defined]


def test_a_wrong_target_country_is_a_miss_and_a_false_positive() -> None:
    scores = score_countries(
        [_gold("ACCUSE", ["Norway"], ["Sweden"])], [_event("ACCUSE", ["NOR"], ["FIN"])], NAMES, []
    )
    assert _counts(scores, "source_countries") == (1, 0, 0)
    assert _counts(scores, "target_countries") == (0, 1, 1)


def test_countries_are_scored_even_when_the_type_is_wrong() -> None:
    scores = score_countries(
        [_gold("ACCUSE", ["Oslo"], ["Sweden"])], [_event("REJECT", ["NOR"], ["SWE"])], NAMES, []
    )
    assert _counts(scores, "source_countries") == (1, 0, 0)
    assert _counts(scores, "target_countries") == (1, 0, 0)


def test_missed_and_spurious_events_count_their_countries() -> None:
    other = "Finland and Sweden held talks."
    scores = score_countries(
        [_gold("ACCUSE", ["Norway"], ["Sweden"])],
        [_event("CONSULT", ["FIN", "SWE"], ["SWE", "FIN"], text=other)],
        NAMES,
        [],
    )
    assert _counts(scores, "source_countries") == (0, 2, 1)
    assert _counts(scores, "target_countries") == (0, 2, 1)


def test_actors_without_a_country_are_not_counted() -> None:
    scores = score_countries(
        [_gold("REQUEST", ["United Nations"], ["Sweden"])],
        [_event("REQUEST", ["igo:un"], ["SWE"])],
        NAMES,
        [],
    )
    assert _counts(scores, "source_countries") == (0, 0, 0)
    assert _counts(scores, "target_countries") == (1, 0, 0)


def test_two_events_of_one_sentence_pair_by_their_countries() -> None:
    text = "Norway welcomed the truce between Sweden and Finland and praised the UN."
    gold = [
        _gold("SUPPORT", ["Norway"], ["Sweden", "Finland"], text),
        _gold("SUPPORT", ["Norway"], ["United Nations"], text),
    ]
    found = [
        _event("SUPPORT", ["NOR"], ["igo:un"], text),
        _event("SUPPORT", ["NOR"], ["SWE", "FIN"], text),
    ]
    scores = score_countries(gold, found, NAMES, [(0, 0), (1, 1)])
    assert _counts(scores, "target_countries") == (2, 0, 0)


def test_document_report_has_the_country_rows_for_event_gold() -> None:
    gold = GoldDocument(id="d1", text=SENTENCE, events=[_gold("ACCUSE", ["Norway"], ["Sweden"])])
    found = Analysis(
        article=Article(id="a1", text=SENTENCE),
        actors=IN_TEXT,
        events=[_event("ACCUSE", ["NOR"], ["SWE"])],
    )
    report, _ = score_document(gold, found, KB, frozenset(KINDS))
    assert report.scores["source_countries"].f1 == 1.0
    assert report.scores["target_countries"].f1 == 1.0
    assert report.scores["actor_countries"].tp == 2


def test_an_unknown_actor_counts_with_the_country_its_event_records() -> None:
    text = "French unions called a strike against the government."
    gold = [_gold("PROTEST", ["French unions"], ["France"], text)]
    gold_names = NameResolver(
        [GoldActor(name="French unions", kind="organisation", country="FRA")], IN_TEXT, KB
    )
    found = _event("PROTEST", ["French unions"], [], text)
    assert _counts(score_countries(gold, [found], gold_names, []), "source_countries") == (0, 0, 1)
    found.countries = {"French unions": "FRA"}
    assert _counts(score_countries(gold, [found], gold_names, []), "source_countries") == (1, 0, 0)
