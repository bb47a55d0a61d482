"""Shared ground of the quotes and attributions extractors: the cue lexicon and "who is this?".

The cue lexicon is data (``parley/data/cues.json``); :func:`load_cues` reads it once per
extractor instance. :class:`Resolver` answers, for a noun phrase of the parsed text, which actor it
names (using the actors extractor's mentions and ``ctx.products.actor_at`` first, the knowledge base
second) and how sure we are. :class:`Speakers` adds what a speaker phrase means in context:
pronouns and "the person" followed back, "the minister" to the minister named before (the one
whose state the sentence names, when several), a bare demonym group ("Serbian negotiators",
"their Kosovar counterparts", "the Turkmen foreign ministry") to its state through the demonym
table of :func:`parley.nlp.lexicon.load_lexicon`, and an unnamed spokesperson to the institution
named before the role ("a State Department spokesperson" speaks for the United States). A name
between commas names the role phrase before it ("Switzerland's envoy for X, Marianne Keller,");
"its ministry" / "his office" speak for the state named (or led) just before; a lede's "the
Swiss mediator" is the Swiss named a few sentences on.

The parser sometimes runs a sentence over a paragraph break or takes the wire dateline for a
subject; :func:`subject_of` skips such subjects, and antecedents are searched sentence by
sentence within paragraphs.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.errors import KnowledgeBaseError
from parley.models import Mention, Speaker
from parley.nlp.dateline import dateline_end
from parley.nlp.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from parley.extract.base import Context

__all__ = [
    "Cues", "Who", "Resolver", "Speakers", "load_cues", "who_of", "phrase_bounds", "subject_of",
    "trim", "same_paragraph", "paragraph_start", "cited_source", "sentence_piece",
]  # fmt: skip

log = logging.getLogger(__name__)

CUES_FORMAT = "parley-cues/1"
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Heads through which a verb inherits the subject of the verb it hangs on ("X arrived and said").
_INHERIT_DEPS = ("conj", "xcomp", "advcl")
_EDGE_PUNCT = frozenset(",;:—–-\"'“”‘’()[]")


@dataclass(frozen=True)
class Cues:
    """The cue lexicon: lemmas and phrases (lower case) that mark speech and attribution."""

    speech_verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    prepositions: tuple[tuple[str, ...], ...]
    relay_verbs: frozenset[str]
    report_verbs: frozenset[str]
    citing: frozenset[str]
    unnamed_reports: frozenset[str]
    anonymous_heads: frozenset[str]
    anonymous_markers: frozenset[str]
    outlet_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    demonyms: dict[str, str]
    claim_stops: frozenset[str] = frozenset()
    embedded_questions: frozenset[str] = frozenset()
    institution_heads: frozenset[str] = frozenset()
    spokesperson_heads: frozenset[str] = frozenset()
    state_groups: frozenset[str] = frozenset()
    anonymity_phrases: frozenset[str] = frozenset()
    text_nouns: frozenset[str] = frozenset()
    inscription_verbs: frozenset[str] = frozenset()
    mention_nouns: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    accusation_verbs: frozenset[str] = frozenset()
    credit_phrases: frozenset[str] = frozenset()


def load_cues(path: Path | None = None) -> Cues:
    """The cue lexicon from ``path``, by default ``cues.json`` through :mod:`parley.knowledge`
    (shipped, extended by a ``cues.json`` in the user's knowledge folders).

    Raises:
        KnowledgeBaseError: the file is missing, not JSON or lacks a section.
    """
    if path is None:
        data = dict(knowledge.document("cues.json", CUES_FORMAT))
    else:
        try:
            data = json.loads(Path(path).read_text("utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise KnowledgeBaseError(f"Cannot read the cue lexicon {path}: {e}") from e
    if not isinstance(data, dict) or data.get("format") != CUES_FORMAT:
        raise KnowledgeBaseError(f'cue lexicon: expected an object with "format": "{CUES_FORMAT}"')
    try:
        return _cues_from(data)
    except (KeyError, TypeError) as e:
        raise KnowledgeBaseError(f"cue lexicon: missing or malformed section {e}") from e


def _cues_from(data: dict[str, object]) -> Cues:
    att = data["attribution"]
    pron = data["pronouns"]
    assert isinstance(att, dict) and isinstance(pron, dict)
    preps = sorted((tuple(p.lower().split()) for p in att["prepositions"]), key=len, reverse=True)
    return Cues(
        speech_verbs=_lower(data["speech_verbs"]),
        indirect_verbs=_lower(data["indirect_verbs"]),
        speech_nouns=_lower(data["speech_nouns"]),
        prepositions=tuple(preps),
        relay_verbs=_lower(att["relay_verbs"]),
        report_verbs=_lower(att["report_verbs"]),
        citing=_lower(att["citing"]),
        unnamed_reports=_lower(att["unnamed_reports"]),
        anonymous_heads=_lower(att["anonymous_heads"]),
        anonymous_markers=_lower(att["anonymous_markers"]),
        outlet_nouns=_lower(att["outlet_nouns"]),
        person_pronouns=_lower(pron["person"]),
        group_pronouns=_lower(pron["group"]),
        demonyms={str(k): str(v) for k, v in dict(data["demonyms"]).items()},  # type: ignore[call-overload]
        claim_stops=_lower(att.get("claim_stops", [])),
        accusation_verbs=_lower(att.get("accusation_verbs", [])),
        embedded_questions=_lower(att.get("embedded_questions", [])),
        institution_heads=_lower(att.get("institution_heads", [])),
        spokesperson_heads=_lower(data.get("spokesperson_heads", [])),
        state_groups=_lower(data.get("state_groups", [])),
        anonymity_phrases=_lower(data.get("anonymity_phrases", [])),
        text_nouns=_lower(data.get("text_nouns", [])),
        inscription_verbs=_lower(data.get("inscription_verbs", [])),
        mention_nouns=_lower(data.get("mention_nouns", [])),
        naming_verbs=_lower(data.get("naming_verbs", [])),
        credit_phrases=_lower(data.get("credit_phrases", [])),
    )


def _lower(items: object) -> frozenset[str]:
    if not isinstance(items, list):
        raise TypeError("expected a list of strings")
    return frozenset(str(i).lower() for i in items)


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


def trim(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Token bounds ``[start, end)`` of ``tokens`` without punctuation/space at either edge."""
    items = [t for t in tokens if not t.is_space]
    while items and (items[0].is_punct or items[0].text in _EDGE_PUNCT):
        items.pop(0)
    while items and (items[-1].is_punct or items[-1].text in _EDGE_PUNCT):
        items.pop()
    if not items:
        return None
    return items[0].i, items[-1].i + 1


def phrase_bounds(head: Token, stop_at: int | None = None) -> tuple[int, int]:
    """Token bounds of the noun phrase headed by ``head``, trimmed, cut before token ``stop_at``."""
    tokens = [t for t in head.subtree if stop_at is None or t.i < stop_at]
    # A phrase is contiguous; a parse that wanders (e.g. over a quote) is cut at the first gap.
    run: list[Token] = []
    for t in tokens:
        if "\n" in t.text or "\n" in t.whitespace_:  # a phrase never crosses a paragraph
            if t.i >= head.i:
                if t.i == head.i:
                    run.append(t)
                break
            run = []
            continue
        if run and t.i != run[-1].i + 1:
            if run[-1].i >= head.i:
                break
            run = []
        run.append(t)
    bounds = trim(run)
    return bounds if bounds is not None else (head.i, head.i + 1)


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of ``verb`` (or of the verb it is conjoined to), or the agent.

    A subject in another paragraph or in the wire dateline ("NEW YORK (Reuters) — X said") is
    a parse that ran over a boundary, never the speaker: it is skipped.
    """
    seen = 0
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ in _QUOTED:
        verb = verb.head.head  # "X is quoted as saying": the subject of "quoted"
    while seen < 4:
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj") and _plausible(child, verb):
                return child
            if (
                child.dep_ == "nsubjpass"
                and verb.lemma_.lower() in _QUOTED
                and _plausible(child, verb)
            ):
                return child  # "X is quoted as saying": X speaks
        for child in verb.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if seen == 0:
            found = _asked_subject(verb) or _subject_over_break(verb)
            if found is not None:
                return found
        if verb.dep_ not in _INHERIT_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
        seen += 1
    return None


def _subject_over_break(verb: Token) -> Token | None:
    """The phrase opening ``verb``'s paragraph when the parser hung it on a subject in the
    paragraph before ('The Kremlin: "…"' / 'Lavrov, asked …, said'): the parse ran over."""
    if not any(c.dep_ in _SUBJECT_DEPS and not same_paragraph(c, verb) for c in verb.children):
        return None
    doc = verb.doc
    start = paragraph_start(doc, verb.i)
    inside = range(start, verb.i)
    for tok in doc[start : verb.i]:
        if tok.head.i not in inside and tok.pos_ in ("PROPN", "NOUN"):
            return tok
    return None


# Passive verbs whose subject is the speaker ("X was quoted as saying", "X is cited as saying").
_QUOTED = frozenset({"quote", "cite"})
# "X, asked about the treaty, said …": the parser reads "X asked" as a clause of its own.
_ASKED = frozenset({"ask", "question", "press"})


def _asked_subject(verb: Token) -> Token | None:
    """The subject of a parenthetical "asked about …" clause the parser hung before ``verb``."""
    for child in verb.lefts:
        if child.dep_ == "ccomp" and child.lemma_.lower() in _ASKED:
            subjects = [c for c in child.children if c.dep_ == "nsubj" and c.i < child.i]
            if subjects and _plausible(subjects[0], verb):
                return subjects[0]
    return None


def _plausible(subj: Token, verb: Token) -> bool:
    if not same_paragraph(subj, verb):
        return False
    end = dateline_end(subj.doc, paragraph_start(subj.doc, subj.i))
    return end is None or subj.i >= end


def _breaks_after(tok: Token) -> bool:
    return "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text)


def paragraph_start(doc: Doc, i: int) -> int:
    """Index of the first token of the paragraph holding token ``i``."""
    while i > 0 and not _breaks_after(doc[i - 1]):
        i -= 1
    return i


def same_paragraph(a: Token, b: Token) -> bool:
    """Whether tokens ``a`` and ``b`` stand in one paragraph (no line break between them)."""
    lo, hi = sorted((a.i, b.i))
    return not any(_breaks_after(t) for t in a.doc[lo:hi])


def cited_source(verb: Token, subj: Token, citing: frozenset[str]) -> Token | None:
    """The original source in "MEDIUM, citing SOURCE, reported …" (its head token), if any."""
    for tok in (*verb.children, *subj.children):
        if tok.lemma_.lower() in citing and tok.pos_ == "VERB":
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if objs:
                return objs[0]
    return None


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
        span = doc[start:end]
        actor, conf = self._actor_in(head, span)
        return Who(
            actor=actor,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            confidence=conf,
            kind=self.kind(actor),
            head=head.i,
        )

    def _extend_name(self, doc: Doc, end: int) -> int:
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
        for name in _name_variants(head, span):
            found = self.ctx.kb.lookup(name)
            if len(found) == 1:
                return found[0].id, 1.0
        return None, 1.0

    def outlet_actor(self, text: str) -> str | None:
        """The id of the media outlet named exactly ``text`` in the knowledge base, if any."""
        for actor in self.ctx.kb.lookup(text):
            if actor.kind == "media outlet":
                return actor.id
        return None


def _tokens_in(ctx: Context, start: int, end: int) -> Iterator[int]:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        yield from range(span.start, span.end)


def _naming_tokens(head: Token) -> Iterable[Token]:
    yield head
    for child in head.children:
        if child.dep_ == "appos":
            yield child
            yield from (c for c in child.children if c.dep_ == "compound")
    if head.pos_ == "PROPN":  # "Foreign Minister Sibiga", but not "the US media outlet"
        yield from (c for c in head.children if c.dep_ == "compound")


def _in_modifier(tok: Token, head: Token) -> bool:
    """Whether ``tok`` sits in a phrase modifying ``head`` ("a person close to the talks
    between Washington and Caracas"): a name there is not the head's name."""
    seen = 0
    while tok.i != head.i and tok.head.i != tok.i and seen < 12:
        if tok.dep_ in ("prep", "pobj", "acl", "relcl", "advcl", "amod", "conj"):
            return True
        tok = tok.head
        seen += 1
    return False


def _name_variants(head: Token, span: SpacySpan) -> list[str]:
    names = [span.text]
    if span and span[0].lower_ in ("the", "a", "an"):
        names.append(span[1:].text)
    compounds = [c for c in head.lefts if c.dep_ == "compound" and c.i >= span.start]
    if compounds:
        names.append(head.doc[compounds[0].i : head.i + 1].text)
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
        names.append(head.doc[propns[0].i : propns[-1].i + 1].text)
        names.append(propns[-1].text)
    return list(dict.fromkeys(n for n in names if n.strip()))


# Confidence of a speaker found through a pronoun or a definite description: antecedent in the
# same or the previous sentence, or further back.
NEAR, FAR = 0.7, 0.5
_LOOK_BACK = 4  # sentences searched for an antecedent, the pronoun's own included
_CHAIN = 3  # pronouns followed back through earlier pronouns, at most
_INDEFINITE = frozenset({"a", "an", "one", "another"})


class Speakers:
    """Who the subject of a speech verb is, following pronouns and "the person" back.

    Both speech extractors share it: the quotes extractor notes the speaker of every
    quote, so that a later "he said" goes to the person quoted last; the attributions extractor
    seeds it from ``ctx.products.quotes_by_sentence``.
    """

    def __init__(self, res: Resolver, cues: Cues, quoted: Sequence[tuple[int, int]] = ()) -> None:
        self.res = res
        self.cues = cues
        self.doc = res.ctx.doc
        # character bounds of the quoted stretches: words in quotes are no antecedents
        self.quoted = tuple(quoted)
        # (token index, speaker) of the speech found so far
        self.noted: list[tuple[int, Who]] = []
        self._depth = 0  # pronouns followed through pronouns, bounded by _CHAIN

    def note(self, at: int, who: Who) -> None:
        """Remember ``who`` as the speaker of words at token index ``at``."""
        self.noted.append((at, who))

    def who(self, subj: Token) -> Who | None:
        """The actor (or words) the subject ``subj`` stands for; pronouns go to an antecedent."""
        if subj.tag_ in ("WDT", "WP") and subj.head.dep_ in ("relcl", "acl"):
            subj = subj.head.head  # "a message that read …": the message
        low = subj.lower_
        if subj.lemma_.lower() in self.cues.speech_nouns | self.cues.text_nouns:
            source = self._source_of_text(subj)
            if source is not None:
                return self.who(source)
        if low not in self.cues.person_pronouns and low not in self.cues.group_pronouns:
            return self._described(subj)
        actor, conf = self.res.actor_of_token(subj.i)
        if actor is not None:
            return Who(actor, subj.text, subj.idx, subj.idx + len(subj), min(conf, NEAR))
        return self._antecedent(subj)

    def _described(self, head: Token) -> Who:
        """A noun phrase as a speaker: named, a description followed back, or words."""
        found = self._definite(head) or self._titled(head) or self.res.who(head)
        if found.actor is not None:
            return found
        named = self._comma_named(head, found) or self._named_later(head, found)
        if named is not None:
            return named
        actor = self._speaks_for(head)
        if actor is None:
            return found
        return Who(actor, found.text, found.start, found.end, min(found.confidence, 0.8),
                   self.res.kind(actor), found.head)  # fmt: skip

    def author_of(self, noun: Token) -> Token | None:
        """Who wrote a text a sentence mentions: "X replaced the page with a message" → X.

        Only a text that is the object of another verb has an author there; "A statement
        said …" names none.
        """
        if noun.dep_ in _SUBJECT_DEPS:
            return None
        tok = noun.head
        for _ in range(4):
            if tok.pos_ in ("VERB", "AUX"):
                subj = subject_of(tok)
                return subj if subj is not None and subj.i != noun.i else None
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    # ------------------------------------------------------------ unnamed speakers

    def _speaks_for(self, head: Token) -> str | None:
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
        return self._demonym_state(head)

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
        return self._demonym_state(head)

    def _demonym_state(self, head: Token) -> str | None:
        """The state a demonym modifying ``head`` names ("Serbian", "Kosovar"), if known."""
        for child in head.children:
            if child.dep_ not in ("amod", "compound", "nmod") or child.i > head.i:
                continue
            state = self._demonym_state_of(child)
            if state is not None:
                return state
        return None

    def _demonym_state_of(self, word: Token) -> str | None:
        """The state the demonym ``word`` names, if it is one."""
        code = load_lexicon().country_of_demonym(word.text) or self.cues.demonyms.get(word.text)
        return self._state_of(code) if code is not None else None

    def _possessor(self, head: Token) -> str | None:
        """Whose institution "its foreign ministry" or "his office" is.

        "its" goes to the state or organisation named last before it (outside quotes, up to
        three sentences back); "his"/"her" to the state of the person named last, since an
        office speaks for the state its holder leads ("Tokayev signed the law, his office said").
        """
        poss = next((c for c in head.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if poss is None or poss.lower_ not in _POSSESSIVES:
            return None
        person = _POSSESSIVES[poss.lower_]
        for sent in _sentences_back(poss, 3):
            for m in self._mentions_in(sent, before=poss.idx):
                kind = self.res.kind(m.actor)
                if person and kind == "person":
                    code = self._country_of(m.actor)
                    return self._state_of(code) if code is not None else None
                if not person and kind in _INSTITUTION_KINDS:
                    return m.actor
        return None

    def _mentions_in(self, sent: SpacySpan, before: int) -> list[Mention]:
        """Mentions with an actor in ``sent`` before char ``before``, unquoted, latest first."""
        found = [
            m for m in self.res.ctx.analysis.mentions
            if sent.start_char <= m.start < min(before, sent.end_char) and m.actor is not None
            and not any(s <= m.start < e for s, e in self.quoted)
        ]  # fmt: skip
        return sorted(found, key=lambda m: -m.start)

    def _country_of(self, actor: str | None) -> str | None:
        """The country code of an actor, from the knowledge base or this article's actors."""
        if actor is None:
            return None
        if actor in self.res.ctx.kb.actors:
            return self.res.ctx.kb[actor].country
        return next((a.country for a in self.res.ctx.analysis.actors if a.id == actor), None)

    def _person_role(self, head: Token) -> bool:
        """Whether ``head`` names a person by role ("envoy"), not an institution ("government")."""
        lemma = head.lemma_.lower()
        return lemma in _role_nouns() and lemma not in self.cues.institution_heads

    def _comma_named(self, head: Token, found: Who) -> Who | None:
        """The person a role phrase names between commas when the parser hung the name on a
        modifier ("Switzerland's envoy for the South Caucasus, Marianne Keller, who …")."""
        if head.pos_ != "NOUN" or not self._person_role(head):
            return None
        lo, hi = phrase_bounds(head)
        for tok in self.doc[lo:hi]:
            edge = tok.left_edge.i
            if tok.dep_ != "appos" or edge <= head.i or self.doc[edge - 1].text != ",":
                continue
            actor, conf = self.res.actor_of_token(tok.i)
            if actor is not None and self.res.kind(actor) == "person":
                return Who(actor, found.text, found.start, found.end, min(conf, found.confidence),
                           "person", head.i)  # fmt: skip
        return None

    def _named_later(self, head: Token, found: Who) -> Who | None:
        """The person a lede's "the Swiss mediator said" names further on.

        Wire copy often credits a lead sentence to a role and names its holder a few sentences
        later ("…, the Swiss mediator said. … said Marianne Keller, Switzerland's special
        envoy"). A definite role noun with a demonym and no person before it goes to the first
        person named after it, within the next four sentences, whose phrase names that state.
        """
        if head.tag_ != "NN" or not self._person_role(head):
            return None
        if [c.lower_ for c in head.children if c.dep_ == "det"] != ["the"]:
            return None
        state = self._demonym_state(head)
        if state is None:
            return None
        limit = _sentence_end_after(head, 4)
        for m in sorted(self.res.ctx.analysis.mentions, key=lambda m: m.start):
            if not head.idx < m.start < limit or self.res.kind(m.actor) != "person":
                continue
            if self._names_state(m, state):
                return Who(m.actor, found.text, found.start, found.end, FAR, "person", head.i)
        return None

    def _names_state(self, m: Mention, state: str) -> bool:
        """Whether the phrase of the person mention ``m`` (or the person) belongs to ``state``."""
        if self._state_of(self._country_of(m.actor) or "") == state:
            return True
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        lo, hi = phrase_bounds(span.root)
        return any(self.res.actor_of_token(t.i)[0] == state for t in self.doc[lo:hi])

    def _state_of(self, code: str) -> str | None:
        """The knowledge base's state actor for an ISO3 code (its id, or the state of it)."""
        kb = self.res.ctx.kb
        if code in kb.actors:
            return code
        states = (a.id for a in kb.actors.values() if a.kind == "state" and a.country == code)
        return next(states, None)

    # ------------------------------------------------------------ descriptions

    def _source_of_text(self, noun: Token) -> Token | None:
        """Who a statement or message is from: named with it, its author, or, for "the
        statement", the source of the statement mentioned last ("X said in a statement …")."""
        source = self._source_of_statement(noun) or self.author_of(noun)
        if source is not None or [c.lower_ for c in noun.children if c.dep_ == "det"] != ["the"]:
            return source
        for sent in _sentences_back(noun, _LOOK_BACK):
            for tok in reversed([t for t in sent if t.i < noun.i]):
                if tok.lemma_ != noun.lemma_:
                    continue
                # "… said in a statement. The statement added …"; "in their statement"
                earlier = self._source_of_statement(tok) or self.author_of(tok)
                if earlier is not None and earlier.i != noun.i:
                    return earlier
        return None

    def _source_of_statement(self, noun: Token) -> Token | None:
        """The speaker behind a speech noun: "a statement from the ministry" is the ministry's."""
        for child in noun.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
            if child.dep_ == "acl":  # "a statement issued by the ministry"
                agents = [a for c in child.children if c.dep_ == "agent" for a in c.children]
                objs = [a for a in agents if a.dep_ == "pobj"]
                if objs:
                    return objs[0]
        return None

    def _definite(self, subj: Token) -> Who | None:
        """The fuller description a definite one refers back to ("a person …" for "the person").

        Only a singular common noun with "the" and no actor of its own is followed back, and
        only to an indefinite phrase ("a"/"an"/"one") with the same head word, so that "the
        official" does not become "two officials".
        """
        if subj.tag_ != "NN" or self.res.actor_of_token(subj.i)[0] is not None:
            return None
        dets = [c.lower_ for c in subj.children if c.dep_ == "det"]
        if dets != ["the"] or any(c.dep_ in ("amod", "compound", "prep") for c in subj.children):
            return None
        for n, sent in enumerate(_sentences_back(subj, _LOOK_BACK)):
            for tok in reversed([t for t in sent if t.i < subj.i]):
                if tok.lemma_ == subj.lemma_ and tok.tag_ == "NN" and _indefinite(tok):
                    found = self.res.who(tok)
                    conf = NEAR if n <= 1 else FAR
                    return Who(found.actor, found.text, found.start, found.end, conf, found.kind,
                               found.head)  # fmt: skip
        return None

    def _titled(self, subj: Token) -> Who | None:
        """The person a bare title refers back to ("the minister" → Foreign Minister Vieira).

        Candidates are people named before with that word in their phrase, latest first; when
        several fit, the one whose state the sentence names wins ("Asked whether Brazil …,
        the minister" is Brazil's minister).
        """
        if subj.tag_ != "NN" or self.res.actor_of_token(subj.i)[0] is not None:
            return None
        dets = [c.lower_ for c in subj.children if c.dep_ == "det"]
        if dets != ["the"] or any(c.dep_ in ("prep", "poss") for c in subj.children):
            return None
        people = [w for w in self._people_titled(subj) if self._fits_modifiers(subj, w)]
        if not people:
            return None
        states = self._states_near(subj)
        kb = self.res.ctx.kb
        best = next(
            (w for w in people if w.actor in kb.actors and kb.actors[w.actor].country in states),
            people[0],
        )
        return Who(best.actor, best.text, best.start, best.end, NEAR, "person", best.head)

    def _fits_modifiers(self, subj: Token, person: Who) -> bool:
        """Whether "the German foreign minister" can be ``person``: each word before the
        title is in the person's phrase ("Foreign Minister X"), or is a demonym of the
        person's state ("the German …" for a German)."""
        words = {w.lower() for w in person.text.replace("'s", " ").split()}
        for mod in (c for c in subj.children if c.dep_ in ("amod", "compound")):
            if mod.lower_ in words:
                continue
            state = self._demonym_state_of(mod)
            if state is None or self._state_of(self._country_of(person.actor) or "") != state:
                return False
        return True

    def _people_titled(self, subj: Token) -> list[Who]:
        """People named before ``subj`` whose phrase holds ``subj``'s word, latest first."""
        found: list[Who] = []
        seen: set[str] = set()
        mentions = sorted(self.res.ctx.analysis.mentions, key=lambda m: -m.start)
        for m in mentions:
            if m.start >= subj.idx or m.actor is None or m.actor in seen:
                continue
            if self.res.kind(m.actor) != "person":
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            lo, hi = phrase_bounds(span.root)
            if subj.lower_ in {t.lower_ for t in self.doc[lo:hi]}:
                seen.add(m.actor)
                phrase = self.doc[lo:hi]
                found.append(Who(m.actor, phrase.text, phrase.start_char, phrase.end_char, NEAR,
                                 "person", span.root.i))  # fmt: skip
        return found

    def _states_near(self, tok: Token) -> set[str]:
        """Countries of the states named in ``tok``'s sentence, within its paragraph."""
        kb = self.res.ctx.kb
        states: set[str] = set()
        for t in tok.sent:
            actor, _ = self.res.actor_of_token(t.i)
            if actor in kb.actors and kb[actor].kind == "state" and same_paragraph(t, tok):
                states.add(kb[actor].country or actor)
        return states

    def _antecedent(self, pron: Token) -> Who | None:
        """The most recent compatible speaker or subject before ``pron`` (up to 3 sentences)."""
        person = pron.lower_ in self.cues.person_pronouns
        for n, sent in enumerate(_sentences_back(pron, _LOOK_BACK)):
            fits = [w for w in self._candidates(sent, before=pron.i) if self._compatible(w, person)]
            # A named actor beats a description in the same sentence: in "He said this at a
            # press conference, a correspondent reports" the next "he" is still the minister.
            who = next((w for w in fits if w.actor is not None), fits[0] if fits else None)
            if who is not None:
                conf = NEAR if n <= 1 else FAR
                return Who(who.actor, who.text, who.start, who.end, conf, who.kind, who.head)
        return None

    def _candidates(self, sent: SpacySpan, before: int) -> list[Who]:
        # A speaker already named in the sentence comes first, then subjects, latest first.
        limit = _idx(self.doc, before)
        noted = sorted((at, w) for at, w in self.noted if sent.start <= at < sent.end)
        found = [w for _, w in reversed(noted) if w.end <= limit]
        pronouns = self.cues.person_pronouns | self.cues.group_pronouns
        subjects = [
            t for t in sent
            if t.i < before and t.dep_ in ("nsubj", "nsubjpass") and not self._reported(t)
        ]  # fmt: skip
        for t in reversed(subjects):
            if t.lower_ not in pronouns:
                found.append(self._described(t))
            elif self._depth < _CHAIN:
                # "He said …. He also noted …": a pronoun subject stands for its own antecedent
                self._depth += 1
                try:
                    chained = self._antecedent(t)
                finally:
                    self._depth -= 1
                if chained is not None and chained.actor is not None:
                    found.append(chained)
        return found

    def _reported(self, tok: Token) -> bool:
        """Whether ``tok`` is part of what is said (in quotes, or in "said that …")."""
        if any(start <= tok.idx < end for start, end in self.quoted):
            return True
        verb = tok.head.head
        if any(self._parenthetical_speech(c, tok) for c in tok.head.children):
            return True  # "A second round would follow, she said": the round is what she said
        return (
            tok.head.dep_ == "ccomp"
            and verb.lemma_.lower() in self.cues.speech_verbs
            and same_paragraph(tok, verb)  # a parse over a paragraph break reports nothing
        )

    def _parenthetical_speech(self, child: Token, tok: Token) -> bool:
        """Whether ``child`` is a speech verb set after the clause of ``tok`` ("…, she said")."""
        return (
            child.dep_ == "parataxis"
            and child.i > tok.i
            and child.lemma_.lower() in self.cues.speech_verbs
            and same_paragraph(tok, child)
        )

    def _compatible(self, who: Who, person: bool) -> bool:
        """Whether ``who`` can be what a person ("he") or a group ("it", "they") pronoun means."""
        kind = who.kind or self.res.kind(who.actor)
        if kind is not None:
            return (kind == "person") == person
        if who.head is None:
            return False
        tok = self.doc[who.head]
        label = self.res.label(tok)
        if label == "PERSON":
            return person
        if label in ("ORG", "GPE", "NORP") or tok.lemma_.lower() in self.cues.institution_heads:
            return not person  # "Pakistan's foreign office … it said"
        if tok.pos_ == "PROPN" and _has_role(tok):
            return person  # "Aidos Serikbayev, Kazakhstan's deputy defense minister"
        if tok.tag_ in ("NNS", "NNPS"):
            return not person
        # "a spokesman", "one protester": a singular common noun here is a person.
        return person and tok.tag_ == "NN"


_ROLE_NOUNS = frozenset(
    {"negotiator", "diplomat", "official", "aide", "adviser", "advisor", "mediator", "envoy"}
)
# Possessive pronouns before an institution ("its ministry"): True when the owner is a person.
_POSSESSIVES = {"its": False, "his": True, "her": True}
_INSTITUTION_KINDS = frozenset({"state", "organisation", "igo", "armed force", "group"})


@knowledge.derived
def _role_nouns() -> frozenset[str]:
    """Nouns that name a person by office or role ("minister", "envoy", "mediator")."""
    return frozenset(p.split()[-1] for p in load_lexicon().office_by_phrase) | _ROLE_NOUNS


def _sentence_end_after(tok: Token, count: int) -> int:
    """Char offset where the ``count``-th sentence from ``tok``'s own (included) ends."""
    sent = tok.sent
    for _ in range(count - 1):
        if sent.end >= len(tok.doc):
            break
        sent = tok.doc[sent.end].sent
    return sent.end_char


def _has_role(name: Token) -> bool:
    """Whether a name has a person's role beside it ("X, the deputy defence minister")."""
    roles = _role_nouns()
    for child in name.children:
        if child.dep_ not in ("appos", "compound"):
            continue
        nouns = [child, *(c for c in child.children if c.dep_ == "conj")]
        if any(n.lemma_.lower() in roles for n in nouns):
            return True
    return False


def who_of(speaker: Speaker) -> Who:
    """A :class:`Who` for a speaker already found (to remember it as an antecedent)."""
    return Who(speaker.actor, speaker.text, speaker.start or 0, speaker.end or 0, 1.0)


def _idx(doc: Doc, i: int) -> int:
    return doc[i].idx if i < len(doc) else len(doc.text)


def _indefinite(tok: Token) -> bool:
    return any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE for c in tok.children)


def _sentences_back(tok: Token, count: int) -> list[SpacySpan]:
    """The sentence of ``tok`` and up to ``count - 1`` sentences before it, nearest first.

    A sentence is cut at paragraph breaks: the parser sometimes runs one over a break, and
    an antecedent is looked for in the nearest words first.
    """
    doc = tok.doc
    sents = [sentence_piece(doc, tok.i)]
    while len(sents) < count and sents[-1].start > 0:
        sents.append(sentence_piece(doc, sents[-1].start - 1))
    return sents


def sentence_piece(doc: Doc, i: int) -> SpacySpan:
    """The sentence holding token ``i``, cut to the paragraph holding it."""
    while i > 0 and doc[i].is_space:
        i -= 1
    sent = doc[i].sent
    start = max(sent.start, paragraph_start(doc, i))
    end = i + 1
    while end < sent.end and not _breaks_after(doc[end - 1]):
        end += 1
    return doc[start:end]
