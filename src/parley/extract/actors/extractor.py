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
   persons and organisations become ``new:<slug>`` actors, countries the KB lacks get their ISO3
   id from pycountry, and cities are places (never actors). Names followed by a non-actor head
   noun ("the Abu Dhabi talks", "the New START treaty") are not actors.

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
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from parley.extract.actors.records import (
    Found,
    actor_at,
    by_sentence,
    to_actors,
    to_mentions,
)
from parley.extract.base import Context, register
from parley.kb import KnowledgeBase, alias_key
from parley.knowledge.places import city_country, country_code
from parley.models import Actor, ActorInText, ActorKind, Mention
from parley.nlp.counterparts import (
    counterpart_holder,
    counterpart_phrases,
    own_office,
    subject_candidates,
)
from parley.nlp.lexicon import Lexicon, load_lexicon
from parley.nlp.names import PersonIndex, name_key, name_similarity
from parley.nlp.patterns import family_name, surname
from parley.nlp.roles import RoleReader, StatedRole
from parley.nlp.titles import TitleFinder, TitleHit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["ActorsExtractor"]

log = logging.getLogger(__name__)

_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_LOCATIVE = {"in", "at", "near", "outside", "inside", "from", "to", "into", "around", "across"}
_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# Capitalised geographic heads that make a state name part of a place name ("East China Sea").
_FEATURE_HEADS = {
    "sea", "ocean", "strait", "straits", "gulf", "bay", "river", "basin", "lake", "canal",
    "peninsula", "mountains", "desert", "plateau", "plain", "island", "islands",
}  # fmt: skip
# Words a complete organisation name does not end with ("the University of" + a GPE).
_OPEN_ENDINGS = {"of", "for", "and", "the", "on", "in", "at", "to", "&"}
# A name resolved only by title-holder agreement must still look like the holder's name.
_TITLE_NAME_AGREEMENT = 0.7
_GOVERNMENT_NOUNS = {"administration", "government", "cabinet"}
_OFFICE_WORDS = {"minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "envoy"}


_Found = Found


@dataclass
class _Tools:
    """What the extractor builds once per knowledge base."""

    kb: KnowledgeBase
    lexicon: Lexicon
    people: PersonIndex
    titles: TitleFinder
    size: int = 0  # len(kb) when built: adding actors to the KB makes these stale


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
        self._tools: _Tools | None = None

    def tools(self, kb: KnowledgeBase) -> _Tools:
        """Indexes over ``kb``, built on first use and rebuilt when the KB changes."""
        if self._tools is None or self._tools.kb is not kb or self._tools.size != len(kb):
            lexicon = self._lexicon or load_lexicon()
            people = PersonIndex(kb.of_kind("person"))
            self._tools = _Tools(kb, lexicon, people, TitleFinder(lexicon, kb), len(kb))
        return self._tools

    def __call__(self, ctx: Context) -> None:
        article = ctx.article
        run = _Resolution(ctx.doc, self.tools(ctx.kb), article.published_at, article.dateline)
        run.resolve()
        ctx.analysis.mentions.extend(run.mentions())
        ctx.analysis.actors.extend(run.actors())
        outlet = _outlet_actor(ctx.kb, article.outlet)
        if outlet is not None and outlet.id not in {a.id for a in ctx.analysis.actors}:
            # the medium that published the article is a party to it even when the body
            # never names it ("Outlet: Eurasianet" in the header only); it has no mentions
            ctx.analysis.actors.append(_record_without_mentions(outlet))
        ctx.products.actor_at = run.actor_at()
        ctx.products.mentions_by_sent = run.by_sentence(ctx.analysis.mentions)
        ctx.products.place_at = dict(run.place_at)


@dataclass
class _Resolution:
    """The cascade over one Doc; holds only per-article state."""

    doc: Doc
    tools: _Tools
    on: dt.date | None
    dateline: str | None = None
    found: list[_Found] = field(default_factory=list)
    new_actors: dict[str, Actor] = field(default_factory=dict)
    stated_roles: dict[str, list[str]] = field(default_factory=dict)
    place_at: dict[int, str | None] = field(default_factory=dict)
    hits: list[TitleHit] = field(default_factory=list)
    title_by: dict[int, TitleHit] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.text = self.doc.text  # Doc.text rebuilds the string on every access
        self.hits = self.tools.titles.find(self.doc, self.on)
        self.roles = RoleReader(self.doc, self.hits, self.tools.lexicon, self.kb)

    @property
    def kb(self) -> KnowledgeBase:
        return self.tools.kb

    def resolve(self) -> None:
        """Run the cascade steps in order (numbers as in the module docstring)."""
        deferred = []
        for ent in self._entities():
            if not self._resolve_entity(ent):  # steps 1, 6, 8 for non-persons
                deferred.append(ent)
        # full names first, so "Brenner" can find a "Tomas Brenner" the KB does not know
        for ent in [e for e in deferred if len(e) > 1]:
            self._resolve_short_person(ent, {})  # steps 3, 8
        surnames = self._article_surnames()
        for ent in [e for e in deferred if len(e) == 1]:
            self._resolve_short_person(ent, surnames)  # steps 2, 3, 8
        self._resolve_titles()  # steps 4 and 7
        self._resolve_counterparts()  # step 5

    # -- entities -------------------------------------------------------------------------

    def _entities(self) -> list[SpacySpan]:
        """Entities that may name actors: not dates or numbers, not inside an office title."""
        offices = {i for h in self.hits for i in range(h.office_start, h.office_end)}
        out = []
        for ent in self.doc.ents:
            if ent.label_ not in _LABELS:
                continue
            if ent.label_ != "PERSON" and any(t.i in offices for t in ent):
                continue  # "Supreme Allied Commander" tagged ORG is a title, not an org
            out.append(ent)
        return out

    def _resolve_entity(self, ent: SpacySpan) -> bool:
        """Resolve ``ent`` now, or return False to defer a person name to the short-name pass."""
        if ent.label_ == "PERSON":
            return self._resolve_person(ent)
        if self._is_dateline(ent) and self._kb_actor(ent) is None:
            self._resolve_unknown_place(ent)  # "AVAZA, Turkmenistan —": a place, whatever its tag
            return True
        if ent.label_ != "NORP" and self.tools.lexicon.country_of_demonym(ent.text):
            self._resolve_demonym(ent)  # the model sometimes tags "Ukrainian" GPE
            return True
        actor = self._kb_actor(ent)
        if actor is not None:
            self._add_kb_entity(ent, actor)
        elif ent.label_ == "NORP":
            self._resolve_demonym(ent)
        elif ent.label_ == "GPE" or country_code(ent.text):
            self._resolve_unknown_place(ent)  # the model tags some countries ORG
        elif ent.label_ == "ORG" and self._looks_like_org(ent):
            if self._maybe_person(ent):
                return False  # a name the model tagged ORG: the person passes decide
            self._add(ent.start, ent.end, "ORG", self._new_org(ent), "new", 0.6)
        return True

    def _maybe_person(self, ent: SpacySpan) -> bool:
        """An ORG that may be a person: one capitalised word (a surname used alone) or a
        two-to-three-word name right after a title ("A ministry spokesman, Daniyar Akhmetov")."""
        if not all(t.is_alpha and t.is_title for t in ent):
            return False
        if len(ent) == 1:
            return True
        return (
            len(ent) <= 3
            and self.roles.role_of(ent.start, ent.end) is not None
            and any(h.end in (ent.start, ent.start - 1) for h in self.hits)
        )

    def _new_org(self, ent: SpacySpan) -> str:
        """A new organisation, with the country its name states ("... of Kazakhstan")."""
        actor_id = self._new_actor(ent.text, "organisation")
        actor = self.new_actors[actor_id]
        code = self.roles.country_in(ent.start, ent.end, inside=True)
        if code and not actor.country:
            self.new_actors[actor_id] = actor.model_copy(update={"country": code})
        return actor_id

    def _kb_actor(self, ent: SpacySpan) -> Actor | None:
        if ent.ent_id_ and ent.ent_id_ in self.kb:
            return self.kb[ent.ent_id_]
        found = self.kb.lookup(ent.text)
        return found[0] if len(found) == 1 else None

    def _add_kb_entity(self, ent: SpacySpan, actor: Actor) -> None:
        """Step 1/6 for states, organisations and demonym aliases; capitals used as places."""
        key = alias_key(ent.text)
        if ent.text.islower() and not _has_lower_name(actor, ent.text):
            return  # "Pakistan's foreign office" is a common noun, not Britain's Foreign Office
        if actor.kind == "state" and self._inside_a_name(ent):
            return  # "OpenLife Nigeria", "Air India": a name holding a place is not the state
        if (
            actor.kind == "place"
            or (actor.kind == "state" and self._in_feature_name(ent))
            or (
                actor.kind == "state"
                and _is_place_name(actor, key)
                and (self._is_locative(ent) or self._is_dateline(ent))
            )
        ):
            self.place_at[ent.start] = actor.country or actor.id
            self._add(ent.start, ent.end, ent.label_, None, "place", 0.9)
            return
        metonyms = {alias_key(m) for m in actor.metonyms} | {alias_key(actor.capital or "")}
        how = "name" if key == alias_key(actor.name) else "alias"
        if key in metonyms:
            how = "metonym"
        if ent.label_ == "NORP":
            how = "demonym"
        self._add(ent.start, ent.end, ent.label_, actor.id, how, 0.95 if how != "name" else 1.0)

    def _inside_a_name(self, ent: SpacySpan) -> bool:
        """Whether a state's name closes a longer proper name ("OpenLife Nigeria", "Air
        India"): a capitalised word glued before it that is no place of its own and no title."""
        if ent.start == 0:
            return False
        prev = self.doc[ent.start - 1]
        if prev.pos_ != "PROPN" or not prev.text[:1].isupper() or "\n" in prev.whitespace_:
            return False
        if prev.ent_type_ not in _NAME_PARTS or self._is_office_word(prev):
            return False
        return not self.kb.lookup(prev.text)

    def _in_feature_name(self, ent: SpacySpan) -> bool:
        """ "the East China Sea": a state name inside a capitalised geographic name."""
        nxt = self.doc[ent.end] if ent.end < len(self.doc) else None
        return nxt is not None and nxt.is_title and nxt.lower_ in _FEATURE_HEADS

    def _is_locative(self, ent: SpacySpan) -> bool:
        """ "in Abu Dhabi", "the Abu Dhabi talks": the name says where, not who."""
        root = ent.root
        if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
            return True
        nxt = self.doc[ent.end] if ent.end < len(self.doc) else None
        return nxt is not None and nxt.lower_ in self.tools.lexicon.non_actor_heads

    def _is_dateline(self, ent: SpacySpan) -> bool:
        """The place a report was filed from ("MOSCOW — ...") says where, not who."""
        if not self.dateline or alias_key(ent.text) != alias_key(self.dateline):
            return False
        if ent.start <= 2:  # the article opens with it: "AVAZA, Turkmenistan, May 19 (Reuters) —"
            return True
        nxt = self.doc[ent.end] if ent.end < len(self.doc) else None
        return nxt is not None and nxt.text in {"—", "–", "-", "--", ":"}

    def _resolve_demonym(self, ent: SpacySpan) -> None:
        """Step 6: "the Americans" is the state; a bare adjective ("Russian officials") is not."""
        text = ent.text
        if not text.endswith("s") or ent.root.pos_ == "ADJ":
            return
        code = self.tools.lexicon.country_of_demonym(text)
        if code and code in self.kb:
            self._add(ent.start, ent.end, "NORP", code, "demonym", 0.8)

    def _resolve_unknown_place(self, ent: SpacySpan) -> None:
        """Step 8 for GPE: a country the KB lacks is an actor; a city or region is a place."""
        code = country_code(ent.text)
        if code is not None:
            if code not in self.kb and code not in self.new_actors:
                self.new_actors[code] = Actor(id=code, name=ent.text, kind="state", country=code)
            self._add(ent.start, ent.end, "GPE", code, "name", 0.8)
            return
        self.place_at[ent.start] = city_country(ent.text)
        self._add(ent.start, ent.end, "GPE", None, "place", 0.5)

    def _looks_like_org(self, ent: SpacySpan) -> bool:
        """Not a name used as a modifier of a non-actor ("the Abu Dhabi talks", "New START")."""
        heads = self.tools.lexicon.non_actor_heads
        nxt = self.doc[ent.end] if ent.end < len(self.doc) else None
        if ent[-1].lower_ in heads or (nxt is not None and nxt.lower_ in heads):
            return False
        if ent[-1].lower_ in _OPEN_ENDINGS:
            return False  # a name the model cut short: "the University of" + "Belgrade"
        if nxt is not None and self._is_office_word(nxt):
            return False  # "India's External Affairs Minister": part of a title, not an org
        if any(t.like_num for t in ent) or not any(
            t.is_alpha and t.is_title or t.is_upper for t in ent
        ):
            return False
        if ent.root.dep_ == "conj" and city_country(ent.root.head.text):
            return False  # "between Aktau and Turkmenbashi": coordinated with a city, a place
        return not any(t.lower_ in self.tools.lexicon.ranks for t in ent)

    def _is_office_word(self, token: Token) -> bool:
        """A capitalised office or rank word ("Minister", "Secretary") that starts a title."""
        lex = self.tools.lexicon
        word = token.lower_
        return token.is_title and (word in lex.ranks or word in _OFFICE_WORDS)

    # -- persons --------------------------------------------------------------------------

    def _resolve_person(self, ent: SpacySpan) -> bool:
        """Step 1 for persons (full KB names and transliteration-equal spellings)."""
        start = self._name_start(ent)
        text = self.doc[start : ent.end].text
        if start == ent.start and ent.ent_id_ and ent.ent_id_ in self.kb:
            actor = self.kb[ent.ent_id_]
            known = {alias_key(n) for n in (actor.name, *actor.aliases)}
            if alias_key(text) in known:
                how = "name" if alias_key(text) == alias_key(actor.name) else "alias"
                self._add_person(start, ent.end, actor.id, how, 1.0)
                return True
            return False  # a surname the ruler knows: prefer an article-local full name
        people = [a for a in self.kb.lookup(text) if a.kind == "person"]
        exact = people[0] if len(people) == 1 else self.tools.people.exact(text)
        if exact is not None:
            self._add_person(start, ent.end, exact.id, "alias", 0.95)
            return True
        return False

    def _add_person(self, start: int, end: int, actor_id: str, how: str, conf: float) -> None:
        """Add a person, or a known person's state for "the Trump administration" (a
        government named after its leader, not the leader speaking)."""
        nxt = self.doc[end] if end < len(self.doc) else None
        actor = self.kb.actors.get(actor_id)
        if nxt is not None and nxt.lower_ in _GOVERNMENT_NOUNS and actor and actor.country:
            if actor.country in self.kb:
                self._add(start, end, "PERSON", actor.country, "metonym", 0.8)
                return
        self._add(start, end, "PERSON", actor_id, how, conf)

    def _name_start(self, ent: SpacySpan) -> int:
        """Extend a one-word name over a given name the ruler left out ("Ivanka" + "Trump")."""
        if len(ent) != 1 or ent.start == 0:
            return ent.start
        prev = self.doc[ent.start - 1]
        lex = self.tools.lexicon
        if (
            prev.pos_ == "PROPN"
            and prev.is_title
            and prev.ent_type_ in ("", "PERSON")
            and prev.lower_ not in lex.ranks
            and prev.lower_ not in lex.office_by_phrase
            and lex.country_of_demonym(prev.text) is None
            and not any(h.start <= prev.i < h.end for h in self.hits)
        ):
            return prev.i
        return ent.start

    def _article_surnames(self) -> dict[str, str]:
        """Folded surname → actor id of persons named in full in this article (unique ones)."""
        seen: dict[str, set[str]] = {}
        for f in self.found:
            if f.label == "PERSON" and f.actor and f.end - f.start >= 2:
                actor = self.kb.actors.get(f.actor) or self.new_actors.get(f.actor)
                text = self.doc[f.start : f.end].text
                last = family_name(text, actor.country, actor.aliases) if actor else surname(text)
                if last:
                    seen.setdefault(name_key(last), set()).add(f.actor)
        return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}

    def _resolve_short_person(self, ent: SpacySpan, surnames: dict[str, str]) -> None:
        """Steps 2, 3 and 8 for a person name step 1 left open."""
        start = self._name_start(ent)
        text = self.doc[start : ent.end].text
        local = surnames.get(name_key(text)) if ent.end - start == 1 else None
        if local is not None:
            self._add_person(start, ent.end, local, "surname", 0.9)
            return
        if ent.label_ == "ORG" and len(ent) == 1:
            self._add(ent.start, ent.end, "ORG", self._new_org(ent), "new", 0.6)
            return
        if start == ent.start and ent.ent_id_ and ent.ent_id_ in self.kb:
            self._add_person(start, ent.end, ent.ent_id_, "surname", 0.8)
            return
        match = self.tools.people.fuzzy(text)
        if match is not None:
            actor, score = match
            self._add(start, ent.end, "PERSON", actor.id, "fuzzy", round(0.9 * score, 2))
            return
        words = [t for t in self.doc[start : ent.end] if t.is_alpha]
        named = len(words) >= 2 and not self._starts_with_demonym(start)
        actor_id = self._new_actor(text, "person") if named else None
        self._add(start, ent.end, "PERSON", actor_id, "new" if actor_id else "unresolved", 0.5)

    def _starts_with_demonym(self, start: int) -> bool:
        """ "Danish Defence" (before "Minister X"): a title's words the model tagged PERSON."""
        return self.tools.lexicon.country_of_demonym(self.doc[start].text) is not None

    # -- titles and roles -----------------------------------------------------------------

    def _resolve_titles(self) -> None:
        """Step 4 (title mentions) and step 7 (roles stated next to a name)."""
        attached: set[int] = set()
        for f in [f for f in self.found if f.label == "PERSON"]:
            hit = self._role_of(f)
            if hit is not None:
                attached.add(id(hit))
        for hit in self.hits:
            if id(hit) in attached or hit.holder is None:
                continue
            self._add(
                hit.start, hit.end, "TITLE", hit.holder.id, "title", 0.85, role=hit.role_text()
            )
            self.title_by[hit.start] = hit

    def _role_of(self, person: _Found) -> TitleHit | None:
        """Record the role stated next to ``person``; return the title hit it used, if any."""
        stated = self.roles.role_of(person.start, person.end)
        if stated is None:
            self._country_from_clause(person)
            return None
        if stated.hit is not None:
            self._agree_with_title(person, stated.hit)
        if person.actor and person.actor.startswith("new:"):
            self._infer_country(person.actor, stated)
        if stated.text and person.actor:
            person.role = stated.text
            roles = self.stated_roles.setdefault(person.actor, [])
            if stated.text.lower() not in {r.lower() for r in roles}:
                roles.append(stated.text)
        return stated.hit

    def _country_from_clause(self, person: _Found) -> None:
        """A new person with no stated role is from the country their relative clause names
        ("X, who teaches at the University of Belgrade, said")."""
        actor = self.new_actors.get(person.actor or "")
        if actor is None or actor.country:
            return
        root = self.doc[person.start : person.end].root
        for child in root.children:
            if child.dep_ == "relcl" and child.i >= person.end:
                code = self.roles.country_in(child.left_edge.i, child.right_edge.i + 1)
                if code:
                    self.new_actors[actor.id] = actor.model_copy(update={"country": code})
                return

    def _infer_country(self, actor_id: str, stated: StatedRole) -> None:
        """A person the KB lacks is from the country their stated role names."""
        actor = self.new_actors.get(actor_id)
        code = self.roles.country_of_role(stated, self.dateline) if actor else None
        if actor is not None and code and not actor.country:
            self.new_actors[actor_id] = actor.model_copy(update={"country": code})

    def _agree_with_title(self, person: _Found, hit: TitleHit) -> None:
        """A name the cascade missed is the title holder when the two names look alike."""
        if person.actor is not None and not person.actor.startswith("new:"):
            return
        if hit.holder is None:
            return
        text = self.doc[person.start : person.end].text
        if name_similarity(text, hit.holder.name) >= _TITLE_NAME_AGREEMENT:
            if person.actor:
                self.new_actors.pop(person.actor, None)
            person.actor, person.how, person.confidence = hit.holder.id, "title", 0.8

    # -- counterparts ---------------------------------------------------------------------

    def _resolve_counterparts(self) -> None:
        """Step 5: "his counterpart" → the same office in the other state of the article."""
        states = Counter(f.actor for f in self.found if f.actor and self._kind(f.actor) == "state")
        for token in counterpart_phrases(self.doc):
            antecedent = self._antecedent(token)
            key = self._office_key(antecedent) if antecedent else None
            if antecedent is None or antecedent.actor is None or key is None:
                continue

            def last_seen(actor_id: str, at: int = token.i) -> int:
                ends = [f.end for f in self.found if f.actor == actor_id and f.end <= at]
                return max(ends) if ends else -1

            holder = counterpart_holder(self.kb, key, antecedent.actor, states, last_seen, self.on)
            if holder is not None:
                self._add(token.left_edge.i, token.i + 1, "TITLE", holder.id, "coref", 0.6)

    def _antecedent(self, token: Token) -> _Found | None:
        for i in subject_candidates(token):
            found = self._person_at(i)
            if found is not None:
                return found
        return None

    def _person_at(self, i: int) -> _Found | None:
        for f in self.found:
            if f.start <= i < f.end and f.actor and self._kind(f.actor) == "person":
                return f
        return None

    def _office_key(self, found: _Found) -> str | None:
        hit = self.title_by.get(found.start)
        if hit is not None and hit.key:
            return hit.key
        return own_office(self.kb, found.actor or "", self.on)

    # -- bookkeeping and output -----------------------------------------------------------

    def _add(
        self,
        start: int,
        end: int,
        label: str,
        actor: str | None,
        how: str,
        confidence: float,
        role: str | None = None,
    ) -> None:
        self.found.append(_Found(start, end, label, actor, how, confidence, role))

    def _new_actor(self, text: str, kind: ActorKind) -> str:
        name = " ".join(_ARTICLES.sub("", text).split())
        actor_id = "new:" + re.sub(r"[^a-z0-9]+", "-", alias_key(name)).strip("-")
        self.new_actors.setdefault(actor_id, Actor(id=actor_id, name=name, kind=kind))
        return actor_id

    def _kind(self, actor_id: str) -> str | None:
        actor = self.kb.actors.get(actor_id) or self.new_actors.get(actor_id)
        return actor.kind if actor else None

    def mentions(self) -> list[Mention]:
        """The mentions found, in reading order."""
        return to_mentions(self.doc, self.text, self.found)

    def actors(self) -> list[ActorInText]:
        """One record per resolved actor, in order of first mention."""

        def actor_of(actor_id: str) -> Actor:
            return self.kb.actors.get(actor_id) or self.new_actors[actor_id]

        return to_actors(self.doc, self.text, self.found, actor_of, self.stated_roles, self.on)

    def actor_at(self) -> dict[int, str]:
        """Token index → actor id for every token of a resolved mention."""
        return actor_at(self.found)

    def by_sentence(self, mentions: list[Mention]) -> dict[int, list[Mention]]:
        """Sentence start token → mentions inside that sentence."""
        return by_sentence(self.doc, mentions)


# Entity types of a word that can open an organisation's name before a state's name
# ("OpenLife Nigeria"); a date, a place or a person before it ("Monday Finland") cannot.
_NAME_PARTS = frozenset({"", "ORG", "PRODUCT", "FAC", "WORK_OF_ART"})


def _has_lower_name(actor: Actor, text: str) -> bool:
    """Whether ``actor`` is known by the lowercase ``text`` itself (names are matched
    case-insensitively, but a lowercase "foreign office" is usually a common noun)."""
    names = (actor.name, *actor.aliases, *actor.metonyms)
    return any(n.islower() and alias_key(n) == alias_key(text) for n in names)


def _record_without_mentions(actor: Actor) -> ActorInText:
    return ActorInText(id=actor.id, name=actor.name, kind=actor.kind, country=actor.country)


def _outlet_actor(kb: KnowledgeBase, outlet: str | None) -> Actor | None:
    """The knowledge-base media outlet the article's ``outlet`` metadata names, if unique."""
    if not outlet:
        return None
    found = [a for a in kb.lookup(outlet) if a.kind == "media outlet"]
    return found[0] if len(found) == 1 else None


def _is_place_name(actor: Actor, key: str) -> bool:
    """A state's capital or a one-word city metonym, which can also just be a location."""
    cities = {alias_key(m) for m in actor.metonyms if " " not in m.strip()}
    return key == alias_key(actor.capital or "") or key in cities
