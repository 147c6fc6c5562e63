"""One toll of one day (``resolve/incident_tolls.py``): two reports of one type and day, placed
in a town and in the governorate holding it, giving the same dead and wounded, are one act
even with no side or town in common; one figure alone, another day, another governorate or
two named sides do not join them."""

from __future__ import annotations

from datetime import date

from tests.resolve.test_incidents import GHARYAN, LIBYA, TARHUNA

from eventwire.model import Place
from eventwire.resolve.incident_pairs import candidate_pairs
from eventwire.resolve.incident_tolls import same_toll, shared_toll, toll_cells
from eventwire.resolve.incidents import Report, _reason, veto

PROVINCE = Place("admin1:LY.01", "Jabal al Gharbi", 31.0, 12.0, "LBY", "LY.01", "admin1")
OTHER_PROVINCE = Place("admin1:LY.09", "Misratah", 31.5, 15.0, "LBY", "LY.09", "admin1")
TWO_AND_THREE = (("killed", 2), ("wounded", 3))


def _report(article: str, place: Place | None, figures: tuple[tuple[str, int], ...],
            day: str = "2025-03-12", *, named: frozenset[str] = frozenset(),
            itype: str = "ASSAULT") -> Report:  # fmt: skip
    d = date.fromisoformat(day).toordinal()
    return Report(f"r-{article}", article, itype, (d, d), day, place, named,
                  hit=named, figures=frozenset(figures))  # fmt: skip


def test_a_town_and_its_province_giving_one_toll_on_one_day_are_one_act() -> None:
    # "two soldiers were killed and three wounded when gunmen ambushed a patrol near
    # Gharyan on Wednesday" / "two soldiers died and three were hurt in Wednesday's
    # attack in the hills of the province", the second naming nobody
    wire = _report("a", GHARYAN, TWO_AND_THREE, named=frozenset({"state:LBY"}))
    local = _report("b", PROVINCE, TWO_AND_THREE)
    assert shared_toll(wire, local) == [("killed", 2), ("wounded", 3)]
    assert same_toll(wire, local) and veto(wire, local) is None
    assert "the same toll (killed 2, wounded 3)" in _reason(wire, local)
    # filed under one toll block, so the two are compared at all
    assert toll_cells(local) == ["toll:killed=2|wounded=3"]
    assert candidate_pairs([wire, local]) == [(0, 1)]


def test_one_figure_another_day_or_a_second_figure_that_differs_stay_apart() -> None:
    wire = _report("a", GHARYAN, TWO_AND_THREE)
    apart = "no shared named actor, and not the same town and day"
    assert veto(wire, _report("b", PROVINCE, (("killed", 2),))) == apart  # one figure
    assert veto(wire, _report("c", PROVINCE, (("killed", 2), ("wounded", 5)))) == apart
    assert veto(wire, _report("d", PROVINCE, TWO_AND_THREE, "2025-03-13")) == apart
    # a report giving one kind twice (two acts' tolls) is no one toll of it
    two_acts = (("killed", 2), ("killed", 7), ("wounded", 3))
    assert shared_toll(wire, _report("e", PROVINCE, two_acts)) == []


def test_near_misses_of_one_toll_stay_apart() -> None:
    wire = _report("a", GHARYAN, TWO_AND_THREE)
    # same day, another town or another governorate
    assert veto(wire, _report("b", TARHUNA, TWO_AND_THREE)) is not None
    assert veto(wire, _report("c", OTHER_PROVINCE, TWO_AND_THREE)) is not None
    # placed only in the country: no place to hold the town
    assert not same_toll(wire, _report("d", LIBYA, TWO_AND_THREE))
    assert toll_cells(_report("d", LIBYA, TWO_AND_THREE)) == []
    # other type: two arrested and three wounded at a protest
    assert veto(wire, _report("e", PROVINCE, TWO_AND_THREE, itype="PROTEST")) is not None
    # two named sides that differ still rule
    front = _report("f", GHARYAN, TWO_AND_THREE, named=frozenset({"actor_front"}))
    brigade = _report("g", PROVINCE, TWO_AND_THREE, named=frozenset({"actor_brigade"}))
    assert veto(front, brigade) == "named actors differ"
