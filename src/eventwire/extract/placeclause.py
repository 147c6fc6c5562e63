"""Which clause a place mention belongs to, read in the parse: where a speaker spoke
("said in Washington that ..."), another clause's subject ("the visit to Moscow occurred
after ..."), a statement's subject judging an act ("The government in Khartoum condemned
the raid"), a later clause's destination ("before they were chased into Uganda"). A
place in such a clause does not place the event :mod:`placechoice` chooses for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.model import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Token


def mention_root(ctx: DocContext, pm: PlaceMention) -> Token | None:
    """The syntactic head of the mention's words, when the document is parsed."""
    if not ctx.doc.has_annotation("DEP"):
        return None
    span = ctx.doc.char_span(pm.span.start, pm.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def _speech_verb(ctx: DocContext, pm: PlaceMention) -> Token | None:
    """The verb of speech whose clause the mention lies in, if it is one ("said in
    Washington", "told reporters in Geneva")."""
    node = mention_root(ctx, pm)
    while node is not None and node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    speech = (
        node is not None
        and node.pos_ in ("VERB", "AUX")
        and node.lemma_.lower() in ctx.resources.place_words.statement_verbs
    )
    return node if speech else None


def speakers_place(ctx: DocContext, pm: PlaceMention, clause: set[int]) -> bool:
    """True when the mention hangs from a statement verb outside ``clause``: the place a
    speaker spoke in ("said in Washington that ...", "told reporters in Geneva"); a place
    set before the sentence's speaker sets the scene of all it tells ("In northern Gaza,
    health officials reported that troops had raided a hospital")."""
    verb = _speech_verb(ctx, pm) if clause else None
    return (
        verb is not None
        and verb.idx not in clause
        and pm.span.start > verb.idx
        and not _in_object(ctx, pm, verb)
    )


def _in_object(ctx: DocContext, pm: PlaceMention, verb: Token) -> bool:
    """Whether the mention lies in the object of the statement ``verb`` ("condemned the
    raid on a camp near Nyala"): what the statement is about, not where it was made. Not
    an object naming people, the statement's listeners ("told reporters in Geneva")."""
    node = mention_root(ctx, pm)
    while node is not None and node.head.i != verb.i and node.head.i != node.i:
        node = node.head
    return (
        node is not None
        and node.head.i == verb.i
        and node.dep_ in ("dobj", "nsubjpass")
        and node.lemma_.lower() not in ctx.resources.count_words.people
    )


def speaks_from(ctx: DocContext, pm: PlaceMention) -> bool:
    """True when the mention is where someone spoke ("the minister said in Washington"):
    the place of that statement, which a later sentence's event does not carry on in."""
    return _speech_verb(ctx, pm) is not None


def in_other_subject(ctx: DocContext, pm: PlaceMention, clause: set[int]) -> bool:
    """True when the mention lies in the subject of a verb outside ``clause``."""
    place = node = mention_root(ctx, pm) if clause else None
    while node is not None and node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        verb = node.head
        if node.dep_ in ("nsubj", "nsubjpass") and verb.idx not in clause:
            if place is not None and _subject_sets_scene(ctx, verb, node, clause, place):
                return False
            # verbs joined by "and" share their subject ("people in Aden cut roads and
            # burned tyres"), unless the clause's verb has its own ("the offensive began
            # with an assault on the bases, and the government in Tripoli called it a
            # coup": the assault was not in Tripoli)
            return not (
                verb.dep_ == "conj" and verb.head.idx in clause and not _own_subject(verb.head)
            ) and not any(
                t.dep_ == "conj" and t.idx in clause and not _own_subject(t) for t in verb.children
            )
        node = verb
    return False


# The prepositions that put a subject's people or things at a place: "Families in X",
# "the garrison at X", "Residents of X" (the last only for people who live there): not
# "the envoy's visit to X", "the convoy from X" (where it went or came from).
_AT_PLACE = frozenset({"in", "at", "inside", "near", "around"})


def _subject_sets_scene(
    ctx: DocContext, verb: Token, subject: Token, clause: set[int], place: Token
) -> bool:
    """Whether ``place``, inside the subject of ``verb`` (a locative in the subject's noun
    phrase: "Families in X", "Residents of X"), places ``clause``, a clause hanging from
    ``verb``: an adverbial clause of an act ("Families in X fled as shells hit the
    market": the market in X), or what people who are there report ("Residents of X
    said militias looted the market"); not what a speaker reports from afar, and not a
    place the subject only goes to or comes from ("The envoy's visit to X ended before
    the militia captured the port": the port is not in X)."""
    below = [c for c in verb.children if c.idx in clause]
    prep = place.head.lower_ if place.dep_ == "pobj" else ""
    words = ctx.resources.place_words
    people = subject.lemma_.lower() in words.people_there
    if not below or not (prep in _AT_PLACE or (prep == "of" and people)):
        return False
    speech = verb.lemma_.lower() in words.statement_verbs
    if below[0].dep_ == "advcl":
        return not speech
    return below[0].dep_ == "ccomp" and speech and people


def reported_by(ctx: DocContext, token: Token) -> Token | None:
    """The verb of a judgement on an act (``reporting_verbs``) whose object, or object's
    phrase, is ``token``'s act: "condemned the raid", "blamed the rebels for the
    attack", "the raid was condemned by ...", "denied the killing of ..."; None when
    ``token`` heads a clause of its own ("said gunmen raided a camp": the raid's clause
    is its own) or the verb above it passes no judgement ("sources in Taiz reported
    clashes", "the police in X announced a strike": the speaker is there)."""
    if not token.doc.has_annotation("DEP"):
        return None
    node = token
    if node.pos_ in ("VERB", "AUX"):
        if node.dep_ not in ("dobj", "pobj", "nsubjpass"):
            return None  # a clause of its own
        node = node.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    verbs = ctx.resources.place_words.reporting_verbs
    if node.i == token.i or node.pos_ != "VERB" or node.lemma_.lower() not in verbs:
        return None
    return node


def places_reported_act(ctx: DocContext, pm: PlaceMention, act: Token, verb: Token) -> bool:
    """Whether ``pm`` may place ``act``, an act a statement ``verb`` reports ("The
    government in Khartoum condemned the raid on a camp near Nyala"): not a place in the
    statement's subject ("the government in Khartoum"), unless the subject is people who
    are there ("Residents of Kassala reported an attack"), nor in the agent of a passive
    one ("condemned by the governor in Khartoum"), nor one another verb governs ("in a
    statement issued in Khartoum"); a place in the act's own phrase, or one the statement
    verb governs ("fighting was reported in Kassala"), places it."""
    root = mention_root(ctx, pm)
    if root is None or act.left_edge.i <= root.i <= act.right_edge.i:
        return True
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent") and child.left_edge.i <= root.i <= child.right_edge.i:
            people = ctx.resources.place_words.people_there
            return child.dep_ == "nsubj" and child.lemma_.lower() in people
    node = root
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node.i == verb.i


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


# Conjunctions that open a clause of a later time than its governing clause's; not
# "after" or "since", which as often give the act a consequence follows ("three people
# died after Russia attacked Kyiv": in Kyiv).
_OTHER_TIME = frozenset(["before", "until", "till"])


# A movement's destination: "driven back into Chad", "fled to Niger".
_DESTINATION = re.compile(r"\b(?:into|to|towards?)\s+(?:the\s+)?$")


def in_other_time(ctx: DocContext, pm: PlaceMention, clause: set[int]) -> bool:
    """True when the mention is where a movement went in a clause of a later time than
    ``clause``: "the rebels seized the hills in 2012 before they were chased into Uganda"
    (the hills were not in Uganda), "gunmen looted the depot until soldiers chased them
    into Chad". A place where the later clause happens stays: "troops defused the bomb
    before it exploded in Rutba" (the bomb was in Rutba)."""
    if not _DESTINATION.search(ctx.text[max(0, pm.span.start - 14) : pm.span.start]):
        return False
    node = mention_root(ctx, pm) if clause else None
    while node is not None and node.head.i != node.i and node.idx not in clause:
        if node.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "mark" and c.lower_ in _OTHER_TIME for c in node.children
        ):
            return True
        node = node.head
    return False
