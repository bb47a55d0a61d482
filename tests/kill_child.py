"""A child process for the kill -9 tests: ``python kill_child.py URL CORPUS ANALYSES KILL_AT``.

It runs a real batch ingest of CORPUS into the database at URL (creating or migrating it first),
with the real normaliser and store but the analyses replayed from the pickle ANALYSES (so no
spaCy model is loaded and each child starts in about a second). With KILL_AT > 0 it sends itself
SIGKILL just before its KILL_AT-th SQL statement: a kill -9 at an exact, reproducible point,
during database creation, a migration, a save or the refresh of resolved records. It prints the
number of statements it ran before the store was open and in all.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from parley import batch
from parley.kb import load_kb
from parley.models import Analysis, Article, RawDocument
from parley.normalize import normalize
from parley.settings import Settings
from parley.store import open_store


class Replay:
    """An analyser that returns analyses computed beforehand by the real pipeline."""

    def __init__(self, analyses: dict[str, Analysis]) -> None:
        self.settings = Settings()
        self.kb = load_kb()
        self.analyses = analyses

    def normalize(self, raw: RawDocument) -> Article:
        return normalize(raw, self.kb)

    def analyze(self, article: Article) -> Analysis:
        return self.analyses[article.id]

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
        return (self.analyze(a) for a in articles)


def main(url: str, corpus: str, analyses: str, kill_at: int) -> None:
    count = 0

    def before(*_args: Any) -> None:
        nonlocal count
        count += 1
        if count == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    sa.event.listen(sa.Engine, "before_cursor_execute", before)
    replay = Replay(pickle.loads(Path(analyses).read_bytes()))
    with open_store(url) as store:
        opened = count
        batch.ingest([Path(corpus)], store, replay, progress=False)
    print(opened, count)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
