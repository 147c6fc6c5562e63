"""Allies listed after their noun ("its allies, among them A") and alliances formed by a
subject (issue 13), on sentences we wrote, with the shipped actor lists off."""

from __future__ import annotations

import pytest
from tests.extract.test_actors_and_sides import relations

from eventwire.config import Settings
from eventwire.knowledge.resources import Resources

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bare():
    return Resources(Settings(shipped_kb=False))


def test_a_member_after_among_them_is_an_ally(nlp, bare):
    text = (
        "The Coastal Brigade and its allies, among them the Kivu Defence Movement, hold the port."
    )
    got = relations(nlp, bare, text)
    assert ("ally", "Kivu Defence Movement", "Coastal Brigade", "asserted") in got


def test_backers_listed_after_among_them_back_the_owner(nlp, bare):
    text = "The Coastal Brigade's backers, among them Chad and Niger, have grown uneasy."
    got = relations(nlp, bare, text)
    assert ("support", "Chad", "Coastal Brigade", "asserted") in got
    assert ("support", "Niger", "Coastal Brigade", "asserted") in got


def test_among_them_with_no_noun_before_makes_no_relation(nlp, bare):
    text = "Among them were three nurses, the Coastal Brigade said."
    assert relations(nlp, bare, text) == set()


def test_the_subject_that_forms_an_alliance_is_its_party(nlp, bare):
    text = "The Coastal Brigade has formed an alliance with the Kivu Defence Movement."
    got = relations(nlp, bare, text)
    assert ("cooperate", "Coastal Brigade", "Kivu Defence Movement", "asserted") in got
