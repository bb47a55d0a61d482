"""Scoring Parley's extraction against a person's gold annotation, by meaning.

``run_eval(gold_path, pipeline)`` analyses each document of a ``parley-gold/1`` file and returns
an :class:`EvalReport` (per kind TP/FP/FN, precision, recall, F1; per document; the misses and
spurious records a person should look at). ``render_report`` turns it into rich tables,
``EvalReport.to_json()`` into data, and :mod:`parley.eval.gate` checks it against pinned floors.
"""

from __future__ import annotations

from parley.eval.gate import FLOORS, check_floors, floors_for
from parley.eval.gold import GoldFile, load_gold
from parley.eval.matching import Score, match_items
from parley.eval.render import render_report
from parley.eval.report import DocReport, EvalReport
from parley.eval.run import KINDS, evaluate, run_eval
from parley.eval.stories import score_story_pairs

__all__ = [
    "KINDS",
    "FLOORS",
    "DocReport",
    "EvalReport",
    "GoldFile",
    "Score",
    "check_floors",
    "evaluate",
    "floors_for",
    "load_gold",
    "match_items",
    "render_report",
    "run_eval",
    "score_story_pairs",
]
