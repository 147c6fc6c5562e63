"""Countries named as parties to an act, not where it happened (issue 15): the object of
"with", a member of a list of parties ("such as", "including"), a passive agent, and the
later conjuncts of an origin "from". Sentences we wrote."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from tests.extract.test_place_choice import _parsed_place

from eventwire.extract.placeparties import first_conjunct, party_country
from eventwire.extract.places import PLACE_HEADS

# --- fast: hand-built parses ------------------------------------------------------------

_VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    lemmas = [{"countries": "country"}.get(w.lower(), w.lower()) for w in words]
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_the_object_of_with_is_a_party() -> None:
    # "Chile cancelled an accord with Peru ."
    doc = _doc(
        ["Chile", "cancelled", "an", "accord", "with", "Peru", "."],
        [1, 1, 3, 1, 3, 4, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    assert party_country(doc[5], PLACE_HEADS)


def test_a_list_of_partners_names_parties_but_a_list_in_a_place_does_not() -> None:
    # "raids by partners such as Canada" / "villages in countries such as Niger" (lands)
    words = ["raids", "by", "partners", "such", "as", "Canada"]
    doc = _doc(words, [0, 0, 1, 4, 2, 4], ["ROOT", "prep", "pobj", "amod", "prep", "pobj"],
               ["NOUN", "ADP", "NOUN", "ADJ", "ADP", "PROPN"])  # fmt: skip
    assert party_country(doc[5], PLACE_HEADS)
    words = ["villages", "in", "countries", "such", "as", "Niger"]
    doc = _doc(words, [0, 0, 1, 4, 2, 4], ["ROOT", "prep", "pobj", "amod", "prep", "pobj"],
               ["NOUN", "ADP", "NOUN", "ADJ", "ADP", "PROPN"])  # fmt: skip
    assert not party_country(doc[5], PLACE_HEADS)


def test_a_later_conjunct_of_an_origin_is_a_party_and_a_border_is_not() -> None:
    # "objections from Brazil and India" / "the border with Chad"
    words = ["objections", "from", "Brazil", "and", "India"]
    doc = _doc(words, [0, 0, 1, 2, 2], ["ROOT", "prep", "pobj", "cc", "conj"],
               ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN"])  # fmt: skip
    assert first_conjunct(doc[4]).text == "Brazil"
    assert party_country(doc[4], PLACE_HEADS)
    assert not party_country(doc[2], PLACE_HEADS)  # the origin rule's own
    doc = _doc(["the", "border", "with", "Chad"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"],
               ["DET", "NOUN", "ADP", "PROPN"])  # fmt: skip
    assert not party_country(doc[3], PLACE_HEADS)


# --- slow: the real model and the shipped gazetteer -------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ministers complained that too few raids were flown by partners such as Canada.",
         "raids"),
        ("The admirals resent how few air strikes were carried out by allies, including "
         "Germany.", "strikes"),
        ("Warplanes bombed the depots, and the admirals are angry at the small role played "
         "by allies, including Germany.", "bombed"),
        ("Last month Chile suspended a trade accord with Peru and Bolivia.", "suspended"),
        ("The draft that condemned the shelling met objections from Brazil and India.",
         "met"),
    ],
)  # fmt: skip
def test_a_country_named_as_a_party_is_not_the_place(nlp, resources, text, trigger) -> None:
    place = _parsed_place(nlp, resources, text, trigger)
    assert place is None or place.country not in ("CAN", "DEU", "PER", "BOL", "BRA", "IND")


@pytest.mark.slow
def test_a_country_after_in_stays_the_place(nlp, resources) -> None:
    text = "Militants attacked villages in countries such as Niger last week."
    place = _parsed_place(nlp, resources, text, "attacked")
    assert place is not None and place.country == "NER"
