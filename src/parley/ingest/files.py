"""Reading articles from files and folders: ``.txt``, ``.html``/``.htm`` and ``.jsonl``.

Every input ends up as either a :class:`~parley.models.RawDocument` or a
:class:`~parley.models.Rejection` saying why not; nothing is skipped silently except hidden files
and the JSON sidecars that belong to an article file. HTML is passed on as HTML: the text is
extracted during normalisation (:mod:`parley.normalize.html`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.errors import EmptyInput, InputError, MalformedRecord
from parley.ingest.decode import decode_bytes
from parley.ingest.metadata import coerce_metadata, read_sidecar, sidecars_of, split_header
from parley.models import RawDocument, Rejection

__all__ = ["read_sources", "read_file", "to_rejection", "Defaults", "SUPPORTED"]

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".html", ".htm", ".jsonl")

Item = RawDocument | Rejection


@dataclass(frozen=True)
class Defaults:
    """Metadata used when a source does not give its own (``--published-at``, ``--outlet``)."""

    published_at: dt.date | None = None
    outlet: str | None = None

    def fill(self, meta: dict[str, Any]) -> dict[str, Any]:
        """``meta`` with the defaults added where it has no value."""
        filled = dict(meta)
        if filled.get("published_at") is None and self.published_at is not None:
            filled["published_at"] = self.published_at
        if not filled.get("outlet") and self.outlet:
            filled["outlet"] = self.outlet
        return filled


def read_sources(
    paths: Sequence[Path], published_at: dt.date | None = None, outlet: str | None = None
) -> Iterator[Item]:
    """Yield a raw document or a rejection for every article in ``paths``, in a stable order.

    Folders are walked recursively in sorted order; hidden files and sidecars are skipped.
    """
    defaults = Defaults(published_at=published_at, outlet=outlet)
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file in _walk(path):
                yield from read_file(file, defaults)
        elif path.exists():
            yield from read_file(path, defaults)
        else:
            yield to_rejection(str(path), InputError("no such file or folder"))


def read_file(path: Path, defaults: Defaults = Defaults()) -> Iterator[Item]:
    """Yield what one file holds: one document, several (JSONL, WARC) or a rejection."""
    from parley.ingest.warc import is_warc, read_warc

    if is_warc(path):
        yield from read_warc(path, defaults.published_at, defaults.outlet)
        return
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        reason = f"unsupported file type {suffix or '(none)'}; use .txt, .html, .jsonl or .warc"
        yield to_rejection(str(path), InputError(reason))
        return
    try:
        text = _read_text(path)
        if suffix == ".jsonl":
            yield from _read_jsonl(path, text, defaults)
        else:
            yield _read_single(path, text, defaults, html=suffix != ".txt")
    except InputError as e:
        yield to_rejection(str(path), e)


def to_rejection(source: str, err: InputError) -> Rejection:
    """The rejection record for ``err`` raised while reading or normalising ``source``."""
    return Rejection(source=source, stage=err.stage, reason=str(err), at=dt.datetime.now(dt.UTC))


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read the file: {e.strerror or e}") from e
    text = decode_bytes(data)
    if not text.strip():
        raise EmptyInput("empty file: nothing to read")
    return text


def _read_single(path: Path, text: str, defaults: Defaults, html: bool) -> RawDocument:
    meta: dict[str, Any] = {}
    if not html:
        header, text = split_header(text)
        meta = coerce_metadata(header, f"{path.name} header")
    for key, value in read_sidecar(path).items():
        meta.setdefault(key, value)
    body = {"html": text} if html else {"text": text}
    return RawDocument(source=str(path), **body, **defaults.fill(meta))


def _read_jsonl(path: Path, text: str, defaults: Defaults) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            yield _jsonl_record(line, source, defaults)
        except InputError as e:
            yield to_rejection(source, e)


def _jsonl_record(line: str, source: str, defaults: Defaults) -> RawDocument:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        raise MalformedRecord(f"malformed JSON: {e.msg} (column {e.colno})") from e
    if not isinstance(data, dict):
        raise MalformedRecord(f"expected a JSON object, got {type(data).__name__}")
    body = {k: data[k] for k in ("text", "html") if isinstance(data.get(k), str) and data[k]}
    if not body:
        raise MalformedRecord("no 'text' or 'html' field: each line needs the article itself")
    meta = coerce_metadata(data, "line")
    return RawDocument(source=source, **body, **defaults.fill(meta))


def _walk(folder: Path) -> list[Path]:
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    return [p for p in files if not _is_sidecar(p)]


def _is_sidecar(path: Path) -> bool:
    """Whether ``path`` is the JSON metadata of an article file beside it."""
    if path.suffix.lower() != ".json":
        return False
    stem = path.name.removesuffix(".json").removesuffix(".meta")
    return any(
        path in sidecars_of(article)
        for article in path.parent.glob(f"{stem}.*")
        if article.suffix.lower() in SUPPORTED
    )
