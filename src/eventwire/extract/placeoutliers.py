"""A village read far outside the area the rest of the story is in: a namesake, not the place.

"Gunmen on motorbikes attacked Xa overnight" in a story whose other names (its dateline,
its province, three towns) all lie in one state or country, with the gazetteer's only
villages called Xa in another state hundreds of kilometres away: the gazetteer lacks the
village the text means, and the name's reading is a likeness. Such a reading had placed
the story's main event in the wrong state (or across a border), and every later sentence
that went on there.

:func:`far_namesakes` sets such readings aside after every name of the document is read,
so it weighs the readings themselves, not the votes that chose them (a story's votes for
a division are thin: a town with several readings casts none). A reading is set aside
when all of these hold:

- it is a village or small town (under ``VILLAGE_PEOPLE`` people), read as a town or a
  point, and no mention of it is the dateline's;
- it lies outside the story's area: in a country other than the one the story's other
  place mentions lead to (each mention one vote, a dateline's
  :data:`~eventwire.extract.one_state.DATELINE_VOTES`, as
  :func:`~eventwire.extract.one_state.article_country` counts them; the leader needs
  ``COUNTRY_VOTES`` votes and twice the next country's, since a story often names a
  neighbour as a party or a backer, which ``article_country``'s three quarters would
  not allow), or, in a story whose names lead to one first-level division of that
  country (``AREA_NAMES`` names or more, ``AREA_SHARE`` of those finer than a country),
  in another division;
- it lies farther than ``DIVISION_KM`` from every other place finer than a country the
  story reads: a village near one of the story's towns across a border or a division's
  edge is a neighbour, not a namesake.

The name is then a name the gazetteer lacks: it is added to the document's unread names,
so the steps that place such names by the area the text ties them to, or by the story's
area, read it (:mod:`eventwire.extract.placefeatures`, :mod:`eventwire.extract.placeunread`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.one_state import CLEAR_SHARE, DATELINE_VOTES
from eventwire.extract.toponyms import DIVISION_KM
from eventwire.text.geo import haversine_km

if TYPE_CHECKING:
    from collections.abc import Iterable

    from eventwire.model import Place, PlaceMention


VILLAGE_PEOPLE = 20_000  # a bigger town's reading is surer than the story's area
AREA_NAMES = 3  # distinct names in one division make it the story's division ...
AREA_SHARE = CLEAR_SHARE  # ... when they are this share of the names finer than a country
COUNTRY_VOTES = 3  # a story's country has this many votes and twice the next one's
_FINE = ("city", "point", "admin2", "admin1")


def far_namesakes(
    mentions: list[PlaceMention], unread: dict[int, tuple[str, str]], datelines: set[int]
) -> list[PlaceMention]:
    """``mentions`` with the readings that lie far outside the story's area left unread
    (see the module's docstring); each mention so left is added to ``unread`` by its
    start. ``datelines``: the starts of mentions in the dateline, whose reading stands."""
    readings = {pm.place.id: pm.place for pm in mentions if pm.place is not None}
    kept_by_dateline = {
        pm.place.id for pm in mentions if pm.place is not None and pm.span.start in datelines
    }
    far = set()
    for pid, place in readings.items():
        if pid in kept_by_dateline or not _small_town(place):
            continue
        rest = [pm for pm in mentions if pm.place is not None and pm.place.id != pid]
        country = _story_country(rest, datelines)
        if country is None:
            continue
        others = [o for o in readings.values() if o.id != pid]
        division = _story_division(others, country)
        if _outside(place, country, division) and _far_from_the_rest(place, others):
            far.add(pid)
    if not far:
        return mentions
    out = []
    for pm in mentions:
        if pm.place is not None and pm.place.id in far:
            unread[pm.span.start] = (pm.span.text, "")
            pm = replace(pm, place=None)
        out.append(pm)
    return out


def _story_country(mentions: Iterable[PlaceMention], datelines: set[int]) -> str | None:
    """The country the story's place mentions lead to (see the module's docstring)."""
    votes: Counter[str] = Counter()
    for pm in mentions:
        place = pm.place
        if place is None or not place.country or place.precision == "region":
            continue
        votes[place.country] += DATELINE_VOTES if pm.span.start in datelines else 1
    top = votes.most_common(2)
    if not top or top[0][1] < COUNTRY_VOTES:
        return None
    if len(top) == 2 and top[0][1] < 2 * top[1][1]:
        return None
    return top[0][0]


def _story_division(places: Iterable[Place], country: str) -> str | None:
    """The first-level division (its admin1 code) most of the story's names finer than a
    country lie in, within ``country``; None when none leads so clearly."""
    areas: Counter[str] = Counter()
    for place in places:
        if place.country == country and place.precision in _FINE and place.admin1:
            areas[place.admin1] += 1
    if not areas:
        return None
    code, n = areas.most_common(1)[0]
    return code if n >= AREA_NAMES and n >= AREA_SHARE * sum(areas.values()) else None


def _small_town(place: Place) -> bool:
    """A village or small town with a point, not a capital."""
    return (
        place.precision in ("city", "point")
        and (place.population or 0) < VILLAGE_PEOPLE
        and place.lat is not None
        and place.lon is not None
        and place.feature != "PPLC"
    )


def _outside(place: Place, country: str, division: str | None) -> bool:
    """In another country than the story's, or in another division than the story's."""
    if place.country != country:
        return True
    return division is not None and place.admin1 not in (None, division)


def _far_from_the_rest(place: Place, others: Iterable[Place]) -> bool:
    """Whether every other place finer than a country the story reads lies farther than
    DIVISION_KM from ``place`` (and there is at least one)."""
    points = [
        (o.lat, o.lon)
        for o in others
        if o.precision in _FINE and o.lat is not None and o.lon is not None
    ]
    return bool(points) and all(
        haversine_km(place.lat, place.lon, lat, lon) > DIVISION_KM  # type: ignore[arg-type]
        for lat, lon in points
    )
