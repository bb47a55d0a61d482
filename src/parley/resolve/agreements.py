"""One status timeline per agreement, from every article that mentions it.

Statuses from all articles are put in time order (the status's own date, else the article's
publication date); the same status on the same date from several articles is kept once, with
the first article as its evidence. The agreement's current ``status`` is the last in the
timeline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from parley import knowledge
from parley.keys import agreement_key, other_names, without_own_forces
from parley.models import Agreement, AgreementStatus, Analysis
from parley.resolve.tracks import names_the_state

__all__ = ["merge_agreements", "AgreementMerger", "agreement_key"]

_LEXICON = "lexicon/negotiation.json"


def _when(st: AgreementStatus, published: str) -> str:
    return st.date or published


def _statuses_of(ag: Agreement) -> list[AgreementStatus]:
    """The agreement's timeline; a bare current ``status`` counts as one entry of it."""
    if ag.statuses or not ag.status:
        return list(ag.statuses)
    return [AgreementStatus(status=ag.status, date=ag.date, evidence=ag.evidence)]


def merge_agreements(analyses: Sequence[Analysis]) -> list[Agreement]:
    """Merge per-article agreements into one record each with a dated status timeline."""
    merger = AgreementMerger()
    ordered = sorted(analyses, key=lambda a: (a.article.published_at or dt.date.min, a.article.id))
    for an in ordered:
        merger.add(an)
    return merger.result()


class AgreementMerger:
    """:func:`merge_agreements` fed one analysis at a time, oldest first (publication date,
    then id), so a caller can stream a run's articles through it."""

    def __init__(self, only: set[str] | None = None) -> None:
        """``only``: merge the agreements under these keys only (all when None)."""
        self.only = only
        self.merged: dict[str, Agreement] = {}
        self.timeline: dict[str, list[tuple[str, int, AgreementStatus]]] = {}
        self.order = 0

    def add(self, an: Analysis) -> None:
        """Fold the agreements of ``an``, which must not be older than any analysis added."""
        published = an.article.published_at.isoformat() if an.article.published_at else ""
        for ag in an.agreements:
            key = agreement_key(ag.name)
            if self.only is not None and key not in self.only:
                continue
            base = self.merged.setdefault(key, ag.model_copy(update={"statuses": []}))
            if names_the_state(ag.parties, base.parties):
                base.name = ag.name  # a state's ceasefire, not its army's
            base.parties = without_own_forces([*base.parties, *ag.parties])
            base.aliases = other_names(base.name, [*base.aliases, ag.name, *ag.aliases])
            for st in _statuses_of(ag):
                self.order += 1
                stamped = (
                    st if st.article_id else st.model_copy(update={"article_id": an.article.id})
                )
                self.timeline.setdefault(key, []).append(
                    (_when(st, published), self.order, stamped)
                )

    def result(self) -> list[Agreement]:
        """The merged agreements by name, each with its settled timeline."""
        out = []
        for key, ag in self.merged.items():
            in_time = [item[2] for item in sorted(self.timeline.get(key, []), key=lambda t: t[:2])]
            statuses = _settle(in_time)
            last = statuses[-1] if statuses else None
            out.append(
                ag.model_copy(
                    update={
                        "statuses": statuses,
                        "status": last.status if last else None,
                        "date": last.date if last else None,
                    }
                )
            )
        return sorted(out, key=lambda a: a.name)


def _settle(ordered: list[AgreementStatus]) -> list[AgreementStatus]:
    """One entry per distinct fact in a time-ordered timeline.

    An expectation ("ratified (expected)") that came true is dropped for the fact; an undated
    restatement of a dated status, and a month-precise copy of a day-precise date ("signed in
    May" vs "signed on May 19"), are the same fact told again.
    """
    kept: list[AgreementStatus] = []
    for st in ordered:
        if st.status.endswith(" (expected)") and _came_true(st, ordered):
            continue
        same = [k for k in kept if k.status == st.status]
        if st.date is None and any(k.date for k in same) or any(k.date == st.date for k in same):
            continue
        if any(k.date and st.date and _nested(k.date, st.date) for k in same):
            if any(k.date and st.date and len(st.date) > len(k.date) for k in same):
                day = st.date or ""
                kept = [
                    k
                    for k in kept
                    if not (k.status == st.status and k.date and day.startswith(k.date))
                ]
                kept.append(st)
            continue
        if st.date is not None:
            kept = [k for k in kept if not (k.status == st.status and k.date is None)]
        kept.append(st)
    return [_with_place(st, ordered) for st in ordered if any(st is k for k in kept)]


def _came_true(expected: AgreementStatus, ordered: list[AgreementStatus]) -> bool:
    """Whether the fact an expectation foresaw is in the timeline. A step one party takes alone
    (``one_party_steps``) came true only for that party: Russia's expected withdrawal stays
    beside the withdrawal the United States made (nego20); when either side's actor is unknown
    the fact is taken for the one expected, as before."""
    status = expected.status.removesuffix(" (expected)")
    facts = [st for st in ordered if st.status == status]
    if status not in knowledge.words(_LEXICON, "one_party_steps"):
        return bool(facts)
    return any(not expected.by or not st.by or st.by == expected.by for st in facts)


def _with_place(st: AgreementStatus, ordered: list[AgreementStatus]) -> AgreementStatus:
    """The step with the venue and host another report of the same fact gives, when its own
    report names none ("signed on June 23" and "signed … at a ceremony in Havana"), and the
    actor another report gives ("it has formally withdrawn" and "the United States withdrew on
    August 2": round 15)."""
    if st.venue and st.host and st.by:
        return st
    same = [
        o
        for o in ordered
        if o.status == st.status and (not o.date or not st.date or _nested(o.date, st.date))
    ]
    venue = st.venue or next((o.venue for o in same if o.venue), None)
    host = st.host or next(
        (o.host for o in same if o.host and (not st.venue or o.venue in (None, st.venue))), None
    )
    # Only a step one party takes alone: "signed" by one report's side is no joint signing.
    alone = st.status.removesuffix(" (expected)") in knowledge.words(_LEXICON, "one_party_steps")
    by = st.by or (next((o.by for o in same if o.by), None) if alone else None)
    if (venue, host, by) == (st.venue, st.host, st.by):
        return st
    return st.model_copy(update={"venue": venue, "host": host, "by": by})


def _nested(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)
