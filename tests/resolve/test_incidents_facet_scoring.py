"""The facets of an act (support given in it, the protest it was fired on) are part of its
incident, listed in ``facets``; statements about it (a condemnation) are not. The
conflict-gold scorer reads an event's incident from its members and facets."""

from __future__ import annotations

from tests.resolve.test_incidents import GHARYAN, ONTO, Text, resolve_all

from eventwire.evaluate.base import PipelineRun
from eventwire.evaluate.exported import prediction_from_run
from eventwire.model import Event, Evidence, Incident, Resolution
from eventwire.resolve.facets import is_protest_in_act


def _protest_fired_on(article_id: str) -> Text:
    t = Text(article_id, "2025-03-14")
    t.sentence("Police fired at protesters marching against prices in Gharyan on Friday.")
    t.event("ASSAULT", "fired", "2025-03-14", GHARYAN, source="Police")
    t.event("PROTEST", "marching", "2025-03-14", GHARYAN, source="protesters")
    return t


def test_a_protest_fired_on_is_a_facet_of_the_shooting_not_an_incident() -> None:
    t = _protest_fired_on("a")
    fired, marching = t.events
    assert is_protest_in_act(marching, t.events, ONTO.violent_types)
    assert not is_protest_in_act(fired, t.events, ONTO.violent_types)
    (inc,) = resolve_all([t.records()])
    assert inc.type == "ASSAULT" and inc.facets == inc.statements == (f"ev-a-{marching.trigger.start}",)
    assert any("a protest fired on" in line for line in inc.explanation)
    # a protest of its own sentence, with no act aimed at it, stays an incident
    calm = Text("b", "2025-03-14").sentence("Hundreds marched against prices in Gharyan.")
    calm.event("PROTEST", "marched", "2025-03-14", GHARYAN)
    assert [i.type for i in resolve_all([calm.records()])] == ["PROTEST"]


def test_one_outlets_protest_and_anothers_shooting_are_one_incident() -> None:
    told = Text("c", "2025-03-15").sentence("Two protesters were shot dead in Gharyan on Friday.")
    told.event("ASSAULT", "shot", "2025-03-14", GHARYAN)
    (inc,) = resolve_all([_protest_fired_on("a").records(), told.records()])
    assert inc.source_count == 2 and inc.type == "ASSAULT"


def test_a_condemnation_is_linked_but_no_facet() -> None:
    t = Text("a", "2025-03-14").sentence("Shells hit the market in Gharyan on Friday.")
    t.event("ASSAULT", "hit", "2025-03-14", GHARYAN)
    t.sentence("The mission condemned the attack.").event("ACCUSE", "condemned")
    (inc,) = resolve_all([t.records()])
    assert inc.statements and not inc.facets


def test_the_scorer_counts_members_and_facets_but_not_statements() -> None:
    def event(n: int) -> Event:
        return Event(f"ev{n}", "ASSAULT", {}, (Evidence("art_a", f"Sentence {n}.", n, n + 1),))

    inc = Incident("incident_1", "ASSAULT", {}, (), events=("ev1",),
                   statements=("ev2", "ev3"), facets=("ev2",))  # fmt: skip
    run = PipelineRun({}, Resolution(events=(event(1), event(2), event(3)), incidents=(inc,)))
    pred = prediction_from_run(run, {"art_a": "g01"})
    assert {e.id: e.incident for e in pred.events} == {
        "ev1": "incident_1",
        "ev2": "incident_1",  # support given in the act: part of it
        "ev3": None,  # a condemnation of it: an event of its own
    }
