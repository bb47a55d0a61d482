"""Commands load only what they use: listing and `version` never import spaCy.

Loading spaCy and the model costs a second or more and hundreds of megabytes; a person asking
for the version or the stored articles must not wait for it. Each command runs in a fresh
interpreter, which then reports the heavy modules it imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, sys
from parley.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    heavy = ("spacy", "thinc", "torch", "dateparser", "trafilatura", "fastapi")
    print(json.dumps(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)
"""


def _heavy_modules(*argv: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "argv",
    [("version",), ("articles",), ("events", "--type", "CONSULT"), ("quotes",), ("--help",)],
)
def test_commands_that_do_not_parse_never_load_spacy(argv: tuple[str, ...], tmp_path: Path) -> None:
    db = ("--db", str(tmp_path / "parley.db")) if argv[0] not in ("version", "--help") else ()
    assert _heavy_modules(*argv, *db) == []


def test_analysing_a_file_never_loads_the_store(tmp_path: Path) -> None:
    """`parley analyze` prints an analysis and stores nothing: SQLAlchemy and Alembic (about a
    third of a second of its start) stay unloaded; a module-level store import in a CLI
    module once made start-up 2.0x the bare model load."""
    text = tmp_path / "one.txt"
    text.write_text("Talks between the two delegations resumed in Oslo on Monday.", "utf-8")
    probe = PROBE.replace('"fastapi")', '"fastapi", "sqlalchemy", "alembic")')
    done = subprocess.run(
        [sys.executable, "-c", probe, "analyze", str(text)],
        capture_output=True,
        text=True,
        check=True,
    )
    heavy = json.loads(done.stderr.strip().splitlines()[-1])
    assert "sqlalchemy" not in heavy and "alembic" not in heavy
    assert "spacy" in heavy, "the probe sees what analyze loads"
