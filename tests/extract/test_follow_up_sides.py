"""The sides of acts a story tells beside its lead (issue 13): a body's members as the
doer, the people a bare participle says were wounded before they died, and an act a
relative clause tells of its antecedent. One construction per test, on sentences we
wrote, with the readings each rule must refuse."""

from __future__ import annotations

import pytest

slow = pytest.mark.slow


def _sides(run, text: str) -> dict[str, tuple[str | None, str | None]]:
    """Trigger -> (doer, target) of the violent events."""
    return {
        e.trigger.text: (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in run(text)["events"]
        if e.type == "ASSAULT"
    }


@slow
@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        # a gang named after a word a gazetteer also holds as a place
        (
            "Members of the Kalo gang attacked a bus near Tarno on Monday, killing four "
            "passengers.",
            "attacked",
            "Kalo gang",
        ),
        (
            "Police said members of the Kalo gang stormed a market in Tarno on Sunday.",
            "stormed",
            "Kalo gang",
        ),
        # a militia named after its town is still the militia
        (
            "Fighters of the Mosul brigade shelled a village north of the city on Friday.",
            "shelled",
            "Mosul brigade",
        ),
    ],
)
def test_members_of_a_named_body_are_the_body(run, text, trigger, doer):
    assert _sides(run, text)[trigger][0] == doer


@slow
def test_members_of_a_name_tagged_a_place_here_and_a_body_elsewhere(run):
    """ "blamed members of X", X read as a place there and as a group later: X was blamed,
    and X is the alleged doer of the raid the blame reaches back to."""
    text = (
        "Gunmen killed nine villagers in a raid on a village on Saturday, police said. The "
        "police spokesman blamed members of Boroma, an armed group that has spread along "
        "the border. A spokesman for Boroma denied the charge."
    )
    found = run(text)["events"]
    blame = next(e for e in found if e.trigger.text == "blamed")
    assert blame.target is not None and blame.target.text == "Boroma"
    raid = next(e for e in found if e.trigger.text == "killed")
    assert raid.source is not None and raid.source.text == "Boroma"
    assert "source_alleged" in raid.qualifiers


@slow
def test_members_of_a_place_are_no_body(run):
    """Refusal: a name written only as a place stays a place ("members of X" here and
    nowhere a group)."""
    text = (
        "Gunmen killed nine villagers in a raid on a village on Saturday, police said. The "
        "police spokesman blamed members of Mabanga."
    )
    blame = next(e for e in run(text)["events"] if e.trigger.text == "blamed")
    assert blame.target is None


@slow
@pytest.mark.parametrize(
    "text",
    [
        "Members of two rival Sotho armed groups exchanged fire in a camp near Tarno.",
        "The clashes pitted army units against members of Kuri clans near the border.",
    ],
)
def test_members_of_plural_groups_named_by_a_kind_are_no_body(run, text):
    """Refusal: a people's or a creed's word on a plural group noun names a kind of
    group, not one body."""
    found = run(text)["events"]
    assert all(e.source is None or e.source.text not in ("Sotho", "Kuri") for e in found)
    assert all(e.target is None or e.target.text not in ("Sotho", "Kuri") for e in found)


@slow
def test_people_of_a_named_station_are_not_its_place(run):
    """Refusal: a station is no body; its name stays a place, no side."""
    found = run("Officers of the Goma station arrested two men on Monday.")["events"]
    assert all(e.source is None or "Goma" not in e.source.text for e in found)


@slow
@pytest.mark.parametrize(
    ("text", "victims"),
    [
        (
            "Two of the people wounded when a jet bombed a village outside Kalema last "
            "Thursday have died in hospital, village elders said.",
            "people",
        ),
        (
            "Four of the passengers injured when gunmen ambushed their bus near Tarno on "
            "Sunday died in hospital.",
            "passengers",
        ),
    ],
)
def test_the_wounded_who_died_are_the_victims_not_the_doers(run, text, victims):
    sides = _sides(run, text)
    wounding = next(v for k, v in sides.items() if k in ("wounded", "injured"))
    assert wounding[1] == victims
    assert all(doer != victims for doer, _ in sides.values())


@slow
def test_a_wounding_with_its_object_keeps_its_doer(run):
    """Refusal: an active verb of wounding with an object was done by its subject."""
    sides = _sides(run, "Rebels wounded three soldiers near Tarno on Monday, the army said.")
    assert sides["wounded"] == ("Rebels", "soldiers")


@slow
def test_an_act_told_of_a_relative_clause_antecedent_takes_no_other_doer(run):
    """ "the commander who led the raid" did the raid, not the army that captured him."""
    sides = _sides(run, "The army said it had captured the commander who led the raid on Mafa.")
    assert sides["raid"][0] is None


@slow
def test_an_act_with_no_relative_gap_still_takes_the_sentence_doer(run):
    """Refusal: "killed after militants shot him" -- the militants did the killing."""
    sides = _sides(run, "A policeman was killed after militants shot him in Tarno on Friday.")
    assert sides["killed"][0] == "militants"


@slow
def test_a_force_led_by_a_person_stays_his(run):
    """Refusal: only "members of X" is read with no group mention of its own; "a force
    led by X" keeps its reading as X's force, and the alliance it makes is X's."""
    text = (
        "The port was held by the Harbour Guard, a force led by Ivo Maran that had recently "
        "aligned itself with the National Council in Tarno."
    )
    relations = run(text)["relations"]
    assert any(r.type == "ally" and r.source.text == "Ivo Maran" for r in relations)
