"""Which actor a phrase of the parsed text names, and how sure we are.

:class:`Resolver` answers for one document, using the actors extractor's mentions and
``ctx.products.actor_at`` first and the knowledge base second. It does not follow pronouns or
descriptions back (that is :class:`~parley.extract.speech.speakers.Speakers`): it reads the
phrase itself, so every step that needs "who is this name?" asks it the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parley.extract.speech.cues import LEXICON
from parley.extract.speech.syntax import phrase_bounds
from parley.knowledge import words
from parley.models import Mention, Speaker
from parley.nlp.docs import span_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from parley.extract.base import Context

__all__ = ["FAR", "NEAR", "Resolver", "Who", "speaker_from", "who_of"]

# Confidence of a speaker found through a pronoun or a definite description: antecedent in the
# same or the previous sentence, or further back.
NEAR, FAR = 0.7, 0.5


@dataclass(frozen=True)
class Who:
    """An answer to "who is this phrase?": actor id (None when unknown), words, confidence."""

    actor: str | None
    text: str
    start: int
    end: int
    confidence: float
    kind: str | None = None
    head: int | None = None


class Resolver:
    """Map tokens and phrases of one document to actors, from mentions first then the KB."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.actor_at: dict[int, str] = dict(ctx.products.actor_at or {})
        self._by_token: dict[int, Mention] = {}
        for m in ctx.analysis.mentions:
            for tok in _tokens_in(ctx, m.start, m.end):
                self._by_token.setdefault(tok, m)

    def mention(self, tok: int) -> Mention | None:
        """The mention covering token index ``tok``, if any."""
        return self._by_token.get(tok)

    def actor_of_token(self, tok: int) -> tuple[str | None, float]:
        """The actor token ``tok`` refers to and the confidence of that link."""
        m = self._by_token.get(tok)
        actor = self.actor_at.get(tok) or (m.actor if m else None)
        return actor, (m.confidence if m is not None and m.actor == actor else 1.0)

    def kind(self, actor: str | None) -> str | None:
        """The actor's kind from the knowledge base or the actors found in this article."""
        if actor is None:
            return None
        if actor in self.ctx.kb:
            return self.ctx.kb[actor].kind
        for a in self.ctx.analysis.actors:
            if a.id == actor:
                return a.kind
        return None

    def label(self, tok: Token) -> str:
        """The entity label of ``tok``: the mention's label, else spaCy's entity type."""
        m = self._by_token.get(tok.i)
        return m.label if m is not None else tok.ent_type_

    def who(self, head: Token, stop_at: int | None = None) -> Who:
        """Resolve the noun phrase headed by ``head`` to an actor, keeping its words."""
        start, end = phrase_bounds(head, stop_at)
        doc = head.doc
        end = self._extend_name(doc, end)
        start = _name_start(doc, start)
        span = doc[start:end]
        actor, conf = self._actor_in(head, span)
        return Who(
            actor=actor,
            text=span_text(span),
            start=span.start_char,
            end=span.end_char,
            confidence=conf,
            kind=self.kind(actor),
            head=head.i,
        )

    def _extend_name(self, doc: Doc, end: int) -> int:
        """ "the news agency TASS that …": a known proper noun right after the phrase is in it."""
        # "the news agency TASS that …": the parser often hangs the name on the verb; a proper
        # noun right after the phrase that names an actor belongs to the phrase.
        while end < len(doc):
            tok = doc[end]
            if tok.pos_ != "PROPN" or doc[end - 1].whitespace_ == "" or "\n" in doc[end - 1].text:
                break
            if self.actor_of_token(tok.i)[0] is None and not self.ctx.kb.lookup(tok.text):
                break
            end += 1
        return end

    def _actor_in(self, head: Token, span: SpacySpan) -> tuple[str | None, float]:
        """The actor the phrase names and the confidence: its naming tokens, then the KB."""
        # The head and its appositions name the phrase; a possessive inside it ("the president's
        # spokesman") names someone else, so other mentions inside the span are not used.
        inside = range(span.start, span.end)
        # A name after the head names it only when attached to it ("the agency TASS"), not
        # inside a modifier ("a person close to the talks between Washington and Caracas").
        after = (t for t in span if t.i > head.i and t.head.i == head.i)
        for tok in (*_naming_tokens(head), *after):
            actor, conf = self.actor_of_token(tok.i)
            if actor is not None and tok.i in inside and (tok.i <= head.i or tok.pos_ == "PROPN"):
                return actor, conf
        introduced = self._introduced_surname(head)
        if introduced is not None:
            return introduced, 0.9
        for name in _name_variants(head, span):
            found = self.ctx.kb.lookup(name)
            if len(found) == 1:
                return found[0].id, 1.0
        return None, 1.0

    def _introduced_surname(self, head: Token) -> str | None:
        """The person the article named in full before a surname the model left untagged
        ("Michelle Okafor … Okafor, the UN refugee chief, praised …"), when one person alone
        has that last name; a role set beside the name says it is a person, not a body."""
        if head.pos_ != "PROPN" or head.ent_type_ or not _role_beside(head):
            return None
        found = {
            m.actor for m in self.ctx.analysis.mentions
            if m.end <= head.idx and m.actor is not None and self.kind(m.actor) == "person"
            and len(m.text.split()) > 1 and m.text.split()[-1] == head.text
        }  # fmt: skip
        return found.pop() if len(found) == 1 else None

    def outlet_actor(self, text: str) -> str | None:
        """The id of the media outlet named exactly ``text`` in the knowledge base, if any."""
        for actor in self.ctx.kb.lookup(text):
            if actor.kind == "media outlet":
                return actor.id
        return None


def _tokens_in(ctx: Context, start: int, end: int) -> Iterator[int]:
    """Token indices of the characters ``[start, end)``."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        yield from range(span.start, span.end)


def _naming_tokens(head: Token) -> Iterable[Token]:
    """The tokens that name the phrase of ``head``: itself, its appositions, its name parts."""
    yield head
    for child in head.children:
        if child.dep_ == "appos":
            yield child
            if head.pos_ == "PROPN" and child.pos_ == "NOUN":
                continue  # "X, the UN rights chief": the UN is where X works, not who X is
            yield from (c for c in child.children if c.dep_ == "compound")
    if head.pos_ == "PROPN":  # "Foreign Minister Sibiga", but not "the US media outlet"
        yield from (c for c in head.children if c.dep_ == "compound")


def _role_beside(name: Token) -> bool:
    """ "Okafor, the UN refugee chief,": a common noun in apposition set off by a comma."""
    return any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and name.doc[c.left_edge.i - 1].text == ","
        for c in name.children
    )


def _in_modifier(tok: Token, head: Token) -> bool:
    """Whether ``tok`` sits in a phrase modifying ``head`` ("a person close to the talks
    between Washington and Caracas"): a name there is not the head's name."""
    seen = 0
    while tok.i != head.i and tok.head.i != tok.i and seen < 12:
        if tok.dep_ in ("prep", "pobj", "acl", "relcl", "advcl", "amod", "conj"):
            return True
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.pos_ == "PROPN":
            return True  # "X, the UN rights chief": a role of X's, not X's name
        tok = tok.head
        seen += 1
    return False


def _name_variants(head: Token, span: SpacySpan) -> list[str]:
    """Names to look up in the knowledge base for the phrase, fullest first."""
    names = [span_text(span)]  # Span.text makes a Token per word; the slice is the same
    if span and span[0].lower_ in words(LEXICON, "articles"):
        names.append(span_text(span[1:]))
    compounds = [c for c in head.lefts if c.dep_ == "compound" and c.i >= span.start]
    if compounds:
        names.append(span_text(head.doc[compounds[0].i : head.i + 1]))
    names.append(head.text)
    # A proper noun before a common-noun head modifies it ("the US president" is not the US),
    # after it names it ("the agency TASS"); names in a possessive are someone else's.
    owned = {d.i for p in span if p.dep_ == "poss" for d in p.subtree}
    first = span.start if head.pos_ == "PROPN" else head.i
    propns = [
        t for t in span
        if t.pos_ == "PROPN" and t.i not in owned and t.i >= first and not _in_modifier(t, head)
    ]  # fmt: skip
    if propns:
        names.append(span_text(head.doc[propns[0].i : propns[-1].i + 1]))
        names.append(propns[-1].text)
    return list(dict.fromkeys(n for n in names if n.strip()))


def who_of(speaker: Speaker) -> Who:
    """A :class:`Who` for a speaker already found (to remember it as an antecedent)."""
    return Who(speaker.actor, speaker.text, speaker.start or 0, speaker.end or 0, 1.0)


def speaker_from(who: Who | None, cap: float = 1.0) -> Speaker | None:
    """The :class:`~parley.models.Speaker` record of an answer, its confidence capped at ``cap``.

    Words we could not tie to an actor are sure as words, no more: their confidence stays at
    0.8 or below unless a cap already says less.
    """
    if who is None:
        return None
    conf = min(who.confidence, cap)
    if who.actor is None and cap >= 1.0:
        conf = min(conf, 0.8)
    if who.start < 0:  # named outside the text (an interview's headline): no offsets
        return Speaker(actor=who.actor, text=who.text, confidence=conf)
    return Speaker(actor=who.actor, text=who.text, start=who.start, end=who.end, confidence=conf)


def _name_start(doc: Doc, start: int) -> int:
    """Where a person's name the phrase starts inside begins: "Moon Jae In told …", which
    the parser may cut to "In", keeps the whole name (the model's PERSON words before it)."""
    while 0 < start < len(doc) and doc[start - 1].whitespace_ == " ":
        tok, prev = doc[start], doc[start - 1]
        inside = tok.ent_iob_ == "I" and tok.ent_type_ == "PERSON"
        glued = tok.tag_ == "NNP" and tok.is_title and prev.ent_type_ == "PERSON"
        if not (inside or glued):
            break
        start -= 1
    return start
