"""``RawDocument -> Article``: the normalisation cascade, in order, top to bottom.

0. HTML → main text and metadata (trafilatura), when the document is a web page;
1. Unicode and whitespace (:mod:`.clean`);
2. headline, subheadline (:mod:`.structure`);
3. glued names split (:mod:`.glue`);
4. section headings, dateline (:mod:`.structure`, :mod:`.dateline`);
5. language (:mod:`.language`);
6. the content id.

Pure: no I/O. The only state is what is derived once from the knowledge base (the trusted names)
and the lazily built language detector.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence

from parley.errors import EmptyInput
from parley.kb import KnowledgeBase
from parley.models import Article, RawDocument, Repair
from parley.normalize.clean import clean_text
from parley.normalize.dateline import read_dateline
from parley.normalize.glue import repair_glue
from parley.normalize.html import extract_html
from parley.normalize.language import LanguageGuard
from parley.normalize.names import NameIndex, build_names
from parley.normalize.structure import find_headings, read_front
from parley.normalize.tracked import Tracked

__all__ = ["Normalizer", "normalize", "article_id"]

log = logging.getLogger(__name__)

_CACHE_ATTR = "_parley_normalizer"


class Normalizer:
    """Normalises raw documents against one knowledge base; build once, call per document."""

    def __init__(self, kb: KnowledgeBase, use_geonames: bool = True) -> None:
        self.kb = kb
        self.names: NameIndex = build_names(kb, use_geonames=use_geonames)
        self.languages = LanguageGuard()
        self._kb_index = kb.index

    def is_current(self) -> bool:
        """Whether the knowledge base is unchanged since the names were collected."""
        return self.kb.index is self._kb_index

    def __call__(self, raw: RawDocument, languages: Sequence[str] = ("en",)) -> Article:
        """Normalise one document.

        Raises:
            EmptyInput: nothing is left after cleaning.
            UnsupportedLanguage: the text is clearly in a language not in ``languages``.
            InputError: HTML that cannot be read.
        """
        raw = _with_html_content(raw)
        cleaned = clean_text(Tracked.of(raw.text or ""))
        front = read_front(cleaned.text, raw.title, raw.subtitle)
        body = cleaned.cut(front.body_start, len(cleaned.text))
        if not body.text:
            raise EmptyInput(f"{raw.source}: no text left after cleaning; the input is empty")
        if not any(c.isalnum() for c in body.text):
            raise EmptyInput(
                f"{raw.source}: no words, only punctuation and symbols; give the article text"
            )
        language = self.languages.check(body.text, languages)
        body, repairs = repair_glue(body, self.names)
        return self._article(raw, body.text, front.title, front.subtitle, repairs, language)

    def _article(
        self,
        raw: RawDocument,
        text: str,
        title: str | None,
        subtitle: str | None,
        repairs: list[Repair],
        language: str | None,
    ) -> Article:
        dateline = read_dateline(text, self.names, self.kb)
        outlet = raw.outlet or (self._outlet(dateline.credit) if dateline else None)
        return Article(
            id=article_id(text, raw.url),
            text=text,
            title=title,
            subtitle=subtitle,
            dateline=dateline.place if dateline else None,
            section_headings=find_headings(text),
            outlet=outlet,
            url=raw.url,
            source=raw.source,
            published_at=raw.published_at,
            language=language,
            fetched_at=raw.fetched_at,
            repairs=repairs,
        )

    def _outlet(self, credit: str | None) -> str | None:
        """The outlet a dateline credits, by its KB name when known ("AP" → its full name)."""
        if credit is None:
            return None
        if credit in self.names.outlets:
            return self.names.outlets[credit]
        known = [a for a in self.kb.lookup(credit) if a.kind == "media outlet"]
        return known[0].name if known else credit


def article_id(text: str, url: str | None) -> str:
    """The stable content id: ``sha256:`` + 16 hex of the normalised text and the URL."""
    digest = hashlib.sha256(f"{text}\n{url or ''}".encode()).hexdigest()
    return f"sha256:{digest[:16]}"


def normalize(raw: RawDocument, kb: KnowledgeBase, languages: Sequence[str] = ("en",)) -> Article:
    """Normalise ``raw`` with the :class:`Normalizer` kept on ``kb`` (built on first use).

    See :meth:`Normalizer.__call__` for what is raised.
    """
    return normalizer_for(kb)(raw, languages)


def normalizer_for(kb: KnowledgeBase) -> Normalizer:
    """The normaliser cached on ``kb`` itself, rebuilt when the KB has changed since."""
    cached = vars(kb).get(_CACHE_ATTR)
    if isinstance(cached, Normalizer) and cached.is_current():
        return cached
    fresh = Normalizer(kb)
    vars(kb)[_CACHE_ATTR] = fresh
    return fresh


def _with_html_content(raw: RawDocument) -> RawDocument:
    """``raw`` with its text taken from its HTML; given metadata wins over the page's."""
    if raw.text is not None or raw.html is None:
        return raw
    page = extract_html(raw.html, raw.url)
    return raw.model_copy(
        update={  # not a word list: field names
            "text": page.text,
            "title": raw.title or page.title,
            "outlet": raw.outlet or page.outlet,
            "url": raw.url or page.url,
            "published_at": raw.published_at or page.published_at,
        }
    )
