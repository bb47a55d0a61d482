"""The cue lexicon of the speech extractors: which words mark speech and attribution.

It is data (``parley/data/cues.json``, extended by a ``cues.json`` in the user's knowledge
folders); :func:`load_cues` reads it once per extractor instance into a frozen :class:`Cues`,
so that every step of the extractors asks the same typed object rather than a string key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import parley.knowledge as knowledge
from parley.errors import KnowledgeBaseError

__all__ = ["CUES_FORMAT", "LEXICON", "Cues", "load_cues"]

CUES_FORMAT = "parley-cues/1"
# The speech family's own word lists (pronoun classes, role nouns, determiners …).
LEXICON = "lexicon/speech.json"


@dataclass(frozen=True)
class Cues:
    """The cue lexicon: lemmas and phrases (lower case) that mark speech and attribution."""

    speech_verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    prepositions: tuple[tuple[str, ...], ...]
    relay_verbs: frozenset[str]
    report_verbs: frozenset[str]
    citing: frozenset[str]
    unnamed_reports: frozenset[str]
    anonymous_heads: frozenset[str]
    anonymous_markers: frozenset[str]
    outlet_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    demonyms: dict[str, str]
    claim_stops: frozenset[str] = frozenset()
    embedded_questions: frozenset[str] = frozenset()
    institution_heads: frozenset[str] = frozenset()
    spokesperson_heads: frozenset[str] = frozenset()
    state_groups: frozenset[str] = frozenset()
    anonymity_phrases: frozenset[str] = frozenset()
    text_nouns: frozenset[str] = frozenset()
    inscription_verbs: frozenset[str] = frozenset()
    mention_nouns: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    accusation_verbs: frozenset[str] = frozenset()
    credit_phrases: frozenset[str] = frozenset()
    accusation_preps: frozenset[str] = frozenset({"of", "for"})
    blame_preps: frozenset[str] = frozenset()
    report_tags: frozenset[str] = frozenset()
    bare_text_determiners: frozenset[str] = frozenset()
    claimed_objects: frozenset[str] = frozenset()
    stance_objects: frozenset[str] = frozenset()
    content_nouns: frozenset[str] = frozenset()
    finding_verbs: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    speech_phrases: frozenset[tuple[str, str]] = frozenset()
    view_nouns: frozenset[str] = frozenset()


def load_cues(path: Path | None = None) -> Cues:
    """The cue lexicon from ``path``, by default ``cues.json`` through :mod:`parley.knowledge`
    (shipped, extended by a ``cues.json`` in the user's knowledge folders).

    Raises:
        KnowledgeBaseError: the file is missing, not JSON or lacks a section.
    """
    if path is None:
        data = dict(knowledge.document("cues.json", CUES_FORMAT))
    else:
        try:
            data = json.loads(Path(path).read_text("utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise KnowledgeBaseError(f"Cannot read the cue lexicon {path}: {e}") from e
    if not isinstance(data, dict) or data.get("format") != CUES_FORMAT:
        raise KnowledgeBaseError(f'cue lexicon: expected an object with "format": "{CUES_FORMAT}"')
    try:
        return _cues_from(data)
    except (KeyError, TypeError) as e:
        raise KnowledgeBaseError(f"cue lexicon: missing or malformed section {e}") from e


def _cues_from(data: dict[str, object]) -> Cues:
    """The :class:`Cues` of a parsed lexicon document (a missing section raises KeyError)."""
    att = data["attribution"]
    pron = data["pronouns"]
    assert isinstance(att, dict) and isinstance(pron, dict)
    preps = sorted((tuple(p.lower().split()) for p in att["prepositions"]), key=len, reverse=True)
    return Cues(
        speech_verbs=_lower(data["speech_verbs"]),
        indirect_verbs=_lower(data["indirect_verbs"]),
        speech_nouns=_lower(data["speech_nouns"]),
        prepositions=tuple(preps),
        relay_verbs=_lower(att["relay_verbs"]),
        report_verbs=_lower(att["report_verbs"]),
        citing=_lower(att["citing"]),
        unnamed_reports=_lower(att["unnamed_reports"]),
        anonymous_heads=_lower(att["anonymous_heads"]),
        anonymous_markers=_lower(att["anonymous_markers"]),
        outlet_nouns=_lower(att["outlet_nouns"]),
        person_pronouns=_lower(pron["person"]),
        group_pronouns=_lower(pron["group"]),
        demonyms={str(k): str(v) for k, v in dict(data["demonyms"]).items()},  # type: ignore[call-overload]
        claim_stops=_lower(att.get("claim_stops", [])),
        accusation_verbs=_lower(att.get("accusation_verbs", [])),
        accusation_preps=_lower(att.get("accusation_preps", ["of", "for"])),
        blame_preps=_lower(att.get("blame_preps", [])),
        report_tags=_lower(att.get("report_tags", [])),
        bare_text_determiners=_lower(att.get("bare_text_determiners", [])),
        claimed_objects=_lower(att.get("claimed_objects", [])),
        stance_objects=_lower(att.get("stance_objects", [])),
        content_nouns=_lower(att.get("content_nouns", [])),
        finding_verbs=_lower(att.get("finding_verbs", [])),
        document_nouns=_lower(att.get("document_nouns", [])),
        denial_verbs=_lower(att.get("denied_objects_of", [])),
        speech_phrases=frozenset(
            (verb, word)
            for verb, word in (p.split() for p in _lower(att.get("speech_phrases", [])))
        ),
        view_nouns=_lower(att.get("view_nouns", [])),
        title_words=_lower(data.get("title_words", [])),
        embedded_questions=_lower(att.get("embedded_questions", [])),
        institution_heads=_lower(att.get("institution_heads", [])),
        spokesperson_heads=_lower(data.get("spokesperson_heads", [])),
        state_groups=_lower(data.get("state_groups", [])),
        anonymity_phrases=_lower(data.get("anonymity_phrases", [])),
        text_nouns=_lower(data.get("text_nouns", [])),
        inscription_verbs=_lower(data.get("inscription_verbs", [])),
        mention_nouns=_lower(data.get("mention_nouns", [])),
        naming_verbs=_lower(data.get("naming_verbs", [])),
        credit_phrases=_lower(data.get("credit_phrases", [])),
    )


def _lower(items: object) -> frozenset[str]:
    """A JSON list of words as a lower-case set (TypeError for anything else)."""
    if not isinstance(items, list):
        raise TypeError("expected a list of strings")
    return frozenset(str(i).lower() for i in items)
