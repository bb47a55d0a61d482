"""Article metadata that travels beside the text: a ``Key: value`` header or a JSON sidecar.

Both give the same fields (title, subtitle, outlet, url, published_at); unknown keys are ignored
so that files written for other tools still load.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from parley.errors import MalformedRecord

__all__ = ["META_FIELDS", "coerce_metadata", "split_header", "read_sidecar", "sidecars_of"]

log = logging.getLogger(__name__)

META_FIELDS = ("title", "subtitle", "outlet", "url", "published_at")
#: Other spellings people use for the same fields, in headers and sidecars.
_SYNONYMS = {"published": "published_at", "date": "published_at", "source_url": "url"}
_BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n")
_HEADER_LINE = re.compile(r"([A-Za-z_ ]{2,20}):[ \t]*(.*)")


def coerce_metadata(data: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Pick the known metadata fields out of ``data``, typed for ``RawDocument``.

    Raises:
        MalformedRecord: a field has the wrong type or the date is not ISO (YYYY-MM-DD).
    """
    out: dict[str, Any] = {}
    for key, value in data.items():
        field = _field_name(key)
        if field not in META_FIELDS or value is None or value == "":
            continue
        if not isinstance(value, str):
            raise MalformedRecord(f"{where}: '{key}' should be a string, got {value!r}")
        out[field] = _date(value, where) if field == "published_at" else value.strip()
    return out


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``Key: value`` block (ended by a blank line) off ``text``.

    The block counts only when every line of it is a known field; otherwise the text is returned
    whole, so an article that opens with "Update: ..." is not mistaken for a header.
    """
    parts = _BLANK_LINE.split(text.lstrip("\ufeff"), maxsplit=1)
    if len(parts) < 2 or not parts[1].strip():
        return {}, text
    head, rest = parts
    fields: dict[str, str] = {}
    for line in head.strip("\r\n").splitlines():
        m = _HEADER_LINE.fullmatch(line.strip())
        if m is None or _field_name(m.group(1)) not in META_FIELDS:
            return {}, text
        fields[_field_name(m.group(1))] = m.group(2).strip()
    return fields, rest


def sidecars_of(path: Path) -> list[Path]:
    """Where a sidecar for ``path`` may be: ``<stem>.meta.json``, then ``<stem>.json``."""
    return [path.with_name(f"{path.stem}.meta.json"), path.with_name(f"{path.stem}.json")]


def read_sidecar(path: Path) -> dict[str, Any]:
    """The metadata in the first usable sidecar of ``path`` (empty if there is none).

    ``<stem>.meta.json`` is meant as metadata, so a broken one is an error. A plain
    ``<stem>.json`` is used only when it holds a JSON object: an empty or invalid one is most
    likely something else (``parley analyze a.txt --json > a.json`` creates an empty ``a.json``
    before Parley runs), so it is ignored with a note in the log.

    Raises:
        MalformedRecord: ``<stem>.meta.json`` is not a JSON object or a field is invalid.
    """
    meta, plain = sidecars_of(path)
    if meta.is_file():
        return coerce_metadata(_json_object(meta), meta.name)
    if plain.is_file() and plain != path:
        try:
            data = _json_object(plain)
        except MalformedRecord as e:
            log.warning("%s ignored as metadata: %s; name metadata %s", plain, e, meta.name)
            return {}
        return coerce_metadata(data, plain.name)
    return {}


def _json_object(sidecar: Path) -> dict[str, Any]:
    try:
        data = json.loads(sidecar.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise MalformedRecord(f"metadata file {sidecar.name} cannot be read: {e}") from e
    if not isinstance(data, dict):
        raise MalformedRecord(f"metadata file {sidecar.name} must hold a JSON object")
    return data


def _field_name(key: str) -> str:
    key = key.strip().lower().replace(" ", "_").replace("-", "_")
    return _SYNONYMS.get(key, key)


def _date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as e:
        raise MalformedRecord(
            f"{where}: published_at {value!r} is not a date; write it as YYYY-MM-DD"
        ) from e
