"""Places named relative to a town (a rim, a stretch between two towns, a distance and a
direction) and places inside the names of armed groups, on sentences we wrote.

Fast tests use a blank pipeline and the hand-made gazetteer of ``tests/conftest.py``;
the rules that read the model's entities (a body's name) are marked slow."""

from __future__ import annotations

import pytest
from tests.extract.test_place_choice import _parsed_place, _place_of
from tests.extract.test_places import _ctx, _town_gazetteer

from eventwire.extract import extract_document
from eventwire.extract.places import _with_qualifier
from eventwire.model import Article

# --- fast: a town's rim, a stretch, a distance --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Militants shelled the northern edge of Derna on Tuesday.",
        "Militants shelled the western fringes of Derna on Tuesday.",
        "Militants shelled the southern outskirts of Derna on Tuesday.",
        "Militants shelled the eastern suburbs of Derna on Tuesday.",
    ],
)
def test_a_towns_rim_is_the_town(blank_nlp, small_gazetteer, text: str) -> None:
    # "the <direction> edge/fringes/outskirts/suburbs of <town>": the town itself, at a
    # town's precision (its rim lies within the town's reach)
    place = _place_of(blank_nlp, small_gazetteer, text, "shelled")
    assert place is not None
    assert (place.name, place.precision) == ("Darnah", "city")


def test_a_stretch_between_two_towns_is_near_the_first(blank_nlp, small_gazetteer) -> None:
    # "on the road between X and Y": both acts of the sentence near X, and no town's
    # precision, since the event was at neither
    text = "Gunmen ambushed a convoy on the road between Misrata and Derna, killing four soldiers."
    for trigger in ("ambushed", "killing"):
        place = _place_of(blank_nlp, small_gazetteer, text, trigger)
        assert place is not None
        assert (place.name, place.precision) == ("Misratah", "admin2"), trigger
    text = "Gunmen ambushed a convoy between the towns of Derna and Misrata."
    place = _place_of(blank_nlp, small_gazetteer, text, "ambushed")
    assert place is not None
    assert (place.name, place.precision) == ("Darnah", "admin2")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "N km south of <town>" with nothing else named: near the town (admin2), not in
        # it; farther than 25 km, that far along the direction, at a province's precision
        ("A roadside bomb killed three soldiers 20 km south of Misrata on Monday.",
         ("Misratah", "admin2")),
        ("A roadside bomb killed three soldiers 40 km south of Misrata on Monday.",
         ("40 km south of Misratah", "admin1")),
        ("A roadside bomb killed three soldiers south of Misrata on Monday.",
         ("Misratah", "admin2")),
        # the distance reference rule still holds: "in the town of X, some 400 km from Y"
        # is X, at a town's precision
        ("Gunmen killed five farmers in the town of Derna, some 400 km from Misrata.",
         ("Darnah", "city")),
        ("Some 400 km from Misrata, gunmen killed five farmers in Derna.", ("Darnah", "city")),
    ],
)  # fmt: skip
def test_a_distance_from_a_town(
    blank_nlp, small_gazetteer, text: str, expected: tuple[str, str]
) -> None:
    place = _place_of(blank_nlp, small_gazetteer, text, "killed")
    assert place is not None
    assert (place.name, place.precision) == expected


def test_a_country_only_named_across_a_border_is_no_place(blank_nlp, small_gazetteer) -> None:
    text = "Fighters attacked a village near the border with Lebanon, killing nine people."
    assert _place_of(blank_nlp, small_gazetteer, text, "attacked") is None


# --- slow: places inside the names of armed groups ------------------------------------

GROUP_NAMES = [
    # a town or region opening a group's name is found (it says what the story is
    # about) but does not place what the group did elsewhere
    ("The Sahel Liberation Front claimed an ambush that killed six soldiers on Sunday.",
     "ambush", "Sahel", None),
    ("Fighters of the Tarhuna Brigade shelled a residential area on Friday.",
     "shelled", "Tarhuna", None),
    ("The Darfur Liberation Front said its fighters had captured a police station.",
     "captured", "Darfur", None),
    # ... unless the place the act names is the group's own site, in its town
    ("Gunmen shot two guards during an assault on the headquarters of the Tarhuna Brigade.",
     "shot", "Tarhuna", "Tarhuna"),
    # ... and the place named for itself wins over the group's
    ("The Sahel Liberation Front claimed an ambush that killed six soldiers near Menaka.",
     "ambush", "Sahel", "Ménaka"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "found", "expected"), GROUP_NAMES)
def test_a_place_inside_a_groups_name(
    nlp, resources, text: str, trigger: str, found: str, expected: str | None
) -> None:
    records = extract_document(Article(id="g1", text=text, published="2021-06-07"), nlp(text),
                               resources)  # fmt: skip
    assert found in {pm.span.text for pm in records.places if pm.place is not None}
    place = _parsed_place(nlp, resources, text, trigger)
    assert (place.name if place else None) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Militants shelled the northern edge of Kramatorsk on Tuesday, killing two people.",
         "shelled", ("Kramatorsk", "city")),
        ("Gunmen ambushed a convoy on the road between Gao and Ansongo, killing four soldiers.",
         "ambushed", ("Gao", "admin2")),
        ("A roadside bomb killed three soldiers 20 km south of Mopti on Monday.",
         "killed", ("Mopti", "admin2")),
        ("A roadside bomb killed three soldiers 40 km south of Mopti on Monday.",
         "killed", ("40 km south of Mopti", "admin1")),
        ("Gunmen killed five farmers in the town of Kufra, some 400 km from the capital.",
         "killed", ("Kufra", "city")),
    ],
)  # fmt: skip
def test_relative_places_on_parsed_sentences(
    nlp, resources, text: str, trigger: str, expected: tuple[str, str]
) -> None:
    place = _parsed_place(nlp, resources, text, trigger)
    assert place is not None
    assert (place.name, place.precision) == expected


# --- fast: a place said to lie in an area ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualified", "rural"),
    [
        # "X in al-Y": X lies in Y, not in a namesake abroad
        ("Gunmen burned the crops in Kelbin in al-Zorba on Monday.", "Kelbin, al-Zorba", False),
        # "X in <unknown area> in the countryside of <known area>": X lies in the known one
        ("Shells landed in Kelbin in Jabal Harun in the southern countryside of Zorba.",
         "Kelbin, Zorba", True),
    ],
)  # fmt: skip
def test_a_place_said_to_lie_in_an_area_keeps_to_it(
    blank_nlp, tmp_path, text: str, qualified: str, rural: bool
) -> None:
    gaz = _town_gazetteer(
        tmp_path,
        ("geonames:81", "Zorba", 33.5, 35.5, "LBN", "LB.04", 800_000),
        ("geonames:82", "Kelbin", 10.0, 10.0, "USA", "US.TX", 900),  # a namesake abroad
    )
    start = text.index("Kelbin")
    assert _with_qualifier(gaz, text, start, start + 6) == (qualified, rural)
    ctx = _ctx(blank_nlp, gaz, text)
    kelbin = next(pm for pm in ctx.places if pm.span.text == "Kelbin")
    assert kelbin.place is not None
    assert kelbin.place.country == "LBN"  # Zorba, or its area: an unknown village there


@pytest.mark.parametrize("body", ["City Council", "Town Hall", "Municipal Court"])
def test_a_towns_body_is_no_place_of_its_own(blank_nlp, tmp_path, body: str) -> None:
    # "outside the City Council in X": a building in X, not the Idaho town "Council"
    gaz = _town_gazetteer(
        tmp_path,
        ("geonames:81", "Zorba", 33.5, 35.5, "LBN", "LB.04", 800_000),
        ("geonames:91", "Council", 44.7, -116.4, "USA", "US.ID", 800),
        ("geonames:92", "Hall", 47.3, 11.5, "AUT", "AT.07", 13_000),
        ("geonames:93", "Court", 47.2, 7.3, "CHE", "CH.BE", 1_400),
    )
    text = f"Vendors protested outside the {body} in Zorba on Monday."
    ctx = _ctx(blank_nlp, gaz, text)
    assert {pm.span.text: pm.place.id for pm in ctx.places if pm.place} == {"Zorba": "geonames:81"}
