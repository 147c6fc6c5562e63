"""Two reports of one clash told from its two ends: the army's report names only its own
state's side, hit ("seven soldiers died when their post was overrun"), the group's claim
or an outlet close to it names only the armed group, as the doer ("Front fighters
overran the post"). They join in one town on one day; two doers, two groups, two states,
or another group against a state and a group stay apart
(``resolve.incidents.state_against_group``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from tests.resolve.test_incidents import GHARYAN, ONTO, TARHUNA, Text

from eventwire.model import Actor, DocumentRecords, Incident, Place
from eventwire.resolve.doc_incidents import document_incidents
from eventwire.resolve.incidents import (
    Report,
    assign_actors,
    explain_pair,
    resolve_incidents,
    state_against_group,
    state_sides,
)

DAY = date(2025, 3, 14).toordinal()
ARMY = "state:LBY"
GROUP = "actor_00000000000a"
OTHER_GROUP = "actor_00000000000b"


def report(
    rid: str,
    doers: Iterable[str] = (),
    hit: Iterable[str] = (),
    town: Place | None = GHARYAN,
    day: int = DAY,
    dated: bool = True,
) -> Report:
    iso = date.fromordinal(day).isoformat() if dated else None
    span = (day, day) if dated else (day - 6, day + 1)
    return Report(rid, f"art_{rid}", "ASSAULT", span, iso, town, frozenset({*doers, *hit}),
                  doers=frozenset(doers), hit=frozenset(hit))  # fmt: skip


def test_the_armys_report_and_the_groups_report_of_one_town_and_day_join() -> None:
    army, group = report("a", hit={ARMY}), report("b", doers={GROUP})
    assert state_against_group(army, group) and state_against_group(group, army)
    assert explain_pair(army, group)[1] is None
    # the army striking, the group hit: the other way round
    assert explain_pair(report("a", doers={ARMY}), report("b", hit={GROUP}))[1] is None
    # one of the two undated (the week before its publication): the other gives the day
    assert explain_pair(army, report("c", doers={GROUP}, dated=False))[1] is None


def test_two_doers_two_groups_two_states_or_a_third_group_differ() -> None:
    near_misses = [
        # two claims of one deed: "the brigade ambushed a patrol", "the army attacked one"
        (report("a", doers={ARMY}), report("b", doers={GROUP})),
        (report("a", hit={ARMY}), report("b", hit={GROUP})),
        (report("a", doers={GROUP}), report("b", doers={OTHER_GROUP})),
        (report("a", hit={ARMY}), report("b", doers={"state:TUN"})),
        (report("a", hit={ARMY}, doers={GROUP}), report("b", doers={OTHER_GROUP})),
        (report("a", hit={ARMY, "state:TUN"}), report("b", doers={GROUP})),
    ]
    for a, b in near_misses:
        assert not state_against_group(a, b), (a.named, b.named)
        assert explain_pair(a, b)[1] == "named actors differ"


def test_the_army_and_a_group_in_two_towns_weeks_or_types_stay_apart() -> None:
    army = report("a", hit={ARMY})
    assert explain_pair(army, report("b", doers={GROUP}, town=TARHUNA))[1] == (
        "two different towns (Gharyan, Tarhuna)"
    )
    assert explain_pair(army, report("b", doers={GROUP}, day=DAY + 7))[1] == ("dates 7 days apart")
    undated = report("u", hit={ARMY}, dated=False)
    assert explain_pair(undated, report("v", doers={GROUP}, dated=False))[1] == (
        "named actors differ"
    )
    # no town on one side: a governorate or a country holds many clashes a day
    assert not state_against_group(army, report("b", doers={GROUP}, town=None))
    # one town and day, but a raid typed COERCE against the army's attack: two acts
    raid = replace(report("b", doers={GROUP}), type="COERCE", family="force")
    army_force = replace(army, family="force")
    assert not state_against_group(army_force, raid)
    assert explain_pair(army_force, raid)[1] == "named actors differ"


ARMY_ACTOR = Actor("actor_000000000011", "Libyan Army", "state_forces", "LBY")
BRIGADE = Actor("actor_000000000012", "Sabaa Brigade", "armed_group", "LBY")
MILITIA = Actor("actor_000000000013", "Wadi Militia", "armed_group", "LBY")


def _told(
    article_id: str, words: str, name: str, actor: Actor, role: str = "source"
) -> tuple[DocumentRecords, dict[str, str]]:
    t = Text(article_id, "2025-03-15").sentence(words)
    t.event("ASSAULT", "attacked", "2025-03-14", GHARYAN, source=name)
    em = t.events[-1]
    assert em.source is not None
    if role == "target":
        em = replace(em, source=None, target=em.source)
        t.events[-1] = em
    span = em.source or em.target
    assert span is not None
    return t.records(), {f"{article_id}:{span.start}:{span.end}": actor.id}


def _merge(*told: tuple[DocumentRecords, dict[str, str]]) -> list[Incident]:
    incs = []
    for doc, actor_of in told:
        for inc in document_incidents(doc, ONTO, actor_of, frozenset(actor_of.values())):
            assign_actors(inc, actor_of, frozenset())
            incs.append(inc)
    sides = state_sides((ARMY_ACTOR, BRIGADE, MILITIA), ONTO)
    return resolve_incidents(incs, {}, [], side_of=sides)


def test_whole_articles_the_army_hit_in_one_the_group_attacking_in_the_other_join() -> None:
    army = _told("art_army", "Gunmen attacked the army in Gharyan on Friday.", "the army",
                 ARMY_ACTOR, role="target")  # fmt: skip
    brigade = _told("art_brigade", "The brigade attacked a post in Gharyan on Friday.",
                    "The brigade", BRIGADE)  # fmt: skip
    (one,) = _merge(army, brigade)
    assert one.source_count == 2
    # the army as the doer against the brigade as the doer: two claims, two records
    doer = _told("art_doer", "The army attacked a post in Gharyan on Friday.", "The army",
                 ARMY_ACTOR)  # fmt: skip
    assert len(_merge(doer, brigade)) == 2
    # two groups in one town on one day: two records
    militia = _told("art_m", "The militia attacked a post in Gharyan on Friday.",
                    "The militia", MILITIA)  # fmt: skip
    assert len(_merge(brigade, militia)) == 2
