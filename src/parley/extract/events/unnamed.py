"""Actors the knowledge base does not name: civilian groups, sectors, police of a place.

PLOVER codes protesters, rebels and police by sector. When the knowledge base has no actor for
"communist rebels" or "French unions", :class:`UnnamedActors` keeps the words of the text as the
actor and records its sector, so the event keeps who acted; police named without their state act
for the state of the event's place. Used by :class:`parley.extract.events.naming.PartyNames`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.events.actors import (
    ActorIndex,
    coordinated,
    demonym_country,
    loyalty,
    prep_objects,
    unique,
)
from parley.extract.events.drafts import Draft
from parley.extract.events.plover import PloverLexicon
from parley.extract.events.subjects import SUBJECTS
from parley.extract.timeplace.places import PlaceResolver, country_of_demonym, demonym_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["UnnamedActors"]

_EVENTS_LEXICON = "lexicon/events.json"


class UnnamedActors:
    """Describes unnamed actors of one document and remembers each one's sector."""

    def __init__(
        self, lexicon: PloverLexicon, actors: ActorIndex, doc: Doc, places: PlaceResolver
    ) -> None:
        self.lex, self.actors, self.doc, self.places = lexicon, actors, doc, places
        self.sectors: dict[str, str] = {}  # description of an unlinked actor -> its sector
        self.countries: dict[str, str] = {}  # description -> the country it names, if any
        self.described: dict[str, str] = {}  # every description kept as an actor -> its head

    def civilians(self, token: Token) -> list[str]:
        """An unnamed civilian group ("Kenyan protesters", "French unions") as a description.

        PLOVER codes protesters and other civilians as a sector of their country; without a
        knowledge-base actor we keep the words of the text (without the article) as the actor,
        so the record still says who acted. Bare crowds ("tens of thousands of people") are
        named from the place: "<demonym> protesters".
        """
        heads = self.lex.words("civilian_heads")
        if (
            token.pos_ not in ("NOUN", "PROPN")
            or token.lemma_.lower() not in heads
            or token.i in self.actors.at
            or self.actors._group(token) is not None
        ):
            return []
        if token.lemma_.lower() in self.lex.words("crowd_heads"):
            return []  # named from the place when the event is built
        description = self._describe(token)
        self.described[description] = token.lemma_.lower()
        sector = self.sector(token)
        if sector is not None:  # "protesters" are a sector PLOVER codes, like "the opposition"
            self.sectors.setdefault(description, str(sector))
        country = self._country(token)
        if country:
            self.countries[description] = country
        return [description]

    def unlinked(self, token: Token, ids: list[str]) -> list[str]:
        """An actor the knowledge base does not know, kept with its sector ("communist rebels",
        "the militants", "leaders of an opposition coalition"): PLOVER codes such actors by
        sector, and dropping them would drop the event. A demonym does not make rebels or
        protesters their state ("Syrian rebels"); it does make the police ("Philippine police").
        """
        if token.pos_ not in ("NOUN", "PROPN") or token.i in self.actors.at:
            return []
        sector = self.sector(token)
        if sector is None or _unknown_irregulars(token):
            return []
        states_only = all(self.actors._is_state(a) for a in ids)
        if ids and (not states_only or sector in knowledge.words(_EVENTS_LEXICON, "state_sectors")):
            return []
        # "The Philippine government and communist rebels" parsed as one noun phrase
        pair = next(
            (c for c in token.lefts if c.dep_ in ("nmod", "compound") and coordinated(c)), None
        )
        named = self.actors.of(pair, with_conj=False) if pair is not None else []
        conj = next((c for c in pair.children if c.dep_ == "conj"), None) if pair else None
        if sector == "mediators":  # "mediators from Egypt and the United States"
            named = [
                a for p in prep_objects(token, frozenset({"from", "of"})) for a in self.actors.of(p)
            ]
            if named:
                return named
        description = self._describe(token, conj.left_edge.i if conj is not None else None)
        self.sectors[description] = sector
        self.described[description] = token.lemma_.lower()
        country = self._country(token)
        if country:
            self.countries[description] = country
        return unique([*named, description])

    def holders(self, thing: Token) -> list[str]:
        """ "Rebel positions near Idlib were struck", "militant hideouts in Kunar" (events23):
        an armed group's positions named by the group's sector word are the group's; the
        group is kept as the plural of that word ("Rebels"), with its sector and the country
        of the place the positions lie in, if written. Empty for any other thing ("civilian
        homes", "a police post" of a state name no unnamed group; ``stronghold_sectors``)."""
        if thing.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "stronghold_nouns"):
            return []
        heads = knowledge.table(_EVENTS_LEXICON, "sector_heads")
        armed = knowledge.words(_EVENTS_LEXICON, "stronghold_sectors")
        found = []
        for mark in (c for c in thing.lefts if c.dep_ in ("amod", "compound")):
            sector = heads.get(mark.lemma_.lower())
            if sector not in armed or mark.i in self.actors.at:
                continue  # "a police post" is the state's, told by its own rules
            description = mark.lemma_.lower().capitalize() + "s"
            self.sectors.setdefault(description, str(sector))
            self.described[description] = mark.lemma_.lower()
            country = self._country(thing)
            if country:
                self.countries[description] = country
            found.append(description)
        return found

    def kin(self, token: Token) -> list[str]:
        """Relatives of a named person ("the daughters of President X", "X's wife"; round 9's
        i06): an actor of their own, kept by their words with the person's country. A
        sanction on them does not hit the person, so the person is never returned."""
        if (
            token.pos_ != "NOUN"
            or token.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "kin_nouns")
            or token.i in self.actors.at
        ):
            return []
        of = prep_objects(token, frozenset({"of"}))
        owners = of + [c for c in token.children if c.dep_ == "poss"]
        people = [a for o in owners for a in self.actors.of(o, with_conj=False)]
        countries = [self.actors.kb[a].country for a in people if a in self.actors.kb]
        if not people or not countries or countries[0] is None:
            return []
        start = min([token.i, *(c.left_edge.i for c in token.lefts if c.dep_ == "poss")])
        while start < token.i and self.doc[start].dep_ in ("det", "nummod", "predet"):
            start += 1
        end = max([token.i, *(_own_end(o) for o in of)]) + 1
        phrase = self.doc[start:end].text
        description = phrase[:1].upper() + phrase[1:]
        self.described[description] = token.lemma_.lower()
        self.countries[description] = str(countries[0])
        return [description]

    def victims(self, token: Token) -> list[str]:
        """People an agentless act befell whom nothing else names ("twelve detainees were
        released", "three soldiers were killed"): kept by their words, with the country their
        words name ("Dutch diplomats"); the event's context may give one later
        (:class:`~parley.extract.events.homes.Homes`), else the event is dropped as one no
        analyst can code. Never a state invented from the patient."""
        if (
            token.pos_ != "NOUN"
            or token.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "victim_heads")
            or token.i in self.actors.at
        ):
            return []
        description = self._describe(token)
        self.described[description] = token.lemma_.lower()
        country = self._country(token)
        if country:
            self.countries[description] = country
        return [description]

    def sentence_country(self, token: Token, demonyms: bool = True) -> str | None:
        """The one country the places of ``token``'s sentence lie in ("released from a prison
        in Mosul", "killed in the north of Mali"), or None when they name none or several.
        Without ``demonyms``, a demonym the parser tagged a place ("two Ukrainian smugglers")
        is no place: it tells whose people, not where."""
        start = max(token.sent.start, self.actors.dateline_end)
        codes = {
            self.places.resolve(e.text).country
            for e in self.doc.ents
            if e.label_ in ("GPE", "LOC")
            and start <= e.start
            and e.end <= token.sent.end
            and (demonyms or not country_of_demonym(e.text))
        }
        codes.discard(None)
        return codes.pop() if len(codes) == 1 else None

    def paired_sector(self, token: Token) -> list[str]:
        """ "Government and rebel forces agreed to a truce": the sector coordinated with
        "government" before a forces noun is the other side, kept as an unlinked actor
        ("Rebel forces") with its sector."""
        heads = knowledge.table(_EVENTS_LEXICON, "sector_heads")
        out = []
        for modifier in (c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")):
            for conj in (c for c in modifier.children if c.dep_ == "conj"):
                sector = heads.get(conj.lemma_.lower())
                if sector is None:
                    continue
                description = f"{conj.text[:1].upper()}{conj.text[1:]} {token.text}"
                self.sectors[description] = str(sector)
                self.described[description] = token.lemma_.lower()
                out.append(description)
        return out

    def state_sectors_at_place(self, draft: Draft, home: str | None = None) -> None:
        """Police named without their state act for the state their words name ("police in
        Bangladesh's capital"), else the state of the event's place ("police in Tbilisi
        deployed water cannon": Georgia), else of the dateline (``home``)."""
        place = draft.place.country if draft.place is not None else None
        for side in (draft.source, draft.target):
            for i, actor in enumerate(side):
                country = self.countries.get(actor) or place or home
                if country and self.sectors.get(actor) in knowledge.words(
                    _EVENTS_LEXICON, "state_sectors"
                ):
                    side[i] = self.actors.state(country)
        draft.source[:], draft.target[:] = unique(draft.source), unique(draft.target)

    def crowd(self, draft: Draft) -> list[str]:
        """Unnamed protesters, named from the country of the place: "Serbian protesters"."""
        subjects = [c for c in draft.token.children if c.dep_ in SUBJECTS]
        named = [
            s
            for s in subjects
            if s.lemma_.lower() not in self.lex.words("crowd_heads") and s.pos_ != "NUM"
        ]
        if named:
            return []
        if not subjects and draft.rule.type != "PROTEST":
            return []  # "condemnation of an attack on civilians in X": no crowd acted
        country = next(  # "thousands of Kenyans"
            (
                code
                for s in subjects
                for p in prep_objects(s, frozenset({"of"}))
                if (code := country_of_demonym(p.text))
            ),
            draft.place.country if draft.place is not None else self._object_place(draft.token),
        )
        if not country:
            return []
        demonym = demonym_of(country)
        if not demonym:
            return []
        description = f"{demonym} protesters"
        self.countries[description] = country
        self.described[description] = "protester"
        return [description]

    def _object_place(self, verb: Token) -> str | None:
        """The country of a place written on the object of a crowd's act ("surrounded the
        French embassy in Niamey", "gathered outside the consulate in Athens"): where the crowd
        stood (events18)."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [p for c in verb.children if c.dep_ == "prep" for p in c.children]
        for noun in objects:
            for place in prep_objects(noun, frozenset({"in"})):
                span = next((e for e in self.doc.ents if e.start <= place.i < e.end), None)
                if span is not None and span.label_ in ("GPE", "LOC"):
                    code = self.places.resolve(span.text).country
                    if code:
                        return code
        return None

    def sector(self, token: Token) -> str | None:
        """The sector a noun names by its head, its modifier + head, or its "of" phrase."""
        heads = knowledge.table(_EVENTS_LEXICON, "sector_heads")
        for modifier in (c for c in token.lefts if c.dep_ in ("compound", "amod")):
            for pair in (f"{modifier.lower_} {token.lower_}", f"{modifier.lower_} {token.lemma_}"):
                if pair in heads:  # "coup leaders": the pair of modifier and lemma
                    return str(heads[pair])
        lemma = token.lemma_.lower()
        for key in (lemma, token.lower_, token.lower_.removesuffix("s")):  # PROPN "Separatists"
            if key in heads:
                return str(heads[key])
        if lemma not in knowledge.words(_EVENTS_LEXICON, "sector_members"):
            return None
        for child in token.children:
            if child.dep_ in ("compound", "amod") and child.lemma_.lower() in heads:
                return str(heads[child.lemma_.lower()])
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in (p for p in child.children if p.dep_ == "pobj"):
                    return self.sector(pobj)
        return None

    def _country(self, token: Token) -> str | None:
        """The country an unlinked actor's words name: a demonym ("French unions"), a state
        after "in" ("opposition parties in Georgia"), or the country of whom irregulars are
        loyal to ("thugs loyal to President X": X's country, X not their act's author)."""
        for actor in self.actors._loyal_to(token):
            known = self.actors.kb[actor] if actor in self.actors.kb else None
            if self.actors._is_state(actor):
                return actor
            if known is not None and known.country:
                return str(known.country)
        for child in token.lefts:
            if child.dep_ in ("amod", "compound", "nmod"):
                code = demonym_country(child) if child.text[:1].isupper() else None
                if code:
                    return code
        for place in prep_objects(token, self._place_preps(token)):
            for actor in self.actors.of(place):
                if self.actors._is_state(actor):
                    return actor
            if place.ent_type_ in ("GPE", "LOC"):  # "militants from the Gaza Strip"
                span = next((e for e in self.doc.ents if e.start <= place.i < e.end), None)
                code = self.places.resolve(span.text if span is not None else place.text).country
                if code:
                    return code
        return None

    def _place_preps(self, token: Token) -> frozenset[str]:
        """The prepositions whose object places an unlinked actor: "in" and "from", and for
        a state's own sector also "of" ("the Border Police of Moldova": Moldova's police)."""
        if self._talks_partner(token):
            return frozenset({"from"})
        if self.sector(token) in knowledge.words(_EVENTS_LEXICON, "state_sectors"):
            return frozenset({"in", "from", "of"})
        return frozenset({"in", "from"})

    def _talks_partner(self, token: Token) -> bool:
        """ "a meeting with ethnic rebels in Libreville, Gabon", "met rebel leaders in Arusha"
        (round 13's m10, events29): the place after the other side of talks is where the
        talks were held, the venue, not where that side comes from ("rebels from Darfur"
        still are Sudan's)."""
        head = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "with" else None
        if token.dep_ == "dobj":
            head = token.head
        rule = self.lex.match(head, set()) if head is not None else None
        return rule is not None and rule.type == "CONSULT"

    def _describe(self, token: Token, start: int | None = None) -> str:
        """The words of an unlinked actor: modifiers and head, with an "of" phrase of a member
        noun ("leaders of an opposition coalition"); no article, number or clause."""
        keep = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
        if start is None:
            start = min([token.i, *(c.left_edge.i for c in keep)])
        end = token.i + 1
        for loyal in loyalty(token):  # "thugs loyal to President X"
            end = max(t.i for t in loyal.subtree if t.i > token.i) + 1
        for prep in (c for c in token.rights if c.dep_ == "prep"):
            of_member = prep.lower_ == "of" and token.lemma_.lower() in knowledge.words(
                _EVENTS_LEXICON, "sector_members"
            )
            in_country = prep.lower_ == "in" and any(  # "opposition parties in Georgia"
                p.ent_type_ == "GPE" and p.i in self.actors.at for p in prep.children
            )
            objects = [p.i + 1 for p in prep.children if p.dep_ == "pobj"]
            if (of_member or in_country) and objects:  # no relative clause after the object
                end = max(objects)
        while start < token.i and self.actors.in_dateline(start):
            start += 1  # "JERUSALEM - Militants", also a dateline further down (events20)
        while start < token.i and self.doc[start].dep_ in ("det", "nummod", "predet", "quantmod"):
            start += 1
        phrase = self.doc[start:end].text
        return phrase[:1].upper() + phrase[1:]


def _unknown_irregulars(token: Token) -> bool:
    """ "unidentified assailants", "unknown thugs" (round 5, events21): irregulars the text
    itself cannot name are no actor; their act keeps its target with an unknown author."""
    if token.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "irregular_heads"):
        return False
    unknown = knowledge.words(_EVENTS_LEXICON, "unknown_irregular_modifiers")
    return any(c.lemma_.lower() in unknown for c in token.lefts if c.dep_ in ("amod", "compound"))


def _own_end(token: Token) -> int:
    """The last token of ``token``'s phrase without its conjuncts ("President X, the wife, and
    daughter of Y": "President X")."""
    skipped = {
        t.i for c in token.children if c.dep_ in ("conj", "cc", "punct", "appos") for t in c.subtree
    }
    return max(t.i for t in token.subtree if t.i not in skipped)
