"""A statement's day is not the act's day (issue 13): a verb judging an act ("condemned",
"denounced") dates the judgement; the act keeps the day it was told with, and an act told
only in the judgement takes that day as a stand-in, as a reporting verb's. Our sentences."""

from __future__ import annotations

import pytest
from tests.extract.test_event_dates import dates  # noqa: F401 (fixture)

pytestmark = pytest.mark.slow

LEAD = "Gunmen attacked a refugee camp near the border on Sunday. "


@pytest.mark.parametrize(
    "line",
    [
        "The United Nations condemned the attack on Tuesday.",
        "On Tuesday the governor denounced the attack.",
        "Aid agencies deplored the attack on Tuesday.",
    ],
)
def test_the_judgement_day_does_not_date_the_act_named_again(dates, line) -> None:  # noqa: F811
    found = dates(LEAD + line)
    assert found["attacked"] == ("2024-05-12", "day")
    assert found["attack"] == ("2024-05-12", "day")  # the act told before, not Tuesday


def test_the_judging_verb_keeps_its_own_day(dates) -> None:  # noqa: F811
    assert dates(LEAD + "The United Nations condemned the attack on Tuesday.")["condemned"] == (
        "2024-05-14",
        "day",
    )


def test_an_act_told_only_in_the_judgement_takes_its_day_as_a_stand_in(dates) -> None:  # noqa: F811
    found = dates("The United Nations condemned the attack on a refugee camp on Tuesday.")
    assert found["attack"] == ("2024-05-14", "publication")


def test_a_date_inside_the_object_still_dates_the_act(dates) -> None:  # noqa: F811
    found = dates("The governor on Monday condemned Sunday's attack on the camp.")
    assert found["attack"] == ("2024-05-12", "day")
    assert found["condemned"] == ("2024-05-13", "day")
