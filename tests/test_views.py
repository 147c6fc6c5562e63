"""View helpers: dates at their precision, evidence highlighting, paging."""

from __future__ import annotations

import pytest

from eventwire.views import Segment, _page, date_range, format_when, highlight


@pytest.mark.parametrize(
    ("value", "precision", "shown"),
    [
        ("2016-09-01", "month", "September 2016"),
        ("2016-09", "month", "September 2016"),
        ("2016-09", None, "September 2016"),
        ("2016-09-14", "day", "14 September 2016"),
        ("2016", "year", "2016"),
        ("2016-01-01", "year", "2016"),
        ("2016-22", "season", "summer 2016"),
        ("2016-W37", "week", "week 37 of 2016"),
        ("2010", "decade", "the 2010s"),
        ("2016-09-14", "publication", "14 September 2016 (publication date)"),
        (None, None, "undated"),
    ],
)
def test_format_when_shows_precision(value, precision, shown) -> None:
    assert format_when(value, precision) == shown


def test_format_when_range() -> None:
    assert format_when("2016-09", "month", end="2016-11") == "September 2016 – November 2016"


@pytest.mark.parametrize(
    ("value", "precision", "span"),
    [
        ("2016-09", "month", ("2016-09-01", "2016-09-30")),
        ("2016-02", "month", ("2016-02-01", "2016-02-29")),
        ("2017", "year", ("2017-01-01", "2017-12-31")),
        ("2017-05-03", "day", ("2017-05-03", "2017-05-03")),
        ("2016-24", "season", ("2016-12-01", "2017-02-28")),
        ("2010", "decade", ("2010-01-01", "2019-12-31")),
    ],
)
def test_date_range_covers_the_precision(value, precision, span) -> None:
    assert date_range(value, precision) == span


def test_highlight_merges_overlaps_and_keeps_all_text() -> None:
    text = "One. Two. Three."
    segments = highlight(text, [(5, 9), (0, 4), (7, 9), (50, 60)])
    assert "".join(s.text for s in segments) == text
    assert segments == [
        Segment("One.", True),
        Segment(" "),
        Segment("Two.", True),
        Segment(" Three."),
    ]


def test_page_reports_the_next_offset() -> None:
    page = _page(iter(range(7)), 3, 3)
    assert page.items == [3, 4, 5] and page.next_offset == 6
    assert _page(iter(range(7)), 3, 6).next_offset is None
