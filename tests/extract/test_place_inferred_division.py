"""An event its text does not place, in a story whose places all lie in one first-level
division, takes that division, flagged inferred (issue 15): the story about one region
("airstrikes on Mekelle ... the Tigray region") is placed no coarser than it says. Our
own sentences, a blank pipeline and a hand-made gazetteer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.extract.test_place_choice import _place_of

from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.knowledge.gazetteer_build import SCHEMA, Builder
from eventwire.model import Place


@pytest.fixture
def gazetteer(tmp_path: Path) -> Gazetteer:
    con = sqlite3.connect(tmp_path / "d.sqlite")
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row = con, 1
    town = {"precision": "city", "feature": "PPL", "country": "LBY"}
    b.add("geonames:1", "Misratah", ["Misrata"], lat=32.38, lon=15.09, admin1="LY.72",
          population=355_000, **town)  # fmt: skip
    b.add("geonames:2", "Zlitan", ["Zliten"], lat=32.47, lon=14.57, admin1="LY.72",
          population=110_000, **town)  # fmt: skip
    b.add("geonames:3", "Tripoli", [], lat=32.89, lon=13.19, admin1="LY.77",
          population=1_150_000, **town)  # fmt: skip
    b.add("admin1:LY.72", "Misratah District", [], lat=31.5, lon=15.2, country="LBY",
          admin1="LY.72", precision="admin1", feature="ADM1", population=550_000)  # fmt: skip
    b.add("country:LBY", "Libya", [], lat=27.0, lon=17.0, country="LBY",
          precision="country", feature="PCLI", population=6_700_000)  # fmt: skip
    con.commit()
    con.close()
    return Gazetteer(tmp_path / "d.sqlite")


def _inferred(nlp, gazetteer: Gazetteer, text: str, trigger: str) -> Place | None:
    return _place_of(nlp, gazetteer, text, trigger)


LAST = "\n\nTwo guards were killed overnight."


def test_a_story_in_one_division_places_the_unplaced_event_there(blank_nlp, gazetteer) -> None:
    text = "Fighting raged in Misrata on Monday.\n\nShelling also hit homes in Zliten." + LAST
    place = _inferred(blank_nlp, gazetteer, text, "killed")
    assert place is not None and place.inferred
    assert (place.name, place.precision) == ("Misratah District", "admin1")


def test_a_story_across_divisions_or_naming_one_town_infers_the_country(
    blank_nlp, gazetteer
) -> None:
    for text in (
        "Fighting raged in Misrata on Monday.\n\nShelling also hit homes in Tripoli." + LAST,
        "Fighting raged in Misrata on Monday." + LAST,  # one name is not a story's region
    ):
        place = _inferred(blank_nlp, gazetteer, text, "killed")
        assert place is not None and place.inferred, text
        assert (place.name, place.precision) == ("Libya", "country"), text
