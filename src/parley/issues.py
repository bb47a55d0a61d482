"""Which issue of a negotiation a statement is about, by the content words they share.

Extraction links a position to the issues its own article lists
(:mod:`parley.extract.negotiation.stances`); resolution links a position its article could not
place to the issues other articles listed (:mod:`parley.resolve.tracks`). Both use these
helpers, so they live beside neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from parley.models import Track

__all__ = ["UNSPECIFIED", "topic_stems", "issue_for", "issue_scores", "party_words"]

UNSPECIFIED = "unspecified"

# Words every issue of a track may share; they say nothing about which issue is meant.
_GENERIC = frozenset(
    "talks peace treaty agreement issue issues question side sides both their there which would "
    "could should said says with from that this they them over about into also than".split()
)


def _stem(word: str) -> str:
    # Six letters are enough to join "constitution" and "constitutional", "detainee(s)".
    return word[:6]


def topic_stems(text: str, ignore: Iterable[str] = ()) -> set[str]:
    """Stems of the content words of ``text``, less generic words and the ``ignore`` words
    (the parties' names, which every issue of their track may contain)."""
    skip = {_stem(w) for w in ignore} | {_stem(w) for w in _GENERIC}
    words = re.findall(r"[a-z]{4,}", text.lower())
    return {_stem(w) for w in words if w not in _GENERIC} - skip


def issue_for(issues: Sequence[str], text: str, ignore: Iterable[str] = ()) -> str:
    """The issue sharing the most content words with ``text``, else :data:`UNSPECIFIED`.

    A tie goes to the issue ``text`` names first (a sentence comes before its paragraph, a
    headline leads with its subject). ``ignore`` holds words that do not tell issues apart.
    """
    scored = issue_scores(issues, text, ignore)
    return scored[0][1] if scored else UNSPECIFIED


def issue_scores(
    issues: Sequence[str], text: str, ignore: Iterable[str] = ()
) -> list[tuple[int, str]]:
    """``(shared content words, issue)`` for the issues ``text`` shares words with, best first."""
    ignore = list(ignore)
    words = topic_stems(text, ignore)
    order = [_stem(w) for w in re.findall(r"[a-z]{4,}", text.lower())]
    scored = []
    for issue in issues:
        shared = words & topic_stems(issue, ignore)
        if shared:
            first = min(order.index(w) for w in shared)
            scored.append((len(shared), -first, issue))
    scored.sort(reverse=True)
    return [(n, issue) for n, _, issue in scored]


def party_words(track: Track) -> list[str]:
    """Words of the track's name ("Armenia–Azerbaijan peace talks"): its parties."""
    return re.findall(r"[a-z]{4,}", track.name.lower())
