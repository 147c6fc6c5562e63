"""A village read far outside the area the rest of the story is in is a namesake, and is
left unread (issue 15): the story's country, or its one first-level division, and the
distance to every other place it reads decide. Readings built by hand (fast); the places
are invented, the situations several conflicts'."""

from __future__ import annotations

import pytest

from eventwire.extract.placeoutliers import far_namesakes
from eventwire.model import Evidence, Place, PlaceMention, Span


def _place(name: str, country: str, admin1: str | None, lat: float, lon: float, **kw) -> Place:
    precision = kw.pop("precision", "city")
    return Place(f"test:{name}", name, lat, lon, country, admin1, precision, **kw)


def _mentions(*places: Place | None) -> list[PlaceMention]:
    out = []
    for i, place in enumerate(places):
        name = place.name if place is not None else "Unread"
        start = i * 100
        out.append(
            PlaceMention(
                "a1",
                Span(start, start + len(name), name),
                place,
                Evidence("a1", name, start, start + 90),
            )
        )
    return out


# a story in one Mexican state: its dateline town, the state, three towns of it
MORELIA = _place("Morelia", "MEX", "MX.16", 19.70, -101.18, population=600_000)
STATE = _place("Michoacan", "MEX", "MX.16", 19.15, -101.89, precision="admin1")
TOWN_A = _place("Apatzingan", "MEX", "MX.16", 19.09, -102.35, population=99_000)
TOWN_B = _place("Buenavista", "MEX", "MX.16", 19.21, -102.59, population=9_000)
# a village of the same name as the story's scene, in a state 500 km east
VILLAGE_EAST = _place("San Isidro", "MEX", "MX.30", 19.40, -96.60, population=700)


def test_a_village_in_another_state_far_from_the_story_is_left_unread() -> None:
    mentions = _mentions(MORELIA, VILLAGE_EAST, STATE, TOWN_A, TOWN_B)
    unread: dict[int, tuple[str, str]] = {}
    out = far_namesakes(mentions, unread, set())
    assert out[1].place is None
    assert unread == {100: ("San Isidro", "")}
    assert [pm.place for pm in out[:1] + out[2:]] == [MORELIA, STATE, TOWN_A, TOWN_B]


def test_every_mention_of_the_namesake_is_left_unread() -> None:
    # "gunmen attacked San Isidro ... the people of San Isidro": one name, one reading
    mentions = _mentions(MORELIA, VILLAGE_EAST, STATE, TOWN_A, VILLAGE_EAST, TOWN_B)
    out = far_namesakes(mentions, {}, set())
    assert out[1].place is None and out[4].place is None


def test_a_village_near_one_of_the_story_towns_is_a_neighbour() -> None:
    # across the state line, 60 km from a town the story names: kept
    near = _place("La Huerta", "MEX", "MX.14", 19.60, -102.90, population=800)
    out = far_namesakes(_mentions(MORELIA, near, STATE, TOWN_A, TOWN_B), {}, set())
    assert out[1].place == near


def test_a_bigger_town_and_the_dateline_stand() -> None:
    big = _place("Coatza", "MEX", "MX.30", 18.13, -94.45, population=250_000)
    out = far_namesakes(_mentions(MORELIA, big, STATE, TOWN_A, TOWN_B), {}, set())
    assert out[1].place == big
    # the dateline's own town is where the story is filed from, whatever its size
    out = far_namesakes(_mentions(VILLAGE_EAST, MORELIA, STATE, TOWN_A, TOWN_B), {}, {0})
    assert out[0].place == VILLAGE_EAST


def test_a_village_across_a_border_far_from_the_story_is_left_unread() -> None:
    # a Mozambican story naming Tanzania as a neighbour: a Tanzanian village 400 km from
    # every Mozambican place it names is no reading of the raided camp's name
    maputo = _place("Maputo", "MOZ", "MZ.04", -25.97, 32.58, population=1_100_000)
    pemba = _place("Pemba", "MOZ", "MZ.01", -12.97, 40.52, population=140_000)
    cuamba = _place("Cuamba", "MOZ", "MZ.07", -14.80, 36.54, population=80_000)
    mozambique = _place("Mozambique", "MOZ", None, -18.25, 35.0, precision="country")
    tanzania = _place("Tanzania", "TZA", None, -6.0, 35.0, precision="country")
    village = _place("Kilwa Ndogo", "TZA", "TZ.14", -10.10, 34.60, population=5_000)
    mentions = _mentions(maputo, village, pemba, cuamba, mozambique, tanzania)
    assert far_namesakes(mentions, {}, set())[1].place is None


def test_a_story_about_two_countries_keeps_its_villages() -> None:
    # as many names in Niger as in Burkina Faso: no country leads, the village stands
    niamey = _place("Niamey", "NER", "NE.08", 13.51, 2.11, population=1_000_000)
    tillaberi = _place("Tillaberi", "NER", "NE.06", 14.21, 1.45, population=20_000)
    dori = _place("Dori", "BFA", "BF.12", 14.03, -0.03, population=37_000)
    kaya = _place("Kaya", "BFA", "BF.11", 13.09, -1.08, population=66_000)
    village = _place("Tin Akoff", "BFA", "BF.12", 14.99, 0.12, population=3_000)
    out = far_namesakes(_mentions(niamey, tillaberi, dori, kaya, village), {}, set())
    assert out[4].place == village


def test_a_story_spread_over_several_divisions_keeps_villages_of_its_country() -> None:
    # a Nigerian story over four states: no one division leads, so a village in a fifth
    # state far from the rest is not judged by its division
    kano = _place("Kano", "NGA", "NG.29", 12.00, 8.52, population=3_000_000)
    maiduguri = _place("Maiduguri", "NGA", "NG.27", 11.85, 13.16, population=1_100_000)
    sokoto = _place("Sokoto", "NGA", "NG.30", 13.06, 5.24, population=560_000)
    jos = _place("Jos", "NGA", "NG.49", 9.93, 8.89, population=800_000)
    village = _place("Ugbo", "NGA", "NG.05", 6.30, 5.60, population=4_000)
    out = far_namesakes(_mentions(kano, maiduguri, sokoto, jos, village), {}, set())
    assert out[4].place == village


def test_a_story_with_no_other_fine_place_keeps_its_village() -> None:
    # a note naming only its country and one village: nothing to be far from
    colombia = _place("Colombia", "COL", None, 4.0, -73.25, precision="country")
    village = _place("El Carmen", "COL", "CO.02", 7.0, -75.0, population=2_000)
    out = far_namesakes(_mentions(colombia, colombia, colombia, village), {}, set())
    assert out[3].place == village


# --- slow: whole extraction with the shipped gazetteer ---------------------------------


def _extracted(nlp, resources, text: str):
    from eventwire.extract import extract_document
    from eventwire.model import Article

    return extract_document(Article(id="s1", text=text, published="2024-03-05"), nlp(text),
                            resources)  # fmt: skip


@pytest.mark.slow
def test_a_village_named_only_in_a_far_state_places_no_event_there(nlp, resources) -> None:
    # a story in Borno whose raided village shares its name only with a village of Lagos
    # state, 1,200 km away: the name is left unread, and the raid stays in Borno
    text = (
        "Insurgents raid village in Borno\n\n"
        "MAIDUGURI, March 5 (Wire) -- Insurgents killed nine farmers in Igbessa overnight, "
        "a militia leader in Konduga said on Tuesday.\n\n"
        "The attackers came on motorbikes from the direction of Bama and burned the "
        "village's granaries, he said. Borno state has seen a rise in such raids this year."
    )
    records = _extracted(nlp, resources, text)
    assert all(pm.place is None for pm in records.places if pm.span.text == "Igbessa")
    raid = next(e for e in records.events if e.trigger.text == "killed")
    # kept by its name at the point of the story's state (placeunread)
    assert raid.place is not None and raid.place.name == "Igbessa"
    assert raid.place.admin1 == "NG.27" and raid.place.precision == "admin1"


@pytest.mark.slow
def test_a_village_of_the_story_state_is_kept(nlp, resources) -> None:
    # the same story told of a village the gazetteer holds near Lagos keeps it: the
    # story's other places are all near it
    text = (
        "Gunmen raid village near Lagos\n\n"
        "LAGOS, March 5 (Wire) -- Gunmen killed two traders in Igbessa overnight, police "
        "in Ikeja said on Tuesday. The attackers fled towards Badagry, police said."
    )
    records = _extracted(nlp, resources, text)
    igbessa = [pm.place for pm in records.places if pm.span.text == "Igbessa"]
    assert igbessa and igbessa[0] is not None and igbessa[0].admin1 == "NG.16"
