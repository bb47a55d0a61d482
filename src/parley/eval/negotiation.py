"""Scoring of negotiation records: tracks, rounds, issues, positions, agreements and statuses.

These records come from later extractors and the cross-document resolver; an analysis without
them scores zero found (recall 0, nothing spurious) rather than failing.

Issues and positions are scored inside their track: a found issue counts only for the gold track
its own track matches. Issue wordings differ between a person and the text ("border
delimitation", "the delimitation of the border"), so they match by containment or by the share
of content words they have in common. A party restating one stance in several articles is one
position with a history, so found positions are grouped by track, actor and issue, and a group
matches when any of its statements does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from parley.eval.gold import (
    GoldAgreement,
    GoldAgreementStatus,
    GoldPosition,
    GoldRound,
    GoldTrack,
)
from parley.eval.matching import Score, match_items
from parley.eval.names import NameResolver
from parley.eval.text import jaccard, norm, pieces, texts_overlap
from parley.kb import alias_key
from parley.models import Agreement, AgreementStatus, Analysis, Position, Round, Track

__all__ = [
    "score_tracks",
    "score_rounds",
    "score_issues",
    "score_positions",
    "issues_agree",
    "score_agreements",
    "score_agreement_statuses",
    "found_rounds",
    "found_tracks",
    "found_agreements",
]


def _same_label(a: str, b: str) -> bool:
    # "Russia–Ukraine peace talks" vs "Russia-Ukraine talks": folded equality or word overlap.
    return alias_key(a) == alias_key(b) or texts_overlap(a, b)


def _track_agrees(names: NameResolver) -> Callable[[GoldTrack, Track], bool]:
    """Whether a gold and a found track are one process: same name, or the same parties."""

    def agree(g: GoldTrack, f: Track) -> bool:
        if _same_label(g.name, f.name):
            return True
        return (
            bool(g.parties)
            and names.covers(g.parties, f.parties)
            and all(any(names.same(n, p) for n in g.parties) for p in f.parties)
        )

    return agree


def score_tracks(gold: Sequence[GoldTrack], found: Sequence[Track], names: NameResolver) -> Score:
    """A track matches on its name, or on its parties (the same set of actors both ways)."""
    m = match_items(gold, found, _track_agrees(names), lambda g: g.optional)
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


# ------------------------------------------------------------------------- issues and positions

# Words that carry no topic: "the question of the border" and "the border" are one issue.
_FUNCTION_WORDS = frozenset(
    "a an the of on over for to in into at by with from and or its their his her our s "
    "about across through between issue issues question questions".split()
)
# Share of the shorter side's content words two issue wordings must have in common.
ISSUE_OVERLAP = 0.5
# Share of the shorter stance's content words a found stance must have in common with the gold.
STANCE_OVERLAP = 0.5


def _content(text: str) -> set[str]:
    """Content words of ``text``, with a plural "s" dropped so "detainee(s)" agree."""
    out = set()
    for w in norm(text).split():
        if w in _FUNCTION_WORDS:
            continue
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return out


def _content_overlap(a: str, b: str) -> float:
    ca, cb = _content(a), _content(b)
    if not ca or not cb:
        return 0.0
    return len(ca & cb) / min(len(ca), len(cb))


def issues_agree(gold: str, found: str) -> bool:
    """Whether two wordings name one issue: one contains the other, or the shorter one's
    content words are mostly in the longer ("transit route through Syunik" in "a transit route
    across Armenia's southern Syunik province")."""
    return _contains(gold, found) or _content_overlap(gold, found) >= ISSUE_OVERLAP


def _contains(a: str, b: str) -> bool:
    # Word-boundary containment either way; plain word overlap would call "the question of
    # Donbas" and "the question of refugees" one issue.
    na, nb = norm(a), norm(b)
    return bool(na and nb) and (f" {na} " in f" {nb} " or f" {nb} " in f" {na} ")


def score_issues(gold: Sequence[GoldTrack], found: Sequence[Track], names: NameResolver) -> Score:
    """Each (track, issue) is one item; a found issue counts only inside a matching track."""
    same_track = _track_agrees(names)
    items = [(t, i, t.optional) for t in gold for i in t.issues]
    found_items = [(t, i) for t in found for i in dict.fromkeys(t.issues)]

    def agree(item: tuple[GoldTrack, str, bool], f: tuple[Track, str]) -> bool:
        return same_track(item[0], f[0]) and issues_agree(item[1], f[1])

    m = match_items(
        items, found_items, agree, lambda i: i[2], prefer=lambda i, f: jaccard(i[1], f[1])
    )
    return m.score(
        "issues", lambda i: i[2], lambda i: f"{i[0].name}: {i[1]}", lambda f: f"{f[0].name}: {f[1]}"
    )


def _position_groups(found: Sequence[Track]) -> list[tuple[Track, list[Position]]]:
    """Found positions grouped by track, actor and issue: one stance and its restatements."""
    groups: dict[tuple[int, str, str], tuple[Track, list[Position]]] = {}
    for ti, t in enumerate(found):
        for p in t.positions:
            groups.setdefault((ti, p.actor, alias_key(p.on)), (t, []))[1].append(p)
    return list(groups.values())


def _stance_agrees(g: GoldPosition, f: Position) -> bool:
    """The stance is the same: its words mostly agree, or the found statement's evidence holds
    the gold evidence (a person paraphrases a stance but cites the text's own words)."""
    if _contains(g.position, f.position) or (
        _content_overlap(g.position, f.position) >= STANCE_OVERLAP
    ):
        return True
    if g.evidence and f.evidence is not None:
        hay = f" {norm(f.evidence.text)} "
        return all(f" {norm(p)} " in hay for p in pieces(g.evidence))
    return False


# A gold stance may mark a red line in its words instead of the flag: "no tolls (red line)", the
# marker the stances extractor writes after a red line's words. It is part of Parley's own
# output format, so it is written here once, not read from a lexicon a user extends.
_RED_LINE_MARK = re.compile(r"\bred line\b", re.I)  # not a word list: Parley's red-line marker


def _gold_red_line(g: GoldPosition) -> bool:
    return g.red_line or bool(_RED_LINE_MARK.search(g.position))


def score_positions(
    gold: Sequence[GoldTrack], found: Sequence[Track], names: NameResolver
) -> Score:
    """Each gold position matches a found stance of the same actor on the same issue in a
    matching track whose words (or evidence) agree; a differing red-line flag is a note."""
    same_track = _track_agrees(names)
    items = [(t, p, t.optional or p.optional) for t in gold for p in t.positions]
    groups = _position_groups(found)

    def statements(
        item: tuple[GoldTrack, GoldPosition, bool], grp: tuple[Track, list[Position]]
    ) -> list[Position]:
        t, g, _ = item
        if not same_track(t, grp[0]) or not names.same(g.actor, grp[1][0].actor):
            return []
        if not issues_agree(g.on, grp[1][0].on):
            return []
        return [p for p in grp[1] if _stance_agrees(g, p)]

    m = match_items(items, groups, lambda i, f: bool(statements(i, f)), lambda i: i[2])
    score = m.score(
        "positions",
        lambda i: i[2],
        lambda i: f"{i[0].name}: {i[1].actor} on {i[1].on}: {i[1].position}",
        lambda f: (
            f"{f[0].name}: {names.display(f[1][0].actor)} on {f[1][0].on}: {f[1][0].position}"
        ),
    )
    for gi, fi in m.pairs:
        g, said = items[gi][1], statements(items[gi], groups[fi])
        if _gold_red_line(g) != any(p.red_line for p in said):
            score.notes.append(
                f"{g.actor} on {g.on}: red line gold={_gold_red_line(g)} "
                f"found={not _gold_red_line(g)}"
            )
    return score
