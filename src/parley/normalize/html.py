"""HTML input: the main text and metadata of a web page, via trafilatura (no network).

Readers hand HTML over untouched (``RawDocument.html``); extraction happens here, inside
normalisation, so that a page fetched later or read from a JSONL line goes through the same
steps as a file on disk.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from parley import knowledge
from parley.errors import EmptyInput, InputError

__all__ = ["HtmlContent", "extract_html"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HtmlContent:
    """What a web page says: its main text and the metadata trafilatura found."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_at: dt.date | None = None


def extract_html(html: str, url: str | None = None) -> HtmlContent:
    """Extract the article text and metadata from ``html``; comments and boilerplate dropped.

    Raises:
        InputError: the page cannot be parsed.
        EmptyInput: the page holds no article text.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError, AttributeError) as e:  # lxml's complaints about odd input
        raise InputError(f"cannot parse the HTML ({e}); is it a web page?") from e
    data: dict[str, Any] = {}
    if isinstance(doc, dict):
        data = doc
    elif doc is not None:
        data = doc.as_dict()
    text = (data.get("text") or "").strip() or _deep_text(html)
    if not text:
        raise EmptyInput(
            "no article text found in the HTML: the page may be empty, a script-only shell or "
            "an index page; save the article page itself or give its text"
        )
    return HtmlContent(
        text=text,
        title=data.get("title") or None,
        outlet=data.get("sitename") or None,
        url=data.get("url") or None,
        published_at=_date(data.get("date")),
    )


#: Nesting depth from which lxml (libxml2) stops building the tree and loses the text.
DEEP_NESTING = 200
_MARKUP = "lexicon/markup.json"


class _TextAndDepth(HTMLParser):
    """Text outside scripts and styles, and how deeply the markup nests (no tree is built,
    so any depth is fine)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = self.deepest = self.silent = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in knowledge.words(_MARKUP, "void_tags"):
            return
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        self.silent += tag in knowledge.words(_MARKUP, "silent_tags")

    def handle_endtag(self, tag: str) -> None:
        if tag in knowledge.words(_MARKUP, "void_tags"):
            return
        self.depth = max(0, self.depth - 1)
        self.silent = max(0, self.silent - (tag in knowledge.words(_MARKUP, "silent_tags")))

    def handle_data(self, data: str) -> None:
        if not self.silent:
            self.parts.append(data)


def _deep_text(html: str) -> str:
    """The text of a page nested too deeply for lxml ("" for any other page, so that index
    pages and script shells are still refused)."""
    parser = _TextAndDepth()
    parser.feed(html)
    parser.close()
    if parser.deepest < DEEP_NESTING:
        return ""
    log.info("markup nested %d deep: text taken without the tree", parser.deepest)
    lines = (" ".join(part.split()) for part in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        log.debug("ignoring unreadable page date %r", value)
        return None
