"""Where and when an article's incident happened: a day read outside the week the act was
told in, a dateline's town, a town named as a reference point, and a division that
extraction read as its namesake town."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.resolve.test_incidents import ONTO, Text, incidents_of, resolve_all

from eventwire.model import DocumentRecords, Evidence, Place, PlaceMention, Span, When
from eventwire.resolve.doc_incidents import (
    as_division,
    division_places,
    document_incidents,
    holds_town,
    is_dateline,
    is_reference_point,
)
from eventwire.resolve.incidents import offset_veto, place_veto

DAMBOA = Place("geonames:10", "Damboa", 11.15, 12.76, "NGA", "NG.02", "city", "PPL")
BAMA = Place("geonames:11", "Bama", 11.52, 13.69, "NGA", "NG.02", "city", "PPL")
KANO = Place("geonames:12", "Kano", 12.0, 8.52, "NGA", "NG.23", "city", "PPL")
NIGERIA = Place("country:NGA", "Nigeria", 9.0, 8.0, "NGA", None, "country", "PCLI")
# "the Borno region" read as the town of Maiduguri's namesake: the town's point, admin2
MAIDUGURI_AS_REGION = Place("geonames:13", "Maiduguri", 11.85, 13.16, "NGA", "NG.02", "admin2",
                            "PPL")  # fmt: skip


def _week(t: Text, day: str) -> None:
    """The last event told as of the week starting ``day`` ("late last week")."""
    t.events[-1] = replace(t.events[-1], when=When(day, "week"))


def convoy_week_report(article_id: str = "w", published: str = "2025-06-17") -> DocumentRecords:
    t = Text(article_id, published)
    t.sentence("Late last week, a roadside bomb hit a police convoy near Damboa.")
    t.event("ASSAULT", "hit", None, DAMBOA)
    _week(t, "2025-06-09")
    t.sentence("The faction, which claimed the attack, said it killed a dozen officers.")
    t.event("ASSAULT", "attack", published, DAMBOA)  # the anaphor read as of the report's day
    return t.records()


def convoy_day_report(article_id: str, day: str, published: str) -> DocumentRecords:
    t = Text(article_id, published)
    t.sentence("A roadside bomb hit a police convoy near Damboa, killing five officers.")
    t.event("ASSAULT", "hit", day, DAMBOA)
    return t.records()


def test_a_day_outside_the_week_the_act_is_told_in_is_not_its_day() -> None:
    (inc,) = incidents_of(convoy_week_report())
    assert inc.rules == ["anaphora"]
    assert inc.day is None  # 17 June lies outside the week of 9 June
    assert inc.window() == (_ord("2025-06-09"), _ord("2025-06-15"))


def test_a_day_inside_the_week_or_stated_first_stays() -> None:
    t = Text("a", "2025-06-17").sentence("Late last week, a roadside bomb hit a convoy.")
    t.event("ASSAULT", "hit", None, DAMBOA)
    _week(t, "2025-06-09")
    t.sentence("The attack on Thursday killed five officers.")
    t.event("ASSAULT", "attack", "2025-06-12", DAMBOA)
    (inc,) = incidents_of(t.records())
    assert inc.day == "2025-06-12"
    # the act told first with its day keeps it, whatever week a later member states
    u = Text("b", "2025-06-17").sentence("A roadside bomb hit a convoy on Thursday.")
    u.event("ASSAULT", "hit", "2025-06-12", DAMBOA)
    u.sentence("It killed five officers, police said.")
    u.event("ASSAULT", "killed", None, DAMBOA)
    _week(u, "2025-06-02")
    (inc,) = incidents_of(replace(u.records(), events=(u.events[0],)))
    inc.members.append(u.events[1])
    assert inc.day == "2025-06-12"


def test_the_weeks_report_joins_the_day_and_a_later_attack_stays_apart() -> None:
    docs = [convoy_week_report("w"), convoy_day_report("d", "2025-06-12", "2025-06-12"),
            convoy_day_report("n", "2025-06-17", "2025-06-17")]  # fmt: skip
    incs = resolve_all(docs)
    told = sorted(sorted({e.article_id for e in i.evidence}) for i in incs)
    # the attack on the feature's own day is another one (near miss)
    assert told == [["d", "w"], ["n"]]


def _ord(day: str) -> int:
    return date.fromisoformat(day).toordinal()


def _place_mention(article_id: str, sentence: str, start: int, words: str,
                   place: Place) -> PlaceMention:  # fmt: skip
    at = start + sentence.index(words)
    ev = Evidence(article_id, sentence, start, start + len(sentence))
    return PlaceMention(article_id, Span(at, at + len(words), words), place, ev)


def test_a_dateline_town_is_where_the_report_was_filed_not_where_it_happened() -> None:
    line = "NIAMEY, Niger (Wire) --"
    # extraction stores the zone (tests/extract/test_place_described.py)
    dateline = replace(_place_mention("a", line, 0, "NIAMEY", KANO), zone="dateline")
    assert is_dateline(dateline)
    body = "Gunmen raided a bank in Kano on Monday."
    assert not is_dateline(replace(_place_mention("a", body, 40, "Kano", KANO), zone="body"))
    t = Text("a").sentence("Gunmen attacked an army post in the north on Saturday.")
    t.text = line + " " + t.text
    t.event("ASSAULT", "attacked", "2025-03-15", NIGERIA)
    doc = DocumentRecords("a", events=tuple(t.events), places=(dateline,))
    (inc,) = document_incidents(doc, ONTO, {}, frozenset())
    assert inc.place == NIGERIA  # not the dateline's town
    named = _place_mention("a", body, 40, "Kano", KANO)
    doc = DocumentRecords("a", events=tuple(t.events), places=(dateline, named))
    (inc,) = document_incidents(doc, ONTO, {}, frozenset())
    assert inc.place == KANO  # the body names it too: the article's one town


def test_a_reference_point_is_no_town_the_act_happened_in() -> None:
    for sentence in (
        "Gunmen killed three farmers 270 km east of Kano on Monday.",
        "Gunmen killed three farmers 40 miles from the town of Kano.",
        "Gunmen killed three farmers some 1,200 kilometres north-west of Kano.",
    ):
        assert is_reference_point(_place_mention("a", sentence, 0, "Kano", KANO)), sentence
    # a place near a town is that town's (within 25 km, "near", "outside")
    for sentence in (
        "Gunmen killed three farmers in Kano on Monday.",
        "Gunmen killed three farmers 20 km south of Kano.",
        "Farmers near Kano fear a new raid.",
        "Kano was calm on Monday.",
    ):
        assert not is_reference_point(_place_mention("a", sentence, 0, "Kano", KANO)), sentence
    t = Text("a").sentence("Gunmen killed three farmers 270 km east of Kano on Monday.")
    t.event("ASSAULT", "killed", "2025-03-17", NIGERIA)
    anchor = _place_mention("a", t.current, 0, "Kano", KANO)
    (inc,) = document_incidents(DocumentRecords("a", events=tuple(t.events), places=(anchor,)),
                                ONTO, {}, frozenset())  # fmt: skip
    assert inc.place == NIGERIA


def test_a_division_read_as_its_namesake_town_is_its_governorate() -> None:
    sentence = "An air strike hit a school in the north-eastern Borno region on Friday."
    region = _place_mention("a", sentence, 0, "Borno region", MAIDUGURI_AS_REGION)
    doc = DocumentRecords("a", places=(region,))
    assert division_places(doc) == {MAIDUGURI_AS_REGION.id}
    wide = as_division(MAIDUGURI_AS_REGION, division_places(doc))
    assert wide is not None and wide.precision == "admin1" and wide.admin1 == "NG.02"
    # no veto against a town of that governorate; a town of another still rules it out
    assert place_veto(wide, BAMA) is None
    assert place_veto(MAIDUGURI_AS_REGION, BAMA) == "two different towns (Bama, Maiduguri)"
    assert place_veto(wide, KANO) is not None
    # a town an act lies off ("20 km south of Maiduguri") is still that town
    off = _place_mention("a", "Shells fell 20 km south of Maiduguri.", 0, "Maiduguri",
                         MAIDUGURI_AS_REGION)  # fmt: skip
    assert division_places(DocumentRecords("a", places=(off,))) == frozenset()


def test_the_anaphor_in_a_town_of_the_division_tells_the_same_strike() -> None:
    t = Text("a", "2025-06-14").sentence(
        "An air strike hit a school in the north-eastern Borno region on Friday."
    )
    t.event("ASSAULT", "strike", "2025-06-13", MAIDUGURI_AS_REGION)
    lead = t.current
    t.sentence("The strike destroyed the school in Bama, a teacher said.")
    t.event("ASSAULT", "strike", None, BAMA)
    region = _place_mention("a", lead, 0, "Borno region", MAIDUGURI_AS_REGION)
    doc = DocumentRecords("a", events=tuple(t.events), places=(region,))
    (inc,) = document_incidents(doc, ONTO, {}, frozenset())
    assert inc.place == BAMA
    # read as a town, the region would have been a second town: two incidents
    plain = DocumentRecords("a", events=tuple(t.events))
    assert len(document_incidents(plain, ONTO, {}, frozenset())) == 2


def test_the_only_town_stands_for_an_act_placed_only_in_a_place_holding_it() -> None:
    borno = Place("admin1:NG.02", "Borno", 11.5, 13.0, "NGA", "NG.02", "admin1", "ADM1")
    kano_state = Place("admin1:NG.23", "Kano", 11.8, 8.5, "NGA", "NG.23", "admin1", "ADM1")
    offset = Place("offset:1", "40 km south of Damboa", 10.8, 12.76, "NGA", "NG.02", "admin1",
                   "OFFSET")  # fmt: skip
    assert holds_town(NIGERIA, KANO) and holds_town(borno, DAMBOA)
    assert not holds_town(kano_state, DAMBOA)  # another governorate
    assert not holds_town(offset, BAMA)  # a point set off a town by a distance
    t = Text("a").sentence("Fighters ambushed a convoy 40 km south of Damboa on Saturday.")
    t.event("ASSAULT", "ambushed", "2025-03-15", offset)
    t.sentence("The convoy had left Bama two days earlier.")
    left = _place_mention("a", t.current, t.start, "Bama", BAMA)
    doc = DocumentRecords("a", events=tuple(t.events), places=(left,))
    (inc,) = document_incidents(doc, ONTO, {}, frozenset())
    assert inc.place == offset  # not the town the convoy left from


def test_a_place_set_off_a_town_and_a_town_far_from_it_are_two_places() -> None:
    # 40 km south of Damboa: about 100 km from Bama, 30 km from a town just south of it
    offset = Place("offset:2", "40 km south of Damboa", 10.79, 12.76, "NGA", "NG.02", "admin1",
                   "OFFSET")  # fmt: skip
    near = Place("geonames:14", "Gulak", 10.6, 12.9, "NGA", "NG.02", "city", "PPL")
    assert offset_veto(offset, BAMA) == "two different places (40 km south of Damboa, Bama)"
    assert offset_veto(BAMA, offset) is not None
    assert offset_veto(offset, near) is None
    assert offset_veto(offset, NIGERIA) is None  # a country holds it
    assert place_veto(offset, BAMA) is None  # the governorate alone does not tell them apart
