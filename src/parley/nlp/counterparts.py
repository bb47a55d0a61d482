""" "His counterpart": the holder of the antecedent's office in the other state of the article.

"Rubio met Lavrov. His counterpart said ..." — the antecedent is the resolved person who is the
subject of the clause (else of the sentence before); the counterpart holds the same office in
another state the article mentions: the state whose holder was mentioned most recently before
the phrase, else the most mentioned one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.kb import KnowledgeBase
from parley.models import Actor
from parley.nlp.docs import doc_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["counterpart_phrases", "subject_candidates", "counterpart_holder", "own_office"]

_LEX = "lexicon/names.json"  # word lists of this module: parley.knowledge


def counterpart_phrases(doc: Doc) -> Iterator[Token]:
    """The head tokens of "his/her/their counterpart(s)" in reading order."""
    for token in doc_tokens(doc):
        if token.lower_ in knowledge.words(_LEX, "counterpart_nouns") and any(
            c.lower_ in knowledge.words(_LEX, "possessive_pronouns") for c in token.children
        ):
            yield token


def subject_candidates(token: Token) -> Iterator[int]:
    """Token indices that may be the antecedent: the clause subject, then the previous
    sentence's subjects, in that order."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            yield child.i
    sent = token.sent
    if sent.start == 0:
        return
    previous = token.doc[sent.start - 1].sent
    for t in previous:
        if t.dep_ in ("nsubj", "nsubjpass"):
            yield t.i


def counterpart_holder(
    kb: KnowledgeBase,
    office_key: str,
    antecedent: str,
    states: Counter[str],
    last_seen: Callable[[str], int],
    on: dt.date | None,
) -> Actor | None:
    """The holder of ``office_key``'s office in the best other state, or None.

    Args:
        kb: Knowledge base with date-bounded roles.
        office_key: The antecedent's role key, e.g. ``foreign_minister:USA``.
        antecedent: The antecedent's actor id (never its own counterpart).
        states: State id → mentions in the article.
        last_seen: Actor id → end token of its last mention before the phrase (-1 if none).
        on: The article's date.
    """
    office, _, own = office_key.rpartition(":")
    best: tuple[tuple[int, int], Actor] | None = None
    for state, count in states.items():
        if state == own:
            continue
        holder = kb.holder(f"{office}:{state}", on)
        if holder is None or holder.id == antecedent:
            continue
        score = (last_seen(holder.id), count)
        if best is None or score > best[0]:
            best = (score, holder)
    return best[1] if best else None


def own_office(kb: KnowledgeBase, actor_id: str, on: dt.date | None) -> str | None:
    """The first role key of ``actor_id`` on ``on`` that belongs to the actor's own state."""
    actor = kb.actors.get(actor_id)
    if actor is None or not actor.country:
        return None
    for role in actor.roles_on(on):
        if role.key and role.key.endswith(":" + actor.country):
            return role.key
    return None
