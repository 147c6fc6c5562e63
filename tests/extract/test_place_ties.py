"""Places a story ties to another by its words (issue 15): a feature the gazetteer lacks
placed by the place named right after it, "the village" standing for the village named
before, a resident's village, a government's account, a nationality word that names no
home, a capital by its own name, a military sector, Nigeria's Local Government Areas.
Sentences we wrote; the rules read the parse, so most tests run the real model with the
shipped gazetteer."""

from __future__ import annotations

import pytest
from tests.extract.test_place_choice import _parsed_place

from eventwire.config import Settings
from eventwire.extract import extract_document
from eventwire.extract.placefeatures import TIED_FEATURE, tied_features, tied_to
from eventwire.model import Article, Evidence, Place, PlaceMention, Span

slow = pytest.mark.slow


def _name(place: Place | None) -> str | None:
    return place.name if place is not None else None


def _place(nlp, resources, text: str, trigger: str) -> Place | None:
    return _parsed_place(nlp, resources, text, trigger)


def _mentions(nlp, resources, text: str) -> dict[str, Place | None]:
    records = extract_document(Article(id="t1", text=text, published="2023-04-02"), nlp(text),
                               resources)  # fmt: skip
    return {pm.span.text: pm.place for pm in records.places}


# --- a feature the gazetteer lacks, placed by what the text ties it to -------------------


@slow
def test_a_forest_tied_to_a_local_government_area_keeps_its_name_at_the_seat(
    nlp, resources
) -> None:
    text = (
        "Troops raided a bandit hideout in the Kuyambana forest, in Gwoza Local Government "
        "Area, on Friday, the army said."
    )
    place = _place(nlp, resources, text, "raided")
    assert place is not None
    assert place.name == "Kuyambana forest"
    assert place.feature == TIED_FEATURE
    # near Gwoza: the town's point, with the precision of its surroundings
    assert place.precision == "admin2"
    assert (round(place.lat or 0, 1), round(place.lon or 0, 1)) == (11.1, 13.7)


@slow
def test_a_base_tied_to_a_part_of_a_province_takes_the_part(nlp, resources) -> None:
    text = "Rockets struck the Umm Tinah air base in Iraq's northern Salahuddin province on Monday."
    place = _place(nlp, resources, text, "struck")
    assert place is not None
    assert place.name == "Umm Tinah air base"
    assert place.precision == "admin1"


@slow
def test_a_feature_tied_only_to_a_country_stays_unread(nlp, resources) -> None:
    # a country says too little of where the forest lies: no point is made up
    text = "Soldiers attacked a militia camp in the Kuyambana forest in Nigeria on Friday."
    place = _place(nlp, resources, text, "attacked")
    assert place is None or place.feature != TIED_FEATURE


def test_tied_features_reads_only_what_follows_in_the_same_sentence() -> None:
    text = "Jets bombed the Kuyambana forest, in Gwoza. Later Bama was calm."
    gwoza = Place(id="geonames:1", name="Gwoza", lat=11.08, lon=13.69, country="NGA",
                  admin1=None, precision="city", feature="PPL")  # fmt: skip
    bama = Place(id="geonames:2", name="Bama", lat=11.52, lon=13.68, country="NGA",
                 admin1=None, precision="city", feature="PPL")  # fmt: skip
    first = Evidence("a", text[:43], 0, 43)
    second = Evidence("a", text[44:], 44, len(text))
    forest = PlaceMention("a", Span(16, 25, "Kuyambana"), None, first)
    mentions = [
        forest,
        PlaceMention("a", Span(37, 42, "Gwoza"), gwoza, first),
        PlaceMention("a", Span(50, 54, "Bama"), bama, second),
    ]
    placed = tied_features(text, mentions, {16: ("Kuyambana", "forest")})[0].place
    assert placed is not None and placed.name == "Kuyambana forest"
    assert tied_to(placed) == "geonames:1"
    # with only the next sentence's town after it, nothing ties the forest
    alone = [forest, mentions[2]]
    assert tied_features(text, alone, {16: ("Kuyambana", "forest")})[0].place is None


# --- "the village", a resident's village --------------------------------------------------


@slow
def test_the_village_is_the_small_place_named_before(nlp, resources) -> None:
    text = (
        "A farmer from Macomia was shot dead on Sunday when insurgents raided the village "
        "at dawn, a local official said."
    )
    place = _place(nlp, resources, text, "raided")
    assert place is not None and place.name == "Macomia"


@slow
def test_the_village_is_never_a_big_city_named_before(nlp, resources) -> None:
    text = "Officials in Srinagar said on Monday that gunmen had attacked the village overnight."
    place = _place(nlp, resources, text, "attacked")
    assert place is None or place.name != "Srinagar"


@slow
def test_a_resident_of_a_village_names_a_place(nlp, resources) -> None:
    text = "A resident of Mirebalais was wounded on Tuesday, the police said."
    assert _name(_mentions(nlp, resources, text).get("Mirebalais")) == "Mirebalais"


# --- a government's account, a nationality word, a capital by its own name ----------------


@slow
def test_a_government_s_account_places_nothing_it_tells(nlp, resources) -> None:
    text = (
        "Two farmers were killed near Chitral on Friday, police said, rejecting Kabul's "
        "version of the clash."
    )
    place = _place(nlp, resources, text, "killed")
    assert place is not None and place.name == "Chitral"


@slow
def test_a_nationality_word_gives_no_home_to_be_abroad_from(nlp, resources) -> None:
    # the only country word is a contingent's nationality: the Haitian town named in
    # the story is not a village far abroad from Kenya
    text = (
        "Gangs attacked several neighbourhoods of Mirebalais on Sunday. Officers of the "
        "Kenyan contingent and the Kenyan police said they had retaken the main road."
    )
    place = _place(nlp, resources, text, "attacked")
    assert place is not None and place.country == "HTI"


@slow
def test_a_nationality_in_a_parenthesis_is_no_place(nlp, resources) -> None:
    text = "Radio Lumiere (English service)\n\nGangs attacked a bus near Mirebalais on Sunday."
    assert "English" not in _mentions(nlp, resources, text)


@slow
def test_a_capital_by_its_own_name_beats_another_town_s_other_name(nlp, resources) -> None:
    # some call Anantnag "Islamabad"; a story about Kashmir that names Pakistan means
    # Pakistan's capital by Islamabad all the same
    text = (
        "Police in Srinagar and Anantnag arrested four men. Officials in Srinagar said the "
        "men had crossed from Pakistan and trained in Islamabad last year."
    )
    place = _mentions(nlp, resources, text)["Islamabad"]
    assert place is not None and place.country == "PAK"


# --- a military sector, a Local Government Area -----------------------------------------


@slow
def test_a_sector_of_a_front_is_where_the_firing_was(nlp, resources) -> None:
    text = (
        "Two soldiers were wounded when troops fired mortars at posts in the Chitral sector "
        "of the border on Sunday."
    )
    place = _place(nlp, resources, text, "fired")
    assert place is not None and place.name == "Chitral"


@slow
def test_a_local_government_area_is_the_district_of_its_seat(nlp, resources) -> None:
    text = "Gunmen abducted nine farmers in Konduga Local Government Area on Monday."
    place = _place(nlp, resources, text, "abducted")
    assert place is not None
    assert place.name == "Konduga" and place.precision == "admin2"


def test_air_base_and_dam_are_feature_words() -> None:
    from eventwire.extract.context import Resources

    words = Resources(Settings()).place_words
    assert words.features["air base"].named_after_town
    assert "DAM" in words.features["dam"].codes


# --- a name the gazetteer lacks, set off a place it names -------------------------------


@slow
def test_an_unknown_name_set_off_a_town_keeps_its_name_near_it(nlp, resources) -> None:
    text = "Soldiers shot two farmers near Tell Qarqur, north-east of Ramallah, on Monday."
    place = _place(nlp, resources, text, "shot")
    assert place is not None
    assert place.name == "Tell Qarqur" and place.precision == "admin2"
    assert tied_to(place) is not None and place.country == "PSE"


# --- a nationality of people, a nationality of a force ---------------------------------


@slow
def test_a_nationality_of_people_still_gives_a_home(nlp, resources) -> None:
    # a force's nationality says who acted; a nationality of people or things says
    # where they are, so the story's one town is read at home, not abroad
    text = "Settlers burned a Palestinian-owned olive grove near Birzeit on Friday."
    place = _place(nlp, resources, text, "burned")
    assert place is not None and place.country == "PSE"


@slow
def test_a_name_the_model_takes_for_a_nationality_in_a_parenthesis_is_read(nlp, resources) -> None:
    text = "Dozens of teachers held a sit-in in Tamsamane (Hoceima) on Monday."
    place = _mentions(nlp, resources, text).get("Hoceima")
    assert place is not None and place.country == "MAR"


# --- a parenthesis naming a district and its province ------------------------------------


@slow
def test_a_district_spelt_otherwise_in_a_parenthesis_is_read_in_its_province(
    nlp, resources
) -> None:
    # "Qaatabah" is how reports write the district GeoNames spells "Qa'tabah": a loose
    # spelling is read when the province after it holds a place so spelt
    text = "Gunmen shelled farms near Bayt Hadir (Qaatabah, Ad Dali) on Monday."
    place = _mentions(nlp, resources, text).get("Qaatabah")
    assert place is not None and place.country == "YEM" and place.admin1 == "YE.18"
    # alone, the same loose spelling reads as no place
    alone = _mentions(nlp, resources, "Gunmen shelled Qaatabah on Monday.")
    assert alone.get("Qaatabah") is None


@slow
def test_a_parenthesis_after_the_clause_s_place_says_where_in_it(nlp, resources) -> None:
    text = (
        "Rebels shelled army positions in southern Yemen (Qaatabah, Ad Dali), wounding "
        "two soldiers, local sources said."
    )
    place = _place(nlp, resources, text, "shelled")
    assert place is not None and place.admin1 == "YE.18" and place.precision == "city"
