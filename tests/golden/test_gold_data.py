"""Collects the gold-file checks of check_gold.py and tests the checker's own rules."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from check_gold import (
    gold_files,
    is_substring,
    problems,
    test_every_plover_type_is_covered_by_the_event_set,
    test_gold_files_are_consistent,
)

__all__ = ["test_every_plover_type_is_covered_by_the_event_set", "test_gold_files_are_consistent"]


def test_the_three_gold_sets_are_present() -> None:
    """The demo corpus, quotes and events sets are what `parley eval` is scored against."""
    names = {path.name for path in gold_files()}
    assert {"demo-corpus.gold.json", "events.gold.json"} <= names
    assert {"quotes-dev.gold.json", "quotes-test.gold.json"} <= names


# The frozen test part of our quotes set and the texts it annotates, as split on 2026-12-04.
# Tuning happens on quotes-dev; a change to the frozen part would hide what tuning did to it.
QUOTES_TEST_DIGEST = "831c2f42af55b26d85093546146bc826d512bc9e449565dca5cefe4071841a13"


def test_the_frozen_quotes_test_part_is_unchanged() -> None:
    gold = Path(__file__).parent / "quotes-test.gold.json"
    digest = hashlib.sha256(gold.read_bytes())
    for doc in json.loads(gold.read_text("utf-8"))["documents"]:
        digest.update((gold.parent / doc["file"]).read_bytes())
    assert digest.hexdigest() == QUOTES_TEST_DIGEST, "the frozen quotes test part was edited"


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("said on Tuesday", True),
        ("met ... in Geneva", True),
        ("in Geneva ... met", False),
        ("said on Wednesday", False),
    ],
)
def test_is_substring_reads_an_ellipsis_as_elided_words(needle: str, expected: bool) -> None:
    assert (
        is_substring(needle, "They met on Monday in Geneva and said on Tuesday it went well.")
        is expected
    )


def test_problems_names_a_quote_missing_from_its_text(tmp_path: Path) -> None:
    gold = tmp_path / "bad.gold.json"
    gold.write_text(
        '{"format": "parley-gold/1", "documents": [{"id": "d", "published_at": "2026-01-01",'
        ' "text": "Nobody said anything.", "actors": [{"name": "Ann", "kind": "person"}],'
        ' "quotes": [{"text": "something else", "speaker": "Ann"}],'
        ' "events": [{"id": "e", "type": "CHAT", "source": ["Bob"], "status": "done",'
        ' "evidence": "Nobody said"}]}]}',
        encoding="utf-8",
    )
    found = "\n".join(problems(gold))
    assert "quote not in text: 'something else'" in found
    assert "type 'CHAT' is not PLOVER" in found
    assert "source 'Bob' not declared" in found
    assert "status 'done' not allowed" in found
