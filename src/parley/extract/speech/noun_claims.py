"""Claims carried by nouns: "an Indian charge that …", "his assertion that …".

A noun of claiming with a complement clause ("the charge that troops had crossed the border")
reports a claim as plainly as "charged that …" does, and the noun's owner is who made it: a
possessive ("Ghana's claim that …", "his assertion that …", the pronoun followed back to its
antecedent) or a state's demonym ("an Ethiopian charge that …": Ethiopia). A noun without an
owner ("rejected the allegation that …") names nobody making the claim and gives no record:
the claim may be anyone's, and no source is better than a guessed one.

The complement is told from a relative clause by its "that": a subordinating word right after
the noun, the clause lacking none of its parts ("the charge that he made" is relative).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.extract.speech.claims import Found
from parley.extract.speech.cues import LEXICON
from parley.extract.speech.syntax import phrase_bounds, same_paragraph, trim
from parley.knowledge import words
from parley.models import Reporter
from parley.nlp.docs import doc_tokens
from parley.nlp.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.extract.speech.claims import Claims
    from parley.extract.speech.cues import Cues
    from parley.extract.speech.quoted_words import QuotedWords
    from parley.extract.speech.reporters import Reporters
    from parley.kb import KnowledgeBase

__all__ = ["NounClaims"]

# A noun's claim is read from the noun alone, with no verb of saying: a little less sure.
_CONFIDENCE = 0.8


class NounClaims:
    """The claims one document's nouns of claiming carry, with their owners as sources."""

    def __init__(
        self,
        doc: Doc,
        cues: Cues,
        claims: Claims,
        reporters: Reporters,
        quoted: QuotedWords,
        kb: KnowledgeBase,
    ) -> None:
        self.doc = doc
        self.cues = cues
        self.claims = claims
        self.reporters = reporters
        self.quoted = quoted
        self.kb = kb

    def find(self) -> list[Found]:
        """Every claim a noun of claiming with an owner and a "that" clause carries."""
        nouns = words(LEXICON, "claim_carrying_nouns")
        found = []
        for tok in doc_tokens(self.doc):
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns:
                continue
            if self.quoted.quoted(tok.idx):
                continue  # a charge named inside someone's quoted words is theirs to tell
            item = self._claim(tok)
            if item is not None:
                found.append(item)
        return found

    def _claim(self, noun: Token) -> Found | None:
        """The claim ``noun`` carries, or None without a complement clause or an owner."""
        clause = complement_clause(noun)
        if clause is None:
            return None
        owner = self._owner(noun)
        if owner is None:
            return None
        tokens = [
            t for t in clause.subtree
            if t.i > clause.left_edge.i and same_paragraph(t, noun)
        ]  # fmt: skip
        bounds = self.claims.clean(trim(tokens))
        if bounds is None:
            return None
        return Found(bounds, noun.text, owner, confidence=_CONFIDENCE)

    def _owner(self, noun: Token) -> Reporter | None:
        """Who made the claim a noun carries: its possessive or a state's demonym before
        it; None when the text names nobody."""
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ == "PRON":
                found = self.reporters.source(child)  # "his": the antecedent
                return found[0] if found is not None else None
            if child.dep_ == "poss":
                start, end = phrase_bounds(child)
                end -= self.doc[end - 1].dep_ == "case"  # "Ghana's": Ghana
                return self.reporters.reporter((start, end))[0] if end > start else None
        for child in noun.children:
            code = _demonym_state(child, self.cues) if child.dep_ == "amod" else None
            if code is not None:
                return Reporter(
                    actor=code if code in self.kb.actors else None,
                    kind="organisation",
                    text=child.text,
                    start=child.idx,
                    end=child.idx + len(child.text),
                )
        return None


def _demonym_state(word: Token, cues: Cues) -> str | None:
    """The state a demonym adjective names ("Ethiopian": ETH), if it is one."""
    return load_lexicon().country_of_demonym(word.text) or cues.demonyms.get(word.text)


def complement_clause(noun: Token) -> Token | None:
    """The clause a noun's "that" opens ("the charge that troops had crossed"), or None.

    The parser hangs it on the noun as a clausal modifier, with "that" as its subordinating
    mark; a relative clause ("the charge that he made") has "that" as its subject or object
    instead, so it is no complement and claims nothing. The "that" must follow the noun
    closely."""
    for child in noun.children:
        if child.dep_ not in ("acl", "relcl", "ccomp") or child.i < noun.i:
            continue
        marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ == "that"]
        if marks and marks[0].i == child.left_edge.i and marks[0].i <= noun.i + 2:
            return child
    return None
