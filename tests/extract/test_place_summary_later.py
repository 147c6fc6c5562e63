"""A place goes on from an earlier sentence only while the story tells the scene: a
summary or a state of things told in the present or present perfect further on ("Qatar
has sent two jets.", "The militia has continued its raids.") is not where the last scene
was (issues 13 and 15). Sentences we wrote."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.extract import extract_document
from eventwire.extract.carried_places import _finite_verb
from eventwire.model import Article


@pytest.mark.slow
@pytest.mark.parametrize(
    ("later", "trigger", "carried"),
    [
        # right after the scene, the present perfect goes on with it
        ("Militants have also shelled the port.", "shelled", True),
        # further on, it sums up: no act of the scene
        ("Police cordoned off the street. Kenya has sent two planes.", "sent", False),
        ("Police cordoned off the street. The militia has continued its raids.", "raids", False),
        # the narrative past still goes on
        ("Police cordoned off the street. Gunmen fired at the ambulances.", "fired", True),
    ],
)
def test_a_summary_further_on_is_not_in_the_scene(
    nlp, resources, later: str, trigger: str, carried: bool
) -> None:
    text = "A car bomb exploded outside a market in Kismayo on Tuesday. " + later
    article = Article(id="t2", text=text, published="2021-06-10")
    records = extract_document(article, nlp(text), resources)
    events = [e for e in records.events if e.trigger.text == trigger]
    assert events, f"no event for {trigger!r}"
    place = events[0].place
    assert (place is not None and place.name == "Kismayo") is carried


# --- fast: the verb that gives a clause its tense, on hand-built parses ------------------

_VOCAB = spacy.blank("en").vocab


def test_a_bare_infinitive_takes_the_tense_of_its_verb() -> None:
    # "Shoppers queued waiting to buy bread ." : "buy" is told in the past
    words = ["Shoppers", "queued", "waiting", "to", "buy", "bread", "."]
    doc = Doc(
        _VOCAB,
        words=words,
        heads=[1, 1, 1, 4, 2, 4, 1],
        deps=["nsubj", "ROOT", "advcl", "aux", "xcomp", "dobj", "punct"],
        tags=["NNS", "VBD", "VBG", "TO", "VB", "NN", "."],
        pos=["NOUN", "VERB", "VERB", "PART", "VERB", "NOUN", "PUNCT"],
    )
    assert _finite_verb(doc[4]).text == "queued"
    assert _finite_verb(doc[1]).text == "queued"


def test_a_verb_with_its_own_auxiliary_keeps_its_tense() -> None:
    # "Kenya has sent planes ." : the present perfect of "sent" itself
    doc = Doc(
        _VOCAB,
        words=["Kenya", "has", "sent", "planes", "."],
        heads=[2, 2, 2, 2, 2],
        deps=["nsubj", "aux", "ROOT", "dobj", "punct"],
        tags=["NNP", "VBZ", "VBN", "NNS", "."],
        pos=["PROPN", "AUX", "VERB", "NOUN", "PUNCT"],
    )
    assert _finite_verb(doc[2]).text == "sent"
