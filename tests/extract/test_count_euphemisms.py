"""Armies' word for killing: "neutralised" people are the dead; a device neutralised is
no one, and a week's or a campaign's tally stays a total (sentences we wrote)."""

import pytest

pytestmark = pytest.mark.slow


def figures(run, text):
    return sorted((c.kind, c.value) for c in run(text)["counts"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Soldiers beat back the raid on the barracks in Diffa and "neutralised" three '
            "of the attackers, the army said.",
            [("killed", 3)],
        ),
        (
            "The gendarmerie said its men had neutralized two gunmen during the chase near Dori.",
            [("killed", 2)],
        ),
        # no people: a bomb defused
        ("Engineers neutralised two mines on the road to Kidal.", []),
        # a campaign's tally is the war's, no event's
        (
            "Troops have neutralised more than 300 insurgents in Cabo Delgado since "
            "January, the army said.",
            [],
        ),
    ],
)
def test_neutralised_people_are_killed(run, text, expected) -> None:
    assert figures(run, text) == expected
