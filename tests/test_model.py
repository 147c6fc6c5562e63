import pytest

from eventwire.model import When


@pytest.mark.parametrize(
    ("value", "calendar"),
    [
        ("2019-04-16", "2019-04-16"),
        ("2019-04", "2019-04"),
        ("2019", "2019"),
        ("2019-04-16T10:35", "2019-04-16"),  # a clock time keeps its day
        ("2019-W15", "2019-04-08"),  # a week: its Monday
        ("2020-W53", "2020-12-28"),
        ("2019-SU", "2019-06"),  # a season: its first month
        ("2019-WI", "2019-12"),
        ("2018-Q3", "2018-07"),  # a quarter: its first month
        ("199X", "1990"),  # a decade: its first year
        ("PRESENT_REF", None),  # no calendar date at all
        (None, None),
    ],
)
def test_when_calendar_sorts_in_time(value, calendar):
    assert When(value, "day").calendar == calendar


def test_calendar_dates_sort_like_time():
    values = ["2019-W15", "2019-04-09", "2019-SU", "2019-05", "2019-W01"]
    ordered = sorted(values, key=lambda v: When(v, None).calendar)
    assert ordered == ["2019-W01", "2019-W15", "2019-04-09", "2019-05", "2019-SU"]
