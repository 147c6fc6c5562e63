"""A state institution written with its country's possessive or demonym is one mention
(sentences written for these tests)."""

import pytest

pytestmark = pytest.mark.slow


def bodies(run, text):
    return [(m.span.text, m.normalized) for m in run(text)["mentions"] if m.label == "ORG"]


def test_a_countrys_possessive_and_its_ministry_are_one_mention(run, run_without_kb):
    for runner in (run, run_without_kb):
        got = bodies(runner, "Kenya's defence ministry said the patrol had been ambushed.")
        assert got == [("Kenya's defence ministry", "defence ministry")]
        got = bodies(runner, "Ghana's Foreign Office summoned the envoy on Monday.")
        assert got == [("Ghana's Foreign Office", "Foreign Office")]


def test_a_demonym_and_its_ministry_are_one_mention(run):
    got = run("The Ghanaian interior ministry said two officers were hurt.")["mentions"]
    assert ("Ghanaian interior ministry", "GHA") in [(m.span.text, m.affiliation) for m in got]


def test_two_countries_ministries_stay_two(run):
    text = ("Kenya's defence ministry blamed the rebels. Uganda's defence ministry said its "
            "troops had not crossed the border.")  # fmt: skip
    got = run(text)["mentions"]
    ministries = [m for m in got if "ministry" in m.span.text]
    assert [m.affiliation for m in ministries] == ["KEN", "UGA"]
    assert ministries[0].group != ministries[1].group


def test_officials_of_a_ministry_are_no_ministry(run):
    # "defence ministry officials": a noun after the name, people of the ministry
    got = run("Kenyan defence ministry officials met the envoy.")["mentions"]
    assert all(m.span.text != "Kenyan defence ministry" for m in got)


def test_a_countrys_own_named_body_keeps_its_name_and_the_state_its_army(run):
    got = [m.span.text for m in run("Kenya's army shelled the camp.")["mentions"]]
    assert got == ["Kenya's army"]
    got = bodies(run, "Ghana's Kestrel Energy Company said the pipeline was safe.")
    assert ("Ghana's Kestrel Energy Company", "Kestrel Energy Company") not in got
