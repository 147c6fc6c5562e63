"""A doer-less back-reference to an act already told ("Friday's ambush was the deadliest
this year", "the attack drew condemnation") takes that act's sides, so it is one event
with it when it names the act by the same kind of word; it keeps its own word, and so
its own codes ("the arrests" after a raid stay arrests)."""

from __future__ import annotations

from dataclasses import replace

from tests.resolve.test_doc_incident_fill import filled
from tests.resolve.test_incidents import GHARYAN, Text

from eventwire.model import EventMention, Span
from eventwire.resolve.doc_incidents import is_anaphoric


def _on(em: EventMention, t: Text, word: str) -> EventMention:
    at = t.start + t.current.index(word)
    return replace(em, target=Span(at, at + len(word), word))


def _raid_then(later: str, trigger: str) -> Text:
    t = Text("a").sentence("Raiders torched a cattle pen in Gharyan on Friday.")
    t.event("ASSAULT", "torched", "2025-03-14", GHARYAN, source="Raiders",
            qualifiers=("source_armed", "target_civilian"))  # fmt: skip
    t.events[-1] = replace(_on(t.events[-1], t, "cattle pen"), lemma="torch")
    t.sentence(later)
    t.event("ASSAULT", trigger, "2025-03-14", GHARYAN)
    t.events[-1] = replace(t.events[-1], lemma=trigger)
    return t


def test_a_day_possessive_back_reference_takes_the_acts_sides_not_its_word() -> None:
    for later, trigger in (("Friday's raid was the worst in years.", "raid"),
                           ("Friday\u2019s raid was the worst in years.", "raid"),
                           ("Friday's deadly night raid shocked the town.", "raid"),
                           ("The assault drew wide condemnation.", "assault")):  # fmt: skip
        act, back = filled(_raid_then(later, trigger), {"Raiders": "actor:raiders"})
        assert back.source == act.source and back.target == act.target, later
        assert back.lemma == trigger and {"source_armed", "target_civilian"} <= set(back.qualifiers)
        assert {"inferred_source", "inferred_target"} <= set(back.qualifiers)


def test_arrests_told_after_a_raid_stay_arrests() -> None:
    # "the detentions" refers back to the sweep: the sweep's sides, the detentions' word
    t = Text("a").sentence("Officers swept through a slum in Gharyan on Friday.")
    t.event("COERCE", "swept", "2025-03-14", GHARYAN, source="Officers")
    t.events[-1] = replace(_on(t.events[-1], t, "slum"), lemma="raid")
    t.sentence("The detentions angered residents.")
    t.event("COERCE", "detentions", "2025-03-14", GHARYAN)
    t.events[-1] = replace(t.events[-1], lemma="detention")
    sweep, back = filled(t, {"Officers": "actor:police"})
    assert back.source == sweep.source and back.target == sweep.target
    assert back.lemma == "detention"


def test_a_new_act_or_one_naming_its_own_target_is_no_back_reference() -> None:
    # "A raid on the granary followed": no determiner, its own act
    act, other = filled(
        _raid_then("A raid followed at dusk.", "raid"), {"Raiders": "actor:raiders"}
    )
    assert other.target is None and other.lemma == "raid"
    t = _raid_then("The raid hit the granary too.", "raid")
    t.events[-1] = _on(t.events[-1], t, "granary")
    _act, own = filled(t, {"Raiders": "actor:raiders"})
    assert own.target is not None and own.target.text == "granary" and own.lemma == "raid"


def test_two_doers_before_it_leave_a_back_reference_as_told() -> None:
    t = Text("a").sentence(
        "Raiders torched a pen and militiamen looted a shop in Gharyan on Friday."
    )
    t.event("ASSAULT", "torched", "2025-03-14", GHARYAN, source="Raiders")
    t.event("ASSAULT", "looted", "2025-03-14", GHARYAN, source="militiamen")
    t.sentence("The assault drew wide condemnation.")
    t.event("ASSAULT", "assault", "2025-03-14", GHARYAN)
    *_, back = filled(t, {"Raiders": "actor:raiders", "militiamen": "actor:militia"})
    assert back.source is None and back.target is None


def test_a_day_possessive_points_back_across_two_modifiers_and_a_curly_apostrophe() -> None:
    t = Text("a").sentence("Thursday\u2019s suicide car bombing shut the road.")
    t.event("ASSAULT", "bombing")
    t.sentence("Thursday's suicide car bombing shut the road.")
    t.event("ASSAULT", "bombing")
    t.sentence("Troops said the army later attacked the camp.")
    t.event("ASSAULT", "attacked")
    curly, straight, verb = t.events
    assert is_anaphoric(curly) and is_anaphoric(straight)
    assert not is_anaphoric(verb)  # "the" three words before a verb is not its determiner
