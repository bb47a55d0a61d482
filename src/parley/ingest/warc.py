"""Web archives: WARC and WARC.gz files (the format of news crawls such as CC-NEWS).

Records are streamed one at a time with warcio, so memory stays bounded whatever the size of the
archive. ``response`` records (HTTP 200, HTML or plain text) and ``resource`` records become raw
documents with the record's target URI and date; plain text is read like a ``.txt`` file, so a
``Title:``/``Published:`` header is honoured. Requests, metadata, redirects and other statuses
are skipped; a record that cannot be read becomes a rejection, and reading goes on. A re-run
resumes: articles already stored are recognised by id and skipped by the batch runner.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from parley.errors import InputError
from parley.ingest.decode import decode_bytes
from parley.ingest.metadata import coerce_metadata, split_header
from parley.models import RawDocument, Rejection

__all__ = ["is_warc", "read_warc"]

log = logging.getLogger(__name__)

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: Path) -> bool:
    """Whether ``path`` names a WARC file (``.warc`` or ``.warc.gz``)."""
    name = path.name.lower()
    return name.endswith(".warc") or name.endswith(".warc.gz")


def read_warc(
    path: Path, published_at: dt.date | None = None, outlet: str | None = None
) -> Iterator[RawDocument | Rejection]:
    """Yield a raw document (or a rejection) for each article record in the archive."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for number, record in enumerate(records, start=1):
                # The record number, not its offset: asking warcio for the offset reads the
                # record to its end, and the body with it.
                source = f"{path}#{number}"
                if record.format != "warc":
                    reason = f"not a WARC file: record {number} is {record.format or 'unreadable'}"
                    yield Rejection(source=str(path), stage="ingest", reason=reason, at=_now())
                    return
                try:
                    doc = _document(record, source)
                except InputError as e:
                    yield Rejection(source=source, stage=e.stage, reason=str(e), at=_now())
                    continue
                if doc is not None:
                    yield _defaults(doc, published_at, outlet)
    except (OSError, ArchiveLoadFailed) as e:
        yield Rejection(
            source=str(path), stage="ingest", reason=f"cannot read the WARC file: {e}", at=_now()
        )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _defaults(doc: RawDocument, published_at: dt.date | None, outlet: str | None) -> RawDocument:
    fill: dict[str, Any] = {}
    if doc.published_at is None and published_at is not None:
        fill["published_at"] = published_at
    if not doc.outlet and outlet:
        fill["outlet"] = outlet
    return doc.model_copy(update=fill) if fill else doc


def _document(record: Any, source: str) -> RawDocument | None:
    if record.rec_type not in ("response", "resource"):
        return None
    if record.rec_type == "response":
        status = record.http_headers.get_statuscode() if record.http_headers else None
        if status != "200":
            return None
        kind = record.http_headers.get_header("Content-Type") or ""
    else:
        kind = record.rec_headers.get_header("Content-Type") or ""
    kind = kind.split(";")[0].strip().lower()
    if kind not in _TEXT_TYPES:
        return None
    body = decode_bytes(record.content_stream().read())
    url = record.rec_headers.get_header("WARC-Target-URI")
    date = _day(record.rec_headers.get_header("WARC-Date"))
    if kind == "text/plain":
        header, text = split_header(body)
        meta = {"url": url, **coerce_metadata(header, f"{source} header")}
        meta.setdefault("published_at", date)
        return RawDocument(source=source, text=text, **meta)
    return RawDocument(source=source, html=body, url=url, published_at=date)


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
