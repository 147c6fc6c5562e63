"""View helpers: dates at their precision, evidence highlighting, paging."""

from __future__ import annotations

import pytest

from eventwire.knowledge.ontology import read_ontology
from eventwire.views.dates import bucket, date_range, format_when, parse_iso_date
from eventwire.views.labels import code_labels
from eventwire.views.polarity import modality_label, type_polarity
from eventwire.views.records import Segment, _page, highlight

ONTO = read_ontology()  # the views take the caller's ontology


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
        ("2016-SU", "season", "summer 2016"),
        ("2016-07", "season", "summer 2016"),
        ("2016-W37", "week", "week of 12 September 2016 (week 37)"),
        ("2016-09-14", "week", "week of 12 September 2016 (week 37)"),
        ("2020-12-30", "week", "week of 28 December 2020 (week 53)"),
        ("2025-01-01", "week", "week of 30 December 2024 (week 1 of 2025)"),
        ("2010", "decade", "the 2010s"),
        ("201X", "decade", "the 2010s"),
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
        ("2016-WI", "season", ("2016-12-01", "2017-02-28")),
        ("2016-SP", "season", ("2016-03-01", "2016-05-31")),
        ("2016-09-14", "week", ("2016-09-12", "2016-09-18")),
        ("2016-W37", "week", ("2016-09-12", "2016-09-18")),
        ("2010", "decade", ("2010-01-01", "2019-12-31")),
        ("201X", "decade", ("2010-01-01", "2019-12-31")),
        ("2016-09-14", "publication", ("2016-09-14", "2016-09-14")),
        (None, None, ("", "")),
        ("garbage", "day", ("", "")),
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


@pytest.mark.parametrize(
    ("value", "precision", "unit", "bar"),
    [
        ("2016-09-14", "day", "day", "2016-09-14"),
        ("2016-09-14", "day", "week", "2016-09-12"),
        ("2016-09-14", "week", "week", "2016-09-12"),
        ("2016-09-14", "week", "day", None),  # a week is not one day: counted apart
        ("2016-09", "month", "month", "2016-09-01"),
        ("2016-09", "month", "week", None),
        ("2016-SU", "season", "year", "2016-01-01"),
        ("2016-SU", "season", "month", None),
        ("2016-WI", "season", "year", None),  # winter runs into the next year
        ("2016", "year", "year", "2016-01-01"),
        ("201X", "decade", "year", None),
        ("2016-09-14", "publication", "month", "2016-09-01"),
    ],
)
def test_bucket_puts_a_date_in_one_bar_or_none(value, precision, unit, bar) -> None:
    found = bucket(value, precision, unit)
    assert (found.isoformat() if found else None) == bar


@pytest.mark.parametrize("value", ["2019", "2019-04", "2019-04-30", " 2019-04 "])
def test_parse_iso_date_accepts_iso_dates(value) -> None:
    assert parse_iso_date(value) == value.strip()


@pytest.mark.parametrize(
    ("value", "problem"),
    [("April 2019", "not an ISO date"), ("' OR 1=1 --", "not an ISO date"),
     ("2019-13", "month must be 01-12"), ("2019-02-30", "not a day of the calendar"),
     ("19", "not an ISO date"), ("2019-4", "not an ISO date")],
)  # fmt: skip
def test_parse_iso_date_refuses_anything_else(value, problem) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_iso_date(value)


@pytest.mark.parametrize(
    ("type", "negated", "polarity"),
    [("ASSAULT", False, "negative"), ("fight", False, "negative"), ("SUPPORT", False, "positive"),
     ("support", True, "negated"), ("CONSULT", False, "neutral"), ("ally", False, "positive"),
     ("DISAPPROVE", False, "negative"), ("RETREAT", False, "neutral"), ("lead", False, "neutral")],
)  # fmt: skip
def test_polarity_comes_from_the_ontology(type, negated, polarity) -> None:
    assert type_polarity(type, negated, ONTO) == polarity


def test_modality_labels_are_shared() -> None:
    assert modality_label("asserted") == ""
    assert modality_label("hypothetical") == "hypothetical"
    assert modality_label("future") == "expected"
    assert modality_label("denied", True) == "denied"
    assert modality_label("asserted", True) == "negated"


def test_code_tags_are_labels_not_dicts() -> None:
    codes = {"acled": {"event_type": "Battles", "sub_event_type": "Armed clash"},
             "cameo": ["18", "19"], "plover": "ASSAULT", "empty": None}  # fmt: skip
    assert code_labels(codes) == ["ACLED Battles / Armed clash", "CAMEO 18, 19", "PLOVER ASSAULT"]


def test_actor_graph_keeps_the_counterparts_with_most_sources() -> None:
    from eventwire.model import Actor, Relation
    from eventwire.views.charts import actor_graph
    from eventwire.views.details import ActorDetail, RelationGroup, RelationView

    views = [
        RelationView(Relation(f"r{i}", "me", f"a{i}", "support", (), source_count=i + 1),
                     "positive", None, None)
        for i in range(50)
    ]  # fmt: skip
    detail = ActorDetail(
        Actor("me", "Me", "person"),
        [],
        [],
        [RelationGroup("support", "positive", views)],
        [],
        False,
        [],
    )
    graph = actor_graph(detail, top=10, onto=ONTO)
    assert graph["hidden"] == 40
    assert {n["id"] for n in graph["nodes"]} == {"me"} | {f"a{i}" for i in range(40, 50)}
    assert len(graph["edges"]) == 10
