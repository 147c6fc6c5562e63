"""Two reports that state two days a day apart (``resolve/incident_days.py``): sharing only a
named side they are two acts; a town, a site, a figure, one night or a risen toll joins them
as before."""

from __future__ import annotations

from datetime import date

from tests.resolve.test_incidents import GHARYAN, LIBYA

from eventwire.model import Place
from eventwire.resolve.incident_days import day_apart_veto, day_ties
from eventwire.resolve.incidents import Report, veto

ARMY = frozenset({"state:LBY"})


def _report(article: str, day: str, place: Place | None = LIBYA, *,
            figures: frozenset[tuple[str, int]] = frozenset(),
            sites: frozenset[str] = frozenset(), night: str = "", risen: bool = False,
            named: frozenset[str] = ARMY) -> Report:  # fmt: skip
    d = date.fromisoformat(day).toordinal()
    return Report(f"r-{article}", article, "ASSAULT", (d, d), day, place, named, doers=named,
                  sites=sites, night=night, figures=figures, risen=risen)  # fmt: skip


def test_two_days_and_only_a_side_in_common_are_two_acts() -> None:
    # "troops shelled the north on Monday" / "troops attacked a convoy on Tuesday", each
    # placed only in the country
    monday, tuesday = _report("a", "2025-03-10"), _report("b", "2025-03-11")
    assert veto(monday, tuesday) == "two days a day apart, and only a side in common"
    assert day_ties(monday, tuesday, side=True) == ["side"]


def test_a_second_tie_joins_two_days_as_before() -> None:
    four = frozenset({("killed", 4)})
    monday = _report("a", "2025-03-10", figures=four)
    assert veto(monday, _report("b", "2025-03-11", figures=four)) is None  # one figure
    depot = frozenset({"depot"})
    assert veto(_report("c", "2025-03-10", sites=depot),
                _report("d", "2025-03-11", sites=depot)) is None  # one site  # fmt: skip
    late, early = _report("e", "2025-03-10", night="late"), _report("f", "2025-03-11",
                                                                   night="early")  # fmt: skip
    assert veto(late, early) is None  # one night told from its two ends
    # the later report's toll has risen ("the toll since Monday rose to 14")
    assert veto(_report("g", "2025-03-10"), _report("h", "2025-03-11", risen=True)) is None
    # ... but an earlier report's risen toll says nothing of the later one
    assert veto(_report("i", "2025-03-10", risen=True), _report("j", "2025-03-11")) is not None


def test_one_town_still_joins_two_days_and_one_day_is_not_this_rule() -> None:
    # the "one day apart at most for day precision": the town is the tie
    assert veto(_report("a", "2025-03-10", GHARYAN), _report("b", "2025-03-11", GHARYAN)) is None
    nobody = frozenset[str]()
    assert veto(_report("c", "2025-03-10", GHARYAN, named=nobody),
                _report("d", "2025-03-11", GHARYAN, named=nobody)) is None  # fmt: skip
    # one stated day and only a side: the rule is not asked
    assert day_apart_veto(_report("e", "2025-03-10"), _report("f", "2025-03-10"), True) is None
    assert veto(_report("e", "2025-03-10"), _report("f", "2025-03-10")) is None
