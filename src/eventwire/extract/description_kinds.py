"""Kind nouns that definite descriptions of actors are made of ("the group", "the rebels",
"the army", "the spokesman"), and the test for a definite description whose own modifiers
name nothing, and the test for a verb by which a body names itself ("a group calling
itself X"). Shared by :mod:`~eventwire.extract.descriptions` (which reads them),
:mod:`~eventwire.extract.known_by`, :mod:`~eventwire.extract.army_descriptions` and
:mod:`~eventwire.extract.one_state`."""

from __future__ import annotations

import re
from typing import Any

from eventwire.extract.bodies import BODY_HEADS
from eventwire.extract.parsewalk import verb_lemma

# Kind nouns of a group's description -> the kind nouns it may stand for ("the group" for
# any armed or political group described so; "the rebels" for a rebel group only).
ARMED_KINDS = frozenset({"group", "rebel", "militia", "militant", "movement", "insurgent",
                         "jihadist", "faction", "organisation", "organization", "separatist",
                         "coalition", "alliance", "fighter", "guerrilla", "branch", "wing",
                         "affiliate", "offshoot"})  # fmt: skip
# Every kind a named group may be given: also the heads of bodies' names ("the front", "the
# council") and the opposition, which "the group" does not stand for.
GROUP_KINDS = ARMED_KINDS | {"opposition", "front", "council", "party", "bloc", "league",
                             "union", "committee"}  # fmt: skip
# Kinds the words around a name give it ("Hezbollah, the militant group"; "the opposition
# Velmar Coalition"): a name modifying a council or a committee ("the NTC executive
# committee") names a part of it, so the heads of names come from names alone.
# Criminal bodies ("the Kanvar gang coalition", "the Dorado cartel"): "the gang", "the gang
# members" stand for the one so described; "the group" stands for armed groups only.
GANG_KINDS = frozenset({"gang", "cartel"})
TEXT_KINDS = ARMED_KINDS | GANG_KINDS | {"opposition"}
ARMY = "army"
DESCRIBED_BY = {
    "group": ARMED_KINDS,
    "rebel": frozenset({"rebel", "insurgent"}),
    "insurgent": frozenset({"rebel", "insurgent"}),
    "militia": frozenset({"militia"}),
    "militiaman": frozenset({"militia"}),
    "militant": frozenset({"militant", "jihadist"}),
    "jihadist": frozenset({"militant", "jihadist"}),
    "separatist": frozenset({"separatist"}),
    "fighter": frozenset({"fighter"}),
    "guerrilla": frozenset({"guerrilla", "rebel"}),
    "movement": frozenset({"movement"}),
    "faction": frozenset({"faction"}),
    "coalition": frozenset({"coalition", "alliance"}),
    "alliance": frozenset({"coalition", "alliance"}),
    "opposition": frozenset({"opposition"}),
    "gang": frozenset({"gang"}),
    "cartel": frozenset({"cartel"}),
}
DESCRIBED_BY |= {head: DESCRIBED_BY.get(head, frozenset({head})) for head in BODY_HEADS}
# Collective nouns: one actor in the singular only. The other group kinds are nouns of
# armed people, standing for their group in the plural only.
COLLECTIVE = frozenset({"group", "militia", "movement", "faction", "organisation",
                        "organization", "coalition", "alliance", "opposition", "front",
                        "council", "party", "bloc", "league", "union", "committee", "gang",
                        "cartel"})  # fmt: skip
# Nouns of a body's people, standing for the body when a kind noun modifies them in the
# plural: "the gang members", "the rebel fighters", "the militia gunmen".
PEOPLE_OF = frozenset({"member", "fighter", "gunman", "militant", "militiaman", "combatant"})
# Offices a person is described by ("Omar Sidibe, a UN spokesman, ... said the
# spokesman"); in the singular they stand for the one person the article gave the office.
PERSON_KINDS = frozenset({"spokesman", "spokeswoman", "spokesperson", "president", "minister",
                          "commander", "governor", "mayor", "envoy", "general", "leader",
                          "chief", "premier"})  # fmt: skip
DESCRIBED_BY |= {kind: frozenset({kind}) for kind in PERSON_KINDS}
# Nouns describing a state's armed forces, alone or after a word ("air force").
ARMY_NOUNS = frozenset({"army", "military"})
ARMY_PAIRS = frozenset({("air", "force"), ("armed", "forces"), ("armed", "force")})
# Armed people a government has: "government troops", "government soldiers".
GOVERNMENT_TROOPS = frozenset({"troops", "soldiers", "forces"})
# Words in a name that describe it as a state's armed forces.
ARMY_WORDS = re.compile(r"(?i)\b(?:army|military|armed forces|defen[cs]e forces?)\b")
DESCRIPTION_DETERMINERS = frozenset({"the", "this"})


def has_capital(text: str) -> bool:
    return any(ch.isupper() for ch in text)


def definite(tok: Any) -> int | None:
    """The determiner of a definite or demonstrative noun phrase whose own modifiers name
    nothing ("the group", "the rebel group", "this militia"; "the Congolese army", "the
    Wagner group" and "the group's leader's" owner are names of their own), else None."""
    children = list(tok.children)
    det = next(
        (c for c in children if c.dep_ == "det" and c.lower_ in DESCRIPTION_DETERMINERS), None
    )
    if det is None:
        return None
    named = any(
        c.dep_ in ("compound", "amod", "nmod", "poss", "appos")
        and not c.text.islower()
        and not (c.i > 0 and c.nbor(-1).text == "(")  # "(OCHA)": an acronym of what follows
        for c in children
    )
    return None if named else det.i


# Verbs by which a body names itself: "a group calling itself X", "which styles itself X".
SELF_NAMING_VERBS = frozenset({"call", "style", "name", "dub"})
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})


def self_naming(verb: Any) -> bool:
    """ "A group calling itself X", "the militia, which calls itself X": the body gives
    itself a name and does nothing to anyone (no demand of "called on X to")."""
    return verb_lemma(verb) in SELF_NAMING_VERBS and any(
        c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children
    )
