"""Trigger words that name the thing an act is done to, or an act's aftermath, are no
event of their own (sentences written for these tests)."""

import pytest

pytestmark = pytest.mark.slow


def types(found):
    return sorted({e.type for e in found["events"]})


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen ambushed an army patrol near the border on Sunday, killing four soldiers.",
        "Two soldiers died in an attack on a patrol outside the town.",
        "The patrol was ambushed near the village at dawn.",
    ],
)
def test_patrol_attacked_is_no_mobilisation(run, text):
    assert types(run(text)) == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked an aid convoy north of the city.",
        "Militias shelled a convoy carrying aid to the camp.",
    ],
)
def test_aid_convoy_attacked_is_no_aid(run, text):
    assert types(run(text)) == ["ASSAULT"]


def test_patrol_sent_is_still_a_mobilisation(run):
    assert "MOBILIZE" in types(run("The army sent a patrol to the village."))


def test_protest_dispersed_still_took_place(run):
    assert "PROTEST" in types(run("Police dispersed a protest in the capital."))


def test_bodies_found_after_an_act_are_its_victims(run):
    found = run(
        "Jets struck the market on Friday. Rescuers found five more bodies under the rubble."
    )
    [strike] = found["events"]
    assert strike.lemma == "strike"
    assert [(c.kind, c.value) for c in strike.counts] == [("killed", 5)]


def test_bodies_found_with_no_act_before_are_a_killing(run):
    [found] = run("The bodies of two men were found near the road.")["events"]
    assert found.type == "ASSAULT"
    assert found.source is None


def test_found_dead_after_a_raid_is_the_raid(run):
    found = run("Militiamen raided the village overnight. Three farmers were found dead.")
    assert [e.lemma for e in found["events"]] == ["raid"]


@pytest.mark.parametrize(
    "text",
    [
        "Mediators averted a war between the two states.",
        "The envoy urged both sides to prevent a civil war in the north.",
        "The talks aim to avoid an escalation of the fighting.",
    ],
)
def test_an_averted_event_did_not_happen(run, text):
    assert not {"ASSAULT", "COERCE"} & set(types(run(text)))


def test_preventing_people_from_acting_is_still_coercion(run):
    found = run("Police prevented protesters from reaching the square.")
    assert "COERCE" in types(found)
    assert "PROTEST" not in types(run("Police prevented a protest outside the parliament."))
