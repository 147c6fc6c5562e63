"""Where a speech act was made: only a place the text ties to the speaking itself.

A speech act (support, a demand, an accusation, a rejection, a threat) is placed by a
locative on its own verb or noun ("the minister said in Lusaka", "at a rally in Ndola,
the party demanded ...", "In Lusaka, the envoy warned ..."), by the setting it was made
in ("told reporters in Lusaka", "at a news conference in Lusaka"), by where its speakers
are ("Protesters in Ndola demanded ...", "Officials in Lusaka accused ...") or by the
story's dateline. A place inside what is said is what the words are about: "accused
Malawi of arming the rebels", "warned of violence in Chipata", "called for a truce in
Kitwe", "threatened Lusaka with sanctions", "pledged support for Zambia". Such a speech
act keeps no place of its own; the story's country stands in, flagged inferred.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.extract.placeparties import first_conjunct

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.model import PlaceMention

# prepositions that put a speaking at a place ("said in X", "speaking from X")
_AT = frozenset({"in", "at", "inside", "near", "from"})
# nouns of the setting a statement is made in: "at a news conference in X", "told
# reporters in X", "in an interview in X"
SETTINGS = frozenset(
    {
        "conference",
        "briefing",
        "meeting",
        "summit",
        "session",
        "interview",
        "speech",
        "address",
        "statement",
        "rally",
        "gathering",
        "ceremony",
        "reporter",
        "journalist",
        "audience",
        "crowd",
        "supporter",
        "parliament",
    }
)


def said_at(ctx: DocContext, pm: PlaceMention, trigger: Token) -> bool:
    """Whether the mention places the speech act whose trigger is ``trigger`` (see the
    module doc): the object of a locative preposition that hangs from the trigger or a
    word governing it, from a verb or a setting's noun hanging there ("speaking in X",
    "at a news conference in X"), or from the subject of one of those words."""
    if colon_dateline(ctx.text, pm):
        return True  # "kanpur: the writer urged ...": the story's dateline
    span = ctx.doc.char_span(pm.span.start, pm.span.end, alignment_mode="expand")
    if span is None:
        return False
    node = first_conjunct(span.root)
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ not in _AT:
        return False
    chain = {trigger.i} | {t.i for t in trigger.ancestors}
    owner = prep.head
    while owner.i not in chain and owner.head.i != owner.i:
        if owner.dep_ in ("nsubj", "nsubjpass") and owner.head.i in chain:
            return True  # "Protesters in X demanded": where the speakers are
        speaking = owner.pos_ in ("VERB", "AUX") and owner.lemma_.lower() in _statement(ctx)
        if not speaking and owner.lemma_.lower() not in SETTINGS:
            return False  # "warned of violence in X": in what is said
        owner = owner.head
        if owner.dep_ == "prep":
            owner = owner.head  # "at a conference in X": the conference's own head
    return owner.i in chain and not _after_what_is_said(prep)


# what follows a dateline's town written with a colon: "kanpur: ", "Rampur (Kheda): "
_COLON_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?:[ \t]")


def colon_dateline(text: str, pm: PlaceMention) -> bool:
    """Whether the mention is a dateline written as a town and a colon opening a
    paragraph ("kanpur: the writer urged ..."; see ``datelines.colon_datelines``): the
    story's dateline, which places a speech act as a layout's dateline does."""
    start = pm.span.start
    opens = start == 0 or text[max(0, start - 1)] == "\n" or not text[:start].strip()
    return opens and bool(_COLON_AFTER.match(text, pm.span.end))


def _after_what_is_said(prep: Token) -> bool:
    """Whether the locative ``prep`` comes right after an object of the same word, which
    the parse often hangs it beside though it tells where that object is: "warned of
    violence in X", "condemned the raid in X", "called for a truce in X". Not after a
    setting ("told reporters in X")."""
    for sibling in prep.head.children:
        if sibling.i >= prep.i or sibling.dep_ not in ("dobj", "prep", "attr", "dative"):
            continue
        if max(t.i for t in sibling.subtree) == prep.i - 1:
            noun = (
                sibling
                if sibling.dep_ != "prep"
                else next((c for c in sibling.children if c.dep_ in ("pobj", "pcomp")), sibling)
            )
            return noun.lemma_.lower() not in SETTINGS
    return False


def _statement(ctx: DocContext) -> frozenset[str]:
    return ctx.resources.place_words.statement_verbs
