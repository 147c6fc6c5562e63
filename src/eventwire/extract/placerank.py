"""Ranking a name's gazetteer readings (candidates) within a document's place context.

:func:`reading_score` weighs a reading by its population, feature type, the story's
country and division votes, the match kind (main name, alternate, loose spelling),
nearness to the towns the story names beyond doubt (anchors) and to readings of its other
names (geographic coherence). :func:`rank` adjusts that for rival namesakes and former
names; :func:`city_over_division` says when a division's name means its city. The
context itself is built in :mod:`eventwire.extract.placecontext`; resolving a name with
these is :func:`eventwire.extract.toponyms.resolve_toponym`.
"""

from __future__ import annotations

import math
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from eventwire.knowledge.placenames import name_key, spelling_distance
from eventwire.text.geo import haversine_km

if TYPE_CHECKING:
    from eventwire.extract.placecontext import PlaceContext
    from eventwire.knowledge.gazetteer import Candidate
    from eventwire.model import Place


BIG_CITY = 1_000_000  # a city this big, or a capital, is what news means by its division's name
CITY_SHARE = 0.15  # a division's namesake town this large a share of it is what news means
NEAR_KM = 50  # readings of one name this close are one place
NEIGHBOUR_KM = 150  # a town this close to one the story names is a neighbour
ANCHOR_BONUS = 2.0
ALIAS_PENALTY = 1.0
COHERENCE_BONUS = 1.0  # per other name of the story with a reading this near ...
COHERENCE_KM = 50
COHERENCE_MAX = 3  # ... counting this many names at most
BIG_LOOSE_EDITS = 0.15  # edits per letter (spelling_distance) of a big town's loose spelling
_CELL = 2.0  # degrees: the grid that finds a story's readings near a point


def has_rival(cands: list[Candidate], reading: Candidate, kinds: tuple[str, ...]) -> bool:
    """Another country's division or big town of the same name as ``reading``."""
    return any(
        c.place.country != reading.place.country
        and c.place.precision in kinds
        and (c.place.precision == "admin1" or (c.place.population or 0) >= 100_000)
        for c in cands
    )


def rank(c: Candidate, cands: list[Candidate], context: PlaceContext, own_name: bool) -> float:
    """:func:`reading_score`, less a division's weight where a big town elsewhere shares its name:
    Egypt's Alexandria governorate may not carry its city past Alexandria, Virginia; and
    less ALIAS_PENALTY for a town found by another name (a former one: Beeville was once
    "Maryville") where towns, divisions or countries bear the name as their own
    (``own_name``)."""
    score = reading_score(c, context)
    if c.place.precision == "admin1" and has_rival(cands, c, ("city",)):
        score -= _FEATURE_BONUS["admin1"]
    if own_name and c.match == "alternate" and c.place.precision in ("city", "point"):
        score -= ALIAS_PENALTY
    return score


def big_loose_match(c: Candidate, name: str) -> bool:
    """A loose spelling of a big town, long and close enough to be more than a chance
    likeness ("al-Hasakeh" is Al-Hasakah, "Misurata" Misratah; "Miniyeh" is not
    Minnesota, nor a village "Garkaz" Graz): it alone may place a story naming no country,
    so it must differ by little more than a vowel (BIG_LOOSE_EDITS per letter)."""
    key = name_key(name)
    if c.match != "skeleton" or (c.place.population or 0) < 100_000 or len(key) < 6:
        return False
    other = name_key(c.place.name)
    return SequenceMatcher(None, key, other).ratio() >= 0.75 and spelling_distance(
        key, other
    ) <= BIG_LOOSE_EDITS * max(len(key), len(other))


def city_over_division(division: Candidate, cands: list[Candidate]) -> Candidate:
    """ "New York" and "Washington" in news are the cities: a capital or a big city of the
    division's country that bears its name wins over the division, and so does the town a
    governorate is named after when it holds a good share of its people ("Aswan", "Port
    Said"; not "Quebec", whose province is many times its city)."""
    people = division.place.population or 0
    for c in cands:
        if (
            c.place.precision != "city"
            or c.match == "skeleton"
            or c.place.country != division.place.country
        ):
            continue
        size = c.place.population or 0
        if (
            c.place.feature == "PPLC"
            or size >= BIG_CITY
            or (c.place.admin1 == division.place.admin1 and size >= CITY_SHARE * people)
        ):
            return c
    return division


# A sea or continent has no population to rank it by: the region's bonus stands for one.
_FEATURE_BONUS = {"country": 3.0, "admin1": 1.5, "point": 2.0, "region": 6.0}


def reading_score(c: Candidate, context: PlaceContext) -> float:
    place = c.place
    votes, areas = context.countries, context.admin1
    score = math.log10((place.population or 0) + 1)
    score += _FEATURE_BONUS.get(place.precision, 0.0)
    if place.feature == "PPLC":
        score += 1.0
    share = votes.get(place.country or "", 0) / (sum(votes.values()) or 1)
    if share:
        score += 1.0 + 4.0 * share
    area_share = areas.get(place.admin1 or "", 0) / (sum(areas.values()) or 1)
    if area_share and place.precision != "admin1":
        score += 1.0 + 3.0 * area_share
    score -= {"main": 0.0, "alternate": 0.5, "skeleton": 3.0}[c.match]
    if place.lat is not None and place.lon is not None and place.precision in ("city", "point"):
        if context.anchors and _near_anchor(place, context.anchors):
            score += ANCHOR_BONUS  # near a town the story names beyond doubt: its neighbour
        if context.readings:
            score += COHERENCE_BONUS * min(COHERENCE_MAX, _neighbours(place, context))
    return score


def grid_cell(lat: float, lon: float) -> tuple[int, int]:
    return int(math.floor(lat / _CELL)), int(math.floor(lon / _CELL))


def named_near(place: Place, context: PlaceContext) -> bool:
    """Whether another name of the story has a reading within COHERENCE_KM of ``place``."""
    return _neighbours(place, context) > 0


def _neighbours(place: Place, context: PlaceContext) -> int:
    """How many other names of the story have a reading within COHERENCE_KM of ``place``:
    the Paris near Dallas when the story also names Denton and Sherman (geographic
    coherence), whichever one of each name is meant."""
    if place.id in context.near:
        return context.near[place.id]
    lat, lon = place.lat or 0.0, place.lon or 0.0
    own = name_key(place.name)
    span = COHERENCE_KM / 111.0
    wide = span / max(math.cos(math.radians(lat)), 0.1)
    row, col = grid_cell(lat, lon)
    reach = int(wide // _CELL) + 1
    near: set[str] = set()
    for r in (row - 1, row, row + 1):
        for k in range(col - reach, col + reach + 1):
            for a, b, key in context.readings.get((r, k), ()):
                if (
                    key != own
                    and key not in near
                    and abs(a - lat) <= span
                    and abs(b - lon) <= wide
                    and 1.0 < haversine_km(lat, lon, a, b) <= COHERENCE_KM
                ):
                    near.add(key)
    context.near[place.id] = len(near)
    return len(near)


def _near_anchor(place: Place, anchors: tuple[tuple[float, float, str], ...]) -> bool:
    """True when another town the story names beyond doubt lies within NEIGHBOUR_KM."""
    lat, lon = place.lat or 0.0, place.lon or 0.0
    span = NEIGHBOUR_KM / 111.0  # degrees of latitude; a cheap box before the exact distance
    wide = span / max(math.cos(math.radians(lat)), 0.1)
    return any(
        abs(a - lat) <= span
        and abs(b - lon) <= wide
        and 1.0 < haversine_km(lat, lon, a, b) <= NEIGHBOUR_KM
        for a, b, _key in anchors
    )
