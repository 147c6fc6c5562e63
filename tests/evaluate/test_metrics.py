"""Each metric on hand-computed cases."""

from __future__ import annotations

import pytest

from eventwire.evaluate.base import take
from eventwire.evaluate.metrics import (
    Mean,
    Tally,
    haversine_km,
    macro_f1,
    prf,
    set_f1,
    spans_overlap,
    text_overlap,
)
from eventwire.evaluate.places import country_iso3, place_matches, same_name
from eventwire.model import Place


def test_tally_and_mean() -> None:
    t = Tally()
    for ok in (True, False, True, True):
        t.add(ok)
    assert t.metric().value == 0.75 and t.metric().n == 4
    assert Tally().metric().value is None
    m = Mean()
    m.add(10.0)
    m.add(30.0)
    assert m.metric().value == 20.0


def test_prf_hand_computed() -> None:
    # tp=2, fp=1, fn=3: P=2/3, R=2/5, F1=2PR/(P+R)=0.5
    s = prf(2, 1, 3)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(0.4)
    assert s.f1 == pytest.approx(0.5)
    assert prf(0, 0, 4).precision is None and prf(0, 0, 4).f1 == 0.0
    assert prf(0, 0, 0).f1 is None
    assert prf(0, 2, 2).f1 == 0.0


def test_macro_f1_hand_computed() -> None:
    gold = ["a", "a", "b", "b"]
    pred = ["a", "b", "b", None]
    # a: tp1 fp0 fn1 -> F1 2/3; b: tp1 fp1 fn1 -> F1 1/2; mean 7/12
    assert macro_f1(gold, pred).value == pytest.approx(7 / 12)
    assert macro_f1(gold, gold).value == 1.0
    assert macro_f1([], []).value is None


def test_set_f1() -> None:
    assert set_f1(["2011-02-16", "2011-03-01"], ["2011-02-16", "2011-03-19"]) == 0.5
    assert set_f1([], ["2011-02-16"]) == 0.0
    assert set_f1([], []) == 1.0


def test_haversine() -> None:
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.1)
    # Tripoli -> Benghazi is about 645 km
    assert 600 < haversine_km(32.8925, 13.18, 32.1167, 20.0667) < 700


def test_spans_and_text_overlap() -> None:
    assert spans_overlap(0, 5, 4, 8) and not spans_overlap(0, 5, 5, 8)
    assert text_overlap(["the rebel fighters"], ["Rebel fighters"])
    assert not text_overlap(["armed forces"], ["Military Forces of Libya"])  # generic words only
    assert text_overlap(
        ["Libyan National Army"], ["Military Forces of Libya (2014-) Libyan National Army"]
    )
    assert not text_overlap([], ["Egypt"])


def test_countries_and_place_names() -> None:
    assert country_iso3("LY") == "LBY"
    assert country_iso3("Libya") == "LBY"
    assert country_iso3("Palestine") == "PSE"
    assert country_iso3("Nowhereland") is None
    assert same_name("Az-Zawiya", "zawiya")
    tripoli = Place("p", "Tripoli", 32.9, 13.2, "LBY", None, "city")
    assert place_matches(tripoli, ["Tripoli"])
    assert not place_matches(tripoli, ["Benghazi"], "LBY")
    libya = Place("c", "Libya", 27.0, 17.0, "LBY", None, "country")
    assert place_matches(libya, ["LIBYA"], "LBY")
    # two romanisations of one name, with or without a descriptor
    misrata = Place("m", "Mişrātah", 32.4, 15.1, "LBY", None, "city")
    assert place_matches(misrata, ["the city of Misrata"])
    assert not place_matches(misrata, ["Misrata"], "TUN")  # not in the gold's country
    assert not place_matches(tripoli, ["Tarhuna"])


def test_take_is_deterministic_and_spread() -> None:
    items = list(range(10))
    assert take(items, 5) == [0, 2, 4, 6, 8]
    assert take(items, None) == items and take(items, 20) == items


def test_event_codes_accept_lists_and_dicts() -> None:
    from eventwire.evaluate.base import event_code, event_codes
    from eventwire.model import Event

    e = Event("e", "ASSAULT", {"cameo": ["18", "19"], "acled": {"event_type": "Battles"}}, ())
    assert event_codes(e, "cameo") == ("18", "19") and event_code(e, "cameo") == "18"
    assert event_code(e, "acled", "event_type") == "Battles"
    assert event_code(e, "acled", "sub_event_type") is None and event_codes(e, "plover") == ()
