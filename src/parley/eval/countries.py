"""Scoring the countries of event actors, apart from the event types.

An analyst who reads an event record first asks which states acted on which. Here each gold
event is paired with the found event told in the same words (the type-level match when there is
one, else a found event of the same sentence, the same type preferred), and the countries of
their sources, and of their targets, are compared as sets: a country in both is a true positive,
one only found a false positive, one only in the gold a miss. Gold events found nowhere count
their countries as misses, found events matching no gold event theirs as false positives.
Actors without a country (the UN, "the delegations", unlinked groups) are not counted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from parley.eval.gold import GoldEvent
from parley.eval.matching import Score
from parley.eval.names import NameResolver
from parley.eval.text import overlap_of_shorter, texts_overlap
from parley.models import Event

__all__ = ["score_countries"]

SOURCE, TARGET, ACTORS = "source_countries", "target_countries", "actor_countries"


def score_countries(
    gold: Sequence[GoldEvent],
    found: Sequence[Event],
    names: NameResolver,
    matched: Iterable[tuple[int, int]],
) -> dict[str, Score]:
    """Source- and target-country scores of one document's events.

    Args:
        gold: the document's gold events (optional ones are counted only when paired).
        found: the events the analysis output.
        names: resolves gold names and found ids to countries.
        matched: (gold index, found index) pairs already matched by type and actors; used for
            gold events without evidence.
    """
    pairs = _pairs(gold, found, list(matched), names)
    scores = {SOURCE: Score(SOURCE), TARGET: Score(TARGET)}
    paired_gold = {gi for gi, _ in pairs}
    paired_found = {fi for _, fi in pairs}
    for gi, fi in pairs:
        _count(scores, gold[gi], found[fi], names)
    for gi, g in enumerate(gold):
        if gi not in paired_gold and not g.optional:
            _count(scores, g, None, names)
    for fi, f in enumerate(found):
        if fi not in paired_found:
            _count(scores, None, f, names)
    both = scores[ACTORS] = Score(ACTORS)  # the single figure: sources and targets
    for part in (scores[SOURCE], scores[TARGET]):
        both.tp, both.fp, both.fn = both.tp + part.tp, both.fp + part.fp, both.fn + part.fn
    return scores


def _pairs(
    gold: Sequence[GoldEvent],
    found: Sequence[Event],
    matched: list[tuple[int, int]],
    names: NameResolver,
) -> list[tuple[int, int]]:
    """Each gold event with the found event of its sentence that agrees best (type first, then
    shared countries); a gold event without evidence keeps its type-level match."""
    free = list(range(len(found)))
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        if g.evidence:
            same = [fi for fi in free if _same_sentence(g.evidence, found[fi].evidence.text)]
        else:
            same = [fi for g2, fi in matched if g2 == gi and fi in free]
        if same:
            best = max(same, key=lambda fi: _agreement(g, found[fi], names))
            pairs.append((gi, best))
            free.remove(best)
    return pairs


def _agreement(g: GoldEvent, f: Event, names: NameResolver) -> tuple[bool, int]:
    def found_country(actor: str) -> str | None:
        return names.found_country(actor) or f.countries.get(actor)

    shared = sum(
        len(_countries(gs, names.gold_country) & _countries(fs, found_country))
        for gs, fs in ((g.source, f.source), (g.target, f.target))
    )
    return f.type in g.types, shared


def _same_sentence(gold_evidence: str, found_evidence: str) -> bool:
    return texts_overlap(gold_evidence, found_evidence) or (
        overlap_of_shorter(gold_evidence, found_evidence) >= 0.8
    )


def _count(
    scores: dict[str, Score], g: GoldEvent | None, f: Event | None, names: NameResolver
) -> None:
    def found_country(actor: str) -> str | None:
        # an actor the knowledge base does not know carries its country on the event
        return names.found_country(actor) or (f.countries.get(actor) if f else None)

    for kind, gold_side, found_side in (
        (SOURCE, g.source if g else [], f.source if f else []),
        (TARGET, g.target if g else [], f.target if f else []),
    ):
        expected = _countries(gold_side, names.gold_country)
        got = _countries(found_side, found_country)
        score = scores[kind]
        score.tp += len(expected & got)
        score.fp += len(got - expected)
        score.fn += len(expected - got)
        what = g.type if g is not None else f.type if f is not None else ""
        where = f"[{g.id or '-'}]" if g is not None else "(no gold event)"
        score.misses += [f"{what} {c} {where}" for c in sorted(expected - got)]
        score.spurious += [f"{what} {c} {where}" for c in sorted(got - expected)]


def _countries(actors: Iterable[str], country: Callable[[str], str | None]) -> set[str]:
    return {c for a in actors if (c := country(a))}
