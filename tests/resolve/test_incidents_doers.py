"""Who did it, as two reports name it (``resolve/incident_doers.py``): one act whose doer two
outlets name differently joins on a detail of the act both give; an attack and a
counter-attack on its doer stay apart, though they share that side."""

from __future__ import annotations

from datetime import date

from tests.resolve.test_incidents import GHARYAN, LIBYA, TARHUNA

from eventwire.model import Place
from eventwire.resolve.incident_doers import (
    act_ties,
    counter_attack_veto,
    doer_named_two_ways,
)
from eventwire.resolve.incidents import Report, _reason, veto

FRONT = frozenset({"actor_front"})  # "the Front", as one outlet names the group
BRIGADE = frozenset({"actor_brigade"})  # "the Brigade", its nickname in the town
ARMY = frozenset({"state:LBY"})
MARKET = frozenset({"market"})
NOTHING = frozenset[str]()


def _report(article: str, doers: frozenset[str], day: str | None = "2025-03-14",
            place: Place | None = GHARYAN, *, hit: frozenset[str] = NOTHING,
            sites: frozenset[str] = NOTHING, figures: tuple[tuple[str, int], ...] = (),
            risen: bool = False, itype: str = "ASSAULT") -> Report:  # fmt: skip
    d = date.fromisoformat(day or "2025-03-14").toordinal()
    span = (d, d) if day else (d - 7, d)
    return Report(f"r-{article}", article, itype, span, day, place, doers | hit,
                  doers=doers, hit=hit, sites=sites, figures=frozenset(figures),
                  risen=risen, undated=day is None)  # fmt: skip


# --- one act, its doer named two ways ----------------------------------------------------


def test_one_market_shelled_under_two_names_of_its_doer_is_one_act() -> None:
    # "Front gunners shelled the livestock market in Gharyan on Friday" / "the Brigade's
    # shells fell on the cattle market on Friday", each outlet naming the group its way
    wire = _report("a", FRONT, sites=MARKET, figures=(("killed", 12),))
    local = _report("b", BRIGADE, sites=MARKET, figures=(("killed", 14),))
    assert doer_named_two_ways(wire, local) == ["site market"]
    assert veto(wire, local) is None
    assert "one act, its doer named two ways (actor_brigade / actor_front; site market)" in (
        _reason(wire, local)
    )


def test_a_figure_both_give_or_a_toll_risen_over_the_others_joins_too() -> None:
    # "a suicide bomber killed six people in Gharyan on Monday" / "the toll from Monday's
    # bombing claimed by the Brigade has risen to eight"
    first = _report("a", FRONT, figures=(("killed", 6), ("wounded", 13)))
    update = _report("b", BRIGADE, figures=(("killed", 8),), risen=True)
    assert act_ties(first, update) == ["a risen toll"]
    assert veto(first, update) is None
    same = _report("c", BRIGADE, figures=(("killed", 6),))
    assert act_ties(first, same) == ["figure killed 6"] and veto(first, same) is None


def test_two_groups_in_one_town_on_one_day_with_no_detail_in_common_stay_apart() -> None:
    # "Front fighters attacked a checkpoint" / "Brigade gunmen raided a farm", one day
    front = _report("a", FRONT, figures=(("killed", 3),))
    brigade = _report("b", BRIGADE, figures=(("killed", 5),))
    assert doer_named_two_ways(front, brigade) == []
    assert veto(front, brigade) == "named actors differ"
    # a risen toll lower than the other's figure tells of another act
    lower = _report("c", BRIGADE, figures=(("killed", 2),), risen=True)
    assert veto(front, lower) == "named actors differ"


def test_near_misses_of_one_act_under_two_names_stay_apart() -> None:
    wire = _report("a", FRONT, sites=MARKET)
    # same day, other town
    assert veto(wire, _report("b", BRIGADE, place=TARHUNA, sites=MARKET)) is not None
    # same town, the next week
    assert veto(wire, _report("c", BRIGADE, day="2025-03-21", sites=MARKET)) is not None
    # same town, the next day: two stated days are not this rule's
    assert doer_named_two_ways(wire, _report("d", BRIGADE, day="2025-03-15", sites=MARKET)) == []
    # other type (a protest at the market by the other group)
    assert veto(wire, _report("e", BRIGADE, sites=MARKET, itype="PROTEST")) is not None
    # another site hit that day
    hospital = _report("f", BRIGADE, sites=frozenset({"hospital"}))
    assert veto(wire, hospital) == "two different sites (hospital; market)"
    # an undated report, or one placed only in the country
    assert doer_named_two_ways(wire, _report("g", BRIGADE, day=None, sites=MARKET)) == []
    assert doer_named_two_ways(wire, _report("h", BRIGADE, place=LIBYA, sites=MARKET)) == []


def test_a_states_act_beside_a_groups_or_a_doer_the_other_hits_is_not_one_name() -> None:
    # "the air force bombed the market" / "the Front shelled the market": two claims of
    # one deed, or two deeds, as before
    army = _report("a", ARMY, sites=MARKET)
    assert doer_named_two_ways(army, _report("b", FRONT, sites=MARKET)) == []
    assert veto(army, _report("b", FRONT, sites=MARKET)) == "named actors differ"
    # "the Front attacked the Brigade at the market" / "the Brigade shelled the market"
    fight = _report("c", FRONT, hit=BRIGADE, sites=MARKET)
    assert doer_named_two_ways(fight, _report("d", BRIGADE, sites=MARKET)) == []


# --- an attack and a counter-attack --------------------------------------------------------


def test_an_attack_and_a_militias_attack_on_its_doer_elsewhere_are_two_acts() -> None:
    # "Front rebels shelled a camp near Gharyan on Friday" / "Brigade militiamen attacked
    # Front positions in the province on Friday": the Front the doer of one, the target
    # of the other, whose doer the first never names
    shelling = _report("a", FRONT, sites=frozenset({"camp"}))
    province = Place("admin1:LY.01", "Jabal al Gharbi", 31.0, 12.0, "LBY", "LY.01", "admin1")
    raid = _report("b", BRIGADE, place=province, hit=FRONT)
    why = "actor_front the doer of one and the target of another doer in the other"
    assert counter_attack_veto(shelling, raid) == why
    assert veto(shelling, raid) == why


def test_one_clash_told_from_its_two_ends_still_joins() -> None:
    province = Place("admin1:LY.01", "Jabal al Gharbi", 31.0, 12.0, "LBY", "LY.01", "admin1")
    attack = _report("a", FRONT, hit=ARMY)
    # the army's account: "troops repelled the Front fighters who attacked the post"
    repelled = _report("b", ARMY, place=province, hit=FRONT)
    assert counter_attack_veto(attack, repelled) is None
    # a state repelling an attack it does not say was on itself
    assert counter_attack_veto(_report("c", FRONT), repelled) is None
    # both placed in one town: one clash between the two groups
    assert counter_attack_veto(_report("d", FRONT), _report("e", BRIGADE, hit=FRONT)) is None
