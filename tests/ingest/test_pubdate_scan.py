"""The header scan for publication dates starts where a date can first start and finds
what scanning the whole header finds."""

from __future__ import annotations

import pytest

from eventwire.ingest.pubdate import _CORES, PATTERNS, _matches, find_publication_date

# Headers written for this test: weekdays with spaces, commas and stops, a weekday's
# letters ending another word, numeric and named dates, and none at all.
HEADERS = [
    "World news\nTuesday, 16 May 2018\nRebels took the town.",
    "Posted Sun.,    \n   May 16, 2018 14:38 by the desk",
    "The salmon 11/12/2016 price list\nMarket report",
    "Wednesday 3rd of March, 2021 - Kyiv\nShelling went on.",
    "2016-12-11\nA report on the talks, held on 12 December 2016.",
    "No date here at all, only a headline\nand a second line",
    "Updated: thu 02.03.2019 | April 16\n14:38 2019",
]


@pytest.mark.parametrize("header", HEADERS)
def test_same_matches_as_scanning_the_whole_header(header: str) -> None:
    for pattern, core in zip(PATTERNS, _CORES, strict=True):
        got = [(m.span(), m.groupdict()) for m in _matches(pattern, core, header)]
        assert got == [(m.span(), m.groupdict()) for m in pattern.finditer(header)]


def test_a_weekday_far_before_its_date_is_still_read() -> None:
    # the weekday tells the order of an all-numeric date: Sunday 11 Dec 2016, not 12 Nov
    found = find_publication_date("Sunday,        11/12/2016\nHeadline")
    assert (found.value, found.precision) == ("2016-12-11", "day")
