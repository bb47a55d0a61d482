"""Left-over negotiation constructions of the review, third batch (nego20, issue 13).

A legislature's or cabinet's approval of a treaty, a headline's "to Vote on Monday", a
withdrawal with its date between the verb and "from" and a described anaphor of the treaty,
one party's expected withdrawal beside another's done one, a meeting on a trip's day, a
co-organiser named with "with … as", a head-first name after a capitalised word ("the Joint
Agreement on …"), and a known accord of more states told as the peace treaty of two of them.
The constructions come from docs/review/negotiation.md ("Left after nego17", "Left after
nego18"), rewritten in our own words with other names, places and numbers; each is tested both
ways.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.models import Agreement, AgreementStatus, Analysis, Article, RawDocument
from parley.resolve import merge_agreements


def _run(pipeline, text: str, day: str) -> Analysis:  # type: ignore[no-untyped-def]
    raw = RawDocument(source="t.txt", text=text, published_at=dt.date.fromisoformat(day))
    return pipeline.run(raw)


def _steps(an: Analysis) -> list[tuple[str, list[str], list[tuple[str, str | None, str | None]]]]:
    return [
        (a.name, sorted(a.parties), [(s.status, s.date, s.by) for s in a.statuses])
        for a in an.agreements
    ]


def _mediators(an: Analysis) -> list[str]:
    return sorted({m for t in an.tracks for m in t.mediators})


# -- 1. a legislature's or cabinet's approval is its state's ratification --------------------

_TREATY = "the Caspian Border Treaty with Turkmenistan"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "steps"),
    [
        (
            f"The Kazakh Mazhilis approved {_TREATY} on Wednesday, after a short debate.",
            [("ratified", "2021-03-10", "KAZ")],
        ),
        # the passive, the body as agent
        (
            f"{_TREATY[0].upper()}{_TREATY[1:]} was approved by the Kazakh Mazhilis on Wednesday.",
            [("ratified", "2021-03-10", "KAZ")],
        ),
        # a cabinet's vote still to come is an expected step
        (
            f"Kazakhstan's cabinet will vote to approve {_TREATY} on Monday.",
            [("ratified (expected)", "2021-03-15", "KAZ")],
        ),
        # no state named for the body: whose approval is not told
        (f"The parliament approved {_TREATY} on Wednesday.", []),
        # a minister's or a party's approval is no state's ratification
        (f"Kazakh Foreign Minister Aibek Nurlanov approved {_TREATY} on Wednesday.", []),
        (f"The opposition Ak Zhol party approved {_TREATY} on Wednesday.", []),
    ],
)
def test_a_legislature_or_cabinet_approving_a_treaty_ratifies_it_for_its_state(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    steps: list[tuple[str, str | None, str | None]],
) -> None:
    an = _run(pipeline, text, "2021-03-11")
    [agreement] = an.agreements
    assert [(s.status, s.date, s.by) for s in agreement.statuses] == steps


# -- 2. a headline's "to Vote on Monday" -----------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("headline", "day"),
    [
        # "X to Vote on Monday": what X is to do, the coming Monday (not the nearer past one)
        (
            "Slovak Government, Parliament to Vote on Monday on Border Deal with Hungary",
            "2020-10-19",
        ),
        # a headline in the past keeps the Monday before
        ("Slovak Parliament Voted on Monday on Border Deal with Hungary", "2020-10-12"),
    ],
)
def test_a_headline_infinitive_dates_its_weekday_forward(
    pipeline,  # type: ignore[no-untyped-def]
    headline: str,
    day: str,
) -> None:
    text = headline + "\n\nPrime Minister Jan Novak said the deal was a good one."
    an = _run(pipeline, text, "2020-10-15")
    told = [e for e in an.events if e.evidence.text.startswith("Slovak")]
    assert [e.date.value for e in told if e.date] == [day]


# -- 3. "withdrew on <date> from the <described> agreement" ----------------------------------

_CFE = "Hungary signed the CFE Treaty in 1990. "


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "withdrawn"),
    [
        (
            _CFE + "Hungary formally withdrew on March 3, 2019, from the arms-control and "
            "verification treaty that Budapest said Moscow had long ignored.",
            [("withdrawn", "2019-03-03", "HUN")],
        ),
        (
            _CFE + "Hungary withdrew on Sunday from the treaty.",
            [("withdrawn", "2019-03-03", "HUN")],
        ),
        # troops withdrawn from a zone are no withdrawal from the treaty
        (
            _CFE + "Hungary withdrew its observers on March 3, 2019, from the border zone the "
            "treaty covers.",
            [],
        ),
    ],
)
def test_a_date_between_withdrew_and_from_still_withdraws(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    withdrawn: list[tuple[str, str | None, str | None]],
) -> None:
    an = _run(pipeline, text, "2019-03-08")
    [agreement] = an.agreements
    steps = [(s.status, s.date, s.by) for s in agreement.statuses]
    assert [s for s in steps if s[0].startswith("withdrawn")] == withdrawn


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "violated"),
    [
        # a breach told as what a speaker said is the speaker's accusation
        (
            _CFE + "Hungary withdrew on March 3, 2019, from the arms-control and verification "
            "treaty that Budapest repeatedly said Moscow flagrantly violated.",
            [("violated", None, "RUS", "HUN")],
        ),
        # a breach told as fact is nobody's claim
        (
            _CFE + "Moscow flagrantly violated the treaty in 2014.",
            [("violated", "2014", "RUS", None)],
        ),
    ],
)
def test_a_breach_a_speaker_said_is_attributed_to_the_speaker(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    violated: list[tuple[str, str | None, str | None, str | None]],
) -> None:
    an = _run(pipeline, text, "2019-03-08")
    [agreement] = an.agreements
    steps = [(s.status, s.date, s.by, s.attributed_to) for s in agreement.statuses]
    assert [s for s in steps if s[0] == "violated"] == violated


def _analysis(aid: str, day: str, steps: list[AgreementStatus]) -> Analysis:
    article = Article(
        id=aid, source=f"{aid}.txt", text="x", published_at=dt.date.fromisoformat(day)
    )
    treaty = Agreement(
        name="Treaty on Conventional Armed Forces in Europe", kind="treaty", statuses=steps
    )
    return Analysis(article=article, agreements=[treaty])


@pytest.mark.parametrize(
    ("expected_by", "kept"),
    [
        # one party's withdrawal still to come stays beside another party's done one
        ("HUN", [("withdrawn", "2019-03-03", "SVK"), ("withdrawn (expected)", None, "HUN")]),
        # the same party's expectation came true
        ("SVK", [("withdrawn", "2019-03-03", "SVK")]),
        # an expectation with no actor is taken for the step done
        (None, [("withdrawn", "2019-03-03", "SVK")]),
    ],
)
def test_one_partys_expected_withdrawal_is_kept_beside_anothers_done_one(
    expected_by: str | None,
    kept: list[tuple[str, str | None, str | None]],
) -> None:
    done = AgreementStatus(status="withdrawn", date="2019-03-03", by="SVK")
    planned = AgreementStatus(status="withdrawn (expected)", by=expected_by)
    analyses = [_analysis("a1", "2019-03-04", [done]), _analysis("a2", "2019-05-20", [planned])]
    [treaty] = merge_agreements(analyses)
    assert [(s.status, s.date, s.by) for s in treaty.statuses] == kept


# -- 4. a meeting on a trip's day ------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("verb", "rounds"),
    [
        ("flew to Vienna", [("held", "2020-10-13")]),
        # a departure may come days before the meeting: no day for it
        ("left for Vienna", []),
    ],
)
def test_a_meeting_a_minister_travelled_to_is_a_round_on_the_trips_day(
    pipeline,  # type: ignore[no-untyped-def]
    verb: str,
    rounds: list[tuple[str, str | None]],
) -> None:
    text = (
        "Slovakia and Hungary are negotiating a border treaty. Slovak Foreign Minister Peter "
        f"Kral {verb} on Tuesday to meet with his Hungarian counterpart to discuss further "
        "steps in the border talks."
    )
    an = _run(pipeline, text, "2020-10-14")
    assert [(r.status, r.date) for t in an.tracks for r in t.rounds] == rounds


# -- 5. a co-organiser named with "with … as" ------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("roles", "mediators"),
    [
        ("with Chile as co-organiser and France as observer", ["BRA", "CHL"]),
        ("with Chile as observer and France as guest", ["BRA"]),
    ],
)
def test_a_co_organiser_named_with_as_mediates(
    pipeline,  # type: ignore[no-untyped-def]
    roles: str,
    mediators: list[str],
) -> None:
    text = (
        "Peru and Ecuador opened ceasefire talks in Lima on Monday, hosted by Brazil. The "
        f"Chilean and French ambassadors were also in attendance, {roles}."
    )
    an = _run(pipeline, text, "2025-08-01")
    assert _mediators(an) == mediators


# -- 6. a head-first name after a capitalised word -------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The talks in Rome will focus on the release of prisoners and the reconstitution "
            "of the Joint Agreement on Security and Travel Guarantees (JASTG) list.",
            ["Joint Agreement on Security and Travel Guarantees"],
        ),
        # a weekday after "on" is no subject of the name
        (
            "The talks in Rome will focus on the release of prisoners and a Joint Agreement "
            "on Monday.",
            ["Joint Agreement"],
        ),
    ],
)
def test_a_joint_agreement_on_a_subject_is_one_name(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    names: list[str],
) -> None:
    an = _run(pipeline, text, "2016-08-30")
    assert [a.name for a in an.agreements] == names


# -- 7. a known accord of more states told as the peace treaty of two ------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("first", "records"),
    [
        # the pair's peace treaty signed the day the accord was: one record, the pair's
        (
            "Croatia and Serbia signed a peace treaty in Paris on December 14.",
            [("Croatia–Serbia peace treaty", ["HRV", "SRB"])],
        ),
        # a border agreement of two of the accord's states is another agreement
        (
            "Croatia and Serbia signed a border agreement in Paris on December 14.",
            [
                ("Croatia–Serbia border agreement", ["HRV", "SRB"]),
                ("Dayton Agreement", ["BIH", "HRV", "SRB"]),
            ],
        ),
        # a peace treaty signed on another day is another agreement
        (
            "Croatia and Serbia signed a peace treaty in Paris on December 18.",
            [
                ("Croatia–Serbia peace treaty", ["HRV", "SRB"]),
                ("Dayton Agreement", ["BIH", "HRV", "SRB"]),
            ],
        ),
    ],
)
def test_a_known_accord_told_as_two_states_peace_treaty_is_one_record(
    pipeline,  # type: ignore[no-untyped-def]
    first: str,
    records: list[tuple[str, list[str]]],
) -> None:
    text = (
        first + " The Dayton Agreement was also signed in Paris on December 14 by Bosnia, "
        "Croatia and Serbia."
    )
    an = _run(pipeline, text, "1995-12-20")
    assert sorted((a.name, sorted(a.parties)) for a in an.agreements) == records
