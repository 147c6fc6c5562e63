"""A state institution every country has ("the Supreme Court", "parliament", "the Defence
Ministry") takes the country the text writes with it (issue 13): its name's own words, a
possessive or demonym right before, "of"/"in" a country or capital right after."""

import pytest
from tests.extract.test_mentions import run

from eventwire.extract.kind_words import institution_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Supreme Court", ("supreme court", None)),
        ("the Ghanaian Supreme Court", ("supreme court", "GHA")),
        ("Supreme Court of Peru", ("supreme court", "PER")),
        ("Nepal's parliament", ("parliament", "NPL")),
        ("US Congress", ("congress", "USA")),
        ("Parliament in Accra", ("parliament", "GHA")),
        ("Ministry of Defence", ("defence ministry", None)),
        ("the Defense Ministry", ("defence ministry", None)),
        ("Central Bank of Nigeria", ("central bank", "NGA")),
        ("National Assembly", ("national assembly", None)),
        ("Electoral Commission", ("electoral commission", None)),
    ],
)
def test_an_institutions_generic_words_and_its_country(resources, name, expected):
    assert institution_name(name, resources.kb) == expected


@pytest.mark.parametrize(
    "name",
    ["African National Congress", "Congress Party", "White House", "Bank of Kestrel",
     "Independent Patriotic Front", "the Ghanaian and Togolese Supreme Court"],
)  # fmt: skip
def test_a_proper_name_is_no_institution_every_state_has(resources, name):
    assert institution_name(name, resources.kb) is None


@pytest.mark.parametrize(
    ("text", "ents", "name", "iso3"),
    [
        ("The Supreme Court of Ghana struck down the law.",
         [("Supreme Court", "ORG"), ("Ghana", "GPE")], "Supreme Court", "GHA"),
        ("Peru's Congress voted to remove the president.",
         [("Peru", "GPE"), ("Congress", "ORG")], "Peru's Congress", "PER"),  # one mention
        ("The National Assembly of Senegal adjourned on Friday.",
         [("National Assembly", "ORG"), ("Senegal", "GPE")], "National Assembly", "SEN"),
        ("The Parliament in Accra passed the budget.",
         [("Parliament", "ORG")], "Parliament", "GHA"),
        ("The Nepali Supreme Court ruled on Monday.",
         [("Nepali Supreme Court", "ORG")], "Nepali Supreme Court", "NPL"),
    ],
)  # fmt: skip
def test_the_country_written_with_an_institution(blank_nlp, resources, text, ents, name, iso3):
    ms = run(blank_nlp, resources, text, ents)
    assert {m.affiliation for m in ms if m.span.text == name} == {iso3}


def test_two_countries_parliaments_in_one_article_are_two_groups(blank_nlp, resources):
    text = "The Parliament of Kenya passed the bill, but the Parliament of Tanzania rejected it."
    ents = [("Parliament", "ORG"), ("Kenya", "GPE"), ("Parliament", "ORG"), ("Tanzania", "GPE")]
    ms = [m for m in run(blank_nlp, resources, text, ents) if m.span.text == "Parliament"]
    assert [m.affiliation for m in ms] == ["KEN", "TZA"]
    assert ms[0].group != ms[1].group


def test_a_countrys_possessive_parliament_stays_its_state(blank_nlp, resources):
    # "Kenya's Parliament" speaks for the state (extract.demonyms): two states, two actors
    text = "Kenya's Parliament passed the bill, but Tanzania's Parliament rejected it."
    ents = [("Kenya", "GPE"), ("Parliament", "ORG"), ("Tanzania", "GPE"), ("Parliament", "ORG")]
    ms = run(blank_nlp, resources, text, ents)
    assert [m.group for m in ms] == ["aff:KEN", "aff:TZA"]


def test_an_institution_with_no_country_written_keeps_none(blank_nlp, resources):
    text = "The Supreme Court ruled on Monday, and the Supreme Court later said more."
    ms = run(blank_nlp, resources, text, [("Supreme Court", "ORG"), ("Supreme Court", "ORG")])
    assert {m.affiliation for m in ms} == {None}
    assert len({m.group for m in ms}) == 1


def test_a_persons_affiliation_does_not_split_his_mentions(blank_nlp, resources):
    # only an institution's country splits its mentions: "Egyptian Sisi ... Sisi" is one man
    text = "The Egyptian Tarek Mansour spoke on Monday. Mansour left on Tuesday."
    ms = run(blank_nlp, resources, text, [("Tarek Mansour", "PERSON"), ("Mansour", "PERSON")])
    assert len({m.group for m in ms}) == 1
