"""Identity keys of the records resolution builds across articles.

Resolution merges on these keys and the store looks records up by them, so both import them
from here rather than one layer from the other.

A state and its own armed forces are one side of a process: one outlet writes "the Congolese
army and M23", another "Kinshasa and M23", and the extractor names the side after the army
when the article shows it fighting its own armed group. The keys therefore read an armed
force (an actor of kind "armed force" in the shipped knowledge base) as its state, and the
merges keep the state's name and id when any report names it. Only the shipped actor files
are read: a key must not change with a user's settings, or stored keys would stop matching.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from parley.kb import alias_key, load_kb

__all__ = [
    "STATE_SHORT_NAMES",
    "agreement_key",
    "force_state",
    "other_names",
    "sides_key",
    "split_ref",
    "without_own_forces",
]

# How a record's name calls these states ("US–Russia talks", not "United States–Russia").
STATE_SHORT_NAMES = {"USA": "US", "GBR": "UK", "ARE": "UAE"}


@functools.cache
def _forces() -> tuple[dict[str, str], dict[str, str]]:
    """Armed forces of the shipped knowledge base: id → state id, and each of their names
    (alias-keyed) → the name records give their state. Read once: keys are asked for often."""
    kb = load_kb()
    states: dict[str, str] = {}
    names: dict[str, str] = {}
    for force in kb.of_kind("armed force"):
        if force.country is None or force.country not in kb:
            continue
        states[force.id] = force.country
        state_name = STATE_SHORT_NAMES.get(force.country, kb[force.country].name)
        for name in (force.name, *force.aliases):
            names.setdefault(alias_key(name), state_name)
    return states, names


def force_state(actor_id: str) -> str | None:
    """The state ``actor_id`` is an armed force of, None for any other actor."""
    return _forces()[0].get(actor_id)


def sides_key(parties: Iterable[str]) -> list[str]:
    """The sorted sides of a record, an armed force read as its state."""
    return sorted({force_state(p) or p for p in parties})


def without_own_forces(parties: Iterable[str]) -> list[str]:
    """``parties`` without an armed force whose state is itself a party (in order)."""
    listed = list(dict.fromkeys(parties))
    return [p for p in listed if force_state(p) not in listed]


def _state_named(name: str) -> str:
    """A record name with a side named by an armed force renamed after its state
    ("FARDC–M23 ceasefire" → "Democratic Republic of the Congo–M23 ceasefire"); names that
    join no sides are left alone."""
    if "–" not in name:
        return name
    names = _forces()[1]
    *sides, last = name.split("–")
    out = [names.get(alias_key(s), s) for s in sides]
    words = last.split(" ")
    for i in range(len(words) - 1, 0, -1):  # the last side is followed by the record's kind
        state = names.get(alias_key(" ".join(words[:i])))
        if state is not None:
            last = " ".join([state, *words[i:]])
            break
    return "–".join([*out, last])


def agreement_key(name: str) -> str:
    """Names that differ only in case, articles or a trailing 'treaty' are one agreement; so
    are names whose sides differ only as a state and its armed forces, and a name joining the
    sides ("Kyrgyzstan–Uzbekistan border agreement") is the sides' treaty on the same subject
    ("Kyrgyzstan–Uzbekistan border treaty"): one report calls it a treaty, another an
    agreement."""
    key = alias_key(_state_named(name))
    if "–" in name and key.endswith(" agreement"):
        return key[: -len(" agreement")]
    return key[: -len(" treaty")] if key.endswith(" treaty") else key


def other_names(name: str, names: Iterable[str]) -> list[str]:
    """``names`` that are not ``name`` told again (:func:`agreement_key`), each once, in
    order: an agreement record's aliases."""
    seen = {agreement_key(name)}
    out = []
    for n in names:
        key = agreement_key(n)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return out


def split_ref(ref: str) -> tuple[str, int]:
    """``'sha256:ab12#3'`` → ``('sha256:ab12', 3)`` (a Story's event reference)."""
    aid, _, idx = ref.rpartition("#")
    return aid, int(idx)
