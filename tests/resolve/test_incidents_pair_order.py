"""The join's pair order: two reports of one town that both state their day are tried
before a pair that shares only a side with a report dated by its week, so that report
does not keep its article's report of the day's act out of the act's incident."""

from __future__ import annotations

import random
from datetime import date

from tests.resolve.test_incidents import GHARYAN, LIBYA, TARHUNA

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


# one toll of one day: "three killed and one wounded" both reports give of Friday
PROVINCE = Place("admin1:LY.01", "Jabal al Gharbi", 31.0, 12.0, "LBY", "LY.01", "admin1")
ARMY = frozenset({"state:LBY"})
BOTH = FRONT | ARMY
CHECKPOINT = frozenset({"checkpoint"})
THREE_AND_ONE = frozenset({("killed", 3), ("wounded", 1)})


def _told(rid: str, article: str, named: frozenset[str], place: Place | None = GHARYAN,
          *, week: bool = False, figures: frozenset[tuple[str, int]] = frozenset(),
          day: str = FRIDAY, itype: str = "ASSAULT") -> Report:  # fmt: skip
    d = date.fromisoformat(day).toordinal()
    span = (d - 4, d + 2) if week else (d, d)
    return Report(rid, article, itype, span, None if week else day, place, named,
                  doers=named & FRONT, hit=named & ARMY, sites=CHECKPOINT,
                  figures=figures)  # fmt: skip


def _checkpoint_attack() -> list[Report]:
    # a wire: "Front gunmen stormed a checkpoint near Gharyan on Friday, killing three
    # soldiers and wounding one", and in the same article the army's account of the
    # Front's raids on its posts around Tarhuna in the week; a local paper: "three soldiers
    # died and one was hurt when the Front hit a checkpoint in the province on Friday", and
    # its own account of the army's week of clashes with the Front around Gharyan
    return [
        _told("a1-day", "wire", FRONT, figures=THREE_AND_ONE),
        _told("a2-week", "wire", BOTH, TARHUNA, week=True),
        _told("b1-day", "local", BOTH, PROVINCE, figures=THREE_AND_ONE),
        _told("b2-week", "local", BOTH, week=True),
    ]


def test_one_toll_of_one_day_joins_before_a_side_shared_with_the_other_report() -> None:
    day, week, local_day, _local_week = _checkpoint_attack()
    # two sides shared with the wire's week report ranked it first, and the wire's report
    # of the day joined the local paper's week report by the town: each article's other
    # report kept the day's two reports apart. One toll of one day is the act's own
    # evidence and comes before any shared side
    assert pair_order(day, local_day) < pair_order(week, local_day)
    assert _join(_checkpoint_attack()) == [["a1-day", "b1-day"], ["a2-week"], ["b2-week"]]


def test_one_toll_joins_first_whatever_the_order_of_the_reports() -> None:
    reports = _checkpoint_attack()
    want = _join(reports)
    for seed in range(5):
        random.Random(seed).shuffle(reports)
        assert _join(reports) == want


def test_near_misses_of_one_toll_are_not_ranked_first() -> None:
    day, week, local_day, _local_week = _checkpoint_attack()
    sides_first = pair_order(week, local_day)
    one_figure = _told("c1", "c", BOTH, PROVINCE, figures=frozenset({("killed", 3)}))
    other_wounded = _told("c2", "c", BOTH, PROVINCE,
                          figures=frozenset({("killed", 3), ("wounded", 4)}))  # fmt: skip
    next_day = _told("c3", "c", BOTH, PROVINCE, figures=THREE_AND_ONE, day="2025-03-15")
    in_the_week = _told("c4", "c", BOTH, PROVINCE, figures=THREE_AND_ONE, week=True)
    in_the_country = _told("c5", "c", BOTH, LIBYA, figures=THREE_AND_ONE)
    a_protest = _told("c6", "c", BOTH, PROVINCE, figures=THREE_AND_ONE, itype="PROTEST")
    for other in (one_figure, other_wounded, next_day, in_the_week, in_the_country, a_protest):
        assert pair_order(day, other)[0], other.id  # not among the first
        assert pair_order(day, other) > sides_first, other.id


def test_one_toll_in_two_governorates_stays_apart() -> None:
    # "three killed, one wounded" on one Friday in the province and in another one: two acts
    elsewhere = Place("admin1:LY.09", "Misratah", 31.5, 15.0, "LBY", "LY.09", "admin1")
    day = _told("a1-day", "wire", FRONT, figures=THREE_AND_ONE)
    far = _told("d1", "far", FRONT, elsewhere, figures=THREE_AND_ONE)
    other_town = _told("d2", "near", NOTHING, TARHUNA, figures=THREE_AND_ONE)
    assert _join([day, far]) == [["a1-day"], ["d1"]]
    assert _join([day, other_town]) == [["a1-day"], ["d2"]]
