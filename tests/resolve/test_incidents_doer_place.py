"""A doer's name read as a town is no place of the act: "the victims were targeted by Los
Lobos" (a gang named like a town) retells the shooting rather than opening an incident
in that town."""

from __future__ import annotations

from dataclasses import replace

from tests.resolve.test_incidents import GHARYAN, TARHUNA, Text, incidents_of

from eventwire.model import Place
from eventwire.resolve.doc_incidents import act_place

LOS_LOBOS = Place("geonames:77", "Los Lobos", 25.0, -108.0, "MEX", "MX.25", "city")


def test_a_doer_named_like_a_town_places_nothing() -> None:
    t = Text("a").sentence("Hooded gunmen shot nine men in a pool hall in Gharyan on Friday.")
    t.event("ASSAULT", "shot", "2025-03-14", GHARYAN, source="Hooded gunmen")
    t.sentence("Investigators believe the victims were targeted by Los Lobos.")
    t.event("ASSAULT", "targeted", source="Los Lobos", place=LOS_LOBOS)
    shot, targeted = t.events
    assert act_place(targeted) is None and act_place(shot) == GHARYAN
    (inc,) = incidents_of(t.records())
    assert [em.trigger.text for em in inc.members] == ["shot", "targeted"]
    assert inc.place == GHARYAN


def test_a_town_named_apart_from_the_doer_is_the_acts() -> None:
    # the doer's words differ from the town's name: the town stays the act's (a near
    # miss: another town's attack the same day is another incident)
    t = Text("a").sentence("Hooded gunmen shot nine men in a pool hall in Gharyan on Friday.")
    t.event("ASSAULT", "shot", "2025-03-14", GHARYAN, source="Hooded gunmen")
    t.sentence("Gunmen from Tarhuna attacked a checkpoint in Tarhuna on Friday.")
    t.event("ASSAULT", "attacked", "2025-03-14", TARHUNA, source="Gunmen from Tarhuna")
    first, second = incidents_of(t.records())
    assert first.place == GHARYAN and second.place == TARHUNA
    assert act_place(replace(t.events[1], place=None)) is None
