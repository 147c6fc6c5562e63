"""A part of a country or division named by a direction is a place of its own (issue 15):
"eastern Libya", "the south of Libya", "Libya's southwest", "the country's north",
labelled as such, at the whole's point, finer than the whole and coarser than a town or
a division named for itself. Our own sentences; fast tests use a blank pipeline and a
hand-made gazetteer, the rules on the parse run the real model (marked slow)."""

from __future__ import annotations

import sqlite3

import pytest
from tests.extract.test_place_choice import _parsed_place, _place_of

from eventwire.config import Settings
from eventwire.evaluate.places import place_matches, whole_of_part
from eventwire.extract.context import DocContext, Resources
from eventwire.extract.dates import extract_timexes
from eventwire.extract.placeparts import PART_FEATURE, adjective, part_of
from eventwire.extract.places import extract_places
from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.knowledge.gazetteer_parts import write_parts
from eventwire.model import Article, Place

LIBYA = Place("country:LBY", "Libya", 27.0, 17.0, "LBY", None, "country", "PCLI", 6_700_000)


def _context(nlp, gazetteer, text: str) -> DocContext:
    resources = Resources(Settings())
    resources.__dict__["gazetteer"] = gazetteer
    ctx = DocContext(article=Article(id="p1", text=text, published="2021-06-07"),
                     doc=nlp(text), resources=resources)  # fmt: skip
    ctx.put("timexes", extract_timexes(ctx)["timexes"])
    ctx.put("places", extract_places(ctx)["places"])
    return ctx


def test_a_direction_adjective_names_its_adjective_form() -> None:
    assert adjective("south-east") == "southeastern"
    assert adjective("North West") == "northwestern"
    assert adjective("northern") == "northern"
    assert adjective("centre") == "central"


def test_a_part_is_labelled_as_one_at_the_wholes_point() -> None:
    part = part_of(LIBYA, "east")
    assert (part.name, part.id, part.feature) == (
        "eastern Libya",
        "part:eastern:country:LBY",
        PART_FEATURE,
    )
    assert (part.lat, part.lon, part.country, part.precision) == (27.0, 17.0, "LBY", "admin1")
    assert not part.inferred and part.population is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Gunmen attacked a convoy in eastern Libya.", "attacked", "eastern Libya"),
        ("Gunmen attacked a convoy in south-east Libya.", "attacked", "southeastern Libya"),
        ("Gunmen attacked a convoy in southeast Libya.", "attacked", "southeastern Libya"),
        ("Gunmen attacked a convoy in south east Libya.", "attacked", "southeastern Libya"),
        ("Gunmen attacked a convoy in south–east Libya.", "attacked", "southeastern Libya"),
        ("Gunmen attacked a convoy in north-western Libya.", "attacked", "northwestern Libya"),
        ("Gunmen attacked a convoy in North-Western Libya.", "attacked", "northwestern Libya"),
        ("Rebels shelled two villages in the south east of Libya.", "shelled",
         "southeastern Libya"),
        ("Rebels shelled villages in Libya's north-west, officials said.", "shelled",
         "northwestern Libya"),
        ("Rebels shelled two villages in the north of Libya.", "shelled", "northern Libya"),
        ("Rebels shelled villages in Libya's southwest, officials said.", "shelled",
         "southwestern Libya"),
        ("Fighting went on in Libya as drones struck the country's south.", "struck",
         "southern Libya"),
        ("Fighting went on in Libya as drones struck the south of the country.", "struck",
         "southern Libya"),
    ],
)  # fmt: skip
def test_a_direction_names_a_part_of_a_country(
    blank_nlp, small_gazetteer, text: str, trigger: str, expected: str | None
) -> None:
    place = _place_of(blank_nlp, small_gazetteer, text, trigger)
    assert (place.name if place is not None and not place.inferred else None) == expected


def test_the_country_is_the_one_named_before(blank_nlp, small_gazetteer) -> None:
    # "the country" is the last country named for itself, not one named after it
    text = "Talks failed in Lebanon as militias attacked a post in the country's north near Libya."
    place = _place_of(blank_nlp, small_gazetteer, text, "attacked")
    assert place is not None and place.name == "northern Lebanon"
    # with no country named before it, "the country" makes no part
    ctx = _context(blank_nlp, small_gazetteer, "Drones struck the country's south near Libya.")
    assert [pm.place.feature for pm in ctx.places if pm.place] == ["PCLI"]


def _with_parts(gazetteer) -> Gazetteer:
    """``gazetteer`` with its parts' points worked out, opened again."""
    gazetteer.close()
    con = sqlite3.connect(gazetteer.path)
    write_parts(con)
    con.commit()
    con.close()
    return Gazetteer(gazetteer.path)


def test_a_part_lies_at_the_middle_of_its_towns(blank_nlp, small_gazetteer) -> None:
    gazetteer = _with_parts(small_gazetteer)
    text = "Gunmen attacked a convoy in eastern Libya."
    place = _place_of(blank_nlp, gazetteer, text, "attacked")
    assert place is not None and place.name == "eastern Libya"
    # Darnah (100,000 people) and Marsa Brega (31,000) lie east of Libya's point: their
    # weighted middle, not the whole's point, nor a town; a part still reads as admin1
    assert (place.lat, place.lon) == pytest.approx((32.21, 21.92), abs=0.01)
    assert (place.precision, place.feature, place.population) == ("admin1", PART_FEATURE, None)
    # without a point of its own the part keeps the whole's
    assert (part_of(LIBYA, "east", gazetteer).lat, part_of(LIBYA, "east").lat) == (
        pytest.approx(32.21, abs=0.01),
        27.0,
    )


def test_a_town_in_the_part_refines_it(blank_nlp, small_gazetteer) -> None:
    text = "Rebels shelled villages in western Libya, killing two people in Misrata."
    place = _place_of(blank_nlp, small_gazetteer, text, "shelled")
    assert place is not None and place.name == "Misratah"


def test_a_direction_divides_no_town(blank_nlp, small_gazetteer) -> None:
    text = "Gunmen attacked a convoy in eastern Tripoli."
    place = _place_of(blank_nlp, small_gazetteer, text, "attacked")
    assert place is not None and place.name == "Tripoli"


def test_a_part_answers_for_its_whole_in_scoring() -> None:
    part = part_of(LIBYA, "south")
    assert place_matches(part, ["Libya"])
    assert place_matches(part, ["southern Libya"])
    assert not place_matches(part, ["Lebanon"])


# --- slow: rules on the parse, with the real model and the shipped gazetteer -----------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a clause naming only what lies across a border happened where the clause
        # governing it says
        ("Heavy fighting broke out on Monday in eastern Ukraine when troops attacked "
         "positions near the border with Russia, officials said.", "attacked",
         "eastern Ukraine"),
        ("In Lebanon, Israeli jets struck the country's southeast on Friday.", "struck",
         "southeastern Lebanon"),
        ("Militants attacked a convoy in northern Darfur, killing five soldiers.", "attacked",
         "northern Darfur"),
        # a direction before a nationality word names a people, not a part of a country
        ("Central American protesters attacked the embassy in Madrid.", "attacked", "Madrid"),
        # a name the gazetteer knows with its direction is that place
        ("Gunmen killed four people in South Sudan on Sunday.", "killed", "South Sudan"),
    ],
)  # fmt: skip
def test_parts_on_the_parse(nlp, resources, text: str, trigger: str, expected: str) -> None:
    place = _parsed_place(nlp, resources, text, trigger)
    assert (place.name if place else None) == expected


def test_a_parts_spellings_are_one_name_in_scoring() -> None:
    part = part_of(LIBYA, "south-east")
    for gold in ("south-east Libya", "south east Libya", "southeast Libya", "South-Eastern Libya"):
        assert place_matches(part, [gold]), gold
    assert not place_matches(part, ["north-east Libya"])
    assert not place_matches(part_of(LIBYA, "south"), ["south-east Libya"])


def test_a_part_gives_its_whole_to_the_end_to_end_scorer(small_gazetteer) -> None:
    # where a gold marks only "Libya" of our "southern Libya", the whole's point counts too
    whole = whole_of_part(part_of(LIBYA, "south"), small_gazetteer)
    assert whole is not None and (whole.id, whole.lat, whole.lon) == ("country:LBY", 27.0, 17.0)
    assert whole_of_part(LIBYA, small_gazetteer) is None
