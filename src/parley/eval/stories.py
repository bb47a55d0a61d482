"""Scoring of stories (one real-world event seen in many documents) by pairs of events.

A clustering is judged on the pairs it makes: two events put in the same story form a pair.
Gold pairs found again are true positives, found pairs the gold does not have are false
positives, gold pairs not found are false negatives. This rewards partial clusters fairly:
splitting a five-event story in two still finds four of its ten pairs.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from itertools import combinations

from parley.eval.matching import Score
from parley.models import Story

__all__ = ["score_story_pairs", "story_pairs", "found_clusters"]


def story_pairs(clusters: Iterable[Collection[str]]) -> set[frozenset[str]]:
    """Every unordered pair of distinct event refs that share a cluster."""
    pairs: set[frozenset[str]] = set()
    for cluster in clusters:
        for a, b in combinations(sorted(set(cluster)), 2):
            pairs.add(frozenset((a, b)))
    return pairs


def _show(pair: frozenset[str]) -> str:
    return " ~ ".join(sorted(pair))


def score_story_pairs(
    gold_clusters: Iterable[Collection[str]], found_clusters: Iterable[Collection[str]]
) -> Score:
    """Pairwise precision/recall of ``found_clusters`` against ``gold_clusters``.

    Both sides must name events the same way (the caller maps found event refs to gold refs;
    found events matching no gold event keep their own refs, so pairs with them are spurious).
    """
    gold = story_pairs(gold_clusters)
    found = story_pairs(found_clusters)
    return Score(
        "stories",
        tp=len(gold & found),
        fp=len(found - gold),
        fn=len(gold - found),
        misses=[_show(p) for p in sorted(gold - found, key=sorted)],
        spurious=[_show(p) for p in sorted(found - gold, key=sorted)],
    )


def found_clusters(stories: Sequence[Story], ref_map: Mapping[str, str]) -> list[list[str]]:
    """The resolver's stories as clusters of gold refs where a found event matched a gold one.

    Args:
        stories: the resolver's stories; ``events`` holds ``article_id#index`` refs.
        ref_map: found ref → ``document-id#event-id`` of the gold event it matched.
    """
    return [[ref_map.get(ref, ref) for ref in s.events] for s in stories]
