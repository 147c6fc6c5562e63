"""Support given with two objects (issue 13): "A gave Y weapons", "A offered Y money and
training", "accused A of giving Y drones" (alleged). Sentences we wrote, through the real
model and resolution with the shipped actor lists off."""

from __future__ import annotations

import pytest
from tests.extract.test_actors_and_sides import picture

from eventwire.config import Settings
from eventwire.knowledge.resources import Resources

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bare():
    return Resources(Settings(shipped_kb=False))


def supports(nlp, resources, text: str) -> set[tuple[str, str, str]]:
    res = picture(nlp, resources, text)
    names = {a.id: a.name for a in res.actors}
    return {
        (names[r.source_actor], names[r.target_actor], r.modality)
        for r in res.relations
        if r.type == "support" and not r.negated
    }


@pytest.mark.parametrize(
    "text",
    [
        "Niger gave the Kivu Defence Movement weapons.",
        "Niger offered the Kivu Defence Movement money and training.",
    ],
)
def test_a_giver_of_arms_or_money_to_a_side_backs_it(nlp, bare, text):
    assert ("Niger", "Kivu Defence Movement", "asserted") in supports(nlp, bare, text)


def test_an_accusation_of_giving_is_alleged_support(nlp, bare):
    text = "The Coastal Brigade accuses Niger of giving the Kivu Defence Movement drones."
    assert ("Niger", "Kivu Defence Movement", "alleged") in supports(nlp, bare, text)


def test_giving_a_meeting_support_backs_no_actor(nlp, bare):
    text = "Niger gave the talks its support on Monday."
    assert supports(nlp, bare, text) == set()


def test_an_accusation_of_lending_the_army_craft_is_alleged_support(nlp, bare):
    text = (
        "Chad's army has fought the Coastal Brigade since May. The Coastal Brigade accuses "
        "Niger of sending the army drones and instructors."
    )
    found = supports(nlp, bare, text)
    assert ("Niger", "Armed forces of Chad", "alleged") in found


def test_army_craft_lent_with_no_article_are_the_armys_own(nlp, bare):
    text = "Niger lent army drones to the Coastal Brigade."
    assert ("Niger", "Coastal Brigade", "asserted") in supports(nlp, bare, text)
