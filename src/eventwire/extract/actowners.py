"""Who does an act a noun governs, and whom a stance on an act is against.

Two constructions of everyday English name an act's doer or a stance's target away from
the act's own clause (both read by :mod:`eventwire.extract.eventsides`):

* a noun of will, capacity, record or part governs the act, whose doer is the noun's
  owner: "Chad's decision to arm X", "Chad signalled a readiness to talk to X", "Chad has
  a long record of arming X", "Chad denied any role in arming X" (see
  :func:`governing_noun` and :func:`noun_owners`);
* a verb of stance whose object is an act takes its stance on whoever does the act, not
  on those the act names: "condemned the killing of civilians by the army" (against the
  army), "opposed sending weapons to the rebels" (against no one named; see
  :func:`stance_act`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.clausechain import RELATIVE_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.model import EventMention

# Nouns of one's own will, capacity, record or part in an act: the act their infinitive
# names ("X's decision to arm Y") or a gerund after their preposition ("X's role in arming
# Y", "X has a record of backing Y") is their owner's. Not nouns of asking ("X's call to
# arm Y": someone else would arm Y).
OWN_ACT_NOUNS = frozenset({"decision", "plan", "bid", "attempt", "effort", "willingness",
                           "readiness", "intention", "intent", "commitment", "pledge", "promise",
                           "offer", "refusal", "failure", "reluctance", "unwillingness",
                           "determination", "move", "campaign", "role", "record", "reputation",
                           "history", "part", "limitation", "ability", "inability", "capacity",
                           "policy", "strategy", "threat", "vow", "involvement"})  # fmt: skip
# Prepositions by which such a noun governs a gerund: "role in", "record of", "reputation for".
OWN_ACT_PREPS = frozenset({"in", "of", "for", "at"})
# Entity kinds a name modifying the noun has when it is the owner: "the U.S. decision".
OWNER_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def governing_noun(trigger: Token) -> Token | None:
    """The noun of will, capacity or record that governs an act with no doer of its own:
    "Chad's decision to arm X", "signalled a readiness to talk to X", "a long record of
    arming X" (decision, readiness, record); None for any other act."""
    if trigger.pos_ == "NOUN":
        return _part_in_act(trigger)
    if trigger.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "poss")
                                     for c in trigger.children):  # fmt: skip
        return None
    if trigger.dep_ == "acl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children):
        noun = trigger.head
    elif trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and trigger.head.lower_ in OWN_ACT_PREPS:
        noun = trigger.head.head
    else:
        return None
    return noun if noun.pos_ == "NOUN" and noun.lemma_.lower() in OWN_ACT_NOUNS else None


# Nouns of a part in an act named by a noun: "denied any part (role) in the attack on Y".
PART_NOUNS = frozenset({"part", "role", "involvement", "hand"})


def _part_in_act(act: Token) -> Token | None:
    """The noun of a part that governs an act noun with no doer of its own: "X denied any
    part in the raid on Y" (part: X is the one said, here denied, to have done it);
    None when the act names its doer ("any role in the army's attack", "an attack by Y")."""
    prep = act.head
    if act.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    noun = prep.head
    if noun.pos_ in ("VERB", "AUX"):  # "denied any part in the attack", "in" on the verb
        noun = next((c for c in noun.children if c.dep_ == "dobj"), noun)
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in PART_NOUNS:
        return None
    if any(c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME") for c in act.children):
        return None
    if any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in act.children):
        return None
    return noun


def noun_owners(noun: Token) -> list[Token]:
    """Who such a noun is of, best first: its possessor ("Chad's decision", "its
    willingness"), a name modifying it ("the Chadian decision"), the active subject of the
    verb whose object it is ("Chad has a record of", "Chad, which signalled a readiness")."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [c for c in noun.children
               if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in OWNER_ENTS]  # fmt: skip
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX"):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
            subject = verb.head if verb.dep_ == "relcl" else None
        if subject is not None:
            owners.append(subject)
    return owners


# The relation of a stance taken: condemning, rejecting, opposing.
STANCE = "oppose"


def stance_act(trigger: Token, side: Token, acts: dict[int, EventMention]) -> Token | None:
    """The act a verb of stance takes its stance on, when ``side`` is named inside it:
    "condemned the killing of civilians by the army" (the killing), "opposed sending
    weapons to the rebels" (the sending). The stance is against whoever does the act, not
    against the act's target; None when the verb's object is no act ("condemned the
    army"). An act done by the stance's own doer is the stance named by its noun ("lodged
    a complaint against Y"): the caller keeps its target."""
    if trigger.pos_ != "VERB":
        return None
    for act in (c for c in trigger.children if c.dep_ in ("dobj", "xcomp")):
        if act.i in acts and act.i != side.i and act.left_edge.i <= side.i <= act.right_edge.i:
            return act
    return None
