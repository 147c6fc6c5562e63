"""An event's place where the text names it outside the cases built before (issue 15):
a name the gazetteer lacks that a reference point only says where it lies ("in Xa, 20 km
east of Y": ``placeunread.named_by_reference``), a short distance off a name as near as
"near" ("about 5 km from the Xa garrison"), a town naming a security force's site ("the
Y police headquarters": ``placenowhere._town_of_site``), and an act a day's possessive
names again ("Monday's attack": ``carried_places._definite``), a town the text puts in
an area its reading lies far from ("Xa, in the Y municipality": a namesake, left to the
tie: ``placefeatures.namesakes_across_a_tie``), a municipality named after its seat.
Sentences we wrote, in several wars; the villages are invented, or bear a name many
villages share, so no gazetteer holds the one meant."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.extract.test_place_unread import assert_kept_by_name, event_places

from eventwire.extract.placefeatures import (
    TIED_FEATURE,
    namesakes_across_a_tie,
    with_tied_namesakes,
)
from eventwire.extract.placerefs import states_reference
from eventwire.extract.placeunread import _APPOSITION, NAMED_FEATURE, _near_by_distance
from eventwire.knowledge.place_words import place_words
from eventwire.model import Evidence, Place, PlaceMention, Span

# --- fast ------------------------------------------------------------------------------


def test_a_short_distance_off_a_name_is_as_near_as_near() -> None:
    assert _near_by_distance("killed on Friday, about 5 km from the ")
    assert _near_by_distance("an ambush 3 miles north of ")
    assert not _near_by_distance("an ambush 60 km north of ")  # no town's surroundings
    assert not _near_by_distance("an ambush in the north of ")


def test_what_may_stand_between_a_name_and_its_reference() -> None:
    assert _APPOSITION.fullmatch(", in neighbouring Imo state, about 20 km east of ")
    assert _APPOSITION.fullmatch(", some 400 km from the ")
    # another clause between them tells another scene
    assert not _APPOSITION.fullmatch(", and soldiers later fought them 20 km east of ")
    assert not _APPOSITION.fullmatch(", where troops killed two men 20 km east of ")
    assert not _APPOSITION.fullmatch(". Troops then moved 20 km east of ")


def test_a_reference_point_is_named_by_the_words_before_it() -> None:
    text = "a camp in Ndorobeti, about 20 km east of Gbarnga"
    start = text.index("Gbarnga")
    place = Place(id="g", name="Gbarnga", lat=7.0, lon=-9.5, country="LBR", admin1=None,
                  precision="city")  # fmt: skip
    pm = PlaceMention(article_id="a", span=Span(start, start + 7, "Gbarnga"), place=place,
                      evidence=Evidence("a", "", 0, len(text)))  # fmt: skip
    assert states_reference(text, pm)
    text = "a camp in Gbarnga"
    pm = PlaceMention(article_id="a", span=Span(10, 17, "Gbarnga"), place=place,
                      evidence=Evidence("a", "", 0, len(text)))  # fmt: skip
    assert not states_reference(text, pm)


def test_security_sites_are_sites_a_town_names() -> None:
    words = place_words()
    assert {"headquarters", "barracks", "garrison"} <= words.town_sites
    assert "chief" not in words.town_sites
    # "the Xa garrison" is a base named after its town, as "the Xa barracks"
    assert words.features["garrison"] == words.features["barracks"]


def _mention(text: str, name: str, place: Place | None) -> PlaceMention:
    start = text.index(name)
    return PlaceMention(article_id="a", span=Span(start, start + len(name), name), place=place,
                        evidence=Evidence("a", "", 0, len(text)))  # fmt: skip


def test_a_town_put_in_a_far_area_is_a_namesake() -> None:
    text = "Gunmen killed four farmers in Xa Nueva, in the Tepal municipality, on Sunday."
    far = Place(id="far", name="Xa Nueva", lat=16.2, lon=-91.9, country="MEX", admin1="MX.05",
                precision="city")  # fmt: skip
    tepal = Place(id="tepal", name="Tepal", lat=19.2, lon=-102.8, country="MEX",
                  admin1="MX.16", precision="admin2")  # fmt: skip
    mentions = [_mention(text, "Xa Nueva", far), _mention(text, "Tepal", tepal)]
    unread: dict[int, tuple[str, str]] = {}
    found, rejected = namesakes_across_a_tie(text, mentions, unread)
    assert found[0].place is None and unread == {mentions[0].span.start: ("Xa Nueva", "")}
    assert rejected == {"far": mentions[0].span.start}
    # another mention of the namesake takes what the tied one is read as
    tied = Place(id="near:tepal|xa nueva", name="Xa Nueva", lat=19.2, lon=-102.8,
                 country="MEX", admin1="MX.16", precision="admin2",
                 feature=TIED_FEATURE)  # fmt: skip
    again = replace(found[1], span=Span(200, 208, "Xa Nueva"), place=far)
    out = with_tied_namesakes([replace(found[0], place=tied), found[1], again], rejected)
    assert out[2].place == tied and out[1].place == tepal


def test_a_town_put_in_its_own_area_stays_read() -> None:
    text = "Gunmen killed four farmers in Xa Nueva, in the Tepal municipality, on Sunday."
    near = Place(id="near", name="Xa Nueva", lat=19.0, lon=-102.5, country="MEX",
                 admin1="MX.16", precision="city")  # fmt: skip
    tepal = Place(id="tepal", name="Tepal", lat=19.2, lon=-102.8, country="MEX",
                  admin1="MX.16", precision="admin2")  # fmt: skip
    mentions = [_mention(text, "Xa Nueva", near), _mention(text, "Tepal", tepal)]
    found, rejected = namesakes_across_a_tie(text, mentions, {})
    assert found[0].place == near and not rejected
    # filed under the neighbouring division, but near: still that town
    beside = Place(id="beside", name="Xa Nueva", lat=19.4, lon=-102.0, country="MEX",
                   admin1="MX.14", precision="city")  # fmt: skip
    found, rejected = namesakes_across_a_tie(
        text, [_mention(text, "Xa Nueva", beside), mentions[1]], {}
    )
    assert found[0].place == beside and not rejected


def test_a_big_town_or_a_reference_keeps_its_reading() -> None:
    # a misread area ("the Nile Delta" read abroad) does not unseat a city's reading, nor
    # does an area after a town named only as a reference point
    delta = Place(id="delta", name="Delta", lat=5.8, lon=6.1, country="NGA", admin1="NG.36",
                  precision="admin1")  # fmt: skip
    city = Place(id="city", name="Ciro", lat=30.1, lon=31.2, country="EGY", admin1="EG.11",
                 precision="city", population=9_000_000)  # fmt: skip
    text = "a village outside Ciro, in the Delta, where he grew up"
    found, rejected = namesakes_across_a_tie(
        text, [_mention(text, "Ciro", city), _mention(text, "Delta", delta)], {}
    )
    assert found[0].place == city and not rejected
    small = replace(city, population=4_000)
    text = "a village north of Ciro, in the Delta, where he grew up"
    found, rejected = namesakes_across_a_tie(
        text, [_mention(text, "Ciro", small), _mention(text, "Delta", delta)], {}
    )
    assert found[0].place == small and not rejected


# --- slow: the parse says which names are the clause's scene ---------------------------

BY_REFERENCE = [
    # Liberia: a village the gazetteer lacks, tied to its county, set off a town it knows
    ("Soldiers burned a rebel camp in Gbolokai, in Bong County, about 20 km east of "
     "Gbarnga, on Friday.", "burned", "Gbolokai", "admin2"),
    # Nigeria: the village's own "in" and a reference after the state
    ("Gunmen killed six vigilantes in Kumbalari, in Borno state, some 15 km north of "
     "Konduga, residents said.", "killed", "Kumbalari", "admin2"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "name", "precision"), BY_REFERENCE)
def test_a_name_a_reference_point_locates_is_the_place(
    nlp, resources, text: str, trigger: str, name: str, precision: str
) -> None:
    assert_kept_by_name(event_places(nlp, resources, text, trigger)[0], name, precision)


@pytest.mark.slow
def test_a_reference_after_another_clause_places_its_own_act(nlp, resources) -> None:
    # ", and ..." starts another scene: the fighting is off Gbarnga, not in Ndorobeti
    text = ("Rebels looted shops in Gbolokai, and soldiers clashed with them 20 km east of "
            "Gbarnga on Friday.")  # fmt: skip
    place = event_places(nlp, resources, text, "clashed")[0]
    assert place is None or place.name != "Gbolokai"


NEAR_BY_DISTANCE = [
    # Tanzania: a garrison named after a town the gazetteer lacks
    ("Fighters overran an army post in Mtwara on Monday. Two soldiers died in the ambush, "
     "about 5 km from the Kirongwe garrison.", "ambush", "Kirongwe garrison"),
    # Kenya: a small distance from a village, with a direction
    ("A roadside bomb killed three police reservists 4 km north of Oshkiran, in Kenya's "
     "Mandera County, on Sunday.", "killed", "Oshkiran"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "name"), NEAR_BY_DISTANCE)
def test_a_short_distance_off_an_unread_name_places_the_act(
    nlp, resources, text: str, trigger: str, name: str
) -> None:
    place = event_places(nlp, resources, text, trigger)[-1]
    assert place is not None
    assert place.name == name
    assert place.feature == NAMED_FEATURE


DAY_POSSESSIVE = [
    # Afghanistan: "Monday's attack" names the attack told in the paragraph before
    ("Gunmen attacked a checkpoint in Kandahar on Monday, police said.\n\n"
     "The toll of Monday's attack rose to nine on Wednesday, a hospital official said.",
     "attack", "Kandahār"),
    # Iraq: "Sunday night's bombing" names the bombing told two paragraphs before
    ("A car bomb exploded near a market in Tikrit on Sunday night.\n\n"
     "Police closed the roads.\n\n"
     "Eleven people were killed in Sunday night's bombing, a doctor said.", "killed",
     "Tikrīt"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "expected"), DAY_POSSESSIVE)
def test_a_days_possessive_names_an_act_told_before(
    nlp, resources, text: str, trigger: str, expected: str
) -> None:
    place = event_places(nlp, resources, text, trigger)[-1]  # the one the last paragraph tells
    assert place is not None
    assert place.name == expected


NAMESAKES = [
    # Mexico: no Nueva Esperanza in Jalisco; the ones elsewhere are namesakes
    ("Cartel gunmen killed four farmers in Nueva Esperanza, in the Hostotipaquillo "
     "municipality, on Sunday.", "killed", "Nueva Esperanza", "MEX", "MX.14"),
    # Colombia: a village the text puts in the Tumaco municipality of Narino
    ("Dissidents shot dead three community leaders in La Esperanza, in the Tumaco "
     "municipality of Narino, on Saturday.", "shot", "La Esperanza", "COL", "CO.20"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "name", "country", "admin1"), NAMESAKES)
def test_a_village_the_text_puts_elsewhere_is_no_namesake(
    nlp, resources, text: str, trigger: str, name: str, country: str, admin1: str
) -> None:
    place = event_places(nlp, resources, text, trigger)[0]
    assert place is not None
    assert place.name == name
    assert place.feature == TIED_FEATURE
    assert (place.country, place.admin1) == (country, admin1)


@pytest.mark.slow
def test_a_town_the_text_puts_in_its_own_state_stays_read(nlp, resources) -> None:
    text = "Gunmen killed two police officers in Tepalcatepec, in Michoacan state, on Friday."
    place = event_places(nlp, resources, text, "killed")[0]
    assert place is not None
    assert (place.name, place.admin1, place.precision) == ("Tepalcatepec", "MX.16", "city")


@pytest.mark.slow
def test_a_municipality_is_named_after_its_seat(nlp, resources) -> None:
    text = "Soldiers clashed with gunmen in the Hostotipaquillo municipality on Monday."
    place = event_places(nlp, resources, text, "clashed")[0]
    assert place is not None
    assert (place.name, place.precision) == ("Hostotipaquillo", "admin2")
