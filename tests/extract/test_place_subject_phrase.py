"""A place inside the subject's noun phrase ("Families in X fled", "Residents of X said")
places the clause that hangs from that subject's verb (issue 15), on sentences we wrote.
The rule reads the parse, so these run the model (slow)."""

from __future__ import annotations

import pytest
from tests.extract.test_place_choice import _parsed_place

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "trigger", "name"),
    [
        # an adverbial clause of an act told of people there
        ("Families in Kadugli fled as shells hit the main market on Monday.", "hit", "Kadugli"),
        # "Residents of X" opening a sentence: one capitalised run, X found after "of"
        ("Residents of Kadugli fled after gunmen attacked the market.", "attacked", "Kadugli"),
        # what people who are there report
        ("Residents of Kadugli said militias looted the market on Tuesday.", "looted", "Kadugli"),
        (
            "Doctors in Kadugli said an air strike killed nine people on Monday.",
            "strike",  # one act with the verb it is the subject of (extract.subject_acts)
            "Kadugli",
        ),
        # the clause's own place still wins
        ("Families in Kadugli fled as shells hit markets in Dilling.", "hit", "Dilling"),
    ],
)
def test_a_place_in_the_subject_places_the_clause(
    nlp, resources, text: str, trigger: str, name: str
) -> None:
    place = _parsed_place(nlp, resources, text, trigger)
    assert place is not None and place.name == name


def test_a_spokesperson_somewhere_else_does_not_place_what_he_reports(nlp, resources) -> None:
    text = "Officials in Washington said rebels attacked a convoy on Monday."
    place = _parsed_place(nlp, resources, text, "attacked")
    assert place is None or place.name != "Washington"


@pytest.mark.parametrize(
    "text",
    [
        # where the subject went or came from, not where it is
        "The minister's trip to Kadugli ended before gunmen attacked the market.",
        "A convoy from Kadugli arrived as gunmen attacked the market.",
    ],
)
def test_a_place_the_subject_goes_to_or_comes_from_places_nothing(nlp, resources, text) -> None:
    place = _parsed_place(nlp, resources, text, "attacked")
    assert place is None or place.name != "Kadugli"
