"""The one data model of Parley.

Every stage takes and returns the types defined here; the store maps them to rows, the API
serialises them and the exports write them. Offsets are character offsets into the *normalised*
article text (``Article.text``), end-exclusive, like Python slices.

Records produced by extraction for one article are collected in an :class:`Analysis`, whose JSON
form (``Analysis.to_json()``) is the public contract ``parley-analysis/1`` documented in
``docs/schema/parley-analysis-1.json``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "SCHEMA_VERSION",
    "ActorKind",
    "Precision",
    "EventStatus",
    "Span",
    "Repair",
    "RawDocument",
    "Article",
    "Rejection",
    "Role",
    "Actor",
    "Mention",
    "ActorInText",
    "TimeExpression",
    "Place",
    "Quantity",
    "Speaker",
    "Quote",
    "Reporter",
    "Attribution",
    "Event",
    "AgreementStatus",
    "Agreement",
    "Round",
    "Position",
    "Track",
    "Story",
    "AnalysisWarning",
    "Analysis",
    "Source",
    "RoundRecord",
    "StatusRecord",
    "AgreementRecord",
    "TrackRecord",
    "ArticleRow",
    "ActorRow",
    "FoundIn",
    "FoundQuote",
    "FoundClaim",
    "FoundEvent",
    "StoryRecord",
    "Page",
    "Overview",
    "ArticleOut",
    "AnalysisOut",
]

SCHEMA_VERSION = "parley-analysis/1"

ActorKind = Literal[
    "person", "state", "organisation", "armed force", "media outlet", "igo", "group", "place"
]
Precision = Literal["day", "month", "season", "year", "range", "approximate", "unknown"]
EventStatus = Literal[
    "occurred", "planned", "proposed", "refused", "negated", "hypothetical", "historical"
]


class Record(BaseModel):
    """Base of every record: strict about unknown fields so typos fail loudly."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Span(Record):
    """A stretch of the normalised text: ``text == article.text[start:end]``.

    Offsets below zero lie in the headline (an event only the headline tells), counted as
    though it stood on a line of its own before the text:
    ``text == (article.title + "\n" + article.text)[start + n : end + n]`` with
    ``n = len(article.title) + 1``."""

    start: int
    end: int
    text: str


class Repair(Record):
    """A fix the normaliser made to the scraped text, kept so a person can audit it."""

    glued: str
    split: list[str]
    why: str
    start: int = Field(description="offset of the glued string in the raw text")
    inserted: str = Field(default=" ", description="what was put between the parts")


class RawDocument(Record):
    """What a reader got from a source, before normalisation: text or HTML plus metadata."""

    source: str = Field(description="path, 'path:line' for JSONL, or URL")
    text: str | None = None
    html: str | None = None
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_at: dt.date | None = None
    fetched_at: dt.datetime | None = None


class Article(Record):
    """One document, after normalisation. ``id`` hashes normalised content plus URL."""

    id: str
    text: str
    title: str | None = None
    subtitle: str | None = None
    dateline: str | None = None
    section_headings: list[str] = Field(default_factory=list)
    outlet: str | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="path or URL it was read from")
    published_at: dt.date | None = None
    language: str | None = None
    fetched_at: dt.datetime | None = None
    repairs: list[Repair] = Field(default_factory=list)
    status: Literal["ok", "rejected"] = "ok"
    reason: str | None = None


class Rejection(Record):
    """Something given to Parley that could not be used, and why. Nothing is lost silently."""

    source: str
    stage: str
    reason: str
    at: dt.datetime
    article_id: str | None = None


class Role(Record):
    """A position an actor holds, optionally bounded in time (ISO dates, inclusive)."""

    title: str
    key: str | None = Field(default=None, description="normalised title key, e.g. 'president:RUS'")
    start: dt.date | None = None
    end: dt.date | None = None
    checked: dt.date | None = Field(
        default=None,
        description=(
            "for a term with no known end: the last day a source confirmed it; after that day the "
            "holding is unknown and not assumed"
        ),
    )

    start_known: Literal["day", "month", "year"] = Field(
        default="day",
        description=(
            "how precisely the start is known; for 'month' or 'year' (a file may write "
            "'2001-07' or '2001') `start` is the last day of that month or year, the first day "
            "the holding is certain"
        ),
    )

    @model_validator(mode="before")
    @classmethod
    def _partial_start(cls, data: Any) -> Any:
        """Read a start known only to the month or year ("2001-07", "2001") as its last day.

        Why: sources often date a long-serving minister's appointment only to the month or
        year, and assuming the first day would link someone before they were in office."""
        if not isinstance(data, dict) or data.get("start") is None:
            return data
        start, known = _start_and_precision(data["start"], data.get("start_known"))
        return {**data, "start": start, "start_known": known}

    def held_on(self, day: dt.date) -> bool:
        """Whether the role is known to be held on ``day``."""
        if self.start is not None and day < self.start:
            return False
        if self.end is not None:
            return day <= self.end
        return self.checked is None or day <= self.checked


def _start_and_precision(value: Any, known: Any) -> tuple[Any, Any]:
    """A role's start and how precisely it is known; a partial date becomes its last day."""
    text = value.isoformat() if isinstance(value, dt.date) else value
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}(-\d{2}){0,2}", text):
        return value, known  # left to the field's own validation and its error message
    if len(text) == 10:
        precision = known or "day"
    else:
        precision = "year" if len(text) == 4 else "month"
        if known not in (None, precision):
            raise ValueError(f"start {text!r} is known to the {precision}, not the {known}")
    if precision not in ("month", "year"):
        return text, precision  # a full day; an unknown precision fails the field's check
    first = dt.date.fromisoformat((text + "-01-01")[:10]).replace(day=1)
    if precision == "year":
        return first.replace(month=12, day=31), precision
    following = (first + dt.timedelta(days=31)).replace(day=1)
    return following - dt.timedelta(days=1), precision


class Actor(Record):
    """An entry of the knowledge base (or one discovered in text, with ``id`` prefixed 'new:')."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    capital: str | None = None
    metonyms: list[str] = Field(default_factory=list)

    def roles_on(self, day: dt.date | None) -> list[Role]:
        """Roles held on ``day`` (all roles when ``day`` is None)."""
        if day is None:
            return list(self.roles)
        return [r for r in self.roles if r.held_on(day)]


class Mention(Record):
    """A stretch of text that names or refers to an actor."""

    start: int
    end: int
    text: str
    actor: str | None = Field(default=None, description="knowledge-base actor id, if resolved")
    label: str = Field(description="PERSON, GPE, ORG, NORP, OUTLET, TITLE, PRONOUN, ...")
    role: str | None = Field(default=None, description="role stated in the text, if any")
    how: str = Field(default="name", description="name | alias | title | coref | metonym")
    confidence: float = 1.0


class ActorInText(Record):
    """An actor as it appears in one article: knowledge-base facts plus its mentions."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    roles: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class TimeExpression(Record):
    """A date in the text, resolved against the publication date when possible."""

    text: str
    start: int
    end: int
    value: str | None = Field(default=None, description="ISO: 2026-02-05, 2026-02, 2025, 2025-SP")
    precision: Precision = "unknown"
    end_value: str | None = Field(default=None, description="for ranges and durations")


class Place(Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None


class Quantity(Record):
    value: float
    unit: str
    per: str | None = None
    text: str | None = None


class Speaker(Record):
    actor: str | None = None
    text: str
    start: int | None = None
    end: int | None = None
    confidence: float = 1.0


class Quote(Record):
    text: str
    start: int
    end: int
    direct: bool = True
    speaker: Speaker | None = None
    cue: str | None = None
    extractor: str = ""


class Reporter(Record):
    actor: str | None = None
    kind: Literal["outlet", "person", "organisation", "anonymous", "state", "group"]
    text: str
    start: int | None = None
    end: int | None = None


class Attribution(Record):
    claim: Span
    cue: str
    reporter: Reporter
    via: Reporter | None = Field(default=None, description="medium a source spoke through")
    confidence: float = 1.0
    extractor: str = ""


class Event(Record):
    type: str = Field(description="PLOVER event type, e.g. CONSULT")
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    source: list[str] = Field(default_factory=list)
    target: list[str] = Field(default_factory=list)
    mediator: list[str] = Field(default_factory=list)
    sectors: dict[str, str] = Field(
        default_factory=dict,
        description="sector of each actor above that the knowledge base does not know, by its "
        "words ('Communist rebels': 'rebels'); sectors are rebels, police, opposition, "
        "protesters, mediators",
    )
    countries: dict[str, str] = Field(
        default_factory=dict,
        description="country (ISO 3166-1 alpha-3) of each actor above that the knowledge base "
        "does not know, when its words name one ('French unions': 'FRA', 'opposition parties "
        "in Georgia': 'GEO')",
    )
    date: TimeExpression | None = None
    place: Place | None = None
    quantities: list[Quantity] = Field(default_factory=list)
    status: EventStatus = "occurred"
    cumulative: bool = Field(
        default=False,
        description="the statement sums up many acts over a span ('has launched more than "
        "1,300 airstrikes since then', 'the week-old offensive', 'ten days of attacks'), not "
        "one act of one day; stories leave it out",
    )
    attributed_to: str | None = Field(default=None, description="actor id or source description")
    trigger: Span | None = None
    evidence: Span
    confidence: float = 0.5
    extractor: str = ""


class AgreementStatus(Record):
    """One step of an agreement's life ("signed", "in force", "ratified (expected)").

    ``venue`` is where the step took place as the text names it ("Havana", "Dili"); ``host``
    the state whose ground it was (the state named as the venue, or whose capital the venue
    is), which may be no party: a state hosting a signing is not thereby a side."""

    status: str
    date: str | None = None
    until: str | None = None
    by: str | None = None
    attributed_to: str | None = None
    venue: str | None = None
    host: str | None = None
    evidence: Span | None = None
    article_id: str | None = None


class Agreement(Record):
    name: str
    kind: str
    parties: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(
        default_factory=list,
        description="other names the reports give the same agreement ('the Treaty on "
        "Strategic Offensive Arms' for New START; 'the border agreement' for the two sides' "
        "border treaty)",
    )
    status: str | None = None
    date: str | None = None
    statuses: list[AgreementStatus] = Field(default_factory=list)
    evidence: Span | None = None


class Round(Record):
    track: str
    ordinal: int | None = None
    venue: str | None = None
    date: str | None = None
    status: Literal["held", "under way", "planned", "cancelled", "unknown"] = "unknown"
    participants: list[str] = Field(default_factory=list)
    evidence: Span | None = None
    article_id: str | None = None


class Position(Record):
    actor: str
    on: str
    position: str
    red_line: bool = False
    attributed_to: str | None = None
    evidence: Span | None = None
    article_id: str | None = None


class Track(Record):
    name: str
    parties: list[str] = Field(default_factory=list)
    mediators: list[str] = Field(default_factory=list)
    belligerents: list[str] = Field(
        default_factory=list,
        description="states the reports show at war on one side ('a Saudi-led coalition … "
        "entered the war'): never mediators, whichever report names them hosting",
    )
    issues: list[str] = Field(default_factory=list)
    rounds: list[Round] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)


class Story(Record):
    id: str
    type: str
    date: str | None = None
    events: list[str] = Field(default_factory=list, description="'article_id#index' refs")
    sources: list[str] = Field(default_factory=list, description="outlets")
    first_report: str | None = None
    disagreements: list[str] = Field(default_factory=list)


class AnalysisWarning(Record):
    """An extractor failed on part of an article; its records there were dropped, nothing else.

    ``start``/``end``/``text`` give the sentence it failed on, or are null when the extractor
    works on the whole article and lost its records for all of it.
    """

    extractor: str
    error: str
    start: int | None = None
    end: int | None = None
    text: str | None = None


class Analysis(Record):
    """Everything extracted from one article; the unit that flows from extraction to the store."""

    schema_: str = Field(default=SCHEMA_VERSION, alias="schema")
    article: Article
    actors: list[ActorInText] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    dates: list[TimeExpression] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    rounds: list[Round] = Field(default_factory=list)
    tracks: list[Track] = Field(default_factory=list)
    warnings: list[AnalysisWarning] = Field(default_factory=list)

    def to_json(self, with_text: bool = False) -> dict[str, Any]:
        """The public JSON form; the article text only when asked (it can be large)."""
        data = self.model_dump(mode="json", by_alias=True)
        if not with_text:
            data["article"].pop("text", None)
        return data


# -- Views of the store ------------------------------------------------------------------------
# What the store answers and the API, the CLI's --json and the pages show: the records above as
# stored, with the articles they were found in and (for resolved records) the reports behind
# them. They are the API's response models, so /openapi.json describes real shapes.


class Source(Record):
    """The article a statement comes from, as a person cites it."""

    article_id: str
    outlet: str | None = None
    title: str | None = None
    published_at: dt.date | None = None

    def cite(self) -> str:
        """``'Reuters, 2026-03-03, adeba6110edf'``: outlet, date and short article id."""
        when = self.published_at.isoformat() if self.published_at else "undated"
        short = self.article_id.rsplit(":", 1)[-1][:12]
        return f"{self.outlet or 'unknown outlet'}, {when}, {short}"


class RoundRecord(Round):
    """A round as merged across articles, with every article's report of it, oldest first."""

    history: list[Round] = Field(default_factory=list)


class StatusRecord(AgreementStatus):
    """One entry of an agreement's timeline, with the article it comes from."""

    source: Source | None = None


class AgreementRecord(Agreement):
    """An agreement merged across articles: its status timeline, each status cited."""

    statuses: list[StatusRecord] = Field(default_factory=list)  # type: ignore[assignment]
    key: str

    @property
    def sources(self) -> dict[str, Source]:
        """Article id → citation, for the articles the statuses come from."""
        return {s.source.article_id: s.source for s in self.statuses if s.source}


class TrackRecord(Track):
    """A negotiation track merged across articles: rounds with their histories, the agreements
    between its parties, and every article cited."""

    rounds: list[RoundRecord] = Field(default_factory=list)  # type: ignore[assignment]
    key: str
    agreements: list[AgreementRecord] = Field(default_factory=list)
    sources: dict[str, Source] = Field(default_factory=dict)

    def latest_round(self) -> RoundRecord | None:
        """The last round held or under way, else the last round known."""
        done = [r for r in self.rounds if r.status in ("held", "under way")]
        chosen = done or self.rounds
        return chosen[-1] if chosen else None


class ArticleRow(Record):
    """A stored article without its text, as listings show it."""

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_at: dt.date | None = None
    dateline: str | None = None
    language: str | None = None


class ActorRow(Record):
    """An actor of the store, with how many articles mention it and how often."""

    id: str
    name: str
    kind: str
    country: str | None = None
    roles: list[str] = Field(default_factory=list)
    articles: int = 0
    mentions: int = 0


class FoundIn(Record):
    """Where a record was found: its article (id, outlet, date, title) and its index there."""

    article_id: str
    index: int
    outlet: str | None = None
    published_at: dt.date | None = None
    title: str | None = None


class FoundQuote(FoundIn, Quote):
    """A stored quote and the article it was found in."""


class FoundClaim(FoundIn, Attribution):
    """A stored attributed claim and the article it was found in."""


class FoundEvent(FoundIn, Event):
    """A stored event, the article it was found in, and the names of its actors."""

    names: dict[str, str] = Field(default_factory=dict, description="actor id -> name")


class StoryRecord(Story):
    """A story with each member event as the events listing shows it, and its articles."""

    members: list[FoundEvent] = Field(default_factory=list)
    articles: list[Source] = Field(default_factory=list)


T = TypeVar("T")


class Page(Record, Generic[T]):
    """One page of a listing; pass ``next`` back as ``cursor`` for the following page."""

    items: list[T] = Field(default_factory=list)
    next: str | None = None


class Overview(Record):
    """What the store holds, and where to look."""

    counts: dict[str, int]
    endpoints: list[str]


class ArticleOut(Article):
    """An article in the analysis JSON: the text only when asked for."""

    text: str = Field(default="", description="present only with with_text=true")


class AnalysisOut(Analysis):
    """The analysis JSON (``parley-analysis/1``) as the API answers it."""

    article: ArticleOut
