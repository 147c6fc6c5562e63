"""A place name the gazetteer cannot read, kept by its name at its area's point
(``extract/placeunread.py``); a feature's word before a division's kind; the act a
definite noun names again (``carried_places._act_named_before``); a town naming a site
(``placenowhere._town_of_site``). Sentences we wrote;
the villages are invented, so no gazetteer holds them."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest

from eventwire.extract import extract_document
from eventwire.extract.placefeatures import TIED_FEATURE, feature_word
from eventwire.extract.placeunread import NAMED_FEATURE, _read_elsewhere, coarse
from eventwire.knowledge.place_words import place_words
from eventwire.model import Article, Evidence, Place, PlaceMention, Span


def event_places(nlp, resources, text: str, trigger: str) -> list[Place | None]:
    records = extract_document(Article(id="u1", text=text, published="2024-03-07"), nlp(text),
                               resources)  # fmt: skip
    found = [e.place for e in records.events if e.trigger.text == trigger]
    assert found, f"no event for {trigger!r}"
    return found


def assert_kept_by_name(place: Place | None, name: str, precision: str) -> None:
    """``place`` is a name the gazetteer lacks, kept by its name at ``precision``."""
    assert place is not None
    assert place.name == name
    assert place.feature == NAMED_FEATURE
    assert place.precision == precision


# --- fast ------------------------------------------------------------------------------


def test_a_feature_word_before_a_division_kind_names_the_division() -> None:
    words = place_words()
    text = "a patrol in the Khulna hill district"
    start = text.index("Khulna")
    assert feature_word(words, text, start, start + len("Khulna")) is None
    text = "a camp in the Ngorobali forest"
    start = text.index("Ngorobali")
    assert feature_word(words, text, start, start + len("Ngorobali")) == ("Ngorobali", "forest")


def test_a_name_read_as_a_tied_feature_is_that_feature() -> None:
    # "the Wadi Hamrit air base in Anbar province ... a drone exploded at Wadi Hamrit"
    anbar = Place(id="admin1:IQ.01", name="Anbar", lat=33.8, lon=42.0, country="IRQ",
                  admin1="IQ.01", precision="admin1")  # fmt: skip
    base = replace(anbar, id="near:admin1:IQ.01|wadi hamrit air base", name="Wadi Hamrit air base",
                   feature=TIED_FEATURE)  # fmt: skip
    mention = PlaceMention(article_id="a", span=Span(20, 31, "Wadi Hamrit"), place=base,
                           evidence=Evidence("a", "", 0, 40))  # fmt: skip
    ctx = SimpleNamespace(places=[mention])
    assert _read_elsewhere(ctx, "Wadi Hamrit") == base
    assert _read_elsewhere(ctx, "Wadi Hamr") is None
    assert _read_elsewhere(ctx, "Hamrit") is None


def test_coarse_places() -> None:
    town = Place(id="t", name="Gao", lat=16.3, lon=0.0, country="MLI", admin1=None,
                 precision="city")  # fmt: skip
    assert not coarse(town)
    assert coarse(None)
    assert coarse(replace(town, id="c", name="Mali", precision="country"))
    assert coarse(replace(town, inferred=True))  # a dateline's town, an inferred one


# --- slow: the parse says which names are the clause's scene ---------------------------

UNREAD = [
    # a name under "near", within the province the clause names
    ("Soldiers raided a camp near Gorkhuti, in Pakistan's Khyber Pakhtunkhwa province, "
     "on Monday.", "raided", "Gorkhuti", "admin1"),
    # a forest the gazetteer lacks, in a story whose other places are all Malian towns
    ("Jihadists attacked an army post in Gao on Sunday. On Monday, soldiers killed four "
     "fighters in the Ouagbara forest, the army said. The army later returned to Gao and "
     "Timbuktu.", "killed", "Ouagbara forest", "country"),
    # a village in a story about one country, set down at that country's point
    ("Gunmen killed three farmers near Nyabushenge in Rwanda's Western Province on "
     "Friday. Police in Rwanda said they had arrested two men.", "killed", "Nyabushenge",
     "admin1"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "name", "precision"), UNREAD)
def test_an_unread_name_is_kept_at_its_area(
    nlp, resources, text: str, trigger: str, name: str, precision: str
) -> None:
    place = event_places(nlp, resources, text, trigger)[0]
    assert_kept_by_name(place, name, precision)
    assert place is not None and place.lat is not None


@pytest.mark.slow
def test_an_unread_name_is_not_the_place_of_what_is_said(nlp, resources) -> None:
    # a speech act is placed where it was said: a village in what is said is not it
    text = "Uganda accused Kenya of sheltering rebels near Kampiyaro in Turkana County."
    place = event_places(nlp, resources, text, "accused")[0]
    assert place is None or place.feature != NAMED_FEATURE


@pytest.mark.slow
def test_a_dateline_town_does_not_place_an_unread_village(nlp, resources) -> None:
    # the wire's desk is no area of the village: with no country read, nothing
    text = "ACCRA (Wire) -- Gunmen shot dead two herders near Tindoukara on Monday."
    place = event_places(nlp, resources, text, "shot")[0]
    assert place is None or place.name != "Accra"


ACTS_AGAIN = [
    # "the blast" names again the blast told in the paragraph before
    ("Two policemen were killed on Saturday in a landmine blast near Kasese.\n\n"
     "Six people died in the blast, doctors said.", "blast", "Kasese"),
    # "the attack" names again the shelling told in an earlier paragraph
    ("Shells hit a market in Bukavu on Thursday.\n\n"
     "Aid workers said 12 people were wounded in the attack.", "wounded", "Bukavu"),
    # "the strike" is the drone strike, not the raid a definite "The strike" was told after
    ("A drone strike hit a bus station in Gondar on Monday. The strike came a day after "
     "militiamen raided an army camp in Bahir Dar.\n\nNine people died in the strike, a "
     "doctor said.", "strike", "Gonder"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "expected"), ACTS_AGAIN)
def test_a_definite_noun_takes_the_place_of_the_act_it_names_again(
    nlp, resources, text: str, trigger: str, expected: str
) -> None:
    place = event_places(nlp, resources, text, trigger)[-1]  # the one the last paragraph tells
    assert place is not None
    assert place.name == expected


@pytest.mark.slow
def test_an_indefinite_noun_names_a_new_act(nlp, resources) -> None:
    text = ("Shells hit a market in Bukavu on Thursday.\n\n"
            "Aid workers said 12 people were wounded in an attack on a convoy.")  # fmt: skip
    places = event_places(nlp, resources, text, "wounded")
    assert all(p is None or p.name != "Bukavu" for p in places)


SITES = [
    # a town naming the site a locative governs is where the site is
    ("Two civilians were killed in Sunday night's attack on the Saravan police station, "
     "a rights group said.", "attack", "Sarāvān"),
    ("A bomb exploded at the Mogadishu livestock market on Tuesday, killing six people.",
     "exploded", "Mogadishu"),
    ("Militants attacked the Maiduguri central prison overnight, officials said.", "attacked",
     "Maiduguri"),
    # a security force's site ("the X police headquarters", "the X army barracks")
    ("Gunmen attacked the Bunia police headquarters at dawn and set two vehicles alight.",
     "attacked", "Bunia"),
    ("Militants attacked the Maiduguri army barracks overnight, the military said.",
     "attacked", "Maiduguri"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "expected"), SITES)
def test_a_town_naming_a_site_places_what_happened_there(
    nlp, resources, text: str, trigger: str, expected: str
) -> None:
    place = event_places(nlp, resources, text, trigger)[0]
    assert place is not None
    assert place.name == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("The Kasese police chief said gunmen killed two traders in Uganda's Western Region.",
         "Kasese"),
        ("The Bunia police commander said gunmen killed two traders in Ituri province.", "Bunia"),
    ],
)  # fmt: skip
def test_a_town_qualifying_a_person_places_nothing(nlp, resources, text: str, town: str) -> None:
    place = event_places(nlp, resources, text, "killed")[0]
    assert place is None or place.name != town


@pytest.mark.slow
def test_one_misread_town_gives_no_country(nlp, resources) -> None:
    # "Police forces": the model's place is the Polish town Police; one town alone says
    # no country for the village the gazetteer lacks
    text = "Rioters threw stones at Police forces in Ngorobali. A Police officer was injured."
    place = event_places(nlp, resources, text, "threw")[0]
    assert place is None or place.country != "POL"
