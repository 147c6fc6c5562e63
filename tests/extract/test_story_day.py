"""An act told in the past with no day of its own, in a paragraph after the lead, happened
on the lead's day, not on the day of publication (sentences written for these tests)."""

from __future__ import annotations

import pytest
from tests.extract.test_event_date_anaphora import PUBLISHED, dates  # noqa: F401

pytestmark = pytest.mark.slow

LEAD = "Jets struck a market in the river town on Monday, killing six people.\n\n"


def test_a_later_act_takes_the_lead_day(dates) -> None:  # noqa: F811
    found = dates(LEAD + "A second strike hit a school near the bridge.")
    assert found["strike"] == ("2024-05-13", "publication")
    assert found["struck"] == ("2024-05-13", "day")


def test_the_lead_speaker_day_stands_in_when_the_act_has_none(dates) -> None:  # noqa: F811
    text = ("Jets struck a market in the river town, the army said on Monday.\n\n"
            "A second strike hit a school near the bridge.")  # fmt: skip
    assert dates(text)["strike"] == ("2024-05-13", "publication")


def test_an_act_with_its_own_year_keeps_it(dates) -> None:  # noqa: F811
    found = dates(LEAD + "In 2019, rebels attacked the same town.")
    assert found["attacked"] == ("2019", "year")


def test_a_lead_day_long_before_publication_is_no_story_day(dates) -> None:  # noqa: F811
    text = "Jets struck a market in the river town on March 3.\n\nA second strike hit a school."
    assert dates(text)["strike"] == (PUBLISHED, "publication")


def test_an_act_told_in_the_present_keeps_the_publication_day(dates) -> None:  # noqa: F811
    found = dates(LEAD + "Strikes have hit schools in the province.")
    assert found["hit"] == (PUBLISHED, "publication")
