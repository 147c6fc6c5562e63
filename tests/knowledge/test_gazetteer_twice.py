"""One town GeoNames holds twice, under two spellings: its name leads to the bigger row
only (``gazetteer_build.Builder._one_town_twice``). The towns are invented."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

from eventwire.knowledge.gazetteer_build import SCHEMA, Builder


def _builder(tmp_path: Path) -> tuple[Builder, sqlite3.Connection]:
    con = sqlite3.connect(tmp_path / "b.sqlite")
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row, b.countries, b.iso3 = con, 1, {}, {}
    b.city_points, b.admin_points, b.city_keys = defaultdict(list), defaultdict(list), {}
    b.admin_people = defaultdict(int)
    return b, con


def _town(b: Builder, name: str, names: list[str], lat: float, people: int, admin1: str) -> int:
    return b.add(f"geonames:{name}{lat}", name, names, lat=lat, lon=20.0, country="XXA",
                 admin1=admin1, precision="city", feature="PPL", population=people)  # fmt: skip


def _rows(con: sqlite3.Connection, key: str) -> set[int]:
    return {r[0] for r in con.execute("SELECT place FROM name WHERE key = ?", (key,))}


def test_the_stray_row_of_a_town_held_twice_loses_the_name(tmp_path: Path) -> None:
    b, con = _builder(tmp_path)
    stray = _town(b, "Tarkwali", [], 10.0, 1500, "XA.01")
    town = _town(b, "Tarkuwaly", ["Tarkwali"], 10.4, 20000, "XA.01")  # 44 km north
    b._one_town_twice()
    assert _rows(con, "tarkwali") == {town}
    assert _rows(con, "tarkuwaly") == {town}
    assert stray != town


def test_two_towns_are_left_be(tmp_path: Path) -> None:
    b, con = _builder(tmp_path)
    # another name the bigger town also bears: two towns ("Springfield" called "Agawam")
    small = _town(b, "Benkoro", [], 10.0, 1500, "XA.01")
    _town(b, "Matadi Sud", ["Benkoro"], 10.2, 90000, "XA.01")
    # the same name spelled otherwise, but far off: two towns
    far = _town(b, "Gambuli", [], 10.0, 1200, "XA.01")
    _town(b, "Gamboulie", ["Gambuli"], 12.0, 30000, "XA.01")  # 222 km
    # in another first-level division
    other = _town(b, "Sokodi", [], 10.0, 1000, "XA.01")
    _town(b, "Sokody", ["Sokodi"], 10.3, 40000, "XA.02")
    # the row holding it as an alternate is the smaller
    bigger = _town(b, "Lerabe", [], 10.0, 50000, "XA.01")
    _town(b, "Lerrabeh", ["Lerabe"], 10.3, 3000, "XA.01")
    b._one_town_twice()
    assert small in _rows(con, "benkoro")
    assert far in _rows(con, "gambuli")
    assert other in _rows(con, "sokodi")
    assert bigger in _rows(con, "lerabe")
