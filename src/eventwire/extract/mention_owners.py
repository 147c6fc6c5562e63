"""A state's own body named with the state's possessive: one mention.

"Brazil's Federal Police", "Tajikistan's State Committee for National Security": the
tagger reads the country and the body as two names, and the mention pass would make the
state an actor beside the body it owns. :func:`state_owned_bodies` joins them, as
:func:`~eventwire.extract.bodies.owned_institutions` does for the institutions every
state has ("Russia's defence ministry").
"""

from __future__ import annotations

from typing import Any

from eventwire.extract.bodies import POSSESSIVES, modifies_noun
from eventwire.extract.mention_trim import ORG_HEADS
from eventwire.extract.namephrases import Cand

# Last words of the name of a body of a state (beside the heads of
# :data:`~eventwire.extract.mention_trim.ORG_HEADS`): "Federal Police", "Security Media
# Cell", "State Security Service", "Joint Command"; not "Cartel", "Front", "Taliban".
STATE_BODY_HEADS = ORG_HEADS | frozenset(
    {"police", "service", "command", "cell", "court", "guard", "corps", "reservists",
     "prosecutor", "parliament", "assembly", "gendarmerie", "army", "navy"}
)  # fmt: skip


def state_owned_bodies(doc: Any, cands: list[Cand], kb: Any) -> list[Cand]:
    """Join a country's possessive and the body's name right after it into one mention
    ("Brazil's Federal Police said", "Tajikistan's State Committee for National Security
    said"): the body's name stays its own words (so "the Federal Police" later is the same
    body) and the country becomes its ``affiliation``; the state is no actor there. Only a
    body the KB does not know (a known one is read by its entry), whose last word is a
    state body's (:data:`STATE_BODY_HEADS`: "Mexico's Jalisco New Generation Cartel" is a
    gang, no state's body), that modifies no noun after it ("Brazil's Federal Police
    officers" are people)."""
    if kb is None:
        return cands
    by_start = {c.start: c for c in cands}
    drop: set[int] = set()
    found: list[Cand] = []
    for owner in cands:
        iso3 = _country_of(owner, kb)
        if iso3 is None:
            continue
        after = owner.end if doc[owner.end - 1].lower_ in POSSESSIVES else owner.end + 1
        if after == owner.end + 1 and (
            owner.end >= len(doc) or doc[owner.end].lower_ not in POSSESSIVES
        ):
            continue
        body = by_start.get(after)
        if body is None or body.label != "ORG" or body.kb_id is not None or body.group_hint:
            continue
        if _head_word(body.name) not in STATE_BODY_HEADS:
            continue
        if modifies_noun(doc, body.end):
            continue
        found.append(Cand(owner.start, body.end, "ORG", body.name, affiliation=iso3))
        drop.update((id(owner), id(body)))
    if not found:
        return cands
    return sorted([c for c in cands if id(c) not in drop] + found, key=lambda c: c.start)


def _country_of(c: Cand, kb: Any) -> str | None:
    """The ISO3 code of a candidate naming a country (by its name, or a possessive the
    demonym reader took as its state's)."""
    if c.group_hint and c.group_hint.startswith("aff:") and c.affiliation:
        return c.affiliation  # the tagger took "Tajikistan" for a people: read as its state
    entry = kb.get(c.kb_id) if c.kb_id else None
    if entry is None or entry.type != "country" or not entry.country:
        return None
    return str(entry.country)


def _head_word(name: str) -> str:
    """The head word of a body's name: its last word before "for" or "of" ("State
    Committee for National Security": committee), else its last word."""
    words = name.lower().split()
    for i, w in enumerate(words):
        if w in ("for", "of") and i > 0:
            return words[i - 1]
    return words[-1]
