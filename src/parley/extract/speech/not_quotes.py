"""Words in quote marks that are not anyone's speech.

Scare quotes, designations, titles of works and words cited as words are common in news
copy; recorded as quotes with speakers they would put words in people's mouths. Each test
here reads the quote's surroundings in the parse; the quotes extractor drops a stretch these
tests flag unless a cue or a credit says that someone said it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.speech.cues import LEXICON
from parley.extract.speech.marks import next_word, previous_word
from parley.extract.speech.syntax import same_paragraph
from parley.nlp.docs import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from parley.extract.speech.cues import Cues

__all__ = [
    "after_title_word", "charge_named", "credited", "defined_label", "designation", "fragment",
    "name_in_marks",
    "named_as_words", "named_after_preposition", "thing_named", "titled_work",
]  # fmt: skip


def credited(span: SpacySpan, cues: Cues) -> bool:
    """Whether the quote's sentence credits words to someone ("in the words of the envoy",
    "according to …"), so that a phrase in marks there is somebody's."""
    sent = span[0].sent.text.lower()
    phrases = cues.credit_phrases | {" ".join(p) for p in cues.prepositions}
    return any(p in sent for p in phrases)


# '(the "Accord")', '("JCEs")': an opening bracket, at most an article, then the marks.
_LABEL_BEFORE = re.compile(r"\(\s*(?:(?:the|a|an)\s+)?$", re.IGNORECASE)
_LABEL_AFTER = re.compile(r"^\s*\)")


def defined_label(text: str, start: int, end: int) -> bool:
    """'the joint criminal enterprises ("JCEs")', 'the 2019 agreement (the "Accord")': words
    in marks that fill a bracket alone define a short name for what comes before; the writer
    coins it, nobody is quoted. ``start``/``end`` bound the words inside the marks."""
    before = text[max(0, start - 12) : max(0, start - 1)]
    return bool(_LABEL_BEFORE.search(before)) and bool(_LABEL_AFTER.match(text[end + 1 :]))


def named_as_words(span: SpacySpan, cues: Cues) -> bool:
    """'He had heard the phrase "not today"': words cited as words, said by nobody here."""
    prev = previous_word(span.doc, span.start)
    return prev is not None and prev.pos_ == "NOUN" and prev.lower_ in cues.mention_nouns


def after_title_word(span: SpacySpan, cues: Cues) -> bool:
    """'A report titled, "…"': words right after "titled" are a title whatever the sentence
    says later ("… is based on what the group said was research")."""
    prev = previous_word(span.doc, span.start)
    if prev is not None and prev.text == "," and prev.i > 0:
        prev = previous_word(span.doc, prev.i)
    return prev is not None and prev.lower_ in cues.title_words


def titled_work(span: SpacySpan, cues: Cues) -> bool:
    """A title, not speech: 'a report titled "…"', 'The 102-page report, "…", details'."""
    prev = previous_word(span.doc, span.start)
    if prev is not None and prev.text == "," and prev.i > 0:
        nxt = next_word(span.doc, span.end)
        after = doc_text(span.doc)[span.end_char : nxt.idx if nxt is not None else None]
        if "," not in after and (nxt is None or nxt.text not in (",", ".")):
            return False
        prev = previous_word(span.doc, prev.i)
    if prev is not None and prev.lower_ in cues.title_words:
        return True
    return prev is not None and prev.pos_ == "NOUN" and prev.lower_ in cues.mention_nouns


def fragment(span: SpacySpan) -> bool:
    """Whether quoted words are a phrase inside the reporter's sentence, not a sentence of
    their own: they open in lower case after a word of the sentence ('deemed "the central
    figure of …"'). Such words count as a quote only when someone is said to have said them;
    otherwise they are a label, a designation or scare quotes."""
    first = next((t for t in span if not t.is_punct), None)
    prev = previous_word(span.doc, span.start)
    return (
        first is not None
        and first.text[:1].islower()
        and prev is not None
        and prev.text not in (":", ",")
        and same_paragraph(prev, first)
    )


def name_in_marks(span: SpacySpan) -> bool:
    """A proper name in marks inside the reporter's sentence ('the plan of the five-nation
    "Harbour Committee"'): a few capitalised words with no verb, after a word of the sentence.
    A name is a designation, not speech, unless someone is said to have said it."""
    words = [t for t in span if not t.is_punct]
    prev = previous_word(span.doc, span.start)
    if not words or len(words) > 6 or prev is None or prev.text in (":", ","):
        return False
    if not same_paragraph(prev, words[0]) or prev.is_sent_end:
        return False
    if any(t.pos_ in ("VERB", "AUX", "PRON") for t in words):
        return False
    joins = knowledge.words(LEXICON, "name_joins")  # "Friends of Syria", "Group of Seven"
    return words[0].is_title and all(t.is_title or t.lower_ in joins for t in words)


def named_after_preposition(span: SpacySpan) -> bool:
    """'a statement reported for "Ruritania Today"', 'the talks in "Camp Hope"': a name in
    marks (:func:`name_in_marks`) that is the object of a preposition refers to the thing
    it names (a paper, a place, a programme); a verb of saying elsewhere in the sentence
    does not make anyone its speaker, since nobody says a name after "for" or "in"."""
    if not name_in_marks(span):
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.pos_ == "ADP"


def thing_named(span: SpacySpan, cue: Token) -> bool:
    """'Countries maintained "quick lanes" for travel and "green corridors" for goods': the
    words in marks are a noun phrase that is the verb's object (or joined to it by "and"),
    with no verb of their own, so the verb is about a thing ("keep up"), not speech; what
    someone says is a clause or a sentence. Only a short coined term counts (at most three
    words, no article inside the marks): 'presented "a plan for the border"' quotes the
    plan's own words."""
    words_ = [t for t in span if not t.is_punct]
    if len(words_) > 3 or any(t.pos_ in ("VERB", "AUX", "DET") for t in words_):
        return False
    for tok in span:
        head = tok
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.dep_ == "dobj" and head.head.i == cue.i:
            return True
    return _under_another_verb(span, cue)


def _under_another_verb(span: SpacySpan, cue: Token) -> bool:
    """'… promoted the establishment of "fast tracks" for travel, and maintained …': a noun
    in marks whose clause is neither the cue's nor one the cue governs belongs to the
    reporter's own clause; the cue found further along the sentence says nothing about
    these words. Inside what the cue reports ('insisting it must create an "appropriate
    atmosphere"') the words are the speaker's."""
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.i != cue.i and cue not in verb.ancestors


@knowledge.derived
def _list_opener() -> re.Pattern[str]:
    """What opens an enumeration of named things: 'exercises such as "Focus Lens", …'
    (lexicon ``list_openers``)."""
    openers = "|".join(
        r"\s+".join(map(re.escape, w.split())) for w in knowledge.phrases(LEXICON, "list_openers")
    )
    return re.compile(rf"\b(?:{openers or '(?!)'})\b", re.IGNORECASE)


def designation(span: SpacySpan) -> bool:
    """Whether the marks hold the name of a thing, not anyone's words.

    Three places where a short title-like name in marks is a designation: after a possessive
    or a preposition of place or medium (a programme, a paper or a ship: 'on CBS's "Face the
    Nation"', 'aboard "Sea Star"'); as an item of a list of names opened by "such as" or
    "including" ('drills such as "Iron Shield 7", "Blue Wave" and …'); after an acronym,
    when the name carries a number (a model or a type: 'SLBM "Trident 2 D-5"'). A verb of
    saying near such a name ("announced on CBS's …") is about the broadcast, not the name.
    """
    words_ = [t for t in span if not (t.is_punct or t.is_space)]
    if not _name_like(words_):
        return False
    prev = previous_word(span.doc, span.start)
    if prev is None or not same_paragraph(prev, words_[0]):
        return False
    possessive = prev.tag_ == "POS" or prev.lower_ in ("'s", "’s")  # tagged as a mark too
    # a preposition of place or medium before a title in marks: 'on "Face the Nation"'
    venue = knowledge.words(LEXICON, "venue_prepositions")
    if possessive or (prev.pos_ == "ADP" and prev.lower_ in venue):
        return True
    if prev.text == ",":
        return _list_item(span, prev)
    digits = any(any(c.isdigit() for c in t.text) for t in words_)
    return digits and prev.is_upper and len(prev.text) > 1 and prev.text.isalpha()


def _name_like(words_: list[Token]) -> bool:
    """A few words written as a name: capitalised or numbered, with joining words only."""
    if not words_ or len(words_) > 6 or not (words_[0].text[:1].isupper() or words_[0].like_num):
        return False
    joins = knowledge.words(LEXICON, "name_joins")
    return all(
        t.pos_ != "PRON"
        and (t.text[:1].isupper() or any(c.isdigit() for c in t.text) or t.lower_ in joins)
        for t in words_
    )


def _list_item(span: SpacySpan, comma: Token) -> bool:
    """A name between commas in an enumeration the sentence opened with "such as" or
    "including", no verb in between: '…, such as Joint Drill, "Iron Shield 7", Blue Wave'."""
    nxt = next_word(span.doc, span.end)
    text = doc_text(span.doc)
    after = text[span.end_char : nxt.idx if nxt is not None else len(text)]
    if "," not in after and (nxt is None or nxt.lower_ != "and"):
        return False
    sent = span[0].sent
    before = span.doc[sent.start : comma.i]
    openers = list(_list_opener().finditer(before.text))
    if not openers:
        return False
    after_opener = before[0].idx + openers[-1].end()
    return not any(t.pos_ in ("VERB", "AUX") for t in before if t.idx >= after_opener)


# A quoted item of a list: straight or curly double marks around words without marks.
_MARKED_ITEM = re.compile(r"[\"“][^\"“”]*[\"”]")


def charge_named(span: SpacySpan) -> bool:
    """Whether the marks name an offence listed after a noun of charges: 'face charges
    including "weakening national sentiment" and "inciting strife"'.

    The charge sheet words the offences; neither the prisoners nor the agency reporting
    the charges said them. Only other marked items, commas and "and"/"or" may stand between
    the opener ("charges including", "counts of") and the marks."""
    sent = span[0].sent
    before = doc_text(span.doc)[sent.start_char : span[0].idx]
    openers = list(_charge_opener().finditer(before))
    if not openers:
        return False
    between = _MARKED_ITEM.sub(" ", before[openers[-1].end() :])
    return not _item_joins().sub("", between)


def _charge_opener() -> re.Pattern[str]:
    """A noun of charges and what opens their list ("charges including", "counts of")."""
    nouns = "|".join(map(re.escape, knowledge.words(LEXICON, "charge_nouns")))
    openers = "|".join(
        r"\s+".join(map(re.escape, w.split())) for w in knowledge.phrases(LEXICON, "list_openers")
    )
    return re.compile(rf"\b(?:{nouns or '(?!)'})\s+(?:of|{openers or '(?!)'})\b", re.IGNORECASE)


def _item_joins() -> re.Pattern[str]:
    """What may stand between listed items: marks, commas, spaces and the joining words of
    a list (lexicon ``list_item_joins``: "and", "or")."""
    joins = "|".join(map(re.escape, knowledge.words(LEXICON, "list_item_joins")))
    return re.compile(rf"[\s,\"“”]|\b(?:{joins or '(?!)'})\b", re.IGNORECASE)
