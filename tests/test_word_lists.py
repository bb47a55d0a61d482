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

Words inside regular expressions are word lists too, only harder to see: ``r"(?:agreed|signed)"``.
Across all of ``parley`` the strings of a pattern (the pattern argument of ``re.compile``,
``re.search``, ``re.sub``…; the value of a ``*_RE``/``*_PATTERN`` constant; any other string that
is written in regex syntax, and the strings joined to it with ``+``) may hold no English word of
three or more letters, except the few in ``REGEX_NOT_WORDS`` and those on a line that says
``# not a word list: <why>``. ``REGEX_MIGRATING`` is the same kind of temporary list as
``MIGRATING``.
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


# --------------------------------------------------------------------------- words in regexes

# Files whose regexes still hold English words (issue 9), with the area that owns and moves them.
REGEX_MIGRATING: dict[str, str] = {}

# Words a pattern may hold because they are not a vocabulary anyone extends, with the reason.
REGEX_NOT_WORDS: dict[str, str] = {
    "the": "the article stripped from or allowed before a name ('the United States') is grammar",
}
# Per file: identifiers that a pattern matches and that are not English words at all.
REGEX_NOT_WORDS_IN: dict[str, tuple[frozenset[str], str]] = {
    "store/search.py": (
        frozenset(
            {"articles", "quotes", "attributions", "fts", "outlet", "lower", "newest", "mentioned"}
        ),
        "names of our own SQL tables and indexes (MIGRATION_ONLY), not words of an article",
    ),
}

_RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn"}
_RE_NAME = re.compile(r"(?:_RE|_PATTERN|_REGEX|_RX)$")
_RE_HELPER = re.compile(r"(?:^|_)(?:rx|re|regex|pattern)$", re.IGNORECASE)
# Regex syntax no prose or SQL uses: (?:…) (?P<…>) (?=…) (?i) lookbehinds, \b \d \s \w.
_REGEX_SYNTAX = re.compile(r"\(\?(?:[:=!#>]|P<|P=|<[=!]|[aiLmsux]+[:)])|\\[bBdDsSwW]")
_NOT_TEXT = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)|\\[A-Za-z]|\[(?:\\.|[^\]\\])*\]")


def _literal_parts(node: ast.AST | None) -> list[ast.Constant]:
    """The string literals a pattern expression is made of: joined with ``+``, in f-strings and
    ``%`` formats; not the arguments of a call inside it (``_units("week")`` names code)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal_parts(node.left) + _literal_parts(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _literal_parts(node.left)
    if isinstance(node, ast.JoinedStr):
        return [v for v in node.values if isinstance(v, ast.Constant)]
    return []


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, kinds) and n.body and isinstance(n.body[0], ast.Expr)
    }


def _pattern_strings(tree: ast.AST) -> list[ast.Constant]:
    """The string constants that are (parts of) regular expressions."""
    found: list[ast.Constant] = []
    docs = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if _RE_HELPER.search(node.func.id):  # a module's own wrapper: _rx(r"…")
                found += [s for a in node.args for s in _literal_parts(a)]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            if isinstance(func.value, ast.Name) and func.value.id == "re":
                if func.attr in _RE_FUNCTIONS:
                    args = node.args[:1] + [k.value for k in node.keywords if k.arg == "pattern"]
                    found += [s for a in args for s in _literal_parts(a)]
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and _RE_NAME.search(t.id) for t in targets):
                found += _literal_parts(node.value)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            pieces = _literal_parts(node)
            if any(_REGEX_SYNTAX.search(p.value) for p in pieces):
                found += pieces
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            if _REGEX_SYNTAX.search(node.value):
                found.append(node)
    return list({id(n): n for n in found}.values())


def _english(pattern: str) -> list[str]:
    """Runs of three or more letters a pattern matches literally (not names, escapes, classes)."""
    if "\n" in pattern:  # a verbose pattern's comments are prose, not text it matches
        pattern = re.sub(r"(?<!\\)#[^\n]*", " ", pattern)
    return re.findall(r"[A-Za-z]{3,}", _NOT_TEXT.sub(" ", pattern))


def regex_words(path: Path, rel: str) -> list[tuple[int, list[str]]]:
    """(line, words) of every regex string in ``path`` that holds English words."""
    text = path.read_text("utf-8")
    lines = text.splitlines()
    allowed, _why = REGEX_NOT_WORDS_IN.get(rel, (frozenset(), ""))
    found = []
    for node in _pattern_strings(ast.parse(text)):
        words = [w for w in _english(node.value) if w.lower() not in REGEX_NOT_WORDS]
        words = [w for w in words if w.lower() not in allowed]
        span = lines[node.lineno - 1 : (node.end_lineno or node.lineno)]
        if words and not any(_EXEMPT in line for line in span):
            found.append((node.lineno, words))
    return sorted(found)


def _package() -> list[tuple[str, Path]]:
    return [(p.relative_to(SRC).as_posix(), p) for p in sorted(SRC.rglob("*.py"))]


def test_no_english_words_inside_regular_expressions() -> None:
    offenders = [
        f"{rel}:{line} {words[:6]}"
        for rel, path in _package()
        if rel not in REGEX_MIGRATING
        for line, words in regex_words(path, rel)
    ]
    assert offenders == [], "build these patterns from parley/data/lexicon/*.json words"


def test_the_regex_migrating_list_names_only_files_that_still_have_words() -> None:
    clean = [rel for rel in REGEX_MIGRATING if not regex_words(SRC / rel, rel)]
    assert clean == [], f"done: take {clean} off REGEX_MIGRATING"


def test_the_regex_detector_finds_words_where_patterns_are_built(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import re\n"
        '_CUE_RE = re.compile(r"\\b(?:agreed|signed)\\b")\n'
        'found = re.search(r"\\bvowed to", text)\n'
        'LEAD = r"(?P<lead>\\d+) " + "ago"\n'
        '_rx(_NUM + " since")\n'
        'NAMES = re.compile(r"(?P<month>\\w+)\\s(?P=month)")\n'
        'ARTICLE = re.compile(r"^(?:the|a|an)\\s+")\n'
        'GROUPS = re.compile(r"(?:alpha|beta)")  # not a word list: code names\n'
        'PROSE = "Talks resumed (in Oslo) on Friday."\n'
        'SQL = "SELECT id FROM articles WHERE id IN (?, ?)"\n'
        'PLEDGE_PATTERN = "pledged"\n'
    )
    assert regex_words(sample, "sample.py") == [
        (2, ["agreed", "signed"]),
        (3, ["vowed"]),
        (4, ["ago"]),
        (5, ["since"]),
        (11, ["pledged"]),
    ]


def test_a_user_file_extends_the_words_a_pattern_reads(tmp_path: Path) -> None:
    """The words taken out of a pattern are the user's to extend: a dispute noun added in a
    knowledge folder makes the negotiation extractor read "the spat over A" as an issue."""
    from parley import knowledge
    from parley.extract.negotiation.extractor import find_issues

    sentence = "Officials played down the spat over grazing rights on the plateau."
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "negotiation.json").write_text('{"dispute_nouns": ["spat"]}')
    knowledge.configure([])
    assert find_issues(sentence) == []
    try:
        knowledge.configure([tmp_path])
        assert find_issues(sentence) == ["grazing rights on the plateau"]
    finally:
        knowledge.configure([])
