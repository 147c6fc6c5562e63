"""One night dated by its two ends ("late on Monday" / "early on Tuesday", "overnight"):
an act, not the other side's reply the next day."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.resolve.test_incidents import GHARYAN, Text, incidents_of
from tests.resolve.test_incidents_replies import _report

from eventwire.model import When
from eventwire.resolve.incident_hours import (
    EARLY,
    LATE,
    NIGHT,
    act_clause,
    hour_edge,
    night_edge,
    one_night,
)
from eventwire.resolve.incidents import Report, reprisal_veto, veto


@pytest.mark.parametrize(
    ("sentence", "edge"),
    [
        ("Rebels raided the depot late on Monday, witnesses said.", LATE),
        ("Rebels raided the depot late Monday.", LATE),
        ("Gunmen opened fire on the checkpoint on Sunday night.", LATE),
        ("The convoy was ambushed on Friday evening near the bridge.", LATE),
        ("Fighters shelled the camp on the night of 12 June.", LATE),
        ("Troops beat back the assault early on Tuesday, the army said.", EARLY),
        ("The post was overrun in the early hours of Thursday.", EARLY),
        ("Militants struck the village before dawn on Saturday.", EARLY),
        ("Drones hit the airfield shortly after midnight.", EARLY),
        ("Gunmen stormed the post overnight, residents said.", NIGHT),
        ("The base came under fire late on Monday and again early on Tuesday.", NIGHT),
        # no hour, or an hour of the day: no edge
        ("Troops stormed the hideout on Wednesday.", ""),
        ("Jets bombed the camps on Tuesday afternoon.", ""),
        ("The shelling resumed on Tuesday morning.", ""),
        ("He arrived early for the talks.", ""),
    ],
)
def test_the_hour_a_sentence_gives_its_act(sentence: str, edge: str) -> None:
    assert hour_edge(sentence) == edge


def test_one_night_needs_the_earlier_day_late_and_the_later_day_early() -> None:
    assert one_night(LATE, EARLY) and one_night(NIGHT, EARLY) and one_night(LATE, NIGHT)
    assert one_night(NIGHT, NIGHT)
    # the earlier day told early, or the later one late: a whole day between the two ends
    assert not one_night(EARLY, LATE) and not one_night(EARLY, EARLY)
    assert not one_night(LATE, "") and not one_night("", EARLY)


def test_a_reports_edge_comes_from_the_acts_that_state_its_day() -> None:
    t = Text("a").sentence("Fighters attacked the barracks late on Monday, killing four.")
    t.event("ASSAULT", "attacked", "2025-03-17", GHARYAN)
    t.sentence("Two days earlier gunmen had ambushed a convoy before dawn.")
    t.event("ASSAULT", "ambushed", "2025-03-15", GHARYAN)
    first, _second = t.events
    assert night_edge([first], "2025-03-17", frozenset({"ASSAULT"})) == LATE
    # the convoy's dawn is told for another day, and a report with no day has no edge
    assert night_edge(t.events, "2025-03-17", frozenset({"ASSAULT"})) == LATE
    assert night_edge(t.events[1:], "2025-03-17", frozenset({"ASSAULT"})) == ""
    assert night_edge(t.events, None, frozenset({"ASSAULT"})) == ""
    # a non-violent act's hour is not the attack's
    assert night_edge([first], "2025-03-17", frozenset({"PROTEST"})) == ""
    # as the merge reads it: the report of the article's incident carries its edge
    reports = [Report.of(inc) for inc in incidents_of(t.records())]
    assert {r.day: r.night for r in reports}["2025-03-17"] == LATE


def _night(article: str, day: str, doers: set[str], hit: set[str], night: str) -> Report:
    return replace(_report(article, day, doers, hit), night=night)


def test_an_attack_and_the_armys_repelling_of_it_across_midnight_join() -> None:
    # "X fighters attacked the base late on Monday" / "troops repelled X fighters at the
    # base early on Tuesday": the army names the attackers only as whom it repelled
    attack = _night("a", "2025-03-17", {"group"}, set(), LATE)
    repel = _night("b", "2025-03-18", {"state:LBY"}, {"group"}, EARLY)
    assert reprisal_veto(attack, repel) is None and reprisal_veto(repel, attack) is None
    assert veto(attack, repel) is None
    overnight = _night("c", "2025-03-18", {"state:LBY"}, {"group"}, NIGHT)
    assert reprisal_veto(attack, overnight) is None


def test_a_reply_in_daylight_or_the_wrong_ends_of_two_days_stays_apart() -> None:
    attack = _night("a", "2025-03-17", {"group"}, set(), LATE)
    afternoon = _night("b", "2025-03-18", {"state:LBY"}, {"group"}, "")
    assert reprisal_veto(attack, afternoon)
    # the earlier day told at its start and the later one at its end: no one night
    dawn = _night("c", "2025-03-17", {"group"}, set(), EARLY)
    evening = _night("d", "2025-03-18", {"state:LBY"}, {"group"}, LATE)
    assert reprisal_veto(dawn, evening) and reprisal_veto(evening, dawn)


def test_an_acts_hour_is_read_from_its_own_clause() -> None:
    t = Text("a").sentence(
        "Militants attacked the post on Monday, and the army shelled their hideouts late on "
        "Monday, a spokesman said."
    )
    t.event("ASSAULT", "attacked", "2025-03-17", GHARYAN)
    t.event("ASSAULT", "shelled", "2025-03-17", GHARYAN)
    attack, reply = (replace(em, when=When("2025-03-17", "day", text="Monday")) for em in t.events)
    assert act_clause(attack) == "Militants attacked the post on Monday,"
    assert night_edge([attack], "2025-03-17", frozenset({"ASSAULT"})) == ""
    assert night_edge([reply], "2025-03-17", frozenset({"ASSAULT"})) == LATE
    # the date phrase told in a clause before the act's widens its clause to it
    u = Text("b").sentence("Late on Monday, gunmen stormed the post, residents said.")
    u.event("ASSAULT", "stormed", "2025-03-17", GHARYAN)
    (raid,) = (replace(em, when=When("2025-03-17", "day", text="Monday")) for em in u.events)
    assert act_clause(raid) == "Late on Monday, gunmen stormed the post,"
    assert night_edge([raid], "2025-03-17", frozenset({"ASSAULT"})) == LATE
    # with no date phrase in its sentence, the trigger's clause alone
    v = Text("c").sentence("Gunmen stormed the post overnight, and troops arrived at dawn.")
    v.event("ASSAULT", "stormed", "2025-03-17", GHARYAN)
    assert night_edge(v.events, "2025-03-17", frozenset({"ASSAULT"})) == NIGHT
