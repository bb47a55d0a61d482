"""One status timeline per agreement, from every article that mentions it.

Statuses from all articles are put in time order (the status's own date, else the article's
publication date); the same status on the same date from several articles is kept once, with
the first article as its evidence. The agreement's current ``status`` is the last in the
timeline.

Reports name one accord under different keys (a long and a short name, a pair's "peace" and
"normalisation" treaty): :mod:`parley.resolve.agreement_joins` decides which merged records
are one accord, and they are joined into one record under the name that holds the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from parley import knowledge
from parley.keys import agreement_key, other_names, sides_key, without_own_forces
from parley.models import Agreement, AgreementStatus, Analysis
from parley.resolve.agreement_joins import (
    agreement_link_keys,
    candidate_groups,
    holder_first,
    join_groups,
)
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
        # The link keys of each report added (:func:`agreement_link_keys`).
        self.links: list[frozenset[str]] = []

    def add(self, an: Analysis) -> None:
        """Fold the agreements of ``an``, which must not be older than any analysis added."""
        published = an.article.published_at.isoformat() if an.article.published_at else ""
        for ag in an.agreements:
            key = agreement_key(ag.name)
            if self.only is not None and key not in self.only:
                continue
            self.links.append(agreement_link_keys(ag))
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
        """The merged agreements by name, each with its settled timeline; the records of one
        accord under several keys joined (:mod:`parley.resolve.agreement_joins`)."""
        keyed = {key: self._settled([key], ag) for key, ag in self.merged.items()}
        out = []
        for group in candidate_groups(self.links, list(keyed)):
            for accord in join_groups(group, keyed) if len(group) > 1 else [group]:
                out.append(keyed[accord[0]] if len(accord) == 1 else self._joined(accord, keyed))
        return sorted(out, key=lambda a: a.name)

    def _settled(self, keys: list[str], ag: Agreement) -> Agreement:
        """``ag`` with the settled timeline of every report under ``keys``."""
        told = [item for key in keys for item in self.timeline.get(key, [])]
        statuses = _settle([item[2] for item in sorted(told, key=lambda t: t[:2])])
        last = statuses[-1] if statuses else None
        return ag.model_copy(
            update={
                "statuses": statuses,
                "status": last.status if last else None,
                "date": last.date if last else None,
            }
        )

    def _joined(self, keys: list[str], keyed: dict[str, Agreement]) -> Agreement:
        """One record of the accord told under ``keys``: the holder's name and kind, the
        parties of the records with its sides, every other name an alias."""
        records = [keyed[k] for k in keys]
        holder = holder_first(records)
        sides = sides_key(holder.parties)
        parties = [p for r in records if sides_key(r.parties) == sides for p in r.parties]
        names = [n for r in records for n in (r.name, *r.aliases)]
        base = holder.model_copy(
            update={
                "parties": without_own_forces([*holder.parties, *parties]),
                "aliases": other_names(holder.name, names),
            }
        )
        return self._settled(keys, base)


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
