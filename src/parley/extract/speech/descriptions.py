"""Descriptions that stand for a named person: "the person", "the minister", "the Swiss mediator".

Wire copy names a speaker once and then refers to them by role; an analyst follows the role
back (or, in a lede, forward) to the name. Each rule here is narrow on purpose, since a wrong
name is worse than the words kept as they are:

- "the person" takes up an indefinite "a person close to the talks" (same head word, or two
  words for an unnamed official source);
- "the minister" / "the German foreign minister" goes to a person named before with that word
  in their phrase, whose state agrees with any demonym (the one whose state the sentence
  names, when several fit);
- "Switzerland's envoy for X, Marianne Keller," names the role by the name between commas;
- a lede's "the Swiss mediator" is the Swiss person named within the next four sentences;
- a role named before its holder ("The UN special envoy for Syria announced …", the name two
  paragraphs on) is the person named later who is introduced with that role, or who holds it
  on the article's date in the knowledge base.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.speech.cues import LEXICON, Cues
from parley.extract.speech.resolver import FAR, NEAR, Who
from parley.extract.speech.syntax import (
    LOOK_BACK,
    indefinite,
    phrase_bounds,
    sentence_end_after,
    sentences_back,
)
from parley.knowledge import words
from parley.nlp.lexicon import load_lexicon

_TITLE_POS = ("PROPN", "NOUN", "ADJ")  # the parts of speech of words in a title

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from parley.extract.speech.institutions import Institutions
    from parley.extract.speech.resolver import Resolver
    from parley.kb import KnowledgeBase
    from parley.models import Mention

__all__ = ["Descriptions", "has_role", "person_role", "role_nouns"]


class Descriptions:
    """Named people behind role descriptions, for one document."""

    def __init__(self, res: Resolver, cues: Cues, institutions: Institutions) -> None:
        self.res = res
        self.cues = cues
        self.doc = res.ctx.doc
        self.inst = institutions

    def _person_role(self, head: Token) -> bool:
        """Whether ``head`` names a person by role ("envoy"), not an institution ("government")."""
        return person_role(head, self.cues)

    def comma_named(self, head: Token, found: Who) -> Who | None:
        """The person a role phrase names between commas when the parser hung the name on a
        modifier ("Switzerland's envoy for the South Caucasus, Marianne Keller, who …")."""
        if head.pos_ != "NOUN" or not self._person_role(head):
            return None
        lo, hi = phrase_bounds(head)
        for tok in self.doc[lo:hi]:
            edge = tok.left_edge.i
            if tok.dep_ != "appos" or edge <= head.i or self.doc[edge - 1].text != ",":
                continue
            actor, conf = self.res.actor_of_token(tok.i)
            if actor is not None and self.res.kind(actor) == "person":
                return Who(actor, found.text, found.start, found.end, min(conf, found.confidence),
                           "person", head.i)  # fmt: skip
        return None

    def named_inside(self, head: Token, found: Who) -> Who | None:
        """The person a role phrase ends with, introduced by a courtesy title after a
        place in the title ("The leader of the party in the Senate Ms Ana Lopes asked …").

        The name closes the title without a comma; the parser hangs it inside the phrase
        ("in the Senate Ms Ana Lopes"). Only a name under "in" or "at" (lexicon
        ``holder_place_prepositions``) counts: under "to", "for" or "of" a name is whom the
        role serves ("an adviser to Mr X", "the spokesman for Mrs X"), never its holder."""
        if not self._person_role(head) or found.actor is not None:
            return None
        lo, hi = phrase_bounds(head)
        name = self.doc[hi - 1]
        prep = name.head
        if name.dep_ != "pobj" or prep.head.i != head.i or prep.i < head.i:
            return None
        if prep.lower_ not in words(LEXICON, "holder_place_prepositions"):
            return None
        actor, conf = self.res.actor_of_token(name.i)
        if actor is None or self.res.kind(actor) != "person" or not _titled_name(name):
            return None
        return Who(actor, found.text, found.start, found.end, min(conf, found.confidence),
                   "person", head.i)  # fmt: skip

    def named_later(self, head: Token, found: Who) -> Who | None:
        """The person a lede's "the Swiss mediator said" names further on.

        Wire copy often credits a lead sentence to a role and names its holder a few sentences
        later ("…, the Swiss mediator said. … said Marianne Keller, Switzerland's special
        envoy"). A definite role noun with a demonym and no person before it goes to the first
        person named after it, within the next four sentences, whose phrase names that state.
        """
        if head.tag_ != "NN" or not self._person_role(head):
            return None
        if [c.lower_ for c in head.children if c.dep_ == "det"] != ["the"]:
            return None
        state = self.inst.demonym_state(head)
        if state is None:
            return None
        limit = sentence_end_after(head, 4)
        for m in sorted(self.res.ctx.analysis.mentions, key=lambda m: m.start):
            if not head.idx < m.start < limit or self.res.kind(m.actor) != "person":
                continue
            if self._names_state(m, state):
                return Who(m.actor, found.text, found.start, found.end, FAR, "person", head.i)
        return None

    def holder_ahead(self, head: Token, found: Who) -> Who | None:
        """The person a role named before its holder stands for ("The UN special envoy for
        Syria announced …", "UN Special Envoy for Syria X" or plain "X" two paragraphs on).

        A definite role phrase with no person of its own goes forward, up to ten sentences, to
        the first person named later who is introduced with that role (the role word and every
        name and word of the phrase in the person's own phrase) or who holds it on the
        article's date (a dated role of the knowledge base whose title has them). Anyone
        else named in between is passed over: a role is not a pronoun. A bare role ("the
        minister said", the host's minister never named) goes forward only when one person
        alone fits: with two ministers named later, either could be another state's.
        """
        if not self._person_role(head) or found.kind == "person":
            return None
        dets = [c.lower_ for c in head.children if c.dep_ == "det"]
        owned = not dets and any(c.dep_ == "poss" for c in head.children)  # "Moscow's envoy"
        if dets != ["the"] and not owned:
            return None
        lo, hi = phrase_bounds(head)
        role = _RoleWords.of(self, head, list(self.doc[lo:hi]))
        limit = sentence_end_after(head, 10)
        holders = []
        for m in sorted(self.res.ctx.analysis.mentions, key=lambda m: m.start):
            if not self.doc[hi - 1].idx < m.start < limit or self.res.kind(m.actor) != "person":
                continue
            if self._introduced_with(m, role) or self._holds_on_date(m, role):
                holders.append(m.actor)
        if not holders or (role.bare() and len(set(holders)) > 1):
            return None  # "the minister" alone, two ministers named later: either would do
        return Who(holders[0], found.text, found.start, found.end, FAR, "person", head.i)

    def _introduced_with(self, m: Mention, role: _RoleWords) -> bool:
        """Whether person mention ``m`` stands in a phrase stating ``role``."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        lo, hi = phrase_bounds(_title_top(span.root))
        phrase = self.doc[lo:hi]
        if role.noun not in {t.lemma_.lower() for t in phrase}:
            return False
        if other_office([t.lower_ for t in phrase], role.noun, role.words):
            return False  # "the Secretary" is not "General Secretary X"
        actors = {self.res.actor_of_token(t.i)[0] for t in phrase}
        words = {t.lower_ for t in phrase}
        states = {a for a in role.actors if self.res.kind(a) == "state"}
        named = {a for a in actors if a is not None and self.res.kind(a) == "state"}
        if states and role.actors - states <= actors and role.words and not named - states:
            # "Moscow's chief envoy" … "the government's chief envoy, X"; "Ruritania's
            # presidential spokesman" … "X, the presidential spokesman": the words
            # of the role, and no other state, in the holder's phrase
            actors |= states
        return role.actors <= actors and role.words <= words

    def _holds_on_date(self, m: Mention, role: _RoleWords) -> bool:
        """Whether the known person of ``m`` holds ``role`` on the article's date."""
        kb = self.res.ctx.kb
        if m.actor not in kb.actors:
            return False
        person = kb[m.actor]
        if role.state is not None and self.inst.state_of(person.country or "") != role.state:
            return False
        day = self.res.ctx.article.published_at
        return any(role.in_title(r.title, kb) for r in person.roles_on(day) if r.start or r.end)

    def _names_state(self, m: Mention, state: str) -> bool:
        """Whether the phrase of the person mention ``m`` (or the person) belongs to ``state``."""
        if self.inst.state_of(self.inst.country_of(m.actor) or "") == state:
            return True
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        lo, hi = phrase_bounds(span.root)
        return any(self.res.actor_of_token(t.i)[0] == state for t in self.doc[lo:hi])

    def definite(self, subj: Token) -> Who | None:
        """The fuller description a definite one refers back to ("a person …" for "the person").

        Only a singular common noun with "the" and no actor of its own is followed back, and
        only to an indefinite phrase ("a"/"an"/"one") with the same head word, so that "the
        official" does not become "two officials".
        """
        if subj.tag_ != "NN" or self.res.actor_of_token(subj.i)[0] is not None:
            return None
        dets = [c.lower_ for c in subj.children if c.dep_ == "det"]
        if dets != ["the"] or any(c.dep_ in ("amod", "compound", "prep") for c in subj.children):
            return None
        for n, sent in enumerate(sentences_back(subj, LOOK_BACK)):
            for tok in reversed([t for t in sent if t.i < subj.i]):
                if self._same_kind_of_person(tok, subj) and tok.tag_ == "NN" and indefinite(tok):
                    found = self.res.who(tok)
                    conf = NEAR if n <= 1 else FAR
                    return Who(found.actor, found.text, found.start, found.end, conf, found.kind,
                               found.head)  # fmt: skip
        return None

    def _same_kind_of_person(self, earlier: Token, later: Token) -> bool:
        """Whether "the official" can take up "a military spokesman": the same head word, or
        two words for an unnamed official source."""
        if earlier.lemma_ == later.lemma_:
            return True
        sources = self.cues.anonymous_heads | self.cues.spokesperson_heads
        return earlier.lemma_.lower() in sources and later.lemma_.lower() in sources

    def titled(self, subj: Token) -> Who | None:
        """The person a bare title refers back to ("the minister" → Foreign Minister Vieira).

        Candidates are people named before with that word in their phrase, latest first; when
        several fit, the one whose state the sentence names wins ("Asked whether Brazil …,
        the minister" is Brazil's minister).
        """
        if not _common_title(subj) or not self._unnamed(subj):
            return None
        dets = [c.lower_ for c in subj.children if c.dep_ == "det"]
        if dets != ["the"] or any(c.dep_ in ("prep", "poss") for c in subj.children):
            return None
        if self._unnamed_one_before(subj):
            return None
        people = [w for w in self._people_titled(subj) if self._fits_modifiers(subj, w)]
        if not people:
            return None
        best = self._one_titled(subj, people)
        if best is None:
            return None
        return Who(best.actor, best.text, best.start, best.end, NEAR, "person", best.head)

    def _unnamed_one_before(self, subj: Token) -> bool:
        """Whether a generic role word ("the official") has an unnamed holder introduced
        before it ("a senior official told reporters …"): the description takes that one up,
        never a spokesman named elsewhere, however far back the introduction is."""
        if subj.lower_ not in knowledge.table(LEXICON, "generic_roles"):
            return False
        return any(
            t.lemma_ == subj.lemma_ and t.tag_ == "NN" and indefinite(t) for t in self.doc[: subj.i]
        )

    def _unnamed(self, subj: Token) -> bool:
        """Whether a title names nobody by itself: no actor, or only the holder the
        knowledge base gives the office on the date ("the UN head"); a person the article
        introduced with that title ("UN refugee chief X") is the one meant, not the KB's."""
        if self.res.actor_of_token(subj.i)[0] is None:
            return True
        m = self.res.mention(subj.i)
        return m is not None and m.label == "TITLE" and len(self._people_titled(subj)) == 1

    def _one_titled(self, subj: Token, people: list[Who]) -> Who | None:
        """The one person "the president" can be: the one whose state the sentence names,
        else the latest named. When an earlier person bore the very same title ("President
        A welcomed President B and President C"), a reader cannot tell which president is
        meant, so none is taken (the words stay as they are)."""
        if subj.lower_ in knowledge.table(LEXICON, "generic_roles") and len(people) > 1:
            return None  # "the AU head" with two chairs named: a generic word cannot tell
        states = self.inst.states_near(subj)
        kb = self.res.ctx.kb
        by_state = next(
            (w for w in people if w.actor in kb.actors and kb.actors[w.actor].country in states),
            None,
        )
        if by_state is not None:
            return by_state
        home = self._unmarked_holder(subj, people)
        if home is not None:
            return home
        latest = people[0]
        title = self._own_title(latest)
        if title and any(self._own_title(w) == title for w in people[1:]):
            return None
        return latest

    def _unmarked_holder(self, subj: Token, people: list[Who]) -> Who | None:
        """The one person named with the bare title ("President Ford") when the latest
        holder was marked by a demonym ("the French President").

        A writer marks the foreign holder with the state's adjective and leaves the home one
        bare: in a White House briefing "the President said" after "the French President
        apologized" is the President named "President Ford" earlier. Only a bare
        description ("the President", no modifier) is read so, and only when one person
        bore the bare title."""
        if any(c.dep_ in ("amod", "compound", "nmod") for c in subj.children):
            return None
        if not self._demonym_marked(people[0]):
            return None
        plain = [w for w in people[1:] if self._own_title(w) == (subj.lower_,)]
        return plain[0] if len(plain) == 1 else None

    def _demonym_marked(self, who: Who) -> bool:
        """Whether a person's phrase holds a demonym ("the French President")."""
        span = self.doc.char_span(who.start, who.end, alignment_mode="expand")
        return span is not None and any(self.inst.demonym_state_of(t) for t in span)

    def _own_title(self, who: Who) -> tuple[str, ...]:
        """The title words right before a person's name ("President", "Foreign Minister"),
        lower-cased; empty when the name stands alone."""
        if who.head is None:
            return ()
        i = who.head - 1
        sent_start = self.doc[who.head].sent.start
        while i >= sent_start and self.doc[i].ent_type_ == "PERSON":
            i -= 1  # the given names before the surname
        found: list[str] = []
        while i >= sent_start and self.doc[i].is_title and self.doc[i].pos_ in _TITLE_POS:
            found.insert(0, self.doc[i].lower_)
            i -= 1
        return tuple(found)

    def _fits_modifiers(self, subj: Token, person: Who) -> bool:
        """Whether "the German foreign minister" can be ``person``: each word before the
        title is in the person's phrase ("Foreign Minister X") or says the same ("ex" for
        "former"), or is a demonym of the person's state ("the German …" for a German). A
        person named as a former holder is only taken up by a description saying so."""
        words = {w.lower() for w in re.split(r"[\s-]+", person.text.replace("'s", " "))}
        synonyms = knowledge.table(LEXICON, "role_modifier_synonyms")
        # "The African Union (AU) head": the parser may hang the modifiers as nmod
        deps = ("amod", "compound", "nmod")
        mods = [c for c in subj.children if c.dep_ in deps and c.i < subj.i and not c.is_punct]
        past = knowledge.words(LEXICON, "past_office_words")
        if words & past and not {m.lower_ for m in mods} & past:
            return False  # "the AU head" is not "former AU chair X": no longer the holder
        for mod in mods:
            if mod.lower_ in words or words & {str(w) for w in synonyms.get(mod.lower_, [])}:
                continue  # "the ex-minister" for "the former finance minister X"
            state = self.inst.demonym_state_of(mod)
            if state is None:
                return False
            if self.inst.state_of(self.inst.country_of(person.actor) or "") != state and (
                not self._phrase_names(person, state)
            ):
                return False
        return True

    def _phrase_names(self, person: Who, state: str) -> bool:
        """Whether the person's own phrase names the state ("Permanent Representative of Iran
        to the UN X" for "the Iranian permanent representative"): a person the knowledge base
        does not know has no country, but the title they were introduced with says it."""
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            return False
        return any(self.inst.state_of(self.res.actor_of_token(t.i)[0] or "") == state for t in span)

    def _titled_just_before(self, start: int, titles: set[str]) -> bool:
        """ "the new ambassador to Canada, X": the title a few words before the name, with
        no verb or "and" between (so neither "Minister A met X" nor "The Secretary and
        Foreign Minister X" makes X the one titled)."""
        return self._title_before(start, titles) is not None

    def _title_before(self, start: int, titles: set[str]) -> int | None:
        """Where the title of :meth:`_titled_just_before` starts (with the title-case words
        of its own before it: "Permanent Representative of Chile to the UN X"), or None."""
        # up to eight words: "Permanent Representative of Chile to the United Nations X"
        lo = max(self.doc[start].sent.start, start - 8)
        for k in range(lo, start):
            between = self.doc[k + 1 : start]
            crossed = any(t.pos_ in ("VERB", "AUX") or t.dep_ == "cc" for t in between)
            if self.doc[k].lower_ in titles and not crossed:
                while k > lo and self._title_word(self.doc[k - 1]):
                    k -= 1
                return k
        return None

    def _title_word(self, tok: Token) -> bool:
        """A word of a title written before a name: title-case ("Special Envoy") or the
        acronym of a known body or state ("UN Special Envoy", "EU foreign policy chief"), so
        that "the UN envoy" takes up the person introduced with it. An agency's name in
        capitals ("KAZINFORM UN Special Envoy …") names no known body and ends the title."""
        if tok.pos_ not in _TITLE_POS:
            return False
        if tok.is_title:
            return True
        if not (tok.is_upper and tok.is_alpha and len(tok) > 1):
            return False
        kind = self.res.kind(self.res.actor_of_token(tok.i)[0])
        return kind is not None and kind not in ("person", "outlet")

    def _people_titled(self, subj: Token) -> list[Who]:
        """People named before ``subj`` whose phrase holds ``subj``'s word, latest first."""
        found: list[Who] = []
        seen: set[str] = set()
        mentions = sorted(self.res.ctx.analysis.mentions, key=lambda m: -m.start)
        for m in mentions:
            if m.start >= subj.idx or m.end > subj.idx or m.actor is None or m.actor in seen:
                continue  # (a mention holding the title itself is the title, no one before)
            if self.res.kind(m.actor) != "person":
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root, role = span.root, self._person_role(subj)
            lo, hi = phrase_bounds(root.head if role and root.dep_ == "appos" else root)
            lo = _after_conjunction(list(self.doc[lo : span.start]), lo)
            lo = _after_dateline_mark(list(self.doc[lo : span.start]), lo)
            titles = _title_words(subj)
            title_at = self._title_before(span.start, titles) if role else None
            just_before = title_at is not None
            if title_at is not None and title_at < lo:
                lo = title_at  # the title the person was introduced with is their phrase
            said = [t.lower_ for t in self.doc[lo:hi]]
            if any(other_office(said, t, _words_of(subj)) for t in titles & set(said)):
                continue  # "the president" after "Vice President X": another office
            if not just_before and _only_modifiers(self.doc[lo:hi], titles):
                continue  # "the opposition" is not "opposition candidate X"
            if titles & set(said) or just_before or _heads_department(subj, self.doc[lo:hi]):
                seen.add(m.actor)
                phrase = self.doc[lo:hi]
                found.append(Who(m.actor, phrase.text, phrase.start_char, phrase.end_char, NEAR,
                                 "person", span.root.i))  # fmt: skip
        return found


class _RoleWords:
    """What a role phrase says: its noun, the actors it names, a demonym's state, other words."""

    def __init__(self, noun: str, actors: set[str], state: str | None, words: set[str]) -> None:
        self.noun = noun
        self.actors = actors
        self.state = state
        self.words = words

    @classmethod
    def of(cls, desc: Descriptions, head: Token, phrase: Sequence[Token]) -> _RoleWords:
        """The role words of ``phrase`` ("The UN special envoy for Syria")."""
        actors: set[str] = set()
        state = None
        kept: set[str] = set()
        skip = words(LEXICON, "role_phrase_skip")
        for tok in phrase:
            actor, _ = desc.res.actor_of_token(tok.i)
            if tok.i == head.i or not tok.is_alpha or tok.lower_ in skip:
                continue
            if actor is not None:
                actors.add(actor)
            elif (demonym := desc.inst.demonym_state_of(tok)) is not None:
                state = demonym
            else:
                kept.add(tok.lower_)
        return cls(head.lemma_.lower(), actors, state, kept)

    def bare(self) -> bool:
        """Only the role's noun ("the minister"): nothing to tell one holder from another."""
        return not (self.actors or self.state or self.words)

    def in_title(self, title: str, kb: KnowledgeBase) -> bool:
        """Whether an office ``title`` ("UN Special Envoy for Syria") states this role."""
        low = title.lower()
        said = set(re.findall(r"\w+", low))
        if self.noun not in said or not self.words <= said:
            return False
        if other_office(re.findall(r"\w+|-", low), self.noun, self.words):
            return False  # "the secretary" does not hold "General Secretary of the party"
        return all(_names_in(kb, actor, low) for actor in self.actors)


def other_office(said: Sequence[str], noun: str, kept: set[str]) -> bool:
    """Whether the lower-case words ``said`` hold ``noun`` only as part of another office.

    "General Secretary", "Secretary-General", "Vice President" and "Deputy Minister" are
    offices of their own: a reader never calls their holder "the secretary", "the president"
    or "the minister" (a prime minister, the first of the ministers, may be "the minister").
    A word the bare role itself has ("the deputy minister": ``kept``) is no change.
    """
    changing = words(LEXICON, "office_changing_words") - kept
    for k, word in enumerate(said):
        if word != noun:
            continue
        before = [w for w in said[max(0, k - 3) : k] if w != "-"]
        after = said[k + 1 : k + 3]
        if set(before) & changing or (after[:1] == ["-"] and set(after[1:]) & changing):
            return True
    return False


def _only_modifiers(phrase: SpacySpan, titles: set[str]) -> bool:
    """Whether the words ``titles`` occur in a person's phrase only as modifiers of another
    common noun ("opposition" in "opposition candidate X", "ministry" in "ministry spokesman
    X"): the person is that other noun, so "the opposition" or "the ministry" is not them."""
    hits = [t for t in phrase if t.lower_ in titles]
    return bool(hits) and all(
        t.dep_ in ("compound", "amod")
        and t.head.pos_ == "NOUN"
        and t.head.i in range(phrase.start, phrase.end)
        for t in hits
    )


def _heads_department(subj: Token, phrase: SpacySpan) -> bool:
    """Whether a person's phrase makes them the head of a department that ``subj``'s title
    names the head of: "the minister" for "The head of the country's Department of Finance,
    X" ("head of" the department itself, not of an office in it: "the head of the ministry's
    press office" is no minister)."""
    titles = knowledge.table(LEXICON, "department_titles")
    departments = {str(d) for d in titles.get(subj.lower_, [])}
    heads = words(LEXICON, "department_head_words")
    # the name may hang on "head" or on the department ("The head of the Department of X,
    # Y": Y in apposition to "Department"), so the department is looked for, then its head
    return any(
        tok.lemma_.lower() in departments
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lemma_.lower() in heads
        for tok in phrase
    )


def _words_of(subj: Token) -> set[str]:
    """The words of a bare role's phrase other than its head ("deputy" in "the deputy
    minister"), lower-cased."""
    return {c.lower_ for c in subj.children if c.dep_ in ("amod", "compound")}


def _title_words(subj: Token) -> set[str]:
    """The words a person's phrase may hold for ``subj`` to take it up: the word itself, or
    for a generic one ("the diplomat") the titles it covers ("ambassador", "envoy")."""
    covered = knowledge.table(LEXICON, "generic_roles").get(subj.lower_, [])
    return {subj.lower_, *(str(w) for w in covered)}


def _common_title(tok: Token) -> bool:
    """A title used as a common noun: "the minister", or "the President" written with a
    capital, which the tagger takes for a name (but not a part of one: "the President Hotel").
    A role word after names ("the Labour MP", "the Foreign Minister") is such a title too:
    the names say whose or which office it is, and must be in the holder's own phrase."""
    if tok.tag_ == "NN":
        return True
    if tok.tag_ != "NNP" or tok.dep_ == "compound":
        return False
    mods = [c for c in tok.children if c.dep_ == "compound"]
    return not mods or (
        tok.lemma_.lower() in _role_nouns() and all(c.pos_ == "PROPN" for c in mods)
    )


def _after_conjunction(before: Sequence[Token], lo: int) -> int:
    """Where a person's own words start in a phrase the parser built over two people ("Baker
    and Soviet Foreign Minister X"): after the last conjunction before the name."""
    joins = [t.i for t in before if t.dep_ == "cc"]
    return joins[-1] + 1 if joins else lo


def _after_dateline_mark(before: Sequence[Token], lo: int) -> int:
    """Where a person's words start when the parser ran the phrase back over a wire dateline
    ("May 23 (EFE).- Ruritania's new ambassador …"): after the dash that ends the dateline."""
    marks = [t.i for t in before if t.whitespace_ and t.text[-1:] in ("-", "—", "–")]
    return marks[-1] + 1 if marks else lo


def _title_top(name: Token) -> Token:
    """The head of the title a name ends ("UN Special Envoy for X Tomas Virtanen"): the parser
    often hangs the name on the title's "for"; climb through names and such a "for", and
    from a name set after its title by a comma ("the chief negotiator, Humberto de la Calle")."""
    tok = name
    for _ in range(6):
        up = tok.head
        if up.i == tok.i or tok.dep_ not in ("compound", "pobj", "prep", "flat", "appos"):
            break
        if tok.dep_ == "prep" and up.pos_ != "PROPN":
            break
        tok = up
    return tok


def _titled_name(name: Token) -> bool:
    """Whether a courtesy title opens the name ``name`` ends ("Ms Ana Lopes")."""
    titles = words(LEXICON, "female_titles") | words(LEXICON, "male_titles")
    parts = [c for c in name.lefts if c.dep_ == "compound"]
    return any(c.lower_.rstrip(".") in titles for c in parts)


def _names_in(kb: KnowledgeBase, actor: str, title: str) -> bool:
    """Whether the lower-case ``title`` names ``actor`` by its name or an alias."""
    if actor not in kb.actors:
        return False
    names = (kb[actor].name, *kb[actor].aliases)
    return any(re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", title) for n in names)


@knowledge.derived
def _role_nouns() -> frozenset[str]:
    """Nouns that name a person by office or role ("minister", "envoy", "mediator"): the
    head word of each office, the last word before any "of"/"for" ("minister" of "minister
    of defence"; "defence", "state" or "affairs" name no one)."""
    return frozenset(_office_head(p) for p in load_lexicon().office_by_phrase) | words(
        LEXICON, "role_nouns"
    )


def _office_head(phrase: str) -> str:
    """The head word of an office's name: "minister" of "deputy minister of defence"."""
    said = phrase.split()
    cut = next((k for k, w in enumerate(said) if k and w in ("of", "for")), len(said))
    return said[cut - 1]


def role_nouns() -> frozenset[str]:
    """Nouns that name a person by office or role, for other modules."""
    return _role_nouns()


def person_role(head: Token, cues: Cues) -> bool:
    """Whether ``head`` names a person by role ("envoy"), not an institution ("government")."""
    lemma = head.lemma_.lower()
    return lemma in _role_nouns() and lemma not in cues.institution_heads


def has_role(name: Token) -> bool:
    """Whether a name has a person's role beside it ("X, the deputy defence minister")."""
    roles = _role_nouns()
    for child in name.children:
        if child.dep_ not in ("appos", "compound"):
            continue
        nouns = [child, *(c for c in child.children if c.dep_ == "conj")]
        if any(n.lemma_.lower() in roles for n in nouns):
            return True
    return False
