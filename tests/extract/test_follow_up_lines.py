"""Follow-up lines (issue 13): "..., it added", "X also said ...", "30 others were
injured" go on with an act already told; their counts join that act and they make no
event of their own. Sentences we wrote."""

import pytest

pytestmark = pytest.mark.slow

LEAD = "Gunmen attacked a police post in Gao on Monday, killing four officers. "


def _violent(run, text):
    return [e for e in run(text)["events"] if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    "line",
    [
        "Two officers were wounded, it added.",  # a reporting verb of adding
        "The governor also said two officers were wounded.",  # "also said"
        "At least two others were wounded, a nurse said.",  # victims counted as others
    ],
)
def test_a_follow_up_line_folds_its_toll_into_the_act(run, line):
    events = _violent(run, LEAD + line)
    assert events and all(e.source is not None for e in events)  # no doerless event left
    tolls = {(c.kind, c.value) for e in events for c in e.counts}
    assert tolls == {("killed", 4), ("wounded", 2)}


def test_a_plain_next_line_with_a_new_act_keeps_its_own_event(run):
    # a separate act named in the line is no follow-up, even with "others"
    text = LEAD + "Two others were killed in a separate attack in Menaka."
    events = _violent(run, text)
    assert any(e.source is None and e.trigger.text in ("killed", "attack") for e in events)
    lead = [e for e in events if e.source is not None]
    assert lead and all({c.value for c in e.counts} == {4} for e in lead)


def test_a_follow_up_line_naming_a_doer_is_an_act_of_its_own(run):
    text = LEAD + "Soldiers also killed two of the gunmen, the army said."
    events = _violent(run, text)
    assert any(e.source is not None and e.source.text == "Soldiers" for e in events)


def test_a_follow_up_line_without_an_earlier_toll_stays(run):
    # nothing told before it to continue: the line is the only account of the act
    text = "Clashes broke out near Gao on Monday. Two officers were wounded, it added."
    events = _violent(run, text)
    assert any({c.value for c in e.counts} == {2} for e in events)
