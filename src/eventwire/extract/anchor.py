"""Anchoring an event in time and space: the date and place that govern its clause.

For an event's trigger token, the date is the temporal expression attached to
the trigger's clause in the dependency parse (a timex inside the subtree of the
trigger's nearest verb, not inside an embedded clause of its own), else the
nearest one in the same sentence, else the last day an earlier sentence of the same
paragraph gave when it is told in the past ("On 6 May militants fired a rocket. It hit
a house."; not for a toll "so far" nor a present "Libya has been plunged into chaos"),
else the publication date with precision ``publication`` (only a publication day stands in). When the clause's own
expression cannot be placed ("on Sunday" with only the year known), the event
takes no date from another clause. Lengths of time never date an event.
The place comes from the clause's place mentions, else the sentence's: the most
precise, not an origin ("fighters from Misrata"), never a metonym acting as a
government ("Moscow said"), a modifier ("the US dollar") or a nationality word;
with no place in the sentence, the town or division the last earlier sentence of the
paragraph that named places is about, else the one country all the article's places
lie in, said to be only that (precision ``country``), else None.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.extract.placechoice import locates_nothing, pick_place
from eventwire.extract.timex import is_duration
from eventwire.model import Place, When

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis"}


def publication_when(ctx: DocContext) -> When | None:
    """The publication day standing in for an event's date; a publication date known only
    to the month or year says nothing about the event's day, so it stands in for nothing."""
    published = ctx.article.published
    if (
        published is None
        or len(published) < 10
        or ctx.article.published_precision
        in (
            "month",
            "year",
        )
    ):
        return None
    return When(ctx.article.published, "publication", text=None)


_UP_TO_NOW = re.compile(r"\b(?:so far|thus far|to date|until now|up to now|up until now)\b", re.I)


def when_for(ctx: DocContext, token: Token) -> When | None:
    """The date of the clause headed near ``token``."""
    timexes = ctx.timexes
    if ctx.doc.has_annotation("DEP"):
        clause = _clause_tokens(token)
        own = [t for t in timexes if t.span.start in clause and not is_duration(t.span.text)]
        if own and min(own, key=lambda t: abs(t.span.start - token.idx)).when.value is None:
            # the clause's own time ("on Sunday" with only the year known) cannot be
            # placed; a date from another clause would be wrong, not merely vague
            return publication_when(ctx)
    resolved = [t for t in timexes if t.when.value]
    best = _governing(ctx, token, [(t.span.start, t.span.end, t.when) for t in resolved])
    if isinstance(best, When):
        return best
    # A story goes on in the day it gave last: "On 6 May militants fired a rocket. It hit
    # a house." The day must be in the same paragraph; a background paragraph's year or
    # a length of time never carries over.
    sent = ctx.view.sent(token)
    if _UP_TO_NOW.search(ctx.view.sent_text(sent)) or not _told_in_past(sent.root):
        return publication_when(ctx)  # "so far, 150 have been killed": a toll up to now
    paragraph, sent_start = _paragraph_before(ctx, sent)
    earlier = [t for t in resolved if paragraph < t.span.start < sent_start
               and t.when.precision == "day" and not is_duration(t.span.text)]  # fmt: skip
    return earlier[-1].when if earlier else publication_when(ctx)


def _paragraph_before(ctx: DocContext, sent: Span) -> tuple[int, int]:
    """(where the sentence's paragraph starts, where the sentence's text starts): the
    stretch an earlier date or place may carry over from."""
    text = ctx.view.sent_text(sent)  # Span.text joins the sentence's tokens on every call
    start = sent.start_char + len(text) - len(text.lstrip())  # past a "\n\n" token
    return ctx.view.blank_line_before(start), start


def _told_in_past(root: Token) -> bool:
    """A sentence in the simple past or pluperfect ("It hit a house", "were killed", "had
    fled") goes on with the story's day; the present and present perfect ("Libya has
    been plunged into chaos") speak of now."""
    auxes = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"has", "have", "is", "are", "am", "will", "'s", "'re"}:
        return False
    return root.tag_ == "VBD" or bool(auxes & {"was", "were", "had"})


def place_for(ctx: DocContext, token: Token) -> Place | None:
    """The place of the clause headed near ``token``, never a metonym acting as an actor, a
    modifier ("the US dollar") or a nationality word; with no place in the sentence, the
    town or division an earlier sentence of the paragraph is about, else the one country
    all the article's places lie in, with precision ``country``."""
    if ctx.usable_places is None:  # the same for every event of the document
        ctx.usable_places = [pm for pm in ctx.places if pm.place is not None
                             and not locates_nothing(ctx, pm)]  # fmt: skip
    usable = ctx.usable_places
    clause = _clause_tokens(token) if ctx.doc.has_annotation("DEP") else set()
    found = pick_place(ctx, token, usable, clause)
    if found is not None or not usable:
        return found
    earlier = _earlier_place(ctx, token, usable)
    if earlier is not None:
        return earlier
    countries = {pm.place.country for pm in usable if pm.place and pm.place.precision != "region"}
    only = countries.pop() if len(countries) == 1 else None
    return ctx.resources.gazetteer.country(only) if only else None


def _earlier_place(ctx: DocContext, token: Token, usable: list) -> Place | None:
    """With no place in ``token``'s sentence, the town or division the last earlier sentence
    of its paragraph that gave places is about ("Militants attacked a checkpoint in Derna.
    Two soldiers were killed."), as a story goes on in the day it gave last."""
    sent = ctx.view.sent(token)
    if any(sent.start_char <= pm.span.start < sent.end_char for pm in usable):
        return None  # the sentence names places, just none for this clause
    paragraph, _start = _paragraph_before(ctx, sent)
    before = [pm for pm in usable if paragraph < pm.span.start < sent.start_char]
    if not before:
        return None
    last = ctx.doc.char_span(before[-1].span.start, before[-1].span.end, alignment_mode="expand")
    if last is None:
        return None
    root = ctx.view.span_sent(last).root
    clause = _clause_tokens(root) if ctx.doc.has_annotation("DEP") else set()
    place = pick_place(ctx, root, usable, clause)
    # a sea or a country says no more than the article's one country would
    return place if place is not None and place.precision in ("city", "point", "admin1") else None


def _governing(ctx: DocContext, token: Token, items: list) -> object | None:
    """The item (start, end, value) governing ``token``'s clause, else the sentence's nearest."""
    sent = ctx.view.sent(token)
    in_sentence = [it for it in items if sent.start_char <= it[0] < sent.end_char]
    if not in_sentence:
        return None
    if ctx.doc.has_annotation("DEP"):
        clause = _clause_tokens(token)
        for start, _end, value in sorted(in_sentence, key=lambda it: abs(it[0] - token.idx)):
            if start in clause:
                return value
    nearest = min(in_sentence, key=lambda it: abs(it[0] - token.idx))
    return nearest[2]


def _clause_tokens(token: Token) -> set[int]:
    """Character offsets of the tokens in ``token``'s own clause (embedded clauses cut off)."""
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    offsets: set[int] = set()
    stack = [head]
    while stack:
        node = stack.pop()
        offsets.add(node.idx)
        for child in node.children:
            if child.dep_ in _CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                continue  # another clause: its dates and places are its own
            stack.append(child)
    return offsets
