"""Bare references to the police stand for the one police body the article names (issue
13): "police said", "two police officers were killed", "four policemen" after "the
Chadian National Police". One construction per test, on sentences we wrote, through the
real model and resolution with the shipped actor lists off."""

from __future__ import annotations

import pytest
from tests.extract.test_actors_and_sides import picture

from eventwire.config import Settings
from eventwire.knowledge.resources import Resources

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bare():
    return Resources(Settings(shipped_kb=False))


def names(nlp, resources, text: str) -> set[str]:
    return {a.name for a in picture(nlp, resources, text).actors}


@pytest.mark.parametrize(
    "second",
    [
        "Two police officers were killed in the attack.",
        "Gunmen of the Lake Front killed four policemen.",
        "The police fought the Lake Front for hours.",
    ],
)
def test_bare_police_are_the_one_police_body_named(nlp, bare, second):
    text = f"The Chadian National Police deployed units to the town. {second}"
    found = names(nlp, bare, text)
    assert "Chadian National Police" in found
    assert not any(n.lower() in ("police", "the police", "police officers", "policemen")
                   for n in found)  # fmt: skip


def test_bare_police_beside_two_police_bodies_are_nobodys_of_them(nlp, bare):
    text = (
        "The Chadian National Police and the Nigerien National Police met on Monday. "
        "Police fought the Lake Front."
    )
    res = picture(nlp, bare, text)
    ids = {a.id: a.name for a in res.actors}
    fighters = {ids[r.source_actor] for r in res.relations if r.type == "fight"}
    assert not fighters & {"Chadian National Police", "Nigerien National Police"}


def test_bare_police_beside_police_of_a_nationality_are_nobodys(nlp, resources):
    text = (
        "The Haitian National Police and Kenyan police raided a base of the Viv Coalition. "
        "Police said two officers were wounded."
    )
    res = picture(nlp, resources, text)
    mentions_of = {a.name: a for a in res.actors}
    assert "Police" in mentions_of  # left as it was, not joined to the Haitian body
