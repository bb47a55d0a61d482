"""Left-overs of the agreement layer after rounds 9–11 of the negotiation review (nego13).

One treaty under two names is one record with its aliases (in one article and across
articles); one side announcing an extension is agreed only when the other side's consent is
told; a person witnessing a signing stands for their state; an exchange of instruments is
dated by the report that gives no other day; a later signing of another document never joins
the earlier one's story. The constructions come from the review (docs/review/negotiation.md,
processes 31–33), rewritten in our own words with other names, places and numbers; each is
tested both ways.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parley.errors import NotFound
from parley.models import Agreement, AgreementStatus, Analysis, Article, RawDocument
from parley.resolve import cluster_stories, merge_agreements, refresh_resolved
from parley.store import Store, open_store


def _run(pipeline, text: str, day: str = "2026-06-13", outlet: str | None = None) -> Analysis:  # type: ignore[no-untyped-def]
    raw = RawDocument(
        source=f"{outlet or 't'}.txt",
        text=text,
        published_at=dt.date.fromisoformat(day),
        outlet=outlet,
    )
    return pipeline.run(raw)


# -- one treaty under two names ---------------------------------------------------------------


@pytest.mark.model
def test_a_known_treatys_other_name_is_the_same_record(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The presidents welcomed the exchange of diplomatic notes carried out today on the "
        "extension of the Treaty on Strategic Offensive Arms, the Kremlin said."
    )
    [treaty] = _run(pipeline, text, day="2026-01-20").agreements
    assert treaty.name == "New START"
    assert treaty.aliases == ["Treaty on Strategic Offensive Arms"]


@pytest.mark.model
def test_another_treaty_on_offensive_arms_is_not_new_start(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The presidents welcomed the exchange of diplomatic notes carried out today on the "
        "extension of the Treaty on Strategic Offensive Reductions, the Kremlin said."
    )
    names = [ag.name for ag in _run(pipeline, text, day="2026-01-20").agreements]
    assert "New START" not in names


@pytest.mark.model
@pytest.mark.parametrize(
    ("other", "names"),
    [
        ("the New START Treaty", ["New START"]),
        ("the Open Skies Treaty", ["New START", "Treaty on Open Skies"]),
    ],
)
def test_a_known_name_followed_by_treaty_is_no_second_record(
    pipeline,  # type: ignore[no-untyped-def]
    other: str,
    names: list[str],
) -> None:
    text = (
        "Russia and the United States extended New START on Wednesday. The ministry hoped "
        f"that the understanding on the future of {other} would hold."
    )
    found = _run(pipeline, text, day="2026-01-22").agreements
    assert sorted(ag.name for ag in found) == names


@pytest.mark.model
@pytest.mark.parametrize(
    "told",
    [
        "the Arica Accord (the Pacific Fisheries Treaty)",
        "the Arica Accord, also known as the Pacific Fisheries Treaty,",
    ],
)
def test_a_name_in_apposition_is_an_alias_of_the_same_agreement(
    pipeline,  # type: ignore[no-untyped-def]
    told: str,
) -> None:
    text = (
        f"Chile and Peru signed {told} in Lima on Monday. Peru's congress ratified the "
        "Pacific Fisheries Treaty on Thursday."
    )
    [accord] = _run(pipeline, text).agreements
    assert accord.name == "Arica Accord"
    assert accord.aliases == ["Pacific Fisheries Treaty"]
    assert [s.status for s in accord.statuses] == ["signed", "ratified"]


@pytest.mark.model
def test_two_names_side_by_side_without_apposition_are_two_agreements(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chile and Peru signed the Arica Accord (and the Pacific Fisheries Treaty) in Lima on "
        "Monday."
    )
    names = sorted(ag.name for ag in _run(pipeline, text).agreements)
    assert names == ["Arica Accord", "Pacific Fisheries Treaty"]


_BORDER = (
    "The two presidents exchanged instruments of ratification of the Treaty between Chile and "
    "Peru on certain sections of the Chile-Peru state border in Lima on Friday. "
)


@pytest.mark.model
def test_the_sides_border_agreement_is_their_titled_border_treaty(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _BORDER + (
        "In addition to the border agreement, the Agreement on joint use of the Lauca river was "
        "previously signed."
    )
    [treaty] = _run(pipeline, text).agreements
    assert treaty.name == "Chile–Peru border treaty"
    assert treaty.aliases == [
        "Treaty between Chile and Peru on certain sections of the Chile-Peru state border"
    ]


@pytest.mark.model
def test_a_border_agreement_of_other_sides_is_another_record(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _BORDER + "Bolivia and Argentina signed a border agreement in La Paz last year."
    names = sorted(ag.name for ag in _run(pipeline, text).agreements)
    assert names == ["Argentina–Bolivia border agreement", "Chile–Peru border treaty"]


@pytest.mark.model
def test_the_border_agreement_and_the_border_treaty_merge_across_articles(pipeline) -> None:  # type: ignore[no-untyped-def]
    first = _run(
        pipeline, "Chile and Peru signed a border agreement in Lima on Monday.", day="2026-03-10"
    )
    second = _run(pipeline, _BORDER, day="2026-06-13")
    [merged] = merge_agreements([first, second])
    assert [s.status for s in merged.statuses] == ["signed", "ratified"]
    assert "Treaty between Chile and Peru on certain sections of the Chile-Peru state border" in (
        merged.aliases
    )


# -- one side announcing an extension ---------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("told", "steps"),
    [
        (
            "On May 4, 2026, Norway announced a ten-year extension of the Fjord Treaty with "
            "Iceland.",
            [("extended", "2026-05-04")],
        ),
        (
            "On May 4, 2026, Norway announced a ten-year extension of the Fjord Treaty.",
            [("extension proposed", "2026-05-04")],
        ),
    ],
)
def test_an_announced_extension_is_agreed_only_with_the_other_sides_consent(
    pipeline,  # type: ignore[no-untyped-def]
    told: str,
    steps: list[tuple[str, str]],
) -> None:
    [treaty] = _run(pipeline, told, day="2026-05-05").agreements
    assert [(s.status, s.date) for s in treaty.statuses] == steps


@pytest.mark.model
@pytest.mark.parametrize(
    ("act", "steps"),
    [
        ("on reaching an agreement on", [("agreed", "2026-01-20")]),
        ("on the hope to reach an agreement on", [("extension proposed", None)]),
    ],
)
def test_notes_on_reaching_an_agreement_on_the_extension_tell_it_agreed(
    pipeline,  # type: ignore[no-untyped-def]
    act: str,
    steps: list[tuple[str, str | None]],
) -> None:
    text = (
        "The presidents welcomed the exchange of diplomatic notes carried out today "
        f"{act} the extension of New START, the Kremlin said."
    )
    an = _run(pipeline, text, day="2026-01-20")
    [treaty] = an.agreements
    assert [(s.status, s.date) for s in treaty.statuses] == steps
    # The treaty's own track tells what the two concluded: no second track of "talks".
    assert [t.name for t in an.tracks] == ["Russia–US arms control"]


# -- a person's state as witness --------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("witness", "mediators"),
    [
        ("Ecuador's president Daniel Noboa", ["ECU", "igo:un"]),
        ("Peru's president Dina Boluarte", ["igo:un"]),
    ],
)
def test_a_person_witnessing_a_signing_stands_for_their_state(
    pipeline,  # type: ignore[no-untyped-def]
    witness: str,
    mediators: list[str],
) -> None:
    text = (
        "The Arica Accord has been signed by Chilean foreign minister Ana Soto and Peru's "
        "trade minister, Luis Vega in the presence of UN secretary general, António Guterres, "
        f"and {witness} at the Torre Tagle Palace in Lima."
    )
    an = _run(pipeline, text)
    [accord] = an.agreements
    assert sorted(accord.parties) == ["CHL", "PER"]
    assert [sorted(t.mediators) for t in an.tracks] == [mediators]


# -- the exchange of instruments on the day of the report -------------------------------------


_EXCHANGE = (
    "The presidents of Chile and Peru exchanged instruments of ratification of the Treaty "
    "between Chile and Peru on certain sections of the state border.{more}"
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("more", "date"),
    [
        (" The border had been disputed for decades.", "2026-06-13"),
        (" The treaty was initialled on March 3.", None),  # the text gives another day
    ],
)
def test_an_exchange_of_instruments_is_dated_by_a_report_giving_no_other_day(
    pipeline,  # type: ignore[no-untyped-def]
    more: str,
    date: str | None,
) -> None:
    [treaty] = _run(pipeline, _EXCHANGE.format(more=more)).agreements
    assert [(s.status, s.date) for s in treaty.statuses if s.status == "ratified"] == [
        ("ratified", date)
    ]


# -- a later signing of another document ------------------------------------------------------


def _one_story(pipeline, first: str, later: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether a report of 15 September 2026 and another's of 20 December make one story."""
    reports = [
        _run(pipeline, first, day="2026-09-15", outlet="Outlet A"),
        _run(pipeline, later, day="2026-12-20", outlet="Outlet B"),
    ]
    return bool(cluster_stories(reports, min_sources=2))


@pytest.mark.model
@pytest.mark.parametrize(
    ("later", "joined"),
    [
        ("Chile and Peru also signed the Declaration on Strategic Partnership.", False),
        ("Chile and Peru also signed a protocol on the border, officials recalled.", True),
    ],
)
def test_a_later_signing_of_another_document_is_another_story(
    pipeline,  # type: ignore[no-untyped-def]
    later: str,
    joined: bool,
) -> None:
    first = (
        "Chile and Peru signed a joint protocol on demarcation of their border in Lima on "
        "Monday, September 14, 2026."
    )
    assert _one_story(pipeline, first, later) is joined


# -- in the store -----------------------------------------------------------------------------


def _stored(tmp_path: Path, *analyses: Analysis) -> Store:
    store = open_store(str(tmp_path / "parley.db"))
    for an in analyses:
        store.save(an)
    refresh_resolved(store, None)
    return store


def _report(ident: str, day: str, agreement: Agreement) -> Analysis:
    art = Article(
        id=f"sha256:{ident:0<16}",
        text="x",
        title="x",
        outlet=f"Outlet {ident}",
        published_at=dt.date.fromisoformat(day),
        language="en",
    )
    return Analysis(article=art, agreements=[agreement])


def test_the_store_holds_one_record_for_the_sides_border_agreement_and_treaty(
    tmp_path: Path,
) -> None:
    signed = AgreementStatus(status="signed", date="2026-03-09")
    ratified = AgreementStatus(status="ratified", date="2026-06-12")
    store = _stored(
        tmp_path,
        _report(
            "a1",
            "2026-03-10",
            Agreement(
                name="Chile–Peru border agreement",
                kind="agreement",
                parties=["CHL", "PER"],
                statuses=[signed],
            ),
        ),
        _report(
            "b2",
            "2026-06-13",
            Agreement(
                name="Chile–Peru border treaty",
                kind="treaty",
                parties=["CHL", "PER"],
                aliases=["Treaty between Chile and Peru on the state border"],
                statuses=[ratified],
            ),
        ),
        _report(
            "c3",
            "2026-06-13",
            Agreement(
                name="Chile–Peru fisheries agreement",
                kind="agreement",
                parties=["CHL", "PER"],
            ),
        ),
    )
    with store:
        assert sorted(a.name for a in store.agreements()) == [
            "Chile–Peru border agreement",
            "Chile–Peru fisheries agreement",
        ]
        rec = store.agreement("Treaty between Chile and Peru on the state border")
        assert [(s.status, s.date) for s in rec.statuses] == [
            ("signed", "2026-03-09"),
            ("ratified", "2026-06-12"),
        ]
        with pytest.raises(NotFound):
            store.agreement("Treaty between Chile and Bolivia on the state border")


@pytest.mark.model
@pytest.mark.parametrize(
    ("later", "joined"),
    [
        ("Chile and Peru discussed the Lauca river agreement, which was previously signed.", False),
        ("Chilean and Peruvian delegations met in Lima on September 14, 2026, and talked.", True),
    ],
)
def test_talks_about_an_agreement_signed_before_are_no_recall_of_a_meeting(
    pipeline,  # type: ignore[no-untyped-def]
    later: str,
    joined: bool,
) -> None:
    first = (
        "Chilean and Peruvian delegations met in Lima on Monday, September 14, 2026, after "
        "which the two ministers signed the joint protocol."
    )
    assert _one_story(pipeline, first, later) is joined
