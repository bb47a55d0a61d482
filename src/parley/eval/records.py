"""Scoring of the per-article record kinds other than events: one function per kind.

Every function takes the gold items of one document and the analysis the pipeline produced for
it and returns a :class:`~parley.eval.matching.Score`. Matching is by meaning; the rules of each
kind are in its docstring and pinned by the case tables in ``tests/test_eval.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from parley.eval.gold import (
    GoldActor,
    GoldAttribution,
    GoldDate,
    GoldMetadata,
    GoldPlace,
    GoldQuote,
    GoldRepair,
)
from parley.eval.matching import Score, match_items
from parley.eval.names import NameResolver
from parley.eval.text import norm, overlap_of_shorter, texts_overlap
from parley.kb import alias_key
from parley.models import (
    ActorInText,
    Analysis,
    Article,
    Attribution,
    Place,
    Quote,
    Repair,
    TimeExpression,
)

__all__ = [
    "score_metadata",
    "score_repairs",
    "score_actors",
    "score_places",
    "score_quotes",
    "score_attributions",
    "score_dates",
    "value_at_precision",
    "date_matches",
]


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# Metadata item labels → the gold field that annotates them.
_FIELD_OF = {"section heading": "section_headings"}


def _metadata_items(
    source: GoldMetadata | Article, headings: Sequence[str]
) -> list[tuple[str, str]]:
    fields = ("title", "subtitle", "dateline", "outlet")
    items = [(k, v) for k in fields if (v := getattr(source, k))]
    return items + [("section heading", h) for h in dict.fromkeys(headings) if h]


def score_metadata(gold: GoldMetadata, article: Article) -> Score:
    """Title, subtitle, dateline and outlet each one item, equal after case/space/punctuation
    folding; section headings compared as a set of such items. URLs are not scored.

    Only fields the gold names are scored: a gold without ``dateline`` did not look at it, while
    ``"dateline": null`` says there is none (so a found one is spurious).
    """
    asked = gold.model_fields_set
    g = _metadata_items(gold, gold.section_headings)
    f = [
        item
        for item in _metadata_items(article, article.section_headings)
        if _FIELD_OF.get(item[0], item[0]) in asked
    ]
    m = match_items(g, f, lambda a, b: a[0] == b[0] and norm(a[1]) == norm(b[1]))
    return m.score("metadata", lambda _: False, _show_field, _show_field)


def _show_field(item: tuple[str, str]) -> str:
    return f"{item[0]}: {_short(item[1])}"


def score_repairs(gold: Sequence[GoldRepair], found: Sequence[Repair]) -> Score:
    """A repair matches when the glued string and its split parts are the same (spaces trimmed)."""

    def agree(g: GoldRepair, f: Repair) -> bool:
        return g.glued.strip() == f.glued.strip() and [s.strip() for s in g.split] == [
            s.strip() for s in f.split
        ]

    m = match_items(gold, found, agree, lambda g: g.optional)
    return m.score(
        "repairs",
        lambda g: g.optional,
        lambda g: f"{g.glued!r} → {' | '.join(g.split)}",
        lambda f: f"{f.glued!r} → {' | '.join(f.split)}",
    )


def score_actors(gold: Sequence[GoldActor], analysis: Analysis, names: NameResolver) -> Score:
    """An actor matches when the names agree (canonical name, a gold alias, or the same KB actor)
    AND the kind and country agree; a gold actor without a country accepts any.

    Name matches that disagree on kind or country are not true positives; they are listed in
    ``notes`` so a wrong kind does not look like a missing actor.
    """
    found = analysis.actors

    def same_name(g: GoldActor, f: ActorInText) -> bool:
        return names.same(g.name, f.id, f.name)

    def agree(g: GoldActor, f: ActorInText) -> bool:
        return same_name(g, f) and g.kind == f.kind and g.country in (None, f.country)

    m = match_items(gold, found, agree, lambda g: g.optional)
    score = m.score(
        "actors",
        lambda g: g.optional,
        lambda g: f"{g.name} ({g.kind}, {g.country or '-'})",
        lambda f: f"{f.name} ({f.kind}, {f.country or '-'})",
    )
    score.notes = _actor_mismatches(m.unmatched_gold(), gold, found, same_name)
    return score


def _actor_mismatches(
    unmatched: Sequence[int],
    gold: Sequence[GoldActor],
    found: Sequence[ActorInText],
    same_name: Callable[[GoldActor, ActorInText], bool],
) -> list[str]:
    notes = []
    for gi in unmatched:
        g = gold[gi]
        for f in found:
            if same_name(g, f):
                if g.kind != f.kind:
                    notes.append(f"{g.name}: kind gold={g.kind} found={f.kind}")
                if g.country not in (None, f.country):
                    notes.append(f"{g.name}: country gold={g.country} found={f.country}")
                break
    return notes


def score_places(gold: Sequence[GoldPlace], found: Sequence[Place]) -> Score:
    """A place matches on its name (folded) and, when the gold gives one, its country."""

    def agree(g: GoldPlace, f: Place) -> bool:
        return alias_key(g.name) == alias_key(f.name) and g.country in (None, f.country)

    m = match_items(gold, found, agree, lambda g: g.optional)
    return m.score(
        "places",
        lambda g: g.optional,
        lambda g: f"{g.name} ({g.country or '-'})",
        lambda f: f"{f.name} ({f.country or '-'})",
    )


def score_quotes(gold: Sequence[GoldQuote], found: Sequence[Quote], names: NameResolver) -> Score:
    """A quote matches when the texts overlap and the speaker is the same actor.

    The found speaker's actor id (or its words, when unresolved) must be the gold speaker or one
    of ``speaker_alt``; a gold quote without a speaker accepts any. Gold files annotate quoted
    words; indirect speech is annotated as attributions (tests/golden/README.md), so found
    indirect quotes (``direct=False``) are scored there, through the attributions they mirror.
    """
    found = [f for f in found if f.direct]

    def agree(g: GoldQuote, f: Quote) -> bool:
        if not texts_overlap(g.text, f.text):
            return False
        if g.speaker is None:
            return True
        if f.speaker is None:
            return False
        return names.any_same([g.speaker, *g.speaker_alt], f.speaker.actor, f.speaker.text)

    def show_found(f: Quote) -> str:
        who = "?" if f.speaker is None else names.display(f.speaker.actor or f.speaker.text)
        return f"“{_short(f.text, 60)}” — {who}"

    m = match_items(
        gold,
        found,
        agree,
        lambda g: g.optional,
        prefer=lambda g, f: overlap_of_shorter(g.text, f.text),
    )
    return m.score(
        "quotes",
        lambda g: g.optional,
        lambda g: f"“{_short(g.text, 60)}” — {g.speaker or '?'}",
        show_found,
    )


def score_attributions(
    gold: Sequence[GoldAttribution], found: Sequence[Attribution], names: NameResolver
) -> Score:
    """An attribution matches when the claims overlap (≥ half of the shorter one's words), the
    reporter is the same (actor, or description for anonymous sources) and of the same kind.

    A gold ``via``/``outlet`` is checked against the found ``via`` (or the reporter itself,
    since "the US media outlet" may be how the text names the reporter); a disagreement is a
    note, not a miss.
    """

    def agree(g: GoldAttribution, f: Attribution) -> bool:
        return (
            overlap_of_shorter(g.claim, f.claim.text) >= 0.5
            and g.reporter_kind == f.reporter.kind
            and names.same(g.reporter, f.reporter.actor, f.reporter.text)
        )

    m = match_items(
        gold,
        found,
        agree,
        lambda g: g.optional,
        prefer=lambda g, f: overlap_of_shorter(g.claim, f.claim.text),
    )
    score = m.score(
        "attributions",
        lambda g: g.optional,
        lambda g: f"{g.reporter} ({g.reporter_kind}): {_short(g.claim, 60)}",
        lambda f: f"{f.reporter.text} ({f.reporter.kind}): {_short(f.claim.text, 60)}",
    )
    for gi, fi in m.pairs:
        note = _via_note(gold[gi], found[fi], names)
        if note:
            score.notes.append(note)
    return score


def _via_note(g: GoldAttribution, f: Attribution, names: NameResolver) -> str | None:
    for want in (g.via, g.outlet):
        if want is None:
            continue
        sides = [f.reporter] + ([f.via] if f.via is not None else [])
        if not any(names.same(want, side.actor, side.text) for side in sides):
            got = f.via.text if f.via is not None else "none"
            return f"{g.reporter}: via gold={want} found={got}"
    return None


def value_at_precision(found: str | None, gold: str) -> bool:
    """Whether an ISO date value equals the gold one at the gold's precision.

    "2025-10-14" equals gold "2025-10"; "2025-SP" equals gold "2025"; "2025" does not equal
    gold "2025-10" (the found value is less precise than asked).
    """
    if found is None:
        return False
    return found == gold or found.startswith(gold + "-")


def _day(value: str | None) -> dt.date | None:
    if value is None or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def date_matches(found: str | None, gold: str, tolerance_days: int = 0) -> bool:
    """Whether a found ISO date value agrees with a gold one.

    A gold day accepts a found day up to ``tolerance_days`` away; a gold interval
    ("2026-06-16/2026-06-17") accepts a found day inside it (widened by the tolerance) or a value
    equal to its start at the start's precision; a gold month, season or year is compared at
    its precision (:func:`value_at_precision`).
    """
    start, _, end = gold.partition("/")
    first, last, got = _day(start), _day(end or start), _day(found)
    if first is not None and last is not None and got is not None:
        slack = dt.timedelta(days=tolerance_days)
        return first - slack <= got <= last + slack
    if first is not None and not end:
        return False  # a gold day is not pinned by a found month or year
    return value_at_precision(found, start)


def score_dates(gold: Sequence[GoldDate], found: Sequence[TimeExpression]) -> Score:
    """A date matches when the texts overlap and the value agrees (:func:`date_matches`)."""

    def agree(g: GoldDate, f: TimeExpression) -> bool:
        if not texts_overlap(g.text, f.text):
            return False
        return g.value is None or date_matches(f.value, g.value, g.tolerance_days)

    m = match_items(
        gold,
        found,
        agree,
        lambda g: g.optional,
        prefer=lambda g, f: overlap_of_shorter(g.text, f.text),
    )
    return m.score(
        "dates",
        lambda g: g.optional,
        lambda g: f"{g.text!r} = {g.value}",
        lambda f: f"{f.text!r} = {f.value}",
    )
