"""A toll told in a later sentence of the act it counts (issue 13): a line telling only
victims, with no doer and no act of its own, is the toll of the act told last when that
act has no figure of its kind yet. Sentences we wrote."""

import pytest

pytestmark = pytest.mark.slow


def _violent(run, text):
    return [e for e in run(text)["events"] if e.type in ("ASSAULT", "COERCE")]


def _tolls(event):
    return {(c.kind, c.value) for c in event.counts}


@pytest.mark.parametrize(
    "line",
    [
        "Eleven people were killed, medics said.",
        "Medics at the clinic said eleven villagers were killed.",
        "Eleven fishermen were killed and three were captured.",
    ],
)
def test_a_later_line_of_victims_is_the_toll_of_the_act_told_before(run, line):
    text = "Rebel gunboats shelled a fishing village on the lake on Monday. " + line
    events = _violent(run, text)
    assert [e.trigger.text for e in events] == ["shelled"]  # the line makes no event
    assert ("killed", 11) in _tolls(events[0])


def test_the_toll_goes_to_the_nearest_act_not_over_it(run):
    text = ("Rebel gunboats shelled a fishing village on Monday. "
            "On Tuesday soldiers raided a market in the next district. "
            "Eleven people were killed, medics said.")  # fmt: skip
    events = _violent(run, text)
    shelled = [e for e in events if e.trigger.text == "shelled"]
    assert shelled and not any(_tolls(e) for e in shelled)
    assert any(("killed", 11) in _tolls(e) for e in events if e.trigger.text != "shelled")


def test_an_act_with_a_toll_of_that_kind_keeps_it_and_the_line_stays(run):
    text = ("Gunmen attacked a police post on Monday, killing four officers. "
            "Two farmers were killed in their fields nearby.")  # fmt: skip
    events = _violent(run, text)
    post = [e for e in events if e.source is not None]
    assert post and all(_tolls(e) == {("killed", 4)} for e in post)
    assert any(e.source is None and _tolls(e) == {("killed", 2)} for e in events)


def test_victims_after_victims_stay_where_they_are(run):
    text = "Four officers were killed on Monday. Two farmers were killed, a nurse said."
    events = _violent(run, text)
    assert {v for e in events for _k, v in _tolls(e)} >= {2, 4}
