"""Incidents across reports: types compatible through the ontology's incident families,
and places told apart by the distance their precisions allow."""

from __future__ import annotations

import pytest
from tests.resolve.test_incidents import GHARYAN, ONTO, TARHUNA, Text, incidents_of

from eventwire.errors import ConfigError
from eventwire.knowledge.ontology import parse_ontology
from eventwire.model import DocumentRecords, Place
from eventwire.resolve.incidents import (
    IncidentLinks,
    assign_actors,
    lead_type,
    place_veto,
    report_of_incident,
    resolve_incidents,
    sends_armed_men,
    veto,
    within_reach,
)

COD = Place("country:COD", "Democratic Republic of the Congo", -2.5, 23.5, "COD", None, "country")
COG = Place("country:COG", "Republic of the Congo", -1.0, 15.5, "COG", None, "country")
GOMA = Place("geonames:3", "Goma", -1.68, 29.22, "COD", "CD.11", "city")
GISENYI = Place("geonames:5", "Gisenyi", -1.70, 29.26, "RWA", "RW.04", "city")
RUSSIA = Place("country:RUS", "Russia", 60.0, 100.0, "RUS", None, "country")
KHARKIV = Place("geonames:6", "Kharkiv", 49.99, 36.23, "UKR", "UA.07", "city")


def report(article_id: str, etype: str, sentence: str, trigger: str, doer: str = "Sidra Brigade",
           day: str = "2025-03-14", town: Place = GHARYAN) -> DocumentRecords:  # fmt: skip
    t = Text(article_id).sentence(sentence)
    return t.event(etype, trigger, day, town, source=doer).records()


def resolve_named(docs: list[DocumentRecords]):  # noqa: ANN201
    """Resolve with each report's doer as a named actor (its own words as its id)."""
    told = []
    for doc in docs:
        actor_of = {
            f"{e.article_id}:{e.source.start}:{e.source.end}": e.source.text
            for e in doc.events
            if e.source
        }
        for inc in incidents_of(doc, actor_of):
            assign_actors(inc, actor_of, frozenset())
            told.append(inc)
    return resolve_incidents(told, {}, [], IncidentLinks())


def test_the_shipped_families_join_force_and_keep_other_types_apart() -> None:
    assert ONTO.incident_family("ASSAULT") == ONTO.incident_family("COERCE") == "force"
    assert ONTO.incident_family("PROTEST") == "PROTEST"
    # a deployment type is in the family only when it sends armed men
    assert ONTO.incident_family("AID") == "AID"
    assert ONTO.incident_family("AID", deploys=True) == "force"
    assert ONTO.deployment_types == {"AID", "MOBILIZE"}


def test_a_raid_and_an_attack_on_one_town_and_day_are_one_incident_of_the_severer_type() -> None:
    docs = [
        report("a", "ASSAULT", "Sidra Brigade stormed the village on Friday.", "stormed"),
        report("b", "COERCE", "Sidra Brigade raided the village on Friday.", "raided"),
    ]
    (inc,) = resolve_named(docs)
    assert inc.source_count == 2 and inc.type == "ASSAULT"
    assert any("ASSAULT / COERCE (force)" in line for line in inc.explanation)


def test_sending_troops_joins_the_offensive_but_sending_aid_does_not() -> None:
    troops = report("a", "AID", "Sidra Brigade sent troops to the town on Friday.", "sent")
    aid = report("c", "AID", "Sidra Brigade sent aid to the army on Friday.", "sent")
    attack = report("b", "ASSAULT", "Sidra Brigade attacked the town on Friday.", "attacked")
    joined = resolve_named([troops, attack])
    assert [i.source_count for i in joined] == [2] and joined[0].type == "ASSAULT"
    apart = resolve_named([aid, attack])
    assert sorted(i.type for i in apart) == ["AID", "ASSAULT"]


@pytest.mark.parametrize(
    ("sentence", "sends"),
    [
        ("Abiy sent troops to Tigray on Friday.", True),
        ("The government sent 3,000 soldiers into the region.", True),
        ("The army sent in more forces after the attack.", True),
        ("Donors sent aid to the army.", False),  # the army is where it went, not what
        ("The ministry sent a letter, and troops followed.", False),
    ],
)
def test_a_deployment_sends_armed_men_when_its_object_names_them(
    sentence: str, sends: bool
) -> None:
    t = Text("a").sentence(sentence).event("AID", "sent")
    assert sends_armed_men(t.events, "AID", ONTO) is sends
    assert not sends_armed_men(t.events, "ASSAULT", ONTO)  # not a deployment type


def test_near_miss_same_actors_other_type_stays_apart() -> None:
    docs = [
        report("a", "ASSAULT", "Sidra Brigade shelled the town on Friday.", "shelled"),
        report("b", "PROTEST", "Sidra Brigade marched in the town on Friday.", "marched"),
    ]
    incs = resolve_named(docs)
    assert len(incs) == 2
    a, b = sorted((report_of_incident(i, onto=ONTO) for i in incs), key=lambda r: r.type)
    assert veto(a, b) == "types differ (ASSAULT, PROTEST)"
    # a stored raid is compared with a stored attack by family
    raid = report("c", "COERCE", "Sidra Brigade raided the town on Friday.", "raided")
    (c,) = resolve_named([raid])
    assert veto(report_of_incident(c, onto=ONTO), a) is None


def test_the_lead_type_is_the_most_severe_then_the_best_supported() -> None:
    assert lead_type(["AID", "AID", "ASSAULT"], ONTO) == "ASSAULT"
    assert lead_type(["COERCE", "AID", "AID"], ONTO) == "COERCE"  # violent first
    assert lead_type(["AID", "MOBILIZE", "MOBILIZE"], ONTO) == "MOBILIZE"  # same tier


def test_a_family_naming_an_unknown_type_or_sharing_a_type_is_refused() -> None:
    base = {"types": {t: {"severity": 0} for t in ONTO.types}}
    with pytest.raises(ConfigError, match="unknown type 'SHELL'"):
        parse_ontology({**base, "incident_families": {"force": {"types": ["SHELL"]}}})
    twice = {"a": {"types": ["ASSAULT"]}, "b": {"deployments": ["ASSAULT"]}}
    with pytest.raises(ConfigError, match="two incident families"):
        parse_ontology({**base, "incident_families": twice})


def test_a_town_within_reach_of_a_namesake_country_level_place_is_compatible() -> None:
    # "Congo" read as the Republic of the Congo does not rule out Goma: a country-level
    # place stands for a whole country, and Goma lies within its reach
    assert within_reach(GOMA, COG) and place_veto(GOMA, COG) is None
    assert place_veto(COG, GOMA) is None
    # far beyond a country's reach, the codes decide
    assert not within_reach(KHARKIV, RUSSIA)
    assert place_veto(KHARKIV, RUSSIA) == "places in two countries (Kharkiv, Russia)"
    # two towns are never joined by distance, across a border or not
    assert place_veto(GOMA, GISENYI) == "places in two countries (Goma, Gisenyi)"
    assert place_veto(GHARYAN, TARHUNA) == "two different towns (Gharyan, Tarhuna)"
    # two country-level places are told apart by name only
    assert not within_reach(COD, COG)


def test_reports_in_goma_and_in_a_bare_congo_join_when_the_rest_agrees() -> None:
    docs = [
        report("a", "ASSAULT", "Sidra Brigade attacked Goma on Friday.", "attacked", town=GOMA),
        report("b", "ASSAULT", "Sidra Brigade attacked in Congo on Friday.", "attacked", town=COG),
        report("c", "ASSAULT", "Sidra Brigade attacked Kharkiv on Friday.", "attacked",
               town=KHARKIV),
    ]  # fmt: skip
    incs = resolve_named(docs)
    assert sorted(i.source_count for i in incs) == [1, 2]
    joined = next(i for i in incs if i.source_count == 2)
    assert joined.location == GOMA


def test_near_misses_are_listed_and_compared_by_incident_family(tmp_path) -> None:  # noqa: ANN001
    from eventwire.export.incident_list import near_misses
    from eventwire.model import Evidence, Incident, Resolution
    from eventwire.store.sqlite import SQLiteStore

    def incident(n: int, itype: str, town: Place, source: str) -> Incident:
        ev = Evidence(f"art_{n:016x}", "A sentence.", 0, 11)
        return Incident(f"incident_{n:012x}", itype, {}, (ev,), source_actor=source,
                        date="2025-03-14", date_precision="day", location=town)  # fmt: skip

    attack = incident(1, "ASSAULT", GHARYAN, "Sidra Brigade")
    raid = incident(2, "COERCE", GHARYAN, "Sidra Brigade")  # a raid the same day, same side
    elsewhere = incident(3, "COERCE", TARHUNA, "Sidra Brigade")
    protest = incident(4, "PROTEST", GHARYAN, "Sidra Brigade")
    with SQLiteStore(str(tmp_path / "s.db")) as store:
        store.replace_resolution(Resolution(incidents=(attack, raid, elsewhere, protest)))
        said = near_misses(store, attack, ONTO)
    # the raid and the attack are of one family: compared, not "types differ"
    assert said == [
        f"kept apart from incident {raid.id}: not compared (no shared block)",
        f"kept apart from incident {elsewhere.id}: two different towns (Gharyan, Tarhuna)",
    ]
    assert not any(protest.id in line for line in said)


def test_near_misses_compare_a_week_as_its_seven_days(tmp_path) -> None:  # noqa: ANN001
    from eventwire.export.incident_list import near_misses
    from eventwire.model import Evidence, Incident, Resolution
    from eventwire.store.sqlite import SQLiteStore

    def incident(n: int, when: str, precision: str) -> Incident:
        ev = Evidence(f"art_{n:016x}", "A sentence.", 0, 11)
        return Incident(f"incident_{n:012x}", "ASSAULT", {}, (ev,), source_actor="Sidra Brigade",
                        date=when, date_precision=precision, location=GHARYAN)  # fmt: skip

    week = incident(1, "2025-03-10", "week")  # the week of Monday 10 March
    friday = incident(2, "2025-03-14", "day")  # inside that week, four days after its Monday
    next_monday = incident(3, "2025-03-17", "day")  # a day after the week's Sunday
    later = incident(4, "2025-03-19", "day")  # well after the week
    with SQLiteStore(str(tmp_path / "s.db")) as store:
        store.replace_resolution(Resolution(incidents=(week, friday, next_monday, later)))
        of_week = near_misses(store, week, ONTO)
        of_friday = near_misses(store, friday, ONTO)
    assert [line.split(":")[0] for line in of_week] == [
        f"kept apart from incident {friday.id}",
        f"kept apart from incident {next_monday.id}",
    ]
    # the day sees the week it falls in, though the week's Monday is four days before it
    assert any(week.id in line for line in of_friday)
