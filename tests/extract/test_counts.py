import pytest

pytestmark = pytest.mark.slow


def counts(run, text):
    return [(c.kind, c.value, c.qualifier) for c in run(text)["counts"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 150 people have been killed, the UN said.", ("killed", 150, "more than")),
        ("At least 40 migrants died in the strike.", ("killed", 40, "at least")),
        ("Nearly 600 people were wounded.", ("wounded", 600, "nearly")),
        ("The clashes displaced 13,600 people.", ("displaced", 13600, None)),
        ("Dozens of civilians were kidnapped.", ("kidnapped", 12, "word")),
        ("Hundreds of people fled the city.", ("displaced", 100, "word")),
        ("A dozen people were arrested.", ("arrested", 12, None)),
        ("Three journalists are missing.", ("missing", 3, None)),
        ("Militants executed five soldiers.", ("executed", 5, None)),
        ("The death toll rose to 57.", ("killed", 57, None)),
        ("Shelling killed a family of five in the old town.", ("killed", 5, None)),
        # a tens word joined to a unit by a hyphen is one number: "Forty-two", "twenty-one"
        ("Forty-two villagers were killed overnight.", ("killed", 42, None)),
        ("The raid wounded twenty-one recruits.", ("wounded", 21, None)),
        ("At least thirty-five guards were wounded.", ("wounded", 35, "at least")),
    ],
)
def test_count_forms(run, text, expected):
    assert expected in counts(run, text)


@pytest.mark.parametrize(
    "text",
    [
        "Haftar, 73, launched an offensive on Tripoli.",
        "In 2019 the rebels seized 20 vehicles.",
        "The fighters were paid $5 million.",
        "40 percent of residents were killed.",
        "Ten tanks were destroyed.",
        "The minister has a family of three children.",
    ],
)
def test_not_counts(run, text):
    assert counts(run, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A border guard was killed in the ambush.", [("killed", 1)]),
        ("Gunmen shot dead a shopkeeper in the market.", [("killed", 1)]),
        ("The blast left the driver dead.", [("killed", 1)]),
        ("Militants killed a teacher, a nurse, and a farmer.", [("killed", 1)] * 3),
        ("The raid ended with soldiers killing 3 of them.", [("killed", 3)]),
        ("Four gunmen killed the mayor.", [("killed", 1)]),
        ("Three US servicemen were killed by a roadside bomb.", [("killed", 3)]),
        ("Troops killed three ethnic Albanians in a gunbattle.", [("killed", 3)]),
        ("A total of eighteen Islamists were killed in the two operations.", [("killed", 18)]),
        ("The group claimed the murder of two employees of the paper.", [("killed", 2)]),
        ("Two guards were found dead near the gate.", [("killed", 2)]),
        (
            "A police officer was killed and two conscripts injured.",
            [("killed", 1), ("wounded", 2)],
        ),
        ("Thirteen thousand people were displaced by the fighting.", [("displaced", 13000)]),
        ("Ortiz reported that 630 people were killed in the clashes.", [("killed", 630)]),
        # since last July: a running total, a statistic (tests/extract/test_totals.py)
        ("At least eight leaders have been killed since last July.", []),
        (
            "More than 150 people have been killed since the siege began on April 4.",
            [("killed", 150)],
        ),
        ("Militants shot a civilian, resulting in his death.", [("killed", 1)]),
        ("Unidentified gunmen kill police officer.", [("killed", 1)]),
        ("His killing of five protesters was condemned.", [("killed", 5)]),
    ],
)
def test_victims_without_and_with_numbers(run, text, expected):
    assert sorted((k, v) for k, v, _ in counts(run, text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen tried to kill a judge on Monday.",
        "Two militants were killed, injured or captured in the operation.",
        "The rebels threatened to kill 20 hostages.",
        "No civilians were killed.",
        "Nearly 13,000 people have been killed by the insurgents since 1980.",
        "1,775 people have been killed over the past 12 months.",
        "Nearly 9,000 people have been killed since the insurgency began in 1980.",
        "Some 1600 villagers were murdered during the last quarter of 1989.",
    ],
)
def test_attempts_threats_denials_and_running_totals_are_not_counts(run, text):
    assert [c for c in counts(run, text) if c[0] == "killed"] == []


def test_part_of_a_count_is_not_counted_again(run):
    got = counts(run, "Twelve people were wounded, including an imam.")
    assert got == [("wounded", 12, None)]
    got = counts(run, "Autopsies showed 2 of the 14 fishermen killed were Colombians.")
    assert ("killed", 2, None) not in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people named by the work they do near the fighting are people counted
        ("Mortar fire on the depot killed 9 porters and wounded 22.", ("killed", 9, None)),
        ("Three park rangers were killed when their truck hit a mine.", ("killed", 3, None)),
        ("Eleven militia auxiliaries died in the raid on the post.", ("killed", 11, None)),
        ("The blast wounded two deminers clearing the road.", ("wounded", 2, None)),
    ],
)
def test_people_named_by_their_work_are_counted(run, text, expected):
    assert expected in counts(run, text)


def test_things_named_like_workers_are_still_not_counted(run):
    # the new words name people; the vehicles and weapons beside them stay uncounted
    assert counts(run, "Drones destroyed 14 trucks and two couriers' motorbikes.") == []
