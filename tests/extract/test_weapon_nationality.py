"""A weapon or craft named by a nationality is the state's act (issue 13): "a Russian
glide bomb killed five" was fired by Russia; the nationality of an act noun ("Israeli air
strikes") or of armed men ("Kenyan troops") stays the state's armed forces. Sentences we
wrote, several wars; the real model, so ``slow``."""

from __future__ import annotations

import pytest
from tests.extract.test_actors_and_sides import picture
from tests.extract.test_claims_offices_peoples import named
from tests.extract.test_instrument_doers import bare

__all__ = ["bare"]  # the module fixture, shared


def _doers(res) -> set[str | None]:
    return {named(res, e.source_actor) for e in res.events}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("A Russian glide bomb hit a school in Sumy on Monday, killing three people.",
         "Russia"),
        ("A Turkish drone struck a car near Qamishli on Sunday, killing two men.", "Turkey"),
        ("An Ethiopian drone hit a lorry near Bahir Dar on Friday, officials said.",
         "Ethiopia"),
        ("Iranian missiles struck a base outside Erbil late on Tuesday.", "Iran"),
    ],
)  # fmt: skip
def test_a_weapons_nationality_is_the_state_that_fired_it(nlp, bare, text, state):
    assert state in _doers(picture(nlp, bare, text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "forces"),
    [
        ("Israeli air strikes hit two houses in Khan Younis on Monday.", "Israel"),
        ("Kenyan troops shelled a camp near Mandera on Sunday.", "Kenya"),
    ],
)  # fmt: skip
def test_an_acts_nationality_stays_the_states_forces(nlp, bare, text, forces):
    doers = {d for d in _doers(picture(nlp, bare, text)) if d}
    assert doers == {f"Armed forces of {forces}"}
