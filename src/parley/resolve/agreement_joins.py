"""One accord under two keys across reports: which merged agreements are the same (nego22).

:class:`~parley.resolve.agreements.AgreementMerger` merges reports by key (the name, told
again). Reports name one accord differently: a long and a short name ("the MoU on the
Three-Step Roadmap for Expediting the Boundary Negotiations", "the MoU on the Three-Step
Roadmap"), a name with and without its sides ("the EU-Morocco Fisheries Protocol", "the
Fisheries Protocol"), the two states' "peace" and "normalisation" agreement, a known accord and
the pair's record that one report names it by (an alias). Such records are joined when

1. their names are related in one of those ways (:func:`related`), never by sides alone: two
   states sign many treaties;
2. their parties agree (the same sides; for an alias, the pair's sides are among the accord's);
3. no step both tell, by the same party, is dated on days that cannot be one day
   (:func:`dates_conflict`).

Only records whose reports share a link key (:func:`agreement_link_keys`: the name, an alias,
the name cut before a complement or without its sides' names, the pair and topic of a name that
joins its sides) are compared, so the store's refresh, which files articles under those keys and
looks them up, reads every report a join can depend on and writes what a rebuild writes. The
words these keys read are the shipped lexicon's: a user's word list must not change which
stored links exist.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from parley import knowledge
from parley.kb import alias_key, load_kb
from parley.keys import STATE_SHORT_NAMES, agreement_key, sides_key
from parley.models import Agreement, AgreementStatus

__all__ = [
    "agreement_link_keys",
    "candidate_groups",
    "dates_conflict",
    "holder_first",
    "join_groups",
    "related",
]

_LEXICON = "lexicon/negotiation.json"

# Marks the link key of a pair's record by its sides and topic: no name's key starts with it
# (alias keys hold only letters, digits, underscores and spaces).
TOPIC_LINK = "~topic "


@functools.cache
def _shipped_words(key: str) -> frozenset[str]:
    """The shipped lexicon's list ``key``, lower-cased (see the module docstring)."""
    return frozenset(str(w).lower() for w in knowledge.shipped(_LEXICON)[key])


def agreement_link_keys(ag: Agreement) -> frozenset[str]:
    """The keys an article's report of ``ag`` is filed under: its own key and its aliases',
    its name cut before each complement ("mou on the three-step roadmap" of "… for expediting
    …"), its name without its sides' names in front, and its sides with its topic when the
    name joins them. Two reports can be one accord (:func:`related`) only when they share one
    (nego22)."""
    key = agreement_key(ag.name)
    keys = {key, *(agreement_key(a) for a in ag.aliases)}
    words = key.split()
    continuing = _shipped_words("name_continuation_prepositions")
    keys |= {" ".join(words[:i]) for i in range(3, len(words)) if words[i] in continuing}
    rest = _without_sides(words, ag.parties)
    if rest is not None and len(rest) >= 2:
        keys.add(" ".join(rest))
    topic = _pair_topic(ag)
    if topic is not None:
        keys.add(TOPIC_LINK + "|".join(sides_key(ag.parties)) + " " + topic)
    return frozenset(keys)


def candidate_groups(links: Iterable[frozenset[str]], keys: Sequence[str]) -> list[list[str]]:
    """``keys`` (in order) grouped by the link keys their reports share, transitively: each
    report's link keys (``links``, its own key among them) are one group."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for told in links:
        first, *rest = sorted(told)
        for k in rest:
            parent[find(k)] = find(first)
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(find(k), []).append(k)
    return list(groups.values())


def join_groups(group: list[str], records: dict[str, Agreement]) -> list[list[str]]:
    """The keys of one candidate group (oldest first) as the accords they are: a record joins
    the earlier accords it is related to without a date conflict (and so joins them: "peace
    agreement", then the accord's name, then the "normalisation agreement" that holds it as an
    alias), and stays apart when they were told on days apart. A name that two records hold as
    an alias (two pairs' treaties "known as" one accord) joins neither."""
    shared = {
        k for k in group if sum(_alias_of(records[h], records[k]) for h in group if h != k) > 1
    }

    def fits(accord: list[str], key: str) -> bool:
        """``key`` names the accord of one of its records and is dated apart from none."""
        ag = records[key]
        return any(related(records[k], ag, not shared & {k, key}) for k in accord) and not any(
            dates_conflict(records[k].statuses, ag.statuses) for k in accord
        )

    accords: list[list[str]] = []
    for key in group:
        into = [a for a in accords if fits(a, key)]
        joined = [k for a in into for k in a]
        if len(into) > 1 and any(
            dates_conflict(records[k].statuses, records[o].statuses) for k in joined for o in joined
        ):
            into = []  # it would join accords told on days apart: it stays apart
        if into:
            accords = [a for a in accords if a not in into]
            accords.append([*joined, key])
        else:
            accords.append([key])
    return sorted(accords, key=lambda a: group.index(a[0]))


def related(a: Agreement, b: Agreement, aliases: bool = True) -> bool:
    """Whether ``a`` and ``b`` name one accord, their parties agreeing (module docstring);
    without ``aliases``, not by a name one gave the other."""
    if aliases and (_alias_of(a, b) or _alias_of(b, a)):
        return True
    sides = sides_key(a.parties)
    if len(sides) < 2 or sides != sides_key(b.parties):
        return False
    return (
        _same_pair_topic(a, b)
        or _head_of(a.name, b.name)
        or _head_of(b.name, a.name)
        or _sides_dropped(a, b)
        or _sides_dropped(b, a)
    )


def holder_first(records: list[Agreement]) -> Agreement:
    """The record an accord's joined records are shown under: the one holding another's name
    as an alias (the pair's record the accord's name was given to), else the longest name,
    else the oldest."""
    for r in records:
        if any(_alias_of(r, o) for o in records if o is not r):
            return r
    return max(records, key=lambda r: len(alias_key(r.name).split()))


def _alias_of(holder: Agreement, named: Agreement) -> bool:
    """``named``'s name is one ``holder`` was given (Europost's normalisation agreement "known
    as the Abraham Accords"), and ``holder``'s sides are among ``named``'s (or ``named`` has
    none): the accord of more states is the pair's treaty there."""
    if agreement_key(named.name) not in {agreement_key(x) for x in holder.aliases}:
        return False
    sides = set(sides_key(holder.parties))
    return not named.parties or sides <= set(sides_key(named.parties))


def _same_pair_topic(a: Agreement, b: Agreement) -> bool:
    """Two records named by their sides with one topic, the peace treaty of two states also
    called their normalisation agreement (``accord_member_topics``): "UAE–Israel peace
    agreement", "Israel–UAE normalisation agreement". A ceasefire and a peace agreement, a
    border treaty and a protocol, stay apart."""
    ta, tb = _pair_topic(a), _pair_topic(b)
    return ta is not None and ta == tb


def _pair_topic(ag: Agreement) -> str | None:
    """The words after the sides of a record named "A–B topic kind", the kind dropped and a
    peace synonym read as "peace"; None for a name that does not join its sides."""
    if "–" not in ag.name:
        return None
    tail = alias_key(ag.name.rsplit("–", 1)[1]).split()
    rest = _after_side(tail, ag.parties)
    if rest is None or not rest:
        return None
    kinds = {"agreement", "treaty", "deal", "accord", "accords"}
    words = [w for w in rest if w not in kinds] or rest
    peace = _shipped_words("accord_member_topics")
    return " ".join("peace" if w in peace else w for w in words)


def _after_side(words: list[str], parties: Sequence[str]) -> list[str] | None:
    """``words`` after the one side's name they start with, None when they start with none."""
    for name in sorted(_side_names(tuple(sides_key(parties))), key=len, reverse=True):
        if words[: len(name)] == list(name):
            return words[len(name) :]
    return None


def _head_of(short: str, long: str) -> bool:
    """``long`` is ``short`` with a complement ("the MoU on the Three-Step Roadmap" and "… for
    Expediting the Boundary Negotiations"): ``short`` of three words or more, the next word a
    preposition (``name_continuation_prepositions``); "Minsk Agreement" and "Minsk Agreement
    II" stay apart."""
    s, lw = agreement_key(short).split(), agreement_key(long).split()
    if len(s) < 3 or len(lw) <= len(s) or lw[: len(s)] != s:
        return False
    return lw[len(s)] in _shipped_words("name_continuation_prepositions")


def _sides_dropped(short: Agreement, long: Agreement) -> bool:
    """``long`` is ``short``'s name after its sides' names ("EU-Morocco Fisheries Protocol",
    "Fisheries Protocol"); ``short`` of two words or more; a modifier ("Interim",
    "Supplementary") in their place is another agreement."""
    s = agreement_key(short.name).split()
    rest = _without_sides(agreement_key(long.name).split(), long.parties)
    return len(s) >= 2 and rest == s


def _without_sides(words: list[str], parties: Sequence[str]) -> list[str] | None:
    """``words`` after the names of the sides they start with ("eu morocco fisheries
    protocol" → "fisheries protocol"); None when they start with no side's name."""
    names = sorted(_side_names(tuple(sides_key(parties))), key=len, reverse=True)
    rest, dropped = words, False
    while rest:
        step = next((n for n in names if rest[: len(n)] == list(n)), None)
        if step is None:
            break
        rest, dropped = rest[len(step) :], True
    return rest if dropped else None


@functools.cache
def _side_names(sides: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """The words of every name the shipped knowledge base gives these sides (names, aliases,
    the short names records use)."""
    kb = load_kb()
    out: set[tuple[str, ...]] = set()
    for side in sides:
        names = [STATE_SHORT_NAMES.get(side, "")]
        if side in kb:
            names += [kb[side].name, *kb[side].aliases]
        out |= {tuple(alias_key(n).split()) for n in names if alias_key(n)}
    return frozenset(out)


def dates_conflict(a: Sequence[AgreementStatus], b: Sequence[AgreementStatus]) -> bool:
    """Whether a step both timelines tell as done, by the same party (or by none), is dated in
    each on days that cannot be one (neither date within the other): "signed 2018-03-06" and
    "signed 2010-04-08" are two treaties."""
    for st in a:
        if not st.date or st.status.endswith("(expected)"):
            continue
        others = [o for o in b if o.status == st.status and o.by == st.by and o.date]
        if others and not any(_nested(st.date, o.date or "") for o in others):
            mine = [x.date or "" for x in a if x.status == st.status and x.by == st.by]
            if not any(_nested(d, o.date or "") for d in mine if d for o in others):
                return True
    return False


def _nested(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)
