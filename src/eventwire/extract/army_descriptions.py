"""Descriptions of a state's armed forces inside one article: the article's one state force
and its bare army, soldiers hit by someone else, "the army", "the air force", "government
troops" and "army positions" (read by
:func:`~eventwire.extract.descriptions.definite_descriptions`)."""

from __future__ import annotations

import re
from typing import Any

from eventwire.extract.description_kinds import (
    ARMY_NOUNS,
    ARMY_PAIRS,
    ARMY_WORDS,
    GOVERNMENT_TROOPS,
    definite,
    has_capital,
)
from eventwire.extract.namephrases import Cand
from eventwire.extract.pronouns import HELD_NOUNS
from eventwire.model import GROUP_LABEL
from eventwire.text.names import plain_key


def bare_army_of(cands: list[Cand]) -> Cand | None:
    """The article's bare army ("the army said", "the military"), an unnamed group of one
    army noun with no country: what an army word modifying a weapon stands for when the
    article names no state force ("army aircraft bombed ..., the army said"). Once the
    places are read, :func:`armies_of_one_state` gives both their country."""
    for c in cands:
        kind, noun = [*(c.group_hint or "").split(":"), ""][:2]
        if c.label == GROUP_LABEL and not c.affiliation and kind == "group" and noun in ARMY_NOUNS:
            return c
    return None


# Words in an army's name that mark it as an armed movement, not a state's forces ("the
# Sudan Liberation Army", "the Kanbalu People's Defence Force", "the Free Syrian Army").
NOT_STATE_WORDS = re.compile(
    r"(?i)\b(?:liberation|people'?s|popular|revolutionary|resistance|"
    r"free|self-defen[cs]e|salvation|patriotic)\b"
)


def state_force(c: Cand, text: str) -> bool:
    """A name of a state's armed forces: the KB's type when it has one ("Tatmadaw" is;
    "Arakan Army" is an armed group), else an army word in the name and no word of an
    armed movement."""
    if c.kb_type is not None:
        return c.kb_type == "state_forces"
    worded = ARMY_WORDS.search(text) or ARMY_WORDS.search(c.name)
    return bool(worded) and not NOT_STATE_WORDS.search(text)


def one_army(doc: Any, forces: list[Cand]) -> Cand | None:
    """The article's one state force: the one it names with an army word ("Congo's
    army"), else the one it names at all ("Ethiopian forces"); None with two."""
    worded = [c for c in forces if ARMY_WORDS.search(doc[c.start : c.end].text)]
    for pool in (worded, forces):
        distinct = {plain_key(c.name): c for c in pool}
        if distinct:
            return next(iter(distinct.values())) if len(distinct) == 1 else None
    return None


# Soldiers named by a bare plural, and verbs whose object or passive subject they are hit by.
SOLDIER_NOUNS = frozenset({"soldiers", "troops", "servicemen", "conscripts"})
HITTING_VERBS = frozenset({"kill", "wound", "injure", "attack", "ambush", "abduct", "kidnap",
                           "capture", "shoot", "target", "execute", "behead"})  # fmt: skip


# Prepositions of an attack's target, and the act nouns and verbs they follow: "opened
# fire on soldiers", "an ambush on troops", "shot at soldiers".
FIRED_ON = frozenset({"on", "at", "against", "upon"})
HITTING_NOUNS = frozenset({"attack", "ambush", "assault", "raid", "fire"})


def soldiers_hit(tok: Any, cands: list[Cand], army: Cand) -> bool:
    """ "Militants killed 12 soldiers", "four soldiers were wounded", "opened fire on
    soldiers": soldiers the text
    gives no owner of their own ("Chadian soldiers", "soldiers of the Front" have one),
    hit by someone other than the article's one state force, are that force's (a story
    naming two armies names none, :func:`one_army`)."""
    verb = tok.head
    if tok.lower_ not in SOLDIER_NOUNS:
        return False
    if tok.dep_ == "pobj" and verb.lower_ in FIRED_ON:
        verb = verb.head  # "opened fire on soldiers", "an ambush on troops"
        if verb.lemma_.lower() == "fire" and verb.dep_ == "dobj":
            verb = verb.head  # "opened fire on": the verb opening it
        if verb.lemma_.lower() not in HITTING_VERBS | HITTING_NOUNS and not (
            verb.lemma_.lower() == "open" and any(c.lemma_.lower() == "fire" for c in verb.children)
        ):
            return False
    elif tok.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in HITTING_VERBS:
        return False
    owners = [c for c in tok.children
              if (c.dep_ in ("amod", "compound", "nmod") and has_capital(c.text))
              or c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "from"))]  # fmt: skip
    if owners:
        return False
    doers = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    key = plain_key(army.name)
    for doer in doers:
        words = range(doer.left_edge.i, doer.right_edge.i + 1)
        if ARMY_WORDS.search(doer.doc[words.start : words.stop].text) or any(
            plain_key(c.name) == key for c in cands if c.start in words
        ):
            return False  # the army hitting its own soldiers is no reading
    return True


def army_description(tok: Any) -> int | None:
    """Where a description of a state's armed forces starts, if ``tok`` ends one: "the
    army", "the military", "the air force", "the armed forces", "government troops", and
    "army" or "military" modifying a place an army holds ("attacked army positions", "a
    military base")."""
    low = tok.lower_
    if low in GOVERNMENT_TROOPS:  # "government troops", "government soldiers"
        gov = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        if [c.lower_ for c in gov] == ["government"]:
            return gov[0].i
        return None
    if low in ARMY_NOUNS and tok.dep_ == "compound" and tok.head.lemma_.lower() in HELD_NOUNS:
        if not any(c.dep_ in ("poss", "amod", "compound") for c in (*tok.children,
                                                                    *tok.head.children)
                   if c.i != tok.i and c.i < tok.head.i and (has_capital(c.text)
                                                             or c.dep_ == "poss")):  # fmt: skip
            return tok.i
        return None
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if low in ARMY_NOUNS or (prev is not None and (prev.lower_, low) in ARMY_PAIRS):
        if tok.tag_ == "NNS" and low != "forces":
            return None  # "the armies": several
        det = definite(tok)
        return det + 1 if det is not None else None
    return None
