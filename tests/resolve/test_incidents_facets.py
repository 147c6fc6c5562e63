"""Support given in an act of violence, told in its sentence, is a facet linked to the
act's incident (listed with its statements), never an incident of its own."""

from __future__ import annotations

import pytest
from tests.resolve.test_incidents import GHARYAN, ONTO, Text, incidents_of

from eventwire.extract import extract_document
from eventwire.model import Article, EventMention, Evidence, Span
from eventwire.resolve import resolve
from eventwire.resolve.facets import is_support_in_act

DAY = "2025-03-14"


def test_backing_during_an_attack_is_linked_to_the_attack() -> None:
    t = Text("a").sentence("Foreign soldiers backed the rebels during an attack on Gharyan.")
    t.event("SUPPORT", "backed", DAY, GHARYAN, source="Foreign soldiers")
    t.event("ASSAULT", "attack", DAY, GHARYAN)
    (inc,) = incidents_of(t.records())
    assert [e.type for e in inc.members] == ["ASSAULT"]
    assert [e.type for e in inc.statements] == ["SUPPORT"]


def test_a_doer_backed_by_others_is_one_incident_with_the_backing_linked() -> None:
    t = Text("a").sentence("Militiamen, backed by drones, stormed Gharyan on Friday.")
    t.event("SUPPORT", "backed", DAY, GHARYAN, source="drones", qualifiers=("embedded",))
    t.event("ASSAULT", "stormed", DAY, GHARYAN, source="Militiamen")
    support, act = t.events
    # the one backed is the doer of the act (a participle: "X, backed by Y, attacked")
    who = act.source
    support = EventMention(support.article_id, "SUPPORT", support.trigger, support.evidence,
                           support.source, who, when=support.when, place=support.place,
                           qualifiers=("embedded",))  # fmt: skip
    t.events = [support, act]
    (inc,) = incidents_of(t.records())
    assert [e.type for e in inc.members] == ["ASSAULT"]
    assert [e.type for e in inc.statements] == ["SUPPORT"]


def test_support_that_is_not_given_in_the_act_stays_an_incident() -> None:
    # the attack is told in a clause of its own: not the occasion of the support
    t = Text("a").sentence("Rwanda backed the rebels in Gharyan, which was attacked on Friday.")
    t.event("SUPPORT", "backed", DAY, GHARYAN, source="Rwanda")
    t.event("ASSAULT", "attacked", DAY, GHARYAN)
    assert sorted(i.type for i in incidents_of(t.records())) == ["ASSAULT", "SUPPORT"]
    # and support with no act of violence in its sentence is an incident of its own
    alone = Text("b").sentence("Rwanda backed the rebels with weapons, the report said.")
    alone.event("SUPPORT", "backed", DAY, GHARYAN, source="Rwanda")
    assert [i.type for i in incidents_of(alone.records())] == ["SUPPORT"]
    # an act that did not happen is no occasion: "backed the rebels in a planned attack"
    plan = Text("c").sentence("Rwanda backed the rebels in a planned attack on Gharyan.")
    plan.event("SUPPORT", "backed", DAY, GHARYAN, source="Rwanda")
    plan.event("ASSAULT", "attack", DAY, GHARYAN, modality="future")
    assert [i.type for i in incidents_of(plan.records())] == ["SUPPORT"]


def _mention(sentence: str, etype: str, trigger: str, **kw: object) -> EventMention:
    at = sentence.index(trigger)
    ev = Evidence("a", sentence, 0, len(sentence))
    return EventMention("a", etype, Span(at, at + len(trigger), trigger), ev, **kw)  # type: ignore[arg-type]


def test_the_occasion_preposition_and_what_may_stand_before_the_act() -> None:
    violent = ONTO.violent_types
    for sentence, act in (
        ("Troops backed the militia in Monday's dawn assault on the town.", "assault"),
        ("Jets supported the rebels throughout the siege of the town.", "siege"),
        ("Drones backed the fighters amid heavy shelling of the town.", "shelling"),
    ):
        s = _mention(sentence, "SUPPORT", sentence.split()[1])
        a = _mention(sentence, "ASSAULT", act)
        assert is_support_in_act(s, [s, a], violent), sentence
    far = "Troops backed the militia in the north after the rebels' long-planned dawn assault."
    s, a = _mention(far, "SUPPORT", "backed"), _mention(far, "ASSAULT", "assault")
    assert not is_support_in_act(s, [s, a], violent)
    # only support: an agreement in an attack's sentence is not a facet of it
    deal = "They agreed to a truce during an attack on the town."
    s, a = _mention(deal, "AGREE", "agreed"), _mention(deal, "ASSAULT", "attack")
    assert not is_support_in_act(s, [s, a], violent)


BACKED_REPORTS = (
    "The army said foreign soldiers backed the rebels during an attack on Kiwanja on Monday.",
    "Militiamen backed by drones stormed the town of Kiwanja on Monday, killing six soldiers.",
    "Government troops, backed by helicopters, repelled an attack on the town of Bunagana on "
    "Tuesday.",
)


@pytest.mark.slow
def test_parsed_backing_in_an_attack_is_a_linked_facet(nlp, resources) -> None:  # noqa: ANN001
    for n, text in enumerate(BACKED_REPORTS):
        article = Article(f"art_{n}", text, published="2025-03-18", published_precision="day")
        res = resolve([extract_document(article, nlp(text), resources)], resources)
        by_id = {e.id: e for e in res.events}
        assert [i.type for i in res.incidents] == ["ASSAULT"], text
        (inc,) = res.incidents
        assert [by_id[e].type for e in inc.statements] == ["SUPPORT"], text
