"""Repair the lemmas the statistical lemmatizer gets wrong for verbs that trigger events.

spaCy's English lemmatizer strips "-ed"/"-es" from a few verbs ending in "e" as if the "e" were
part of the suffix: "raped" becomes "rap", "staged" "stag", "waged" "wag", "fined" "fin",
"lambasted" "lambast". Every rule keyed on the lemma ("stage" + "strike", "rape") then misses
the verb. The fix is by word form and only for verbs, so the nouns "wages" and "fines" and the
verb "rapped" keep their lemmas.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["LEMMAS", "VERB_LEMMAS", "repair_lemmas"]

LEMMAS = "parley_verb_lemmas"

# word form (lower case) -> the verb's lemma, for forms the model's lemmatizer cuts wrongly
VERB_LEMMAS: dict[str, str] = {
    f"{stem}{ending}": f"{stem}e"
    for stem in ("rap", "stag", "wag", "fin", "lambast")
    for ending in ("ed", "es", "ing")
}


@Language.component(LEMMAS)
def repair_lemmas(doc: Doc) -> Doc:
    """Set the right lemma on the verbs whose form is in :data:`VERB_LEMMAS`."""
    for token in doc:
        if token.pos_ == "VERB":
            lemma = VERB_LEMMAS.get(token.lower_)
            if lemma is not None:
                token.lemma_ = lemma
    return doc
