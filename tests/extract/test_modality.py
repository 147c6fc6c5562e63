"""Polarity, modality and attribution read at an event trigger."""

import pytest

pytestmark = pytest.mark.slow


def event(run, text, etype):
    return next(e for e in run(text)["events"] if e.type == etype)


@pytest.mark.parametrize(
    ("text", "modality", "negated"),
    [
        ("Iran did not back Bashir.", "negated", True),
        ("Iran did not back Bashir as openly as Qatar did.", "asserted", False),
        ("Qatar could possibly back Bashir.", "hypothetical", False),
        ("Qatar plans to back Bashir.", "future", False),
        ("Qatar reportedly backed Bashir.", "reported", False),
        ("Qatar is said to back Bashir.", "reported", False),
        ("Qatar has rejected claims that it backs Bashir.", "denied", True),
        ("Qatar denied backing Bashir.", "denied", True),
    ],
)
def test_support_event_modality(run, text, modality, negated):
    ev = event(run, text, "SUPPORT")
    assert (ev.modality, ev.negated) == (modality, negated)


def test_refraining_is_not_doing(run):
    ev = event(run, "Bashir refrained from attacking Khartoum.", "ASSAULT")
    assert ev.negated


def test_no_casualties_from_an_attack_do_not_negate_the_attack(run):
    ev = event(run, "There were no casualties from the attack by Qatar on Bashir.", "ASSAULT")
    assert not ev.negated


def test_passive_speech_subject_is_not_the_speaker(run):
    ev = event(run, "Qatar is said to back Bashir.", "SUPPORT")
    assert ev.attributed_to is None


def test_active_speech_subject_is_the_speaker(run):
    ev = event(run, "Omar said that Qatar backed Bashir.", "SUPPORT")
    assert ev.attributed_to is not None and ev.attributed_to.text == "Omar"


def test_a_coordinated_clause_with_its_own_subject_keeps_its_own_modality(run):
    ev = event(run, "Moscow denied the report, and Qatar backed Bashir.", "SUPPORT")
    assert (ev.modality, ev.negated) == ("asserted", False)


def test_a_coordinated_verb_without_a_subject_shares_the_negation(run):
    ev = event(run, "Qatar did not back Bashir or send him weapons.", "AID")
    assert ev.negated


def test_a_when_clause_with_its_own_subject_is_outside_the_negation(run):
    found = run("The soldiers did not intervene when the mob burned the shops.")
    burned = next(e for e in found["events"] if e.lemma == "burn")
    assert not burned.negated


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Gunmen stormed the barracks on Monday. No one has claimed the attack.", "asserted"),
        ("Gunmen stormed the barracks. Nobody has yet claimed the assault.", "asserted"),
        ("Gunmen stormed the barracks. The militia has not claimed the attack.", "asserted"),
        ("Gunmen stormed the barracks. The militia claimed the attack.", "alleged"),
    ],
)
def test_a_claim_of_responsibility_nobody_made_is_no_allegation(run, text, modality):
    events = [e for e in run(text)["events"] if e.trigger.text in ("attack", "assault")]
    assert events and all((e.modality, e.negated) == (modality, False) for e in events)
