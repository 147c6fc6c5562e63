"""Acts told as possible, owed, asked for or allowed, not done (issue 13): one
construction per test, on sentences we wrote."""

from __future__ import annotations

import pytest

from eventwire.evaluate.sets.india_police import labels_of
from eventwire.model import Event, Evidence

slow = pytest.mark.slow


def _modality(run, text: str, trigger: str) -> str:
    return next(e.modality for e in run(text)["events"] if e.trigger.text == trigger)


@slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a modal of possibility or obligation
        ("Anyone who funds the militia can be arrested under the new decree.", "arrested"),
        ("The guards who fired on the crowd must be arrested, the bishop said.", "arrested"),
        # an infinitive asked for, allowed or found hard
        ("The judge gave the police two weeks to arrest the landlord.", "arrest"),
        ("The mayor asked the governor to order the police to detain the looters.", "detain"),
        ("The inspector admitted the police were finding it hard to arrest him.", "arrest"),
    ],
)
def test_an_act_asked_for_allowed_or_possible_is_not_told_as_done(run, text, trigger):
    assert _modality(run, text, trigger) in ("hypothetical", "future")


@slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a verb that makes its infinitive happen
        ("Hundreds of families were forced to flee after the raid on Kaleb.", "raid"),
        ("Police arrested four men who could not show their papers.", "arrested"),
    ],
)
def test_an_act_done_stays_asserted(run, text, trigger):
    assert _modality(run, text, trigger) == "asserted"


def _arrest(modality: str) -> Event:
    return Event(
        id="e1",
        type="COERCE",
        codes={"cameo": "173"},
        evidence=(Evidence("a", "Police will arrest them.", 0, 24),),
        modality=modality,
    )


def test_an_arrest_promised_answers_no_arrest_question():
    assert labels_of(_arrest("asserted"), ["police"]) == {"ARREST", "ANY_ACTION"}
    assert labels_of(_arrest("future"), ["police"]) == {"ANY_ACTION"}
    assert labels_of(_arrest("hypothetical"), []) == set()
