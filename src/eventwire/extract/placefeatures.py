"""A name followed by the word of a natural feature or a facility is that feature.

"the Boni forest", "the Juba river", "the Nuba hills", "the Kakuma camp", "Mitiga
airport", "the Wheelus base": the name is the forest, the river, the camp, not a town
spelt like it (the Boni forest had been put at Bonn, the Nuba hills in a village of the
West Bank). :func:`feature_word` tells whether a place name is followed by (or ends
with) such a word; :func:`resolve_feature` reads it:

- the feature itself, when the gazetteer holds it (classes S, T, H, L and V from an
  import with ``--feature-classes``; the shipped supplement's airports and bases), by
  the name with its word ("Sambisa Forest") or alone, keeping only features of the
  word's kind;
- a facility (a camp, an airport, a base, a checkpoint) or a valley is often named
  after the town it lies by or holds ("Bagram base", "Kakuma camp", "the Las Vegas
  Valley"): the town of that name, if the story's
  countries hold it (or the story names none), never one abroad;
- a feature is also often named after the division it lies in ("the Swat valley", "the
  Panjshir valley"): the division the name alone reads as;
- a natural feature is never a town: with none of its kind in the gazetteer and no
  division of its name, nothing; the event then takes the division or area its
  sentence gives ("in the Sambisa forest in Borno state" is Borno), else stays
  unplaced.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.extract.placecontext import as_context
from eventwire.extract.toponyms import resolve_toponym
from eventwire.knowledge.placenames import name_key

if TYPE_CHECKING:
    from eventwire.extract.placecontext import PlaceContext
    from eventwire.knowledge.gazetteer import Gazetteer
    from eventwire.model import Place

# GeoNames feature codes (and the shipped supplement's feature words) of each kind
_FOREST = frozenset({"FRST", "FRSTF", "WOOD", "RESF", "RESN", "forest"})
_WATER = frozenset({"STM", "STMI", "STMS", "STMX", "STMA", "WAD", "WADS", "VAL", "VALS", "LK",
                    "LKS", "river", "lake"})  # fmt: skip
_HEIGHTS = frozenset({"HLL", "HLLS", "MT", "MTS", "RDGE", "PLAT", "UPLD", "MSF", "PK", "PKS",
                      "mountain", "mountains", "hills"})  # fmt: skip
_CAMP = frozenset({"CMP", "CMPRF", "CMPMN", "CMPL", "CMPLA", "camp"})
_AIRPORT = frozenset({"AIRP", "AIRB", "AIRF", "AIRH", "airport", "airbase"})
_BASE = frozenset({"INSM", "MILB", "AIRB", "airbase", "base"})
_CHECKPOINT = frozenset({"PSTB", "PSTC", "checkpoint"})

# The word after a name -> (the feature codes it stands for, whether the feature is
# often named after the town it lies by: a facility, a valley)
FEATURE_WORDS: dict[str, tuple[frozenset[str], bool]] = {
    **dict.fromkeys(("forest", "forests", "woods", "jungle"), (_FOREST, False)),
    **dict.fromkeys(("river", "stream", "lake"), (_WATER, False)),
    # a valley holds the town it is named after ("the Las Vegas Valley"), as a camp
    # lies by its town
    "valley": (_WATER, True),
    **dict.fromkeys(
        ("hill", "hills", "mountain", "mountains", "range", "plateau", "massif", "ridge"),
        (_HEIGHTS, False),
    ),
    **dict.fromkeys(("camp", "camps"), (_CAMP, True)),
    **dict.fromkeys(("airport", "airfield", "airstrip"), (_AIRPORT, True)),
    **dict.fromkeys(("base", "airbase", "barracks"), (_BASE, True)),
    **dict.fromkeys(("checkpoint", "crossing"), (_CHECKPOINT, True)),
}
_WORD_AFTER = re.compile(r"^\s+(" + "|".join(sorted(FEATURE_WORDS, key=len, reverse=True)) + r")\b")
_TOWN_FEATURES = re.compile(r"^PPL")
_DIVISION_FEATURES = re.compile(r"^ADM[1-5]")


def feature_word(text: str, start: int, end: int) -> tuple[str, str] | None:
    """``(name, word)`` when the place name at [start, end) is followed by a feature's
    word in lower case ("Boni forest", "the Kakuma camp"), or ends with one written as
    part of the name ("the Sambisa Forest"); None otherwise. A word that opens a new
    phrase is not the name's: "Boni forest" only, not "Boni, forest" (a comma)."""
    name = text[start:end]
    m = _WORD_AFTER.match(text[end : end + 20])
    if m is not None:
        return name, m.group(1)
    head, _, last = name.rpartition(" ")
    if head and last.lower() in FEATURE_WORDS:
        return head, last.lower()
    return None


def resolve_feature(
    gazetteer: Gazetteer, name: str, word: str, context: PlaceContext | None = None
) -> Place | None:
    """The feature ``name`` followed by ``word`` names (see the module docstring)."""
    codes, facility = FEATURE_WORDS[word]
    countries = as_context(gazetteer, context).countries
    found: list[Place] = []
    for query in (f"{name} {word}", name):
        for cand in gazetteer.candidates(query):
            place = cand.place
            own_name = (
                query != name
                and bool(_TOWN_FEATURES.match(place.feature or ""))
                and name_key(place.name) == name_key(query)
            )
            # "Fall River": a town whose own name holds the word is that town; a feature
            # is read by its own spelling only, never a loose one
            if (place.feature in codes or own_name) and cand.match != "skeleton":
                found.append(place)
        if found:
            break
    if not found:
        # the area or town of that name at home, as the name alone reads: "the Swat
        # valley" is the Swat district, "the Kakuma camp" lies by Kakuma; a natural
        # feature is never a town
        usual = resolve_toponym(gazetteer, name, context)
        feature = (usual.feature or "") if usual is not None else ""
        if usual is not None and (
            _DIVISION_FEATURES.match(feature)
            or (
                facility
                and _TOWN_FEATURES.match(feature)
                and (not countries or usual.country in countries)
            )
        ):
            return usual
    if not found:
        return None
    # the story's countries first, then the gazetteer's order (biggest first)
    return min(found, key=lambda p: -countries.get(p.country or "", 0))
