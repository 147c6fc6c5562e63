"""A report of a toll risen from another report's figure on the day both state comes first
in the join's pair order, before a pair that shares only a side: otherwise the first
report joins first its follow-up article's other report of that side (the troops' chase
of the raiders), and one article's two reports never join, so the follow-up stays out."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from tests.resolve.test_incidents import GHARYAN, TARHUNA
from tests.resolve.test_incidents_pair_order import _join
from tests.resolve.test_incremental_incident_pairs import mixed_reports

from eventwire.model import Place
from eventwire.resolve.incident_blocks import _sorted, ordered_pairs
from eventwire.resolve.incident_tolls import risen_toll
from eventwire.resolve.incidents import Report, pair_order

SUNDAY = "2025-05-04"
ARMY = frozenset({"state:LBY"})
NOBODY = frozenset[str]()


def _report(rid: str, article: str, *, named: frozenset[str] = NOBODY,
            doers: frozenset[str] = NOBODY, hit: frozenset[str] = NOBODY,
            figures: frozenset[tuple[str, int]] = frozenset(), risen: bool = False,
            day: str = SUNDAY, place: Place | None = GHARYAN,
            itype: str = "ASSAULT") -> Report:  # fmt: skip
    d = date.fromisoformat(day).toordinal()
    return Report(rid, article, itype, (d, d), day, place, named, doers=doers, hit=hit,
                  figures=figures, risen=risen)  # fmt: skip


def _cattle_raid() -> list[Report]:
    # a wire: "raiders killed four herders and a soldier at a cattle camp outside Gharyan on
    # Sunday" (the army's side hit, five dead); a local paper two days on: "another herder
    # wounded in Sunday's raid has died, bringing the number killed to six" (nobody named,
    # the toll risen), and in the same article "troops say they killed three raiders as
    # they chased them on Sunday" (the army the doer, one town, one day)
    return [
        _report("a1-raid", "wire", named=ARMY, hit=ARMY, figures=frozenset({("killed", 5)})),
        _report("b1-toll", "local", figures=frozenset({("killed", 6)}), risen=True),
        _report("b2-chase", "local", named=ARMY, doers=ARMY, figures=frozenset({("killed", 3)})),
    ]


def test_the_risen_toll_joins_the_act_before_the_side_shared_with_the_chase() -> None:
    raid, toll, chase = _cattle_raid()
    assert risen_toll(raid, toll) and risen_toll(toll, raid)
    assert not risen_toll(raid, chase)
    assert pair_order(raid, toll) < pair_order(raid, chase)
    assert _join(_cattle_raid()) == [["a1-raid", "b1-toll"], ["b2-chase"]]


def test_the_order_of_the_reports_does_not_change_the_clusters() -> None:
    reports = _cattle_raid()
    want = _join(reports)
    for seed in range(6):
        random.Random(seed).shuffle(reports)
        assert _join(reports) == want


def test_near_misses_are_not_a_risen_toll() -> None:
    raid, toll, _chase = _cattle_raid()
    six = frozenset({("killed", 6)})
    # a toll that fell, or a figure of another kind; the toll of another day; a risen
    # toll with no figure of the raid's kind to rise from
    lower = _report("c1", "c", figures=frozenset({("killed", 4)}), risen=True)
    wounded = _report("c2", "c", figures=frozenset({("wounded", 9)}), risen=True)
    next_week = _report("c3", "c", figures=six, risen=True, day="2025-05-11")
    plain = _report("c4", "c", figures=six)  # six killed, not told as a risen toll
    for other in (lower, wounded, next_week, plain):
        assert not risen_toll(raid, other), other.id
        assert pair_order(raid, toll) < pair_order(raid, other), other.id


def test_the_order_does_not_join_what_the_rules_keep_apart() -> None:
    raid, _toll, _chase = _cattle_raid()
    # the same day in another town; the same town a week later; a protest by the same side
    other_town = _report("d1", "d", figures=frozenset({("killed", 6)}), risen=True,
                         place=TARHUNA)  # fmt: skip
    next_week = _report("d2", "e", figures=frozenset({("killed", 6)}), risen=True,
                        day="2025-05-11")  # fmt: skip
    protest = _report("d3", "f", named=ARMY, doers=ARMY, figures=frozenset({("killed", 6)}),
                      risen=True, itype="PROTEST")  # fmt: skip
    assert _join([raid, other_town, next_week, protest]) == [["a1-raid"], ["d1"], ["d2"], ["d3"]]


@pytest.mark.parametrize("seed", [21, 22, 23])
def test_the_pair_numbers_rank_a_risen_toll_as_pair_order_does(seed: int) -> None:
    rng = random.Random(seed)
    told = [replace(r, risen=rng.random() < 0.3) for r in mixed_reports(seed, 300)]
    expected = _sorted(told)
    assert sum(1 for i, j in expected if risen_toll(told[i], told[j])) > 10
    assert list(ordered_pairs(told)) == expected
