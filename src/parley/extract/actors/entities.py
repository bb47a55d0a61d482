"""Cascade steps 1, 6 and 8 for names that are not persons: states, organisations, places.

Candidate lookup first (the entity ruler's id, else a unique knowledge-base name), then the
evidence checks of :mod:`parley.extract.actors.evidence` decide whether the name is used as
that actor, as a place, or not at all; names the KB lacks become new organisations, states
(from pycountry) or places.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from parley.extract.actors.context import ArticleContext
from parley.extract.actors.evidence import Evidence
from parley.extract.actors.outlets import outlet_by_place, shared_short_name
from parley.extract.actors.state import Ledger, Reading
from parley.kb import alias_key
from parley.knowledge.places import city_country, country_code
from parley.models import Actor
from parley.nlp.docs import doc_ents, doc_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = ["Entities", "LABELS"]

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


@dataclass
class Entities:
    """Resolve the non-person entities of one article into the ledger."""

    r: Reading
    ledger: Ledger
    check: Evidence
    context: ArticleContext

    def candidates(self) -> list[SpacySpan]:
        """Entities that may name actors: not dates or numbers, not inside an office title."""
        offices = {i for h in self.r.hits for i in range(h.office_start, h.office_end)}
        shorthands = self._office_shorthands()
        out = []
        for ent in doc_ents(self.r.doc):
            if ent.label_ not in LABELS or ent.text in shorthands:
                continue
            if ent.label_ != "PERSON" and any(t.i in offices for t in ent):
                continue  # "Supreme Allied Commander" tagged ORG is a title, not an org
            out.append(ent)
        return out

    def _office_shorthands(self) -> set[str]:
        """ "External Affairs Minister (EAM) S. Jaishankar" (round 11's k04): initials in
        brackets right after an office title abbreviate the office, not an organisation; the
        article's later "the EAM said" is the same office. The letters must be the title's
        initials, so "the foreign minister (ANC)" keeps the party."""
        doc = self.r.doc
        out: set[str] = set()
        for hit in self.r.hits:
            if hit.end + 2 >= len(doc) or doc[hit.end].text != "(" or doc[hit.end + 2].text != ")":
                continue
            word = doc[hit.end + 1].text
            if len(word) > 1 and word.isupper() and word in _initials(doc[hit.start : hit.end]):
                out.add(word)
        return out

    def resolve(self, ent: SpacySpan) -> bool:
        """Resolve a non-person ``ent`` now, or return False to defer it to the person passes."""
        if ent.label_ in ("NORP", "GPE") and self.context.names_an_organisation(ent):
            self.longer_name(ent)  # "Americans for Ukraine, a committee": neither state
            return True
        if self.check.is_dateline(ent) and self.kb_actor(ent) is None:
            self.unknown_place(ent)  # "AVAZA, Turkmenistan —": a place, whatever its tag
            return True
        if self.context.abbreviation_of(ent) is not None:
            self.abbreviation(ent)  # "Amnesty International (AI)": AI is Amnesty, not Anguilla
            return True
        if ent.label_ != "NORP" and self.r.lexicon.country_of_demonym(ent.text):
            self.demonym(ent)  # the model sometimes tags "Ukrainian" GPE
            return True
        if self._people_elsewhere(ent):
            return True  # "the Serbs" in an article on the Bosnian Serbs: a people, not Serbia
        outlet = self.outlet_named_before(ent)
        if outlet is not None:
            self.ledger.add(ent.start, ent.end, ent.label_, outlet, "short", 0.9)
            return True  # "The Post" after "The Washington Post": the same paper
        actor = self.kb_actor(ent)
        if actor is not None and actor.kind == "state" and self.context.person_named(ent):
            return False  # "Jordan" after "Senator Jim Jordan": the person passes decide
        states = [] if actor else [a for a in self.r.kb.lookup(ent.text) if a.kind == "state"]
        if ent.label_ == "GPE" and actor is None and not states and self._surname_not_place(ent):
            return False  # "Buyoya" after "President Pierre Buyoya": the person passes decide
        if len(states) > 1:
            self.shared_state_name(ent, states)  # "Congo": by the article's other names
        elif actor is not None:
            self.known(ent, actor)
        elif ent.label_ == "NORP":
            self.demonym(ent)
        elif ent.label_ == "GPE" or (not _is_code(ent.text) and country_code(ent.text)):
            self.unknown_place(ent)  # the model tags some countries ORG
        elif ent.label_ == "ORG" and self.check.looks_like_org(ent):
            if self.check.maybe_person(ent):
                return False  # a name the model tagged ORG: the person passes decide
            self.new_org(ent)
        return True

    def _people_elsewhere(self, ent: SpacySpan) -> bool:
        """A state's demonym in the plural ("Serbs") where the article writes that people as
        another land's ("Bosnian Serbs"): no link to the state (``people_elsewhere``)."""
        if ent.label_ != "NORP" or not ent.text.endswith("s"):
            return False
        code = self.r.lexicon.country_of_demonym(ent.text)
        return code is not None and self.context.people_elsewhere(code)

    def _surname_not_place(self, ent: SpacySpan) -> bool:
        """ "President Pierre Buyoya ... Buyoya was out of the country" (round 13's m10): the
        model tags a one-word surname a place when it stands alone; it is the person when the
        article writes it right after a given name and no gazetteer knows it as a place."""
        return (
            self.context.person_named(ent)
            and country_code(ent.text) is None
            and city_country(ent.text) is None
        )

    def kb_actor(self, ent: SpacySpan) -> Actor | None:
        """Candidate lookup: the ruler's actor id, else the one KB actor with this name."""
        kb = self.r.kb
        if ent.ent_id_ and ent.ent_id_ in kb:
            return kb[ent.ent_id_]
        found = kb.lookup(ent.text)
        return found[0] if len(found) == 1 else None

    def outlet_named_before(self, ent: SpacySpan) -> str | None:
        """The media outlet a short name takes up: "The Post" after "The Washington Post",
        "the Journal" after "The Wall Street Journal". A paper is named in full once and
        then by its last word; the one outlet named before whose full name ends in that
        word is meant (none when two such were named)."""
        name = [t for t in ent if t.lower_ != "the"]
        if ent.label_ != "ORG" or len(name) != 1 or not name[0].is_title:
            return None
        doc, found = self.r.doc, set()
        for f in self.ledger.found:
            if f.actor is None or f.end > ent.start or self.ledger.kind(f.actor) != "media outlet":
                continue
            words = [t for t in doc[f.start : f.end] if t.lower_ != "the"]
            if len(words) >= 2 and words[-1].lower_ == name[0].lower_:
                found.add(f.actor)
        return found.pop() if len(found) == 1 else None

    def new_org(self, ent: SpacySpan) -> None:
        """Step 8: an organisation the KB lacks, with the country its name states."""
        actor_id = self.ledger.new_org(ent.text, self.r.country_in_name(ent))
        self.ledger.add(ent.start, ent.end, "ORG", actor_id, "new", 0.6)

    def owned_organisations(self) -> None:
        """Step 8, last: a new organisation without a country that a state's possessive
        owns ("Chile's National Security Council") is of that state, for the whole article.
        Read from the ledger once every name is resolved, whichever step made the
        organisation (a name an outlet's word opens, "National ...", among them)."""
        doc, found = self.r.doc, self.ledger.found
        ends = {f.end: f.actor for f in found if f.actor is not None}
        for f in found:
            org = self.ledger.new_actors.get(f.actor or "")
            if org is None or org.kind != "organisation" or org.country or f.start < 2:
                continue
            if doc[f.start - 1].lower_ not in ("'s", "\u2019s"):
                continue
            owner = ends.get(f.start - 1)
            if owner is not None and self.ledger.kind(owner) == "state":
                self.ledger.set_country(org.id, owner)

    def services_named_with_state(self) -> None:
        """Step 8, last: a new organisation without a country whose words the article also
        writes right after a state's name or demonym is that state's ("the U.S. Coast Guard
        has monitored ... The Coast Guard continues", round 13's m02): a state's service is
        named in full once and then without its state. Two different states so written
        ("the Russian Navy ... the U.S. Navy") leave it without one."""
        doc, ledger = self.r.doc, self.ledger
        state_ends: dict[int, str] = {
            f.end: f.actor
            for f in ledger.found
            if f.actor is not None and ledger.kind(f.actor) == "state"
        }
        for actor_id, org in list(ledger.new_actors.items()):
            if org.kind != "organisation" or org.country:
                continue
            words = [w.lower() for w in org.name.split()]
            states = {
                state
                for start in _occurrences(doc, words)
                if start > 0 and (state := self._state_before(start, state_ends)) is not None
            }
            if len(states) == 1:
                ledger.set_country(actor_id, states.pop())

    def _state_before(self, start: int, state_ends: dict[int, str]) -> str | None:
        """The country of the state name or demonym ending right before token ``start``."""
        state = self.ledger.actor(state_ends[start]) if start in state_ends else None
        if state is not None:
            return state.country
        word = self.r.doc[start - 1]
        return self.r.lexicon.country_of_demonym(word.text) if word.text[:1].isupper() else None

    def known(self, ent: SpacySpan, actor: Actor) -> None:
        """Step 1/6 for states, organisations and demonym aliases; capitals used as places."""
        if self.check.common_noun(ent, actor) or self.check.not_the_state(ent, actor):
            return
        longer = self.context.continued_name_end(ent) if actor.kind != "state" else None
        if longer is not None and actor.kind != "person":
            self.longer_name(ent, longer)  # "Islamic Jihad for the Liberation of …": not PIJ
            return
        start = self.check.inside_anothers_name(ent, actor)
        if start is not None:
            self.anothers_name(start, ent)  # "Mali People's Liberation Army": not China's
            return
        if self.check.another_states_office(ent, actor):
            self.new_org(ent)
            return
        if self.check.shares_a_place_name(ent) and not self.check.names_the_institution(ent, actor):
            self.shared_place_name(ent)
            return
        if self.context.bare_outlet_name(ent, actor):
            self.outlet_word(ent, actor)
            return
        if self.check.used_as_place(ent, actor):
            self.ledger.place_at[ent.start] = actor.country or actor.id
            self.ledger.add(ent.start, ent.end, ent.label_, None, "place", 0.9)
            return
        how = _how_named(ent, actor)
        self.ledger.add(
            ent.start, ent.end, ent.label_, actor.id, how, 1.0 if how == "name" else 0.95
        )

    def abbreviation(self, ent: SpacySpan) -> None:
        """An acronym the article defined after an organisation's name is that organisation
        (linked as it was), never a country code; unlinked when the organisation was."""
        org = self.context.abbreviation_of(ent)
        assert org is not None
        found = [f for f in self.ledger.found if f.start == org[0] and f.end == org[1]]
        actor = found[0].actor if found else None
        how, conf = ("alias", 0.9) if actor else ("unresolved", 0.5)
        self.ledger.add(ent.start, ent.end, "ORG", actor, how, conf)

    def shared_place_name(self, ent: SpacySpan) -> None:
        """ "Duma" without evidence of the legislature: a place where the text says so ("the
        town of Duma"), else a name kept unlinked."""
        if self.check.names_a_settlement(ent):
            self.ledger.place_at[ent.start] = city_country(ent.text)
            self.ledger.add(ent.start, ent.end, "GPE", None, "place", 0.5)
        else:
            self.ledger.add(ent.start, ent.end, ent.label_, None, "unresolved", 0.5)

    def outlet_word(self, ent: SpacySpan, actor: Actor) -> None:
        """ "National" or "Times" alone: the start of a longer name ("National Security
        Council"), nothing without its "the", a shared short name read by the article's place
        ("the Times" from New York), else the outlet itself ("The National reported")."""
        if self.context.opens_longer_name(ent):
            self.longer_name(ent)
        elif not self.context.after_the(ent):
            return
        elif shared_short_name(ent.text):
            hints = (self.r.dateline, self.r.outlet)
            outlet = outlet_by_place(self.r.kb, ent.text, hints)
            how, conf = ("context", 0.8) if outlet else ("unresolved", 0.5)
            self.ledger.add(
                ent.start, ent.end, ent.label_ if outlet else "OUTLET", outlet, how, conf
            )
        else:
            self.ledger.add(ent.start, ent.end, ent.label_, actor.id, "name", 1.0)

    def longer_name(self, ent: SpacySpan, end: int | None = None) -> None:
        """The whole capitalised name an outlet's one-word name opens (or a known
        organisation's name, up to ``end``): a known actor by that name, else a new
        organisation."""
        end = self.context.name_end(ent.end) if end is None else end
        span = self.r.doc[ent.start : end]
        self.ledger.consumed.update(range(ent.start, end))
        if self.check.is_locative(span):
            self.ledger.add(ent.start, end, "FAC", None, "place", 0.5)  # "in Times Square"
            return
        found = self.r.kb.lookup(span.text)
        if len(found) == 1:
            self.ledger.add(ent.start, end, "ORG", found[0].id, "name", 0.9)
            return
        country = self.r.roles.country_in(ent.start, end, inside=True)
        self.ledger.add(ent.start, end, "ORG", self.ledger.new_org(span.text, country), "new", 0.6)

    def anothers_name(self, start: int, ent: SpacySpan) -> None:
        """A known organisation's name that another state's name opens is a longer name of
        its own (a new organisation of that state), running on over a glued "-North"."""
        doc, end = self.r.doc, ent.end
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_title:
            if doc[end - 1].whitespace_ == doc[end].whitespace_ == "":
                end = self.context.name_end(end + 2)  # "-North"
        span = doc[start:end]
        self.ledger.consumed.update(range(start, end))
        country = self.r.kb.actors[doc[start].ent_id_].country
        self.ledger.add(start, end, "ORG", self.ledger.new_org(span.text, country), "new", 0.6)

    def shared_state_name(self, ent: SpacySpan, states: list[Actor]) -> None:
        """A name several states share: the one the article points to, else left unlinked."""
        state = self.context.state_by_context(states)
        if state is None:
            self.ledger.add(ent.start, ent.end, ent.label_, None, "unresolved", 0.5)
        else:
            self.ledger.add(ent.start, ent.end, ent.label_, state.id, "context", 0.8)

    def demonym(self, ent: SpacySpan) -> None:
        """Step 6: "the Americans" is the state; a bare adjective ("Russian officials") is not."""
        text = ent.text
        if not text.endswith("s") or ent.root.pos_ == "ADJ":
            return
        code = self.r.lexicon.country_of_demonym(text)
        if code and code in self.r.kb:
            self.ledger.add(ent.start, ent.end, "NORP", code, "demonym", 0.8)

    def unknown_place(self, ent: SpacySpan) -> None:
        """Step 8 for GPE: a country the KB lacks is an actor; a city or region is a place.

        A two-letter capitalised word is no country's name in running text ("MR. SMITH:" of a
        transcript is the title, not Mauritania's ISO code); the names the knowledge base
        knows ("US", "UK") were linked before this step.
        """
        code = None if _is_code(ent.text) else country_code(ent.text)
        ledger = self.ledger
        if code is not None:
            if code not in self.r.kb and code not in ledger.new_actors:
                ledger.new_actors[code] = Actor(id=code, name=ent.text, kind="state", country=code)
            ledger.add(ent.start, ent.end, "GPE", code, "name", 0.8)
            return
        ledger.place_at[ent.start] = city_country(ent.text)
        ledger.add(ent.start, ent.end, "GPE", None, "place", 0.5)


def _occurrences(doc: Doc, words: list[str]) -> list[int]:
    """Where the lower-cased ``words`` stand together in ``doc`` (their first tokens)."""
    n = len(words)
    if not n:
        return []
    tokens = doc_tokens(doc)  # the document's one list: iterating it anew makes every Token again
    return [
        t.i
        for t in tokens
        if t.lower_ == words[0] and [w.lower_ for w in tokens[t.i : t.i + n]] == words
    ]


def _is_code(text: str) -> bool:
    """ "AI", "EU", "MR": a two-letter capitalised word is an acronym or a title here, not an
    ISO country code (pycountry would make "AI" Anguilla and "MR" Mauritania)."""
    return len(text) == 2 and text.isupper()


def _how_named(ent: SpacySpan, actor: Actor) -> str:
    """How the text names a known actor: by its name, an alias, a metonym or a demonym."""
    key = alias_key(ent.text)
    metonyms = {alias_key(m) for m in actor.metonyms} | {alias_key(actor.capital or "")}
    how = "name" if key == alias_key(actor.name) else "alias"
    if key in metonyms:
        how = "metonym"
    if ent.label_ == "NORP":
        how = "demonym"
    return how


def _initials(words: SpacySpan) -> set[str]:
    """The initials of a title's capitalised words, whole and from each word on ("External
    Affairs Minister": "EAM", "AM", "M"), the form an office's abbreviation takes."""
    letters = "".join(t.text[0] for t in words if t.text[:1].isupper())
    return {letters[i:] for i in range(len(letters))}
