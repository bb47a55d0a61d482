"""The model's attribute ruler, matched through an index instead of spaCy's ``Matcher``.

The English model's ``attribute_ruler`` (179 patterns: its tag map, then exceptions by word,
tag and dependency, three by a regular expression) cost about 6 ms of an article's 36 ms parse
(speed11's profile: a sixth of it), nearly all in the ``Matcher`` trying every pattern at every
token, each set test (``{"LOWER": {"IN": [...]}}``) a Python call. Its patterns are one or two
tokens of plain tests, so each token need only be tried against the patterns that can fit it:
those whose first token asks for its form, tag or dependency, and the few that ask none.

:class:`IndexedMatch` finds exactly the matches spaCy's ``Matcher`` finds (the same set of
(pattern, start, end), sorted as the ruler sorts them) and the ruler's own ``set_annotations``
applies them, so every token gets the attributes spaCy gives it; only the search is replaced
(about 1 ms an article instead of 6). A ruler holding anything outside that plain form
(operators, other attributes or predicates) keeps spaCy's ``Matcher``, and so does one given
patterns after the index was built. The bare model runs the same component with spaCy's search.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["IndexedMatch", "index_attribute_ruler"]

#: Attributes a pattern may test by equality or set membership (their values are string ids
#: in the document's arrays, as the ``Matcher`` compares them), and the flags tested by truth.
STRING_ATTRS = ("TAG", "LOWER", "ORTH", "NORM", "DEP", "LEMMA")
FLAG_ATTRS = ("IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT")
#: The attributes a pattern's first token is looked up by, in order of preference: a word's
#: form picks out fewer patterns than its tag.
INDEX_ATTRS = ("LOWER", "ORTH", "TAG", "DEP")

# One test on a token's row of attribute values: (column, operator, value or set of values).
Test = tuple[int, str, Any]
Spec = tuple[Test, ...]
Match = tuple[int, int, int, int]
# A pattern of the ruler: its group (the ruler's attributes), its match key, the tests of its
# first token left once it is looked up, the tests of its following tokens.
Entry = tuple[int, int, Spec, tuple[Spec, ...]]


class Unsupported(ValueError):
    """A pattern outside the plain form the index answers (spaCy's Matcher then searches)."""


class IndexedMatch:
    """The attribute ruler's ``match``: its patterns' matches in a document, found through an
    index by tag and lower-case form (see the module's docstring)."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import IDS

        self.ruler = ruler
        self.fallback: Callable[[Doc], list[Match]] = ruler.match
        self.groups = len(ruler.attrs)
        names = [*STRING_ATTRS, *FLAG_ATTRS]
        self.columns = [IDS[n] for n in names]
        self.column_of = {n: i for i, n in enumerate(names)}
        self.index: dict[int, dict[int, list[Entry]]] = {}
        self.rest: list[Entry] = []
        strings = ruler.vocab.strings
        for group in range(self.groups):
            key = strings.add(str(group))
            for pattern in ruler.matcher.get(key)[1]:
                self._add(group, key, tuple(self._spec(t) for t in pattern))
        self.looked_up = sorted(self.index.items())

    def _spec(self, token: dict[str, Any]) -> Spec:
        """The tests of one pattern token (raises :class:`Unsupported`)."""
        return tuple(self._test(str(name).upper(), value) for name, value in token.items())

    def _test(self, name: str, value: Any) -> Test:
        from spacy.strings import get_string_id

        name = "ORTH" if name == "TEXT" else name
        column = self.column_of.get(name)
        if column is None:
            raise Unsupported(name)
        if name in FLAG_ATTRS:
            if not isinstance(value, bool):
                raise Unsupported(f"{name}: {value!r}")
            return (column, "==", int(value))
        if isinstance(value, str):
            return (column, "==", self.ruler.vocab.strings.add(value))
        if isinstance(value, dict) and len(value) == 1:
            ((op, values),) = value.items()
            if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in values):
                return (column, op, frozenset(get_string_id(v) for v in values))
            if op == "REGEX" and isinstance(values, str):
                return (column, op, _Searched(re.compile(values), self.ruler.vocab.strings))
        raise Unsupported(f"{name}: {value!r}")

    def _add(self, group: int, key: int, specs: tuple[Spec, ...]) -> None:
        """Index the pattern under each value its first token may take in the first column
        (by :data:`INDEX_ATTRS`' preference) it tests by equality or membership, keeping the
        other tests to try; a pattern whose first token is tested only by exclusion or
        expression is tried at every token."""
        if not specs:
            return  # the Matcher refuses empty patterns; nothing can match one
        first, following = specs[0], specs[1:]
        for column in (*(self.column_of[n] for n in INDEX_ATTRS), *range(len(self.columns))):
            for test in first:
                col, op, value = test
                if col == column and op in ("==", "IN"):
                    others = tuple(t for t in first if t is not test)
                    entry = (group, key, others, following)
                    for one in (value,) if op == "==" else value:
                        self.index.setdefault(column, {}).setdefault(one, []).append(entry)
                    return
        self.rest.append((group, key, first, following))

    def __call__(self, doc: Doc) -> list[Match]:
        """The ruler's matches in ``doc``, as ``AttributeRuler.match`` returns them."""
        if len(self.ruler.attrs) != self.groups:
            return self.fallback(doc)  # patterns added since: the index no longer holds all
        rows: list[list[int]] = doc.to_array(self.columns).tolist() if len(doc) else []
        found: set[Match] = set()
        rest, looked_up = self.rest, self.looked_up
        for i, row in enumerate(rows):
            for column, table in looked_up:
                for entry in table.get(row[column], ()):
                    _try(entry, rows, i, found)
            for entry in rest:
                _try(entry, rows, i, found)
        return sorted(found)


def _try(entry: Entry, rows: Sequence[list[int]], i: int, found: set[Match]) -> None:
    """Add the match of ``entry``'s pattern starting at token ``i``, if it matches there."""
    group, key, first, following = entry
    if first and not _fits(first, rows[i]):
        return
    end = i + 1 + len(following)
    if following:
        if end > len(rows):
            return
        for spec, row in zip(following, rows[i + 1 : end], strict=True):
            if not _fits(spec, row):
                return
    found.add((group, key, i, end))


def _fits(spec: Spec, row: list[int]) -> bool:
    for column, op, value in spec:
        got = row[column]
        if op == "==":
            if got != value:
                return False
        elif op == "REGEX":
            if not value(got):
                return False
        elif (got in value) != (op == "IN"):
            return False
    return True


class _Searched:
    """A ``REGEX`` test as the ``Matcher`` makes it (``search`` in the attribute's string),
    remembered per string id: a word's form is tested once, not at each of its tokens."""

    LIMIT = 100_000

    def __init__(self, pattern: re.Pattern[str], strings: Any) -> None:
        self.pattern = pattern
        self.strings = strings
        self.seen: dict[int, bool] = {}

    def __call__(self, got: int) -> bool:
        hit = self.seen.get(got)
        if hit is None:
            if len(self.seen) >= self.LIMIT:
                self.seen.clear()
            hit = self.seen[got] = bool(self.pattern.search(self.strings[got]))
        return hit


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Give ``nlp``'s attribute ruler (when it has one whose patterns are all of the plain
    form) the indexed search; returns whether it now has it."""
    if name not in nlp.pipe_names:
        return False
    ruler: Any = nlp.get_pipe(name)
    if not hasattr(ruler, "matcher") or not hasattr(ruler, "set_annotations"):
        return False
    if isinstance(ruler.match, IndexedMatch):
        return True
    try:
        ruler.match = IndexedMatch(ruler)
    except Unsupported:
        return False
    return True
