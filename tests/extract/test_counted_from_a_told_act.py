"""A time counted back from an act the story told ("The latest raid comes a week after
jets bombed a bridge"): the act set after another is dated by the story, and the earlier
act a week before that day (issue 13). Sentences we wrote."""

from __future__ import annotations

import pytest
from tests.extract.test_counted_dates import dated

__all__ = ["dated"]  # the module fixture, shared


@pytest.mark.slow
def test_an_act_set_after_another_dates_it_back_from_the_story_day(dated) -> None:
    _timexes, events = dated(
        "Militants shelled a market in Kaleb on Monday, killing five traders. The latest "
        "attack comes a week after jets bombed a school in Tawila, killing nine pupils."
    )
    assert events["bombed"] == ("2024-05-06", "day")  # a week before Monday 13 May


@pytest.mark.slow
def test_with_no_day_told_before_it_counts_from_the_publication_day(dated) -> None:
    _timexes, events = dated(
        "The latest attack comes a week after jets bombed a school in Tawila, killing nine."
    )
    assert events["bombed"] == ("2024-05-08", "publication")
