"""Reference points, distances and stretches: where a sentence names a place only to say
where another lies ("Majzar west of Marib", "some 400 km from the capital", "near the
border with Uganda", "the road between Gao and Ansongo"), and what such a place makes
of an event's place (a town's surroundings, a point along a bearing, a country).
:mod:`placechoice` ranks an event's places with these."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.extract.context import DocContext
from eventwire.model import PlaceMention
from eventwire.text.geo import destination

if TYPE_CHECKING:
    from eventwire.model import Place

# A town named to say where another place lies: "Majzar district west of Marib", "some
# 400 km from the capital", "near the border with Uganda" (but "in the east of Hays" is in
# Hays).
_REFERENCE = re.compile(
    r"(?:(?<!\bthe )\b(?:(?:north|south)[-– ]?(?:east|west)|north|south|east|west)"
    r"(?:ern)?\s+of|\b(?:km|kms|kilometres|kilometers|miles)\s+(?:away\s+from|from|of|outside)|\bborders?\s+with)"
    r"\s+(?:the\s+)?(?:capital(?:\s+city)?,?\s+)?(?:(?:al|el|as|ad|ar|an)[-\s])?$"
)


# A stretch between two places: "on the road between Gao and Ansongo", "between the towns
# of X and Y": the event is near the first end, at neither for sure.
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+(?:towns?|cities|villages?)\s+of\s+)?(?:the\s+)?$")


TOWNS = ("city", "point", "admin2")


# A distance and a direction from a reference point: "270 km east of Lima", "some 40
# kilometres from Gao", "60 miles north-west of the capital", "40 miles from the town of
# Kano". The one reading of such a distance: the incidents read it too
# (:func:`distance_before`).
_DISTANCE = re.compile(
    r"(?i)\b(\d[\d,]*(?:\.\d+)?)\s*-?\s*(km|kms|kilomet(?:re|er)s?|miles?|mi)\b\s+"
    r"(?:\((?:[^()]{0,20})\)\s+)?"
    r"(?:((?:north|south)[-– ]?(?:east|west)|north|south|east|west)(?:ern)?\s+)?"
    r"(?:of|away\s+from|from|outside)\s+(?:the\s+)?"
    r"(?:capital(?:\s+city)?,?\s+|(?:town|city|village)\s+of\s+)?(?:(?:al|el|as|ad|ar|an)[-\s])?$"
)


_BEARINGS = {"north": 0.0, "east": 90.0, "south": 180.0, "west": 270.0}


# Farther than this from a reference, a place only that reference gives is no town's
# surroundings: ACLED's 25 km of "near a town".
NEAR_TOWN_KM = 25.0


KM_PER_MILE = 1.609344


# the feature of a place set off a town by a distance and a bearing ("40 km south of
# Tessalit"): its own point, which no town stands for
OFFSET_FEATURE = "OFFSET"


# A second name of a list goes with the first: "the border with Chad and Niger".
_LIST_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?$")


# "west of Haydan district" is in the district's west, no reference point outside it
_DIVISION_NAMED = re.compile(r"\b(?:district|subdistrict|governorate|province|countryside)\b")


@dataclass(frozen=True)
class Distance:
    """A distance off a reference point as the text states it: "some 270 km east of"."""

    km: float
    figure: str  # as written: "1,200"
    unit: str  # as written: "km", "miles"
    direction: str | None  # "east", "north-west", "northeast"; None without one


def distance_before(text: str) -> Distance | None:
    """The distance off a reference point that ``text`` (the words just before a place
    name) ends with ("270 km east of", "40 miles from the town of"), in kilometres."""
    m = _DISTANCE.search(text)
    return None if m is None else _distance(m)


# A distance and a direction set after a name with no reference point, which is the
# story's own town: "Xa, about 50 km to the north", "Xa, some 60 kilometres north-west".
_BEARING_AFTER = re.compile(
    r"(?i)^,\s*(?:about|some|around|roughly|nearly|almost|only)?\s*(\d[\d,]*(?:\.\d+)?)\s*-?\s*"
    r"(km|kms|kilomet(?:re|er)s?|miles?)\s+(?:to\s+the\s+)?"
    r"((?:north|south)[-– ]?(?:east|west)|north|south|east|west)\b(?!\s+(?:of|from)\b)"
)


def bearing_after(text: str) -> Distance | None:
    """The distance and direction ``text`` (the words right after a name) sets the name
    off the story's own town with, naming no reference point: ", about 50 km to the
    north", ", some 40 miles south-east"; not ", 50 km north of Gao" (a reference)."""
    m = _BEARING_AFTER.match(text)
    return None if m is None else _distance(m)


def _distance(m: re.Match[str]) -> Distance:
    """A matched figure, unit and direction (groups 1 to 3) as a :class:`Distance` in km."""
    km = float(m.group(1).replace(",", ""))
    if m.group(2).lower().startswith("mi"):
        km *= KM_PER_MILE
    return Distance(km, m.group(1), m.group(2), m.group(3))


def states_reference(text: str, pm: PlaceMention) -> bool:
    """Whether the words before ``pm`` name it as a reference point: a direction or a
    distance off it ("west of", "some 400 km from the capital"), or a border with it."""
    return bool(_REFERENCE.search(text[max(0, pm.span.start - 30) : pm.span.start]))


def near_reference(place: Place, approximate: set[str]) -> Place:
    """A town the event is only placed by ("40 km south of Mopti", "west of Marib", "the
    road between Gao and Ansongo"), with nothing named for itself nearer, keeps its point
    with the precision of its surroundings (``admin2``: ACLED's "near a town"), not of the
    town itself; "the outskirts of Goma" and "in Kufra, 400 km from the capital" stay
    towns."""
    if place.id in approximate and place.precision in ("city", "point"):
        return replace(place, precision="admin2")
    return place


def off_reference(ctx: DocContext, place: Place, pm: PlaceMention) -> Place:
    """A place given only by its distance from a reference point farther than
    NEAR_TOWN_KM ("an ambush 270 km east of Lima", "some 400 km from the capital") is not
    at the reference: with a direction, the point that distance along it, with a
    province's precision (``admin1``: the distance is round and the road unknown);
    without one, only the reference's country is known."""
    off = distance_before(ctx.text[max(0, pm.span.start - 60) : pm.span.start])
    if off is None or place.lat is None or place.lon is None:
        return place
    km = off.km
    if km <= NEAR_TOWN_KM:
        return place
    if off.direction is None:
        country = ctx.resources.gazetteer.country(place.country) if place.country else None
        return country or place
    return offset_point(place, off)


def offset_point(place: Place, off: Distance) -> Place:
    """The point ``off`` (a distance with a direction) puts off ``place``, with a
    province's precision (``admin1``: the distance is round and the road unknown)."""
    assert off.direction is not None and place.lat is not None and place.lon is not None
    km = off.km
    words = re.split(r"[-– ]", off.direction.lower())
    if len(words) == 1 and len(words[0]) > 5:  # "northeast"
        words = [words[0][:5], words[0][5:]]
    bearings = [_BEARINGS[w] for w in words]
    bearing = bearings[0] if len(bearings) == 1 else _between_bearings(*bearings)
    lat, lon = destination(place.lat, place.lon, km, bearing)
    direction = "-".join(words)
    return replace(
        place,
        id=f"{place.id}@{km:g}km:{direction}",
        name=f"{off.figure} {off.unit} {direction} of {place.name}",
        lat=round(lat, 4),
        lon=round(lon, 4),
        precision="admin1",
        feature=OFFSET_FEATURE,
        population=None,
    )


def _between_bearings(a: float, b: float) -> float:
    """The bearing halfway between two cardinal ones ("north" and "west": 315)."""
    if abs(a - b) > 180:
        return ((a + b + 360) / 2) % 360
    return (a + b) / 2


def between_ends(text: str, in_sentence: list[PlaceMention]) -> tuple[set[str], set[str]]:
    """Ids of the places ``in_sentence`` names as the two ends of a stretch ("between Gao
    and Ansongo"), and of the second ends, which rank after the first."""
    ends: set[str] = set()
    seconds: set[str] = set()
    for first, second in itertools.pairwise(in_sentence):
        if (
            first.place is not None
            and second.place is not None
            and _BETWEEN.search(text[max(0, first.span.start - 40) : first.span.start])
            and re.fullmatch(r"\s+and\s+(?:the\s+)?", text[first.span.end : second.span.start])
        ):
            ends.update((first.place.id, second.place.id))
            seconds.add(second.place.id)
    return ends, seconds


def reference_points(text: str, in_sentence: list[PlaceMention]) -> tuple[set[str], set[str]]:
    """Ids of the places ``in_sentence`` names as reference points ("X, 400 km from Y",
    "west of Marib", "the border with Chad and Niger"), and of the countries among them
    named across a border. A town named as a reference point once is one wherever the
    sentence names it ("Majzar west of Marib city (Marib)"); names listed after one are
    too ("the border with Chad and Niger")."""
    found: set[str] = set()
    beyond: set[str] = set()
    previous: PlaceMention | None = None
    for pm in in_sentence:
        assert pm.place is not None
        before = text[max(0, pm.span.start - 30) : pm.span.start]
        listed = (
            previous is not None
            and previous.place is not None
            and previous.place.id in found
            and bool(_LIST_JOIN.match(text[previous.span.end : pm.span.start]))
        )
        m = _REFERENCE.search(before)
        if listed or (m and not _DIVISION_NAMED.search(text[pm.span.start : pm.span.end + 15])):
            found.add(pm.place.id)
            across = (m is not None and "border" in m.group(0)) or (
                listed and previous is not None and previous.place.id in beyond  # type: ignore[union-attr]
            )
            if across and pm.place.precision == "country":
                beyond.add(pm.place.id)
        previous = pm
    return found, beyond
