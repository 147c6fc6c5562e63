"""Weapons, the craft that carry them and the words of armed forces: who used them.

"shells fired by X struck" (X), "army aircraft bombed" (the army), "a military air strike",
"rebel mortars" (a kind of armed actor with no name of its own). A noun of this kind is
never a victim. Kept apart from the role readers because the mention passes
(:mod:`eventwire.extract.actorspans`, :mod:`eventwire.extract.descriptions`) read the same
armed modifiers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.parsewalk import prep_object, when_word

if TYPE_CHECKING:
    from spacy.tokens import Token

# Weapons and the craft that carry them: as the subject of an act, whoever fires or flies
# them did it.
INSTRUMENT_NOUNS = frozenset({"shell", "rocket", "missile", "drone", "bomb", "mortar", "round",
                              "mine", "grenade", "aircraft", "jet", "plane", "warplane",
                              "helicopter", "gunship", "artillery", "projectile", "munition",
                              "explosive", "tank", "bullet", "barrel", "gunfire", "fire"})  # fmt: skip


def instrument_user(subject: Token) -> Token | None:
    """Who used the weapon or craft a clause's subject names: the "by" agent of a
    participle modifying it ("shells fired by X struck", "a drone launched by X hit",
    "mines laid by X killed"), else the force that owns it ("army aircraft bombed",
    "Kivu jets struck", "the rebels' rockets hit"); nobody when the subject is no weapon."""
    if subject.lemma_.lower() not in INSTRUMENT_NOUNS:
        return None
    verbs = [v for v in subject.children if v.dep_ == "acl" and v.tag_ == "VBN"]
    if subject.dep_ == "nsubj" and any(c.dep_ == "agent" for c in subject.head.children):
        # "a bomb dropped by X hit the market", the participle parsed as the main verb
        verbs.append(subject.head)
    for verb in verbs:
        agent = prep_object(verb, frozenset({"by"}), ("agent", "prep"))
        if agent is not None:
            # a craft as the agent is flown by its owner: "dropped by Russian aircraft"
            return (instrument_user(agent) if agent.i != subject.i else None) or agent
    return next(
        (c for c in subject.children if c.dep_ in ("poss", "compound", "amod")
         and c.lemma_.lower() not in INSTRUMENT_NOUNS and not when_word(c)),
        None,
    )  # fmt: skip


# Words of a state's armed forces (or the military rulers commanding them) used as a
# modifier of what they fire or do: "a military jet", "army artillery", "a junta air
# strike", "regime shelling", "government air strikes".
ARMY_MODIFIERS = frozenset({"army", "military", "junta", "regime", "government"})

ARMY_KIND = "army"

# Acts an armed force carries out, named by a noun: "a military air strike".
ARMED_ACT_NOUNS = frozenset({"strike", "airstrike", "raid", "offensive", "operation",
                             "bombardment", "shelling", "bombing", "attack", "assault",
                             "barrage", "crackdown", "counteroffensive", "incursion"})  # fmt: skip

# What an armed force fires or does: never a victim, and what an armed modifier qualifies.
ARMED_HEADS = INSTRUMENT_NOUNS | ARMED_ACT_NOUNS

# Kinds of armed people whose word may modify what they fire or do: "rebel mortars",
# "militia gunfire", "jihadist drones".
ARMED_KIND_MODIFIERS = frozenset({"rebel", "militia", "militant", "jihadist", "insurgent",
                                  "separatist", "guerrilla"})  # fmt: skip


def armed_modifier(tok: Token) -> str | None:
    """The kind of armed actor a word modifying a weapon, a craft or an armed act names,
    with no name or owner of its own before it: ``army`` for "a military jet bombed",
    "army artillery shelled", "a military air strike", "junta drones"; the kind noun for
    "rebel mortars", "militia gunfire". None for "a Malian army drone" (it names its own
    army) and for "military rulers" (no weapon, no act)."""
    low = tok.lower_
    kind = ARMY_KIND if low in ARMY_MODIFIERS else tok.lemma_.lower()
    if kind != ARMY_KIND and kind not in ARMED_KIND_MODIFIERS:
        return None
    head = tok.head
    if tok.dep_ not in ("amod", "compound", "nmod") or head.i <= tok.i or head.pos_ != "NOUN":
        return None
    if head.lemma_.lower() not in ARMED_HEADS:
        return None
    owned = (c for c in (*tok.children, *head.children) if c.i < tok.i)
    if any(c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and not c.is_lower)
           for c in owned):  # fmt: skip
        return None
    return kind
