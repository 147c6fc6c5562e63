"""Counts stated through coordinated passives and of people named by citizenship or trade
(sentences written for these tests)."""

import pytest
from tests.extract.test_counts import counts

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A local journalist was shot and killed in the market.", ("killed", 1, None)),
        ("Two guards were beaten and wounded by the crowd.", ("wounded", 2, None)),
        ("The murder of three foreign citizens shocked the capital.", ("killed", 3, None)),
        ("Gunmen kidnapped four Turkish nationals near the mine.", ("kidnapped", 4, None)),
        ("Five settlers were injured when stones hit their car.", ("wounded", 5, None)),
        ("Two pilots died when the helicopter came down.", ("killed", 2, None)),
        # people named by the raid or crime they were out on
        ("Three raiders were shot dead as the herders fought back.", ("killed", 3, None)),
        ("Troops killed six bandits in the forest on Friday.", ("killed", 6, None)),
        ("Two kidnappers were wounded in the rescue.", ("wounded", 2, None)),
    ],
)
def test_count_constructions(run, text, expected):
    assert expected in counts(run, text)


def test_a_passive_coordinated_with_another_subject_is_not_shared(run):
    # "and rebels were killed" has its own subject: the guards were only beaten
    assert ("killed", 2, None) not in counts(run, "Two guards were beaten and rebels were killed.")


def test_arrested_and_released_is_one_arrest(run):
    assert counts(run, "The reporter was arrested and later released.") == [("arrested", 1, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Troops raided the hideout in the valley, leaving two rebel fighters dead.",
        "A military operation in the hills killed five rebels.",
    ],
)
def test_result_and_operation_wording_is_a_violent_act(run, text):
    found = run(text)
    assert any(e.type == "ASSAULT" and e.counts for e in found["events"])


def test_left_homeless_is_no_killing(run):
    found = run("The floods left 200 families homeless.")
    assert not [e for e in found["events"] if e.type == "ASSAULT"]


def counts_by_trigger(run, text):
    return {
        e.trigger.text: sorted((c.kind, c.value) for c in e.counts) for e in run(text)["events"]
    }


def test_an_act_a_day_before_gives_its_toll_to_no_event(run):
    # the bomb a day before only places the ambush in time; the ambush has its own toll,
    # so the five are the bomb's, told on their own (extract.totals.measured_landmark)
    got = counts_by_trigger(
        run,
        "Gunmen killed two soldiers in an ambush that came a day after a roadside bomb "
        "wounded five police officers.",
    )
    assert got["killed"] == [("killed", 2)]
    assert got.get("wounded", []) == []


def test_a_contrasted_act_keeps_its_own_count(run):
    got = counts_by_trigger(
        run, "A drone strike killed four fighters, while shelling wounded six civilians."
    )
    # the strike and the verb it is the subject of are one act (extract.subject_acts)
    assert got["strike"] == [("killed", 4)]
    assert got["wounded"] == [("wounded", 6)]


def test_tolls_of_an_act_and_the_earlier_one_it_followed_are_not_summed(run):
    got = counts_by_trigger(
        run, "The raid, which killed nine people, followed a bombing in May that left 20 dead."
    )
    assert got["raid"] == [("killed", 9)]
    assert got["bombing"] == [("killed", 20)]


def test_victims_of_the_act_told_in_a_when_clause(run):
    got = counts_by_trigger(run, "Five villagers were killed when gunmen attacked the market.")
    assert got["attacked"] == [("killed", 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb of killing or wounding says its victims are people, whatever word the
        # story names them with (words the people list does not hold)
        ("Police said they had killed four dacoits in the riverine forest.", ("killed", 4)),
        ("Rangers killed two armed trappers inside the reserve.", ("killed", 2)),
        ("Three picketers were wounded when the guards opened fire.", ("wounded", 3)),
        ("The militia executed five informers in the square.", ("executed", 5)),
    ],
)
def test_the_victims_of_a_casualty_verb_are_people(run, text, expected):
    assert expected in [(k, v) for k, v, _q in counts(run, text)]


@pytest.mark.parametrize(
    "text",
    [
        # animals are killed too, and "shot down" takes things
        "Raiders killed 40 camels at the wells near the border.",
        "Air defences shot down 12 drones over the port overnight.",
        # no verb of killing: the noun is not said to be people
        "The gang stole nine trucks and burned two warehouses.",
        # a side's own label in quotation marks is its claim, not the story's word
        'The group said its fighters had killed seven "infidels" at the checkpoint.',
    ],
)
def test_a_casualty_verb_of_animals_or_things_counts_no_people(run, text):
    assert [c for c in counts(run, text) if c[0] in ("killed", "wounded")] == []
