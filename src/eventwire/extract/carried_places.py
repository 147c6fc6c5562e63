"""A place carried over to an event whose sentence names none: the town or division the
last earlier sentence of the paragraph that named places is about ("Militants attacked a
checkpoint in Derna. Two soldiers were killed."), not where a speaker spoke, not a place
abroad from further back than the sentence just before (:func:`_abroad_from_afar`), and
not onto a summary told in the present further on (:func:`_summed_up`).
:func:`eventwire.extract.anchor.place_for` asks for it when the clause has no place.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from eventwire.extract.carried_days import paragraph_before, told_in_past
from eventwire.extract.context import DocContext
from eventwire.extract.placechoice import pick_place
from eventwire.extract.placeclause import reported_by, speaks_from
from eventwire.extract.placeinferred import top_country
from eventwire.extract.timex_anchors import clause_tokens, clause_verb
from eventwire.model import Place, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def earlier_place(ctx: DocContext, token: Token, usable: list) -> Place | None:
    """With no place in ``token``'s sentence, the town or division the last earlier sentence
    of its paragraph that gave places is about ("Militants attacked a checkpoint in Derna.
    Two soldiers were killed."), as a story goes on in the day it gave last; not for a
    summary or a state of things told further on (:func:`_summed_up`)."""
    sent = ctx.view.sent(token)
    if reported_by(ctx, token) is None and any(
        sent.start_char <= pm.span.start < sent.end_char for pm in usable
    ):
        # the sentence names places, just none for this clause; but an act a statement
        # reports ("the government in Khartoum condemned the raid") goes on where the
        # story told it
        return None
    paragraph, _start = paragraph_before(ctx, sent)
    before = [pm for pm in usable if paragraph < pm.span.start < sent.start_char]
    spoke = ctx.speaker_places  # asked once per place mention of the document
    for pm in before:
        if id(pm) not in spoke:
            spoke[id(pm)] = speaks_from(ctx, pm)
    speakers = {id(pm) for pm in before if spoke[id(pm)]}  # not where one spoke
    before = [pm for pm in before if id(pm) not in speakers]
    if not before:
        return None
    usable = [pm for pm in usable if id(pm) not in speakers]
    # the document's count less the places where someone spoke
    countries = ctx.usable_countries - Counter(
        pm.place.country for pm in before if id(pm) in speakers and pm.place is not None
    )
    last = ctx.doc.char_span(before[-1].span.start, before[-1].span.end, alignment_mode="expand")
    if last is None:
        return None
    root = ctx.view.span_sent(last).root
    parsed = ctx.doc.has_annotation("DEP")
    clause = clause_tokens(root) if parsed else set()
    place = pick_place(ctx, root, usable, clause, countries)
    if place is not None and _abroad_from_afar(ctx, sent, before[-1], place, countries):
        return None
    if place is not None and parsed and _summed_up(ctx, token, sent, before[-1]):
        return None  # "Kenya has sent two planes.": no act of the scene told before
    # a sea or a country says no more than the article's one country would
    return (
        place
        if place is not None and place.precision in ("city", "point", "admin2", "admin1")
        else None
    )


def _summed_up(ctx: DocContext, token: Token, sent: Span, last: PlaceMention) -> bool:
    """Whether the act at ``token`` is told in the present or the present perfect (not
    the narrative past, see :func:`_told_in_past`) further on than the sentence right
    after the one that named the place ``last``: "Jets bombed a bridge in Kasese. <...>
    Kenya has sent two planes.", "the army has continued its raids", "the valley is a
    smuggling route": a summary or a state of things, no act of the scene. Right after the
    scene the present perfect still goes on with it ("A bomb went off in Kasese. Five
    people have been killed.")."""
    if told_in_past(_finite_verb(clause_verb(token))):
        return False
    return ctx.view.sent_no(sent.start) - ctx.view.sent_at_char(last.span.start) > 1


def _finite_verb(verb: Token) -> Token:
    """The verb that gives ``verb`` its tense: ``verb`` itself, or for an infinitive or a
    participle without auxiliaries ("queued waiting to buy bread", "a raid launched on
    Sunday"), the verb it hangs from."""
    for _ in range(4):
        bare = verb.tag_ in ("VB", "VBG", "VBN") and not any(
            c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in verb.children
        )
        if not bare or verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX"):
            return verb
        verb = verb.head
    return verb


def _abroad_from_afar(
    ctx: DocContext, sent: Span, last: PlaceMention, place: Place, countries: Counter
) -> bool:
    """Whether a place outside the country the article names most would carry over from
    further back than the sentence just before. A story about one country names places
    abroad for what happens beside it (a reporter "based in Nairobi", jets "flying from a
    base in Cyprus", talks "held in Geneva"); the next sentence may go on there ("Talks
    opened in Geneva. They ended at noon."), a sentence further on is back in the story's
    country (its clause takes the inferred country instead), most of all in text that
    comes one sentence a line with no blank line between paragraphs."""
    if not countries or place.country is None:
        return False
    main, _n = top_country(countries)
    if main is None or place.country == main:
        return False
    return ctx.view.sent_no(sent.start) - ctx.view.sent_at_char(last.span.start) > 1
