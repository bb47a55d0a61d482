"""Repair the lemmas the statistical lemmatizer gets wrong for verbs that trigger events.

spaCy's English lemmatizer strips "-ed"/"-es" from a few verbs ending in "e" as if the "e" were
part of the suffix: "raped" becomes "rap", "staged" "stag", "waged" "wag", "fined" "fin",
"lambasted" "lambast". Every rule keyed on the lemma ("stage" + "strike", "rape") then misses
the verb. The fix is by word form and only for verbs, so the nouns "wages" and "fines" and the
verb "rapped" keep their lemmas. The forms are data: ``verb_lemma_repairs`` in
``parley/data/lexicon/events.json``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from parley import knowledge

__all__ = ["LEMMAS", "repair_lemmas"]

LEMMAS = "parley_verb_lemmas"


@Language.component(LEMMAS)
def repair_lemmas(doc: Doc) -> Doc:
    """Set the right lemma on the verbs whose form ``verb_lemma_repairs`` lists."""
    repairs = knowledge.table("lexicon/events.json", "verb_lemma_repairs")
    for token in doc:
        if token.pos_ == "VERB":
            lemma = repairs.get(token.lower_)
            if isinstance(lemma, str):
                token.lemma_ = lemma
    return doc
