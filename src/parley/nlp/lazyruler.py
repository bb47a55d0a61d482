"""Entity-ruler patterns added when a document could need them, not all at start-up.

Adding the knowledge base's 3,800 phrase patterns to the two entity rulers tokenises each
pattern text and creates a vocabulary entry for each new word: about a quarter of a second of
every start, though one sentence can match only the few patterns whose words it contains. The
feeder component, placed before the rulers, holds each pattern's token keys (the hashes the
ruler's phrase matcher compares: ``LOWER`` or ``ORTH``, read from the disk cache) and, for each
document, adds to a ruler the patterns whose every token occurs in the document before the
ruler runs. A pattern that cannot match a document changes nothing for it, so every document
gets the entities it would get from a ruler holding every pattern
(``tests/test_nlp.py`` compares the two); a long run ends up adding most of them.

Importing this module imports spaCy: :mod:`parley.nlp` imports it only when it builds a
pipeline.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

__all__ = ["FEEDER", "RulerFeeder", "pattern_keys"]

FEEDER = "parley_ruler_feeder"

_ATTRS = {"LOWER": LOWER, "ORTH": ORTH}


def pattern_keys(nlp: Language, patterns: Sequence[dict[str, Any]], attr: str) -> list[list[int]]:
    """The ``attr`` hash of each token of each phrase pattern, as the ruler would tokenise it."""
    docs = [nlp.make_doc(p["pattern"]) for p in patterns]
    if attr == "LOWER":
        return [[t.lower for t in doc] for doc in docs]
    return [[t.orth for t in doc] for doc in docs]


@dataclass
class _Pending:
    """The patterns of one ruler not added yet, by the key of their first token."""

    ruler: str
    attr: int
    by_first: dict[int, list[tuple[tuple[int, ...], dict[str, Any]]]] = field(default_factory=dict)

    def due(self, doc: Doc) -> list[dict[str, Any]]:
        """Remove and return the patterns whose every token key occurs in ``doc``."""
        present = set(doc.to_array([self.attr]).tolist())
        out: list[dict[str, Any]] = []
        for key in [k for k in present if k in self.by_first]:
            waiting = self.by_first[key]
            now = [p for toks, p in waiting if present.issuperset(toks)]
            if now:
                out += now
                left = [(toks, p) for toks, p in waiting if not present.issuperset(toks)]
                if left:
                    self.by_first[key] = left
                else:
                    del self.by_first[key]
        return out


class RulerFeeder:
    """A pipeline component that adds deferred patterns to the rulers after it."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.pending: list[_Pending] = []
        self._lock = threading.Lock()

    def defer(
        self,
        ruler: EntityRuler,
        attr: str,
        patterns: Sequence[dict[str, Any]],
        keys: Sequence[Sequence[int]],
    ) -> None:
        """Hold ``patterns`` (token keys ``keys``) for ``ruler``; the first is added now, so the
        ruler is never empty (spaCy warns about an empty ruler on every document)."""
        pending = _Pending(ruler.name, _ATTRS[attr])
        now: list[dict[str, Any]] = list(patterns[:1])
        for toks, p in zip(keys[1:], patterns[1:], strict=True):
            if toks:
                pending.by_first.setdefault(toks[0], []).append((tuple(toks), p))
            else:
                now.append(p)
        self._add(ruler.name, now)
        self.pending.append(pending)

    def _add(self, name: str, patterns: list[dict[str, Any]]) -> None:
        """Add phrase patterns to the ruler ``name`` as ``EntityRuler.add_patterns`` does,
        tokenising them only and without switching pipes off.

        ``add_patterns`` runs the pattern texts through ``nlp.pipe`` with the other
        components disabled, a change to the shared pipeline that another thread analysing
        at that moment (``parley serve`` analyses in a thread pool) would see; a phrase
        matcher on ``ORTH``/``LOWER`` reads only the tokens, which the tokenizer alone makes.
        The entity id is recorded before the pattern can match."""
        ruler: EntityRuler = self.nlp.get_pipe(name)  # type: ignore[assignment]
        for entry in patterns:
            label = entry["label"]
            if "id" in entry:
                shown = label
                label = ruler._create_label(label, entry["id"])
                ruler._ent_ids[ruler.matcher._normalize_key(label)] = (shown, entry["id"])
            doc = self.nlp.make_doc(entry["pattern"])
            _append_pattern(ruler, label, doc)
            ruler.phrase_matcher.add(label, [doc])

    def __call__(self, doc: Doc) -> Doc:
        """Add the patterns ``doc`` may match; one thread at a time, so a document never
        passes its rulers while a pattern it needs is half added by another thread."""
        if any(p.by_first for p in self.pending):
            with self._lock:
                for pending in self.pending:
                    if pending.by_first:
                        self._add(pending.ruler, pending.due(doc))
        return doc


def _append_pattern(ruler: EntityRuler, label: str, doc: Doc) -> None:
    """Record ``doc`` among ``ruler``'s phrase patterns of ``label``. A label not seen yet
    is added to a copy of the table, which then replaces it: ``EntityRuler.__len__``, which
    the ruler reads on every document, iterates that table, and another thread's ruler
    reading it while a key was inserted raised "dictionary changed size during iteration"
    (``parley serve`` analyses in a thread pool; seen in
    ``test_rulers_fed_from_several_threads_…``)."""
    if label in ruler.phrase_patterns:
        ruler.phrase_patterns[label].append(doc)
        return
    grown = defaultdict(list, ruler.phrase_patterns)
    grown[label] = [doc]
    ruler.phrase_patterns = grown


@Language.factory(FEEDER)
def make_feeder(nlp: Language, name: str) -> RulerFeeder:
    """spaCy's factory hook for :class:`RulerFeeder`."""
    return RulerFeeder(nlp)
