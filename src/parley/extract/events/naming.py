"""Which actors a noun phrase of an event names: known actors, unnamed groups, implied states.

Part of step 3 of the events extractor: :class:`PartyNames` turns one token (a subject, an
object, a prepositional object) into actor ids, trying in order an unnamed civilian group, the
knowledge base's actors (with unknown conjuncts kept by description), an unlinked actor with its
sector, and then what the phrase implies: the state of an attacked place, an "of" phrase, the
speaker a reported pronoun stands for, the speaker of a quote a first-person pronoun is in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.base import Context
from parley.extract.events.actors import ActorIndex, prep_objects, unique
from parley.extract.events.bodies import BodyReferences
from parley.extract.events.documents import author_phrases, issuer_tokens
from parley.extract.events.drafts import Draft
from parley.extract.events.homes import dateline_country
from parley.extract.events.plover import PloverLexicon
from parley.extract.events.subjects import Subjects
from parley.extract.events.unnamed import UnnamedActors
from parley.extract.timeplace.places import PlaceResolver, country_of_demonym

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PartyNames"]

_EVENTS_LEXICON = "lexicon/events.json"
# Event types whose target may be a place: the attacked or besieged place's state.
_PLACE_TARGETS = ("ASSAULT", "COERCE")
# Event types whose target may be the place something is sent or let into.
_DESTINATION_TARGETS = ("AID", "CONCEDE")
_OF = frozenset({"of"})
# Where an attacked place stands: "shelled Kharkiv", "fired at Kharkiv", "Kharkiv was shelled"
_PLACE_ROLES = ("dobj", "pobj", "nsubjpass")
_NEW = "new:"
# Roles in which a noun names a party (not a place: "arrived in Istanbul").
_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "appos", "conj")
_IN = frozenset({"in"})
# How many clauses up a reported pronoun or an adjective looks for its speech verb.
_REPORT_CLIMB = 3
_SPEECH_CLIMB = 5


class PartyNames:
    """Actor ids for the tokens of one document's events (one instance per document)."""

    def __init__(
        self,
        ctx: Context,
        lexicon: PloverLexicon,
        actors: ActorIndex,
        resolver: PlaceResolver,
        subjects: Subjects,
    ) -> None:
        self.ctx, self.lex, self.actors, self.resolver = ctx, lexicon, actors, resolver
        self.subjects = subjects
        self.unnamed = UnnamedActors(lexicon, actors, ctx.doc, resolver)
        self.bodies = BodyReferences(actors)
        self.home = dateline_country(ctx.article, resolver)  # the dateline's country
        self._later_homes = [  # datelines further down the page: (where they end, country)
            (end, code)
            for start, end in actors.datelines
            if start > 0 and (code := _dateline_place(ctx.doc[start:end].text, resolver))
        ]

    def home_at(self, i: int) -> str | None:
        """The dateline country of the story token ``i`` belongs to: the last dateline further
        down the page before it (a wire story pasted below another, events20), else the top's."""
        later = [code for end, code in self._later_homes if end <= i]
        return later[-1] if later else self.home

    def of(self, token: Token, draft: Draft, with_conj: bool = True) -> list[str]:
        """The actors ``token`` names (with its conjuncts unless ``with_conj`` is False)."""
        if self.actors.in_dateline(token.i):  # "QUITO, Ecuador - Police detained ..."
            return [
                a
                for c in token.children
                if c.dep_ in ("appos", "conj") and not self.actors.in_dateline(c.i)
                for a in self.of(c, draft, with_conj)
            ]
        issuers = issuer_tokens(token)
        if issuers:  # "the resolution adopted by the council calls for": the council does
            return self.of_all(issuers, draft)
        kin = self.unnamed.kin(token)
        if kin:  # "the daughters of President X": not X
            return kin + self._conjuncts(token, draft, with_conj)
        civilians = self.unnamed.civilians(token)
        if civilians:  # "Kenyan protesters" are civilians, not the Kenyan state
            return civilians + self._conjuncts(token, draft, with_conj)
        ids = self._services_of_state(
            self.bodies.short_name(self._known(token, draft, with_conj), token)
        )
        if ids and not self.actors.of(token, with_conj=False):  # "the army and the RSF"
            ids = unique([*self.bodies.state_force(token, self.home_at(token.i)), *ids])
        described = self.unnamed.unlinked(token, ids)
        if described:
            return described + self._conjuncts(token, draft, with_conj)
        if ids and all(a.startswith(_NEW) for a in ids):
            place = self._new_place(token, draft)
            if place is not None:
                return place
            self._titled(token, ids)
        elif ids and with_conj:
            self._titled_conjuncts(token)
        # "arrested organizers and demonstrators": a first conjunct naming no one leaves the
        # others to name the actors
        return ids or self._implied(token, draft) or self._conjuncts(token, draft, with_conj)

    def _services_of_state(self, ids: list[str]) -> list[str]:
        """ "US military gunships and Navy jet fighters attacked" (round 13's m01): a service
        the linker made up a new name for ("Navy", "Coast Guard", ``service_names``), named
        beside the forces of one state, is that state's service, not a second attacker."""
        services = knowledge.words(_EVENTS_LEXICON, "service_names")
        made_up = [
            a for a in ids if a.startswith(_NEW) and a[len(_NEW) :].replace("-", " ") in services
        ]
        states = [a for a in ids if self.actors._is_state(a)]
        if not made_up or len(states) != 1:
            return ids
        return [a for a in ids if a not in made_up]

    def _new_place(self, token: Token, draft: Draft) -> list[str] | None:
        """A town the actor linker took for a new actor ("seized Malakal") is a place, no
        actor: for an attack or a siege its state is the target (unless it is the attacker's,
        "the army retook the town of Malakal"). None when it is no place the gazetteer knows."""
        if token.pos_ != "PROPN" or not self._place_target(draft):
            return None
        code = self.resolver.resolve(token.text).country
        if not code:
            return None
        state = self.actors.state(code)
        return [state] if state not in draft.source else []

    def _titled(self, token: Token, ids: list[str]) -> None:
        """A person the knowledge base lacks, named with a demonym or a state ("South Korean
        Foreign Minister Kang Kyung-wha"), carries that country on the event."""
        doc = token.doc
        for i in range(token.left_edge.i, token.i):
            pair, word = doc[i : min(i + 2, token.i)].text, doc[i]  # "South Korean"
            code = country_of_demonym(pair) or country_of_demonym(word.text)
            states = [a for a in self.actors.of(word, with_conj=False) if self.actors._is_state(a)]
            code = code or (self.actors.kb[states[0]].country if states else None)
            if code and word.text[:1].isupper():
                for actor in ids:
                    self.unnamed.countries.setdefault(actor, code)
                return

    def _titled_conjuncts(self, token: Token) -> None:
        """ "President Reagan and Soviet leader Mikhail Gorbachev signed" (round 13's m09,
        events29): a conjunct the knowledge base lacks carries the country its own title
        names, though the other conjunct is known."""
        for part in (token, *(c for c in token.children if c.dep_ == "conj")):
            own = self.actors.of(part, with_conj=False)
            if own and all(a.startswith(_NEW) for a in own):
                self._titled(part, own)

    def of_all(self, tokens: list[Token], draft: Draft) -> list[str]:
        """The actors of several tokens, without repeats."""
        return unique(a for t in tokens for a in self.of(t, draft))

    def _conjuncts(self, token: Token, draft: Draft, with_conj: bool) -> list[str]:
        if not with_conj:
            return []
        return [a for c in token.children if c.dep_ == "conj" for a in self.of(c, draft)]

    def _known(self, token: Token, draft: Draft, with_conj: bool) -> list[str]:
        """Knowledge-base actors, and unknown conjuncts beside them by description ("the Malian
        government and Tuareg rebels")."""
        ids = self.actors.of(token, with_conj)
        if ids and self.actors._group(token) is not None:
            draft.from_group = True
        if ids and with_conj:
            for conj in (c for c in token.children if c.dep_ == "conj"):
                if not self.actors.of(conj):
                    ids = unique([*ids, *self.unnamed.unlinked(conj, [])])
        return ids

    def _implied(self, token: Token, draft: Draft) -> list[str]:
        """Actors a phrase names indirectly, when it names none directly."""
        placed = (token.dep_ in _PLACE_ROLES and self._place_target(draft)) or self._destination(
            token, draft
        )
        # "raids in Libya" is no actor of the raids; nor of the deaths "in a mortar attack in
        # Mali" (events20): a noun naming an act is the cause, not an attacked place
        if placed and token.i != draft.token.i and self.lex.match(token, set()) is None:
            ids = self._place_country(token, draft)
            if ids:
                return ids
        if token.lemma_.lower() in self.lex.words("group_heads"):  # "the government in Damascus"
            ids = [a for p in prep_objects(token, _IN) for a in self._place_country(p, draft)]
            if ids:
                return ids
        if token.dep_ == "pobj" and token.pos_ == "NOUN":  # "on sectors of Russia's"
            ids = [a for p in prep_objects(token, _OF) for a in self.of(p, draft)]
            if ids:
                return ids
        if token.pos_ == "PRON" and token.dep_ in ("nsubj", "nsubjpass"):
            ids = self._reported_speaker(token, draft)
            if ids:
                return ids
        if token.pos_ == "PRON" and token.lower_ in knowledge.words(
            _EVENTS_LEXICON, "object_pronouns"
        ):
            return self._antecedent(token, draft)
        force = self.bodies.state_force(token, self.home_at(token.i))
        if force:  # "government troops", "the military"; "government and rebel forces"
            return unique([*force, *self.unnamed.paired_sector(token)])
        body = self.bodies.of(token) or self.bodies.story_state(token, self.home_at(token.i))
        if body:  # "the council members called on X", "They urged X", "the regime"
            return body
        if token.lower_ in knowledge.words(_EVENTS_LEXICON, "first_person"):
            return self._quote_speaker(token) or self._authors(token)
        if token.lower_ == "they" and token.dep_ == "nsubj" and not self._quoted(token):
            return self._previous_sector(token, draft)
        return []

    def _previous_sector(self, pronoun: Token, draft: Draft) -> list[str]:
        """ "The rebels walked out of the talks. They accused the government of ...": a
        sentence-initial "they" continues the unnamed sector (rebels, protesters, mutineers)
        the sentence before had as its subject (round 6's f08)."""
        first = pronoun.sent.start
        if pronoun.i != first or first == 0:
            return []
        previous = pronoun.doc[first - 1].sent
        subjects = [c for c in previous.root.children if c.dep_ == "nsubj" and c.tag_ == "NNS"]
        if len(subjects) != 1 or self.unnamed.sector(subjects[0]) is None:
            return []
        return self.of(subjects[0], draft)

    def _antecedent(self, pronoun: Token, draft: Draft) -> list[str]:
        """ "Had the Ukrainian delegation arrived, Russian officials would have met them": the
        nearest party named before the pronoun in its sentence, other than the source."""
        for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
            word = pronoun.doc[i]
            if word.pos_ in ("NOUN", "PROPN") and word.dep_ in _ARGUMENTS:
                ids = [a for a in self.of(word, draft) if a not in draft.source]
                if ids:
                    return ids
        return []

    @staticmethod
    def _place_target(draft: Draft) -> bool:
        """Whether a place object names the target's state: an attacked or besieged place, a
        place troops withdrew from."""
        rule = draft.rule
        modes = knowledge.words(_EVENTS_LEXICON, "place_target_modes")
        return rule.type in _PLACE_TARGETS or (rule.mode is not None and rule.mode in modes)

    @staticmethod
    def _destination(token: Token, draft: Draft) -> bool:
        """Whether a place names the receiver: aid or trucks let "into Gaza", sent "to Goma"."""
        return (
            draft.rule.type in _DESTINATION_TARGETS
            and token.dep_ == "pobj"
            and token.head.lower_ in ("to", "into")
        )

    def speaker(self, token: Token, draft: Draft) -> list[str]:
        """The subject of the speech verb whose reported clause holds ``token``."""
        speech = self.lex.words("speech_verbs")
        current = token
        for _ in range(_SPEECH_CLIMB):
            if current.lemma_.lower() in speech and current.i != token.i:
                return self.of_all(self.subjects.of(current), draft)
            if current.head.i == current.i:
                return []
            current = current.head
        return []

    def _quote_speaker(self, pronoun: Token) -> list[str]:
        """'We call on both sides ...' inside a quote: the quote's speaker."""
        for quote in self.ctx.analysis.quotes:
            if (
                quote.start <= pronoun.idx < quote.end
                and quote.speaker is not None
                and quote.speaker.actor
            ):
                return [self.actors.country_level(quote.speaker.actor)]
        return []

    def _authors(self, pronoun: Token) -> list[str]:
        """ "We support Y's bid" in a text that named its "we" ("We, the leaders of the G7,
        ..."; round 12's l11): the authors, the first phrase of the apposition that names
        parties the knowledge base knows. Nothing inside a quote, where "we" is the speaker's."""
        if self._quoted(pronoun):
            return []
        for phrase in author_phrases(pronoun):
            ids = self.actors.of(phrase)
            if ids:
                return ids
        return []

    def _quoted(self, token: Token) -> bool:
        """Whether ``token`` stands inside a direct quote of the analysis."""
        return any(q.direct and q.start <= token.idx < q.end for q in self.ctx.analysis.quotes)

    def _reported_speaker(self, pronoun: Token, draft: Draft) -> list[str]:
        """'Hamas declared that it would ...': a subject pronoun of a reported clause is the
        speaker (news style puts the antecedent in the reporting clause)."""
        if pronoun.lower_ not in self.lex.words("speaker_pronouns") or self._quoted(pronoun):
            return []  # '"They opened fire on us," X said': "they" is not X
        heads = self.lex.words("speech_verbs") | self.lex.words("reported_speech_heads")
        clause = pronoun.head
        for _ in range(_REPORT_CLIMB):
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in heads:
                return self.of_all(self.subjects.of(clause.head), draft)
            if clause.dep_ not in ("xcomp", "conj") or clause.head.i == clause.i:
                return []
            clause = clause.head
        return []

    def _place_country(self, token: Token, draft: Draft) -> list[str]:
        """A place as the target of an attack ("shelled Kharkiv"): its country's state, unless
        that is the attacker itself."""
        place = self._place_token(token)
        moved = token.dep_ == "pobj" and token.head.lower_ in ("to", "into", "from")
        if place is None and token.pos_ == "PROPN" and moved:
            place = token  # "sent aid to Goma", "withdrew from Goma": a name the tagger missed
        if place is None:
            return []
        span = next((s for s in place.doc.ents if s.start <= place.i < s.end), None)
        name = span.text if span is not None else place.text
        code = self.resolver.resolve(name).country
        if not code:
            return []
        state = self.actors.state(code)
        return [] if state in draft.source else [state]

    @staticmethod
    def _place_token(token: Token) -> Token | None:
        """The token naming a place: "the city of Kharkiv" names Kharkiv; a proper noun the
        tagger missed ("Odesa") counts."""
        if token.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "place_nouns"):
            named = prep_objects(token, _OF)
            if named:
                return named[0]
        if token.ent_type_ in ("GPE", "LOC", "FAC"):
            return token
        if token.pos_ == "PROPN" and token.ent_type_ not in ("NORP", "DATE"):
            return token  # no actor: a place the tagger missed or mislabelled ("Kherson")
        inside = [  # "the earthquake zone in Afghanistan", "a school in Borno"
            p for p in prep_objects(token, _IN) if p.ent_type_ in ("GPE", "LOC")
        ]
        owner = [  # "repairs to Gaza's electricity grid"
            c for c in token.children if c.dep_ == "poss" and c.ent_type_ in ("GPE", "LOC")
        ]
        verb = token.head if token.dep_ == "dobj" else token.head.head
        if token.pos_ == "NOUN" and token.dep_ in ("pobj", "dobj") and verb.pos_ == "VERB":
            inside += [  # "send teams to the zone in Afghanistan": "in" hung on the verb
                p for p in prep_objects(verb, _IN) if p.ent_type_ in ("GPE", "LOC")
            ]
        found = inside + owner
        return found[0] if token.pos_ == "NOUN" and found else None


def _dateline_place(text: str, resolver: PlaceResolver) -> str | None:
    """The country of a dateline's words ("CAIRO, Egypt, March 3 (Reuters) -": EGY): its
    place, else the region after the comma."""
    parts = [p.strip(" -—–") for p in text.split("(")[0].split(",")]
    for part in parts[:2]:
        if part:
            code = resolver.resolve(part.title() if part.isupper() else part).country
            if code:
                return code
    return None
