"""Namesake states and a district's honest precision (issue 15, item 3), on names and
sentences we wrote, with the shipped gazetteer (no model: fast)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwire.config import Settings
from eventwire.extract.placechoice import PRECISION_RANK
from eventwire.extract.placecontext import document_context, namesake_states
from eventwire.extract.toponyms import resolve_toponym
from eventwire.knowledge.gazetteer import Gazetteer, open_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Iterator[Gazetteer]:
    gaz = open_gazetteer(Settings())
    yield gaz
    gaz.close()


def test_a_short_name_two_states_share_is_a_namesake(gazetteer: Gazetteer) -> None:
    assert {s.country for s in namesake_states(gazetteer, "Congo")} == {"COD", "COG"}
    assert {s.country for s in namesake_states(gazetteer, "Korea")} == {"KOR", "PRK"}
    # a state's own name is that state, though another state's name holds it
    assert namesake_states(gazetteer, "Sudan") == ()
    assert namesake_states(gazetteer, "Guinea") == ()
    assert namesake_states(gazetteer, "Libya") == ()


def test_congo_is_the_state_the_story_otherwise_names(gazetteer: Gazetteer) -> None:
    # "Congo's army" in a story that names the Democratic Republic of Congo and its people
    names = ["Democratic Republic of Congo", "Congo", "Rwanda", "Congolese", "Congo"]
    context = document_context(gazetteer, names)
    assert resolve_toponym(gazetteer, "Congo", context).country == "COD"
    assert context.countries["COG"] == 0
    # ... and the Republic of the Congo in a story about Brazzaville
    context = document_context(gazetteer, ["Brazzaville", "Congo", "Republic of Congo"])
    assert resolve_toponym(gazetteer, "Congo", context).country == "COG"


def test_korea_follows_the_story(gazetteer: Gazetteer) -> None:
    context = document_context(gazetteer, ["Pyongyang", "North Korea", "Korea"])
    assert resolve_toponym(gazetteer, "Korea", context).country == "PRK"
    context = document_context(gazetteer, ["Seoul", "South Korea", "Korea"])
    assert resolve_toponym(gazetteer, "Korea", context).country == "KOR"


def test_a_namesake_the_story_does_not_decide_is_left_as_before(gazetteer: Gazetteer) -> None:
    # no other name votes: no guess between the two states from the name alone
    both = document_context(gazetteer, ["Congo", "Democratic Republic of Congo", "Brazzaville",
                                        "Republic of Congo"])  # fmt: skip
    alone = resolve_toponym(gazetteer, "Congo", None)
    assert resolve_toponym(gazetteer, "Congo", both) is not None
    assert alone is None or alone.country in ("COD", "COG")
    # nor a village abroad that bears the name: "Korea" alone is no town in another country
    assert resolve_toponym(gazetteer, "Korea", None) is None
    assert resolve_toponym(gazetteer, "Korea", "Talks on the peninsula resumed.") is None


def test_a_district_has_precision_admin2(gazetteer: Gazetteer) -> None:
    # a county (GeoNames ADM2) is no town on a map: the shipped US counties, and any
    # district an imported dump brings
    place = resolve_toponym(gazetteer, "Boone County", "The sheriff of Boone County, Kentucky.")
    assert place is not None and place.feature == "ADM2"
    assert place.precision == "admin2"
    # a town stays a town, a province a province
    town = resolve_toponym(gazetteer, "Aleppo", "Fighting in Syria.")
    assert town is not None and town.precision == "city"
    province = resolve_toponym(gazetteer, "Tigray", "Fighting in Ethiopia.")
    assert province is not None and province.precision == "admin1"


def test_a_district_ranks_between_a_town_and_a_province() -> None:
    assert PRECISION_RANK["city"] < PRECISION_RANK["admin2"] < PRECISION_RANK["admin1"]
