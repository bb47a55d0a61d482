"""A deliberative body named again by a short name, its members or "they".

A UN statement names "the UN Security Council" once, then writes "the council members called
on ...", "the members of the Security Council urged ..." or "They stressed ...". Those
subjects are the body itself: PLOVER codes the statement to the body, and without this the
requests are lost (no actor) or given to a new, unlinked "Security Council".
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.events.actors import ActorIndex, prep_objects
from parley.nlp.docs import doc_sents

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["BodyReferences"]

_EVENTS_LEXICON = "lexicon/events.json"
_PLOVER = "plover.json"
_OF = frozenset({"of"})
_SUBJECT_ROLES = ("nsubj", "nsubjpass")
# How many sentences back a bare "they" may reach for its body.
_PRONOUN_SENTENCES = 2
# How many sentences back "the regime" may reach for its state.
_STATE_SENTENCES = 2
# Kinds of knowledge-base actor a bare "they" may stand for: bodies that meet and speak.
_COLLECTIVE_KINDS = ("igo", "organisation")
# Roles in which a noun phrase names who acts or undergoes an act (not a place or a time).
_NAMING_ROLES = ("nsubj", "nsubjpass", "dobj", "appos", "conj", "poss")


class BodyReferences:
    """Resolves later mentions of a body the text named by its knowledge-base name."""

    def __init__(self, actors: ActorIndex) -> None:
        self.actors = actors
        self._states: list[tuple[int, str]] | None = None  # see _state_mentions
        self.heads = knowledge.words(_EVENTS_LEXICON, "body_heads")
        self.people = (
            frozenset(knowledge.table(_EVENTS_LEXICON, "sector_heads"))
            | knowledge.words(_PLOVER, "civilian_heads")
            | knowledge.words(_PLOVER, "group_heads")
        )

    def of(self, token: Token) -> list[str]:
        """The body ``token`` refers to: "the council (members)", "the members of the
        council", or a subject "they" whose nearest earlier actor is the body."""
        if token.dep_ not in _SUBJECT_ROLES:
            return []
        if token.lower_ in knowledge.words(_EVENTS_LEXICON, "body_pronouns"):
            return self._pronoun(token)
        if self._names_body(token):
            body = self._last_body(token.i, limit=0)
            return [body] if body else []
        return []

    def story_state(self, token: Token, home: str | None) -> list[str]:
        """ "The regime arrested dozens", "sanctions on the junta", "the authorities said": a
        bare definite state noun is the state the story named last (within a few sentences),
        else the dateline's state (``home``)."""
        nouns = knowledge.words(_EVENTS_LEXICON, "story_state_nouns")
        bare = all(c.dep_ == "det" and c.lower_ == "the" for c in token.lefts)
        if token.lemma_.lower() not in nouns or not bare or not any(token.lefts):
            return []
        sentences = doc_sents(token.doc)
        here = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
        start = sentences[max(0, here - _STATE_SENTENCES)].start
        for i in sorted((i for i in self.actors.at if start <= i < token.i), reverse=True):
            actor = self.actors.country_level(self.actors.at[i])
            if self.actors._is_state(actor):
                return [actor]
        return [self.actors.state(home)] if home else self.main_state(token.i)

    def state_force(self, token: Token, home: str | None) -> list[str]:
        """ "The military recaptured the town", "government troops killed 60 rebels": a state's
        forces the text names without their state act for the state their sentence named before
        them, else the state the story names most so far, else the dateline's (a wire's
        dateline may be abroad); a national story names its own army this way, and dropping
        the actor dropped the event (round 5, R1)."""
        lemma = token.lemma_.lower()
        if lemma not in knowledge.words(_EVENTS_LEXICON, "state_force_heads"):
            return []
        modifiers = [c for c in token.lefts if c.dep_ != "det"]
        bare = (
            not modifiers
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.lefts)
            and lemma in knowledge.words(_EVENTS_LEXICON, "state_force_bare")
        )
        marked = len(modifiers) == 1 and modifiers[0].lower_ in knowledge.words(
            _EVENTS_LEXICON, "state_force_modifiers"
        )
        if not (bare or marked or (not modifiers and _opposing_a_coup(token))):
            return []
        near = self._paired_state(token) or self._sentence_state(token)
        if near:
            return near
        if self._pair_before(token):  # "between Syria and Israel ... government warplanes"
            return []
        return self.main_state(token.i) or ([self.actors.state(home)] if home else [])

    def _paired_state(self, token: Token) -> list[str]:
        """ "The army and the RSF continued to battle each other": forces coordinated with an
        armed group of a known country are that country's."""
        pair = [c for c in token.children if c.dep_ == "conj"]
        pair += [token.head] if token.dep_ == "conj" else []
        for other in pair:
            actor_id = self.actors.at.get(other.i)
            if actor_id is None or actor_id not in self.actors.kb:
                continue
            actor = self.actors.kb[actor_id]
            if actor.kind == "group" and actor.country:
                return [self.actors.state(actor.country)]
        return []

    def _sentence_state(self, token: Token) -> list[str]:
        """The state named last before ``token`` in its sentence, as a state or as a person's
        country ("Duterte ordered the military", "signed by President Biden, the military
        can draw"): the forces are that state's. Armed groups are passed over ("Hamas
        accused the army" is no Palestinian army)."""
        for i in range(token.i - 1, token.sent.start - 1, -1):
            actor_id = self.actors.at.get(i)
            if actor_id is None:
                continue
            if self.actors._is_state(actor_id):
                # "the crossing between Syria and Israel while government warplanes ..." (round
                # 10's j06): a pair of states does not say which is the forces' own
                if _paired(token.doc[i]):
                    continue
                return [actor_id]
            actor = self.actors.kb[actor_id] if actor_id in self.actors.kb else None
            if actor is not None and actor.kind == "person" and actor.country:
                return [self.actors.state(actor.country)]
        return []

    def _pair_before(self, token: Token) -> bool:
        """Whether ``token``'s sentence names a pair of states before it ("the crossing between
        X and Y", round 10's j06): the forces may be either's, so neither the story's main
        state nor the dateline's is taken for theirs."""
        return any(
            self.actors._is_state(self.actors.at[i]) and _paired(token.doc[i])
            for i in range(token.sent.start, token.i)
            if i in self.actors.at and not self.actors.in_dateline(i)  # "BAMAKO, Mali -"
        )

    def main_state(self, before: int) -> list[str]:
        """The state the story so far names most often ("PHILIPPINE troops ... the army ...
        the rebels accused the government"), if one is named more often than any other; not
        the state of someone the text calls a mediator ("the chief mediator, Togolese
        President X": Togo hosts the talks, its forces are not in them; round 6's f08)."""
        mediators = self.actors.called_mediators()  # a mediator's state is no side's
        counts = Counter(
            state for i, state in self._state_mentions() if i < before and state not in mediators
        )
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return []
        return [ranked[0][0]]

    def _state_mentions(self) -> list[tuple[int, str]]:
        """Every state the text names as a party, by token, read once per document."""
        if self._states is None:
            self._states = [
                (t.i, actor)
                for t in self.actors.doc
                if t.pos_ in ("NOUN", "PROPN") and t.dep_ in _NAMING_ROLES
                for actor in self.actors.of(t, with_conj=False)
                if self.actors._is_state(actor)
            ]
        return self._states

    def short_name(self, ids: list[str], token: Token) -> list[str]:
        """Ids with a new, unlinked short name of an earlier-named body ("the Security
        Council" after "the UN Security Council") replaced by the body."""
        out = []
        for actor in ids:
            words = actor.removeprefix("new:").replace("-", " ")
            body = self._last_body(token.i, limit=0) if actor.startswith("new:") else None
            named = body is not None and self._name(body).endswith(words)
            out.append(body if named and body else actor)
        return out

    def _names_body(self, token: Token) -> bool:
        """ "the council", "the council members", "the members of the council"."""
        if token.lemma_.lower() in self.heads:
            return True
        members = knowledge.words(_EVENTS_LEXICON, "body_member_nouns")
        if token.lemma_.lower() not in members:
            return False
        modifiers = [c for c in token.children if c.dep_ in ("compound", "nmod")]
        return any(t.lemma_.lower() in self.heads for t in modifiers + prep_objects(token, _OF))

    def _pronoun(self, token: Token) -> list[str]:
        """ "They urged ...": the body, if it is the nearest actor named before."""
        sentences = doc_sents(token.doc)
        here = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
        start = sentences[max(0, here - _PRONOUN_SENTENCES)].start
        earlier = [i for i in self.actors.at if start <= i < token.i]
        if not earlier:
            return []
        body = self._last_body(token.i, limit=start)
        if body is None:
            body = self._one_collective(earlier, token.doc[start : token.i])
        if not body or self.actors.at[max(earlier)] != body:
            return []
        since = max(i for i in earlier if self.actors.at[i] == body)
        return [] if self._people_between(token.doc[since + 1 : token.i]) else [body]

    def _one_collective(self, earlier: list[int], window: Span) -> str | None:
        """ "The Arab League met in Cairo. They condemned ...": the one organisation (an IGO,
        a legislature, an agency) named in the sentences before "they", if it is the only
        candidate; two ("the council and the union met"), or a group the knowledge base does
        not know ("the opposition met the union"), leave "they" unresolved (events18)."""
        if any(t.lemma_.lower() in self.people and t.i not in self.actors.at for t in window):
            return None
        found = {
            self.actors.at[i]
            for i in earlier
            if self.actors.at[i] in self.actors.kb
            and self.actors.kb[self.actors.at[i]].kind in _COLLECTIVE_KINDS
        }
        return found.pop() if len(found) == 1 else None

    def _people_between(self, span: Span) -> bool:
        """Whether a plural group of people ("the rebels", "the guards") comes between the
        body and "they": the pronoun may be theirs, and an unlinked group has no actor id."""
        return any(t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() in self.people for t in span)

    def _last_body(self, before: int, limit: int) -> str | None:
        """The last body (its name ends in "council", "assembly", ...) named between ``limit``
        and ``before``; an unlinked short name ("the Security Council") is the knowledge-base
        body named before it whose name ends the same way, if any."""
        found: str | None = None
        for i in sorted((i for i in self.actors.at if i < before), reverse=True):
            actor = self.actors.at[i]
            name = self._name(actor)
            if not name.split() or name.split()[-1] not in self.heads:
                continue
            if found is None and i < limit:
                return None
            if found is None:
                found = actor
            if not found.startswith("new:"):
                return found
            if actor in self.actors.kb and name.endswith(self._name(found)):
                return actor
        return found

    def _name(self, actor: str) -> str:
        """The body's knowledge-base name; an unlinked one's words ("new:security-council")."""
        if actor in self.actors.kb:
            return self.actors.kb[actor].name.lower()
        return actor.removeprefix("new:").replace("-", " ")


def _opposing_a_coup(token: Token) -> bool:
    """ "Troops opposed to the attempted takeover had surrounded the building" (round 13's m10,
    events29): forces named by their opposing a coup (``coup_nouns``) stand for the state the
    coup is against, as "loyalist troops" do; opposing a person ("troops opposed to President
    X") makes no one's forces."""
    coups = knowledge.words(_EVENTS_LEXICON, "coup_nouns")
    clauses = [c for c in token.rights if c.dep_ in ("acl", "amod", "relcl")]
    if token.dep_ == "nsubj" and not any(c.dep_ in ("dobj", "aux") for c in token.head.children):
        clauses.append(token.head)  # "troops opposed to the takeover had ...", misparsed
    return any(
        c.lemma_.lower() == "oppose"
        and any(
            o.lemma_.lower() in coups
            for p in c.children
            if p.dep_ == "prep" and p.lower_ == "to"
            for o in p.children
            if o.dep_ == "pobj"
        )
        for c in clauses
    )


def _paired(token: Token) -> bool:
    """Whether ``token`` is one of two coordinated names ("between Syria and Israel")."""
    head = token
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)
