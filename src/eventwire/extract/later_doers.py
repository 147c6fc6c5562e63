"""Doers of an act named in a later sentence that tells no new act of its own.

A story often tells an act with its doer unnamed ("Gunmen attacked a bakery, killing
six") and names the doer sentences later, in one of these constructions:

* membership of the unnamed doers: "Detectives think the gunmen were part of a cell of X",
  "the suspects are (said to be) members of X";
* the act's victims as the object of a named doer: "Investigators believe the victims
  were targeted by X";
* a body saying it did such an act, told with a pronoun: "X said on its channel that it
  had attacked the base";
* a claim of an act its noun names with no trigger of its own: "X claimed the launch";
* an accusation naming no act told after the attacked side's reply: "Gunmen ambushed a
  patrol ... The soldiers returned fire ... The army blamed X" (the reply is no act the
  accused did: the blame reaches back past it to the ambush);
* the sides of a fight told again by a definite noun of fighting that names both: "Four
  people were killed when fighters of two militias battled each other ... The fighting
  pitted X against Y" (also "the clashes were between X and Y"): X, the first side, did
  the acts told before with no named doer;
* the holder of the ground fire came from, named in a later sentence that points back to
  that ground: "The shells came from Kimoka hill ... X fighters have held that hill since
  May" (as "shells fired from a hill held by X" is read in the act's own sentence);
* the doers of the article's act told again by a definite noun for attackers: "Gunmen of
  the X group stormed the village on Monday. The attackers burned ten houses" -- "the
  attackers" did what the article's doer did (:func:`attackers_named`).

The named body becomes the doer of the earlier act, and of the acts told with it whose
doer was unnamed (:func:`eventwire.extract.eventlinks.name_doer`). Membership and the
victims' attacker are what someone else says of the doer: the role is alleged
(``source_alleged``); a claim or a body's own account is the body's word about itself.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.docview import DocView
from eventwire.extract.eventlinks import (
    BLAME_REACH,
    BLAME_VERBS,
    SAYING_VERBS,
    SELF_PRONOUNS,
    SOURCE_ALLEGED,
    acts_before,
    is_unnamed,
    name_doer,
    same_day,
)
from eventwire.extract.eventroles import negated_verb
from eventwire.extract.modality import PHRASE_MODALITIES
from eventwire.knowledge.ontology import Ontology
from eventwire.model import EventMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.extract.actorspans import MentionIndex

# Nouns for the unnamed people who did an act, as the subject of a membership clause.
DOER_NOUNS = frozenset({"gunman", "attacker", "assailant", "suspect", "killer", "bomber",
                        "shooter", "raider", "perpetrator", "militant", "culprit"})  # fmt: skip
# Parts of a body one belongs to: "a cell of X", "members of X".
PART_NOUNS = frozenset({"member", "cell", "faction", "unit", "wing", "branch", "part",
                        "fighter", "gang", "group"})  # fmt: skip
# Nouns for those an act was done to, as the object of a later act by a named doer.
VICTIM_NOUNS = frozenset({"victim", "dead", "deceased"})
# Nouns a claim names an act by with no trigger of its own: "claimed the launch".
CLAIMED_ACT_NOUNS = frozenset({"launch", "operation", "killing", "blast", "explosion",
                               "ambush", "attack", "strike", "bombing", "shooting"})  # fmt: skip
# Sentences back from a membership clause to the act it names: the first few paragraphs.
MEMBERSHIP_REACH = 10
# Nouns of two-sided fighting told again with a definite determiner: "the fighting pitted X
# against Y", "the clashes were between X and Y".
FIGHTING_NOUNS = frozenset({"fighting", "fight", "clash", "battle", "gunfight", "firefight",
                            "skirmish", "shootout", "confrontation", "hostility"})  # fmt: skip
# Determiners by which a noun tells again an act told before.
TOLD_AGAIN = frozenset({"the", "this", "these", "that", "those"})
# Sentences back from the definite noun of fighting to the acts it tells again.
FIGHT_REACH = 3
# Verbs of holding ground: "X have held that hill", "X controls the ridge".
HOLDING_VERBS = frozenset({"hold", "control", "occupy"})
# Determiners by which the ground held points back to the ground told before.
POINTING_BACK = frozenset({"that", "this", "the", "those", "these"})
# Sentences back from the holding clause to the sentence naming the ground fired from.
GROUND_REACH = 2


def doers_named_later(
    view: DocView,
    events: list[EventMention],
    trigger_at: list[int],
    onto: Ontology,
    index: MentionIndex,
) -> list[EventMention]:
    """The events with the doers later sentences name for them (see the module doc)."""
    out = list(events)
    violent = onto.violent_types
    for tok in view.tokens:
        found = _membership(tok, index)
        if found is None:
            continue
        subject, body = found
        upto = sum(1 for i in trigger_at if i < tok.i)
        acts = _acts_of(view, out, trigger_at, tok, subject, onto)
        name_doer(view, out, trigger_at, acts, body, onto, upto, SOURCE_ALLEGED)
    for k, (e, i) in enumerate(zip(events, trigger_at, strict=True)):
        verb = view.doc[i]
        if e.type not in violent or e.negated:
            continue
        named = None if is_unnamed(view, e.source, onto) else e.source
        if named is not None and _on_the_victims(verb):
            acts = _acts_of(view, out, trigger_at, verb, None, onto)
            mark = SOURCE_ALLEGED if e.modality == "alleged" else None
            name_doer(view, out, trigger_at, acts, named, onto, k, mark)
        elif (speaker := _told_by_itself(verb, index)) is not None:
            before = [j for j in acts_before(view, out, trigger_at, i, {e.type})
                      if same_day(out[j], e)]  # fmt: skip
            name_doer(view, out, trigger_at, before, speaker, onto, k)
    for k, (e, i) in enumerate(zip(events, trigger_at, strict=True)):
        if (e.lemma in BLAME_VERBS and e.target is not None and not e.negated
                and not is_unnamed(view, e.target, onto) and _names_no_act(view.doc[i])):  # fmt: skip
            here = view.sent_no(i)
            before = [j for j in acts_before(view, out, trigger_at, i, violent)
                      if here - view.sent_no(trigger_at[j]) <= BLAME_REACH]  # fmt: skip
            if before and _reply(view.doc[trigger_at[before[-1]]]):
                before = [j for j in before if not _reply(view.doc[trigger_at[j]])]
                name_doer(view, out, trigger_at, before, e.target, onto, k, SOURCE_ALLEGED)
    for tok in view.tokens:
        claimant = _claim_of_untold_act(tok, trigger_at)
        fillers = index.fillers(claimant) if claimant is not None else []
        if fillers:
            upto = sum(1 for i in trigger_at if i < tok.i)
            before = acts_before(view, out, trigger_at, tok.i, violent)
            name_doer(view, out, trigger_at, before, fillers[0].span, onto, upto)
    for k, (e, i) in enumerate(zip(events, trigger_at, strict=True)):
        if e.source is not None and _sides_told_again(view, e, view.doc[i], onto):
            here = view.sent_no(i)
            before = [j for j in acts_before(view, out, trigger_at, i, violent)
                      if here - view.sent_no(trigger_at[j]) <= FIGHT_REACH]  # fmt: skip
            name_doer(view, out, trigger_at, before, e.source, onto, k)
    for tok in view.tokens:
        held = _ground_held(tok, index)
        if held is None:
            continue
        ground, holder = held
        here = view.sent_no(tok.i)
        before = [j for j in acts_before(view, out, trigger_at, tok.i, violent)
                  if here - view.sent_no(trigger_at[j]) <= GROUND_REACH]  # fmt: skip
        fired = [j for j in before if _fired_from(view, trigger_at[j], ground)]
        if fired:
            upto = sum(1 for i in trigger_at if i < tok.i)
            every = acts_before(view, out, trigger_at, tok.i, violent)
            # the holder fired in the teller's inference: the role is alleged
            name_doer(view, out, trigger_at, [j for j in every if j <= fired[-1]], holder,
                      onto, upto, SOURCE_ALLEGED)  # fmt: skip
    return attackers_named(view, out, trigger_at, onto, index)


# Nouns by which a story tells again the doers of its act, with a definite determiner:
# "the attackers", "the assailants", "the gunmen", "the raiders".
ATTACKER_NOUNS = frozenset({"attacker", "assailant", "gunman", "raider"})
# Words before a doer's name by which the story only suspects it: "Suspected X fighters"
# (the words by which a phrase is alleged, :data:`~eventwire.extract.modality.PHRASE_MODALITIES`).
SUSPECTED_WORDS = frozenset(w for w, m in PHRASE_MODALITIES.items() if m == "alleged")


def attackers_named(
    view: DocView,
    events: list[EventMention],
    trigger_at: list[int],
    onto: Ontology,
    index: MentionIndex,
) -> list[EventMention]:
    """An act whose doer is "the attackers" (also "the assailants", "the gunmen", "the
    raiders", or a pronoun standing for them) in a sentence after the article's act takes
    the doer the article gives the acts told before it: "Gunmen of the X group stormed the
    village on Monday. The attackers burned ten houses" (X burned them).

    The doer keeps how the article knows it: the accused of a blame, a doer only
    "suspected", or one told only in acts of alleged modality makes the role alleged
    (``source_alleged``), never asserted. Nothing is named when the acts before name no
    doer, or name two ("X and Y have both raided the area ... the attackers"); a state's
    forces, a person or a country is no candidate ("Troops killed two gunmen ... the
    attackers had fired on the checkpoint": the gunmen are not the troops), nor is the
    act's own target.

    The same attackers hit by a later act are its target: "Fighters of X stormed a base
    on Monday. Soldiers killed 23 of the attackers", "troops exchanged fire with the
    attackers as they withdrew" (X was hit), on the same terms, the act's own doer being no
    candidate. The act against them is told as it is: who the attackers were does not make
    the soldiers' fire alleged."""
    out = list(events)
    violent = onto.violent_types
    for k, (e, i) in enumerate(zip(events, trigger_at, strict=True)):
        if e.type not in violent or e.negated:
            continue
        if _told_as_attackers(view, e.source):
            named = _article_doer(view, out, trigger_at, i, e.target, onto, index)
            if named is not None:
                doer, alleged = named
                marks = (*e.qualifiers, SOURCE_ALLEGED) if alleged else e.qualifiers
                out[k] = replace(e, source=doer, qualifiers=tuple(dict.fromkeys(marks)))
        elif _told_as_attackers(view, e.target):
            named = _article_doer(view, out, trigger_at, i, e.source, onto, index)
            if named is not None:
                out[k] = replace(e, target=named[0])
    return out


def _article_doer(
    view: DocView,
    out: list[EventMention],
    trigger_at: list[int],
    at: int,
    other: Span | None,
    onto: Ontology,
    index: MentionIndex,
) -> tuple[Span, bool] | None:
    """The one named armed body that did the acts told before token ``at`` (not ``other``,
    the act's other side), and whether the article only alleges it; None for no such
    body or two."""
    found: dict[str, tuple[Span, bool]] = {}
    for j in acts_before(view, out, trigger_at, at, onto.violent_types):
        o = out[j]
        if o.source is None or o.source == other or is_unnamed(view, o.source, onto):
            continue
        if not _armed_body(view, o.source, onto, index):
            continue
        key = _body_key(o.source, index)
        alleged = (SOURCE_ALLEGED in o.qualifiers or o.modality == "alleged"
                   or _suspected(view, o.source))  # fmt: skip
        seen = found.get(key)
        found[key] = (o.source, alleged and (seen is None or seen[1]))
    if len(found) != 1:
        return None  # no doer told, or two
    return next(iter(found.values()))


def _told_as_attackers(view: DocView, span: Span | None) -> bool:
    """The doer is a definite noun for attackers: "the attackers", "these gunmen" (a
    pronoun read as them carries their span)."""
    if span is None:
        return False
    words = view.doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or len(words) == 0:
        return False
    head = words[-1]
    return head.lemma_.lower() in ATTACKER_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in head.children
    )


def _armed_body(view: DocView, span: Span, onto: Ontology, index: MentionIndex) -> bool:
    """``span`` may name the attackers: not a state's forces ("troops", "the Mexican army",
    "the Nigerian Air Force": bare kind nouns of a state, or a name with a country's
    word), not a person, not a country ("the Arakan Army", a name of its own, may)."""
    words = view.doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or len(words) == 0:
        return False
    last = words[-1].lower_
    two = f"{words[-2].lower_} {last}" if len(words) > 1 else last
    state = onto.actor_kind(last) == "state" or onto.actor_kind(two) == "state"
    mention = index.mention(span)
    if mention is None:
        return not state
    if mention.affiliation is not None or (state and not any(t.pos_ == "PROPN" for t in words)):
        return False
    if mention.label == "GPE":  # a country, not a gang whose name reads as a place's
        return not index.ctx.resources.kb.is_country_name(span.text)
    return mention.label not in ("PERSON", "ROLE")  # "the Ihiala attack": a place's word


def _body_key(span: Span, index: MentionIndex) -> str:
    """One key for the mentions of one body: its document group, else its words."""
    mention = index.mention(span)
    if mention is not None and mention.group:
        return mention.group
    return span.text.lower().removeprefix("the ")


def _suspected(view: DocView, span: Span) -> bool:
    """A doer the story only suspects: "Suspected X fighters", "alleged X members" (the
    word on the noun the name qualifies, or just before the name)."""
    words = view.doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None or len(words) == 0:
        return False
    head = words[-1]
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    near = [*words, *(c for c in head.children if c.dep_ == "amod")]
    if words[0].i > 0:
        near.append(view.doc[words[0].i - 1])
    return any(t.lower_ in SUSPECTED_WORDS for t in near)


def _ground_held(verb: Token, index: MentionIndex) -> tuple[str, Span] | None:
    """``(the ground's noun, its named holder)`` of "X have held that hill (since May)",
    "X controls the ridge": a verb of holding whose object points back with a determiner
    and whose subject names a body; a negated clause names no holder."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in HOLDING_VERBS or negated_verb(verb):
        return None
    ground = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if ground is None or not any(c.dep_ == "det" and c.lower_ in POINTING_BACK
                                 for c in ground.children):  # fmt: skip
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    fillers = index.fillers(subject) if subject is not None else []
    return (ground.lemma_.lower(), fillers[0].span) if fillers else None


def _fired_from(view: DocView, trigger: int, ground: str) -> bool:
    """The act's sentence says its fire came "from" ground of that noun ("the shells came
    from Kimoka hill", "rockets fired from the ridge")."""
    sent = view.sent(view.doc[trigger])
    return any(t.dep_ == "pobj" and t.head.lower_ == "from" and t.lemma_.lower() == ground
               for t in sent)  # fmt: skip


def _sides_told_again(view: DocView, e: EventMention, noun: Token, onto: Ontology) -> bool:
    """A fight told again by a definite noun of fighting naming both its sides, in a
    sentence of its own: "The fighting pitted X against Y", "The clashes were between X
    and Y" (not "fighting between X and Y" told for the first time, with no determiner)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in FIGHTING_NOUNS or e.negated:
        return False
    if not any(c.dep_ == "det" and c.lower_ in TOLD_AGAIN for c in noun.children):
        return False
    return not is_unnamed(view, e.source, onto) and not is_unnamed(view, e.target, onto)


def _membership(tok: Token, index: MentionIndex) -> tuple[Token, Span] | None:
    """``(the doers' noun, the body)`` of "the gunmen belonged to (a cell of) X", "the
    suspects are (said to be) members of X"; the doers' noun is definite ("the gunmen":
    the ones the story told), and a negated clause names no body."""
    lemma = tok.lemma_.lower()
    if lemma == "belong":
        objects = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                   for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    elif lemma == "be":
        objects = [c for c in tok.children if c.dep_ == "attr" and c.lemma_.lower() in PART_NOUNS]
    else:
        return None
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and tok.dep_ == "xcomp":  # "the suspects are said to be members"
        subject = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lemma_.lower() not in DOER_NOUNS or negated_verb(tok):
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in subject.children):
        return None
    for obj in objects:
        if (body := _body(obj, index)) is not None:
            return subject, body
    return None


def _body(noun: Token, index: MentionIndex) -> Span | None:
    """The named body ``noun`` is or is a part of: "X", "a cell of X", "members of X"."""
    if fillers := index.fillers(noun):
        return fillers[0].span
    if noun.lemma_.lower() not in PART_NOUNS:
        return None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if fillers := index.fillers(pobj):
                return fillers[0].span
            if pobj.pos_ == "PROPN" and (named := _named_elsewhere(pobj, index)) is not None:
                return named
    return None


def _named_elsewhere(name: Token, index: MentionIndex) -> Span | None:
    """The mention of the same name here or elsewhere in the document: what one belongs
    to is a body, even when its name alone reads as a place's ("members of Los Lobos")."""
    if (here := index.covering(name)) is not None:
        return here.span
    words = [c for c in name.children if c.dep_ == "compound" and c.i < name.i]
    text = name.doc[words[0].i if words else name.i : name.i + 1].text
    return next((m.span for m in index.all() if m.span.text == text), None)


def _acts_of(
    view: DocView,
    out: list[EventMention],
    trigger_at: list[int],
    at: Token,
    subject: Token | None,
    onto: Ontology,
) -> list[int]:
    """The earlier acts a later sentence names the doer of: those whose doer is told with
    the same noun ("Gunmen attacked ... the gunmen belonged to X"), else those of the
    first sentence telling an act with an unnamed doer (the story's lead: "the suspects",
    "the victims" are the lead act's), within :data:`MEMBERSHIP_REACH` sentences."""
    here = view.sent_no(at.i)
    before = [j for j in acts_before(view, out, trigger_at, at.i, onto.violent_types)
              if here - view.sent_no(trigger_at[j]) <= MEMBERSHIP_REACH]  # fmt: skip
    if subject is not None:
        same = [j for j in before if _told_with(view, out[j].source, subject.lemma_.lower())]
        if same:
            return same
    unnamed = [j for j in before if is_unnamed(view, out[j].source, onto)]
    if not unnamed:
        return []
    lead = view.sent_no(trigger_at[unnamed[0]])
    return [j for j in unnamed if view.sent_no(trigger_at[j]) == lead]


def _told_with(view: DocView, span: Span | None, lemma: str) -> bool:
    if span is None:
        return False
    words = view.doc.char_span(span.start, span.end, alignment_mode="expand")
    return words is not None and len(words) > 0 and words[-1].lemma_.lower() == lemma


def _on_the_victims(verb: Token) -> bool:
    """An act done to "the victims" (those the story told): "the victims were targeted
    by X", "X targeted the victims"."""
    return any(
        c.dep_ in ("dobj", "nsubjpass")
        and c.lemma_.lower() in VICTIM_NOUNS
        and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
        for c in verb.children
    )


def _told_by_itself(verb: Token, index: MentionIndex) -> Span | None:
    """The named speaker of an act it says it did, told with a pronoun: "X said (in a
    video) that it had shelled the airport" -- the pronoun is the clause's subject."""
    if verb.pos_ != "VERB" or verb.dep_ != "ccomp" or negated_verb(verb):
        return None
    if verb.head.lemma_.lower() not in SAYING_VERBS:
        return None
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if doer is None or doer.lower_ not in SELF_PRONOUNS:
        return None
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    fillers = index.fillers(speaker)
    return fillers[0].span if fillers else None


def _claim_of_untold_act(verb: Token, trigger_at: list[int]) -> Token | None:
    """The subject of "X claimed the launch": a claim whose object names an act with no
    trigger of its own (a triggered "claimed the attack" is read with that act)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "claim" or negated_verb(verb):
        return None
    owned = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if owned is None or owned.lemma_.lower() not in CLAIMED_ACT_NOUNS or owned.i in trigger_at:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in owned.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


# Verbs of answering an attack in kind: "returned fire", "fired back", "hit back", "responded".
REPLY_VERBS = frozenset({"respond", "retaliate"})
REPLY_PARTICLES = frozenset({"fire", "shoot", "hit", "strike"})


def _reply(verb: Token) -> bool:
    """An act answering an attack, done by the side attacked: "the soldiers returned fire",
    "fired back", "shot back", "hit back", "responded", "retaliated" (the accused of a later
    blame did not do it)."""
    lemma = verb.lemma_.lower()
    if lemma in REPLY_VERBS:
        return True
    if lemma in REPLY_PARTICLES and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back"
                                        for c in verb.children):  # fmt: skip
        return True
    if lemma == "fire" and verb.dep_ == "dobj" and verb.head.lemma_.lower() == "return":
        return True  # "returned fire": the noun is the act's trigger
    return lemma == "return" and any(c.dep_ == "dobj" and c.lower_ == "fire"
                                     for c in verb.children)  # fmt: skip


def _names_no_act(verb: Token) -> bool:
    """An accusation with no act of its own: "the army blamed X" (not "blamed X for the
    drought", "accused X of looting")."""
    return verb.pos_ == "VERB" and not any(
        c.dep_ == "prep" and c.lower_ in ("for", "of") for c in verb.children
    )
