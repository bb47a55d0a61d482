"""Hand-built analyses of an invented negotiation corpus, for the resolved-store and brief tests.

Two processes told by several outlets: talks between Armenia and Azerbaijan (rounds planned,
cancelled, held) and a Caspian treaty (signed, ratified, suspended), plus one exchange of
detainees that three outlets report with different numbers. No model is involved.
"""

from __future__ import annotations

import datetime as dt

from parley.models import (
    ActorInText,
    Agreement,
    AgreementStatus,
    Analysis,
    Article,
    Event,
    Position,
    Quantity,
    Round,
    Span,
    TimeExpression,
    Track,
)

ARM, AZE, CHE, KAZ, TKM = "ARM", "AZE", "CHE", "KAZ", "TKM"
TALKS = "Armenia–Azerbaijan peace talks"
ARMS = "Kazakhstan–Turkmenistan arms control"
TREATY = "Caspian Arms Limitation Treaty"
NAMES = {
    ARM: "Armenia",
    AZE: "Azerbaijan",
    CHE: "Switzerland",
    KAZ: "Kazakhstan",
    TKM: "Turkmenistan",
}


def ev(text: str) -> Span:
    """Evidence spanning the whole of a one-sentence article."""
    return Span(start=0, end=len(text), text=text)


def article(ident: str, day: str, outlet: str, text: str) -> Article:
    return Article(
        id=f"sha256:{ident:0<16}",
        text=text,
        title=text[:40],
        outlet=outlet,
        published_at=dt.date.fromisoformat(day),
        language="en",
    )


def analysis(
    art: Article,
    *,
    tracks: list[Track] | None = None,
    agreements: list[Agreement] | None = None,
    events: list[Event] | None = None,
) -> Analysis:
    ids = {p for tr in tracks or [] for p in (*tr.parties, *tr.mediators)}
    ids |= {p for ag in agreements or [] for p in ag.parties}
    ids |= {p for e in events or [] for p in (*e.source, *e.target)}
    actors = [ActorInText(id=i, name=NAMES[i], kind="state", country=i) for i in sorted(ids)]
    return Analysis(
        article=art,
        actors=actors,
        tracks=tracks or [],
        agreements=agreements or [],
        events=events or [],
    )


def talks(
    text: str,
    rounds: list[Round],
    positions: list[Position] | None = None,
    issues: list[str] | None = None,
) -> Track:
    return Track(
        name=TALKS,
        parties=[ARM, AZE],
        mediators=[CHE],
        issues=issues or [],
        rounds=rounds,
        positions=positions or [],
    )


def rnd(
    ordinal: int, status: str, text: str, venue: str | None = None, date: str | None = None
) -> Round:
    return Round(
        track=TALKS,
        ordinal=ordinal,
        status=status,
        venue=venue,  # type: ignore[arg-type]
        date=date,
        evidence=ev(text),
    )


def treaty(status: str, date: str, text: str) -> Agreement:
    st = AgreementStatus(status=status, date=date, evidence=ev(text))
    return Agreement(
        name=TREATY,
        kind="treaty",
        parties=[KAZ, TKM],
        status=status,
        date=date,
        statuses=[st],
        evidence=ev(text),
    )


def exchange(text: str, day: str, detainees: float) -> Event:
    return Event(
        type="RETREAT",
        mode="release",
        source=[ARM, AZE],
        target=[AZE, ARM],
        date=TimeExpression(text="on Tuesday", start=0, end=0, value=day, precision="day"),
        quantities=[Quantity(value=detainees, unit="detainees")],
        evidence=ev(text),
    )


def meeting(text: str, day: str) -> Event:
    return Event(
        type="CONSULT",
        source=[KAZ],
        target=[TKM],
        date=TimeExpression(text="that day", start=0, end=0, value=day, precision="day"),
        evidence=ev(text),
    )


def shooting(text: str, day: str) -> Event:
    return Event(
        type="ASSAULT",
        source=[AZE],
        target=[ARM],
        date=TimeExpression(text="on Wednesday", start=0, end=0, value=day, precision="day"),
        evidence=ev(text),
    )


def corpus(hostile: str = "") -> list[Analysis]:
    """The whole invented corpus, in publication order (``hostile`` is appended to one
    position, to test escaping)."""
    t1 = "Negotiators ended a first round in Geneva and plan a second in Astana."
    t2 = "The Swiss envoy said a third round would be held in Geneva in June."
    t3 = "Switzerland called off the third round after a border shooting."
    t4 = "The delayed third round was held in Geneva on Wednesday."
    x1, x2, x3 = (
        "Both sides swapped 12 detainees.",
        "Fourteen detainees were freed.",
        "Reports disagree on how many detainees were freed.",
    )
    c1, c2, c3 = (
        "The presidents signed the Caspian treaty.",
        "Kazakhstan ratified the treaty.",
        "Turkmenistan suspended the treaty.",
    )
    m1, m2, m3 = "Envoys met on Monday.", "Envoys met again.", "A third meeting took place."
    azerbaijan = Position(
        actor=AZE,
        on="Armenia's constitution",
        position="no signature while the claims remain" + hostile,
        red_line=True,
        attributed_to="Jeyhun Bayramov",
        evidence=ev(t1),
    )
    armenia = Position(
        actor=ARM,
        on="transit route",
        position="control stays Armenian",
        red_line=True,
        attributed_to="a senior official",
        evidence=ev(t4),
    )
    return [
        analysis(
            article("a1", "2026-03-03", "Reuters", t1),
            tracks=[
                talks(
                    t1,
                    [rnd(1, "held", t1, "Geneva", "2026-03-03"), rnd(2, "planned", t1, "Astana")],
                    [azerbaijan],
                    ["border delimitation", "Armenia's constitution"],
                )
            ],
        ),
        analysis(
            article("c1", "2026-05-19", "Reuters", c1),
            agreements=[treaty("signed", "2026-05-19", c1)],
            events=[meeting(m1, "2026-05-18")],
            tracks=[Track(name=ARMS, parties=[KAZ, TKM], issues=["naval limits"])],
        ),
        analysis(
            article("x1", "2026-04-21", "Reuters", x1), events=[exchange(x1, "2026-04-21", 12)]
        ),
        analysis(article("x2", "2026-04-21", "AP", x2), events=[exchange(x2, "2026-04-21", 14)]),
        analysis(
            article("x3", "2026-04-22", "Al Jazeera", x3),
            events=[exchange(x3, "2026-04-21", 14), meeting(m3, "2026-05-20")],
        ),
        analysis(
            article("a2", "2026-05-28", "Eurasianet", t2),
            tracks=[talks(t2, [rnd(3, "planned", t2, "Geneva", "2026-06-16")])],
        ),
        analysis(
            article("a3", "2026-06-12", "AP", t3),
            tracks=[talks(t3, [rnd(3, "cancelled", t3)])],
            events=[shooting(t3, "2026-06-10")],
        ),
        analysis(
            article("c2", "2026-06-25", "Reuters", c2),
            agreements=[treaty("ratified", "2026-06-25", c2)],
            events=[meeting(m2, "2026-05-19")],
        ),
        analysis(
            article("c3", "2026-09-10", "Al Jazeera", c3),
            agreements=[treaty("suspended", "2026-09-10", c3)],
        ),
        analysis(
            article("a4", "2026-09-24", "Reuters", t4),
            tracks=[
                talks(
                    t4, [rnd(3, "held", t4, "Geneva", "2026-09-23")], [armenia], ["transit route"]
                )
            ],
        ),
    ]
