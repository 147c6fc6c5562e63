"""A whole conflict named at its beginning is background to the article: it takes no
toll and is no incident, though its sides still fight each other
(extract.totals.conflict_onset; sentences we wrote)."""

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "The war between the army and the rebels began in April 2023.",
        "The insurgency erupted in the north in 2017.",
        "Life in the valley changed after the outbreak of the civil war.",
    ],
)
def test_conflict_at_its_beginning_is_background(run, text):
    for event in run(text)["events"]:
        assert "background" in event.qualifiers and "embedded" in event.qualifiers
        assert event.counts == ()


def test_its_sides_are_kept(run):
    (war,) = run("The war between the army and the rebels began in April 2023.")["events"]
    assert (war.source.text, war.target.text) == ("army", "rebels")


def test_a_toll_after_it_is_the_conflicts_total(run):
    found = run(
        "The war between the army and the rebels began in 2023. "
        "It has killed tens of thousands of people."
    )
    assert all(e.counts == () for e in found["events"])
    assert [(s.counted, s.value) for s in found["statistics"]] == [("killed", 10)]


def test_an_act_beside_the_onset_stays(run):
    found = run("Rebels shelled the port on Monday, a year after the war began.")
    assert [e.trigger.text for e in found["events"] if "background" not in e.qualifiers] == [
        "shelled"
    ]


def test_clashes_breaking_out_are_an_incident(run):
    (clashes,) = run("Clashes broke out between the army and the rebels on Monday.")["events"]
    assert "background" not in clashes.qualifiers


def test_it_after_an_incident_is_the_incident(run):
    found = run("The convoy was hit on Monday. It killed four people.")
    assert list(found["statistics"]) == []
    assert [(c.kind, c.value) for c in found["counts"]] == [("killed", 4)]
