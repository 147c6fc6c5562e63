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
        return _act_named_before(ctx, token, usable) if parsed_doc(ctx) else None
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


# Nouns that name an act of violence again ("the blast", "this attack") and the words an
# earlier sentence tells such an act with, noun or verb ("a landmine blast", "shelled").
_ACT_NOUNS = frozenset(
    {"attack", "assault", "raid", "strike", "airstrike", "shelling", "bombing", "blast",
     "explosion", "ambush", "bombardment", "shooting"}
)  # fmt: skip
_ACT_VERBS = frozenset(
    {"shell", "bomb", "bombard", "explode", "attack", "ambush", "raid", "strike", "hit", "storm",
     "target"}
)  # fmt: skip
_ANAPHORIC = frozenset({"the", "this", "that"})
ACT_REACH = 400  # tokens back: the lead and a few paragraphs


def parsed_doc(ctx: DocContext) -> bool:
    return ctx.doc.has_annotation("DEP")


def _act_named_before(ctx: DocContext, token: Token, usable: list) -> Place | None:
    """The place of the act a definite noun of ``token``'s clause names again, told in an
    earlier paragraph: "... killed in Saturday's landmine blast near Dornapal. <new
    paragraph> Six people died in the blast" -- "the blast" (or "this attack") is the
    nearest earlier act told with the same word, noun or verb ("blast", "the camp was
    raided" for "the raid"), else the nearest earlier act of violence told with any such
    word ("shelled" for "the attack"); a day's possessive names an act again as "the"
    does ("Monday's attack"); an act named again by a definite noun whose
    phrase names no place is passed over, as it only names one told before it ("A drone
    strike hit a bus station in X. The strike came a day after fighters attacked a camp
    in Y.": "the strike" is X's), while "the shelling of a market in Uvira" tells its own. It happened where that act's clause says: a town or a division the text
    states, never one inferred from the article."""
    clause = clause_tokens(token) | {token.idx}
    sent = ctx.view.sent(token)
    nouns = [
        t
        for t in sent
        if t.idx in clause and t.pos_ == "NOUN" and t.lemma_.lower() in _ACT_NOUNS and _definite(t)
    ]
    if not nouns:
        return None
    zones = ctx.view.zones
    told = [
        t
        for t in ctx.doc[max(sent.start - ACT_REACH, 0) : sent.start]
        if _tells_act(t)
        and not (t.pos_ == "NOUN" and _definite(t) and not _placed(t, usable))
        # a headline sums the story up ("... claims post attack"): the act is the body's
        and zones.zone_of(t.idx) == "body"
    ]
    lemmas = {t.lemma_.lower() for t in nouns}
    same = [t for t in told if t.lemma_.lower() in lemmas]
    if not (same or told):
        return None
    earlier = (same or told)[-1]
    place = pick_place(ctx, earlier, usable, clause_tokens(earlier), ctx.usable_countries)
    if place is None or place.inferred or place.precision not in _STATED:
        return None  # the act named again, told with no place of its own
    return place


def _placed(noun: Token, usable: list) -> bool:
    """Whether the noun's own phrase names a place ("the shelling of a market in Uvira")."""
    start = min(t.idx for t in noun.subtree)
    last = max(noun.subtree, key=lambda t: t.idx)
    end = last.idx + len(last)
    return any(start <= pm.span.start < end for pm in usable)


def _definite(noun: Token) -> bool:
    """Whether the noun names a known act: "the blast", "this attack", or a day's
    possessive ("Monday's attack", "Sunday night's raid", "last week's shelling"), which
    names an act the story has told as surely as "the" does."""
    return any(
        (c.dep_ == "det" and c.lower_ in _ANAPHORIC)
        or (c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME"))
        for c in noun.children
    )


def _tells_act(t: Token) -> bool:
    """Whether ``t`` tells an act of violence: a noun of ``_ACT_NOUNS``, a verb of
    ``_ACT_VERBS``."""
    lemma = t.lemma_.lower()
    return (t.pos_ == "NOUN" and lemma in _ACT_NOUNS) or (t.pos_ == "VERB" and lemma in _ACT_VERBS)


_STATED = ("city", "point", "admin2", "admin1")


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
