"""Positions the parties of a negotiation take in one article, and the issue each is about.

Used by ``parley.negotiation.v1`` (one article) and :mod:`parley.resolve.tracks` (linking a
position to the issues other articles listed). The finders form a cascade over the sentences;
the first that yields a position for a sentence wins, so one statement is one position:

1. **Red lines**: "one of the Kremlin's red lines", "X's red line is …", "that is our red line"
   in a quote (the speaker's state), "Y is non-negotiable for X".
2. **Refusals**: "X will not sign/accept/… [until/while/unless …]" with X a named state or the
   "we" of a quote; a condition ("until", "while", "any") makes it a red line.
3. **Demands**: "for X, it is essential that …", "X wants/demands/insists that …", "X's demand
   for …".
4. **Proposals**: "X floated/tabled a compromise under which …" (X may be a mediator).

Then quotes: a party's person or institution quoted with a stance word ("we want", "not for
sale", "no … until") or about an issue the article lists states a position in their own words.

Every word the finders' patterns read is in ``lexicon/negotiation.json`` (a user's file extends
them); the patterns are built from it once per knowledge configuration.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.base import Context, country_of
from parley.extract.negotiation.words import alt, capitalised, spaced
from parley.issues import UNSPECIFIED, issue_for, issue_scores, party_words, topic_stems
from parley.kb import load_demonyms
from parley.models import Position, Quote, Span, Track
from parley.nlp.docs import doc_sents, span_text

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

__all__ = ["UNSPECIFIED", "issue_for", "topic_stems", "sentence_positions", "quoted_positions"]


_LEX = "lexicon/negotiation.json"  # every word the patterns read: parley.knowledge
_SUBJECT = r"(?P<who>\b(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?|\b[Ww]e)"


def _red_line_words() -> str:
    return alt(knowledge.phrases(_LEX, "red_line_words"))


@knowledge.derived
def _red_line_re() -> re.Pattern[str]:
    """ "one of the Kremlin's red lines", "Baku's red line"."""
    lead, red = alt(knowledge.phrases(_LEX, "red_line_leads")), _red_line_words()
    return re.compile(rf"\b(?:(?:{lead})\s+)?(?P<who>[\w’'\- ]+?)(?:’s|'s)\s+(?:{red})\b", re.I)


@knowledge.derived
def _own_red_line_re() -> re.Pattern[str]:
    owners = alt(knowledge.phrases(_LEX, "own_red_line_owners"))
    return re.compile(rf"\b(?:{owners})\s+(?:{_red_line_words()})\b", re.I)


@knowledge.derived
def _red_line_word_re() -> re.Pattern[str]:
    """A red-line word anywhere: both red-line patterns need one, and this plain search rules
    out most sentences before the patterns' unanchored lazy names are tried at every letter."""
    return re.compile(rf"(?:{_red_line_words()})", re.I)


@knowledge.derived
def _non_negotiable_word_re() -> re.Pattern[str]:
    """The "non-negotiable" phrase alone: :func:`_non_negotiable_re` cannot match without it."""
    return re.compile(rf"(?:{spaced(knowledge.phrases(_LEX, 'non_negotiable_for'))})")


def _copulas() -> str:
    return alt(knowledge.phrases(_LEX, "copulas"))


@knowledge.derived
def _non_negotiable_re() -> re.Pattern[str]:
    """ "Y is non-negotiable for X" (X a name)."""
    non_negotiable = spaced(knowledge.phrases(_LEX, "non_negotiable_for"))
    return re.compile(
        rf"(?P<what>[\w’'\- ]{{3,80}}?)\s+(?:{_copulas()})\s+(?:{non_negotiable})\s+"
        r"(?P<who>(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)"
    )


@knowledge.derived
def _essential_re() -> re.Pattern[str]:
    """ "for X, it is (not only) essential that …"."""
    lead = alt(knowledge.phrases(_LEX, "essential_leads"))
    frame = alt(knowledge.phrases(_LEX, "essential_frames"))
    hedge = alt(knowledge.phrases(_LEX, "essential_hedges"))
    word = alt(knowledge.phrases(_LEX, "essential_words"))
    that = alt(knowledge.phrases(_LEX, "complementizers"))
    return re.compile(
        rf"\b(?:{lead}) (?P<who>[A-Z][\w\- ]+?), (?:{frame}) (?:(?:{hedge}) )?(?:{word}) "
        rf"(?:{that}) (?P<what>[^.]+)",
        re.I,
    )


@knowledge.derived
def _refusal_re() -> re.Pattern[str]:
    """ "X will not sign …", "we can never accept …"."""
    modal = alt(knowledge.phrases(_LEX, "refusal_modals"))
    joined = alt(knowledge.phrases(_LEX, "refusal_joined_negations"))
    never = alt(knowledge.phrases(_LEX, "refusal_negations"))
    verb = spaced(knowledge.phrases(_LEX, "refusal_verbs"))
    return re.compile(
        rf"{_SUBJECT}\s+(?:{modal})(?:\s*(?:{joined})|n[’']t|\s+(?:{never}))\s+"
        rf"(?:{verb})\b[^.]*"
    )


@knowledge.derived
def _condition_re() -> re.Pattern[str]:
    """Words that make a refusal conditional, hence a red line ("until", "any")."""
    return re.compile(rf"\b(?:{alt(knowledge.phrases(_LEX, 'condition_words'))})\b", re.I)


@knowledge.derived
def _wants_re() -> re.Pattern[str]:
    verb = alt(knowledge.phrases(_LEX, "demand_verbs"))
    link = alt(knowledge.phrases(_LEX, "demand_links"))
    return re.compile(rf"{_SUBJECT}\s+(?:{verb})(?:\s+(?:{link}))?\s+(?P<what>[^.;]+)")


@knowledge.derived
def _demand_of_re() -> re.Pattern[str]:
    """ "Baku's demand for …", ending before the verb that reports it."""
    noun = alt(knowledge.phrases(_LEX, "demand_nouns"))
    link = alt(knowledge.phrases(_LEX, "demand_noun_links"))
    end = alt(knowledge.phrases(_LEX, "demand_ends"))
    return re.compile(
        rf"(?P<who>\b[A-Z][\w\-]+)(?:’s|'s)\s+(?:{noun})\s+"
        rf"(?:{link})\s+(?P<what>[^.;]+?)(?=\s+(?:{end})\b|[.;,]|$)"
    )


@knowledge.derived
def _proposal_re() -> re.Pattern[str]:
    aux = alt(knowledge.phrases(_LEX, "proposal_auxiliaries"))
    verb = alt(knowledge.phrases(_LEX, "proposal_verbs"))
    noun = alt(knowledge.phrases(_LEX, "proposal_nouns"))
    link = alt(knowledge.phrases(_LEX, "proposal_links"))
    return re.compile(
        r"(?P<who>\b(?:the\s+)?[A-Z][\w\-]+(?:\s+[a-z]+)?)\s+"
        rf"(?:(?:{aux})\s+)?(?:{verb})\s+(?:a|an)\s+(?:\w+\s+)?(?:{noun})\s+"
        rf"(?:{link})\s+(?P<what>[^.;]+)"
    )


def _quote_red_line() -> str:
    """Words in a quote that draw a red line: "not for sale", "no … until …"."""
    words = alt(knowledge.phrases(_LEX, "quote_red_line_words"))
    negation = alt(knowledge.phrases(_LEX, "quote_negations"))
    condition = alt(knowledge.phrases(_LEX, "quote_conditions"))
    return rf"\b(?:{words})\b|\b(?:{negation})\b[^.]*\b(?:{condition})\b"


@knowledge.derived
def _stance_cue_re() -> re.Pattern[str]:
    """Words in a quote that state a stance rather than report a fact."""
    verb = alt(knowledge.phrases(_LEX, "quote_stance_verbs"))
    word = alt(knowledge.phrases(_LEX, "quote_stance_words"))
    return re.compile(rf"\b(?:we|I)\s+(?:{verb})\b|\b(?:{word})\b|{_quote_red_line()}", re.I)


@knowledge.derived
def _quote_red_line_re() -> re.Pattern[str]:
    return re.compile(_quote_red_line(), re.I)


@knowledge.derived
def _official_re() -> re.Pattern[str]:
    """A speaker described as an official ("a senior official", "the spokeswoman")."""
    word = alt(knowledge.phrases(_LEX, "official_words"))
    stem = alt(knowledge.phrases(_LEX, "official_stems"))
    return re.compile(rf"\b(?:{word}|(?:{stem})\w+)s?\b", re.I)


@knowledge.derived
def _avoid_re() -> re.Pattern[str]:
    """ "This would avoid deploying …": the red line is the thing avoided ("no …")."""
    this = capitalised(knowledge.phrases(_LEX, "demonstratives"))
    modal = alt(knowledge.phrases(_LEX, "avoid_modals"))
    verb = alt(knowledge.phrases(_LEX, "avoid_verbs"))
    what = alt(knowledge.phrases(_LEX, "avoid_objects"))
    return re.compile(rf"^(?:{this}) (?:{modal}) (?:{verb})\s+(?:{what})?\s*")


@knowledge.derived
def _is_tail_re() -> re.Pattern[str]:
    """A closing "that is" before "our red line"."""
    this = alt(knowledge.phrases(_LEX, "demonstratives"))
    return re.compile(rf"\s*\b(?:{this})\s+is\s*$", re.I)


@knowledge.derived
def _clause_split_re() -> re.Pattern[str]:
    return re.compile(rf",\s*(?:{alt(knowledge.phrases(_LEX, 'clause_openers'))})\b")


# ------------------------------------------------------------------------ sentence cascade
def sentence_positions(ctx: Context, sent: SpacySpan, track: Track) -> list[Position]:
    """The position one sentence states, by the first finder of the cascade that applies."""
    for finder in (_red_line, _non_negotiable, _refusal, _essential, _wants, _demand_of, _proposal):
        found = finder(ctx, sent, track)
        if found is not None:
            return [found]
    return []


def _red_line(ctx: Context, sent: SpacySpan, track: Track) -> Position | None:
    if _red_line_word_re().search(span_text(sent)) is None:  # neither red-line pattern can match
        return None
    m = _red_line_re().search(span_text(sent))
    if m is None:
        return _own_red_line(ctx, sent, track)
    who = _actor_named(ctx, m.group("who"))
    after = re.match(rf"\s+(?:{_copulas()})\s+(?P<what>[^.;]+)", span_text(sent)[m.end() :])
    what = after.group("what") if after else span_text(sent)[: m.start()].rstrip(" ,;—-")
    what = _avoid_re().sub("no ", what)
    if who is None:
        return None
    return _position(ctx, sent, track, who, f"{what} (red line)", red_line=True, claim=False)


def _own_red_line(ctx: Context, sent: SpacySpan, track: Track) -> Position | None:
    """ "That is our red line", said by a party's person: what the quote said before it."""
    m = _own_red_line_re().search(span_text(sent))
    q = _quote_at(ctx, sent.start_char + m.start()) if m else None
    if q is None or q.speaker is None:
        return None
    who = _speaker_state(ctx, q)
    if who is None:
        return None
    before = q.text[: max(0, sent.start_char + m.start() - q.start)] if m else ""
    what = _is_tail_re().sub("", before.strip())
    pos = _position(
        ctx,
        sent,
        track,
        who,
        f"{what.strip(' .,') or q.text} (red line)",
        red_line=True,
        claim=False,
    )
    return pos.model_copy(update={"attributed_to": _anonymous(q)})


def _non_negotiable(ctx: Context, sent: SpacySpan, track: Track) -> Position | None:
    if _non_negotiable_word_re().search(span_text(sent)) is None:
        return None
    m = _non_negotiable_re().search(span_text(sent))
    who = _actor_named(ctx, m.group("who")) if m else None
    if m is None or who is None:
        return None
    return _position(ctx, sent, track, who, f"{m.group('what').strip()} (red line)", red_line=True)


def _refusal(ctx: Context, sent: SpacySpan, track: Track) -> Position | None:
    """ "Baku will not sign while …": a refusal; a condition or "any" makes it a red line."""
    m = _refusal_re().search(span_text(sent))
    if m is None:
        return None
    who = _subject_state(ctx, sent, m.group("who"), sent.start_char + m.start())
    if who is None or who not in track.parties:
        return None
    what = m.group(0).strip(" ,\"“”’'")
    return _position(ctx, sent, track, who, what, red_line=bool(_condition_re().search(what)))


def _essential(ctx: Context, sent: SpacySpan, track: Track) -> Position | None:
    m = _essential_re().search(span_text(sent))
    who = _actor_named(ctx, m.group("who")) if m else None
    if m is None or who is None:
        return None
    return _position(ctx, sent, track, who, m.group("what").strip(), on_text=m.group("what"))


def _wants(ctx: Context, sent: SpacySpan, track: Track) -> Position | None:
    """ "Baku wants the constitutional change before any signature"; only about an issue."""
    m = _wants_re().search(span_text(sent))
    if m is None:
        return None
    who = _subject_state(ctx, sent, m.group("who"), sent.start_char + m.start())
    if who is None or who not in track.parties:
        return None
    return _position(ctx, sent, track, who, m.group("what").strip(' "“”'))


def _demand_of(ctx: Context, sent: SpacySpan, track: Track) -> Position | None:
    m = _demand_of_re().search(span_text(sent))
    who = _actor_named(ctx, m.group("who")) if m else None
    if m is None or who is None or who not in track.parties:
        return None
    return _position(ctx, sent, track, who, m.group("what").strip())


def _proposal(ctx: Context, sent: SpacySpan, track: Track) -> Position | None:
    """ "The Swiss mediators floated a compromise under which …": a mediator's stance too."""
    m = _proposal_re().search(span_text(sent))
    if m is None:
        return None
    who = _actor_named(ctx, m.group("who")) or _demonym_state(m.group("who"))
    if who is None:
        return None
    what = _clause_split_re().split(m.group("what"))[0]
    return _position(ctx, sent, track, who, what.strip())


# ---------------------------------------------------------------------------------- quotes
def quoted_positions(ctx: Context, track: Track, earlier: Sequence[Position]) -> list[Position]:
    """Positions in the words of a party's people: quotes with a stance word, or about an issue
    the article lists, in sentences no other finder used."""
    used = [p.evidence for p in earlier if p.evidence is not None]
    out: list[Position] = []
    for q in ctx.analysis.quotes:
        who = _speaker_state(ctx, q) if q.speaker is not None else None
        if who is None or who not in track.parties:
            continue
        if any(e.start <= q.start < e.end or q.start <= e.start < q.end for e in used):
            continue
        # a quote without a stance word must name an issue clearly (two of its words)
        scores = issue_scores(track.issues, q.text, party_words(track))
        if not (_stance_cue_re().search(q.text) or (scores and scores[0][0] >= 2)):
            continue
        pos = _quote_position(ctx, track, q, who)
        if pos.on == UNSPECIFIED and _follows_own(ctx, pos, [*earlier, *out]):
            continue
        used.append(pos.evidence or Span(start=q.start, end=q.end, text=q.text))
        out.append(pos)
    return out


def _follows_own(ctx: Context, pos: Position, earlier: Sequence[Position]) -> bool:
    """Whether a stance of the same party was stated earlier in the same paragraph: a quote
    that follows it ("Sovereignty over our roads is not for sale") says it again."""
    if pos.evidence is None:
        return False
    text = ctx.article.text
    start = text.rfind("\n", 0, pos.evidence.start) + 1
    return any(
        p.actor == pos.actor
        and p.evidence is not None
        and start <= p.evidence.start < pos.evidence.start
        for p in earlier
    )


def _quote_position(ctx: Context, track: Track, q: Quote, who: str) -> Position:
    sents = [s for s in doc_sents(ctx.doc) if s.end_char > q.start and s.start_char < q.end]
    evidence = Span(start=q.start, end=q.end, text=q.text)
    if sents:
        text = ctx.article.text[sents[0].start_char : sents[-1].end_char].rstrip()
        evidence = Span(start=sents[0].start_char, end=sents[0].start_char + len(text), text=text)
    context = q.text + " " + (_paragraph_of(ctx, sents[0]) if sents else "")
    return Position(
        actor=who,
        on=issue_for(track.issues, context, party_words(track)),
        position=q.text.strip(),
        red_line=bool(_quote_red_line_re().search(q.text)),
        attributed_to=_anonymous(q),
        evidence=evidence,
        article_id=ctx.article.id,
    )


# --------------------------------------------------------------------------------- helpers
def _position(
    ctx: Context,
    sent: SpacySpan,
    track: Track,
    who: str,
    what: str,
    *,
    red_line: bool = False,
    claim: bool = True,
    on_text: str | None = None,
) -> Position:
    """A position stated in ``sent``, linked to the issue its sentence (or ``on_text``) and
    paragraph speak of, and to the source an attribution gives for it."""
    context = on_text if on_text is not None else span_text(sent) + " " + _paragraph_of(ctx, sent)
    return Position(
        actor=who,
        on=issue_for(track.issues, context, party_words(track)),
        position=what.strip(),
        red_line=red_line,
        attributed_to=_claim_for(ctx, sent) if claim else None,
        evidence=_span(sent),
        article_id=ctx.article.id,
    )


def _actor_named(ctx: Context, words: str) -> str | None:
    """The state behind a name or metonym ("the Kremlin", "Moscow")."""
    for actor in ctx.kb.lookup(words.strip()):
        return country_of(ctx, actor.id)
    return None


def _demonym_state(words: str) -> str | None:
    """The state of a national adjective in ``words`` ("the Swiss mediators" → CHE)."""
    demonyms = load_demonyms()
    for w in re.findall(r"[A-Z][\w\-]+", words):
        if w in demonyms:
            return demonyms[w]
    return None


def _subject_state(ctx: Context, sent: SpacySpan, who: str, at: int) -> str | None:
    """The state a subject stands for: a named state, or "we" of the quote it is in."""
    if who.lower() == "we":
        q = _quote_at(ctx, at)
        return _speaker_state(ctx, q) if q is not None and q.speaker is not None else None
    return _actor_named(ctx, who) or _demonym_state(who)


def _speaker_state(ctx: Context, q: Quote) -> str | None:
    """The state a quote's speaker acts for: the actor's country, else a national adjective in
    the words that describe an official ("a senior Armenian official")."""
    assert q.speaker is not None
    state = country_of(ctx, q.speaker.actor)
    if state is None and q.speaker.actor is not None:
        known = {a.id: a.country for a in ctx.analysis.actors}
        state = known.get(q.speaker.actor)
    if state is None and q.speaker.actor is None and _official_re().search(q.speaker.text):
        state = _demonym_state(q.speaker.text) or _actor_in(ctx, q.speaker.text)
    return state


def _actor_in(ctx: Context, words: str) -> str | None:
    for w in re.findall(r"[A-Z][\w\-]+", words):
        state = _actor_named(ctx, w)
        if state is not None:
            return state
    return None


def _anonymous(q: Quote) -> str | None:
    # An unnamed source is who the position rests on; a named speaker is the actor's own voice.
    return q.speaker.text if q.speaker is not None and q.speaker.actor is None else None


def _quote_at(ctx: Context, at: int) -> Quote | None:
    return next((q for q in ctx.analysis.quotes if q.start <= at < q.end), None)


def _paragraph_of(ctx: Context, sent: SpacySpan) -> str:
    """The paragraph around ``sent`` (a stance's issue is often named a sentence earlier)."""
    text = ctx.article.text
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.start_char)  # a sentence's span may end after the newline
    return text[start : end if end >= 0 else len(text)]


def _claim_for(ctx: Context, sent: SpacySpan) -> str | None:
    for a in ctx.analysis.attributions:
        if a.claim.start <= sent.end_char and a.claim.end >= sent.start_char:
            return a.reporter.actor or a.reporter.text
    return None


def _span(sent: SpacySpan) -> Span:
    """The sentence as evidence, without the line breaks a sentence span may end with."""
    text = span_text(sent).rstrip()
    return Span(start=sent.start_char, end=sent.start_char + len(text), text=text)
