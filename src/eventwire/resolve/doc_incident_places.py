"""The places of an article as its incidents read them: a town (or a point off one), the
one town an article names, the divisions read as their namesake town, districts, and
which wider place may hold a town."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from eventwire.extract.placechoice import NEAR_TOWN_KM, OFFSET_FEATURE, distance_before
from eventwire.extract.placefeatures import TIED_FEATURE, TIED_PREFIX
from eventwire.extract.placespans import DIVISION_KIND_WORDS
from eventwire.extract.placeunread import NAMED_FEATURE, NAMED_PREFIX
from eventwire.model import DocumentRecords, EventMention, Place, PlaceMention
from eventwire.text.geo import haversine_km

TOWN_PRECISIONS = frozenset({"point", "city"})


def holds_town(place: Place, town: Place) -> bool:
    """Whether ``town`` may be where an act placed only in ``place`` happened: ``place``
    is its country, or a division of its country holding it (the same governorate when
    both give one). A place set off a town by a distance ("40 km south of Tessalit") is
    its own point and holds no town: the article's only town may be where the convoy
    left from. So is a scene the text names by a name the gazetteer lacks, placed only by
    the area it lies in ("gunmen kidnapped a farmer at Bakoro", ``NAMED``) or by what the
    text ties it to ("a village near the town of Selu, in the west of the country",
    ``NEAR``): the act happened at that named place, not in the one town the article
    names elsewhere (its dateline's capital, the town fifty kilometres off where the
    wounded were taken), unless the name is placed by that very town ("a hamlet near
    Mirali", :func:`named_by`)."""
    if place.feature == OFFSET_FEATURE or place.country not in (None, town.country):
        return False
    if place.feature in (NAMED_FEATURE, TIED_FEATURE) and named_by(place) != town.id:
        return False
    if is_district(place):
        return in_district(place, town)  # a district holds the towns around its own
    if place.precision == "country" or not (place.admin1 and town.admin1):
        return True
    return place.admin1 == town.admin1


def named_by(place: Place) -> str | None:
    """The id of the place a scene named by a name the gazetteer lacks is placed by: the
    area it lies in (``NAMED``) or the place the text ties it to (``NEAR``); None for any
    other place."""
    for feature, prefix in ((NAMED_FEATURE, NAMED_PREFIX), (TIED_FEATURE, TIED_PREFIX)):
        if place.feature == feature and place.id.startswith(prefix):
            return place.id[len(prefix) :].rpartition("|")[0]
    return None


def best_place(places: Iterable[Place | None]) -> Place | None:
    """The most specific of ``places`` (a town over a governorate over a country)."""
    rank = {"point": 0, "city": 1, "admin2": 1.5, "admin1": 2, "country": 3, "region": 4}
    found = [p for p in places if p is not None]
    return min(found, key=lambda p: (rank.get(p.precision, 5), p.id), default=None)


def own_town(em: EventMention, divisions: frozenset[str]) -> Place | None:
    """The town a mention places itself in, or lies off (:func:`town_of`); a division
    read as its namesake town (``divisions``, :func:`division_places`) is none."""
    return town_of(as_division(em.place, divisions))


def town_of(place: Place | None) -> Place | None:
    """``place`` when it is a town, or a town an act lies off ("20 km south of Gao",
    :func:`is_near_town`: the town's point at ``admin2`` precision), else None."""
    return place if place and (place.precision in TOWN_PRECISIONS or is_near_town(place)) else None


def is_near_town(place: Place | None) -> bool:
    """Whether ``place`` is a town an act is only placed by ("20 km south of Arish", "west
    of Marib"): extraction keeps the town's point with ``admin2`` precision (ACLED's "near
    a town"), and the town's own feature (a populated place), unlike a district (a GeoNames
    division, ADM2 and finer). Within an article it is the act's town: a later sentence
    placing the act off a town tells the lead's incident again and lends it that place,
    and two acts off or in two different towns are two incidents."""
    return bool(place and place.precision == "admin2" and (place.feature or "").startswith("PPL"))


def same_place(a: Place | None, b: Place | None) -> bool:
    """One place, whatever precision each report gives it (a town, and the same town's
    point as a place near it)."""
    return a is b or (a is not None and b is not None and a.id == b.id)


def only_town(doc: DocumentRecords) -> Place | None:
    """The one town the article's place mentions name, if exactly one: where an incident
    that places nothing itself happened ("on the northern edge of Gharyan"). A town named
    only in the dateline (where the report was filed: "N'DJAMENA, Chad (Wire) --") or
    only as a far reference point ("270 km east of Lima") is not where the article's
    incidents happened (:func:`is_dateline`, :func:`is_reference_point`)."""
    towns = {p.place.id: p.place for p in doc.places
             if p.place and p.place.precision in TOWN_PRECISIONS and not p.is_actor
             and not is_dateline(p) and not is_reference_point(p)}  # fmt: skip
    return next(iter(towns.values())) if len(towns) == 1 else None


def is_dateline(pm: PlaceMention) -> bool:
    """Whether a place mention is a report's dateline ("NIAMEY, Niger (Wire) --"), as
    extraction zoned the page (``PlaceMention.zone``)."""
    return pm.zone == "dateline"


def is_reference_point(pm: PlaceMention) -> bool:
    """Whether a town is named as a reference point: the act placed farther off it than a
    place near a town lies (``NEAR_TOWN_KM``: "270 km east of Lima", "40 miles from
    Gao"), which tells where the act happened no better than the country. A place near
    a town ("near Bama", "20 km south of Arish", "outside the town") is that town's, as
    everywhere in the incidents. The distance is read as extraction reads it
    (:func:`~eventwire.extract.placechoice.distance_before`)."""
    ev, span = pm.evidence, pm.span
    head = ev.sentence[max(span.start - ev.char_start - 60, 0) : max(span.start - ev.char_start, 0)]
    off = distance_before(head)
    return off is not None and off.km > NEAR_TOWN_KM


# the words of a division (its kind word, last in its name): "the Borno region",
# "Kashmore district", "Ituri province". The kind words extraction reads after a name
# (one list), but "municipality" and "commune" (a town's own area: the town's, not its
# governorate's) and "emirate" (a state's formal name); and "division" and "regency",
# which end only a gazetteer's own name of one ("Dhaka Division", "Bandung Regency"):
# extraction does not read them after a name, where "division" is mostly an army's
DIVISION_WORDS = (DIVISION_KIND_WORDS - {"municipality", "commune", "emirate"}) | {
    "division",
    "regency",
}
# ... of them, the words of a second-level division, a district: "Kashmore district",
# "Bama county", "the Mopti prefecture" (a part of a province, not the province)
DISTRICT_WORDS = frozenset({"district", "county", "prefecture", "department", "regency"})
DISTRICT_MARK = "district:"  # ``division_places`` marks a district's id with it
# How far from its namesake town's point a district read as that town reaches (km): a
# district is a town's surroundings, the reach the join gives a place of ``admin2``
# precision (``incidents.PRECISION_REACH_KM``)
DISTRICT_KM = 75.0


def division_places(doc: DocumentRecords) -> frozenset[str]:
    """The ids of the places an article names as a division that extraction read as its
    namesake town, at the town's point with ``admin2`` precision ("Kashmore district"
    placed at Kashmore's point): the name with its kind word last. A district (its kind
    word among :data:`DISTRICT_WORDS`) is marked: :data:`DISTRICT_MARK` before its id."""
    found = set()
    for pm in doc.places:
        words = pm.span.text.casefold().split()
        if pm.place and is_near_town(pm.place) and words and words[-1] in DIVISION_WORDS:
            mark = DISTRICT_MARK if words[-1] in DISTRICT_WORDS else ""
            found.add(f"{mark}{pm.place.id}")
    return frozenset(found)


def as_division(place: Place | None, divisions: frozenset[str]) -> Place | None:
    """``place``, but a division read as its namesake town (:func:`division_places`) as
    that division: all that is known is that the act lies in it, so it is neither that
    town nor another. A province, region or state is the governorate of that town (a town
    of another governorate still rules it out); a district is a district
    (:func:`is_district`), the town's surroundings: its point, ``admin2`` precision,
    :data:`DISTRICT_KM` around it, never the whole province the town lies in."""
    if place is None or not is_near_town(place):
        return place
    if f"{DISTRICT_MARK}{place.id}" in divisions:
        return replace(place, id=f"{DISTRICT_MARK}{place.id}", feature="ADM2")
    if place.id not in divisions:
        return place
    return replace(place, id=f"admin1:{place.admin1}" if place.admin1 else f"near:{place.id}",
                   precision="admin1", feature="ADM1")  # fmt: skip


def is_district(place: Place | None) -> bool:
    """Whether ``place`` is a district read as its namesake town (:func:`as_division`)."""
    return bool(place and place.id.startswith(DISTRICT_MARK))


def in_district(district: Place, place: Place) -> bool:
    """Whether ``place`` (a point: a town, a site) may lie in ``district``: within
    :data:`DISTRICT_KM` of its namesake town's point."""
    if None in (district.lat, district.lon, place.lat, place.lon):
        return district.admin1 in (None, place.admin1)
    far = haversine_km(district.lat, district.lon, place.lat, place.lon)  # type: ignore[arg-type]
    return far <= DISTRICT_KM


def is_town_record(place_mention: object) -> bool:
    """Whether a stored place mention (its JSON form) is one :func:`only_town` reads: a
    town named as a place, not as an actor. A store that reads documents without their
    place mentions (the bulk of a record) keeps these, so an incremental refresh finds
    the article's only town as a rebuild does."""
    if not isinstance(place_mention, dict) or place_mention.get("is_actor"):
        return False
    place = place_mention.get("place")
    return isinstance(place, dict) and place.get("precision") in TOWN_PRECISIONS
