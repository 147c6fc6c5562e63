"""People a named body owns, in the role of an event or relation (issue 13, items 3 and 4),
on sentences we wrote: "officers of X", "X-led gunmen", "the juntas of A and B", a dateline
of several words before the doer, and backing charged as sheltering or harbouring."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def events(run, text, kind="ASSAULT"):
    return {
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in run(text)["events"]
        if e.type == kind
    }


def relations(run, text):
    return {
        (r.type, r.source.text, r.target.text, r.modality, r.negated)
        for r in run(text)["relations"]
    }


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Officers of the Coastal Guard opened fire on the protesters.", "the Coastal Guard"),
        ("Gunmen from the Red Hill Front ambushed a convoy.", "the Red Hill Front"),
        ("Veltran-led gunmen stormed the prison on Friday.", "Veltran"),
    ],
)
def test_people_of_a_named_body_are_the_body(run, text, doer):
    assert any(src == doer for src, _ in events(run, text))


def test_police_of_a_mission_named_by_its_modifiers(run):
    text = (
        "The Harbour Police, backed by foreign police of the Joint Stability Support mission, "
        "clashed with the gangs."
    )
    backers = {src for src, _ in events(run, text, "SUPPORT")}
    assert "Joint Stability Support" in backers


def test_people_of_a_town_stay_people(run):
    assert all(
        src != "Goma" for src, _ in events(run, "Police from Goma arrested two men.", "COERCE")
    )


def test_coordinated_names_after_a_plural_noun_each_fill_the_role(run):
    got = events(run, "Ostland formed an alliance with the juntas of Mali and Chad.", "COOPERATE")
    assert {tgt for _, tgt in got} >= {"Mali", "Chad"}


@pytest.mark.parametrize(
    "dateline", ["BAHIR DAR, Ethiopia (Wire) --", "PORT-AU-PRINCE, Haiti (Wire) --"]
)
def test_a_dateline_of_several_words_is_no_doer(run, dateline):
    text = f"{dateline} Fighters of the Red Hill Front attacked an army post on Tuesday."
    assert ("the Red Hill Front", "army") in events(run, text)


@pytest.mark.parametrize(
    ("text", "modality", "negated"),
    [
        ("Officials accused Veltran of sheltering the Red Hill Front.", "alleged", False),
        ("Ostland, which harbours the Red Hill Front, called for talks.", "asserted", False),
        ("Ostland has denied sheltering the Red Hill Front.", "denied", True),
    ],
)
def test_giving_an_armed_group_a_haven_is_backing_it(run, text, modality, negated):
    got = {(src, tgt, m, n) for t, src, tgt, m, n in relations(run, text) if t == "support"}
    holder = "Veltran" if "Veltran" in text else "Ostland"
    assert (holder, "the Red Hill Front", modality, negated) in got


@pytest.mark.parametrize(
    ("text", "taken_from"),
    [
        (
            "Army units recaptured the river port from the Red Hill Front on Monday.",
            "the Red Hill Front",
        ),
        ("The Red Hill Front took control of the airport from the army.", "army"),
    ],
)
def test_ground_taken_from_a_side_makes_that_side_the_target(run, text, taken_from):
    assert any(tgt == taken_from for _, tgt in events(run, text))


def test_joining_forces_with_a_group_is_cooperation_with_it(run):
    text = "The Red Hill Front has joined forces with the Blue River Brigade."
    assert ("The Red Hill Front", "the Blue River Brigade") in events(run, text, "COOPERATE")


def test_an_acronym_before_a_noun_of_armed_people_is_their_body(run):
    text = (
        "The Ogaden Liberation Front signed a deal in 2018. "
        "OLF fighters have since helped the army hunt the militants."
    )
    got = run(text)
    assert any(e.source is not None and e.source.text == "OLF" for e in got["events"])
    assert not any(m.span.text == "OLF fighters" for m in got["mentions"])


@pytest.mark.parametrize(
    "text",
    [
        "The Red Hill Front relies on Ostland for weapons.",
        "The Red Hill Front has received drones from Ostland.",
    ],
)
def test_support_received_from_a_giver(run, text):
    got = relations(run, text)
    assert ("support", "Ostland", "The Red Hill Front", "asserted", False) in got
