"""Sides named through losses and blame (issue 13): "X lost ten fighters in clashes with
Y" makes X a side of the clashes (the target of a one-sided act: "lost five soldiers in
an ambush by Y"); "blamed Y for the attack" and "Y was blamed for the bombing" make Y the
alleged doer. One construction per test, on sentences we wrote, through the real model
and resolution with the shipped actor lists off."""

from __future__ import annotations

import pytest
from tests.extract.test_actors_and_sides import picture

from eventwire.config import Settings
from eventwire.knowledge.resources import Resources

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bare():
    return Resources(Settings(shipped_kb=False))


def fights(nlp, resources, text: str) -> set[tuple[str, str, str]]:
    res = picture(nlp, resources, text)
    names = {a.id: a.name.removeprefix("The ") for a in res.actors}  # the name is not the point
    return {
        (names[r.source_actor], names[r.target_actor], r.modality)
        for r in res.relations
        if r.type == "fight" and not r.negated
    }


def test_who_lost_men_in_clashes_with_a_side_is_the_other_side(nlp, bare):
    text = "The Lake Front lost ten fighters in clashes with the Coastal Brigade on Monday."
    found = {(a, b) for a, b, _ in fights(nlp, bare, text)}
    assert ("Lake Front", "Coastal Brigade") in found or ("Coastal Brigade", "Lake Front") in found


def test_who_lost_men_in_an_ambush_was_ambushed(nlp, bare):
    text = "The Lake Front lost five fighters in an ambush by the Coastal Brigade."
    assert ("Coastal Brigade", "Lake Front", "asserted") in fights(nlp, bare, text)


def test_losing_ground_names_no_other_side(nlp, bare):
    text = "The Lake Front lost ground in the fighting near the river."
    assert fights(nlp, bare, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Lake Front blamed the Coastal Brigade for the attack on its convoy.",
        "The Coastal Brigade was blamed for the attack on the Lake Front.",
    ],
)
def test_the_one_blamed_for_an_attack_is_its_alleged_doer(nlp, bare, text):
    assert ("Coastal Brigade", "Lake Front", "alleged") in fights(nlp, bare, text)


def test_blame_for_a_failure_names_no_doer(nlp, bare):
    text = "The Lake Front blamed the Coastal Brigade for the drought in the valley."
    assert fights(nlp, bare, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs "on Y" on the agent, not on the act
        "An attack by the Coastal Brigade on the Lake Front killed ten people.",
        "The Lake Front came under attack from the Coastal Brigade on Monday.",
    ],
)
def test_the_side_an_act_by_someone_is_aimed_at(nlp, bare, text):
    assert ("Coastal Brigade", "Lake Front", "asserted") in fights(nlp, bare, text)


def test_a_day_after_the_agent_is_no_target(nlp, bare):
    text = "Shelling by the Coastal Brigade on Monday killed ten people."
    assert not any(b == "Monday" for _, b, _ in fights(nlp, bare, text))
