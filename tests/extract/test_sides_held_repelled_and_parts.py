"""Sides named through what they hold, what they held off and what they are part of
(issue 13): "shelled positions held by X" is aimed at X; "repelled an attack by X" makes
the repeller X's target; "X, the armed wing of Y" and "an offshoot of Y" make X Y's ally.
One construction per test, on sentences we wrote, through the real model and resolution
with the shipped actor lists off."""

from __future__ import annotations

import pytest
from tests.extract.test_actors_and_sides import picture

from eventwire.config import Settings
from eventwire.knowledge.resources import Resources

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bare():
    return Resources(Settings(shipped_kb=False))


def stated(nlp, resources, text: str, rtype: str) -> set[tuple[str, str]]:
    res = picture(nlp, resources, text)
    names = {a.id: a.name for a in res.actors}
    return {
        (names[r.source_actor], names[r.target_actor])
        for r in res.relations
        if r.type == rtype and not r.negated
    }


@pytest.mark.parametrize(
    "text",
    [
        "The Coastal Brigade shelled positions held by the Kivu Defence Movement.",
        "The Coastal Brigade launched a raid on a camp controlled by the Kivu Defence Movement.",
    ],
)
def test_an_act_on_a_place_someone_holds_is_aimed_at_the_holder(nlp, bare, text):
    assert ("Coastal Brigade", "Kivu Defence Movement") in stated(nlp, bare, text, "fight")


def test_a_place_held_by_nobody_named_gives_no_side(nlp, bare):
    text = "The Coastal Brigade shelled hills held for years by nobody."
    assert stated(nlp, bare, text, "fight") == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Kivu Defence Movement repelled an assault by the Coastal Brigade on Monday.",
        "The Kivu Defence Movement said its units fought off a night raid by the Coastal Brigade.",
    ],
)
def test_the_one_who_held_off_an_attack_was_its_target(nlp, bare, text):
    assert ("Coastal Brigade", "Kivu Defence Movement") in stated(nlp, bare, text, "fight")


def test_an_attack_only_reported_has_no_repeller(nlp, bare):
    text = "The Kivu Defence Movement reported an attack by the Coastal Brigade on a market."
    assert ("Coastal Brigade", "Kivu Defence Movement") not in stated(nlp, bare, text, "fight")


@pytest.mark.parametrize(
    "text",
    [
        "The Kivu Defence Movement, the armed wing of the Coastal Brigade, attacked a village.",
        "Chad regards the Kivu Defence Movement as an offshoot of the Coastal Brigade.",
    ],
)
def test_a_part_of_a_group_is_its_ally(nlp, bare, text):
    assert ("Kivu Defence Movement", "Coastal Brigade") in stated(nlp, bare, text, "ally")


def test_a_wing_word_modifying_a_noun_states_no_relation(nlp, bare):
    text = "The right-wing Coastal Brigade attacked a village held by farmers."
    assert stated(nlp, bare, text, "ally") == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Coastal Brigade turned on the Kivu Defence Movement in September.",
        "The Coastal Brigade took up arms against the Kivu Defence Movement in 2012.",
        "The Coastal Brigade rose up against the Kivu Defence Movement in 2012.",
        "The Coastal Brigade has led a rebellion against the Kivu Defence Movement since 2015.",
        "The Coastal Brigade, which has fought an insurgency against the Kivu Defence "
        "Movement for decades, raided a police post.",
        "The Coastal Brigade's rebellion against the Kivu Defence Movement began in 2001.",
    ],
)
def test_turning_on_a_side_or_an_armed_struggle_against_it_is_a_fight(nlp, bare, text):
    assert ("Coastal Brigade", "Kivu Defence Movement") in stated(nlp, bare, text, "fight")


@pytest.mark.parametrize(
    "text",
    [
        "The Coastal Brigade turned on the generators at dawn.",
        "The Coastal Brigade took the town against all odds.",
    ],
)
def test_turning_on_a_thing_is_no_fight(nlp, bare, text):
    assert stated(nlp, bare, text, "fight") == set()
