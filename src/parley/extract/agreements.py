"""Agreements and their status timeline: treaties, deals and channels such as military dialogue.

The extractor ``parley.agreements.v1`` fills ``analysis.agreements``. It works in three steps:

1. **Find references.** Names and aliases from ``parley/data/agreements.json`` ("New START");
   channel phrases ("military dialogue", "hotline"); and anaphors ("the treaty", "the
   agreement", "its expiration") that point back to the last agreement named before them.
2. **Read statuses.** In each sentence that refers to an agreement, status cue words from the
   same data file ("expires", "ratified", "suspended", "extension", "respect the terms") give one
   :class:`~parley.models.AgreementStatus` each, with the date expression nearest the cue, an
   ``until`` for durations ("for another six months"), and ``by`` for a proposal's proposer.
   Hedges ("expected to", "would", "left the door open") mark a status as expected.
3. **Merge** statuses per agreement in text order; the agreement's ``status`` is the latest dated
   one (else the last mentioned).

A participle that merely describes an agreement ("the treaty signed by Russia and the United
States") is background, not news: it contributes parties, not a status.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any, ClassVar

from parley.extract.base import Context, register
from parley.models import Agreement, AgreementStatus, Span, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["AgreementsExtractor", "AgreementRef", "load_agreement_data"]

_ANAPHORS = re.compile(
    r"\b(?:the|this|that|its|the same)\s+(?:(?:nuclear|arms control|bilateral|peace|"
    r"ceasefire|last|remaining|original)\s+)*(?:treaty|agreement|accord|deal|pact|arrangement)\b"
    r"|\bits\s+(?:expiration|expiry|terms|extension|ratification|suspension)\b",
    re.I,
)
_CHANNEL = re.compile(
    r"\b(?:(?:high-level|direct|military|military-to-military|defen[cs]e)\s+)+"
    r"(?:dialogue|channel|contacts|hotline|communication)\b",
    re.I,
)
# A capitalised name ending in an agreement word names an agreement the data may not know.
_NAMED = re.compile(
    r"\b(?:the\s+)?(?P<name>(?:(?:[A-Z][\w\-’']+|of|on|the|for|and)\s+){1,7}?"
    r"(?:Treaty|Agreement|Accords?|Convention|Protocol|Pact|Memorandum|Declaration|Initiative))\b"
)
_HEDGES = {"expect", "would", "could", "may", "might", "open", "possible", "likely", "plan"}
_SHORT_NAMES = {"USA": "US", "GBR": "UK", "ARE": "UAE"}


@dataclass
class AgreementRef:
    """One place where the text refers to an agreement."""

    key: str
    start: int
    end: int
    named: bool


@dataclass
class _Known:
    key: str
    name: str
    kind: str
    parties: list[str]
    domain: str | None = None
    pattern: re.Pattern[str] | None = None


@dataclass
class _Draft:
    key: str
    name: str
    kind: str
    parties: list[str] = field(default_factory=list)
    statuses: list[AgreementStatus] = field(default_factory=list)
    evidence: Span | None = None


def load_agreement_data() -> dict[str, Any]:
    """The shipped agreements file as a dict (names, aliases, parties, status cue words)."""
    text = (resources.files("parley") / "data" / "agreements.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _name_pattern(names: list[str]) -> re.Pattern[str]:
    parts = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in parts) + r")(?!\w)")


@register("parley.agreements.v1")
class AgreementsExtractor:
    """Agreements named or described in the article, with a dated status timeline."""

    name: ClassVar[str] = "parley.agreements.v1"
    requires: ClassVar[tuple[str, ...]] = ("mentions", "dates", "events")
    assigns: ClassVar[tuple[str, ...]] = ("agreements",)

    def __init__(self) -> None:
        data = load_agreement_data()
        self.known = {
            a["id"]: _Known(
                key=a["id"], name=a["name"], kind=a["kind"], parties=list(a["parties"]),
                domain=a.get("domain"), pattern=_name_pattern([a["name"], *a["aliases"]]),
            )
            for a in data["agreements"]
        }
        self.cues = self._cue_table(data["statuses"])

    @staticmethod
    def _cue_table(statuses: dict[str, list[str]]) -> list[tuple[re.Pattern[str], str]]:
        table = []
        for status, words in statuses.items():
            for word in words:
                table.append((re.compile(rf"\b{re.escape(word)}\w*\b", re.I), status))
        return table

    def __call__(self, ctx: Context) -> None:
        known = dict(self.known)
        refs = self.find_references(ctx, known)
        drafts: dict[str, _Draft] = {}
        for sent in ctx.doc.sents:
            in_sent = [r for r in refs if sent.start_char <= r.start < sent.end_char]
            for ref in in_sent:
                drafts.setdefault(ref.key, _new_draft(known, ref))
            if in_sent:
                self._read_sentence(ctx, sent, in_sent, drafts)
        ctx.analysis.agreements.extend(_finish(d) for d in drafts.values())

    # 1. references -------------------------------------------------------------------------
    def find_references(self, ctx: Context, known: dict[str, _Known]) -> list[AgreementRef]:
        """Named agreements, channels and anaphors, in text order, anaphors resolved.

        Agreements named in the text but missing from the data are added to ``known``.
        """
        text = ctx.article.text
        refs = [
            AgreementRef(k.key, m.start(), m.end(), True)
            for k in known.values()
            if k.pattern is not None
            for m in k.pattern.finditer(text)
        ]
        refs += [AgreementRef(self._channel_key(m.group(0)), m.start(), m.end(), True)
                 for m in _CHANNEL.finditer(text)]
        refs += _unknown_names(text, refs, known)
        anaphors = [(m.start(), m.end()) for m in _ANAPHORS.finditer(text)]
        refs.sort(key=lambda r: r.start)
        for start, end in anaphors:
            before = [r for r in refs if r.end <= start and r.named and r.key in known]
            covered = any(r.start <= start < r.end for r in refs)
            if before and not covered:
                refs.append(AgreementRef(before[-1].key, start, end, False))
        return sorted(refs, key=lambda r: r.start)

    @staticmethod
    def _channel_key(phrase: str) -> str:
        words = phrase.lower().replace("high-level ", "").replace("direct ", "").split()
        return "channel:" + " ".join(w for w in words if w != "contacts") or "channel:dialogue"

    # 2. statuses ---------------------------------------------------------------------------
    def _read_sentence(
        self, ctx: Context, sent: SpacySpan, refs: list[AgreementRef], drafts: dict[str, _Draft]
    ) -> None:
        for ref in refs:
            draft = drafts[ref.key]
            if draft.evidence is None:
                draft.evidence = Span(start=sent.start_char, end=sent.end_char, text=sent.text)
            self._add_parties(ctx, sent, draft)
        for match, status in self._cues_in(sent, refs):
            cue_at = sent.start_char + match.start()
            # A cue belongs to the agreement referred to nearest to it in the sentence.
            ref = min(refs, key=lambda r: min(abs(r.start - cue_at), abs(r.end - cue_at)))
            st = self._status_at(ctx, sent, match, status)
            if st is not None:
                _merge(drafts[ref.key].statuses, st)

    def _cues_in(
        self, sent: SpacySpan, refs: list[AgreementRef]
    ) -> list[tuple[re.Match[str], str]]:
        found: list[tuple[re.Match[str], str]] = []
        taken: list[tuple[int, int]] = [(r.start - sent.start_char, r.end - sent.start_char)
                                        for r in refs if r.named]
        for pattern, status in self.cues:
            for m in pattern.finditer(sent.text):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                found.append((m, status))
        return sorted(found, key=lambda f: f[0].start())

    def _status_at(
        self, ctx: Context, sent: SpacySpan, match: re.Match[str], status: str
    ) -> AgreementStatus | None:
        start = sent.start_char + match.start()
        token = ctx.doc.char_span(start, start + len(match.group(0)), alignment_mode="expand")
        if token is None:
            return None
        tok = token.root
        if _is_background(tok):
            return None
        status = _refine(status, tok, ctx, sent)
        if status is None:
            return None
        date, until = _dates_near(ctx.analysis.dates, sent, tok)
        if date is None and until is None and _present_perfect(tok) and ctx.article.published_at:
            date = ctx.article.published_at.isoformat()  # "have agreed to resume": news of today
        if status == "expiring" and date and ctx.article.published_at:
            if date < ctx.article.published_at.isoformat()[: len(date)]:
                status = "expired"
        hedged = _hedged(tok)
        return AgreementStatus(
            status=f"{status} (expected)" if hedged and status != "extension proposed" else status,
            date=None if until else date,
            until=until,
            by=_proposer(ctx, tok) if status in ("extension proposed", "proposed") else None,
            evidence=Span(start=sent.start_char, end=sent.end_char, text=sent.text),
            article_id=ctx.article.id,
        )

    def _add_parties(self, ctx: Context, sent: SpacySpan, draft: _Draft) -> None:
        if draft.parties:
            return
        for ev in ctx.analysis.events:  # "both powers have agreed to resume …": the event knows
            if sent.start_char <= ev.evidence.start < sent.end_char and ev.type in (
                    "AGREE", "COOPERATE", "CONSULT"):
                states = [a for a in dict.fromkeys([*ev.source, *ev.target])
                          if a in ctx.kb and ctx.kb[a].kind == "state"]
                if len(states) >= 2:
                    self._set_parties(ctx, draft, states)
                    return
        actor_at: dict[int, str] = ctx.scratch.get("actor_at", {})  # type: ignore[assignment]
        states = [a.id for a in ctx.analysis.actors if a.kind == "state"]
        here = [actor_at[t.i] for t in sent if t.i in actor_at and actor_at[t.i] in states]
        prev = _previous_sentence(sent)
        if len(set(here)) < 2 and prev is not None:
            here += [actor_at[t.i] for t in prev if t.i in actor_at and actor_at[t.i] in states]
        parties = list(dict.fromkeys(here))
        if len(parties) >= 2:
            self._set_parties(ctx, draft, parties)

    @staticmethod
    def _set_parties(ctx: Context, draft: _Draft, parties: list[str]) -> None:
        draft.parties = sorted(parties[:2])
        if draft.kind == "channel":
            names = [_SHORT_NAMES.get(p, ctx.kb[p].name if p in ctx.kb else p)
                     for p in draft.parties]
            draft.name = f"{'–'.join(names)} {draft.name}"


def _unknown_names(
    text: str, refs: list[AgreementRef], known: dict[str, _Known]
) -> list[AgreementRef]:
    """Named agreements missing from the data ("the Caspian Arms Limitation Treaty")."""
    out = []
    for m in _NAMED.finditer(text):
        name = re.sub(r"^(?:of|on|the|for|and)\s+", "", m.group("name"))
        if len(name.split()) < 2 or any(r.start <= m.start("name") < r.end for r in refs):
            continue
        key = "named:" + name
        known.setdefault(key, _Known(key=key, name=name, kind=_kind_of(name), parties=[]))
        out.append(AgreementRef(key, m.start("name"), m.end("name"), True))
    return out


def _new_draft(known: dict[str, _Known], ref: AgreementRef) -> _Draft:
    k = known.get(ref.key)
    if k is not None:
        return _Draft(ref.key, k.name, k.kind, list(k.parties))
    return _Draft(ref.key, ref.key.split(":", 1)[1], "channel")


def _kind_of(name: str) -> str:
    last = name.split()[-1].lower()
    return {"treaty": "treaty", "convention": "treaty", "pact": "treaty"}.get(last, "agreement")


def _is_background(tok: Token) -> bool:
    """A participle describing an agreement ("the treaty signed by …") states no news."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(
        c.ent_type_ == "DATE" for c in tok.subtree
    )


def _refine(status: str, tok: Token, ctx: Context, sent: SpacySpan) -> str | None:
    """Adjust a cue's status by its grammar; None when the cue is not a status statement."""
    lemma = tok.lemma_.lower()
    if status == "expired" and lemma == "expiration":
        # "before/after its expiration" frames another statement; it is not one itself.
        return None
    if status == "expiring" and tok.tag_ in ("VBD", "VBN") and not _future(tok):
        return "expired"
    if status == "extension proposed" and tok.tag_ in ("VBD", "VBN") and lemma in ("extend",):
        return "extended"
    if status == "suspended" and tok.head.lemma_ in ("resume", "restore", "reestablish"):
        return None
    return status


def _future(tok: Token) -> bool:
    return any(c.lemma_ in ("will", "shall") or c.tag_ == "MD" for c in tok.children)


def _hedged(tok: Token) -> bool:
    """Expected, hoped for or conditional rather than stated as fact."""
    for t in (tok, *tok.ancestors):
        if t.lemma_.lower() in _HEDGES or any(c.tag_ == "MD" for c in t.children):
            return True
        if t.dep_ == "ROOT":
            break
    return False


def _dates_near(
    dates: list[TimeExpression], sent: SpacySpan, tok: Token
) -> tuple[str | None, str | None]:
    """The date the cue governs (first verb above the date is the cue), and ``until`` for a
    duration ("for another six months")."""
    doc = sent.doc
    for d in dates:
        if not (sent.start_char <= d.start < sent.end_char) or not d.value:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or _governing_verb(span.root) != _governing_verb(tok):
            continue
        if d.precision == "approximate" and d.end_value is not None:
            return None, d.value
        return d.value, None
    return None, None


def _governing_verb(tok: Token) -> Token:
    for t in (tok, *tok.ancestors):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
    return tok


def _present_perfect(tok: Token) -> bool:
    """Whether the cue sits under a present-perfect verb ("have agreed to resume")."""
    for t in (tok, *tok.ancestors):
        if t.tag_ == "VBN" and any(c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ")
                                   for c in t.children):
            return True
        if t.dep_ == "ROOT":
            break
    return False


def _proposer(ctx: Context, tok: Token) -> str | None:
    """The subject of the verb that governs a proposal ("X has been pressing … an extension")."""
    actor_at: dict[int, str] = ctx.scratch.get("actor_at", {})  # type: ignore[assignment]
    for head in tok.ancestors:
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent"):
                for t in child.subtree:
                    if t.i in actor_at:
                        return actor_at[t.i]
    return None


def _previous_sentence(sent: SpacySpan) -> SpacySpan | None:
    if sent.start == 0:
        return None
    return sent.doc[sent.start - 1].sent


def _merge(existing: list[AgreementStatus], new: AgreementStatus) -> None:
    """Add ``new``, or complete an earlier statement of the same status in this article."""
    for i, old in enumerate(existing):
        if old.status == new.status and (old.date == new.date or not old.date or not new.date):
            existing[i] = old.model_copy(update={
                "date": old.date or new.date, "until": old.until or new.until,
                "by": old.by or new.by, "evidence": old.evidence if old.date or old.until
                or not (new.date or new.until) else new.evidence,
            })
            return
    existing.append(new)


def _finish(d: _Draft) -> Agreement:
    dated = [s for s in d.statuses if s.date]
    current = max(dated, key=lambda s: s.date or "") if dated else (
        d.statuses[-1] if d.statuses else None)
    return Agreement(
        name=d.name, kind=d.kind, parties=d.parties, statuses=d.statuses,
        status=current.status if current else None,
        date=current.date if current else None, evidence=d.evidence,
    )
