"""The code passes the project's linters: CI fails on a lint or type regression.

Both tools run from this interpreter's environment (``sys.executable -m …``), with the settings
of ``pyproject.toml`` and their caches in the repository's own (git-ignored) cache folders.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _run(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, "-m", *args],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"{args[0]} took more than {timeout:.0f} s:\n{e.stdout or ''}{e.stderr or ''}")


def test_ruff_finds_no_lint_errors() -> None:
    result = _run("ruff", "check", "src", "tests", "bench", "scripts", timeout=60)
    assert result.returncode == 0, f"ruff check failed:\n{result.stdout}{result.stderr}"


def test_code_is_ruff_formatted() -> None:
    result = _run("ruff", "format", "--check", "src", "tests", "bench", "scripts", timeout=60)
    assert result.returncode == 0, f"run `ruff format`:\n{result.stdout}{result.stderr}"


def test_mypy_strict_finds_no_type_errors() -> None:
    # Strictness comes from [tool.mypy] in pyproject.toml; a cold run takes about 10 s.
    result = _run("mypy", "--cache-dir", str(REPO / ".mypy_cache"), "src/parley", timeout=90)
    assert result.returncode == 0, f"mypy src/parley failed:\n{result.stdout}{result.stderr}"
