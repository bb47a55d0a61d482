"""Cascade steps 1, 2, 3 and 8 for person names.

A full name links when the knowledge base writes it so (or a transliteration-equal spelling);
a bare surname links to a person the article introduced in full, else to a known person only
with evidence (gender agreement, a role held on the date); a spelling variant links when the
surname matches on its own; anything else is a new or unresolved person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.extract.actors.evidence import Evidence
from parley.extract.actors.gender import agrees, gender_of_name
from parley.extract.actors.state import Ledger, Reading, lex
from parley.kb import alias_key
from parley.nlp.docs import doc_ents, doc_tokens
from parley.nlp.names import name_key, name_word
from parley.nlp.patterns import family_first, family_name, surname

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from parley.models import Actor

__all__ = ["Persons"]

# What the model may tag a given name it does not know as ("Wenbin" as a PRODUCT); never a
# place, a date or a number.
_GIVEN_NAME_TAGS = frozenset({"", "PERSON", "PRODUCT", "WORK_OF_ART"})


@dataclass
class Persons:
    """Resolve the person names of one article into the ledger."""

    r: Reading
    ledger: Ledger
    check: Evidence
    # new persons whose family name the text puts first ("Wang" of "Wang Wenbin"), by id
    family_first_names: dict[str, str] = field(default_factory=dict, init=False)
    # token positions by name key, built on first use (:meth:`_positions_named`)
    _token_keys: dict[str, list[int]] | None = field(default=None, init=False)

    def full_name(self, ent: SpacySpan) -> bool:
        """Step 1 for persons (full KB names and transliteration-equal spellings); False
        defers ``ent`` to :meth:`short_name`."""
        if self._given_name_of_next(ent):
            return True  # "Pavel" of "Pavel Lisin": the next name takes it in (name_start)
        start, end = self.name_span(ent)
        text = self.r.doc[start:end].text
        kb = self.r.kb
        if (start, end) == (ent.start, ent.end) and ent.ent_id_ and ent.ent_id_ in kb:
            actor = kb[ent.ent_id_]
            known = {alias_key(n) for n in (actor.name, *actor.aliases)}
            bare = end - start == 1 and alias_key(text) != alias_key(actor.name)
            if bare and self._another_named_so(start, known):
                return False  # "Keita" after "President Ibrahim Keita": not the KB's other Keita
            if alias_key(text) in known and (not bare or self.check.surname_may_be(actor, start)):
                how = "name" if alias_key(text) == alias_key(actor.name) else "alias"
                self.add(start, end, actor.id, how, 1.0)
                return True
            return False  # a surname the ruler knows: prefer an article-local full name
        if end - start == 1 and self._opens_a_full_name(text):
            return False  # "Xie" after "Xie Lan": not Xi, whose key it folds to
        people = [a for a in kb.lookup(text) if a.kind == "person"]
        exact = people[0] if len(people) == 1 else self.r.tools.people.exact(text)
        if exact is not None:
            self.add(start, end, exact.id, "alias", 0.95)
            return True
        return False

    def short_name(self, ent: SpacySpan, surnames: dict[str, str]) -> None:
        """Steps 2, 3 and 8 for a person name step 1 left open."""
        start, end = self.name_span(ent)
        text = self.r.doc[start:end].text
        # the given name taken in is no name of its own ("Wenbin" of "Wang Wenbin")
        self.ledger.consumed.update(range(ent.end, end))
        local = surnames.get(name_key(text)) if end - start == 1 else None
        if local is not None:
            self.add(start, end, local, "surname", 0.9)  # step 2: introduced in the article
            return
        if ent.label_ == "ORG" and len(ent) == 1:
            actor_id = self.ledger.new_org(ent.text, self.r.country_in_name(ent))
            self.ledger.add(ent.start, ent.end, "ORG", actor_id, "new", 0.6)
            return
        if (start, end) == (ent.start, ent.end) and ent.ent_id_ and ent.ent_id_ in self.r.kb:
            actor = self.r.kb[ent.ent_id_]
            known = {alias_key(n) for n in (actor.name, *actor.aliases)}
            if self._another_named_so(start, known):
                self._new_person(start, end, text)  # unresolved rather than someone else
                return
            if self.check.surname_may_be(actor, start):
                self.add(start, ent.end, ent.ent_id_, "surname", 0.8)
                return  # a known surname with evidence; without it, as if unknown
        titled = self._titled_surname(start, end, surnames)
        if titled is not None:
            self.add(start, end, titled, "surname", 0.9)  # "Minister X" after "Y X"
            return
        first = self._first_word_of_full_name(self._untitled(start, end))
        if first is not None:
            self.add(start, end, first, "surname", 0.8)  # "Xie" after "Xie Lan": family first
            return
        match = self.r.tools.people.fuzzy(text)
        if match is not None and self.check.surname_may_be(match[0], start, end):
            actor, score = match  # step 3: a spelling variant, with the same evidence
            self.ledger.add(start, end, "PERSON", actor.id, "fuzzy", round(0.9 * score, 2))
            return
        self._new_person(start, end, text, ent.text if end > ent.end else None)

    def _another_named_so(self, start: int, known: set[str]) -> bool:
        """Whether the article names in full (two words or more) someone whose last name is the
        bare name at ``start`` but who is not the known person (none of ``known``): "President
        Ibrahim Keita ... Keita" is the president, not the knowledge base's Bintou Keita (round
        6's f03)."""
        doc = self.r.doc
        tokens = doc_tokens(doc)
        for i in self._positions_named(name_key(tokens[start].text)):
            if i == 0:
                continue
            token, given = tokens[i], tokens[i - 1]  # the model often tags the two apart
            title = not given.is_title or self.check.is_office_word(given)
            if given.ent_type_ != "PERSON" or title:
                continue  # a title ("President Obama") is no given name
            full = alias_key(f"{given.text} {token.text}")
            first = alias_key(given.text)
            if full not in known and not any(
                n.endswith(full) or n.startswith(f"{first} ") for n in known
            ):
                return True  # a given name none of the known person's names opens with
        return False

    def _positions_named(self, key: str) -> list[int]:
        """Positions of the tokens whose :func:`name_key` is ``key``, in reading order: the
        article's tokens are keyed once, not walked again for every bare surname (that walk
        was a sixth of the actor extractor's time)."""
        if self._token_keys is None:
            self._token_keys = {}
            for token in doc_tokens(self.r.doc):
                self._token_keys.setdefault(name_key(token.text), []).append(token.i)
        return self._token_keys.get(key, [])

    def _titled_surname(self, start: int, end: int, surnames: dict[str, str]) -> str | None:
        """The person the article introduced in full behind a title and one name word.

        "Minister Okafor" or "Mrs Okafor" after "Foreign Minister Ann Okafor" is she: the
        title is no part of the name, and the word left is the surname of one person named
        before. A gendered title must agree with that person ("Mrs Okafor" is not "John
        Okafor"); a title before two words or more, or a surname nobody bore, links nothing."""
        words = [t for t in self.r.doc[start:end] if not t.is_space]
        cut = self._title_words(words)
        if cut == 0 or len(words) - cut != 1:
            return None
        found = surnames.get(name_key(words[cut].text))
        actor = self.ledger.actor(found) if found is not None else None
        if actor is None or actor.kind != "person":
            return None
        title = " ".join(t.text for t in words[:cut])
        return found if agrees(gender_of_name(title), gender_of_name(actor.name)) else None

    def _title_words(self, words: list[Token]) -> int:
        """How many words open ``words`` as a courtesy title or an office word ("Mrs",
        "Minister"; lexicon ``name_honorifics``, ``office_words``), none of them a name."""
        titles = lex("name_honorifics") | lex("office_words")
        cut = 0
        while cut < len(words) and words[cut].is_title and words[cut].lower_.rstrip(".") in titles:
            cut += 1
        return cut

    def _new_person(self, start: int, end: int, text: str, family: str | None = None) -> None:
        """Step 8: a two-word name is a new person; anything shorter stays unresolved. A
        courtesy title or an office word before the name ("Mrs Ann Okafor") is left out of
        the new person's name: the title is how the text addresses her, not who she is."""
        all_words = [t for t in self.r.doc[start:end] if not t.is_space]
        cut = self._title_words(all_words)
        if cut and len(all_words) - cut >= 2 and family is None:
            text = self.r.doc[all_words[cut].i : end].text
        tokens = [t for t in all_words[cut:] if name_word(t.text)]
        named = len(tokens) >= 2 and not self.check.starts_with_demonym(start)
        named = named and not self.check.is_office_word(tokens[-1])  # "State Councilor"
        actor_id = self.ledger.new_actor(text, "person") if named else None
        if actor_id is not None and family is not None:
            self.family_first_names[actor_id] = family
        self.ledger.add(start, end, "PERSON", actor_id, "new" if actor_id else "unresolved", 0.5)

    def add(self, start: int, end: int, actor_id: str, how: str, conf: float) -> None:
        """Add a person, or a known person's state for "the Trump administration" (a
        government named after its leader, not the leader speaking)."""
        nxt = self.r.after(end)
        actor = self.r.kb.actors.get(actor_id)
        if nxt is not None and nxt.lower_ in lex("government_nouns") and actor and actor.country:
            if actor.country in self.r.kb:
                self.ledger.add(start, end, "PERSON", actor.country, "metonym", 0.8)
                return
        self.ledger.add(start, end, "PERSON", actor_id, how, conf)

    def name_length(self, ent: SpacySpan) -> int:
        """How many words the name has after a courtesy title or an office word ("Minister
        Okafor" has one: a surname, looked up among the full names like "Okafor")."""
        start, end = self.name_span(ent)
        words = [t for t in self.r.doc[start:end] if not t.is_space]
        return len(words) - self._title_words(words)

    def name_span(self, ent: SpacySpan) -> tuple[int, int]:
        """The whole name: over a given name the ruler left out before or after it."""
        return self.name_start(ent), self.name_end(ent)

    def name_end(self, ent: SpacySpan) -> int:
        """Extend a known one-word name over the name word after it: in "spokesman Wang
        Wenbin" the ruler matched "Wang" (of Wang Yi), but the name is "Wang Wenbin", someone
        else; likewise "Pavel Lisin" is not President Pavel."""
        actor = self.r.kb.actors.get(ent.ent_id_) if ent.ent_id_ else None
        if actor is None or actor.kind != "person":
            return ent.end
        end = ent.end + 1 if len(ent) == 1 and self._given_name_after(ent, actor) else ent.end
        if family_first(actor.country) and end - ent.start >= 2:
            return self._hyphenated_end(end)
        return end

    def _given_name_after(self, ent: SpacySpan, actor: Actor) -> bool:
        nxt = self.r.after(ent.end)
        if nxt is None or ent[-1].whitespace_ != " ":
            return False
        if family_first(actor.country) and self._one_word_org(nxt.i):
            return self._given_name_word(nxt.i, tags=frozenset({"ORG"}))
        if not self._given_name_word(nxt.i):
            return False
        return family_first(actor.country) or self._surname_after(nxt.i)

    def _one_word_org(self, i: int) -> bool:
        """ "Wang Wenbin" with "Wenbin" tagged ORG on its own: after a family name written
        first, a lone capitalised word the model took for an organisation is the given name
        (an organisation's name does not follow a surname with nothing between)."""
        doc = self.r.doc
        token = doc[i]
        if token.ent_type_ != "ORG" or token.ent_iob_ != "B":
            return False
        return i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I"

    def _hyphenated_end(self, end: int) -> int:
        """ "Park Ji-hoon", "Park Jin-woo": a given name written with a hyphen is one name,
        so a known "Park Jin" or "Park" + "Ji" is only its beginning (the tokenizer splits
        "Ji-hoon" into "Ji", "-", "hoon"). Not over a verb: "Kim Jong Un-led"."""
        doc = self.r.doc
        if end + 1 >= len(doc) or doc[end].text != "-":
            return end
        part = doc[end + 1]
        if doc[end - 1].whitespace_ or doc[end].whitespace_ or not part.is_alpha:
            return end
        return end if part.pos_ in ("VERB", "AUX") else end + 2

    def _given_name_of_next(self, ent: SpacySpan) -> bool:
        """The same when the model tagged the surname as a name of its own: the next name
        reaches back over this one (:meth:`name_start`), which is its given name."""
        if len(ent) != 1 or ent[-1].whitespace_ != " " or self.name_end(ent) != ent.end:
            return False
        nxt = self.r.after(ent.end)
        return (
            nxt is not None
            and nxt.ent_iob_ == "B"
            and nxt.ent_type_ == "PERSON"
            and self.name_start(self.r.doc[nxt.i : nxt.i + 1]) == ent.start
        )

    def _surname_after(self, i: int) -> bool:
        """ "Pavel Lisin": a word the knowledge base knows as a surname ("Pavel", a president)
        used as the given name of someone else, followed by that person's unknown surname (no
        entity of its own, not "administration" or "government")."""
        token = self.r.doc[i]
        return token.ent_iob_ == "O" and token.lower_ not in lex("government_nouns")

    def _given_name_word(self, i: int, tags: frozenset[str] = frozenset()) -> bool:
        """A capitalised word at ``i`` that can be a given name: no known name, office or
        demonym of its own, not tagged as something else (than ``tags``)."""
        token, lexicon = self.r.doc[i], self.r.lexicon
        return (
            token.pos_ == "PROPN"
            and token.is_title
            and token.is_alpha
            and token.ent_type_ in _GIVEN_NAME_TAGS | tags
            and token.lower_ not in lexicon.ranks
            and token.lower_ not in lexicon.office_by_phrase
            and lexicon.country_of_demonym(token.text) is None
            and not self.r.kb.lookup(token.text)
        )

    def name_start(self, ent: SpacySpan) -> int:
        """Extend a one-word name over a given name the ruler left out ("Ivanka" + "Trump");
        start a name after the gerund that opens its sentence ("Congratulating Cho on his
        inauguration, X thanked ...", round 14's n11: the model took the verb into the name)."""
        if len(ent) > 1 and ent[0].tag_ == "VBG" and ent[0].is_sent_start:
            return ent.start + 1
        if len(ent) != 1 or ent.start == 0:
            return ent.start
        prev = self.r.doc[ent.start - 1]
        lexicon = self.r.lexicon
        if (
            prev.pos_ == "PROPN"
            and prev.is_title
            and prev.ent_type_ in ("", "PERSON")
            and prev.lower_ not in lexicon.ranks
            and prev.lower_ not in lexicon.office_by_phrase
            and lexicon.country_of_demonym(prev.text) is None
            and not any(h.start <= prev.i < h.end for h in self.r.hits)
        ):
            return prev.i
        return ent.start

    def _opens_a_full_name(self, text: str) -> bool:
        """Whether a longer person name in the article opens with the word ``text``."""
        key = name_key(text)
        return any(
            e.label_ == "PERSON" and len(e) >= 2 and name_key(e[0].text) == key
            for e in doc_ents(self.r.doc)
        )

    def _untitled(self, start: int, end: int) -> str | None:
        """The one name word left of ``start:end`` after its title ("Crown Prince Mohammad":
        "Mohammad"), or None when more than one word is left. A royal or a Gulf leader is
        named again by title and given name, which opens the full name the article gave
        before ("Crown Prince Mohammad Bin Salman"; round 6's f10)."""
        words = list(self.r.doc[start:end])
        offices = self.r.lexicon.office_by_phrase
        for cut in range(len(words) - 1, 0, -1):
            title = words[:cut]
            if " ".join(w.lower_ for w in title) in offices or all(
                self.check.is_office_word(w) for w in title
            ):
                words = words[cut:]
                break
        return words[0].text if len(words) == 1 else None

    def _first_word_of_full_name(self, text: str | None) -> str | None:
        """The person the article introduced in full whose name opens with ``text``, when
        only one did ("Xie" after "Xie Lan", a family name written first): nearer evidence
        than a known name it merely resembles ("Xi")."""
        if text is None:
            return None
        key = name_key(text)
        found = set()
        for f in self.ledger.found:
            if f.label == "PERSON" and f.actor and f.end - f.start >= 2:
                if name_key(self.r.doc[f.start].text) == key:
                    found.add(f.actor)
        return next(iter(found)) if len(found) == 1 else None

    def article_surnames(self) -> dict[str, str]:
        """Folded surname → actor id of persons named in full in this article (unique ones)."""
        seen: dict[str, set[str]] = {}
        for f in self.ledger.found:
            if f.label == "PERSON" and f.actor and f.end - f.start >= 2:
                actor = self.ledger.actor(f.actor)
                text = self.r.doc[f.start : f.end].text
                last = self.family_first_names.get(f.actor)
                if last is None:
                    last = (
                        family_name(text, actor.country, actor.aliases) if actor else surname(text)
                    )
                # "Mahamat" after "Moussa Faki Mahamat": the last word as the article writes
                # it names the person too, whatever the knowledge base takes as the surname
                given_last = f.actor in self.family_first_names or bool(
                    actor and family_first(actor.country)
                )  # "Xie Lan": the last word is the given name
                for word in {last, None if given_last else surname(text)}:
                    if word:
                        seen.setdefault(name_key(word), set()).add(f.actor)
        return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
