"""Evidence checks of the actors cascade: may this text be that actor, and as what?

A link to a known actor needs evidence (issue 12): the name as the knowledge base writes it or a
name the article introduced, a role held on the article's date, and agreement in gender and in
kind. The checks here answer one question each, from the text around a span, and change
nothing; the steps decide what to do with the answers.

Kind checks say when a state's name is not the state: inside a longer proper name ("Air
India"), a given name ("Victoria Nuland"), a geographic feature ("the East China Sea"), a place
("talks in Abu Dhabi"), or the dateline.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from parley.extract.actors.gender import agrees, gender_of_name
from parley.extract.actors.state import LEX, Reading, lex
from parley.kb import alias_key
from parley.knowledge import phrases
from parley.knowledge.places import city_country
from parley.models import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["Evidence"]

# Entity types of a word that can open an organisation's name before a state's name
# ("OpenLife Nigeria"); a date, a place or a person before it ("Monday Finland") cannot.
_NAME_PARTS = frozenset({"", "ORG", "PRODUCT", "FAC", "WORK_OF_ART"})
_DASHES = {"—", "–", "-", "--", ":"}


class Evidence:
    """Questions about one article's text, asked by the cascade's steps."""

    def __init__(self, reading: Reading) -> None:
        self.r = reading
        self.doc = reading.doc

    # -- persons: surname, gender, role on the date ---------------------------------------

    def surname_may_be(self, actor: Actor, start: int, end: int | None = None) -> bool:
        """Whether a bare surname at ``start`` may be the known person ``actor``.

        A surname alone is a loose link: it is kept only when a title before it agrees in
        gender ("Mrs. Okafor" is not the man listed as Okafor) and, for a person whose
        offices the knowledge base dates, one of them is held on the article's date (a
        scholar who shares a former minister's surname is not the minister).
        """
        return self.gender_agrees(actor, start, end) and self.role_active(actor)

    def gender_agrees(self, actor: Actor, start: int, end: int | None = None) -> bool:
        """Neither a title right before ``start`` ("Mrs.", "Mr") nor the name up to ``end``
        ("Mrs. Quinteros" tagged as one name, "Maria Quintero") contradicts ``actor``'s."""
        before = self.doc[start - 1].text if start > 0 else ""
        name = self.doc[start:end].text if end is not None else ""
        return agrees(gender_of_name(f"{before} {name}"), gender_of_name(actor.name))

    def role_active(self, actor: Actor) -> bool:
        """``actor`` holds one of its dated roles on the article's date (or none is dated)."""
        if self.r.on is None or not actor.roles:
            return True
        return bool(actor.roles_on(self.r.on))

    def maybe_person(self, ent: SpacySpan) -> bool:
        """An ORG that may be a person: one capitalised word (a surname used alone) or a
        two-to-three-word name right after a title ("A ministry spokesman, Daniyar Akhmetov")."""
        if not all(t.is_alpha and t.is_title for t in ent):
            return False
        if len(ent) == 1:
            return True
        return (
            len(ent) <= 3
            and self.r.roles.role_of(ent.start, ent.end) is not None
            and any(h.end in (ent.start, ent.start - 1) for h in self.r.hits)
        )

    def starts_with_demonym(self, start: int) -> bool:
        """ "Danish Defence" (before "Minister X"): a title's words the model tagged PERSON."""
        return self.r.lexicon.country_of_demonym(self.doc[start].text) is not None

    # -- kind: is a known name used as that actor? ----------------------------------------

    def common_noun(self, ent: SpacySpan, actor: Actor) -> bool:
        """ "Pakistan's foreign office" is a common noun, not Britain's Foreign Office."""
        return ent.text.islower() and not _has_lower_name(actor, ent.text)

    def not_the_state(self, ent: SpacySpan, actor: Actor) -> bool:
        """ "OpenLife Nigeria", "Air India": a name holding a place is not the state; nor is
        "Mali" opening another's name ("Mali People's Liberation Army"), nor "the Serbs"
        qualified by another state's demonym ("the Croatian Serbs")."""
        if actor.kind != "state":
            return False
        if self.inside_a_name(ent) or self.given_name(ent, actor):
            return True
        if self.anothers_polity(ent, actor) or self.subdivision_of(ent):
            return True
        return self.opens_anothers_name(ent, actor) or self.anothers_people(ent, actor)

    def anothers_polity(self, ent: SpacySpan, actor: Actor) -> bool:
        """ "the Serbian Republic of Bosnia and Herzegovina": a polity another people set up
        inside the state and named after it (a demonym of another state, a polity word, "of");
        the entity is not the state itself, so the name stays unlinked with its text."""
        start = ent.start
        if len(ent) > 2 and ent[0].lower_ in lex("polity_heads") and ent[1].lower_ == "of":
            start += 2  # the state's own long name matched: "Republic of Bosnia and …"
        if start < 3:
            return False
        demonym, polity, of = self.doc[start - 3 : start]
        if of.lower_ != "of" or polity.lower_ not in lex("polity_heads") or not polity.is_title:
            return False
        country = self.r.lexicon.country_of_demonym(demonym.text)
        return country is not None and country != actor.country

    def subdivision_of(self, ent: SpacySpan) -> bool:
        """ "the Republic of Panama Province": a state's name glued before a word for a
        province names the province, not the state."""
        nxt = self.r.after(ent.end)
        heads = lex("subdivision_heads_after_state")
        return nxt is not None and nxt.is_title and nxt.lower_ in heads and _glued(ent)

    def opens_anothers_name(self, ent: SpacySpan, actor: Actor) -> bool:
        """A state's name glued before a known organisation of another state ("Mali" +
        "People's Liberation Army"): one longer name, which is neither of the two."""
        org = self.known_org_at(ent.end)
        return org is not None and org.country not in (None, actor.country) and _glued(ent)

    def known_org_at(self, i: int) -> Actor | None:
        """The known non-state actor whose name the entity ruler matched from token ``i``."""
        token = self.r.after(i)
        if token is None or not token.ent_id_ or token.ent_iob_ != "B":
            return None
        actor = self.r.kb.actors.get(token.ent_id_)
        return actor if actor is not None and actor.kind != "state" else None

    def anothers_people(self, ent: SpacySpan, actor: Actor) -> bool:
        """ "the Croatian Serbs", "Kosovar Serb": a people's name after another state's
        demonym names a community of that other state, not ``actor``."""
        if ent.start == 0 or len(ent) != 1:
            return False
        prev = self.doc[ent.start - 1]
        country = self.r.lexicon.country_of_demonym(prev.text)
        return country is not None and country != actor.country and _glued_token(prev)

    def inside_anothers_name(self, ent: SpacySpan, actor: Actor) -> int | None:
        """Where the longer name starts when a known organisation's name follows another
        state's name glued before it ("Mali People's Liberation Army-West")."""
        if ent.start == 0 or actor.kind == "state" or actor.country is None:
            return None
        prev = self.doc[ent.start - 1]
        if not _glued_token(prev) or not prev.ent_id_ or prev.ent_type_ != "GPE":
            return None
        state = self.r.kb.actors.get(prev.ent_id_)
        if state is None or state.kind != "state" or state.country == actor.country:
            return None
        return prev.i

    def used_as_place(self, ent: SpacySpan, actor: Actor) -> bool:
        """A known place, a state inside a feature name, or a capital naming a location."""
        if actor.kind == "place":
            return True
        if actor.kind != "state":
            return False
        if self.in_feature_name(ent):
            return True
        key = alias_key(ent.text)
        return _is_place_name(actor, key) and (self.is_locative(ent) or self.is_dateline(ent))

    def another_states_office(self, ent: SpacySpan, actor: Actor) -> bool:
        """ "The Foreign Office" in a report from Islamabad is Pakistan's, not Britain's.

        A metonym naming an office many states have is the state's only in a report from
        there or, with no dateline, when the article names the state elsewhere; otherwise
        it stays unlinked rather than forced onto the one state the knowledge base knows."""
        generic = {alias_key(w) for w in lex("offices_every_state_has")}
        if actor.kind != "state" or alias_key(ent.text) not in generic:
            return False
        home = city_country(self.r.dateline) if self.r.dateline else None
        if home is not None:
            return home != actor.country
        names = [n for n in (actor.name, *actor.aliases) if alias_key(n) not in generic]
        text = self.r.text
        return not any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names)

    def shares_a_place_name(self, ent: SpacySpan) -> bool:
        """ "Duma" alone: an institution's one-word alias that is also a town's name."""
        return alias_key(ent.text) in {alias_key(w) for w in lex("names_shared_with_places")}

    def names_the_institution(self, ent: SpacySpan, actor: Actor) -> bool:
        """Whether such a shared name is the institution here: written as one ("the Duma
        voted", "Russia's Duma"), or not a place ("in the town of Duma", "Duma, near
        Damascus") and named in full elsewhere in the article ("the State Duma")."""
        prev = self.doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and prev.lower_ == "the":
            return True  # "a vote in the Duma": a town's name takes no article
        if prev is not None and prev.lower_ in ("'s", "’s") and ent.start >= 2:
            owner = self.r.kb.lookup(self.doc[ent.start - 2].text)
            return any(a.id == actor.country for a in owner)  # "Russia's Duma", not Syria's
        if self.names_a_settlement(ent):
            return False
        text = self.r.text.lower()
        longer = [n for n in (actor.name, *actor.aliases) if len(n.split()) > 1]
        return any(re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", text) for n in longer)

    def names_a_settlement(self, ent: SpacySpan) -> bool:
        """ "in Duma", "the town of Duma", "Duma, near Damascus": the name is a place."""
        if self.is_locative(ent):
            return True
        doc = self.doc
        if ent.start >= 2 and doc[ent.start - 1].lower_ == "of":
            if doc[ent.start - 2].lower_ in lex("settlement_nouns"):
                return True
        nxt, then = self.r.after(ent.end), self.r.after(ent.end + 1)
        return (
            nxt is not None
            and nxt.text == ","
            and then is not None
            and then.lower_ in lex("locative_prepositions")
        )

    def inside_a_name(self, ent: SpacySpan) -> bool:
        """Whether a state's name is part of a longer proper name: "OpenLife Nigeria", "Air
        India" (a capitalised word glued before it that is no place of its own and no title)
        or "Pakistan Television", "America First" (a word that heads such names after it)."""
        nxt = self.r.after(ent.end)
        glued = "\n" not in self.doc[ent.end - 1].whitespace_
        if nxt is not None and nxt.text in phrases(LEX, "name_heads_after_state"):
            return glued  # "Pakistan Television"
        if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.pos_ == "PROPN" and glued:
            return ent.label_ != "PERSON"  # "Victoria Nuland": a given name, not the capital
        if ent.start == 0:
            return False
        prev = self.doc[ent.start - 1]
        if prev.pos_ != "PROPN" or not prev.text[:1].isupper() or "\n" in prev.whitespace_:
            return False
        if prev.ent_type_ not in _NAME_PARTS or self.is_office_word(prev):
            return False
        return not self.r.kb.lookup(prev.text)

    def given_name(self, ent: SpacySpan, actor: Actor) -> bool:
        """ "Victoria Nuland", "Georgia Meloni": a capital or a state's name used as a given
        name, right before a capitalised word that is no known name of its own."""
        if ent.end >= len(self.doc) or len(ent) != 1:
            return False
        nxt = self.doc[ent.end]
        if nxt.pos_ != "PROPN" or not nxt.is_title or "\n" in ent[-1].whitespace_:
            return False
        if ent[-1].whitespace_ == "" or self.r.kb.lookup(nxt.text) or self.is_office_word(nxt):
            return False
        return nxt.ent_type_ in ("PERSON", "") and alias_key(ent.text) == alias_key(
            actor.capital or ""
        )

    def in_feature_name(self, ent: SpacySpan) -> bool:
        """ "the East China Sea": a state name inside a capitalised geographic name."""
        nxt = self.r.after(ent.end)
        return nxt is not None and nxt.is_title and nxt.lower_ in lex("feature_heads")

    def is_locative(self, ent: SpacySpan) -> bool:
        """ "in Abu Dhabi", "the Abu Dhabi talks": the name says where, not who."""
        root = ent.root
        if root.dep_ == "pobj" and root.head.lower_ in lex("locative_prepositions"):
            return True
        nxt = self.r.after(ent.end)
        return nxt is not None and nxt.lower_ in self.r.lexicon.non_actor_heads

    def is_dateline(self, ent: SpacySpan) -> bool:
        """The place a report was filed from ("MOSCOW — ...") says where, not who."""
        dateline = self.r.dateline
        if not dateline or alias_key(ent.text) != alias_key(dateline):
            return False
        if ent.start <= 2:  # the article opens with it: "AVAZA, Turkmenistan, May 19 (Reuters) —"
            return True
        nxt = self.r.after(ent.end)
        return nxt is not None and nxt.text in _DASHES

    def looks_like_org(self, ent: SpacySpan) -> bool:
        """Not a name used as a modifier of a non-actor ("the Abu Dhabi talks", "New START")."""
        heads = self.r.lexicon.non_actor_heads
        nxt = self.r.after(ent.end)
        if ent[-1].lower_ in heads or (nxt is not None and nxt.lower_ in heads):
            return False
        if ent[-1].lower_ in lex("open_endings"):
            return False  # a name the model cut short: "the University of" + "Belgrade"
        if nxt is not None and self.is_office_word(nxt):
            return False  # "India's External Affairs Minister": part of a title, not an org
        if any(t.like_num for t in ent) or not any(
            t.is_alpha and t.is_title or t.is_upper for t in ent
        ):
            return False
        if ent.root.dep_ == "conj" and city_country(ent.root.head.text):
            return False  # "between Aktau and Turkmenbashi": coordinated with a city, a place
        return not any(t.lower_ in self.r.lexicon.ranks for t in ent)

    def is_office_word(self, token: Token) -> bool:
        """A capitalised office or rank word ("Minister", "Secretary") that starts a title."""
        lexicon = self.r.lexicon
        word = token.lower_
        return token.is_title and (word in lexicon.ranks or word in lex("office_words"))


def _glued(ent: SpacySpan) -> bool:
    """One space after the span, no line break: the next word continues the same name."""
    return _glued_token(ent[-1])


def _glued_token(token: Token) -> bool:
    return token.whitespace_ == " "


def _has_lower_name(actor: Actor, text: str) -> bool:
    """Whether ``actor`` is known by the lowercase ``text`` itself (names are matched
    case-insensitively, but a lowercase "foreign office" is usually a common noun)."""
    names = (actor.name, *actor.aliases, *actor.metonyms)
    return any(n.islower() and alias_key(n) == alias_key(text) for n in names)


def _is_place_name(actor: Actor, key: str) -> bool:
    """A state's capital or a one-word city metonym, which can also just be a location."""
    cities = {alias_key(m) for m in actor.metonyms if " " not in m.strip()}
    return key == alias_key(actor.capital or "") or key in cities
