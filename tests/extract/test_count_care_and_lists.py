"""People told as still in hospital are the wounded, and one more person closing a list of
people counted by a number is counted (sentences we wrote, several wars)."""

import pytest

pytestmark = pytest.mark.slow


def counts(run, text):
    return [(c.kind, c.value) for c in run(text)["counts"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a toll update, the people still kept in a hospital are its wounded
        ("Three more villagers died overnight. Four other people remain in hospital.",
         [("killed", 3), ("wounded", 4)]),
        ("Two people are still in hospital in Goma, the health office said.", [("wounded", 2)]),
        ("One constable is still at the district clinic.", [("wounded", 1)]),
        ("Nine recruits stayed in the military hospital at Gao.", [("wounded", 9)]),
    ],
)  # fmt: skip
def test_people_kept_in_a_hospital_are_the_wounded(run, text, expected):
    assert counts(run, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Two doctors are still at the clinic in Bunia.",  # its staff, not its patients
        "Three soldiers remain in the unit near the border.",  # their army's unit
        "Twelve prisoners remain in the jail at Maiduguri.",  # no care place
        "Five families are still in the camp outside Kidal.",
    ],
)
def test_people_elsewhere_or_the_staff_of_a_hospital_are_no_wounded(run, text):
    assert counts(run, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun our word list lacks, closing a list that counts people, is a person
        ("Raiders stormed a farm near Kotido, killing three herders and a cook.",
         [("killed", 3), ("killed", 1)]),
        ("The mine killed two deminers and an interpreter on the road to Mopti.",
         [("killed", 2), ("killed", 1)]),
        ("Gunmen wounded four pilgrims and a caretaker at the shrine in Herat.",
         [("wounded", 4), ("wounded", 1)]),
    ],
)  # fmt: skip
def test_one_more_person_closing_a_list_of_people_is_counted(run, text, expected):
    assert counts(run, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The militia burned two trucks and a tractor near Bor.",  # a list of things
        "Gunmen killed the guards and a dog at the depot.",  # no number: nothing counted
    ],
)
def test_a_list_of_things_or_without_a_number_counts_nobody_more(run, text):
    assert ("killed", 1) not in counts(run, text)


def test_an_act_closing_the_list_is_no_person(run):
    # "the wounding" closes the list of the killed: an act, not a third victim
    text = (
        "The fighting ended with the killing of 2 members of the border guard and "
        "1 member of the militia and the wounding of 4 other men."
    )
    killed = [value for kind, value in counts(run, text) if kind == "killed"]
    assert sorted(killed) == [1, 2]


def test_people_in_hospital_since_the_war_began_are_a_total(run):
    records = run("More than 300 people have been in hospital since the war began in April.")
    assert not records["counts"]
    assert [(s.counted, s.value) for s in records["statistics"]] == [("wounded", 300)]


def test_a_disputed_figure_in_hospital_gives_way_to_the_undisputed_one(run):
    text = (
        "The rebels said 40 soldiers were still in hospital in Bamenda, a figure the army "
        "did not confirm. Two soldiers are still in hospital, the army said."
    )
    assert counts(run, text) == [("wounded", 2)]


def test_a_list_closing_the_toll_of_another_act_named_to_place_this_one_is_its_own(run):
    text = (
        "Gunmen killed two guards at the depot on Friday, a week after an air strike "
        "killed 20 villagers and a cook."
    )
    assert counts(run, text) == [("killed", 2)]


@pytest.mark.parametrize(
    "text",
    [
        # "of whom" takes its people from the count before it: a part, no count of its own
        "Eleven people were wounded in the mortar fire, four of whom are still being treated.",
        "The bomb wounded 23 shoppers, five of whom remain in intensive care.",
    ],
)
def test_a_part_told_with_of_whom_is_no_count_of_its_own(run, text):
    assert [(k, v) for k, v in counts(run, text) if k == "wounded"] in (
        [("wounded", 11)],
        [("wounded", 23)],
    )


def test_a_part_of_whom_of_another_kind_is_counted(run):
    # the wounded who died are dead: a figure of another kind than the count they part
    found = counts(run, "Eight miners were wounded in the blast, two of whom died later.")
    assert ("killed", 2) in found
