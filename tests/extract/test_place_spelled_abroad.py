"""A big town abroad named by its own name spelled otherwise is that town, however far
the story's country's point lies (``toponyms._name_match``); another language's name
for a town on another continent is still a likeness. A hand-made gazetteer."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from eventwire.extract.toponyms import resolve_toponym
from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.knowledge.gazetteer_build import SCHEMA, Builder


@pytest.fixture
def gazetteer(tmp_path: Path) -> Gazetteer:
    path = tmp_path / "g.sqlite"
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row = con, 1
    city = {"precision": "city", "feature": "PPL"}
    # a big river town whose English spelling GeoNames keeps as an alternate name
    b.add("geonames:11", "Dniprovska", ["Dniprovskaya", "Dniprovskiya"], lat=47.8, lon=35.1,
          country="UKR", admin1="UA.26", population=700_000, **city)  # fmt: skip
    # a hamlet bearing that spelling as its own name, in the same country
    b.add("geonames:12", "Dniprovskaya", [], lat=46.9, lon=35.0, country="UKR",
          admin1="UA.26", population=600, **city)  # fmt: skip
    # a town known by another language's name on another continent
    b.add("geonames:13", "Calama", ["Karama"], lat=-22.5, lon=-68.9, country="CHL",
          admin1="CL.03", population=140_000, **city)  # fmt: skip
    # a small town abroad by its own name spelled otherwise
    b.add("geonames:14", "Ouadane", ["Wadane"], lat=20.9, lon=-11.6, country="MRT",
          admin1="MR.07", population=3_000, **city)  # fmt: skip
    for code, name, lat, lon in (("RUS", "Russia", 60.0, 100.0), ("LBY", "Libya", 27.0, 17.0),
                                 ("UKR", "Ukraine", 49.0, 32.0)):  # fmt: skip
        b.add(f"country:{code}", name, [], lat=lat, lon=lon, country=code,
              precision="country", feature="PCLI", population=10_000_000)  # fmt: skip
    con.commit()
    con.close()
    return Gazetteer(path)


def test_a_big_town_abroad_spelled_otherwise_is_read(gazetteer: Gazetteer) -> None:
    # a story that names only Russia, whose point lies 4,500 km east in Siberia
    place = resolve_toponym(gazetteer, "Dniprovskiya", Counter({"RUS": 4}))
    assert place is not None and place.id == "geonames:11"
    # the big town, not the hamlet bearing the spelling as its own name
    place = resolve_toponym(gazetteer, "Dniprovskaya", Counter({"RUS": 4}))
    assert place is not None and place.id == "geonames:11"


def test_another_languages_name_and_a_small_town_abroad_stay_unread(
    gazetteer: Gazetteer,
) -> None:
    # "Operation Karama" in a Libyan story is no Chilean town
    assert resolve_toponym(gazetteer, "Karama", Counter({"LBY": 4})) is None
    # a small town far abroad is a likeness, by whatever spelling
    assert resolve_toponym(gazetteer, "Wadane", Counter({"RUS": 4})) is None
    # in a story about its own country the spelling reads as before
    place = resolve_toponym(gazetteer, "Dniprovskiya", Counter({"UKR": 4}))
    assert place is not None and place.id == "geonames:11"
