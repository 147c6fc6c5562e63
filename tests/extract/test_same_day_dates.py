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


@pytest.mark.slow
def test_the_same_night_is_the_acts_night_not_the_day_it_was_told(dated) -> None:
    """The day a saying is dated by and the second day of a night told by two days are
    no anchor for a later "the same night" (2024-05-13 is a Monday)."""
    timexes, events = dated(
        "Four guards died in the clashes that shook the docks on the night from Monday to "
        "Tuesday, a hospital official told us on Wednesday. On the same night, gunmen shot "
        "dead a judge in the old town."
    )
    assert timexes["the same night"] == "2024-05-13"
    assert events["shot"] == "2024-05-13"


@pytest.mark.slow
def test_the_next_day_counts_from_the_act_not_from_the_saying(dated) -> None:
    timexes, events = dated(
        "Rebels shelled the market on Sunday, the mayor said on Tuesday. The next day, jets "
        "bombed the bridge."
    )
    assert timexes["The next day"] == "2024-05-13"
    assert events["bombed"] == "2024-05-13"


@pytest.mark.slow
def test_a_day_told_by_its_act_still_anchors_the_next_day(dated) -> None:
    timexes, _events = dated(
        "The police raided the camp on Monday, officials said. The next day, they freed "
        "the hostages."
    )
    assert timexes["The next day"] == "2024-05-14"
