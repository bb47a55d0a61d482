"""Print, per office, how many UN member states of a region the shipped knowledge base dates.

Why: issue 12 asks for the office holders of every state; this table says where the data
stands: states with at least one dated term, states with a term known to be held on a day, and
states with an open term (no end), whose holder is known up to the term's last check.

    .venv/bin/python scripts/office_coverage.py [--region africa,middle_east] [--day D] [--missing]

The regions are the split between the engineers who filled in office holders for issue 12;
together they hold every UN member state (the default: all four).
"""

from __future__ import annotations

import argparse
import datetime as dt

import parley.knowledge as knowledge
from parley.kb import load_kb

OFFICES = (
    "foreign_minister",
    "defence_minister",
    "president",
    "prime_minister",
    "chancellor",
    "monarch",
)
REGIONS = {
    "africa": "DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG COD CIV DJI EGY GNQ ERI SWZ ETH "
    "GAB GMB GHA GIN GNB KEN LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA STP SEN "
    "SYC SLE SOM ZAF SSD SDN TZA TGO TUN UGA ZMB ZWE",
    "middle_east": "BHR IRN IRQ ISR JOR KWT LBN OMN QAT SAU SYR TUR ARE YEM ARM AZE GEO",
    "europe": "ALB AND AUT BLR BEL BIH BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN ISL IRL ITA "
    "LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN ESP SWE CHE "
    "UKR GBR",
    "asia_americas_oceania": "ATG ARG BHS BRB BLZ BOL BRA CAN CHL COL CRI CUB DMA DOM ECU SLV "
    "GRD GTM GUY HTI HND JAM MEX NIC PAN PRY PER KNA LCA VCT SUR TTO USA URY VEN KAZ KGZ TJK TKM "
    "UZB AFG BGD BTN IND MDV NPL PAK LKA CHN JPN MNG PRK KOR BRN KHM IDN LAO MYS MMR PHL SGP THA "
    "TLS VNM AUS FJI KIR MHL FSM NRU NZL PLW PNG WSM SLB TON TUV VUT",
}


Table = dict[str, tuple[set[str], set[str], set[str]]]


def coverage(states: frozenset[str], day: dt.date) -> Table:
    """Per office: the states with a dated term, with a term held on ``day``, with an open term."""
    table: Table = {o: (set(), set(), set()) for o in OFFICES}
    for actor in load_kb().actors.values():
        for role in actor.roles:
            office, _, code = (role.key or "").partition(":")
            if office in table and code in states and role.start is not None:
                table[office][0].add(code)
                if role.held_on(day):
                    table[office][1].add(code)
                if role.end is None:
                    table[office][2].add(code)
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--region", default=",".join(REGIONS))
    parser.add_argument("--day", type=dt.date.fromisoformat, default=dt.date(2026, 12, 4))
    parser.add_argument("--missing", action="store_true", help="list states with no term")
    args = parser.parse_args()
    un = set(knowledge.document("un_members.json", "parley-un-members/1")["members"])
    states = frozenset(c for r in args.region.split(",") for c in REGIONS[r].split()) & un
    print(f"{len(states)} UN member states; dated / held on {args.day}")
    print("| office | states with a dated term | held on the day | with an open term |")
    print("| --- | --- | --- | --- |")
    for office, (dated, held, open_) in coverage(states, args.day).items():
        print(f"| {office} | {len(dated)} | {len(held)} | {len(open_)} |")
        if args.missing:
            print("   no term:", " ".join(sorted(states - dated)))
            print("   not held:", " ".join(sorted(dated - held)))


if __name__ == "__main__":
    main()
