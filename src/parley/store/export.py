"""Write stored records to files: JSON Lines, CSV, Parquet, or PLOVER-style JSON Lines.

JSON Lines keeps each record's nested shape; CSV and Parquet are flat, so nested values (lists,
objects) go in as JSON text. PLOVER JSON follows the field names of PLOVER event data
(``id, date, actor, recipient, event, mode, context, event_loc, event_text, text_info,
cite_info``) and exists for events only.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from parley.errors import ConfigError
from parley.models import FoundEvent
from parley.store.rows import event_id

if TYPE_CHECKING:
    from parley.store.store import Store

__all__ = ["Format", "Kind", "FORMATS", "KINDS", "export", "records", "plover"]

Format = Literal["jsonl", "csv", "parquet", "plover-jsonl"]
Kind = Literal["events", "quotes", "claims", "articles"]
FORMATS: tuple[str, ...] = get_args(Format)
KINDS: tuple[str, ...] = get_args(Kind)

Record = dict[str, Any]
# An event's actor names are for reading on a page; an export keeps the ids only.
_NAMES = {"names"}


def records(store: Store, kind: str) -> Iterator[Record]:
    """Every stored record of ``kind`` as JSON-ready dicts (events carry their ``id``)."""
    if kind == "articles":
        yield from (a.model_dump(mode="json") for a in store.articles(limit=None))
    elif kind == "quotes":
        yield from (f.model_dump(mode="json") for f in store.quotes())
    elif kind == "claims":
        yield from (f.model_dump(mode="json") for f in store.claims())
    elif kind == "events":
        yield from (
            {"id": event_id(f.article_id, f.index), **f.model_dump(mode="json", exclude=_NAMES)}
            for f in store.events()
        )
    else:
        raise ConfigError(f"Cannot export {kind!r}: choose one of {', '.join(KINDS)}.")


def plover(found: FoundEvent, names: dict[str, str], url: str | None = None) -> Record:
    """One event as a PLOVER-style record; actor ids are shown by name when known."""
    e = found
    published = found.published_at.isoformat() if found.published_at else None

    def who(ids: list[str]) -> str | None:
        return "; ".join(names.get(i, i) for i in ids) or None

    return {
        "id": event_id(found.article_id, found.index),
        "date": (e.date.value if e.date and e.date.value else None) or published,
        "actor": who(e.source),
        "recipient": who(e.target),
        "event": e.type,
        "mode": e.mode,
        "context": ", ".join(e.context) or None,
        "event_loc": e.place.model_dump(mode="json") if e.place else None,
        "event_text": e.evidence.text,
        "text_info": {
            "article_id": found.article_id,
            "title": found.title,
            "start": e.evidence.start,
            "end": e.evidence.end,
            "status": e.status,
            "confidence": e.confidence,
        },
        "cite_info": {"outlet": found.outlet, "published_at": published, "url": url},
    }


def _plover_records(store: Store) -> Iterator[Record]:
    names = {s.id: s.name for s in store.actors()}
    urls = {a.id: a.url for a in store.articles(limit=None)}
    for found in store.events():
        yield plover(found, names, urls.get(found.article_id))


def _flat(record: Record) -> Record:
    return {
        k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
        for k, v in record.items()
    }


def _columns(rows: list[Record]) -> list[str]:
    return list(dict.fromkeys(k for row in rows for k in row))


def _write_jsonl(rows: Iterable[Record], out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def _write_csv(rows: Iterable[Record], out: Path) -> int:
    flat = [_flat(r) for r in rows]
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=_columns(flat))
        writer.writeheader()
        writer.writerows(flat)
    return len(flat)


def _write_parquet(rows: Iterable[Record], out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = [_flat(r) for r in rows]
    columns = _columns(flat)
    table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in flat])
    pq.write_table(table, out)
    return len(flat)


def export(store: Store, kind: str, fmt: str, out: Path) -> int:
    """Write every stored record of ``kind`` to ``out`` in ``fmt``; returns how many.

    Raises:
        ConfigError: an unknown kind or format, or PLOVER asked for something but events.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"Unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    if fmt == "plover-jsonl":
        if kind != "events":
            raise ConfigError("PLOVER JSON holds events only: use --kind events.")
        return _write_jsonl(_plover_records(store), out)
    rows = records(store, kind)
    if fmt == "jsonl":
        return _write_jsonl(rows, out)
    if fmt == "csv":
        return _write_csv(rows, out)
    return _write_parquet(rows, out)
