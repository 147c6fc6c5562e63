"""Times counted from a named moment ("one week after the truce", "on the eve of the
summit"): dated from the day the article gives that moment, never from the publication
day; an event inside the moment is dated back from the clause that counts from it."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.model import Article

PUBLISHED = "2024-05-15"  # a Wednesday


@pytest.fixture(scope="module")
def dated(nlp, resources):
    def _dated(text: str) -> tuple[dict[str, str | None], dict[str, tuple[str | None, str | None]]]:
        article = Article(id="c", text=text, published=PUBLISHED, published_precision="day")
        records = extract_document(article, nlp(text), resources)
        timexes = {t.span.text: t.when.value for t in records.timexes}
        events = {
            e.trigger.text: (e.when.value if e.when else None, e.when.precision if e.when else None)
            for e in records.events
        }
        return timexes, events

    return _dated


@pytest.mark.slow
def test_a_week_after_a_moment_the_article_dates(dated) -> None:
    timexes, events = dated(
        "A truce between the militias took effect on 3 May. "
        "One week after the truce, gunmen shelled the port."
    )
    assert timexes["One week after"] == "2024-05-10"
    assert events["shelled"] == ("2024-05-10", "day")


@pytest.mark.slow
def test_a_moment_the_article_never_dates_gives_no_date(dated) -> None:
    # the vote is not dated anywhere: neither the publication day nor any other day is
    # the moment counted from
    timexes, events = dated("Two days after the vote, gunmen shelled the port.")
    assert timexes["Two days after"] is None
    assert events["shelled"][1] != "day"


@pytest.mark.slow
def test_a_day_in_the_moments_own_phrase_dates_it(dated) -> None:
    timexes, events = dated("Two days after the 3 May vote, gunmen shelled the port.")
    assert timexes["Two days after"] == "2024-05-05"
    assert events["shelled"] == ("2024-05-05", "day")  # not the vote's own day


@pytest.mark.slow
def test_a_clause_moment_dated_earlier_by_its_verb(dated) -> None:
    _timexes, events = dated(
        "Fighters stormed the barracks on 6 May. "
        "The army shelled the hills three days after the fighters stormed the barracks."
    )
    assert events["shelled"] == ("2024-05-09", "day")


@pytest.mark.slow
def test_an_event_inside_the_moment_is_counted_back(dated) -> None:
    # the clause that counts has only the publication day: the strikes it counts from
    # lie a week before it, as vaguely known
    _timexes, events = dated(
        "The newest raid comes a week after the air force bombed two bridges in the valley."
    )
    assert events["bombed"] == ("2024-05-08", "publication")


@pytest.mark.slow
def test_the_eve_of_a_dated_moment_is_the_day_before(dated) -> None:
    timexes, events = dated(
        "The peace conference opened on 9 May. On the eve of the conference, "
        "militants bombed a police checkpoint."
    )
    assert timexes["the eve of"] == "2024-05-08"
    assert events["bombed"] == ("2024-05-08", "day")


@pytest.mark.slow
def test_a_length_with_no_moment_counts_from_the_last_day_told(dated) -> None:
    timexes, _events = dated(
        "Clashes broke out on April 2. Two days later the militia withdrew. "
        "A day earlier, gunmen had killed a guard."
    )
    assert timexes["Two days later"] == "2024-04-04"
    assert timexes["A day earlier"] == "2024-04-03"
