"""The JSON Schema of the public analysis JSON (``parley-analysis/1``), generated from the model.

``python -m parley.schema`` prints it; ``make schema`` writes it to
``docs/schema/parley-analysis-1.json``, and a test fails when that file and the model disagree,
so the documented contract cannot drift from what ``parley analyze --json`` prints.
"""

from __future__ import annotations

import json
from typing import Any

from parley.models import SCHEMA_VERSION, Analysis

__all__ = ["analysis_schema", "render", "main"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def analysis_schema() -> dict[str, Any]:
    """The JSON Schema that every ``Analysis.to_json()`` object validates against."""
    schema = Analysis.model_json_schema(by_alias=True, mode="serialization")
    article = schema["$defs"]["Article"]
    # The text is left out unless asked for (--with-text), so the contract cannot require it.
    article["required"] = [k for k in article.get("required", []) if k != "text"]
    article["properties"]["text"]["description"] = (
        "normalised article text; present only when asked for (--with-text)"
    )
    schema["properties"]["schema"] = {"const": SCHEMA_VERSION, "title": "Schema"}
    schema["required"] = sorted({*schema.get("required", []), "schema", "article"})
    return {
        "$schema": DRAFT,
        "$id": "parley-analysis-1.json",
        **schema,
        "title": f"Parley analysis ({SCHEMA_VERSION})",
        "description": (
            "What Parley extracted from one article. Offsets are character offsets into the "
            "normalised article text, end-exclusive; countries are ISO 3166-1 alpha-3 codes; "
            "event types, modes and contexts are PLOVER's."
        ),
    }


def render() -> str:
    """The schema as the text stored in ``docs/schema/parley-analysis-1.json``."""
    return json.dumps(analysis_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    """Write the schema to stdout."""
    import sys

    sys.stdout.write(render())


if __name__ == "__main__":
    main()
