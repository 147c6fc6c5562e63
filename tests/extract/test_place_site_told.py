"""A site told again by its kind ("the market", "the camp") in a sentence naming no
place is where the story first named it with its town (issue 15). Sentences we wrote;
the rule reads the parse, so the tests run the real model with the shipped gazetteer."""

from __future__ import annotations

import pytest
from tests.extract.test_place_choice import _parsed_place

pytestmark = pytest.mark.slow


def _name(nlp, resources, text: str, trigger: str) -> str | None:
    place = _parsed_place(nlp, resources, text, trigger)
    return place.name if place is not None else None


def test_the_market_named_with_its_town_in_another_paragraph(nlp, resources) -> None:
    text = (
        "Before the war she sold onions at the cattle market in Kadugli.\n\n"
        "In June militiamen shelled the market while she was serving a customer."
    )
    assert _name(nlp, resources, text, "shelled") == "Kadugli"


def test_the_camp_named_near_a_town_by_its_verb(nlp, resources) -> None:
    text = (
        "Militiamen raided a camp for displaced families near Nyala on Monday.\n\n"
        "Residents said the camp was shelled again on Wednesday."
    )
    assert _name(nlp, resources, text, "shelled") == "Nyala"


def test_a_site_never_named_with_a_town_leaves_the_clause_as_it_was(nlp, resources) -> None:
    # no earlier market named with a town: the site gives nothing, and the article,
    # naming no place, gives none either
    text = "Gunmen shot two traders.\n\nLater a shell hit the market."
    assert _name(nlp, resources, text, "hit") is None


def test_a_lead_in_a_region_takes_the_town_the_next_sentence_names_its_site_with(
    nlp, resources
) -> None:
    lead = "Jets bombed a school in the Tigray region on Monday, killing nine pupils."
    text = f"{lead}\n\nThe strike hit the school near the town of Adwa at dawn, a teacher said."
    assert _name(nlp, resources, text, "bombed") == "Adwa"
    # a town outside the region is another place, not the site's town
    text = f"{lead}\n\nThe strike hit the school near the town of Gondar at dawn."
    assert _name(nlp, resources, text, "bombed") == "Tigray"
    # another kind of site says nothing of the school's town
    text = f"{lead}\n\nLater a shell hit the market near the town of Adwa."
    assert _name(nlp, resources, text, "bombed") == "Tigray"
