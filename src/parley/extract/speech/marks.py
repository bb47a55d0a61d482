"""Quoted stretches of raw text: where quote marks open and close.

This step knows nothing of the parse: it reads characters, so that a quote's ``start``/``end``
are exactly those of the words between the marks (``text == article.text[start:end]``, markup
and control characters kept). Straight ``"…"`` and curly ``“…”`` marks; a quote running over
paragraphs (a paragraph that opens a quote without closing it, continued by a paragraph
starting with an opening mark — the news convention); single ``'…'``/``‘…’`` marks outside
double quotes (single marks inside double quotes are part of the outer quote, or a quote the
outer speaker reports). The token helpers at the end step over marks in the parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parley import knowledge
from parley.extract.speech.cues import LEXICON
from parley.knowledge import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.models import Quote

__all__ = [
    "DOUBLE_OPEN", "Marked", "find_marked", "find_single", "inside", "next_word",
    "per_paragraph", "previous_word", "stripped",
]  # fmt: skip

DOUBLE_OPEN = '"“„«'
_DOUBLE_CLOSE = {'"': '"', "“": "”", "„": "“”", "«": "»"}
_SINGLE_OPEN = "'‘"
_SINGLE_CLOSE = "'’"
_MAX_SINGLE = 300
# a paragraph break inside a quote and the mark that reopens the quote after it
_BACKTICKS = "``"
_APOSTROPHES = "''"  # two apostrophes: the double mark of older typed copy
# Where a scan can change state: the characters the loops below test, found by one regex
# search instead of a Python step per character (an article is mostly plain words).
# what may open a quote, or close one whose opening mark was dropped (a curly closing mark)
_OPENER = re.compile("``|''|[" + re.escape(DOUBLE_OPEN + "”") + "]")
_CLOSER = {
    closers: re.compile("[" + re.escape(closers) + "\n]") for closers in _DOUBLE_CLOSE.values()
}
_CLOSER[_BACKTICKS] = re.compile("''|``|\n")
_SINGLE_OPENER = re.compile("[" + re.escape(_SINGLE_OPEN) + "]")
_REOPEN = re.compile(r"\s*\n\s*[\"“„«]?")


@dataclass(frozen=True)
class Marked:
    """Words between quote marks: ``[start, end)`` excludes the marks."""

    start: int
    end: int
    single: bool = False
    closed: bool = True


def find_marked(text: str) -> list[Marked]:
    """Every stretch of ``text`` between quote marks, in order; see the module docstring.

    The quotes and the attributions extractors both ask for one article's marks in turn; the
    character scan is kept for the last text asked (one entry, so memory stays flat)."""
    memo = _last_marked()
    found = memo.get(text)
    if found is None:
        found = tuple(_scan_marked(text))
        memo.clear()
        memo[text] = found
    return list(found)


@knowledge.derived
def _last_marked() -> dict[str, tuple[Marked, ...]]:
    """The marks of the last text scanned; emptied when the knowledge files change."""
    return {}


def _scan_marked(text: str) -> list[Marked]:
    doubles = list(_find_double(text))
    singles = [s for s in find_single(text) if not any(inside(s, d) for d in doubles)]
    return sorted(doubles + singles, key=lambda m: m.start)


def inside(inner: Marked, outer: Marked) -> bool:
    """Whether ``inner`` lies within ``outer``."""
    return outer.start <= inner.start and inner.end <= outer.end


def _find_double(text: str) -> Iterator[Marked]:
    """Stretches between double marks; an unclosed quote goes on into a paragraph that
    opens with a mark (the news convention) or that closes it before opening another (a
    paragraph inside a quote whose writer did not reopen it), else ends at the paragraph."""
    opened: int | None = None
    closers = ""
    pos = 0
    while pos < len(text):
        # skip to the next character that can open, close or break the quote
        step = (_OPENER if opened is None else _CLOSER[closers]).search(text, pos)
        if step is None:
            break
        pos = step.start()
        c = text[pos]
        if opened is None and text.startswith(_BACKTICKS, pos):
            opened, closers = pos + 2, _BACKTICKS  # ``TeX-style marks'' of older copy
            pos += 1
        elif opened is None and _doubled_apostrophes_open(text, pos):
            opened, closers = pos + 2, _BACKTICKS  # ''archive typing'': closed like ``…''
            pos += 1
        elif opened is None and text.startswith(_APOSTROPHES, pos):
            pos += 1  # two apostrophes that open nothing (inside or after a word)
        elif opened is None and _dropped_opening(text, pos):
            yield stripped(text, _dropped_start(text, pos), pos, closed=True)
        elif opened is None and c in DOUBLE_OPEN:
            opened, closers = pos + 1, _DOUBLE_CLOSE[c]
        elif opened is not None and _closing(text, pos, closers):
            yield stripped(text, opened, pos, closed=True)
            pos += 1 if closers == _BACKTICKS else 0
            opened = None
        elif opened is not None and c == "\n":
            nxt = _next_line_start(text, pos)
            if nxt < len(text) and text[nxt] in DOUBLE_OPEN:
                pos = nxt  # the quote goes on in the next paragraph; skip its reopening mark
            elif closers != _BACKTICKS and _goes_on(text, nxt, closers):
                pos = nxt - 1  # '"…\n\n… others," she said': one quote over the break
            else:
                yield stripped(text, opened, _partial_end(text, opened, pos), closed=False)
                opened = None
        pos += 1
    if opened is not None:
        yield stripped(text, opened, _partial_end(text, opened, len(text)), closed=False)


# a sentence's end inside a paragraph: a full stop, then a space and a capital
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z])")


def _partial_end(text: str, opened: int, end: int) -> int:
    """Where a quote the writer never closed ends.

    A quote opened inside the reporter's sentence on a lower-case word ('said it appeared
    "as though the hostages …') quotes part of that sentence; when the mark is never closed,
    the quote ends with the sentence, not with the paragraph: the next sentence ("State
    Department spokesman X said …") is the writer's again. A quote opening on a capital may
    run over several sentences of the speaker's, as far as the paragraph."""
    if not text[opened : opened + 1].islower():
        return end
    found = _SENTENCE_END.search(text, opened, end)
    return found.end() if found is not None else end


def _doubled_apostrophes_open(text: str, pos: int) -> bool:
    """Whether two apostrophes at ``pos`` open a quotation, as archives typed them.

    Older copy typed a double mark as two apostrophes (''I believe …''). They open a quote
    only where a mark can open one (after a blank, a bracket, a colon or the start of the
    text) and before a word; two inside or after a word, and a lone apostrophe, open nothing."""
    if not text.startswith(_APOSTROPHES, pos) or text.startswith(_APOSTROPHES + "'", pos):
        return False
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 2] if pos + 2 < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and (after.isalnum() or after in "$£€…")


def _dropped_opening(text: str, pos: int) -> bool:
    """Whether a straight mark with no quote open closes one whose opening mark was dropped.

    'It is our duty …," the spokeswoman said. "Usually …," she told reporters': a mark
    right after the punctuation that ends a quotation and before a blank can only close.
    Pairing it as an opener would flip every later pair (the tags would become the quotes);
    reading it as a closer puts the marks back in step. A curly closing mark with no quote
    open ('… confrontation,” the ministry said') can only close one.
    """
    if text[pos] not in '"”' or pos == 0 or text[pos - 1] not in ",.?!":
        return False
    return pos + 1 >= len(text) or text[pos + 1].isspace()


def _dropped_start(text: str, pos: int) -> int:
    """Where a quotation closed at ``pos`` without an opening mark began: at the start of
    its sentence, after the last mark or sentence end in its paragraph (a reader takes the
    quotation to start where the reporter's own sentence before it ended)."""
    start = text.rfind("\n", 0, pos) + 1
    marks = [start] + [i + 1 for i in range(start, pos) if text[i] in DOUBLE_OPEN + "”»"]
    start = marks[-1]
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, pos)]
    return ends[-1] if ends else start


_SENTENCE_END = re.compile(r"[.?!]\s+(?=[A-Z])")  # a sentence ends, the next begins


def _closing(text: str, pos: int, closers: str) -> bool:
    """Whether the quote opened with ``closers``' partner closes at ``pos``."""
    if closers == _BACKTICKS:
        return text.startswith(("''", _BACKTICKS), pos)
    return text[pos] in closers


def _goes_on(text: str, start: int, closers: str) -> bool:
    """Whether an open quote goes on in the paragraph at ``start`` though it is not reopened.

    It does when that paragraph closes it before opening another, or when it speaks in the
    first person with no mark at all and a later paragraph reopens or closes the quote (copy
    that dropped one reopening mark): "…\n\nWe are grateful to our allies.\n\n“Under …”".
    """
    if _closes_first(text, start, closers):
        return True
    line = text[start : _line_end(text, start)]
    if any(c in closers or c in DOUBLE_OPEN for c in line) or not _first_person(line):
        return False
    nxt = _next_line_start(text, _line_end(text, start))
    return nxt < len(text) and (text[nxt] in DOUBLE_OPEN or _closes_first(text, nxt, closers))


def _first_person(line: str) -> bool:
    """Whether a paragraph speaks in the first person ("we", "our", "I")."""
    found = {w.strip(".,;:!?()").lower() for w in line.split()}
    return bool(found & words(LEXICON, "first_person_words"))


def _closes_first(text: str, start: int, closers: str) -> bool:
    """Whether the paragraph from ``start`` closes an open quote before opening any.

    A straight mark closes when it follows a word or punctuation and is not followed by a
    word ('… others," she said'); one before a word opens a quote ('she said "yes"').
    """
    end = _line_end(text, start)
    for pos in range(start, end):
        c = text[pos]
        if c not in closers and c not in DOUBLE_OPEN:
            continue
        before = text[pos - 1] if pos > start else " "
        after = text[pos + 1] if pos + 1 < end else " "
        if c in closers and not before.isspace() and not after.isalnum():
            return True
        return False
    return False


def _line_end(text: str, pos: int) -> int:
    """Char offset where the line holding ``pos`` ends."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _next_line_start(text: str, newline: int) -> int:
    """Char offset of the first non-blank character after the line break at ``newline``."""
    pos = newline
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def stripped(text: str, start: int, end: int, closed: bool, single: bool = False) -> Marked:
    """The stretch ``[start, end)`` without the blanks and sentence punctuation around it."""
    # '"ours," he said': the comma belongs to the sentence around the quote, not to the quote;
    # so does the full stop after a partial quote ('is "very close."'), one starting lower case.
    while start < end and text[start] in " \t\r\n":
        start += 1
    partial = start < end and text[start].islower()
    while end > start and (text[end - 1] in " \t\r\n,;:" or (partial and text[end - 1] == ".")):
        end -= 1
    return Marked(start, end, single=single, closed=closed)


def find_single(text: str) -> Iterator[Marked]:
    """Stretches between single marks ('…', ‘…’) that open a word and close within a line."""
    pos = 0
    while pos < len(text):
        step = _SINGLE_OPENER.search(text, pos)  # the next single mark; nothing else opens
        if step is None:
            break
        pos = step.start()
        if _opens_single(text, pos):
            close = _single_close(text, pos + 1)
            if close is not None:
                yield stripped(text, pos + 1, close, closed=True, single=True)
                pos = close
        pos += 1


def _opens_single(text: str, pos: int) -> bool:
    """Whether the single mark at ``pos`` opens a quote rather than being an apostrophe."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    # An apostrophe sits inside a word ("Russia's") or after one; an opening mark starts a word.
    return (before.isspace() or before in '([{—–-"“') and after.isalnum()


def _single_close(text: str, start: int) -> int | None:
    """Where the single quote opened before ``start`` closes on its line, if it does."""
    for pos in range(start, min(len(text), start + _MAX_SINGLE)):
        c = text[pos]
        if c == "\n":
            return None
        if c in _SINGLE_CLOSE and pos > start and not text[pos - 1].isspace():
            after = text[pos + 1] if pos + 1 < len(text) else " "
            if not after.isalnum():
                return pos
    return None


def per_paragraph(text: str, quote: Quote) -> list[Quote]:
    """A quote running over paragraphs as one quote per paragraph, all by its speaker.

    Each paragraph is a unit a reader cites on its own; the speaker, named once at the end
    ('…," Arancibia said.'), speaks all of them.
    """
    at = quote.start
    breaks = [(at + b.start(), at + b.end()) for b in _REOPEN.finditer(quote.text)]
    if not breaks:
        return [quote]
    pieces, start = [], quote.start
    for end, reopened in [*breaks, (quote.end, quote.end)]:
        m = stripped(text, start, end, closed=True)
        if m.end > m.start:
            pieces.append(quote.model_copy(
                update=dict(start=m.start, end=m.end, text=text[m.start : m.end])
            ))  # fmt: skip
        start = reopened
    return pieces


def previous_word(doc: Doc, i: int) -> Token | None:
    """The token before token ``i``, stepping over blanks and opening marks."""
    j = i - 1
    openers = DOUBLE_OPEN + _SINGLE_OPEN + "`"
    while j >= 0 and (doc[j].is_space or all(c in openers for c in doc[j].text)):
        j -= 1
    return doc[j] if j >= 0 else None


def next_word(doc: Doc, i: int) -> Token | None:
    """The token from token ``i`` on, stepping over blanks, closing marks, "," and ";"."""
    j = i
    closers = "".join(_DOUBLE_CLOSE.values()) + _SINGLE_CLOSE + "`,;"
    while j < len(doc) and (doc[j].is_space or all(c in closers for c in doc[j].text)):
        j += 1
    return doc[j] if j < len(doc) else None
