"""A later sentence telling only the hour of an act already dated ("The raiders came
back shortly after 10 p.m.") states no day of its own: it retells the act. An hour told with a day
of its own is another day's act."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.resolve.test_incidents import GHARYAN, Text, incidents_of

from eventwire.model import When
from eventwire.resolve.doc_incidents import is_clock_time


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("10 p.m.", True),
        ("shortly before 11 p.m.", True),
        ("at about 9pm", True),
        ("0300 GMT", True),
        ("17:30", True),
        ("around midnight", True),
        ("Tuesday", False),
        ("Tuesday night", False),
        ("10 p.m. on Thursday", False),
        ("2024", False),
        ("May 5", False),
        (None, False),
    ],
)
def test_a_time_of_day_alone_names_no_day(text: str | None, clock: bool) -> None:
    assert is_clock_time(text) is clock


def _article(second: str, trigger: str, when: When) -> Text:
    t = Text("a", "2025-03-19").sentence(
        "Gunmen stormed a farming village near Gharyan late on Tuesday, killing six people."
    )
    t.event("ASSAULT", "stormed", "2025-03-18", GHARYAN, counts=(("killed", 6),))
    t.sentence(second).event("ASSAULT", trigger)
    t.events[-1] = replace(t.events[-1], when=when)
    return t


def test_the_hour_of_an_act_already_told_retells_it() -> None:
    # extraction reads the bare hour as the day of publication
    t = _article("The raiders came back shortly after 10 p.m. and fired at the shops.", "fired",
                 When("2025-03-19", "day", text="10 p.m."))  # fmt: skip
    (inc,) = incidents_of(t.records())
    assert [em.trigger.text for em in inc.members] == ["stormed", "fired"]
    assert inc.day == "2025-03-18" and "retelling" in inc.rules


def test_an_hour_with_a_day_of_its_own_is_another_days_act() -> None:
    t = _article("At 10 p.m. on Thursday gunmen shelled the market.", "shelled",
                 When("2025-03-20", "day", text="10 p.m. on Thursday"))  # fmt: skip
    first, second = incidents_of(t.records())
    assert [first.day, second.day] == ["2025-03-18", "2025-03-20"]
