"""The place another sentence of the same incident states refines a member's coarser
own place (``placechoice.finer_in_incident``): "Shelling went on in eastern Libya ...
The shells first fell on the village of X" happened in X. Places we made up."""

from __future__ import annotations

from dataclasses import replace

from eventwire.extract.placechoice import finer_in_incident
from eventwire.extract.placeparts import part_of
from eventwire.model import Place

LIBYA = Place("country:LBY", "Libya", 27.0, 17.0, "LBY", None, "country", "PCLI", 6_700_000)
CHAD = Place("country:TCD", "Chad", 15.0, 19.0, "TCD", None, "country", "PCLI", 15_000_000)
CYRENAICA = Place("admin1:LY.70", "Darnah", 32.0, 22.0, "LBY", "LY.70", "admin1", "ADM1")
DERNA = Place("geonames:4", "Darnah", 32.77, 22.64, "LBY", "LY.70", "city", "PPL", 100_000)
MISRATA = Place("geonames:3", "Misratah", 32.38, 15.09, "LBY", "LY.72", "city", "PPL", 355_000)
ABECHE = Place("geonames:9", "Abeche", 13.83, 20.83, "TCD", "TD.01", "city", "PPL", 70_000)


def test_a_country_is_refined_by_the_incidents_town() -> None:
    assert finer_in_incident(LIBYA, [LIBYA, DERNA]) == DERNA


def test_a_part_or_a_division_is_refined_by_a_town_inside_it() -> None:
    assert finer_in_incident(part_of(LIBYA, "east"), [DERNA]) == DERNA
    assert finer_in_incident(CYRENAICA, [DERNA]) == DERNA
    # a town of another division says nothing of this one
    assert finer_in_incident(CYRENAICA, [MISRATA]) is None
    # a part of a country is refined by a division named for itself too
    assert finer_in_incident(part_of(LIBYA, "east"), [CYRENAICA]) == CYRENAICA


def test_the_inferred_country_gives_way_to_the_incidents_town() -> None:
    assert finer_in_incident(replace(LIBYA, inferred=True), [DERNA]) == DERNA
    assert finer_in_incident(None, [DERNA]) == DERNA


def test_a_town_in_another_country_or_a_coarser_place_refines_nothing() -> None:
    assert finer_in_incident(LIBYA, [ABECHE, CHAD]) is None
    assert finer_in_incident(LIBYA, [LIBYA, part_of(LIBYA, "south")]) is None
    assert finer_in_incident(None, [None, replace(LIBYA, inferred=True)]) is None


def test_a_member_placed_in_a_town_keeps_it() -> None:
    assert finer_in_incident(MISRATA, [DERNA]) is None


def test_the_most_precise_then_the_first_stated_wins() -> None:
    assert finer_in_incident(LIBYA, [CYRENAICA, MISRATA, DERNA]) == MISRATA
    assert finer_in_incident(LIBYA, [DERNA, MISRATA]) == DERNA
