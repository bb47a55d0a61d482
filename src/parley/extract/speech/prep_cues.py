"""Where a prepositional attribution cue stands and whom it names.

The cues are phrases of the lexicon ("according to", "as reported by", "quoted by"); the
reporter is the phrase after the cue, an outlet's known name trusted over the parse, which
stumbles on glued text. Both the prepositional claims and the relays of reported speech
("X said Y, according to Z") read cues this way.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from parley.extract.speech.syntax import phrase_bounds
from parley.nlp.docs import doc_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from parley.extract.speech.cues import Cues
    from parley.extract.speech.resolver import Resolver

__all__ = ["CueScanner"]


class CueScanner:
    """Prepositional cues of one document and the reporters they name."""

    def __init__(self, res: Resolver, cues: Cues) -> None:
        self.res = res
        self.doc: Doc = res.ctx.doc
        self.cues = cues

    def at(self, i: int) -> int:
        """The length in tokens of the prepositional cue starting at token ``i`` (0: none)."""
        # Reads the document's lower-cased words once, not a slice per cue per token: this
        # was the extractor's hottest line.
        lower = self._lower
        if i >= len(lower) or lower[i] not in self._cue_heads:
            return 0
        for phrase in self.cues.prepositions:
            if tuple(lower[i : i + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    @functools.cached_property
    def _lower(self) -> list[str]:
        """The document's lower-cased words, read once."""
        return [t.lower_ for t in doc_tokens(self.doc)]

    @functools.cached_property
    def _cue_heads(self) -> frozenset[str]:
        """First words of the cues: most tokens are rejected by one set lookup."""
        return frozenset(p[0] for p in self.cues.prepositions if p)

    def reporter_bounds(self, cue: SpacySpan) -> tuple[int, int] | None:
        """Token bounds of the reporter named right after a prepositional cue."""
        first = cue.end
        sent_end = cue.sent.end
        mention = self.res.mention(first) or (
            self.res.mention(first + 1) if self.doc[first].lower_ == "the" else None
        )
        # An outlet's name is trusted over the parse, which stumbles on glued text
        # ("published by Financial Times It is proposed …").
        if mention is not None and self.res.kind(mention.actor) == "media outlet":
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                return first, span.end
        objs = [c for c in cue[-1].children if c.dep_ == "pobj" and c.i >= first]
        if objs:
            start, end = phrase_bounds(objs[0])
            comma = next((t.i for t in self.doc[start:end] if t.text == ","), end)
            return start, comma
        chunk = next((c for c in self.doc.noun_chunks if c.start == first), None)
        if chunk is not None:
            return chunk.start, chunk.end
        return (first, first + 1) if first < sent_end else None
