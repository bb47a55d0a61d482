"""Who an event's noun phrases refer to: actor ids per token, demonyms and group anaphors.

The actors extractor leaves ``ctx.products.actor_at`` (token index -> actor id); without it the
index is built from ``analysis.mentions``. On top of that, :class:`ActorIndex` reads demonym
modifiers ("Russian and Ukrainian prisoners" -> the two states) and resolves group anaphors
("both powers" -> the last pair of states named together; "the parties" -> the last two-party
consultation) from the word lists of the PLOVER lexicon. State organs act for their state, as
PLOVER codes event actors at country level: a state's armed force (kind ``armed force``) and a
national legislature (``parley/data/actors/legislatures.json``: "the Mazhilis" -> Kazakhstan).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.base import actor_at
from parley.extract.events.plover import PloverLexicon
from parley.extract.timeplace.places import country_of_demonym
from parley.nlp.dateline import dateline_end
from parley.nlp.docs import doc_sents, doc_tokens, paragraph_starts, span_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.extract.base import Context

__all__ = [
    "ActorIndex",
    "coordinated",
    "demonym_country",
    "distributive",
    "loyalty",
    "prep_objects",
    "unique",
    "wire_dateline_end",
    "wire_datelines",
]


def unique(items: Iterable[str]) -> list[str]:
    """Items in first-seen order, without repeats."""
    return list(dict.fromkeys(items))


@knowledge.derived
def legislatures() -> frozenset[str]:
    """Ids of the national legislatures the package's knowledge base ships.

    They are organisations like any other for the actors extractor; only events read them as
    their state, so ICRC (an organisation with country CHE) never becomes Switzerland.
    """
    data = knowledge.shipped("actors/legislatures.json")  # the file the KB read, not a copy
    return frozenset(str(a["id"]) for a in data.get("actors", []))


_EVENTS_LEXICON = "lexicon/events.json"


class ActorIndex:
    """Which actor each token refers to: the actors extractor's map, demonyms, group anaphors."""

    def __init__(self, ctx: Context, lexicon: PloverLexicon) -> None:
        self.doc = ctx.doc
        self.kb = ctx.kb
        self.dateline_end = wire_dateline_end(self.doc)
        self.datelines = wire_datelines(self.doc, self.dateline_end)
        self._in_dateline = {i for start, end in self.datelines for i in range(start, end)}
        at = self._token_map(ctx)
        for _, end in self.datelines:
            at = _past_dateline_names(at, end)
        self.at = at
        self.anaphors = lexicon.group_anaphors()
        self.group_heads = lexicon.words("group_heads")
        self.mediation = lexicon.words("mediation_nouns") | knowledge.words(
            "lexicon/events.json", "mediator_roles"
        )
        self.consult_pairs: list[tuple[int, list[str]]] = []  # set by the extractor as it goes
        self._pair_index: dict[tuple[bool, bool], tuple[list[int], list[list[str]]]] = {}
        self._called: frozenset[str] | None = None
        self._organisations: list[int] | None = None  # token indices of IGOs, on first use

    @staticmethod
    def _token_map(ctx: Context) -> dict[int, str]:
        if ctx.products.actor_at is not None:
            return dict(actor_at(ctx))
        at: dict[int, str] = {}
        for mention in ctx.analysis.mentions:
            span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and mention.actor:
                for token in span:
                    at[token.i] = mention.actor
        return at

    def in_dateline(self, i: int) -> bool:
        """Whether token ``i`` lies in a wire dateline, at the top or repeated further down
        ("... \nCAIRO, Egypt, March 3 (Reuters) - Police ...")."""
        return i in self._in_dateline

    def state(self, code: str) -> str:
        """Actor id of the state with ISO3 ``code`` (the code itself when the KB lacks it)."""
        if code in self.kb:
            return code
        for actor in self.kb.of_kind("state"):
            if actor.country == code:
                return actor.id
        return code

    def of(self, token: Token, with_conj: bool = True) -> list[str]:
        """Actors a noun phrase headed by ``token`` refers to (conjuncts included).

        A state's armed force ("the Ukrainian army", "Israeli troops") is given as the state:
        PLOVER codes event actors at country level, the force being the state acting.
        """
        if self.in_dateline(token.i):
            return self._past_dateline(token)
        ids = [self.country_level(a) for a in self._own(token)]
        if with_conj:
            for child in token.children:
                if child.dep_ == "conj" or _first_of_pair(token, child, self.at):
                    ids.extend(self.of(child))  # "A and B" parsed as a modifier of B
        for child in token.rights:
            # "the two presidents, A and B": the apposition names them; "Mali, Burkina Faso
            # and Niger" is a list the parser hung as an apposition with a conjunct
            if child.dep_ == "appos" and (not ids or (with_conj and coordinated(child))):
                ids.extend(self.of(child))
        return unique(ids)

    def _past_dateline(self, token: Token) -> list[str]:
        """A dateline place ("YEREVAN, Armenia (AP) —") is no actor; the parser often hangs the
        real subject after the dash on it as an apposition or a conjunct."""
        return unique(
            a
            for c in token.children
            if c.dep_ in ("appos", "conj") and not self.in_dateline(c.i)
            for a in self.of(c)
        )

    def country_level(self, actor_id: str) -> str:
        """The state behind a state armed force or a national legislature; other actors unchanged.

        Non-state armed groups (kind ``group``: RSF, M23, Hamas) keep their own id.
        """
        actor = self.kb[actor_id] if actor_id in self.kb else None
        if actor is None or not actor.country:
            return actor_id
        if actor.kind != "armed force" and actor_id not in legislatures():
            return actor_id
        return self.state(actor.country)

    def _own(self, token: Token) -> list[str]:
        if token.i in self.at:
            return self._unnamed_official(token, self.at[token.i])
        group = self._group(token)
        if group is not None:
            return group
        ids: list[str] = []
        for child in token.lefts:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod"):
                if not self.in_dateline(child.i):  # "JERUSALEM - Militants": no modifier
                    ids.extend(self._modifier(child))
        is_group = token.lemma_.lower() in self.group_heads
        possessive = next((c.lower_ for c in token.children if c.dep_ == "poss"), None)
        if not ids and is_group and possessive == "their":
            ids = self.recent_pair(token.i, states_only=False)  # "their prime ministers"
        if not ids and is_group and possessive == "its":  # "X said its delegation left"
            ids = self._clause_subject(token) or self._previous_subject(token)
        if not ids and is_group and possessive in ("his", "her"):
            ids = self._holder_state(token)  # "the president said his government would"
        if not ids and is_group:  # "the army of X", "the authorities in Baku"
            for prep in (
                c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
            ):
                ids.extend(a for p in prep.children if p.dep_ == "pobj" for a in self.of(p))
        if not ids and token.lemma_.lower() not in knowledge.words(
            _EVENTS_LEXICON, "irregular_heads"
        ):
            ids = self._loyal_to(token)  # "thugs loyal to X" are not X (events21)
        code = country_of_demonym(token.text) if token.pos_ in ("PROPN", "NOUN") else None
        if not ids and code and token.text[:1].isupper():
            ids.append(self.state(code))
        if not ids and self._organisation_epithet(token):
            ids = self._last_organisation(token)
        return ids

    def _loyal_to(self, token: Token) -> list[str]:
        """ "forces loyal to President X", "fighters loyal to the general" (round 7a's g06):
        whom they are loyal to is whom they act for (irregulars only take X's country, see
        :meth:`parley.extract.events.unnamed.UnnamedActors.unlinked`)."""
        return [
            a
            for adj in loyalty(token)
            for prep in adj.children
            if prep.dep_ == "prep" and prep.lower_ == "to"
            for p in prep.children
            if p.dep_ == "pobj"
            for a in self.of(p)
        ]

    def _organisation_epithet(self, token: Token) -> bool:
        """ "the bloc", "the alliance", "the 55-member pan-African bloc", "the 15-member body"
        (round 6's f04): a definite epithet for an international organisation named before.
        "the body" or "the council" alone is too often something else, so those need a
        member count; a phrase naming its own members ("the alliance of opposition parties")
        is a new group."""
        lemma = token.lemma_.lower()
        strong = lemma in knowledge.words(_EVENTS_LEXICON, "organisation_epithets")
        weak = lemma in knowledge.words(_EVENTS_LEXICON, "organisation_epithets_counted")
        if token.pos_ not in ("NOUN", "PROPN") or not token.text.islower() or not (strong or weak):
            return False
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return False
        if any(c.dep_ in ("prep", "poss") for c in token.children):
            return False
        counted = any(c.lower_ == "member" for c in token.lefts for c in c.subtree)
        return strong or counted

    def _last_organisation(self, token: Token) -> list[str]:
        """The international organisation (kind ``igo``) named last before ``token``; the
        positions are listed once per document, so each look-up is a binary search."""
        if self._organisations is None:
            self._organisations = sorted(
                i for i, a in self.at.items() if a in self.kb and self.kb[a].kind == "igo"
            )
        at = bisect_left(self._organisations, token.i)
        return [self.at[self._organisations[at - 1]]] if at else []

    def _clause_subject(self, token: Token) -> list[str]:
        """The state or organisation "its" points to inside its own sentence: the subject of
        a clause above the token ("the army confirmed that its delegation had left")."""
        current = token
        for _ in range(6):
            if current.head.i == current.i:
                return []
            current = current.head
            if any(c.dep_ == "nsubj" and distributive(c) for c in current.children):
                return []  # "each side ..., saying its troops only retaliated": no one actor
            subjects = [
                c
                for c in current.children
                if c.dep_ == "nsubj" and c.i < token.i and c.i in self.at
            ] + [
                c
                for c in current.children
                if c.dep_ == "nsubj" and c.i < token.i and c.lemma_.lower() in self.group_heads
            ]
            ids = [
                a
                for s in subjects
                for a in self.of(s, with_conj=False)
                if self._is_state(a) or a.startswith(_BODIES)
            ]
            if ids:
                return ids[:1]
        return []

    def _previous_subject(self, token: Token) -> list[str]:
        """The state or organisation that "its" points back to: the subject of the main verb of
        the sentence before (news style names the actor, then continues with "its ...")."""
        sentences = [s for s in doc_sents(self.doc) if s.end <= token.sent.start]
        for sent in reversed(sentences[-2:]):
            subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
            ids = [
                a
                for s in subjects
                for a in self.of(s, with_conj=False)
                if self._is_state(a) or a.startswith(_BODIES)
            ]
            if ids:
                return ids[:1]
        return []

    def _holder_state(self, token: Token) -> list[str]:
        """The state of the last person named before ``token`` in its sentence ("Santos said
        his government ..."): a leader's own government acts for the state."""
        for i in range(token.i - 1, token.sent.start - 1, -1):
            actor = self.kb[self.at[i]] if i in self.at and self.at[i] in self.kb else None
            if actor is not None and actor.kind == "person" and actor.country:
                return [self.state(actor.country)]
        return []

    def _unnamed_official(self, token: Token, actor_id: str) -> list[str]:
        """An office named without the holder's name ("South Africa's foreign minister") acts
        for its state: PLOVER codes it as the government, and the text never said who."""
        actor = self.kb[actor_id] if actor_id in self.kb else None
        unknown_body = actor is None and token.lemma_.lower() in self.group_heads
        if not unknown_body and (actor is None or actor.kind != "person" or token.pos_ != "NOUN"):
            return [actor_id]  # an unknown body ("Kazakhstan's Senate") acts for its state too
        states = [
            a
            for c in token.lefts
            if c.dep_ in ("poss", "amod", "compound")
            for a in self._modifier(c)
            if self._is_state(a)
        ]
        return states[:1] or [actor_id]

    def _modifier(self, token: Token) -> list[str]:
        led = self._led_by(token)
        if led is not None:
            return led
        group = self._group(token) if token.dep_ == "poss" else None
        if group:  # "the two countries' border forces" (round 12's l02): the pair named before
            return group
        pair = _pair_demonym(token)  # "North Korean": the linker may read "Korean" alone
        if pair is not None:
            ids = [self.state(pair)]
        elif token.i in self.at:
            ids = [self.at[token.i]]
        else:
            code = demonym_country(token) if token.text[:1].isupper() else None
            ids = [self.state(code)] if code else []
        if not ids and token.dep_ == "compound":  # "Chinese coast guard officers"
            for child in token.lefts:
                if child.dep_ in ("amod", "compound", "poss"):
                    ids.extend(self._modifier(child))
        elif ids:  # "Armenia-Azerbaijan talks", "Israeli-Palestinian negotiations" (round
            # 11's k03: the parser makes a demonym before the hyphen an adjective): a pair
            for child in token.lefts:
                hyphen = self.doc[child.i + 1] if child.i + 1 < len(self.doc) else child
                if child.dep_ in ("compound", "amod") and hyphen.text in ("-", "–"):
                    ids = self._modifier(child) + ids
        for child in token.children:
            if child.dep_ == "conj":
                ids.extend(self._modifier(child))
        return ids

    def _led_by(self, token: Token) -> list[str] | None:
        """ "U.S.-led forces", "a NATO-led mission", "Saudi-led coalition warplanes": forces led
        by a state or an organisation act for it, as PLOVER codes a coalition's strikes to the
        state leading it (round 8's h01: "killed in an air strike by U.S.-led forces" lost its
        author, so the whole attack). The parser keeps "U.S.-led" as one word and splits
        "Saudi-led" into "Saudi", "-", "led"; None when ``token`` is no such modifier."""
        if token.lower_.endswith("-led") and len(token.text) > len("-led"):
            return self._leader(token.text[: -len("-led")])
        if token.lower_ == "led" and token.dep_ == "amod":
            return [
                a
                for c in token.lefts
                if c.dep_ in ("npadvmod", "compound", "nmod", "amod")
                for a in self._modifier(c)
            ]
        return None

    def _leader(self, name: str) -> list[str]:
        """The state or organisation a leading modifier names ("U.S.", "NATO", "Saudi")."""
        code = country_of_demonym(name) if name[:1].isupper() else None
        if code:
            return [self.state(code)]
        found = [a for a in self.kb.lookup(name) if a.kind in ("state", "igo")]
        return [self.country_level(found[0].id)] if len(found) == 1 else []

    def _group(self, token: Token) -> list[str] | None:
        left = token.left_edge.i
        phrase = span_text(self.doc[left : token.i + 1]).lower()
        kind = self.anaphors.get(phrase)
        if kind is None:
            return None
        if kind == "parties":
            before = [ids for i, ids in self.consult_pairs if i < token.i]
            if before:
                return list(before[-1])
        if kind == "people":
            people = self.recent_pair(token.i, states_only=False, people_only=True)
            return people or self.recent_pair(token.i, states_only=True)
        states_only = kind == "states"
        return self.recent_pair(token.i, states_only) or self._lead_pair(token, states_only)

    def _lead_pair(self, token: Token, states_only: bool) -> list[str]:
        """ "A truce unravelled hours after it began, with both sides accusing the other ...
        Three Israeli soldiers and 30 Palestinians were killed" (round 11's k03, events27): a
        lead may speak of "both sides" before it names them; with no pair named before, the
        sides are the first pair named together in the sentence right after the lead. Only in
        the lead, the text's first sentence: further down, a pair named later is another one."""
        sentence = token.sent
        if sentence.start != 0 or sentence.end >= len(self.doc):
            return []
        following = self.doc[sentence.end].sent
        starts, pairs = self._pairs(states_only, False)
        at = bisect_left(starts, following.start)
        if at < len(starts) and starts[at] < following.end:
            return list(pairs[at])
        return next(filter(None, (self._demonym_pair(t) for t in following)), [])

    def _demonym_pair(self, token: Token) -> list[str]:
        """The two states a coordination of people names by demonyms ("two Thai soldiers and
        four Cambodians"), or [] when it names fewer or the same twice."""
        conj = next((c for c in token.children if c.dep_ == "conj"), None)
        if conj is None or token.pos_ not in ("NOUN", "PROPN"):
            return []
        codes = [_people_country(t) for t in (token, conj)]
        if None in codes or codes[0] == codes[1]:
            return []
        return [self.state(str(c)) for c in codes]

    def parties(self, before: int) -> list[str]:
        """The two sides of the story so far: the last two-party consultation, else the last
        two states named together."""
        pairs = [ids for i, ids in self.consult_pairs if i < before]
        return list(pairs[-1]) if pairs else self.recent_pair(before, states_only=True)

    def recent_pair(self, before: int, states_only: bool, people_only: bool = False) -> list[str]:
        """The last two actors named together ("A and B", "between A and B") before ``before``."""
        starts, pairs = self._pairs(states_only, people_only)
        at = bisect_left(starts, before)
        return list(pairs[at - 1]) if at else []

    def _pairs(self, states_only: bool, people_only: bool) -> tuple[list[int], list[list[str]]]:
        """Every place in the text where actors are named together, in order, computed once per
        kind: looking back from each event must not read the whole text again."""
        key = (states_only, people_only)
        if key not in self._pair_index:
            starts: list[int] = []
            pairs: list[list[str]] = []
            for i in sorted(self.at):
                token = self.doc[i]
                if self.in_dateline(i) or token.dep_ == "conj" or self.mediating(token):
                    continue
                pair = self.of(token)
                if states_only:
                    pair = [a for a in pair if self._is_state(a)]
                if people_only:
                    pair = [a for a in pair if a in self.kb and self.kb[a].kind == "person"]
                between = token.dep_ == "pobj" and token.head.lower_ == "between"
                if len(pair) >= 2 or (pair and between):
                    starts.append(i)
                    pairs.append(pair)
            self._pair_index[key] = (starts, pairs)
        return self._pair_index[key]

    def called_mediators(self) -> frozenset[str]:
        """Actors the text calls a mediator ("the chief mediator, Togolese President X", "X,
        the facilitator", "mediator X"): they are never one of the story's two sides (round
        6's f08). Computed once per document."""
        if self._called is None:
            roles = self.mediation
            found: set[str] = set()
            for i, actor in self.at.items():
                token = self.doc[i]
                named = token.dep_ == "appos" and token.head.lemma_.lower() in roles
                named = named or any(
                    c.dep_ in ("appos", "compound") and c.lemma_.lower() in roles
                    for c in token.children
                )
                if named:
                    found.update((actor, self.country_level(actor)))
                    person = self.kb[actor] if actor in self.kb else None
                    if person is not None and person.kind == "person" and person.country:
                        found.add(self.state(person.country))  # a president mediates for it
            self._called = frozenset(found)
        return self._called

    def mediating(self, token: Token) -> bool:
        """ "the joint mediation of A, B and C", "mediators from A and B": those named there
        mediate; they are never the story's two sides."""
        if token.dep_ == "pobj" and token.head.head.lemma_.lower() in self.mediation:
            return True
        edge = token.left_edge.i  # "of the AU, the US and X": the parser cut the list
        before = self.doc[edge - 2] if edge >= 2 and self.doc[edge - 1].text == "," else None
        return (
            before is not None
            and before.dep_ == "pobj"
            and before.head.head.lemma_.lower() in self.mediation
        )

    def _is_state(self, actor_id: str) -> bool:
        """Whether the id is a state (an ISO3-like code when the KB lacks it)."""
        if actor_id in self.kb:
            return self.kb[actor_id].kind == "state"
        return len(actor_id) == 3 and actor_id.isupper()


def loyalty(token: Token) -> list[Token]:
    """The "loyal" of "forces loyal to X": the adjective on the noun, or the one the parser
    made the head of a clause with the noun as its subject ("as thugs loyal to X killed ...",
    round 10's j08)."""
    found = [c for c in token.children if c.dep_ == "amod" and c.lemma_.lower() == "loyal"]
    head = token.head
    if token.dep_ == "nsubj" and head.pos_ == "ADJ" and head.lemma_.lower() == "loyal":
        found.append(head)
    return found


def _people_country(noun: Token) -> str | None:
    """The country people are named by: a demonym before the noun ("Thai soldiers") or the
    noun itself ("Cambodians", read without its plural ending)."""
    for mark in (c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod")):
        code = demonym_country(mark) if mark.text[:1].isupper() else None
        if code:
            return code
    if not noun.text[:1].isupper():
        return None
    return country_of_demonym(noun.text) or country_of_demonym(noun.text.removesuffix("s"))


def demonym_country(token: Token) -> str | None:
    """The country of a demonym, also of one written in two words ("South Korean", "Sri
    Lankan"), read from the second word."""
    return _pair_demonym(token) or country_of_demonym(token.text)


def _pair_demonym(token: Token) -> str | None:
    """The country of a two-word demonym ending at ``token`` ("North Korean"), or None."""
    doc = token.doc
    if token.i == 0 or not (doc[token.i - 1].text[:1].isupper() and token.text[:1].isupper()):
        return None
    return country_of_demonym(doc[token.i - 1 : token.i + 1].text)


def _past_dateline_names(at: dict[int, str], end: int) -> dict[int, str]:
    """The token map without names that run across the dateline: "JERUSALEM - Militants" is a
    place and the lead's subject, never one new actor called "Jerusalem Militants"."""
    glued = at.get(end - 1)
    if not end or glued is None:
        return at
    out = dict(at)
    i = end
    while out.get(i) == glued:  # the run of the name that crosses the dash
        del out[i]
        i += 1
    return out


def prep_objects(head: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of ``head``'s prepositions named in ``preps`` ("talks with X": X)."""
    return [
        p
        for c in head.children
        if c.dep_ in ("prep", "dative") and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _first_of_pair(token: Token, child: Token, at: dict[int, str]) -> bool:
    """ "A and B" parsed with A as a modifier of B, or (after titles: "Egyptian President
    Anwar Sadat and Israeli Prime Minister Menachem Begin") as B's subject."""
    if child.dep_ in ("nmod", "compound"):
        return child.i in at and coordinated(child)
    return (
        child.dep_ == "nsubj"
        and token.pos_ == "PROPN"
        and child.i < token.i
        and child.i in at
        and any(c.dep_ == "cc" and c.i > child.i for c in child.children)
    )


def coordinated(token: Token) -> bool:
    """Whether ``token`` heads a coordination of its own ("A and B")."""
    return any(c.dep_ == "cc" for c in token.children) and any(
        c.dep_ == "conj" for c in token.children
    )


_DASHES = ("—", "–", "--", "-")
# Id prefixes of organisations and armed groups that "its" may point back to.
_BODIES = ("org:", "group:")
# How far into the text a "PLACE -" dateline's hyphen may stand.
_HYPHEN_WINDOW = 8
# How many tokens a dateline's place and day may take before its wire credit.
_CREDIT_WINDOW = 8


def wire_dateline_end(doc: Doc) -> int:
    """Index just past a wire dateline, or 0 without one.

    Besides the shared rule (:func:`parley.nlp.dateline.dateline_end`: "GENEVA, March 3
    (Reuters) —"), wire copy writes "Washington, March 21 (IANS)" (a place and a date, then the
    wire in brackets, no dash) and "Hanoi (VNA) -" (the wire, then a hyphen). The wire in
    brackets is the outlet, not a participant of the lead's events. "The United Nations (UN)
    said" is no dateline: no comma or dash around its brackets.
    """
    shared = dateline_end(doc) or _spaced_hyphen_dateline(doc)
    if shared:
        return shared
    for token in doc[:20]:
        if token.text == ")" and _wire_bracket(doc, token.i):
            after = token.i + 1
            return after + 1 if after < len(doc) and doc[after].text in _DASHES else after
    return 0


def wire_datelines(doc: Doc, top: int) -> list[tuple[int, int]]:
    """(start, end) token spans of every wire dateline: the top one (ending at ``top``), one
    opening a later paragraph (a wire story pasted below another, a live page's updates), and
    one with a wire credit in brackets and a dash anywhere ("... civilians KABUL, Aug 22
    (Reuters) - Twenty-two ...", a reposted story run on after its headline). The places and
    the wire in them are no actors (events20, round 8's h01)."""
    spans = [(0, top)] if top else []
    for start in paragraph_starts(doc)[1:]:
        end = dateline_end(doc, start) or _spaced_hyphen_dateline(doc, start)
        if end and all(t.text[:1].isupper() or not t.is_alpha for t in doc[start:end]):
            spans.append((start, end))
    for token in doc_tokens(doc):
        if token.text == "(" and token.i > top:
            span = _credited_dateline(doc, token.i)
            if span is not None and not any(s <= span[0] < e for s, e in spans):
                spans.append(span)
    return sorted(spans)


def _credited_dateline(doc: Doc, opening: int) -> tuple[int, int] | None:
    """The dateline whose wire credit opens at ``opening``: a place in capitals, then words
    with capitals, commas and a day ("KABUL, Aug. 22"), the credit in brackets, a dash."""
    close = next((t.i for t in doc[opening + 1 : opening + 6] if t.text == ")"), None)
    if close is None or close + 1 >= len(doc) or doc[close + 1].text not in _DASHES:
        return None
    inside = doc[opening + 1 : close]
    if not inside or not all(t.text[:1].isupper() for t in inside):
        return None
    start = None
    for t in reversed(doc[max(0, opening - _CREDIT_WINDOW) : opening]):
        if not (t.text[:1].isupper() or t.like_num or t.text in (",", ".")):
            break
        if t.is_alpha and t.is_upper and len(t) > 1:
            start = t.i  # the earliest word in capitals: the place
    return (start, close + 2) if start is not None else None


def _spaced_hyphen_dateline(doc: Doc, start: int = 0) -> int:
    """ "JERUSALEM - Militants fired ...": a place in capitals, then a hyphen with a space on
    each side; "US-China talks" has no spaces around its hyphen and is no dateline. ``start``:
    the paragraph it would open."""
    for token in doc[start + 1 : start + _HYPHEN_WINDOW]:
        if token.text == "-" and token.whitespace_ and doc[token.i - 1].whitespace_:
            before = doc[start : token.i]
            shouted = any(t.is_alpha and t.is_upper and len(t) > 2 for t in before)
            verbless = not any(t.pos_ in ("VERB", "AUX") for t in before)
            return token.i + 1 if shouted and verbless else 0
    return 0


def _wire_bracket(doc: Doc, close: int) -> bool:
    """Whether the brackets closing at ``close`` hold a wire name after a place (and date)."""
    opening = next((t.i for t in reversed(doc[:close]) if t.text == "("), None)
    if opening is None or opening < 1 or close - opening > 4 or not doc[0].text[:1].isupper():
        return False
    inside = doc[opening + 1 : close]
    if not all(t.text[:1].isupper() or t.text in ("'", "-") for t in inside):
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in doc[:opening]):
        return False  # "mediators suspended talks between X (SAF) and Y": a sentence, no dateline
    dash_after = close + 1 < len(doc) and doc[close + 1].text in _DASHES
    comma_before = any(t.text == "," for t in doc[:opening])
    return dash_after or comma_before


def distributive(subject: Token) -> bool:
    """Whether a noun phrase is distributive ("each side", "each government"): it stands for
    every member of a pair in turn, so "the other" after it is each one's counterpart and a
    later "its" is no one actor (round 12's l02)."""
    return any(d.dep_ == "det" and d.lower_ == "each" for d in subject.children)
