"""A parsed document as arrays, read once, for the extractors' most repeated walks.

spaCy makes a new Python ``Token`` object every time one is reached: ``doc[i]``,
``token.head``, each child of ``token.children`` (which also walks every word between the
token's leftmost and rightmost descendants to find them), each word of ``token.subtree`` (a
generator per word, each making its words again: about 100 µs for the root of a 40-word
sentence). The extractors ask the same questions of the same tokens many times (a common verb
is tried against dozens of trigger rules, each reading its children); :func:`subtree` keeps
each answer spaCy gives for the document's life.

:func:`token_arrays` reads a document's heads, dependency labels, lemmas and lower-case forms
once (``Doc.to_array``, each string decoded once per distinct value) and indexes every token's
children; the tokens themselves are the document's one list
(:func:`parley.nlp.docs.doc_tokens`), so :func:`children` hands out the objects spaCy
would make again, in the same order. ``token.head`` and ``token.lemma_`` are
left to spaCy: one of them costs less than a Python call to a helper. Extractors never change
a parsed document, so the arrays stay true for its life; they live in its ``user_data``.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

import numpy

from parley.nlp.docs import doc_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["TokenArrays", "children", "subtree", "token_arrays"]

_KEY = "parley.arrays"


class TokenArrays:
    """One document's tokens as lists indexed by token position (built on first use)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: tuple[Token, ...] = doc_tokens(doc)

    def _strings(self, attr: int) -> list[str]:
        """The string of ``attr`` for every token, each distinct value decoded once."""
        keys = self.doc.to_array([attr]).tolist() if len(self.tokens) else []
        strings = self.doc.vocab.strings
        decoded = {k: strings[k] for k in set(keys)}
        return [decoded[k] for k in keys]

    @cached_property
    def heads(self) -> list[int]:
        """Each token's head as a position (a root is its own head, as in spaCy)."""
        from spacy.attrs import HEAD

        if not self.tokens:
            return []
        rel = self.doc.to_array([HEAD]).view(numpy.int64).tolist()
        return [i + r for i, r in enumerate(rel)]

    @cached_property
    def kids(self) -> tuple[tuple[Token, ...], ...]:
        """Each token's children in order, as ``Token.children`` yields them (left ones, then
        right ones, each side in text order), the document's own token objects."""
        tokens = self.tokens
        found: list[list[Token]] = [[] for _ in tokens]
        for i, h in enumerate(self.heads):
            if h != i:
                found[h].append(tokens[i])
        return tuple(map(tuple, found))

    @cached_property
    def subtrees(self) -> dict[int, tuple[Token, ...]]:
        """The subtrees asked for so far, by token position (see :func:`subtree`)."""
        return {}

    @cached_property
    def dep(self) -> list[str]:
        """Each token's ``dep_``."""
        from spacy.attrs import DEP

        return self._strings(DEP)

    @cached_property
    def lemma(self) -> list[str]:
        """Each token's ``lemma_.lower()``."""
        from spacy.attrs import LEMMA

        lowered: dict[str, str] = {}
        return [lowered.setdefault(s, s.lower()) for s in self._strings(LEMMA)]

    @cached_property
    def lower(self) -> list[str]:
        """Each token's ``lower_``."""
        from spacy.attrs import LOWER

        return self._strings(LOWER)


def token_arrays(doc: Doc) -> TokenArrays:
    """The arrays of ``doc``, made on first use and kept in its ``user_data``."""
    found: TokenArrays | None = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = TokenArrays(doc)
    return found


def children(token: Token) -> tuple[Token, ...]:
    """``tuple(token.children)``, without making a ``Token`` or walking the token's span."""
    return token_arrays(token.doc).kids[token.i]


def subtree(token: Token) -> tuple[Token, ...]:
    """``tuple(token.subtree)``, made by spaCy once per token and document: spaCy's generator
    makes every word of the phrase again on each walk (about 100 µs for the root of a 40-word
    sentence), and the rules walk the same subjects and clauses again and again."""
    known = token_arrays(token.doc).subtrees
    found = known.get(token.i)
    if found is None:
        found = known[token.i] = tuple(token.subtree)
    return found
