"""An act's side read from the verb that governs it, and a place after "in" that is no
side (issue 13): "flew to X for talks with Y", "attended a meeting of Y", "after years of
arming Y, X ...", "a meeting in Lisbon". Sentences we wrote, through the real model."""

import pytest

pytestmark = pytest.mark.slow


def sides(run, text: str, etype: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in run(text)["events"]
        if e.type == etype
    }


@pytest.mark.parametrize(
    ("text", "doer", "other"),
    [
        # a noun after "for" on a verb of travel
        ("Governor Okafor travelled to Lome for talks with the Volta Front on Friday.",
         "Okafor", "the Volta Front"),
        # a noun object of a verb of joining
        ("Last week Minister Adebayo attended a meeting of the Lagoon Council.",
         "Adebayo", "the Lagoon Council"),
    ],
)  # fmt: skip
def test_the_governing_verbs_subject_is_the_doer(run, text, doer, other):
    got = sides(run, text, "CONSULT") | sides(run, text, "ASSAULT")
    assert (doer, other) in got


def test_a_gerund_after_a_time_phrase_is_the_clauses_subjects_act(run):
    text = "After years of arming the Volta Front, the Ridge Republic changed course."
    assert ("the Ridge Republic", "the Volta Front") in sides(run, text, "AID")


def test_a_verb_that_names_no_part_in_the_act_gives_no_doer(run):
    # condemning a meeting is no part in it; a passive traveller was sent, not the doer
    text = "Last week Senator Mbeki condemned a meeting of the Lagoon Council."
    assert (None, "the Lagoon Council") in sides(run, text, "CONSULT")
    text = "Colonel Diallo was flown to Lome for talks with the Volta Front."
    assert ("Diallo", "the Volta Front") not in sides(run, text, "CONSULT")


def test_a_gerund_with_its_own_doer_keeps_it(run):
    text = "After the Kanem Guard began arming the Volta Front, the Ridge Republic protested."
    assert ("the Ridge Republic", "the Volta Front") not in sides(run, text, "AID")


@pytest.mark.parametrize(
    ("text", "etype", "place"),
    [
        ("Envoys of the Lagoon Council held a meeting in Lisbon on Monday.", "CONSULT", "Lisbon"),
        ("Heavy fighting in eastern Chad forced thousands from their homes.", "ASSAULT", "Chad"),
        ("The Volta Front launched an offensive in northern Togo on Monday.", "ASSAULT", "Togo"),
    ],
)
def test_a_place_after_in_is_where_the_act_happened(run, text, etype, place):
    assert all(target != place for _, target in sides(run, text, etype))


def test_a_country_a_war_is_fought_in_is_where_not_a_side(run):
    # a foreign state's war in a country may be fought for it or against it; the actor
    # pass reads a country after "in" as where the act is (notactors.locative_country)
    text = "The Ridge Republic's war in Mali has lasted a decade."
    assert ("Ridge Republic", "Mali") not in sides(run, text, "ASSAULT")


@pytest.mark.parametrize(
    ("text", "doer", "holder"),
    [
        ("The Volta Front attacked army-held positions near the border.", "The Volta Front",
         "army"),
        ("Government jets bombed the rebel-held town of Kabo on Sunday.", "Government jets",
         "rebel"),
    ],
)  # fmt: skip
def test_the_holder_before_a_hyphen_of_the_place_aimed_at_is_the_target(run, text, doer, holder):
    assert (doer, holder) in sides(run, text, "ASSAULT")


@pytest.mark.parametrize(
    ("text", "doer", "target"),
    [
        # an object gap: the antecedent was hit, the clause's subject hit it
        ("The fighters the army killed were buried near Gao.", "army", "fighters"),
        ("The fighters that the Kanem Guard said it had killed were never found.",
         "the Kanem Guard", "fighters"),
    ],
)  # fmt: skip
def test_a_relative_clauses_antecedent_fills_its_gap(run, text, doer, target):
    assert (doer, target) in sides(run, text, "ASSAULT")


def test_a_subject_gap_of_a_light_verb_with_its_is_the_antecedents_act(run):
    text = "The Volta Front, which started its offensive at dawn, took the town of Kabo."
    assert ("The Volta Front", None) in sides(run, text, "ASSAULT")


def test_a_place_or_a_claim_fills_no_gap(run):
    # "where" opens no gap; a subject gap under a clause of saying is the claim's
    text = "Officials compared Kabo with Gao, where rebels captured and killed Colonel Diallo."
    assert all(target != "Gao" for _, target in sides(run, text, "ASSAULT"))
    text = "The Volta Front, which witnesses said had ambushed the army, withdrew north."
    assert ("The Volta Front", "army") not in sides(run, text, "ASSAULT")


def test_an_antecedent_that_is_no_actor_fills_no_gap(run):
    assert sides(run, "The day the Kanem Guard attacked was cold.", "ASSAULT") == {
        ("the Kanem Guard", None)
    }


def test_talks_in_a_capital_with_no_one_named_are_talks_with_its_government(run):
    text = "The envoy of the Lagoon Council returned from talks in Lisbon on Monday."
    assert any(target == "Lisbon" for _, target in sides(run, text, "CONSULT"))


def test_a_counterpart_named_with_replaces_the_place(run):
    text = "After talks in Lisbon with the Volta Front, the Lagoon Council flew home."
    assert all(target == "the Volta Front" for _, target in sides(run, text, "CONSULT"))


@pytest.mark.parametrize(
    "text",
    [
        "Last month the Kanem Guard deployed armour and troops to three provinces.",
        "The Ridge Republic's deployment of attack helicopters angered the Volta Front.",
        "Ridge Republic troops would never be deployed inside Togo, the minister said.",
    ],
)
def test_the_troops_or_arms_sent_are_no_side(run, text):
    targets = {target for _, target in sides(run, text, "AID")}
    assert not any(t and ("troops" in t or "helicopters" in t) for t in targets)


def test_the_one_sent_to_or_helped_stays_the_target(run):
    text = "The Ridge Republic sent troops to help the Togolese army."
    assert ("Ridge Republic", "Togolese army") in sides(run, text, "AID")
    text = "The Ridge Republic supplied the Volta Front with drones."
    assert ("The Ridge Republic", "the Volta Front") in sides(run, text, "AID")
