"""A name ending in a settlement's or an area's noun is a place, not an actor."""

from __future__ import annotations

import pytest
from tests.extract.test_mentions import run

from eventwire.extract.notactors import division_test, named_by_place_noun


def _names(blank_nlp, resources, text, ents):
    return {m.normalized for m in run(blank_nlp, resources, text, ents)}


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Kalvari Village", True),
        ("the Upper Tribal Areas", True),
        ("Morvan Township", True),
        ("Pesh locality of Rander district", True),
        ("Boyaca Department", True),  # a department after a place's name
        ("the Energy Department", False),  # an office
        ("the Sheriff's Department", False),
        ("the Police Department", False),  # a town is called Police, no division
        ("Sinai Province", False),  # an armed group may be called so
        ("the Village People", False),
    ],
)
def test_names_ending_in_a_place_noun(resources, name, place):
    assert named_by_place_noun(name, division_test(resources.gazetteer)) is place


def test_a_village_named_in_a_report_is_no_actor(blank_nlp, resources):
    text = "Rebels attacked Kalvari Village and Omar Dabbas condemned it."
    names = _names(
        blank_nlp, resources, text, [("Kalvari Village", "ORG"), ("Omar Dabbas", "PERSON")]
    )
    assert names == {"Omar Dabbas"}
