"""Left-over negotiation constructions of the review, fourth batch (nego22, issue 13).

One accord under two names or keys across reports (a long and a short name, a name with and
without its sides, a pair's "peace" and "normalisation" agreement, a known accord and the pair's
record one report gives its name); a minister named without his state; two days written day
first; an unnumbered technical session announced; a vote to withdraw a state from a treaty and
a wire lead's description of the treaty named next; a described rebel subject. The
constructions come from docs/review/negotiation.md ("Left after nego19", "Left after nego20"),
rewritten in our own words with other names, places and numbers; each is tested both ways.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.models import Agreement, AgreementStatus, Analysis, Article, RawDocument
from parley.resolve import merge_agreements


def _report(ident: str, day: str, *agreements: Agreement) -> Analysis:
    article = Article(
        id=f"sha256:{ident}", text="x", published_at=dt.date.fromisoformat(day), outlet=ident
    )
    return Analysis(article=article, agreements=list(agreements))


def _ag(name: str, parties: list[str], *steps: tuple[str, str | None]) -> Agreement:
    return Agreement(
        name=name,
        kind="agreement",
        parties=parties,
        statuses=[AgreementStatus(status=s, date=d) for s, d in steps],
    )


def _records(*pairs: tuple[Agreement, Agreement]) -> list[tuple[str, list[str], list[str]]]:
    """The merged records of two reports, one agreement each, with their parties and steps."""
    out = []
    for first, second in pairs:
        merged = merge_agreements(
            [_report("r1", "2024-03-01", first), _report("r2", "2024-03-08", second)]
        )
        out += [
            (a.name, sorted(a.parties), [f"{s.status} {s.date}" for s in a.statuses])
            for a in merged
        ]
    return out


_PAIR = ["KGZ", "TJK"]

# -- 1. one accord under two names across reports --------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "names"),
    [
        # a long and a short name: the short one cut before its complement
        (
            _ag(
                "MoU on the Two-Stage Plan for Settling the Kyrgyz-Tajik Border Talks",
                _PAIR,
                ("signed", "2024-02-20"),
            ),
            _ag("MOU on the Two-Stage Plan", _PAIR),
            ["MoU on the Two-Stage Plan for Settling the Kyrgyz-Tajik Border Talks"],
        ),
        # a name with and without its sides' names in front
        (
            _ag("Kyrgyzstan-Tajikistan Water Sharing Protocol", _PAIR, ("signed", "2024-02-20")),
            _ag("Water Sharing Protocol", _PAIR, ("signed", "2024-02-20")),
            ["Kyrgyzstan-Tajikistan Water Sharing Protocol"],
        ),
        # the pair's peace treaty told as its normalisation agreement, sides in either order
        (
            _ag("Kyrgyzstan–Tajikistan peace agreement", _PAIR),
            _ag("Tajikistan–Kyrgyzstan normalization agreement", _PAIR, ("ratified", "2024-03-07")),
            ["Kyrgyzstan–Tajikistan peace agreement"],
        ),
        # -- and apart --
        # the short name signed another year: two memoranda
        (
            _ag(
                "MoU on the Two-Stage Plan for Settling the Border Talks",
                _PAIR,
                ("signed", "2024-02-20"),
            ),
            _ag("MoU on the Two-Stage Plan", _PAIR, ("signed", "2019-06-11")),
            [
                "MoU on the Two-Stage Plan",
                "MoU on the Two-Stage Plan for Settling the Border Talks",
            ],
        ),
        # the same short name between other sides
        (
            _ag("MoU on the Two-Stage Plan for Settling the Border Talks", _PAIR),
            _ag("MoU on the Two-Stage Plan", ["KAZ", "UZB"]),
            [
                "MoU on the Two-Stage Plan",
                "MoU on the Two-Stage Plan for Settling the Border Talks",
            ],
        ),
        # a numbered sequel continues with no preposition
        (
            _ag("Osh Water Sharing Agreement II", _PAIR),
            _ag("Osh Water Sharing Agreement", _PAIR),
            ["Osh Water Sharing Agreement", "Osh Water Sharing Agreement II"],
        ),
        # a modifier in place of the sides' names is another instrument
        (
            _ag("Interim Water Sharing Protocol", _PAIR),
            _ag("Water Sharing Protocol", _PAIR),
            ["Interim Water Sharing Protocol", "Water Sharing Protocol"],
        ),
        # a ceasefire and a peace agreement of one pair
        (
            _ag("Kyrgyzstan–Tajikistan ceasefire", _PAIR, ("signed", "2024-02-20")),
            _ag("Kyrgyzstan–Tajikistan peace agreement", _PAIR),
            ["Kyrgyzstan–Tajikistan ceasefire", "Kyrgyzstan–Tajikistan peace agreement"],
        ),
    ],
)
def test_one_accord_under_two_names_across_reports_is_one_record(
    first: Agreement, second: Agreement, names: list[str]
) -> None:
    assert [name for name, _, _ in _records((first, second))] == names


def test_the_joined_record_holds_both_reports_steps_and_the_other_name() -> None:
    first = _ag("Kyrgyzstan–Tajikistan peace agreement", _PAIR, ("signed", "2024-02-20"))
    second = _ag("Tajikistan–Kyrgyzstan normalisation agreement", _PAIR, ("ratified", "2024-03-07"))
    [record] = merge_agreements(
        [_report("r1", "2024-03-01", first), _report("r2", "2024-03-08", second)]
    )
    assert [(s.status, s.date) for s in record.statuses] == [
        ("signed", "2024-02-20"),
        ("ratified", "2024-03-07"),
    ]
    assert record.aliases == ["Tajikistan–Kyrgyzstan normalisation agreement"]


_ACCORD = "Steppe Accords"


@pytest.mark.parametrize(
    ("holders", "records"),
    [
        # one report gives the pair's treaty the accord's name: the accord's signing is the
        # pair's, the accord's other states no parties of it
        (
            [["KGZ", "TJK"]],
            [("Kyrgyzstan–Tajikistan peace agreement", ["KGZ", "TJK"], ["signed 2024-02-20"])],
        ),
        # two pairs' records hold the name: the accord joins neither
        (
            [["KGZ", "TJK"], ["KAZ", "KGZ"]],
            [
                ("Kazakhstan–Kyrgyzstan peace agreement", ["KAZ", "KGZ"], []),
                ("Kyrgyzstan–Tajikistan peace agreement", ["KGZ", "TJK"], []),
                (_ACCORD, ["KAZ", "KGZ", "TJK"], ["signed 2024-02-20"]),
            ],
        ),
    ],
)
def test_a_known_accord_joins_the_one_pair_record_given_its_name(
    holders: list[list[str]], records: list[tuple[str, list[str], list[str]]]
) -> None:
    names = {"KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan", "TJK": "Tajikistan"}
    told = [
        _ag(f"{names[a]}–{names[b]} peace agreement", [a, b]).model_copy(
            update={"aliases": [_ACCORD]}
        )
        for a, b in holders
    ]
    accord = _ag(_ACCORD, ["KAZ", "KGZ", "TJK"], ("signed", "2024-02-20"))
    merged = merge_agreements(
        [
            _report("r1", "2024-02-21", accord),
            *(_report(f"r{i + 2}", "2024-03-01", ag) for i, ag in enumerate(told)),
        ]
    )
    got = [
        (a.name, sorted(a.parties), [f"{s.status} {s.date}" for s in a.statuses]) for a in merged
    ]
    assert got == records


def test_a_pair_record_the_accord_name_and_its_holder_are_one_record() -> None:
    """One report tells the pair's "peace agreement" beside the accord's signing; a later one
    the pair's "normalisation agreement", which it says is known as the accord: one record."""
    peace = _ag("Kyrgyzstan–Tajikistan peace agreement", _PAIR)
    accord = _ag(_ACCORD, ["KAZ", "KGZ", "TJK"], ("signed", "2024-02-20"))
    holder = _ag(
        "Kyrgyzstan–Tajikistan normalisation agreement", _PAIR, ("ratified", "2024-03-07")
    ).model_copy(update={"aliases": [_ACCORD]})
    merged = merge_agreements(
        [_report("r1", "2024-02-21", peace, accord), _report("r2", "2024-03-08", holder)]
    )
    assert [(a.name, sorted(a.parties), [s.status for s in a.statuses]) for a in merged] == [
        ("Kyrgyzstan–Tajikistan normalisation agreement", _PAIR, ["signed", "ratified"])
    ]


def _run(pipeline, text: str, day: str) -> Analysis:  # type: ignore[no-untyped-def]
    raw = RawDocument(source="t.txt", text=text, published_at=dt.date.fromisoformat(day))
    return pipeline.run(raw)


def _rounds(an: Analysis) -> list[tuple[str, list[str], str, str | None]]:
    return [(t.name, sorted(t.parties), r.status, r.date) for t in an.tracks for r in t.rounds]


# -- 2. a minister named without his state: the office the knowledge base gives ----------------

_TRIP = (
    "Bahrain and Israel signed a peace declaration three years ago. Foreign Minister {} flew "
    "to Vienna on Tuesday to meet with his Bahraini and Austrian counterparts to discuss "
    "further steps in normalizing ties."
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("who", "rounds"),
    [
        # the knowledge base's foreign minister of Israel on that day
        ("Eli Cohen", [("Bahrain–Israel peace talks", ["BHR", "ISR"], "held", "2023-05-02")]),
        # a name the knowledge base does not hold: no state, no round
        ("Dan Orel", []),
    ],
)
def test_a_minister_named_without_his_state_takes_his_offices_state(
    pipeline, who: str, rounds: list[tuple[str, list[str], str, str | None]]
) -> None:  # type: ignore[no-untyped-def]
    assert _rounds(_run(pipeline, _TRIP.format(who), "2023-05-04")) == rounds


# -- 4c. two days of one month written day first: dated by the first --------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("when", "day"),
    [
        ("from 10th to 13th January 2023", "2023-01-10"),
        ("from 10 to 13 January", "2023-01-10"),
        ("on 10-13 January 2023", "2023-01-10"),
        # one day: its own
        ("on 13th January 2023", "2023-01-13"),
        ("on 13 January", "2023-01-13"),
    ],
)
def test_a_span_of_days_written_day_first_is_dated_by_its_first_day(
    pipeline, when: str, day: str
) -> None:  # type: ignore[no-untyped-def]
    text = f"Ministers of Chad and Niger met in Niamey {when} to discuss the border."
    assert _rounds(_run(pipeline, text, "2023-01-20")) == [
        ("Niger–Chad talks", ["NER", "TCD"], "held", day)
    ]


# -- 4b. an unnumbered technical session announced in the future --------------------------------

_HELD = "Peru and Chile held a second round of talks in Lima on Saturday."


def _sessions(an: Analysis) -> list[tuple[int | None, str, str | None, str | None]]:
    return [(r.ordinal, r.status, r.venue, r.date) for t in an.tracks for r in t.rounds]


@pytest.mark.model
@pytest.mark.parametrize(
    ("more", "sessions"),
    [
        # an expert session "starting Wednesday this week", told on a Saturday: the coming one
        (
            "He added that technical talks at the expert level will be held in Quito starting "
            "Wednesday this week.",
            [(2, "held", "Lima", "2025-04-19"), (None, "planned", "Quito", "2025-04-23")],
        ),
        # beside an announced third round, which keeps its own (unknown) day
        (
            "A third round will be held in Lima. Technical talks will be held in Quito on "
            "Wednesday.",
            [
                (2, "held", "Lima", "2025-04-19"),
                (3, "planned", "Lima", None),
                (None, "planned", "Quito", "2025-04-23"),
            ],
        ),
        # elections are no session of the talks
        (
            "Elections will be held in Quito on Wednesday.",
            [(2, "held", "Lima", "2025-04-19")],
        ),
    ],
)
def test_an_unnumbered_technical_session_announced_is_a_planned_round(
    pipeline, more: str, sessions: list[tuple[int | None, str, str | None, str | None]]
) -> None:  # type: ignore[no-untyped-def]
    assert _sessions(_run(pipeline, f"{_HELD} {more}", "2025-04-19")) == sessions


# -- 4a. a vote to withdraw a state from a treaty --------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "steps"),
    [
        # a legislature votes to withdraw its state: the state's withdrawal, still to come
        (
            "Russia left the Steppe Patrol Treaty last year. The Mazhilis has voted to withdraw "
            "Kazakhstan from the treaty.",
            [("withdrawn (expected)", None, "KAZ")],
        ),
        (
            "Kazakhstan has voted to withdraw from the Steppe Patrol Treaty.",
            [("withdrawn (expected)", None, "KAZ")],
        ),
        # a wire lead describes the treaty the next sentence names
        (
            "ASTANA (Reuters) - Kazakhstan's Senate has voted to withdraw from an international "
            "treaty allowing joint patrols along the border. The May 4 vote to leave the Steppe "
            "Patrol Treaty must still be signed by the president.",
            [("withdrawn (expected)", None, "KAZ")],
        ),
        # -- and not --
        # the withdrawal itself is done, on its day
        (
            "Kazakhstan withdrew from the Steppe Patrol Treaty on Tuesday.",
            [("withdrawn", "2021-05-04", "KAZ")],
        ),
        # observers withdrawn from a zone leave no treaty
        (
            "Russia left the Steppe Patrol Treaty last year. Kazakhstan withdrew its observers "
            "from the treaty zone.",
            [],
        ),
        # another's exit told by a noun is no step of the described treaty
        (
            "ASTANA (Reuters) - Kazakhstan's Senate met on Tuesday, following the Russian exit "
            "from an international treaty allowing joint patrols. The May 4 vote to leave the "
            "Steppe Patrol Treaty must still be signed by the president.",
            [],
        ),
        # a trade deal is not the treaty the next sentence names
        (
            "ASTANA (Reuters) - Kazakhstan's Senate has voted to approve a new trade deal with "
            "China. The Steppe Patrol Treaty was signed in 2010.",
            [("signed", "2010", None)],
        ),
    ],
)
def test_a_vote_to_withdraw_a_state_is_its_expected_withdrawal(
    pipeline, text: str, steps: list[tuple[str, str | None, str | None]]
) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, text, "2021-05-05")
    found = [(s.status, s.date, s.by) for a in an.agreements for s in a.statuses]
    assert [s for s in found if s[0] != "withdrawn" or s[2] != "RUS"] == steps


# -- 5b. a described rebel subject in a lead -------------------------------------------------

_FARC = (
    "FARC rebels and the Colombian government held talks in Havana for four years. {} The "
    "Havana Accord aims to end decades of war."
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("lead", "by"),
    [
        ("Colombia's largest rebel group signed a landmark deal on Saturday.", "group:farc"),
        # the government told by its state
        ("Colombia's government signed a landmark deal on Saturday.", "COL"),
    ],
)
def test_a_described_rebel_subject_signs_for_the_armed_group(pipeline, lead: str, by: str) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _FARC.format(lead), "2016-09-26")
    assert [(a.name, [(s.status, s.date, s.by) for s in a.statuses]) for a in an.agreements] == [
        ("Havana Accord", [("signed", "2016-09-24", by)])
    ]


def test_a_second_long_name_of_the_short_one_signed_another_day_stays_apart() -> None:
    """The short name joins the first long name; a second memorandum of the same head, signed
    years before the first, is related to the short name but dated apart from the accord."""
    first = _ag(
        "MoU on the Two-Stage Plan for Settling the Border Talks", _PAIR, ("signed", "2024-02-20")
    )
    short = _ag("MoU on the Two-Stage Plan", _PAIR)
    older = _ag(
        "MoU on the Two-Stage Plan for Dividing the River Waters", _PAIR, ("signed", "2019-06-11")
    )
    merged = merge_agreements(
        [
            _report("r1", "2024-03-01", first),
            _report("r2", "2024-03-05", short),
            _report("r3", "2024-03-08", older),
        ]
    )
    assert [(a.name, a.aliases) for a in merged] == [
        ("MoU on the Two-Stage Plan for Dividing the River Waters", []),
        ("MoU on the Two-Stage Plan for Settling the Border Talks", ["MoU on the Two-Stage Plan"]),
    ]
