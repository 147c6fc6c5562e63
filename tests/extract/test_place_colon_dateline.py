"""A dateline written as a town and a colon opening a paragraph ("kanpur: the police
said ..."), as one-case feeds and many South Asian papers write it: its town is read
though the model tags no lower-case name, it is never a government speaking, and it
places the paragraph it opens, a speech act too, unless the clause names a place of its
own (issue 15). Sentences we
wrote; the rule reads the parse, so the tests run the real model with the shipped
gazetteer."""

from __future__ import annotations

import pytest
from tests.extract.test_place_choice import _parsed_place

from eventwire.extract.placespans import colon_dateline_names

pytestmark = pytest.mark.slow

HEADER = "This report is from June 7, 2021\n\n"


def _place(nlp, resources, text: str, trigger: str) -> tuple[str, bool] | None:
    place = _parsed_place(nlp, resources, HEADER + text, trigger)
    return None if place is None else (place.name, place.inferred)


def test_the_town_of_a_lower_case_colon_dateline_is_read(resources) -> None:
    text = "lucknow: a retired judge urged the governor to act.\n\nMEERUT (Bagpat): Shops shut."
    names = [text[s:e] for s, e in colon_dateline_names(text, resources.gazetteer)]
    assert names == ["lucknow", "MEERUT"]
    # a label or a speaker before a colon is no dateline
    text = "Flood crisis: the river rose again.\n\nMr Verma: we will rebuild."
    assert colon_dateline_names(text, resources.gazetteer) == []


def test_a_request_made_in_a_dateline_town_is_placed_there(nlp, resources) -> None:
    text = (
        "lucknow: a retired judge and author has urged the governor to step in to calm "
        "the dispute over the shrine."
    )
    # a speech act takes no place from what is said, but the dateline is where it was made
    place = _place(nlp, resources, text, "urged")
    assert place is not None and place[0] == "Lucknow"


def test_a_dateline_town_is_no_actor(nlp, resources) -> None:
    # the parse makes "jaipur" the subject of "demanded": still a place, not the state
    text = "jaipur: opposition members demanded the resignation of the minister on monday."
    place = _place(nlp, resources, text, "demanded")
    assert place is not None and place[0] == "Jaipur"


def test_the_clause_s_own_place_beats_the_dateline(nlp, resources) -> None:
    text = (
        "lucknow: the police arrested six men after a clash in Kanpur on monday, an officer said."
    )
    for trigger in ("arrested", "clash"):
        place = _place(nlp, resources, text, trigger)
        assert place is not None and place[0] == "Kanpur"
    # capitalised the same
    place = _place(nlp, resources, text.replace("lucknow", "LUCKNOW"), "arrested")
    assert place is not None and place[0] == "Kanpur"


def test_the_dateline_places_the_next_sentence_of_its_paragraph(nlp, resources) -> None:
    text = (
        "jaipur: the police detained four traders on tuesday. Two of them were later "
        "released on bail."
    )
    place = _place(nlp, resources, text, "released")
    assert place is not None and place[0] == "Jaipur"


def test_a_later_speech_act_with_no_place_of_its_own_was_made_at_the_desk(nlp, resources) -> None:
    text = (
        "kanpur: the mayor opened a new bridge over the canal on monday.\n\n"
        "Later in the evening the mayor accused a rival party of stoking riots in Agra."
    )
    # what is said ("riots in Agra") is no place of the accusing; the dateline's town is
    place = _place(nlp, resources, text, "accused")
    assert place == ("Kanpur", True)


def test_a_wire_dateline_leaves_a_later_speech_act_to_the_country(nlp, resources) -> None:
    text = (
        "KHARTOUM, Sudan (Wire) - Troops shelled a market in Omdurman on Monday.\n\n"
        "Later the army accused the rebels of hiding weapons among traders."
    )
    place = _place(nlp, resources, text, "accused")
    assert place is None or place[0] != "Khartoum"
