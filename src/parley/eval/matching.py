"""One-to-one matching of gold items to found records, and the score it yields.

Each gold item may match at most one found record and vice versa. The matching is maximum
(augmenting paths), with required gold items placed before optional ones, so a greedy early
choice never costs a later required item its only candidate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

__all__ = ["Score", "Matching", "match_items", "prf"]

G = TypeVar("G")
F = TypeVar("F")

# How many misses/spurious items a score keeps for people to read; counts are always exact.
LIST_LIMIT = 25


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1; a side with nothing to count scores 1 only if the other is clean.

    Finding nothing when nothing was expected is perfect (1, 1, 1); finding nothing when
    something was expected is (0, 0, 0).
    """
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class Score:
    """Counts for one record kind. Optional gold items found count as true positives.

    ``misses`` lists required gold items not found, ``spurious`` found records matching nothing
    (a person reads these to decide whether the gold or the system is wrong), ``notes`` lists
    attribute disagreements of otherwise matching items (a wrong kind or country, say).
    """

    kind: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_optional: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def found(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]

    def add(self, other: Score) -> None:
        """Add another score's counts (micro-averaging) and its lists, in place."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tp_optional += other.tp_optional
        self.misses.extend(other.misses)
        self.spurious.extend(other.spurious)
        self.notes.extend(other.notes)

    def to_json(self) -> dict[str, Any]:
        """Counts, rounded P/R/F1 and the first :data:`LIST_LIMIT` entries of each list."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tp_optional": self.tp_optional,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "misses": self.misses[:LIST_LIMIT],
            "spurious": self.spurious[:LIST_LIMIT],
            "notes": self.notes[:LIST_LIMIT],
        }


@dataclass
class Matching(Generic[G, F]):
    """Pairs ``(gold index, found index)`` plus the inputs they index into."""

    gold: Sequence[G]
    found: Sequence[F]
    pairs: list[tuple[int, int]]

    def gold_of(self) -> dict[int, int]:
        """Found index → gold index."""
        return {f: g for g, f in self.pairs}

    def found_of(self) -> dict[int, int]:
        """Gold index → found index."""
        return dict(self.pairs)

    def unmatched_found(self) -> list[int]:
        taken = {f for _, f in self.pairs}
        return [i for i in range(len(self.found)) if i not in taken]

    def unmatched_gold(self) -> list[int]:
        taken = {g for g, _ in self.pairs}
        return [i for i in range(len(self.gold)) if i not in taken]

    def score(
        self,
        kind: str,
        is_optional: Callable[[G], bool],
        show_gold: Callable[[G], str],
        show_found: Callable[[F], str],
    ) -> Score:
        """Turn the pairs into counts and readable lists of misses and spurious records."""
        s = Score(kind)
        for g, _ in self.pairs:
            s.tp += 1
            s.tp_optional += int(is_optional(self.gold[g]))
        for g in self.unmatched_gold():
            if not is_optional(self.gold[g]):
                s.fn += 1
                s.misses.append(show_gold(self.gold[g]))
        for f in self.unmatched_found():
            s.fp += 1
            s.spurious.append(show_found(self.found[f]))
        return s


def match_items(
    gold: Sequence[G],
    found: Sequence[F],
    agree: Callable[[G, F], bool],
    is_optional: Callable[[G], bool] = lambda g: False,
    prefer: Callable[[G, F], float] | None = None,
) -> Matching[G, F]:
    """Maximum one-to-one matching of ``gold`` to ``found`` under ``agree``.

    Args:
        gold: the person's items.
        found: the system's records.
        agree: whether a gold item and a found record mean the same thing.
        is_optional: optional gold items are matched only after every required one.
        prefer: higher is tried first among a gold item's candidates (e.g. evidence overlap),
            so ties go to the most similar record.

    Returns:
        The matching; every gold and found index appears in at most one pair.
    """
    candidates: list[list[int]] = []
    for g in gold:
        cands = [i for i, f in enumerate(found) if agree(g, f)]
        if prefer is not None:
            cands.sort(key=lambda i, g=g: -prefer(g, found[i]))  # type: ignore[misc]
        candidates.append(cands)
    owner: dict[int, int] = {}
    order = sorted(range(len(gold)), key=lambda i: is_optional(gold[i]))
    for gi in order:
        _augment(gi, candidates, owner, set())
    return Matching(gold, found, sorted((g, f) for f, g in owner.items()))


def _augment(gi: int, candidates: list[list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    # Kuhn's algorithm: take a free candidate, or move its current owner to another one.
    for fi in candidates[gi]:
        if fi in seen:
            continue
        seen.add(fi)
        if fi not in owner or _augment(owner[fi], candidates, owner, seen):
            owner[fi] = gi
            return True
    return False
