"""A running toll named by a participle ("bringing the number killed to 12"), a toll put at
a state ("bringing the toll to 10 dead"), people listed after the number that counts them
("Nine people died: seven guards and the cook"), "martyred", and people under
treatment ("Nineteen more are still being treated") or carried to care ("were taken to
hospital") (sentences we wrote)."""

import pytest

pytestmark = pytest.mark.slow


def counts(run, text):
    return [(c.kind, c.value, c.update) for c in run(text)["counts"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two of the guards hurt in Friday's raid died in hospital, bringing the number "
            "killed to 9, doctors said.",
            [("killed", 2, None), ("killed", 9, "total")],
        ),
        (
            "One more patient died on Monday, bringing the number of civilians killed to 15.",
            [("killed", 1, None), ("killed", 15, "total")],
        ),
        (
            "Another fighter died of his wounds, raising the number wounded to 30.",
            [("killed", 1, None), ("wounded", 30, "total")],
        ),
        (
            "Two more wounded men died, bringing the toll to 8 dead.",
            [("killed", 2, None), ("killed", 8, "total")],
        ),
        # the plain forms are read as before
        ("The death toll from the mortar attack rose to 14.", [("killed", 14, "total")]),
    ],
)
def test_a_toll_named_by_a_participle_or_put_at_a_state(run, text, expected):
    assert counts(run, text) == expected


def test_the_toll_it_is_put_at_is_the_sentence_figure(run):
    """The victims who died last are part of the toll the sentence reaches, not added to it."""
    events = run("Two more wounded men died, bringing the toll to 8 dead after the raid.")["events"]
    assert {c.value for e in events for c in e.counts if c.kind == "killed"} == {8}


def test_a_participle_on_another_noun_puts_no_toll(run):
    """ "took the men killed in the ambush to the morgue": no toll noun, no running toll."""
    found = counts(run, "The convoy took the men killed in the ambush to the morgue.")
    assert all(update is None for _kind, _value, update in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nine people died in the bombing: seven guards of the depot and the cook of "
            "the unit, Ali Baba, 40.",
            [("killed", 9, None)],
        ),
        (
            "Two soldiers, a sergeant and a private, were killed in the ambush.",
            [("killed", 2, None)],
        ),
        # two groups with verbs of their own stay two counts
        (
            "Rebels killed three civilians and wounded four soldiers.",
            [("killed", 3, None), ("wounded", 4, None)],
        ),
    ],
)
def test_people_listed_after_their_number_are_part_of_it(run, text, expected):
    assert counts(run, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three policemen were martyred in the attack.", [("killed", 3, None)]),
        (
            "A farmer was martyred and two other villagers were injured when troops fired "
            "across the line.",
            [("killed", 1, None), ("wounded", 2, None)],
        ),
        # a name with the word counts nobody
        ("The Al-Aqsa Martyrs Brigades claimed the attack on the settlement.", []),
    ],
)
def test_martyred_is_killed(run, text, expected):
    assert counts(run, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nineteen more are still being treated, six of them children.", [("wounded", 19, None)]),
        ("Twelve villagers were treated for burns after the blast.", [("wounded", 12, None)]),
        ("Six soldiers were treated in hospital.", [("wounded", 6, None)]),
        # treated otherwise says nothing of wounds
        ("The 12 prisoners were treated well, the rebels said.", []),
    ],
)
def test_people_under_treatment_are_the_wounded(run, text, expected):
    assert counts(run, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Medics said 14 people had been taken to clinics in the hills.", [("wounded", 14, None)]),
        ("Eight porters were rushed to hospital after the mine went off.", [("wounded", 8, None)]),
        ("Three guards were admitted to the military hospital.", [("wounded", 3, None)]),
        # bodies carried to a hospital are the dead's; people taken elsewhere are nothing
        ("Nine bodies were taken to the hospital morgue.", [("killed", 9, None)]),
        ("The 30 detainees were taken to a camp near the river.", []),
    ],
)
def test_people_carried_to_care_are_the_wounded(run, text, expected):
    assert counts(run, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Constable Ram Lal and Constable Abdul Aziz are being treated in the capital, "
            "doctors said.",
            [("wounded", 1, None), ("wounded", 1, None)],
        ),
        (
            "Sergeant Tomas Berri, 27, was killed when the patrol was ambushed.",
            [("killed", 1, None)],
        ),
        # a title before a place or a body is no person
        ("The Police Headquarters was attacked on Monday.", []),
    ],
)
def test_a_name_after_a_title_is_one_person(run, text, expected):
    assert counts(run, text) == expected
