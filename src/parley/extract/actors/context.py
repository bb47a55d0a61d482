"""What the rest of an article says about a name: the evidence beyond the span itself.

A one-word outlet name may open a longer organisation name ("National Security Council"), a
short name several outlets share ("the Times") is read by the article's dateline and publisher,
and a name several states share ("Congo") by the article's other names: a capital, a full
name, a city, a known actor of one of them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from parley.extract.actors.gender import gender_of_name
from parley.extract.actors.outlets import shared_short_name
from parley.extract.actors.state import Reading, lex
from parley.kb import alias_key
from parley.knowledge.places import city_country
from parley.models import Actor
from parley.nlp.docs import doc_ents, doc_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = ["ArticleContext"]


_DASHES = ("—", "–", "-", "--")  # the dash that closes a dateline


class ArticleContext:
    """Questions about a name that the rest of one article answers."""

    def __init__(self, reading: Reading) -> None:
        self.r = reading
        self.doc = reading.doc
        self._surnames: dict[str, bool] = {}
        self._acronyms: dict[str, tuple[int, int]] | None = None
        self._where: dict[str, list[int]] | None = None
        self._peoples: set[str] | None = None

    def abbreviation_of(self, ent: SpacySpan) -> tuple[int, int] | None:
        """The organisation name (token span) whose acronym ``ent`` is: "AI" in an article that
        writes "Amnesty International (AI)", inside the brackets and anywhere after."""
        if self._acronyms is None:
            self._acronyms = self._defined_acronyms()
        org = self._acronyms.get(ent.text)
        return org if org is not None and org[1] <= ent.start else None

    def _defined_acronyms(self) -> dict[str, tuple[int, int]]:
        """Acronym → the span of the organisation's name right before "(ACRONYM)"."""
        doc = self.doc
        out: dict[str, tuple[int, int]] = {}
        for ent in doc_ents(doc):
            if ent.label_ in ("PERSON", "GPE", "DATE", "CARDINAL") or ent.end + 2 >= len(doc):
                continue
            opening, word, closing = doc[ent.end], doc[ent.end + 1], doc[ent.end + 2]
            if opening.text == "(" and closing.text == ")" and _acronym(word.text):
                if not _dateline_credit(doc, ent.end + 3):
                    out.setdefault(word.text, (ent.start, ent.end))
        return out

    def person_named(self, ent: SpacySpan) -> bool:
        """Whether the one word ``ent`` ("Jordan") is a person's surname in this article: right
        after a given name here or anywhere else ("Senator Jim Jordan", "Michael Jordan")."""
        word = ent.text
        if len(ent) != 1:
            return False
        if word not in self._surnames:
            places = self._token_positions().get(word, [])
            self._surnames[word] = any(self.given_name_before(i) for i in places)
        return self._surnames[word]

    def _token_positions(self) -> dict[str, list[int]]:
        """Token text → its positions in the article, built once: asking every one-word name
        about the whole document would walk all its tokens again for each name."""
        if self._where is None:
            self._where = {}
            for t in doc_tokens(self.doc):
                self._where.setdefault(t.text, []).append(t.i)
        return self._where

    def given_name_before(self, i: int) -> bool:
        """A given name right before token ``i``: a first name of the gender tables, a word the
        model tags PERSON, or a capitalised word after a rank or honorific ("Senator Jim")."""
        if i < 1:
            return False
        prev = self.doc[i - 1]
        glued = prev.whitespace_ == " "
        if not (glued and prev.pos_ == "PROPN" and prev.is_title):
            return False
        if prev.ent_type_ == "PERSON" or gender_of_name(prev.text) is not None:
            return True
        return i >= 2 and self.doc[i - 2].lower_ in self.r.lexicon.ranks

    def bare_outlet_name(self, ent: SpacySpan, actor: Actor) -> bool:
        """ "National" or "Times" alone: a one-word outlet name without its "The"."""
        if actor.kind != "media outlet" or len(ent) != 1:
            return False
        return actor.name.lower().startswith("the ") or shared_short_name(ent.text)

    def opens_longer_name(self, ent: SpacySpan) -> bool:
        """ "National Security Council": capitalised words glued after ``ent`` continue a name."""
        return self.name_end(ent.end) > ent.end

    def names_an_organisation(self, ent: SpacySpan) -> bool:
        """ "Americans for Ukraine, a political action committee": a place or people opening a
        longer capitalised name ("X for Y", "X of Y") that an apposition then describes."""
        end = self.name_end(ent.end)
        if end <= ent.end + 1 or end + 1 >= len(self.doc):
            return False
        inside = self.doc[ent.end : end]
        joined = any(t.lower_ in lex("name_connectors") for t in inside)
        return joined and self.doc[end].text == "," and self.doc[end + 1].pos_ == "DET"

    def continued_name_end(self, ent: SpacySpan) -> int | None:
        """Where a longer name ends that a known organisation's name opens with "for" or
        "of": "Islamic Jihad for the Liberation of Palestine" is another group than Islamic
        Jihad, and "Palestine" inside it no state. The connector (and a "the") must lead to a
        capitalised word no entity claims, a common noun written as part of a name
        ("Liberation", "Defence"); "Hezbollah of Lebanon" or "the UN for the first time"
        continue no name. None when the name does not run on."""
        doc, i = self.doc, ent.end
        if i + 1 >= len(doc) or doc[i].lower_ not in ("for", "of") or doc[i - 1].whitespace_ == "":
            return None
        j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
        if j >= len(doc) or "\n" in doc[j - 1].whitespace_:
            return None
        word = doc[j]
        if not (word.is_title and word.is_alpha and word.ent_type_ in ("", "ORG")):
            return None
        if word.pos_ not in ("NOUN", "PROPN"):
            return None
        end = self.name_end(j)
        while end + 2 < len(doc) and doc[end].lower_ in lex("name_connectors"):
            nxt = end + 2 if doc[end + 1].lower_ == "the" else end + 1
            if not doc[nxt].is_title or "\n" in doc[end].whitespace_:
                break
            end = self.name_end(nxt)
        return end if end > j else None

    def people_elsewhere(self, code: str) -> bool:
        """Whether the article writes the people of state ``code`` as a people of another
        land: after another state's demonym ("Bosnian Serbs", "the Bosnian Serb leader") or
        after "ethnic" ("ethnic Russians"). Then its bare "the Serbs" are that people, a
        party to another state's war, and not the state whose demonym they share."""
        if self._peoples is None:
            self._peoples = self._qualified_peoples()
        return code in self._peoples

    def _qualified_peoples(self) -> set[str]:
        """The states whose demonym the article writes after another state's demonym or
        after "ethnic" (read once, in one pass over the article's tokens)."""
        demonym, found = self.r.lexicon.country_of_demonym, set()
        tokens = doc_tokens(self.doc)
        for prev, tok in zip(tokens, tokens[1:], strict=False):
            if not tok.is_title or "\n" in prev.whitespace_:
                continue
            code = demonym(tok.text)
            if code is None:
                continue
            if prev.lower_ in lex("ethnic_qualifiers") or demonym(prev.text) not in (None, code):
                found.add(code)
        return found

    def name_end(self, i: int) -> int:
        """Where a capitalised name running on from token ``i`` ends (connectors inside)."""
        doc = self.doc
        while i < len(doc) and "\n" not in doc[i - 1].whitespace_:
            token = doc[i]
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if token.is_title and token.pos_ in ("PROPN", "NOUN", "ADJ"):
                i += 1
            elif token.lower_ in lex("name_connectors") and nxt is not None and nxt.is_title:
                i += 1
            else:
                break
        return i

    def after_the(self, ent: SpacySpan) -> bool:
        """ "the Times": the article a newspaper's short name is written with."""
        return ent.start > 0 and self.doc[ent.start - 1].lower_ == "the"

    def state_by_context(self, states: list[Actor]) -> Actor | None:
        """Of several states one name fits ("Congo"), the one the article's other names point
        to (its capital, its full name, the dateline); None when none or several do."""
        own = _own_names(states)
        dateline = alias_key(self.r.dateline or "")
        found = {i for i, names in own.items() if dateline in {alias_key(n) for n in names}}
        hits = []
        for actor_id, names in own.items():
            for name in names:
                pattern = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
                hits += [(m.start(), m.end(), actor_id) for m in re.finditer(pattern, self.r.text)]
        inner = {h for h in hits for o in hits if o != h and o[0] <= h[0] and h[1] <= o[1]}
        found |= {h[2] for h in hits if h not in inner}
        found |= self._countries_named() & set(own)
        if len(found) == 2:
            found = self._bare_name_left(states, found, hits, inner)
        if len(found) != 1:
            return None
        return next(s for s in states if s.id in found)

    def _bare_name_left(
        self,
        states: list[Actor],
        found: set[str],
        hits: list[tuple[int, int, str]],
        inner: set[tuple[int, int, str]],
    ) -> set[str]:
        """ "The Republic of Congo and the Democratic Republic of Congo (DRC) ... The DRC had
        asked Congo ..." (round 12's l06, events29): an article that names both states and calls
        one of them by a short name of its own without the shared word ("the DRC") keeps the
        bare shared name ("Congo") for the other. A full name with the shared word ("the
        Democratic Republic of Congo", and then "Congo" for it) or a capital is no such name."""
        shared = {w for s in states for w in alias_key(s.name).split()}
        shared = {w for w in shared if all(w in _words(s) for s in states)}
        short = set()
        for start, end, actor_id in (h for h in hits if h not in inner):
            state = next(s for s in states if s.id == actor_id)
            name = alias_key(self.r.text[start:end])
            if name in {alias_key(a) for a in state.aliases} and not shared & set(name.split()):
                short.add(actor_id)
        return found - short if len(short) == 1 else found

    def _countries_named(self) -> set[str]:
        """Countries of the article's known actors and cities ("Goma", the FARDC)."""
        kb, out = self.r.kb, set()
        for ent in doc_ents(self.doc):
            actor = kb.actors.get(ent.ent_id_) if ent.ent_id_ else None
            country = actor.country if actor else None
            if actor is None and ent.label_ == "GPE":
                country = city_country(ent.text)
            if country and (actor is None or actor.kind != "state"):
                out.add(country)
        return out


def _acronym(word: str) -> bool:
    """ "AI", "HRW", "SPLM-IO": two or more capitals, nothing lower-case."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _words(state: Actor) -> set[str]:
    """Every word of a state's names (name and aliases), folded."""
    return {w for n in (state.name, *state.aliases) for w in alias_key(n).split()}


def _own_names(states: list[Actor]) -> dict[str, list[str]]:
    """Each state's names that no other of ``states`` shares ("Kinshasa", "DRC")."""
    names = {
        s.id: [n for n in (s.name, *s.aliases, *s.metonyms, s.capital or "") if n] for s in states
    }
    keys = {i: {alias_key(n) for n in ns} for i, ns in names.items()}
    return {
        i: [n for n in ns if not any(alias_key(n) in keys[o] for o in keys if o != i)]
        for i, ns in names.items()
    }


def _dateline_credit(doc: Doc, after: int) -> bool:
    """Whether the brackets end in a dash: "UNITED NATIONS (AP) —" is a dateline, the city
    and then the agency that filed the story, so the initials in brackets are the agency's,
    not an abbreviation of the place before them."""
    return after < len(doc) and doc[after].text in _DASHES
