"""Whom an unnamed speaker speaks for: the state or institution behind a role or a group.

"Serbian negotiators" and "the Turkmen foreign ministry" speak for their state (through the
demonym table of :func:`parley.nlp.lexicon.load_lexicon`); "a State Department spokesperson"
for the institution named before the role; "its ministry" and "his office" for the state named
(or led) just before. An analyst reads such phrases as the institution's voice, so a claim they
make is the institution's; a group with a number or speaking on condition of anonymity stays an
anonymous source.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from parley.extract.speech.cues import LEXICON, Cues
from parley.extract.speech.syntax import same_paragraph, sentences_back
from parley.knowledge import words
from parley.nlp.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from parley.extract.speech.resolver import Resolver
    from parley.models import Mention

__all__ = ["Institutions"]

# Kinds of actor an owner pronoun "its" can stand for ("its ministry").
_INSTITUTION_KINDS = frozenset({"state", "organisation", "igo", "armed force", "group"})
# Kinds of actor "the group" or "the organisation" can take up: not a state.
_ORGANISATION_KINDS = _INSTITUTION_KINDS - {"state"}


class Institutions:
    """States and institutions behind unnamed speakers, for one document."""

    def __init__(self, res: Resolver, cues: Cues, quoted: Sequence[tuple[int, int]]) -> None:
        self.res = res
        self.cues = cues
        # character bounds of the quoted stretches: names in quotes own nothing outside them
        self.quoted = quoted

    def speaks_for(self, head: Token) -> str | None:
        """The state or institution an unnamed speaker stands for, if the phrase says.

        "Serbian negotiators" and "their Kosovar counterparts" (a bare group of people named
        by a demonym) speak for their state, and so does "the Turkmen foreign ministry"; "a
        State Department spokesperson" and "Iran's
        foreign ministry spokesman" speak for the institution their modifiers name. A group
        with a number ("two U.S. officials") or speaking on condition of anonymity is an
        anonymous source, not its state.
        """
        if head.lemma_.lower() in self.cues.spokesperson_heads:
            return self._owner(head)
        institution = head.lemma_.lower() in self.cues.institution_heads
        owner = self._possessor(head) if institution else None
        if owner is not None:
            return owner
        if (head.lower_ not in self.cues.state_groups and not institution) or not self._bare(head):
            return None
        sent = head.sent.text.lower()
        if any(phrase in sent for phrase in self.cues.anonymity_phrases):
            return None
        return self.demonym_state(head)

    def organisation_before(self, head: Token) -> str | None:
        """The organisation "the group" or "the human rights group" takes up.

        A definite singular organisation noun with no name of its own refers to the
        organisation (not a state) named last before it, outside quotes, up to three
        sentences back: "Amnesty International warned … the group said". Sentences wholly
        in quote marks are the speaker's words, not the narrator's, and do not count: a
        quotation of two sentences before "said the rebel group" keeps the reach.
        """
        if head.tag_ != "NN" or head.lemma_.lower() not in words(LEXICON, "organisation_nouns"):
            return None
        if [c.lower_ for c in head.children if c.dep_ == "det"] != ["the"]:
            return None
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
            return None  # "the group Ghana Rights Watch": it names itself
        narrated = [s for s in sentences_back(head, 6) if not self._all_quoted(s)]
        for sent in narrated[:3]:
            for m in self._mentions_in(sent, before=head.idx):
                if self.res.kind(m.actor) in _ORGANISATION_KINDS:
                    return m.actor
        return None

    def members_of(self, head: Token) -> str | None:
        """The organisation "the members of the group" speak for: the members of a group
        the article named before say what the group says ("the members of the rebel group
        that signed the truce said …" after "The ELN rebels …")."""
        if head.lemma_.lower() not in words(LEXICON, "member_nouns"):
            return None
        if [c.lower_ for c in head.children if c.dep_ == "det"] != ["the"]:
            return None
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for group in (c for c in prep.children if c.dep_ == "pobj"):
                actor, _ = self.res.actor_of_token(group.i)
                if actor is not None and self.res.kind(actor) in _ORGANISATION_KINDS:
                    return actor  # "the members of the FARC"
                found = self.organisation_before(group)
                if found is not None:
                    return found
        return None

    def _bare(self, head: Token) -> bool:
        """No number, quantifier or article other than "the" ("their" is fine)."""
        for child in head.children:
            if child.dep_ == "nummod" or (child.dep_ == "det" and child.lower_ != "the"):
                return False
            if child.dep_ == "poss" and child.tag_ != "PRP$":
                return False
        return head.dep_ != "pobj" or head.head.lower_ != "of"  # "one of the officials"

    def _owner(self, head: Token) -> str | None:
        """The non-person actor named before ``head`` in its phrase ("Iran's foreign ministry")."""
        mods = [t for t in head.subtree if t.i < head.i]
        for tok in mods:
            actor, _ = self.res.actor_of_token(tok.i)
            if actor is not None and self.res.kind(actor) not in (None, "person"):
                return actor
        names = [t for t in mods if t.pos_ == "PROPN" and t.dep_ == "compound"]
        if names:
            found = self.res.ctx.kb.lookup(head.doc[names[0].i : names[-1].i + 1].text)
            if len(found) == 1 and found[0].kind != "person":
                return found[0].id
        return self.demonym_state(head)

    def demonym_state(self, head: Token) -> str | None:
        """The state a demonym modifying ``head`` names ("Serbian", "Kosovar"), if known."""
        for child in head.children:
            if child.dep_ not in ("amod", "compound", "nmod") or child.i > head.i:
                continue
            state = self.demonym_state_of(child)
            if state is not None:
                return state
        return None

    def demonym_state_of(self, word: Token) -> str | None:
        """The state the demonym ``word`` names, if it is one."""
        code = load_lexicon().country_of_demonym(word.text) or self.cues.demonyms.get(word.text)
        return self.state_of(code) if code is not None else None

    def _possessor(self, head: Token) -> str | None:
        """Whose institution "its foreign ministry" or "his office" is.

        "its" goes to the state or organisation named last before it (outside quotes, up to
        three sentences back); "his"/"her" to the state of the person named last, since an
        office speaks for the state its holder leads ("Tokayev signed the law, his office said").
        """
        poss = next((c for c in head.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        person_words = words(LEXICON, "person_possessives")
        if poss is None or poss.lower_ not in person_words | words(LEXICON, "thing_possessives"):
            return None
        person = poss.lower_ in person_words
        for sent in sentences_back(poss, 3):
            for m in self._mentions_in(sent, before=poss.idx):
                kind = self.res.kind(m.actor)
                if person and kind == "person":
                    code = self.country_of(m.actor)
                    return self.state_of(code) if code is not None else None
                if not person and kind in _INSTITUTION_KINDS:
                    return m.actor
        return None

    def _all_quoted(self, sent: SpacySpan) -> bool:
        """Whether every word of ``sent`` lies inside quote marks."""
        words_ = [t for t in sent if t.is_alpha]
        return bool(words_) and all(any(s <= t.idx < e for s, e in self.quoted) for t in words_)

    def _mentions_in(self, sent: SpacySpan, before: int) -> list[Mention]:
        """Mentions with an actor in ``sent`` before char ``before``, unquoted, latest first."""
        found = [
            m for m in self.res.ctx.analysis.mentions
            if sent.start_char <= m.start < min(before, sent.end_char) and m.actor is not None
            and not any(s <= m.start < e for s, e in self.quoted)
        ]  # fmt: skip
        return sorted(found, key=lambda m: -m.start)

    def country_of(self, actor: str | None) -> str | None:
        """The country code of an actor, from the knowledge base or this article's actors."""
        if actor is None:
            return None
        if actor in self.res.ctx.kb.actors:
            return self.res.ctx.kb[actor].country
        return next((a.country for a in self.res.ctx.analysis.actors if a.id == actor), None)

    def state_of(self, code: str) -> str | None:
        """The knowledge base's state actor for an ISO3 code (its id, or the state of it)."""
        kb = self.res.ctx.kb
        if code in kb.actors:
            return code
        states = (a.id for a in kb.actors.values() if a.kind == "state" and a.country == code)
        return next(states, None)

    # ------------------------------------------------------------ descriptions
    def states_near(self, tok: Token) -> set[str]:
        """Countries of the states named in ``tok``'s sentence, within its paragraph."""
        kb = self.res.ctx.kb
        states: set[str] = set()
        for t in tok.sent:
            actor, _ = self.res.actor_of_token(t.i)
            if actor in kb.actors and kb[actor].kind == "state" and same_paragraph(t, tok):
                states.add(kb[actor].country or actor)
        return states
