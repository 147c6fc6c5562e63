"""The join's pair order: two reports of one town that both state their day are tried
before a pair that shares only a side with a report dated by its week, so that report
does not keep its article's report of the day's act out of the act's incident."""

from __future__ import annotations

import random
from datetime import date

from tests.resolve.test_incidents import GHARYAN, TARHUNA

from eventwire.model import Place
from eventwire.resolve.incident_clusters import Clusters
from eventwire.resolve.incidents import Report, candidate_pairs, pair_order, veto

FRONT = frozenset({"actor_front"})
BRIGADE = frozenset({"actor_brigade"})  # the Front under the name the town gives it
MARKET = frozenset({"market"})
NOTHING = frozenset[str]()
FRIDAY = "2025-03-14"


def _report(rid: str, article: str, doers: frozenset[str], day: str | None = FRIDAY,
            place: Place | None = GHARYAN, sites: frozenset[str] = NOTHING,
            week: bool = False) -> Report:  # fmt: skip
    d = date.fromisoformat(day or FRIDAY).toordinal()
    span = (d - 4, d + 2) if week else (d, d)
    return Report(rid, article, "ASSAULT", span, None if week else day, place, doers,
                  doers=doers, sites=sites)  # fmt: skip


def _join(reports: list[Report]) -> list[list[str]]:
    """The clusters the join makes of ``reports`` (its loop: pairs in :func:`pair_order`,
    union-find with the complete-link veto), as sorted report ids."""
    reports = sorted(reports, key=lambda r: r.id)
    clusters = Clusters(reports, set(), veto)
    pairs = sorted(candidate_pairs(reports), key=lambda p: pair_order(reports[p[0]], reports[p[1]]))
    for i, j in pairs:
        ra, rb = clusters.find(i), clusters.find(j)
        if ra != rb and clusters.blocker(ra, rb) is None:
            clusters.union(ra, rb, "joined")
    return sorted(sorted(reports[n].id for n in members) for _root, members in clusters.clusters())


def _market_shelling() -> list[Report]:
    # a wire: "the Front shelled the market of Gharyan on Friday"; a toll update telling the
    # day's act with no doer ("shells hit the market on Friday; the toll rose to 19") and,
    # in the same article, the Front's 40 shells "over the weekend"; a local paper naming
    # the group the Brigade, shells on the cattle market on Friday
    return [
        _report("r1-wire", "wire", FRONT, sites=MARKET),
        _report("r2-toll", "update", NOTHING, sites=MARKET),
        _report("r3-weekend", "update", FRONT, week=True),
        _report("r4-local", "local", BRIGADE, sites=MARKET),
    ]


def test_the_days_act_joins_before_a_side_shared_with_a_weeks_report() -> None:
    assert _join(_market_shelling()) == [["r1-wire", "r2-toll", "r4-local"], ["r3-weekend"]]


def test_a_same_town_pair_dated_to_the_day_comes_first_in_the_order() -> None:
    wire, toll, weekend, _local = _market_shelling()
    assert pair_order(wire, toll) < pair_order(wire, weekend)
    # among pairs of one town and stated days, a shared side still comes first
    same_side = _report("r5", "other", FRONT)
    assert pair_order(wire, same_side) < pair_order(wire, toll)


def test_the_order_of_the_reports_does_not_change_the_clusters() -> None:
    reports = _market_shelling()
    want = _join(reports)
    for seed in range(5):
        random.Random(seed).shuffle(reports)
        assert _join(reports) == want


def test_near_misses_stay_apart() -> None:
    wire = _report("r1-wire", "wire", FRONT, sites=MARKET)
    # the same day in another town; the same town a week later; the same actors, another type
    other_town = _report("r6", "b", NOTHING, place=TARHUNA, sites=MARKET)
    next_week = _report("r7", "c", NOTHING, day="2025-03-21", sites=MARKET)
    protest = Report("r8", "d", "PROTEST", wire.span, FRIDAY, GHARYAN, FRONT, doers=FRONT)
    assert _join([wire, other_town, next_week, protest]) == [["r1-wire"], ["r6"], ["r7"], ["r8"]]


def test_one_exchange_across_a_frontier_comes_first_too() -> None:
    # "Azerbaijani troops fired on Sotk on Friday" / "Armenian units fired on our posts near
    # Kalbajar on Friday" (one exchange, told by each side) before the first ministry's
    # undated retelling "Azerbaijani fire on Sotk", which shares its side
    sotk = Place("geonames:10", "Sotk", 40.21, 45.93, "ARM", "AM.11", "city")
    kalbajar = Place("geonames:11", "Kalbajar", 40.10, 46.04, "AZE", "AZ.01", "city")
    aze, arm = frozenset({"state:AZE"}), frozenset({"state:ARM"})
    one_side = _report("r1", "yerevan", aze, place=sotk)
    other_side = _report("r2", "baku", arm, place=kalbajar)
    retold = _report("r3", "baku", aze, place=sotk, week=True)
    assert pair_order(one_side, other_side) < pair_order(one_side, retold)
    assert _join([one_side, other_side, retold]) == [["r1", "r2"], ["r3"]]
