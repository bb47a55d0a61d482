"""CPU milliseconds per article of each extractor (and the headline pass), in process.

    PYTHONPATH=src python bench/extractor_costs.py CORPUS.jsonl [--n 200] [--passes 3]
    PYTHONPATH=src python bench/extractor_costs.py CORPUS.jsonl --digest out.jsonl

The articles are parsed once; then each pass runs every extractor on every parsed document
(a fresh analysis each time, the per-document memos in ``Doc.user_data`` cleared between
passes) and times each with ``time.process_time`` (CPU: what a loaded machine disturbs
least). Each row prints every pass and their minimum. Run it alternately on two source trees
(``PYTHONPATH``) to compare them in one sitting. ``--digest`` instead writes one analysis
JSON line per article and prints their SHA-256: two trees whose digests agree gave the same
records to the byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", type=Path, help="a JSONL corpus (parley's reader)")
    parser.add_argument("--n", type=int, default=200, help="articles (default 200)")
    parser.add_argument("--passes", type=int, default=3, help="timed passes (default 3)")
    parser.add_argument("--digest", type=Path, help="write the analyses here, print a digest")
    args = parser.parse_args(argv)

    import parley
    from parley.ingest.files import read_sources
    from parley.models import RawDocument
    from parley.pipeline import Pipeline
    from parley.settings import load_settings

    print(f"parley from {Path(parley.__file__).parent}", file=sys.stderr)
    pipe = Pipeline(load_settings())
    raws = [r for r in read_sources([args.corpus]) if isinstance(r, RawDocument)][: args.n]
    run = _Run(pipe, [pipe.normalize(r) for r in raws])
    if args.digest is not None:
        lines = [json.dumps(a.to_json(), sort_keys=True, ensure_ascii=False) for a in run.once()]
        args.digest.write_text("\n".join(lines) + "\n")
        print(hashlib.sha256("\n".join(lines).encode()).hexdigest())
        return 0
    run.once()  # warm: caches of the knowledge, lazily built patterns
    passes = [run.timed() for _ in range(args.passes)]
    for key in passes[0]:
        ms = [p[key] * 1000 / len(run.articles) for p in passes]
        print(f"{key:28s} " + " ".join(f"{v:6.2f}" for v in ms) + f"   min {min(ms):6.2f}")
    totals = [sum(p.values()) * 1000 / len(run.articles) for p in passes]
    print(f"{'total':28s} " + " ".join(f"{v:6.2f}" for v in totals) + f"   min {min(totals):6.2f}")
    return 0


class _Run:
    """The parsed articles and their headlines, and passes of the extractors over them."""

    def __init__(self, pipe: Any, articles: list[Any]) -> None:
        self.pipe, self.articles = pipe, articles
        self.docs = list(pipe.nlp.pipe([a.text for a in articles], batch_size=16))
        heads = [pipe._headline_text(a) for a in articles]
        self.heads = [pipe.nlp(h) if h else None for h in heads]
        self.parsed = [(d, set(d.user_data)) for d in [*self.docs, *self.heads] if d is not None]

    def _clear(self) -> None:
        """Forget what extractors left in the documents' ``user_data`` (keep the parse's)."""
        for doc, keys in self.parsed:
            for key in [k for k in doc.user_data if k not in keys]:
                del doc.user_data[key]

    def once(self, costs: dict[str, float] | None = None) -> list[Any]:
        from parley.extract.base import Context, isolated
        from parley.models import Analysis

        self._clear()
        out = []
        for article, doc, head in zip(self.articles, self.docs, self.heads, strict=True):
            ctx = Context(
                article=article, doc=doc, kb=self.pipe.kb, analysis=Analysis(article=article)
            )
            for ex in self.pipe.extractors:
                start = time.process_time()
                isolated(ctx, ex.name, partial(ex, ctx))
                if costs is not None:
                    costs[ex.name] = costs.get(ex.name, 0.0) + time.process_time() - start
            start = time.process_time()
            out.append(self.pipe._headline(ctx.analysis, head))
            if costs is not None:
                costs["headline"] = costs.get("headline", 0.0) + time.process_time() - start
        return out

    def timed(self) -> dict[str, float]:
        costs: dict[str, float] = {}
        self.once(costs)
        return costs


if __name__ == "__main__":
    raise SystemExit(main())
