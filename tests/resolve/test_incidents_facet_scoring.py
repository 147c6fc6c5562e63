"""The facets of an act (support given in it, the protest it was fired on) are part of its
incident, listed in ``facets``; statements about it (a condemnation) are not. The
conflict-gold scorer reads an event's incident from its members and facets."""

from __future__ import annotations

from pathlib import Path

from tests.resolve.test_incidents import GHARYAN, ONTO, Text, incidents_of, resolve_all

from eventwire.evaluate.base import PipelineRun
from eventwire.evaluate.exported import prediction_from_run
from eventwire.export.incident_list import explain_incident
from eventwire.model import Event, Evidence, Incident, Resolution
from eventwire.resolve.facets import is_protest_in_act, is_support_in_act
from eventwire.resolve.incidents import link_facets
from eventwire.store.sqlite import SQLiteStore


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
    assert inc.type == "ASSAULT" and inc.facets == inc.statements == (
        f"ev-a-{marching.trigger.start}",
    )
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
    # another report told the backing as an occurrence of its own
    alone = Incident("incident_0", "SUPPORT", {}, (), events=("ev2",))
    run = PipelineRun({}, Resolution(events=(event(1), event(2), event(3)),
                                     incidents=(alone, inc)))  # fmt: skip
    pred = prediction_from_run(run, {"art_a": "g01"})
    assert {e.id: e.incident for e in pred.events} == {
        "ev1": "incident_1",
        "ev2": "incident_1",  # support given in the act: part of it
        "ev3": None,  # a condemnation of it: an event of its own
    }


def test_explain_lists_facets_apart_from_statements(tmp_path: Path) -> None:
    ev = Evidence("art_0000000000000001", "A sentence.", 0, 11)
    inc = Incident("incident_000000000001", "ASSAULT", {}, (ev,), events=("event_1",),
                   statements=("event_2", "event_3"), facets=("event_2",))  # fmt: skip
    with SQLiteStore(str(tmp_path / "s.db")) as store:
        store.replace_resolution(Resolution(incidents=(inc,)))
        lines = explain_incident(store, inc.id, ONTO)
    assert "  facets of the act (support given in it, a protest fired on): event_2" in lines
    assert "  statements about it: event_3" in lines


def test_support_whose_clause_names_the_act_by_its_noun_is_a_facet() -> None:
    def support(sentence: str) -> bool:
        t = Text("a", "2025-03-14").sentence(sentence).event("SUPPORT", "backed")
        return is_support_in_act(t.events[0], t.events, ONTO.violent_types)

    # the act is no event of the sentence: its noun after an occasion preposition tells it
    assert support("Foreign soldiers backed the rebels during an attack on Monday.")
    assert support("Two battalions backed the militia in its assault on the town.")
    assert support("Gunships backed the column throughout the siege of the port.")
    # support in a clause of its own, or with no act named, stays an occurrence
    assert not support("Donors backed the plan, which came during an attack.")
    assert not support("Neighbouring states backed the rebels during the talks.")
    assert not support("The council backed the governor in a vote on Monday.")


def test_backing_during_an_attack_told_later_is_linked_to_the_attack() -> None:
    t = Text("a", "2025-03-14")
    t.sentence("Foreign soldiers backed the rebels during an attack on Gharyan on Friday.")
    t.event("SUPPORT", "backed", "2025-03-14", GHARYAN, source="Foreign soldiers")
    t.sentence("Rebels stormed the town of Gharyan on Friday, killing four.")
    t.event("ASSAULT", "stormed", "2025-03-14", GHARYAN, source="Rebels")
    (inc,) = resolve_all([t.records()])
    backed = f"ev-a-{t.events[0].trigger.start}"
    assert inc.type == "ASSAULT" and inc.facets == (backed,) and inc.statements == (backed,)


def test_linking_a_protest_changes_none_of_the_given_incidents() -> None:
    told = incidents_of(_protest_fired_on("a").records())
    before = [(list(i.members), list(i.statements), list(i.rules)) for i in told]
    (act,) = link_facets(told)
    assert act.type == "ASSAULT" and "a protest fired on" in act.rules
    assert [(list(i.members), list(i.statements), list(i.rules)) for i in told] == before
