"""Keep the resolved tables (tracks, agreements, stories) in step with the stored analyses.

Resolution sits above the store: this module decides what to recompute and runs the pure merge
functions of :mod:`parley.resolve`; the store's :class:`~parley.store.transaction.Transaction`
only reads analyses and replaces rows. :func:`refresh` recomputes only what new or re-saved
articles can change:

1. the tracks and agreements whose key the articles report now, or reported at their last
   refresh (``article_tracks``, ``article_agreements``);
2. the stories that hold their events, and those a new event could join: same event type and
   dates within tolerance, found with a range query on ``story_events``;
3. it loads every stored analysis behind those records, merges them, keeps the records that
   were affected, and replaces them, all inside the caller's transaction.

Because each affected record is recomputed from *all* its articles, and clustering and merging
depend only on the set of analyses, incremental refreshes give the same rows as a run from
scratch (``article_ids=None``); ``tests/test_resolved_store.py`` checks it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.keys import agreement_key, split_ref
from parley.models import Analysis, Round, Story, Track
from parley.resolve.agreement_joins import agreement_link_keys, candidate_groups
from parley.resolve.agreements import AgreementMerger
from parley.resolve.stories import EventRef, cluster, join_keys, story_reach, story_refs
from parley.resolve.tracks import TrackMerger, track_key
from parley.store.transaction import (
    EventWindow,
    KeyedAgreement,
    KeyedTrack,
    StoryMember,
    Transaction,
)

if TYPE_CHECKING:
    from parley.store import Store

__all__ = [
    "RefreshReport",
    "refresh_resolved",
    "refresh",
    "refresh_unresolved",
    "round_histories",
]

# Track (or agreement) keys whose records the end of :func:`refresh_unresolved` merges and
# writes together: memory holds one group's records.
KEY_GROUP = 200

# Articles one step of :func:`refresh_unresolved` resolves: memory holds their analyses and
# those behind the records they touch, never the whole run's.
UNRESOLVED_CHUNK = 500

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RefreshReport:
    """What a refresh did: analyses read and records written of each kind."""

    articles: int = 0
    tracks: int = 0
    agreements: int = 0
    stories: int = 0


@dataclass
class _Scope:
    """What a refresh recomputes: the articles that changed and the records they touch."""

    ids: set[str]
    track_keys: set[str]
    agreement_keys: set[str]
    story_ids: set[str]
    old_refs: set[tuple[str, int]]
    # Stories whose undecided marks are read again rather than kept (:func:`_scope`).
    distrusted: set[str] = field(default_factory=set)


def refresh_resolved(store: Store, article_ids: set[str] | None = None) -> RefreshReport:
    """Recompute the resolved records that ``article_ids`` affect; all of them when None, in
    one write transaction of ``store``.

    Stored articles never refreshed (a batch interrupted before its refresh) are included, so
    calling this after any save brings the resolved tables up to date.

    Args:
        store: the store to update.
        article_ids: articles just saved (or re-saved); None rebuilds everything from scratch.

    Returns:
        How many analyses were read and how many records were rewritten.
    """
    with store.transaction() as tx:
        return refresh(tx, article_ids)


def refresh(tx: Transaction, article_ids: set[str] | None) -> RefreshReport:
    """:func:`refresh_resolved` inside the caller's write transaction ``tx``: every read and
    write goes through it."""
    if article_ids is None:
        tx.clear_resolved()
        analyses = sorted(tx.analyses(None), key=_published)
        ids = {a.article.id for a in analyses}
        scope = _Scope(
            ids,
            _all_keys(analyses, _track_keys),
            _all_keys(analyses, _agreement_keys),
            set(),
            set(),
        )
        return _replace(tx, analyses, analyses, scope, ids)
    return _refresh_ids(tx, set(article_ids) | tx.unresolved())


def refresh_unresolved(store: Store, chunk: int = UNRESOLVED_CHUNK) -> RefreshReport:
    """Resolve every stored article never resolved: stories ``chunk`` articles at a time in
    order of publication, each chunk in its own write transaction, then the tracks and
    agreements of all of them in one last transaction; returns the summed counts (a story
    rewritten by two chunks counts twice).

    A batch run ends with this rather than one :func:`refresh_resolved` of all its articles,
    which held every analysis of the run in memory at once (a 100,000-article run would not
    fit). Stories are local in time, so a chunk reads its own articles and the members of
    the stories they may join. A track or an agreement can span the whole run: merging it
    once a chunk re-read every earlier article behind it, so the time grew with the square of
    its size; it is merged once, from the parts of the analyses a merge reads
    (:meth:`~parley.store.transaction.Transaction.record_parts`). The articles are marked
    resolved with their tracks, so a run stopped midway leaves them all unresolved, and any
    later refresh catches them up; the records equal one refresh of them all.
    """
    total = RefreshReport()
    run: list[str] = []
    after = (dt.date.min, "")
    reach: dict[str, int] | None = None
    while True:
        with store.transaction() as tx:
            page = tx.unresolved_after(after, chunk)
            if not page:
                break
            reach = tx.widest_reach() if reach is None else reach
            got = _refresh_stories(tx, {aid for _, aid in page}, reach)
        run.extend(aid for _, aid in page)
        after = page[-1]
        total = _plus(total, got)
    if not run:
        return total
    with store.transaction() as tx:
        return _plus(total, _refresh_records(tx, run))


def _plus(a: RefreshReport, b: RefreshReport) -> RefreshReport:
    return RefreshReport(
        a.articles + b.articles,
        a.tracks + b.tracks,
        a.agreements + b.agreements,
        a.stories + b.stories,
    )


def _refresh_ids(tx: Transaction, ids: set[str]) -> RefreshReport:
    """Recompute what the articles ``ids`` (stored or deleted) affect, inside ``tx``."""
    if not ids:
        return RefreshReport()
    new = sorted(tx.analyses(ids), key=_published)
    scope = _scope(tx, ids, new)
    told = {a.article.id for a in new}
    in_stories = {aid for aid, _ in scope.old_refs} - told
    in_records = tx.articles_of_tracks(scope.track_keys) | tx.articles_of_agreements(
        scope.agreement_keys
    )
    with_events = sorted([*new, *tx.analyses(in_stories)], key=_published)
    # Articles behind a track or an agreement only are read without their events: a track
    # can span years of a run's articles, and its merge reads none of them.
    records_only = tx.analyses(in_records - told - in_stories, events=False)
    analyses = sorted([*with_events, *records_only], key=_published)
    return _replace(tx, analyses, with_events, scope, told)


def _refresh_stories(tx: Transaction, ids: set[str], reach: dict[str, int]) -> RefreshReport:
    """The stories of :func:`_refresh_ids` only: tracks, agreements and the resolved marks
    are left to :func:`_refresh_records`. ``reach`` (the widest member window of each event
    type) is kept up to date with the members written here, so the chunks of a run read it
    from the store once."""
    new = sorted(tx.analyses(ids), key=_published)
    scope = _scope(tx, ids, new, records=False, reach=reach)
    for w in _windows(new):
        reach[w.type] = max(reach.get(w.type, 0), w.tolerance)
    told = {a.article.id for a in new}
    in_stories = {aid for aid, _ in scope.old_refs} - told
    with_events = sorted([*new, *tx.analyses(in_stories)], key=_published)
    return RefreshReport(len(with_events), stories=_replace_stories(tx, with_events, scope))


def _refresh_records(tx: Transaction, ids: list[str]) -> RefreshReport:
    """The tracks and agreements of :func:`_refresh_ids` for the articles ``ids``, and the
    resolved marks of the stored ones.

    Read as parts (no text, no events, no actors) and streamed oldest first through the
    mergers a page at a time, for a group of keys at a time, each group written before the
    next is merged: memory holds one group's merged records and a few small facts per
    article (its keys, its date), not the run's records or the analyses behind them."""
    stored: set[str] = set()
    reported: dict[str, tuple[set[str], set[str]]] = {}
    run: list[Analysis] = []
    for page in _pages(ids):
        parts, got = tx.record_parts(page)
        stored |= got
        for an in parts:
            reported[an.article.id] = (_track_keys(an), _agreement_keys(an))
            run.append(an.model_copy(update={"tracks": []}))
    track_keys = {k for t, _ in reported.values() for k in t} | tx.track_keys_of(ids)
    agreement_keys = {k for _, a in reported.values() for k in a} | tx.agreement_keys_of(ids)
    agreement_keys, told = _linked(tx, agreement_keys, run)
    del run
    read = tracks = agreements = 0
    for group in _pages(sorted(track_keys), KEY_GROUP):
        keys = set(group)
        behind = tx.articles_of_tracks(keys) | {i for i, (t, _) in reported.items() if t & keys}
        records = _merged(tx, behind, tracks=keys)
        read += records.count
        tracks += _write_tracks(tx, keys, records, {})
    for keys in _key_groups(candidate_groups(told, sorted(agreement_keys))):
        behind = tx.articles_of_agreements(keys)
        behind |= {i for i, (_, a) in reported.items() if a & keys}
        records = _merged(tx, behind, agreements=keys)
        read += records.count
        agreements += _write_agreements(tx, keys, records, {})
    scope = _Scope(set(ids), set(), set(), set(), set())
    tx.replace_tracks(set(), [], _keyed(scope, {i: t for i, (t, _) in reported.items()}), {})
    tx.replace_agreements(set(), [], _keyed(scope, {i: a for i, (_, a) in reported.items()}))
    tx.mark_resolved(stored)
    return RefreshReport(read, tracks, agreements)


def _key_groups(components: list[list[str]]) -> Iterator[set[str]]:
    """Link-key ``components`` packed into groups of about :data:`KEY_GROUP` keys, none split:
    the records one component's reports may join are merged together."""
    group: set[str] = set()
    for component in sorted(components, key=min):
        if group and len(group) + len(component) > KEY_GROUP:
            yield group
            group = set()
        group |= set(component)
    if group:
        yield group


def _merged(
    tx: Transaction,
    ids: set[str],
    tracks: set[str] | None = None,
    agreements: set[str] | None = None,
) -> _Records:
    """The articles ``ids`` merged oldest first, a page of parts at a time, keeping the
    tracks and agreements under the keys given (none of a kind not given)."""
    records = _Records(tracks or set(), agreements or set())
    for page in _pages(tx.in_publication_order(ids)):
        for an in sorted(tx.record_parts(page)[0], key=_published):
            records.add(an)
    return records


def _pages(items: Sequence[str], size: int = UNRESOLVED_CHUNK) -> Iterator[Sequence[str]]:
    """``items`` in consecutive slices of ``size``."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


class _Records:
    """Tracks, agreements and every report of a numbered round, from analyses added oldest
    first (:func:`_published` order)."""

    def __init__(self, tracks: set[str] | None = None, agreements: set[str] | None = None) -> None:
        """Only the tracks and agreements under the keys given, when given."""
        self.tracks = TrackMerger(tracks)
        self.agreements = AgreementMerger(agreements)
        self.keys = tracks
        self.reports: dict[str, list[tuple[tuple[dt.date, str], Round]]] = {}
        self.order: dict[str, tuple[dt.date, str]] = {}
        self.published: dict[str, dt.date | None] = {}
        self.count = 0

    def add(self, an: Analysis) -> None:
        self.count += 1
        self.tracks.add(an)
        self.agreements.add(an)
        self.order[an.article.id] = _published(an)
        self.published[an.article.id] = an.article.published_at
        for key, stamped in _round_reports(an):
            if self.keys is None or key in self.keys:
                self.reports.setdefault(key, []).append((self.order[an.article.id], stamped))

    def histories(self, key: str, merged: Track) -> list[list[Round]]:
        return _slotted(merged, self.reports.get(key, []), self.order)


# -- what to recompute ---------------------------------------------------------------------------


def _published(an: Analysis) -> tuple[dt.date, str]:
    """The order resolution reads articles in: publication date, then id."""
    return an.article.published_at or dt.date.min, an.article.id


def _track_keys(an: Analysis) -> set[str]:
    return {track_key(tr) for tr in an.tracks}


def _agreement_keys(an: Analysis) -> set[str]:
    """The link keys of every agreement ``an`` reports (:func:`agreement_link_keys`): its
    names and the names it could be joined under, under which the store files the article."""
    return {k for ag in an.agreements for k in agreement_link_keys(ag)}


def _linked(
    tx: Transaction, keys: set[str], known: Iterable[Analysis]
) -> tuple[set[str], list[frozenset[str]]]:
    """``keys`` widened to every link key of a report that shares one with them,
    transitively, and the link keys of every report read on the way (``known``'s and those
    of the stored articles filed under the keys).

    A record can join another under a different key when their reports share a link key
    (:mod:`parley.resolve.agreement_joins`): the widened keys reach every report such a join
    can depend on, so a refresh of them writes what a rebuild writes."""
    told = [agreement_link_keys(ag) for an in known for ag in an.agreements]
    seen = {an.article.id for an in known}
    keys = set(keys)
    frontier = set(keys)
    while frontier:
        ids = tx.articles_of_agreements(frontier) - seen
        seen |= ids
        for page in _pages(sorted(ids)):
            told += [
                agreement_link_keys(ag) for an in tx.record_parts(page)[0] for ag in an.agreements
            ]
        frontier = {k for links in told if links & keys for k in links} - keys
        keys |= frontier
    return keys, told


KeysOf = Callable[[Analysis], set[str]]


def _all_keys(analyses: Iterable[Analysis], keys_of: KeysOf) -> set[str]:
    return {k for an in analyses for k in keys_of(an)}


def _scope(
    tx: Transaction,
    ids: set[str],
    new: list[Analysis],
    records: bool = True,
    reach: dict[str, int] | None = None,
) -> _Scope:
    """What the articles ``ids`` (``new``: the stored ones) affect; without ``records``, the
    stories only. ``reach``: :meth:`~parley.store.transaction.Transaction.widest_reach`, when
    the caller keeps it (read from the store otherwise)."""
    reach = tx.widest_reach() if reach is None else reach
    holding = tx.stories_of(ids)
    story_ids = holding | tx.stories_near(_windows(new), reach)
    distrusted: set[str] = set()
    if old := tx.member_windows(article_ids=ids):
        # A report taken out of its story (its article re-saved or deleted) may be what made
        # another undecided, a mark that adding reports never lifts but taking one out may:
        # those near it are decided again, with every story they may join.
        distrusted = holding | tx.stories_near(old, reach)
        undecided = tx.member_windows(story_ids=distrusted)
        story_ids |= distrusted | tx.stories_near(undecided, reach)
    track_keys: set[str] = set()
    agreement_keys: set[str] = set()
    if records:
        track_keys = _all_keys(new, _track_keys) | tx.track_keys_of(ids)
        agreement_keys = _all_keys(new, _agreement_keys) | tx.agreement_keys_of(ids)
        agreement_keys = _linked(tx, agreement_keys, new)[0]
    members = tx.members_of(story_ids)
    return _Scope(ids, track_keys, agreement_keys, story_ids, members, distrusted)


def _windows(new: list[Analysis]) -> list[EventWindow]:
    """The dated events of the new articles (every event clustering reads), as the stories
    they could join are looked up.

    A superset of stories is harmless (those stories are recomputed to the same rows); missing
    one is not, so the lookup uses :func:`parley.resolve.stories.story_reach`, which covers every
    day :func:`parley.resolve.same_story`'s date tests accept.
    """
    reaches = ((ref, *story_reach(ref)) for ref in story_refs(new))
    return [
        EventWindow(ref.event.type, day, tol, join_keys(ref))
        for ref, day, tol in reaches
        if day is not None
    ]


# -- recomputing ---------------------------------------------------------------------------------


def _replace(
    tx: Transaction,
    analyses: list[Analysis],
    with_events: list[Analysis],
    scope: _Scope,
    present: set[str],
) -> RefreshReport:
    """Replace the records in ``scope``: tracks and agreements from ``analyses``, stories from
    ``with_events``; mark the changed articles still stored (``present``) resolved."""
    tracks, agreements = _replace_records(tx, analyses, scope, present)
    stories = _replace_stories(tx, with_events, scope)
    tx.mark_resolved(present)
    return RefreshReport(len(analyses), tracks, agreements, stories)


def _replace_records(
    tx: Transaction, analyses: list[Analysis], scope: _Scope, present: set[str]
) -> tuple[int, int]:
    """Merge and replace the tracks and agreements in ``scope`` from ``analyses`` (every
    article behind them); ``present``: the changed articles still stored. Returns how many
    tracks and agreements were written."""
    records = _Records()
    for an in sorted(analyses, key=_published):
        records.add(an)
    changed = [a for a in analyses if a.article.id in present]
    return _write_records(
        tx,
        scope,
        records,
        _reports(scope, changed, _track_keys),
        _reports(scope, changed, _agreement_keys),
    )


def _write_records(
    tx: Transaction,
    scope: _Scope,
    records: _Records,
    track_reports: dict[str, set[str]],
    agreement_reports: dict[str, set[str]],
) -> tuple[int, int]:
    """Replace the tracks and agreements in ``scope`` by the merged ``records`` and the
    article → key links of the changed articles; how many of each were written."""
    tracks = _write_tracks(tx, scope.track_keys, records, track_reports)
    agreements = _write_agreements(tx, scope.agreement_keys, records, agreement_reports)
    log.info(
        "refreshed %d tracks, %d agreements from %d analyses", tracks, agreements, records.count
    )
    return tracks, agreements


def _write_tracks(
    tx: Transaction, keys: set[str], records: _Records, reports: dict[str, set[str]]
) -> int:
    """Replace the tracks under ``keys`` by the merged ones, and the links ``reports``."""
    tracks = [tr for tr in records.tracks.result() if track_key(tr) in keys]
    tx.replace_tracks(
        keys,
        [KeyedTrack(track_key(tr), tr, records.histories(track_key(tr), tr)) for tr in tracks],
        reports,
        records.published,
    )
    return len(tracks)


def _write_agreements(
    tx: Transaction, keys: set[str], records: _Records, reports: dict[str, set[str]]
) -> int:
    """Replace the agreements under ``keys`` by the merged ones, and the links ``reports``."""
    found = [ag for ag in records.agreements.result() if agreement_key(ag.name) in keys]
    tx.replace_agreements(
        keys, [KeyedAgreement(agreement_key(ag.name), ag) for ag in found], reports
    )
    return len(found)


def _replace_stories(tx: Transaction, with_events: list[Analysis], scope: _Scope) -> int:
    """Cluster and replace the stories in ``scope`` from ``with_events`` (the changed articles
    and the members of the stories they may touch: :func:`_scope` finds every story a changed
    event could join); returns how many were written."""
    refs = story_refs(with_events)
    # Every event read carries its mark, members of the stories in scope or not: an
    # undecided report of an article read for another of its events stays apart.
    marked = tx.undecided_of({a.article.id for a in with_events})
    found = cluster(refs, {ref for ref, story in marked.items() if story not in scope.distrusted})
    stories = [s for s in found.stories if _touched(s, scope)]
    members = _members(refs, stories, found.undecided)
    tx.replace_stories(scope.story_ids, stories, list(members))
    log.info("refreshed %d stories from %d analyses", len(stories), len(with_events))
    return len(stories)


def _reports(scope: _Scope, present: list[Analysis], keys_of: KeysOf) -> dict[str, set[str]]:
    """Article id → keys it reports, for every changed article (none for one not stored)."""
    out: dict[str, set[str]] = {i: set() for i in scope.ids}
    out.update({a.article.id: keys_of(a) for a in present})
    return out


def _keyed(scope: _Scope, found: dict[str, set[str]]) -> dict[str, set[str]]:
    """:func:`_reports` from the keys already read of the changed articles (``found``)."""
    out: dict[str, set[str]] = {i: set() for i in scope.ids}
    out.update(found)
    return out


def _touched(story: Story, scope: _Scope) -> bool:
    refs = [split_ref(r) for r in story.events]
    return any(aid in scope.ids or (aid, i) in scope.old_refs for aid, i in refs)


def round_histories(key: str, merged: Track, analyses: Sequence[Analysis]) -> list[list[Round]]:
    """Every article's report of each round of the merged track ``merged`` (key ``key``), in
    publication order, aligned with ``merged.rounds``.

    A number can name two sessions (one cancelled, one held later); a report then belongs to
    the first session whose last report is not older than it.
    """
    order = {an.article.id: _published(an) for an in analyses}
    reports = [
        (order[an.article.id], stamped)
        for an in analyses  # already oldest first
        for k, stamped in _round_reports(an)
        if k == key
    ]
    return _slotted(merged, reports, order)


def _round_reports(an: Analysis) -> Iterator[tuple[str, Round]]:
    """Each numbered round ``an`` reports, under its track's key, stamped with the article."""
    for tr in an.tracks:
        key = track_key(tr)
        for r in tr.rounds:
            if r.ordinal is not None:
                yield key, r if r.article_id else r.model_copy(update={"article_id": an.article.id})


def _slotted(
    merged: Track,
    reports: Sequence[tuple[tuple[dt.date, str], Round]],
    order: dict[str, tuple[dt.date, str]],
) -> list[list[Round]]:
    """``reports`` (when, round) put under the session of ``merged`` each belongs to."""
    out: list[list[Round]] = [[] if r.ordinal is not None else [r] for r in merged.rounds]
    for when, stamped in reports:
        assert stamped.ordinal is not None
        slot = _session_of(merged.rounds, stamped.ordinal, when, order)
        if slot is not None:
            out[slot].append(stamped)
    return [h or [r] for h, r in zip(out, merged.rounds, strict=True)]


def _session_of(
    rounds: list[Round],
    ordinal: int,
    when: tuple[dt.date, str],
    order: dict[str, tuple[dt.date, str]],
) -> int | None:
    same = [i for i, r in enumerate(rounds) if r.ordinal == ordinal]
    for i in same:
        last = order.get(rounds[i].article_id or "")
        if last is not None and when <= last:
            return i
    return same[-1] if same else None


def _members(
    refs: Sequence[EventRef], stories: list[Story], undecided: frozenset[str]
) -> Iterator[StoryMember]:
    """Each member event of ``stories`` with its day, the tolerance its date allows, what
    another event must share with it to join the story (:func:`join_keys`) and whether it is
    undecided."""
    by_ref = {r.ref: r for r in refs}
    for s in stories:
        for name in s.events:
            ref = by_ref[name]
            aid, idx = split_ref(name)
            day, tol = story_reach(ref)
            yield StoryMember(s.id, aid, idx, s.type, day, tol, join_keys(ref), name in undecided)
