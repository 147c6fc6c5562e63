"""Victims numbered by an ordinal ("a fifth soldier died"), the wounded who died, and
victims the parse takes for the subject of the reporting clause after them, an ordinal
standing for one more person, and figures an earlier report gave (sentences we wrote)."""

import pytest

pytestmark = pytest.mark.slow


def counts(run, text):
    return [(c.kind, c.value, c.update) for c in run(text)["counts"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ordinal numbers one more victim of a toll: the toll now stands at that figure
        (
            "A fifth soldier wounded in the bombing on Monday died on Saturday, the ministry said.",
            [("killed", 5, "total")],
        ),
        ("A sixth man died of wounds he suffered in the attack.", [("killed", 6, "total")]),
        ("The third victim, a teacher, died in hospital on Friday.", [("killed", 3, "total")]),
        ("A 4th protester was shot dead by police.", [("killed", 4, "total")]),
        # the ordinal numbers the people in the car, not the wounded
        (
            "Two guards were killed when the shell hit their truck. A third guard in the "
            "truck was wounded.",
            [("killed", 2, None), ("wounded", 1, None)],
        ),
        # no ordinal: one victim, no update
        ("A soldier died of his wounds on Friday.", [("killed", 1, None)]),
    ],
)
def test_ordinal_victim_updates_toll(run, text, expected):
    assert counts(run, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people described as wounded whose clause says they died are dead
        ("Three soldiers wounded in the raid died in hospital.", [("killed", 3, None)]),
        # described as wounded, and nothing else befell them
        ("Twenty wounded soldiers were flown to the capital.", [("wounded", 20, None)]),
    ],
)
def test_wounded_who_died_are_killed(run, text, expected):
    assert counts(run, text) == expected


def test_victims_before_reporting_clause(run):
    # the parser makes "civilians" the subject of "said"; they are killed's object
    text = (
        "A military air strike on a school in the northern region on Sunday killed at least "
        "18 civilians who were hiding there, a teacher and a farmer said."
    )
    assert counts(run, text) == [("killed", 18, None)]


def test_reporters_are_no_victims(run):
    assert counts(run, "Seven villagers said the army had left.") == []


def test_a_dying_verb_takes_no_victim_as_object(run):
    # the parse may hang the name after the reporting clause on "died" as its object
    text = (
        "A third guard injured in the ambush at the bridge died on Monday, police said, as "
        "the governor, Amina Yusuf, visited the injured in hospital."
    )
    assert counts(run, text) == [("killed", 3, "total")]


def test_gapped_injured_stay_injured(run):
    text = "Medics said three boys were killed and one farmer injured in the strike."
    assert counts(run, text) == [("killed", 3, None), ("wounded", 1, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ordinal with its noun left out is one more person of those just counted
        (
            "Raiders fired on a checkpoint near the ford, killing two guards and wounding a "
            "third, the ministry said.",
            [("killed", 2, None), ("wounded", 1, None)],
        ),
        (
            "Gunmen shot dead one farmer and injured a second near the well.",
            [("killed", 1, None), ("wounded", 1, None)],
        ),
        # a share of a herd, another act, a third person arrested or saved: none is a victim
        ("The rebels killed a third of the herd and burned two huts.", []),
        (
            "Militants killed four soldiers at the post; a second attack hit the market.",
            [("killed", 4, None)],
        ),
        (
            "The mortar killed three children, and a fourth was pulled alive from the rubble.",
            [("killed", 3, None)],
        ),
    ],
)
def test_an_ordinal_standing_for_one_more_person(run, text, expected):
    assert counts(run, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure an earlier report gave gives way to the story's own
        (
            "Gunmen killed nine people in the raid on the depot. An earlier version of this "
            "story said eight people had died.",
            [("killed", 9, None)],
        ),
        (
            "Shelling killed 23 people at the bus station. Initial reports said 15 were killed.",
            [("killed", 23, None)],
        ),
        # with no figure of its own, the story keeps the only one it has
        (
            "Initial reports said four soldiers were killed in the ambush.",
            [("killed", 4, None)],
        ),
        # an earlier figure of another kind stays: nothing replaced it
        (
            "Gunmen killed nine people in the raid. Earlier reports said 30 were wounded.",
            [("killed", 9, None), ("wounded", 30, None)],
        ),
    ],
)
def test_a_figure_an_earlier_report_gave_is_withdrawn(run, text, expected):
    assert counts(run, text) == expected
