"""Alliances stated through membership, parts and ties (issue 13): "X is part of the Y
coalition", "the Y coalition includes X", "X, a faction of Y", "X is linked to Y", "the
Y-linked X", "X, which is allied with (loyal to) Y". One construction per test, on
sentences we wrote, through the real model and resolution with the shipped actor lists
off."""

from __future__ import annotations

import pytest
from tests.extract.test_actors_and_sides import picture

from eventwire.config import Settings
from eventwire.knowledge.resources import Resources

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bare():
    return Resources(Settings(shipped_kb=False))


def stated(nlp, resources, text: str) -> set[tuple[str, str, str]]:
    res = picture(nlp, resources, text)
    names = {a.id: a.name for a in res.actors}
    return {
        (r.type, names[r.source_actor], names[r.target_actor])
        for r in res.relations
        if not r.negated
    }


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("The Lake Front is part of the Coastal Alliance.", "Coastal Alliance"),
        ("The Lake Front, a faction of the Coastal Brigade, attacked a post.", "Coastal Brigade"),
        ("The Lake Front is linked to the Coastal Brigade.", "Coastal Brigade"),
        ("The Lake Front, which is allied with the Coastal Brigade, raided a post.",
         "Coastal Brigade"),
    ],
)  # fmt: skip
def test_a_part_or_a_tie_is_an_alliance(nlp, bare, text, other):
    assert ("ally", "Lake Front", other) in stated(nlp, bare, text)


def test_a_coalition_that_includes_groups_is_their_ally(nlp, bare):
    text = "The Coastal Alliance includes the Lake Front and the Kivu Movement."
    found = stated(nlp, bare, text)
    assert ("ally", "Lake Front", "Coastal Alliance") in found
    assert ("ally", "Kivu Movement", "Coastal Alliance") in found


def test_a_body_that_is_no_coalition_includes_no_ally(nlp, bare):
    text = "The delegation included the Lake Front and the Kivu Movement."
    assert not any(t == "ally" for t, _, _ in stated(nlp, bare, text))


def test_loyal_through_a_relative_pronoun_is_the_antecedents(nlp, bare):
    text = "The Lake Front, which is loyal to the Coastal Brigade, raided a post."
    assert ("support", "Lake Front", "Coastal Brigade") in stated(nlp, bare, text)


def test_a_hyphenated_tie_names_the_whole_hyphenated_name(nlp, resources):
    text = "The al-Qaeda-linked Lake Front raided a post on Monday."
    found = stated(nlp, resources, text)
    assert any(t == "ally" and "Qaeda" in a for t, a, _ in found)
    assert not any(a == "al" for _, a, _ in found)


def test_taking_part_names_no_alliance(nlp, bare):
    text = "The Lake Front took part in talks with the Coastal Brigade on Monday."
    assert not any(t == "ally" for t, _, _ in stated(nlp, bare, text))
