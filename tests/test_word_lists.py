"""Knowledge is data: no English word lists in the code that reads text.

A set, list, tuple or dict literal with three or more lower-case English-looking words in
``extract/``, ``nlp/``, ``normalize/`` or ``kb.py`` is a word list, and it belongs in
``parley/data/lexicon/<family>.json`` behind :mod:`parley.knowledge`, where a user can extend it
and the key check of ``tests/test_knowledge.py`` covers it. Not word lists, and not flagged:
spaCy's labels ("nsubj", "PROPN"), the values of the data model's literal types ("state",
"occurred"), ``__all__``, ``requires``/``assigns``, and a literal whose line says
``# not a word list: <why>`` (regex group names, rule ids).

``MIGRATING`` lists the files whose word lists are still being moved, by whom; it only shrinks.
A file in it that has become clean fails the test too, so the list stays honest.
"""

from __future__ import annotations

import ast
import re
import typing
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "parley"
SCANNED = ("extract", "nlp", "normalize", "kb.py")

# Files whose English word lists are still in code (issue 9), with who is moving them.
MIGRATING: dict[str, str] = {}

_WORD = re.compile(r"^[a-z][a-z'’]*(?:[ -][a-z][a-z'’]*)*-?$")
_EXEMPT = "# not a word list"


def _model_values() -> set[str]:
    from spacy.glossary import GLOSSARY

    import parley.models as models

    values = {str(k).lower() for k in GLOSSARY}
    for name in ("ActorKind", "Precision", "EventStatus"):
        values |= {str(v) for v in typing.get_args(getattr(models, name))}
    return values


def _elements(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Dict):
        return [k for k in node.keys if k is not None]
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return list(node.elts)
    return []


def _skipped(tree: ast.AST) -> set[int]:
    """Literals that name code, not words: __all__, requires/assigns, subscripts (Literal[…])."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript):
            skip.add(id(node.slice))
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names = {t.id for t in targets if isinstance(t, ast.Name)}
        if names & {"__all__", "requires", "assigns"}:
            skip.add(id(node.value))  # type: ignore[union-attr]
    return skip


def word_lists(path: Path, labels: set[str]) -> list[tuple[int, list[str]]]:
    """(line, words) of every word-list literal in ``path``."""
    text = path.read_text("utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    skip = _skipped(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip or not hasattr(node, "lineno"):
            continue
        words = [
            e.value
            for e in _elements(node)
            if isinstance(e, ast.Constant) and isinstance(e.value, str) and _WORD.match(e.value)
        ]
        words = [w for w in words if w not in labels]
        span = lines[node.lineno - 1 : (node.end_lineno or node.lineno)]
        if len(words) >= 3 and not any(_EXEMPT in line for line in span):
            found.append((node.lineno, words))
    return found


def _files() -> list[Path]:
    out: list[Path] = []
    for item in SCANNED:
        path = SRC / item
        out += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return out


@pytest.fixture(scope="module")
def labels() -> set[str]:
    return _model_values()


def test_no_new_english_word_lists_in_code(labels: set[str]) -> None:
    offenders = []
    for path in _files():
        rel = path.relative_to(SRC).as_posix()
        if rel not in MIGRATING:
            offenders += [f"{rel}:{line} {words[:5]}" for line, words in word_lists(path, labels)]
    assert offenders == [], "move these to parley/data/lexicon/*.json (parley.knowledge)"


def test_the_migrating_list_names_only_files_that_still_have_word_lists(labels: set[str]) -> None:
    clean = [rel for rel in MIGRATING if not word_lists(SRC / rel, labels)]
    assert clean == [], f"done: take {clean} off MIGRATING"


def test_the_detector_finds_a_word_list(tmp_path: Path, labels: set[str]) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '_VERBS = {"agree", "sign", "ratify"}\n'
        'GROUPS = ("day", "year", "part")  # not a word list: regex group names\n'
        'DEPS = ("nsubj", "dobj", "pobj")\n'
    )
    assert word_lists(sample, labels) == [(1, ["agree", "sign", "ratify"])]
