"""One record per negotiation track, from every article that reports on it.

Tracks are keyed by their parties (sorted) and kind ("peace talks", "arms control"), so
"Armenia–Azerbaijan peace talks" from ten articles is one track. Rounds merge by ordinal: the
latest article's status wins (a round announced as planned and later reported cancelled is
cancelled), and venue and date are kept from whichever report gave them. A cancelled round
stays cancelled: a later report of a round with the same number that was held (or planned
anew) is a second session, kept beside it, so the track shows planned → cancelled → held.
Positions keep their history in publication order. Issues are merged by their content words
("border delimitation" is "the delimitation of the border"); a position its own article could
not link to an issue (the article listed none) is linked to the merged issue its words, its
evidence or else its article's headline share the most words with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from parley.issues import UNSPECIFIED, issue_for, party_words, topic_stems
from parley.kb import alias_key
from parley.keys import force_state, sides_key, without_own_forces
from parley.models import Analysis, Position, Round, Track

__all__ = ["merge_tracks", "TrackMerger", "track_key"]


def track_key(track: Track) -> str:
    """Parties and kind, independent of the order a writer named them in; "talks" and "peace
    talks" between the same parties are one process, and so are talks of a state's army and
    of the state (see :mod:`parley.keys`)."""
    kind = track.name.split(" ", 1)[1] if " " in track.name else track.name
    if kind.endswith("talks"):
        kind = "talks"
    return "|".join(sides_key(track.parties)) + "|" + kind


def merge_tracks(analyses: Sequence[Analysis]) -> list[Track]:
    """Merge per-article tracks into one per process, rounds and positions in time order."""
    merger = TrackMerger()
    ordered = sorted(analyses, key=lambda a: (a.article.published_at or dt.date.min, a.article.id))
    for an in ordered:
        merger.add(an)
    return merger.result()


class TrackMerger:
    """:func:`merge_tracks` fed one analysis at a time, oldest first (publication date, then
    id): a caller can stream a run's articles through it and hold only the merged tracks."""

    def __init__(self, only: set[str] | None = None) -> None:
        """``only``: merge the tracks under these keys only (all when None)."""
        self.only = only
        self.merged: dict[str, Track] = {}
        self.headlines: dict[str, str] = {}

    def add(self, an: Analysis) -> None:
        """Fold the tracks of ``an``, which must not be older than any analysis added."""
        if not an.tracks:
            return
        self.headlines[an.article.id] = an.article.title or ""
        for tr in an.tracks:
            key = track_key(tr)
            if self.only is not None and key not in self.only:
                continue
            base = self.merged.get(key)
            if base is None:
                base = tr.model_copy(
                    deep=True, update={"rounds": [], "positions": [], "issues": []}
                )
                self.merged[key] = base
            _merge_into(base, tr, an.article.id)

    def result(self) -> list[Track]:
        """The merged tracks by name, each position linked to an issue where it can be."""
        for track in self.merged.values():
            track.positions = [_link(p, track, self.headlines) for p in track.positions]
        return sorted(self.merged.values(), key=lambda t: t.name)


def _same_issue(a: str, b: str) -> bool:
    """Two wordings of one issue: the same text, or the same content words."""
    return alias_key(a) == alias_key(b) or (
        bool(topic_stems(a)) and topic_stems(a) == topic_stems(b)
    )


def _link(p: Position, track: Track, headlines: dict[str, str]) -> Position:
    """``p`` linked to one of the merged issues when its article gave it none."""
    if p.on != UNSPECIFIED or not track.issues:
        return p
    ignore = party_words(track)
    text = " ".join([p.position, p.evidence.text if p.evidence else ""])
    on = issue_for(track.issues, text, ignore)
    if on == UNSPECIFIED:
        on = issue_for(track.issues, headlines.get(p.article_id or "", ""), ignore)
    return p if on == UNSPECIFIED else p.model_copy(update={"on": on})


def names_the_state(new: list[str], old: list[str]) -> bool:
    """Whether the sides ``new`` name a state that ``old`` named by its armed force: the
    record takes the state's name ("Congo–M23 talks", not "FARDC–M23 talks")."""
    return any(force_state(p) in new for p in old)


def _better_name(base: Track, new: Track) -> bool:
    if names_the_state(new.parties, base.parties):
        return True
    if names_the_state(base.parties, new.parties):
        return False
    return len(new.name) > len(base.name)  # "… peace talks" says more than "… talks"


def _merge_into(base: Track, new: Track, article_id: str) -> None:
    if _better_name(base, new):
        base.name = new.name
        for r in base.rounds:
            r.track = new.name
    base.parties = without_own_forces([*base.parties, *new.parties])
    # A state another report shows at war on one side mediates nothing, whoever hosted.
    base.belligerents = list(dict.fromkeys([*base.belligerents, *new.belligerents]))
    mediators = dict.fromkeys([*base.mediators, *new.mediators])
    base.mediators = [m for m in mediators if m not in base.belligerents]
    for issue in new.issues:
        if not any(_same_issue(issue, old) for old in base.issues):
            base.issues.append(issue)
    for r in new.rounds:
        _merge_round(
            base,
            r.model_copy(update={"track": base.name, "article_id": r.article_id or article_id}),
        )
    for p in new.positions:
        base.positions.append(_stamp(p, article_id))


def _same_meeting(old: Round, new: Round) -> bool:
    """Whether a round without a number ("the next round", "talks will resume") and another
    report are one meeting: their dates agree at the coarser precision (to the day when they
    name two cities), or, undated, they meet in the same city."""
    if old.date and new.date:
        n = min(len(old.date), len(new.date))
        moved = old.venue and new.venue and old.venue != new.venue
        if moved and n < 10:
            return False  # "talks in Beijing earlier this month" and "in Washington on the 30th"
        return old.date[:n] == new.date[:n]
    if not (old.venue and new.venue and old.venue == new.venue):
        return False
    # Two undated sessions held in one city ("after twelve hours of talks in Tarna" in two
    # reports) tell nothing that would keep them apart: one row, not two the same.
    held = old.status == new.status == "held" and not (old.date or new.date)
    return held or "planned" in (old.status, new.status)


def _merge_unnumbered(base: Track, new: Round) -> bool:
    """Fold a report into a round it names no number for (or name the number of an unnumbered
    one); False when it is no report of a known round."""
    for i, old in enumerate(base.rounds):
        numbered = old.ordinal is not None and new.ordinal is not None
        if numbered or not _same_meeting(old, new):
            continue
        if old.status == "cancelled" and new.status != "cancelled":
            continue
        base.rounds[i] = old.model_copy(
            update={
                "ordinal": old.ordinal if old.ordinal is not None else new.ordinal,
                "status": new.status if new.status != "unknown" else old.status,
                "venue": _venue_of(old, new),
                "date": _date_of(old, new),
                "evidence": new.evidence or old.evidence,
                "article_id": new.article_id,
            }
        )
        return True
    return False


def _merge_round(base: Track, new: Round) -> None:
    """Fold a report of a round into the track; a round reported after its cancellation is a
    new session with the same number (the cancelled one stays, as history). A round named
    without a number joins the round of the same date (or city, while planned)."""
    if new.ordinal is None or not any(r.ordinal == new.ordinal for r in base.rounds):
        if _merge_unnumbered(base, new):
            return
    for i, old in enumerate(base.rounds):
        if old.ordinal is not None and old.ordinal == new.ordinal:
            if old.status == "cancelled" and new.status in ("held", "under way", "planned"):
                if _later(new, old):
                    continue  # compare with the re-scheduled session, or add it below
                return  # an older plan of the session that was then cancelled
            if old.status == "held" and new.status == "planned" and not _later(new, old):
                return  # a plan reported after the session took place is old news
            base.rounds[i] = old.model_copy(
                update={
                    "status": new.status if new.status != "unknown" else old.status,
                    "venue": _venue_of(old, new),
                    "date": _date_of(old, new),
                    "participants": list(dict.fromkeys([*old.participants, *new.participants])),
                    "evidence": new.evidence or old.evidence,
                    "article_id": new.article_id,
                }
            )
            return
    base.rounds.append(new)
    base.rounds.sort(key=lambda r: (r.ordinal is None, r.ordinal or 0))


def _venue_of(old: Round, new: Round) -> str | None:
    """The first report of a session taking place names its venue best; a later passing mention
    ("the round held in Azerbaijan last spring") does not override it, but a move does: a session
    first planned for one city and then held in another takes the city it was held in."""
    if old.venue and new.venue and old.status == new.status:
        return old.venue
    return new.venue or old.venue


def _date_of(old: Round, new: Round) -> str | None:
    """The more precise date wins ("2026-04-15" over "2026-04" over "2026"), else the newer."""
    if old.date and new.date and old.status == new.status:
        return new.date if len(new.date) > len(old.date) else old.date
    return new.date or old.date


def _later(new: Round, old: Round) -> bool:
    """Whether ``new`` is dated after ``old`` (undated rounds count as later)."""
    return not (new.date and old.date) or new.date[:10] > old.date[:10]


def _stamp(p: Position, article_id: str) -> Position:
    return p if p.article_id else p.model_copy(update={"article_id": article_id})
