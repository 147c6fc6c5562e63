"""Loose spellings bounded (issue 15): a skeleton match is a transliteration only when it
differs in few letters for its length, and it never crosses from the story's leading
country, when that country has a reading of the name, to another."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from eventwire.extract.toponyms import resolve_toponym
from eventwire.knowledge.gazetteer import Gazetteer, _close_spelling
from eventwire.knowledge.gazetteer_build import SCHEMA, Builder
from eventwire.knowledge.placenames import name_key, spelling_distance


def _gazetteer(tmp_path: Path, towns: list[tuple[str, str, int]]) -> Gazetteer:
    tmp_path.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(tmp_path / "t.sqlite")
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row = con, 1
    for i, (name, country, people) in enumerate(towns):
        b.add(f"geonames:{i}", name, [], lat=-12.0 + i, lon=-75.0 + i, country=country,
              admin1=f"{country[:2]}.01", precision="city", feature="PPL",
              population=people)  # fmt: skip
    con.commit()
    con.close()
    return Gazetteer(tmp_path / "t.sqlite")


def test_vowels_and_one_sound_written_otherwise_cost_half_an_edit() -> None:
    assert spelling_distance("misurata", "misratah") == 1.0  # a vowel dropped, an h added
    assert spelling_distance("tobruk", "tubruq") == 1.0  # o/u, k/q
    assert spelling_distance("huamanga", "huimin") == 2.5
    assert spelling_distance("abc", "abc") == 0.0
    assert spelling_distance("", "ab") == 1.5  # a vowel and a consonant


@pytest.mark.parametrize(
    ("a", "b"),
    [("Misurata", "Misratah"), ("Sheikh Zuweid", "Shaykh Zuwayd"), ("Quamishli", "Qamishli"),
     ("Jandaris", "Al Jindaris"), ("Marayan", "Mirayan"), ("Tell esh-Shuk", "Tall ash Shuk")],
)  # fmt: skip
def test_transliterations_stay_one_spelling(a: str, b: str) -> None:
    assert _close_spelling(name_key(a), name_key(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [("Huamanga", "Huimin"), ("Lauricocha", "Larkhall"), ("Pichanaki", "Piacenza"),
     ("Leoncio", "Legnica"), ("Miniyeh", "Minnesota")],
)  # fmt: skip
def test_names_that_only_share_consonants_are_not_one_spelling(a: str, b: str) -> None:
    assert not _close_spelling(name_key(a), name_key(b))


def test_a_far_likeness_is_no_candidate(tmp_path: Path) -> None:
    gaz = _gazetteer(tmp_path, [("Larkhall", "GBR", 15_000), ("Lauricocha", "PER", 0)])
    assert [c.place.name for c in gaz.candidates("Lauricocha")] == ["Lauricocha"]
    assert gaz.candidates("Laurikocha")[0].place.country == "PER"  # still read loosely


def test_a_loose_spelling_stays_in_the_leading_country(tmp_path: Path) -> None:
    # both readings are loose spellings of "Tukumachai": the bigger town lies in a country
    # the story names once, the village in the country it is about
    gaz = _gazetteer(tmp_path, [("Tucumachay", "PER", 0), ("Tukumacha", "TUR", 60_000)])
    assert {c.match for c in gaz.candidates("Tukumachai")} == {"skeleton"}
    place = resolve_toponym(gaz, "Tukumachai", Counter({"PER": 3, "TUR": 1}))
    assert place is not None and place.country == "PER"


def test_without_a_reading_in_the_leading_country_the_other_stays(tmp_path: Path) -> None:
    gaz = _gazetteer(tmp_path / "a", [("Tukumacha", "TUR", 60_000)])
    place = resolve_toponym(gaz, "Tukumachai", Counter({"PER": 3, "TUR": 1}))
    assert place is not None and place.country == "TUR"
    # two countries level: none leads, and ranking decides as before
    gaz2 = _gazetteer(tmp_path / "b", [("Tucumachay", "PER", 0), ("Tukumacha", "TUR", 60_000)])
    place = resolve_toponym(gaz2, "Tukumachai", Counter({"PER": 1, "TUR": 1}))
    assert place is not None and place.country == "TUR"


def test_a_big_towns_loose_spelling_places_a_story_only_when_nearly_its_name(
    tmp_path: Path,
) -> None:
    # a story naming no country: a big town's spelling but for a vowel or two places it,
    # a village's name sharing the big town's consonants does not
    gaz = _gazetteer(tmp_path, [("Graz", "AUT", 300_000), ("Al Hasakah", "SYR", 190_000)])
    assert resolve_toponym(gaz, "Garkaz", Counter()) is None
    place = resolve_toponym(gaz, "al-Hasakeh", Counter())
    assert place is not None and place.country == "SYR"


def _world(tmp_path: Path, towns: list[tuple[str, str, int, float, float]]) -> Gazetteer:
    """Egypt, and ``towns`` (name, country, people, lat, lon)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(tmp_path / "w.sqlite")
    con.executescript(SCHEMA)
    b = Builder.__new__(Builder)
    b.con, b.next_row = con, 1
    b.add("country:EGY", "Egypt", [], lat=27.0, lon=30.0, country="EGY", precision="country",
          feature="PCLI", population=100_000_000)  # fmt: skip
    for i, (name, country, people, lat, lon) in enumerate(towns):
        b.add(f"geonames:{i}", name, [], lat=lat, lon=lon, country=country,
              admin1=f"{country[:2]}.01", precision="city", feature="PPL",
              population=people)  # fmt: skip
    con.commit()
    con.close()
    return Gazetteer(tmp_path / "w.sqlite")


def test_a_village_far_abroad_is_no_reading_in_a_story_about_another_country(
    tmp_path: Path,
) -> None:
    # "Goura" is also a village in Greece (some 1,400 km away) and a town in Nigeria
    greek = ("Goura", "GRC", 900, 37.9, 22.3)
    gaz = _world(tmp_path / "a", [greek, ("Goura", "NGA", 150_000, 11.0, 8.0)])
    place = resolve_toponym(gaz, "Goura", Counter({"EGY": 3}))
    assert place is not None and place.country == "NGA"  # a big town is named as it is
    gaz2 = _world(tmp_path / "b", [greek])
    assert resolve_toponym(gaz2, "Goura", Counter({"EGY": 3})) is None
    # a story that names Greece, or no country at all, still reads the village
    assert resolve_toponym(gaz2, "Goura", Counter({"EGY": 3, "GRC": 1})) is not None
    assert resolve_toponym(gaz2, "Goura", Counter()) is not None
    # a neighbour's village may be one the story's votes missed
    gaz3 = _world(tmp_path / "c", [("Goura", "ISR", 900, 31.5, 34.8)])
    assert resolve_toponym(gaz3, "Goura", Counter({"EGY": 3})) is not None


def test_a_village_far_abroad_stays_when_the_story_names_a_place_near_it(
    tmp_path: Path,
) -> None:
    gaz = _world(tmp_path, [("Goura", "GRC", 900, 37.9, 22.3), ("Nemea", "GRC", 800, 37.8, 22.6)])
    text = "Egypt and Egypt: from Egypt, pilgrims walked from Nemea to Goura."
    place = resolve_toponym(gaz, "Goura", text)
    assert place is not None and place.country == "GRC"
    text = "Egypt and Egypt: from Egypt, pilgrims walked to Goura."
    assert resolve_toponym(gaz, "Goura", text) is None
