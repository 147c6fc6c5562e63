"""Two ways an event took another act's day (issues 13 and 15), sentences we wrote:

- a day an earlier sentence gave does not date an act told as not done (planned,
  supposed, denied): it happened on no day of the story;
- a time inside a complement the event's verb governs ("urged him to quit in May",
  "called a meeting to discuss the raid on Friday") dates that complement's act, not the
  urging or the calling.
"""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.extract.carried_days import NOT_DONE
from eventwire.model import Article, Event


def _events(nlp, resources, text: str, trigger: str) -> list[Event]:
    article = Article(id="d1", text=text, published="2022-09-16")
    records = extract_document(article, nlp(text), resources)
    return [e for e in records.events if e.trigger.text == trigger]


def test_the_statuses_not_done() -> None:
    assert {"future", "hypothetical", "negated"} == NOT_DONE


_LEAD = "Militia fighters shelled a depot outside Bor on Tuesday.\n"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("follow_up", "trigger", "day"),
    [
        ("Two watchmen were wounded in the shelling.", "wounded", "2022-09-13"),
        ("The governor said the army would attack their camps.", "attack", None),
        ("Aid convoys were not allowed into the town.", "allowed", None),
    ],
)
def test_an_earlier_day_dates_only_an_act_told_as_done(
    nlp, resources, follow_up: str, trigger: str, day: str | None
) -> None:
    events = _events(nlp, resources, _LEAD + follow_up, trigger)
    assert events, f"no event for {trigger!r}"
    when = events[0].when
    assert when is not None
    if day is None:
        assert when.precision == "publication"  # no day of the scene
    else:
        assert when.value == day


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The bishop urged the colonel to hand over the barracks in March.", "urged"),
        ("Uganda called a summit to discuss the border clash of Sunday.", "called"),
    ],
)
def test_a_complements_time_is_not_the_verbs(nlp, resources, text: str, trigger: str) -> None:
    events = _events(nlp, resources, text, trigger)
    assert events, f"no event for {trigger!r}"
    when = events[0].when
    assert when is not None and when.precision == "publication"


@pytest.mark.slow
def test_a_time_on_the_verbs_own_clause_still_dates_it(nlp, resources) -> None:
    text = "On Monday the bishop urged the colonel to hand over the barracks."
    events = _events(nlp, resources, text, "urged")
    assert events and events[0].when is not None
    assert events[0].when.value == "2022-09-12"
