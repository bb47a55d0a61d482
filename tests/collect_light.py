"""A light analyser for the watcher tests, and a watcher process they can kill.

The watcher's job is fetching, state and bookkeeping; what it does with an article is the
pipeline's. To keep the 300-item tests at a few seconds this analyser normalises for real
(HTML extraction, cleaning, language, the content id) but stops before spaCy: the analysis is
the article alone.

Run as a script (``python collect_light.py DB CONFIG``) it performs one watch cycle, as
``parley watch --once`` does, so a test can ``kill -9`` it mid-cycle.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from parley.models import Analysis, Article, RawDocument
from parley.settings import Settings


class LightAnalyzer:
    def __init__(self, settings: Settings | None = None) -> None:
        from parley.kb import load_kb

        self.settings = settings or Settings()
        self.kb = load_kb(self.settings.actor_files)
        self.analysed: list[str] = []

    def normalize(self, raw: RawDocument) -> Article:
        from parley.normalize import normalize

        return normalize(raw, self.kb, languages=self.settings.languages)

    def analyze(self, article: Article) -> Analysis:
        self.analysed.append(article.id)
        return Analysis(article=article)

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
        return (self.analyze(a) for a in articles)


def main(db: str, config: str) -> None:
    from parley.collect.watch import watch_once
    from parley.settings import load_settings
    from parley.store import open_store

    settings = load_settings(Path(config), db=db)
    with open_store(settings.db_url) as store:
        print(watch_once(store, LightAnalyzer(settings), settings.collect), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
