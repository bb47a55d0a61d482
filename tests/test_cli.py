"""The ``parley`` command: exit codes, JSON that parses, help on every command.

Most tests swap the spaCy pipeline for a stand-in (``cli._pipeline``) so they check the command
layer alone; the ``model`` tests at the end run the real thing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner, Result

from parley import cli
from parley.errors import EmptyInput
from parley.models import (
    ActorInText,
    Analysis,
    Article,
    Attribution,
    Event,
    Quote,
    RawDocument,
    Reporter,
    Span,
    Speaker,
)
from parley.resolve import refresh_resolved
from parley.settings import Settings
from parley.store import open_store

runner = CliRunner()

GOOD = {
    "oslo.txt": "Title: Envoys meet in Oslo\nOutlet: Test Wire\nPublished: 2026-03-02\n\n"
    "Envoys met in Oslo on Monday, the ministry said.\n",
    "geneva.txt": "Title: Truce holds\nOutlet: Other Wire\nPublished: 2026-03-03\n\n"
    "A truce held overnight, officials said.\n",
}


class StandIn:
    """Normalises by hashing; every article gets one quote, one claim and one event."""

    settings = Settings()

    def normalize(self, raw: RawDocument) -> Article:
        text = (raw.text or "").strip()
        if not text:
            raise EmptyInput(f"{raw.source}: empty")
        ident = hashlib.sha256(text.encode()).hexdigest()[:16]
        return Article(
            id=ident,
            text=text,
            title=raw.title,
            outlet=raw.outlet,
            published_at=raw.published_at,
            source=raw.source,
        )

    def analyze(self, article: Article) -> Analysis:
        text = article.text
        whole = Span(start=0, end=len(text), text=text)
        return Analysis(
            article=article,
            actors=[
                ActorInText(
                    id="state:norway",
                    name="Norway",
                    kind="state",
                    country="NOR",
                    roles=["host"],
                    mentions=[whole],
                )
            ],
            quotes=[
                Quote(
                    text=text,
                    start=0,
                    end=len(text),
                    direct=False,
                    speaker=Speaker(actor="state:norway", text="the ministry"),
                    cue="said",
                )
            ],
            attributions=[
                Attribution(
                    claim=whole, cue="said", reporter=Reporter(kind="anonymous", text="officials")
                )
            ],
            events=[
                Event(
                    type="CONSULT", source=["state:norway"], target=["state:sweden"], evidence=whole
                )
            ],
        )

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
        return (self.analyze(a) for a in articles)

    def run(self, raw: RawDocument) -> Analysis:
        return self.analyze(self.normalize(raw))


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_pipeline", lambda settings: StandIn())


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, "utf-8")
    return folder


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "parley.db")


def invoke(*args: object) -> Result:
    return runner.invoke(cli.app, [str(a) for a in args])


def counts(db: str) -> dict[str, int]:
    with open_store(db) as store:
        return store.counts()


@pytest.fixture
def filled(stand_in: None, corpus: Path, db: str) -> str:
    assert invoke("ingest", corpus, "--db", db, "--no-progress").exit_code == 0
    return db


# -- help and usage ---------------------------------------------------------------------------


def _commands() -> dict[str, Any]:
    # Typer ships its own copy of click, so these are duck-typed rather than click classes.
    return dict(typer.main.get_command(cli.app).commands)  # type: ignore[attr-defined]


def test_every_command_has_help_text() -> None:
    commands = _commands()
    assert {"ingest", "analyze", "show", "quotes", "events", "export", "demo"} <= set(commands)
    for name, command in commands.items():
        assert command.help, f"'parley {name}' has no help text"
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert param.help, f"'parley {name} {param.opts[0]}' has no help text"


@pytest.mark.parametrize("name", sorted(_commands()))
def test_help_runs(name: str) -> None:
    result = invoke(name, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--format", "xml", "out.x"),
        ("events", "--since", "yesterday"),
        ("nosuchcommand",),
        ("ingest",),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    assert invoke(*args).exit_code == 2


def test_version() -> None:
    result = invoke("version")
    assert result.exit_code == 0 and "parley-analysis/1" in result.stdout


# -- ingest -----------------------------------------------------------------------------------


def test_ingest_twice_changes_nothing(stand_in: None, corpus: Path, db: str) -> None:
    first = invoke("ingest", corpus, "--db", db, "--no-progress")
    assert first.exit_code == 0, first.output
    before = counts(db)
    assert before["articles"] == 2
    second = invoke("ingest", corpus, "--db", db, "--no-progress")
    assert second.exit_code == 0
    assert counts(db) == before
    assert "skipped" in second.stdout


def test_a_bad_file_among_good_ones_is_a_rejection_not_a_failure(
    stand_in: None, corpus: Path, db: str
) -> None:
    (corpus / "blank.txt").write_text("   \n", "utf-8")
    (corpus / "photo.png").write_bytes(b"\x89PNG\r\n")
    result = invoke("ingest", corpus, "--db", db, "--no-progress")
    assert result.exit_code == 0
    assert counts(db)["articles"] == 2
    assert counts(db)["rejections"] == 2
    listed = invoke("rejections", "--db", db, "--json")
    sources = sorted(Path(json.loads(line)["source"]).name for line in listed.stdout.splitlines())
    assert sources == ["blank.txt", "photo.png"]


@pytest.mark.parametrize("with_bad, code", [(False, 0), (True, 1)])
def test_strict_exits_1_only_when_something_was_rejected(
    stand_in: None, corpus: Path, db: str, with_bad: bool, code: int
) -> None:
    if with_bad:
        (corpus / "blank.txt").write_text("", "utf-8")
    assert invoke("ingest", corpus, "--db", db, "--strict", "--no-progress").exit_code == code


def test_db_comes_from_the_environment(stand_in: None, corpus: Path, db: str) -> None:
    result = runner.invoke(cli.app, ["ingest", str(corpus), "--no-progress"], env={"PARLEY_DB": db})
    assert result.exit_code == 0
    assert counts(db)["articles"] == 2


def test_published_at_and_outlet_fill_in_what_sources_lack(
    stand_in: None, tmp_path: Path, db: str
) -> None:
    bare = tmp_path / "bare.txt"
    bare.write_text("Negotiators met again.\n", "utf-8")
    args = ("ingest", bare, "--db", db, "--published-at", "2026-01-31", "--outlet", "Desk")
    assert invoke(*args, "--no-progress").exit_code == 0
    (row,) = json.loads("[" + invoke("articles", "--db", db, "--json").stdout.strip() + "]")
    assert (row["published_at"], row["outlet"]) == ("2026-01-31", "Desk")


# -- reading the store ------------------------------------------------------------------------


def _lines(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "args, n",
    [
        (("articles",), 2),
        (("articles", "--outlet", "test wire"), 1),
        (("actors",), 1),
        (("actors", "--kind", "person"), 0),
        (("quotes",), 2),
        (("quotes", "--speaker", "Norway"), 2),
        (("quotes", "--outlet", "Other Wire"), 1),
        (("quotes", "--since", "2026-03-03"), 1),
        (("claims", "--reporter", "officials"), 2),
        (("events",), 2),
        (("events", "--type", "CONSULT", "--actor", "state:norway"), 2),
        (("events", "--status", "planned"), 0),
        (("events", "--until", "2026-03-02"), 1),
        (("rejections",), 0),
    ],
)
def test_json_output_parses_and_filters(filled: str, args: tuple[str, ...], n: int) -> None:
    result = invoke(*args, "--json", "--db", filled)
    assert result.exit_code == 0, result.output
    assert len(_lines(result.stdout)) == n


@pytest.mark.parametrize(
    "command", ["articles", "actors", "quotes", "claims", "events", "rejections"]
)
def test_tables_for_people(filled: str, command: str) -> None:
    result = invoke(command, "--db", filled)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()


def test_show_reads_like_a_summary_and_json_is_the_analysis(filled: str) -> None:
    (article,) = _lines(
        invoke("articles", "--db", filled, "--json", "--outlet", "Test Wire").stdout
    )
    ident = str(article["id"])
    shown = invoke("show", ident[:8], "--db", filled)
    assert shown.exit_code == 0, shown.output
    for expected in ("Envoys meet in Oslo", "Test Wire", "2026-03-02", "Norway", "host", "CONSULT"):
        assert expected in shown.stdout
    as_json = json.loads(invoke("show", ident, "--db", filled, "--json").stdout)
    assert as_json["schema"] == "parley-analysis/1"
    assert as_json["article"]["id"] == ident and "text" not in as_json["article"]
    with_text = json.loads(invoke("show", ident, "--db", filled, "--json", "--with-text").stdout)
    assert with_text["article"]["text"].startswith("Envoys met in Oslo")


def test_show_unknown_id_is_a_clean_error(filled: str) -> None:
    result = invoke("show", "nosuchid", "--db", filled)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: No article with id 'nosuchid'")
    assert "Traceback" not in result.output


def test_a_database_that_cannot_be_opened_is_a_clean_error(tmp_path: Path) -> None:
    result = invoke("articles", "--db", str(tmp_path / "missing" / "x.db"))
    assert result.exit_code == 1 and result.stderr.startswith("Error: ")


# -- export -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["events", "quotes", "claims", "articles"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_writes_every_record(filled: str, tmp_path: Path, kind: str, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = invoke("export", "--format", fmt, "--kind", kind, out, "--db", filled)
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        rows = _lines(out.read_text("utf-8"))
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(out).to_pylist()
    assert len(rows) == 2


def test_export_plover(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert (
        invoke(
            "export", "--format", "plover-jsonl", "--kind", "events", out, "--db", filled
        ).exit_code
        == 0
    )
    rows = _lines(out.read_text("utf-8"))
    assert set(rows[0]) == {
        "id",
        "date",
        "actor",
        "recipient",
        "event",
        "mode",
        "context",
        "event_loc",
        "event_text",
        "text_info",
        "cite_info",
    }
    assert rows[0]["event"] == "CONSULT" and rows[0]["actor"] == "Norway"
    assert rows[0]["recipient"] == "state:sweden"  # not in the store: shown by id
    assert {r["date"] for r in rows} == {"2026-03-02", "2026-03-03"}


def test_plover_is_for_events_only(filled: str, tmp_path: Path) -> None:
    result = invoke(
        "export", "--format", "plover-jsonl", "--kind", "quotes", tmp_path / "x", "--db", filled
    )
    assert result.exit_code == 1 and "events only" in result.stderr


# -- analyze and demo -------------------------------------------------------------------------


def test_analyze_prints_one_json_object_per_article(stand_in: None, corpus: Path) -> None:
    (corpus / "blank.txt").write_text("", "utf-8")
    result = invoke("analyze", corpus, "--json")
    assert result.exit_code == 0, result.output
    objects = _lines(result.stdout)
    assert [o["article"]["title"] for o in objects] == ["Truce holds", "Envoys meet in Oslo"]
    assert all("text" not in o["article"] for o in objects)
    assert "blank.txt" in result.stderr


def test_analyze_with_text_and_readable_summary(stand_in: None, corpus: Path) -> None:
    with_text = _lines(invoke("analyze", corpus / "oslo.txt", "--json", "--with-text").stdout)
    assert with_text[0]["article"]["text"].startswith("Envoys met")
    readable = invoke("analyze", corpus / "oslo.txt")
    assert readable.exit_code == 0 and "Envoys meet in Oslo" in readable.stdout


def test_analyze_exits_1_when_nothing_could_be_analysed(stand_in: None, tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text("", "utf-8")
    assert invoke("analyze", tmp_path / "blank.txt").exit_code == 1


def test_demo_ingests_the_bundled_corpus(stand_in: None, db: str) -> None:
    result = invoke("demo", "--db", db)
    assert result.exit_code == 0, result.output
    assert counts(db)["articles"] >= 2
    assert "Articles" in result.stdout and "Actors" in result.stdout and "Records" in result.stdout


# -- with the real pipeline -------------------------------------------------------------------


@pytest.mark.model
def test_real_ingest_of_the_demo_is_idempotent(db: str) -> None:
    first = invoke("demo", "--db", db)
    assert first.exit_code == 0, first.output
    before = counts(db)
    assert before["articles"] >= 2 and before["actors"] > 0
    assert invoke("demo", "--db", db).exit_code == 0
    assert counts(db) == before


@pytest.mark.model
def test_real_analyze_json_matches_the_published_date(sample_dir: Path) -> None:
    result = invoke(
        "analyze", sample_dir / "abu-dhabi-talks.txt", "--json", "--published-at", "2026-02-05"
    )
    assert result.exit_code == 0, result.output
    (analysis,) = _lines(result.stdout)
    assert analysis["schema"] == "parley-analysis/1"
    assert analysis["article"]["published_at"] == "2026-02-05"


def test_dates_are_iso(filled: str) -> None:
    for row in _lines(invoke("quotes", "--json", "--db", filled).stdout):
        dt.date.fromisoformat(str(row["published_at"]))


@pytest.mark.model
def test_real_eval_prints_scores_as_json(sample_dir: Path) -> None:
    result = invoke("eval", sample_dir / "abu-dhabi-talks.gold.json", "--json")
    assert result.exit_code == 0, result.output
    (report,) = _lines(result.stdout)
    assert report["format"].startswith("parley-eval/")


@pytest.mark.dask
@pytest.mark.model
def test_ingest_on_a_dask_scheduler(corpus: Path, db: str, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    config = tmp_path / "parley.toml"
    config.write_text('[parley]\nextractors = ["parley.actors.v1"]\n', "utf-8")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        args = ["ingest", str(corpus), "--db", db, "--dask", cluster.scheduler_address]
        result = runner.invoke(cli.app, args, env={"PARLEY_CONFIG": str(config)})
    assert result.exit_code == 0, result.output
    assert counts(db)["articles"] == 2


# -- negotiations: tracks, treaties, stories, briefs (hand-built analyses, no model) --------------


def wide(*args: object) -> Result:
    """Invoke with a wide terminal, so table cells are not folded mid-word."""
    return runner.invoke(cli.app, [str(a) for a in args], env={"COLUMNS": "200"})


@pytest.fixture
def negotiations(db: str) -> str:
    from negotiation_corpus import corpus as negotiation_corpus

    with open_store(db) as store:
        for analysis in negotiation_corpus(hostile=" <script>alert(1)</script>"):
            store.save(analysis)
        refresh_resolved(store, None)
    return db


def test_tracks_lists_each_track_with_its_latest_round(negotiations: str) -> None:
    table = wide("tracks", "--db", negotiations)
    assert table.exit_code == 0, table.output
    assert "Armenia–Azerbaijan" in table.stdout and "Kazakhstan–Turkmenistan" in table.stdout
    rows = _lines(invoke("tracks", "--db", negotiations, "--json").stdout)
    assert [r["name"] for r in rows] == [
        "Armenia–Azerbaijan peace talks",
        "Kazakhstan–Turkmenistan arms control",
    ]


def test_track_shows_rounds_with_every_report_and_its_source(negotiations: str) -> None:
    result = wide("track", "armenia", "--db", negotiations)
    assert result.exit_code == 0, result.output
    for words in ("Round 3 · cancelled", "Round 3 · held", "Eurasianet", "Switzerland"):
        assert words in result.stdout
    (data,) = _lines(invoke("track", "armenia", "--db", negotiations, "--json").stdout)
    assert [(r["ordinal"], r["status"]) for r in data["rounds"]][-1] == (3, "held")
    assert [h["status"] for h in data["rounds"][2]["history"]] == ["planned", "cancelled"]
    assert data["sources"][data["rounds"][2]["history"][0]["article_id"]]["outlet"] == "Eurasianet"


def test_treaty_shows_its_status_timeline_with_sources(negotiations: str) -> None:
    result = wide("treaty", "caspian", "--db", negotiations)
    assert result.exit_code == 0, result.output
    assert (
        result.stdout.index("signed")
        < result.stdout.index("ratified")
        < result.stdout.index("suspended")
    )
    (data,) = _lines(
        invoke("treaty", "Caspian Arms Limitation Treaty", "--db", negotiations, "--json").stdout
    )
    assert [(s["status"], s["source"]["outlet"]) for s in data["statuses"]] == [
        ("signed", "Reuters"),
        ("ratified", "Reuters"),
        ("suspended", "Al Jazeera"),
    ]
    assert invoke("treaties", "--db", negotiations).exit_code == 0


@pytest.mark.parametrize(
    "args, types",
    [
        (("--min-sources", "3"), ["CONSULT", "RETREAT"]),
        (("--since", "2026-05-01"), ["ASSAULT", "CONSULT"]),
        (("--since", "2026-05-01", "--min-sources", "3"), ["CONSULT"]),
    ],
)
def test_stories_filter_by_date_and_number_of_sources(
    negotiations: str, args: tuple[str, ...], types: list[str]
) -> None:
    rows = _lines(invoke("stories", "--db", negotiations, "--json", *args).stdout)
    assert [r["type"] for r in rows] == types
    table = invoke("stories", "--db", negotiations, *args)
    assert table.exit_code == 0 and "Stories" in table.stdout


def test_the_three_outlet_exchange_is_one_story_with_a_disagreement(negotiations: str) -> None:
    rows = _lines(invoke("stories", "--db", negotiations, "--json", "--min-sources", "3").stdout)
    (exchange,) = [r for r in rows if r["type"] == "RETREAT"]
    assert exchange["sources"] == ["Reuters", "AP", "Al Jazeera"]
    assert any("12" in d and "14" in d for d in exchange["disagreements"])


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_brief_writes_the_page_and_its_figure(negotiations: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"brief.{fmt}"
    result = invoke(
        "brief",
        "Armenia",
        "--format",
        fmt,
        "--out",
        out,
        "--db",
        negotiations,
        "--since",
        "2026-06-01",
    )
    assert result.exit_code == 0, result.output
    assert out.is_file() and (tmp_path / "brief-timeline.svg").is_file()
    assert "Armenia–Azerbaijan peace talks" in out.read_text("utf-8")
    assert "<script>" not in out.read_text("utf-8").replace("\\<script\\>", "")


@pytest.mark.parametrize(
    "args, message",
    [
        (("track", "Nowhere"), "No track named 'Nowhere'"),
        (("treaty", "Nowhere"), "No agreement named 'Nowhere'"),
        (("brief", "Nowhere"), "No track named 'Nowhere'"),
    ],
)
def test_unknown_names_are_clean_errors(
    negotiations: str, args: tuple[str, ...], message: str
) -> None:
    result = invoke(*args, "--db", negotiations)
    assert result.exit_code == 1 and message in result.output


def test_resolve_rebuilds_the_resolved_records(negotiations: str) -> None:
    result = invoke("resolve", "--db", negotiations)
    assert result.exit_code == 0 and "2 tracks, 1 agreements" in result.output


@pytest.mark.model
def test_real_demo_prints_the_track_and_treaty_timelines(db: str) -> None:
    result = wide("demo", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Armenia–Azerbaijan" in result.stdout and "— rounds" in result.stdout
    assert "Caspian Arms Limitation Treaty" in result.stdout


@pytest.mark.model
def test_hostile_quote_text_is_stored_and_printed_verbatim(tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    words = "[bold red]Surrender[/] <script>alert(1)</script> now"
    article.write_text(
        "Title: Hostile\nPublished: 2026-05-01\n\n"
        f'"{words}," Sergei Lavrov said on Friday in Moscow.\n',
        "utf-8",
    )
    db = str(tmp_path / "h.db")
    assert runner.invoke(cli.app, ["ingest", "--db", db, str(article)]).exit_code == 0
    as_json = runner.invoke(cli.app, ["quotes", "--db", db, "--json"])
    texts = [json.loads(line)["text"] for line in as_json.stdout.splitlines() if line.strip()]
    assert words in texts
    table = runner.invoke(cli.app, ["quotes", "--db", db], env={"COLUMNS": "200"})
    assert "[bold red]Surrender[/]" in table.stdout  # shown as text, not read as markup
