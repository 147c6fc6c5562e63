"""Counts stated by their result ("left 14 dead", "claimed 23 lives", "12 bodies were
found"), kidnapped and displaced counts, and a toll stated as an update, marked on the
count by extraction (sentences we wrote)."""

import pytest

pytestmark = pytest.mark.slow


def counts(run, text):
    return [(c.kind, c.value, c.qualifier, c.update) for c in run(text)["counts"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number modifying a state word: "left N dead/injured/homeless"
        (
            "The truck bomb left 14 dead and 30 injured near the mosque.",
            [("killed", 14, None, None), ("wounded", 30, None, None)],
        ),
        ("An air strike on the depot left 6 dead.", [("killed", 6, None, None)]),
        ("The storm left 200 homeless in the valley.", [("displaced", 200, None, None)]),
        (
            "The mortar round hit a queue for bread, leaving 11 people dead.",
            [("killed", 11, None, None)],
        ),
        ("Eight recruits were left wounded after the raid.", [("wounded", 8, None, None)]),
        # lives claimed, taken, cost or lost
        ("The ambush claimed 23 lives.", [("killed", 23, None, None)]),
        ("The rocket fire took the lives of 40 farmers.", [("killed", 40, None, None)]),
        (
            "At least 30 people lost their lives in the clashes.",
            [("killed", 30, "at least", None)],
        ),
        # bodies counted are the dead
        ("Volunteers recovered 17 bodies from the ruins.", [("killed", 17, None, None)]),
        ("Twelve bodies were found beside the canal.", [("killed", 12, None, None)]),
        # kidnapped and displaced
        ("Gunmen abducted 20 passengers from a minibus.", [("kidnapped", 20, None, None)]),
        ("The rebels kidnapped 45 pupils from a school.", [("kidnapped", 45, None, None)]),
        ("Fighters seized 12 herders near the river.", [("kidnapped", 12, None, None)]),
        ("More than 500 families fled the district.", [("displaced", 500, "more than", None)]),
        ("The shelling forced 4,000 people to flee.", [("displaced", 4000, None, None)]),
        ("About 2,000 residents were displaced.", [("displaced", 2000, "about", None)]),
    ],
)
def test_counts_stated_by_their_result(run, text, expected):
    assert counts(run, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the people a toll includes are part of it, not another count
        "Nine people were killed; the dead included four children.",
        "Nine people were killed. Among the dead were three women.",
    ],
)
def test_the_dead_included_is_no_second_count(run, text):
    assert [c[:2] for c in counts(run, text)] == [("killed", 9)]


@pytest.mark.parametrize(
    "text",
    [
        "The council claimed 23 seats in the vote.",  # lives only
        "The governing body said 12 trucks were found.",  # a body that is no corpse
        "The army took 40 prisoners of war to the base.",  # no lives taken
    ],
)
def test_result_words_that_count_no_victims(run, text):
    assert counts(run, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The death toll rose to 35.", ("killed", 35, None, "total")),
        ("The toll has climbed to 48, officials said.", ("killed", 48, None, "total")),
        ("The number of dead stood at 12 on Monday.", ("killed", 12, None, "total")),
        ("A second blast hit the camp, bringing the toll to 61.", ("killed", 61, None, "total")),
        (
            "Two more of the wounded died, raising the death toll to 9.",
            ("killed", 9, None, "total"),
        ),
        ("Rescuers pulled five more bodies from the rubble.", ("killed", 5, None, "more")),
        ("Another 12 people died in hospital.", ("killed", 12, None, "more")),
        ("Gunmen killed at least 12 villagers on Saturday.", ("killed", 12, "at least", None)),
    ],
)
def test_a_toll_update_is_marked_on_the_count(run, text, expected):
    assert expected in counts(run, text)


def test_a_risen_price_is_no_toll(run):
    assert counts(run, "Prices rose to 14 dinars a kilo after the market was shelled.") == []
