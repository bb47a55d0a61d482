"""Hostile input, one class at a time: what Parley does with it, and the time and memory it takes.

Each ingest case is prepared in a scratch folder and run in a fresh Python process, which reads
it with :func:`parley.ingest.read_sources` and normalises what is read (what ``parley ingest``
does before analysis), then reports the outcome, the wall time of that work and the process's
peak of the memory Python allocated for that work (``tracemalloc``; the process itself holds
about 110 MB of imports and the normaliser's name index before it starts). The timings include
tracemalloc's overhead. The API cases
run in-process against an empty store through the ASGI app. The table is Markdown, ready for the
README. Not run by the tests. Usage::

    python bench/hostile.py [--only NAME]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

BODY = "Delegations met in Vienna on Monday and agreed to talk again before the summer.\n"
NUL = "\x00"


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, "utf-8")
    return path


def _big(folder: Path, name: str, megabytes: int) -> Path:
    path = folder / name
    with path.open("wb") as f:
        for _ in range(megabytes):
            f.write(BODY.encode() * (1_000_000 // len(BODY) + 1))
    return path


def _fifo(folder: Path, inside: bool) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder if inside else folder / "pipe.txt"


def _loop(folder: Path) -> Path:
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    return folder / "loop.txt"


def _sidecar(folder: Path) -> Path:
    _write(folder, "a.json", "")
    return _write(folder, "a.txt", BODY)


def _deep(folder: Path) -> Path:
    text = "".join(f"<p>Envoy {i} arrived in Oslo for the talks.</p>" for i in range(30))
    return _write(folder, "deep.html", f"<html><body>{'<div>' * 2000}{text}</body></html>")


def _jsonl_nul(folder: Path) -> Path:
    record = {"text": BODY, "title": f"T{NUL}", "outlet": f"O{NUL}", "url": f"u{NUL}"}
    return _write(folder, "feed.jsonl", json.dumps(record) + "\n")


def _jsonl_long_line(folder: Path) -> Path:
    path = folder / "feed.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write('{"text": "')
        for _ in range(50):
            f.write("Talks went on. " * 66_667)
        f.write('"}\n' + json.dumps({"text": BODY}) + "\n")
    return path


#: name → (what it is, how to make it in a scratch folder)
INGEST: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "empty": ("empty file", lambda d: _write(d, "e.txt", "")),
    "binary": ("PNG image named .txt", lambda d: _write(d, "p.txt", b"\x89PNG\r\n" + bytes(512))),
    "nul-bytes": ("text with NUL bytes", lambda d: _write(d, "n.txt", b"Talks\x00 went on\x00")),
    "random": ("random bytes", lambda d: _write(d, "r.txt", os.urandom(4096))),
    "unsupported": ("unsupported extension", lambda d: _write(d, "x.docx", BODY)),
    "fifo": ("FIFO given as a path", lambda d: _fifo(d, inside=False)),
    "fifo-in-folder": ("FIFO inside a folder", lambda d: _fifo(d, inside=True)),
    "symlink-loop": ("symbolic link loop", _loop),
    "broken-link": ("link to nothing", lambda d: _link_to_nothing(d)),
    "punctuation": ("punctuation only", lambda d: _write(d, "m.txt", "!!! ??? ... --- ***")),
    "deep-markup": ("HTML nested 2,000 deep", _deep),
    "script-only": ("script-only HTML", lambda d: _write(d, "s.html", "<script>x=1</script>")),
    "empty-sidecar": ("empty a.json beside a.txt", _sidecar),
    "jsonl-nul": ("JSONL record with NUL in title/outlet/url", _jsonl_nul),
    "jsonl-malformed": ("malformed JSONL line", lambda d: _write(d, "f.jsonl", "{broken\n")),
    "50mb-file": ("50 MB text file", lambda d: _big(d, "big.txt", 50)),
    "990k-article": ("990,000-character article", lambda d: _big_text(d, 990_000)),
    "50mb-jsonl-line": ("JSONL file with one 50 MB line", _jsonl_long_line),
    "200k-article": ("200,000-character article (at the limit)", lambda d: _big_text(d, 200_000)),
}


def _link_to_nothing(folder: Path) -> Path:
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    return folder / "gone.txt"


def _big_text(folder: Path, chars: int) -> Path:
    text = ("Talks went on in Vienna. " * (chars // 25 + 1))[:chars]
    return _write(folder, "long.txt", text)


def run_case(name: str) -> dict[str, Any]:
    """Run one ingest case in this process (called in a fresh child); the time is the reading
    and normalising of this input alone."""
    from parley.errors import InputError
    from parley.ingest import read_sources, to_rejection
    from parley.kb import load_kb
    from parley.models import Rejection
    from parley.normalize import normalize, normalizer_for

    kb = load_kb()
    normalizer_for(kb)  # built once per process (the name index); not part of any one input
    with tempfile.TemporaryDirectory() as scratch:
        path = INGEST[name][1](Path(scratch))
        tracemalloc.start()
        start = time.perf_counter()
        outcomes = []
        for item in read_sources([path]):
            if not isinstance(item, Rejection):
                try:
                    article = normalize(item, kb)
                    outcomes.append(f"read ({len(article.text):,} chars)")
                    continue
                except InputError as e:
                    item = to_rejection(item.source, e)
            outcomes.append(f"rejected: {item.reason}")
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        outcome = "; ".join(outcomes).replace(f"{path.parent}/", "")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"outcome": outcome, "seconds": seconds, "peak_mb": peak, "rss_mb": rss}


def api_cases() -> list[tuple[str, str, float]]:
    """(case, status and message, seconds) for the API cases, on an empty SQLite store."""
    from fastapi.testclient import TestClient

    from parley.serve import create_app
    from parley.store import open_store

    cases: list[tuple[str, str, dict[str, Any]]] = [
        ("forged cursor (huge integers)", "/api/v1/events", {"cursor": "WzFlOTk5LDIsM10"}),
        ("min_sources = 2^64", "/api/v1/stories", {"min_sources": str(2**64)}),
        ("%00 in q", "/api/v1/search", {"q": "Iran\x00"}),
        ("50,000-character actor", "/api/v1/events", {"actor": "x" * 50_000}),
    ]
    out = []
    with tempfile.TemporaryDirectory() as scratch:
        store = open_store(str(Path(scratch) / "p.db"))
        with TestClient(create_app(store, token="t")) as client:
            for label, path, params in cases:
                start = time.perf_counter()
                r = client.get(path, params=params)
                out.append((label, f"{r.status_code}: {r.json()['error']}", _since(start)))
            headers = {"Authorization": "Bearer t", "Content-Length": str(100_000_000)}
            start = time.perf_counter()
            r = client.post("/api/v1/articles", content=b"x" * 100_000_000, headers=headers)
            out.append(("100 MB POST", f"{r.status_code}: {r.json()['error']}", _since(start)))
        store.close()
    return out


def _since(start: float) -> float:
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only this case")
    parser.add_argument("--case", help=argparse.SUPPRESS)  # internal: run one case, print JSON
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return
    print("| input | what Parley does | time | peak memory (Python) |")
    print("|---|---|---|---|")
    for name, (label, _) in INGEST.items():
        if args.only and name != args.only:
            continue
        child = [sys.executable, __file__, "--case", name]
        done = subprocess.run(child, capture_output=True, text=True, timeout=600, check=True)
        r = json.loads(done.stdout)
        print(f"| {label} | {r['outcome']} | {r['seconds']:.3f} s | {r['peak_mb']:.1f} MB |")
    if not args.only:
        for label, outcome, seconds in api_cases():
            print(f"| API: {label} | {outcome} | {seconds:.3f} s | (server process) |")


if __name__ == "__main__":
    main()
