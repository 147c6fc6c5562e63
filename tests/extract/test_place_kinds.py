"""A division named with its kind word is the division, never its namesake town, and the
parts of a town named in the plural are places (issue 15), on sentences we wrote.

Fast tests use a blank pipeline and a hand-made gazetteer of invented figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.extract.test_place_divisions import _builder, _place_of, _places

from eventwire.extract.places import _KIND_OF_BEFORE
from eventwire.knowledge.gazetteer import Gazetteer


@pytest.fixture
def kind_gazetteer(tmp_path: Path) -> Gazetteer:
    """A region GeoNames writes otherwise than the news ("Sagain" for "Sagaing"), holding
    its namesake town; a town whose division the gazetteer lacks; a district and a
    country. Figures invented."""
    path = tmp_path / "k.sqlite"
    b = _builder(path)
    town = {"precision": "city", "feature": "PPL"}
    b.add("admin1:MM.10", "Sagain", [], lat=24.5, lon=95.3, country="MMR", admin1="MM.10",
          precision="admin1", feature="ADM1", population=5_000_000)  # fmt: skip
    b.add("geonames:1", "Sagaing", [], lat=21.88, lon=95.98, country="MMR", admin1="MM.10",
          population=70_000, **town)  # fmt: skip
    b.add("geonames:2", "Kanbalu", [], lat=23.2, lon=95.52, country="MMR", admin1="MM.10",
          population=20_000, **town)  # fmt: skip
    b.add("country:MMR", "Myanmar", [], lat=21.0, lon=96.0, country="MMR",
          precision="country", feature="PCLI", population=50_000_000)  # fmt: skip
    # a town of a country whose first-level division by its name the gazetteer lacks
    b.add("geonames:3", "Tessit", [], lat=15.2, lon=0.9, country="MLI", admin1="ML.99",
          population=9_000, **town)  # fmt: skip
    b.add("country:MLI", "Mali", [], lat=17.0, lon=-4.0, country="MLI", precision="country",
          feature="PCLI", population=20_000_000)  # fmt: skip
    b.add("geonames:4", "Kenscoff", [], lat=18.45, lon=-72.28, country="HTI", admin1="HT.11",
          population=50_000, **town)  # fmt: skip
    b.con.commit()
    b.con.close()
    return Gazetteer(path)


def test_a_region_named_with_its_kind_is_the_division_not_its_town(
    blank_nlp, kind_gazetteer
) -> None:
    # the region GeoNames spells "Sagain" is the one holding the town Sagaing
    for text in (
        "Soldiers in Myanmar burned three villages in the Sagaing region last week.",
        "Troops burned three villages in Sagaing Region, Myanmar, last week.",
    ):
        found = _places(blank_nlp, kind_gazetteer, text)
        region = next(p for name, p in found.items() if name.lower().startswith("sagaing"))
        assert region is not None, text
        assert (region.id, region.precision) == ("admin1:MM.10", "admin1"), text


def test_a_division_after_its_owner_is_read_with_its_kind(blank_nlp, kind_gazetteer) -> None:
    # "Myanmar's Sagaing region": the name after the owner, with its kind word
    found = _places(blank_nlp, kind_gazetteer, "Jets hit a school in Myanmar's Sagaing region.")
    assert "Sagaing region" in found


def test_the_bare_name_stays_the_town(blank_nlp, kind_gazetteer) -> None:
    # "Sagaing" alone is the town: the precision the text supports
    found = _places(blank_nlp, kind_gazetteer, "Troops burned a market in Sagaing, Myanmar.")
    assert (found["Sagaing"].id, found["Sagaing"].precision) == ("geonames:1", "city")


def test_a_kind_word_before_the_name_makes_it_the_division(blank_nlp, kind_gazetteer) -> None:
    text = "Fighting has spread across the region of Sagaing in Myanmar since May."
    found = _places(blank_nlp, kind_gazetteer, text)
    assert found["Sagaing"].id == "admin1:MM.10"
    text = "Jets bombed a school in the north-western region of Sagaing in Myanmar."
    assert _place_of(blank_nlp, kind_gazetteer, text, "bombed").id == "admin1:MM.10"


def test_an_unnamed_division_is_not_its_namesake_town(blank_nlp, kind_gazetteer) -> None:
    # "Tessit region": the gazetteer knows the town but no division holding it, so the
    # region is the area around the town (precision admin2), never the town itself
    text = "Gunmen in Mali killed four traders in the Tessit region on Friday."
    found = _places(blank_nlp, kind_gazetteer, text)
    region = found["Tessit region"]
    assert region is not None and (region.name, region.precision) == ("Tessit", "admin2")


def test_the_kind_before_a_name_is_read_only_in_its_own_construction() -> None:
    assert _KIND_OF_BEFORE.search("clashes in the region of ")
    assert _KIND_OF_BEFORE.search("a raid in the restive province of the ")
    # a town's quarter ("the Karmel district of Zorba") and a state's formal name
    assert not _KIND_OF_BEFORE.search("a blast in the Karmel district of ")
    assert not _KIND_OF_BEFORE.search("clashes in the central district of ")
    assert not _KIND_OF_BEFORE.search("the prime minister of the state of ")
    assert not _KIND_OF_BEFORE.search("towns of ")


def test_parts_of_a_town_named_in_the_plural_are_a_locative(blank_nlp, kind_gazetteer) -> None:
    for text in (
        "Gangs burned homes in three neighbourhoods of Kenscoff on Sunday.",
        "Gangs burned homes in two localities of Kenscoff on Sunday.",
    ):
        assert _place_of(blank_nlp, kind_gazetteer, text, "burned").id == "geonames:4", text
