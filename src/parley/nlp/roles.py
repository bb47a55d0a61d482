"""Roles stated next to a name, and the country a stated role or name points to.

A role is stated three ways: a title right before the name ("Ukrainian Foreign Minister Andriy
Sybiha"), a title or noun phrase in apposition after it ("Marianne Keller, the Swiss envoy,";
"Anna Sahakyan, a political scientist at Yerevan State University"), or an appositive before it
("Turkmenistan's deputy foreign minister, Batyr Orazov"). :class:`RoleReader` finds them for a
token range; :meth:`RoleReader.country_in` reads the country such words name (a demonym, a
state, a capital or city, a knowledge-base actor with a country), which is how a person the
knowledge base does not know gets a country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.kb import KnowledgeBase
from parley.knowledge.places import city_country, country_code
from parley.nlp.docs import entity_starting
from parley.nlp.lexicon import Lexicon
from parley.nlp.titles import TitleHit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["RoleReader", "StatedRole", "clean_role"]

_LEX = "lexicon/names.json"  # word lists of this module: parley.knowledge

_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_CLAUSE_BREAKS = {",", ";", "(", "—", "–"}
# Nouns that describe a person by relation rather than office ("his South Korean counterpart,
# Park Ji-hoon"): they say nothing about the role but their modifiers say where the person is from.


@dataclass
class StatedRole:
    """A role found next to a name: its text (None for relation nouns), the title hit it came
    from (if any) and the token range of the words that state it (end-exclusive)."""

    text: str | None
    hit: TitleHit | None
    start: int
    end: int


class RoleReader:
    """Roles and countries around names in one Doc, given its title hits."""

    def __init__(self, doc: Doc, hits: list[TitleHit], lexicon: Lexicon, kb: KnowledgeBase):
        self.doc = doc
        self.hits = hits
        self.lexicon = lexicon
        self.kb = kb

    def role_of(self, start: int, end: int) -> StatedRole | None:
        """The role stated next to the name at ``doc[start:end]``, title hits first."""
        hit = self._hit_ending(start) or self._hit_ending(start - 1, comma=True)
        hit = hit or self._hit_after(end)
        if hit is not None:
            return StatedRole(hit.role_text(), hit, hit.start, hit.end)
        return self._apposition(start, end)

    def _hit_ending(self, at: int, comma: bool = False) -> TitleHit | None:
        if comma and (at < 1 or self.doc[at].text != ","):
            return None
        for hit in self.hits:
            if hit.end == at and hit.office_end >= hit.end - 3:
                return hit
        return None

    def _hit_after(self, end: int) -> TitleHit | None:
        """A title in apposition after a name: "X, head of US European Command, ..."."""
        if end >= len(self.doc) or self.doc[end].text != ",":
            return None
        for hit in self.hits:
            if hit.start == end + 1:
                closing = self.doc[hit.end] if hit.end < len(self.doc) else None
                if closing is None or closing.is_punct or closing.dep_ == "cc":
                    return hit
        return None

    def _apposition(self, start: int, end: int) -> StatedRole | None:
        """ "X, head of Y" (appositive after) or "head of Y, X" (appositive before)."""
        span = self.doc[start:end]
        for child in span.root.children:
            if child.dep_ == "appos" and child.i >= end and child.pos_ == "NOUN":
                left = child.left_edge.i
                right = _clause_end(self.doc, child)
                return StatedRole(clean_role(self.doc[left:right].text), None, left, right)
        if start >= 2 and self.doc[start - 1].text == ",":
            noun = self._title_noun_above(span.root)
            if noun is not None:
                left = noun.left_edge.i
                text = None if noun.lower_ in _relation_nouns() else self.doc[left : start - 1].text
                return StatedRole(clean_role(text or ""), None, left, start - 1)
        return None

    def _title_noun_above(self, root: Token) -> Token | None:
        """Climb from an appositive name to the role noun it renames ("head of the delegation")."""
        if root.dep_ != "appos":
            return None
        token = root.head
        for _ in range(6):
            if self._is_role_noun(token):
                return token
            if (
                token.dep_ == "pobj"
                and token.head.dep_ == "prep"
                and token.head.head.pos_ in ("NOUN", "PROPN")
            ):
                token = token.head.head
            else:
                return None
        return None

    def _is_role_noun(self, token: Token) -> bool:
        if token.lower_ in self.lexicon.office_by_phrase or token.lower_ in _relation_nouns():
            return True
        return any(h.office_start <= token.i < h.office_end for h in self.hits)

    def country_of_role(self, stated: StatedRole, dateline: str | None = None) -> str | None:
        """The country a stated role names: its title's state or organisation country, else
        a country in its words; a title with neither ("Deputy Foreign Minister X") is read, wire
        style, as an office of the country the report was filed from."""
        hit = stated.hit
        if hit is not None and hit.modifier is not None:
            modifier = hit.modifier
            code = modifier.country or (modifier.id if modifier.kind == "state" else None)
            if code:
                return code
        code = self.country_in(stated.start, stated.end)
        if code is None and hit is not None and dateline:
            code = self._country_of_name(dateline, "")
        return code

    def country_in(self, start: int, end: int, inside: bool = False) -> str | None:
        """The first country the words ``doc[start:end]`` name, as an ISO3 id, else None.

        Reads demonyms ("Kazakh"), states and their capitals ("Yerevan State University"),
        other knowledge-base actors with a country, and cities the knowledge base lacks.
        ``inside`` reads the words of one entity ("Ministry of Digital Development of
        Kazakhstan") one by one, and then only demonyms and state names count.
        """
        if inside:
            return self._state_word_in(start, end)
        i = max(start, 0)
        while i < min(end, len(self.doc)):
            token = self.doc[i]
            ent = _ent_starting(self.doc, i)
            if ent is not None:
                code = self._country_of_name(ent.text, ent.ent_id_)
                if code:
                    return code
                i = ent.end
                continue
            code = self.lexicon.country_of_demonym(token.text) if token.is_title else None
            if code:
                return code
            i += 1
        return None

    def _state_word_in(self, start: int, end: int) -> str | None:
        for token in self.doc[start:end]:
            if not token.is_title:
                continue
            code = self.lexicon.country_of_demonym(token.text)
            states = [a for a in self.kb.lookup(token.text) if a.kind == "state"]
            code = code or (states[0].id if len(states) == 1 else None)
            if code:
                return code
        return None

    def _country_of_name(self, text: str, actor_id: str) -> str | None:
        actor = self.kb.actors.get(actor_id) if actor_id else None
        if actor is None:
            found = self.kb.lookup(text)
            actor = found[0] if len(found) == 1 else None
        if actor is not None:
            return actor.country or (actor.id if actor.kind == "state" else None)
        if self.lexicon.country_of_demonym(text):
            return self.lexicon.country_of_demonym(text)
        return country_code(text) or city_country(text)


def _ent_starting(doc: Doc, i: int) -> Span | None:
    token = doc[i]
    if token.ent_iob_ != "B":
        return None
    return entity_starting(doc, i)


def _clause_end(doc: Doc, head: Token) -> int:
    """End of ``head``'s phrase, cut at the first comma or conjunction after its own word."""
    end = head.i + 1
    for token in doc[head.i + 1 : head.right_edge.i + 1]:
        if token.text in _CLAUSE_BREAKS or token.dep_ in ("cc", "conj"):
            break
        end = token.i + 1
    return end


def clean_role(text: str) -> str | None:
    """A role as stored: no leading article, no stray punctuation or spacing; None if empty."""
    text = " ".join(_ARTICLES.sub("", text.strip(" ,;")).split())
    return text or None


def _relation_nouns() -> frozenset[str]:
    """Nouns that describe a person by relation rather than office ("his South Korean
    counterpart, Park Ji-hoon"): they say nothing about the role but their modifiers say where
    the person is from."""
    return knowledge.words(_LEX, "relation_nouns")
