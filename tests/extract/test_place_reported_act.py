"""An act a statement reports takes its place from its own phrase or from where the
story told it, never from the statement's clause (issue 15): "the government in X
condemned the raid" did not put the raid in X. Sentences we wrote; the rules read the
parse, so the tests run the real model with the shipped gazetteer."""

from __future__ import annotations

import pytest
from tests.extract.test_place_choice import _parsed_place

pytestmark = pytest.mark.slow


def _name(nlp, resources, text: str, trigger: str) -> str | None:
    place = _parsed_place(nlp, resources, text, trigger)
    return place.name if place is not None else None


def test_the_condemners_town_is_not_the_acts_place(nlp, resources) -> None:
    # the raid goes on where the paragraph told it, not in the condemner's city
    text = (
        "Gunmen raided a checkpoint near Kassala on Monday, killing two soldiers. "
        "The government in Khartoum condemned the raid."
    )
    assert _name(nlp, resources, text, "raid") == "Kassala"
    # the condemnation itself is where its clause says
    assert _name(nlp, resources, text, "condemned") == "Khartoum"


def test_where_a_statement_was_issued_is_not_the_acts_place(nlp, resources) -> None:
    text = (
        "Militiamen looted a market near Kassala on Friday. The army condemned the raid "
        "in a statement issued in Khartoum."
    )
    assert _name(nlp, resources, text, "raid") == "Kassala"


def test_a_place_in_the_reported_acts_own_phrase_places_it(nlp, resources) -> None:
    # the object of a statement is what it is about: its places are the act's
    text = (
        "The ministry in Khartoum denounced the attack on a convoy near Kassala, which "
        "killed four drivers on Sunday."
    )
    assert _name(nlp, resources, text, "attack") == "Kassala"
    assert _name(nlp, resources, text, "killed") == "Kassala"


def test_a_passive_statement_by_a_far_official_places_nothing(nlp, resources) -> None:
    text = "The ambush was condemned by the governor in Khartoum on Tuesday."
    assert _name(nlp, resources, text, "ambush") != "Khartoum"


def test_a_statement_verbs_own_place_and_people_there_still_place_it(nlp, resources) -> None:
    # the verb's own locative and a subject of people who are there keep their place
    text = "Police condemned an attack in Kassala."
    assert _name(nlp, resources, text, "attack") == "Kassala"
    text = "Residents of Kassala condemned the attack on Monday."
    assert _name(nlp, resources, text, "attack") == "Kassala"


def test_an_act_reported_or_announced_keeps_the_subjects_place(nlp, resources) -> None:
    # the announcers strike where they are; local sources report what happened there
    text = "Nurses in Kassala announced a three-day strike over unpaid wages."
    assert _name(nlp, resources, text, "strike") == "Kassala"
    text = "Sources in Kassala reported heavy clashes on Monday."
    assert _name(nlp, resources, text, "clashes") == "Kassala"
