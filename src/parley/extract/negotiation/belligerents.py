"""States the article shows at war on one side: never a track's mediators.

"A Saudi-led coalition … entered the war in March 2015 to restore the government": a state
that leads (or backs with its forces) a military coalition in the conflict is a belligerent.
Hosting talks between the sides ("consultations held in Riyadh") does not make it a
mediator, here or when another report of the same track names the host. Only what the text
says counts: "X-led coalition" with a word of war in its sentence; a coalition government or
a coalition of parties is no evidence.
"""

from __future__ import annotations

import re

from parley import knowledge
from parley.extract.base import Context
from parley.kb import load_demonyms
from parley.nlp.docs import doc_sents, span_text

__all__ = ["belligerents"]

_LEX = "lexicon/negotiation.json"


def _led_re() -> re.Pattern[str]:
    leads = "|".join(knowledge.phrases(_LEX, "belligerent_leads"))
    groups = "|".join(knowledge.phrases(_LEX, "belligerent_groups"))
    return re.compile(rf"\b(?P<who>[A-Z][\w.]+(?: [A-Z][\w.]+)?)-(?:{leads})\s+(?:{groups})\b")


def belligerents(ctx: Context) -> list[str]:
    """The states the article names as leading a coalition at war ("a Saudi-led coalition …
    entered the war"), in text order."""
    war = knowledge.words(_LEX, "belligerent_war_words")
    demonyms = load_demonyms()
    found: list[str] = []
    pattern = _led_re()
    for sent in doc_sents(ctx.doc):
        if not any(t.lemma_.lower() in war for t in sent):
            continue
        for m in pattern.finditer(span_text(sent)):
            words = m.group("who").split()
            for who in (" ".join(words), words[-1]):  # "An Eritrean-led": the last word
                state = demonyms.get(who) or next(
                    (a.id for a in ctx.kb.lookup(who) if a.kind == "state"), None
                )
                if state is not None:
                    found.append(state)
                    break
    return list(dict.fromkeys(found))
