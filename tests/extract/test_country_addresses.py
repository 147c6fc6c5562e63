"""A country written as part of where something is, not as the state that acts (issue 13,
item 3), on sentences we wrote: the model's parse is the point, so the tests are slow."""

from __future__ import annotations

import pytest

from eventwire.extract.context import DocContext
from eventwire.extract.mentions import extract_mentions
from eventwire.model import Article


def names(nlp, resources, text):
    ctx = DocContext(article=Article(id="a", text=text), doc=nlp(text), resources=resources)
    return {m.span.text for m in extract_mentions(ctx)["mentions"]}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the far side of a frontier
        ("Two mortar rounds landed close to the border with Zambia late on Tuesday.", "Zambia"),
        ("Clashes broke out along the frontier with Niger on Sunday.", "Niger"),
        # a town's address: "Town, Country"
        ("The talks were held in Kano, Nigeria, on Friday.", "Nigeria"),
        # the first word of a city's name, split by the model
        ("A bomb damaged offices in Kuwait City.", "Kuwait"),
        # a part of the country after any preposition
        ("Detainees were flown to northern Sudan last year.", "Sudan"),
    ],
)
def test_a_country_in_an_address_is_a_place(nlp, resources, text, place):
    assert place not in names(nlp, resources, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Nigeria said the talks had failed.", "Nigeria"),
        ("Uganda closed its border with the rebels' stronghold.", "Uganda"),
        ("Gunmen attacked southern Chad.", "Chad"),  # the act is aimed at the state
    ],
)
def test_a_country_that_acts_stays_the_state(nlp, resources, text, state):
    assert state in names(nlp, resources, text)
