"""An act noun that is the subject of the verb telling what it did is one event
(extract.subject_acts; sentences we wrote)."""

import pytest

pytestmark = pytest.mark.slow


def violent(found):
    return [e for e in found["events"] if e.type == "ASSAULT"]


def test_noun_subject_and_its_verb_are_one_act(run):
    (act,) = violent(
        run("A drone strike hit a crowded bus depot in the town, killing six traders.")
    )
    assert act.trigger.text == "strike" and "embedded" not in act.qualifiers
    assert act.target is not None and act.target.text == "traders"
    assert [(c.kind, c.value) for c in act.counts] == [("killed", 6)]
    assert "means_air" in act.qualifiers


def test_the_noun_keeps_its_doer_and_takes_the_verbs_victims(run):
    (act,) = violent(run("An ambush by the rebels wounded nine soldiers near the bridge."))
    assert (act.source.text, act.target.text) == ("rebels", "soldiers")
    assert [(c.kind, c.value) for c in act.counts] == [("wounded", 9)]


def test_a_negated_verb_keeps_them_apart(run):
    found = run("The blast did not kill anyone.")
    assert sorted(e.trigger.text for e in violent(found)) == ["blast", "kill"]


def test_a_noun_that_is_no_subject_is_left_alone(run):
    found = run("Gunmen killed two guards in an attack on the depot.")
    assert [e.trigger.text for e in violent(found)] == ["killed"]
