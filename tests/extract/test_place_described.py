"""What a place mention says of itself: made from a description standing for a place
("the city", "the capital") rather than from a name, and the zone of the page it lies
in (a dateline's town is stored as such), on sentences we wrote."""

from __future__ import annotations

import pytest
from tests.extract.test_places import _ctx

from eventwire.extract import extract_document
from eventwire.model import Article


def test_descriptions_are_flagged_and_names_are_not(blank_nlp, small_gazetteer) -> None:
    text = (
        "Shells hit a market in Derna on Sunday.\n\n"
        "Drones struck positions east of the city, and fighting in Libya reached the capital."
    )
    ctx = _ctx(blank_nlp, small_gazetteer, text)
    flags = {pm.span.text: pm.described for pm in ctx.places}
    assert flags == {"Derna": False, "the city": True, "Libya": False, "the capital": True}
    # the description keeps the place it stands for
    city = next(pm for pm in ctx.places if pm.span.text == "the city")
    assert city.place is not None and city.place.name == "Darnah"


@pytest.mark.slow  # the dateline is a zone the real model's entities name
def test_a_datelines_town_is_stored_in_the_dateline_zone(nlp, resources) -> None:
    text = "TRIPOLI, June 6 (Harbour Wire) - Militias clashed in Misrata on Sunday."
    records = extract_document(Article(id="d1", text=text, published="2021-06-07"), nlp(text),
                               resources)  # fmt: skip
    zones = {pm.span.text: pm.zone for pm in records.places}
    assert zones["TRIPOLI"] == "dateline"
    assert zones["Misrata"] == "body"


def test_a_town_opening_the_body_without_a_dash_is_no_dateline(blank_nlp, small_gazetteer) -> None:
    text = "Derna was calm on Monday after militias clashed in Misrata."
    ctx = _ctx(blank_nlp, small_gazetteer, text)
    assert {pm.zone for pm in ctx.places} == {"body"}
