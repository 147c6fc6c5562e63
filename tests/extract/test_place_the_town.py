""" "The city" and "the town" stand for the town named last before them (issue 15), on
sentences we wrote."""

from __future__ import annotations

from tests.extract.test_place_choice import _place_of
from tests.extract.test_place_divisions import _places


def test_the_city_is_the_town_named_before(blank_nlp, small_gazetteer) -> None:
    text = (
        "Shells hit a market in Derna on Sunday.\n\n"
        "Later, drones struck positions east of the city, the army said."
    )
    place = _place_of(blank_nlp, small_gazetteer, text, "struck")
    assert place is not None and place.name == "Darnah" and not place.inferred


def test_the_nearest_town_before_is_the_antecedent(blank_nlp, small_gazetteer) -> None:
    text = (
        "Shells hit a market in Derna on Sunday. Militias clashed in Misrata on Monday.\n\n"
        "Snipers shot two men in the town, witnesses said."
    )
    place = _place_of(blank_nlp, small_gazetteer, text, "shot")
    assert place is not None and place.name == "Misratah" and not place.inferred


def test_the_city_opening_a_sentence(blank_nlp, small_gazetteer) -> None:
    text = "Shells hit a market in Derna on Sunday.\n\nThe city was shelled again on Monday."
    place = _place_of(blank_nlp, small_gazetteer, text, "shelled")
    assert place is not None and place.name == "Darnah" and not place.inferred


def test_no_town_before_means_no_place(blank_nlp, small_gazetteer) -> None:
    text = "Gunmen stormed the city on Monday, witnesses said."
    assert _place_of(blank_nlp, small_gazetteer, text, "stormed") is None


def test_the_city_of_a_name_and_the_city_council_are_not_the_antecedent(
    blank_nlp, small_gazetteer
) -> None:
    text = "Militias clashed in Misrata on Monday. The city council met on Tuesday."
    assert "The city council" not in _places(blank_nlp, small_gazetteer, text)
    text = "Militias clashed in Misrata on Monday. Gunmen then raided the city of Derna."
    found = _places(blank_nlp, small_gazetteer, text)
    assert "the city" not in found and found["Derna"].name == "Darnah"
