"""A parsed document read as arrays (speed9): every answer is the one spaCy gives, token by
token, and the tokens handed out are the document's one list, never new objects."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.nlp.arrays import children, subtree, token_arrays
from parley.nlp.docs import doc_tokens

DEMO = Path(__file__).resolve().parents[1] / "src" / "parley" / "demo" / "articles"

TEXT = (
    "The envoys of Peru and Chile, who met in Lima on Friday, did not sign the draft. "
    "Officials said the talks, hosted by Uruguay, would resume after the holidays.\n\n"
    "“We are close,” a spokesman told reporters."
)


def _same_as_spacy(doc) -> None:  # type: ignore[no-untyped-def]
    arrays = token_arrays(doc)
    for tok in doc:
        assert children(tok) == tuple(tok.children), tok.text
        assert arrays.lemma[tok.i] == tok.lemma_.lower()
        assert arrays.dep[tok.i] == tok.dep_
        assert arrays.lower[tok.i] == tok.lower_
        assert arrays.heads[tok.i] == tok.head.i
        assert subtree(tok) == tuple(tok.subtree), tok.text


@pytest.mark.model
def test_children_heads_and_words_are_spacys(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    _same_as_spacy(doc)
    said = next(t for t in doc if t.text == "said")
    assert [c.text for c in children(said)] == ["Officials", "resume", "."]


@pytest.mark.model
def test_every_demo_article_reads_the_same(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = [p.read_text("utf-8") for p in sorted(DEMO.glob("*.txt"))]
    assert texts
    for doc in nlp.pipe(texts):
        _same_as_spacy(doc)


@pytest.mark.model
def test_the_tokens_handed_out_are_the_documents_own(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    tokens = doc_tokens(doc)
    for tok in tokens:
        assert all(c is tokens[c.i] for c in children(tok))
    assert token_arrays(doc) is token_arrays(doc)  # built once, kept with the document


@pytest.mark.model
def test_an_empty_document_has_no_arrays(nlp) -> None:  # type: ignore[no-untyped-def]
    arrays = token_arrays(nlp(""))
    assert arrays.heads == [] and arrays.kids == () and arrays.lemma == []


def test_a_hand_built_tree_keeps_spacys_order_of_children() -> None:
    """A tree built by hand (no model): left children before right ones, each side in text
    order, as ``Token.children`` yields them; a root is its own head."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["Yesterday", "the", "minister", "quietly", "signed", "it", "in", "Quito", "."]
    heads = [4, 2, 4, 4, 4, 4, 4, 6, 4]
    deps = ["npadvmod", "det", "nsubj", "advmod", "ROOT", "dobj", "prep", "pobj", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    _same_as_spacy(doc)
    verb = doc_tokens(doc)[4]
    assert [c.text for c in children(verb)] == ["Yesterday", "minister", "quietly", "it", "in", "."]
    assert token_arrays(doc).heads[verb.i] == verb.i


def test_a_crossing_tree_gives_spacys_subtree_order() -> None:
    """A non-projective tree ("on the issue" hung on "hearing" across the verb), which the
    parser's post-processing can make: a subtree is then no span, and spaCy lists it left
    subtrees first, not in text order; so does :func:`subtree`."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["A", "hearing", "is", "set", "on", "the", "matter", "today", "."]
    heads = [1, 3, 3, 3, 1, 6, 4, 3, 3]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "npadvmod", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    _same_as_spacy(doc)
    verb = doc_tokens(doc)[3]
    assert [t.text for t in subtree(verb)][:6] == ["A", "hearing", "on", "the", "matter", "is"]
