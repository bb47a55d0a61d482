"""The knowledge layer: word lists are data, loaded once, extensible by the user, and a key
that does not exist is an error rather than an empty set."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from parley import knowledge
from parley.errors import KnowledgeBaseError


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    knowledge.configure([])
    yield
    knowledge.configure([])


def test_shipped_list_is_read_in_order_and_as_a_lower_cased_set() -> None:
    assert knowledge.phrases("lexicon/example.json", "greetings") == ("Hello", "Good morning")
    assert knowledge.words("lexicon/example.json", "greetings") == {"hello", "good morning"}


def test_a_misspelt_key_is_an_error_not_an_empty_set() -> None:
    with pytest.raises(KnowledgeBaseError, match="no 'greeting'"):
        knowledge.words("lexicon/example.json", "greeting")


def test_a_missing_file_says_to_reinstall() -> None:
    with pytest.raises(KnowledgeBaseError, match="reinstall"):
        knowledge.load("lexicon/no-such-file.json")


def test_user_folder_extends_lists_and_tables(tmp_path: Path) -> None:
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "example.json").write_text(
        json.dumps({"greetings": ["Salaam", "Hello"], "pairs": {"c": "d"}})
    )
    knowledge.configure([tmp_path])
    assert knowledge.phrases("lexicon/example.json", "greetings") == (
        "Hello",
        "Good morning",
        "Salaam",
    )
    assert dict(knowledge.table("lexicon/example.json", "pairs")) == {"a": "b", "c": "d"}


def test_a_broken_user_file_names_itself(tmp_path: Path) -> None:
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "example.json").write_text("{not json")
    knowledge.configure([tmp_path])
    with pytest.raises(KnowledgeBaseError, match=str(tmp_path)):
        knowledge.load("lexicon/example.json")


def test_settings_read_knowledge_dirs_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parley.settings import load_settings

    monkeypatch.setenv("PARLEY_KNOWLEDGE", str(tmp_path))
    settings = load_settings(path=tmp_path / "absent.toml")
    assert settings.knowledge_dirs == [tmp_path]


# -- every lexicon the extractors read is the user's to extend ------------------------------------


def _user_file(folder: Path, name: str, data: dict[str, object]) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), "utf-8")
    return folder


def _analyse(kb: object, nlp: object, text: str, folder: Path | None = None) -> object:
    from parley.models import Article
    from parley.pipeline import Pipeline
    from parley.settings import Settings

    settings = Settings(knowledge_dirs=[folder] if folder else [])
    pipeline = Pipeline(settings, kb=kb, nlp=nlp)  # type: ignore[arg-type]
    return pipeline.analyze(Article(id="t", text=text, published_at=None))


@pytest.mark.model
def test_a_user_plover_file_adds_a_trigger_the_events_extractor_uses(kb, nlp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = "Norway huddled with Finland in Oslo on Monday."
    assert not _analyse(kb, nlp, text).events  # type: ignore[attr-defined]
    trigger = {"type": "CONSULT", "mode": "meet", "pos": ["VERB"], "lemmas": ["huddle"]}
    folder = _user_file(tmp_path, "plover.json", {"triggers": [trigger]})
    events = _analyse(kb, nlp, text, folder).events  # type: ignore[attr-defined]
    assert [(e.type, e.trigger.text) for e in events] == [("CONSULT", "huddled")]


@pytest.mark.model
def test_a_user_cues_file_adds_a_speech_verb_the_speech_extractors_use(kb, nlp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = "Sergei Lavrov quipped that the deal with Norway was dead."
    assert not _analyse(kb, nlp, text).quotes  # type: ignore[attr-defined]
    folder = _user_file(tmp_path, "cues.json", {"indirect_verbs": ["quip"]})
    quotes = _analyse(kb, nlp, text, folder).quotes  # type: ignore[attr-defined]
    assert [(q.text, q.speaker.actor) for q in quotes] == [
        ("the deal with Norway was dead", "person:sergei-lavrov")
    ]


@pytest.mark.model
def test_a_user_agreements_file_adds_an_agreement_the_extractor_finds(kb, nlp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A name no general rule reads as an agreement ("Treaty of <place>" would be read anyway).
    text = "Norway and Finland signed the Valdoria Compact in Oslo on Monday."
    assert not _analyse(kb, nlp, text).agreements  # type: ignore[attr-defined]
    treaty = {
        "id": "treaty:valdoria",
        "name": "Valdoria Compact",
        "kind": "treaty",
        "parties": ["NOR", "FIN"],
        "aliases": [],
    }
    folder = _user_file(tmp_path, "agreements.json", {"agreements": [treaty]})
    found = _analyse(kb, nlp, text, folder).agreements  # type: ignore[attr-defined]
    assert [a.name for a in found] == ["Valdoria Compact"]


def test_historical_after_days_has_one_value_and_it_is_in_the_data() -> None:
    assert knowledge.number("plover.json", "historical_after_days") == 180
    code = (Path(__file__).parents[1] / "src" / "parley" / "extract").rglob("*.py")
    assert not [p for p in code if 'historical_after_days", ' in p.read_text("utf-8")]


def _text(arg: object, consts: dict[str, str]) -> str | None:
    """A string argument as written, or through a module-level constant naming a file."""
    import ast

    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    return consts.get(arg.id) if isinstance(arg, ast.Name) else None


def _literal_lookups() -> list[tuple[str, int, str, str]]:
    """Every ``knowledge.words/phrases/table/number("file", "key")`` with literal arguments."""
    import ast

    found = []
    for path in sorted((Path(__file__).parents[1] / "src" / "parley").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        consts = {  # module-level NAME = "lexicon/x.json"
            t.id: n.value.value
            for n in tree.body
            if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)
            for t in n.targets
            if isinstance(t, ast.Name) and isinstance(n.value.value, str)
        }

        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("words", "phrases", "table", "number")
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "knowledge"
                and len(node.args) == 2
            ):
                name, key = (_text(a, consts) for a in node.args)
                if name is not None and key is not None:
                    found.append((str(path.name), node.lineno, name, key))
    return found


def test_every_literal_knowledge_key_in_the_code_exists_in_the_shipped_files() -> None:
    lookups = _literal_lookups()
    assert len(lookups) >= 20  # the scan finds the calls it is meant to check
    missing = [
        f"{where}:{line} {name} '{key}'"
        for where, line, name, key in lookups
        if key not in knowledge.shipped(name)
    ]
    assert missing == []


def test_every_plover_word_list_the_events_code_names_exists() -> None:
    import ast

    keys = set()
    for path in (Path(__file__).parents[1] / "src" / "parley" / "extract" / "events").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "words"
                and len(node.args) == 1
                and isinstance(node.args[0], ast.Constant)
            ):
                keys.add(node.args[0].value)
    assert len(keys) >= 5
    assert sorted(k for k in keys if k not in knowledge.shipped("plover.json")) == []


def test_a_misspelt_plover_word_list_is_an_error() -> None:
    from parley.extract.events.plover import load_plover

    with pytest.raises(KnowledgeBaseError, match="report_verb'"):
        load_plover().words("report_verb")
