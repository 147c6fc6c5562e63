"""Choosing an event's place among the document's place mentions.

:func:`pick_place` takes the places of the event's own clause first, else of its
sentence (not another clause's subject's), then the most precise, not an origin ("troops
from Misrata") nor a reference point ("Majzar west of Marib"), in the article's main
country, nearest. :func:`locates_nothing` sets aside mentions that are no one's location
(a government speaking, a modifier, a nationality word).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.extract.places import is_modifier
from eventwire.model import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.model import Place

_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?$")
# A town named to say where another place lies: "Majzar district west of Marib" (but "in
# the east of Hays" is in Hays).
_REFERENCE = re.compile(
    r"(?<!\bthe )\b(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+of|\bkm\s+(?:from|of))\s+(?:the\s+)?(?:(?:al|el|as|ad|ar|an)[-\s])?$"
)
# "west of Haydan district" is in the district's west, no reference point outside it
_DIVISION_NAMED = re.compile(r"\b(?:district|subdistrict|governorate|province|countryside)\b")
PRECISION_RANK = {"point": 0, "city": 0, "admin1": 1, "country": 2, "region": 3}


def pick_place(
    ctx: DocContext, token: Token, usable: list[PlaceMention], clause: set[int]
) -> Place | None:
    """The place of ``token``'s event among ``usable`` mentions of its sentence: those in its
    own clause (``clause``: the clause's token offsets) first, else the sentence's but for
    another clause's subject; then the most precise ("in
    Lebanon in Sidon" is Sidon), not an origin ("troops from Misrata"), not a reference point
    ("Majzar west of Marib"), in the article's main country, nearest."""
    sent = ctx.view.sent(token)
    in_sentence = [pm for pm in usable if sent.start_char <= pm.span.start < sent.end_char]
    if not in_sentence:
        return None
    pool = [pm for pm in in_sentence if pm.span.start in clause]
    if not pool:
        # another clause's place, unless it belongs to that clause's subject ("the visit
        # to Moscow occurred after his army seized the ports": the ports are not in Moscow)
        pool = [pm for pm in in_sentence if not _in_other_subject(ctx, pm, clause)]
        if not pool:
            return None
    countries = Counter(pm.place.country for pm in usable if pm.place is not None)
    text = ctx.text
    # a town named as a reference point once is one wherever the sentence names it
    # ("Majzar west of Marib city (Marib)")
    references = {
        pm.place.id
        for pm in in_sentence
        if pm.place is not None
        and _REFERENCE.search(text[max(0, pm.span.start - 30) : pm.span.start])
        and not _DIVISION_NAMED.search(text[pm.span.start : pm.span.end + 15])
    }

    def rank(pm: PlaceMention) -> tuple:
        place = pm.place
        assert place is not None
        origin = bool(_ORIGIN.search(text[max(0, pm.span.start - 12) : pm.span.start]))
        return (
            origin,
            PRECISION_RANK.get(place.precision, 3),
            place.id in references,
            -countries[place.country],
            abs(pm.span.start - token.idx),
        )

    return min(pool, key=rank).place


def _in_other_subject(ctx: DocContext, pm: PlaceMention, clause: set[int]) -> bool:
    """True when the mention lies in the subject of a verb outside ``clause``."""
    if not clause or not ctx.doc.has_annotation("DEP"):
        return False
    span = ctx.doc.char_span(pm.span.start, pm.span.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        verb = node.head
        if node.dep_ in ("nsubj", "nsubjpass") and verb.idx not in clause:
            # verbs joined by "and" share their subject ("people in Aden cut roads and
            # burned tyres")
            return not (verb.dep_ == "conj" and verb.head.idx in clause) and not any(
                t.dep_ == "conj" and t.idx in clause for t in verb.children
            )
        node = verb
    return False


def locates_nothing(ctx: DocContext, pm: PlaceMention) -> bool:
    """A place mention that is no event's location: a metonym acting as an actor, a
    modifier (:func:`is_modifier`) or a nationality word ("Saudi-led", "Israelis")."""
    if pm.is_actor or is_modifier(ctx, pm.span.start, pm.span.end):
        return True
    if pm.place is None or pm.place.precision not in ("country", "region"):
        return False
    return pm.span.start in ctx.view.ent_starts("NORP")
