"""A local paper's dateline in dashes ("MAROUA -- ", "GAROUA, 4 March -- "): its town is
read though the model tags no small town written in capitals, and it stands in for the
article's country or division for an act no sentence of its paragraph places, and for a
speech act with no place of its own (issue 15). A wire's dateline ("(Wire)") and a
capital's are desks and stay out. Sentences we wrote, in several countries."""

from __future__ import annotations

import pytest
from tests.extract.test_place_choice import _parsed_place

from eventwire.extract import extract_document
from eventwire.extract.placerefs import bearing_after
from eventwire.extract.placespans import dash_dateline_name
from eventwire.model import Article

HEADER = "Herders flee after raid\n\n"


def _name(resources, text: str) -> list[str]:
    end = text.index("-- ") + 3
    return [text[s:e] for s, e in dash_dateline_name(text, (0, end), resources.gazetteer)]


# --- fast: the dateline's town ------------------------------------------------------


def test_the_town_of_a_dash_dateline_is_read(resources) -> None:
    assert _name(resources, "MAROUA -- Gunmen burned a market on Sunday.") == ["MAROUA"]
    assert _name(resources, "GAROUA, 4 March -- Two herders were shot.") == ["GAROUA"]
    assert _name(resources, "MOROTO, Uganda (Wire) -- Raiders took cattle.") == ["MOROTO"]
    assert _name(resources, "BOSSO, 9 May -- Boats were seized.") == ["BOSSO"]


def test_a_dateline_the_gazetteer_does_not_hold_is_no_place(resources) -> None:
    assert _name(resources, "QWERTZUV -- Gunmen burned a market on Sunday.") == []
    assert dash_dateline_name("MAROUA -- Gunmen ...", None, resources.gazetteer) == []


# --- slow: the parse says which acts no sentence places ------------------------------


def _place(nlp, resources, text: str, trigger: str) -> tuple[str, str, bool] | None:
    place = _parsed_place(nlp, resources, HEADER + text, trigger)
    return None if place is None else (place.name, place.precision, place.inferred)


@pytest.mark.slow
def test_an_unplaced_act_of_a_local_story_is_at_its_dateline_town(nlp, resources) -> None:
    text = (
        "MAROUA, 4 March -- Gunmen killed four herders in Mora on Sunday, officials said.\n\n"
        "Soldiers later shot dead two of the attackers near the border, the army said."
    )
    assert _place(nlp, resources, text, "shot") == ("Maroua", "city", True)
    text = (
        "MOROTO -- Raiders attacked a cattle camp near Kotido on Monday, police said.\n\n"
        "Troops then shot dead one of the raiders, a commander said."
    )
    assert _place(nlp, resources, text, "shot") == ("Moroto", "city", True)


@pytest.mark.slow
def test_the_body_s_own_place_still_wins(nlp, resources) -> None:
    text = "MAROUA, 4 March -- Gunmen killed four herders in Mora on Sunday, officials said."
    place = _place(nlp, resources, text, "killed")
    assert place is not None and place[0] == "Mora" and not place[2]


@pytest.mark.slow
def test_a_wire_or_a_capital_dateline_leaves_the_country(nlp, resources) -> None:
    body = (
        " -- Gunmen killed four herders in Mora on Sunday, officials said.\n\n"
        "Soldiers later shot dead two of the attackers near the border, the army said."
    )
    for dateline in ("MAROUA, Cameroon (Wire)", "YAOUNDE"):
        place = _place(nlp, resources, dateline + body, "shot")
        assert place is not None and place[1] == "country" and place[0] == "Cameroon"


@pytest.mark.slow
def test_a_dateline_town_of_another_country_is_not_taken(nlp, resources) -> None:
    text = (
        "DIFFA, 9 May -- Fighters stormed an army post in Kousseri and in Mora on "
        "Friday, officials in Maroua said.\n\n"
        "Soldiers later shot dead two of the attackers, the army said."
    )
    place = _place(nlp, resources, text, "shot")
    assert place is None or place[0] != "Diffa"


@pytest.mark.slow
def test_a_speech_act_of_a_local_story_is_at_its_dateline_town(nlp, resources) -> None:
    text = (
        "BOSSO, 9 May -- Fishermen found two boats burned on the lake shore near Bosso "
        "on Friday.\n\n"
        "Later the governor condemned the burning of the boats in Diffa and Mainé-Soroa."
    )
    place = _place(nlp, resources, text, "condemned")
    assert place is not None and place[0] == "Bosso" and place[2]


@pytest.mark.slow
def test_a_speech_act_takes_no_local_dateline_town_of_another_country(nlp, resources) -> None:
    # a desk across the border from every place the story tells: the governor's words
    # were said in the story's country, not in the desk's town
    text = (
        "KASESE -- Militiamen killed six villagers in Butembo and burned houses in Beni "
        "on Friday, residents said. The army sent troops to Lubero.\n\n"
        "Later the governor condemned the killings."
    )
    place = _place(nlp, resources, text, "condemned")
    assert place is None or (place[0] != "Kasese" and place[2])
    # a desk in the story's country is where such words were heard
    text = text.replace("KASESE --", "BUTEMBO --")
    place = _place(nlp, resources, text, "condemned")
    assert place is not None and place[0] == "Butembo" and place[2]


@pytest.mark.slow
def test_a_short_dateline_town_in_capitals_is_no_acronym(nlp, resources) -> None:
    text = HEADER + "GAO, 3 May -- Gunmen burned two trucks on the road to Ansongo on Sunday."
    records = extract_document(Article(id="d1", text=text, published="2021-05-03"), nlp(text),
                               resources)  # fmt: skip
    dateline = [pm for pm in records.places if pm.zone == "dateline"]
    assert [(pm.span.text, pm.place and pm.place.country) for pm in dateline] == [("GAO", "MLI")]


# --- a distance with no reference point: off the story's own town ---------------------


def test_a_bearing_after_a_name_is_read_without_a_reference() -> None:
    off = bearing_after(", about 50 km to the north, gunmen seized two traders")
    assert off is not None and off.km == 50 and off.direction == "north"
    off = bearing_after(", some 40 miles south-east, a bridge was blown up")
    assert off is not None and round(off.km) == 64 and off.direction == "south-east"
    # a distance from a named reference point is read by placerefs, not here
    assert bearing_after(", about 50 km north of Garoua, gunmen ...") is None
    assert bearing_after(", where about 50 km of road ...") is None


@pytest.mark.slow
def test_an_unread_village_off_the_dateline_town_is_kept_by_its_name(nlp, resources) -> None:
    text = (
        "MAROUA, 4 March -- Gunmen killed four herders in Mora on Sunday, officials said.\n\n"
        "In Zelevetkoum, about 30 km to the west, fighters abducted a teacher on Monday, "
        "residents said."
    )
    place = _parsed_place(nlp, resources, HEADER + text, "abducted")
    assert place is not None and place.name == "Zelevetkoum" and place.inferred
    # about 30 km west of Maroua, not at Maroua nor in the whole country
    assert place.lon is not None and 13.9 < place.lon < 14.2
    assert place.lat is not None and abs(place.lat - 10.59) < 0.1


@pytest.mark.slow
def test_with_no_dateline_the_last_town_named_is_the_reference(nlp, resources) -> None:
    text = (
        "Raiders shot dead two herders near Moroto on Monday, police said. In Lokwakipi, "
        "some 40 km to the north, the raiders burned a school on Tuesday, a teacher said."
    )
    place = _parsed_place(nlp, resources, HEADER + text, "burned")
    assert place is not None and place.name == "Lokwakipi"
    assert place.lat is not None and place.lat > 2.7  # north of Moroto (2.53)
