"""WARC archives: the demo corpus packed as a WARC.gz ingests to the same records as the files;
other records are skipped; a re-run resumes without storing anything twice."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from parley import batch
from parley.ingest import read_sources
from parley.models import RawDocument, Rejection
from parley.store import Store, open_store

DEMO = Path(__file__).resolve().parents[1] / "src" / "parley" / "demo" / "articles"


def _http(status: str, kind: str) -> object:
    from warcio.statusandheaders import StatusAndHeaders

    return StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")


def write_warc(path: Path, files: list[Path], extras: bool = True) -> None:
    """Each file as an HTTP 200 text/plain response record, the way a crawler would keep it;
    with ``extras``, also a request record, a 404 and an image, which must be skipped."""
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for i, file in enumerate(files):
            uri = f"https://archive.example/{file.name}"
            if extras and i == 1:
                req = writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
                )
                writer.write_record(req)
                gone = _http("404 Not Found", "text/html")
                writer.write_record(
                    writer.create_warc_record(
                        uri + "/gone",
                        "response",
                        payload=io.BytesIO(b"<p>gone</p>"),
                        http_headers=gone,
                    )
                )
                img = _http("200 OK", "image/png")
                writer.write_record(
                    writer.create_warc_record(
                        uri + ".png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=img
                    )
                )
            ok = _http("200 OK", "text/plain; charset=utf-8")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(file.read_bytes()), http_headers=ok
            )
            writer.write_record(record)


def _records(store: Store) -> dict[str, dict[str, object]]:
    out = {}
    for art in store.articles(limit=None):
        data = store.analysis(art.id).to_json(with_text=True)
        data["article"].pop("source")
        data["article"].pop("fetched_at")
        out[art.id] = data
    return out


def test_a_warc_yields_the_articles_and_skips_everything_else(tmp_path: Path) -> None:
    files = sorted(DEMO.glob("*.txt"))[:3]
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, files)
    items = list(read_sources([warc]))
    assert all(isinstance(i, RawDocument) for i in items) and len(items) == 3
    first = items[0]
    assert isinstance(first, RawDocument)
    assert first.url and first.url.startswith("https://example.org/")  # the header's URL wins
    assert first.title and first.published_at and first.source.startswith(f"{warc}#")


def test_a_broken_warc_is_a_rejection(tmp_path: Path) -> None:
    warc = tmp_path / "broken.warc"
    warc.write_bytes(b"this is not a web archive at all\r\n\r\n")
    (item,) = list(read_sources([warc]))
    assert isinstance(item, Rejection) and "WARC" in item.reason


@pytest.mark.model
@pytest.mark.timeout(300)
def test_the_demo_corpus_as_a_warc_ingests_to_the_same_records_as_the_files(
    tmp_path: Path, pipeline
) -> None:  # type: ignore[no-untyped-def]
    warc = tmp_path / "demo.warc.gz"
    write_warc(warc, sorted(DEMO.glob("*.txt")))
    with (
        open_store(str(tmp_path / "files.db")) as files,
        open_store(str(tmp_path / "warc.db")) as arc,
    ):
        batch.ingest([DEMO], files, pipeline, progress=False)
        report = batch.ingest([warc], arc, pipeline, progress=False)
        assert (report.new, report.rejected) == (14, 0)
        assert _records(arc) == _records(files)
        assert arc.tracks() == files.tracks() and arc.agreements() == files.agreements()
        # Run again (as after an interruption): everything is recognised, nothing is stored twice.
        again = batch.ingest([warc], arc, pipeline, progress=False)
        assert (again.new, again.skipped) == (0, 14)
