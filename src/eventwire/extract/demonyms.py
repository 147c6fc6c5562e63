"""Demonyms and a country's own state nouns as actors.

"Rwandan soldiers" and "Congo's army" are the state's forces, "the Serbian parliament"
the state, "Kenyans queued to vote" the country's people, "a Russian hat" nothing.
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.extract.namephrases import (
    ARMED_NOUNS,
    Cand,
    state_forces_cand,
)
from eventwire.model import GROUP_LABEL

# Nouns that make a demonym (or a country's possessive) stand for a state actor: "Egyptian
# officials", "Russian forces", "the Serbian parliament", "Israel's high court".
GROUP_NOUNS = frozenset(
    {
        "officials",
        "forces",
        "troops",
        "government",
        "military",
        "army",
        "authorities",
        "diplomats",
        "ministry",
        "navy",
        "jets",
        "warplanes",
        "warships",
        "soldiers",
        "police",
        "intelligence",
        "embassy",
        "delegation",
        "leadership",
        "soldier",
        "policeman",
        "officer",
        # a state's institutions: "the Serbian parliament", "Israel's high court"
        "parliament",
        "court",
        "cabinet",
        "senate",
        "legislature",
        "presidency",
        "judiciary",
        "lawmakers",
        "negotiators",
    }
)


def country_owned(kb: Any, entry: Any, ent: Any) -> Cand | None:
    """A country's own state noun: "Congo's army" (its armed forces), "Ethiopia's federal
    government" (the country's, as "Congolese army" is: one mention, the country's); the
    country's name right before an armed noun is its forces too ("the Myanmar military",
    "a Myanmar military air strike", "Sudan army positions")."""
    if entry.type != "country":
        return None
    doc = ent.doc
    end = _forces_owned(ent)
    if end is None and ent.end < len(doc) and doc[ent.end].lower_ in ARMED_NOUNS:
        return state_forces_cand(kb, entry.country, ent.start, ent.end + 1)
    if end is None:
        return None
    if doc[end - 1].lower_ in ARMED_NOUNS:
        return state_forces_cand(kb, entry.country, ent.start, end)
    return Cand(
        ent.start,
        end,
        "GPE",
        re.sub(r"^the\s+", "", doc[ent.start : end].text, flags=re.IGNORECASE),
        affiliation=entry.country,
        group_hint=f"aff:{entry.country}",
    )


def _forces_owned(ent: Any) -> int | None:
    """End of "<country>'s [adjective] <state noun>" ("Congo's army"), else None."""
    doc, i = ent.doc, ent.end
    if ent[-1].lower_ not in ("'s", "’s"):  # the tagger may have taken the possessive in
        if i >= len(doc) or doc[i].lower_ not in ("'s", "’s"):
            return None
        i += 1
    while i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i += 1
    return i + 1 if i < len(doc) and doc[i].lower_ in GROUP_NOUNS else None


def demonym_cand(ent: Any, text: str, kb: Any) -> Cand | None:
    iso3 = kb.country_by_demonym(text)
    if iso3 is None:
        entry = kb.lookup(text)  # "Muslim Brotherhood" is sometimes tagged NORP
        if entry is None and not text.endswith("s"):
            return None  # an adjective ("Islamist") names no actor
        return Cand(
            ent.start,
            ent.end,
            "NORP",
            text,
            kb_id=entry.id if entry else None,
            kb_type=entry.type if entry else None,
        )
    doc, end = ent.doc, ent.end
    if end + 1 < len(doc) and doc[end].lower_ == "armed" and doc[end + 1].lower_ in ARMED_NOUNS:
        end += 1  # "Malian armed forces"
    if end < len(doc) and doc[end].lower_ in GROUP_NOUNS:
        end += 1
        if doc[end - 1].lower_ in ARMED_NOUNS:  # "Rwandan soldiers": the state's forces
            return state_forces_cand(kb, iso3, ent.start, end)
    elif text.endswith("s") and not _definite(doc, ent.start):
        # "thousands of Peruvians marched", "Kenyans queued to vote", "14 Ethiopians were
        # seized": a plural demonym without "the" names the country's people, not its state
        return Cand(ent.start, end, GROUP_LABEL, text, affiliation=iso3,
                    group_hint=f"group:people:{iso3}")  # fmt: skip
    elif not text.endswith("s"):  # an adjective, not a people ("Palestinians and ...")
        if (shared := _shared_noun(doc, end, kb)) is None:
            return None  # "a Russian hat": a modifier, not an actor
        # "Syrian and Russian jets": each demonym has the noun the last one writes
        if shared.lower_ in ARMED_NOUNS:
            return state_forces_cand(kb, iso3, ent.start, ent.end)
        return Cand(ent.start, ent.end, "NORP", f"{text} {shared.text}", affiliation=iso3,
                    group_hint=f"aff:{iso3}")  # fmt: skip
    return Cand(
        ent.start,
        end,
        "NORP",
        doc[ent.start : end].text,
        affiliation=iso3,
        group_hint=f"aff:{iso3}",
    )


def _definite(doc: Any, start: int) -> bool:
    """Whether "the" (or a possessive) comes before the token at ``start``: "the
    Ghanaians" may be a state's negotiators ("mediators met the Ghanaians"), while a bare
    or counted plural demonym names people ("Ghanaians marched")."""
    return start > 0 and (doc[start - 1].lower_ == "the" or doc[start - 1].tag_ == "POS")


def _shared_noun(doc: Any, end: int, kb: Any) -> Any:
    """The state noun of the last of coordinated demonyms ("Syrian and Russian jets",
    "French, British and US officials") when ``end`` is the first one's end, else None."""
    i = end
    while i + 1 < len(doc) and doc[i].lower_ in (",", "and", "or"):
        i += 1
        if doc[i].lower_ in ("and", "or"):
            continue
        if not kb.country_by_demonym(doc[i].text):
            return None
        i += 1
        if i < len(doc) and doc[i].lower_ in GROUP_NOUNS:
            return doc[i]
    return None
