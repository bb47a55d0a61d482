"""Claims set out as a list: "The report claims:" and then one item per line.

Reports and statements often end a sentence of saying with a colon and give their points as a
list, each item a line of its own ("- guards beat detainees;", "2. Families were not told.").
The verb then has no complement in the parse, and a reader takes each item as one claim of the
same source. Only a real list counts: the colon ends the verb's sentence, nothing after the
verb reports anything else, and at least two lines follow that are marked as items (a bullet, a
dash, a number or a letter) or, unmarked, all but the last end in a semicolon.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.speech.cues import LEXICON
from parley.knowledge import words
from parley.nlp.docs import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["listed_items"]

# "- ", "• ", "1. ", "2) ", "(a) ", "b) " opening a line
_MARKER = re.compile(
    r"^[ \t]*(?:[-\u2013\u2014\u2022\u00b7\u25aa*]|\(?[0-9]{1,2}[.)]|\(?[a-h]\))[ \t]+",
    re.MULTILINE,
)
_LINE = re.compile(r"[^\n]+")
_MIN_ITEMS = 2


@knowledge.derived
def _joins() -> str:
    """The lexicon's words closing a list item ("; and"), as a regular-expression group."""
    return "|".join(re.escape(w) for w in sorted(words(LEXICON, "list_item_joins")))


@knowledge.derived
def _tail() -> re.Pattern[str]:
    """An item's closing punctuation and join ("; and", ",", ".")."""
    return re.compile(rf"(?:[;,.]|[;,]?\s+(?:{_joins()}))\s*$")


@knowledge.derived
def _goes_on() -> re.Pattern[str]:
    """The close of an unmarked item after which the list goes on ("…;", "…; and")."""
    return re.compile(rf";(?:\s+(?:{_joins()}))?\s*$")


def listed_items(doc: Doc, verb: Token) -> list[tuple[int, int]]:
    """Token bounds of the items a verb of saying sets out after a colon ending its line,
    one per item, without the item's marker and closing punctuation; empty when the verb
    introduces no list."""
    colon = _closing_colon(verb)
    if colon is None:
        return []
    text = doc_text(doc)
    items = _item_lines(text, colon.idx + 1)
    found = []
    for start, end in items:
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None and len(span):
            found.append((span.start, span.end))
    return found if len(found) >= _MIN_ITEMS else []


def _closing_colon(verb: Token) -> Token | None:
    """The colon that ends the verb's line when everything between is the verb's own
    (its adverbs and phrases: "claims, among other things:"), and the verb reports nothing
    else there (no clause or object)."""
    sent = verb.sent
    tail = [t for t in sent if t.i > verb.i and not t.is_space]
    if not tail or tail[-1].text != ":":
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None
    subtree = {t.i for t in verb.subtree}
    if any(t.i not in subtree for t in tail[:-1]):
        return None
    after = doc_text(verb.doc)[tail[-1].idx + 1 : tail[-1].idx + 3]
    return tail[-1] if after.startswith("\n") or after.strip() == "" else None


def _item_lines(text: str, start: int) -> list[tuple[int, int]]:
    """Character bounds of the items in the lines after ``start``: marked lines, or else
    lines of which all but the last end in a semicolon; stops at the first line that is not
    an item."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text, start) if m.group().strip()]
    marked = []
    for lo, hi in lines:
        m = _MARKER.match(text, lo, hi)
        if m is None:
            break
        marked.append((m.end(), hi))
    if len(marked) >= _MIN_ITEMS:
        return [_trimmed(text, lo, hi) for lo, hi in marked]
    plain = []
    for lo, hi in lines:
        plain.append((lo, hi))
        if _goes_on().search(text, lo, hi) is None:
            break
    if len(plain) < _MIN_ITEMS or not _a_sentence_end(text[slice(*plain[-1])]):
        return []
    return [_trimmed(text, lo, hi) for lo, hi in plain]


def _a_sentence_end(line: str) -> bool:
    """Whether the last item of an unmarked list closes it with a full stop."""
    return line.rstrip().endswith(".")


def _trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    """``[lo, hi)`` without blanks and the item's closing "; and", ",", "." ."""
    piece = text[lo:hi]
    while True:
        cut = _tail().search(piece)
        if cut is None or cut.start() == 0:
            break
        piece = piece[: cut.start()]
    piece = piece.rstrip()
    lead = len(piece) - len(piece.lstrip())
    return lo + lead, lo + len(piece)
