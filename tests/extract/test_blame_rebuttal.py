"""Modality of blame and a rebutted backing event (issue 13): an act laid at someone's
door is alleged; a SUPPORT or AID event rebutted where it is told, or right after, is
denied by the same rebuttals that make the relation contested. Sentences we wrote."""

import pytest

pytestmark = pytest.mark.slow


def _acts(run, text, types=("ASSAULT",)):
    return [e for e in run(text)["events"] if e.type in types]


@pytest.mark.parametrize(
    "text",
    [
        # a participle of blame on the act's noun
        "A bombing blamed on the Ogaden Front killed four traders near Jijiga.",
        # a relative clause of blame on the act's noun
        "The ambush, which the governor blamed on the Ogaden Front, killed four guards.",
        # the act under a passive blame verb
        "The Ogaden Front was blamed for an attack on police in Jijiga that killed four officers.",
        # the act as object of an active blame verb
        "The governor blamed an attack on police in Jijiga on the Ogaden Front.",
    ],
)
def test_an_act_laid_at_someones_door_is_alleged(run, text):
    acts = [e for e in _acts(run, text) if e.trigger.text in ("bombing", "ambush", "attack")]
    assert acts and all(e.modality == "alleged" for e in acts)


def test_an_act_told_without_blame_stays_asserted(run):
    acts = _acts(run, "The Ogaden Front bombed the bus depot in Jijiga on Monday.")
    assert acts and all(e.modality == "asserted" for e in acts)


def test_blame_denied_leaves_the_act_as_told(run):
    # "not blamed on": nobody lays it at anyone's door; the act itself stands
    text = "The bombing, which police have not blamed on any group, killed four traders."
    acts = [e for e in _acts(run, text) if e.trigger.text == "bombing"]
    assert acts and all(e.modality != "alleged" for e in acts)


def _backing(run, text):
    return [e for e in run(text)["events"] if e.type in ("SUPPORT", "AID") and e.target]


@pytest.mark.parametrize(
    ("text", "denier"),
    [
        # a relative clause of the giver rebutting the backing
        ("Eritrea, which denies it, sent weapons to the Fano militia last year.", "Eritrea"),
        # a claim noun after a comma that the giver rejects
        ("Eritrea sent weapons to the Fano militia, a claim Asmara rejects.", "Asmara"),
        # the next sentence of the paragraph, opened by the giver's rebuttal
        ("Eritrea sent weapons to the Fano militia. Eritrea denies the charge.", "Eritrea"),
    ],
)
def test_a_rebutted_backing_event_is_denied_by_the_rebutter(run, text, denier):
    got = _backing(run, text)
    assert got and all(e.negated and e.modality == "denied" for e in got)
    assert all(e.attributed_to is not None and e.attributed_to.text == denier for e in got)


def test_a_backing_event_and_its_relation_share_the_rebuttal(run):
    # the relation is contested by the same rebuttal that denies the event
    records = run("Eritrea sent weapons to the Fano militia, a claim Asmara rejects.")
    relations = {(r.source.text, r.modality) for r in records["relations"] if r.type == "support"}
    assert ("Eritrea", "denied") in relations
    events = [e for e in records["events"] if e.type in ("SUPPORT", "AID") and e.target]
    assert events and all(e.modality == "denied" for e in events)


def test_a_rebuttal_of_something_else_leaves_the_backing(run):
    # the next sentence rebuts, but a third party, not the giver or the receiver
    got = _backing(run, "Eritrea sent weapons to the Fano militia. Kenya denies the charge.")
    assert got and not any(e.negated for e in got)
    # a relative clause whose denial has its own object is no rebuttal
    got = _backing(
        run, "Eritrea, which denies visas to reporters, sent weapons to the Fano militia."
    )
    assert got and not any(e.negated for e in got)
