"""An earlier act retold inside a sentence ("..., a week after an air strike killed 20"),
and the other side's reply the next day: neither joins the act it is told with."""

from __future__ import annotations

from tests.resolve.test_incidents import GHARYAN, Text, incidents_of

from eventwire.resolve.doc_incidents import retold_between
from eventwire.resolve.incidents import Report, reprisal_veto, veto


def test_an_act_retold_after_a_span_of_time_is_not_the_sentences_consequence() -> None:
    t = Text("a").sentence(
        "Troops shelled the old quarter on Monday, killing two traders, a week after jets "
        "bombed the hospital, leaving nine patients dead."
    )
    t.event("ASSAULT", "shelled", "2025-03-17", GHARYAN)
    t.event("ASSAULT", "killing", "2025-03-17", GHARYAN, counts=(("killed", 2),))
    t.event("ASSAULT", "bombed", "2025-03-10", GHARYAN)
    t.event("ASSAULT", "dead", "2025-03-10", GHARYAN, counts=(("killed", 9),))
    t.sentence("The shells were fired from hills above the quarter.")
    t.event("ASSAULT", "shells")
    act, retold = incidents_of(t.records())
    assert [em.trigger.text for em in act.members] == ["shelled", "killing", "shells"]
    assert [em.trigger.text for em in retold.members] == ["bombed", "dead"]
    assert act.day == "2025-03-17" and retold.day == "2025-03-10"


def test_a_day_after_splits_even_when_the_days_would_meet() -> None:
    sentence = ("Troops stormed a hideout in the hills on Wednesday, a day after a mine "
                "tore through a police patrol.")  # fmt: skip
    t = Text("a").sentence(sentence)
    t.event("ASSAULT", "stormed", "2025-03-19", GHARYAN)
    t.event("ASSAULT", "tore", "2025-03-18", GHARYAN)
    raid, bomb = incidents_of(t.records())
    assert [len(raid.members), len(bomb.members)] == [1, 1]
    first, later = t.events
    assert retold_between(first, later)


def test_plain_after_and_a_later_day_word_keep_one_act() -> None:
    # "after" with no span of time is the act's cause, not another occurrence; "the day
    # before" after the trigger dates the act itself
    t = Text("a").sentence(
        "Police opened fire after protesters threw stones, killing two people in the square."
    )
    t.event("ASSAULT", "opened fire", "2025-03-14", GHARYAN)
    t.event("ASSAULT", "killing", "2025-03-14", GHARYAN, counts=(("killed", 2),))
    (inc,) = incidents_of(t.records())
    assert len(inc.members) == 2
    u = Text("b").sentence("Families buried relatives killed when shells fell the day before.")
    u.event("ASSAULT", "killed", "2025-03-15", GHARYAN)
    u.event("ASSAULT", "shells", "2025-03-14", GHARYAN)
    (inc,) = incidents_of(u.records())
    assert len(inc.members) == 2
    assert not retold_between(*u.events)


def _report(article: str, day: str | None, doers: set[str], hit: set[str]) -> Report:
    span = None
    if day:
        from_day = int(day[-2:])
        span = (from_day, from_day)
    return Report(f"r-{article}", article, "ASSAULT", span, day, GHARYAN,
                  frozenset(doers | hit), doers=frozenset(doers), hit=frozenset(hit))  # fmt: skip


def test_the_other_sides_reply_the_next_day_is_another_incident() -> None:
    bomb = _report("a", "2025-03-18", {"group"}, {"state:LBY"})
    raid = _report("b", "2025-03-19", {"state:LBY"}, {"group"})
    assert (
        reprisal_veto(bomb, raid)
        == "a day apart, group the doer of one and the target of the other"
    )
    assert veto(raid, bomb) == reprisal_veto(raid, bomb)


def test_one_clash_from_its_two_ends_or_a_late_night_hour_still_joins() -> None:
    # near misses: the same day told from both ends, a day off with the doer unchanged, and
    # a report stating no day of its own
    storm = _report("a", "2025-03-18", {"group"}, {"state:LBY"})
    repel = _report("b", "2025-03-18", {"state:LBY"}, {"group"})
    assert reprisal_veto(storm, repel) is None
    late = _report("c", "2025-03-19", {"group"}, {"state:LBY"})
    assert reprisal_veto(storm, late) is None
    undated = _report("d", None, {"state:LBY"}, {"group"})
    assert reprisal_veto(storm, undated) is None
    # a doer both name (here with the other side too): one deed, the day misread
    both = _report("e", "2025-03-19", {"state:LBY", "group"}, {"group"})
    assert reprisal_veto(storm, both) is None
