"""One status timeline per agreement, from every article that mentions it.

Statuses from all articles are put in time order (the status's own date, else the article's
publication date); the same status on the same date from several articles is kept once, with
the first article as its evidence. The agreement's current ``status`` is the last in the
timeline.
"""

from __future__ import annotations

from collections.abc import Sequence

from parley.kb import alias_key
from parley.models import Agreement, AgreementStatus, Analysis

__all__ = ["merge_agreements", "agreement_key"]


def agreement_key(name: str) -> str:
    """Names that differ only in case, articles or a trailing 'treaty' are one agreement."""
    key = alias_key(name)
    return key[: -len(" treaty")] if key.endswith(" treaty") else key


def _when(st: AgreementStatus, published: str) -> str:
    return st.date or published


def merge_agreements(analyses: Sequence[Analysis]) -> list[Agreement]:
    """Merge per-article agreements into one record each with a dated status timeline."""
    merged: dict[str, Agreement] = {}
    timeline: dict[str, list[tuple[str, int, AgreementStatus]]] = {}
    order = 0
    for an in sorted(analyses, key=lambda a: (a.article.published_at or 0, a.article.id)):
        published = an.article.published_at.isoformat() if an.article.published_at else ""
        for ag in an.agreements:
            key = agreement_key(ag.name)
            base = merged.setdefault(key, ag.model_copy(update={"statuses": []}))
            base.parties = list(dict.fromkeys([*base.parties, *ag.parties]))
            for st in ag.statuses:
                order += 1
                stamped = st if st.article_id else st.model_copy(
                    update={"article_id": an.article.id})
                timeline.setdefault(key, []).append((_when(st, published), order, stamped))
    out = []
    for key, ag in merged.items():
        seen: set[tuple[str, str | None]] = set()
        statuses = []
        for _, _, st in sorted(timeline.get(key, []), key=lambda t: (t[0], t[1])):
            if (st.status, st.date) not in seen:
                seen.add((st.status, st.date))
                statuses.append(st)
        last = statuses[-1] if statuses else None
        out.append(ag.model_copy(update={
            "statuses": statuses, "status": last.status if last else None,
            "date": last.date if last else None}))
    return sorted(out, key=lambda a: a.name)
