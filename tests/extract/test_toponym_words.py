"""Recognition that does not invent places (issue 15, item 2), on sentences we wrote.

The documents are made by a blank pipeline with the model's entities set by hand, so each
test says exactly what the model claimed and checks what we make of it."""

from __future__ import annotations

import sqlite3

import pytest
from spacy.tokens import Span as SpacySpan

from eventwire.config import Settings
from eventwire.extract.context import DocContext, Resources
from eventwire.extract.places import extract_places
from eventwire.model import Article


@pytest.fixture
def word_gazetteer(tmp_path):
    """Places named like common words, peoples, people and operations, and one province
    with its namesake town."""
    from eventwire.knowledge.gazetteer import Gazetteer
    from eventwire.knowledge.gazetteer_build import SCHEMA, Builder

    con = sqlite3.connect(tmp_path / "w.sqlite")
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row = con, 1
    town = {"precision": "city", "feature": "PPL"}
    b.add("t:west", "West", [], lat=30.0, lon=-90.0, country="USA", admin1="US.MS",
          population=4_000, **town)  # fmt: skip
    b.add("t:arab", "Arab", [], lat=34.3, lon=-86.5, country="USA", admin1="US.AL",
          population=8_000, **town)  # fmt: skip
    b.add("t:karama", "Karama", [], lat=-12.4, lon=130.9, country="AUS", admin1="AU.03",
          population=5_000, **town)  # fmt: skip
    b.add("t:hiftar", "Hiftar", [], lat=36.0, lon=44.0, country="IRQ", admin1="IQ.11",
          population=600, **town)  # fmt: skip
    b.add("t:derna", "Darnah", ["Derna"], lat=32.77, lon=22.64, country="LBY",
          admin1="LY.70", population=100_000, **town)  # fmt: skip
    b.add("t:hope", "Hope", [], lat=33.7, lon=-93.6, country="USA", admin1="US.AR",
          population=60_000, **town)  # fmt: skip
    b.add("t:zawiya", "Zawiya", [], lat=32.76, lon=12.73, country="LBY", admin1="LY.82",
          population=200_000, **town)  # fmt: skip
    b.add("a:kufrah", "Al Kufrah", ["Kufra"], lat=24.9, lon=22.2, country="LBY",
          admin1="LY.65", population=96_000, precision="admin1", feature="ADM1")  # fmt: skip
    b.add("t:kufra", "Kufra", [], lat=24.18, lon=23.28, country="LBY", admin1="LY.65",
          population=44_000, **town)  # fmt: skip
    b.add("c:jor", "Jordan", [], lat=31.0, lon=36.0, country="JOR", precision="country",
          feature="PCLI", population=10_000_000)  # fmt: skip
    con.commit()
    return Gazetteer(tmp_path / "w.sqlite")


def _found(blank_nlp, gazetteer, text: str, ents: list[tuple[str, str]]) -> dict[str, str]:
    """Place mentions (text -> resolved name) when the model tagged ``ents`` (surface,
    label; each surface's first occurrence, or a later one written as "surface@n")."""
    doc = blank_nlp(text)
    spans = []
    for surface, label in ents:
        word, _, nth = surface.partition("@")
        start = -1
        for _ in range(int(nth or 1)):
            start = text.index(word, start + 1)
        spans.append(doc.char_span(start, start + len(word), label=label))
    doc.ents = [s for s in spans if isinstance(s, SpacySpan)]
    resources = Resources(Settings())
    resources.__dict__["gazetteer"] = gazetteer
    ctx = DocContext(article=Article(id="w1", text=text), doc=doc, resources=resources)
    return {pm.span.text: pm.place.name if pm.place else "" for pm in extract_places(ctx)["places"]}


def test_an_operations_name_is_never_a_place(blank_nlp, word_gazetteer) -> None:
    text = "Fighters of Operation Karama advanced. Ten died in Operation Karama."
    found = _found(blank_nlp, word_gazetteer, text, [("Karama", "GPE"), ("Karama@2", "GPE")])
    assert "Karama" not in found


def test_a_compass_word_alone_needs_a_locative(blank_nlp, word_gazetteer) -> None:
    assert _found(blank_nlp, word_gazetteer, "The West imposed sanctions.", [("West", "LOC")]) == {}
    # a locative makes it a place name (which the resolver then places only in a story
    # about its country: here none, so unresolved rather than in the US)
    found = _found(blank_nlp, word_gazetteer, "Floods hit homes in West.", [("West", "GPE")])
    assert found == {"West": ""}


def test_an_ethnic_or_religious_word_needs_a_locative(blank_nlp, word_gazetteer) -> None:
    text = "Arab leaders met on Sunday."
    assert _found(blank_nlp, word_gazetteer, text, [("Arab", "GPE")]) == {}
    found = _found(blank_nlp, word_gazetteer, "A tornado hit the town of Arab.", [("Arab", "GPE")])
    assert found == {"Arab": "Arab"}


@pytest.mark.parametrize(
    "text",
    [
        "Shopkeepers protested against the curfew in the Arab towns of the north.",
        "Drones struck Arab villages near the river on Sunday.",
        "Checkpoints went up across Arab neighbourhoods overnight.",
    ],
)
def test_an_ethnic_word_before_a_noun_it_qualifies_is_no_place(
    blank_nlp, word_gazetteer, text: str
) -> None:
    # a locative ("in the", "struck", "across") before an adjective is no evidence
    assert _found(blank_nlp, word_gazetteer, text, [("Arab", "GPE")]) == {}
    # a settlement word before it names the place, whatever follows
    text = "Floods cut off the village of Arab and its fields."
    assert _found(blank_nlp, word_gazetteer, text, [("Arab", "GPE")]) == {"Arab": "Arab"}


def test_a_persons_surname_needs_a_strong_locative(blank_nlp, word_gazetteer) -> None:
    text = "Khalifa Hiftar spoke. Forces loyal to Hiftar advanced."
    ents = [("Khalifa Hiftar", "PERSON"), ("Hiftar@2", "GPE")]
    assert "Hiftar" not in _found(blank_nlp, word_gazetteer, text, ents)
    # "loyal to" is no evidence of a place, "in the village of" is
    text = "Khalifa Hiftar spoke. Shepherds in the village of Hiftar fled."
    assert _found(blank_nlp, word_gazetteer, text, ents).get("Hiftar") == "Hiftar"


def test_a_person_label_alone_does_not_unmake_a_place(blank_nlp, word_gazetteer) -> None:
    # the model's PERSON on "Jordan" or on an unfamiliar town is too weak a sign
    text = "Officials said Jordan would help. Gunmen came from Derna."
    found = _found(blank_nlp, word_gazetteer, text, [("Jordan", "PERSON"), ("Derna", "PERSON")])
    assert found == {"Jordan": "Jordan", "Derna": "Darnah"}


def test_the_town_of_a_name_is_the_town_not_its_province(blank_nlp, word_gazetteer) -> None:
    found = _found(blank_nlp, word_gazetteer, "Gunmen shot a guard in the town of Kufra.", [])
    assert found == {"Kufra": "Kufra"}
    found = _found(blank_nlp, word_gazetteer, "Gunmen shot a guard in Kufra province.", [])
    assert list(found.values()) == ["Al Kufrah"]


def test_a_town_opening_a_bodys_name_is_found(blank_nlp, word_gazetteer) -> None:
    # a town of 50,000 or more opening an organisation's name names that town ...
    text = "The Zawiya Military Council said nothing."
    assert _found(blank_nlp, word_gazetteer, text, [("Zawiya Military Council", "ORG")]) == {
        "Zawiya": "Zawiya"
    }
    # ... or ending it after "of"
    text = "Students of the University of Zawiya marched."
    assert _found(blank_nlp, word_gazetteer, text, [("the University of Zawiya", "ORG")]) == {
        "Zawiya": "Zawiya"
    }
    # ... but not when more of a longer name follows it
    text = "Fighters held the Zawiya Abu Issa front."
    assert _found(blank_nlp, word_gazetteer, text, [("Zawiya Abu Issa", "ORG")]) == {}
    # ... a hamlet of the same spelling as a word in a body's name does not
    text = "The Hiftar Farming Union said nothing."
    assert _found(blank_nlp, word_gazetteer, text, [("Hiftar Farming Union", "ORG")]) == {}


def test_a_common_word_alone_needs_a_locative(blank_nlp, word_gazetteer) -> None:
    # "hope" is written in lower case far more often than as a name
    text = "The Hope Brigade said nothing."
    assert _found(blank_nlp, word_gazetteer, text, [("Hope Brigade", "ORG")]) == {}
    assert _found(blank_nlp, word_gazetteer, text, [("The Hope Brigade", "ORG")]) == {}
    text = "Floods hit homes in Hope."
    assert _found(blank_nlp, word_gazetteer, text, [("Hope", "GPE")]) == {"Hope": "Hope"}
    # the model's own place label on the word is evidence enough ("Tyre", "Nice")
    text = "Rockets hit Hope overnight."
    assert _found(blank_nlp, word_gazetteer, text, [("Hope", "GPE")]) == {"Hope": "Hope"}
    assert _found(blank_nlp, word_gazetteer, text, [("Hope", "ORG")]) == {}
