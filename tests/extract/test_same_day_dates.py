"""The day a moment names ("on the same day as the ambush") and two days from the reference
("the day before yesterday", "the day after tomorrow"), in sentences we wrote."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.extract.timex import normalize_timex
from eventwire.model import Article

PUBLISHED = "2024-05-15"  # a Wednesday


@pytest.fixture(scope="module")
def dated(nlp, resources):
    def _dated(text: str) -> tuple[dict[str, str | None], dict[str, str | None]]:
        article = Article(id="s", text=text, published=PUBLISHED, published_precision="day")
        records = extract_document(article, nlp(text), resources)
        timexes = {t.span.text: t.when.value for t in records.timexes}
        events = {e.trigger.text: e.when.value if e.when else None for e in records.events}
        return timexes, events

    return _dated


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("the day before yesterday", "2024-05-13"),
        ("The day after tomorrow", "2024-05-17"),
        ("the day before", "2024-05-14"),  # one day before the reference, as before
    ],
)
def test_two_days_from_the_reference(text: str, day: str) -> None:
    assert normalize_timex(text, PUBLISHED).value == day


@pytest.mark.slow
def test_the_day_before_yesterday_is_one_expression(dated) -> None:
    timexes, events = dated(
        "Villagers fled the valley after the raid of the day before yesterday, officials "
        "said on Wednesday."
    )
    assert timexes["the day before yesterday"] == "2024-05-13"
    assert "yesterday" not in timexes


@pytest.mark.slow
def test_the_same_day_as_a_moment_the_article_dates(dated) -> None:
    timexes, events = dated(
        "Rebels ambushed a convoy near the dam on 6 May. "
        "Police said on Tuesday that a trader was robbed on the road. "
        "On the same day as the ambush, two farmers were shot dead near the market."
    )
    assert timexes["the same day as"] == "2024-05-06"  # the ambush's, not Tuesday
    assert events["shot"] == "2024-05-06"


@pytest.mark.slow
def test_the_same_day_alone_is_the_day_last_told(dated) -> None:
    timexes, _events = dated(
        "Rebels ambushed a convoy near the dam on 6 May. "
        "On the same day, two farmers were shot dead near the market."
    )
    assert timexes["the same day"] == "2024-05-06"
