"""A name made only of words that name no place on their own ("West", "the Middle East",
"the Gulf") is never a town or village bearing that name, even in a story that names the
town's country (issue 15, item 2). Sentences we wrote; the model's entities are set by
hand on a blank pipeline, the gazetteer is a small one we build."""

from __future__ import annotations

import sqlite3

import pytest
from tests.extract.test_toponym_words import _found


@pytest.fixture
def generic_gazetteer(tmp_path):
    """Villages named like compass words, a region so named, and their countries."""
    from eventwire.knowledge.gazetteer import Gazetteer
    from eventwire.knowledge.gazetteer_build import SCHEMA, Builder

    con = sqlite3.connect(tmp_path / "g.sqlite")
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row = con, 1
    town = {"precision": "city", "feature": "PPL"}
    b.add("t:west", "West", [], lat=31.8, lon=-97.1, country="USA", admin1="US.TX",
          population=2_800, **town)  # fmt: skip
    b.add("t:mideast", "Middle East", [], lat=40.5, lon=-76.6, country="USA",
          admin1="US.PA", population=1_900, **town)  # fmt: skip
    b.add("r:west", "West", [], lat=5.5, lon=10.4, country="CMR", admin1="CM.08",
          precision="admin1", feature="ADM1", population=1_900_000)  # fmt: skip
    b.add("c:usa", "United States", ["US"], lat=39.8, lon=-98.6, country="USA",
          precision="country", feature="PCLI", population=330_000_000)  # fmt: skip
    b.add("c:cmr", "Cameroon", [], lat=6.0, lon=12.5, country="CMR",
          precision="country", feature="PCLI", population=27_000_000)  # fmt: skip
    con.commit()
    return Gazetteer(tmp_path / "g.sqlite")


def test_the_middle_east_is_no_village_of_a_country_the_story_names(
    blank_nlp, generic_gazetteer
) -> None:
    text = "The United States sent two destroyers to the Middle East on Friday."
    ents = [("United States", "GPE"), ("Middle East", "LOC")]
    found = _found(blank_nlp, generic_gazetteer, text, ents)
    assert found.get("United States") == "United States"
    assert found.get("Middle East", "") == ""


def test_a_compass_word_is_no_village_but_may_be_a_division(blank_nlp, generic_gazetteer) -> None:
    # a story naming the United States: the Texan hamlet is no reading of "West"
    text = "Farmers in the United States protested. Floods hit homes in West."
    ents = [("United States", "GPE"), ("West", "GPE")]
    assert _found(blank_nlp, generic_gazetteer, text, ents).get("West", "") == ""
    # a story about Cameroon: its West region
    text = "Soldiers in Cameroon patrolled. Floods hit homes in West."
    ents = [("Cameroon", "GPE"), ("West", "GPE")]
    assert _found(blank_nlp, generic_gazetteer, text, ents).get("West") == "West"
