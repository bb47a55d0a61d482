"""Reading articles from files and folders: ``.txt``, ``.html``/``.htm`` and ``.jsonl``.

Every input ends up as either a :class:`~parley.models.RawDocument` or a
:class:`~parley.models.Rejection` saying why not; nothing is skipped silently except hidden files
and the JSON sidecars that belong to an article file. HTML is passed on as HTML: the text is
extracted during normalisation (:mod:`parley.normalize.html`).
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import json
import logging
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from parley.errors import EmptyInput, InputError, MalformedRecord, TooLarge
from parley.ingest.decode import decode_bytes
from parley.ingest.metadata import coerce_metadata, read_sidecar, sidecars_of, split_header
from parley.models import RawDocument, Rejection

__all__ = [
    "read_sources",
    "read_file",
    "to_rejection",
    "Defaults",
    "SUPPORTED",
    "DEFAULT_MAX_CHARS",
]

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".html", ".htm", ".jsonl")
#: The default of ``Settings.max_article_chars``: generous for real news (a long feature is
#: 30,000 characters), small enough that analysis stays in seconds and memory in megabytes.
DEFAULT_MAX_CHARS = 200_000
#: The most bytes one character can take (UTF-8 and UTF-32), to refuse a file by its size.
MAX_BYTES_PER_CHAR = 4

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
    paths: Sequence[Path],
    published_at: dt.date | None = None,
    outlet: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Item]:
    """Yield a raw document or a rejection for every article in ``paths``, in a stable order.

    Folders are walked recursively in sorted order; hidden files and sidecars are skipped.
    Anything that is not a regular file (a named pipe, a socket, a device, a symlink loop) is
    rejected by looking at it, never opened, so no input can make the run wait. Articles longer
    than ``max_chars`` characters are rejected before their bytes are decoded.
    """
    defaults = Defaults(published_at=published_at, outlet=outlet)
    for path in paths:
        path = Path(path)
        kind = _kind(path)
        if kind == "folder":
            for file, file_kind in _walk(path):
                yield from _read_kind(file, file_kind, defaults, max_chars)
        else:
            yield from _read_kind(path, kind, defaults, max_chars)


def read_file(
    path: Path, defaults: Defaults = Defaults(), max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Item]:
    """Yield what one file holds: one document, several (JSONL, WARC) or a rejection."""
    yield from _read_kind(path, _kind(path), defaults, max_chars)


def _read_kind(path: Path, kind: str, defaults: Defaults, max_chars: int) -> Iterator[Item]:
    from parley.ingest.warc import is_warc, read_warc

    if kind != "file":
        yield to_rejection(str(path), InputError(_NOT_A_FILE.get(kind, kind)))
        return
    if is_warc(path):
        yield from read_warc(path, defaults.published_at, defaults.outlet)
        return
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        reason = f"unsupported file type {suffix or '(none)'}; use .txt, .html, .jsonl or .warc"
        yield to_rejection(str(path), InputError(reason))
        return
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path, defaults, max_chars)
        else:
            text = _read_text(path, max_chars)
            yield _read_single(path, text, defaults, html=suffix != ".txt")
    except InputError as e:
        yield to_rejection(str(path), e)


#: Why a path that is not a regular file or folder is not read.
_NOT_A_FILE = {
    "missing": "no such file or folder",
    "broken link": "a symbolic link to nothing (its target does not exist)",
    "link loop": "a symbolic link loop (the link leads back to itself); nothing to read",
    "fifo": "a named pipe (FIFO), not a file: not read, so the run cannot hang on it",
    "socket": "a socket, not a file: not read",
    "device": "a device, not a file: not read",
    "unreadable": "cannot be examined (permission denied?)",
    "link to folder": "a symbolic link to a folder inside a folder: not followed; give the "
    "folder itself",
}


def _kind(path: Path) -> str:
    """What ``path`` is, found with ``stat`` alone (opening a FIFO would block)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "link loop"
        if e.errno == errno.ENOENT:
            return "broken link" if os.path.islink(path) else "missing"
        return "unreadable"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def to_rejection(source: str, err: InputError) -> Rejection:
    """The rejection record for ``err`` raised while reading or normalising ``source``."""
    return Rejection(source=source, stage=err.stage, reason=str(err), at=dt.datetime.now(dt.UTC))


def _too_large(size: str, max_chars: int) -> TooLarge:
    return TooLarge(
        f"too large: {size}; the limit is {max_chars:,} characters per article "
        f"(set max_article_chars in parley.toml or PARLEY_MAX_ARTICLE_CHARS)"
    )


def _read_text(path: Path, max_chars: int) -> str:
    """The decoded text of ``path``; over-long files are refused by size, before decoding.

    A character takes at most four bytes, so a file over ``4 * max_chars`` bytes is refused
    unread, and no more than that is ever read into memory.
    """
    limit = MAX_BYTES_PER_CHAR * max_chars
    try:
        with path.open("rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise InputError(f"cannot read the file: {e.strerror or e}") from e
    if len(data) > limit:
        raise _too_large(f"{path.stat().st_size:,} bytes", max_chars)
    text = decode_bytes(data)
    if not text.strip():
        raise EmptyInput("empty file: nothing to read")
    if len(text) > max_chars:
        raise _too_large(f"{len(text):,} characters", max_chars)
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


def _read_jsonl(path: Path, defaults: Defaults, max_chars: int) -> Iterator[Item]:
    """One item per line, read as a stream: a huge file is fine, a huge line is refused."""
    limit = MAX_BYTES_PER_CHAR * max_chars
    try:
        f = path.open("rb")
    except OSError as e:
        raise InputError(f"cannot read the file: {e.strerror or e}") from e
    with f:
        for number, line in enumerate(_lines(f, limit), start=1):
            source = f"{path}:{number}"
            if line is None:
                yield to_rejection(source, _too_large(f"a line over {limit:,} bytes", max_chars))
                continue
            if not line.strip():
                continue
            try:
                yield _jsonl_record(_decode_line(line, number), source, defaults, max_chars)
            except InputError as e:
                yield to_rejection(source, e)


def _lines(f: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of ``f``, each read with at most ``limit`` bytes in memory; None stands for a
    line that was longer (the rest of it is skipped)."""
    while line := f.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := f.readline(limit)) and not rest.endswith(b"\n"):
            pass
        yield None


def _decode_line(line: bytes, number: int) -> str:
    if number == 1:
        line = line.removeprefix(codecs.BOM_UTF8)
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(line)


def _jsonl_record(line: str, source: str, defaults: Defaults, max_chars: int) -> RawDocument:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        raise MalformedRecord(f"malformed JSON: {e.msg} (column {e.colno})") from e
    if not isinstance(data, dict):
        raise MalformedRecord(f"expected a JSON object, got {type(data).__name__}")
    body = {k: data[k] for k in ("text", "html") if isinstance(data.get(k), str) and data[k]}
    if not body:
        raise MalformedRecord("no 'text' or 'html' field: each line needs the article itself")
    longest = max(len(v) for v in body.values())
    if longest > max_chars:
        raise _too_large(f"{longest:,} characters", max_chars)
    meta = coerce_metadata(data, "line")
    return RawDocument(source=source, **body, **defaults.fill(meta))


def _walk(folder: Path) -> list[tuple[Path, str]]:
    """Every entry under ``folder`` with its kind, sorted; hidden entries and sidecars left
    out, symbolic links to folders not followed (a loop could never end)."""
    found: list[tuple[Path, str]] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and not _note_link(root, d, found)]
        for name in names:
            if not name.startswith("."):
                path = Path(root, name)
                found.append((path, _kind(path)))
    found.sort()
    return [(p, k) for p, k in found if not (k == "file" and _is_sidecar(p))]


def _note_link(root: str, name: str, found: list[tuple[Path, str]]) -> bool:
    """Whether the sub-folder ``name`` is a link (recorded as such instead of walked)."""
    path = Path(root, name)
    if path.is_symlink():
        found.append((path, "link to folder"))
        return True
    return False


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
