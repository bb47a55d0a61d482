"""Entity-ruler patterns generated from the knowledge base.

The small English model mislabels names it has rarely seen ("Trump" as ORG, "Kyiv" as PERSON).
Our knowledge base knows better, so every actor name, alias and metonym becomes a phrase pattern
whose ``id`` is the actor id; the ruler runs before the statistical NER, which then respects
these spans and predicts around them.

Two pattern sets are produced because a phrase matcher has one match attribute:

* ``exact`` (matched on ``ORTH``): one-token names and acronyms, where case separates the name
  from a common word ("US" vs "us", "Chad" vs "chad");
* ``lower`` (matched on ``LOWER``): names of two tokens or more, which are unambiguous in any case.

Persons also get a pattern for their surname alone when no other actor shares it, so a later
"Witkoff" is labelled PERSON with the right id.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import parley.knowledge as knowledge
from parley.kb import KnowledgeBase, alias_key
from parley.models import Actor

__all__ = ["Pattern", "PatternSet", "kb_patterns", "label_for", "surname", "family_name"]

_LEX = "lexicon/names.json"  # word lists of this module: parley.knowledge

# Entity labels by actor kind; states are handled separately (capitals/metonyms differ).
_KIND_LABEL = {
    "person": "PERSON",
    "state": "GPE",
    "place": "GPE",
    "organisation": "ORG",
    "armed force": "ORG",
    "media outlet": "ORG",
    "igo": "ORG",
    "group": "ORG",
}

# Surnames shorter than this are too likely to be ordinary words or initials.
_MIN_SURNAME = 4
# Generational suffixes are not surnames ("Joe Biden Jr." → "Biden").
# States whose people's names English text writes family name first ("Xi Jinping", "Kim Jong Un").
_FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "VNM", "KHM"})

Pattern = dict[str, Any]  # spaCy pattern dicts: label, pattern, id


@dataclass
class PatternSet:
    """Patterns for the two rulers: ``exact`` (case-sensitive) and ``lower``."""

    exact: list[Pattern] = field(default_factory=list)
    lower: list[Pattern] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.exact) + len(self.lower)


def surname(name: str) -> str | None:
    """The family name of a person's full name, or None for a one-word name.

    Example: ``surname("Alexus G. Grynkewich") == "Grynkewich"``.
    """
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    while words and words[-1].lower().rstrip(".") in knowledge.words(
        "lexicon/names.json", "name_suffixes"
    ):
        words.pop()
    if len(words) < 2:
        return None
    last = words[-1]
    if len(words) >= 3 and words[-2].lower() in knowledge.words(
        "lexicon/names.json", "name_particles"
    ):
        last = f"{words[-2]} {last}"
    return last


def family_first(country: str | None) -> bool:
    """Whether people of ``country`` write the family name first ("Wang Wenbin")."""
    return country in _FAMILY_FIRST


def family_name(name: str, country: str | None = None, aliases: Iterable[str] = ()) -> str | None:
    """The family name of a full name, minding name order; None for a one-word name.

    A one-word alias that is a word of the name is the family name ("Xi" of "Xi Jinping");
    otherwise people of a family-name-first state use the first word ("Kim" of "Kim Jong Un"),
    everyone else :func:`surname`.
    """
    words = name.split()
    if len(words) < 2:
        return None
    for alias in aliases:
        if alias.strip() in words[:-1] and " " not in alias.strip():
            return alias.strip()
    if country in _FAMILY_FIRST:
        titles = knowledge.words("lexicon/names.json", "name_titles")
        named = [w for w in words if w.lower() not in titles] or words
        return named[0]  # "Norodom" of "King Norodom Sihamoni", never the title "King"
    return surname(name)


def label_for(actor: Actor, text: str, demonyms: Mapping[str, str] | None = None) -> str:
    """The entity label a mention ``text`` of ``actor`` should carry.

    A state's own names, capital and one-word city metonyms are GPE; its other metonyms ("the
    Kremlin", "the White House") and "the X government" are institutions, so ORG; a plural
    demonym alias ("the Americans") is NORP.
    """
    if actor.kind != "state":
        return _KIND_LABEL.get(actor.kind, "ORG")
    key = alias_key(text)
    if (
        demonyms
        and text.endswith("s")
        and actor.id
        in (
            demonyms.get(text[:-1]),
            demonyms.get(text[:-2]),
        )
    ):
        return "NORP"
    for metonym in actor.metonyms:
        if alias_key(metonym) == key and key != alias_key(actor.capital or ""):
            return "ORG" if metonym.lower().startswith("the ") or " " in metonym else "GPE"
    if any(alias_key(a) == key and a.lower().startswith("the ") for a in actor.aliases):
        return "ORG"
    return "GPE"


def _is_case_sensitive(text: str) -> bool:
    """One-token names and acronyms are matched with their case ("US" is not "us")."""
    return " " not in text.strip() or text.isupper()


def _names(actor: Actor) -> Iterator[str]:
    seen: set[str] = set()
    for text in (actor.name, *actor.aliases, *actor.metonyms, actor.capital or ""):
        text = re.sub(r"^(?:the|The)\s+", "", text.strip())
        if text and text not in seen:
            seen.add(text)
            yield text


def _variants(text: str) -> list[str]:
    """Spellings to match besides ``text``: "TASS" also as "Tass" (house styles differ)."""
    if text.isupper() and text.isalpha() and len(text) >= 4:
        return [text, text.capitalize()]
    return [text]


def _unique_surnames(kb: KnowledgeBase) -> dict[str, Actor]:
    """Surname → person, for surnames no other actor name or alias uses."""
    people = [a for a in kb.of_kind("person") if a.id not in kb.lookup_only]
    counts = Counter(alias_key(s) for a in people if (s := _family(a)))
    found: dict[str, Actor] = {}
    for actor in people:
        last = _family(actor)
        if not last or len(last) < _MIN_SURNAME or counts[alias_key(last)] > 1:
            continue
        others = [i for i in kb.index[0].get(alias_key(last), []) if i != actor.id]
        if not others:
            found[last] = actor
    return found


def _family(actor: Actor) -> str | None:
    return family_name(actor.name, actor.country, actor.aliases)


def kb_patterns(kb: KnowledgeBase, demonyms: Mapping[str, str] | None = None) -> PatternSet:
    """Build the ruler patterns for every actor of ``kb``; ambiguous aliases get no ``id``.

    Args:
        kb: The knowledge base.
        demonyms: Demonym → ISO3, to label "the Americans" NORP rather than GPE.

    Returns:
        The case-sensitive and lower-case pattern lists, ready for ``EntityRuler.add_patterns``.
    """
    out = PatternSet()
    by_alias = kb.index[0]
    ruled = [a for a in kb.actors.values() if a.id not in kb.lookup_only]
    entries: list[tuple[str, Actor]] = [(t, a) for a in ruled for t in _names(a)]
    entries += [(last, actor) for last, actor in _unique_surnames(kb).items()]
    seen: set[tuple[str, str]] = set()
    for text, actor in entries:
        ids = by_alias.get(alias_key(text), [actor.id])
        pattern_id = actor.id if len(set(ids)) <= 1 else ""
        label = label_for(actor, text, demonyms)
        for variant in _variants(text):
            if (variant, label) in seen:
                continue
            seen.add((variant, label))
            target = out.exact if _is_case_sensitive(variant) else out.lower
            pattern: Pattern = {"label": label, "pattern": variant}
            if pattern_id:
                pattern["id"] = pattern_id
            target.append(pattern)
    return out
