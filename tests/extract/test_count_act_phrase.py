"""A relative clause on a noun inside an act noun's phrase tells that act's toll (issue
13), on sentences we wrote."""

from __future__ import annotations

import pytest
from tests.extract.test_count_constructions import counts_by_trigger

pytestmark = pytest.mark.slow


def test_the_dead_of_a_place_an_earlier_raid_hit_are_that_raids(run):
    got = counts_by_trigger(
        run,
        "Gunmen opened fire at a cattle market in Kaleb on Monday, killing six herders, "
        "after a raid on a farming village in which 12 people were killed.",
    )
    assert got["opened"] == [("killed", 6)]
    assert ("killed", 12) in got["raid"]


def test_a_raid_set_a_week_before_gives_its_dead_to_no_event(run):
    # the raid only places the shooting in time: its toll is no count of the story
    # (extract.totals.measured_landmark)
    got = counts_by_trigger(
        run,
        "Gunmen opened fire at a cattle market in Kaleb on Monday, killing six herders, a "
        "week after a raid on a farming village in which 12 people were killed.",
    )
    assert got["opened"] == [("killed", 6)]
    assert all(("killed", 12) not in found for found in got.values())


def test_a_relative_clause_on_a_place_with_no_act_above_it_goes_to_the_sentences_act(run):
    got = counts_by_trigger(run, "Soldiers stormed the hamlet, in which nine people were killed.")
    assert got["stormed"] == [("killed", 9)]
