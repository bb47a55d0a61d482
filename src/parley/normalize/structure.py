"""Step 2 of normalisation: the layout of plain text — headline, subheadline, section headings.

A paragraph is a line. When no title came with the document, a short first line without a final
full stop is the headline and a short line right after it the subheadline; both are metadata and
leave the text. A full stop before closing quotation marks or brackets is still a final full stop:
a one-sentence lede ending in a quotation ('… said guards "beat prisoners."') is a sentence of the
body, whose quotes and claims are kept, not a headline. A title that did come with it is removed
from the top of the text when repeated there. Section headings are short lines standing between
finished paragraphs; they stay in the text, as their own paragraph, and are listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.kb import alias_key

__all__ = ["Front", "read_front", "find_headings"]

MAX_HEADLINE_WORDS = 25
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 100

_LINE = re.compile(r"[^\n]+")
_FINISHED = re.compile(r"[.!?…][\"”’)\]]*$")
_HEADING_END = re.compile(r"[\w)]$")
_SENTENCE_END = re.compile(r"[.,;:][\"”’'»)\]]*$")
_OPENS = re.compile(r"[\"“‘'(\[]?[A-Z0-9]")


@dataclass(frozen=True)
class Front:
    """Headline and subheadline (from the text or as given) and where the body starts."""

    title: str | None
    subtitle: str | None
    body_start: int


def read_front(text: str, title: str | None, subtitle: str | None) -> Front:
    """Find the headline and subheadline at the top of ``text`` (see the module docstring)."""
    lines = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(text)]
    used = 0
    if title is None and len(lines) > 1 and _is_headline(lines[0][2]):
        title, used = lines[0][2], 1
    elif title is not None and len(lines) > 1 and _same(lines[0][2], title):
        used = 1
    if used and len(lines) > used + 1:
        line = lines[used][2]
        if subtitle is not None and _same(line, subtitle):
            used += 1
        elif subtitle is None and len(lines) > used + 1 and _is_headline(line):
            subtitle, used = line, used + 1
    start = lines[used][0] if used < len(lines) else len(text)
    return Front(title=title, subtitle=subtitle, body_start=start if used else 0)


def find_headings(text: str) -> list[str]:
    """Lines of ``text`` that are section headings, in order."""
    lines = _LINE.findall(text)
    return [
        line
        for i, line in enumerate(lines)
        if 0 < i < len(lines) - 1
        and _is_heading(line)
        and _FINISHED.search(lines[i - 1])
        and _OPENS.match(lines[i + 1])
    ]


def _is_headline(line: str) -> bool:
    return (
        len(line.split()) <= MAX_HEADLINE_WORDS
        and not _SENTENCE_END.search(line)
        and bool(_OPENS.match(line))
    )


def _is_heading(line: str) -> bool:
    return (
        len(line) <= MAX_HEADING_CHARS
        and len(line.split()) <= MAX_HEADING_WORDS
        and bool(_HEADING_END.search(line))
        and bool(_OPENS.match(line))
    )


def _same(line: str, title: str) -> bool:
    return alias_key(line) == alias_key(title) != ""
