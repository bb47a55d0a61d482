"""The model's tokenizer built with our quote infixes, instead of read and then changed.

``spacy.load`` reads the model's serialised tokenizer (compiling five regular expressions and
loading 1,600 special cases), and :func:`parley.nlp.add_quote_infixes` then replaced its infix
pattern, which loads the special cases again: about 0.12 s of every start. When the model's
serialised tokenizer is spaCy's default one for the language (the case for the pinned model),
:func:`parley.nlp.load_model` loads the model without it and builds the default tokenizer with
our infixes through the factory registered here, in one go. Whether the model's tokenizer is
the default is checked once, by comparing the two serialised, and cached on disk under a hash
of the model's tokenizer and config files, spaCy's version and our infixes; a model whose
tokenizer differs is loaded as before.

Importing this module imports spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    registry,
)

__all__ = ["TOKENIZER", "with_infixes"]

TOKENIZER = "parley.Tokenizer.v1"


def with_infixes(nlp: Language, extra: Sequence[str]) -> Tokenizer:
    """spaCy's default tokenizer for ``nlp``'s language, its infixes followed by ``extra``
    (what ``spacy.Tokenizer.v1`` builds, then :func:`parley.nlp.add_quote_infixes` sets)."""
    d = nlp.Defaults
    return Tokenizer(
        nlp.vocab,
        rules=d.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(d.prefixes).search if d.prefixes else None,
        suffix_search=compile_suffix_regex(d.suffixes).search if d.suffixes else None,
        infix_finditer=compile_infix_regex([*(d.infixes or ()), *extra]).finditer,
        token_match=d.token_match,
        url_match=d.url_match,
    )


def make_tokenizer(infixes: list[str]) -> Callable[[Language], Tokenizer]:
    """The registered factory: the default tokenizer with ``infixes`` added."""

    def build(nlp: Language) -> Tokenizer:
        return with_infixes(nlp, infixes)

    return build


registry.tokenizers.register(TOKENIZER, func=make_tokenizer)
