"""Points for the parts of a country or division that news names by a compass direction.

"Fighting in eastern Ukraine" names a part of a country (see
:mod:`eventwire.extract.placeparts`). The gazetteer holds no shapes, so a part's point is
worked out from the towns it holds: the mean of the whole's towns that lie in that
direction from the whole's point, weighted by their people (where a part's news comes
from is where its people live). Towns near the middle belong to no direction: they make
the ``central`` part instead, so "northern Ethiopia" is not pulled to a capital that lies
a little north of the country's point.

The points are worked out once, when a gazetteer is built or a dump imported
(:func:`write_parts`), into the ``part`` table: whole's id, the direction's adjective
("northern", "southeastern", "central"), latitude and longitude.
:meth:`eventwire.knowledge.gazetteer.Gazetteer.part_point` reads them.
"""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence

# The compass direction of each adjective, in degrees counter-clockwise from east.
DIRECTIONS = {
    "eastern": 0.0,
    "northeastern": 45.0,
    "northern": 90.0,
    "northwestern": 135.0,
    "western": 180.0,
    "southwestern": -135.0,
    "southern": -90.0,
    "southeastern": -45.0,
}
CENTRAL = "central"
# A town lies in a cardinal direction within 67.5 degrees of it (northern holds the north
# and half of the north-east and north-west), in an intercardinal one within 45 degrees.
CARDINAL_HALF_WIDTH = 67.5
INTERCARDINAL_HALF_WIDTH = 45.0
# Towns nearer the middle than this share of the whole's reach (the distance within
# which 90% of its towns lie) are central, in no direction.
INNER_SHARE = 1 / 3
REACH_QUANTILE = 0.9

Town = tuple[float, float, int]  # latitude, longitude, people

PART_SCHEMA = """
CREATE TABLE IF NOT EXISTS part (
    whole TEXT, direction TEXT, lat REAL, lon REAL, PRIMARY KEY (whole, direction)
) WITHOUT ROWID;
"""


def _offset(centre: tuple[float, float], lat: float, lon: float) -> tuple[float, float]:
    """East and north offsets in degrees of latitude (a degree of longitude shrinks with
    the cosine of the latitude), the longitude taken the short way round."""
    dlon = (lon - centre[1] + 180.0) % 360.0 - 180.0
    return dlon * math.cos(math.radians(centre[0])), lat - centre[0]


def _angle_between(a: float, b: float) -> float:
    return abs((a - b + 180.0) % 360.0 - 180.0)


def part_points(
    centre: tuple[float, float], towns: Sequence[Town]
) -> dict[str, tuple[float, float]]:
    """The point of each part of a whole centred on ``centre`` that holds towns: the
    people-weighted mean of its towns (see the module's docstring). A part whose towns
    have no people counted takes their plain mean; a part with no town has no point."""
    if not towns:
        return {}
    placed = [(_offset(centre, lat, lon), (lat, lon, people)) for lat, lon, people in towns]
    distances = sorted(math.hypot(*xy) for xy, _ in placed)
    reach = distances[min(len(distances) - 1, int(len(distances) * REACH_QUANTILE))]
    inner = reach * INNER_SHARE
    groups: dict[str, list[Town]] = defaultdict(list)
    for (x, y), town in placed:
        if math.hypot(x, y) <= inner:
            groups[CENTRAL].append(town)
            continue
        angle = math.degrees(math.atan2(y, x))
        for adjective, direction in DIRECTIONS.items():
            half = CARDINAL_HALF_WIDTH if direction % 90 == 0 else INTERCARDINAL_HALF_WIDTH
            if _angle_between(angle, direction) <= half:
                groups[adjective].append(town)
    return {adjective: _mean(group) for adjective, group in sorted(groups.items())}


def _mean(towns: Iterable[Town]) -> tuple[float, float]:
    rows = list(towns)
    weights = [max(people, 0) for _lat, _lon, people in rows]
    if not sum(weights):
        weights = [1] * len(rows)
    total = sum(weights)
    lat = sum(w * t[0] for w, t in zip(weights, rows, strict=True)) / total
    # longitudes averaged as offsets from the first town's, so a part across the
    # antimeridian stays where it is
    base = rows[0][1]
    lon = (
        base
        + sum(
            w * ((t[1] - base + 180.0) % 360.0 - 180.0) for w, t in zip(weights, rows, strict=True)
        )
        / total
    )
    return round(lat, 4), round((lon + 180.0) % 360.0 - 180.0, 4)


def write_parts(con: sqlite3.Connection) -> int:
    """Work out the parts of every country and first-level division the gazetteer on
    ``con`` holds from its towns (feature ``PPL...`` with precision ``city``), replacing
    what the ``part`` table held; the number of parts written."""
    con.executescript(PART_SCHEMA)
    con.execute("DELETE FROM part")
    by_country: dict[str, list[Town]] = defaultdict(list)
    by_division: dict[str, list[Town]] = defaultdict(list)
    towns = con.execute(
        "SELECT lat, lon, country, admin1, population FROM place "
        "WHERE precision = 'city' AND feature LIKE 'PPL%' AND lat IS NOT NULL "
        "ORDER BY rowid"
    )
    for lat, lon, country, admin1, people in towns:
        town = (float(lat), float(lon), int(people or 0))
        if country:
            by_country[country].append(town)
        if admin1:
            by_division[admin1].append(town)
    wholes = con.execute(
        "SELECT id, lat, lon, country, admin1, precision FROM place "
        "WHERE (precision = 'country' OR (precision = 'admin1' AND id LIKE 'admin1:%')) "
        "AND lat IS NOT NULL ORDER BY rowid"
    ).fetchall()
    rows = []
    for pid, lat, lon, country, admin1, precision in wholes:
        group = (
            by_country.get(country, []) if precision == "country" else by_division.get(admin1, [])
        )
        for adjective, (plat, plon) in part_points((lat, lon), group).items():
            rows.append((pid, adjective, plat, plon))
    con.executemany("INSERT OR REPLACE INTO part VALUES (?, ?, ?, ?)", rows)
    return len(rows)
