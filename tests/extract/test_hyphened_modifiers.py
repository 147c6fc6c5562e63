"""An event noun hyphened to a participle or adjective ("war-torn") describes the noun
after it and tells no event (sentences we wrote)."""

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Doctors left the war-torn province last year.",
        "Food reached the conflict-affected villages.",
    ],
)
def test_hyphened_modifier_is_no_event(run, text):
    assert [e.type for e in run(text)["events"] if e.type == "ASSAULT"] == []


def test_the_toll_stays_with_the_act(run):
    found = run("Two farmers were killed in shelling of the war-torn district.")
    assert [e.trigger.text for e in found["events"]] == ["killed"]


def test_a_hyphened_event_noun_is_still_read(run):
    found = run("Rebels staged a sit-in at the ministry.")
    assert [e.type for e in found["events"]] == ["PROTEST"]
