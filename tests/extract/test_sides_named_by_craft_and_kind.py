"""Sides of a fight named through what they fly or what they are called (issue 13): an
aircraft that "carried out a strike" was flown by its owner; "army aircraft" in an article
that names its army only as "the army" are that army's; "the group" after a name headed
by its kind ("the Northern State's regional branch") is that name. One construction per
test, on sentences we wrote, through the real model and resolution with the shipped actor
lists off."""

from __future__ import annotations

import pytest
from tests.extract.test_actors_and_sides import picture
from tests.extract.test_claims_offices_peoples import acts

from eventwire.config import Settings
from eventwire.knowledge.resources import Resources

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bare():
    return Resources(Settings(shipped_kb=False))


def fights(res) -> set[tuple[str, str]]:
    names = {a.id: a.name for a in res.actors}
    return {
        (names[r.source_actor], names[r.target_actor])
        for r in res.relations
        if r.type == "fight" and not r.negated
    }


@pytest.mark.parametrize(
    "text",
    [
        "The Coastal Brigade said its drones had carried out raids on the Kivu Defence Movement.",
        "The Coastal Brigade's jets conducted a strike on the Kivu Defence Movement on Friday.",
    ],
)
def test_a_craft_that_carried_out_a_strike_was_its_owners(nlp, bare, text):
    assert ("Coastal Brigade", "Kivu Defence Movement") in fights(picture(nlp, bare, text))


def test_a_craft_with_no_owner_named_is_nobodys(nlp, bare):
    text = "Unmarked drones carried out a strike on the Kivu Defence Movement on Friday."
    assert {doer for doer, _, _ in acts(picture(nlp, bare, text))} <= {None}


def test_army_aircraft_are_the_bare_army_of_the_article(nlp, bare):
    text = (
        "On Monday, army aircraft bombed Kivu Defence Movement positions near the river, "
        "the army said in a statement."
    )
    doers = {doer for doer, _, _ in acts(picture(nlp, bare, text))}
    assert "army" in doers


def test_army_aircraft_with_no_army_in_the_article_are_nobodys(nlp, bare):
    text = "Army aircraft bombed a market near the river on Monday, witnesses said."
    res = picture(nlp, bare, text)
    assert {doer for doer, _, _ in acts(res)} <= {None}
    assert not any(a.name.lower() == "army" for a in res.actors)


def test_the_group_after_a_name_headed_by_its_kind_is_that_name(nlp, bare):
    text = (
        "The Northern State's regional branch, known as the Kivu Province, took responsibility "
        "for the bombing. The group is an armed rival of the Coastal Brigade."
    )
    found = fights(picture(nlp, bare, text))
    assert ("Northern State's regional branch", "Coastal Brigade") in found


def test_the_group_with_two_groups_described_before_is_nobody(nlp, bare):
    text = (
        "The Kivu rebel group attacked a village on Monday. The Northern State's regional "
        "branch, known as the Lake Province, claimed another attack. The group is the main "
        "armed rival of the Coastal Brigade."
    )
    found = fights(picture(nlp, bare, text))
    assert not any(tgt == "Coastal Brigade" for _, tgt in found)
