"""Hostile and odd input at the ingest edge: every kind is turned away with a reason (or read
correctly), nothing hangs, and a huge input is refused before it is decoded."""

from __future__ import annotations

import json
import os
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parley.errors import EmptyInput
from parley.ingest import read_sources
from parley.models import RawDocument, Rejection
from parley.normalize import normalize
from parley.normalize.html import DEEP_NESTING, extract_html
from parley.settings import load_settings

BODY = "Delegations met in Vienna on Monday and agreed to talk again before the summer.\n"
Item = RawDocument | Rejection


def read_within(paths: list[Path], **kwargs: Any) -> list[Item]:
    """``read_sources`` run in a thread that must finish: a hang fails the test, not the suite."""
    out: list[Item] = []
    worker = threading.Thread(target=lambda: out.extend(read_sources(paths, **kwargs)))
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "reading hung"
    return out


def reasons(items: list[Item]) -> dict[str, str]:
    return {Path(i.source).name: i.reason for i in items if isinstance(i, Rejection)}


def test_a_fifo_given_as_a_path_is_rejected_without_opening_it(tmp_path: Path) -> None:
    pipe = tmp_path / "feed.txt"
    os.mkfifo(pipe)
    [item] = read_within([pipe])
    assert isinstance(item, Rejection) and "named pipe" in item.reason


def test_a_fifo_inside_a_folder_is_rejected_and_the_rest_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a-pipe.txt")
    (tmp_path / "b.txt").write_text(BODY, "utf-8")
    items = read_within([tmp_path])
    assert [i.source for i in items if isinstance(i, RawDocument)] == [str(tmp_path / "b.txt")]
    assert "named pipe" in reasons(items)["a-pipe.txt"]


@pytest.mark.parametrize("inside_folder", [False, True])
def test_a_symlink_loop_is_reported_as_a_loop(tmp_path: Path, inside_folder: bool) -> None:
    (tmp_path / "one.txt").symlink_to(tmp_path / "two.txt")
    (tmp_path / "two.txt").symlink_to(tmp_path / "one.txt")
    items = read_within([tmp_path] if inside_folder else [tmp_path / "one.txt"])
    assert "symbolic link loop" in reasons(items)["one.txt"]
    assert "no such file" not in reasons(items)["one.txt"]


def test_links_to_nothing_and_to_folders_are_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)  # would walk for ever if followed
    found = reasons(read_within([tmp_path]))
    assert "link to nothing" in found["gone.txt"]
    assert "not followed" in found["loop"]


@pytest.mark.parametrize("text", ["...!!! ??? ---", "— • * & % $ # @ ! ~ | ;;;", "¡¿«»"])
def test_punctuation_only_text_is_rejected(kb: Any, text: str) -> None:
    with pytest.raises(EmptyInput, match="only punctuation"):
        normalize(RawDocument(source="marks.txt", text=text), kb)


def test_deeply_nested_markup_still_yields_its_text() -> None:
    depth = 5 * DEEP_NESTING
    sentences = " ".join(f"Envoy number {i} arrived in Oslo for the talks." for i in range(40))
    page = f"<html><body>{'<div>' * depth}<p>{sentences}</p>{'</div>' * depth}</body></html>"
    assert "Envoy number 39 arrived in Oslo" in extract_html(page).text


def test_a_script_only_page_is_still_refused() -> None:
    with pytest.raises(EmptyInput, match="no article text"):
        extract_html("<html><body><script>var talks = 1;</script></body></html>")


@pytest.mark.parametrize("content", ["", "not json", "[1, 2]"])
def test_a_plain_json_file_that_is_not_metadata_is_ignored(tmp_path: Path, content: str) -> None:
    # `parley analyze a.txt --json > a.json`: the shell creates a.json (empty) first.
    (tmp_path / "a.txt").write_text(BODY, "utf-8")
    (tmp_path / "a.json").write_text(content, "utf-8")
    for paths in ([tmp_path / "a.txt"], [tmp_path]):
        [item] = read_within(paths)
        assert isinstance(item, RawDocument) and item.text == BODY


def test_a_broken_meta_json_sidecar_still_rejects_its_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, "utf-8")
    (tmp_path / "a.meta.json").write_text("", "utf-8")
    [item] = read_within([tmp_path / "a.txt"])
    assert isinstance(item, Rejection) and "a.meta.json" in item.reason


def test_nul_escapes_in_jsonl_fields_do_not_reject_the_record(tmp_path: Path) -> None:
    record = {"text": BODY, "title": "Talks\u0000", "outlet": "Wire\u0000", "url": "u\u0000"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    [item] = read_within([tmp_path / "a.jsonl"])
    assert isinstance(item, RawDocument) and item.title == "Talks\u0000"


# -- size ------------------------------------------------------------------------------------


def peak_bytes(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_50_mb_file_is_refused_unread_with_bounded_memory(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        for _ in range(50):
            f.write(BODY.encode() * (1_000_000 // len(BODY) + 1))
    items: list[Item] = []
    peak = peak_bytes(lambda: items.extend(read_sources([huge])))
    [item] = items
    assert isinstance(item, Rejection) and item.reason.startswith("too large")
    assert "200,000 characters" in item.reason and "PARLEY_MAX_ARTICLE_CHARS" in item.reason
    assert peak < 4 * 200_000 + 2_000_000  # at most the limit in bytes is ever read


def test_a_990k_character_article_is_refused_in_txt_and_jsonl(tmp_path: Path) -> None:
    text = ("Talks went on. " * 70_000)[:990_000]
    (tmp_path / "long.txt").write_text(text, "utf-8")
    lines = [json.dumps({"text": text}), json.dumps({"text": BODY})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    items = read_within([tmp_path])
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert len(rejected) == 2 and all("too large" in r.reason for r in rejected)
    assert [i.text for i in items if isinstance(i, RawDocument)] == [BODY]


def test_one_over_long_jsonl_line_is_read_with_bounded_memory(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "x " * 3_000_000}) + "\n" + json.dumps({"text": BODY}))
    items: list[Item] = []
    peak = peak_bytes(lambda: items.extend(read_sources([feed], max_chars=1000)))
    assert [type(i) for i in items] == [Rejection, RawDocument]
    assert peak < 1_000_000


def test_non_ascii_text_under_the_limit_in_characters_is_accepted(tmp_path: Path) -> None:
    text = "Переговоры " * 50  # 550 characters, 1,050 bytes
    (tmp_path / "ru.txt").write_text(text, "utf-8")
    [item] = read_within([tmp_path / "ru.txt"], max_chars=600)
    assert isinstance(item, RawDocument)
    [item] = read_within([tmp_path / "ru.txt"], max_chars=500)
    assert isinstance(item, Rejection) and "550 characters" in item.reason


def test_the_limit_comes_from_settings_and_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert load_settings(tmp_path / "none.toml").max_article_chars == 200_000
    monkeypatch.setenv("PARLEY_MAX_ARTICLE_CHARS", "5000")
    assert load_settings(tmp_path / "none.toml").max_article_chars == 5000
    toml = tmp_path / "parley.toml"
    toml.write_text("[parley]\nmax_article_chars = 1234\n", "utf-8")
    monkeypatch.delenv("PARLEY_MAX_ARTICLE_CHARS")
    assert load_settings(toml).max_article_chars == 1234
