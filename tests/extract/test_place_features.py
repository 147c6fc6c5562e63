"""A name followed by a natural feature's or a facility's word is that feature, never a
town spelt alike abroad (issue 15), on sentences we wrote and a gazetteer we made up."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.extract.test_place_choice import _parsed_place, _place_of
from tests.extract.test_places import _ctx

from eventwire.extract.placefeatures import feature_word, resolve_feature, tied_to
from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.knowledge.gazetteer_build import SCHEMA, Builder
from eventwire.knowledge.place_words import place_words

WORDS = place_words()
TOWN = {"precision": "city", "feature": "PPL"}
SITE = {"precision": "point"}


@pytest.fixture
def gazetteer(tmp_path: Path) -> Gazetteer:
    """Invented places: a forest and a town in one country, towns spelt alike abroad."""
    path = tmp_path / "features.sqlite"
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row = con, 1
    b.add("geonames:1", "Lamar", [], lat=-2.27, lon=40.9, country="KEN", admin1="KE.31",
          population=25_000, **TOWN)  # fmt: skip
    b.add("geonames:2", "Bonnfeld", ["Bonu"], lat=50.73, lon=7.1, country="DEU",
          admin1="DE.07", population=300_000, **TOWN)  # fmt: skip
    b.add("geonames:3", "Bonu Forest", [], lat=-1.9, lon=41.2, country="KEN", admin1="KE.31",
          feature="FRST", **SITE)  # fmt: skip
    b.add("geonames:4", "Tenga", [], lat=31.7, lon=35.2, country="PSE", admin1="PS.01",
          population=3_000, **TOWN)  # fmt: skip
    b.add("geonames:5", "Kaloma", [], lat=3.72, lon=34.86, country="KEN", admin1="KE.40",
          population=60_000, **TOWN)  # fmt: skip
    b.add("geonames:6", "Kaloma", [], lat=-6.1, lon=30.1, country="TZA", admin1="TZ.05",
          population=200_000, **TOWN)  # fmt: skip
    b.add("admin1:KE.31", "Lamar County", [], lat=-2.0, lon=40.9, country="KEN",
          admin1="KE.31", precision="admin1", feature="ADM1")  # fmt: skip
    b.add("country:KEN", "Kenya", [], lat=0.5, lon=37.9, country="KEN", precision="country",
          feature="PCLI", population=50_000_000)  # fmt: skip
    con.commit()
    con.close()
    return Gazetteer(path)


def test_the_feature_word_after_a_name_or_ending_it() -> None:
    text = "Troops entered the Bonu forest and the Tenga Hills, then Rock Hill."

    def at(name: str) -> tuple[int, int]:
        return text.index(name), text.index(name) + len(name)

    assert feature_word(WORDS, text, *at("Bonu")) == ("Bonu", "forest")
    assert feature_word(WORDS, text, *at("Tenga Hills")) == ("Tenga", "hills")
    assert feature_word(WORDS, text, *at("Rock")) is None  # "Rock" then "Hill": a capital, a name
    assert feature_word(WORDS, "Bonu, forest guards said", 0, 4) is None


def test_a_forest_in_the_gazetteer_is_placed_at_the_forest(gazetteer: Gazetteer) -> None:
    place = resolve_feature(gazetteer, WORDS, "Bonu", "forest", ["KEN"])
    assert place is not None and place.name == "Bonu Forest" and place.country == "KEN"


def test_a_natural_feature_is_never_a_town_spelt_alike(gazetteer: Gazetteer) -> None:
    # no hills of that name: the town of that name is not the hills, at home or abroad
    assert resolve_feature(gazetteer, WORDS, "Tenga", "hills", ["KEN"]) is None
    assert resolve_feature(gazetteer, WORDS, "Tenga", "hills", ["PSE"]) is None
    # nor a river a town abroad is called by another name
    assert resolve_feature(gazetteer, WORDS, "Bonu", "river", ["KEN"]) is None


def test_a_facility_may_be_the_town_it_lies_by_but_never_one_abroad(
    gazetteer: Gazetteer,
) -> None:
    camp = resolve_feature(gazetteer, WORDS, "Kaloma", "camp", ["KEN"])
    assert camp is not None and camp.country == "KEN"  # not the bigger Kaloma abroad
    assert resolve_feature(gazetteer, WORDS, "Tenga", "airport", ["KEN"]) is None


def test_the_forest_is_not_the_town_abroad_in_a_sentence(blank_nlp, gazetteer) -> None:
    text = "Police said militants from Lamar hid in the Bonu forest before the raid."
    places = {pm.span.text: pm.place for pm in _ctx(blank_nlp, gazetteer, text).places}
    assert places["Bonu"] is not None and places["Bonu"].id == "geonames:3"


def test_an_unknown_feature_leaves_the_area_the_text_gives(blank_nlp, gazetteer) -> None:
    # the hills keep their name, at the point of the area the text ties them to and
    # with its precision (see test_place_ties.py)
    text = "Gunmen ambushed a patrol in the Tenga hills in Lamar County on Monday."
    place = _place_of(blank_nlp, gazetteer, text, "ambushed")
    assert place is not None and place.name == "Tenga hills"
    assert tied_to(place) == "admin1:KE.31" and place.precision == "admin1"
    text = "Gunmen ambushed a patrol in the Tenga hills on Monday."
    place = _place_of(blank_nlp, gazetteer, text, "ambushed")
    assert place is None or place.name != "Tenga"


def test_a_feature_named_after_its_division_is_the_division(gazetteer: Gazetteer) -> None:
    place = resolve_feature(gazetteer, WORDS, "Lamar County", "valley", ["KEN"])
    assert place is not None and place.id == "admin1:KE.31"
    # a camp named like a town abroad is not that town (the gazetteer drops "camp" to
    # look a name up: the town must bear the whole name to be the camp's own)
    assert resolve_feature(gazetteer, WORDS, "Bonu", "camp", ["KEN"]) is None


@pytest.mark.slow
def test_named_features_in_sentences_are_not_towns_abroad(nlp, resources) -> None:
    text = "Soldiers clashed with militants in the Boni forest near the border on Tuesday."
    place = _parsed_place(nlp, resources, text, "clashed")
    assert place is None or place.country != "DEU"
    text = "Militants attacked a patrol in the Sambisa forest in Borno state on Friday."
    place = _parsed_place(nlp, resources, text, "attacked")
    # the forest, at Borno's point and with a state's precision, never a town
    assert place is not None and place.name == "Sambisa forest" and place.precision == "admin1"
    assert place.admin1 == "NG.27"
    text = "Troops advanced into the Nuba hills on Friday, residents said."
    place = _parsed_place(nlp, resources, text, "advanced")
    assert place is None or place.country != "PSE"


def test_a_valley_holds_the_town_it_is_named_after_at_home(gazetteer: Gazetteer) -> None:
    valley = resolve_feature(gazetteer, WORDS, "Kaloma", "valley", ["KEN"])
    assert valley is not None and valley.country == "KEN" and valley.precision == "city"
    assert (
        resolve_feature(gazetteer, WORDS, "Kaloma", "river", ["KEN"]) is None
    )  # a river is no town


def test_a_facility_in_a_story_naming_no_country_needs_a_one_country_name(
    gazetteer: Gazetteer,
) -> None:
    # with no country to go by, "the Kaloma camp" could lie by either Kaloma
    assert resolve_feature(gazetteer, WORDS, "Kaloma", "camp", None) is None
    # a name only towns of one country bear, as their own name, says which town it is
    camp = resolve_feature(gazetteer, WORDS, "Tenga", "camp", None)
    assert camp is not None and camp.country == "PSE"
    # a town abroad known by the name only as one of its other names is no camp's town
    assert resolve_feature(gazetteer, WORDS, "Bonu", "airport", None) is None
