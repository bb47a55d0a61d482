"""Reading the parse the way the speech extractors need it: phrases, subjects, paragraphs.

The parser sometimes runs a sentence over a paragraph break or takes the wire dateline for a
subject; :func:`subject_of` skips such subjects, and antecedents are searched sentence by
sentence within paragraphs (:func:`sentence_piece`, :func:`sentences_back`). These helpers know
nothing of actors: they answer questions about tokens only, so every step can share them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from parley.extract.speech.cues import LEXICON, load_cues
from parley.knowledge import words
from parley.nlp.dateline import dateline_end
from parley.nlp.docs import doc_text, paragraph_first, paragraph_number

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "LOOK_BACK", "SUBJECT_DEPS", "char_at", "cited_source", "closing_tag", "fronted_concession",
    "in_dateline", "indefinite", "can_speak", "name_bounds", "outer_teller",
    "inverted_subject", "named_conjuncts", "paragraph_start", "stranded_start", "stranded_subject",
    "tail_conjuncts", "told_clause", "trailing_appos",
    "parenthetical_speech", "phrase_bounds", "quoting_verb", "same_paragraph",
    "sentence_end_after", "sentence_piece", "sentences_back", "subject_of", "trim",
]  # fmt: skip

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Heads through which a verb inherits the subject of the verb it hangs on ("X arrived and said").
_INHERIT_DEPS = ("conj", "xcomp", "advcl")
_EDGE_PUNCT = frozenset(",;:—–-\"'“”‘’()[]")
_QUOTE_MARKS = frozenset({'"', "“", "”", "„", "«", "»", "``", "''"})
LOOK_BACK = 4  # sentences searched for an antecedent, the pronoun's own included


def trim(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Token bounds ``[start, end)`` of ``tokens`` without punctuation/space at either edge."""
    items = [t for t in tokens if not t.is_space]
    while items and (items[0].is_punct or items[0].text in _EDGE_PUNCT):
        items.pop(0)
    while items and (items[-1].is_punct or items[-1].text in _EDGE_PUNCT):
        if items[-1].text == ")" and any(t.text == "(" for t in items[:-1]):
            break  # "Amnesty International (AI)" keeps the bracket it opened
        items.pop()
    if not items:
        return None
    return items[0].i, items[-1].i + 1


def phrase_bounds(head: Token, stop_at: int | None = None) -> tuple[int, int]:
    """Token bounds of the noun phrase headed by ``head``, trimmed, cut before token ``stop_at``
    (and before a verb the parser hung on it that is the sentence's predicate)."""
    for child in head.children:
        if child.dep_ == "acl" and _predicate_of_root_noun(child) is not None:
            stop_at = child.i if stop_at is None else min(stop_at, child.i)
    aside = _participle_aside(head)
    if aside is None:
        aside = _tail_after_name(head)
    if aside is None:
        aside = _prepositional_aside(head)
    if aside is None:
        aside = _inverted_tag_tail(head)
    if aside is not None:
        stop_at = aside if stop_at is None else min(stop_at, aside)
    tokens = [t for t in head.subtree if stop_at is None or t.i < stop_at]
    # A phrase is contiguous; a parse that wanders (e.g. over a quote) is cut at the first gap.
    run: list[Token] = []
    for n, t in enumerate(tokens):
        if "\n" in t.text or "\n" in t.whitespace_:  # a phrase never crosses a paragraph
            if t.i >= head.i:
                if t.i == head.i:
                    run.append(t)
                break
            run = []
            continue
        if t.text in _QUOTE_MARKS and t.i != head.i:  # nor a quote mark: the words are said
            if t.i > head.i and not any(u.pos_ in ("NOUN", "PROPN") for u in tokens[n + 1 :]):
                break
            run = []  # the head was inside the quote: the phrase is the one after it
            continue
        if t.lower_ == "but" and t.dep_ == "cc" and t.i < head.i:
            run = []  # "… the Red Hand but minister Y": a misparse, the phrase is after it
            continue
        if run and t.i != run[-1].i + 1:
            if run[-1].i >= head.i:
                break
            run = []
        run.append(t)
    bounds = trim(run)
    bounds = bounds if bounds is not None else (head.i, head.i + 1)
    bounds = _without_dateline(head, bounds)
    bounds = _without_time_tail(head, bounds)
    tag = closing_tag(head.head) if head.dep_ == "compound" else None
    if tag is not None and tag.i == head.i:
        bounds = (_tag_start(head), bounds[1])  # "the agency", its "the" hung on the verb
    return _hyphen_joined(head.doc, bounds)


def _participle_aside(head: Token) -> int | None:
    """Where a participle clause set off by a comma after a name starts: in "X, counsel for
    Y, drawing a parallel between A and B, suggested …" the clause says what X was doing
    while speaking, not who X is, so the phrase naming X ends before its comma. The clause
    may hang on the name or on its apposition; a participle without the comma ("officials
    working on the file") is part of the phrase."""
    doc = head.doc
    owners = [head, *(c for c in head.children if c.dep_ == "appos")]
    for owner in owners:
        for child in owner.children:
            comma = child.left_edge.i - 1
            if child.tag_ != "VBG" or child.dep_ not in ("acl", "advcl", "relcl"):
                continue
            if child.left_edge.i != child.i:
                continue  # ", who was holding a briefing": a relative clause, it stays
            if child.i > head.i and comma > head.i and doc[comma].text == ",":
                return None if _anonymity(child) else comma
    return None


def _prepositional_aside(head: Token) -> int | None:
    """Where a prepositional phrase set off by commas after a name (or its apposition)
    starts: in "X, the rebel commander, after a meeting at his camp, said …" the phrase says
    when or where X spoke, not who X is, so the phrase naming X ends before its comma. Only
    prepositions of time and circumstance (lexicon ``aside_prepositions``); "X, of the Daily
    Post," or "X, from the ministry," tell who X is and stay."""
    doc = head.doc
    owners = [head, *(c for c in head.children if c.dep_ == "appos")]
    for owner in owners:
        for child in owner.children:
            if child.dep_ != "prep" or child.i <= head.i or doc[child.i - 1].text != ",":
                continue
            if child.lower_ in words(LEXICON, "aside_prepositions"):
                return child.i - 1
    return None


def _without_time_tail(head: Token, bounds: tuple[int, int]) -> tuple[int, int]:
    """A phrase without the day the parser hung on its last word: in "The federal agency
    overseeing the exports on Friday denied …" "on Friday" says when the agency spoke, not
    which agency it is. Only "on"/"at" with nothing but a date or time after it, closing
    the phrase after its head."""
    doc = head.doc
    start, end = bounds
    for prep in doc[head.i + 1 : end]:
        if prep.lower_ not in ("on", "at") or prep.dep_ != "prep":
            continue
        rest = doc[prep.i + 1 : end]
        if len(rest) and all(t.ent_type_ in ("DATE", "TIME") for t in rest):
            return start, prep.i
    return bounds


def _without_dateline(head: Token, bounds: tuple[int, int]) -> tuple[int, int]:
    """A phrase without the wire dateline the parser joined to it: in "NAIROBI - Kenyan
    President X said" the place and its dash are where the story was filed, not part of
    who speaks. Only a dateline that ends before the phrase's head."""
    end = dateline_end(head.doc, bounds[0], bounds[1])
    if end is None or end > head.i:
        return bounds
    cut = trim(list(head.doc[end : bounds[1]]))
    return cut if cut is not None else bounds


def _anonymity(clause: Token) -> bool:
    """ ", speaking on condition of anonymity": a participle clause that says the source
    is unnamed describes the source itself (its kind hangs on it), so it stays in the words."""
    said = " ".join(t.lower_ for t in clause.subtree)
    return any(phrase in said for phrase in load_cues().anonymity_phrases)


def _tail_after_name(head: Token) -> int | None:
    """Where an adverbial tail after a name inside a role phrase starts: in "The leader of
    the party in the Senate Ms X on a point of order asked …" the parser hangs "on a point
    of order" on "leader", but a title's own phrases come before the name it ends with; a
    phrase after the name says how or when she spoke. "of" ("X of the Daily Post") stays."""
    doc = head.doc
    for prep in (c for c in head.children if c.dep_ == "prep" and c.i > head.i + 1):
        before = doc[prep.i - 1]
        if prep.lower_ != "of" and before.pos_ == "PROPN" and _a_name(before):
            return prep.i
    return None


def _a_name(tok: Token) -> bool:
    """Whether ``tok`` ends a person's name: the model tags it so, or a courtesy title
    opens its name ("Ms Ana Lopes", however the model tagged it)."""
    if tok.ent_type_ == "PERSON":
        return True
    titles = words(LEXICON, "transcript_honorifics") | words(LEXICON, "female_titles")
    titles = titles | words(LEXICON, "male_titles")
    parts = [c for c in tok.lefts if c.dep_ == "compound"]
    return any(c.lower_.rstrip(".") in titles for c in parts)


def _hyphen_joined(doc: Doc, bounds: tuple[int, int]) -> tuple[int, int]:
    """Bounds grown over a name the tokenizer split at a hyphen ("al" "-" "Maliki")."""
    start, end = bounds
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        if doc[end].whitespace_ or not doc[end + 1].text[:1].isupper():
            break
        end += 2
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        if doc[start - 2].whitespace_ or not doc[start - 2].text[:1].isalpha():
            break
        start -= 2
    return start, end


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of ``verb`` (or of the verb it is conjoined to), or the agent.

    A subject in another paragraph or in the wire dateline ("NEW YORK (Reuters) — X said") is
    a parse that ran over a boundary, never the speaker: it is skipped.
    """
    seen = 0
    lead = _participle_lead(verb) or _means_gerund_lead(verb) or _predicate_of_root_noun(verb)
    lead = lead or closing_tag(verb) or _after_fronted_concession(verb)
    lead = lead or _after_opening_participle(verb)
    if lead is not None:
        return lead
    quoted = _quoted_object(verb)
    if quoted is not None:
        return quoted
    quoting = quoting_verb(verb)
    if quoting is not None:
        # "Reuters quoted X as saying": X speaks; "X is quoted as saying": the subject speaks
        objs = [c for c in quoting.children if c.dep_ == "dobj"]
        if objs:
            return objs[0]
        verb = quoting
    while seen < 4:
        inverted = _inverted_after_quote(verb)
        if inverted is not None:
            return inverted
        doubled = _nearest_of_two_subjects(verb)
        if doubled is not None:
            return doubled
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj") and _plausible(child, verb):
                return child
            if child.dep_ == "nsubj" and same_paragraph(child, verb):
                late = _after_dateline(child)
                if late is not None:
                    return late  # "DUSHANBE, Oct 2 – A statement … notes": the statement
            if (
                child.dep_ == "nsubjpass"
                and verb.lemma_.lower() in _quoted()
                and _plausible(child, verb)
            ):
                return child  # "X is quoted as saying": X speaks
        for child in verb.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if seen == 0:
            found = (
                _asked_subject(verb) or _subject_over_break(verb) or trailing_appos(verb)
                or _speaker_after_quote(verb) or stranded_subject(verb) or relative_lead(verb)
                or inverted_subject(verb) or tail_conjuncts(verb)
                or inverted_before_clause(verb)
            )  # fmt: skip
            if found is not None:
                return found
        if verb.dep_ not in _INHERIT_DEPS or verb.head.i == verb.i:
            return None
        outer = outer_teller(verb)
        if outer is not None:
            verb = outer  # "The radio said that A and charged that B": the radio charged
            seen += 1
            continue
        sibling = _sibling_subject(verb)
        if sibling is not None:
            return sibling
        verb = verb.head
        seen += 1
    return None


def fronted_concession(verb: Token) -> tuple[int, int, Token] | None:
    """What a fronted concession of saying claims, when the parser gave its "that" away.

    In "While the defence accepted that A, it insisted that B" the parser may hang "that"
    and A on the main verb ("insisted"), leaving "accepted" with nothing said. The words
    after "that" up to the comma before the main clause's subject are what was accepted,
    and that subject ("it") is the main verb's. The clause must open with a word of
    contrast or concession ("while", "although"; lexicon ``contrast_stops``, cues
    ``claim_stops``), its verb be a verb of saying followed at once by "that". Returns the
    claim's token bounds and the main clause's subject."""
    cues = load_cues()
    if verb.lemma_.lower() not in cues.speech_verbs:
        return None
    marks = words(LEXICON, "contrast_stops") | cues.claim_stops
    if not any(c.dep_ == "mark" and c.lower_ in marks and c.i < verb.i for c in verb.children):
        return None
    doc, that = verb.doc, verb.i + 1
    if that >= len(doc) or doc[that].lower_ != "that":
        return None
    main = doc[that].head  # the parser gave "that" to the main verb …
    if main.i <= that or not (verb.head.i == main.i or main.head.i == verb.i):
        return None  # … hung over the clause or under it; else the parse is whole
    if verb.dep_ != "advcl" and main.lemma_.lower() not in cues.speech_verbs:
        return None
    subjects = [c for c in main.children if c.dep_ == "nsubj" and that < c.i < main.i]
    if not subjects:
        return None
    comma = subjects[-1].left_edge.i - 1
    if comma <= that + 1 or doc[comma].text != "," or not same_paragraph(verb, main):
        return None
    return that + 1, comma, subjects[-1]


def _after_fronted_concession(verb: Token) -> Token | None:
    """The main clause's subject after a fronted concession the parser ran into it (see
    :func:`fronted_concession`): the one after the comma, not a subject of the concession."""
    fronted = [c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i]
    if verb.dep_ == "ccomp" and verb.head.i < verb.i:
        fronted.append(verb.head)  # the concession read as the root, the main clause its object
    for clause in fronted:
        found = fronted_concession(clause)
        if found is not None and found[2].head.i == verb.i:
            return found[2]
    return None


def _after_opening_participle(verb: Token) -> Token | None:
    """ "Quoting an article in the Times, the former ambassador X said …": the parser may
    read the opening participle clause as the verb's clausal subject and the speaker as an
    apposition of its object. A participle that opens the sentence says what the subject
    did while speaking; the noun phrase after its comma, right before the verb, speaks."""
    doc = verb.doc
    for clause in (c for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG"):
        if clause.left_edge.i != sentence_piece(doc, clause.i).start:
            continue
        for tok in clause.subtree:
            comma = tok.left_edge.i - 1
            if tok.dep_ != "appos" or tok.right_edge.i != verb.i - 1 or doc[comma].text != ",":
                continue
            if can_speak(tok) and same_paragraph(tok, verb):
                return tok
    return None


def closing_tag(verb: Token) -> Token | None:
    """The source of a closing tag the parser read with the claim's head for its subject.

    "CLAIM, the agency reports." may be read as one phrase "the agency reports" (the noun a
    compound of the verb) or with two subjects, the claim's head and "the agency"; either
    way the claim's head is the verb's subject. The noun right before the verb, after the
    comma, is who reports, and the verb ends the sentence (a tag adds nothing after it)."""
    if verb.pos_ != "VERB":
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    nouns = [
        c for c in verb.children
        if (c.dep_ == "compound" or c.dep_ == "nsubj" and len(subjects) == 2)
        and c.i < verb.i and c.pos_ in ("NOUN", "PROPN") and c.right_edge.i == verb.i - 1
    ]  # fmt: skip
    if len(nouns) != 1:
        return None
    doc, start = verb.doc, _tag_start(nouns[0])
    if start == 0 or doc[start - 1].text != ",":
        return None
    if any(not (t.is_punct or t.is_space) for t in doc[verb.i + 1 : verb.sent.end]):
        return None
    return nouns[0]


def _tag_start(noun: Token) -> int:
    """Where the phrase of a tag's noun hung on its verb starts: over the "the" the parser
    hung on the verb beside it ("the agency reports")."""
    doc, start = noun.doc, noun.left_edge.i
    while start > 0 and doc[start - 1].dep_ == "det" and doc[start - 1].head.i == noun.head.i:
        start -= 1
    return start


def outer_teller(verb: Token) -> Token | None:
    """The verb of saying whose subject a second one shares in "The radio said that the
    allegations were untrue and charged that India was sending infiltrators": the parser
    joins "charged" to what the radio said ("were … and charged"), so it would inherit that
    clause's subject. A verb of saying with a clause of its own, joined to the clause another
    verb of saying reports, whose subject cannot speak (a thing, not a name or a noun for
    people), goes on with the outer verb; "said that the minister had resigned and claimed
    that …" stays with the minister, who can claim."""
    cues = load_cues()
    if verb.dep_ != "conj" or verb.lemma_.lower() not in cues.indirect_verbs:
        return None
    deps = {c.dep_ for c in verb.children}
    if "ccomp" not in deps or deps & {"nsubj", "nsubjpass", "mark"}:
        return None  # "… and that Rubio had said …" is a report inside the claim
    clause = verb.head
    outer = clause.head
    if clause.dep_ != "ccomp" or outer.lemma_.lower() not in cues.indirect_verbs:
        return None
    inner = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if inner is None or inner.pos_ != "NOUN" or can_speak(inner):
        return None
    return outer


def _sibling_subject(verb: Token) -> Token | None:
    """The subject a conjoined verb shares with the conjunct just before it: in "They shook
    hands and the president apologized … and said that …" the parser hangs every verb on
    the first, but "said" goes on from "apologized", whose subject is the president's."""
    if verb.dep_ != "conj":
        return None
    earlier = [c for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i]
    for sib in sorted(earlier, key=lambda c: -c.i):
        subj = next((c for c in sib.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj if _plausible(subj, sib) else None
    return None


def _nearest_of_two_subjects(verb: Token) -> Token | None:
    """ "Briefing delegates from Geneva, Petersen said that …": a verb has one subject, but
    the parser may give it two, reading the opening participial phrase as a noun phrase
    ("Briefing delegates"). The one after the comma, nearest the verb, is the subject; the
    phrase before it only says what the subject was doing. So is the one after "and" when
    the phrase before holds a clause of its own (a report read as a phrase on its noun)."""
    before = [
        c for c in verb.children
        if c.dep_ == "nsubj" and c.i < verb.i and _plausible(c, verb)
    ]  # fmt: skip
    if len(before) < 2:
        return None
    near = before[-1]
    comma = near.left_edge.i - 1
    if comma < 0 or before[-2].right_edge.i not in (comma - 1, comma):
        return None
    if verb.doc[comma].text == ",":
        return near if before[-2].right_edge.i == comma - 1 else None
    # "An agency reported that A called a briefing and a man told reporters …": the parser
    # took the report for a phrase on "agency" and gave "told" both subjects; the one after
    # "and", next to the verb, is its subject, the other holds a clause of its own
    joined = verb.doc[comma].dep_ == "cc"
    clause = any(t.pos_ == "VERB" and t.dep_ in ("acl", "relcl") for t in before[-2].subtree)
    return near if joined and clause else None


def inverted_subject(verb: Token) -> Token | None:
    """The source of a tag set after its claim with the name after the verb ("…, reported
    TASS.", "…, noted RIA Novosti."), which the parser reads as an object or worse: a name of
    a few words, right after the verb, that ends the sentence."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ") or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    if verb.lemma_.lower() in words(LEXICON, "addressee_verbs"):
        return None  # "…, told Reuters.": the one told, never a speaker set after the verb
    sent = sentence_piece(doc, verb.i)
    tail = [t for t in doc[verb.i + 1 : sent.end] if not t.is_space]
    rest = [t for t in tail if not t.is_punct]
    if not rest or len(rest) > 4 or tail[-1].text not in (".", "!"):
        return None
    if any(t.pos_ not in ("PROPN", "NOUN", "ADJ", "DET") for t in rest):
        return None
    named = [t for t in rest if t.ent_type_ in ("ORG", "PERSON")]
    return named[-1] if named and verb.i - 1 > sent.start else None


def inverted_before_clause(verb: Token) -> Token | None:
    """The source of "CLAIM, said delegates as the Assembly opened its debate.": a verb of
    saying right after the claim's comma, then a bare noun phrase and a clause of time or
    manner opening on it ("as", "when", "after"; lexicon ``inverted_tag_marks``). The
    parser makes the noun the subject of that clause and the clause the verb's complement;
    the noun is who speaks and the clause says when, the claim being the words before the
    comma. Returns the noun's head."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ") or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    if verb.lemma_.lower() in words(LEXICON, "addressee_verbs"):
        return None
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None  # no claim before the comma
    for clause in verb.children:
        if clause.i < verb.i or clause.dep_ not in ("ccomp", "advcl"):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
        if subj is None or subj.left_edge.i != verb.i + 1 or subj.pos_ not in ("NOUN", "PROPN"):
            continue
        if _time_mark_after(subj) is not None:
            return subj
    return None


def _time_mark_after(subj: Token) -> Token | None:
    """The "as"/"when" right after an inverted tag's noun, whether the parser made it the
    clause's mark or a preposition on the noun ("delegates as the Assembly began …")."""
    doc = subj.doc
    nxt = subj.i + 1
    if nxt >= len(doc) or doc[nxt].lower_ not in words(LEXICON, "inverted_tag_marks"):
        return None
    return doc[nxt] if doc[nxt].dep_ in ("mark", "prep") else None


def _inverted_tag_tail(head: Token) -> int | None:
    """Where the clause of time after an inverted tag's noun starts when the parser hung
    its "as" on the noun: "…, said delegates as the Assembly began its debate" names the
    delegates, not "delegates as the General Assembly"."""
    verb = head.head.head
    if head.dep_ != "nsubj" or head.head.dep_ not in ("ccomp", "advcl") or verb.i > head.i:
        return None
    mark = _time_mark_after(head)
    if mark is None or mark.dep_ != "prep" or mark.head.i != head.i:
        return None
    return mark.i if inverted_before_clause(verb) is not None else None


def tail_conjuncts(verb: Token) -> Token | None:
    """The source of a lede's tag "CLAIM … with militias, rebels and the Observatory said."
    when the parser ran the source into a list inside the claim: the last two conjuncts,
    joined by "and" right before the verb that ends the sentence with no subject, after a
    comma, both able to speak (a name, or a noun for people or a group). The pair is the
    source; which earlier items of the list belong to it no one can tell, so none do.
    Returns the first of the two (its phrase holds both)."""
    doc = verb.doc
    sent = sentence_piece(doc, verb.i)
    if verb.i < 4 or any(not (t.is_punct or t.is_space) for t in doc[verb.i + 1 : sent.end]):
        return None
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    last = doc[verb.i - 1]
    while last.dep_ != "conj" and last.head.i < verb.i and last.head.right_edge.i == verb.i - 1:
        if last.head.i == last.i:
            return None
        last = last.head
    first = last.head
    if last.dep_ != "conj" or first.i >= last.i or first.left_edge.i < 1:
        return None
    joins = [c for c in first.children if c.dep_ == "cc" and first.i < c.i < last.i]
    if [j.lower_ for j in joins] != ["and"] or doc[first.left_edge.i - 1].text != ",":
        return None
    return first if can_speak(first) and can_speak(last) else None


def can_speak(tok: Token) -> bool:
    """Whether a noun can be a source: a name, or a noun for people or a group."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    nouns = words(LEXICON, "agent_nouns") | words(LEXICON, "organisation_nouns")
    nouns = nouns | words(LEXICON, "role_nouns") | load_cues().state_groups
    return tok.lemma_.lower() in nouns or tok.lower_ in nouns


def relative_lead(verb: Token) -> Token | None:
    """The subject of '"…," X, whose militia is in the battle, told Reuters' when the parser
    left the verb without one: the name right before a relative clause about a person
    ("who", "whose") set off by commas and ending right before the verb. A clause with a
    comma of its own is not read (its end cannot be told from the name's)."""
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != ",":
        return None
    sent = sentence_piece(doc, verb.i)
    opening = next((k for k in range(verb.i - 2, sent.start, -1) if doc[k].text == ","), None)
    if opening is None or doc[opening + 1].lower_ not in words(LEXICON, "person_relatives"):
        return None
    name = doc[opening - 1]
    return name if name.pos_ == "PROPN" and same_paragraph(name, verb) else None


def stranded_subject(verb: Token) -> Token | None:
    """The subject of a conjoined verb of saying that the parser left inside the clause
    before ("X vowed that A but minister Y said B", "Y" hung on a noun of A): the name
    right before the verb, back to the "but" or "and" that opens it."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    start = stranded_start(verb)
    return verb.doc[verb.i - 1] if start is not None else None


def stranded_start(verb: Token) -> int | None:
    """Where such a stranded subject starts: the token after its "but" or "and"."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].pos_ not in ("PROPN", "NOUN"):
        return None
    i = verb.i - 1
    while i > verb.head.i and doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "DET"):
        i -= 1
    if doc[i].dep_ != "cc" or doc[i].lower_ not in words(LEXICON, "clause_joins"):
        return None
    if i <= verb.head.i:
        return None
    if not any(doc[j].ent_type_ == "PERSON" or doc[j].pos_ == "PROPN" for j in range(i, verb.i)):
        return None  # "… and officials said": a common noun alone is parsed right
    return i + 1


def trailing_appos(verb: Token) -> Token | None:
    """The speaker of "CLAIM …, a spokeswoman for the group said" when the parser hung the
    speaker on the claim's last noun as an apposition: the phrase set off by a comma that
    ends right before a subjectless verb with its claim before it."""
    claim_before = any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) or (
        verb.dep_ in ("ccomp", "parataxis")
        and verb.head.i < verb.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )  # "CLAIM, Deputy Minister X told a briefing" with the tag hung on the claim's verb
    if verb.i == 0 or not claim_before:
        return None
    stop = _before_aside(verb)
    last = verb.doc[stop]
    for tok in (last, *last.ancestors):
        if tok.right_edge.i != stop or tok.i >= verb.i:
            break
        edge = tok.left_edge.i
        if edge > 1 and verb.doc[edge - 1].text in _QUOTE_MARKS:
            edge -= 1  # '"…," a senior official …': the quotation's comma sets it off
        if tok.dep_ == "appos" and edge > 0 and verb.doc[edge - 1].text == ",":
            return tok if tok.pos_ in ("NOUN", "PROPN") and same_paragraph(tok, verb) else None
    return None


def _speaker_after_quote(verb: Token) -> Token | None:
    """The speaker of '"…," a senior official, speaking on background, told reporters' when
    the parser left the verb without a subject and hung the phrase inside the quotation (as
    its object): the plain noun phrase between the quotation's closing ',"' and the verb (or
    the participial aside before it) is who speaks, when it is a noun for people or a name."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    doc = verb.doc
    stop = _before_aside(verb)
    start = stop
    while start > 0 and not doc[start - 1].is_punct and stop - start < 8:
        start -= 1
    if start < 2 or doc[start - 1].text not in _QUOTE_MARKS or doc[start - 2].text != ",":
        return None
    phrase = range(start, stop + 1)
    heads = [t for t in doc[start : stop + 1] if t.head.i not in phrase]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN"):
        return None
    head = heads[0]
    return head if can_speak(head) and same_paragraph(head, verb) else None


def _before_aside(verb: Token) -> int:
    """The token before the verb, or before a participial aside set off by commas right
    before it: in '"…," a senior official, speaking on background, told reporters' the
    speaker's phrase ends at "official", before ", speaking on background,"."""
    doc = verb.doc
    last = verb.i - 1
    if last < 2 or doc[last].text != ",":
        return last
    sent = sentence_piece(doc, verb.i)
    opening = next((k for k in range(last - 1, sent.start, -1) if doc[k].text == ","), None)
    if opening is None or opening + 1 >= last or doc[opening + 1].tag_ != "VBG":
        return last
    return opening - 1


def _participle_lead(verb: Token) -> Token | None:
    """The main clause's subject for a participle of saying set off by a comma ("X defended
    the swaps …, denying that …"): the parser may hang it on a noun in between and find that
    noun's words for a subject; the one who denies is who the sentence is about."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if verb.dep_ == "advcl":
        return (
            _contrast_teller(verb) or _earlier_teller(verb) or _reporting_teller(verb)
            or _moved_to_act(verb.head)
        )  # fmt: skip
    if verb.dep_ not in ("relcl", "acl"):
        return None
    root = verb.sent.root
    if root.i == verb.i or root.pos_ not in ("VERB", "AUX") or not same_paragraph(root, verb):
        return None
    return subject_of(root)


def _means_gerund_lead(verb: Token) -> Token | None:
    """ "The statement concluded by noting that …", "X responded by saying …", "the delegation
    walked out after saying …": a gerund after "by" (means) or a preposition of time has no
    subject of its own; it is the subject of the verb the phrase hangs on (one act done by way
    of, or before or after, the other). "without saying" says nothing: not in the list."""
    prep = verb.head
    preps = words(LEXICON, "gerund_subject_preps")
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or prep.lower_ not in preps:
        return None
    head = prep.head
    if prep.dep_ != "prep" or head.i == prep.i or head.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects else None


def _predicate_of_root_noun(verb: Token) -> Token | None:
    """ "The rights group alleged on Thursday that guards …": the parser may read the verb as
    a participle on the noun before it and leave the sentence with a noun for its root. A
    sentence needs a finite verb; a past form hung on the root noun that reports a clause of
    its own is that verb, and the noun its subject."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or head.dep_ != "ROOT":
        return None
    if head.pos_ not in ("NOUN", "PROPN") or head.i > verb.i:
        return None
    if verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        return None  # "The report, published on Monday, that …": a set-off participle
    return head if any(c.dep_ == "ccomp" for c in verb.children) else None


def _moved_to_act(head: Token) -> Token | None:
    """ "The decision prompted the delegates to walk out, saying …": when the main
    clause's subject is a happening, which says nothing, the ones it moved to act (the
    object before "to leave") are who says it."""
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_:
        return None
    lemma = subj.lemma_.lower()
    cues = load_cues()
    if lemma not in words(LEXICON, "not_people") or lemma in cues.text_nouns | cues.speech_nouns:
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    act = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if obj is None or act is None or not obj.i < act.i or not same_paragraph(obj, head):
        return None
    return obj


def _contrast_teller(verb: Token) -> Token | None:
    """ "A accused B of arming the rebels while B's envoy rejected every charge, stressing
    that …": the parser may hang the participle on the main verb, but it goes with the clause
    right before its comma, when that clause sets another party's position against the first
    ("while"/"whereas" and a verb of saying, denying or rejecting): the envoy stresses."""
    doc = verb.doc
    last = doc[verb.i - 2] if verb.i >= 2 else None
    if last is None:
        return None
    cues = load_cues()
    speech = cues.indirect_verbs | cues.denial_verbs | words(LEXICON, "rejection_verbs")
    stops = words(LEXICON, "contrast_stops") | cues.claim_stops
    for clause in (last, *last.ancestors):
        if clause.i == verb.head.i or clause.i >= verb.i:
            return None  # up at the participle's own head: no clause in between
        marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in stops]
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if marks and subj is not None and clause.lemma_.lower() in speech and _a_party(subj):
            return subj if same_paragraph(subj, verb) else None
    return None


def _a_party(tok: Token) -> bool:
    """Whether a noun can take a position: a source (:func:`can_speak`) or a person named
    by office ("the permanent representative", "the ambassador")."""
    from parley.extract.speech.descriptions import role_nouns  # descriptions reads syntax

    return can_speak(tok) or tok.lemma_.lower() in role_nouns()


def _earlier_teller(verb: Token) -> Token | None:
    """ "X told Reuters that '… it is …', adding that …": the parser may make the quote's verb
    the head of both the verb of saying and the participle; the one adding is then the
    subject of that verb of saying, not the quote's "it"."""
    head = verb.head
    tellers = [
        c for c in head.children
        if c.dep_ == "ccomp" and c.i < head.i and c.lemma_.lower() in load_cues().indirect_verbs
    ]  # fmt: skip
    for teller in tellers:
        subj = next((c for c in teller.children if c.dep_ == "nsubj"), None)
        if subj is not None and same_paragraph(subj, verb):
            return subj
    return None


def _reporting_teller(verb: Token) -> Token | None:
    """ "X said that an agreement is still to be written, adding there is …": the parser hangs
    the participle on the reported clause, whose subject ("an agreement") adds nothing; the
    one adding goes on speaking, so it is the subject of the verb of saying that reports it."""
    clause = verb.head
    teller = clause.head
    if clause.dep_ != "ccomp" or teller.i == clause.i or teller.i > clause.i:
        return None
    if teller.lemma_.lower() not in load_cues().indirect_verbs or not _mute(clause):
        return None
    subj = next((c for c in teller.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and same_paragraph(subj, verb) else None


def _mute(clause: Token) -> bool:
    """Whether the reported clause's subject is a thing that says nothing ("an agreement",
    "a treaty"): a common noun, no name, no word for people or a body. With a person there
    ("Lavrov said Rubio signed the deal, saying it was fair") the participle stays theirs."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_:
        return False
    cues = load_cues()
    speakers = (
        cues.anonymous_heads | cues.state_groups | cues.institution_heads
        | cues.spokesperson_heads | cues.outlet_nouns | cues.document_nouns | cues.speech_nouns
        | words(LEXICON, "organisation_nouns") | words(LEXICON, "role_nouns")
        | words(LEXICON, "agent_nouns")
    )  # fmt: skip
    return subj.lemma_.lower() not in speakers


def parenthetical_speech(verb: Token) -> bool:
    """Whether a verb that reports speech only after what was said ("…, he continued") does
    so here: a clause before it, its subject after that clause. "Fighting continued" and
    "he continued to insist" say nothing."""
    if verb.lemma_.lower() not in words(LEXICON, "parenthetical_speech_verbs"):
        return False
    said = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return bool(said) and subj is not None and subj.i > said[0].i


def quoting_verb(verb: Token) -> Token | None:
    """The verb of "quoted X as saying" / "cited X as saying" that ``verb`` ("saying") hangs on.

    Such a verb names two parties: the person whose words they are and the medium that
    quotes them; the words are the person's, relayed by the medium.
    """
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ in _relaying():
        return verb.head.head
    return None


def _inverted_after_quote(verb: Token) -> Token | None:
    """The subject after the verb in '"A. No more games," said X' when the parser also took
    a noun of the quotation for a subject: the words before the closing mark are what is
    said, and the subject after the verb says them."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and same_paragraph(c, verb)]
    before = [s for s in subjects if s.i < verb.i]
    after = [s for s in subjects if s.i > verb.i]
    if not before or not after:
        return None
    between = verb.doc[before[-1].i + 1 : verb.i]
    return after[0] if any(t.is_quote for t in between) else None


def _quoted_object(verb: Token) -> Token | None:
    """The object of '"…," the paper quotes him as saying' when the parse hangs the words on
    the verb of quoting itself, not on "saying": that verb names who relays (its subject) and
    whose words they are (its object), and the object speaks.
    """
    if verb.lemma_.lower() not in _relaying():
        return None
    said = any(
        c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children) for c in verb.children
    )
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return objs[0] if said and objs else None


def _quoted() -> frozenset[str]:
    """Passive verbs whose subject is the speaker ("X was quoted as saying")."""
    return words(LEXICON, "passive_speech_verbs")


def _relaying() -> frozenset[str]:
    """Verbs of a text relaying someone's words ("the statement reported him as telling"):
    the object speaks, the subject relays. "report" is one only with "as" and a verb of
    saying; its passive subject ("the clash was reported") speaks no words."""
    return words(LEXICON, "relaying_as_verbs")


def _subject_over_break(verb: Token) -> Token | None:
    """The phrase opening ``verb``'s paragraph when the parser hung it on a subject in the
    paragraph before ('The Kremlin: "…"' / 'Lavrov, asked …, said'): the parse ran over."""
    if not any(c.dep_ in SUBJECT_DEPS and not same_paragraph(c, verb) for c in verb.children):
        return None
    doc = verb.doc
    start = paragraph_start(doc, verb.i)
    inside = range(start, verb.i)
    for tok in doc[start : verb.i]:
        if tok.head.i not in inside and tok.pos_ in ("PROPN", "NOUN"):
            return tok
    return None


# "X, asked about the treaty, said …": the parser reads "X asked" as a clause of its own.


def _asked_subject(verb: Token) -> Token | None:
    """The subject of a parenthetical "asked about …" clause the parser hung before ``verb``."""
    for child in verb.lefts:
        if child.dep_ == "ccomp" and child.lemma_.lower() in words(LEXICON, "asked_verbs"):
            subjects = [c for c in child.children if c.dep_ == "nsubj" and c.i < child.i]
            if subjects and _plausible(subjects[0], verb):
                return subjects[0]
    return None


def _after_dateline(subj: Token) -> Token | None:
    """The phrase in apposition after the dateline when the parser took the dateline's city
    for the subject ("DUSHANBE, Oct 2 – A statement released by X notes")."""
    end = dateline_end(subj.doc, paragraph_start(subj.doc, subj.i))
    if end is None or subj.i >= end:
        return None
    late = [c for c in subj.children if c.dep_ == "appos" and c.i >= end]
    if late:
        return late[0]
    # "UNITED NATIONS, March 4 -- Karl Olsen, the UN envoy, … told": the parser may join the
    # name to the dateline's date ("March … Olsen" as a conjunct); the first noun after the
    # dateline hung on a word inside it opens the sentence's real subject
    hung = [
        t for t in subj.subtree
        if t.i >= end and t.head.i < end and t.pos_ in ("PROPN", "NOUN")
        and t.dep_ in ("conj", "appos", "npadvmod")
    ]  # fmt: skip
    return hung[0] if hung else None


def _plausible(subj: Token, verb: Token) -> bool:
    """Whether ``subj`` can be ``verb``'s subject: same paragraph, not in the dateline."""
    return same_paragraph(subj, verb) and not in_dateline(subj)


def in_dateline(tok: Token) -> bool:
    """Whether ``tok`` is inside the wire dateline opening its paragraph ("KARACHI, April
    29 —"): a place and a date, never anyone speaking or spoken of."""
    end = dateline_end(tok.doc, paragraph_start(tok.doc, tok.i))
    return end is not None and tok.i < end


def _breaks_after(tok: Token) -> bool:
    """Whether a paragraph break follows ``tok``."""
    return "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text)


def paragraph_start(doc: Doc, i: int) -> int:
    """Index of the first token of the paragraph holding token ``i`` (from the document's
    paragraph index, :func:`parley.nlp.docs.paragraph_first`: no walk back per call)."""
    return paragraph_first(doc, i)


def same_paragraph(a: Token, b: Token) -> bool:
    """Whether tokens ``a`` and ``b`` stand in one paragraph (no line break between them)."""
    return paragraph_number(a.doc, a.i) == paragraph_number(b.doc, b.i)


def cited_source(verb: Token, subj: Token, citing: frozenset[str]) -> Token | None:
    """The original source in "MEDIUM, citing SOURCE, reported …" (its head token), if any."""
    for tok in (*verb.children, *subj.children):
        if tok.lemma_.lower() in citing and tok.pos_ == "VERB":
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if objs:
                return objs[0]
    return None


def sentence_end_after(tok: Token, count: int) -> int:
    """Char offset where the ``count``-th sentence from ``tok``'s own (included) ends."""
    sent = tok.sent
    for _ in range(count - 1):
        if sent.end >= len(tok.doc):
            break
        sent = tok.doc[sent.end].sent
    return sent.end_char


def char_at(doc: Doc, i: int) -> int:
    """Char offset of token ``i``, or the end of the text past the last token."""
    return doc[i].idx if i < len(doc) else len(doc_text(doc))


def indefinite(tok: Token) -> bool:
    """Whether ``tok`` has an indefinite determiner ("a", "one"): a new referent, not one
    already named."""
    return any(
        c.dep_ in ("det", "nummod") and c.lower_ in words(LEXICON, "indefinite_determiners")
        for c in tok.children
    )


def sentences_back(tok: Token, count: int) -> list[SpacySpan]:
    """The sentence of ``tok`` and up to ``count - 1`` sentences before it, nearest first.

    A sentence is cut at paragraph breaks: the parser sometimes runs one over a break, and
    an antecedent is looked for in the nearest words first.
    """
    doc = tok.doc
    sents = [sentence_piece(doc, tok.i)]
    while len(sents) < count and sents[-1].start > 0:
        sents.append(sentence_piece(doc, sents[-1].start - 1))
    return sents


def sentence_piece(doc: Doc, i: int) -> SpacySpan:
    """The sentence holding token ``i``, cut to the paragraph holding it."""
    while i > 0 and doc[i].is_space:
        i -= 1
    sent = doc[i].sent
    start = max(sent.start, paragraph_start(doc, i))
    end = i + 1
    while end < sent.end and not _breaks_after(doc[end - 1]):
        end += 1
    return doc[start:end]


def named_conjuncts(subj: Token, person: Callable[[Token], bool]) -> list[Token]:
    """The people coordinated in a subject ("A, B, C and D"), in text order; empty unless
    it names at least two joined by a conjunction (the parser links some by apposition).

    "Senators A, B and C wrote …" may be parsed with the plural role noun as the subject and
    the names in apposition to it: the people are then the names, from the first on.
    """
    if not person(subj) and subj.tag_ in ("NNS", "NNPS"):
        subj = next((c for c in subj.children if c.dep_ == "appos" and person(c)), subj)
    names, todo, joined = [subj], [subj], False
    while todo:
        for child in todo.pop().children:
            if child.dep_ == "appos" and _members_listed(child, person):
                continue  # "X, spokesman for the mediators, A and B, told": A and B mediate
            if child.dep_ in ("conj", "appos") and person(child):
                joined = joined or child.dep_ == "conj"
                names.append(child)
                todo.append(child)
    if not person(subj) or not joined:
        return []
    return sorted(names, key=lambda t: t.i)


def _members_listed(name: Token, person: Callable[[Token], bool]) -> bool:
    """Whether ``name``, set in apposition right after a role phrase of its head that ends
    in a plural noun ("X, spokesman for the mediators, A and B, said"), lists the people of
    that plural (the mediators), not more people speaking with X."""
    head = name.head
    roles = [c for c in head.children if c.dep_ == "appos" and c.i < name.i and not person(c)]
    if not roles:
        return False
    end = roles[-1].right_edge
    between = name.doc[end.i + 1 : name.left_edge.i]
    return end.tag_ in ("NNS", "NNPS") and [t.text for t in between] == [","]


def name_bounds(name: Token) -> tuple[int, int]:
    """Token bounds of a name with the titles and first names glued before it."""
    start = name.i
    while start > 0 and name.doc[start - 1].dep_ == "compound":
        if not start <= name.doc[start - 1].head.i <= name.i:  # "Foreign" of "Minister X"
            break
        start -= 1
    return start, name.i + 1


def told_clause(clause: Token, hearer: Token) -> bool:
    """ "told the paper that the minister was upset with the plan": what the hearer was
    told, which the parser may hang on the hearer as a relative clause ("the paper that …").
    It is no relative clause when "that" opens it right after the hearer's phrase, the
    clause has a subject of its own, and "that" fills no gap in it (as the object in "the
    man that she met", or a preposition's only object in "the paper she spoke with")."""
    that = clause.left_edge
    if clause.dep_ != "relcl" or that.i == 0:
        return False
    before = that.doc[that.i - 1]  # the hearer's phrase ends right before "that"
    if before.is_punct or not hearer.left_edge.i <= before.i < that.i:
        return False
    if that.lower_ != "that" or that.tag_ not in ("WDT", "IN"):
        return False
    subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i for c in clause.children)
    if not subject or that.dep_ in ("nsubj", "nsubjpass", "attr"):
        return False
    if that.dep_ in ("dobj", "pobj"):
        # a passive verb ("that X was upset") or a preposition with an object of its own
        # ("upset with the plan") leaves no place for "that" to fill
        deps = {c.dep_ for c in that.head.children if c.i != that.i}
        return bool(deps & {"nsubjpass", "auxpass", that.dep_})
    return True
