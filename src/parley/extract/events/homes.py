"""Where unnamed actors belong when their own words name no country.

Last part of step 3 of the events extractor, once the event's place is known. PLOVER codes
protesters, the opposition, police and rebels as sectors of a country; "police fired tear gas at
protesters" names none, but an analyst reads it from the story: the place of the event, the
dateline ("TUNIS -"), or, between police and protesters, the state the police act for; police
with none of these act for the state the story names most.
:class:`Homes` gives each unnamed actor of a draft that country, then lets police act for it.

Rebels and militants take a country only from the place or the dateline, and never the country
of the state they attack ("militants fired rockets at southern Israel" are not Israeli).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.events.bodies import BodyReferences
from parley.extract.events.drafts import Draft
from parley.extract.events.unnamed import UnnamedActors
from parley.extract.timeplace.places import PlaceResolver
from parley.normalize.dateline import dateline_region

if TYPE_CHECKING:
    from parley.models import Article

__all__ = ["Homes", "dateline_country"]

_EVENTS_LEXICON = "lexicon/events.json"
# Sectors that take the country of the state they face in a domestic clash.
_FACING = ("domestic_sectors", "state_sectors")
_REBELS = "rebels"
# "DHAKA: ..." or "PAKISTAN: ...": a place in capitals and a colon opening the text.
_COLON_DATELINE = re.compile(r"\s*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}):\s")
# Event types whose place, when foreign to the attacker, is the attacked state.
_PLACE_TARGETS = ("ASSAULT",)


def _facing_sectors() -> frozenset[str]:
    return frozenset(s for words in _FACING for s in knowledge.words(_EVENTS_LEXICON, words))


def dateline_country(article: Article, places: PlaceResolver) -> str | None:
    """The country of the article's dateline place ("LAGOS, Nigeria -": NGA; also the colon
    style of South Asian papers, "DHAKA: Police fired ..."), or None."""
    if article.dateline:
        region = dateline_region(article.text)
        return places.resolve(article.dateline).country or (
            places.resolve(region).country if region else None
        )
    colon = _COLON_DATELINE.match(article.text)
    return places.resolve(colon.group(1).title()).country if colon else None


class Homes:
    """Countries of one document's unnamed actors, from the context of each event."""

    def __init__(
        self, unnamed: UnnamedActors, bodies: BodyReferences, home: Callable[[int], str | None]
    ) -> None:
        self.unnamed, self.bodies, self.home_at = unnamed, bodies, home
        self.actors = bodies.actors

    def settle(self, draft: Draft) -> None:
        """Give the draft's unnamed actors a country from context; police act for theirs."""
        for side, other in ((draft.source, draft.target), (draft.target, draft.source)):
            if side is draft.target and draft.mode == "expel":
                continue  # expelled diplomats are foreigners where they were expelled
            for actor in side:
                if self._placeable(actor) and actor not in self.unnamed.countries:
                    code = self._country(actor, draft, other)
                    if code:
                        self.unnamed.countries[actor] = code
        self.unnamed.state_sectors_at_place(draft, self.home_at(draft.token.i))
        if not draft.target and draft.rule.type in _PLACE_TARGETS:
            draft.target = self._attacked_place(draft)

    def _attacked_place(self, draft: Draft) -> list[str]:
        """ "Israeli planes launched two raids in Gaza": a foreign force's attack at a place is
        an attack on the place's state. Not when the attacker's own country is the place's
        (police in their capital) or unknown (rebels may fight at home)."""
        place = draft.place.country if draft.place is not None else None
        if not place or not draft.source:
            return []
        state = self.actors.state(place)
        countries = {self._country_of(a) for a in draft.source}
        if None in countries or state in countries or place in countries:
            return []
        return [state]

    def _country_of(self, actor: str) -> str | None:
        if actor in self.actors.kb:
            return self.actors.kb[actor].country or None
        return self.unnamed.countries.get(actor)

    def _placeable(self, actor: str) -> bool:
        """An unnamed actor the context may place: a sector ("rebels", "police") or people
        ("students"); not a bare "group" or "party", which may come from anywhere."""
        head = self.unnamed.described.get(actor)
        if head is None:
            return False
        sector = self.unnamed.sectors.get(actor)
        if sector is not None:  # not mediators: they come from elsewhere by trade
            return sector == _REBELS or sector in _facing_sectors()
        return head not in knowledge.words(_EVENTS_LEXICON, "sector_members")

    def _country(self, actor: str, draft: Draft, other: list[str]) -> str | None:
        """The event's place, else the dateline's country; for protesters, the opposition and
        police, else the one state they face; for police, else the story's state."""
        facing = [a for a in other if self.actors._is_state(a)] or [
            self.actors.state(c) for a in other if (c := self.unnamed.countries.get(a))
        ]  # "Georgia's Constitutional Court banned opposition parties"
        place = draft.place.country if draft.place is not None else None
        home = self.home_at(draft.token.i)
        sector = self.unnamed.sectors.get(actor)
        head = self.unnamed.described.get(actor)
        if head in knowledge.words(_EVENTS_LEXICON, "foreign_victim_heads"):
            return None  # diplomats, peacekeepers, migrants: foreigners where it befell them
        if draft.agentless and head in knowledge.words(_EVENTS_LEXICON, "victim_heads"):
            return place or home or self.unnamed.sentence_country(draft.token)
        if sector in knowledge.words(_EVENTS_LEXICON, "judicial_sectors"):
            # a court is of its place, not of the one it tries
            return place or home or self.unnamed.sentence_country(draft.token, demonyms=False)
        if sector == _REBELS:  # where they fight, not where they talk
            fighting = draft.rule.type in knowledge.words(_EVENTS_LEXICON, "fighting_types")
            return place if fighting and place and self.actors.state(place) not in facing else None
        if place or home:
            return place or home
        return self._facing_country(sector, facing, draft) if sector in _facing_sectors() else None

    def _facing_country(self, sector: str | None, facing: list[str], draft: Draft) -> str | None:
        """The one state protesters, the opposition or police face; police facing none act
        for the state the story names most ("Pakistani police ... Riot police fired")."""
        if len(facing) == 1:
            return self._country_of(facing[0]) or facing[0]
        if sector not in knowledge.words(_EVENTS_LEXICON, _FACING[1]):
            return None
        main = self.bodies.main_state(draft.token.i)
        return self._country_of(main[0]) if main else None
