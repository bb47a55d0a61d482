"""Person names: transliteration-aware keys and a conservative fuzzy match against the KB.

Names transliterated from Cyrillic and other scripts reach English text in several spellings
("Gerasimov"/"Gerassimov", "Sybiha"/"Sibiga", "Zelensky"/"Zelenskyy"). :func:`name_key` maps
such variants to one key; :func:`name_similarity` scores what remains, and :class:`PersonIndex`
finds the knowledge-base person a name refers to without comparing it with every person.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher

from parley.knowledge import words
from parley.models import Actor
from parley.nlp.patterns import surname

__all__ = ["name_key", "name_similarity", "name_word", "PersonIndex", "FUZZY_THRESHOLD"]

# Below this, two different people could be merged ("Peskov"/"Pesков"-like near misses are
# caught by name_key already; what is left must be very close).
FUZZY_THRESHOLD = 0.88
_ONE_WORD_THRESHOLD = 0.93
# How close a given name with another first letter must be to be a spelling variant.
_OTHER_INITIAL_GIVEN = 0.8

# Ordered rewrites: longer clusters first so "shch" is not read as "sh" + "ch".
_REWRITES: tuple[tuple[str, str], ...] = (
    ("shch", "sc"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("kh", "h"),
    ("zh", "j"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("j", "y"),
    ("h", "g"),  # Ukrainian г is written h, Russian г is g: "Sybiha" / "Sibiga"
    ("y", "i"),
    ("ie", "i"),
    ("ei", "i"),
)
_ENDINGS = re.compile(r"(ii|iy|yi|yy|iï)\b")
# Letters, or letters joined by an apostrophe inside the word: "O'Brien", "D’Souza", "N'Diaye".
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def name_word(text: str) -> bool:
    """Whether ``text`` is a word a name is made of: letters only, or letters with an
    apostrophe inside ("O'Brien"). The tokenizer keeps such a surname whole, and counting
    only purely alphabetic words left "Derek O'Brien" a one-word name, never a new person."""
    return _NAME_WORD.fullmatch(text) is not None


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Fold spelling variants of a name into one key (lower case, accents, transliteration).

    Example: ``name_key("Valery Gerassimov") == name_key("Valeriy Gerasimov")``.

    Remembered (bounded): the actor passes key every word of an article, and news repeats
    its words and names from article to article.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z ]+", " ", text)
    text = _ENDINGS.sub("i", text)
    for old, new in _REWRITES:
        text = text.replace(old, new)
    text = re.sub(r"(.)\1+", r"\1", text)  # double letters: "Gerassimov"
    return " ".join(text.split())


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _lengths_allow(a: int, b: int, threshold: float) -> bool:
    """Whether surnames of lengths ``a`` and ``b`` can reach ``threshold``: a ratio is twice
    the letters matched over the letters of both, so at most ``2 min(a, b) / (a + b)``, and
    :func:`name_similarity` is never above its surnames' ratio. Most of the knowledge base's
    names are ruled out so before the costly comparison."""
    return 2 * min(a, b) >= threshold * (a + b)


def name_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two person names, after :func:`name_key`.

    The surname must match closely on its own: sharing a common given name ("Dmitry Peskov",
    "Dmitry Medvedev") must not make two people look alike. A missing given name or an
    initial is compatible with any given name starting with that letter. A spelling variant
    keeps a given name's first letter or nearly all of it ("Evgeny" / "Yevgeny"); a given
    name that starts otherwise and shares only some letters ("Sadek" / "Adel") is another
    person's, however well the surnames agree.
    """
    ka, kb_ = name_key(a).split(), name_key(b).split()
    if not ka or not kb_:
        return 0.0
    last = _ratio(ka[-1], kb_[-1])
    if len(ka) == 1 or len(kb_) == 1:
        return last
    first_a, first_b = ka[0], kb_[0]
    if len(first_a) == 1 or len(first_b) == 1:
        first = 1.0 if first_a[0] == first_b[0] else 0.0
    else:
        first = _ratio(first_a, first_b)
        if first_a[0] != first_b[0] and first < _OTHER_INITIAL_GIVEN:
            return 0.0  # "Sadek al-Mahdi" is not "Adel Abdul Mahdi": another given name
    return min(last, 0.3 * first + 0.7 * last)


def _by_name(alias: str, name: str) -> bool:
    """Whether ``alias`` is a by-name ("Abu Mazen", "Tok Mat"): opened by a word of the
    lexicon's ``nickname_openers`` and ending in a word other than the name's last. Its last
    word is a given name (a son's, one's own), so a lone word matching it is no spelling
    variant of the person's surname; "Abu Qasra" of "Murhaf Abu Qasra" is the surname."""
    words_ = name_key(alias).split()
    last = name_key(name).split()[-1:] or [""]
    openers = words("lexicon/actors.json", "nickname_openers")
    first = alias.split()[0].lower() if alias.split() else ""
    return len(words_) >= 2 and first in openers and words_[-1] != last[0]


class PersonIndex:
    """Knowledge-base persons indexed by folded name and by the first letter of the surname."""

    def __init__(self, people: Iterable[Actor]) -> None:
        self._by_key: dict[str, set[str]] = defaultdict(set)
        self._by_initial: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._people: dict[str, Actor] = {}
        self._full_named: set[str] = set()  # people with a name of two words or more
        self._by_names: set[tuple[str, str]] = set()  # by-names ("Abu Mazen"), keyed
        # News repeats names from article to article: each is scored against the index once.
        self._fuzzy: dict[tuple[str, float], tuple[Actor, float] | None] = {}
        for person in people:
            self._people[person.id] = person
            for name in (person.name, *person.aliases):
                self._add(name, person.id)
                if _by_name(name, person.name):
                    self._by_names.add((name_key(name), person.id))

    def _add(self, name: str, actor_id: str) -> None:
        key = name_key(name)
        if not key:
            return
        self._by_key[key].add(actor_id)
        if " " in key:
            self._full_named.add(actor_id)
        self._by_initial[key.split()[-1][0]].append((key, actor_id))

    def exact(self, name: str) -> Actor | None:
        """The one person whose folded name equals that of ``name``, if unambiguous."""
        ids = self._by_key.get(name_key(name), set())
        return self._people[next(iter(ids))] if len(ids) == 1 else None

    def fuzzy(self, name: str, threshold: float = FUZZY_THRESHOLD) -> tuple[Actor, float] | None:
        """The best person whose name scores at least ``threshold``; None when two tie.

        Only names whose surname starts with the same (folded) letter are compared, which keeps
        the cost proportional to a small slice of the knowledge base; answers are remembered.
        """
        if len(self._fuzzy) > 50_000:  # bounded: memory stays flat over a long run
            self._fuzzy.clear()
        if (name, threshold) not in self._fuzzy:
            self._fuzzy[name, threshold] = self._score(name, threshold)
        return self._fuzzy[name, threshold]

    def _score(self, name: str, threshold: float) -> tuple[Actor, float] | None:
        key = name_key(name)
        if not key:
            return None
        if " " not in key:
            # A lone word has no given name to confirm it: "Mejlis" is not "Milei".
            threshold = max(threshold, _ONE_WORD_THRESHOLD)
        scores: dict[str, float] = {}
        last = len(name_key(key).split()[-1])
        for cand, actor_id in self._by_initial.get(key.split()[-1][0], []):
            if not _lengths_allow(last, len(name_key(cand).split()[-1]), threshold):
                continue
            if self._other_given_name(key, cand, actor_id):
                continue
            if " " not in key and (cand, actor_id) in self._by_names:
                continue  # "Mazen" alone is not "Abu Mazen": a given name, not a surname
            score = name_similarity(key, cand)
            if score >= threshold and score > scores.get(actor_id, 0.0):
                scores[actor_id] = score
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 0.02:
            return None  # two people fit about as well: refuse to guess
        return self._people[ranked[0][0]], ranked[0][1]

    def _other_given_name(self, key: str, cand: str, actor_id: str) -> bool:
        """Whether a name with a given name ("Olga Meredov") is being scored against a bare
        surname alias ("Meredov") of someone whose full name is known ("Rashid Meredov").

        The alias says nothing about the given name, so it would score 1.0 for anyone of that
        surname; the full name, scored on its own entry, decides instead. An initial is not a
        given name to contradict: "J. Blinken" is often a middle initial the entity left its
        first name out of ("Antony J. Blinken").
        """
        given = key.split()[0]
        return len(given) > 1 and " " not in cand and actor_id in self._full_named

    def surname_of(self, actor_id: str) -> str | None:
        """The surname of a known person, for matching later short references."""
        person = self._people.get(actor_id)
        return surname(person.name) if person else None
