"""A definite event noun repeats an act told before and takes its date (our sentences)."""

from __future__ import annotations

import pytest
from tests.extract.test_event_dates import PUBLISHED, dates  # noqa: F401

pytestmark = pytest.mark.slow


LEAD = "Militants attacked an army post near the dam on Sunday, killing 11 soldiers.\n\n"


def test_the_act_named_again_in_a_later_paragraph_keeps_its_day(dates) -> None:  # noqa: F811
    assert dates(LEAD + "The attack was the worst in the province.")["attack"] == (
        "2024-05-12",
        "day",
    )
    # in the present perfect too: the act is the lead's, whatever the sentence's tense
    text = "Rebels raided a depot on Sunday.\n\nThe raid has been condemned by the governor."
    assert dates(text)["raid"] == ("2024-05-12", "day")


def test_an_indefinite_noun_is_another_act(dates) -> None:  # noqa: F811
    text = "Rebels raided a depot on Sunday.\n\nA raid on a school has been condemned."
    assert dates(text)["raid"] == (PUBLISHED, "publication")


def test_an_act_named_again_after_an_undated_one_takes_no_day(dates) -> None:  # noqa: F811
    # the nearest act told with the word is what the noun repeats: it has no day
    text = ("Rebels raided a depot on Sunday.\n\nRebels have raided schools in the hills "
            "for years.\n\nThe raid has been condemned by the governor.")  # fmt: skip
    assert dates(text)["raid"] == (PUBLISHED, "publication")
