"""Text that remembers where each character came from in the raw input.

Normalisation deletes, replaces and inserts characters; repairs must still say where in the raw
text they happened (``Repair.start``). :class:`Tracked` keeps, for every character of the current
text, the offset of the raw character it descends from, so any later position maps back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["Tracked", "Edit"]

#: ``(start, end, replacement)`` over the current text; end-exclusive, non-overlapping.
Edit = tuple[int, int, str]


@dataclass(frozen=True)
class Tracked:
    """A string plus ``origins``: raw offset of each character, and one past the end."""

    text: str
    origins: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Tracked:
        """Wrap raw text: every character is its own origin."""
        return cls(text, tuple(range(len(text) + 1)))

    def origin(self, pos: int) -> int:
        """Raw offset of the character at ``pos`` (``len(text)`` maps past the raw end)."""
        return self.origins[pos]

    def apply(self, edits: Iterable[Edit]) -> Tracked:
        """Apply sorted, non-overlapping edits; inserted characters inherit nearby origins."""
        parts: list[str] = []
        origins: list[int] = []
        pos = 0
        for start, end, new in edits:
            parts.append(self.text[pos:start])
            origins.extend(self.origins[pos:start])
            parts.append(new)
            origins.extend(self._origins_for(start, end, new))
            pos = end
        parts.append(self.text[pos:])
        origins.extend(self.origins[pos:])
        return Tracked("".join(parts), tuple(origins))

    def sub(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> Tracked:
        """Like ``pattern.sub(repl, text)``, keeping origins."""
        edits = [
            (m.start(), m.end(), repl if isinstance(repl, str) else repl(m))
            for m in pattern.finditer(self.text)
        ]
        return self.apply(edit for edit in edits if self.text[edit[0] : edit[1]] != edit[2])

    def cut(self, start: int, end: int) -> Tracked:
        """The slice ``text[start:end]`` with its origins."""
        return Tracked(self.text[start:end], self.origins[start:end] + (self.origins[end],))

    def _origins_for(self, start: int, end: int, new: str) -> list[int]:
        # A replacement keeps the origins of the characters it overlays; extra characters (and
        # pure insertions) take the origin of the last overlaid character, or of the next one.
        if new == self.text[start:end]:
            return list(self.origins[start:end])
        last = max(start, end - 1)
        return [self.origins[min(start + k, last)] for k in range(len(new))]
