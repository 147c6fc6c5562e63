"""A period of months or years written as two expressions keeps its end (issue 13 item
6; sentences we wrote)."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.extract.dates import joined_ranges
from eventwire.model import Article

PUBLISHED = "2024-05-15"


@pytest.fixture(scope="module")
def whens(nlp, resources):
    def _whens(text: str) -> dict[str, tuple[str | None, str | None]]:
        article = Article(id="r", text=text, published=PUBLISHED, published_precision="day")
        records = extract_document(article, nlp(text), resources)
        return {e.trigger.text: (e.when.value, e.when.end) for e in records.events if e.when}

    return _whens


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Soldiers besieged the mining town between March and May.",
            "besieged",
            ("2024-03", "2024-05"),
        ),
        (
            "The rebels blockaded the road from January to April 2023.",
            "blockaded",
            ("2023-01", "2023-04"),
        ),
        ("Between 2019 and 2021 the militia attacked the mines.", "attacked", ("2019", "2021")),
    ],
)
def test_period_keeps_its_end(whens, text, trigger, expected):
    assert whens(text)[trigger] == expected


@pytest.mark.slow
def test_two_months_in_a_list_are_two_moments(whens):
    assert whens("Rebels attacked the town in March and May.")["attacked"] == ("2024-03", None)


def test_joined_only_across_a_range_word():
    text = "from January to April, and in June and July"
    jan, apr = (5, 12), (16, 21)
    jun, jul = (30, 34), (39, 43)
    assert joined_ranges([jan, apr, jun, jul], text) == [(5, 21), jun, jul]


def test_weekdays_are_not_joined():
    text = "from Monday to Wednesday"
    assert joined_ranges([(5, 11), (15, 24)], text) == [(5, 11), (15, 24)]


def test_period_across_the_new_year_starts_the_year_before():
    from eventwire.extract.timex import normalize_timex

    when = normalize_timex("from November to January", "2024-04-05", "past", False)
    assert (when.value, when.end) == ("2023-11", "2024-01")
