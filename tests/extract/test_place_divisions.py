"""Provinces and districts named alone, the area a place is said to lie in, and places
given by a distance from a reference point (issue 15), on sentences we wrote.

Fast tests use a blank pipeline and a hand-made gazetteer; the rules that read the parse
or the model's labels are marked slow and run the real model with the shipped gazetteer.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.extract.test_place_choice import _parsed_place

from eventwire.config import Settings
from eventwire.extract.anchor import place_for
from eventwire.extract.context import DocContext, Resources
from eventwire.extract.dates import extract_timexes
from eventwire.extract.places import extract_places
from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.knowledge.gazetteer_build import SCHEMA, Builder
from eventwire.knowledge.placenames import compass_variants
from eventwire.model import Article, Mention, Place, Span
from eventwire.text.geo import destination, haversine_km


def _builder(path: Path) -> Builder:
    """A gazetteer builder writing to a new file at ``path``, without the shipped data."""
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row = con, 1
    return b


@pytest.fixture
def division_gazetteer(tmp_path: Path) -> Gazetteer:
    """Divisions and towns of a few countries, some sharing a name, all invented figures."""
    path = tmp_path / "d.sqlite"
    b = _builder(path)
    town = {"precision": "city", "feature": "PPL"}
    province = {"precision": "admin1", "feature": "ADM1"}
    b.add("admin1:ML.10", "Kidal", [], lat=19.5, lon=1.5, country="MLI", admin1="ML.10",
          population=60_000, **province)  # fmt: skip
    b.add("geonames:10", "Kidal", [], lat=18.44, lon=1.41, country="MLI", admin1="ML.10",
          population=40_000, **town)  # fmt: skip
    b.add("geonames:11", "Mopti", [], lat=14.49, lon=-4.2, country="MLI", admin1="ML.04",
          population=110_000, **town)  # fmt: skip
    b.add("geonames:12", "Kufaa", [], lat=20.0, lon=-10.0, country="MLI", admin1="ML.07",
          population=2_000, **town)  # fmt: skip
    b.add("country:MLI", "Mali", [], lat=17.0, lon=-4.0, country="MLI", precision="country",
          feature="PCLI", population=20_000_000)  # fmt: skip
    b.add("admin1:CD.11", "Nord Kivu", [], lat=-0.49, lon=29.28, country="COD",
          admin1="CD.11", population=1_400_000, **province)  # fmt: skip
    b.add("geonames:20", "Rutshuru", [], lat=-1.19, lon=29.45, country="COD",
          admin1="CD.11", population=80_000, **town)  # fmt: skip
    b.add("admin1:SD.55", "Northern Darfur", [], lat=15.0, lon=25.0, country="SDN",
          admin1="SD.55", population=2_000_000, **province)  # fmt: skip
    b.add("geonames:30", "Lima", [], lat=-12.04, lon=-77.03, country="PER",
          admin1="PE.15", population=7_700_000, **{**town, "feature": "PPLC"})  # fmt: skip
    b.add("country:PER", "Peru", [], lat=-9.5, lon=-75.5, country="PER",
          precision="country", feature="PCLI", population=30_000_000)  # fmt: skip
    b.add("geonames:40", "Raghwan", [], lat=15.44, lon=45.02, country="YEM", admin1="YE.14",
          population=3_000, **town)  # fmt: skip
    b.add("geonames:41", "Marib", [], lat=15.46, lon=45.32, country="YEM", admin1="YE.14",
          population=60_000, **town)  # fmt: skip
    b.con.commit()
    b.con.close()
    return Gazetteer(path)


def _bare(gazetteer: Gazetteer, doc) -> DocContext:
    """A document context for ``doc`` with ``gazetteer``, before any extraction."""
    resources = Resources(Settings())
    resources.__dict__["gazetteer"] = gazetteer
    article = Article(id="d1", text=doc.text, published="2021-06-07")
    return DocContext(article=article, doc=doc, resources=resources)


def _with_places(ctx: DocContext) -> DocContext:
    ctx.put("timexes", extract_timexes(ctx)["timexes"])
    ctx.put("places", extract_places(ctx)["places"])
    return ctx


def _ctx(nlp, gazetteer: Gazetteer, text: str) -> DocContext:
    return _with_places(_bare(gazetteer, nlp(text)))


def _tagged(nlp, text: str, word: str, label: str):
    """``text`` parsed by ``nlp`` with ``word`` labelled ``label``, as the model may."""
    doc = nlp(text)
    start = text.index(word)
    doc.ents = [doc.char_span(start, start + len(word), label=label)]
    return doc


def _places(nlp, gazetteer: Gazetteer, text: str) -> dict[str, Place | None]:
    return {pm.span.text: pm.place for pm in _ctx(nlp, gazetteer, text).places}


def _place_of(nlp, gazetteer: Gazetteer, text: str, trigger: str) -> Place | None:
    ctx = _ctx(nlp, gazetteer, text)
    return place_for(ctx, next(t for t in ctx.doc if t.text == trigger))


# --- a division named by its kind ------------------------------------------------------


def test_a_kind_word_makes_the_name_a_division(blank_nlp, division_gazetteer) -> None:
    # "the Kidal region" is the region, "Kidal" alone the town of that name
    found = _places(
        blank_nlp, division_gazetteer, "Gunmen killed four herders in the Kidal region."
    )
    assert found["Kidal region"].precision == "admin1"
    assert found["Kidal region"].id == "admin1:ML.10"
    found = _places(blank_nlp, division_gazetteer, "Gunmen killed four herders in Kidal.")
    assert found["Kidal"].id == "geonames:10"


def test_a_division_the_gazetteer_lacks_is_its_seat_at_district_precision(
    blank_nlp, division_gazetteer
) -> None:
    # "Rutshuru territory": the seat's point, but a district's precision, not a town's
    for kind in ("territory", "district", "county"):
        text = f"Rebels ambushed a convoy in Rutshuru {kind} on Sunday."
        place = _place_of(blank_nlp, division_gazetteer, text, "ambushed")
        assert place is not None, kind
        assert (place.name, place.precision) == ("Rutshuru", "admin2"), kind


def test_a_name_before_a_kind_word_needs_no_locative(blank_nlp, division_gazetteer) -> None:
    # the kind word is evidence enough: "Kidal region" opening a sentence is a place
    found = _places(blank_nlp, division_gazetteer, "Kidal region has seen no rain since May.")
    assert found["Kidal region"].id == "admin1:ML.10"


def test_a_plural_kind_word_is_no_part_of_one_name(blank_nlp, division_gazetteer) -> None:
    # "in Kidal and Mopti regions": the names stand alone
    found = _places(blank_nlp, division_gazetteer, "Fighting spread in Kidal and Mopti regions.")
    assert "Kidal" in found and "Mopti" in found


def test_a_compass_word_is_read_as_the_gazetteer_writes_it() -> None:
    assert compass_variants("north kivu") == ["northern kivu", "nord kivu"]
    assert compass_variants("northern darfur") == ["north darfur", "nord darfur"]
    assert compass_variants("south west") == []  # a direction alone is no name
    assert compass_variants("kivu") == []


def test_a_division_named_in_english_finds_its_french_or_adjective_name(
    blank_nlp, division_gazetteer
) -> None:
    for text, expected in (
        ("Clashes erupted in North Kivu province on Monday.", "admin1:CD.11"),
        ("Clashes erupted in North Darfur on Monday.", "admin1:SD.55"),
    ):
        place = _place_of(blank_nlp, division_gazetteer, text, "erupted")
        assert place is not None and place.id == expected, text


# --- the area a place lies in -----------------------------------------------------------


def test_the_area_named_after_a_district_ranks_after_it(blank_nlp, division_gazetteer) -> None:
    # "Raghwan district (Marib)": the district, though the town of Marib is more precise
    for text in (
        "Jets struck targets in Raghwan district (Marib) on Friday.",
        "Jets struck targets in Raghwan district of Marib on Friday.",
        "Jets struck targets in Raghwan district west of Marib on Friday.",
    ):
        place = _place_of(blank_nlp, division_gazetteer, text, "struck")
        assert place is not None and place.name == "Raghwan", text


# --- a distance from a reference point ---------------------------------------------------


def test_a_far_distance_with_a_direction_moves_the_point(blank_nlp, division_gazetteer) -> None:
    # "270 km east of Lima" is not in Lima: about 270 km east of it, a province's precision
    text = "Gunmen ambushed a bus 270 km east of Lima on Tuesday."
    place = _place_of(blank_nlp, division_gazetteer, text, "ambushed")
    assert place is not None and place.precision == "admin1"
    assert place.country == "PER" and place.feature == "OFFSET"
    assert place.lat is not None and place.lon is not None
    assert haversine_km(-12.04, -77.03, place.lat, place.lon) == pytest.approx(270, abs=1)
    assert place.lon > -77.03  # east
    # miles count as such, and an intercardinal direction is halfway between two
    text = "Gunmen ambushed a bus 100 miles north-east of Lima on Tuesday."
    place = _place_of(blank_nlp, division_gazetteer, text, "ambushed")
    assert place is not None and place.lat is not None and place.lon is not None
    assert haversine_km(-12.04, -77.03, place.lat, place.lon) == pytest.approx(160.9, abs=1)
    assert place.lat > -12.04 and place.lon > -77.03


def test_a_far_distance_without_a_direction_gives_only_the_country(
    blank_nlp, division_gazetteer
) -> None:
    text = "Rebels attacked a police post some 400 km away from Lima."
    place = _place_of(blank_nlp, division_gazetteer, text, "attacked")
    assert place is not None and (place.name, place.precision) == ("Peru", "country")


def test_a_near_distance_stays_near_the_town(blank_nlp, division_gazetteer) -> None:
    # 25 km or less: the town's surroundings, as before
    text = "Soldiers clashed with militants 20 km south of Mopti."
    place = _place_of(blank_nlp, division_gazetteer, text, "clashed")
    assert place is not None and (place.name, place.precision) == ("Mopti", "admin2")


def test_a_town_named_for_itself_beats_a_far_reference(blank_nlp, division_gazetteer) -> None:
    text = "Militants shelled Mopti, some 600 km from the capital Lima, on Monday."
    place = _place_of(blank_nlp, division_gazetteer, text, "shelled")
    assert place is not None and (place.name, place.precision) == ("Mopti", "city")


def test_destination_point() -> None:
    lat, lon = destination(0.0, 0.0, 111.195, 90.0)  # one degree of the equator
    assert lat == pytest.approx(0.0, abs=1e-6) and lon == pytest.approx(1.0, abs=1e-3)
    lat, lon = destination(10.0, 179.5, 111.195, 90.0)  # across the antimeridian
    assert -180.0 <= lon < -179.0


# --- with the model: labels and the parse ------------------------------------------------


@pytest.mark.slow
def test_provinces_alone_are_placed_at_their_division(nlp, resources) -> None:
    for text, trigger, name in (
        ("Shelling in Donetsk oblast killed two civilians.", "Shelling", "Donetsk"),
        ("Militiamen killed twelve villagers in Ituri province on Tuesday.", "killed", "Ituri"),
        ("Clashes erupted in North Kivu province between the army and rebels.", "Clashes",
         "Nord Kivu"),
        ("Fighting spread in the Darfur region last week.", "Fighting", "Darfur"),
        ("Drone strikes across Tigray killed at least 20 people.", "strikes", "Tigray"),
    ):  # fmt: skip
        place = _parsed_place(nlp, resources, text, trigger)
        assert place is not None, text
        assert (place.name, place.precision) == (name, "admin1"), text


def test_a_capitalised_kind_word_inside_a_body_name_stays_out(
    blank_nlp, division_gazetteer
) -> None:
    # "the Kidal Region Command" names a body: its place is Kidal, no "Kidal Region"
    text = "Officers of the Kidal Region Command met on Monday in Mopti."
    doc = _tagged(blank_nlp, text, "Kidal Region Command", "ORG")
    spans = [pm.span.text for pm in _with_places(_bare(division_gazetteer, doc)).places]
    assert "Kidal" in spans and "Kidal Region" not in spans
    # the same words as a place, after a locative and in lower case, are the region
    found = _places(blank_nlp, division_gazetteer, "Officers met on Monday in Kidal region.")
    assert found["Kidal region"].id == "admin1:ML.10"


def test_a_name_read_as_its_own_area_leaves_the_names_after_it_first(
    blank_nlp, division_gazetteer
) -> None:
    # "Kufaa area (Raghwan, Marib)": the unknown "Kufaa" is read as the area the
    # parenthesis names last; the district named in it is finer, and is the place
    text = "Jets struck targets in Kufaa area (Raghwan, Marib) on Friday."
    doc = _tagged(blank_nlp, text, "Kufaa", "GPE")
    ctx = _with_places(_bare(division_gazetteer, doc))
    assert {pm.span.text: pm.place.name for pm in ctx.places if pm.place} == {
        "Kufaa": "Marib",
        "Raghwan": "Raghwan",
        "Marib": "Marib",
    }
    place = place_for(ctx, next(t for t in doc if t.text == "struck"))
    assert place is not None and place.name == "Raghwan"


def test_a_place_and_its_area_in_a_parenthesis_lie_in_that_area(
    blank_nlp, division_gazetteer
) -> None:
    # "Mopti (Kufaa, Mopti)": the Kufaa of Mopti, not a village of that name elsewhere
    text = "Protesters gathered in Mopti (Kufaa, Mopti) on Friday."
    found = _places(blank_nlp, division_gazetteer, text)
    assert found["Kufaa"] is not None and found["Kufaa"].name == "Mopti"
    place = _place_of(blank_nlp, division_gazetteer, text, "gathered")
    assert place is not None and place.name == "Mopti"


# --- the country a document is about ---------------------------------------------------


@pytest.fixture
def namesake_gazetteer(tmp_path: Path) -> Gazetteer:
    """Two towns of one name in two countries, the smaller one near a town of its own
    country that has no namesake; invented figures."""
    path = tmp_path / "n.sqlite"
    b = _builder(path)
    town = {"precision": "city", "feature": "PPL"}
    b.add("geonames:1", "Qarna", [], lat=30.0, lon=10.0, country="LBY", admin1="LY.01",
          population=1_200_000, **{**town, "feature": "PPLC"})  # fmt: skip
    b.add("geonames:2", "Qarna", [], lat=34.4, lon=35.8, country="LBN", admin1="LB.01",
          population=200_000, **town)  # fmt: skip
    b.add("geonames:3", "Sidra Bay", [], lat=33.6, lon=35.4, country="LBN", admin1="LB.02",
          population=150_000, **town)  # fmt: skip
    b.add("geonames:4", "Tubal", [], lat=-7.0, lon=112.0, country="IDN", admin1="ID.08",
          population=90_000, **town)  # fmt: skip
    b.add("admin1:YE.24", "Lahij", [], lat=13.2, lon=44.9, country="YEM", admin1="YE.24",
          population=700_000, precision="admin1", feature="ADM1")  # fmt: skip
    b.con.commit()
    b.con.close()
    return Gazetteer(path)


def _ctx_with_mentions(nlp, gazetteer: Gazetteer, text: str, affiliated: dict[str, str]):
    """The places of ``text`` when the actor mentions named in ``affiliated`` carry the
    country given (as the actors' extractor tags a place name with its best-known
    namesake's country)."""
    ctx = _bare(gazetteer, nlp(text))
    sent = ctx.view.sents[0]
    mentions = []
    for word, iso3 in affiliated.items():
        start = text.index(word)
        span = Span(start, start + len(word), word)
        mentions.append(Mention("d1", span, "GPE", ctx.evidence(sent), affiliation=iso3))
    ctx.put("mentions", mentions)
    ctx.put("places", extract_places(ctx)["places"])
    return ctx


def test_a_place_names_own_country_tag_is_no_vote(blank_nlp, namesake_gazetteer) -> None:
    # "Qarna" tagged with the country of the bigger Qarna does not outvote the story's
    # other town: the smaller Qarna beside Sidra Bay is meant
    text = "Rioters clashed with soldiers in Qarna; in Sidra Bay youths blocked roads."
    ctx = _ctx_with_mentions(blank_nlp, namesake_gazetteer, text, {"Qarna": "LBY"})
    qarna = next(pm for pm in ctx.places if pm.span.text == "Qarna")
    assert qarna.place is not None and qarna.place.country == "LBN"
    # an actor's country stated by the text still counts ("Libyan forces" in Qarna)
    text = "Rioters clashed with Libyan forces in Qarna; in Sidra Bay youths blocked roads."
    ctx = _ctx_with_mentions(blank_nlp, namesake_gazetteer, text, {"Libyan forces": "LBY"})
    qarna = next(pm for pm in ctx.places if pm.span.text == "Qarna")
    assert qarna.place is not None and qarna.place.country == "LBY"


def test_a_district_the_gazetteer_lacks_is_no_vote_for_a_town_abroad(
    blank_nlp, namesake_gazetteer
) -> None:
    # "Tubal district (Lahij)": no vote for the Indonesian town Tubal, and no village
    # said to lie in it is put in Indonesia
    text = "Gunmen attacked a checkpoint in Ar Rima area of Tubal district (Lahij)."
    found = _places(blank_nlp, namesake_gazetteer, text)
    assert all(p is None or p.country == "YEM" for p in found.values()), found
