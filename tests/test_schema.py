"""The documented JSON Schema is the one the model produces, and analyses validate against it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from parley.models import (
    ActorInText,
    Analysis,
    Article,
    Event,
    Quote,
    Span,
    Speaker,
    TimeExpression,
)
from parley.schema import analysis_schema, render

DOC = Path(__file__).resolve().parents[1] / "docs" / "schema" / "parley-analysis-1.json"


def example() -> Analysis:
    text = "Envoys met in Oslo on Monday, the ministry said."
    whole = Span(start=0, end=len(text), text=text)
    return Analysis(
        article=Article(id="abc", text=text, title="Envoys meet", outlet="Test Wire"),
        actors=[ActorInText(id="state:norway", name="Norway", kind="state", mentions=[whole])],
        quotes=[Quote(text=text, start=0, end=len(text), speaker=Speaker(text="the ministry"))],
        events=[
            Event(
                type="CONSULT",
                evidence=whole,
                date=TimeExpression(
                    text="Monday", start=22, end=28, value="2026-03-02", precision="day"
                ),
            )
        ],
    )


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = analysis_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_documented_schema_is_up_to_date() -> None:
    assert DOC.read_text("utf-8") == render(), "run 'make schema' and commit the result"


def test_module_prints_the_schema() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "parley.schema"], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out)["title"] == "Parley analysis (parley-analysis/1)"


@pytest.mark.parametrize("with_text", [False, True])
def test_analysis_json_validates(validator: Draft202012Validator, with_text: bool) -> None:
    validator.validate(example().to_json(with_text=with_text))


def _broken(data: dict[str, Any], how: str) -> dict[str, Any]:
    if how == "no article":
        data.pop("article")
    elif how == "wrong schema version":
        data["schema"] = "parley-analysis/2"
    elif how == "unknown field":
        data["events"][0]["colour"] = "red"
    elif how == "bad actor kind":
        data["actors"][0]["kind"] = "planet"
    return data


@pytest.mark.parametrize(
    "how", ["no article", "wrong schema version", "unknown field", "bad actor kind"]
)
def test_schema_rejects_malformed_analyses(validator: Draft202012Validator, how: str) -> None:
    assert not validator.is_valid(_broken(example().to_json(), how))
