"""The country an article is about, read by weight (issue 13): bare "soldiers" and "the
army" stand for that country's forces even when one word of the story is misread as a
place abroad or a neighbour is named, and for no one when the story is told of two
countries. Records built by hand, on stories we made up."""

from __future__ import annotations

import pytest
from tests.extract.test_actors_and_sides import picture
from tests.extract.test_instrument_doers import bare

from eventwire.config import Settings
from eventwire.extract.one_state import armies_of_one_state, article_country
from eventwire.knowledge.resources import Resources
from eventwire.model import GROUP_LABEL, Evidence, Mention, Place, PlaceMention, Span

__all__ = ["bare"]  # the module fixture, shared

_EVIDENCE = Evidence("a1", "x", 0, 10)


def _place(start: int, country: str | None, text: str = "Town") -> PlaceMention:
    place = Place(f"p{start}", text, 0.0, 0.0, country, None, "city")
    return PlaceMention("a1", Span(start, start + len(text), text), place, _EVIDENCE)


def _mention(start: int, text: str, label: str = GROUP_LABEL, **kw) -> Mention:
    return Mention("a1", Span(start, start + len(text), text), label, _EVIDENCE,
                   normalized=kw.pop("normalized", text), **kw)  # fmt: skip


def _places(**countries: int) -> list[PlaceMention]:
    out, at = [], 100
    for iso3, n in countries.items():
        for _ in range(n):
            out.append(_place(at, iso3))
            at += 10
    return out


@pytest.fixture(scope="module")
def kb():
    return Resources(Settings(shipped_kb=False)).kb


@pytest.mark.parametrize(
    ("votes", "country"),
    [
        # a story from Kadugli naming its towns, and a ceasefire once signed in Abu Dhabi
        ({"SDN": 7, "ARE": 1}, "SDN"),
        # raids around Cabo Delgado; "translated from French" read as France
        ({"MOZ": 6, "FRA": 1}, "MOZ"),
        # an attack near the Togolese border with Burkina Faso and Benin named once each
        ({"TGO": 9, "BFA": 1, "BEN": 1}, "TGO"),
        # a Sahel story with Russia's instructors named once
        ({"MLI": 4, "RUS": 1}, "MLI"),
        # a one-country story, as before
        ({"COL": 2}, "COL"),
    ],
)
def test_the_country_most_of_the_places_lie_in_by_a_clear_margin(votes, country):
    assert article_country(_places(**votes)) == country


@pytest.mark.parametrize(
    "votes",
    [
        {"RUS": 5, "UKR": 4},  # a drone strike across the Belgorod border
        {"COD": 3, "RWA": 2},  # a war between neighbours
        {"SDN": 1, "TCD": 1},
        {"ETH": 2, "ERI": 1},  # too few votes for a margin to mean anything
        {},
    ],
)
def test_a_story_of_two_countries_names_none(votes):
    assert article_country(_places(**votes)) is None


def test_a_place_read_inside_an_actors_name_casts_no_vote():
    # "the Karen National Union said ... near Myawaddy": a "Karen" read as a town abroad
    # inside the group's name does not undo the story's country
    union = _mention(0, "the Karen National Union", "ORG")
    inside = _place(4, "KEN", "Karen")
    places = [inside, _place(60, "MMR", "Myawaddy")]
    assert article_country(places, [union]) == "MMR"
    assert article_country(places) is None  # without the name, two countries


def test_named_actors_of_a_country_vote_for_it(kb):
    # one town each side of a border, three Malian officials and the Malian army named
    places = [_place(100, "MLI"), _place(110, "NER")]
    names = [_mention(200 + 20 * i, f"Official {i}", "PERSON", affiliation="MLI") for i in range(3)]
    assert article_country(places, names, kb) == "MLI"


def test_bare_soldiers_follow_the_weighted_country(kb):
    soldiers = _mention(0, "soldiers", group="group:soldier:")
    out = armies_of_one_state([soldiers], _places(TGO=6, FRA=1), kb)
    assert out[0].affiliation == "TGO" and out[0].label == "ORG"
    # a border war: left alone
    assert armies_of_one_state([soldiers], _places(RUS=4, UKR=4), kb) == [soldiers]


def test_a_dateline_counts_twice_even_in_an_outlets_name():
    # "Kachin Herald -- fighting near Laiza ... the Shan insurgency", "Shan" read as a
    # town abroad: the dateline (the outlet's region) and the town outweigh it
    outlet = _mention(0, "Kachin Herald", "ROLE")
    dateline = PlaceMention(
        "a1", Span(0, 6, "Kachin"), Place("k", "Kachin", 0, 0, "MMR", None, "admin1"),
        _EVIDENCE, zone="dateline",
    )  # fmt: skip
    places = [dateline, _place(40, "MMR", "Laiza"), _place(90, "CHN", "Shan")]
    assert article_country(places, [outlet]) == "MMR"
    # a dateline alone does not carry a story told of another country
    assert article_country([dateline, *_places(SDN=4)]) is None


# --- slow: the real model ----------------------------------------------------------------


def _sides(res) -> set[str]:
    names = {a.id: a.name for a in res.actors}
    return {names.get(x) for e in res.events for x in (e.source_actor, e.target_actor) if x}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # a neighbour named once where the attackers fled
        "Gunmen attacked a checkpoint near Kassala on Monday, killing four soldiers, "
        "officials in Port Sudan said. The attackers fled towards Eritrea. Residents of "
        "Gedaref and Atbara said the roads were closed.",
        # a capital abroad where talks were once held
        "Troops shelled villages outside Kadugli on Friday, residents said. Talks held "
        "in Nairobi last year collapsed. Aid groups in El Obeid, Dilling and Kosti said "
        "families had fled.",
    ],
)  # fmt: skip
def test_bare_forces_are_the_forces_of_the_country_the_story_is_about(nlp, bare, text):
    assert "Armed forces of Sudan" in _sides(picture(nlp, bare, text))


@pytest.mark.slow
def test_bare_forces_in_a_story_of_two_countries_are_no_ones(nlp, bare):
    text = ("Troops fired across the border near Kassala on Monday, officials in Asmara "
            "said. Residents of Tessenei and Keren said shells fell near Om Hajer, and "
            "Sudanese officials in Gedaref denied it.")  # fmt: skip
    sides = _sides(picture(nlp, bare, text))
    assert "Armed forces of Sudan" not in sides and "Armed forces of Eritrea" not in sides
