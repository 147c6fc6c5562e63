"""A participle of consequence tells its act's toll (issue 13): "Shells struck a market,
killing 12 civilians and wounding 31" is one act with its victims and both counts, not
three events whose toll resolution would give to one of them. Sentences we wrote."""

import pytest

pytestmark = pytest.mark.slow


def _violent(run, text):
    return [e for e in run(text)["events"] if e.type == "ASSAULT"]


def test_the_consequence_folds_into_its_act_with_the_victims(run):
    text = "Government troops fired rockets into Kidal on Monday, killing three herders."
    events = _violent(run, text)
    assert [e.trigger.text for e in events] == ["fired"]
    assert events[0].target is not None and events[0].target.text == "herders"
    assert {(c.kind, c.value) for c in events[0].counts} == {("killed", 3)}


def test_coordinated_consequences_fold_into_the_same_act(run):
    text = "Rebels shelled a market in Goma on Sunday, killing 12 traders and wounding 31."
    events = _violent(run, text)
    assert [e.trigger.text for e in events] == ["shelled"]
    assert {(c.kind, c.value) for c in events[0].counts} == {("killed", 12), ("wounded", 31)}


def test_the_acts_own_target_is_kept(run):
    text = "Militants attacked an army post near Djibo, killing at least 20 soldiers."
    events = _violent(run, text)
    assert [e.trigger.text for e in events] == ["attacked"]
    assert events[0].target is not None and events[0].target.text == "army"


def test_a_participle_with_a_subject_of_its_own_is_an_act_of_its_own(run):
    # an absolute clause names another doer: two acts
    text = "Rebels attacked a police post near Goma, with soldiers killing four of them."
    triggers = {e.trigger.text for e in _violent(run, text)}
    assert {"attacked", "killing"} <= triggers


def test_a_clause_of_its_own_stays_an_event(run):
    # a finite verb with its own subject is not a participle of consequence
    text = "Rebels shelled a market in Goma, and soldiers killed four of the attackers."
    triggers = {e.trigger.text for e in _violent(run, text)}
    assert {"shelled", "killed"} <= triggers


def test_an_event_noun_setting_the_act_is_the_act(run):
    # "killing nine ... in a battle": the battle is the attack itself
    text = "Rebels attacked an army camp near Gondar, killing nine soldiers in a long battle."
    assert [e.trigger.text for e in _violent(run, text)] == ["attacked"]


def test_a_setting_noun_gives_its_weapon_to_the_act(run):
    events = _violent(run, "Two soldiers were killed in an air strike near Gao.")
    assert [e.trigger.text for e in events] == ["killed"]
    assert any(q.startswith("means_") for q in events[0].qualifiers)


def test_a_setting_noun_with_sides_of_its_own_stays(run):
    text = "Two soldiers were killed in clashes with the rebels near Gao."
    assert "clashes" in {e.trigger.text for e in _violent(run, text)}


def test_the_bare_object_of_a_casualty_verb_counts_people(run):
    # the model may label "31" a date; as the object of "wounding" it counts the wounded
    text = "Shells hit a market in Goma on Sunday, killing 12 traders and wounding 31, according to medics."
    counts = {(c.kind, c.value) for c in run(text)["counts"]}
    assert ("wounded", 31) in counts


def test_a_day_of_a_month_is_no_bare_count(run):
    counts = run("The rebels wounded a guard on 31 May near Goma.")["counts"]
    assert not any(c.value == 31 for c in counts)


def test_a_doer_only_the_setting_noun_names_goes_to_the_act(run):
    # "killed in an attack by X": folding the noun keeps X as the doer of the killing
    events = _violent(run, "Two soldiers were killed in an attack by the Ogaden Front.")
    assert [e.trigger.text for e in events] == ["killed"]
    assert events[0].source is not None and "Ogaden Front" in events[0].source.text
