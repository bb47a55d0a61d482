"""Where a wire dateline ends in a parsed document ("GENEVA, March 3 (Reuters) —").

A dateline is not part of what anyone said or did: the events extractor does not take actors or
dates from it, and the speech extractors do not start a claim or a speaker inside it. One rule
for all of them, so they agree on what is a dateline. (:mod:`parley.normalize.dateline` reads the
place and date out of the raw text; this finds its end among the tokens.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["DASHES", "dateline_end"]

DASHES = ("—", "–", "--")
_WINDOW = 14  # a dateline is a few words: place, date, agency
_PLACE_WINDOW = 7  # "New Delhi, Uttar Pradesh, India:" at most


def dateline_end(doc: Doc, start: int = 0, stop: int | None = None) -> int | None:
    """Index just past the dateline that opens at token ``start`` (before ``stop``), else None.

    A dateline opens with a word in capitals and runs, without a verb, to a dash:
    "ASTANA, April 15 (Reuters) —". "FINNISH President Alexander Stubb — who …" has a noun
    phrase before its dash but "LONDON officials said — …" has a verb, so only the first is
    one. Places alone before a colon are one too ("New Delhi, India: …").
    """
    while start < len(doc) and doc[start].is_space:
        start += 1
    if start >= len(doc):
        return None
    colon = _place_colon(doc, start, stop)
    if colon is not None:
        return colon
    if not (doc[start].is_upper and doc[start].is_alpha):
        return None
    end = min(len(doc) if stop is None else stop, start + _WINDOW)
    for tok in doc[start:end]:
        if tok.text in DASHES or _spaced_hyphen(tok):
            before = [t for t in doc[start : tok.i] if not t.is_space]
            if before and not any(t.pos_ in ("VERB", "AUX") for t in before):
                return tok.i + 1
            return None
    return None


def _place_colon(doc: Doc, start: int, stop: int | None) -> int | None:
    """Index past a dateline of places closed by a colon ("New Delhi, India: Leaders of …"),
    the form of much South Asian agency copy: nothing but place names and commas before the
    colon, and the sentence going on after it on the same line."""
    end = min(len(doc) if stop is None else stop, start + _PLACE_WINDOW)
    places = 0
    for tok in doc[start:end]:
        if tok.text == ":":
            after = tok.i + 1 < len(doc) and not tok.whitespace_.count("\n")
            return tok.i + 1 if places and after else None
        if tok.text == ",":
            continue
        if tok.pos_ != "PROPN" or tok.ent_type_ not in ("GPE", "LOC"):
            return None
        places += 1
    return None


def _spaced_hyphen(tok: Token) -> bool:
    """A hyphen with a blank on each side, the dash of typed wire copy ("KIEV (Reuters) - …");
    a hyphen inside a word ("Russia-backed") is no dash."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return tok.text == "-" and before is not None and bool(before.whitespace_ and tok.whitespace_)
