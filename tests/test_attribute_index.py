"""The attribute ruler searched through an index gives every token spaCy's attributes.

Parley's pipeline replaces only the *search* of the model's ``attribute_ruler``
(:mod:`parley.nlp.attributes`): the matches must be exactly those of spaCy's ``Matcher``, so
the part of speech, morphology, lemma and dependency of every token stay what the bare model
gives. Checked on the real model's 179 patterns (contractions, "there is", spaces, "got") and
on a hand-made ruler exercising each kind of test the index answers, and the fallbacks: a
pattern it cannot answer, patterns added afterwards.
"""

from __future__ import annotations

from typing import Any

import pytest

from parley.nlp.attributes import IndexedMatch, index_attribute_ruler

TEXTS = [
    "There is no deal yet, and there were doubts. Y' know the envoys ain't sure.",
    "The minister said nothin' about it; talks don't resume until Monday.\n\n  Officials got "
    "the text and he gets the blame.",
    "Mr. Olvaro's aides won't sign — it's 'too early', they said.  \n",
    "NAIROBI, May 4 (Bench Wire) - Kenya and Uganda's presidents met; 3.5 percent of U.S. aid.",
]

ATTRS = ("POS", "TAG", "MORPH", "DEP", "HEAD", "LEMMA")


def _arrays(doc: Any) -> list[list[int]]:
    from spacy.attrs import IDS

    return list(doc.to_array([IDS[a] for a in ATTRS]).tolist())


def test_the_pipeline_searches_the_model_ruler_through_the_index(nlp: Any) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler").match, IndexedMatch)


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_gets_the_attributes_of_spacys_own_search(nlp: Any, text: str) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    before = nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]
    off = [n for n in nlp.pipe_names if n not in before]
    from spacy.tokens import Doc

    parsed = nlp(text, disable=off)
    ours, theirs = (Doc(nlp.vocab).from_bytes(parsed.to_bytes()) for _ in range(2))
    found = ruler.match(ours)
    expected = type(ruler).match(ruler, theirs)  # spaCy's Matcher
    assert found == expected
    ruler.set_annotations(ours, found)
    ruler.set_annotations(theirs, expected)
    assert _arrays(ours) == _arrays(theirs)


def _ruler(patterns: list[dict[str, Any]]) -> Any:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


HAND_MADE = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "VBD", "LOWER": {"IN": ["met", "signed"]}}]], "attrs": {"LEMMA": "x"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["", "punct"]}, "IS_SPACE": False}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LOWER": "the"}, {"TAG": "NN"}]], "attrs": {"POS": "PROPN"}, "index": -1},
    {"patterns": [[{"IS_SPACE": True}], [{"ORTH": "Talks"}]], "attrs": {"TAG": "_SP"}},
    {"patterns": [[{"TEXT": "deal"}], [{"TAG": "NN"}]], "attrs": {"MORPH": "Number=Sing"}},
]


def _hand_doc(nlp: Any) -> Any:
    from spacy.tokens import Doc

    words = ["There", "is", "the", "deal", "n't", "\n", "Talks", "met", "signed", "deal", "."]
    spaces = [True, True, True, False, True, False, True, True, True, False, False]
    tags = ["EX", "VBZ", "DT", "NN", "RB", "_SP", "NNS", "VBD", "VBD", "NN", "."]
    deps = ["expl", "ROOT", "det", "attr", "neg", "dep", "nsubj", "ROOT", "conj", "dobj", "punct"]
    heads = [1, 1, 3, 1, 1, 4, 7, 7, 7, 8, 7]
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads)


def test_each_kind_of_test_matches_as_spacys_matcher_does() -> None:
    nlp, ruler = _ruler(HAND_MADE)
    doc = _hand_doc(nlp)
    index = IndexedMatch(ruler)
    expected = type(ruler).match(ruler, doc)
    assert index(doc) == expected
    groups = {(g, s) for g, _, s, _ in expected}
    # the pair "There is" (index 0), "the deal" (index -1: the match spans both), the regex,
    # the set test on a tag-indexed word, the exclusion, and the space by its flag
    assert {(4, 0), (5, 2), (3, 4), (1, 7), (1, 8), (6, 5), (2, 0)} <= groups
    assert (2, 5) not in groups and (2, 10) not in groups  # a space, a punct: excluded


def test_a_pattern_the_index_cannot_answer_keeps_spacys_search() -> None:
    nlp, ruler = _ruler([*HAND_MADE, {"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {}}])
    assert index_attribute_ruler(nlp) is False
    assert not isinstance(ruler.match, IndexedMatch)


def test_patterns_added_after_the_index_fall_back_to_spacys_search() -> None:
    nlp, ruler = _ruler(HAND_MADE)
    assert index_attribute_ruler(nlp) is True
    ruler.add([[{"LOWER": "talks"}]], {"POS": "NOUN"})
    doc = _hand_doc(nlp)
    found = ruler.match(doc)
    assert found == type(ruler).match(ruler, doc)
    assert any(g == len(HAND_MADE) for g, _, _, _ in found)  # the added pattern matched
