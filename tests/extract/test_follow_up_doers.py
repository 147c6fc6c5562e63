"""A victims' line keeps going with the act told before it when a later sentence names
the doer of every act told so far (issue 13). Sentences we wrote."""

import pytest

pytestmark = pytest.mark.slow


def _tolls(run, text):
    events = [e for e in run(text)["events"] if e.type == "ASSAULT"]
    return [{(c.kind, c.value) for c in e.counts} for e in events]


@pytest.mark.parametrize(
    "blame",
    [
        "Police blamed the Northern Front, which has mined the road for years.",
        "The Northern Front claimed responsibility on its website.",
    ],
)
def test_a_victims_line_before_a_blame_or_claim_joins_the_act(run, blame):
    text = (
        "Four officers were killed on Monday when gunmen ambushed their truck near Kaleb, "
        "the army said. At least two others were wounded, a nurse said. " + blame
    )
    tolls = _tolls(run, text)
    assert {("wounded", 2)} not in tolls  # no event of the wounded alone
    assert any({("killed", 4), ("wounded", 2)} <= toll for toll in tolls)


def test_a_victims_line_with_its_own_doer_stays_an_act(run):
    text = (
        "Four officers were killed on Monday when gunmen ambushed their truck near Kaleb. "
        "Soldiers wounded two others in the hills, the army said."
    )
    tolls = _tolls(run, text)
    assert {("wounded", 2)} in tolls
