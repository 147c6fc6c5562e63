"""The description a name is said to be known by ("X, as the junta's armed forces are
known"): read from the words after the name, so a blank pipeline's tokens are enough."""

from __future__ import annotations

import pytest
import spacy

from eventwire.extract.known_by import known_as_group, known_by


@pytest.mark.parametrize(
    ("text", "desc"),
    [
        ("The Sitthar, as the junta's armed forces are known, did not comment.",
         "junta's armed forces"),
        ("Jund Dhulfiqar, as the group calls itself, was formed in March.", "group"),
        ("Harakat Sabr, as the militia is widely known, holds the port.", "militia"),
        ("The Sitthar, as expected, did not comment.", None),
        ("The Sitthar, as the villagers said, did not comment.", None),
    ],
)  # fmt: skip
def test_the_description_a_name_is_known_by(text, desc):
    doc = spacy.blank("en")(text)
    end = next(t.i for t in doc if t.text == ",")
    assert known_by(doc, end) == desc


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The Sitthar, as the junta's armed forces are known, did not comment.", True),
        ("Jund Dhulfiqar, as the group calls itself, was formed in March.", True),
        ("Abu Sabr, as the commander is known, was seen in March.", False),
    ],
)
def test_a_name_known_as_a_group_or_an_army_but_not_as_a_person(text, group):
    doc = spacy.blank("en")(text)
    end = next(t.i for t in doc if t.text == ",")
    assert known_as_group(doc, end) is group
