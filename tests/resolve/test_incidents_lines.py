"""One exchange of fire across a frontier told by each side as the other's fire
(``resolve.incident_lines``): each report names the other's state as the doer and
places the act in a town of its own side, the two towns facing each other. Near misses:
two clashes on one frontier at distant points, the same towns on another day, one doer
named by both, fire placed in the doer's own country, a group's raid, an undated report,
another type."""

from __future__ import annotations

from dataclasses import replace

from tests.resolve.test_incidents import ONTO, Text

from eventwire.model import Actor, DocumentRecords, Incident, Place
from eventwire.resolve.doc_incidents import document_incidents
from eventwire.resolve.incident_lines import across_line, doer_state, line_cell
from eventwire.resolve.incidents import (
    Report,
    assign_actors,
    candidate_pairs,
    explain_pair,
    resolve_incidents,
    state_sides,
)

# two villages facing each other across a frontier (about 14 km apart), and a town at
# the other end of the same frontier (about 130 km from either)
SOTK = Place("geonames:901", "Sotk", 40.20, 45.93, "ARM", "AM.04", "city")
KALBAJAR = Place("geonames:902", "Kalbajar", 40.10, 46.04, "AZE", "AZ.23", "city")
GAZAKH = Place("geonames:903", "Gazakh", 41.09, 45.37, "AZE", "AZ.45", "city")
IJEVAN = Place("geonames:904", "Ijevan", 40.88, 45.15, "ARM", "AM.09", "city")

ARM_FORCES = Actor("actor_000000000021", "Armenian Armed Forces", "state_forces", "ARM")
AZE_FORCES = Actor("actor_000000000022", "Azerbaijani Armed Forces", "state_forces", "AZE")
RAIDERS = Actor("actor_000000000023", "Valley Raiders", "armed_group", "AZE")
ARM, AZE = "state:ARM", "state:AZE"


def report(rid: str, doer: str, town: Place, day: int = 14, dated: bool = True,
           etype: str = "ASSAULT") -> Report:  # fmt: skip
    iso = f"2025-03-{day:02d}" if dated else None
    span = (day, day) if dated else (day - 7, day)
    return Report(rid, f"art_{rid}", etype, span, iso, town, frozenset({doer}),
                  doers=frozenset({doer}))  # fmt: skip


def test_each_sides_account_of_one_exchange_is_one_act() -> None:
    theirs, ours = report("a", AZE, SOTK), report("b", ARM, KALBAJAR)
    assert doer_state(theirs) == "AZE" and line_cell(theirs) == line_cell(ours) == "line:ARM|AZE"
    assert across_line(theirs, ours) and across_line(ours, theirs)
    shared, why = explain_pair(theirs, ours)
    assert why is None and any("line:ARM|AZE" in cell for cell in shared)
    assert candidate_pairs([theirs, ours]) == [(0, 1)]


def test_near_misses_on_one_frontier_stay_apart() -> None:
    theirs = report("a", AZE, SOTK)
    near_misses = {
        # two clashes on one frontier on one day, at distant points
        "places in two countries (Sotk, Gazakh)": report("b", ARM, GAZAKH),
        # the same towns on another day, the next one or later
        "places in two countries (Sotk, Kalbajar)": report("b", ARM, KALBAJAR, day=15),
        "dates 3 days apart": report("b", ARM, KALBAJAR, day=17),
        # one doer named by both: two acts of one side at two places (or one told twice,
        # which their shared side joins when they lie in one place)
        "two different towns (Ijevan, Sotk)": report("b", AZE, IJEVAN),
    }
    for why, other in near_misses.items():
        assert not across_line(theirs, other)
        assert explain_pair(theirs, other)[1] == why, why
    # a group's raid from across the line, an undated report, another type
    group = replace(report("b", "actor_000000000023", KALBAJAR), doers=frozenset())
    assert not across_line(theirs, group) and line_cell(group) is None
    assert not across_line(theirs, report("b", ARM, KALBAJAR, dated=False))
    assert not across_line(theirs, report("b", ARM, KALBAJAR, etype="COERCE"))
    assert explain_pair(theirs, report("b", ARM, KALBAJAR, dated=False))[1] == (
        "places in two countries (Sotk, Kalbajar)"
    )
    # fire placed in the doer's own country is no account of the other side's fire
    own = report("b", ARM, IJEVAN)
    assert line_cell(own) is None and not across_line(theirs, own)


def _told(article_id: str, words: str, doer: str, actor: Actor, town: Place,
          day: str = "2025-03-14") -> tuple[DocumentRecords, dict[str, str]]:  # fmt: skip
    t = Text(article_id, "2025-03-15").sentence(words)
    t.event("ASSAULT", "fired", day, town, source=doer)
    span = t.events[-1].source
    assert span is not None
    return t.records(), {f"{article_id}:{span.start}:{span.end}": actor.id}


def _merge(*told: tuple[DocumentRecords, dict[str, str]]) -> list[Incident]:
    incs = []
    for doc, actor_of in told:
        for inc in document_incidents(doc, ONTO, actor_of, frozenset(actor_of.values())):
            assign_actors(inc, actor_of, frozenset())
            incs.append(inc)
    sides = state_sides((ARM_FORCES, AZE_FORCES, RAIDERS), ONTO)
    return resolve_incidents(incs, {}, [], side_of=sides)


def test_whole_articles_of_each_side_join_and_a_distant_clash_does_not() -> None:
    theirs = _told("art_yerevan", "Azerbaijani troops fired on the village of Sotk on "
                   "Friday evening, wounding a shepherd.", "Azerbaijani troops", AZE_FORCES,
                   SOTK)  # fmt: skip
    ours = _told("art_baku", "Armenian units fired mortars at our positions near Kalbajar "
                 "on Friday evening.", "Armenian units", ARM_FORCES, KALBAJAR)  # fmt: skip
    (one,) = _merge(theirs, ours)
    assert one.source_count == 2
    assert any("one exchange of fire told by each side" in line for line in one.explanation)
    far = _told("art_far", "Armenian units fired mortars at our positions near Gazakh on "
                "Friday evening.", "Armenian units", ARM_FORCES, GAZAKH)  # fmt: skip
    assert len(_merge(theirs, far)) == 2
    later = _told("art_later", "Armenian units fired mortars at our positions near "
                  "Kalbajar on Saturday evening.", "Armenian units", ARM_FORCES, KALBAJAR,
                  day="2025-03-15")  # fmt: skip
    assert len(_merge(theirs, later)) == 2
    raid = _told("art_raid", "Valley Raiders fired on a border post near Kalbajar on "
                 "Friday evening.", "Valley Raiders", RAIDERS, KALBAJAR)  # fmt: skip
    assert len(_merge(theirs, raid)) == 2
