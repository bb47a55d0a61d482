"""The actors extractor ``parley.actors.v1``: who the article names or refers to, and as what.

Every named entity, office title and "his counterpart" goes through one explicit cascade; the
first step that resolves it wins:

1. **exact** – the entity ruler matched a knowledge-base name, alias or metonym, so the span
   carries the actor id (``ent_id_``); a bare surname unique in the KB counts here too, at lower
   confidence. A capital used as a location ("talks in Abu Dhabi") is a place, not the state.
2. **surname** – "Grynkewich" or "Grynkewich's" after "Alexus Grynkewich" in the same article
   is the same person (also for people the KB does not know).
3. **spelling variant** – a person name the KB lacks is compared, transliteration-aware, with KB
   persons ("Gerassimov" → Valery Gerasimov, "Andriy Sibiga" → Andriy Sybiha); the threshold is
   conservative and the surname must match on its own ("Dmitry Peskov" ≠ "Dmitry Medvedev").
4. **title** – "the Russian president", "Ukrainian Foreign Minister", "Trump's special envoy"
   resolve to the office holder on the article's publication date (:mod:`parley.nlp.titles`).
5. **counterpart** – "his counterpart" is the holder of the antecedent's office in the other
   state the article is about (the one whose holder was mentioned most recently, else the most
   mentioned state).
6. **demonyms and metonyms** – "the Americans" → USA, "the Kremlin" → RUS (ruler ids and
   ``demonyms.json``).
7. **stated roles** – titles before a name ("Ukrainian Foreign Minister Andriy Sibiga") and
   appositions ("X, head of Y"; "the Russian Chief of the General Staff, Valery Gerassimov")
   become ``Mention.role`` and are added to the actor's roles.
8. **unresolved** – other PERSON/ORG/GPE entities stay mentions with ``actor=None``; two-word
   persons and organisations become ``new:<slug>`` actors (an organisation a state's
   possessive owns is of that state: "Chile's National Security Council"), countries the KB
   lacks get their ISO3 id from pycountry, and cities are places (never actors). Names followed
   by a non-actor head noun ("the Abu Dhabi talks", "the New START treaty") are not actors.

The steps live in small modules over a shared :class:`~parley.extract.actors.state.Reading`
(the article, read once) and :class:`~parley.extract.actors.state.Ledger` (what is found so
far): candidate lookup and non-person names in ``entities``, person names in ``persons``, the
evidence a link needs (full or introduced name, role active on the date, gender and kind
agreement) in ``evidence``, what the rest of the article says about a name (a longer name it
opens, the place that picks "the Times", which "Congo") in ``context``, titles, stated roles
and counterparts in ``titles``, and outlets in ``outlets``.

Left in ``ctx.products`` for later extractors (declared in ``assigns``):

* ``actor_at`` – ``dict[int, str]``: token index → actor id, for every token of a resolved
  mention (quotes and events look up the actors under a subtree with it);
* ``mentions_by_sent`` – ``dict[int, list[Mention]]``: start token of a sentence → the
  mentions in it, in reading order;
* ``place_at`` – ``dict[int, str | None]``: start token of a place mention → ISO3 country.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from parley.extract.actors.context import ArticleContext
from parley.extract.actors.entities import Entities
from parley.extract.actors.evidence import Evidence
from parley.extract.actors.outlets import outlet_actor, record_without_mentions
from parley.extract.actors.persons import Persons
from parley.extract.actors.records import actor_at, by_sentence, to_actors, to_mentions
from parley.extract.actors.state import Ledger, Reading, Tools
from parley.extract.actors.titles import Counterparts, Titles
from parley.extract.base import Context, register
from parley.kb import KnowledgeBase
from parley.models import Actor, ActorInText, Mention
from parley.nlp.lexicon import Lexicon, load_lexicon
from parley.nlp.names import PersonIndex
from parley.nlp.titles import TitleFinder

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = ["ActorsExtractor"]

log = logging.getLogger(__name__)


@register("parley.actors.v1")
class ActorsExtractor:
    """Fill ``analysis.mentions`` and ``analysis.actors`` (see the module docstring)."""

    name: ClassVar[str] = "parley.actors.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc", "kb")
    assigns: ClassVar[tuple[str, ...]] = (
        "mentions",
        "actors",
        "actor_at",
        "mentions_by_sent",
        "place_at",
    )

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon
        self._tools: Tools | None = None

    def tools(self, kb: KnowledgeBase) -> Tools:
        """Indexes over ``kb``, built on first use and rebuilt when the KB changes."""
        if self._tools is None or self._tools.kb is not kb or self._tools.size != len(kb):
            lexicon = self._lexicon or load_lexicon()
            people = PersonIndex(kb.of_kind("person"))
            self._tools = Tools(kb, lexicon, people, TitleFinder(lexicon, kb), len(kb))
        return self._tools

    def __call__(self, ctx: Context) -> None:
        article = ctx.article
        run = _Resolution(
            ctx.doc, self.tools(ctx.kb), article.published_at, article.dateline, article.outlet
        )
        run.resolve()
        ctx.analysis.mentions.extend(run.mentions())
        ctx.analysis.actors.extend(run.actors())
        outlet = outlet_actor(ctx.kb, article.outlet)
        if outlet is not None and outlet.id not in {a.id for a in ctx.analysis.actors}:
            # the medium that published the article is a party to it even when the body
            # never names it ("Outlet: Eurasianet" in the header only); it has no mentions
            ctx.analysis.actors.append(record_without_mentions(outlet))
        ctx.products.actor_at = run.actor_at()
        ctx.products.mentions_by_sent = run.by_sentence(ctx.analysis.mentions)
        ctx.products.place_at = dict(run.ledger.place_at)


@dataclass
class _Resolution:
    """The cascade over one Doc: the steps in order, over one reading and one ledger."""

    doc: Doc
    tools: Tools
    on: dt.date | None
    dateline: str | None = None
    outlet: str | None = None
    ledger: Ledger = field(init=False)

    def __post_init__(self) -> None:
        self.reading = Reading(self.doc, self.tools, self.on, self.dateline, self.outlet)
        self.ledger = Ledger(self.tools.kb)
        check = Evidence(self.reading)
        context = ArticleContext(self.reading)
        self.entities = Entities(self.reading, self.ledger, check, context)
        self.persons = Persons(self.reading, self.ledger, check)

    def resolve(self) -> None:
        """Run the cascade steps in order (numbers as in the module docstring)."""
        deferred = []
        for ent in self.entities.candidates():
            if not self._first_pass(ent):
                deferred.append(ent)
        # full names first, so "Brenner" can find a "Tomas Brenner" the KB does not know (a
        # name counts with the given name the ruler left out: "Tomas" + surname pattern)
        # ("Minister Mansour" is one name word behind a title: it waits for the full names)
        full = [e for e in deferred if self.persons.name_length(e) > 1]
        consumed = self.ledger.consumed  # a given name a full name took in is no name
        for ent in full:
            if ent.start not in consumed:
                self.persons.short_name(ent, {})  # steps 3, 8
        surnames = self.persons.article_surnames()
        for ent in [e for e in deferred if e not in full and e.start not in consumed]:
            self.persons.short_name(ent, surnames)  # steps 2, 3, 8
        Titles(self.reading, self.ledger).resolve()  # steps 4 and 7
        Counterparts(self.reading, self.ledger).resolve()  # step 5
        self.entities.owned_organisations()  # step 8: "Chile's National Security Council"
        self.entities.services_named_with_state()  # step 8: "the U.S. Coast Guard"

    def _first_pass(self, ent: SpacySpan) -> bool:
        """Step 1 for full person names; steps 1, 6, 8 for the rest. False defers ``ent``."""
        if ent.start in self.ledger.consumed:
            return True  # part of a longer name resolved already ("National Security Council")
        if ent.label_ == "PERSON":
            return self.persons.full_name(ent)
        return self.entities.resolve(ent)

    def mentions(self) -> list[Mention]:
        """The mentions found, in reading order."""
        return to_mentions(self.doc, self.reading.text, self.ledger.found)

    def actors(self) -> list[ActorInText]:
        """One record per resolved actor, in order of first mention."""
        ledger = self.ledger

        def actor_of(actor_id: str) -> Actor:
            return ledger.kb.actors.get(actor_id) or ledger.new_actors[actor_id]

        found, roles = ledger.found, ledger.stated_roles
        return to_actors(self.doc, self.reading.text, found, actor_of, roles, self.on)

    def actor_at(self) -> dict[int, str]:
        """Token index → actor id for every token of a resolved mention."""
        return actor_at(self.ledger.found)

    def by_sentence(self, mentions: list[Mention]) -> dict[int, list[Mention]]:
        """Sentence start token → mentions inside that sentence."""
        return by_sentence(self.doc, mentions)
