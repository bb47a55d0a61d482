"""Tests of parley.quotes.v1: quote marks, cues, speakers, indirect speech, the sample."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from parley.extract.base import Context
from parley.extract.speech.quotes import QuoteExtractor, find_marked
from parley.extract.speech.speakers import load_cues
from parley.models import Analysis, Article, Quote
from speech_ctx import make_ctx, make_kb


def quotes_of(nlp: Any, text: str) -> list[Quote]:
    ctx = make_ctx(nlp, text)
    QuoteExtractor()(ctx)
    return ctx.analysis.quotes


def marked_texts(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_marked(text)]


# ---------------------------------------------------------------- quote marks (no model)


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "we are ready" today.', ["we are ready"]),
        ("He said “we are ready” today.", ["we are ready"]),
        ('"Ours," he said.', ["Ours"]),
        ('It is "very close." Then more.', ["very close"]),
        ("She called it 'tangible' twice.", ["tangible"]),
        ("Russia's envoy and the parties' aides met.", []),
        ("He said: \"They told us 'never' again.\"", ["They told us 'never' again."]),
        (
            '"First paragraph.\n"Second paragraph," he said.',
            ['First paragraph.\n"Second paragraph'],
        ),
        ("“First.\n“Second.”", ["First.\n“Second."]),
        ('"Never closed\nNext paragraph.', ["Never closed"]),
        ("He said «nous verrons» then.", ["nous verrons"]),
    ],
)
def test_marks_found(text: str, expected: list[str]) -> None:
    assert marked_texts(text) == expected


def test_marks_offsets_are_verbatim_slices() -> None:
    text = 'X said "<script>alert(1)</script>\x07 ok" and left.'
    (m,) = find_marked(text)
    assert text[m.start : m.end] == "<script>alert(1)</script>\x07 ok"


def test_single_marks_inside_double_are_part_of_the_outer_quote() -> None:
    marks = find_marked("He said \"the so-called 'deal' is dead\".")
    assert len(marks) == 1 and not marks[0].single


# ---------------------------------------------------------------- a Doc built by hand


def test_speaker_after_quote_on_a_hand_built_doc() -> None:
    words = ['"', "We", "are", "ready", ",", '"', "said", "Lavrov", "."]
    doc = Doc(
        Vocab(),
        words=words,
        spaces=[False, True, True, False, False, True, True, False, False],
        heads=[6, 2, 6, 2, 6, 6, 6, 6, 6],
        deps=["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "ROOT", "nsubj", "punct"],
        pos=["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "VERB", "PROPN", "PUNCT"],
        lemmas=['"', "we", "be", "ready", ",", '"', "say", "Lavrov", "."],
    )
    article = Article(id="t", text=doc.text)
    kb = make_kb()
    ctx = Context(article=article, doc=doc, kb=kb, analysis=Analysis(article=article))
    QuoteExtractor()(ctx)
    (q,) = ctx.analysis.quotes
    assert (q.text, q.direct, q.cue) == ("We are ready", True, "said")
    assert q.speaker is not None and q.speaker.actor == "lavrov"  # found through the KB alone
    assert q.speaker.confidence == 1.0


def test_cue_lexicon_is_data() -> None:
    cues = load_cues()
    assert {"say", "conclude", "reiterate", "present"} <= cues.speech_verbs
    assert ("according", "to") in cues.prepositions


# ---------------------------------------------------------------- constructions (model)

CASES = [
    # text, quote text, direct, speaker actor (or words when unresolved), min conf, max conf
    ('Lavrov said: "The talks will continue."', "The talks will continue.", True, "lavrov", 1, 1),
    ('"The talks will continue," said Lavrov.', "The talks will continue", True, "lavrov", 1, 1),
    ('"We will not retreat," Rubio told reporters.', "We will not retreat", True, "rubio", 1, 1),
    ("Lavrov said — “Nothing has changed.”", "Nothing has changed.", True, "lavrov", 1, 1),
    ('Merz declared that the deal is "within reach" now.', "within reach", True, "merz", 1, 1),
    ("Meloni presented the plan as a 'historic' step.", "historic", True, "meloni", 1, 1),
    (
        'Lavrov met Rubio in Riyadh. "We understand each other better," he concluded.',
        "We understand each other better", True, "lavrov", 0.6, 0.8,
    ),
    (
        'In a statement, the Americans affirmed that the channel is "vital for peace."',
        "vital for peace", True, "usa", 1, 1,
    ),
    (
        'The negotiators reiterated how "useful" the meeting had been.',
        "useful", True, "The negotiators", 0.1, 0.9,
    ),
    # a quote over two paragraphs: one quote per paragraph, both by the speaker named at the end
    (
        '"Our position is known.\n"It will not change," Lavrov added.',
        "Our position is known.", True, "lavrov", 1, 1,
    ),
    (
        '"Our position is known.\n"It will not change," Lavrov added.',
        "It will not change", True, "lavrov", 1, 1,
    ),
    # a "— Name" credit after the quote beats the colon of the sentence before
    (
        'Some of what they said:\n"Ships are what we need." — Friedrich Merz',
        "Ships are what we need.", True, "merz", 1, 1,
    ),
    # a second quote with no cue goes on the first one's speech
    (
        '"We are ready," Rubio said. "The rest is up to Moscow."',
        "The rest is up to Moscow.", True, "rubio", 0.6, 0.7,
    ),
    # a pronoun's antecedent is a subject outside the quote, not one of the quoted words
    (
        'Lavrov met the press. "Someone must pay," he said.',
        "Someone must pay", True, "lavrov", 0.6, 0.7,
    ),
    # "the person" goes back to the fuller "a person close to the talks"
    (
        'A person close to the talks spoke first. "Nobody was surprised," the person said.',
        "Nobody was surprised", True, "A person close to the talks", 0.5, 0.8,
    ),
    # "it" can be an institution named by a singular common noun
    (
        'Russia\'s foreign office rejected the plan. "It is a trap," it said in a statement.',
        "It is a trap", True, "Russia's foreign office", 0.5, 0.8,
    ),
    # the words before a colon credit the speaker: the first phrase, not the last word
    (
        'The Kremlin, in a post on X: "We will hold our positions."',
        "We will hold our positions.", True, "rus", 1, 1,
    ),
    # a bare group named by a demonym speaks for its state; with a number it stays anonymous
    ('Russian negotiators called the offer "a dead end".', "a dead end", True, "rus", 0.5, 0.8),
    (
        'Their Ukrainian counterparts described it as "a trap".', "a trap", True, "ukr", 0.5, 0.8,
    ),
    (
        'Two Russian officials described the offer as "serious".',
        "serious", True, "Two Russian officials", 0.5, 0.8,
    ),
    # a spokesperson speaks for the institution named before the role
    ('A Kremlin spokesman said the offer was "not serious".', "not serious", True, "rus", 0.5, 0.8),
    # an institution named by a demonym is its state; "the statement" is that institution's
    (
        'The Russian foreign ministry said in a statement that talks would go on. '
        '"Nothing has changed," the statement said.',
        "Nothing has changed", True, "rus", 0.5, 0.8,
    ),
    # a wire dateline is never the speaker
    (
        'MOSCOW (Reuters) — Sergei Lavrov opened the session, saying the plan was "unworkable."',
        "unworkable", True, "lavrov", 1, 1,
    ),
    # a parse over a paragraph break: the cue's subject is in the cue's paragraph
    (
        'The Kremlin: "No comment."\n\nMarco Rubio, speaking in Riyadh, told reporters: '
        '"We are close."',
        "We are close.", True, "rubio", 1, 1,
    ),
    (
        'The Kremlin: "No comment."\n\nMarco Rubio, speaking in Riyadh, told reporters: '
        '"We are close."',
        "No comment.", True, "rus", 0.5, 1,
    ),
    # words reported by a speaker's reported speech are that speaker's
    (
        'Sergei Lavrov spoke next. He said Moscow backed talks but warned that they would '
        '"take years."',
        "take years", True, "lavrov", 0.5, 0.8,
    ),
    # "X, citing Y, said": the words are Y's
    (
        'Reuters, citing TASS, said the talks would resume "within weeks".',
        "within weeks", True, "tass", 1, 1,
    ),
    # "X, asked about Y, said": the parser's misreading does not lose the speaker
    (
        'Sergei Lavrov, asked about the plan at a briefing, said Moscow saw "no basis for it".',
        "no basis for it", True, "lavrov", 1, 1,
    ),
    # the author of a text that "read" the words
    (
        'Protesters hung a banner that read "Peace now" outside the embassy.',
        "Peace now", True, "Protesters", 0.5, 0.8,
    ),
    # speech quoted inside a quote, with a cue and a speaker of its own
    (
        '"Then their negotiator stood up and said \'not like this\' and left," Rubio said.',
        "not like this", True, "their negotiator", 0.5, 0.8,
    ),
    # "the minister" goes back to the minister whose state the sentence names
    (
        "Foreign Minister Sergei Lavrov met Prime Minister Giorgia Meloni in Rome. Asked "
        'whether Russia would attend, the minister said: "We will see."',
        "We will see.", True, "lavrov", 0.5, 0.8,
    ),
    (
        "Foreign Minister Sergei Lavrov met Prime Minister Giorgia Meloni in Rome. Asked "
        'whether Italy would attend, the minister said: "We will see."',
        "We will see.", True, "meloni", 0.5, 0.8,
    ),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize("text, quote, direct, speaker, lo, hi", CASES)
def test_quote_constructions(
    sm: Any, text: str, quote: str, direct: bool, speaker: str, lo: float, hi: float
) -> None:
    found = [q for q in quotes_of(sm, text) if q.text == quote and q.direct == direct]
    assert found, [(q.text, q.direct) for q in quotes_of(sm, text)]
    sp = found[0].speaker
    assert sp is not None
    assert speaker in (sp.actor, sp.text)
    assert lo <= sp.confidence <= hi
    assert text[found[0].start : found[0].end] == found[0].text


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The so-called 'deal' collapsed.",  # a scare quote, no speech cue
        "Rubio has not confirmed that the meeting will happen.",  # negated cue: nothing said
        "A senior diplomat said that the meeting was tense.",  # an anonymous claim: attribution
        "Rubio said that the sanctions will stay in place.",  # indirect speech: an attribution
        'Lavrov said he had heard the phrase "red line" before.',  # words named as words
    ],
)
def test_not_quotes(sm: Any, text: str) -> None:
    assert quotes_of(sm, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # single-quoted words inside a quote without a speech cue, or naming something
        "\"In my view 'later' is better than 'never',\" Rubio said.",
        "\"They called it 'a walkout' before we left,\" Rubio said.",
    ],
)
def test_nested_words_without_their_own_speech_are_no_quote(sm: Any, text: str) -> None:
    (q,) = quotes_of(sm, text)
    assert q.speaker is not None and q.speaker.actor == "rubio"


@pytest.mark.model
def test_no_cue_quote_is_kept_with_a_low_confidence_guess(sm: Any) -> None:
    (q,) = quotes_of(sm, 'The two sides agreed to act "Only in good faith" from now on.')
    assert q.text == "Only in good faith" and q.cue is None
    assert q.speaker is not None and q.speaker.confidence <= 0.3


@pytest.mark.model
def test_a_phrase_in_marks_without_a_cue_is_no_quote(sm: Any) -> None:
    """Issue 12: words in marks inside the reporter's own sentence, that nobody is said to
    have said, are a label or scare quotes, not a quote."""
    assert quotes_of(sm, 'The two sides agreed to act "in good faith" from now on.') == []


@pytest.mark.model
def test_hostile_quote_text_is_kept_verbatim(sm: Any) -> None:
    text = 'Lavrov said: "<script>alert(1)</script> \x07is fine."'
    (q,) = [q for q in quotes_of(sm, text) if q.direct]
    assert q.text == "<script>alert(1)</script> \x07is fine."


@pytest.mark.model
def test_interview_answers_are_quotes_of_the_interviewee(sm: Any) -> None:
    text = (
        "Sergei Lavrov spoke to us in Moscow.\n"
        "Q: Will the talks go on?\n"
        "A: They will, as long as our interests are respected.\n"
    )
    answers = [q for q in quotes_of(sm, text) if q.text.startswith("They will")]
    assert len(answers) == 1
    sp = answers[0].speaker
    assert sp is not None and sp.actor == "lavrov" and sp.confidence <= 0.5
    assert not any(q.text.startswith("Will the talks") for q in quotes_of(sm, text))


@pytest.mark.model
def test_labelled_interview_answers_are_split_around_quotes_they_hold(sm: Any) -> None:
    text = (
        "Sergei Lavrov spoke to Politico.\n\n"
        "Politico: Will the talks go on?\n\n"
        'Lavrov: They will. Both sides told me "yes, soon." I wait for the date.\n\n'
        "Politico: And then?\n\n"
        "Lavrov: Then we sign.\n"
    )
    quotes = quotes_of(sm, text)
    answers = {q.text: q.speaker.actor if q.speaker else None for q in quotes}
    assert answers.get("They will.") == "lavrov"
    assert answers.get("I wait for the date.") == "lavrov"
    assert answers.get("Then we sign.") == "lavrov"
    assert not any("?" in q.text for q in quotes)  # questions are the interviewer's
    assert not any("Both sides told me" in q.text for q in quotes)


@pytest.mark.model
def test_quotes_by_sentence_is_left_for_later_extractors(sm: Any) -> None:
    ctx = make_ctx(sm, 'Lavrov said "no." Rubio said "yes."')
    QuoteExtractor()(ctx)
    by_sentence = ctx.products.quotes_by_sentence
    assert isinstance(by_sentence, dict) and len(by_sentence) == 2


# ---------------------------------------------------------------- the sample article


def sample_analysis(sample_dir: Path, pipeline: Any) -> tuple[Any, dict[str, Any]]:
    """Analyse the sample with the real pipeline; its gold document comes second."""
    from parley.models import RawDocument

    gold = json.loads((sample_dir / "abu-dhabi-talks.gold.json").read_text("utf-8"))
    raw = RawDocument(source="sample", text=(sample_dir / "abu-dhabi-talks.txt").read_text("utf-8"))
    return _Analysed(pipeline.run(raw), pipeline.kb), gold["documents"][0]


class _Analysed:
    """What the sample tests read: the analysis and the knowledge base it was made with."""

    def __init__(self, analysis: Any, kb: Any) -> None:
        self.analysis = analysis
        self.kb = kb


def actor_names(ctx: Any, actor: str | None) -> set[str]:
    if actor is None or actor not in ctx.kb:
        return set()
    a = ctx.kb[actor]
    return {a.name, *a.aliases}


def gold_names(gold: dict[str, Any], names: set[str]) -> set[str]:
    """``names`` plus the aliases the gold gives those actors ("the US president")."""
    out = set(names)
    for actor in gold["actors"]:
        if actor["name"] in names:
            out.update(actor.get("aliases", []))
    return out


@pytest.mark.model
def test_sample_gold_quotes_found_with_right_speaker(sample_dir: Path, pipeline: Any) -> None:
    ctx, gold = sample_analysis(sample_dir, pipeline)
    missed = []
    for item in gold["quotes"]:
        if item.get("optional"):
            continue
        wanted = gold_names(gold, {item["speaker"], *item.get("speaker_alt", [])})
        ok = any(
            item["text"] in q.text or q.text in item["text"]
            for q in ctx.analysis.quotes
            if q.speaker is not None
            and (actor_names(ctx, q.speaker.actor) & wanted or q.speaker.text in wanted)
        )
        if not ok:
            missed.append(item["text"])
    assert missed == []


@pytest.mark.model
def test_a_round_of_talks_is_never_a_quotes_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from parley.models import RawDocument

    text = (
        "The second round of talks, held in the Kazakh capital over two days, ended with a "
        "joint statement in which both governments committed to hand over the people they "
        'hold "on humanitarian grounds" at a crossing on their northern border.'
    )
    an = pipeline.run(RawDocument(source="t", text=text, published_at=dt.date(2026, 4, 15)))
    speakers = [q.speaker.text for q in an.quotes if q.speaker is not None]
    assert not any("round of talks" in s for s in speakers)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Rubio met the press in Rome. He added:“We will not sign a deal that fails Ukraine.”",
        'Rubio met the press in Rome. He added:"We will not sign a deal that fails Ukraine."',
    ],
)
def test_a_colon_glued_to_the_opening_mark_still_opens_a_quote(nlp: Any, text: str) -> None:
    """A house style without a space after the colon ('added:“We') is still a quote of the
    speaker; the colon and the mark are tokens of their own, and the text is unchanged."""
    doc = nlp(text)
    assert "added" in [t.text for t in doc] and doc.text == text
    (q,) = [q for q in quotes_of(nlp, text) if q.direct]
    assert q.text == "We will not sign a deal that fails Ukraine."
    assert q.speaker is not None and q.speaker.actor == "rubio"


@pytest.mark.model
def test_a_colon_between_words_or_numbers_is_not_split_by_the_quote_rule(nlp: Any) -> None:
    words = [t.text for t in nlp("The meeting ended at 10:30 and the ratio was 3:1.")]
    assert "10:30" in words and "3:1" in words
