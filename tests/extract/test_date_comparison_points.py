"""A time that is a comparison point, describes another noun or files the story is not the
event's date (issue 13): "The raid, which killed four, was the first since March" happened
on the story's day; "the Front, a group founded in 1994, attacked" is not 1994's; a
dateline's day is when the story was filed. Our sentences."""

from __future__ import annotations

import pytest
from tests.extract.test_event_dates import PUBLISHED, dates  # noqa: F401 (fixture)

pytestmark = pytest.mark.slow


def test_the_first_since_a_month_is_a_comparison_not_a_date(dates) -> None:  # noqa: F811
    text = "Gunmen raided a village near Gao on Monday. The raid, which killed four, was the first since March."
    found = dates(text)
    assert found["raid"] == ("2024-05-13", "day")  # the raid told before, not March
    assert found["killed"][0] != "2024-03"


def test_the_only_one_since_a_year_is_a_comparison(dates) -> None:  # noqa: F811
    found = dates("The ambush near Kidal was the only one since 2019, a mayor said.")
    assert found["ambush"][0] != "2019"


def test_an_ordinal_without_since_still_dates(dates) -> None:  # noqa: F811
    # "on the first day of March" is a date, not a comparison
    found = dates("Militants attacked a base near Gao on the first day of March.")
    assert found["attacked"][0] == "2024-03"


def test_a_time_in_a_clause_describing_an_actor_does_not_date_the_act(dates) -> None:  # noqa: F811
    text = "The Ogaden Front, a rebel group founded by exiles in 1994, attacked a depot in Jijiga."
    assert dates(text)["attacked"] == (PUBLISHED, "publication")


def test_a_time_in_a_relative_clause_on_a_group_does_not_date_the_act(dates) -> None:  # noqa: F811
    text = "Drones struck fighters of a militia that took up arms after the 2021 coup."
    assert dates(text)["struck"][0] != "2021"


def test_a_clause_on_the_act_noun_still_dates_it(dates) -> None:  # noqa: F811
    found = dates("Gunmen killed 12 people in an attack that began on Sunday near Gao.")
    assert found["killed"] == ("2024-05-12", "day")


def test_a_participle_act_hung_on_its_victim_still_dates(dates) -> None:  # noqa: F811
    # gapped coordination: the parser may hang "injured" on "woman" as a participle
    text = "Two boys were killed and one woman injured in a drone strike near Gao yesterday."
    assert dates(text)["killed"] == ("2024-05-14", "day")


def test_a_datelines_date_is_the_filing_day_not_the_events(dates) -> None:  # noqa: F811
    # the dateline's day is nearer the verb than the clause's own "on Sunday"
    text = (
        "BAMAKO, May 14 (Wire) - Jihadist fighters overran a gendarmerie base outside the "
        "Malian town of Gao on Sunday, killing at least 12 soldiers."
    )
    assert dates(text)["overran"] == ("2024-05-12", "day")


def test_a_datelines_date_stands_in_for_an_undated_event(dates) -> None:  # noqa: F811
    text = "BAMAKO, May 14 (Wire) - Gunmen attacked an army post near Gao, officials said."
    assert dates(text)["attacked"] == (PUBLISHED, "publication")


def test_a_clock_time_gives_the_hour_not_the_day(dates) -> None:  # noqa: F811
    # the clock time is nearer the noun; the day after it dates the raid
    text = "Thirty soldiers died in the raid, which started at about 5 a.m. on Sunday, 12 May."
    assert dates(text)["raid"] == ("2024-05-12", "day")


def test_an_act_named_again_takes_the_date_told_before(dates) -> None:  # noqa: F811
    # "the attack" in a claim names the act told before; a week stays a week
    text = (
        "Late last week, a mine and rifle fire struck a police convoy near Gao.\n\n"
        "Officials gave a toll of four; the Front, which later claimed the attack, "
        "put the dead at twenty."
    )
    found = dates(text)
    assert found["struck"][1] == "week"
    assert found["attack"] == found["struck"]


def test_an_act_named_again_keeps_a_date_of_its_own(dates) -> None:  # noqa: F811
    text = "Gunmen hit a convoy near Gao on Monday. The attack on Thursday was another one."
    assert dates(text)["attack"][0] != dates(text)["hit"][0]
