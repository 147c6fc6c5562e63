"""Doers of acts named through the weapon, a relative clause or a blame (issue 13): one
construction per test, on sentences we wrote, through the real model and resolution with
the shipped actor lists off."""

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


def doers(nlp, resources, text: str) -> set[str | None]:
    return {doer for doer, _, _ in acts(picture(nlp, resources, text))}


@pytest.mark.parametrize(
    "text",
    [
        # by-agent of a participle modifying the weapon that is the subject
        "A drone launched by the Kivu Defence Movement struck a fuel depot on Friday.",
        "Mines laid by the Kivu Defence Movement killed four farmers near the river.",
        # the same weapon as the agent of a passive
        "A clinic was hit by rockets fired by the Kivu Defence Movement on Sunday.",
    ],
)
def test_the_one_who_fired_the_weapon_is_the_doer(nlp, bare, text):
    assert "Kivu Defence Movement" in doers(nlp, bare, text)


@pytest.mark.parametrize(
    "text",
    [
        "Nine people died in the raid that the Coastal Brigade launched on Tuesday.",
        "The offensive the Coastal Brigade began in March has cost hundreds of lives.",
    ],
)
def test_subject_of_a_relative_clause_on_the_act_is_its_doer(nlp, bare, text):
    assert "Coastal Brigade" in doers(nlp, bare, text)


def test_the_relative_pronoun_as_subject_names_no_doer(nlp, bare):
    # "that killed ten": the clause's subject is the act itself
    text = "The raid that killed ten traders near the Coastal Brigade base shocked the town."
    assert "Coastal Brigade" not in doers(nlp, bare, text)


def test_an_act_blamed_on_a_group_has_that_group_as_doer(nlp, bare):
    text = "An attack blamed on the Coastal Brigade killed five soldiers on Sunday."
    assert "Coastal Brigade" in doers(nlp, bare, text)


def test_a_weapon_with_no_user_named_leaves_the_act_without_doer(nlp, bare):
    text = "Heavy shells struck the Coastal Brigade barracks on Monday."
    assert doers(nlp, bare, text) <= {None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the speaker's own men carried out "the ambush"
        (
            "Gunmen ambushed a police convoy near Daraville on Sunday, killing nine officers. "
            "A day later the Coastal Brigade stated that its men carried out the ambush.",
            {"Coastal Brigade"},
        ),
        # a passive claim
        (
            "Eleven soldiers died in the raid on the border post. "
            "The raid was claimed by the Coastal Brigade, which is active in the hills.",
            {"Coastal Brigade"},
        ),
        # the claim reaches back over the sentences telling the act
        (
            "Eleven soldiers died in the raid on the border post near Daraville. "
            "Four others were wounded. "
            "The raid was claimed by the Coastal Brigade, which is active in the hills.",
            {"Coastal Brigade"},
        ),
        # ... and stops at an earlier act whose doer is named
        (
            "The Kivu Defence Movement shelled a village near Daraville in May. "
            "On Sunday, eleven soldiers died in a raid on the border post. "
            "The raid was claimed by the Coastal Brigade.",
            {"Kivu Defence Movement", "Coastal Brigade"},
        ),
    ],
)
def test_a_later_claim_names_the_doer_of_the_act(nlp, bare, text, expected):
    assert doers(nlp, bare, text) == expected


def test_a_negated_passive_claim_names_no_doer(nlp, bare):
    text = (
        "Eleven soldiers died in the raid on the border post. "
        "The raid has not been claimed by the Coastal Brigade."
    )
    res = picture(nlp, bare, text)
    # the soldiers' deaths keep no doer (the dead are the raid's target)
    assert (None, "soldiers", False) in acts(res)
    assert ("Coastal Brigade", None, False) not in acts(res)
