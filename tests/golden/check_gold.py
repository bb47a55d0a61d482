"""Data-quality checks for the person-made gold files in tests/golden/.

Every gold file must be valid ``parley-gold/1``: each quote, claim, evidence and date text is an
exact substring of its document, every enum value is one we allow, every actor named in a record is
declared, and every story points at events that exist. Run it as a test
(``pytest tests/golden/check_gold.py``) or as a script to print the problems of one file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pycountry
import pytest

GOLDEN = Path(__file__).resolve().parent
FORMAT = "parley-gold/1"

PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)
# Modes from the PLOVER manual's tables; types absent here take no mode.
PLOVER_MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "AID": frozenset({"economic", "military", "humanitarian", "asylum"}),
    "RETREAT": frozenset(
        {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"}
    ),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset(
        {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"}
    ),
    "PROTEST": frozenset(
        {"demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"}
    ),
    "SANCTION": frozenset({"convict", "cancel", "expel", "withdraw", "sever"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police"}),
    "COERCE": frozenset(
        {
            "confiscate",
            "restrict",
            "ban",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
        }
    ),
    "ASSAULT": frozenset(
        {
            "abduct",
            "beat",
            "torture",
            "execute",
            "sexual",
            "assassinate",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "heavy-weapons",
        }
    ),
}
CONTEXTS = frozenset(
    "political military intelligence peacekeeping economic diplomatic resource culture disease "
    "enviro_disaster migration humanitarian legal human_rights rights_freedoms gender lgbt "
    "terrorism human_security religion_ethnicity government election legislative cbrn cyber "
    "political_institutions corruption crime crime_murder crime_theft crime_drugs "
    "crime_sexual".split()
)
EVENT_STATUSES = frozenset(
    {"occurred", "planned", "proposed", "refused", "negated", "hypothetical", "historical"}
)
REPORTER_KINDS = frozenset({"outlet", "person", "organisation", "anonymous"})
ACTOR_KINDS = frozenset(
    {"person", "state", "organisation", "armed force", "media outlet", "igo", "group", "place"}
)
ROUND_STATUSES = frozenset({"held", "under way", "planned", "cancelled", "unknown"})
# ISO 8601 day, month or year, or an interval of two of them ("2026-06-16/2026-06-17").
_POINT = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
DATE_VALUE = re.compile(rf"^{_POINT}(?:/{_POINT})?$")
ELLIPSIS = " ... "
HEADER_KEYS = ("Title", "Outlet", "Published", "URL")


def gold_files() -> list[Path]:
    """Every gold file in this folder, sorted so test ids are stable."""
    return sorted(GOLDEN.glob("*.gold.json"))


def document_text(gold_path: Path, doc: dict[str, Any]) -> str:
    """The text a document's annotations refer to: inline ``text`` or the ``file`` beside it."""
    if "text" in doc:
        return str(doc["text"])
    return (gold_path.parent / str(doc["file"])).read_text(encoding="utf-8")


def is_substring(needle: str, text: str) -> bool:
    """True when ``needle`` occurs in ``text``; `` ... `` marks elided words, parts in order."""
    start = 0
    for part in needle.split(ELLIPSIS):
        found = text.find(part, start)
        if found < 0:
            return False
        start = found + len(part)
    return True


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _known_names(actors: Iterable[dict[str, Any]]) -> set[str]:
    names: set[str] = set()
    for actor in actors:
        names.add(actor["name"])
        names.update(actor.get("aliases", []))
    return names


def _is_iso3(code: str) -> bool:
    """True for current ISO 3166-1 alpha-3 codes and withdrawn ones (ISO 3166-3: DDR, SUN)."""
    current = pycountry.countries.get(alpha_3=code)
    return current is not None or pycountry.historic_countries.get(alpha_3=code) is not None


def check_actor(actor: dict[str, Any]) -> Iterator[str]:
    """Problems of one declared actor: name, kind and ISO3 country."""
    if not actor.get("name"):
        yield f"actor without a name: {actor}"
    if actor.get("kind") not in ACTOR_KINDS:
        yield f"actor {actor.get('name')!r}: kind {actor.get('kind')!r} not allowed"
    country = actor.get("country")
    if country is not None and not _is_iso3(str(country)):
        yield f"actor {actor.get('name')!r}: country {country!r} is not ISO 3166-1 alpha-3"


def check_quote(quote: dict[str, Any], text: str, names: set[str]) -> Iterator[str]:
    """Problems of one quote: its words are in the text and its speaker is declared.

    A speaker that is only a description ("a woman in the crowd") sets ``speaker_kind`` to
    ``anonymous`` and is exempt from the declaration check.
    """
    if not is_substring(quote.get("text", ""), text) or not quote.get("text"):
        yield f"quote not in text: {quote.get('text')!r}"
    speakers = quote.get("speaker_alt", [])
    if quote.get("speaker_kind") != "anonymous":
        speakers = [quote.get("speaker"), *speakers]
    elif not quote.get("speaker"):
        yield f"quote {quote.get('text', '')[:40]!r}: an anonymous speaker needs a description"
    for speaker in speakers:
        if speaker not in names:
            yield f"quote {quote.get('text', '')[:40]!r}: speaker {speaker!r} not declared"


def check_attribution(attr: dict[str, Any], text: str, names: set[str]) -> Iterator[str]:
    """Problems of one attribution: claim in text, a known reporter kind, declared outlets."""
    if not attr.get("claim") or not is_substring(attr["claim"], text):
        yield f"claim not in text: {attr.get('claim')!r}"
    kind = attr.get("reporter_kind")
    if kind not in REPORTER_KINDS:
        yield f"claim {attr.get('claim', '')[:40]!r}: reporter_kind {kind!r} not allowed"
    if not attr.get("reporter"):
        yield f"claim {attr.get('claim', '')[:40]!r}: no reporter"
    elif kind != "anonymous" and attr["reporter"] not in names:
        yield f"claim {attr.get('claim', '')[:40]!r}: reporter {attr['reporter']!r} not declared"
    for key in ("outlet", "via"):
        if attr.get(key) and attr[key] not in names:
            yield f"claim {attr.get('claim', '')[:40]!r}: {key} {attr[key]!r} not declared"


def _check_event_enums(event: dict[str, Any]) -> Iterator[str]:
    label = f"event {event.get('id')!r}"
    etype = event.get("type")
    if etype not in PLOVER_TYPES:
        yield f"{label}: type {etype!r} is not PLOVER"
    for alt in event.get("alt_types", []):
        if alt not in PLOVER_TYPES:
            yield f"{label}: alt type {alt!r} is not PLOVER"
    mode = event.get("mode")
    if mode is not None and mode not in PLOVER_MODES.get(str(etype), frozenset()):
        yield f"{label}: mode {mode!r} not a PLOVER mode of {etype}"
    for context in _as_list(event.get("context")):
        if context not in CONTEXTS:
            yield f"{label}: context {context!r} not PLOVER"
    if event.get("status") not in EVENT_STATUSES:
        yield f"{label}: status {event.get('status')!r} not allowed"


def check_event(event: dict[str, Any], text: str, names: set[str]) -> Iterator[str]:
    """Problems of one event: enums, evidence in text, declared actors, an ISO date."""
    label = f"event {event.get('id')!r}"
    yield from _check_event_enums(event)
    if not event.get("evidence") or not is_substring(event["evidence"], text):
        yield f"{label}: evidence not in text: {event.get('evidence')!r}"
    if not event.get("source"):
        yield f"{label}: no source actor"
    for role in ("source", "target", "mediator"):
        for actor in _as_list(event.get(role)):
            if actor not in names:
                yield f"{label}: {role} {actor!r} not declared"
    if event.get("attributed_to") and not isinstance(event["attributed_to"], str):
        yield f"{label}: attributed_to must be a string"
    if "date" in event and not DATE_VALUE.match(str(event["date"])):
        yield f"{label}: date {event['date']!r} is not ISO 8601"
    for quantity in event.get("quantities", []):
        if not isinstance(quantity.get("value"), int | float) or not quantity.get("unit"):
            yield f"{label}: quantity needs a numeric value and a unit: {quantity}"


def check_date(date: dict[str, Any], text: str) -> Iterator[str]:
    """Problems of one date expression: its text is in the document, its value ISO 8601."""
    if not date.get("text") or not is_substring(date["text"], text):
        yield f"date text not in document: {date.get('text')!r}"
    if not DATE_VALUE.match(str(date.get("value"))):
        yield f"date {date.get('text')!r}: value {date.get('value')!r} is not ISO 8601"


def check_header(doc: dict[str, Any], text: str) -> Iterator[str]:
    """A file-based document starts with the metadata header and its date matches."""
    head = text.split("\n\n", 1)[0]
    fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    for key in HEADER_KEYS:
        if key not in fields:
            yield f"{doc['id']}: header lacks {key}:"
    if fields.get("Published") != doc.get("published_at"):
        header = fields.get("Published")
        yield f"{doc['id']}: published_at {doc.get('published_at')} != header {header}"


def check_document(
    gold_path: Path, doc: dict[str, Any], shared: list[dict[str, Any]]
) -> Iterator[str]:
    """Every problem of one document, each as a sentence that names the record."""
    for key in ("id", "published_at"):
        if not doc.get(key):
            yield f"document without {key}: {doc.get('id')}"
    if ("file" in doc) == ("text" in doc):
        yield f"{doc.get('id')}: give exactly one of file or text"
        return
    text = document_text(gold_path, doc)
    if "file" in doc:
        yield from check_header(doc, text)
    actors = [*shared, *doc.get("actors", [])]
    names = _known_names(actors)
    for actor in doc.get("actors", []):
        yield from check_actor(actor)
    for quote in doc.get("quotes", []):
        yield from check_quote(quote, text, names)
    for attr in doc.get("attributions", []):
        yield from check_attribution(attr, text, names)
    ids = [event.get("id") for event in doc.get("events", [])]
    if len(ids) != len(set(ids)):
        yield f"{doc.get('id')}: duplicate event ids"
    for event in doc.get("events", []):
        yield from (f"{doc['id']}: {p}" for p in check_event(event, text, names))
    for date in doc.get("dates", []):
        yield from (f"{doc['id']}: {p}" for p in check_date(date, text))


def _check_round(rnd: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    if rnd.get("status") not in ROUND_STATUSES:
        yield f"round {rnd}: status not allowed"
    if "ordinal" in rnd and not isinstance(rnd["ordinal"], int):
        yield f"round {rnd}: ordinal must be an integer"
    yield from _check_cited(rnd, texts)


def _check_cited(item: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    """An item citing ``doc`` + ``evidence`` must point at a document that holds the words."""
    doc = item.get("doc")
    if doc is None:
        return
    if doc not in texts:
        yield f"unknown document {doc!r} in {item}"
    elif item.get("evidence") and not is_substring(item["evidence"], texts[doc]):
        yield f"evidence not in {doc}: {item['evidence']!r}"


def check_corpus(gold_path: Path, gold: dict[str, Any]) -> Iterator[str]:
    """Corpus-level records: tracks, agreements and stories refer to real documents and events."""
    docs = gold.get("documents", [])
    texts = {doc["id"]: document_text(gold_path, doc) for doc in docs}
    names = _known_names(gold.get("actors", []))
    for doc in docs:
        names |= _known_names(doc.get("actors", []))
    for track in gold.get("tracks", []):
        for actor in [*track.get("parties", []), *track.get("mediators", [])]:
            if actor not in names:
                yield f"track {track['name']!r}: actor {actor!r} not declared"
        for rnd in track.get("rounds", []):
            yield from _check_round(rnd, texts)
        for position in track.get("positions", []):
            yield from _check_cited(position, texts)
    for agreement in gold.get("agreements", []):
        for status in agreement.get("statuses", []):
            yield from _check_cited(status, texts)
    yield from check_stories(gold)


def check_stories(gold: dict[str, Any]) -> Iterator[str]:
    """Each story lists 'doc#event' refs that exist, and no event sits in two stories."""
    events = {
        f"{doc['id']}#{event['id']}"
        for doc in gold.get("documents", [])
        for event in doc.get("events", [])
    }
    seen: set[str] = set()
    for story in gold.get("stories", []):
        for ref in story.get("events", []):
            if ref not in events:
                yield f"story {story.get('id')!r}: unknown event {ref!r}"
            if ref in seen:
                yield f"story {story.get('id')!r}: event {ref!r} is in two stories"
            seen.add(ref)


def problems(gold_path: Path) -> list[str]:
    """Every problem found in one gold file; an empty list means the file is consistent."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    found: list[str] = []
    if gold.get("format") != FORMAT:
        found.append(f"format is {gold.get('format')!r}, expected {FORMAT!r}")
    ids = [doc.get("id") for doc in gold.get("documents", [])]
    if len(ids) != len(set(ids)):
        found.append("duplicate document ids")
    shared = gold.get("actors", [])
    for actor in shared:
        found.extend(check_actor(actor))
    for doc in gold.get("documents", []):
        found.extend(check_document(gold_path, doc, shared))
    found.extend(check_corpus(gold_path, gold))
    return found


@pytest.mark.parametrize("gold_path", gold_files(), ids=lambda p: p.name)
def test_gold_files_are_consistent(gold_path: Path) -> None:
    """A gold file whose annotations do not match its texts would score the extractor wrongly."""
    found = problems(gold_path)
    assert not found, f"{len(found)} problems in {gold_path.name}:\n" + "\n".join(found)


def test_every_plover_type_is_covered_by_the_event_set() -> None:
    """The event set (both parts) must exercise all 16 PLOVER types at least seven times each."""
    docs = []
    for part in ("dev", "test"):
        gold = json.loads((GOLDEN / f"events.{part}.gold.json").read_text(encoding="utf-8"))
        docs.extend(gold["documents"])
    counts = {etype: 0 for etype in PLOVER_TYPES}
    for doc in docs:
        for event in doc["events"]:
            counts[event["type"]] += 1
    assert {t: n for t, n in counts.items() if n < 7} == {}


if __name__ == "__main__":  # pragma: no cover - a convenience for annotators
    import sys

    for arg in sys.argv[1:] or [str(p) for p in gold_files()]:
        for problem in problems(Path(arg)):
            sys.stdout.write(f"{arg}: {problem}\n")
