"""Across articles: one story from many reports, one track and one treaty timeline per process.

Resolution reads only stored per-article records (no re-parsing), and is a pure function of
them, so ingesting a new article and re-resolving gives the same result as a run from scratch.
Stories are blocked by event type and checked pairwise only inside a block, so adding an article
compares its events with a handful of candidates, not the corpus.

Resolution sits above the store: :func:`refresh_resolved` reads stored analyses and writes the
resolved tables through one store write transaction (:mod:`parley.resolve.refresh`).
"""

from parley.resolve.agreements import merge_agreements
from parley.resolve.refresh import RefreshReport, refresh, refresh_resolved, refresh_unresolved
from parley.resolve.stories import cluster_stories, same_story
from parley.resolve.tracks import merge_tracks

__all__ = [
    "cluster_stories",
    "merge_agreements",
    "merge_tracks",
    "same_story",
    "refresh_resolved",
    "refresh_unresolved",
    "refresh",
    "RefreshReport",
]
