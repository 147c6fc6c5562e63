"""The sides of a relation-bearing act that its own phrase leaves open or misreads.

An act that carries a relation (a fight, a backing, a meeting) is read with the doer and
the target its own clause or noun names. Eight constructions of everyday English leave a
side to be read elsewhere, or make a place or an act's target a side:

* the doer of an act named inside another verb's clause is that verb's subject:
  "the envoy flew to Accra for talks with X" (the envoy talks), "the minister attended a
  meeting of X" (the minister meets), "after years of arming X, Y changed course" (Y armed
  X); see :func:`governing_subject`;
* a relative clause gives its antecedent the role its gap leaves open: "the fighters
  the army killed", "the fighters that X said it had killed" (the fighters were hit),
  "the Front, which started its offensive at dawn" (the Front did it); see
  :func:`relative_gap`;
* a place named by "in" after the act's noun (or after the noun a fight is aimed at) is
  where it happened, not a side: "a meeting in Lisbon", "fighting in northern Chad", "a
  rocket attack in Kosti", "a strike on a house in Kosti" (see :func:`placed_in`; a country
  named bare after "in" is read as a place earlier, by the actor pass);
* the troops or arms a sending act names are what is sent, not a side: "deployed its
  troops", "sent in thousands of soldiers to X" (X, if anyone), "the deployment of attack
  helicopters" (see :func:`thing_sent`);
* the holder of a place an act is aimed at, named in a hyphenated modifier, is its
  target: "attacked army-held positions", "a raid on a rebel-controlled town" (as
  "positions held by X" already is; see :func:`hyphenated_holder`);
* the owner of a noun of will, capacity or record does the act the noun governs: "Chad's
  decision to arm X", "Chad has a record of arming X" (see
  :func:`eventwire.extract.actowners.governing_noun`);
* a stance on an act is against the act's doer, not its target: "condemned the killing of
  civilians by the army" (see :func:`eventwire.extract.actowners.stance_act`);
* an act noun's own modifier names a side: "a Velmar-led offensive" (Velmar does it),
  "anti-Karlov protests" (aimed at Karlov; see :mod:`eventwire.extract.stances`).

Each pass takes the events with their trigger tokens and returns new events.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.actowners import STANCE, governing_noun, noun_owners, stance_act
from eventwire.extract.clausechain import RELATIVE_PRONOUNS
from eventwire.extract.eventroles import (
    HOLDING_PARTICIPLES,
    LIGHT_VERBS,
    SENDING_VERBS,
    SENT_THINGS,
    TARGET_PREPS,
    TIME_ENTS,
    TRAVEL_VERBS,
    negated_verb,
    verb_lemma,
)
from eventwire.extract.modality import PRIORITY, modality_of
from eventwire.extract.notactors import REGION_ADJECTIVES
from eventwire.extract.stances import leader_of_act, side_filler, stance_of_act
from eventwire.knowledge.ontology import Ontology
from eventwire.model import EventMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.actorspans import Filler, MentionIndex
    from eventwire.extract.docview import DocView

# Relations whose acts get an open doer from the governing verb, or lose a place side.
SIDED_RELATIONS = frozenset({"fight", "support", "meet", "cooperate"})
# Acts whose leader is a side: "a Velmar-led offensive" (talks led by a mediator are not).
LED_RELATIONS = frozenset({"fight", "support"})
# Acts of protest, aimed at whom a stance prefix names ("anti-Karlov protests").
PROTEST_TYPES = frozenset({"PROTEST"})
# Verbs whose subject takes part in the act their object names: "attended a meeting of X",
# "joined the offensive against X", "entered (opened) talks with X".
JOINING_VERBS = frozenset({"attend", "join", "enter", "open"})
# Prepositions by which a gerund tells what the subject of the clause did, before, after
# or by the clause's own act: "after arming X, Y ...", "by backing X, Y ..." ("without" is
# a negation; "for", "of" after a charging verb name an accusation, not the subject's act).
GERUND_PREPS = frozenset({"after", "before", "by", "since", "through", "while", "in"})
# Spans of time a gerund may hang on: "after years (decades) of backing X".
TIME_NOUNS = frozenset({"year", "decade", "month", "week", "day", "period"})
# A place named after "in" is where an act happened.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words naming a part of a place: "in northern Chad", "in the east of" is read elsewhere.
PLACE_PARTS = (REGION_ADJECTIVES - {"mainland", "rural"}) | {"north", "south", "east", "west"}
# Meetings held with someone, for whom a capital or a country after "in" may stand.
TALK_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "consultation",
                        "consultations"})  # fmt: skip
# Acts whose "in" may name their side: "an intervention in X" is aimed at X's government.
AIMED_IN = frozenset({"intervention", "intervene", "interference", "interfere", "involvement",
                      "meddling", "meddle", "incursion"})  # fmt: skip


def governing_subject(trigger: Token) -> Token | None:
    """The active subject of the verb that governs an act named inside its clause:

    * a noun after "for" on a verb of travel: "flew to Accra for talks with X", "arrived
      for two days of talks";
    * a noun object of a verb of joining: "attended a meeting of X", "joined the offensive";
    * a gerund after a preposition of time or means on the verb: "after (years of) arming
      X, Y ...", "by backing X, Y ...".

    None when the governing verb is negated, passive or has no subject of its own."""
    verb = _governing_verb(trigger)
    if verb is None or negated_verb(verb) or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
        return verb.head if verb.dep_ == "relcl" else None  # "X, which joined the war on Y"
    return subject


def _governing_verb(trigger: Token) -> Token | None:
    if trigger.pos_ == "NOUN":
        if trigger.dep_ == "dobj" and verb_lemma(trigger.head) in JOINING_VERBS:
            return trigger.head
        word = trigger
        if word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.pos_ == "NOUN":
            word = word.head.head  # "for two days of talks"
        prep = word.head if word.dep_ == "pobj" else None
        if prep is not None and prep.lower_ == "for" and verb_lemma(prep.head) in TRAVEL_VERBS:
            return prep.head
        return None
    if trigger.tag_ != "VBG" or trigger.dep_ != "pcomp":
        return None
    if any(c.dep_ in ("nsubj", "poss") for c in trigger.children):
        return None  # "after Iran's arming of X", "since X began arming Y": its own doer
    prep = trigger.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in TIME_NOUNS:
        years = prep.head  # "after years of backing X"
        prep = years.head if years.dep_ == "pobj" else prep
    if prep.dep_ != "prep" or prep.lower_ not in GERUND_PREPS:
        return None
    verb = prep.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def relative_gap(trigger: Token) -> tuple[str, Token, Token | None] | None:
    """The role a relative clause's antecedent fills in the act the clause tells, with the
    clause's own subject:

    * ("target", antecedent, subject) for an object gap: "the fighters (that) the army
      killed", "the fighters the Front said it had killed" (a verb with a subject of its
      own and no object);
    * ("source", antecedent, None) for a subject gap the event reader left open: "the
      Front, which started its offensive at dawn" (the relative pronoun subject of the
      act's verb, or of the light verb whose object names the act). A subject gap under
      a clause of saying ("X, which witnesses said had ambushed Y") is left to the
      claim's own reading.

    None for any other act."""
    verb = trigger
    if trigger.pos_ == "NOUN":
        if trigger.dep_ != "dobj" or verb_lemma(trigger.head) not in LIGHT_VERBS:
            return None
        verb = trigger.head
    if verb.pos_ != "VERB":
        return None
    relative = verb
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl":
        relative = verb.head  # "the fighters that X said it had killed": the saying's clause
    if relative.dep_ != "relcl" or relative.head.pos_ not in ("NOUN", "PROPN"):
        return None
    antecedent = relative.head
    if antecedent.ent_type_ in TIME_ENTS:
        return None  # a dateline run into the sentence: "Fri Jun 10 ... forces shot ..."
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
        if subject.dep_ != "nsubj" or relative is not verb:
            return None  # "X, which witnesses said had ...": their claim, not told here
        return "source", antecedent, None
    if trigger is not verb or subject is None or subject.dep_ != "nsubj":
        return None
    if any(
        c.dep_ in ("dobj", "dative") and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children
    ):
        return None  # "the town the army shelled the rebels in": the gap is no object
    if any(c.tag_ == "WRB" for c in relative.children):
        return None  # "Libya, where rebels captured ...": a place or time, no gap
    if any(c.dep_ == "conj" and any(o.dep_ == "dobj" for o in c.children) for c in verb.children):
        return None  # "captured and killed Y": the object is shared, no gap
    return "target", antecedent, subject


def placed_in(trigger: Token, side: Token, relation: str, index: MentionIndex) -> bool:
    """Whether ``side`` is a place named by "in" after the act's noun: the venue of a
    meeting ("a meeting in Lisbon", "a summit in Accra"), a part of a country where
    fighting goes on ("fighting in northern Chad", "an offensive in eastern Mali").
    Talks held in a capital or a country with no one else named are talks with its
    government ("returned from talks in Lisbon") and "an intervention in X" is aimed at
    X: these are kept. (A country named bare after "in", as in "the war in X", is
    already a place, not a mention, by :func:`eventwire.extract.locatives.locative_country`.)"""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() in AIMED_IN:
        return False
    if side.dep_ != "pobj" or side.head.lower_ != "in":
        return False
    on = side.head.head
    if on.i != trigger.i and not (relation == "fight" and _aimed_at(trigger, on)):
        return False
    mention = index.covering(side)
    if mention is None or mention.label not in PLACE_LABELS:
        return False
    if relation == "meet":
        talks = trigger.lemma_.lower() in TALK_NOUNS or trigger.lower_ in TALK_NOUNS
        return not talks or counterpart(trigger) is not None
    # a country named bare is a place already; what is left is a part of one ("fighting in
    # northern Chad") or a town ("a rocket attack in Kosti", "an operation in Kosti")
    return relation == "fight"


def _aimed_at(trigger: Token, noun: Token) -> bool:
    """Whether ``noun`` is what an act noun is aimed at: "an attack on a house" (house)."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in TARGET_PREPS and prep.head.i == trigger.i


def counterpart(trigger: Token) -> Token | None:
    """The one a meeting is held with: "talks in Lisbon with X" (X)."""
    return next((p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"
                 for p in c.children if p.dep_ == "pobj"), None)  # fmt: skip


# Crafts and men a sending act sends, beside the people and arms sent to help.
SENT_CRAFT = frozenset({"helicopter", "warplane", "plane", "warship", "ship", "vessel",
                        "vehicle", "gun", "rocket", "man"})  # fmt: skip
# Nouns of sending whose "of" names what is sent: "the deployment of attack helicopters".
SENDING_NOUNS = frozenset({"deployment", "delivery", "shipment", "dispatch", "supply",
                           "airlift", "transfer"})  # fmt: skip


def thing_sent(trigger: Token, side: Token) -> bool:
    """Whether ``side`` is the people under arms or the arms a sending act sends, its
    object (or passive subject, or the "of" of its noun): "moved armour and soldiers north",
    "no soldiers would ever be deployed", "the deployment of attack helicopters" -- a thing sent,
    never the one helped."""
    if side.lemma_.lower() not in SENT_THINGS | SENT_CRAFT:
        return False
    if trigger.pos_ == "VERB" and verb_lemma(trigger) in SENDING_VERBS:
        own = side.head.i == trigger.i and side.dep_ in ("dobj", "nsubjpass")
        joined = side.dep_ == "conj" and side.head.head.i == trigger.i  # "armour and troops"
        return own or joined
    if trigger.pos_ == "NOUN" and trigger.lemma_.lower() in SENDING_NOUNS:
        return side.dep_ == "pobj" and side.head.lower_ == "of" and side.head.head.i == trigger.i
    return False


def receiver(trigger: Token) -> Token | None:
    """The one a sending verb sends to: "sent troops to X" (X)."""
    if trigger.pos_ != "VERB":
        return None
    return next((p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "to"
                 for p in c.children if p.dep_ == "pobj"), None)  # fmt: skip


def hyphenated_holder(trigger: Token) -> Token | None:
    """The holder named before the hyphen of the place an act is aimed at: "attacked
    army-held positions", "shelled the rebel-controlled town", "a strike on an
    opposition-run hospital" (the army, the rebels, the opposition)."""
    places = [c for c in trigger.children if c.dep_ == "dobj"]
    places += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
               for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    for place in places:
        for word in place.children:
            if word.dep_ not in ("amod", "compound") or word.tag_ != "VBN" or word.i < 2:
                continue
            if verb_lemma(word) not in HOLDING_PARTICIPLES or word.nbor(-1).text != "-":
                continue
            holder = word.nbor(-2)
            if holder.head.i == word.i or holder.head.i == place.i:
                return holder
    return None


def open_sides_filled(
    view: DocView,
    events: list[EventMention],
    trigger_at: list[int],
    onto: Ontology,
    index: MentionIndex,
) -> list[EventMention]:
    """Events whose doer the governing verb's subject gives (:func:`governing_subject`),
    whose target holds the place aimed at (:func:`hyphenated_holder`) and whose place was
    read as a side (:func:`placed_in`)."""
    doc, out = view.doc, []
    acts = dict(zip(trigger_at, events, strict=True))
    for e, i in zip(events, trigger_at, strict=True):
        et = onto.types.get(e.type)
        if et is not None:
            e = _stance_sides(e, doc[i], et.relation[0] if et.relation else None, index)
        if et is not None and et.relation is not None and et.relation[0] == STANCE:
            out.append(_stance_retargeted(e, doc[i], view, acts))
            continue
        if et is None or et.relation is None or et.relation[0] not in SIDED_RELATIONS:
            out.append(e)
            continue
        trigger = doc[i]
        side = _token_of(view, e.target) if e.target is not None else None
        if side is not None and placed_in(trigger, side, et.relation[0], index):
            e = replace(e, target=None, qualifiers=_without(e.qualifiers, "target_"))
            other = next(iter(index.fillers(counterpart(trigger))), None)
            if other is not None and other.span != e.source:  # "talks in Lisbon with X"
                quals = (*e.qualifiers, *(f"target_{q}" for q in other.qualifiers))
                e = replace(e, target=other.span, qualifiers=tuple(dict.fromkeys(quals)))
        side = _token_of(view, e.target) if e.target is not None else None
        if et.relation[0] == "support" and side is not None and thing_sent(trigger, side):
            e = replace(e, target=None, qualifiers=_without(e.qualifiers, "target_"))
            to = next(iter(index.fillers(receiver(trigger))), None)
            if to is not None and to.span != e.source:  # "sent troops to X": X
                quals = (*e.qualifiers, *(f"target_{q}" for q in to.qualifiers))
                e = replace(e, target=to.span, qualifiers=tuple(dict.fromkeys(quals)))
        if e.target is None and (holder := hyphenated_holder(trigger)) is not None:
            held = index.agent_in_name(holder)
            if held is not None and held.span != e.source:
                quals = (*e.qualifiers, *(f"target_{q}" for q in held.qualifiers))
                e = replace(e, target=held.span, qualifiers=tuple(dict.fromkeys(quals)))
        if (gap := relative_gap(trigger)) is not None:
            e = _gap_filled(e, gap, index)
        if e.source is None and (subject := governing_subject(trigger)) is not None:
            doer = next((f for f in index.fillers(subject) if f.span != e.target), None)
            if doer is not None:
                e = replace(e, source=doer.span, qualifiers=_with_kinds(e.qualifiers, doer))
        if e.source is None and (noun := governing_noun(trigger)) is not None:
            e = _owner_filled(e, noun, index)
        out.append(e)
    return out


def _stance_sides(
    e: EventMention, trigger: Token, relation: str | None, index: MentionIndex
) -> EventMention:
    """An act noun's open sides from its own modifiers (:mod:`~eventwire.extract.stances`):
    its leader before "-led" does it ("a Velmar-led offensive"), and a stance against a
    side aims a protest or a stance act at it ("anti-Karlov protests")."""
    if e.source is None and relation in LED_RELATIONS and (lead := leader_of_act(trigger)):
        doer = side_filler(index.ctx, index, lead)
        if doer is not None and doer.span != e.target:
            e = replace(e, source=doer.span, qualifiers=_with_kinds(e.qualifiers, doer))
    aimed = relation == STANCE or e.type in PROTEST_TYPES
    if e.target is None and aimed and (against := stance_of_act(trigger)):
        side = side_filler(index.ctx, index, against)
        if side is not None and side.span != e.source:
            quals = (*e.qualifiers, *(f"target_{q}" for q in side.qualifiers))
            e = replace(e, target=side.span, qualifiers=tuple(dict.fromkeys(quals)))
    return e


def _stance_retargeted(
    e: EventMention, trigger: Token, view: DocView, acts: dict[int, EventMention]
) -> EventMention:
    """The stance event with the act's doer as its target in place of a side named inside
    the act (:func:`stance_act`); with no doer named, no target."""
    side = _token_of(view, e.target) if e.target is not None else None
    if side is None or (act := stance_act(trigger, side, acts)) is None:
        return e
    doer = acts[act.i].source
    if doer is not None and doer == e.source:
        return e  # the stance's own act named by its noun: "lodged a complaint against Y"
    quals = _without(e.qualifiers, "target_")
    if doer is None:
        return replace(e, target=None, qualifiers=quals)
    kinds = (
        f"target_{q[len('source_') :]}" for q in acts[act.i].qualifiers if q.startswith("source_")
    )
    return replace(e, target=doer, qualifiers=tuple(dict.fromkeys((*quals, *kinds))))


def _owner_filled(e: EventMention, noun: Token, index: MentionIndex) -> EventMention:
    """The event with the governing noun's owner as its doer (:func:`noun_owners`), told as
    the noun's clause tells it: "Chad denied any role in arming X" is denied."""
    for owner in noun_owners(noun):
        doer = index.filler(owner)
        if doer is None or doer.span == e.target:
            continue
        if owner.pos_ != "PRON" and not doer.span.start <= owner.idx < doer.span.end:
            continue  # "X's captors had a plan to kill": not X, who owns no mention here
        e = replace(e, source=doer.span, qualifiers=_with_kinds(e.qualifiers, doer))
        negated, modality = modality_of(noun)
        if PRIORITY.index(modality) < PRIORITY.index(e.modality):
            e = replace(e, negated=negated, modality=modality)
        return e
    return e


def _gap_filled(
    e: EventMention, gap: tuple[str, Token, Token | None], index: MentionIndex
) -> EventMention:
    """The event with the antecedent in the role its relative clause leaves open; an
    object gap's subject, read as the victim of a verb told headline-style ("the army
    killed" as "the army was killed"), is the doer."""
    role, antecedent, subject = gap
    other = index.filler(antecedent)  # the antecedent's own mention, not one hung on it
    if other is None or not other.span.start <= antecedent.idx < other.span.end:
        return e
    if role == "source":
        if e.source is not None or other.span == e.target:
            return e
        return replace(e, source=other.span, qualifiers=_with_kinds(e.qualifiers, other))
    doer = index.fillers(subject)
    if e.source is None and doer and e.target == doer[0].span:
        kinds = _with_kinds(_without(e.qualifiers, "target_"), doer[0])
        e = replace(e, source=doer[0].span, target=None, qualifiers=kinds)
    if e.target is not None or other.span == e.source:
        return e
    quals = (*e.qualifiers, *(f"target_{q}" for q in other.qualifiers))
    return replace(e, target=other.span, qualifiers=tuple(dict.fromkeys(quals)))


def _token_of(view: DocView, span: Span) -> Token | None:
    """The head word of a side's span (the word the parse hangs the span on)."""
    words = view.doc.char_span(span.start, span.end, alignment_mode="expand")
    return words.root if words is not None else None


def _without(qualifiers: tuple[str, ...], prefix: str) -> tuple[str, ...]:
    return tuple(q for q in qualifiers if not q.startswith(prefix))


def _with_kinds(qualifiers: tuple[str, ...], doer: Filler) -> tuple[str, ...]:
    """The doer's kinds as the event reader marks them ("source_state", "forces")."""
    kinds = [f"source_{q}" if q != "forces" else "forces" for q in doer.qualifiers]
    return tuple(dict.fromkeys((*qualifiers, *kinds)))
