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
from typing import TYPE_CHECKING

from parley.extract.speech.marks import DOUBLE_OPEN, Marked, stripped
from parley.extract.speech.resolver import FAR, Who

if TYPE_CHECKING:
    from parley.extract.base import Context
    from parley.extract.speech.resolver import Resolver

__all__ = ["Interview"]

# "Q:", "A.", "Keller:", "Al Jazeera:" opening a paragraph
_LABEL = re.compile(
    r"^[ \t]*([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}:|[QA]\.(?= ))[ \t]*", re.MULTILINE
)


class Interview:
    """The answers of one document, when it is laid out as an interview, and who gives them."""

    def __init__(self, ctx: Context, res: Resolver) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.res = res
        self.interviewee: Who | None = None
        self.interviewee_conf = FAR
        self.answers = self._find_answers()

    def in_answer(self, char: int) -> bool:
        """Whether character offset ``char`` lies in an answer."""
        return any(start <= char < end for start, end in self.answers)

    def answer_runs(self) -> list[Marked]:
        """The answers as runs of sentences without quote marks, one quote each."""
        found = []
        for start, end in self.answers:
            for run in self._runs(start, end):
                m = stripped(self.ctx.article.text, run[0], run[1], closed=True)
                if m.end > m.start:
                    found.append(m)
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
            if any(c in DOUBLE_OPEN for c in self.ctx.article.text[lo:hi]):
                current = None
            elif current is None:
                current = (lo, hi)
                runs.append(current)
            else:
                current = (current[0], hi)
                runs[-1] = current
        return runs

    def _find_answers(self) -> list[tuple[int, int]]:
        """Character bounds of the answers, when the article is laid out as an interview.

        An interview is paragraphs opening with a speaker label ("Q:", "Keller:"), the same
        labels coming back; the label whose paragraphs end in "?" asks, the others answer.
        """
        text = self.ctx.article.text
        turns = [
            (m.group(1)[:-1], m.end(), _line_end(text, m.end())) for m in _LABEL.finditer(text)
        ]
        counts: dict[str, int] = {}
        for label, _, _ in turns:
            counts[label] = counts.get(label, 0) + 1
        # "Q:"/"A:" mark an interview at once; names must come back to tell a dialogue
        # from a list of statements ("The Kremlin: …", "NATO: …").
        recurring = {label for label, n in counts.items() if n >= 2 or label in ("Q", "A")}
        if len(recurring) < 2 and "A" not in recurring:
            return []
        asks = {
            label for label in counts
            if sum(text[s:e].rstrip().endswith("?") for lb, s, e in turns if lb == label) * 2
            > counts[label]
        }  # fmt: skip
        asks.add("Q")
        answers = [(lb, s, e) for lb, s, e in turns if lb not in asks and lb in recurring]
        if answers:
            self.interviewee, self.interviewee_conf = self._interviewee(answers[0][0])
        return [(s, e) for _, s, e in answers]

    def _interviewee(self, label: str) -> tuple[Who | None, float]:
        """The person a label names ("Keller"), else the first person the article names."""
        if label not in ("A", "Answer"):
            for m in sorted(self.ctx.analysis.mentions, key=lambda m: m.start):
                if m.actor is not None and label in m.text.split():
                    return Who(m.actor, m.text, m.start, m.end, 0.8, "person"), 0.8
            for e in self.doc.ents:
                if e.label_ == "PERSON" and label in e.text.split():
                    return Who(None, e.text, e.start_char, e.end_char, 0.8, "person"), 0.8
        for m in sorted(self.ctx.analysis.mentions, key=lambda m: m.start):
            if m.actor is not None and self.res.kind(m.actor) == "person":
                return Who(m.actor, m.text, m.start, m.end, FAR, "person"), FAR
        people = [e for e in self.doc.ents if e.label_ == "PERSON"]
        if people:
            e = people[0]
            return Who(None, e.text, e.start_char, e.end_char, FAR, "person"), FAR
        return None, FAR


def _line_end(text: str, pos: int) -> int:
    """Char offset where the line holding ``pos`` ends."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end
