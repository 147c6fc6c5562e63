"""The victims named by one report, the doer by the other (``resolve/incident_doers.py``,
``victims_and_doer``): one act told from its two ends joins on the terms of two reports
naming nobody (one town, a stated day, one type); a reply, a second victim, another town,
week or type stays apart."""

from __future__ import annotations

from datetime import date

from tests.resolve.test_incidents import GHARYAN, LIBYA, TARHUNA

from eventwire.model import Place
from eventwire.resolve.incident_doers import victims_and_doer
from eventwire.resolve.incidents import Report, _reason, veto

GANG = frozenset({"actor_gang"})  # "the Valley Cartel", named as the doer
WIDOW = frozenset({"actor_widow"})  # "Amira Haddad, 64", named among the dead
TEACHER = frozenset({"actor_teacher"})  # "Omar Saleh, a teacher", another victim
ARMY = frozenset({"state:LBY"})
NOTHING = frozenset[str]()


def _report(article: str, *, doers: frozenset[str] = NOTHING, hit: frozenset[str] = NOTHING,
            day: str | None = "2025-06-08", place: Place | None = GHARYAN,
            itype: str = "ASSAULT", sites: frozenset[str] = NOTHING) -> Report:  # fmt: skip
    d = date.fromisoformat(day or "2025-06-09").toordinal()
    span = (d, d) if day else (d - 7, d - 1)
    # an attack and a raid are one incident family ("force"), as the ontology has it
    return Report(f"r-{article}", article, itype, span, day, place, doers | hit,
                  family="force", doers=doers, hit=hit, sites=sites,
                  undated=day is None)  # fmt: skip


def test_the_dead_named_by_one_report_and_the_doer_by_the_other_are_one_act() -> None:
    # "drones of the Valley Cartel killed two people in Gharyan on Sunday night" /
    # "the dead are Amira Haddad, 64, hit in her kitchen, and her neighbour", a local
    # paper naming no doer
    wire = _report("a", doers=GANG)
    local = _report("b", hit=WIDOW)
    assert victims_and_doer(wire, local) and victims_and_doer(local, wire)
    assert veto(wire, local) is None
    assert "the victims named by one, the doer by the other (actor_widow / actor_gang)" in (
        _reason(wire, local)
    )


def test_a_named_victim_no_longer_makes_a_report_less_joinable_than_naming_nobody() -> None:
    wire = _report("a", doers=GANG)
    nobody = _report("b")  # "two people died in a drone attack in Gharyan on Sunday"
    assert veto(wire, nobody) is None
    assert veto(wire, _report("c", hit=WIDOW)) is None
    # one of them undated: the town and the other's stated day still join, as for nobody
    undated = _report("d", hit=WIDOW, day=None)
    assert veto(_report("e", doers=GANG, day="2025-06-08"), undated) is None


def test_a_soldier_named_among_the_dead_and_a_group_named_as_the_doer() -> None:
    # "Sergeant Ali Omar was among the dead at the post" (a person hit) / "Front
    # fighters stormed the post": the state's own account often names only its dead
    dead = _report("a", hit=frozenset({"actor_sergeant"}))
    claim = _report("b", doers=frozenset({"actor_front"}))
    assert veto(dead, claim) is None


def test_near_miss_same_day_other_town() -> None:
    wire = _report("a", doers=GANG)
    assert not victims_and_doer(wire, _report("b", hit=WIDOW, place=TARHUNA))
    assert veto(wire, _report("b", hit=WIDOW, place=TARHUNA)) is not None
    # a country is no town: "the dead are ..." placed only in Libya stays apart
    assert veto(wire, _report("c", hit=WIDOW, place=LIBYA)) == "named actors differ"


def test_near_miss_same_town_other_week() -> None:
    wire = _report("a", doers=GANG, day="2025-06-08")
    assert veto(wire, _report("b", hit=WIDOW, day="2025-06-15")) is not None


def test_near_miss_same_actors_other_type() -> None:
    # "the Valley Cartel seized the mayor's ranch" / "Amira Haddad was killed": a raid
    # (COERCE) and a killing (ASSAULT) of one town and day are two acts
    raid = _report("a", doers=GANG, itype="COERCE")
    assert not victims_and_doer(raid, _report("b", hit=WIDOW))
    assert veto(raid, _report("b", hit=WIDOW)) == "named actors differ"


def test_two_victims_a_reply_or_two_named_ends_stay_apart() -> None:
    # the doer's report names another victim: two acts of one day, or one act told
    # with two victims, which nothing here tells apart
    wire = _report("a", doers=GANG, hit=TEACHER)
    assert not victims_and_doer(wire, _report("b", hit=WIDOW))
    assert veto(wire, _report("b", hit=WIDOW)) == "named actors differ"
    # two reports naming only their victims: nothing ties them but the town
    assert veto(_report("c", hit=TEACHER), _report("d", hit=WIDOW)) == "named actors differ"
    # the victim of one is the doer of the other: the cartel's men killed in the army's
    # raid against the cartel's own attack, a reply and not this case
    gang_hit = _report("e", hit=GANG)
    army = _report("f", doers=ARMY)
    assert victims_and_doer(gang_hit, army)  # the army's raid in which cartel men died
    assert not victims_and_doer(_report("g", hit=GANG), _report("h", doers=GANG))


def test_a_state_hit_is_left_to_the_rules_of_states() -> None:
    # "soldiers of the border guard were killed" (the state's side hit) / "Tunisian
    # forces fired on the post": two states, kept apart as before
    soldiers, tunisia = _report("a", hit=ARMY), _report("b", doers=frozenset({"state:TUN"}))
    assert not victims_and_doer(soldiers, tunisia)
    assert veto(soldiers, tunisia) == "named actors differ"


def test_two_sites_still_keep_them_apart() -> None:
    wire = _report("a", doers=GANG, sites=frozenset({"market"}))
    local = _report("b", hit=WIDOW, sites=frozenset({"school"}))
    assert veto(wire, local) == "two different sites (market; school)"
