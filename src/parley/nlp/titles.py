"""Office titles in text, resolved to whoever held the office on the article's date.

"the Russian president", "Ukrainian Foreign Minister", "the president of Ukraine", "Trump's
special envoy" and "the Russian president's press secretary" name a person by office. The
office comes from ``titles.json``; the country or organisation from, in order:

1. a possessive in front ("Trump's", "NATO's", "the Russian president's" — itself a title);
2. a modifier in front: an entity with a knowledge-base id ("US", "Kremlin") or a demonym;
3. an ``of``-phrase after ("president of Ukraine", "head of US European Command").

The role key is ``<office key>:<id>`` (``president:RUS``) and the holder is
``kb.holder(key, published_at)``. "former" or "ex-" in front means someone else held it, so such
titles are found but never resolved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.kb import KnowledgeBase
from parley.models import Actor
from parley.nlp.docs import entity_at
from parley.nlp.lexicon import Lexicon, Office

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

__all__ = ["TitleHit", "TitleFinder", "country_name"]

_LEX = "lexicon/names.json"  # word lists of this module: parley.knowledge

_POSSESSIVE = {"'s", "’s", "'"}


@dataclass
class TitleHit:
    """One office title in a Doc; token offsets are end-exclusive.

    ``start`` includes the determiner and modifiers ("the Russian president"), ``office_start``
    only the office words. ``holder`` is None when the office or its country is unknown.
    """

    start: int
    end: int
    office_start: int
    office_end: int
    office: Office
    modifier: Actor | None = None
    modifier_text: str | None = None
    key: str | None = None
    holder: Actor | None = None
    current: bool = True
    office_text: str = ""
    stated: str = ""

    def role_text(self) -> str:
        """The role as a person would write it: "Foreign Minister of Ukraine".

        A modifier that is not a country or a person ("Kremlin spokesman") is kept as stated.
        """
        if self.modifier_text:
            return f"{self.office_text} of {self.modifier_text}"
        return self.stated or self.office_text


class TitleFinder:
    """Finds :class:`TitleHit` s in Docs of one vocabulary, using a lexicon and a KB."""

    def __init__(self, lexicon: Lexicon, kb: KnowledgeBase) -> None:
        self.lexicon = lexicon
        self.kb = kb
        self._matchers: dict[int, PhraseMatcher] = {}

    def _matcher(self, vocab: Vocab) -> PhraseMatcher:
        from spacy.matcher import PhraseMatcher

        matcher = self._matchers.get(id(vocab))
        if matcher is None:
            matcher = PhraseMatcher(vocab, attr="LOWER")
            for phrase in self.lexicon.office_by_phrase:
                matcher.add(phrase, [_make(vocab, phrase)])
            self._matchers[id(vocab)] = matcher
        return matcher

    def find(self, doc: Doc, on: dt.date | None) -> list[TitleHit]:
        """Title hits in reading order, longest first where they overlap; PERSON names skipped."""
        spans = _longest(
            (s, e) for _, s, e in self._matcher(doc.vocab)(doc) if not _in_person(doc, s, e)
        )
        hits: list[TitleHit] = []
        for start, end in spans:
            office = self.lexicon.office_by_phrase.get(doc[start:end].text.lower())
            if office is None:
                continue
            hit = TitleHit(start, end, start, end, office, office_text=doc[start:end].text)
            self._qualify(doc, hit, hits, on)
            hits.append(hit)
        return hits

    def _qualify(
        self, doc: Doc, hit: TitleHit, earlier: list[TitleHit], on: dt.date | None
    ) -> None:
        """Fill modifier, key and holder of ``hit`` from its neighbours."""
        left = hit.office_start
        owner = self._possessor(doc, left, earlier)
        if owner is not None:
            hit.modifier, hit.modifier_text, left = owner
        else:
            found = self._premodifier(doc, left)
            if found is not None:
                hit.modifier, hit.modifier_text, left = found
            else:
                after = self._of_phrase(doc, hit.office_end)
                if after is not None:
                    hit.modifier, hit.modifier_text, hit.end = after
        left = _skip_left(doc, left, hit)
        hit.start = left
        hit.stated = _strip_the(doc[left : hit.end].text)
        if hit.modifier is not None and hit.current:
            hit.key, hit.holder = self._holder(hit.office, hit.modifier, on)
            if hit.key and hit.modifier.kind == "person":
                hit.modifier_text = _office_of(hit.modifier, hit.key, on) or hit.modifier_text

    def _possessor(
        self, doc: Doc, left: int, earlier: list[TitleHit]
    ) -> tuple[Actor, str | None, int] | None:
        """ "Trump's envoy", "the Russian president's press secretary" → (actor, text, start)."""
        if left < 2 or doc[left - 1].text not in _POSSESSIVE:
            return None
        owner_end = left - 1
        for hit in earlier:
            if hit.end == owner_end and hit.holder is not None:
                return hit.holder, _lower_the(doc[hit.start : hit.end].text), hit.start
        ent = _ent_at(doc, owner_end - 1)
        actor = self._actor_of(ent) if ent is not None else None
        if ent is None or actor is None:
            return None
        if actor.kind == "state":
            return actor, country_name(actor), ent.start
        return actor, ent.text if actor.kind == "person" else None, ent.start

    def _premodifier(self, doc: Doc, left: int) -> tuple[Actor, str | None, int] | None:
        """ "US president", "Kremlin spokesman", "Ukrainian Foreign Minister"."""
        if left == 0:
            return None
        for width in (2, 1):
            if left - width < 0:
                continue
            words = doc[left - width : left].text
            code = self.lexicon.country_of_demonym(words)
            if code and code in self.kb:
                return self.kb[code], country_name(self.kb[code]), left - width
        ent = _ent_at(doc, left - 1)
        if ent is not None and ent.label_ != "PERSON":
            actor = self._actor_of(ent)
            if actor is not None and actor.kind == "state" and ent.label_ == "GPE":
                return actor, country_name(actor), ent.start
            if actor is not None:
                return actor, None, ent.start
        return None

    def _of_phrase(self, doc: Doc, right: int) -> tuple[Actor, str, int] | None:
        """ "president of Ukraine", "head of US European Command" → (actor, name, new end)."""
        if right >= len(doc) or doc[right].lower_ != "of":
            return None
        i = right + 1
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        ent = _ent_at(doc, i) if i < len(doc) else None
        if ent is None or ent.start != i or ent.label_ == "PERSON" or _name_goes_on(doc, ent):
            return None
        actor = self._actor_of(ent)
        if actor is None:
            return None
        name = country_name(actor) if actor.kind == "state" else doc[right + 1 : ent.end].text
        return actor, name, ent.end

    def _actor_of(self, ent: Span) -> Actor | None:
        if ent.ent_id_ and ent.ent_id_ in self.kb:
            return self.kb[ent.ent_id_]
        found = self.kb.lookup(ent.text)
        return found[0] if len(found) == 1 else None

    def _holder(
        self, office: Office, modifier: Actor, on: dt.date | None
    ) -> tuple[str | None, Actor | None]:
        for suffix in _suffixes(modifier):
            for prefix in office.keys:
                key = f"{prefix}:{suffix}"
                holder = self.kb.holder(key, on)
                if holder is not None:
                    return key, holder
        return None, None


def _make(vocab: Vocab, phrase: str) -> Doc:
    from spacy.tokens import Doc

    from_words = phrase.replace("-", " - ").split()
    return Doc(vocab, words=from_words)


def _suffixes(actor: Actor) -> list[str]:
    """Ids a role key may end with: a state's own id, a person's country, or an organisation's
    id, all-capitals name ("NATO") or acronym aliases."""
    if actor.kind == "person":
        return [actor.country] if actor.country else []
    out = [actor.id]
    for name in (actor.name, *actor.aliases):
        if name.isupper() and name.isalpha() and name not in out:
            out.append(name)
    return out


def country_name(actor: Actor) -> str:
    """A state's name as it reads after "of": "the United States", "Ukraine"."""
    name = actor.name
    first = name.split()[0]
    if first in knowledge.phrases(_LEX, "takes_the") or name.endswith(
        knowledge.phrases(_LEX, "takes_the_endings")
    ):
        return "the " + name
    return name


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _lower_the(text: str) -> str:
    return "the" + text[3:] if text.startswith("The ") else text


def _office_of(person: Actor, key: str, on: dt.date | None) -> str | None:
    """How to name ``person`` as the principal of ``key``: Trump for "special_envoy:president:USA"
    is "the President of the United States"."""
    principal = key.split(":", 1)[1]
    for role in person.roles_on(on):
        if role.key == principal:
            return f"the {role.title}"
    return None


def _ent_at(doc: Doc, i: int) -> Span | None:
    token: Token = doc[i]
    if not token.ent_type_:
        return None
    return entity_at(doc, i)


def _name_goes_on(doc: Doc, ent: Span) -> bool:
    """Whether the capitalised name goes on after ``ent`` ("the United Nations Regional Office
    for …", "the African Union Mission in …"): then the office is of that longer-named body,
    a part of the entity, and its head is not the entity's head."""
    if ent.end >= len(doc):
        return False
    nxt = doc[ent.end]
    return nxt.is_alpha and nxt.text[:1].isupper() and nxt.pos_ in ("PROPN", "NOUN")


def _in_person(doc: Doc, start: int, end: int) -> bool:
    return any(t.ent_type_ == "PERSON" for t in doc[start:end])


def _skip_left(doc: Doc, left: int, hit: TitleHit) -> int:
    """Move ``left`` over "the", "former", "top" in front of a title; mark non-current ones."""
    while left > 0:
        word = doc[left - 1].lower_
        if word in knowledge.words(_LEX, "not_current"):
            hit.current = False
        elif word not in knowledge.words(_LEX, "title_lead"):
            break
        left -= 1
    return left


def _longest(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda se: (se[0] - se[1], se[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return sorted(chosen)
