"""Split the events gold set into a development part and a frozen test part.

Our own gold is written by the same hands as the code, so tuning against all of it would hide
over-fitting. The split is stable: a document goes to ``test`` when the first byte of the SHA-256
of its id is odd, so re-running the script on the same file gives the same parts, and a new
document lands in a part without moving any other. The test part is frozen: it is scored, never
read while tuning.

    .venv/bin/python scripts/split_event_gold.py tests/golden/events.gold.json

writes ``events.dev.gold.json`` and ``events.test.gold.json`` beside the input, each with the
shared actors it uses.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any


def part_of(doc_id: str) -> str:
    """``test`` or ``dev``, from a hash of the id alone (stable across runs and reorderings)."""
    return "test" if hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2 else "dev"


def split(gold: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The two parts of a gold file, each a complete ``parley-gold/1`` file of its own."""
    parts: dict[str, dict[str, Any]] = {}
    for name in ("dev", "test"):
        docs = [d for d in gold["documents"] if part_of(d["id"]) == name]
        part = {k: v for k, v in gold.items() if k != "documents"}
        part["about"] = f"{gold.get('about', '')} This is the {name} part ({_role(name)})."
        part["documents"] = docs
        parts[name] = part
    return parts


def _role(name: str) -> str:
    if name == "test":
        return "frozen before tuning: scored, never read while tuning"
    return "for development: read and tuned against"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    args = parser.parse_args(argv)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    stem = args.gold.name.removesuffix(".gold.json")
    for name, part in split(gold).items():
        out = args.gold.with_name(f"{stem}.{name}.gold.json")
        out.write_text(json.dumps(part, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{out.name}: {len(part['documents'])} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
