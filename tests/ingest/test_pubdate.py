"""The publication date finder: header lines, weekdays, outlet conventions, metadata values."""

from __future__ import annotations

import pytest

from eventwire.config import Settings
from eventwire.ingest.pubdate import find_publication_date, parse_date_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline here\n\nSunday 11/12/2016\nBody text follows.", "2016-12-11"),
        ("Headline here\n\nSaturday 11/12/2016\nBody text follows.", "2016-11-12"),
        ("Some Outlet, May 16, 2018\n\nBody text.", "2018-05-16"),
        ("A title\nApril 16\n14:38 2019\n\nTRIPOLI - Body.", "2019-04-16"),
        ("BENGHAZI, 3 March 2015 - Fighting resumed in the port area.", "2015-03-03"),
        ("Title\nPosted 2017-08-02 09:00\nBody.", "2017-08-02"),
        ("Title\n25/12/2015\nBody.", "2015-12-25"),
        ("Title\nWednesday, 4th of May, 2016\nBody.", "2016-05-04"),
    ],
)
def test_header_dates(text: str, expected: str) -> None:
    found = find_publication_date(text)
    assert (found.value, found.precision, found.ambiguous) == (expected, "day", False)


def test_ambiguous_numeric_date_without_weekday_keeps_only_the_year() -> None:
    found = find_publication_date("Title\n05/06/2017\nBody.")
    assert (found.value, found.precision, found.ambiguous) == ("2017", "year", True)


def test_outlet_convention_resolves_ambiguity() -> None:
    text = "Title\n05/06/2017\nBody."
    assert find_publication_date(text, outlet="Associated Press").value == "2017-05-06"
    assert find_publication_date(text, outlet="Libya Herald").value == "2017-06-05"
    user = Settings(outlet_date_order="Harbour Gazette=MDY")
    assert (
        find_publication_date(text, outlet="Harbour Gazette", settings=user).value == "2017-05-06"
    )


def test_dates_in_body_prose_are_not_publication_dates() -> None:
    text = (
        "Officials said on Monday that the talks which had begun in Geneva on March 18, 2015 "
        "would not resume before the end of the year, and that a new round was uncertain.\n"
        "Other prose follows."
    )
    assert find_publication_date(text).value is None


def test_no_date_means_none_never_today() -> None:
    found = find_publication_date("Militias clashed on Sunday near the airport.\nMore text.")
    assert found.value is None and found.precision is None


@pytest.mark.parametrize(
    ("raw", "value", "precision"),
    [
        ("2019-04-07", "2019-04-07", "day"),
        ("2019-04-07T10:00:00+02:00", "2019-04-07", "day"),
        ("2016-09", "2016-09", "month"),
        ("2014", "2014", "year"),
        ("Tue, 14 Jan 2020 08:30:00 GMT", "2020-01-14", "day"),
        ("May 16, 2018", "2018-05-16", "day"),
        ("yesterday", None, None),
        ("", None, None),
    ],
)
def test_metadata_values(raw: str, value: str | None, precision: str | None) -> None:
    found = parse_date_value(raw)
    assert (found.value, found.precision) == (value, precision)
