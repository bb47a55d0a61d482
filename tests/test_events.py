"""PLOVER events: lexicon, actors, status, dates, places and quantities."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from parley.extract.base import Context
from parley.extract.events.extractor import EventsExtractor
from parley.extract.events.plover import load_plover
from parley.extract.timeplace.places import PlaceResolver, parse_number
from parley.kb import KnowledgeBase
from parley.models import Actor, Analysis, Article, Event, Mention

PUBLISHED = dt.date(2026, 2, 5)
STATES = [
    Actor(id=c, name=n, kind="state", country=c)
    for c, n in (
        ("RUS", "Russia"),
        ("UKR", "Ukraine"),
        ("USA", "United States"),
        ("TUR", "Turkey"),
        ("FRA", "France"),
        ("DEU", "Germany"),
    )
]


def _context(doc: Doc, kb: KnowledgeBase | None = None) -> Context:
    kb = kb if kb is not None else KnowledgeBase(STATES)
    article = Article(id="t", text=doc.text, published_at=PUBLISHED)
    ctx = Context(article=article, doc=doc, kb=kb, analysis=Analysis(article=article))
    for token in doc:
        found = kb.lookup(token.text)
        if found and token.text[:1].isupper():
            ctx.analysis.mentions.append(
                Mention(
                    start=token.idx,
                    end=token.idx + len(token),
                    text=token.text,
                    actor=found[0].id,
                    label="GPE",
                )
            )
    return ctx


def _hand_doc(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    tags: list[str],
    lemmas: list[str],
) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def _agree_doc(negated: bool) -> Doc:
    words = ["Russia", "and", "Ukraine", "did", "not", "agree", "."]
    heads = [5, 0, 0, 5, 5, 5, 5]
    deps = ["nsubj", "cc", "conj", "aux", "neg", "ROOT", "punct"]
    pos = ["PROPN", "CCONJ", "PROPN", "AUX", "PART", "VERB", "PUNCT"]
    tags = ["NNP", "CC", "NNP", "VBD", "RB", "VB", "."]
    if not negated:
        words, heads = ["Russia", "and", "Ukraine", "agreed", "."], [3, 0, 0, 3, 3]
        deps, pos = (
            ["nsubj", "cc", "conj", "ROOT", "punct"],
            ["PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"],
        )
        tags = ["NNP", "CC", "NNP", "VBD", "."]
    lemmas = ["agree" if w == "agreed" else w.lower() for w in words]
    return _hand_doc(words, heads, deps, pos, tags, lemmas)


@pytest.mark.parametrize("negated, status", [(True, "negated"), (False, "occurred")])
def test_reciprocal_agreement_and_negation_on_a_hand_built_doc(negated: bool, status: str) -> None:
    ctx = _context(_agree_doc(negated))
    EventsExtractor()(ctx)
    (event,) = ctx.analysis.events
    assert (event.type, event.status) == ("AGREE", status)
    assert event.source == ["RUS", "UKR"] and event.target == ["UKR", "RUS"]
    assert event.extractor == "parley.events.v1"


def test_lexicon_loads_and_is_ordered_specific_first() -> None:
    lexicon = load_plover()
    types = {r.type for r in lexicon.rules}
    assert "DEMAND" not in types and {"REQUEST", "RETREAT", "CONSULT", "AGREE"} <= types
    exchange = [r for r in lexicon.by_lemma["exchange"] if "NOUN" in r.pos]
    assert exchange[0].type == "RETREAT" and exchange[0].mode == "release"


@pytest.mark.parametrize(
    "words, value",
    [
        (["157"], 157),
        (["a", "thousand"], 1000),
        (["six"], 6),
        (["1,200"], 1200),
        (["two", "hundred"], 200),
        (["many"], None),
    ],
)
def test_parse_number(words: list[str], value: float | None) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    "name, country",
    [
        ("Istanbul", "TUR"),
        ("the Belarusian border", "BLR"),
        ("France", "FRA"),
        ("Donbas", "UKR"),
        ("Abu Dhabi", "ARE"),
        ("Qwzxland", None),
    ],
)
def test_places_resolve_offline(name: str, country: str | None) -> None:
    assert PlaceResolver(KnowledgeBase(STATES)).resolve(name).country == country


# ------------------------------------------------------------------ with the real model


def _events(nlp: Any, text: str) -> list[Event]:
    from parley.extract.timeplace.dates import DatesExtractor

    ctx = _context(nlp(text))
    DatesExtractor()(ctx)
    EventsExtractor()(ctx)
    return ctx.analysis.events


def _one(nlp: Any, text: str, event_type: str) -> Event:
    found = [e for e in _events(nlp, text) if e.type == event_type]
    assert len(found) == 1, (text, _events(nlp, text))
    return found[0]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, event_type, status",
    [
        ("France and Germany agreed to cut tariffs.", "AGREE", "occurred"),
        ("France and Germany did not agree on tariffs.", "AGREE", "negated"),
        ("France will meet Germany in Paris next week.", "CONSULT", "planned"),
        ("France met Germany in Paris last week.", "CONSULT", "occurred"),
        ("France proposed to meet Germany in Paris.", "CONSULT", "proposed"),
        ("France refused to meet Germany in Paris.", "CONSULT", "refused"),
        ("France plans to meet Germany.", "CONSULT", "planned"),
        ("If France attacked Germany, the alliance would collapse.", "ASSAULT", "hypothetical"),
        ("France had attacked Germany long before.", "ASSAULT", "historical"),
        ("France urged Germany to lift the embargo.", "REQUEST", "occurred"),
        ("France rejected the German proposal.", "REJECT", "occurred"),
        ("France accused Germany of spying.", "ACCUSE", "occurred"),
        ("France imposed sanctions on Turkey.", "SANCTION", "occurred"),
        ("Turkey deployed troops near the border.", "MOBILIZE", "occurred"),
    ],
)
def test_type_and_status(nlp: Any, text: str, event_type: str, status: str) -> None:
    assert _one(nlp, text, event_type).status == status


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Turkey returned the disputed island to Greece.", "Germany returned to the talks in May."],
)
def test_returning_things_or_to_talks_is_no_release(nlp: Any, text: str) -> None:
    assert not [e for e in _events(nlp, text) if e.type == "RETREAT"]


@pytest.mark.model
def test_prisoner_exchange_with_quantities_place_and_anaphora(nlp: Any) -> None:
    text = (
        "Turkey announced the exchange of 90 French and German prisoners on each side. "
        "The swap took place yesterday on the Belarusian border. "
        "The previous exchange was in October."
    )
    swaps = [e for e in _events(nlp, text) if e.type == "RETREAT"]
    # "The previous exchange" marks background whatever its age: historical, not today's news
    assert [e.status for e in swaps] == ["occurred", "historical"]
    now, before = swaps
    assert set(now.source) == {"FRA", "DEU"} and set(now.target) == {"FRA", "DEU"}
    assert now.mode == "release" and now.date is not None and now.date.value == "2026-02-04"
    assert now.place is not None and now.place.country == "BLR"
    assert [(q.value, q.unit, q.per) for q in now.quantities] == [(90, "prisoners", "side")]
    assert before.date is not None and before.date.value == "2025-10"
    assert set(before.source) == {"FRA", "DEU"}


@pytest.mark.model
def test_talks_between_two_parties_with_a_mediator(nlp: Any) -> None:
    event = _one(
        nlp,
        "The Istanbul talks between Russia and Ukraine, mediated by Turkey, ended without a deal.",
        "CONSULT",
    )
    assert event.source == ["RUS", "UKR"] and event.target == ["UKR", "RUS"]
    assert event.mediator == ["TUR"] and event.mode == "third-party"
    assert event.place is not None and event.place.country == "TUR"
    assert event.date is not None and event.date.precision == "approximate"  # publication day


@pytest.mark.model
def test_group_anaphor_takes_the_last_named_pair(nlp: Any) -> None:
    text = "Relations between Russia and France improved. Both countries agreed to talk again."
    event = _one(nlp, text, "AGREE")
    assert set(event.source) == {"RUS", "FRA"}


@pytest.mark.model
def test_sample_events_meet_the_gold(sample_dir: Any, pipeline: Any) -> None:
    from parley.eval.gold import load_gold
    from parley.eval.run import evaluate
    from parley.models import RawDocument

    gold_path = sample_dir / "abu-dhabi-talks.gold.json"
    published = json.loads(gold_path.read_text("utf-8"))["documents"][0]["published_at"]
    raw = RawDocument(
        source="sample",
        text=(sample_dir / "abu-dhabi-talks.txt").read_text("utf-8"),
        published_at=dt.date.fromisoformat(published),
    )
    analysis = pipeline.run(raw)
    report = evaluate(load_gold(gold_path), [analysis], pipeline.kb, kinds=["events", "dates"])
    scores = report.documents[0].scores
    assert scores["events"].fn == 0, scores["events"].misses
    assert scores["dates"].fn == 0, scores["dates"].misses
    historical = [e for e in analysis.events if e.status == "historical"]
    # the acceptance: the October swap and the Istanbul talks are background
    assert any(e.type == "RETREAT" and e.date and e.date.value == "2025-10" for e in historical)
    assert any(e.type == "CONSULT" and e.place and e.place.country == "TUR" for e in historical)
    # background participles ("the treaty signed by A and B") are not events
    assert not any(e.type == "SUPPORT" and e.status == "historical" for e in analysis.events)
    talks = [e for e in analysis.events if e.type == "CONSULT" and e.mediator]
    assert talks and talks[0].mode == "third-party"


@pytest.mark.model
@pytest.mark.parametrize(
    "text, event_type, status",
    [
        ("Russia moved additional troops to its border with Ukraine.", "MOBILIZE", "occurred"),
        ("France held naval drills in the Atlantic on Monday.", "MOBILIZE", "occurred"),
        ("France and Germany held joint drills in the Baltic.", "COOPERATE", "occurred"),
        ("Russia put its missile units on high alert.", "MOBILIZE", "occurred"),
        ("France called off the summit with Russia.", "SANCTION", "occurred"),
        ("Germany ordered four Russian diplomats to leave the country.", "SANCTION", "occurred"),
        ("France will raise tariffs on Turkish steel.", "SANCTION", "planned"),
        ("Turkey has not closed its airspace to Russian flights.", "SANCTION", "negated"),
        ("Turkey said it would not cut diplomatic ties with Russia.", "SANCTION", "negated"),
        ("Turkey imposed a nightly curfew in Ankara.", "COERCE", "occurred"),
        ("Russia allowed aid trucks into Ukraine.", "CONCEDE", "occurred"),
        ("Russia allowed inspectors into the plant.", "RETREAT", "occurred"),
        ("Turkey offered a three-day truce to Russia.", "AGREE", "proposed"),
        ("Turkey offered to pay for repairs in Ukraine.", "AID", "proposed"),
        ("France delivered 40 tonnes of medical supplies to Ukraine.", "AID", "occurred"),
        ("Turkey turned down the invitation.", "REJECT", "occurred"),
        ("Ukraine took its dispute with Russia to the court.", "ACCUSE", "occurred"),
        ("Turkish and Russian forces exchanged fire overnight.", "ASSAULT", "occurred"),
        ("France spoke by telephone with Germany on Saturday.", "CONSULT", "occurred"),
        ("French unions have called a general strike.", "PROTEST", "planned"),
        ("Thousands of people marched in Paris on Saturday.", "PROTEST", "occurred"),
    ],
)
def test_lexicon_case_table(nlp: Any, text: str, event_type: str, status: str) -> None:
    assert _one(nlp, text, event_type).status == status


def _force_kb() -> KnowledgeBase:
    force = Actor(id="force:bundeswehr", name="Bundeswehr", kind="armed force", country="DEU")
    return KnowledgeBase([*STATES, force])


@pytest.mark.model
def test_a_state_armed_force_acts_as_its_state(nlp: Any) -> None:
    from parley.extract.timeplace.dates import DatesExtractor

    ctx = _context(nlp("The Bundeswehr attacked Turkey on Monday."), _force_kb())
    DatesExtractor()(ctx)
    EventsExtractor()(ctx)
    (event,) = ctx.analysis.events
    assert (event.type, event.source, event.target) == ("ASSAULT", ["DEU"], ["TUR"])


@pytest.mark.model
def test_demonym_troops_are_their_state(nlp: Any) -> None:
    event = _one(nlp, "Ukrainian troops withdrew from two positions near Kursk.", "RETREAT")
    assert event.source == ["UKR"]


@pytest.mark.model
def test_mediated_by_after_a_comma_sets_the_mediator(nlp: Any) -> None:
    event = _one(
        nlp,
        "France and Germany held peace talks in Geneva on Tuesday, mediated by Turkey.",
        "CONSULT",
    )
    assert set(event.source) == {"FRA", "DEU"} and event.mediator == ["TUR"]
    assert event.mode == "third-party" and event.date is not None


@pytest.mark.model
@pytest.mark.parametrize(
    "text, found",
    [
        ("The treaty signed by France and Germany expires on Thursday.", False),
        ("France signed the treaty with Germany on Monday.", True),
    ],
)
def test_background_participles_are_not_events(nlp: Any, text: str, found: bool) -> None:
    assert any(e.type == "SUPPORT" for e in _events(nlp, text)) is found


@pytest.mark.model
@pytest.mark.parametrize(
    "text, source",
    [
        ("German protesters blocked the road to the airport.", ["German protesters"]),
        ("Thousands of people marched in Paris on Saturday.", ["French protesters"]),
        ("No protests were reported in Berlin.", ["German protesters"]),
    ],
)
def test_unnamed_civilians_are_described(nlp: Any, text: str, source: list[str]) -> None:
    assert _one(nlp, text, "PROTEST").source == source


@pytest.mark.model
def test_a_result_verb_is_the_same_event_as_its_noun(nlp: Any) -> None:
    event = _one(nlp, "A Russian missile strike on Kyiv killed 12 people on Thursday.", "ASSAULT")
    assert event.source == ["RUS"] and event.date is not None and event.date.value == "2026-02-05"


@pytest.mark.model
@pytest.mark.parametrize(
    "text, status",
    [
        ("France and Germany exchanged prisoners in October.", "occurred"),
        ("France and Germany exchanged prisoners in 2019.", "historical"),
    ],
)
def test_historical_means_months_old_background(nlp: Any, text: str, status: str) -> None:
    assert _one(nlp, text, "RETREAT").status == status


# ---------------------------------------------------------------- multi-sentence and new rules


def _sides(event: Event) -> list[str]:
    return sorted(event.source)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, event_type, status, source",
    [
        # reported past perfect is the past of the report, not background
        ("Germany said France had agreed to cut tariffs.", "AGREE", "occurred", ["FRA"]),
        # reported "would" is the past of "will"; a conditional "would" stays hypothetical
        (
            "France and Germany would meet in Paris in March, the envoy said.",
            "CONSULT",
            "planned",
            ["DEU", "FRA"],
        ),
        (
            "If Russia withdrew, Germany would meet Ukraine, the envoy said.",
            "CONSULT",
            "hypothetical",
            ["DEU"],
        ),
        # proposals tabled or floated are offers
        (
            "The French delegation tabled a proposal on border crossings.",
            "AGREE",
            "proposed",
            ["FRA"],
        ),
        # "will not accept" is the rejection itself
        ("France will not accept any deal that divides Ukraine.", "REJECT", "occurred", ["FRA"]),
        # raising a question again, wanting a thing
        ("Turkey raised the question of grain exports again.", "REQUEST", "occurred", ["TUR"]),
        (
            "Ukraine wants the return of its territory before any signature.",
            "REQUEST",
            "occurred",
            ["UKR"],
        ),
        # ratification steps and thanks
        (
            "The president of France signed the ratification law on Monday.",
            "SUPPORT",
            "occurred",
            ["FRA"],
        ),
        ("Germany thanked Turkey for its mediation.", "SUPPORT", "occurred", ["DEU"]),
        ("Turkey suspended its participation in the treaty.", "SANCTION", "occurred", ["TUR"]),
        ("Russia recaptured most of the region in a week.", "ASSAULT", "occurred", ["RUS"]),
        # the one accused of an act did it
        (
            "France accused Germany of holding naval drills near its coast.",
            "MOBILIZE",
            "occurred",
            ["DEU"],
        ),
        # releases of people named by nationality or rank are one-way parts of an exchange
        ("Russia handed over seven Ukrainians on Monday.", "RETREAT", "occurred", ["RUS"]),
        ("Ukraine returned four Russian servicemen on Monday.", "RETREAT", "occurred", ["UKR"]),
    ],
)
def test_new_rules_case_table(
    nlp: Any, text: str, event_type: str, status: str, source: list[str]
) -> None:
    event = _one(nlp, text, event_type)
    assert (event.status, _sides(event)) == (status, source)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Russia asked about the treaty, said it respected the text.", "REQUEST"),
        ("A Turkish official told reporters, asking not to be named.", "REQUEST"),
        ("France called the text modest but real.", "CONSULT"),
        ("France and Germany ended the first round of talks in Paris.", "SANCTION"),
        ("Turkey extradited a Russian man wanted for fraud to Germany.", "REQUEST"),
    ],
)
def test_look_alikes_are_not_events(nlp: Any, text: str, event_type: str) -> None:
    assert not [e for e in _events(nlp, text) if e.type == event_type]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, status, date",
    [
        # a new round of the same parties, not the first one retold
        (
            "France and Germany met in Paris on Monday. A second round is planned for March.",
            "planned",
            "2026-03",
        ),
        (
            "France and Germany met in Paris on Monday. A third round is expected in June.",
            "planned",
            "2026-06",
        ),
        (
            "France and Germany met in Paris on Monday. The next round is due in April.",
            "planned",
            "2026-04",
        ),
    ],
)
def test_a_new_round_is_a_new_event_of_the_same_parties(
    nlp: Any, text: str, status: str, date: str
) -> None:
    rounds = [e for e in _events(nlp, text) if e.type == "CONSULT"]
    assert len(rounds) == 2, rounds
    later = rounds[1]
    assert (_sides(later), later.status) == (["DEU", "FRA"], status)
    assert later.date is not None and later.date.value == date


@pytest.mark.model
def test_an_actorless_round_takes_the_parties_of_the_story(nlp: Any) -> None:
    text = (
        "France and Germany agreed on Monday to exchange prisoners. The second round of "
        "talks, held in Geneva over two days, ended with a joint statement."
    )
    consult = _one(nlp, text, "CONSULT")
    assert _sides(consult) == ["DEU", "FRA"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, status",
    [
        ("France said Germany's demand for a referendum had not changed.", "occurred"),
        ("The talks between France and Germany did not take place.", "negated"),
    ],
)
def test_a_negated_verb_negates_its_noun_only_when_it_tells_occurrence(
    nlp: Any, text: str, status: str
) -> None:
    event = next(e for e in _events(nlp, text) if e.type in ("REQUEST", "CONSULT"))
    assert event.status == status


@pytest.mark.model
@pytest.mark.parametrize(
    "text, event_type, source",
    [
        # a dateline place is no actor; the subject after the dash is
        (
            "PARIS, France (AP) — France and Germany freed 10 prisoners in an exchange.",
            "RETREAT",
            ["DEU", "FRA"],
        ),
        # "the two presidents, A and B": the apposition names the actors
        ("The two presidents, France and Germany, agreed to cut tariffs.", "AGREE", ["DEU", "FRA"]),
        # "Its ministry" points back to the subject of the sentence before
        (
            "Turkey closed the crossing. Its foreign ministry accused Russia of shelling.",
            "ACCUSE",
            ["TUR"],
        ),
        # a hyphenated pair of states
        ("The France-Germany talks opened in Geneva on Monday.", "CONSULT", ["DEU", "FRA"]),
    ],
)
def test_actor_phrases(nlp: Any, text: str, event_type: str, source: list[str]) -> None:
    event = next(e for e in _events(nlp, text) if e.type == event_type)
    assert _sides(event) == source


@pytest.mark.model
@pytest.mark.parametrize(
    "text, event_type, date, status",
    [
        # the wire dateline dates the dispatch; the verb's own day dates the event
        (
            "PARIS, Feb 5 (Reuters) — France's parliament ratified the treaty with Germany on "
            "Tuesday, officials said on Thursday.",
            "SUPPORT",
            "2026-02-03",
            "occurred",
        ),
        # the year of the frame noun dates the action, and its age makes it background
        ("Russia seized most of the region in the 2014 war.", "ASSAULT", "2014", "historical"),
        # "a day after X": X happened the day before publication
        (
            "PARIS — A day after France and Germany exchanged prisoners, the figures still "
            "differed.",
            "RETREAT",
            "2026-02-04",
            "occurred",
        ),
        # a past perfect reported later in the story takes the day of the story, not of the
        # article
        (
            "France and Germany met in Geneva on Monday. France said the two sides had agreed "
            "to set up a joint commission.",
            "AGREE",
            "2026-02-02",
            "occurred",
        ),
    ],
)
def test_event_dates_from_context(
    nlp: Any, text: str, event_type: str, date: str, status: str
) -> None:
    event = _one(nlp, text, event_type)
    assert (event.date.value if event.date else None, event.status) == (date, status)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, status",
    [
        ("Turkey called off the talks between France and Germany on Monday.", "negated"),
        ("France and Germany met on Monday. The next round was postponed.", "negated"),
    ],
)
def test_a_cancelled_meeting_does_not_take_place(nlp: Any, text: str, status: str) -> None:
    consult = [e for e in _events(nlp, text) if e.type == "CONSULT"]
    assert consult and consult[-1].status == status, consult


@pytest.mark.model
def test_a_meeting_in_an_until_clause_is_no_event_of_the_parties(nlp: Any) -> None:
    text = (
        "France and Germany met on Monday. Turkey said the round was postponed until "
        "conditions allow a useful meeting."
    )
    assert [e.status for e in _events(nlp, text) if e.type == "CONSULT"] == ["occurred"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, absent",
    [
        # a speaker denying an act of their own side: no event, no self-accusation
        (
            '"We have not shelled the village, and we will not be blamed for it," the French '
            "defence minister said.",
            {"ASSAULT", "ACCUSE"},
        ),
        (
            '"We did not travel to Rome to sign anything," the German foreign minister said.',
            {"SUPPORT"},
        ),
        # a relative clause telling a person's role reports no talks
        (
            "Maria Rossi, the Italian envoy who chairs the talks between France and Germany, "
            "said the mood was good.",
            {"CONSULT"},
        ),
    ],
)
def test_denials_and_role_descriptions_are_no_events(nlp: Any, text: str, absent: set[str]) -> None:
    assert not {e.type for e in _events(nlp, text)} & absent


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        '"We will not accept any deal that cedes territory," the French president said.',
        "France will not accept the proposal, the French foreign minister said.",
    ],
)
def test_a_first_person_refusal_is_still_a_rejection(nlp: Any, text: str) -> None:
    assert "REJECT" in {e.type for e in _events(nlp, text)}


@pytest.mark.model
def test_an_agreed_event_noun_is_agreed_by_its_parties(nlp: Any) -> None:
    text = "France and Germany exchanged prisoners on Monday. The swap was agreed at talks in Rome."
    agree = _one(nlp, text, "AGREE")
    assert set(agree.source) == {"FRA", "DEU"}


@pytest.mark.model
def test_a_date_before_a_bare_participle_dates_the_clause_above(nlp: Any) -> None:
    text = (
        "France and Germany exchanged prisoners on Monday. The swap was agreed at talks in "
        "Rome last month chaired by Italy."
    )
    agree = _one(nlp, text, "AGREE")
    assert agree.date is not None and agree.date.text == "last month"


def _legislature_kb() -> KnowledgeBase:
    """States, four national legislatures (ids as shipped) and an organisation that is no
    state organ, though it has a country."""
    extra = [
        Actor(id=c, name=n, kind="state", country=c)
        for c, n in (("ISR", "Israel"), ("KAZ", "Kazakhstan"), ("TKM", "Turkmenistan"))
    ]
    organs = [
        Actor(id=i, name=n, kind="organisation", country=c, aliases=a)
        for i, n, c, a in (
            ("org:isr-knesset", "Knesset", "ISR", []),
            ("org:kaz-mazhilis", "Mazhilis", "KAZ", []),
            ("org:tkm-mejlis", "Mejlis", "TKM", []),
            ("org:ukr-verkhovna-rada", "Verkhovna Rada", "UKR", ["Rada"]),
        )
    ]
    icrc = Actor(id="org:icrc", name="ICRC", kind="organisation", country="CHE")
    return KnowledgeBase([*STATES, *extra, *organs, icrc])


def _legislature_events(nlp: Any, text: str) -> list[Event]:
    from parley.extract.timeplace.dates import DatesExtractor

    ctx = _context(nlp(text), _legislature_kb())
    DatesExtractor()(ctx)
    EventsExtractor()(ctx)
    return ctx.analysis.events


@pytest.mark.model
@pytest.mark.parametrize(
    "text, source, status",
    [
        ("The Knesset voted on Monday to approve the agreement with Turkey.", "ISR", "occurred"),
        ("Officials said the Mazhilis would take it up in June.", "KAZ", "planned"),
        ("The Mejlis is expected to vote on the treaty in early July.", "TKM", "proposed"),
        ("The Rada will vote on the deal with Turkey next week.", "UKR", "planned"),
        ("The Mejlis ratified the treaty with Kazakhstan on Wednesday.", "TKM", "occurred"),
    ],
)
def test_a_legislature_ratifying_is_its_state_supporting(
    nlp: Any, text: str, source: str, status: str
) -> None:
    events = [e for e in _legislature_events(nlp, text) if e.type == "SUPPORT"]
    assert [(e.source, e.status) for e in events] == [([source], status)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Rada voted against the deal with Turkey.",
        "Voters in Turkey will vote on Sunday.",
        "Ukraine will take up the matter with Turkey.",
    ],
)
def test_voting_against_or_outside_a_legislature_is_no_support(nlp: Any, text: str) -> None:
    assert [e for e in _legislature_events(nlp, text) if e.type == "SUPPORT"] == []


@pytest.mark.model
def test_two_chambers_approving_on_different_days_are_two_events(nlp: Any) -> None:
    text = (
        "The Mejlis voted on Thursday to ratify the treaty. The Mazhilis approved it on Wednesday."
    )
    events = [e for e in _legislature_events(nlp, text) if e.type == "SUPPORT"]
    assert [(e.source, e.date.value if e.date else None) for e in events] == [
        (["TKM"], "2026-02-05"),
        (["KAZ"], "2026-02-04"),
    ]


@pytest.mark.model
def test_an_organisation_that_is_no_state_organ_keeps_its_own_id(nlp: Any) -> None:
    (event,) = [
        e
        for e in _legislature_events(nlp, "The ICRC welcomed the agreement.")
        if e.type == "SUPPORT"
    ]
    assert event.source == ["org:icrc"]
