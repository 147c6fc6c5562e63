"""A branch named after its parent ("Islamic State Mozambique Province") is its own actor,
not the parent the shipped list knows (issue 13), on sentences we wrote."""

from __future__ import annotations

import pytest
from tests.extract.test_actors_and_sides import picture

pytestmark = pytest.mark.slow


def names(nlp, resources, text: str) -> set[str]:
    return {a.name for a in picture(nlp, resources, text).actors}


def test_a_province_branch_is_not_its_parent(nlp, resources):
    text = (
        "Fighters of the Islamic State Mozambique Province raided a village near the coast "
        "on Friday. The Islamic State said it controls the coast."
    )
    got = names(nlp, resources, text)
    assert "Islamic State Mozambique Province" in got
    assert "Islamic State" in got


def test_the_parent_alone_is_still_the_known_body(nlp, resources):
    got = names(nlp, resources, "Islamic State fighters burned a church near the coast.")
    assert "Islamic State Mozambique Province" not in got
    assert any("Islamic State" in n for n in got)
