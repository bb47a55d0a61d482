"""Identity keys of the records resolution builds across articles.

Resolution merges on these keys and the store looks records up by them, so both import them
from here rather than one layer from the other.
"""

from __future__ import annotations

from parley.kb import alias_key

__all__ = ["agreement_key", "split_ref"]


def agreement_key(name: str) -> str:
    """Names that differ only in case, articles or a trailing 'treaty' are one agreement."""
    key = alias_key(name)
    return key[: -len(" treaty")] if key.endswith(" treaty") else key


def split_ref(ref: str) -> tuple[str, int]:
    """``'sha256:ab12#3'`` → ``('sha256:ab12', 3)`` (a Story's event reference)."""
    aid, _, idx = ref.rpartition("#")
    return aid, int(idx)
