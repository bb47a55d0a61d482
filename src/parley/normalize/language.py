"""Step 5 of normalisation: is the article in a language we analyse?

lingua's detector over a fixed, modest set of languages common in world news (plus any the user
asked for), in low-accuracy mode: it is fast and plenty for a few hundred characters. Very short
texts carry too little evidence, so they are never rejected.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from parley.errors import ConfigError, UnsupportedLanguage

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = ["LanguageGuard", "NEWS_LANGUAGES"]

log = logging.getLogger(__name__)

#: ISO 639-1 codes of the languages the detector chooses between.
NEWS_LANGUAGES = (  # not a word list: language codes
    "en", "fr", "de", "es", "it", "pt", "ru", "uk", "ar", "zh",
    "tr", "pl", "nl", "fa", "he", "ja", "ko",
)  # fmt: skip
#: Fewer letters than this and we do not judge (a headline-sized text is often misread).
MIN_LETTERS = 40
#: Fewer letters than this and the detector may not reject: one short sentence is often misread
#: ("X declared a diplomat persona non grata." is Italian to the low-accuracy mode, and the
#: article would be lost), while a foreign lead paragraph has well over a hundred letters.
MIN_LETTERS_TO_REJECT = 100
#: Characters of text the detector reads; more adds time, not accuracy.
SAMPLE_CHARS = 2000
#: Reject only when the allowed languages together get less than this confidence.
MAX_ALLOWED_CONFIDENCE_TO_REJECT = 0.2
#: English function words; a text where they are this common is English whatever the detector's
#: low-accuracy mode says about one short sentence full of foreign place names.
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a an at on for its was were is are has have had by with from that this "
    "it as be been will would their they he she his her not but which who".split()
)
ENGLISH_FUNCTION_SHARE = 0.2


class LanguageGuard:
    """Identifies the language of a text and rejects those not allowed; builds lazily."""

    def __init__(self) -> None:
        self._detectors: dict[frozenset[str], LanguageDetector] = {}

    def check(self, text: str, allowed: Sequence[str]) -> str | None:
        """Return the ISO 639-1 code of ``text`` (None if too little evidence).

        Raises:
            UnsupportedLanguage: the text is clearly in a language not in ``allowed``.
        """
        sample = text[:SAMPLE_CHARS]
        letters = sum(c.isalpha() for c in sample)
        if letters < MIN_LETTERS:
            return None
        allowed_codes = [c.lower() for c in allowed]
        if "en" in allowed_codes and _function_word_share(sample) >= ENGLISH_FUNCTION_SHARE:
            return "en"
        values = self._detector(allowed_codes).compute_language_confidence_values(sample)
        if not values:
            return None
        best = values[0]
        code = best.language.iso_code_639_1.name.lower()
        allowed_weight = sum(
            v.value for v in values if v.language.iso_code_639_1.name.lower() in allowed_codes
        )
        if code not in allowed_codes and allowed_weight < MAX_ALLOWED_CONFIDENCE_TO_REJECT:
            if letters < MIN_LETTERS_TO_REJECT:
                return None  # too short to lose an article over
            raise UnsupportedLanguage(_message(best.language.name.title(), code, allowed_codes))
        return code if code in allowed_codes else allowed_codes[0]

    def _detector(self, allowed: Sequence[str]) -> LanguageDetector:
        key = frozenset(allowed)
        if key not in self._detectors:
            self._detectors[key] = _build(sorted(set(NEWS_LANGUAGES) | key))
        return self._detectors[key]


def _function_word_share(sample: str) -> float:
    words = [w.lower() for w in sample.split() if w.isalpha()]
    if not words:
        return 0.0
    return sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words)


def _build(codes: Sequence[str]) -> LanguageDetector:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    try:
        isos = [IsoCode639_1.from_str(c) for c in codes]
    except ValueError as e:
        raise ConfigError(
            f"Unknown language code in 'languages' ({', '.join(codes)}): use ISO 639-1 codes "
            f"such as 'en' or 'fr'."
        ) from e
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).with_low_accuracy_mode().build()


def _message(name: str, code: str, allowed: Sequence[str]) -> str:
    listed = ", ".join(allowed)
    scope = (
        "Parley analyses English text only"
        if list(allowed) == ["en"]
        else f"Parley is set to analyse {listed} only"
    )
    return (
        f"Article is in {name} ({code}), not one of: {listed}. {scope}; translate it first or "
        f"add the language in settings."
    )
