"""Scoring of negotiation records: tracks, rounds, agreements and agreement statuses.

These records come from later extractors and the cross-document resolver; an analysis without
them scores zero found (recall 0, nothing spurious) rather than failing.
"""

from __future__ import annotations

from collections.abc import Sequence

from parley.eval.gold import GoldAgreement, GoldAgreementStatus, GoldRound, GoldTrack
from parley.eval.matching import Score, match_items
from parley.eval.names import NameResolver
from parley.eval.text import texts_overlap
from parley.kb import alias_key
from parley.models import Agreement, AgreementStatus, Analysis, Round, Track

__all__ = [
    "score_tracks",
    "score_rounds",
    "score_agreements",
    "score_agreement_statuses",
    "found_rounds",
    "found_tracks",
    "found_agreements",
]


def _same_label(a: str, b: str) -> bool:
    # "Russia–Ukraine peace talks" vs "Russia-Ukraine talks": folded equality or word overlap.
    return alias_key(a) == alias_key(b) or texts_overlap(a, b)


def score_tracks(gold: Sequence[GoldTrack], found: Sequence[Track], names: NameResolver) -> Score:
    """A track matches on its name, or on its parties (the same set of actors both ways)."""

    def agree(g: GoldTrack, f: Track) -> bool:
        if _same_label(g.name, f.name):
            return True
        return (
            bool(g.parties)
            and names.covers(g.parties, f.parties)
            and all(any(names.same(n, p) for n in g.parties) for p in f.parties)
        )

    m = match_items(gold, found, agree, lambda g: g.optional)
    return m.score(
        "tracks",
        lambda g: g.optional,
        lambda g: f"{g.name} ({', '.join(g.parties)})",
        lambda f: f"{f.name} ({', '.join(names.display(p) for p in f.parties)})",
    )


def found_rounds(analyses: Sequence[Analysis]) -> list[Round]:
    """Rounds of analyses, listed on their own or inside tracks, each (track, ordinal, venue,
    status) once: the same round reported by several articles is one round."""
    out: dict[tuple[str, int | None, str, str], Round] = {}
    for a in analyses:
        for r in [*a.rounds, *(r for t in a.tracks for r in t.rounds)]:
            out.setdefault((alias_key(r.track), r.ordinal, alias_key(r.venue or ""), r.status), r)
    return list(out.values())


def found_tracks(analyses: Sequence[Analysis]) -> list[Track]:
    """Tracks of analyses, one per folded name (until the resolver merges them properly)."""
    out: dict[str, Track] = {}
    for a in analyses:
        for t in a.tracks:
            out.setdefault(alias_key(t.name), t)
    return list(out.values())


def found_agreements(analyses: Sequence[Analysis]) -> list[Agreement]:
    """Agreements of analyses, one per folded name, with the statuses of all its reports."""
    out: dict[str, Agreement] = {}
    for a in analyses:
        for ag in a.agreements:
            key = alias_key(ag.name)
            if key not in out:
                out[key] = ag
            else:
                have = out[key]
                extra = [s for s in ag.statuses if s not in have.statuses]
                statuses = [*have.statuses, *extra]
                if ag.status and not any(s.status == ag.status for s in statuses):
                    statuses.append(AgreementStatus(status=ag.status, date=ag.date))
                out[key] = have.model_copy(update={"statuses": statuses})
    return list(out.values())


def score_rounds(gold: Sequence[GoldTrack], found: Sequence[Round]) -> Score:
    """A round matches on its ordinal (on its venue when the gold has no ordinal); a gold status
    must be equal, and venues must agree when both sides name one."""
    items = [(t.name, r, t.optional or r.optional) for t in gold for r in t.rounds]

    def agree(item: tuple[str, GoldRound, bool], f: Round) -> bool:
        _, g, _ = item
        if g.ordinal is not None:
            if f.ordinal != g.ordinal:
                return False
        elif g.venue is None or f.venue is None or alias_key(g.venue) != alias_key(f.venue):
            return False
        if g.status is not None and f.status != g.status:
            return False
        return g.venue is None or f.venue is None or alias_key(g.venue) == alias_key(f.venue)

    m = match_items(
        items,
        found,
        agree,
        lambda i: i[2],
        prefer=lambda i, f: float(_same_label(i[0], f.track)),
    )
    return m.score(
        "rounds",
        lambda i: i[2],
        lambda i: f"{i[0]}: round {i[1].ordinal or '?'} {i[1].venue or ''} ({i[1].status})",
        lambda f: f"{f.track}: round {f.ordinal or '?'} {f.venue or ''} ({f.status})",
    )


def score_agreements(gold: Sequence[GoldAgreement], found: Sequence[Agreement]) -> Score:
    """An agreement matches on its name; a differing kind is a note."""
    m = match_items(gold, found, lambda g, f: _same_label(g.name, f.name), lambda g: g.optional)
    score = m.score(
        "agreements",
        lambda g: g.optional,
        lambda g: f"{g.name} ({g.kind or '-'})",
        lambda f: f"{f.name} ({f.kind})",
    )
    for gi, fi in m.pairs:
        g, f = gold[gi], found[fi]
        if g.kind is not None and alias_key(g.kind) != alias_key(f.kind):
            score.notes.append(f"{g.name}: kind gold={g.kind} found={f.kind}")
    return score


def _found_statuses(found: Sequence[Agreement]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for a in found:
        for s in a.statuses:
            out.append((a.name, s.status))
        if a.status and (a.name, a.status) not in out:
            out.append((a.name, a.status))
    return out


def score_agreement_statuses(gold: Sequence[GoldAgreement], found: Sequence[Agreement]) -> Score:
    """Each (agreement name, status) pair is one item; the status words must overlap."""
    items = [(a.name, s, a.optional or s.optional) for a in gold for s in a.statuses]

    def agree(item: tuple[str, GoldAgreementStatus, bool], f: tuple[str, str]) -> bool:
        return _same_label(item[0], f[0]) and texts_overlap(item[1].status, f[1])

    m = match_items(items, _found_statuses(found), agree, lambda i: i[2])
    return m.score(
        "agreement_statuses",
        lambda i: i[2],
        lambda i: f"{i[0]}: {i[1].status}",
        lambda f: f"{f[0]}: {f[1]}",
    )
