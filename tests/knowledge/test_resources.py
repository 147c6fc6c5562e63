"""Shipped data has one owner: a Resources. The readers keep no process-wide copy."""

from __future__ import annotations

from dataclasses import replace

from eventwire.config import Settings
from eventwire.knowledge.kb import load_kb
from eventwire.knowledge.ontology import read_ontology
from eventwire.knowledge.resources import Resources
from eventwire.model import Event, Evidence
from eventwire.resolve.relations import resolve_relations


def test_readers_return_fresh_copies_and_resources_keep_one() -> None:
    settings = Settings()
    assert load_kb(settings) is not load_kb(settings)
    assert read_ontology() is not read_ontology()
    resources = Resources(settings)
    assert resources.kb is resources.kb
    assert resources.ontology is resources.ontology
    assert Resources(settings).kb is not resources.kb


def test_resolution_reads_the_ontology_it_is_given() -> None:
    evidence = Evidence("a", "Militia A shelled militia B.", 0, 28)
    event = Event("e1", "ASSAULT", {}, (evidence,), source_actor="A", target_actor="B")
    resources = Resources()
    shipped = resolve_relations([], [event], {}, resources)
    assert [(r.source_actor, r.target_actor, r.type) for r in shipped] == [("A", "B", "fight")]
    # the same event under an ontology whose ASSAULT implies no relation makes none
    onto = resources.ontology
    assault = replace(onto.types["ASSAULT"], relation=None)
    resources.__dict__["ontology"] = replace(onto, types={**onto.types, "ASSAULT": assault})
    assert resolve_relations([], [event], {}, resources) == []


def test_two_resources_with_different_settings_share_no_outlet_table() -> None:
    shipped, user = Resources(), Resources(Settings(outlet_date_order="Harbour Gazette=MDY"))
    assert "harbour gazette" not in shipped.date_orders
    assert user.date_orders["harbour gazette"] == "MDY"
    assert shipped.date_orders["libya herald"] == user.date_orders["libya herald"] == "DMY"
    assert shipped.date_orders is not user.date_orders
    assert shipped.ontology is not user.ontology
    # a user's order wins over the shipped one for the same outlet
    assert (
        Resources(Settings(outlet_date_order="Libya Herald=MDY")).date_orders["libya herald"]
        == "MDY"
    )
