"""The gold format ``parley-gold/1``: a person's annotation of one or more articles.

A gold file is JSON::

    {"format": "parley-gold/1",
     "documents": [{"id": "...", "file": "article.txt" | "text": "...", "published_at": "...",
                    "metadata": {...}, "repairs": [...], "actors": [...], "places": [...],
                    "quotes": [...], "attributions": [...], "events": [...], "dates": [...],
                    "tracks": [...], "agreements": [...]}],
     "stories": [{"id": "...", "events": ["docid#eventid", ...]}]}

``file`` is relative to the gold file's folder; ``text`` carries the article inline. A record kind
that a document leaves out is not scored for it (an empty list means "there is none to find").
A corpus gold may also give ``actors`` shared by every document, and ``tracks`` and
``agreements`` that span documents (their rounds and statuses cite a ``doc`` and its words).
Keys ending in ``note`` (and ``about``) are a person's remarks and are dropped; other unknown keys
are kept aside and listed by :meth:`GoldItem.unknown_keys` (an evaluation report shows them), so a
gold set may carry its own remarks while a misspelt field stays visible. Missing or mistyped
required fields are errors.

These classes describe annotations, not extraction results: the pipeline's records stay in
:mod:`parley.models`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from parley.errors import GoldFormatError
from parley.models import ActorKind, EventStatus

__all__ = [
    "FORMAT",
    "GoldMetadata",
    "GoldRepair",
    "GoldActor",
    "GoldPlace",
    "GoldQuote",
    "GoldAttribution",
    "GoldQuantity",
    "GoldEvent",
    "GoldDate",
    "GoldRoundChange",
    "GoldRound",
    "GoldPosition",
    "GoldTrack",
    "GoldAgreementStatus",
    "GoldAgreement",
    "GoldDocument",
    "GoldStory",
    "GoldFile",
    "load_gold",
    "document_text",
]

FORMAT = "parley-gold/1"
_POINT = r"\d{4}(-(\d{2}|SP|SU|AU|WI|FA)(-\d{2})?)?"
# An ISO day, month, season or year, or an interval of two ("2026-06-16/2026-06-17").
_ISO_PREFIX = rf"^{_POINT}(/{_POINT})?$"


class GoldItem(BaseModel):
    """Base of gold annotations: a person's notes are dropped, other unknown keys are kept aside
    so :meth:`unknown_keys` can report them (gold sets extend the format with their own fields,
    such as a ``style`` remark; a misspelt field must still be visible)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    def unknown_keys(self, where: str = "") -> list[str]:
        """Paths of keys this item and its children have that the format does not define."""
        out = [f"{where}.{k}" if where else k for k in self.model_extra or {}]
        for name in type(self).model_fields:
            out += _unknown_in(getattr(self, name), f"{where}.{name}" if where else name)
        return out

    @model_validator(mode="before")
    @classmethod
    def _drop_notes(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not str(k).endswith("note")}
        return data


class GoldMetadata(GoldItem):
    title: str | None = None
    subtitle: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    url: str | None = None
    section_headings: list[str] = Field(default_factory=list)


class GoldRepair(GoldItem):
    glued: str
    split: list[str]
    why: str | None = None
    optional: bool = False


class GoldActor(GoldItem):
    name: str
    kind: ActorKind
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    fictional: bool = False
    optional: bool = False


class GoldPlace(GoldItem):
    name: str
    country: str | None = None
    optional: bool = False


class GoldQuote(GoldItem):
    text: str
    speaker: str | None = None
    speaker_alt: list[str] = Field(default_factory=list)
    speaker_kind: str | None = None
    direct: bool | None = None
    optional: bool = False


class GoldAttribution(GoldItem):
    claim: str
    reporter: str
    reporter_kind: Literal["outlet", "person", "organisation", "anonymous", "state", "group"]
    via: str | None = None
    outlet: str | None = None
    optional: bool = False


class GoldQuantity(GoldItem):
    value: float
    unit: str
    per: str | None = None
    text: str | None = None
    attributed_to: str | None = None


class GoldEvent(GoldItem):
    id: str | None = None
    type: str = Field(pattern=r"^[A-Z][A-Z_]*$")
    alt_types: list[str] = Field(default_factory=list)
    mode: str | None = None
    context: str | list[str] | None = None
    source: list[str] = Field(default_factory=list)
    target: list[str] = Field(default_factory=list)
    mediator: list[str] = Field(default_factory=list)
    place: str | None = None
    date: str | None = Field(default=None, pattern=_ISO_PREFIX)
    date_tolerance_days: int = Field(default=0, ge=0)
    status: EventStatus | None = None
    attributed_to: str | None = None
    quantities: list[GoldQuantity] = Field(default_factory=list)
    evidence: str | None = None
    optional: bool = False

    @property
    def types(self) -> set[str]:
        """The primary type and every acceptable alternative."""
        return {self.type, *self.alt_types}

    @property
    def reciprocal(self) -> bool:
        """Both sides act on each other (talks, exchanges): direction does not matter."""
        return bool(self.source) and set(self.source) == set(self.target)


class GoldDate(GoldItem):
    text: str
    value: str | None = Field(default=None, pattern=_ISO_PREFIX)
    tolerance_days: int = Field(default=0, ge=0)
    optional: bool = False


RoundStatus = Literal["held", "under way", "planned", "cancelled", "unknown"]


class GoldRoundChange(GoldItem):
    """An earlier state of a round, as one document reported it (planned, then cancelled)."""

    status: RoundStatus
    date: str | None = Field(default=None, pattern=_ISO_PREFIX)
    doc: str | None = None
    evidence: str | None = None


class GoldRound(GoldItem):
    ordinal: int | None = None
    venue: str | None = None
    date: str | None = Field(default=None, pattern=_ISO_PREFIX)
    status: RoundStatus | None = None
    participants: list[str] = Field(default_factory=list)
    outcomes: list[str] = Field(default_factory=list)
    history: list[GoldRoundChange] = Field(default_factory=list)
    doc: str | None = None
    evidence: str | None = None
    optional: bool = False


class GoldPosition(GoldItem):
    actor: str
    on: str
    position: str
    red_line: bool = False
    attributed_to: str | None = None
    doc: str | None = None
    evidence: str | None = None
    optional: bool = False


class GoldTrack(GoldItem):
    name: str
    parties: list[str] = Field(default_factory=list)
    mediators: list[str] = Field(default_factory=list)
    hosts: list[str] = Field(default_factory=list)
    issues: list[str] = Field(default_factory=list)
    rounds: list[GoldRound] = Field(default_factory=list)
    positions: list[GoldPosition] = Field(default_factory=list)
    optional: bool = False


class GoldAgreementStatus(GoldItem):
    status: str
    date: str | None = None
    until: str | None = None
    by: str | list[str] | None = None
    attributed_to: str | None = None
    doc: str | None = None
    evidence: str | None = None
    optional: bool = False


class GoldAgreement(GoldItem):
    name: str
    kind: str | None = None
    parties: list[str] = Field(default_factory=list)
    statuses: list[GoldAgreementStatus] = Field(default_factory=list)
    optional: bool = False


class GoldDocument(GoldItem):
    id: str
    file: str | None = None
    text: str | None = None
    published_at: dt.date | None = None
    metadata: GoldMetadata | None = None
    repairs: list[GoldRepair] | None = None
    actors: list[GoldActor] | None = None
    places: list[GoldPlace] | None = None
    quotes: list[GoldQuote] | None = None
    attributions: list[GoldAttribution] | None = None
    events: list[GoldEvent] | None = None
    dates: list[GoldDate] | None = None
    tracks: list[GoldTrack] | None = None
    agreements: list[GoldAgreement] | None = None

    @model_validator(mode="after")
    def _check(self) -> GoldDocument:
        if (self.file is None) == (self.text is None):
            raise ValueError('give exactly one of "file" (path to the article) or "text"')
        ids = [e.id for e in self.events or [] if e.id is not None]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"event ids must be unique in a document; repeated: {dupes}")
        return self

    def event_ids(self) -> list[str]:
        """Each event's id, ``e<index>`` for events the person did not name."""
        return [e.id or f"e{i}" for i, e in enumerate(self.events or [])]


class GoldStory(GoldItem):
    id: str
    type: str | None = None
    date: str | None = Field(default=None, pattern=_ISO_PREFIX)
    events: list[str] = Field(min_length=1)
    disagreements: list[str] = Field(default_factory=list)


class GoldFile(GoldItem):
    format: Literal["parley-gold/1"]
    about: str | None = None
    actors: list[GoldActor] = Field(default_factory=list, description="shared by all documents")
    documents: list[GoldDocument] = Field(min_length=1)
    stories: list[GoldStory] | None = None
    tracks: list[GoldTrack] | None = Field(default=None, description="across documents")
    agreements: list[GoldAgreement] | None = Field(default=None, description="across documents")

    @model_validator(mode="after")
    def _check_refs(self) -> GoldFile:
        ids = [d.id for d in self.documents]
        if len(set(ids)) != len(ids):
            raise ValueError(f"document ids must be unique; got {ids}")
        known = {f"{d.id}#{e}" for d in self.documents for e in d.event_ids()}
        for story in self.stories or []:
            unknown = [ref for ref in story.events if ref not in known]
            if unknown:
                raise ValueError(
                    f"story '{story.id}' refers to events no document defines: {unknown} "
                    f"(write them as 'document-id#event-id')"
                )
        return self


def _unknown_in(value: Any, where: str) -> list[str]:
    if isinstance(value, GoldItem):
        return value.unknown_keys(where)
    if isinstance(value, list):
        return [k for i, v in enumerate(value) for k in _unknown_in(v, f"{where}[{i}]")]
    return []


def _where(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "top level"


def _describe(err: ValidationError) -> str:
    lines = []
    for e in err.errors()[:10]:
        lines.append(f"  {_where(tuple(e['loc']))}: {e['msg']}")
    more = err.error_count() - len(lines)
    if more > 0:
        lines.append(f"  ... and {more} more")
    return "\n".join(lines)


def load_gold(path: Path) -> GoldFile:
    """Read and validate a ``parley-gold/1`` file.

    Raises:
        GoldFormatError: the file cannot be read, is not JSON, or breaks the format; the message
            names each offending place (``documents[0].events[3].type: ...``).
    """
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except OSError as e:
        raise GoldFormatError(f"Cannot read gold file {path}: {e}") from e
    except json.JSONDecodeError as e:
        raise GoldFormatError(f"{path}: not valid JSON ({e})") from e
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise GoldFormatError(f'{path}: expected a JSON object with "format": "{FORMAT}"')
    try:
        return GoldFile.model_validate(data)
    except ValidationError as e:
        raise GoldFormatError(f"{path} does not follow {FORMAT}:\n{_describe(e)}") from e


def document_text(doc: GoldDocument, gold_path: Path) -> str:
    """The article a gold document describes: inline ``text`` or ``file`` beside the gold file.

    Raises:
        GoldFormatError: the referenced file cannot be read.
    """
    if doc.text is not None:
        return doc.text
    assert doc.file is not None
    path = Path(gold_path).parent / doc.file
    try:
        return path.read_text("utf-8")
    except OSError as e:
        raise GoldFormatError(
            f"Gold document '{doc.id}' refers to {path}, which cannot be read ({e}). "
            f'"file" is relative to the folder of the gold file.'
        ) from e
