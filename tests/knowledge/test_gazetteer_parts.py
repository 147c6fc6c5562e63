"""The point of a part of a country a direction names ("eastern Libya"): the
people-weighted middle of the whole's towns lying in that direction from its point,
worked out once into the gazetteer's ``part`` table. A small gazetteer we write."""

from __future__ import annotations

import sqlite3

import pytest

from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.knowledge.gazetteer_build import SCHEMA, Builder
from eventwire.knowledge.gazetteer_parts import CENTRAL, part_points, write_parts

CENTRE = (0.0, 0.0)
TOWNS = [
    (5.0, 0.0, 100),  # north
    (6.0, 1.0, 300),  # north, a little east
    (-5.0, 0.0, 200),  # south
    (0.0, 5.0, 50),  # east
    (0.0, -5.0, 50),  # west
    (0.5, 0.5, 1_000_000),  # a big town near the middle: central, in no direction
]


def test_a_part_is_the_weighted_middle_of_its_towns() -> None:
    points = part_points(CENTRE, TOWNS)
    # (5, 0) weighs 100 and (6, 1) weighs 300
    assert points["northern"] == (5.75, 0.75)
    assert points["southern"] == (-5.0, 0.0)
    assert points["eastern"] == (0.0, 5.0)
    assert points["western"] == (0.0, -5.0)


def test_a_big_town_near_the_middle_pulls_no_direction() -> None:
    points = part_points(CENTRE, TOWNS)
    assert points[CENTRAL] == (0.5, 0.5)
    assert all(lat > 4 for lat, _lon in [points["northern"], points["northeastern"]])


def test_a_direction_with_no_town_has_no_point() -> None:
    points = part_points(CENTRE, [(5.0, 0.0, 10), (-5.0, 0.0, 10), (0.0, 0.0, 10)])
    assert "eastern" not in points and "western" not in points
    assert part_points(CENTRE, []) == {}


def test_towns_without_people_count_alike() -> None:
    points = part_points(CENTRE, [(4.0, 0.0, 0), (6.0, 0.0, 0), (-5.0, 0.0, 0), (0.0, 0.0, 0)])
    assert points["northern"] == (5.0, 0.0)


def test_longitudes_across_the_antimeridian_stay_together() -> None:
    points = part_points((0.0, 179.0), [(0.0, 178.0, 1), (0.0, -178.0, 1), (0.0, -179.5, 1)])
    lat, lon = points["eastern"]
    assert lon == pytest.approx(-178.75)


def _gazetteer(tmp_path, with_parts: bool = True) -> Gazetteer:
    path = tmp_path / "parts.sqlite"
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row = con, 1
    town = {"precision": "city", "feature": "PPL", "country": "AAA", "admin1": "AA.01"}
    b.add("geonames:1", "Northtown", [], lat=5.0, lon=0.0, population=100, **town)
    b.add("geonames:2", "Hilltown", [], lat=6.0, lon=1.0, population=300, **town)
    b.add("geonames:3", "Southtown", [], lat=-5.0, lon=0.0, population=200, **town)
    b.add("geonames:4", "Midtown", [], lat=0.5, lon=0.5, population=10**6, **town)
    b.add("geonames:5", "Easttown", [], lat=0.0, lon=5.0, population=50, **town)
    b.add("country:AAA", "Aland", [], lat=0.0, lon=0.0, country="AAA", precision="country",
          feature="PCLI", population=2_000_000)  # fmt: skip
    b.add("admin1:AA.01", "Middle Province", [], lat=0.0, lon=0.0, country="AAA",
          admin1="AA.01", precision="admin1", feature="ADM1")  # fmt: skip
    if with_parts:
        assert write_parts(con) > 0
    con.commit()
    con.close()
    return Gazetteer(path)


def test_the_gazetteer_keeps_each_wholes_parts(tmp_path) -> None:
    gaz = _gazetteer(tmp_path)
    assert gaz.part_point("country:AAA", "northern") == (5.75, 0.75)
    assert gaz.part_point("admin1:AA.01", "southern") == (-5.0, 0.0)
    assert gaz.part_point("country:AAA", "western") is None  # no town lies west
    assert gaz.part_point("country:BBB", "northern") is None


def test_a_gazetteer_built_before_parts_had_points_answers_none(tmp_path) -> None:
    gaz = _gazetteer(tmp_path, with_parts=False)
    assert gaz.part_point("country:AAA", "northern") is None


def test_writing_the_parts_again_gives_the_same_table(tmp_path) -> None:
    gaz = _gazetteer(tmp_path)
    gaz.close()
    con = sqlite3.connect(tmp_path / "parts.sqlite")
    before = con.execute("SELECT * FROM part ORDER BY whole, direction").fetchall()
    write_parts(con)
    assert con.execute("SELECT * FROM part ORDER BY whole, direction").fetchall() == before
    con.close()


def test_lookups_by_id_use_an_index(tmp_path) -> None:
    gaz = _gazetteer(tmp_path)
    plan = gaz._con.execute("EXPLAIN QUERY PLAN SELECT name FROM place WHERE id = ?", ("x",))
    assert any("USING INDEX place_id" in str(row) for row in plan.fetchall())
