"""``run_eval(gold, pipeline) -> EvalReport``: analyse each gold document, then score it.

:func:`evaluate` does the scoring alone, on analyses made elsewhere, so it can be tested with
hand-built :class:`~parley.models.Analysis` objects and no spaCy model.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from parley.errors import ConfigError, GoldFormatError
from parley.eval.countries import score_countries
from parley.eval.events import score_events
from parley.eval.gold import (
    GoldActor,
    GoldAgreement,
    GoldDocument,
    GoldFile,
    GoldTrack,
    document_text,
    load_gold,
)
from parley.eval.names import NameResolver
from parley.eval.negotiation import (
    found_agreements,
    found_rounds,
    found_tracks,
    score_agreement_statuses,
    score_agreements,
    score_issues,
    score_positions,
    score_rounds,
    score_tracks,
)
from parley.eval.records import (
    score_actors,
    score_attributions,
    score_dates,
    score_metadata,
    score_places,
    score_quotes,
    score_repairs,
)
from parley.eval.report import DocReport, EvalReport
from parley.eval.stories import found_clusters, score_story_pairs
from parley.ingest.files import read_file
from parley.kb import KnowledgeBase
from parley.models import Analysis, RawDocument, Story
from parley.resolve import merge_agreements, merge_tracks

if TYPE_CHECKING:
    from parley.pipeline import Pipeline

__all__ = ["KINDS", "run_eval", "evaluate", "score_document", "score_corpus", "raw_document"]

log = logging.getLogger(__name__)

# What ``kinds`` selects. "events" also yields "event_types", "tracks" also "rounds", "issues"
# and "positions", and "agreements" also "agreement_statuses".
KINDS = (
    "metadata",
    "repairs",
    "actors",
    "places",
    "quotes",
    "attributions",
    "dates",
    "events",
    "tracks",
    "agreements",
    "stories",
)

# The id of the pseudo-document that holds the scores of file-level tracks and agreements.
CORPUS = "(corpus)"

StoryResolver = Callable[[Sequence[Analysis]], Sequence[Story]]


def _check_kinds(kinds: Collection[str] | None) -> frozenset[str]:
    if kinds is None:
        return frozenset(KINDS)
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise ConfigError(
            f"Unknown record kind(s) {unknown} to evaluate. Choose from: {', '.join(KINDS)}."
        )
    return frozenset(kinds)


def run_eval(
    gold_path: Path,
    pipeline: Pipeline,
    kinds: Collection[str] | None = None,
    resolve_stories: StoryResolver | None = None,
) -> EvalReport:
    """Run ``pipeline`` over every document of a gold file and score what it finds.

    Args:
        gold_path: a ``parley-gold/1`` file; ``file`` entries are read relative to its folder.
        pipeline: the pipeline to evaluate (its knowledge base also resolves gold names).
        kinds: record kinds to score (default all of :data:`KINDS` the gold annotates).
        resolve_stories: clusters the analyses into stories; without it, gold stories score
            nothing found.

    Raises:
        GoldFormatError: the gold file or a document it names is missing or malformed.
        ConfigError: ``kinds`` names an unknown kind.
        InputError: the pipeline rejects a gold document (empty, not English, ...).
    """
    selected = _check_kinds(kinds)
    gold = load_gold(gold_path)
    analyses = []
    for doc in gold.documents:
        log.info("analysing gold document %s", doc.id)
        analyses.append(pipeline.run(raw_document(doc, gold_path)))
    stories = resolve_stories(analyses) if resolve_stories and gold.stories else None
    return evaluate(
        gold, analyses, kb=pipeline.kb, kinds=selected, found_stories=stories, name=str(gold_path)
    )


def raw_document(doc: GoldDocument, gold_path: Path) -> RawDocument:
    """What the pipeline is given for a gold document: its inline text, or its file read the way
    ``parley ingest`` reads one (so header lines such as ``Title:`` become metadata).

    The gold's ``published_at`` wins over the file's, since relative dates are scored against it.

    Raises:
        GoldFormatError: the file is missing or the reader rejects it.
    """
    if doc.file is None:
        text = document_text(doc, gold_path)
        return RawDocument(source=f"{gold_path}#{doc.id}", text=text, published_at=doc.published_at)
    path = Path(gold_path).parent / doc.file
    document_text(doc, gold_path)  # raises a GoldFormatError naming the path when unreadable
    item = next(iter(read_file(path)), None)
    if not isinstance(item, RawDocument):
        reason = item.reason if item is not None else "no article in it"
        raise GoldFormatError(f"Gold document '{doc.id}': {path} cannot be read ({reason}).")
    return item.model_copy(update={"published_at": doc.published_at or item.published_at})


def evaluate(
    gold: GoldFile,
    analyses: Sequence[Analysis],
    kb: KnowledgeBase | None = None,
    kinds: Collection[str] | None = None,
    found_stories: Sequence[Story] | None = None,
    name: str = "<gold>",
) -> EvalReport:
    """Score analyses (one per gold document, in order) against a loaded gold file.

    Raises:
        GoldFormatError: the number of analyses differs from the number of gold documents.
        ConfigError: ``kinds`` names an unknown kind.
    """
    selected = _check_kinds(kinds)
    if len(analyses) != len(gold.documents):
        raise GoldFormatError(
            f"{name} has {len(gold.documents)} documents but "
            f"{len(analyses)} analyses were given; pass one per document."
        )
    report = EvalReport(gold=name)
    unknown = gold.unknown_keys()
    if unknown:
        report.notes.append(f"gold keys not scored: {_summarise_keys(unknown)}")
    ref_map: dict[str, str] = {}
    for gdoc, analysis in zip(gold.documents, analyses, strict=True):
        doc_report, refs = score_document(gdoc, analysis, kb, selected, shared=gold.actors)
        report.documents.append(doc_report)
        ref_map.update(refs)
    if gold.tracks is not None or gold.agreements is not None:
        corpus = score_corpus(gold, analyses, kb, selected)
        if corpus.scores:
            report.documents.append(corpus)
    if gold.stories is not None and "stories" in selected:
        if found_stories is None:
            report.notes.append("stories: no story resolver was given; nothing found")
        clusters = found_clusters(found_stories or [], ref_map)
        report.stories = score_story_pairs([s.events for s in gold.stories], clusters)
    return report


def _summarise_keys(paths: Sequence[str]) -> str:
    # "documents[3].quotes[1].style" → "quotes[].style"; counted, so a typo stands out.
    counts = Counter(re.sub(r"\[\d+\]", "[]", p).removeprefix("documents[].") for p in paths)
    return ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in sorted(counts.items()))


def score_document(
    gold: GoldDocument,
    analysis: Analysis,
    kb: KnowledgeBase | None,
    kinds: frozenset[str],
    shared: Sequence[GoldActor] = (),
) -> tuple[DocReport, dict[str, str]]:
    """Score one analysis against one gold document.

    Args:
        shared: gold actors declared for the whole file; they help resolve names but are not
            expected to be found in this document.

    Returns:
        The document's report, and a map from found event refs (``article_id#index``) to the
        gold event refs (``document-id#event-id``) they matched, for story scoring.
    """
    names = NameResolver([*(gold.actors or []), *shared], analysis.actors, kb)
    out = DocReport(id=gold.id, article_id=analysis.article.id)
    s = out.scores
    want = kinds.__contains__
    if gold.metadata is not None and want("metadata"):
        s["metadata"] = score_metadata(gold.metadata, analysis.article)
    if gold.repairs is not None and want("repairs"):
        s["repairs"] = score_repairs(gold.repairs, analysis.article.repairs)
    if gold.actors is not None and want("actors"):
        s["actors"] = score_actors(gold.actors, analysis, names)
    if gold.places is not None and want("places"):
        s["places"] = score_places(gold.places, analysis.places)
    if gold.quotes is not None and want("quotes"):
        s["quotes"] = score_quotes(gold.quotes, analysis.quotes, names)
    if gold.attributions is not None and want("attributions"):
        s["attributions"] = score_attributions(gold.attributions, analysis.attributions, names)
    if gold.dates is not None and want("dates"):
        s["dates"] = score_dates(gold.dates, analysis.dates)
    refs: dict[str, str] = {}
    if gold.events is not None and want("events"):
        refs = _score_events(gold, analysis, names, out)
    elif gold.events is not None and want("stories"):
        # Stories are scored over matched events: match them without reporting their scores.
        refs = _event_refs(gold, analysis, names)
    _score_negotiation(gold.tracks, gold.agreements, [analysis], names, kinds, out)
    return out, refs


def score_corpus(
    gold: GoldFile, analyses: Sequence[Analysis], kb: KnowledgeBase | None, kinds: frozenset[str]
) -> DocReport:
    """Score the file-level tracks and agreements against what all analyses found together.

    The report's id is ``(corpus)``. Found tracks and agreements are merged across articles by
    :mod:`parley.resolve` (the same merge the product uses), so an article repeating a round is
    not spurious and a scored timeline is the one a user sees.
    """
    gold_actors = [*gold.actors, *(a for d in gold.documents for a in d.actors or [])]
    found_actors = list({a.id: a for an in analyses for a in an.actors}.values())
    names = NameResolver(gold_actors, found_actors, kb)
    out = DocReport(id=CORPUS)
    merged = (
        [
            analyses[0].model_copy(
                update={
                    "tracks": merge_tracks(analyses),
                    "agreements": merge_agreements(analyses),
                    "rounds": [],
                }
            )
        ]
        if analyses
        else []
    )
    _score_negotiation(gold.tracks, gold.agreements, merged, names, kinds, out)
    return out


def _score_negotiation(
    tracks: Sequence[GoldTrack] | None,
    agreements: Sequence[GoldAgreement] | None,
    analyses: Sequence[Analysis],
    names: NameResolver,
    kinds: frozenset[str],
    out: DocReport,
) -> None:
    if tracks is not None and "tracks" in kinds:
        found = found_tracks(analyses)
        out.scores["tracks"] = score_tracks(tracks, found, names)
        out.scores["rounds"] = score_rounds(tracks, found_rounds(analyses))
        out.scores["issues"] = score_issues(tracks, found, names)
        out.scores["positions"] = score_positions(tracks, found, names)
    if agreements is not None and "agreements" in kinds:
        deals = found_agreements(analyses)
        out.scores["agreements"] = score_agreements(agreements, deals)
        out.scores["agreement_statuses"] = score_agreement_statuses(agreements, deals)


def _event_refs(gold: GoldDocument, analysis: Analysis, names: NameResolver) -> dict[str, str]:
    """Found event ref → the gold event ref it matched (what story scoring reads)."""
    assert gold.events is not None
    _, matching = score_events(gold.events, analysis.events, names)
    ids = gold.event_ids()
    return {f"{analysis.article.id}#{fi}": f"{gold.id}#{ids[gi]}" for gi, fi in matching.pairs}


def _score_events(
    gold: GoldDocument, analysis: Analysis, names: NameResolver, out: DocReport
) -> dict[str, str]:
    assert gold.events is not None
    events, matching = score_events(gold.events, analysis.events, names)
    out.events = events
    out.scores["event_types"] = events.typed
    out.scores["events"] = events.strict
    out.scores.update(score_countries(gold.events, analysis.events, names, matching.pairs))
    ids = gold.event_ids()
    return {f"{analysis.article.id}#{fi}": f"{gold.id}#{ids[gi]}" for gi, fi in matching.pairs}
