"""A name the appositive after it gives a kind of place ("Kyaukme, a town in Shan
State") is a place, whatever the model labels it; a person's post with the same words
("Musa Bello, a village head") is not (``placewords.SETTLEMENT_AFTER``). Sentences we
wrote."""

from __future__ import annotations

import pytest

from eventwire.extract import extract_document
from eventwire.extract.placewords import SETTLEMENT_AFTER
from eventwire.model import Article, Place

# --- fast: the appositive's words --------------------------------------------------------

KIND_TOLD = [
    ", a town in Myanmar's northern Shan State, on Saturday",
    ", a farming village near the border, was burned",
    ", the twin city of Khartoum across the Nile",
    ", a small market town some 40 km north of Mopti",
    ", a village.",
    ", a ruby-mining town north of Mandalay",
    ", a hillside town above the capital",
]
NO_KIND = [
    ", a village head, said",  # a person's post
    ", a town councillor in Kano, said",
    ", a man from the town, said",  # what a person is from
    ", a city official who asked not to be named",
    ", the town's mayor, said",
    " is a town in Borno state",  # no appositive
    ", a shopkeeper in the village",
]


@pytest.mark.parametrize("after", KIND_TOLD)
def test_an_appositive_tells_a_kind_of_place(after: str) -> None:
    assert SETTLEMENT_AFTER.match(after)


@pytest.mark.parametrize("after", NO_KIND)
def test_a_persons_post_tells_none(after: str) -> None:
    assert not SETTLEMENT_AFTER.match(after)


# --- slow: the name is found and places the event ----------------------------------------


def _event_place(nlp, resources, text: str, trigger: str) -> Place | None:
    records = extract_document(Article(id="a1", text=text, published="2024-03-07"), nlp(text),
                               resources)  # fmt: skip
    found = [e.place for e in records.events if e.trigger.text == trigger]
    assert found, f"no event for {trigger!r}"
    return found[0]


def _place_names(nlp, resources, text: str) -> list[str]:
    records = extract_document(Article(id="a1", text=text, published="2024-03-07"), nlp(text),
                               resources)  # fmt: skip
    return [pm.span.text for pm in records.places if pm.place is not None]


APPOSITIVES = [
    # the model takes the town for a body; the appositive says it is a town
    ("A drone dropped a bomb on the crowded market of Kyaukme, a town in Myanmar's northern "
     "Shan State, on Tuesday, killing five traders.", "dropped", "Kyaukme"),
    ("Soldiers raided the weekly market of Mogok, a ruby-mining town north of Mandalay, and "
     "detained 12 men.", "raided", "Mogok"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "expected"), APPOSITIVES)
def test_a_name_told_a_town_places_the_event(
    nlp, resources, text: str, trigger: str, expected: str
) -> None:
    place = _event_place(nlp, resources, text, trigger)
    assert place is not None
    assert place.name == expected
    assert place.precision == "city"


@pytest.mark.slow
def test_a_person_with_a_village_post_is_no_place(nlp, resources) -> None:
    text = ('"We fled at night," said Musa Bello, a village head, who reached a camp outside '
            "Maiduguri with 30 families.")  # fmt: skip
    names = _place_names(nlp, resources, text)
    assert "Musa Bello" not in names
    assert "Bello" not in names
    assert "Maiduguri" in names


# --- a division named after its owner, its own name written with a possessive ------------


def test_only_the_first_owner_is_set_aside() -> None:
    from eventwire.extract.placespans import _OWNER_BEFORE

    def rest(text: str) -> str | None:
        m = _OWNER_BEFORE.search(text)
        return text[m.end() :] if m else None

    assert rest("Bangladesh's Cox's Bazar") == "Cox's Bazar"
    assert rest("Chad's Lac") == "Lac"
    assert rest("North Kivu's Beni") == "Beni"
    assert rest("Lac") is None


@pytest.mark.slow
def test_a_district_whose_name_has_a_possessive_places_the_event(nlp, resources) -> None:
    text = ("Two armed groups exchanged fire inside a refugee camp in Dorpalong, in "
            "Bangladesh's Cox's Bazar district, before dawn on Saturday, killing three men.")  # fmt: skip
    place = _event_place(nlp, resources, text, "exchanged")
    assert place is not None
    assert place.country == "BGD"
    assert place.precision != "country"


# --- refusals: what an appositive does not make an event's place ----------------------------


@pytest.mark.slow
def test_a_town_told_only_as_where_a_speaker_is_places_nothing_said(nlp, resources) -> None:
    text = "Officials in Nyala, a town in South Darfur, said gunmen attacked a convoy near Kutum."
    place = _event_place(nlp, resources, text, "attacked")
    assert place is not None
    assert place.name == "Kutum"


@pytest.mark.slow
def test_a_backers_capital_is_not_the_scene(nlp, resources) -> None:
    text = ("The militia, backed by Kigali, shelled Rubaya, a mining town in North Kivu, on "
            "Friday, killing four miners.")  # fmt: skip
    place = _event_place(nlp, resources, text, "shelled")
    assert place is None or place.country == "COD"


@pytest.mark.slow
def test_a_persons_name_holding_a_city_is_no_place(nlp, resources) -> None:
    text = "Police said Kano Bello, a village head, was shot dead by gunmen near Dutsin-Ma."
    assert not any("Kano" in name for name in _place_names(nlp, resources, text))
