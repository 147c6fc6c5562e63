"""Those who died in an act were hit by it (issue 13): "three soldiers died in the ambush"
gives the ambush its target, as "were killed in" already did. Sentences we wrote."""

import pytest

pytestmark = pytest.mark.slow


def _targets(run, text):
    return [
        e.target.text for e in run(text)["events"] if e.type == "ASSAULT" and e.target is not None
    ]


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("Three soldiers died in the ambush on Tuesday near Kidal.", "soldiers"),
        ("Two soldiers perished in the raid on the camp near Maiduguri.", "soldiers"),
        ("Four villagers died in the shelling of Sake on Monday.", "villagers"),
        ("Five policemen died in an attack near Wajir, officials said.", "policemen"),
    ],
)
def test_the_dead_of_an_act_are_its_target(run, text, hit):
    assert hit in _targets(run, text)


def test_a_named_target_of_the_act_is_kept(run):
    # the act names who it was aimed at; the dead do not replace it
    text = "Two bystanders died in the attack on the Sudanese Armed Forces base near El Obeid."
    assert any("Sudanese Armed Forces" in t for t in _targets(run, text))


def test_dying_of_something_else_names_no_target(run):
    # "in hospital" is no act
    text = "A wounded fighter died in hospital in Goma on Friday."
    assert "fighter" not in _targets(run, text)
