"""A scene an article names by a name the gazetteer lacks ("gunmen kidnapped a farmer at
Bakoro", "a village near the town of Selu") is where the act happened: the one town
the article names elsewhere (its dateline's capital, the town the wounded were taken to)
does not take its place, unless the name is placed by that very town."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.resolve.test_incidents import Text, incidents_of

from eventwire.extract.placefeatures import TIED_FEATURE, TIED_PREFIX
from eventwire.extract.placeunread import NAMED_FEATURE, NAMED_PREFIX
from eventwire.model import DocumentRecords, Place
from eventwire.resolve.doc_incident_places import holds_town, named_by
from eventwire.resolve.incident_places import place_veto
from eventwire.resolve.incidents import Report, veto

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


def test_a_scene_of_unknown_governorate_meets_either_way_round() -> None:
    # "a village near the town of Selu, in the west of the country" (no governorate
    # known) against a report placed in Lowland province or its capital: it may lie in
    # either, and the veto reads the pair the same way round in both orders
    selu = replace(SELU, admin1=None)
    for other in (PROVINCE, CAPITAL):
        assert place_veto(selu, other) is None
        assert place_veto(other, selu) is None
    # two known governorates, a town of one and the other province: apart both ways
    upland = replace(PROVINCE, id="admin1:XX.09", name="Upland", admin1="XX.09")
    for a, b in ((PROVINCE, upland), (CAPITAL, upland)):
        assert place_veto(a, b) is not None and place_veto(b, a) is not None


def test_the_join_of_an_unknown_governorate_does_not_hang_on_the_report_order() -> None:
    day = date.fromisoformat("2025-05-05").toordinal()
    side = frozenset({"actor_chief"})
    selu = replace(SELU, admin1=None)
    named = Report("docinc_a", "art_a", "ASSAULT", (day, day), "2025-05-05", selu, side)
    provincial = Report("docinc_b", "art_b", "ASSAULT", (day, day), "2025-05-05", PROVINCE, side)
    assert veto(named, provincial) is None and veto(provincial, named) is None
