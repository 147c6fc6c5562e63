"""Whether two reports' places can hold one incident (the join's place vetoes).

A place contains another (a town its sites, a governorate its towns, a country all of
them); two different towns, governorates or countries are two incidents, unless a
country-level place is a namesake of the other's country or lies within reach of it. A
place set off a town by a distance, and a district read as its namesake town, are
compared by how far they reach.
"""

from __future__ import annotations

import re

from eventwire.extract.placechoice import OFFSET_FEATURE
from eventwire.model import (
    Place,
)
from eventwire.resolve.doc_incidents import (
    DISTRICT_KM,
    TOWN_PRECISIONS,
    in_district,
    is_district,
    town_of,
)
from eventwire.text.geo import haversine_km

# words that many country names share and that never tell a country by themselves
_STATE_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "democratic",
        "republic",
        "people's",
        "peoples",
        "federal",
        "federated",
        "islamic",
        "arab",
        "united",
        "kingdom",
        "state",
        "states",
        "union",
        "socialist",
        "north",
        "south",
        "east",
        "west",
        "central",
        "new",
    ]
)


def namesake_countries(a: Place, b: Place) -> bool:
    """Two countries placed at country level whose names share a distinctive word: the
    Republic of the Congo and the Democratic Republic of the Congo, Sudan and South Sudan,
    Guinea and Guinea-Bissau. A bare "Congo" or "Sudan" is read as either, so a report
    placed in one and a report placed in the other may still tell one incident."""
    if a.precision != "country" or b.precision != "country":
        return False

    def words(p: Place) -> set[str]:
        return set(re.findall(r"[a-z']+", p.name.casefold())) - _STATE_WORDS

    return bool(words(a) & words(b))


# How far from its point a place of each precision may say an act happened (km): a site
# lies in its town, a town in its district; a country-level place stands for the whole
# country, whose point may lie 1,500 km or more from a town in it (the DR Congo's from Goma).
PRECISION_REACH_KM = {"point": 5.0, "city": 25.0, "admin2": DISTRICT_KM, "admin1": 300.0,
                      "country": 1800.0}  # fmt: skip


def within_reach(a: Place, b: Place) -> bool:
    """Whether a place below country level lies within the reach of a country-level place
    (:data:`PRECISION_REACH_KM`), whatever their country codes say: a bare "Congo" read as
    the Republic of the Congo does not rule out Goma. Two country-level places are told
    apart by their names (:func:`namesake_countries`), never by distance."""
    wide, near = (a, b) if a.precision == "country" else (b, a)
    if wide.precision != "country" or near.precision == "country":
        return False
    if near.precision not in PRECISION_REACH_KM or None in (a.lat, a.lon, b.lat, b.lon):
        return False
    far = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    return far <= PRECISION_REACH_KM["country"] + PRECISION_REACH_KM[near.precision]


def place_veto(a: Place | None, b: Place | None) -> str | None:
    """Why two places cannot hold one incident, or None when one may contain the other."""
    if a is None or b is None or a.id == b.id:
        return None
    if (a.country and b.country and a.country != b.country
            and not namesake_countries(a, b) and not within_reach(a, b)):  # fmt: skip
        return f"places in two countries ({a.name}, {b.name})"
    if town_of(a) and town_of(b):
        return "two different towns ({}, {})".format(*sorted((a.name, b.name)))
    # two governorates only when both are known: a place whose governorate is not known
    # (a name the gazetteer lacks, kept at a part of its country) may lie in either, and
    # asked of the first place only, the veto said one thing of (a, b), another of (b, a)
    local = TOWN_PRECISIONS | {"admin1"}
    if (a.precision in local and b.precision in local and a.admin1 and b.admin1
            and a.admin1 != b.admin1):  # fmt: skip
        return f"places in two governorates ({a.name}, {b.name})"
    return None


def offset_veto(a: Place | None, b: Place | None) -> str | None:
    """Why a place set off a town by a distance and a bearing ("40 km south of Tessalit",
    feature ``OFFSET``: its own point, at ``admin1`` precision) and a town are two places:
    the town lies farther from that point than a district reaches
    (:data:`PRECISION_REACH_KM`), so a report of it would have named that town. The
    offset's coarse precision alone would let it meet any town of its governorate."""
    for off, town in ((a, b), (b, a)):
        if off is None or off.feature != OFFSET_FEATURE or (town := town_of(town)) is None:
            continue
        if None in (off.lat, off.lon, town.lat, town.lon):
            continue
        far = haversine_km(off.lat, off.lon, town.lat, town.lon)  # type: ignore[arg-type]
        if far > PRECISION_REACH_KM["admin2"]:
            return f"two different places ({off.name}, {town.name})"
    return None


def district_veto(a: Place | None, b: Place | None) -> str | None:
    """Why a district read as its namesake town ("Kashmore district",
    :func:`~eventwire.resolve.doc_incidents.is_district`) and another place are two
    places, compared as a district, never as its province: a town, a site or another place
    off a town farther than the district reaches from its namesake's point
    (:func:`~eventwire.resolve.doc_incidents.in_district`), another district, or a place of
    another governorate. A province or a country holding it meets it."""
    for dist, other in ((a, b), (b, a)):
        if not is_district(dist) or other is None or dist is None or other.id == dist.id:
            continue
        if is_district(other):
            return "two different districts ({}, {})".format(*sorted((dist.name, other.name)))
        if other.precision == "country":
            return None
        if dist.admin1 and other.admin1 and dist.admin1 != other.admin1:
            return f"places in two governorates ({dist.name}, {other.name})"
        point = other.precision != "admin1" or other.feature == OFFSET_FEATURE
        if point and not in_district(dist, other):
            return f"a place outside the district ({dist.name}, {other.name})"
        return None
    return None
