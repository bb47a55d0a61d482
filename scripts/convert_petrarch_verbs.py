"""Convert PETRARCH2's CAMEO verb dictionary into Parley trigger rules (PLOVER types).

PETRARCH2 (openeventdata/petrarch2, MIT licence) ships ``CAMEO.2.0.txt``: verb blocks of
synonyms, each verb with a CAMEO code, and patterns "- * OBJECT [code]" that narrow a verb by
its object. This script keeps the two shapes Parley's rules can express without the Treebank
matcher:

* a pattern whose object is one plain word becomes a rule "this verb with this object" (the
  object makes the verb specific: "stage" + "rally" is PROTEST, "overrun" + "base" ASSAULT);
* bare verbs with their block's code are counted but not written: read alone they are too
  ambiguous ("expect", "come", "best" all carry codes), and the review of each is still to do.

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

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "parley" / "data" / "lexicon" / "petrarch_verbs.json"
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
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
VERB = re.compile(r"^\+?([A-Z_]+)\s*(?:\{[^}]*\})?\s*(?:\[([0-9:]+)\])?")
SPEECH = frozenset(
    "say tell report claim state quote describe note add write announce confirm".split()
)
FUNCTION_WORDS = frozenset("with from to of for in on by at into over against".split())
PATTERN = re.compile(r"^-\s+\*\s+([A-Z]+)\s+\[([0-9:]+)\]\s*#\s*([A-Z_]+)")


def plover_type(code: str) -> str | None:
    """The PLOVER type of a CAMEO code ("042:043" takes its first code), None for 01."""
    first = code.split(":")[0]
    for prefix in sorted(SPECIAL, key=len, reverse=True):
        if first.startswith(prefix):
            return SPECIAL[prefix]
    return ROOTS.get(first[:2])


def read(path: Path) -> tuple[dict[str, str], dict[tuple[str, str], set[str]]]:
    """Verb lemma -> PLOVER type, and (type, verb) -> object words, from the dictionary."""
    verbs: dict[str, str] = {}
    objects: dict[tuple[str, str], set[str]] = defaultdict(set)
    block_code = "---"
    for raw in path.read_text("latin-1").splitlines():
        line = raw.split("#")[0].rstrip() if not raw.startswith("- ") else raw.rstrip()
        if not line or raw.startswith("#"):
            continue
        block = BLOCK.match(line)
        if block:
            block_code = block.group(2)
            continue
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
            kind = plover_type(verb.group(2) or block_code)
            if kind:
                verbs.setdefault(verb.group(1).lower(), kind)
    return verbs, objects


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


def rules(
    verbs: dict[str, str], objects: dict[tuple[str, str], set[str]], known: set[str]
) -> list[dict[str, object]]:
    """Trigger rules in ``plover.json``'s shape: object patterns first, then bare verbs."""
    out: list[dict[str, object]] = []
    for (kind, verb), words in sorted(objects.items()):
        if verb not in known:
            out.append({"type": kind, "pos": ["VERB"], "lemmas": [verb], "objects": sorted(words)})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionary", type=Path, help="CAMEO.2.0.txt from petrarch2")
    parser.add_argument("--commit", required=True, help="the petrarch2 commit it was read at")
    args = parser.parse_args(argv)
    verbs, objects = read(args.dictionary)
    triggers = rules(verbs, objects, ours())
    data = {
        "format": "parley-plover/1",
        "about": (
            "Verb triggers converted by scripts/convert_petrarch_verbs.py from PETRARCH2's CAMEO "
            "verb dictionary (verb + object patterns), CAMEO codes mapped to PLOVER types. Tried "
            "after plover.json's own rules."
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
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{OUT.name}: {len(triggers)} rules; {len(verbs)} bare verbs with codes not written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
