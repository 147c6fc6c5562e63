"""A first-level division named by its own name is not a small town in it that bears the
name only as another name (issue 15), on a gazetteer we made up."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from eventwire.extract.placecontext import PlaceContext
from eventwire.extract.toponyms import resolve_toponym
from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.knowledge.gazetteer_build import SCHEMA, Builder

TOWN = {"precision": "city", "feature": "PPL"}


@pytest.fixture
def gazetteer(tmp_path: Path) -> Gazetteer:
    """Two invented states, each with a town also called by the state's name."""
    path = tmp_path / "divisions.sqlite"
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row = con, 1
    b.add("admin1:MX.40", "Tamora", [], lat=24.6, lon=-107.4, country="MEX", admin1="MX.40",
          precision="admin1", feature="ADM1", population=400_000)  # fmt: skip
    b.add("geonames:1", "Tamora de Lerdo", ["Tamora"], lat=25.8, lon=-108.2, country="MEX",
          admin1="MX.40", population=5_000, **TOWN)  # fmt: skip
    b.add("admin1:MX.41", "Quilca", [], lat=17.0, lon=-96.7, country="MEX", admin1="MX.41",
          precision="admin1", feature="ADM1", population=1_000_000)  # fmt: skip
    b.add("geonames:2", "Quilca de Santos", ["Quilca"], lat=17.06, lon=-96.72, country="MEX",
          admin1="MX.41", population=400_000, **TOWN)  # fmt: skip
    b.add("country:MEX", "Mexico", [], lat=23.0, lon=-102.0, country="MEX",
          precision="country", feature="PCLI", population=120_000_000)  # fmt: skip
    con.commit()
    con.close()
    return Gazetteer(path)


# a story about a town in the state, which lies near the small town: the state's votes
# and the neighbour would carry the small town past the state by their weight alone
STORY = PlaceContext(
    countries=Counter({"MEX": 6}),
    admin1=Counter({"MX.40": 4}),
    anchors=((25.75, -108.1, "culvera"),),
)


def test_the_state_not_a_small_town_called_after_it(gazetteer: Gazetteer) -> None:
    # "the Tamora prosecutor's office": the state, whose small town GeoNames also calls so
    place = resolve_toponym(gazetteer, "Tamora", STORY)
    assert place is not None and place.precision == "admin1" and place.name == "Tamora"


def test_a_town_holding_a_good_share_of_its_state_stays_the_town(gazetteer: Gazetteer) -> None:
    place = resolve_toponym(gazetteer, "Quilca", ["MEX"])
    assert place is not None and place.name == "Quilca de Santos"
