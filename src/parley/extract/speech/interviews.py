"""Interviews laid out as turns: the answers are the interviewee's words without quote marks.

Paragraphs opening with speaker labels that come back ("Q:"/"A:", "Al Jazeera:"/"Keller:") are
a Q&A; the label whose paragraphs end in "?" asks. An answer is a quote of the person its label
names (else the first person the article names, 0.5), cut around sentences holding a quote of
their own ('Both sides told me "yes"' is not the interviewee's answer alone); "I" inside an
answer is the interviewee. A list of statements ("The Kremlin: …", "NATO: …") is no interview:
names must come back to tell a dialogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.speech.cues import LEXICON
from parley.extract.speech.marks import DOUBLE_OPEN, Marked, stripped
from parley.extract.speech.resolver import FAR, Who
from parley.knowledge import words

if TYPE_CHECKING:
    from parley.extract.base import Context
    from parley.extract.speech.resolver import Resolver

__all__ = ["Answer", "Interview"]

# "Q:", "A.", "Keller:", "Al Jazeera:", "SENIOR STATE DEPARTMENT OFFICIAL ONE:" opening a paragraph;
# a White House transcript's bare "Q" before the question ("Q Is the trip still on?");
# a broadcast transcript's "[10:00:00] JANE DOE, NETWORK DEFENCE CORRESPONDENT:" (a time stamp
# before it, the speaker's role after a comma)
_CAPS = r"[A-Z][A-Z'’.-]*"
_STAMP = r"(?:\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]*)?"
_ROLE = rf"(?:, {_CAPS}(?: {_CAPS}){{0,5}})?"
_LABEL = re.compile(
    rf"^[ \t]*{_STAMP}([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){{0,3}}:|{_CAPS}(?: {_CAPS}){{0,6}}{_ROLE}:"
    r"|[QA]\.(?= )|Q (?=[A-Z]))[ \t]*",
    re.MULTILINE,
)


@dataclass(frozen=True)
class _Turn:
    """A labelled paragraph: the label, where the label starts, and the words after it."""

    label: str
    at: int
    start: int
    end: int
    role: str = ""  # "CNN PENTAGON CORRESPONDENT" after the name and a comma
    bare: bool = False  # a White House transcript's "Q" with no colon or full stop


@dataclass(frozen=True)
class Answer:
    """An answer's character bounds and who gives it (with the confidence of that)."""

    start: int
    end: int
    who: Who | None
    confidence: float


class Interview:
    """The answers of one document, when it is laid out as an interview, and who gives them."""

    def __init__(self, ctx: Context, res: Resolver) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.res = res
        self.answers = self._find_answers()

    def participants(self) -> frozenset[str]:
        """The last words of the turn labels, lower case, when the text is an interview
        ("STEPHANOPOULOS", "MR. NESSEN" → "nessen"); empty otherwise. Those speaking in turns
        are "I" and "you" to each other, so a "he" inside a turn is someone else."""
        if not self.answers:
            return frozenset()
        found = {t.label.split()[-1].lower().rstrip(".") for t in self._turns() if t.label}
        return frozenset(w for w in found if w not in ("q", "a"))

    def answer_at(self, char: int) -> Answer | None:
        """The answer holding character offset ``char``, if any."""
        return next((a for a in self.answers if a.start <= char < a.end), None)

    def answer_runs(self) -> list[tuple[Marked, Answer]]:
        """The answers as runs of sentences without quote marks, one quote each."""
        text = self.ctx.article.text
        found = []
        for answer in self.answers:
            for run in self._runs(answer.start, answer.end):
                for lo, hi in _paragraphs(text, *run):
                    m = stripped(text, lo, hi, closed=True)
                    if m.end > m.start:
                        found.append((m, answer))
        return found

    def _runs(self, start: int, end: int) -> list[tuple[int, int]]:
        """Runs of sentences of the answer ``[start, end)`` without quote marks.

        A sentence holding a quote of its own ('Both sides told me "yes."') is not the
        interviewee's words alone: the answer is cut around it and that quote stands apart.
        """
        runs: list[tuple[int, int]] = []
        current: tuple[int, int] | None = None
        for sent in self.doc.sents:
            if sent.end_char <= start or sent.start_char >= end:
                continue
            lo, hi = max(start, sent.start_char), min(end, sent.end_char)
            text = self.ctx.article.text
            if any(c in DOUBLE_OPEN for c in text[lo:hi]):
                current = None
            elif current is None:
                current = (lo, hi)
                runs.append(current)
            else:
                current = (current[0], hi)
                runs[-1] = current
        return runs

    def _find_answers(self) -> list[Answer]:
        """The answers, when the article is laid out as an interview or a transcript.

        An interview is paragraphs opening with a speaker label ("Q:", "Keller:"), the same
        labels coming back, or a label answering one that asks (a transcript: "Daily
        Courier: … ?" then "Li Wei: …"); the label whose paragraphs end in "?" asks, the
        others answer. A list of statements ("The Kremlin: …", "NATO: …") is no interview.
        """
        turns = self._turns()
        counts: dict[str, int] = {}
        for turn in turns:
            counts[turn.label] = counts.get(turn.label, 0) + 1
        asks = self._askers(turns, counts)
        turns = self._last_runs_on(turns, asks)
        answered = {b.label for a, b in zip(turns, turns[1:], strict=False) if a.label in asks}
        answered -= asks
        recurring = {label for label, n in counts.items() if n >= 2 or label in ("Q", "A")}
        speaking = {label for label in counts if _speaker_label(label)}
        lone = _lone_speaker(turns, counts)
        if lone is not None:
            turns = [t for t in turns if t.label == lone]
        elif len(recurring) < 2 and "A" not in recurring and not answered and len(speaking) < 2:
            return []
        speakers = {t.label: self._interviewee(turns, t.label, asks) for t in turns}
        return [
            Answer(t.start, t.end, *speakers[t.label])
            for t in turns
            if t.label not in asks
            and (
                t.label in recurring
                or t.label in answered
                or t.label.isupper()
                or _honorific(t.label)
            )
        ]

    def _turns(self) -> list[_Turn]:
        """The labelled paragraphs; a turn runs on over unlabelled paragraphs to the next
        label: a transcript's speaker talks over several paragraphs. Without labels, a
        relayed interview's dash answers after questions are the turns."""
        text = self.ctx.article.text
        found = _labels(text)
        if not found:
            return _dash_turns(text)
        ends = [m.start() for m in found[1:]] + [_line_end(text, found[-1].end())] if found else []
        turns = []
        for m, end in zip(found, ends, strict=True):
            name, _, role = m.group(1)[:-1].rstrip(".").partition(", ")
            bare = m.group(1).endswith(" ")
            turns.append(_Turn(name, m.start(1), m.end(), end, role, bare))
        return turns

    def _named_by_surname(self, label: str) -> Who | None:
        """The person a transcript's "MR. HAMMER" label stands for: the one person the
        text names in full whose surname is the label's last word ("Mike Hammer")."""
        if not _honorific(label):
            return None
        surname = label.split()[-1].lower()
        found = {
            (m.start, m.end, m.actor): m.text for m in self.ctx.analysis.mentions
            if len(m.text.split()) > 1 and m.text.split()[-1].lower() == surname
            and (m.actor is None or self.res.kind(m.actor) == "person")
        }  # fmt: skip
        actors = {key[2] for key in found}
        if not found or len(actors) > 1:
            return None  # two people of that surname: the label alone cannot tell which
        (start, end, actor), text = min(found.items())
        return Who(actor, text, start, end, 0.8, "person")

    def _headline_interviewee(self) -> Who | None:
        """The person the headline says is interviewed, linked when the knowledge base has a
        person whose full name the headline holds. The headline is not in the text, so the
        speaker has no offsets (``start`` -1)."""
        title = self.ctx.article.title
        named = _interviewed_in(title) if title else None
        if named is None:
            return None
        for actor in self.ctx.kb.actors.values():
            if actor.kind == "person" and re.search(rf"\b{re.escape(actor.name)}\b", named):
                return Who(actor.id, named, -1, -1, 0.8, "person")
        return Who(None, named, -1, -1, 0.8, "person")

    def _last_runs_on(self, turns: list[_Turn], asks: set[str]) -> list[_Turn]:
        """The turns, the last running to the end of a press transcript.

        A transcript's questions are labelled with who asks ("Daily Courier:") or by a bare
        "Q" (the White House's layout), and the last speaker talks to the end; an edited
        interview labels them "Q:" and ends with the editors' own words, which are nobody's
        answer.
        """
        questions = words(LEXICON, "question_labels")
        edited = {t.label for t in turns if not t.bare}
        if not turns or any(label.lower() in questions and label in edited for label in asks):
            return turns
        last = turns[-1]
        return [*turns[:-1], replace(last, end=len(self.ctx.article.text))]

    def _askers(self, turns: list[_Turn], counts: dict[str, int]) -> set[str]:
        """Labels whose paragraphs mostly end in "?" (and the question labels)."""
        text = self.ctx.article.text
        asks = {
            label for label in counts
            if sum(text[t.start : _line_end(text, t.start)].rstrip().endswith("?")
                   for t in turns if t.label == label) * 2 > counts[label]
        }  # fmt: skip
        questions = words(LEXICON, "question_labels")
        return asks | {label for label in counts if label.lower() in questions}

    def _interviewee(
        self, turns: list[_Turn], label: str, asks: set[str]
    ) -> tuple[Who | None, float]:
        """Who a label names: a person named so ("Keller"), else the label's own words when
        they describe the speaker ("SENIOR OFFICIAL ONE", "Li Wei"), else, for a bare
        "A" or a lone surname, the person the headline interviews ("Interview with Foreign
        Minister X"), else the first person the article names outside the questions: a
        person the interviewer asks about ("You met X yesterday?") is not the one answering."""
        if label not in ("A", "Answer"):
            for m in sorted(self.ctx.analysis.mentions, key=lambda m: m.start):
                if m.actor is not None and (label in m.text.split() or label == m.text):
                    return Who(m.actor, m.text, m.start, m.end, 0.8, "person"), 0.8
            for e in self.doc.ents:
                if e.label_ == "PERSON" and (label in e.text.split() or label == e.text):
                    return Who(None, e.text, e.start_char, e.end_char, 0.8, "person"), 0.8
            named = self._named_by_surname(label)
            if named is not None:
                return named, 0.8
            if " " in label or (label.isupper() and len(label) > 1):
                at = next(t.at for t in turns if t.label == label)
                return Who(None, label, at, at + len(label), 0.8, "person"), 0.8
        headline = self._headline_interviewee()
        if headline is not None:
            return headline, 0.8
        questions = [(t.start, t.end) for t in turns if t.label in asks]
        for m in sorted(self.ctx.analysis.mentions, key=lambda m: m.start):
            if any(lo <= m.start < hi for lo, hi in questions):
                continue
            if m.actor is not None and self.res.kind(m.actor) == "person":
                return Who(m.actor, m.text, m.start, m.end, FAR, "person"), FAR
        people = [
            e for e in self.doc.ents
            if e.label_ == "PERSON" and not any(lo <= e.start_char < hi for lo, hi in questions)
        ]  # fmt: skip
        if people:
            e = people[0]
            return Who(None, e.text, e.start_char, e.end_char, FAR, "person"), FAR
        return None, FAR


def _interviewed_in(title: str) -> str | None:
    """The words naming whom a headline interviews: "Interview with Foreign Minister X
    (excerpts)" → "Foreign Minister X"; None when the headline announces no interview."""
    found = _interview_with().search(title)
    if found is None:
        return None
    words_ = found.group(1).strip(" ,.;:-–—")
    return words_ if words_[:1].isupper() else None


@knowledge.derived
def _interview_with() -> re.Pattern[str]:
    """ "Interview with Foreign Minister X (excerpts)", "… interview with X on …": the
    words naming whom a headline interviews, built from the lexicon's heading words."""
    interview, with_ = knowledge.phrases(LEXICON, "interview_heading_words")
    stops = "|".join(re.escape(w) for w in sorted(words(LEXICON, "interview_heading_stops")))
    return re.compile(
        rf"\b{re.escape(interview)}\w* {re.escape(with_)} (.+?)(?=\s*[(:|]| (?:{stops}) |$)",
        re.I,
    )


def _lone_speaker(turns: list[_Turn], counts: dict[str, int]) -> str | None:
    """The label of a transcript that gives a single turn: the document's only label, once,
    and one that can only name a person speaking, an honorific and a surname ("MR.
    HALVORSEN:") or a name in capitals with a role after a comma ("JANE DOE, NRK
    CORRESPONDENT:"). A briefing of one speaker has no second label to answer; a lone
    "NATO:" or "Note:" names nobody, and with other labels about it is a dialogue."""
    if len(turns) != 1 or len(counts) != 1:
        return None
    turn = turns[0]
    roles = words(LEXICON, "role_nouns") | words(LEXICON, "transcript_roles")
    named = _honorific(turn.label) or any(w.lower() in roles for w in turn.role.split())
    return turn.label if turn.label.isupper() and named else None


def _speaker_label(label: str) -> bool:
    """Whether a label names a speaker by role in capitals, as transcripts do
    ("SENIOR STATE DEPARTMENT OFFICIAL ONE", "MODERATOR"), or by an honorific and a
    surname ("MR. McDONOUGH"), not a section heading."""
    roles = words(LEXICON, "role_nouns") | words(LEXICON, "transcript_roles")
    return _honorific(label) or (label.isupper() and any(w.lower() in roles for w in label.split()))


def _honorific(label: str) -> bool:
    """Whether a label is an honorific in capitals and a name ("MS. RIOS", "MR. McDONOUGH")."""
    first, _, rest = label.partition(" ")
    honorifics = words(LEXICON, "transcript_honorifics")
    return first.isupper() and first.rstrip(".").lower() in honorifics and bool(rest)


def _labels(text: str) -> list[re.Match[str]]:
    """The speaker labels opening paragraphs, in text order: the general pattern, and a
    transcript's "MR. McDONOUGH:" whose surname has a lower-case prefix the general pattern
    (all capitals) does not take."""
    found = {m.start(): m for m in _LABEL.finditer(text)}
    for m in _honorific_label().finditer(text):
        if m.start() not in found or m.end() > found[m.start()].end():
            found[m.start()] = m
    return [found[k] for k in sorted(found)]


@knowledge.derived
def _honorific_label() -> re.Pattern[str]:
    """ "MR. McDONOUGH:", "MS. O'NEILL:": an honorific of the lexicon in capitals, then a
    surname in capitals that may open with "Mc"/"Mac"/"De"-like lower-case letters."""
    alt = "|".join(re.escape(h.upper()) for h in sorted(words(LEXICON, "transcript_honorifics")))
    name = r"[A-Z][a-z]{0,2}[A-Z][A-Z'’-]*"
    return re.compile(rf"^[ \t]*((?:{alt})\.? {name}(?: {name}){{0,2}}:)[ \t]*", re.MULTILINE)


def _dash_turns(text: str) -> list[_Turn]:
    """A relayed interview's turns: a question paragraph ending in "?" and the answer
    paragraph after it opening with a dash ("– We will meet again in May."). Two such
    pairs at least: a single dash after a question may be anything."""
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    dashes = words(LEXICON, "answer_dashes")
    turns: list[_Turn] = []
    for (qs, qe), (a_s, a_e) in zip(paras, paras[1:], strict=False):
        line = text[a_s:a_e].lstrip()
        opened = line[:1] in dashes and line[1:2] == " "
        if not opened or not text[qs:qe].rstrip().endswith("?"):
            continue
        lead = a_e - a_s - len(line) + 2  # the blanks, the dash and the blank after it
        turns += [_Turn("Q", qs, qs, qe), _Turn("A", a_s, a_s + lead, a_e)]
    return turns if len(turns) >= 4 else []


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks: each paragraph of an answer is a quote of its own,
    as each paragraph of a quote over paragraphs is."""
    pieces, lo = [], start
    while lo < end:
        hi = text.find("\n", lo, end)
        hi = end if hi < 0 else hi
        pieces.append((lo, hi))
        lo = hi + 1
    return pieces


def _line_end(text: str, pos: int) -> int:
    """Char offset where the line holding ``pos`` ends."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end
