"""An act placed only off a town ("20 km south of Arish": the town's point at ``admin2``
precision) is placed in that town's area within its article: a later sentence telling the
act again off the town joins the lead's incident and lends the lead event its place."""

from __future__ import annotations

from dataclasses import replace

from tests.resolve.test_incidents import Text, incidents_of, shelling

from eventwire.model import DocumentRecords, Place
from eventwire.resolve.doc_incidents import fill_from_incidents, is_near_town
from eventwire.resolve.incidents import Report, article_reports, explain_pair

ARISH = Place("geonames:71", "Arish", 31.13, 33.80, "EGY", "EG.27", "city", feature="PPL")
NEAR_ARISH = replace(ARISH, precision="admin2")
NEAR_RAFAH = Place("geonames:72", "Rafah", 31.28, 34.25, "EGY", "EG.27", "admin2",
                   feature="PPL")  # fmt: skip
# a district of the same precision: a division, not a town's surroundings
DISTRICT = Place("geonames:73", "Bir al-Abd District", 31.0, 33.0, "EGY", "EG.27", "admin2",
                 feature="ADM2")  # fmt: skip


def _strikes(second: Place | None, lead: Place | None = None) -> DocumentRecords:
    t = (Text("art_n1", "2016-06-19")
         .sentence("At least 30 fighters were killed in air strikes on Saturday.")
         .event("ASSAULT", "killed", "2016-06-18", counts=(("killed", 30),))
         .sentence("The fighters, who had fled the coast, were targeted in the desert.")
         .event("ASSAULT", "targeted", "2016-06-18", second))  # fmt: skip
    doc = t.records()
    # the lead sentence places nothing itself (``Text`` puts an unplaced event in Libya)
    return replace(doc, events=(replace(doc.events[0], place=lead), doc.events[1]))


def test_a_place_off_a_town_is_near_a_town_but_a_district_is_not() -> None:
    assert is_near_town(NEAR_ARISH)
    assert not is_near_town(ARISH)  # a town itself
    assert not is_near_town(DISTRICT)
    assert not is_near_town(None)


def test_an_act_retold_off_a_town_joins_the_lead_and_lends_it_the_place() -> None:
    doc = _strikes(NEAR_ARISH)
    (inc,) = incidents_of(doc)
    assert inc.rules == ["restatement"]
    assert inc.place == NEAR_ARISH  # the place told, not only "the town"
    lead, _second = fill_from_incidents(doc.events, [inc], {}, frozenset())
    assert lead.place == NEAR_ARISH
    assert "inferred_place" in lead.qualifiers


def test_acts_off_and_in_two_different_towns_stay_two_incidents() -> None:
    assert len(incidents_of(_strikes(NEAR_RAFAH, lead=ARISH))) == 2
    # the same town, once in it and once off it, is one incident
    assert len(incidents_of(_strikes(NEAR_ARISH, lead=ARISH))) == 1


def test_a_district_is_no_town_of_its_own() -> None:
    # a district holds many towns: the act in it is told apart only as before (a new
    # incident, as its sentence states its day and no town the lead is in)
    (first, second) = incidents_of(_strikes(DISTRICT))
    assert second.place == DISTRICT
    assert first.place is None


def _reports(*docs: DocumentRecords) -> list[Report]:
    return article_reports([i for d in docs for i in incidents_of(d)])


def test_a_report_off_a_town_meets_the_towns_report_across_articles() -> None:
    # "south of Arish" in one report, "in Arish" in another: one town's block and day
    in_town, near = _reports(shelling("art_a", town=ARISH), shelling("art_b", town=NEAR_ARISH))
    shared, why = explain_pair(in_town, near)
    assert why is None
    assert shared == ["force 2025-03-13..2025-03-15 town:geonames:71"]
    # off one town and in another: two different towns, never compared
    rafah = _reports(shelling("art_c", town=NEAR_RAFAH))[0]
    shared, why = explain_pair(in_town, rafah)
    assert shared == [] and why == "two different towns (Arish, Rafah)"
