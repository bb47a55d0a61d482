"""Print, per office, how many UN member states of a region the knowledge base covers.

Two counts per office (issue 12's coverage point): states with at least one dated term, and
states with a term held on the given day (``Role.held_on``: an open term whose ``checked``
day lies before it does not count, because the resolver would not assume that holder).

    .venv/bin/python scripts/region_office_coverage.py --region asia_americas_oceania
    .venv/bin/python scripts/region_office_coverage.py --region asia_americas_oceania --missing
"""

from __future__ import annotations

import argparse
import datetime as dt

import parley.knowledge as knowledge
from parley.kb import load_kb

OFFICES = ("foreign_minister", "defence_minister", "president", "prime_minister", "monarch")

# UN member states by region, as ISO 3166-1 alpha-3 state ids (the split between the two
# engineers who filled in office holders for issue 12).
REGIONS = {
    "asia_americas_oceania": (
        # the Americas and the Caribbean
        "ATG ARG BHS BRB BLZ BOL BRA CAN CHL COL CRI CUB DMA DOM ECU SLV GRD GTM GUY HTI HND "
        "JAM MEX NIC PAN PRY PER KNA LCA VCT SUR TTO USA URY VEN "
        # Central, South, East and South-East Asia
        "KAZ KGZ TJK TKM UZB AFG BGD BTN IND MDV NPL PAK LKA CHN JPN MNG PRK KOR "
        "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM "
        # Oceania
        "AUS FJI KIR MHL FSM NRU NZL PLW PNG WSM SLB TON TUV VUT"
    ).split(),
}


def coverage(states: list[str], day: dt.date) -> dict[str, tuple[set[str], set[str]]]:
    """For each office: (states with a dated term, states with a term held on ``day``)."""
    kb = load_kb()
    wanted = set(states)
    found: dict[str, tuple[set[str], set[str]]] = {o: (set(), set()) for o in OFFICES}
    for actor in kb.actors.values():
        for role in actor.roles:
            office, _, code = (role.key or "").partition(":")
            if office not in found or code not in wanted or role.start is None:
                continue
            found[office][0].add(code)
            if role.held_on(day):
                found[office][1].add(code)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--region", choices=sorted(REGIONS), required=True)
    parser.add_argument("--day", type=dt.date.fromisoformat, default=dt.date(2026, 12, 4))
    parser.add_argument("--missing", action="store_true", help="list the states not covered")
    args = parser.parse_args()
    un = set(knowledge.document("un_members.json", "parley-un-members/1")["members"])
    states = [s for s in REGIONS[args.region] if s in un]
    found = coverage(states, args.day)
    print(f"{args.region}: {len(states)} UN member states; held on {args.day}")
    print("| office | states with a dated term | held on the day |")
    print("| --- | ---: | ---: |")
    for office, (dated, held) in found.items():
        print(f"| {office} | {len(dated)} | {len(held)} |")
    if args.missing:
        for office, (dated, held) in found.items():
            print(office, "no term:", " ".join(sorted(set(states) - dated)))
            print(office, "not held:", " ".join(sorted(set(states) - held)))


if __name__ == "__main__":
    main()
