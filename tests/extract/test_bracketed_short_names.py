"""A body's short name in a bracket after its name: acronyms of any shape, a tagged span
that runs into the bracket, a one-word short name the tagger took for a body."""

import pytest
from tests.extract.test_mentions import run

from eventwire.extract.aliases import short_name_shape


@pytest.mark.parametrize(
    ("word", "shaped"),
    [("LNA", True), ("APBn", True), ("CE-VRAEM", True), ("KDF-2", True), ("Maoist", False),
     ("English", False), ("Sedena", False), ("Xy", False)],
)  # fmt: skip
def test_short_name_shape(word, shaped):
    assert short_name_shape(word) is shaped


def test_acronym_with_a_small_letter_and_its_later_use(blank_nlp, resources):
    text = "The Coastal Rescue Battalion (CRBn) sealed the camp. Later the CRBn searched homes."
    ms = run(blank_nlp, resources, text, [("Coastal Rescue Battalion", "ORG")])
    short = [m for m in ms if m.span.text == "CRBn"]
    assert len(short) == 2 and {m.label for m in short} == {"ORG"}
    assert len({m.group for m in ms}) == 1


def test_hyphened_acronym_in_a_bracket(blank_nlp, resources):
    text = "Colonel Ana Ruiz heads the Tamsin Valley Joint Command (CE-TVJ), the army said."
    ms = run(
        blank_nlp,
        resources,
        text,
        [("Ana Ruiz", "PERSON"), ("Tamsin Valley Joint Command", "ORG")],
    )
    body = next(m for m in ms if m.normalized == "Tamsin Valley Joint Command")
    short = next(m for m in ms if m.span.text == "CE-TVJ")
    assert short.group == body.group


def test_tagged_name_run_into_its_bracket_is_cut(blank_nlp, resources):
    text = "The Kestrel National Police Service (KNPS) has taken over the case, officers said."
    ms = run(blank_nlp, resources, text, [("Kestrel National Police Service (KNPS", "ORG")])
    texts = {m.span.text for m in ms}
    assert "Kestrel National Police Service" in texts and "KNPS" in texts
    assert not any("(" in m.span.text for m in ms)
    body = next(m for m in ms if m.normalized == "Kestrel National Police Service")
    assert next(m for m in ms if m.span.text == "KNPS").group == body.group


def test_one_word_short_name_the_tagger_took_for_a_body(blank_nlp, resources):
    text = "Ruvania's Interior Ministry (Segob) said 40 officers were sent. Segob gave no names."
    ms = run(
        blank_nlp,
        resources,
        text,
        [("Interior Ministry", "ORG"), ("Segob", "ORG"), ("Segob", "ORG")],
    )
    ministry = next(m for m in ms if "Ministry" in m.span.text)
    assert {m.group for m in ms if m.span.text == "Segob"} == {ministry.group}


def test_a_bracketed_word_that_is_no_short_name(blank_nlp, resources):
    text = "The Workers' Front of Ruvania (Marxist) said it held the pass at Tamsin."
    ms = run(
        blank_nlp,
        resources,
        text,
        [("The Workers' Front of Ruvania", "ORG"), ("Marxist", "NORP")],
    )
    front = next(m for m in ms if "Front" in m.span.text)
    assert all(m.group != front.group for m in ms if m.span.text == "Marxist")


def test_a_place_bracket_makes_no_actor(blank_nlp, resources):
    text = "Shells fell near the Line of Passage (LoP) on Sunday, residents said."
    ms = run(blank_nlp, resources, text, [])
    assert not any(m.span.text == "LoP" for m in ms)
