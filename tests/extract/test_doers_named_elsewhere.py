"""Doers of acts named by a modifier of the act's own noun phrase, by a speaker's
possessive, or in another sentence (issue 13): one construction per test, on sentences we
wrote, through the real model and resolution with the shipped actor lists off."""

from __future__ import annotations

import pytest
from tests.extract.test_actors_and_sides import picture
from tests.extract.test_claims_offices_peoples import acts
from tests.extract.test_instrument_doers import bare, doers

pytestmark = pytest.mark.slow

__all__ = ["bare"]  # the module fixture, shared


def _names(nlp, resources, text: str) -> set[str]:
    return {a.name for a in picture(nlp, resources, text).actors}


# --- 1. the doer inside the act's noun phrase -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # an army word modifying the craft that is the subject
        "The Sudanese army lost two towns in May. On Friday a military jet bombed a market "
        "in Kadugli, killing nine traders.",
        # ... modifying the weapon
        "The Sudanese army holds the hills above Kadugli. Army artillery shelled the market "
        "on Monday.",
        # ... modifying the act noun itself
        "The Sudanese army lost two towns in May. A military air strike hit a school in "
        "Kadugli on Friday, killing four pupils.",
    ],
)
def test_an_army_word_in_the_act_names_the_army_of_the_article(nlp, bare, text):
    assert "Armed forces of Sudan" in doers(nlp, bare, text)


def test_a_country_name_before_an_army_word_is_its_forces(nlp, bare):
    text = "Twelve pupils died when a Myanmar military air strike hit their school near Monywa."
    assert doers(nlp, bare, text) == {"Armed forces of Myanmar"}


def test_an_army_word_with_no_army_named_names_nobody(nlp, bare):
    text = "A military jet bombed a clinic near Kadugli on Sunday, killing five patients."
    assert doers(nlp, bare, text) <= {None}
    assert not {"military", "Military"} & _names(nlp, bare, text)


def test_an_armed_movement_named_army_is_not_the_state_army(nlp, bare):
    text = (
        "The Sudan Liberation Army took the village of Tawila in May. On Friday a military "
        "jet bombed the market there, killing seven people."
    )
    assert "Sudan Liberation Army" not in doers(nlp, bare, text)


def test_a_kind_word_in_the_act_names_the_group_so_described(nlp, bare):
    text = (
        "The Kivu Defence Movement, a rebel group, has besieged Daraville since May. Rebel "
        "mortars fell on the camp on Monday, killing three."
    )
    assert "Kivu Defence Movement" in doers(nlp, bare, text)


# --- 2. the doer named by a speaker's possessive -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Coastal Brigade said its members ambushed a police patrol near Daraville.",
        "The Coastal Brigade said one of its members had shot a judge in Daraville.",
        "A spokesman for the Coastal Brigade said the group's men had attacked the post.",
        "In an audio clip, a caller describing himself as an official of the Coastal Brigade "
        "said the group's fighters had stormed the post.",
    ],
)
def test_the_speakers_own_people_did_the_act(nlp, bare, text):
    assert doers(nlp, bare, text) == {"Coastal Brigade"}


# --- 3. the doer named in another sentence of the same act ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a body says its own people did an act of that kind
        "Gunmen ambushed a police patrol near Daraville on Sunday, killing nine officers. "
        "The ministry did not name a group. "
        "Hours afterwards the Coastal Brigade announced that its fighters struck the convoy.",
        # an accusation naming no act
        "A mine hit an army truck outside Daraville on Tuesday, killing four officers. "
        "Two others were wounded. Police blamed the Coastal Brigade.",
        # a claim naming no act
        "A bomb went off at a checkpoint in Daraville on Monday, killing six people. "
        "The Coastal Brigade claimed responsibility through its radio station.",
        # a claim of the weapon whose relative clause tells the act
        "The Coastal Brigade took responsibility for the mine that killed two guards outside "
        "Daraville on Tuesday.",
    ],
)
def test_a_later_sentence_names_the_doer(nlp, bare, text):
    assert doers(nlp, bare, text) == {"Coastal Brigade"}


def test_an_accusation_of_unnamed_people_names_no_doer(nlp, bare):
    text = (
        "A mine hit an army truck outside Daraville on Tuesday, killing four officers. "
        'The ministry blamed "terrorists".'
    )
    assert doers(nlp, bare, text) <= {None}


def test_a_claim_denied_by_nobody_claiming_names_no_doer(nlp, bare):
    text = (
        "A bomb went off at a checkpoint in Daraville on Monday, killing six people. "
        "No group claimed responsibility."
    )
    assert doers(nlp, bare, text) <= {None}


def test_a_named_doer_is_kept_when_another_body_claims(nlp, bare):
    text = (
        "The Kivu Defence Movement shelled a village near Daraville on Sunday. "
        "The Coastal Brigade claimed responsibility through its radio station."
    )
    assert ("Kivu Defence Movement", None, False) in acts(picture(nlp, bare, text))
    assert "Coastal Brigade" not in doers(nlp, bare, text)


# --- the doer's name before a lowercase coalition noun -------------------------------


def test_a_name_before_a_lowercase_coalition_noun_is_the_actor(nlp, bare):
    text = (
        "Gunmen from the Baz Pilat gang coalition attacked Kenscoff on Sunday. "
        "Police said the Baz Pilat alliance had lost six men."
    )
    names = _names(nlp, bare, text)
    assert "Baz Pilat" in names
    assert not {"Baz Pilat gang coalition", "Baz Pilat alliance"} & names
    assert "Baz Pilat" in doers(nlp, bare, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Saudi-led coalition bombed the port on Friday.", "Saudi-led coalition"),
        ("A Western alliance sent two warships to the strait.", "Western alliance"),
        ("Jets of the Three Brotherhood Alliance struck a base.", "Three Brotherhood Alliance"),
    ],
)
def test_a_coalition_named_by_its_modifiers_stays_whole(nlp, bare, text, name):
    assert name in _names(nlp, bare, text)
