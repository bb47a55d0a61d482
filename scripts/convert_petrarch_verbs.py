"""Convert PETRARCH2's CAMEO verb dictionary into Parley trigger rules (PLOVER types).

PETRARCH2 (openeventdata/petrarch2, MIT licence) ships ``CAMEO.2.0.txt``: verb blocks of
synonyms, each verb with a CAMEO code, and patterns "- * OBJECT [code]" that narrow a verb by
its object. This script keeps the two shapes Parley's rules can express without the Treebank
matcher:

* a pattern whose object is one plain word becomes a rule "this verb with this object" (the
  object makes the verb specific: "stage" + "rally" is PROTEST, "overrun" + "base" ASSAULT);
* a bare verb (its own or its block's code, no object) is written only when (1) that code and
  every object pattern of the verb map to one PLOVER type, so no object can change the type,
  and (2) the review in ``src/parley/data/lexicon/petrarch_verbs_review.json`` accepted it: read
  alone many coded verbs are too ambiguous ("expect", "come", "best"). Every candidate must be
  reviewed (accepted, or rejected with a reason) before the script writes anything; verbs
  rejected as object-dependent are listed in the output beside the shipped ones.

Patterns of speech and reporting verbs ("report" + "attack") are dropped: the reporter is not
the attacker. So are objects that are prepositions ("clash" + "with").

CAMEO roots map onto PLOVER types as the PLOVER manual's correspondence does (01 public
statements have no PLOVER type and are dropped). Lemmas that Parley's own ``plover.json``
already covers are skipped: our rules are tried first anyway, and the converted ones only add
coverage. Usage (the dictionary file read from a checkout of petrarch2):

    .venv/bin/python scripts/convert_petrarch_verbs.py PATH/TO/CAMEO.2.0.txt --commit HASH

writes ``src/parley/data/lexicon/petrarch_verbs.json`` with the source, version and licence.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "parley" / "data" / "lexicon" / "petrarch_verbs.json"
REVIEW = REPO / "src" / "parley" / "data" / "lexicon" / "petrarch_verbs_review.json"
OURS = REPO / "src" / "parley" / "data" / "plover.json"

# CAMEO root (two digits) -> PLOVER type; finer codes that the manual maps elsewhere come first.
SPECIAL = {
    "057": "AGREE",  # sign formal agreement
    "0841": "RETREAT",  # return, release persons
    "0871": "RETREAT",  # declare ceasefire
    "0872": "RETREAT",
    "0873": "RETREAT",
    "0874": "RETREAT",  # retreat or surrender militarily
    "087": "RETREAT",
}
ROOTS = {
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}
# CAMEO codes whose PLOVER reading has a mode Parley's rules use.
MODES = {"145": "riot", "173": "arrest", "174": "deport"}
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
VERB = re.compile(r"^\+?([A-Z_]+)\s*(?:\{[^}]*\})?\s*(?:\[([0-9:]+)\])?")
SPEECH = frozenset(
    "say tell report claim state quote describe note add write announce confirm".split()
)
FUNCTION_WORDS = frozenset("with from to of for in on by at into over against".split())
ANY_PATTERN = re.compile(r"^-\s+.*?\[([^\]]*)\]\s*#\s*([A-Z_]+)")
PATTERN = re.compile(r"^-\s+\*\s+([A-Z]+)\s+\[([0-9:]+)\]\s*#\s*([A-Z_]+)")


def plover_type(code: str) -> str | None:
    """The PLOVER type of a CAMEO code ("042:043" takes its first code), None for 01."""
    first = code.split(":")[0]
    for prefix in sorted(SPECIAL, key=len, reverse=True):
        if first.startswith(prefix):
            return SPECIAL[prefix]
    return ROOTS.get(first[:2])


class Dictionary:
    """What the converter reads from CAMEO.2.0.txt."""

    def __init__(self) -> None:
        self.verbs: dict[str, str] = {}  # verb lemma -> PLOVER type of its bare code
        self.codes: dict[str, str] = {}  # verb lemma -> its bare CAMEO code
        self.objects: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.pattern_types: dict[str, set[str | None]] = defaultdict(set)  # any pattern's type


def read(path: Path) -> Dictionary:
    """Verbs with their codes and types, and (type, verb) -> object words, from the dictionary."""
    found = Dictionary()
    verbs, objects = found.verbs, found.objects
    block_code = "---"
    for raw in path.read_text("latin-1").splitlines():
        line = raw.split("#")[0].rstrip() if not raw.startswith("- ") else raw.rstrip()
        if not line or raw.startswith("#"):
            continue
        block = BLOCK.match(line)
        if block:
            block_code = block.group(2)
            continue
        any_pattern = ANY_PATTERN.match(raw)
        if any_pattern:
            code, verb = any_pattern.groups()
            found.pattern_types[verb.lower()].add(None if code == "---" else plover_type(code))
        pattern = PATTERN.match(line)
        if pattern:
            word, code, verb = pattern.groups()
            kind = plover_type(code)
            lemma = verb.lower()
            if kind and word.isalpha() and "_" not in verb and lemma not in SPEECH:
                if word.lower() in FUNCTION_WORDS:
                    continue
                objects[(kind, lemma)].add(_singular(word.lower()))
            continue
        if line.startswith("-"):
            continue
        verb = VERB.match(line)
        if verb and "_" not in verb.group(1):
            code = verb.group(2) or block_code
            kind = plover_type(code)
            if kind and verb.group(1).lower() not in verbs:
                verbs[verb.group(1).lower()] = kind
                found.codes[verb.group(1).lower()] = code
    return found


def _singular(word: str) -> str:
    """Lemmas are what the rules compare; a plain plural loses its s."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def ours() -> set[str]:
    """Lemmas Parley's own verb rules already know."""
    data = json.loads(OURS.read_text("utf-8"))
    return {
        lemma.lower()
        for rule in data["triggers"]
        if "VERB" in rule["pos"]
        for lemma in rule["lemmas"]
    }


def rules(found: Dictionary, known: set[str]) -> list[dict[str, object]]:
    """Object patterns in ``plover.json``'s shape (bare verbs follow, see ``bare_rules``)."""
    out: list[dict[str, object]] = []
    for (kind, verb), words in sorted(found.objects.items()):
        if verb not in known:
            out.append({"type": kind, "pos": ["VERB"], "lemmas": [verb], "objects": sorted(words)})
    return out


def candidates(found: Dictionary, known: set[str]) -> tuple[list[str], list[str]]:
    """Bare verbs Parley does not know yet: those whose type no object changes, and the rest
    (object-dependent)."""
    single, dependent = [], []
    for verb in sorted(v for v in found.verbs if v not in known):
        if found.pattern_types[verb] <= {found.verbs[verb]}:
            single.append(verb)
        else:
            dependent.append(verb)
    return single, dependent


def bare_rules(
    found: Dictionary, single: list[str], review: dict[str, Any]
) -> list[dict[str, object]]:
    """One rule per PLOVER type and CAMEO code for the reviewed, accepted bare verbs.

    Raises:
        SystemExit: a candidate is not reviewed, or the review names a verb that is no candidate.
    """
    accepted = set(review["accepted"])
    rejected = {v for verbs in review["rejected"].values() for v in verbs}
    unreviewed = sorted(set(single) - accepted - rejected)
    stale = sorted((accepted | rejected) - set(single))
    if unreviewed or stale:
        raise SystemExit(f"review first: unreviewed {unreviewed}; not candidates {stale}")
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for verb in sorted(accepted):
        groups[(found.verbs[verb], found.codes[verb])].append(verb)
    out: list[dict[str, object]] = []
    for (kind, code), verbs in sorted(groups.items()):
        rule: dict[str, object] = {"type": kind, "pos": ["VERB"], "lemmas": verbs, "cameo": code}
        if code in MODES:
            rule["mode"] = MODES[code]
        out.append(rule)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionary", type=Path, help="CAMEO.2.0.txt from petrarch2")
    parser.add_argument("--commit", required=True, help="the petrarch2 commit it was read at")
    args = parser.parse_args(argv)
    found = read(args.dictionary)
    known = ours()
    single, dependent = candidates(found, known)
    review = json.loads(REVIEW.read_text("utf-8"))
    bare = bare_rules(found, single, review)
    triggers = rules(found, known) + bare
    data = {
        "format": "parley-plover/1",
        "about": (
            "Verb triggers converted by scripts/convert_petrarch_verbs.py from PETRARCH2's CAMEO "
            "verb dictionary, CAMEO codes mapped to PLOVER types: verb + object patterns, then "
            "the bare verbs of petrarch_verbs_review.json's 'accepted' list (each rule names its "
            "CAMEO code). Tried after plover.json's own rules."
        ),
        "source": (
            "https://github.com/openeventdata/petrarch2 petrarch2/data/dictionaries/CAMEO.2.0.txt"
        ),
        "version": f"petrarch2 commit {args.commit}",
        "licence": "MIT (Copyright (c) 2014 Open Event Data); the notice is in 'licence_text'",
        "licence_text": (
            "Permission is hereby granted, free of charge, to any person obtaining a copy of this "
            'software and associated documentation files (the "Software"), to deal in the '
            "Software without restriction, including without limitation the rights to use, copy, "
            "modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, "
            "and to permit persons to whom the Software is furnished to do so, subject to the "
            "following conditions: The above copyright notice and this permission notice shall "
            "be included in all copies or substantial portions of the Software."
        ),
        "triggers": triggers,
        "bare_verbs": {
            "shipped": sorted(v for rule in bare for v in rule["lemmas"]),  # type: ignore[attr-defined]
            "rejected_in_review": "see petrarch_verbs_review.json",
            "object_dependent": dependent,
            "already_in_plover_json": sorted(v for v in found.verbs if v in known),
        },
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    shipped = sum(len(r["lemmas"]) for r in bare)  # type: ignore[arg-type]
    print(
        f"{OUT.name}: {len(triggers)} rules; bare verbs: {len(found.verbs)} coded, "
        f"{len(found.verbs) - len(single) - len(dependent)} already ours, {len(dependent)} "
        f"object-dependent, {len(single)} reviewed, {shipped} shipped"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
