"""Cursor pagination: an opaque cursor is the sort key of the last item a page returned.

Keyset pagination (``WHERE key > last``) costs the same on page 1 and page 1000 and never skips
or repeats a row when rows are added between requests, unlike ``OFFSET``. The cursor is the
URL-safe base64 of the JSON list of the last row's sort values; clients treat it as opaque.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa

__all__ = [
    "SortKey",
    "encode_cursor",
    "decode_cursor",
    "cursor_values",
    "after",
    "after_values",
    "page_of",
    "BadCursor",
]

Key = list[Any]
T = TypeVar("T")


class BadCursor(ValueError):
    """A cursor that this server did not make (or made for another listing)."""


@dataclass(frozen=True)
class SortKey:
    """One column of a listing's order. NULLs always sort last, in either direction."""

    column: sa.ColumnElement[Any]
    descending: bool = False

    @property
    def nullable(self) -> bool:
        """Whether the column may hold NULL (a table column declared NOT NULL may not)."""
        return bool(getattr(self.column, "nullable", True))

    def order(self) -> sa.ColumnElement[Any]:
        """The ORDER BY term. ``NULLS LAST`` only where NULLs can occur: on a NOT NULL column
        it changes nothing but can stop a database reading the order off an index."""
        term = self.column.desc() if self.descending else self.column.asc()
        return term.nulls_last() if self.nullable else term


def encode_cursor(values: Sequence[Any]) -> str:
    """The opaque cursor for a row whose sort values are ``values``."""
    plain = [v.isoformat() if isinstance(v, dt.date) else v for v in values]
    raw = json.dumps(plain, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> Key:
    """The sort values a cursor holds; ``size`` is how many the listing's key has.

    Raises:
        BadCursor: the text is not a cursor of this listing.
    """
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as e:
        raise BadCursor("Invalid cursor: pass the 'next' value of the previous page.") from e
    if not isinstance(values, list) or len(values) != size:
        raise BadCursor("Invalid cursor: pass the 'next' value of the previous page.")
    return values


#: The range of a database integer (64-bit); a cursor value outside it cannot be bound.
_INT_RANGE = range(-(2**63), 2**63)


def _typed(key: SortKey, value: Any) -> Any:
    """``value`` as the column's type; a forged cursor (wrong type, huge integer) is refused
    here, with a 422, instead of reaching the database."""
    if value is None:
        return None
    kind = key.column.type
    if isinstance(kind, sa.Date):
        # Dates travel as ISO strings; compare them as dates so every database agrees.
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError as e:
            raise BadCursor("Invalid cursor: pass the 'next' value of the previous page.") from e
    if isinstance(kind, sa.Integer) and not (type(value) is int and value in _INT_RANGE):
        raise BadCursor("Invalid cursor: pass the 'next' value of the previous page.")
    if isinstance(kind, sa.String) and not isinstance(value, str):
        raise BadCursor("Invalid cursor: pass the 'next' value of the previous page.")
    if isinstance(kind, sa.Float) and not (
        type(value) in (int, float) and abs(value) < float("inf")
    ):
        raise BadCursor("Invalid cursor: pass the 'next' value of the previous page.")
    return value


def _beyond(key: SortKey, value: Any) -> sa.ColumnElement[bool]:
    col = key.column
    if value is None:  # NULLs are last: nothing sorts after a NULL
        return sa.false()
    strictly = col < value if key.descending else col > value
    return sa.or_(strictly, col.is_(None)) if key.nullable else strictly


def _equal(key: SortKey, value: Any) -> sa.ColumnElement[bool]:
    return key.column.is_(None) if value is None else key.column == value


def after(keys: Sequence[SortKey], cursor: str) -> sa.ColumnElement[bool]:
    """The WHERE clause selecting rows that sort after the row ``cursor`` points at.

    Raises:
        BadCursor: the cursor does not fit these keys.
    """
    return after_values(keys, cursor_values(keys, cursor))


def cursor_values(keys: Sequence[SortKey], cursor: str) -> Key:
    """The sort values ``cursor`` holds, each as its key column's type.

    Raises:
        BadCursor: the cursor does not fit these keys.
    """
    return [_typed(k, v) for k, v in zip(keys, decode_cursor(cursor, len(keys)), strict=True)]


def after_values(keys: Sequence[SortKey], values: Sequence[Any]) -> sa.ColumnElement[bool]:
    """:func:`after` for decoded values; a value may be a bound parameter standing for one
    (a statement built once for every cursor whose NULLs are in the same places)."""
    clause = _beyond(keys[-1], values[-1])
    for key, value in zip(reversed(keys[:-1]), reversed(values[:-1]), strict=True):
        clause = sa.or_(_beyond(key, value), sa.and_(_equal(key, value), clause))
    return clause


def page_of(
    items: Sequence[T], key: Callable[[T], Key], limit: int | None, cursor: str | None
) -> tuple[list[T], str | None]:
    """A page of an in-memory list, which this sorts by ``key`` (for the few tracks and
    agreements a store holds; sorting here keeps the order the same on every database).

    Raises:
        BadCursor: the cursor was not made for this listing.
    """
    ordered = sorted(items, key=key)
    start = 0
    if cursor:
        sample = key(ordered[0]) if ordered else []
        last = decode_cursor(cursor, len(sample)) if ordered else []
        if any(not isinstance(v, type(s)) for v, s in zip(last, sample, strict=True)):
            raise BadCursor("Invalid cursor: pass the 'next' value of the previous page.")
        start = next((i for i, it in enumerate(ordered) if key(it) > last), len(ordered))
    end = len(ordered) if limit is None else start + limit
    chunk = ordered[start:end]
    more = end < len(ordered)
    return chunk, encode_cursor(key(chunk[-1])) if more and chunk else None
