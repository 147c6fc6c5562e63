"""A district read as its namesake town ("Kashmore district" at Kashmore's point) is
compared as a district, its town's surroundings, never as the whole province: a report of
"X district" and one of a town at the other end of the province on the same day are two
places."""

from __future__ import annotations

from tests.resolve.test_incidents import ONTO, Text
from tests.resolve.test_incidents_where_when import _place_mention

from eventwire.model import DocumentRecords, Place
from eventwire.resolve.doc_incidents import (
    DISTRICT_MARK,
    as_division,
    division_places,
    document_incidents,
    holds_town,
    is_district,
)
from eventwire.resolve.incidents import Report, district_veto, place_veto, veto

# places of one province (code "PK.05"); the district is read at its namesake's point
KASHMORE_AS_DISTRICT = Place("geonames:21", "Kashmore", 28.43, 69.58, "PAK", "PK.05", "admin2",
                             "PPL")  # fmt: skip
KANDHKOT = Place("geonames:22", "Kandhkot", 28.24, 69.18, "PAK", "PK.05", "city", "PPL")
HYDERABAD = Place("geonames:23", "Hyderabad", 25.39, 68.37, "PAK", "PK.05", "city", "PPL")
SINDH = Place("admin1:PK.05", "Sindh", 26.0, 68.8, "PAK", "PK.05", "admin1", "ADM1")
QUETTA = Place("geonames:24", "Quetta", 30.18, 67.0, "PAK", "PK.02", "city", "PPL")
LARKANA_AS_DISTRICT = Place("geonames:25", "Larkana", 27.56, 68.21, "PAK", "PK.05", "admin2",
                            "PPL")  # fmt: skip

SENTENCE = "Bandits attacked a police post in Kashmore district on Friday."


def _district() -> Place:
    doc = DocumentRecords(
        "a", places=(_place_mention("a", SENTENCE, 0, "Kashmore district", KASHMORE_AS_DISTRICT),)
    )
    place = as_division(KASHMORE_AS_DISTRICT, division_places(doc))
    assert place is not None
    return place


def test_a_district_is_marked_and_kept_as_a_district_not_its_province() -> None:
    doc = DocumentRecords(
        "a", places=(_place_mention("a", SENTENCE, 0, "Kashmore district", KASHMORE_AS_DISTRICT),)
    )
    assert division_places(doc) == {f"{DISTRICT_MARK}{KASHMORE_AS_DISTRICT.id}"}
    district = _district()
    assert is_district(district) and district.precision == "admin2"
    assert (district.lat, district.lon, district.admin1) == (28.43, 69.58, "PK.05")
    # a province's kind word still reads as the governorate
    region = "Gunmen raided a bank in the Kashmore region on Friday."
    wide = DocumentRecords("a", places=(_place_mention("a", region, 0, "Kashmore region",
                                                       KASHMORE_AS_DISTRICT),))  # fmt: skip
    province = as_division(KASHMORE_AS_DISTRICT, division_places(wide))
    assert province is not None and province.precision == "admin1" and not is_district(province)


def test_a_district_meets_the_towns_around_its_own_and_not_the_rest_of_the_province() -> None:
    district = _district()
    assert district_veto(district, KANDHKOT) is None  # 45 km off
    assert district_veto(district, SINDH) is None  # its province
    assert district_veto(district, KASHMORE_AS_DISTRICT) is None  # its own namesake town
    far = district_veto(district, HYDERABAD)  # 350 km off, the same province
    assert far == "a place outside the district (Kashmore, Hyderabad)"
    assert place_veto(district, HYDERABAD) is None  # what the province reading allowed
    assert district_veto(QUETTA, district) == "places in two governorates (Kashmore, Quetta)"
    other = as_division(LARKANA_AS_DISTRICT, frozenset({f"{DISTRICT_MARK}geonames:25"}))
    assert district_veto(district, other) == "two different districts (Kashmore, Larkana)"
    # within an article, the one town stands for the act only inside the district
    assert holds_town(district, KANDHKOT) and not holds_town(district, HYDERABAD)


def test_reports_of_a_district_and_of_a_far_town_of_its_province_stay_apart() -> None:
    def report(article: str, place: Place) -> Report:
        return Report(f"r-{article}", article, "ASSAULT", (5, 5), "2025-07-04", place,
                      frozenset({"bandits"}), doers=frozenset({"bandits"}))  # fmt: skip

    district = _district()
    assert veto(report("a", district), report("b", HYDERABAD)) == (
        "a place outside the district (Kashmore, Hyderabad)"
    )
    assert veto(report("a", district), report("b", KANDHKOT)) is None


def test_an_article_of_the_district_takes_its_town_only_when_it_lies_in_it() -> None:
    t = Text("a", "2025-07-05").sentence(SENTENCE)
    t.event("ASSAULT", "attacked", "2025-07-04", KASHMORE_AS_DISTRICT)
    mention = _place_mention("a", SENTENCE, 0, "Kashmore district", KASHMORE_AS_DISTRICT)
    for town, expected in ((KANDHKOT, "Kandhkot"), (HYDERABAD, "Kashmore")):
        named = _place_mention("a", "Police came from " + town.name + ".", 100, town.name, town)
        doc = DocumentRecords("a", events=tuple(t.events), places=(mention, named))
        (inc,) = document_incidents(doc, ONTO, {}, frozenset())
        assert inc.place is not None and inc.place.name == expected
