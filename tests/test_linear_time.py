"""Analysis time grows linearly with the article's length (issue 10, point 5).

A per-match lookup that reads the whole document (``Doc.text``, ``Doc.ents``, every sentence)
makes analysis quadratic: 200,000 characters took 22 s. The one timing test the project allows
is a ratio measured inside one run, so machine load mostly cancels out: ten times the text may
take at most twenty times as long. Linear code measures 11–13x on an idle machine and up to 17x
on a machine busy with other work (longer runs lose more to shared caches); the quadratic
lookups this guards against measured about 100x.
"""

from __future__ import annotations

import time
from importlib import resources
from typing import Any

import pytest

from parley.models import RawDocument


def _body(n: int) -> str:
    """``n`` characters (to a paragraph end) of the demo corpus's article bodies, repeated."""
    folder = resources.files("parley") / "demo" / "articles"
    bodies = [
        item.read_text("utf-8").split("\n\n", 1)[-1]
        for item in sorted(folder.iterdir(), key=lambda p: p.name)
        if item.name.endswith(".txt")
    ]
    text = "\n\n".join(bodies)
    text = (text * (n // len(text) + 1))[:n]
    return text[: text.rfind("\n")]


def _cpu_seconds(pipeline: Any, n: int) -> float:
    article = pipeline.normalize(RawDocument(source=f"long-{n}.txt", text=_body(n)))
    start = time.process_time()
    pipeline.analyze(article)
    return time.process_time() - start


@pytest.mark.model
def test_ten_times_the_text_takes_less_than_twenty_times_as_long(pipeline: Any) -> None:
    _cpu_seconds(pipeline, 5_000)  # warm-up: lazy tables, first-use caches
    short = min(_cpu_seconds(pipeline, 10_000) for _ in range(2))
    long = min(_cpu_seconds(pipeline, 100_000) for _ in range(2))
    assert long / short < 20, f"10k chars {short:.2f} s, 100k chars {long:.2f} s"
