"""Places named in a sentence that are not where its act happened (issue 15): where the
wounded were taken or died in hospital, "the capital" of a country known only from a nationality word, a
place inside an armed group's branch name, a namesake abroad by another language's name,
and the subject of another clause joined by "and". Sentences we wrote."""

from __future__ import annotations

import pytest
from tests.extract.test_place_choice import _parsed_place, _place_of

from eventwire.extract import extract_document
from eventwire.model import Article

# --- fast: lexical rules --------------------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "The wounded were flown to Misrata.",
        "The injured were taken to a military hospital in Misrata.",
        "Two of the wounded were later evacuated to Misrata.",
        "The bodies were brought to the morgue in Misrata.",
        "Survivors were admitted to hospital at Misrata.",
    ],
)
def test_where_the_wounded_were_taken_is_not_the_place(
    blank_nlp, small_gazetteer, second: str
) -> None:
    # "the wounded were flown to X": the act keeps the place of the sentence before
    text = f"Gunmen shot a driver in Derna on Monday. {second}"
    trigger = second.split()[1] if second.split()[1] in ("wounded", "injured") else "were"
    assert _place_of(blank_nlp, small_gazetteer, text, trigger).name == "Darnah"


@pytest.mark.parametrize(
    "second",
    [
        "Two of the wounded died in hospital in Misrata on Tuesday.",
        "Two of the wounded have died at the regional hospital in Misrata.",
        "One wounded man succumbed to his wounds at a clinic in Misrata.",
    ],
)
def test_where_the_wounded_died_is_not_the_place(blank_nlp, small_gazetteer, second: str) -> None:
    # "died in hospital in X": where they died of their wounds, not where they were hurt
    text = f"Gunmen shot a driver in Derna on Monday. {second}"
    assert _place_of(blank_nlp, small_gazetteer, text, "wounded").name == "Darnah"


def test_died_in_a_town_is_the_place(blank_nlp, small_gazetteer) -> None:
    text = "Gunmen shot a driver in Derna on Monday. Two wounded men died in Misrata."
    assert _place_of(blank_nlp, small_gazetteer, text, "wounded").name == "Misratah"


def test_a_destination_without_a_transfer_stays(blank_nlp, small_gazetteer) -> None:
    # a place after "to" with no transfer verb, or "took to the streets in X", is not
    # a destination of the wounded
    text = "Protesters took to the streets in Misrata on Monday."
    assert _place_of(blank_nlp, small_gazetteer, text, "took").name == "Misratah"
    text = "Gunmen shot a driver in Derna. Shells fell close to Misrata."
    assert _place_of(blank_nlp, small_gazetteer, text, "fell").name == "Misratah"


# --- slow: the real model and the shipped gazetteer -------------------------------------


def _records(nlp, resources, text: str):
    return extract_document(Article(id="n1", text=text, published="2021-06-07"), nlp(text),
                            resources)  # fmt: skip


@pytest.mark.slow
def test_the_wounded_flown_abroad_keep_the_act_in_its_town(nlp, resources) -> None:
    text = "Militants raided a checkpoint near Kidal on Monday. The wounded were flown to Bamako."
    place = _parsed_place(nlp, resources, text, "wounded")
    assert place is not None and place.name == "Kidal"


@pytest.mark.slow
def test_the_capital_is_not_a_nationality_words_capital(nlp, resources) -> None:
    # "a Kenyan officer" in a story about a Haitian town: the capital is Port-au-Prince
    text = (
        "Gang members burned a police station in Croix-des-Bouquets on Friday. A Kenyan "
        "officer said the gangs now hold most of the capital."
    )
    capital = [pm for pm in _records(nlp, resources, text).places if pm.span.text == "the capital"]
    assert capital and capital[0].place is not None
    assert capital[0].place.country == "HTI"


@pytest.mark.slow
def test_the_capital_needs_a_place_not_only_a_nationality_word(nlp, resources) -> None:
    text = "A Kenyan officer said the gangs now hold most of the capital."
    records = _records(nlp, resources, text)
    assert not [pm for pm in records.places if pm.span.text == "the capital"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Fighters of the Islamic State Sahel Province killed nine soldiers on Friday.",
            "killed",
            None,
        ),  # fmt: skip
        (
            "Fighters of the Islamic State Sahel Province killed nine soldiers in Menaka.",
            "killed",
            "Ménaka",
        ),  # fmt: skip
        (
            "The Sinai Province group claimed a raid that killed four guards in Egypt.",
            "raid",
            "Egypt",
        ),  # fmt: skip
    ],
)
def test_a_groups_province_is_no_place_of_its_acts(
    nlp, resources, text: str, trigger: str, expected: str | None
) -> None:
    place = _parsed_place(nlp, resources, text, trigger)
    assert (place.name if place is not None else None) == expected


@pytest.mark.slow
def test_a_division_named_province_outside_a_group_name_stays(nlp, resources) -> None:
    text = "Soldiers clashed with rebels in the Sahel Province of Burkina Faso on Friday."
    place = _parsed_place(nlp, resources, text, "clashed")
    assert place is not None and place.country == "BFA"


@pytest.mark.slow
def test_another_languages_name_of_a_town_abroad_is_no_reading(nlp, resources) -> None:
    # GeoNames writes Chile's Calama also "Karama"; in a Libyan story the word is an
    # operation's other name, not a town on another continent
    text = (
        "Militias clashed in Benghazi and Derna on Friday. The offensive, called Karama by "
        "its commanders, began with an assault on the port of Benghazi."
    )
    places = _records(nlp, resources, text).places
    assert all(pm.place is None or pm.place.country == "LBY" for pm in places)


@pytest.mark.slow
def test_the_subject_of_a_clause_with_its_own_subject_places_nothing(nlp, resources) -> None:
    text = (
        "The offensive began with an assault on the militia's bases on May 3, and the "
        "government in Tripoli at the time called it a coup."
    )
    place = _parsed_place(nlp, resources, text, "assault")
    assert place is None or place.name != "Tripoli"
    # verbs joined by "and" without a subject of their own still share it
    place = _parsed_place(nlp, resources, "People in Aden cut roads and burned tyres.", "burned")
    assert place is not None and place.name == "Aden"


@pytest.mark.slow
def test_a_destination_opening_a_where_clause_places_that_clause(nlp, resources) -> None:
    # read in the parse: a relative clause of place hangs from the destination
    text = "Reinforcements were rushed to Kadugli, where they repelled an attack on Sunday."
    place = _parsed_place(nlp, resources, text, "repelled")
    assert place is not None and place.name == "Kadugli"
    # no such clause: the wounded were hurt elsewhere
    text = "Gunmen shot two guards. The wounded were rushed to Kadugli on Monday."
    records = extract_document(Article(id="w", text=text), nlp(text), resources)
    assert all(e.place is None or e.place.name != "Kadugli" for e in records.events)
