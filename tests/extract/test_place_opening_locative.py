"""A sentence that opens with a locative preposition before a town's name ("In Derna on
Monday, ..."): the name is a place read from the preposition, as it is mid-sentence
(issue 15). Sentences we wrote."""

from __future__ import annotations

import pytest
from tests.extract.test_place_choice import _parsed_place, _place_of


@pytest.mark.parametrize(
    "text",
    [
        "In Derna on Monday, gunmen shot a driver.",
        "Near Derna, gunmen shot a driver on Monday.",
        "Outside Derna, gunmen shot a driver.",
    ],
)
def test_a_sentence_opening_with_in_places_the_name(blank_nlp, small_gazetteer, text) -> None:
    place = _place_of(blank_nlp, small_gazetteer, text, "shot")
    assert place is not None and place.name == "Darnah"


@pytest.mark.parametrize(
    "text",
    [
        "In Tuesday's raid gunmen shot a driver.",  # a day
        "In Derna's old quarter gunmen shot a driver.",  # a possessive: not a fronted phrase
        "In Derna Province the gunmen shot a driver.",  # no comma or time closes it
    ],
)
def test_an_opening_preposition_that_fronts_no_place(blank_nlp, small_gazetteer, text) -> None:
    assert _place_of(blank_nlp, small_gazetteer, text, "shot") is None


@pytest.mark.slow
def test_an_opening_body_or_person_is_no_place(nlp, resources) -> None:
    for text in ("In Parliament, deputies condemned the raid on Monday.",
                 "In Macron's speech on Monday, he condemned the raid."):  # fmt: skip
        assert _parsed_place(nlp, resources, text, "condemned") is None


@pytest.mark.slow
def test_an_opening_locative_the_model_misses(nlp, resources) -> None:
    text = "In Kidal on Thursday, at least four herders were killed by gunmen, a mayor said."
    place = _parsed_place(nlp, resources, text, "killed")
    assert place is not None and place.name == "Kidal"
