"""Who a statement, a resolution or a communiqué speaks for when it is the subject.

"The resolution adopted by the council calls for a ceasefire", "The Security Council adopted a
resolution on Friday. It also calls for ...", "the union's communique demands ...": a document
does not act; PLOVER codes its demand, condemnation or appeal to the body that adopted or issued
it (events18). :func:`issuer_tokens` finds the tokens that name that body; turning them into
actor ids is :class:`parley.extract.events.naming.PartyNames`' job. When no issuer is written
(a document of unknown origin, several candidates), it returns nothing: no body is invented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import parley.knowledge as knowledge

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["author_phrases", "issuer_tokens"]

_EVENTS_LEXICON = "lexicon/events.json"
_NAMING_PREPS = ("of", "in")  # "the leaders of the G7", "the participants in the summit of X"
_NAMING_DEPTH = 3  # how many "of"/"in" phrases down a self-naming apposition may name a party


def issuer_tokens(subject: Token) -> list[Token]:
    """The tokens naming who issued the document ``subject`` is or stands for, or []."""
    if subject.dep_ != "nsubj" and not _described_speaking(subject):
        return []
    if subject.lower_ in knowledge.words(_EVENTS_LEXICON, "document_pronouns"):
        document = _previous_document(subject)
        return _issuer(document) if document is not None else []
    if not _is_document(subject):
        return []
    own = _issuer(subject)
    if own:
        return own
    definite = any(
        c.dep_ == "det" and c.lower_ in knowledge.words(_EVENTS_LEXICON, "document_determiners")
        for c in subject.children
    )
    document = _previous_document(subject) if definite else None
    return _issuer(document) if document is not None else []


def _described_speaking(noun: Token) -> bool:
    """ "adopted a resolution that calls for ...": the document is the subject of the relative
    clause on it (the parser gives the clause's subject to "that")."""
    return any(
        c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.tag_ == "WDT" for s in c.children)
        for c in noun.children
    )


def _is_document(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in knowledge.words(
        _EVENTS_LEXICON, "statement_nouns"
    )


def _issuer(document: Token) -> list[Token]:
    """Who the sentence says issued ``document``: "the council's resolution", "a resolution
    adopted by the council", "the council adopted a resolution (that calls ...)", "a resolution
    was adopted by the council"."""
    issuing = knowledge.words(_EVENTS_LEXICON, "issuing_verbs")
    owners = [c for c in document.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    if owners:
        return owners
    for verb in (c for c in document.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        if verb.lemma_.lower() in issuing:
            return _agents(verb)
    head = document.head
    if head.lemma_.lower() not in issuing or head.pos_ != "VERB":
        return []
    if document.dep_ == "dobj":
        return [c for c in head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    if document.dep_ == "nsubjpass":
        return _agents(head)
    return []


def _agents(verb: Token) -> list[Token]:
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def _previous_document(subject: Token) -> Token | None:
    """The one document the sentence before ``subject``'s names with its issuer, when
    ``subject`` opens its sentence; None when there is none or more than one."""
    sentence = subject.sent
    first = next((t for t in sentence if not t.is_punct), subject)
    if first.i != subject.i and not (first.dep_ == "det" and first.head.i == subject.i):
        return None
    if sentence.start == 0:
        return None
    previous = subject.doc[sentence.start - 1].sent
    found = [t for t in previous if _is_document(t) and _issuer(t)]
    return found[0] if len(found) == 1 else None


def author_phrases(pronoun: Token) -> list[Token]:
    """ "We, the leaders of the G7, met in X ... We support Y's bid" (round 12's l11): a
    communiqué or joint statement names its authors once, in an apposition on its first "we";
    every later "we" of the text (outside quotes, which the caller checks) is they. The noun
    phrases that may name them, nearest first: the apposition, then its "of"/"in" phrases.
    Empty when no "we" up to ``pronoun`` has such an apposition ("We support the plan" alone
    names no one)."""
    if pronoun.lower_ != "we":
        return []
    for word in pronoun.doc[: pronoun.i + 1]:
        named = [c for c in word.children if c.dep_ == "appos"] if word.lower_ == "we" else []
        if named:
            return _phrases_within(named[0], _NAMING_DEPTH)
    return []


def _phrases_within(noun: Token, depth: int) -> list[Token]:
    """``noun`` and the objects of its "of"/"in" phrases, down to ``depth`` levels."""
    found = [noun]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _NAMING_PREPS):
        for inner in (p for p in prep.children if p.dep_ == "pobj"):
            found += _phrases_within(inner, depth - 1) if depth > 1 else [inner]
    return found
