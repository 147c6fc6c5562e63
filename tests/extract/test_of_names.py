"""A body's name the tagger cut before its "of" phrase (namephrases.of_complements), on
hand-made candidates as the tagger cuts them."""

from __future__ import annotations

import pytest

from eventwire.extract.namephrases import Cand, of_complements


class NoKB:
    def lookup(self, name):
        return None

    def country_by_demonym(self, name):
        return None

    def lookup_exact(self, name):
        return None

    def country_of_capital(self, name):
        return None


def cand(doc, words: str, label: str = "ORG", kb_type: str | None = None) -> Cand:
    """The candidate over the first run of tokens that spells ``words``."""
    n = len(words.split())
    for i in range(len(doc) - n + 1):
        if doc[i : i + n].text == words:
            return Cand(i, i + n, label, words, kb_type=kb_type)
    raise ValueError(words)


def joined(doc, cands):
    return [doc[c.start : c.end].text for c in of_complements(doc, cands, NoKB())]


@pytest.mark.parametrize(
    "text, cut, rest, label, whole",
    [
        # the tagger stops before "of" and reads the country as a place
        (
            "Rebels of the Communist Party of the Kestrel Isles attacked a post.",
            "the Communist Party",
            "Kestrel Isles",
            "GPE",
            "the Communist Party of the Kestrel Isles",
        ),
        # the tagger keeps the "of" and reads the rest as another body
        (
            "The Joint Command of the Armed Forces said two marines were hurt off Jolo.",
            "The Joint Command of",
            "the Armed Forces",
            "ORG",
            "The Joint Command of the Armed Forces",
        ),
        (
            "The Revolutionary Council of Fatah met in Ramallah on Monday.",
            "The Revolutionary Council",
            "Fatah",
            "ORG",
            "The Revolutionary Council of Fatah",
        ),
        (
            "Volunteers of the Emergency Room of Kadugli counted 14 dead.",
            "the Emergency Room",
            "Kadugli",
            "GPE",
            "the Emergency Room of Kadugli",
        ),
    ],
)
def test_the_of_phrase_belongs_to_the_body_s_name(blank_nlp, text, cut, rest, label, whole):
    doc = blank_nlp(text)
    assert joined(doc, [cand(doc, cut), cand(doc, rest, label)]) == [whole]


def test_the_name_drops_the_article_and_keeps_the_of_phrase(blank_nlp):
    doc = blank_nlp("The Joint Command of the Armed Forces said two marines were hurt.")
    cands = [cand(doc, "The Joint Command of"), cand(doc, "the Armed Forces")]
    assert [c.name for c in of_complements(doc, cands, NoKB())] == [
        "Joint Command of the Armed Forces"
    ]


def test_a_phrase_that_goes_on_is_not_joined(blank_nlp):
    # "of the Armed Forces of Sudan": where the name ends is not seen
    doc = blank_nlp("The Military Council of the Armed Forces of Sudan met in Port Sudan.")
    cands = [cand(doc, "The Military Council"), cand(doc, "the Armed Forces")]
    assert joined(doc, cands) == ["The Military Council", "the Armed Forces"]


def test_a_state_s_forces_and_a_person_are_not_joined(blank_nlp):
    # "Army" and "Forces" are no heads here: "the Armed Forces of X" is a state's forces
    doc = blank_nlp("Soldiers of the National Army of Somalia entered the town.")
    cands = [cand(doc, "the National Army"), cand(doc, "Somalia", "GPE")]
    assert joined(doc, cands) == ["the National Army", "Somalia"]
    doc = blank_nlp("The Party of Ali Musa won the seat.")
    cands = [cand(doc, "The Party"), cand(doc, "Ali Musa", "PERSON", kb_type="person")]
    assert joined(doc, cands) == ["The Party", "Ali Musa"]


def test_a_state_institution_keeps_its_country_apart(blank_nlp):
    # "the National Assembly of X": the institution, its country read as its affiliation
    doc = blank_nlp("The National Assembly of Kestrel adjourned on Friday.")
    cands = [cand(doc, "The National Assembly"), cand(doc, "Kestrel", "GPE")]
    assert joined(doc, cands) == ["The National Assembly", "Kestrel"]
