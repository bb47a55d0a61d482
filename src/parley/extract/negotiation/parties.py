"""Who negotiates and who helps: the parties and the mediators of talks in one article.

Parties are the sides of the dispute: states, and non-state armed groups and armed forces
(first-class parties, "the Congolese army and M23"). A person stands for the side they act for.
When a state faces an armed group of its own country and the article names that state's
armed force, the force is the party ("the Sudanese army and the RSF"), not the whole state.

Mediators are the hosts and facilitators: an actor that mediates, brokers, hosts, facilitates
or sponsors the talks ("talks mediated by Qatar", "Swiss-mediated", "Egyptian-Qatari
mediation", "Malaysia, which hosts the talks"), or the state whose city the talks meet in when
that state is no side of them. A mediator is never a party.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING

from parley import knowledge
from parley.bodies import body_state
from parley.extract.base import Context, actor_at
from parley.extract.negotiation.words import alt
from parley.kb import load_demonyms
from parley.keys import STATE_SHORT_NAMES
from parley.nlp.docs import doc_sents, doc_tokens, span_text, span_tokens

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from parley.models import Event

__all__ = [
    "party_of",
    "state_of_body",
    "led_movement",
    "parties_of",
    "mediators_in",
    "host_states",
    "negotiating_pair",
    "intra_pair",
    "named_process",
    "government_pair",
    "LEXICON",
    "short_name",
]

_SHORT = STATE_SHORT_NAMES


def short_name(ctx: Context, actor_id: str) -> str:
    """How a track or agreement name calls a side: "US", "Armenia", an armed group by its
    acronym ("FARDC", "RSF") when it has one."""
    if actor_id in _SHORT:
        return _SHORT[actor_id]
    if actor_id not in ctx.kb:
        return actor_id
    actor = ctx.kb[actor_id]
    if actor.kind in ("group", "armed force"):
        acronyms = [a for a in actor.aliases if a.isupper() and 2 <= len(a) <= 6]
        if acronyms and len(actor.name) > 12:
            return acronyms[0]
    return actor.name


LEXICON = "lexicon/negotiation.json"


def _kind(ctx: Context, actor_id: str) -> str | None:
    if actor_id in ctx.kb:
        return ctx.kb[actor_id].kind
    found = next((a for a in ctx.analysis.actors if a.id == actor_id), None)
    return found.kind if found is not None else None


def party_of(ctx: Context, actor_id: str) -> str | None:
    """The side ``actor_id`` stands for: itself when it is a state, group or armed force, or an
    organisation that negotiates in its own name (the EU), a person's country, else None
    (outlets, other organisations, unknown names)."""
    kind = _kind(ctx, actor_id)
    body = state_of_body(ctx, actor_id)
    if body is not None:
        return body  # "the Chinese army", "South Korea's National Security Council"
    if kind in knowledge.words(LEXICON, "party_kinds"):
        return actor_id
    if actor_id in knowledge.words(LEXICON, "party_organisations"):
        return actor_id  # "Morocco and the EU started a round of talks": the EU is a side
    if kind is None and actor_id.lower() in knowledge.words(LEXICON, "unnamed_rebel_sides"):
        return _named_rebels(ctx) or actor_id
    if kind == "person" and actor_id in ctx.kb:
        if serves_igo(ctx, actor_id):
            return None
        return led_movement(ctx, actor_id) or ctx.kb[actor_id].country
    if kind == "person":  # "U.S. Trade Representative Robert Lighthizer": the stated role's state
        found = next((a for a in ctx.analysis.actors if a.id == actor_id), None)
        return found.country if found is not None else None
    return None


def state_of_body(ctx: Context, actor_id: str) -> str | None:
    """The state ``actor_id`` acts for as one of its bodies (:func:`parley.bodies.body_state`):
    an armed force or ministry of the knowledge base, or an organisation the text ties to its
    state ("South Korea's National Security Council"). A state facing its own armed group is
    turned back into its armed force by :func:`parties_of`."""
    if actor_id in ctx.kb:
        actor = ctx.kb[actor_id]
        return body_state(actor.kind, actor.name, actor.country)
    found = next((a for a in ctx.analysis.actors if a.id == actor_id), None)
    return body_state(found.kind, found.name, found.country) if found is not None else None


def serves_igo(ctx: Context, person_id: str) -> str | None:
    """The international organisation a known person serves on the article's day ("UN Special
    Envoy for Yemen"), whose role key ends in its code: an envoy speaks for the organisation,
    never for the state of their passport. None for anyone else."""
    if person_id not in ctx.kb or ctx.article.published_at is None:
        return None
    for role in ctx.kb[person_id].roles_on(ctx.article.published_at):
        org = f"igo:{role.key.rsplit(':', 1)[-1].lower()}" if role.key else None
        if org is not None and org in ctx.kb and ctx.kb[org].kind == "igo":
            return org
    return None


def led_movement(ctx: Context, person_id: str) -> str | None:
    """The armed movement a known person leads on the article's day ("President Salva Kiir and
    rebel leader Riek Machar" are two sides, not one state): the knowledge base's dated
    ``leader:<group id>`` role. Not while they also hold an office of their state (a rebel
    leader made vice president speaks for the government), nor without a day to check."""
    if person_id not in ctx.kb or ctx.article.published_at is None:
        return None
    person = ctx.kb[person_id]
    held = person.roles_on(ctx.article.published_at)
    led = {
        r.key.removeprefix("leader:")
        for r in held
        if r.key and r.key.startswith("leader:") and r.key.removeprefix("leader:") in ctx.kb
    }
    groups = [g for g in led if ctx.kb[g].kind in knowledge.words(LEXICON, "party_kinds")]
    in_office = any(r.key and r.key.endswith(f":{person.country}") for r in held)
    return groups[0] if len(groups) == 1 and not in_office else None


def _named_rebels(ctx: Context) -> str | None:
    """ "The rebels" of an article that names one armed movement elsewhere, or the leader of
    one ("supporters of rebel leader Riek Machar"), are that movement; with none named (or
    several) they stay a side of their own rather than lose the track. Of several movements,
    the one of the state the article names most (a movement of another war named in passing
    does not count)."""
    groups = {a.id for a in ctx.analysis.actors if a.kind == "group"}
    groups |= {g for a in ctx.analysis.actors if (g := led_movement(ctx, a.id)) is not None}
    if len(groups) < 2:
        return groups.pop() if groups else None
    named = Counter(m.actor for m in ctx.analysis.mentions if m.actor)
    weight = {g: named[ctx.kb[g].country or ""] if g in ctx.kb else 0 for g in groups}
    ranked = sorted(weight.values(), reverse=True)
    best = [g for g, w in weight.items() if w == ranked[0]]
    return best[0] if ranked[0] > ranked[1] else None


def parties_of(ctx: Context, actors: Iterable[str]) -> list[str]:
    """The distinct sides among ``actors``, in order, a state facing its own armed group
    replaced by its armed force when the article names one."""
    sides = list(dict.fromkeys(p for a in actors if (p := party_of(ctx, a)) is not None))
    sides = _alliances_folded(sides)
    return [_as_force(ctx, s, sides) for s in sides]


def _alliances_folded(sides: list[str]) -> list[str]:
    """ "The Three Brotherhood Alliance, the TNLA, the MNDAA and the AA": an alliance named
    beside its members, or two members of one alliance, are one side, the alliance's (round
    17); a member named alone ("the Arakan Army") stays itself."""
    members: Mapping[str, list[str]] = knowledge.table(LEXICON, "alliance_members")
    alliance_of = {m: a for a, ms in members.items() for m in ms}
    out: list[str] = []
    for side in sides:
        alliance = alliance_of.get(side)
        kin = [s for s in sides if s == alliance or (s != side and alliance_of.get(s) == alliance)]
        out.append(alliance if alliance is not None and kin else side)
    return list(dict.fromkeys(out))


def _as_force(ctx: Context, side: str, sides: list[str]) -> str:
    if _kind(ctx, side) != "state":
        return side
    rebels = [
        s for s in sides if _kind(ctx, s) == "group" and s in ctx.kb and ctx.kb[s].country == side
    ]
    if not rebels:
        return side
    forces = [
        a.id
        for a in ctx.analysis.actors
        if a.kind == "armed force" and a.id in ctx.kb and ctx.kb[a.id].country == side
    ]
    return forces[0] if forces else side


def host_states(ctx: Context, event: Event, sides: list[str]) -> list[str]:
    """States that only host the talks: the event meets in their capital and they are named in
    its sentence by that capital alone ("talks with Iran in Vienna" does not make Austria a
    side; talks in Abu Dhabi are hosted by the Emirates)."""
    if event.place is None or event.place.country is None:
        return []
    state = event.place.country
    if state not in ctx.kb or event.place.name not in (ctx.kb[state].capital, ctx.kb[state].name):
        return []  # talks in its capital, or "in Turkey": the state hosts them
    if state not in sides:
        return [state]
    ev = event.evidence
    named = [
        m.text for m in ctx.analysis.mentions if m.actor == state and ev.start <= m.start < ev.end
    ]
    return [state] if named and all(t == event.place.name for t in named) else []


_MEDIATORS_MEMO = "parley.negotiation.mediators_in"
_SentenceMediators = dict[tuple[int, int], tuple[str, ...]]  # (start, end) -> mediators


def mediators_in(ctx: Context, sent: SpacySpan) -> list[str]:
    """Actors a sentence names as mediating, brokering, hosting, facilitating or sponsoring.

    Read once per sentence of an analysis (in the Doc's ``user_data``): the agreements'
    parties, the document's sides and each track the negotiation extractor tries ask it of
    the same sentences, three or four times over. The answer depends on the sentence, the
    knowledge base and the actors and mentions, which no extractor changes once the actors
    extractor has run; a memo is kept for one analysis (and its counts of actors and mentions)
    at a time."""
    state = (ctx.analysis, len(ctx.analysis.actors), len(ctx.analysis.mentions))
    memo: tuple[tuple[object, int, int], _SentenceMediators] | None
    memo = ctx.doc.user_data.get(_MEDIATORS_MEMO)
    if memo is None or memo[0][0] is not state[0] or memo[0][1:] != state[1:]:
        memo = (state, {})
        ctx.doc.user_data[_MEDIATORS_MEMO] = memo
    by_sentence = memo[1]
    key = (sent.start, sent.end)
    found = by_sentence.get(key)
    if found is None:
        found = by_sentence[key] = tuple(_mediators_in(ctx, sent))
    return list(found)


class _SentenceActors(Mapping[int, str]):
    """Token index → actor for one sentence: the actor extractor's, and one-word names it
    left out (:func:`_named_again`). Built on the first lookup: most sentences name no
    mediation, and building it for each was a copy of the document's index per sentence."""

    def __init__(self, ctx: Context, sent: SpacySpan) -> None:
        self._ctx, self._sent = ctx, sent
        self._at: dict[int, str] | None = None

    def _built(self) -> dict[int, str]:
        if self._at is None:
            self._at = {**_named_again(self._ctx, self._sent), **actor_at(self._ctx)}
        return self._at

    def __getitem__(self, i: int) -> str:
        return self._built()[i]

    def __contains__(self, i: object) -> bool:
        return i in self._built()

    def __iter__(self) -> Iterator[int]:
        return iter(self._built())

    def __len__(self) -> int:
        return len(self._built())


def _mediators_in(ctx: Context, sent: SpacySpan) -> list[str]:
    at = _SentenceActors(ctx, sent)
    verbs = knowledge.words(LEXICON, "mediation_verbs")
    nouns = knowledge.words(LEXICON, "mediation_nouns")
    found: list[str] = []
    # "mediation of Egypt and Qatar between Israel and Hamas": the sides, not mediators
    between = knowledge.words(LEXICON, "side_prepositions")
    sides = {t.i for p in span_tokens(sent) if p.lower_ in between for t in p.subtree}
    sides |= _named_in_talks(sent)
    for tok in span_tokens(sent):
        lemma = tok.lemma_.lower()
        lower = tok.lower_
        guests: set[str] = set()
        if tok.pos_ in ("VERB", "AUX") and lemma in verbs:
            if _met_itself(tok):
                continue
            helpers = _verb_helpers(tok)
            guests = _guests(ctx, at, tok)
            if lemma in knowledge.words(LEXICON, "hosting_verbs"):
                guests |= _joint_sides(ctx)  # "Cambodia will host a border committee session"
        elif tok.pos_ in ("NOUN", "PROPN") and (
            lower in nouns or lemma in nouns or _mediation_phrase(tok)
        ):
            helpers = [] if _quantity_phrase(tok) else _noun_helpers(tok)
        else:
            continue
        helpers = _without_relatives(helpers)
        found += [
            a for a in _ids(ctx, at, [t for t in helpers if t.i not in sides]) if a not in guests
        ]
    found += _thanked_helpers(ctx, at, sent)
    found += _go_betweens(ctx, at, sent)
    found += _demonym_mediators(ctx, sent)
    found += _backing_organisations(ctx, sent)
    found += _signing_witnesses(ctx, at, sent)
    found += _serving_as_helpers(ctx, at, sent)
    found += _with_as_helpers(ctx, at, sent)
    found += _leading_mediation(ctx, at, sent)
    found += _envoys_to_talks(ctx, at, sent)
    found += _mediating_roles(ctx, at, sent)
    kinds = knowledge.words(LEXICON, "mediator_kinds") | knowledge.words(LEXICON, "party_kinds")
    found = [agency_state(ctx, a) or a for a in found]
    return [a for a in dict.fromkeys(found) if _kind(ctx, a) in kinds]


def _met_itself(verb: Token) -> bool:
    """ "Israel's Cabinet convened to debate … a deal": a body that convenes with no object
    and no agent met itself; it convened no talks between others (round 16)."""
    if verb.lemma_.lower() not in knowledge.words(LEXICON, "object_mediation_verbs"):
        return False
    told = ("dobj", "obj", "agent", "nsubjpass", "auxpass")
    objects = [c for c in verb.children if c.dep_ in told]
    return verb.dep_ != "acl" and all(_own_session(o) for o in objects)


def _own_session(obj: Token) -> bool:
    """ "The Joint Water Commission convened its 41st meeting": a body's own meeting (a
    session noun under "its") is the body meeting; it convened no talks of others (round 17)."""
    return obj.lemma_.lower() in knowledge.words(LEXICON, "own_session_nouns") and any(
        c.dep_ == "poss" and c.lower_ == "its" for c in obj.children
    )


def _without_relatives(helpers: list[Token]) -> list[Token]:
    """The helpers' words without the relative clauses that describe them ("hosted by Prime
    Minister A, who currently chairs ASEAN": A hosts, the bloc he chairs does not; nego18)."""
    inside = {t.i for t in helpers}
    told = {t.i for h in helpers if h.dep_ == "relcl" and h.head.i in inside for t in h.subtree}
    return [t for t in helpers if t.i not in told]


_JOINT_SIDES_MEMO = "parley.negotiation.joint_sides"


def _joint_sides(ctx: Context) -> set[str]:
    """The sides the article joins with another side as one subject of a side's act ("Thailand
    and Cambodia agreed", "A and B thanked C for its mediation"; not "Egypt and Qatar said",
    which mediators do too) or in "between A and B": a side that
    hosts a session of its own talks ("Cambodia will host a border committee session") is
    their venue, no mediator (nego18). Read once per analysis."""
    state = (ctx.analysis, len(ctx.analysis.actors), len(ctx.analysis.mentions))
    memo = ctx.doc.user_data.get(_JOINT_SIDES_MEMO)
    if memo is not None and memo[0][0] is state[0] and memo[0][1:] == state[1:]:
        return set(memo[1])
    at = actor_at(ctx)
    verbs = knowledge.words(LEXICON, "joint_side_verbs")
    out: set[str] = set()
    for tok in doc_tokens(ctx.doc):
        joined = (tok.dep_ == "nsubj" and tok.head.lemma_.lower() in verbs) or (
            tok.dep_ == "pobj" and tok.head.lower_ == "between"
        )
        if not joined or tok.i not in at:
            continue
        names = [t for t in (tok, *tok.conjuncts) if t.i in at]
        sides = [p for t in names if (p := party_of(ctx, at[t.i])) is not None]
        if len(names) >= 2 and len(set(sides)) == len(names):
            out |= set(sides)
    ctx.doc.user_data[_JOINT_SIDES_MEMO] = (state, frozenset(out))
    return out


def _named_in_talks(sent: SpacySpan) -> set[int]:
    """Tokens of the names that modify talks a helper is "for" or "in" ("the Norwegian
    facilitator for the GPH-NDFP peace talks", "the mediator in the Israel-Hamas talks"): the
    talks' own sides, never their mediators (round 14)."""
    talks = knowledge.words(LEXICON, "talks_nouns")
    out: set[int] = set()
    for tok in span_tokens(sent):
        if tok.lower_ not in talks or tok.dep_ != "pobj":
            continue
        for c in tok.children:
            if c.i < tok.i and c.dep_ in ("compound", "amod", "nmod"):
                out |= {t.i for t in c.subtree}
    return out


def _thanked_helpers(ctx: Context, at: Mapping[int, str], sent: SpacySpan) -> list[str]:
    """ "Washington thanked Qatar and Oman for helping negotiate the agreement": those thanked
    for helping negotiate or broker a deal stood between the sides (the thanker is a side)."""
    helping = knowledge.words(LEXICON, "mediation_helper_verbs")
    talks = knowledge.words(LEXICON, "helped_talks_verbs")
    thanking = knowledge.words(LEXICON, "thanking_verbs")
    out: list[str] = _thanked_for_mediation(ctx, at, sent, thanking)
    for tok in span_tokens(sent):
        if tok.lemma_.lower() not in helping or tok.dep_ != "pcomp":
            continue
        if not any(c.dep_ == "xcomp" and c.lemma_.lower() in talks for c in tok.children):
            continue
        verb = tok.head.head  # "thanked … for helping": for -> thanked
        if tok.head.lower_ != "for" or verb.lemma_.lower() not in thanking:
            continue
        thanked = [t for c in verb.children if c.dep_ in ("dobj", "obj") for t in c.subtree]
        out += _ids(ctx, at, thanked)
    return out


def _thanked_for_mediation(
    ctx: Context, at: Mapping[int, str], sent: SpacySpan, thanking: frozenset[str]
) -> list[str]:
    """ "A and B have thanked Malaysia for its crucial mediation": the one thanked for its
    mediation (or facilitation) mediated; the thankers are the sides (round 14)."""
    nouns = knowledge.words(LEXICON, "thanked_mediation_nouns")
    out: list[str] = []
    for verb in (t for t in span_tokens(sent) if t.lemma_.lower() in thanking):
        fors = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]
        if not any(o.lemma_.lower() in nouns for p in fors for o in p.children):
            continue
        thanked = [t for c in verb.children if c.dep_ in ("dobj", "obj") for t in c.subtree]
        out += _ids(ctx, at, thanked)
    return out


def _serving_as_helpers(ctx: Context, at: Mapping[int, str], sent: SpacySpan) -> list[str]:
    """ "X's ambassador A and Y's ambassador B, who are taking part as co-facilitators", "the
    U.S. and Chinese ambassadors, who served as co-mediators", "Norway, which acts as
    facilitator": the antecedents of a relative clause that makes them (co-)mediators, each
    person as the state their title names (nego18). "Who took part as observers" names none."""
    out: list[str] = []
    for tok in span_tokens(sent):
        if not _mediation_noun(tok) or tok.dep_ != "pobj" or tok.head.lower_ != "as":
            continue
        verb = tok.head.head
        if verb.dep_ != "relcl" or verb.pos_ not in ("VERB", "AUX"):
            continue
        antecedent = _personal_antecedent(ctx, at, verb)
        named = [c for c in antecedent.children if c.dep_ == "appos"]
        for head in (antecedent, *antecedent.conjuncts, *named):
            out += _standing_for(ctx, at, head)
    return out


def _with_as_helpers(ctx: Context, at: Mapping[int, str], sent: SpacySpan) -> list[str]:
    """ "…were in attendance, with the United States as co-organiser and China as observer":
    the one "with" names "as" a mediator, facilitator or (co-)organiser of the meeting
    (lexicon ``convening_role_nouns``) helps it, with no relative clause (nego20); the one
    named "as observer" does not."""
    out: list[str] = []
    for tok in span_tokens(sent):
        if tok.dep_ != "pobj" or tok.head.lower_ != "as":
            continue
        if not (_mediation_noun(tok) or _convening_noun(tok)):
            continue
        holder = _named_as(tok.head)
        if holder is None or not _with_named(holder):
            continue
        out += _standing_for(ctx, at, holder)
    return out


def _named_as(as_: Token) -> Token | None:
    """The noun "as" names a role of: its head, or, when the parser hung "as" on the clause's
    verb, the noun phrase right before it ("with Chile as co-organiser")."""
    if as_.head.pos_ in ("NOUN", "PROPN"):
        return as_.head
    if as_.i == 0:
        return None
    before = as_.doc[as_.i - 1]
    while before.dep_ in ("compound", "flat") and before.head.i > before.i:
        before = before.head
    return before if before.pos_ in ("NOUN", "PROPN") else None


def _with_named(holder: Token) -> bool:
    """Whether ``holder`` is the object of "with", or a conjunct of one ("with A as host and
    B as co-organiser")."""
    first = holder
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head
    return first.dep_ == "pobj" and first.head.lower_ == "with"


def _convening_noun(tok: Token) -> bool:
    """ "organiser", "co-organizer": one who convened the meeting."""
    word = tok.lower_
    for p in knowledge.words(LEXICON, "joint_role_prefixes"):
        word = word.removeprefix(p)
    return word in knowledge.words(LEXICON, "convening_role_nouns")


def _mediation_noun(tok: Token) -> bool:
    """A mediation noun, "co-" prefixed or not ("co-facilitators", "co-mediator")."""
    nouns = knowledge.words(LEXICON, "mediation_nouns")
    prefix = knowledge.words(LEXICON, "joint_role_prefixes")
    word = tok.lower_
    for p in prefix:
        word = word.removeprefix(p)
    return word in nouns


def _personal_antecedent(ctx: Context, at: Mapping[int, str], verb: Token) -> Token:
    """What a relative clause refers to: its head noun, climbed out of appositions and
    coordinations to the first of them ("A, B and C, who …"). "Who" hung on the state a title
    is posted to ("the ambassadors to Malaysia, who served as …") refers to the noun before the
    preposition: a state is no "who"."""
    head = verb.head
    personal = any(c.lower_ == "who" for c in verb.children)
    if personal and head.dep_ == "pobj" and head.i in at and _kind(ctx, at[head.i]) == "state":
        before = head.doc[head.head.i - 1] if head.head.i > 0 else head
        head = before if before.pos_ in ("NOUN", "PROPN") else head
    while head.dep_ in ("appos", "conj") and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    while head.dep_ == "compound" and head.head.pos_ == "PROPN":
        head = head.head  # "Ambassador" in "Chinese Ambassador to X Ouyang Yujing": the name
    return head


def _standing_for(ctx: Context, at: Mapping[int, str], head: Token) -> list[str]:
    """The states or organisations a named helper stands for: a state or organisation as
    itself, a person or office-holder by the state their title names ("US Ambassador to
    Malaysia A": the US; "the Chinese ambassador": China), never the place their post is in."""
    if head.i in at and _kind(ctx, at[head.i]) != "person":
        return [at[head.i]]
    # the title's words: the phrase left of the head, without its prepositions and conjuncts
    skip = {t.i for c in head.subtree if c.dep_ == "prep" for t in c.subtree}
    skip |= {
        t.i for c in head.children if c.dep_ in ("conj", "cc", "relcl", "appos") for t in c.subtree
    }
    # A person with no state in their title ("Jimmy Carter, who served as mediator") mediates
    # in their own name, not their passport's.
    out = [s for t in head.subtree if t.i not in skip and (s := _state_word(ctx, at, t))]
    return list(dict.fromkeys(out))


def _state_word(ctx: Context, at: Mapping[int, str], tok: Token) -> str | None:
    """The state a word of a title names: a state mention ("U.S."), a national adjective
    ("Chinese") or a state's short name ("US")."""
    if tok.i in at and _kind(ctx, at[tok.i]) == "state":
        return at[tok.i]
    return load_demonyms().get(tok.text) or _state_named(ctx, tok.text)


def _leading_mediation(ctx: Context, at: Mapping[int, str], sent: SpacySpan) -> list[str]:
    """ "Kenya spearheaded mediation efforts", "President A, whose country led the mediation":
    the subject of a verb of leading whose object is mediation mediates; "whose country" is
    the state of the one the relative clause is about (nego18)."""
    verbs = knowledge.words(LEXICON, "mediation_leading_verbs")
    nouns = knowledge.words(LEXICON, "mediation_nouns")
    out: list[str] = []
    for tok in span_tokens(sent):
        if tok.lower_ not in nouns:
            continue
        obj = tok.head if tok.dep_ == "compound" else tok  # "mediation efforts"
        verb = obj.head
        if obj.dep_ != "dobj" or verb.lemma_.lower() not in verbs:
            continue
        for subj in (c for c in verb.children if c.dep_ == "nsubj"):
            if _whose_country(subj) and verb.dep_ == "relcl":
                out += _standing_for(ctx, at, verb.head) or _own_state(ctx, at, verb.head)
            else:
                out += [a for a in _ids(ctx, at, subj.subtree) if _kind(ctx, a) != "person"]
    return out


def _mediating_roles(ctx: Context, at: Mapping[int, str], sent: SpacySpan) -> list[str]:
    """ "the role of the State of Qatar in mediating between A and B", "Qatar's efforts that
    facilitated conversations between A and B": whose role or efforts in mediating they are
    mediates (round 17); the sides after "between" stay sides."""
    verbs = knowledge.words(LEXICON, "mediation_verbs")
    roles = knowledge.words(LEXICON, "mediation_role_nouns")
    out: list[str] = []
    for tok in span_tokens(sent):
        if tok.lemma_.lower() not in verbs and tok.lower_.removesuffix("ing") + "e" not in verbs:
            continue
        role = None
        if tok.dep_ == "pobj" and tok.head.lower_ == "in":
            role = tok.head.head  # "the role of Qatar in mediating"
            # "praised the role of Oman in mediating": the parser may hang "in" on the verb
            objs = [c for c in role.children if c.dep_ in ("dobj", "obj")]
            role = objs[0] if role.pos_ == "VERB" and objs else role
        elif tok.dep_ == "relcl":
            role = tok.head  # "Qatar's efforts that facilitated conversations"
        if role is None or role.lemma_.lower() not in roles:
            continue
        owners = [c for c in role.children if c.dep_ == "poss"]
        owners += [g for c in role.children if c.lower_ == "of" for g in c.children]
        for owner in owners:
            out += [a for a in _ids(ctx, at, owner.subtree) if _kind(ctx, a) != "person"]
    return out


def _own_state(ctx: Context, at: Mapping[int, str], person: Token) -> list[str]:
    """The state of a person the knowledge base or their title ties to one ("A, whose country
    led the mediation": A's country)."""
    side = party_of(ctx, at[person.i]) if person.i in at else None
    return [side] if side is not None and _kind(ctx, side) == "state" else []


def _whose_country(subj: Token) -> bool:
    """ "whose country", "whose government": the state of the relative clause's antecedent."""
    nouns = knowledge.words(LEXICON, "own_state_nouns")
    return subj.lemma_.lower() in nouns and any(c.lower_ == "whose" for c in subj.children)


def _envoys_to_talks(ctx: Context, at: Mapping[int, str], sent: SpacySpan) -> list[str]:
    """ "A, Kenyan special envoy to the Sudan peace talks", "Norway's envoy to the peace
    process": a state's envoy to peace talks it is no side of mediates them (the names the
    talks carry, a "with" after them and the sides the article joins are sides). An envoy to
    the UN, or to talks without "peace" ("the US envoy to the nuclear talks" is often a
    side's), names no mediator (nego18)."""
    envoys = knowledge.words(LEXICON, "envoy_nouns")
    peace = knowledge.words(LEXICON, "envoy_peace_words")
    talks = knowledge.words(LEXICON, "talks_nouns") | knowledge.words(LEXICON, "process_nouns")
    out: list[str] = []
    for tok in span_tokens(sent):
        if tok.lemma_.lower() not in envoys:
            continue
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "for")):
            objs = [c for c in prep.children if c.dep_ == "pobj" and c.lower_ in talks]
            if not any(c.lower_ in peace for o in objs for c in o.children):
                continue
            if any(c.dep_ == "prep" for o in objs for c in o.children):
                continue  # "Ukraine's envoy to the peace talks with Russia": a side's envoy
            named = {t.i for o in objs for t in o.subtree}
            out += [
                s
                for t in tok.subtree
                if t.i < tok.i and t.i not in named and (s := _state_word(ctx, at, t))
            ]
    return [s for s in out if s not in _joint_sides(ctx)]


def _go_betweens(ctx: Context, at: Mapping[int, str], sent: SpacySpan) -> list[str]:
    """ "Talks conducted via interlocutors such as Oman and Qatar": the go-betweens the talks
    went through ("his Chinese interlocutor" alone is a side's counterpart, no mediator)."""
    nouns = knowledge.words(LEXICON, "go_between_nouns")
    through = knowledge.words(LEXICON, "go_between_prepositions")
    out: list[str] = []
    for tok in span_tokens(sent):
        if tok.lower_ not in nouns or tok.dep_ != "pobj" or tok.head.lower_ not in through:
            continue
        named = [
            t
            for c in tok.children
            if c.dep_ in ("appos", "compound", "amod", "nmod")
            or (c.dep_ == "prep" and c.lower_ in ("as", "including", "like"))
            for t in c.subtree
        ]
        out += _ids(ctx, at, named)
    return out


def _guests(ctx: Context, at: Mapping[int, str], verb: Token) -> set[str]:
    """The sides at the table a hosting verb names ("Khartoum hosted a meeting of the
    delegations from Egypt, Sudan and Ethiopia"): a state among them hosts its own talks and
    is a side, never a mediator, however its capital is named."""
    seats = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    seats += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("between", "among")]
    return {p for c in seats for t in c.subtree if t.i in at and (p := party_of(ctx, at[t.i]))}


def _signing_witnesses(ctx: Context, at: Mapping[int, str], sent: SpacySpan) -> list[str]:
    """ "Russia and Ukraine separately signed a deal with Turkey and the UN", "the deal was
    signed by A and B in the presence of C": third parties to a signing by both sides, who
    witness or guarantee it. "Israel signed a deal with Hamas" (one signer) names the other
    side, so "with" counts only when the signers are two sides already."""
    verbs = knowledge.words(LEXICON, "witnessing_signing_verbs")
    found: list[str] = []
    for tok in span_tokens(sent):
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in verbs:
            continue
        signers = [c for c in tok.children if c.dep_ in ("nsubj", "agent")]
        late = _listed_after_presence(tok)
        sides = {
            p
            for c in signers
            for t in c.subtree
            if t.i in at and t.i not in late and (p := party_of(ctx, at[t.i])) is not None
        }
        listed = (tok.doc[i] for i in sorted(late))
        found += [a for a in _witnesses(ctx, at, listed) if a not in sides]
        heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
        for prep in (c for h in heads for c in h.children if c.dep_ == "prep"):
            if prep.lower_ == "with" and len(sides) >= 2:
                found += [a for a in _witnesses(ctx, at, prep.subtree) if a not in sides]
        # "signed by A and B in the presence of C": the parser may hang it on B
        for prep in (t for t in tok.subtree if _in_presence(t)):
            found += [a for a in _witnesses(ctx, at, prep.subtree) if a not in sides]
    return found


def _listed_after_presence(verb: Token) -> set[int]:
    """Tokens of the names listed after "in the presence of" that the parser hung on the
    signers ("signed by A and B in the presence of C, D, and E's president F": E's president
    parsed as a third signer). A conjunct that begins after the phrase is one of its list;
    what hangs on it by a preposition ("at the palace in X") is not a name of the list."""
    out: set[int] = set()
    for prep in (t for t in verb.subtree if _in_presence(t)):
        for conj in (t for t in verb.subtree if t.dep_ == "conj" and t.left_edge.i > prep.i):
            nested = {t.i for c in conj.children if c.dep_ == "prep" for t in c.subtree}
            out |= {t.i for t in conj.subtree if t.i not in nested}
    return out


def _witnesses(ctx: Context, at: Mapping[int, str], toks: Iterable[Token]) -> list[str]:
    """The actors named in ``toks``, a person as the state or organisation they act for ("in
    the presence of Turkey's president X": Turkey witnesses; "of UN chief Y": the UN)."""
    out = []
    for actor in _ids(ctx, at, toks):
        if _kind(ctx, actor) == "person":
            actor = serves_igo(ctx, actor) or party_of(ctx, actor) or actor
        out.append(actor)
    return out


def _in_presence(prep: Token) -> bool:
    """ "in the presence of …": the witnesses of what was done."""
    return prep.lower_ == "in" and any(
        c.dep_ == "pobj" and c.lower_ == "presence" for c in prep.children
    )


def agency_state(ctx: Context, actor_id: str) -> str | None:
    """The state a state agency acts for ("Turkey's intelligence service coordinated the
    swap": Turkey mediates), None for anything else. Agencies are the knowledge base's
    ``agency:`` ids."""
    if not actor_id.startswith("agency:") or actor_id not in ctx.kb:
        return None
    return ctx.kb[actor_id].country


def _quantity_phrase(tok: Token) -> bool:
    """ "A host of regional leaders": a mediation noun used as a quantity mediates nothing."""
    if tok.i == 0 or tok.i + 1 >= len(tok.doc):
        return False
    phrase = f"{tok.nbor(-1).lower_} {tok.lower_} {tok.nbor(1).lower_}"
    return phrase in knowledge.words(LEXICON, "quantity_phrases")


def _named_again(ctx: Context, sent: SpacySpan) -> dict[int, str]:
    """Tokens spelling an actor's one-word name where the actor extractor left that mention
    out ("IGAD, the bloc that is helping mediate the talks, said" before "IGAD said")."""
    names = {
        m.text: a.id for a in ctx.analysis.actors for m in a.mentions if " " not in m.text.strip()
    }
    return {
        t.i: names[t.text] for t in span_tokens(sent) if t.text in names and t.text[:1].isupper()
    }


def _mediation_phrase(tok: Token) -> bool:
    """ "the good offices of the ICRC": a two-word name for mediation ending at ``tok``."""
    if tok.i == 0:
        return False
    pair = f"{tok.nbor(-1).lower_} {tok.lower_}"
    return pair in knowledge.words(LEXICON, "mediation_phrases")


def _verb_helpers(tok: Token) -> list[Token]:
    """ "Qatar mediated …" (the subject), "mediated by Qatar" (the agent), "Swiss-mediated"."""
    out: list[Token] = []
    passive = tok.tag_ == "VBN"
    for c in tok.children:
        if c.dep_ in ("nsubj",) and not passive:
            out += list(c.subtree)
        elif c.dep_ == "agent":
            out += list(c.subtree)
        elif c.i < tok.i and c.dep_ in ("npadvmod", "advmod", "compound", "amod", "nmod"):
            out += list(c.subtree)
    if tok.dep_ == "relcl" and not passive:  # "Malaysia, which hosts the talks"
        out.append(tok.head)
        if tok.head.dep_ == "appos" and tok.head.pos_ == "NOUN":  # "IGAD, the bloc that …"
            out.append(tok.head.head)
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in knowledge.words(
        LEXICON, "mediation_helper_verbs"
    ):  # "IGAD is helping mediate the talks"
        out += _verb_helpers(tok.head)
    return out


def _noun_helpers(tok: Token) -> list[Token]:
    """ "Qatari mediation", "mediation by Qatar", "Qatar's mediation", "mediators Qatar and
    Egypt", "with Egypt as mediator"."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "poss", "nmod", "appos"):
            out += list(c.subtree)
        elif c.dep_ == "prep" and c.lower_ in knowledge.words(LEXICON, "agent_prepositions"):
            out += list(c.subtree)
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        out.append(tok.head.head)
    if tok.dep_ == "appos":
        out.append(tok.head)
    if tok.dep_ == "attr":  # "Egypt and the US were joint mediators"
        out += [t for c in tok.head.children if c.dep_ == "nsubj" for t in c.subtree]
    if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":  # "mediator Qatar said"
        out.append(tok.head)
    elif tok.dep_ == "compound":  # "mediation efforts of Egypt and Qatar"
        out += [
            t
            for c in tok.head.children
            if c.dep_ == "prep" and c.lower_ in knowledge.words(LEXICON, "agent_prepositions")
            for t in c.subtree
        ]
    return out


def _ids(ctx: Context, at: Mapping[int, str], toks: Iterable[Token]) -> list[str]:
    return [at[t.i] for t in toks if t.i in at]


@knowledge.derived
def _demonym_mediation() -> re.Pattern[str]:
    """ "Egyptian-Qatari mediation", "Swiss-mediated", "US-brokered", "U.S.-mediated" (a
    dotted short name)."""
    stem = alt(knowledge.phrases(LEXICON, "mediation_stems"))
    done = alt(knowledge.phrases(LEXICON, "mediation_participles"))
    return re.compile(
        r"(?<![\w.])(?P<names>(?:[A-Z][a-z]+-)+[A-Z][a-z]+|[A-Z][a-z]+|(?:[A-Z]\.){2,}|[A-Z]{2,3})"
        r"[- ]"
        rf"(?:(?:{stem})\w*|{done})\b"
    )


@knowledge.derived
def _short_name_mediation() -> re.Pattern[str]:
    """ "US-Saudi mediation": a state's short name joined to a demonym."""
    short = alt(knowledge.table(LEXICON, "short_state_names"))
    noun = alt(knowledge.phrases(LEXICON, "mediation_heads"))
    return re.compile(rf"\b({short})-(?:[A-Z][a-z]+)\s+(?:{noun})\b")


def _demonym_mediators(ctx: Context, sent: SpacySpan) -> list[str]:
    """ "Egyptian-Qatari-American mediation", "US-Saudi mediation", "Swiss-mediated": the
    states of the demonyms or short names before a mediation word."""
    demonyms = load_demonyms()
    out: list[str] = []
    text = span_text(sent)
    short = knowledge.table(LEXICON, "short_state_names")
    for m in _demonym_mediation().finditer(text):
        for name in m.group("names").split("-"):
            # "the US-brokered deal": a short name the table knows (round 15)
            state = demonyms.get(name) or _state_named(ctx, name) or short.get(name)
            if state:
                out.append(state)
    for m in _short_name_mediation().finditer(text):
        out.append(knowledge.table(LEXICON, "short_state_names")[m.group(1)])
        tail = m.group(0).split("-", 1)[1].split()[0]
        state = load_demonyms().get(tail)
        if state:
            out.append(state)
    return out


def _joined_sides(ctx: Context, name: str) -> list[str]:
    """The two states of a joined name the actor extractor did not link ("China-U.S. trade
    consultations": "U.S." is written as the adjective), each read as a state's name or its
    adjective."""
    halves = re.split(r"[-–]", name.split()[0], maxsplit=1)
    demonyms = load_demonyms()
    found = [_state_named(ctx, h) or demonyms.get(h) for h in halves]
    return [f for f in found if f is not None]


@knowledge.derived
def _backed_by_acronym() -> re.Pattern[str]:
    """ "an EU-backed deal", "EU-sponsored talks": an acronym, a participle of backing, then
    (within two words) a deal or talks."""
    done = alt(knowledge.phrases(LEXICON, "backing_participles"))
    nouns = alt(
        [*knowledge.phrases(LEXICON, "talks_nouns"), *knowledge.phrases(LEXICON, "topic_nouns")]
    )
    return re.compile(
        rf"(?<![\w.])(?P<name>[A-Z]{{2,6}})-(?:{done})\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b"
    )


def _backing_organisations(ctx: Context, sent: SpacySpan) -> list[str]:
    """The international organisations whose acronym backs the deal or talks ("an EU-backed
    deal to normalise relations"): they stand behind the talks as mediators."""
    out: list[str] = []
    for m in _backed_by_acronym().finditer(span_text(sent)):
        out += [a.id for a in ctx.kb.lookup(m.group("name")) if a.kind == "igo"]
    return out


def _state_named(ctx: Context, name: str) -> str | None:
    for a in ctx.analysis.actors:
        if a.kind == "state" and (
            a.name == name or (a.id in ctx.kb and name in ctx.kb[a.id].aliases)
        ):
            return a.id
    return None


@cache
@knowledge.derived
def _negotiation_words() -> re.Pattern[str]:
    words = sorted(knowledge.phrases(LEXICON, "negotiation_words"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def negotiating_pair(ctx: Context, mediators: Iterable[str] = ()) -> list[str]:
    """The two sides the article shows negotiating (sorted ids); [] when nothing puts two sides
    in a negotiation. Co-mention elsewhere is no evidence of talks.

    Evidence, strongest first: a name for the talks that joins the two ("Armenia-Azerbaijan
    peace talks"), an agreement, talks or exchange event between them, a sentence about talks,
    rounds, proposals or an agreement that names both. Places in a wire dateline name no side.
    A tie goes to the pair that met or traded.
    """
    skip = set(mediators)
    pairs: Counter[tuple[str, str]] = Counter()
    acted: Counter[tuple[str, str]] = Counter()  # a tie goes to the two that met or traded

    def add(sides: list[str], weight: int, counter: Counter[tuple[str, str]] = pairs) -> None:
        sides = [s for s in dict.fromkeys(sides) if s not in skip]
        for i, a in enumerate(sides):
            for b in sides[i + 1 :]:
                counter[(a, b) if a < b else (b, a)] += weight

    from parley.extract.negotiation.agreements import onlookers

    at = actor_at(ctx)
    dash = ctx.article.text.find("—")
    dateline_end = dash if 0 < dash < 80 else 0
    talk = _negotiation_words()
    watching: set[str] = set()  # "with leaders from Cuba and Mexico in attendance"
    for sent in doc_sents(ctx.doc):
        text = span_text(sent)
        attending = onlookers(sent)
        watching |= {at[i] for i in attending if i in at}
        if talk.search(text):
            reacting = _reactors(sent)
            named = [
                at[t.i]
                for t in sent
                if t.i in at
                and t.idx >= dateline_end
                and not _calmed(t)
                and t.i not in attending
                and t.i not in reacting
            ]
            places = {at[t.i] for t in sent if t.i in at and _a_place(t)}
            add(parties_of(ctx, [a for a in named if a not in places]), 1)
        if talk.search(text) or _meeting_told(sent):
            add(_demonym_sides(text), 1)
        for m in _joined_talks().finditer(text):
            start = sent.start_char + m.start()
            named = [at[t.i] for t in sent if t.i in at and start <= t.idx < start + len(m[0])]
            add(parties_of(ctx, named if len(named) >= 2 else _joined_sides(ctx, m[0])), 3)
    traded = knowledge.words(LEXICON, "negotiated_modes")  # a swap is a deal carried out
    for e in ctx.analysis.events:
        negotiated = e.type in ("CONSULT", "AGREE") or e.mode in traded
        if {*e.source, *e.target} <= watching:
            continue  # the onlookers of an act did not negotiate it among themselves
        if negotiated and e.status in ("occurred", "planned"):
            add(parties_of(ctx, [*e.source, *e.target]), 2)
            add(parties_of(ctx, [*e.source, *e.target]), 1, acted)
    if not pairs:
        return government_pair(ctx)
    best: tuple[str, str] = max(pairs, key=lambda two: (pairs[two], acted[two]))
    return list(best)


def _reactors(sent: SpacySpan) -> set[int]:
    """Tokens of who reacts to a step in this sentence ("Dutch Foreign Minister X … and his
    French counterpart Y welcomed the CMA's commitment to the accord"): a reaction names no
    side of the talks, whoever the reaction names (round 16)."""
    verbs = knowledge.words(LEXICON, "step_reaction_verbs")
    return {
        t.i
        for verb in sent
        if verb.pos_ == "VERB" and verb.lemma_.lower() in verbs
        for c in verb.children
        if c.dep_ == "nsubj"
        for t in c.subtree
    }


@knowledge.derived
def _demonym_pair() -> re.Pattern[str]:
    """ "the Indian and Chinese armies": two national adjectives before a state body's plural."""
    bodies = alt(knowledge.phrases(LEXICON, "side_body_plurals"))
    joiners = alt(knowledge.phrases(LEXICON, "side_adjective_joiners"))
    return re.compile(rf"\b([A-Z][a-z]+) (?:{joiners}) ([A-Z][a-z]+) (?:{bodies})\b")


def _demonym_sides(text: str) -> list[str]:
    """The two states of "the Indian and Chinese armies" (a sentence may join several pairs)."""
    demonyms = load_demonyms()
    out: list[str] = []
    for m in _demonym_pair().finditer(text):
        states = [demonyms.get(m.group(1)), demonyms.get(m.group(2))]
        out += [s for s in states if s is not None and all(states) and states[0] != states[1]]
    return out


def _meeting_told(sent: SpacySpan) -> bool:
    """ "The commanders ... will meet at Moldo": a sentence whose verb is a meeting of sides."""
    verbs = knowledge.words(LEXICON, "side_meeting_verbs")
    return any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs for t in sent)


def _calmed(tok: Token) -> bool:
    """ "A deal could defuse a source of conflict between Israel and the militia": the sides
    of a conflict that something would calm are not shown negotiating it (the deal may be
    another pair's)."""
    calming = knowledge.words(LEXICON, "calming_verbs")
    below = tok
    for head in tok.ancestors:
        if head.pos_ in ("VERB", "AUX"):
            return head.lemma_.lower() in calming and below.dep_ == "dobj"
        below = head
    return False


def _a_place(tok: Token) -> bool:
    """ "Signed in the Zambian capital of Lusaka": a state named as where something happened
    (its capital, or its adjective before "capital") is no side of the talks told there."""
    capital = set(knowledge.words(LEXICON, "capital_nouns"))
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in capital:
        return True
    return tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in capital


@knowledge.derived
def _joined_talks() -> re.Pattern[str]:
    """ "Armenia-Azerbaijan peace talks": a name for the talks that joins the two sides."""
    topic = alt(knowledge.phrases(LEXICON, "joined_talks_topics"))
    noun = alt(knowledge.phrases(LEXICON, "joined_talks_nouns"))
    name = r"[A-Z][\w']*(?:\.[A-Z])*\.?"  # "Armenia", "U.S."
    return re.compile(rf"\b{name}[-–]{name}\s+(?:(?:{topic})\s+){{0,3}}(?:{noun})\b")


@knowledge.derived
def _intra_pattern() -> re.Pattern[str]:
    intra = alt(knowledge.phrases(LEXICON, "intra_prefixes"))
    talks = "|".join(knowledge.phrases(LEXICON, "talks_nouns"))
    return re.compile(rf"\b(?:{intra})-(?P<people>[A-Z][a-z]+)\s+(?:[a-z]+\s+)?(?:{talks})\b")


def intra_pair(ctx: Context) -> list[str]:
    """ "Intra-Afghan peace talks" are talks inside one state: its government and the armed
    group of that state the article names (sorted ids); [] when it names none."""
    demonyms = load_demonyms()
    for m in _intra_pattern().finditer(ctx.article.text):
        state = demonyms.get(m.group("people"))
        groups = [a.id for a in ctx.analysis.actors if a.kind == "group" and a.country == state]
        if state is not None and groups:
            return sorted([state, groups[0]])
    return []


@cache
def _government_side() -> re.Pattern[str]:
    words = sorted(knowledge.phrases(LEXICON, "government_sides"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def government_pair(ctx: Context) -> list[str]:
    """ "The government team" facing the one armed group the article names is that group's
    state (or its armed force, when named): "the government team … the LTTE delegation"."""
    if not _government_side().search(ctx.article.text):
        return []
    groups = {a.id: a.country for a in ctx.analysis.actors if a.kind == "group" and a.country}
    if len(groups) != 1:
        return []
    [(group, state)] = groups.items()
    return sorted([_as_force(ctx, state, [state, group]), group])


def named_process(ctx: Context) -> tuple[list[str], list[str]] | None:
    """(parties, mediators) of a known process the article names ("the Astana process on
    Syria") when it names no sides of its own: the process says who sits at the table."""
    processes = knowledge.table(LEXICON, "named_processes")
    text = (
        f"{ctx.article.title or ''}\n{ctx.article.text}"  # "UN to host next round of Syria talks"
    )
    for name, who in processes.items():
        if re.search(rf"\b{re.escape(name)}\b", text, re.I):
            parties = [p for p in who["parties"] if p in ctx.kb]
            mediators = [m for m in who["mediators"] if m in ctx.kb]
            if len(parties) >= 2:  # "the six-party talks": all six sit at the table
                return sorted(parties), mediators
    return None
