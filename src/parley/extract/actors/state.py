"""What the steps of the actors cascade share: the tools, the article read once, the ledger.

The cascade (:mod:`parley.extract.actors.extractor`) runs in named steps, each a small class in
its own module. They share three things, kept here so that no step reaches into another:

* :class:`Tools` – indexes over the knowledge base, built once per knowledge base;
* :class:`Reading` – the article as the cascade reads it (Doc, date, dateline, title hits);
* :class:`Ledger` – what the steps have found so far: mentions, new actors, stated roles and
  places. Steps append to it; later steps read what earlier ones wrote.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.extract.actors.records import Found
from parley.kb import KnowledgeBase, alias_key
from parley.knowledge import words
from parley.models import Actor, ActorKind
from parley.nlp.docs import doc_text
from parley.nlp.lexicon import Lexicon
from parley.nlp.names import PersonIndex
from parley.nlp.roles import RoleReader
from parley.nlp.titles import TitleFinder, TitleHit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["Tools", "Reading", "Ledger", "lex", "LEX"]

LEX = "lexicon/actors.json"
_VOWELS = "aeiou"
_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def lex(key: str) -> frozenset[str]:
    """A word list of the actors extractor (``parley/data/lexicon/actors.json``): locative
    prepositions, geographic heads ("East China Sea"), words a complete organisation name does
    not end with, government nouns ("the Trump administration") and office words."""
    return words(LEX, key)


@dataclass
class Tools:
    """What the extractor builds once per knowledge base."""

    kb: KnowledgeBase
    lexicon: Lexicon
    people: PersonIndex
    titles: TitleFinder
    size: int = 0  # len(kb) when built: adding actors to the KB makes these stale


@dataclass
class Reading:
    """One article as every step reads it; nothing here changes during the cascade."""

    doc: Doc
    tools: Tools
    on: dt.date | None
    dateline: str | None = None
    outlet: str | None = None  # the publisher the article's metadata names
    hits: list[TitleHit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = doc_text(self.doc)  # Doc.text rebuilds the string on every access
        self.hits = self.tools.titles.find(self.doc, self.on)
        self.roles = RoleReader(self.doc, self.hits, self.tools.lexicon, self.kb)

    @property
    def kb(self) -> KnowledgeBase:
        return self.tools.kb

    @property
    def lexicon(self) -> Lexicon:
        return self.tools.lexicon

    def country_in_name(self, ent: SpacySpan) -> str | None:
        """The state an entity's own words name ("Ministry of ... of Kazakhstan"), if any."""
        return self.roles.country_in(ent.start, ent.end, inside=True)

    def after(self, end: int) -> Token | None:
        """The token at ``end`` (the one after a span ending there), if the Doc has one."""
        return self.doc[end] if end < len(self.doc) else None


@dataclass
class Ledger:
    """What the cascade has found in one article, in token offsets."""

    kb: KnowledgeBase
    found: list[Found] = field(default_factory=list)
    new_actors: dict[str, Actor] = field(default_factory=dict)
    stated_roles: dict[str, list[str]] = field(default_factory=dict)
    place_at: dict[int, str | None] = field(default_factory=dict)
    title_by: dict[int, TitleHit] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)  # tokens a longer name already took

    def add(
        self,
        start: int,
        end: int,
        label: str,
        actor: str | None,
        how: str,
        confidence: float,
        role: str | None = None,
    ) -> None:
        self.found.append(Found(start, end, label, actor, how, confidence, role))

    def new_actor(self, text: str, kind: ActorKind) -> str:
        """The id of an actor the KB lacks, named by ``text`` (created on first use)."""
        name = " ".join(_ARTICLES.sub("", text).split())
        actor_id = "new:" + re.sub(r"[^a-z0-9]+", "-", alias_key(name)).strip("-")
        if kind == "person" and actor_id not in self.new_actors:
            spelled = self._spelled_before(name)
            if spelled is not None:
                return spelled  # "Derek O'Brien" after "Derek O'Brian": one person
        self.new_actors.setdefault(actor_id, Actor(id=actor_id, name=name, kind=kind))
        return actor_id

    def _spelled_before(self, name: str) -> str | None:
        """The new person the article named before under another spelling of ``name``:
        the same given name and words, but for one vowel of the surname ("Derek O'Brian",
        "Derek O'Brien"), the only such person. Copy that spells a name two ways in one
        article means one person, not two; a letter added ("Hassan", "Hassani") makes
        another name, often a relative's."""
        words_ = name.split()
        if len(words_) < 2:
            return None
        found = [
            a.id for a in self.new_actors.values()
            if a.kind == "person" and _one_vowel_apart(a.name.split(), words_)
        ]  # fmt: skip
        return found[0] if len(found) == 1 else None

    def new_org(self, text: str, country: str | None) -> str:
        """A new organisation, with the country its name states ("... of Kazakhstan")."""
        actor_id = self.new_actor(text, "organisation")
        self.set_country(actor_id, country)
        return actor_id

    def set_country(self, actor_id: str, country: str | None) -> None:
        """Give a new actor without a country the one the text shows, if any."""
        actor = self.new_actors.get(actor_id)
        if actor is not None and country and not actor.country:
            self.new_actors[actor_id] = actor.model_copy(update={"country": country})

    def actor(self, actor_id: str) -> Actor | None:
        """A known or new actor by id."""
        return self.kb.actors.get(actor_id) or self.new_actors.get(actor_id)

    def kind(self, actor_id: str) -> str | None:
        actor = self.actor(actor_id)
        return actor.kind if actor else None


def _one_vowel_apart(a: list[str], b: list[str]) -> bool:
    """Whether two names of as many words differ in one letter of the last word only, one
    vowel written for another inside a run of vowels ("O'Brian", "O'Brien"): such runs are
    spelled variously. A lone vowel changed ("Berg", "Borg") makes another name."""
    last_a, last_b = a[-1].lower(), b[-1].lower()
    if len(a) != len(b) or a[:-1] != b[:-1] or len(last_a) != len(last_b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(last_a, last_b, strict=True)) if x != y]
    if len(diff) != 1 or not (last_a[diff[0]] in _VOWELS and last_b[diff[0]] in _VOWELS):
        return False
    i = diff[0]
    near = {last_a[j] for j in (i - 1, i + 1) if 0 <= j < len(last_a)}
    return bool(near & set(_VOWELS))
