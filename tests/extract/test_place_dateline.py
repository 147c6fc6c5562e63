"""The dateline's town is where the report was filed: the place of an event only when
nothing in the body places anything (issue 15), on sentences we wrote. The dateline is a
zone of the page the real model's entities name, so these run the model (slow)."""

from __future__ import annotations

import pytest
from tests.extract.test_place_choice import _parsed_place

pytestmark = pytest.mark.slow


def test_a_body_that_places_nothing_takes_the_dateline_town_flagged_inferred(
    nlp, resources
) -> None:
    text = "TRIPOLI, June 6 (Harbour Wire) - Gunmen shot a driver on Sunday, police said."
    place = _parsed_place(nlp, resources, text, "shot")
    assert place is not None
    assert (place.name, place.precision, place.inferred) == ("Tripoli", "city", True)


def test_a_place_the_body_names_beats_the_dateline(nlp, resources) -> None:
    text = "TRIPOLI, June 6 (Harbour Wire) - Gunmen shot a driver in Derna on Sunday."
    place = _parsed_place(nlp, resources, text, "shot")
    assert place is not None and place.name == "Darnah" and not place.inferred


def test_a_town_named_elsewhere_in_the_body_keeps_the_dateline_out(nlp, resources) -> None:
    # the body names Derna: an unplaced event later on is at most in the story's
    # country, never in the town the report was filed from
    text = (
        "TRIPOLI, June 6 (Harbour Wire) - Militias clashed in Derna on Monday.\n\n"
        "Later, gunmen killed two guards, officials said."
    )
    place = _parsed_place(nlp, resources, text, "killed")
    assert place is None or place.name != "Tripoli"


def test_a_country_the_body_names_beats_the_dateline_town(nlp, resources) -> None:
    text = "NAIROBI, June 6 (Harbour Wire) - Gunmen attacked a base in Somalia on Sunday."
    place = _parsed_place(nlp, resources, text, "attacked")
    assert place is not None and place.name == "Somalia"
