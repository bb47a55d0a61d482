"""Whom a condemnation is aimed at when the condemned act names no author.

Part of step 4 of the events extractor (:mod:`~parley.extract.events.finish`), which sees the
drafts already kept. "North Korea fired a ballistic missile on Sunday. Japan condemned the
missile test": PLOVER codes the condemnation against whoever did the condemned act, and the
text tells who that is either in the same sentence ("..., adding that it is studying the
results of North Korea's test") or in the event told just before. Round 10's j01 left the
target empty. An act noun told as a kind ("any missile test", "a test") or whose own phrase
names a different victim ("the attack on its embassy" after an attack on a convoy) is not the
earlier act, and no target is given rather than a wrong one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.events.actors import prep_objects, unique
from parley.extract.events.drafts import Draft
from parley.extract.events.plover import object_lemmas
from parley.nlp.docs import doc_sents

if TYPE_CHECKING:
    from spacy.tokens import Token

    from parley.extract.events.naming import PartyNames
    from parley.extract.events.plover import PloverLexicon, TriggerRule

__all__ = ["JudgedActs"]

_EVENTS_LEXICON = "lexicon/events.json"
_JUDGING = frozenset({"ACCUSE", "PROTEST"})
_TOLD = frozenset({"occurred", "historical"})  # acts told as having happened


class JudgedActs:
    """Finds the author of a condemned act from its sentence or the event told before it."""

    def __init__(self, lexicon: PloverLexicon, names: PartyNames) -> None:
        self.lex, self.names = lexicon, names

    def target(self, draft: Draft, kept: list[Draft]) -> list[str]:
        """The author of the act ``draft`` condemns, or [] when the text does not tell it.

        Only for a condemnation (ACCUSE, PROTEST) told by a verb with no target of its own
        whose object is a definite act noun ("the missile test", "the launch").
        """
        verb = draft.token
        if draft.rule.type not in _JUDGING or draft.target or verb.pos_ != "VERB":
            return []
        for act, rule in self._acts(verb):
            authors = self._possessed_again(act, draft) or self._told_before(act, rule, draft, kept)
            authors = [a for a in authors if a not in draft.source]
            if authors:
                return authors
        return []

    def _acts(self, verb: Token) -> list[tuple[Token, TriggerRule | None]]:
        """The verb's objects that may name one act: a singular common noun with no actor of
        its own, not told as a kind ("any test", "a test"); whether it is an act the text told
        is for :meth:`_told_before` to find ("the test" after "tested")."""
        kinds = knowledge.words(_EVENTS_LEXICON, "kind_determiners") | knowledge.words(
            _EVENTS_LEXICON, "indefinite_determiners"
        )
        found: list[tuple[Token, TriggerRule | None]] = []
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.tag_ == "NN"):
            if any(c.dep_ == "det" and c.lower_ in kinds for c in obj.children):
                continue
            if not self.names.actors.of(obj):  # "condemned North Korea's launch" names it
                found.append((obj, self.lex.match(obj, set())))
        return found

    def _possessed_again(self, act: Token, draft: Draft) -> list[str]:
        """ "condemned the missile test, adding that it is studying the results of North
        Korea's test": the same act noun with a named possessor in the sentence."""
        owners = [
            c
            for t in act.sent
            if t.i != act.i and t.lemma_.lower() == act.lemma_.lower()
            for c in t.children
            if c.dep_ == "poss" and c.pos_ == "PROPN"
        ]
        return self.names.of_all(owners, draft)

    def _told_before(
        self, act: Token, rule: TriggerRule | None, draft: Draft, kept: list[Draft]
    ) -> list[str]:
        """The source of the last event told in this sentence or the one before that is the
        same act: by the same word ("the test" after "tested"), on the same thing ("the
        missile test" after "fired a missile"), or of the act noun's own type. An act noun
        whose own phrase names what it was aimed at ("the attack on a school") must name that
        event's target or the thing it acted on."""
        start = _previous_sentence_start(draft.token)
        preps = self.lex.target_preps(rule.type if rule is not None else "default")
        aimed = prep_objects(act, preps)
        victims = self.names.of_all(aimed, draft)
        aimed_at = {p.lemma_.lower() for p in aimed}
        things = {c.lemma_.lower() for c in act.children if c.dep_ in ("compound", "amod")}
        for earlier in reversed(kept):
            if earlier.token.i < start:
                break
            if earlier.token.i > draft.token.i or earlier.status not in _TOLD:
                continue
            if not earlier.source or set(earlier.source) & set(draft.source):
                continue
            told_on = object_lemmas(earlier.token)
            if aimed and not (set(victims) & set(earlier.target) or aimed_at & told_on):
                continue  # "the attack on a school" is not the attack on a convoy told before
            same = rule is not None and (earlier.rule.type, earlier.mode) == (rule.type, rule.mode)
            same = same or earlier.token.lemma_.lower() == act.lemma_.lower()
            same = same or bool(things & told_on)
            if same:
                return unique(earlier.source)
        return []


def _previous_sentence_start(token: Token) -> int:
    """The first token of the sentence before ``token``'s (its own, for the first one)."""
    sentences = doc_sents(token.doc)
    here = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
    return sentences[max(0, here - 1)].start
