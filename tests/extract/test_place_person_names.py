"""A person's name is no place (issue 15, item 2; extract.placewords, sentences we wrote):
a given name that is also a town before a surname ("Florence Adeyemi"), and a name given
to a person with "known as", "nicknamed" or "dubbed" ("a 23-year-old known as Kenya").
A locative still makes the word a place, and a site's common words still name its town."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.model import Article

pytestmark = pytest.mark.slow


def _places(nlp, resources, text: str) -> list[str]:
    article = Article(id="d1", text=text, published="2022-09-16")
    records = extract_document(article, nlp(text), resources)
    return [text[pm.span.start : pm.span.end] for pm in records.places if pm.place is not None]


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested a man on Monday over the killing of Florence Adeyemi at her home.",
        "Prosecutors charged the driver with the abduction of Helena Mwangi and her son.",
        "A man known locally as Texas was stabbed to death near the market on Sunday.",
        "The court heard that the gunman, a 23-year-old known as Kenya, shot two guards.",
        "Rangers arrested a smuggler nicknamed Congo after a chase on Friday.",
    ],
)
def test_a_persons_name_is_no_place(nlp, resources, text: str) -> None:
    assert _places(nlp, resources, text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Gunmen attacked a bus near Florence on Monday.", "Florence"),
        ("Fighting raged in the area known as Darfur on Monday.", "Darfur"),
        ("A car bomb exploded outside the Kabul Serena on Monday.", "Kabul"),
    ],
)
def test_a_place_stays_a_place(nlp, resources, text: str, place: str) -> None:
    assert place in _places(nlp, resources, text)
