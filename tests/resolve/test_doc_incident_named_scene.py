"""A scene an article names by a name the gazetteer lacks ("gunmen kidnapped a farmer at
Bakoro", "a village near the town of Selu") is where the act happened: the one town
the article names elsewhere (its dateline's capital, the town the wounded were taken to)
does not take its place, unless the name is placed by that very town."""

from __future__ import annotations

from dataclasses import replace

from tests.resolve.test_incidents import Text, incidents_of

from eventwire.extract.placefeatures import TIED_FEATURE, TIED_PREFIX
from eventwire.extract.placeunread import NAMED_FEATURE, NAMED_PREFIX
from eventwire.model import DocumentRecords, Place
from eventwire.resolve.doc_incident_places import holds_town, named_by

# the province, its capital (the article's only town), and a town of another province
PROVINCE = Place("admin1:XX.05", "Lowland", 4.0, 18.0, "XXX", "XX.05", "admin1", feature="ADM1")
CAPITAL = Place("geonames:501", "Port Lamu", 4.2, 18.4, "XXX", "XX.05", "city", feature="PPL")
COUNTRY = Place("country:XXX", "Xland", 5.0, 19.0, "XXX", None, "country", feature="PCLI")
# "gunmen raided Bakoro": a name the gazetteer lacks, kept at the province it lies in
BAKORO = replace(PROVINCE, id=f"{NAMED_PREFIX}{PROVINCE.id}|bakoro", name="Bakoro",
                 feature=NAMED_FEATURE)  # fmt: skip
# "a village near the town of Selu, in the west of the country": tied to its area
SELU = replace(COUNTRY, id=f"{TIED_PREFIX}{COUNTRY.id}|selu", name="Selu", precision="admin1",
               feature=TIED_FEATURE)  # fmt: skip
# "a hamlet near Port Lamu": tied to the capital itself
HAMLET = replace(CAPITAL, id=f"{TIED_PREFIX}{CAPITAL.id}|hamlet", name="the hamlet",
                 precision="admin2", feature=TIED_FEATURE)  # fmt: skip


def test_a_named_scene_holds_no_other_town() -> None:
    assert named_by(BAKORO) == PROVINCE.id
    assert named_by(SELU) == COUNTRY.id
    assert named_by(HAMLET) == CAPITAL.id
    assert named_by(PROVINCE) is None and named_by(CAPITAL) is None
    assert not holds_town(BAKORO, CAPITAL)  # the raid was at Bakoro, not in the capital
    assert not holds_town(SELU, CAPITAL)
    assert holds_town(HAMLET, CAPITAL)  # placed by that very town


def test_a_division_or_a_country_still_holds_the_articles_only_town() -> None:
    # "fighting in Lowland province" and "in Xland": the capital the article names may
    # be where it happened, as before
    assert holds_town(PROVINCE, CAPITAL)
    assert holds_town(COUNTRY, CAPITAL)
    elsewhere = replace(CAPITAL, id="geonames:502", admin1="XX.09")
    assert not holds_town(PROVINCE, elsewhere)  # a town of another province


def _raid(scene: Place | None) -> DocumentRecords:
    t = (Text("art_k1", "2025-05-06")
         .sentence("Gunmen raided a farm on Monday, killing two men.")
         .event("ASSAULT", "raided", "2025-05-05", scene, counts=(("killed", 2),)))  # fmt: skip
    return t.records()


def test_the_report_keeps_its_named_scene_over_the_articles_only_town() -> None:
    # a hamlet near the capital, the province or the country: the capital, as before
    for scene, want in ((BAKORO, BAKORO), (SELU, SELU), (HAMLET, CAPITAL),
                        (PROVINCE, CAPITAL), (COUNTRY, CAPITAL)):  # fmt: skip
        (inc,) = incidents_of(_raid(scene))
        inc.fallback_place = CAPITAL  # the one town the article names elsewhere
        assert inc.place == want, scene
