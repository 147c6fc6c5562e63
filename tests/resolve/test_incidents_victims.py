"""An undated report whose only tie with a dated one is the side both name as hit
(``incident_undated.undated_victim_veto``): the victim alone joins no report; a doer, a
town, a site or a figure in common joins as before, and the dated report of the act then
takes the undated report's place."""

from __future__ import annotations

from datetime import date

from tests.resolve.test_incidents import GHARYAN

from eventwire.model import Place
from eventwire.resolve.incident_undated import undated_victim_veto
from eventwire.resolve.incidents import Report, veto

DAY = date(2025, 3, 14).toordinal()
PROVINCE = Place("admin1:LY.01", "Western Province", 32.1, 13.0, "LBY", "LY.01", "admin1")
PEOPLE = frozenset({"state:LBY"})  # the state whose people and posts were hit
FRONT = frozenset({"actor_front"})
NOTHING = frozenset[str]()


def _dated(article: str, place: Place = GHARYAN, *, doers: frozenset[str] = FRONT,
           figures: tuple[tuple[str, int], ...] = (("killed", 5),),
           sites: frozenset[str] = NOTHING) -> Report:  # fmt: skip
    return Report(f"r-{article}", article, "ASSAULT", (DAY, DAY), "2025-03-14", place,
                  doers | PEOPLE, doers=doers, hit=PEOPLE, figures=frozenset(figures),
                  sites=sites)  # fmt: skip


def _undated(article: str, place: Place = PROVINCE, *, doers: frozenset[str] = NOTHING,
             figures: tuple[tuple[str, int], ...] = (),
             sites: frozenset[str] = NOTHING) -> Report:  # fmt: skip
    return Report(f"r-{article}", article, "ASSAULT", (DAY - 6, DAY + 1), None, place,
                  doers | PEOPLE, doers=doers, hit=PEOPLE, figures=frozenset(figures),
                  sites=sites, undated=True)  # fmt: skip


def test_only_the_victim_in_common_with_an_undated_report_keeps_them_apart() -> None:
    # "Front shells killed five people in Gharyan on Friday" / "the province came under
    # fire again, the government said", told with no day
    why = "an undated report with only a side hit in common"
    assert undated_victim_veto(_dated("a"), _undated("b")) == why
    assert veto(_dated("a"), _undated("b")) == why


def test_a_doer_town_site_or_figure_in_common_joins_as_before() -> None:
    assert undated_victim_veto(_dated("a"), _undated("b", doers=FRONT)) is None  # a doer
    assert undated_victim_veto(_dated("a"), _undated("c", GHARYAN)) is None  # one town
    five = (("killed", 5),)
    assert undated_victim_veto(_dated("a"), _undated("d", figures=five)) is None  # a figure
    market = frozenset({"market"})
    assert undated_victim_veto(_dated("a", sites=market), _undated("e", sites=market)) is None
    assert veto(_dated("a"), _undated("b", doers=FRONT)) is None


def test_two_dated_reports_or_a_side_not_hit_in_both_are_not_this_rule() -> None:
    other_day = Report("r-b", "b", "ASSAULT", (DAY, DAY), "2025-03-14", PROVINCE, PEOPLE,
                       hit=PEOPLE)  # fmt: skip
    assert undated_victim_veto(_dated("a"), other_day) is None
    # the state the doer of one report: a shared side beyond a victim
    army = Report("r-c", "c", "ASSAULT", (DAY - 6, DAY + 1), None, PROVINCE, PEOPLE,
                  doers=PEOPLE, undated=True)  # fmt: skip
    assert undated_victim_veto(_dated("a"), army) is None
