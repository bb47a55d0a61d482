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
