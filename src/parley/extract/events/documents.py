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

__all__ = ["issuer_tokens"]

_EVENTS_LEXICON = "lexicon/events.json"


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
