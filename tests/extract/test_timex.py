"""normalize_timex: one rule per case, against a Tuesday reference (16 April 2019)."""

from __future__ import annotations

import pytest

from eventwire.extract.timex import is_duration, normalize_timex
from eventwire.extract.timex3 import timex3_of, timex3_value
from eventwire.model import When

TUESDAY = "2019-04-16"


@pytest.mark.parametrize(
    ("text", "tense", "value", "precision"),
    [
        ("on Sunday", "past", "2019-04-14", "day"),
        ("Tuesday", "past", "2019-04-16", "day"),  # same weekday, past clause: that day
        ("on Tuesday", "future", "2019-04-23", "day"),  # future clause: next week's
        ("on Thursday", "future", "2019-04-18", "day"),
        ("last Tuesday", "past", "2019-04-09", "day"),
        ("next Monday", "past", "2019-04-22", "day"),
        ("this Wednesday", "past", "2019-04-17", "day"),  # the one of the reference's week
        ("this Sunday", "past", "2019-04-21", "day"),
        ("this Monday", "future", "2019-04-15", "day"),
        ("Friday morning", "past", "2019-04-12", "day"),
        ("in September", "past", "2018-09", "month"),
        ("in September", "future", "2019-09", "month"),
        ("in April", "past", "2019-04", "month"),
        ("last July", "past", "2018-07", "month"),
        ("next March", "past", "2020-03", "month"),
        ("July last year", "past", "2018-07", "month"),
        ("late November", "past", "2018-11", "month"),
        ("April 4", "past", "2019-04-04", "day"),
        ("April 20", "past", "2018-04-20", "day"),
        ("April 20", "future", "2019-04-20", "day"),
        ("on December 7th", "past", "2018-12-07", "day"),
        ("Aug. 7", "past", "2018-08-07", "day"),
        ("last week", "past", "2019-W15", "week"),
        ("next week", "future", "2019-W17", "week"),
        ("last month", "past", "2019-03", "month"),
        ("this year", "past", "2019", "year"),
        ("last year", "past", "2018", "year"),
        ("a day after", "past", "2019-04-17", "day"),
        ("two days earlier", "past", "2019-04-14", "day"),
        ("15 years ago", "past", "2004", "year"),
        ("three months ago", "past", "2019-01", "month"),
        ("two weeks ago", "past", "2019-W14", "week"),
        ("in three days", "future", "2019-04-19", "day"),
        ("this summer", "past", "2019-SU", "season"),
        ("last summer", "past", "2018-SU", "season"),
        ("the summer of 2016", "past", "2016-SU", "season"),
        ("yesterday", "past", "2019-04-15", "day"),
        ("today", "past", "2019-04-16", "day"),
        ("in 2012", "past", "2012", "year"),
        ("mid-2014", "past", "2014", "year"),
        ("May 16, 2018", "past", "2018-05-16", "day"),
        ("16 May 2018", "past", "2018-05-16", "day"),
        ("September 2018", "past", "2018-09", "month"),
        ("2018-05-16", "past", "2018-05-16", "day"),
        ("the 1990s", "past", "199X", "decade"),
        ("the 90s", "past", "199X", "decade"),
        # a weekend is its Saturday, with its Sunday as the end (a week's precision)
        ("the weekend", "past", "2019-04-13", "week"),  # Tuesday: last Saturday and Sunday
        ("the weekend", "future", "2019-04-20", "week"),
        ("last weekend", "past", "2019-04-13", "week"),
        ("this weekend", "past", "2019-04-20", "week"),
        ("Christmas", "past", "2018-12-25", "day"),
        ("on Christmas Eve", "future", "2019-12-24", "day"),
        ("New Year's Day", "past", "2019-01-01", "day"),
        ("in the summer", "past", "2018-SU", "season"),
        ("at 10 a.m.", "past", "2019-04-16", "day"),
        ("twenty twelve", "past", "2012", "year"),
        ("nineteen hundred", "past", "1900", "year"),
        ("the next day", "past", "2019-04-17", "day"),
        ("the following morning", "past", "2019-04-17", "day"),
        ("the day before", "past", "2019-04-15", "day"),
        ("that night", "past", "2019-04-16", "day"),
        ("the following week", "past", "2019-W17", "week"),
        ("earlier that day", "past", "2019-04-16", "day"),
        ("by the end of the month", "future", "2019-04", "month"),
        ("the end of next month", "future", "2019-05", "month"),
        ("the beginning of the year", "past", "2019", "year"),
        ("next quarter", "past", "2019-07", "month"),  # the quarter's first month, with an end
        ("FY2018", "past", "2018", "year"),
        ("a week or so ago", "past", "2019-W15", "week"),
    ],
)
def test_rules(text: str, tense: str, value: str, precision: str) -> None:
    when = normalize_timex(text, TUESDAY, tense)
    assert (when.value, when.precision) == (value, precision)
    assert when.text == text


def test_monday_article_monday_is_that_day() -> None:
    assert normalize_timex("on Monday", "2019-04-15").value == "2019-04-15"


def test_ranges_carry_an_end() -> None:
    quarter = normalize_timex("the third quarter of 2018", TUESDAY)
    assert (quarter.value, quarter.end, quarter.precision) == ("2018-07", "2018-09", "month")
    span = normalize_timex("from March to May 2019", TUESDAY)
    assert (span.value, span.end, span.precision) == ("2019-03", "2019-05", "month")
    days = normalize_timex("April 4-6", TUESDAY)
    assert (days.value, days.end) == ("2019-04-04", "2019-04-06")
    years = normalize_timex("between 2014 and 2016", TUESDAY)
    assert (years.value, years.end, years.precision) == ("2014", "2016", "year")


@pytest.mark.parametrize(
    "text",
    [
        "on Sunday",
        "last July",
        "last week",
        "15 years ago",
        "April 4",
        "this summer",
        "yesterday",
        "the 90s",
    ],
)
def test_relative_expressions_stay_unresolved_without_a_reference(text: str) -> None:
    when = normalize_timex(text, None)
    assert when.value is None and when.precision is None and when.text == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("in 2012", "2012"),
        ("May 16, 2018", "2018-05-16"),
        ("September 2018", "2018-09"),
        ("the 1990s", "199X"),
    ],
)
def test_absolute_expressions_resolve_without_a_reference(text: str, value: str) -> None:
    assert normalize_timex(text, None).value == value


def test_partial_reference_does_not_invent_days() -> None:
    assert normalize_timex("on Sunday", "2019-04").value is None
    assert normalize_timex("last month", "2019-04").value == "2019-03"
    assert normalize_timex("last year", "2019").value == "2018"
    assert normalize_timex("last July", "2019").value is None


def test_reference_with_time_of_day() -> None:
    assert normalize_timex("Wednesday", "1990-08-16T13:37").value == "1990-08-15"


def test_unparseable_text_is_kept() -> None:
    when = normalize_timex("the good old days", TUESDAY)
    assert when.value is None and when.text == "the good old days"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three days", "P3D"),
        ("the next two weeks", "P2W"),
        ("eight-year", "P8Y"),
        ("more than four hours", "PT4H"),
        ("now", "PRESENT_REF"),
        ("the future", "FUTURE_REF"),
        ("the past few months", "PXM"),
        ("last week", "1998-W33"),
        ("Friday", "1998-08-14"),
        ("the 1990s", "199"),  # TIMEX3 writes a decade as its first three digits
        ("the 19th century", "18"),
        ("the nineteenth century", "18"),
        ("the past decade", "P10Y"),  # the ten years up to now, not the 1980s
        ("the past week", "P1W"),
        ("8-month-old", "P8M"),
        ("this crucial moment", "PRESENT_REF"),
        ("at the time", "PAST_REF"),
        ("10:35 a.m. Friday", "1998-08-14T10:35"),
        ("at 9 p.m.", "1998-08-17T21:00"),
        ("noon Saturday", "1998-08-15T12:00"),
        ("midnight", "1998-08-17T00:00"),
        ("over the weekend", "1998-W33-WE"),  # Monday 17 August: the weekend just gone
        ("Saturday night", "1998-08-15TNI"),
        ("nineteen ninety-six", "1996"),
        ("the third quarter of 1998", "1998-Q3"),
        ("Q2", "1998-Q2"),  # the latest second quarter begun by 17 August 1998
        ("the fourth quarter", "1997-Q4"),
        ("the last quarter", "1998-Q2"),  # the previous one, not the fourth
        ("the last quarter of 1997", "1997-Q4"),
        ("fiscal 1999", "FY1999"),
        ("January nineteen ninety-seven", "1997-01"),
    ],
)
def test_timex3_values(text: str, value: str) -> None:
    assert timex3_value(text, "1998-08-17") == value


def test_weekend_on_a_sunday_is_that_weekend() -> None:
    assert normalize_timex("the weekend", "2019-04-14").value == "2019-04-13"


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [
        # a part of a week is dated from its first day to its last, at a week's precision
        ("late last week", "2019-04-11", "2019-04-14"),
        ("Late last week", "2019-04-11", "2019-04-14"),
        ("the end of last week", "2019-04-11", "2019-04-14"),
        ("early last week", "2019-04-08", "2019-04-10"),
        ("early this week", "2019-04-15", "2019-04-17"),
        ("the middle of last week", "2019-04-09", "2019-04-11"),
        ("the beginning of last week", "2019-04-08", "2019-04-09"),
        ("over the weekend", "2019-04-13", "2019-04-14"),
    ],
)
def test_parts_of_a_week_are_dated_from_their_first_day(text: str, value: str, end: str) -> None:
    when = normalize_timex(text, TUESDAY)
    assert (when.value, when.end, when.precision) == (value, end, "week")
    assert when.calendar == value  # an act "late last week" is no Monday's


def test_parts_of_a_week_keep_their_week_in_timex3() -> None:
    assert timex3_value("late last week", "1998-08-18") == "1998-W33"
    assert timex3_value("the weekend", "1998-08-18") == "1998-W33-WE"


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("On 20 June", "2019-06-20", "day"),  # month-days fall in the report's year
        ("June 20", "2019-06-20", "day"),
        ("in September", "2019-09", "month"),
        ("this summer", "2019-SU", "season"),
        ("in 2017", "2017", "year"),
        ("last year", "2018", "year"),
    ],
)
def test_year_reference_places_month_days_in_that_year(
    text: str, value: str, precision: str
) -> None:
    assert normalize_timex(text, "2019") == When(value, precision, text=text)


@pytest.mark.parametrize(
    "text", ["on Sunday", "last week", "yesterday", "two days later", "last July", "last month",
             "the weekend", "at 10 a.m."],
)  # fmt: skip
def test_year_reference_cannot_place_weekdays_or_relative_days(text: str) -> None:
    assert normalize_timex(text, "2019").value is None


def test_timex3_of_writes_pipeline_values_in_timex3_form() -> None:
    assert timex3_of(When("199X", "decade", text="the 1990s")) == "199"
    assert timex3_of(When("2019-W15", "week", text="over the weekend")) == "2019-W15-WE"
    assert timex3_of(When("2019-W15", "week", text="last week")) == "2019-W15"
    assert timex3_of(When("2019-04-12", "day", text="Friday morning")) == "2019-04-12TMO"
    assert timex3_of(When(None, None, text="someday")) is None


@pytest.mark.parametrize(
    "text", ["a four-year absence", "four-year", "two months", "about three months'", "42-year",
             "the next two weeks", "1441"],
)  # fmt: skip
def test_lengths_of_time_and_bare_numbers_are_no_dates(text: str) -> None:
    assert normalize_timex(text, TUESDAY).value is None


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        # the month just ended would be "last month": "last February" on 2 March is a year back
        ("last February", "2021-03-02", "2020-02"),
        ("last January", "2021-03-02", "2021-01"),
        ("last December", "2021-01-20", "2019-12"),
        ("last November", "2021-01-20", "2020-11"),
        ("next October", "2021-09-05", "2022-10"),
        ("next December", "2021-09-05", "2021-12"),
    ],
)
def test_last_and_next_month_skip_the_adjacent_month(text: str, reference: str, value: str) -> None:
    assert normalize_timex(text, reference).value == value


def test_a_past_clause_naming_the_next_month_means_the_coming_one() -> None:
    # "The ministry said in August it would cut rations in September."
    assert normalize_timex("in September", "2021-08-10", "past").value == "2021-09"
    assert normalize_timex("in January", "2021-12-10", "past").value == "2022-01"
    assert normalize_timex("in October", "2021-08-10", "past").value == "2020-10"


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("later in the day", "2019-04-16", "day"),  # "Shelling resumed later in the day."
        ("during the day", "2019-04-16", "day"),
        ("earlier in the week", "2019-W16", "week"),
        ("the month", "2019-04", "month"),
    ],
)
def test_the_lone_unit_is_the_one_holding_the_reference(
    text: str, value: str, precision: str
) -> None:
    when = normalize_timex(text, TUESDAY)
    assert (when.value, when.precision) == (value, precision)
    assert not is_duration(text)
    assert is_duration("days") and is_duration("a day")


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [
        ("18-19 March", "2019-03-18", "2019-03-19"),  # "The vote was moved to 18-19 March."
        ("9 and 10 May 2018", "2018-05-09", "2018-05-10"),  # "the night of 9 and 10 May"
        ("3rd to 5th of February", "2019-02-03", "2019-02-05"),
        ("28 January - 2 February", "2019-01-28", "2019-02-02"),
    ],
)
def test_day_first_ranges(text: str, value: str, end: str) -> None:
    when = normalize_timex(text, TUESDAY)
    assert (when.value, when.end, when.precision) == (value, end, "day")


def test_a_range_ending_on_an_impossible_day_is_no_range() -> None:
    assert normalize_timex("April 30-31", TUESDAY).end is None


@pytest.mark.parametrize(
    ("text", "day_first", "value"),
    [
        ("5/6/2018", True, "2018-06-05"),  # "The convoy was stopped on 5/6/2018."
        ("5/6/2018", False, "2018-05-06"),
        ("5/6/2018", None, None),  # either order is possible and the text does not say
        ("25/6/2018", None, "2018-06-25"),  # only one order is possible
        ("6/25/2018", True, "2018-06-25"),
        ("5.6.2018", False, "2018-06-05"),  # dotted dates are day-first
        ("31/2/2018", True, None),
    ],
)
def test_numeric_dates(text: str, day_first: bool | None, value: str | None) -> None:
    assert normalize_timex(text, None, day_first=day_first).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("weekly", "P1W"),  # "The council meets weekly."
        ("every two weeks", "P2W"),
        ("each day", "P1D"),
        ("every March", "XXXX-03"),  # "Floods return every March."
        ("every Friday", "XXXX-WXX-5"),
        ("each winter", "XXXX-WI"),
        ("every weekend", "XXXX-WXX-WE"),
        ("every time", None),
    ],
)
def test_timex3_recurring_times(text: str, value: str | None) -> None:
    assert timex3_value(text, "2021-05-03") == value


@pytest.mark.parametrize("text", ["that day", "the same day", "earlier that day", "each week"])
def test_a_unit_after_a_determiner_is_no_length(text: str) -> None:
    # "The rebels withdrew that day." dates its event; "that day" is not a duration
    assert not is_duration(text)


def test_a_numeric_date_with_day_equal_to_month_needs_no_order() -> None:
    assert normalize_timex("7/7/2018", None).value == "2018-07-07"


@pytest.mark.parametrize(
    ("text", "value", "end", "timex3"),
    [
        # "Exports fell in the first half of 2017."
        ("the first half of 2017", "2017-01", "2017-06", "2017-H1"),
        ("the second half of last year", "2018-07", "2018-12", "2018-H2"),
        ("H2 2016", "2016-07", "2016-12", "2016-H2"),  # not February, as dateparser read it
    ],
)
def test_halves_of_a_year(text: str, value: str, end: str, timex3: str) -> None:
    when = normalize_timex(text, TUESDAY)
    assert (when.value, when.end, when.precision) == (value, end, "month")
    assert timex3_value(text, TUESDAY) == timex3
    assert normalize_timex("the first half", TUESDAY).value is None  # of a match, perhaps


def test_a_year_before_fiscal_year_is_that_fiscal_year() -> None:
    assert timex3_value("the 2016 fiscal year", TUESDAY) == "FY2016"


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [
        ("2016/17", "2016", "2017"),  # "Wheat output fell in 2016/17."
        ("1979-83", "1979", "1983"),
        ("1999-01", "1999", "2001"),  # the century turns
    ],
)
def test_years_with_a_short_second_year(text: str, value: str, end: str) -> None:
    when = normalize_timex(text, TUESDAY)
    assert (when.value, when.end, when.precision) == (value, end, "year")
    assert normalize_timex("2016-05", TUESDAY).value == "2016-05"  # a month, not 89 years


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("on the 9th", "past", "2019-04-09"),  # "Talks broke down on the 9th."
        ("the 28th", "past", "2019-03-28"),  # not yet reached this month: the month before
        ("on the 28th", "future", "2019-04-28"),
        ("the 2nd", "future", "2019-05-02"),
        ("the 5th of this month", "past", "2019-04-05"),
    ],
)
def test_a_day_of_the_month(text: str, tense: str, value: str) -> None:
    assert normalize_timex(text, TUESDAY, tense).value == value
    assert normalize_timex(text, "2019").value is None


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [
        ("the weekend of 12 to 14 July", "2018-07-12", "2018-07-14"),  # the day's month
        ("between August 3 and 5", "2018-08-03", "2018-08-05"),
        ("the night of 9 and 10 May 2018", "2018-05-09", "2018-05-10"),
    ],
)
def test_ranges_whose_first_day_borrows_the_month(text: str, value: str, end: str) -> None:
    when = normalize_timex(text, TUESDAY)
    assert (when.value, when.end) == (value, end)


def test_tokenised_text_reads_as_written() -> None:
    # "Shelling resumed on June 9 , 2014 ." as a tokeniser leaves it
    assert normalize_timex("June 9 , 2014", TUESDAY).value == "2014-06-09"
    assert normalize_timex("last month 's", TUESDAY).value == "2019-03"


@pytest.mark.parametrize("text", ["9 2014", "one evening", "a morning", "some day"])
def test_dateparser_does_not_fill_missing_parts_from_the_reference(text: str) -> None:
    assert normalize_timex(text, TUESDAY).value is None  # "He left one evening."


@pytest.mark.parametrize(("text", "value"), [("just four hours", "PT4H"), ("10-12 days", "PXD")])
def test_more_lengths_of_time(text: str, value: str) -> None:
    assert is_duration(text) and timex3_value(text, TUESDAY) == value


def test_this_century_is_the_references_century() -> None:
    # "Nothing like it had happened this century." written in 2021
    assert timex3_value("this century", "2021-05-03") == "20"
    assert timex3_value("last century", "2021-05-03") == "19"
    assert normalize_timex("this century", "2021-05-03").value is None  # no date of a year
    assert timex3_value("this century", None) is None
