"""Ingest: files and folders → raw documents, or rejections that say why."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from parley.errors import BinaryInput, EmptyInput, UndecodableInput, UnsupportedLanguage
from parley.ingest import decode_bytes, read_sources, to_rejection
from parley.models import RawDocument, Rejection

BAD = Path(__file__).parent / "fixtures" / "bad_inputs"
RUSSIAN = "Переговоры возобновились во вторник в Женеве."
BODY = "Delegations met in Vienna on Monday and agreed to talk again before the summer.\n"


def only(path: Path, **defaults: object) -> RawDocument | Rejection:
    [item] = list(read_sources([path], **defaults))  # type: ignore[arg-type]
    return item


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file"),
        ("image.txt", "looks like a binary file (PNG image)"),
        ("nul-bytes.txt", "looks like a binary file (it contains NUL bytes)"),
        ("random-bytes.txt", "cannot decode as text: not UTF-8 and no confident guess"),
        ("notes.xyz", "unsupported file type .xyz; use .txt, .html or .jsonl"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(name: str, reason: str) -> None:
    item = only(BAD / name)
    assert isinstance(item, Rejection)
    assert item.source == str(BAD / name) and item.stage == "ingest"
    words = reason.replace("(", " ").replace(")", " ").split()
    assert all(w in item.reason for w in words), item.reason
    assert item.at.tzinfo is not None


def test_legacy_western_encoding_is_decoded() -> None:
    item = only(BAD / "western-legacy.txt")
    assert isinstance(item, RawDocument)
    assert item.text is not None and "café" in item.text and "crème brûlée" in item.text


@pytest.mark.parametrize(
    "data, text",
    [
        ("\ufeffTalks resumed.".encode(), "Talks resumed."),
        ("Talks resumed in Zürich.".encode("utf-16"), "Talks resumed in Zürich."),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
    ],
)
def test_decoding(data: bytes, text: str) -> None:
    assert decode_bytes(data) == text


@pytest.mark.parametrize(
    "data, error",
    [
        (b"", EmptyInput),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", BinaryInput),
        (bytes(range(1, 32)) * 20, BinaryInput),
        (bytes([0xFF, 0xFE, 0x00, 0xD8]), UndecodableInput),  # UTF-16 BOM, then a lone surrogate
    ],
)
def test_decoding_failures(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        decode_bytes(data)


def test_french_file_is_read_and_left_to_normalisation() -> None:
    item = only(BAD / "french.txt")
    assert isinstance(item, RawDocument)  # language is judged when normalising, not here


def test_jsonl_good_lines_survive_a_malformed_one() -> None:
    items = list(read_sources([BAD / "mixed.jsonl"]))
    by_line = {item.source.rsplit(":", 1)[1]: item for item in items}
    assert sorted(by_line) == ["1", "2", "4", "5", "6"]  # line 3 is blank
    first = by_line["1"]
    assert isinstance(first, RawDocument)
    assert (first.title, first.outlet, first.url) == (
        "Envoys meet in Vienna",
        "The Daily Ledger",
        "https://ledger.example/vienna",
    )
    assert first.published_at == dt.date(2026, 1, 12)
    html_line = by_line["4"]
    assert isinstance(html_line, RawDocument) and html_line.html and html_line.text is None
    reasons = {n: item.reason for n, item in by_line.items() if isinstance(item, Rejection)}
    assert reasons["2"].startswith("malformed JSON: Expecting ',' delimiter (column")
    assert "no 'text' or 'html' field" in reasons["5"]
    assert "expected a JSON object" in reasons["6"]


def test_jsonl_bad_date_rejects_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [{"text": BODY, "published_at": "last Tuesday"}, {"text": BODY}]
    path.write_text("\n".join(json.dumps(line) for line in lines), "utf-8")
    bad, good = read_sources([path])
    assert isinstance(bad, Rejection) and "YYYY-MM-DD" in bad.reason
    assert isinstance(good, RawDocument)


def test_txt_metadata_header(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    header = (
        "Title: Envoys meet\nOutlet: The Ledger\nPublished: 2026-02-05\nURL: https://x.example/a"
    )
    path.write_text(f"{header}\n\n{BODY}", "utf-8")
    item = only(path)
    assert isinstance(item, RawDocument)
    assert (item.title, item.outlet, item.url) == (
        "Envoys meet",
        "The Ledger",
        "https://x.example/a",
    )
    assert item.published_at == dt.date(2026, 2, 5)
    assert item.text == BODY


def test_an_opening_that_only_looks_like_a_header_is_text(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    text = f"Update: the talks were postponed.\n\n{BODY}"
    path.write_text(text, "utf-8")
    item = only(path)
    assert isinstance(item, RawDocument) and item.text == text and item.title is None


@pytest.mark.parametrize("sidecar", ["talks.meta.json", "talks.json"])
def test_sidecar_metadata(tmp_path: Path, sidecar: str) -> None:
    (tmp_path / "talks.txt").write_text(BODY, "utf-8")
    meta = {"title": "Envoys meet", "outlet": "The Ledger", "published_at": "2026-02-05"}
    (tmp_path / sidecar).write_text(json.dumps(meta), "utf-8")
    [item] = list(read_sources([tmp_path]))  # the sidecar itself is not an input
    assert isinstance(item, RawDocument)
    assert (item.title, item.outlet, item.published_at) == (
        "Envoys meet",
        "The Ledger",
        dt.date(2026, 2, 5),
    )


def test_broken_sidecar_rejects_its_article(tmp_path: Path) -> None:
    (tmp_path / "talks.txt").write_text(BODY, "utf-8")
    (tmp_path / "talks.meta.json").write_text("{not json", "utf-8")
    item = only(tmp_path / "talks.txt")
    assert isinstance(item, Rejection) and "talks.meta.json" in item.reason


def test_defaults_fill_only_missing_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Outlet: Own outlet\n\n{BODY}", "utf-8")
    (tmp_path / "b.txt").write_text(BODY, "utf-8")
    day = dt.date(2026, 2, 5)
    a, b = read_sources([tmp_path], published_at=day, outlet="Default outlet")
    assert isinstance(a, RawDocument) and isinstance(b, RawDocument)
    assert (a.outlet, a.published_at) == ("Own outlet", day)
    assert (b.outlet, b.published_at) == ("Default outlet", day)


def test_folders_are_walked_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b/2.txt", "a.html", "b/1.txt", ".hidden/x.txt", ".DS_Store", "c.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<p>{BODY}</p>" if name.endswith(".html") else BODY, "utf-8")
    sources = [
        Path(item.source).relative_to(tmp_path).as_posix() for item in read_sources([tmp_path])
    ]
    assert sources == ["a.html", "b/1.txt", "b/2.txt", "c.txt"]
    assert [i.source for i in read_sources([tmp_path])] == [
        i.source for i in read_sources([tmp_path])
    ]


def test_html_files_are_passed_on_as_html() -> None:
    item = only(Path(__file__).parent / "fixtures" / "envoys.html")
    assert isinstance(item, RawDocument) and item.html and item.text is None


def test_missing_path_is_a_rejection(tmp_path: Path) -> None:
    item = only(tmp_path / "nowhere.txt")
    assert isinstance(item, Rejection) and item.reason == "no such file or folder"


def test_to_rejection_keeps_the_stage_of_the_error() -> None:
    rejection = to_rejection("a.txt:3", UnsupportedLanguage("Article is in French (fr)"))
    assert (rejection.source, rejection.stage, rejection.reason) == (
        "a.txt:3",
        "normalize",
        "Article is in French (fr)",
    )
