"""Gazetteer keys, lookups and the toponym resolver, on a small gazetteer built here."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.extract.placecontext import document_context, document_countries
from eventwire.extract.toponyms import resolve_toponym
from eventwire.knowledge.gazetteer import Gazetteer, open_gazetteer
from eventwire.knowledge.gazetteer_build import (
    SCHEMA,
    Builder,
    load_admin_places,
    load_country_points,
    load_demonyms,
    load_supplement,
)
from eventwire.knowledge.placenames import name_key, skeleton, variants, without_type_word


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Az-Zawiyah", "Zawiyah"),
        ("al-Bayda", "Bayda"),
        ("El Marj", "Marj"),
        ("Şabrātah", "Sabratah"),
        ("Ad-Dawadmi", "Dawadmi"),
    ],
)
def test_articles_and_accents_fold(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Misrata", "Misurata"),
        ("Derna", "Darnah"),
        ("Tobruk", "Tubruq"),
        ("Sirte", "Surt"),
        ("Sebha", "Sabha"),
    ],
)
def test_transliteration_variants_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(name_key(a)) == skeleton(name_key(b))


def test_site_prefixes() -> None:
    assert variants(name_key("Marsa Brega")) == ["marsa brega", "brega"]
    assert variants(name_key("Ras Lanuf")) == ["ras lanuf", "lanuf"]


def test_lookup_by_alternate_name_and_variants(small_gazetteer: Gazetteer) -> None:
    assert [c.place.id for c in small_gazetteer.candidates("Misrata")] == ["geonames:3"]
    assert small_gazetteer.candidates("Misurata")[0].match == "skeleton"
    assert small_gazetteer.candidates("Brega")[0].place.name == "Al Burayqah"
    assert small_gazetteer.candidates("MRA") == ()  # airport codes are not names
    assert small_gazetteer.candidates("US")[0].place.country == "USA"  # country codes we add are


@pytest.mark.parametrize("first", ["named", "candidates"])
def test_named_is_candidates_without_skeleton_matches(small_gazetteer: Gazetteer, first) -> None:
    # asked first or after the full lookup is cached, the same exact matches in order
    names = ("Misrata", "Misurata", "Brega", "Tripoli", "Nowhere At All", "US")
    got = {}
    for name in names:
        if first == "named":
            got[name] = small_gazetteer.named(name)
        small_gazetteer.candidates(name)
        got.setdefault(name, small_gazetteer.named(name))
    for name in names:
        exact = [c for c in small_gazetteer.candidates(name) if c.match != "skeleton"]
        assert list(got[name]) == exact, name
    assert small_gazetteer.named("Misurata") == ()  # found only by its skeleton


def test_country_and_capital(small_gazetteer: Gazetteer) -> None:
    assert small_gazetteer.country("LBY").precision == "country"
    assert small_gazetteer.capital("LBY").name == "Tripoli"
    assert small_gazetteer.capital("FRA") is None


def test_resolution_uses_population_context_and_qualifiers(small_gazetteer: Gazetteer) -> None:
    assert resolve_toponym(small_gazetteer, "Tripoli").country == "LBY"
    assert resolve_toponym(small_gazetteer, "Tripoli, Lebanon").country == "LBN"
    assert resolve_toponym(small_gazetteer, "Derna").country == "LBY"
    lebanon = document_countries(small_gazetteer, ["Lebanon", "Beirut"])
    assert resolve_toponym(small_gazetteer, "Tripoli", lebanon).country == "LBN"
    assert (
        resolve_toponym(small_gazetteer, "Tripoli", "Fighting in Lebanon spread north.").country
        == "LBN"
    )


def test_resolved_place_is_complete(small_gazetteer: Gazetteer) -> None:
    place = resolve_toponym(small_gazetteer, "Libya")
    assert place.precision == "country" and place.lat is not None and place.country == "LBY"
    city = resolve_toponym(small_gazetteer, "Misrata")
    assert (city.precision, city.admin1, city.country) == ("city", "LY.72", "LBY")


def test_unknown_names_do_not_resolve(small_gazetteer: Gazetteer) -> None:
    assert resolve_toponym(small_gazetteer, "Atlantis") is None


def test_open_gazetteer_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        open_gazetteer(Settings(gazetteer=str(tmp_path / "absent.sqlite")))


def test_supplement_is_valid_and_sourced() -> None:
    data = load_supplement()
    assert data["place"]
    for item in data["place"]:
        assert item["precision"] in ("point", "city", "admin1", "country", "region")
        # a region (a sea, the EU) has no country; every other place has one
        assert (item["precision"] == "region") == ("country" not in item) and item["source"]
        assert "country" not in item or len(item["country"]) == 3
        assert -90 <= item["lat"] <= 90 and -180 <= item["lon"] <= 180
    assert {a["continent"] for a in data["continent_alias"]} <= {
        "AF",
        "AS",
        "EU",
        "NA",
        "OC",
        "SA",
        "AN",
    }


def _builder(tmp_path: Path, countries: dict) -> tuple[Builder, sqlite3.Connection]:
    con = sqlite3.connect(tmp_path / "b.sqlite")
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row, b.countries = con, 1, countries
    b.iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    b.city_points, b.admin_points, b.city_keys = defaultdict(list), defaultdict(list), {}
    b.admin_people = defaultdict(int)
    return b, con


def test_country_points_cover_every_country_and_are_sane() -> None:
    points = load_country_points()
    assert len(points) >= 250
    for iso3, p in points.items():
        assert len(iso3) == 3 and -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180
        assert p["source"] in ("Factbook", "GeoNames", "NGS")


def test_one_list_of_demonyms_one_country_each() -> None:
    demonyms = load_demonyms()
    words = [w for ws in demonyms.values() for w in ws]
    assert len(words) == len(set(words)) and len(words) > 200  # one country per word
    assert set(demonyms) <= set(load_country_points())


def test_countries_get_their_representative_point_and_adjectives(tmp_path: Path) -> None:
    russia = {"iso": "RU", "iso3": "RUS", "name": "Russia", "population": 144_000_000}
    b, con = _builder(tmp_path, {"RU": russia})
    b.city_points["RU"] = [(55.75, 37.62), (59.94, 30.31)]  # towns alone put it near Moscow
    b._countries()
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    place = resolve_toponym(gaz, "Russian")
    assert (place.country, place.precision, place.lat, place.lon) == ("RUS", "country", 60.0, 100.0)
    assert resolve_toponym(gaz, "Russians").country == "RUS"


def test_division_aliases_and_admin_places_are_valid() -> None:
    for alias in load_supplement()["division_alias"]:
        assert "." in alias["admin1"] and alias["names"]
    rows = load_admin_places()
    assert {r["level"] for r in rows} == {"admin1", "admin2"}
    counties = [r for r in rows if r["level"] == "admin2"]
    assert len(counties) > 2500 and all(-180 <= float(r["lon"]) <= -60 for r in counties)


def test_divisions_counties_and_abbreviations_are_found(tmp_path: Path, monkeypatch) -> None:
    import eventwire.knowledge.gazetteer_build as gb

    b, con = _builder(
        tmp_path, {"US": {"iso": "US", "iso3": "USA"}, "AU": {"iso": "AU", "iso3": "AUS"}}
    )
    b.admin_points["US.KY"] = [(37.0, -84.0), (38.0, -85.0)]
    b.admin_points["AU.02"] = [(-33.87, 151.21), (-30.0, 145.0)]
    monkeypatch.setattr(
        gb, "_package_json", lambda name: {"KY": {"code": "KY", "name": "Kentucky"}}
    )
    monkeypatch.setattr(
        gb,
        "load_admin_places",
        lambda: [
            {
                "level": "admin1",
                "country": "AU",
                "admin1": "02",
                "name": "New South Wales",
                "lat": "",
                "lon": "",
            },
            {
                "level": "admin2",
                "country": "US",
                "admin1": "KY",
                "name": "Laurel County",
                "lat": "37.1",
                "lon": "-84.1",
            },
            {
                "level": "admin2",
                "country": "US",
                "admin1": "KY",
                "name": "Oconee County",
                "lat": "34.7",
                "lon": "-83.1",
            },
        ],
    )
    b._divisions()
    b.add(
        "geonames:71",
        "Laurel",
        [],
        lat=31.69,
        lon=-89.13,
        country="USA",
        admin1="US.MS",
        population=18_000,
        precision="city",
        feature="PPL",
    )
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    assert resolve_toponym(gaz, "Ky.").admin1 == "US.KY"
    assert resolve_toponym(gaz, "NSW").name == "New South Wales"
    assert resolve_toponym(gaz, "New South Wales").precision == "admin1"
    county = resolve_toponym(gaz, "Laurel Co.")
    assert (county.name, county.admin1, county.lat) == ("Laurel County", "US.KY", 37.1)
    assert resolve_toponym(gaz, "Laurel").id == "geonames:71"  # a town so called wins
    assert resolve_toponym(gaz, "Oconee").name == "Oconee County"  # no town is called so


def _namesakes(tmp_path: Path) -> Gazetteer:
    b, con = _builder(tmp_path, {})
    city = {"precision": "city", "feature": "PPL"}
    b.add(
        "geonames:10",
        "Paris",
        [],
        lat=48.85,
        lon=2.35,
        country="FRA",
        admin1="FR.11",
        population=2_100_000,
        **{**city, "feature": "PPLC"},
    )
    b.add(
        "geonames:11",
        "Paris",
        [],
        lat=33.66,
        lon=-95.56,
        country="USA",
        admin1="US.TX",
        population=25_000,
        **city,
    )
    b.add(
        "geonames:12",
        "Paris",
        [],
        lat=38.21,
        lon=-84.25,
        country="USA",
        admin1="US.KY",
        population=10_000,
        **city,
    )
    b.add(
        "admin1:US.TX",
        "Texas",
        ["TX", "Tex."],
        codes=True,
        lat=31.0,
        lon=-100.0,
        country="USA",
        admin1="US.TX",
        precision="admin1",
        feature="ADM1",
        population=29_000_000,
    )
    b.add(
        "admin1:US.WA",
        "Washington",
        ["Wash."],
        lat=47.4,
        lon=-120.5,
        country="USA",
        admin1="US.WA",
        precision="admin1",
        feature="ADM1",
        population=7_700_000,
    )
    b.add(
        "geonames:13",
        "Washington, D.C.",
        ["Washington"],
        lat=38.9,
        lon=-77.04,
        country="USA",
        admin1="US.DC",
        population=690_000,
        **{**city, "feature": "PPLC"},
    )
    b.add(
        "geonames:14",
        "Spokane",
        [],
        lat=47.66,
        lon=-117.43,
        country="USA",
        admin1="US.WA",
        population=220_000,
        **city,
    )
    con.commit()
    return Gazetteer(tmp_path / "b.sqlite")


def test_divisions_named_in_the_text_choose_among_namesakes(tmp_path: Path) -> None:
    gaz = _namesakes(tmp_path)
    assert resolve_toponym(gaz, "Paris").country == "FRA"  # no context: the big city
    assert resolve_toponym(gaz, "Paris", "A fire in Paris. Texas officials said.").admin1 == "US.TX"
    assert resolve_toponym(gaz, "Paris", "PARIS, Tex. A fire broke out.").admin1 == "US.TX"
    assert resolve_toponym(gaz, "Paris, Texas").admin1 == "US.TX"
    context = document_context(gaz, ["Texas", "Paris"])
    assert context.admin1["US.TX"] == 3 and context.countries["USA"] == 2


def test_a_capital_or_big_city_wins_over_the_division_of_its_name(tmp_path: Path) -> None:
    gaz = _namesakes(tmp_path)
    assert resolve_toponym(gaz, "Washington").id == "geonames:13"
    assert resolve_toponym(gaz, "Wash.").id == "admin1:US.WA"
    assert resolve_toponym(gaz, "Texas").precision == "admin1"  # no big city of that name


def test_division_type_words_are_dropped(tmp_path: Path, monkeypatch) -> None:
    import eventwire.knowledge.gazetteer_build as gb

    b, con = _builder(
        tmp_path, {"CN": {"iso": "CN", "iso3": "CHN"}, "IR": {"iso": "IR", "iso3": "IRN"}}
    )
    b.admin_points["CN.01"] = [(31.8, 117.2)]
    b.admin_points["IR.07"] = [(29.6, 52.5)]
    monkeypatch.setattr(gb, "_package_json", lambda name: {})
    monkeypatch.setattr(
        gb,
        "load_admin_places",
        lambda: [
            {
                "level": "admin1",
                "country": "CN",
                "admin1": "01",
                "name": "Anhui Sheng",
                "lat": "",
                "lon": "",
            },
            {
                "level": "admin1",
                "country": "IR",
                "admin1": "07",
                "name": "Fars",
                "lat": "",
                "lon": "",
            },
        ],
    )
    b._divisions()
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    assert resolve_toponym(gaz, "Anhui").admin1 == "CN.01"  # GeoNames' name has "Sheng"
    assert resolve_toponym(gaz, "Fars Province").admin1 == "IR.07"  # the text's has "Province"
    assert without_type_word("muhafazat kirkuk") == "kirkuk"
    assert without_type_word("kirkuk") == ""


def test_settlement_words_are_dropped_only_when_the_whole_name_is_unknown(small_gazetteer) -> None:
    assert resolve_toponym(small_gazetteer, "Derna City").id == "geonames:4"
    assert resolve_toponym(small_gazetteer, "Misrata town").id == "geonames:3"


def test_loose_spellings_count_only_in_the_story_countries(small_gazetteer) -> None:
    assert resolve_toponym(small_gazetteer, "Misurata", ["ROU"]) is None  # far from the story
    assert resolve_toponym(small_gazetteer, "Misurata", ["LBY"]).id == "geonames:3"
    assert resolve_toponym(small_gazetteer, "Misurata").id == "geonames:3"  # no story: big town


def test_acronyms_are_places_only_as_codes(tmp_path: Path) -> None:
    b, con = _builder(tmp_path, {})
    b.add(
        "geonames:20",
        "Is",
        [],
        lat=58.8,
        lon=59.7,
        country="RUS",
        admin1="RU.71",
        population=5_000,
        precision="city",
        feature="PPL",
    )
    b.add(
        "country:USA",
        "United States",
        ["US"],
        codes=True,
        lat=39.8,
        lon=-98.5,
        country="USA",
        precision="country",
        feature="PCLI",
        population=327_000_000,
    )
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    assert resolve_toponym(gaz, "IS") is None  # Islamic State, not a Russian village
    assert resolve_toponym(gaz, "Is").id == "geonames:20"
    assert resolve_toponym(gaz, "US").country == "USA"


def test_a_site_named_after_its_town_is_in_that_town(small_gazetteer) -> None:
    assert resolve_toponym(small_gazetteer, "Tripoli Central Hospital").id == "geonames:1"
    assert resolve_toponym(small_gazetteer, "Tripoli Central Hospital", ["LBN"]).id == "geonames:2"
    assert resolve_toponym(small_gazetteer, "Atlantis Central Hospital") is None


def test_a_mention_naming_a_division_keeps_to_divisions(tmp_path: Path) -> None:
    b, con = _builder(tmp_path, {})
    b.add(
        "geonames:30",
        "Kerman",
        [],
        lat=30.28,
        lon=57.08,
        country="IRN",
        admin1="IR.29",
        population=530_000,
        precision="city",
        feature="PPL",
    )
    b.add(
        "admin1:IR.29",
        "Kerman",
        [],
        lat=29.5,
        lon=57.5,
        country="IRN",
        admin1="IR.29",
        precision="admin1",
        feature="ADM1",
        population=3_000_000,
    )
    b.add(
        "geonames:31",
        "Sinai",
        [],
        lat=19.5,
        lon=-99.1,
        country="MEX",
        admin1="MX.15",
        population=20_000,
        precision="city",
        feature="PPL",
    )
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    assert resolve_toponym(gaz, "Kerman province").precision == "admin1"
    assert resolve_toponym(gaz, "Sinai Province") is None  # no division of that name
    assert resolve_toponym(gaz, "Sinai Province", ["MEX"]).id == "geonames:31"


def test_an_unknown_place_in_a_named_area_is_placed_in_the_area(small_gazetteer) -> None:
    assert resolve_toponym(small_gazetteer, "Misurata, Lebanon").id == "country:LBN"
    assert resolve_toponym(small_gazetteer, "Tripoli, Lebanon").id == "geonames:2"


def test_generic_words_left_after_a_type_word_are_no_name() -> None:
    assert without_type_word("eastern province") == ""
    assert without_type_word("north sinai governorate") == "north sinai"


def test_a_site_prefix_leaves_more_than_a_scrap() -> None:
    assert variants(name_key("Ras al-Ain")) == ["ras al ain"]  # not "ain"


def test_a_loose_spelling_of_a_big_town_votes_for_its_country(small_gazetteer) -> None:
    # "Misurata" is a loose spelling of Misratah (355,000 people): the story is Libyan
    assert document_context(small_gazetteer, ["Misurata"]).countries == {"LBY": 1}


def test_a_town_near_one_the_story_names_beyond_doubt_wins(tmp_path: Path) -> None:
    from eventwire.extract.placecontext import PlaceContext

    b, con = _builder(tmp_path, {})
    city = {"precision": "city", "feature": "PPL"}
    b.add(
        "geonames:11",
        "Paris",
        [],
        lat=33.66,
        lon=-95.56,
        country="USA",
        admin1="US.TX",
        population=25_000,
        **city,
    )
    b.add(
        "geonames:12",
        "Paris",
        [],
        lat=38.21,
        lon=-84.25,
        country="USA",
        admin1="US.KY",
        population=10_000,
        **city,
    )
    b.add(
        "geonames:15",
        "Cynthiana",
        [],
        lat=38.39,
        lon=-84.29,
        country="USA",
        admin1="US.KY",
        population=6_000,
        **city,
    )
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    assert resolve_toponym(gaz, "Paris").id == "geonames:11"  # alone: the bigger one
    near = PlaceContext(anchors=((38.39, -84.29, "cynthiana"),))
    assert resolve_toponym(gaz, "Paris", near).id == "geonames:12"
    assert (38.39, -84.29, "cynthiana") in document_context(gaz, ["Cynthiana", "Paris"]).anchors


def _towns(tmp_path: Path, *towns: tuple) -> Gazetteer:
    """A gazetteer of towns given as (id, name, lat, lon, country, admin1, population)."""
    b, con = _builder(tmp_path, {})
    for id_, name, lat, lon, country, admin1, people in towns:
        b.add(
            id_,
            name,
            [],
            lat=lat,
            lon=lon,
            country=country,
            admin1=admin1,
            population=people,
            precision="city",
            feature="PPL",
        )
    con.commit()
    return Gazetteer(tmp_path / "b.sqlite")


def test_a_town_near_readings_of_the_storys_other_names_wins(tmp_path: Path) -> None:
    # Neither Athens nor Marion is beyond doubt, yet an Athens and a Marion lie together
    # in Ohio: a story naming both means those (geographic coherence)
    gaz = _towns(
        tmp_path,
        ("geonames:21", "Athens", 33.96, -83.38, "USA", "US.GA", 120_000),
        ("geonames:22", "Athens", 39.33, -82.10, "USA", "US.OH", 24_000),
        ("geonames:23", "Marion", 39.60, -82.30, "USA", "US.OH", 4_000),
        ("geonames:24", "Marion", 37.73, -88.93, "USA", "US.IL", 17_000),
        ("geonames:25", "Marion", 40.59, -83.13, "USA", "US.OH", 36_000),
    )
    assert resolve_toponym(gaz, "Athens", document_context(gaz, ["Athens"])).id == "geonames:21"
    story = document_context(gaz, ["Athens", "Marion", "Marion"])
    assert story.anchors == ()
    assert resolve_toponym(gaz, "Athens", story).id == "geonames:22"
    assert resolve_toponym(gaz, "Marion", story).id == "geonames:23"


def test_us_wording_votes_for_the_us(tmp_path: Path) -> None:
    gaz = _towns(
        tmp_path,
        ("geonames:31", "Lancaster", 54.05, -2.80, "GBR", "GB.ENG", 52_000),
        ("geonames:32", "Lancaster", 39.71, -82.60, "USA", "US.OH", 39_000),
    )
    plain = "Lancaster opened a new library on Monday, the mayor said."
    local = "A Fairfield County Sheriff's deputy was hurt in Lancaster on Monday."
    assert "USA" not in document_context(gaz, ["Lancaster"], text=plain).countries
    assert document_context(gaz, ["Lancaster"], text=local).countries["USA"] == 1
    assert resolve_toponym(gaz, "Lancaster", plain).id == "geonames:31"
    assert resolve_toponym(gaz, "Lancaster", local).id == "geonames:32"
    world = "Oil rose to $80 a barrel; traders in Lancaster were unmoved."
    assert resolve_toponym(gaz, "Lancaster", world).id == "geonames:31"  # dollars are no cue


def test_names_with_readings_in_two_countries_cast_no_vote(tmp_path: Path) -> None:
    b, con = _builder(tmp_path, {})
    b.add(
        "country:GEO",
        "Georgia",
        [],
        codes=True,
        lat=42.0,
        lon=43.5,
        country="GEO",
        precision="country",
        feature="PCLI",
        population=3_700_000,
    )
    b.add(
        "admin1:US.GA",
        "Georgia",
        [],
        codes=True,
        lat=32.7,
        lon=-83.4,
        country="USA",
        admin1="US.GA",
        precision="admin1",
        feature="ADM1",
        population=10_000_000,
    )
    b.add(
        "geonames:50",
        "We",
        [],
        lat=21.0,
        lon=105.8,
        country="VNM",
        admin1="VN.44",
        population=2_000,
        precision="city",
        feature="PPL",
    )
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    assert document_context(gaz, ["Georgia"]).countries == {}  # it would only confirm itself
    assert document_context(gaz, ["We", "Thursday"]).countries == {}  # words, not places


def test_a_name_resolves_without_its_own_votes(small_gazetteer) -> None:
    from eventwire.extract.placecontext import without_own_votes

    context = document_context(small_gazetteer, ["Misurata", "Misurata", "Lebanon"])
    assert context.countries == {"LBY": 2, "LBN": 3}
    # Misurata's reading may not confirm itself: only Lebanon speaks when it is resolved
    assert without_own_votes("Misurata", context).countries == {"LBN": 3}
    assert without_own_votes("Lebanon", context).countries == {"LBY": 2}


def test_an_article_alone_names_no_place(tmp_path: Path) -> None:
    from eventwire.extract.placespans import _with_name_after_article

    b, con = _builder(tmp_path, {})
    b.add(
        "geonames:60",
        "Halle",
        ["Al"],
        lat=50.7,
        lon=4.2,
        country="BEL",
        admin1="BE.VLG",
        population=40_000,
        precision="city",
        feature="PPL",
    )
    con.commit()
    assert resolve_toponym(Gazetteer(tmp_path / "b.sqlite"), "Al") is None
    text = "found in Al Bab city"
    assert _with_name_after_article(text, 9, 11) == (9, 15)  # the model's "Al" takes "Bab"


def _governorates(tmp_path: Path) -> Gazetteer:
    b, con = _builder(tmp_path, {})
    rows = [  # id, name, lat, lon, country, admin1, people
        ("admin1:EG.16", "Aswan", 23.8, 32.3, "EGY", "EG.16", 990_000),
        ("geonames:70", "Aswan", 24.09, 32.9, "EGY", "EG.16", 240_000),
        ("admin1:CA.10", "Quebec", 52.0, -72.0, "CAN", "CA.10", 6_000_000),
        ("geonames:71", "Quebec", 46.81, -71.21, "CAN", "CA.10", 530_000),
        ("admin1:EG.06", "Alexandria", 31.0, 29.8, "EGY", "EG.06", 5_400_000),
        ("geonames:72", "Alexandria", 31.2, 29.92, "EGY", "EG.06", 5_200_000),
        ("geonames:73", "Alexandria", 38.8, -77.05, "USA", "US.VA", 160_000),
    ]
    for pid, name, lat, lon, country, admin1, people in rows:
        division = pid.startswith("admin1:")
        b.add(
            pid,
            name,
            [],
            lat=lat,
            lon=lon,
            country=country,
            admin1=admin1,
            population=people,
            precision="admin1" if division else "city",
            feature="ADM1" if division else "PPL",
        )
    con.commit()
    return Gazetteer(tmp_path / "b.sqlite")


def test_a_governorate_named_after_its_town_means_the_town(tmp_path: Path) -> None:
    gaz = _governorates(tmp_path)
    assert resolve_toponym(gaz, "Aswan").id == "geonames:70"  # a quarter of its people
    assert resolve_toponym(gaz, "Quebec").id == "admin1:CA.10"  # the city is a small part
    assert resolve_toponym(gaz, "Aswan", area=True).id == "admin1:EG.16"  # "Edfu in Aswan"


def test_a_division_does_not_carry_its_town_past_namesakes_elsewhere(tmp_path: Path) -> None:
    gaz = _governorates(tmp_path)
    assert resolve_toponym(gaz, "Alexandria").id == "geonames:72"
    assert resolve_toponym(gaz, "Alexandria", Counter({"USA": 5})).id == "geonames:73"


def test_supplement_divisions_are_built(tmp_path: Path, monkeypatch) -> None:
    import eventwire.knowledge.gazetteer_build as gb

    b, con = _builder(tmp_path, {"IQ": {"iso": "IQ", "iso3": "IRQ"}})
    b.admin_points["IQ.10"] = [(33.75, 44.6), (34.6, 45.4)]
    monkeypatch.setattr(gb, "_package_json", lambda name: {})
    monkeypatch.setattr(gb, "load_admin_places", lambda: [])
    monkeypatch.setattr(
        gb,
        "load_supplement",
        lambda: {"division": [{"admin1": "IQ.10", "names": ["Diyala", "Diala"]}]},
    )
    b._divisions()
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    place = resolve_toponym(gaz, "Diala")
    assert (place.id, place.precision, place.lat) == ("admin1:IQ.10", "admin1", 34.175)


def test_port_is_no_site_prefix() -> None:
    assert variants(name_key("Port Washington")) == ["port washington"]


def test_a_name_written_with_its_arabic_article_keeps_to_names_with_one(tmp_path: Path) -> None:
    b, con = _builder(tmp_path, {})
    b.add(
        "geonames:80",
        "Dali",
        [],
        lat=25.6,
        lon=100.2,
        country="CHN",
        admin1="CN.29",
        population=235_000,
        precision="city",
        feature="PPL",
    )
    b.add(
        "geonames:81",
        "Aḑ Ḑāli‘",
        [],
        lat=13.7,
        lon=44.73,
        country="YEM",
        admin1="YE.18",
        population=14_800,
        precision="city",
        feature="PPL",
    )
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    assert resolve_toponym(gaz, "Ad Dali").id == "geonames:81"
    assert resolve_toponym(gaz, "Dali").id == "geonames:80"


def test_generic_names_resolve_only_within_the_story(tmp_path: Path) -> None:
    b, con = _builder(tmp_path, {})
    b.add(
        "admin1:LK.36",
        "Western",
        [],
        lat=6.9,
        lon=80.1,
        country="LKA",
        admin1="LK.36",
        precision="admin1",
        feature="ADM1",
        population=5_800_000,
    )
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    assert resolve_toponym(gaz, "Western") is None  # not Sri Lanka's province by default
    assert resolve_toponym(gaz, "Western", ["LKA"]).id == "admin1:LK.36"


def test_loose_spellings_keep_their_words(tmp_path: Path) -> None:
    b, con = _builder(tmp_path, {})
    b.add(
        "geonames:90",
        "North Fork",
        [],
        lat=37.2,
        lon=-119.5,
        country="USA",
        admin1="US.CA",
        population=3_000,
        precision="city",
        feature="PPL",
    )
    b.add(
        "geonames:91",
        "Ash Shaykh Zuwayd",
        [],
        lat=31.2,
        lon=34.1,
        country="EGY",
        admin1="EG.27",
        population=60_000,
        precision="city",
        feature="PPL",
    )
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    assert gaz.candidates("North Africa") == ()  # same skeleton, other words
    assert [c.place.id for c in gaz.candidates("Sheikh Zuweid")] == ["geonames:91"]


def test_seas_continents_and_the_eu_are_regions(tmp_path: Path, monkeypatch) -> None:
    import eventwire.knowledge.gazetteer_build as gb

    b, con = _builder(tmp_path, {})
    b.add(
        "geonames:41",
        "Atlantic",
        [],
        lat=41.40,
        lon=-95.01,
        country="USA",
        admin1="US.IA",
        population=6_800,
        precision="city",
        feature="PPL",
    )
    monkeypatch.setattr(
        gb,
        "_package_json",
        lambda name: {
            "EU": {
                "toponymName": "Europe",
                "lat": "48.69",
                "lng": "9.14",
                "population": 740_000_000,
            }
        },
    )
    monkeypatch.setattr(
        gb,
        "load_supplement",
        lambda: {
            "continent_alias": [{"continent": "EU", "names": ["European"]}],
            "place": [
                {
                    "name": "Atlantic Ocean",
                    "aliases": ["Atlantic"],
                    "lat": 0.0,
                    "lon": -25.0,
                    "precision": "region",
                    "feature": "sea",
                    "source": "test",
                },
                {
                    "name": "European Union",
                    "aliases": ["EU"],
                    "lat": 49.84,
                    "lon": 9.9,
                    "precision": "region",
                    "feature": "union",
                    "source": "test",
                },
            ],
        },
    )
    b._continents()
    b._supplement()
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    europe = resolve_toponym(gaz, "European")
    assert (europe.name, europe.precision, europe.country) == ("Europe", "region", None)
    assert resolve_toponym(gaz, "Atlantic").name == "Atlantic Ocean"  # not the Iowa town
    assert resolve_toponym(gaz, "EU").name == "European Union"  # an acronym may name a union
    # a region casts no vote for a country and is no town the story's others sit near
    story = document_context(gaz, ["Atlantic", "European", "EU"])
    assert story.countries == {}
    assert [r for cell in story.readings.values() for r in cell] == [(41.40, -95.01, "atlantic")]


def test_a_town_bearing_the_name_beats_one_that_bore_it_once(tmp_path: Path) -> None:
    b, con = _builder(tmp_path, {})
    city = {"precision": "city", "feature": "PPL", "country": "USA"}
    b.add(
        "geonames:61",
        "Beeville",
        ["Maryville"],
        lat=28.40,
        lon=-97.75,
        admin1="US.TX",
        population=20_000,
        **city,
    )
    b.add(
        "geonames:62",
        "Maryville",
        [],
        lat=35.76,
        lon=-83.97,
        admin1="US.TN",
        population=5_000,
        **city,
    )
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    assert resolve_toponym(gaz, "Maryville").id == "geonames:62"
    assert resolve_toponym(gaz, "Beeville").id == "geonames:61"


def test_a_namesake_outside_the_named_area_gives_way_to_the_area(small_gazetteer) -> None:
    # Derna exists in Libya and Romania; a Derna said to be in Lebanon is neither
    assert resolve_toponym(small_gazetteer, "Derna, Lebanon").id == "country:LBN"
    assert resolve_toponym(small_gazetteer, "Derna, Libya").id == "geonames:4"
    # a country named with a qualifier stays the country
    assert resolve_toponym(small_gazetteer, "Libya, Lebanon").id == "country:LBY"


def test_a_name_worded_as_a_division_votes_for_the_division(tmp_path: Path) -> None:
    b, con = _builder(tmp_path, {})
    b.add(
        "geonames:91",
        "Marwa",
        [],
        lat=32.7,
        lon=21.7,
        country="LBY",
        admin1="LY.63",
        population=150_000,
        precision="city",
        feature="PPL",
    )
    b.add(
        "admin1:YE.20",
        "Marwa",
        [],
        lat=14.3,
        lon=45.5,
        country="YEM",
        admin1="YE.20",
        population=40_000,
        precision="admin1",
        feature="ADM1",
    )
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    assert document_context(gaz, ["Marwa"]).countries == {}  # a division or a town abroad
    assert document_context(gaz, ["Marwa governorate"]).countries == {"YEM": 2}


def test_a_county_the_gazetteer_lacks_is_its_seat(small_gazetteer) -> None:
    assert resolve_toponym(small_gazetteer, "Misrata district").id == "geonames:3"
    assert resolve_toponym(small_gazetteer, "Misrata province") is None  # a province is no seat


def test_a_settlement_word_is_dropped_to_find_the_place_in_its_area(tmp_path: Path) -> None:
    b, con = _builder(tmp_path, {})
    city = {"precision": "city", "feature": "PPL"}
    b.add(
        "admin1:YE.08",
        "Qasra Governorate",
        ["Qasra Governorate"],
        lat=14.8,
        lon=43.1,
        country="YEM",
        admin1="YE.08",
        precision="admin1",
        feature="ADM1",
        population=900_000,
    )
    b.add("geonames:93", "Dunhal", [], lat=14.5, lon=43.3, country="YEM", admin1="YE.08", **city)
    b.add(
        "geonames:94",
        "Dunhal",
        ["Dunhal City"],
        lat=38.9,
        lon=-99.3,
        country="USA",
        admin1="US.KS",
        population=20_000,
        **city,
    )
    b.add(
        "geonames:95",
        "Hirsa",
        [],
        lat=16.0,
        lon=44.0,
        country="YEM",
        admin1="YE.22",
        population=5_000,
        **city,
    )
    b.add(
        "geonames:96",
        "Hirsa",
        [],
        lat=38.0,
        lon=35.0,
        country="TUR",
        admin1="TR.38",
        population=50_000,
        **city,
    )
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    # "Dunhal City" is only the Kansas town's alternate name; in Qasra it is plain Dunhal
    assert resolve_toponym(gaz, "Dunhal City, Qasra Governorate").id == "geonames:93"
    # filed under a neighbouring division, a town near the named one still counts
    assert resolve_toponym(gaz, "Hirsa, Qasra Governorate").id == "geonames:95"


def test_a_division_bearing_the_name_beats_a_town_known_by_it(tmp_path: Path) -> None:
    b, con = _builder(tmp_path, {})
    b.add(
        "admin1:US.ZZ",
        "Norland",
        [],
        lat=45.0,
        lon=-100.0,
        country="USA",
        admin1="US.ZZ",
        precision="admin1",
        feature="ADM1",
        population=900_000,
    )
    b.add(
        "geonames:97",
        "Norland Springs",
        ["Norland"],
        lat=45.5,
        lon=-101.0,
        country="USA",
        admin1="US.ZZ",
        population=30_000,
        precision="city",
        feature="PPL",
    )
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    assert resolve_toponym(gaz, "Norland", ["USA"]).id == "admin1:US.ZZ"


def test_an_ambiguous_area_votes_with_the_storys_other_names(tmp_path: Path) -> None:
    b, con = _builder(tmp_path, {})
    b.add(
        "country:GEO",
        "Georgia",
        [],
        codes=True,
        lat=42.0,
        lon=43.5,
        country="GEO",
        precision="country",
        feature="PCLI",
        population=3_700_000,
    )
    b.add(
        "country:USA",
        "United States",
        [],
        codes=True,
        lat=39.8,
        lon=-98.5,
        country="USA",
        precision="country",
        feature="PCLI",
        population=327_000_000,
    )
    b.add(
        "admin1:US.GA",
        "Georgia",
        [],
        codes=True,
        lat=32.7,
        lon=-83.4,
        country="USA",
        admin1="US.GA",
        precision="admin1",
        feature="ADM1",
        population=10_000_000,
    )
    b.add(
        "geonames:98",
        "Oakvale",
        [],
        lat=32.5,
        lon=-83.0,
        country="USA",
        admin1="US.GA",
        population=2_000,
        precision="city",
        feature="PPL",
    )
    b.add(
        "geonames:99",
        "Oakvale",
        [],
        lat=37.3,
        lon=-81.0,
        country="USA",
        admin1="US.WV",
        population=3_000,
        precision="city",
        feature="PPL",
    )
    con.commit()
    gaz = Gazetteer(tmp_path / "b.sqlite")
    alone = document_context(gaz, ["Georgia", "Oakvale"])
    assert alone.countries == {}  # the country or the US state: no vote
    story = document_context(gaz, ["United States", "Georgia", "Oakvale"])
    assert story.admin1 == {"US.GA": 3}
    assert resolve_toponym(gaz, "Oakvale", story).id == "geonames:98"
    assert resolve_toponym(gaz, "Georgia", story).id == "admin1:US.GA"


def test_a_plain_texts_phrases_vote_by_their_leading_place_name(tmp_path: Path) -> None:
    from eventwire.extract.placecontext import text_context

    gaz = _towns(
        tmp_path,
        ("geonames:101", "Paris", 33.66, -95.56, "USA", "US.TX", 25_000),
        ("geonames:102", "Paris", 39.61, -87.70, "USA", "US.IL", 8_000),
        ("geonames:103", "Vermilion County", 39.80, -87.60, "USA", "US.IL", None),
    )
    text = "The Vermilion County Garden Society planted elms in Paris on Monday."
    assert resolve_toponym(gaz, "Paris", text_context(gaz, text)).id == "geonames:102"


def test_a_first_level_division_is_named_by_its_code() -> None:
    from eventwire.config import Settings

    gazetteer = open_gazetteer(Settings())
    try:
        assert gazetteer.division_name("LY.77") == "Tripoli"
        assert gazetteer.division_name("LY.99999") is None
    finally:
        gazetteer.close()
