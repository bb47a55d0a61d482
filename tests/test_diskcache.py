"""The start-up cache (:mod:`parley.knowledge.diskcache`): an entry is read back only when its
key and its checksum match; a stale, damaged or unreadable entry is rebuilt, never trusted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.knowledge.diskcache import cached_json, fingerprint


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path))
    return tmp_path


def _cached(key: str, value: dict[str, int], built: list[int]) -> dict[str, int]:
    def build() -> dict[str, int]:
        built.append(1)
        return value

    return cached_json("table", key, build, dict, dict)


def test_an_entry_is_built_once_then_read(folder: Path) -> None:
    built: list[int] = []
    key = fingerprint(["table", "v1"])
    assert _cached(key, {"a": 1}, built) == {"a": 1}
    assert _cached(key, {"a": 2}, built) == {"a": 1}, "read back, not rebuilt"
    assert len(built) == 1


def test_a_changed_input_makes_a_new_entry(folder: Path) -> None:
    built: list[int] = []
    _cached(fingerprint(["table", "v1"]), {"a": 1}, built)
    assert _cached(fingerprint(["table", "v2"]), {"a": 2}, built) == {"a": 2}
    assert len(built) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: raw.replace(b'"a":1', b'"a":7'),  # valid JSON, wrong value
        lambda raw: raw.partition(b"\n")[2],  # no checksum line (an entry of before)
        lambda raw: b"",
    ],
)
def test_a_damaged_entry_is_rebuilt_and_rewritten(folder: Path, damage) -> None:  # type: ignore[no-untyped-def]
    built: list[int] = []
    key = fingerprint(["table", "v1"])
    _cached(key, {"a": 1}, built)
    [entry] = folder.glob("table-*.json")
    entry.write_bytes(damage(entry.read_bytes()))
    assert _cached(key, {"a": 1}, built) == {"a": 1}
    assert len(built) == 2
    assert json.loads(entry.read_bytes().partition(b"\n")[2]) == {"a": 1}
    assert _cached(key, {"a": 1}, built) == {"a": 1} and len(built) == 2
