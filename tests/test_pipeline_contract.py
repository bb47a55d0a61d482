"""The extractor contract: declared hand-offs checked at start-up, failures isolated.

A pipeline missing the producer of something an extractor reads must refuse to start and say
which extractor to add; an extractor that breaks on one sentence (or one article) must cost only
its own records there, leave a warning on the analysis, and never stop a batch.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, ClassVar

import pytest
from typer.testing import CliRunner

from parley import cli
from parley.errors import ConfigError
from parley.extract.base import Context, extractors, per_sentence, register
from parley.models import Article, Place
from parley.pipeline import Pipeline
from parley.settings import DEFAULT_EXTRACTORS, Settings
from parley.store import open_store

BAD_WORD = "Quillborough"  # the faulty extractors below break where they meet it


@register("tests.faulty_sentence.v1")
class FaultySentences:
    """Leaves one place per sentence, and raises on a sentence naming BAD_WORD after adding."""

    name: ClassVar[str] = "tests.faulty_sentence.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc", "actor_at")
    assigns: ClassVar[tuple[str, ...]] = ("places",)

    def __call__(self, ctx: Context) -> None:
        def step(sent: Any) -> None:
            ctx.analysis.places.append(Place(name="faulty", start=sent.start_char))
            if BAD_WORD in sent.text:
                raise ValueError("cannot read this sentence")

        per_sentence(ctx, self.name, step)


@register("tests.faulty_article.v1")
class FaultyArticle:
    """Works on the whole article: clears the mentions, then recurses without end on an article
    naming BAD_WORD."""

    name: ClassVar[str] = "tests.faulty_article.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc",)
    assigns: ClassVar[tuple[str, ...]] = ("mentions", "actor_at")

    def __call__(self, ctx: Context) -> None:
        ctx.analysis.mentions.clear()
        ctx.products.actor_at = {}
        if BAD_WORD in ctx.article.text:
            self.resolve(ctx.doc[0])  # a subject that refers to itself, as a bug once did

    def resolve(self, token: Any) -> Any:
        return self.resolve(token)


def _pipeline(kb: Any, nlp: Any, names: list[str]) -> Pipeline:
    return Pipeline(Settings(extractors=names), kb=kb, nlp=nlp)


def test_a_pipeline_without_the_actors_extractor_names_it_at_start_up(kb, nlp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError) as err:
        _pipeline(kb, nlp, ["parley.dates.v1", "parley.events.v1"])
    message = str(err.value)
    assert "parley.events.v1" in message
    assert "actor_at" in message and "'parley.actors.v1'" in message
    assert "claims_by_sentence" in message and "'parley.attributions.v1'" in message


def test_a_producer_listed_after_its_consumer_is_refused(kb, nlp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError, match="parley.actors.v1"):
        _pipeline(kb, nlp, ["parley.quotes.v1", "parley.actors.v1"])


def test_an_undeclared_hand_off_name_is_refused(kb, nlp) -> None:  # type: ignore[no-untyped-def]
    @register("tests.typo.v1")
    class Typo:
        name: ClassVar[str] = "tests.typo.v1"
        requires: ClassVar[tuple[str, ...]] = ("doc", "actor_att")
        assigns: ClassVar[tuple[str, ...]] = ()

        def __call__(self, ctx: Context) -> None: ...

    with pytest.raises(ConfigError, match="actor_att"):
        _pipeline(kb, nlp, ["tests.typo.v1"])


def test_every_built_in_hand_off_is_declared_by_its_producer() -> None:
    import parley.extract.builtin  # noqa: F401

    assigned = {n for name in DEFAULT_EXTRACTORS for n in extractors.get(name).assigns}
    for product in ("actor_at", "mentions_by_sent", "place_at", "date_kind"):
        assert product in assigned
    assert {"quotes_by_sentence", "claims_by_sentence"} <= assigned


TEXT = (
    "Ministers from Norway and Finland met in Oslo on Monday. "
    f"The talks in {BAD_WORD} stalled, officials said. "
    "Finland agreed to resume talks in March."
)


def _analyse(pipeline: Pipeline) -> Any:
    return pipeline.analyze(Article(id="t", text=TEXT, title="Talks"))


@pytest.mark.model
def test_a_sentence_that_breaks_an_extractor_costs_only_its_records_there(kb, nlp) -> None:  # type: ignore[no-untyped-def]
    plain = _analyse(_pipeline(kb, nlp, list(DEFAULT_EXTRACTORS)))
    faulty = _analyse(_pipeline(kb, nlp, [*DEFAULT_EXTRACTORS, "tests.faulty_sentence.v1"]))
    bad = TEXT.index("The talks")
    ours = [p for p in faulty.places if p.name == "faulty"]
    assert [p.start for p in ours] == [0, TEXT.index("Finland agreed")]
    assert [p for p in faulty.places if p.name != "faulty"] == plain.places
    for field in ("mentions", "actors", "quotes", "attributions", "events", "dates", "tracks"):
        assert getattr(faulty, field) == getattr(plain, field), field
    [warning] = faulty.warnings
    assert warning.extractor == "tests.faulty_sentence.v1"
    assert warning.start == bad and TEXT[warning.start : warning.end] == warning.text
    assert "cannot read this sentence" in warning.error
    assert plain.warnings == []


@pytest.mark.model
def test_an_article_wide_failure_rolls_back_that_extractor_only(kb, nlp) -> None:  # type: ignore[no-untyped-def]
    names = ["parley.actors.v1", "tests.faulty_article.v1", "parley.dates.v1"]
    analysis = _analyse(_pipeline(kb, nlp, names))
    assert {m.actor for m in analysis.mentions} >= {"NOR", "FIN"}  # not cleared by the failure
    assert analysis.dates  # later extractors still ran
    [warning] = analysis.warnings
    assert warning.extractor == "tests.faulty_article.v1"
    assert warning.start is None and warning.error.startswith("RecursionError")


def _articles(folder: Path) -> Path:
    folder.mkdir()
    body = "Title: {t}\nOutlet: Test Wire\nPublished: 2026-03-0{d}\n\n{text}\n"
    (folder / "a.txt").write_text(body.format(t="Stalled", d=2, text=TEXT), "utf-8")
    later = "Envoys from Norway met in Oslo on Tuesday, the ministry said."
    (folder / "b.txt").write_text(body.format(t="Resumed", d=3, text=later), "utf-8")
    return folder


@pytest.mark.model
def test_ingest_and_analyze_keep_going_past_a_failing_extractor(
    kb: Any, nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [*DEFAULT_EXTRACTORS, "tests.faulty_sentence.v1", "tests.faulty_article.v1"]
    pipeline = _pipeline(kb, nlp, names)
    monkeypatch.setattr(cli, "_pipeline", lambda settings: pipeline)
    folder, db = _articles(tmp_path / "in"), str(tmp_path / "parley.db")
    runner = CliRunner()

    ingested = runner.invoke(cli.app, ["ingest", str(folder), "--db", db, "--no-progress"])
    assert ingested.exit_code == 0, ingested.output
    with open_store(db) as store:
        assert store.counts()["articles"] == 2
        stored = {a.title: store.analysis(a.id) for a in store.articles()}
    assert {w.extractor for w in stored["Stalled"].warnings} == {
        "tests.faulty_sentence.v1",
        "tests.faulty_article.v1",
    }
    assert stored["Stalled"].mentions and stored["Resumed"].warnings == []

    analysed = runner.invoke(cli.app, ["analyze", str(folder), "--json"])
    assert analysed.exit_code == 0, analysed.output
    lines = [json.loads(line) for line in analysed.stdout.splitlines() if line.startswith("{")]
    assert [d["article"]["title"] for d in lines] == ["Stalled", "Resumed"]
    first, second = (d["warnings"] for d in lines)
    assert {w["extractor"] for w in first} == {
        "tests.faulty_sentence.v1",
        "tests.faulty_article.v1",
    }
    assert second == []
    assert lines[0]["events"] or lines[0]["dates"]  # the other records are all there

    shown = runner.invoke(cli.app, ["analyze", str(folder / "a.txt")], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert "records missing here" in shown.stdout and "tests.faulty_article.v1" in shown.stdout


@pytest.mark.model
def test_a_date_the_resolver_cannot_read_costs_only_itself(
    kb: Any, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parley.extract.timeplace import dates

    resolve = dates._resolve_match

    def breaks_on_march(rule: Any, match: Any, base: Any, tense: Any) -> Any:
        if "March" in match.group(0):
            raise ValueError("day is out of range for month")
        return resolve(rule, match, base, tense)

    monkeypatch.setattr(dates, "_resolve_match", breaks_on_march)
    analysis = _pipeline(kb, nlp, ["parley.dates.v1"]).analyze(
        Article(id="t", text=TEXT, published_at=dt.date(2026, 3, 4))
    )
    # "on Monday" in the first sentence survives; "in March" is lost to the pattern rule (the
    # entity fallback may still read the bare month), and the warning names the sentence
    assert [d.text for d in analysis.dates][0] == "on Monday"
    assert "in March" not in [d.text for d in analysis.dates]
    [warning] = analysis.warnings
    assert warning.extractor == "parley.dates.v1" and warning.text is not None
    assert warning.text.startswith("Finland agreed") and "out of range" in warning.error
