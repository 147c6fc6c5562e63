"""Where a name ends and starts: an armed unit's number is part of its name, the unit
named again by its number and noun is the same unit, and a linking word the tagger left at
a name's end is no part of it (our sentences)."""

import pytest

from eventwire.extract.mention_groups import same_unit_pairs
from eventwire.extract.mention_trim import trim_entity
from eventwire.extract.namephrases import Cand


def test_same_number_and_unit_noun_join():
    cands = [
        Cand(0, 3, "ORG", "212 Mountain Brigade"),
        Cand(5, 7, "ORG", "12 Brigade"),
        Cand(9, 11, "ORG", "212 Brigade"),
        Cand(13, 16, "ORG", "212 Signals Battalion"),
        Cand(18, 20, "GROUP", "212 soldiers"),
    ]
    assert same_unit_pairs(cands) == [(0, 2)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen attacked a post of the 212 Mountain Brigade near the river.",
         "212 Mountain Brigade"),
        ("The clashes pitted the 31st Rifle Regiment against the rebels.",
         "31st Rifle Regiment"),
    ],
)  # fmt: skip
def test_a_units_number_opens_its_name(run, text, name):
    assert name in [m.normalized for m in run(text)["mentions"]]


@pytest.mark.slow
def test_a_unit_named_again_by_number_is_one_group(run):
    text = ("The militia fought the 212 Mountain Brigade for the airport road on Sunday. "
            "A spokesman for the 212 Brigade said the unit had lost two men.")  # fmt: skip
    groups = {m.normalized: m.group for m in run(text)["mentions"]}
    assert groups["212 Mountain Brigade"] == groups["212 Brigade"]


@pytest.mark.slow
def test_a_count_before_a_group_is_no_units_number(run):
    text = "About 400 Kestrel fighters crossed the border on Monday."
    assert not any(m.normalized.startswith("400") for m in run(text)["mentions"])


@pytest.mark.parametrize(
    ("text", "tagged", "name"),
    [
        ("the Border Guards of the Interior Ministry said", "the Border Guards of",
         "the Border Guards"),
        ("fighters of the Kestrel Front and the army", "the Kestrel Front and",
         "the Kestrel Front"),
    ],
)  # fmt: skip
def test_a_name_does_not_end_in_a_linking_word(blank_nlp, text, tagged, name):
    doc = blank_nlp(text)
    start = text.index(tagged)
    span = doc.char_span(start, start + len(tagged), label="ORG")
    assert trim_entity(span).text == name


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "body", "short"),
    [
        ("Elders blamed the attack on herders. The Kestrel Traders Association said the "
         "road had been closed for a week. The association, known as Umoja, has asked for "
         "troops to guard the market.", "Kestrel Traders Association", "Umoja"),
        ("The raid was carried out by the Marlin Coast Brotherhood, the port's largest "
         "gang, police said. The gang, known as the Ndugu, has not commented.",
         "Marlin Coast Brotherhood", "Ndugu"),
    ],
)  # fmt: skip
def test_a_description_given_a_short_name_is_the_body_named_before(run, text, body, short):
    groups = {m.normalized: m.group for m in run(text)["mentions"]}
    assert groups.get(body) is not None and groups.get(body) == groups.get(short), groups
