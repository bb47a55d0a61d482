"""The analyst's brief: where the talks stand, what changed, positions, agreements, citations.

Built from hand-made analyses (tests/negotiation_corpus.py) saved in a SQLite store; one
position carries hostile markup, which must come out escaped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from negotiation_corpus import ARMS, TALKS, corpus
from parley.brief import build_brief, render_html, render_markdown, write_brief
from parley.resolve import refresh_resolved
from parley.store import Store, open_store

HOSTILE = ' <script>alert("x")</script> <img src=x onerror=alert(1)>'


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "parley.db")) as s:
        for analysis in corpus(hostile=HOSTILE):
            s.save(analysis)
        refresh_resolved(s, None)
        yield s


@pytest.mark.parametrize("fmt, figure", [("md", "svg"), ("html", "svg"), ("html", "png")])
def test_brief_has_the_track_rounds_citations_and_figure(
    store: Store, tmp_path: Path, fmt: str, figure: str
) -> None:
    out = tmp_path / f"talks.{fmt}"
    path, drawn = write_brief(store, "Armenia", fmt, out, figure_type=figure)  # type: ignore[arg-type]
    text = path.read_text("utf-8")
    assert path == out and drawn == tmp_path / f"talks-timeline.{figure}" and drawn.stat().st_size
    assert TALKS in text
    for words in ("Round 1 was held in Geneva", "Round 3 was cancelled", "Round 3 was held"):
        assert words in text
    assert "Latest round (round 3): held in Geneva, 2026-09-23." in text
    for cited in (
        "Reuters, 2026-03-03, article sha256:a1",
        "AP, 2026-06-12, article sha256:a3",
        "Eurasianet, 2026-05-28, article sha256:a2",
    ):
        assert cited in text
    if fmt == "md":
        assert f"]({drawn.name})" in text
    else:
        mime = "svg+xml" if figure == "svg" else "png"
        assert f'src="data:image/{mime};base64,' in text


def test_every_statement_cites_a_numbered_source(store: Store) -> None:
    brief = build_brief(store, TALKS)
    text = render_markdown(brief)
    listed = re.findall(r"^(\d+)\. ", text, flags=re.M)
    assert listed == [str(i) for i in range(1, len(brief.citations()) + 1)]
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    assert bullets and all(re.search(r"\[\d+\]$", b) for b in bullets if "No " not in b[:5])


def test_hostile_text_is_escaped_in_html(store: Store) -> None:
    html = render_html(build_brief(store, TALKS), b"<svg/>")
    assert "<script" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "onerror=alert(1)&gt;" in html  # shown as text, not an attribute


def test_hostile_text_is_escaped_in_markdown(store: Store) -> None:
    md = render_markdown(build_brief(store, TALKS))
    assert "<script>" not in md and r"\<script\>" in md


def test_what_changed_since_lists_only_later_reports(store: Store) -> None:
    brief = build_brief(store, TALKS, since=dt.date(2026, 6, 1))
    texts = [s.text for s in brief.changes]
    assert "Round 3 was cancelled." in texts and "Round 3 was held in Geneva (2026-09-23)." in texts
    assert not any("Round 1" in t for t in texts)


def test_agreements_between_the_parties_are_in_the_brief(store: Store) -> None:
    brief = build_brief(store, ARMS)
    (timeline,) = brief.agreements.values()
    assert [s.text for s in timeline] == [
        "Caspian Arms Limitation Treaty: signed on 2026-05-19.",
        "Caspian Arms Limitation Treaty: ratified on 2026-06-25.",
        "Caspian Arms Limitation Treaty: suspended on 2026-09-10.",
    ]
    assert "Al Jazeera, 2026-09-10" in render_markdown(brief)
