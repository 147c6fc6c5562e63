from dataclasses import replace

from eventwire.knowledge.ontology import read_ontology
from eventwire.model import (
    DocumentRecords,
    EventMention,
    Evidence,
    RelationMention,
    Span,
    When,
    mention_key,
)
from eventwire.resolve.events import resolve_events
from eventwire.resolve.relations import resolve_relations

UAE, HAFTAR = Span(0, 3, "UAE"), Span(20, 26, "Haftar")


def ev(article, *, type="SUPPORT", when=("2019-04-05", "day"), modality="asserted", negated=False):
    return EventMention(
        article_id=article,
        type=type,
        trigger=Span(10, 16, "backed"),
        evidence=Evidence(article, f"sentence of {article}", 0, 30),
        source=UAE,
        target=HAFTAR,
        when=When(*when),
        modality=modality,
        negated=negated,
    )


def actors(*articles):
    out = {}
    for a in articles:
        out[mention_key(a, UAE)] = "uae"
        out[mention_key(a, HAFTAR)] = "haftar"
    return out


def test_same_event_in_two_articles_is_one_event(resources):
    docs = [
        DocumentRecords("a", events=(ev("a"),)),
        DocumentRecords("b", events=(ev("b", when=("2019-04", "month")),)),
    ]
    events, _ = resolve_events(docs, actors("a", "b"), resources)
    assert len(events) == 1
    assert events[0].source_count == 2 and len(events[0].evidence) == 2
    assert events[0].date == "2019-04-05"
    assert events[0].codes["plover"] == "SUPPORT" and events[0].codes["cameo"] == "05"


def test_different_dates_stay_apart(resources):
    docs = [
        DocumentRecords("a", events=(ev("a"),)),
        DocumentRecords("b", events=(ev("b", when=("2019-05-01", "day")),)),
    ]
    events, _ = resolve_events(docs, actors("a", "b"), resources)
    assert len(events) == 2


def test_assault_codes_include_acled(resources):
    docs = [DocumentRecords("a", events=(ev("a", type="ASSAULT"),))]
    events, _ = resolve_events(docs, actors("a"), resources)
    assert events[0].codes["acled"]["event_type"] == "Battles"


def relations(docs, arts, resources):
    events, _ = resolve_events(docs, actors(*arts), resources)
    return resolve_relations(docs, events, actors(*arts), resources)


def test_support_relation_from_events(resources):
    rels = relations([DocumentRecords("a", events=(ev("a"),))], ["a"], resources)
    assert [(r.source_actor, r.target_actor, r.type, r.source_count) for r in rels] == [
        ("uae", "haftar", "support", 1)
    ]
    assert not rels[0].contested and rels[0].first_seen == "2019-04-05"


def test_denial_only_is_negated_and_not_counted(resources):
    docs = [DocumentRecords("a", events=(ev("a", modality="denied", negated=True),))]
    rels = relations(docs, ["a"], resources)
    assert rels[0].negated and rels[0].source_count == 0


def test_asserted_and_denied_is_contested(resources):
    docs = [
        DocumentRecords("a", events=(ev("a"),)),
        DocumentRecords("b", events=(ev("b", modality="denied", negated=True),)),
    ]
    rels = relations(docs, ["a", "b"], resources)
    assert len(rels) == 1 and rels[0].contested and not rels[0].negated
    assert rels[0].source_count == 1 and rels[0].denied_evidence[0].article_id == "b"


def test_hypothetical_is_kept_but_not_counted(resources):
    docs = [DocumentRecords("a", events=(ev("a", modality="hypothetical"),))]
    rels = relations(docs, ["a"], resources)
    assert rels[0].modality == "hypothetical" and rels[0].source_count == 0


def test_relation_statement_counts(resources):
    rm = RelationMention(
        "a", "ally", UAE, HAFTAR, Evidence("a", "s", 0, 30), when=When("2018", "year")
    )
    rels = relations([DocumentRecords("a", relations=(rm,))], ["a"], resources)
    assert [(r.type, r.source_count, r.first_seen) for r in rels] == [("ally", 1, "2018")]


def test_a_statement_extracted_twice_is_one_event() -> None:
    from eventwire.extract.context import Resources
    from eventwire.model import DocumentRecords, EventMention, Evidence, Span
    from eventwire.resolve.events import resolve_events

    ev = Evidence("art_x", "Fighting broke out.", 0, 19)
    em = EventMention("art_x", "ASSAULT", Span(9, 14, "broke"), ev)
    events, _ = resolve_events([DocumentRecords("art_x", events=(em, em))], {}, Resources())
    assert len(events) == 1 and events[0].evidence == (ev,)


def lead(*specs, onto=None):
    """specs: (type, qualifiers, sentence start, counts) -> resolved Events; main_event of them
    (under ``onto``, the shipped ontology by default)."""
    from eventwire.model import Event
    from eventwire.resolve.events import main_event

    events = []
    for n, (etype, quals, start, killed) in enumerate(specs):
        evidence = (Evidence("a", "s", start, start + 10),)
        counts = {"killed": killed} if killed else {}
        events.append(
            Event(
                id=f"e{n}", type=etype, codes={}, evidence=evidence, qualifiers=quals, counts=counts
            )
        )
    chosen = main_event(events, onto or read_ontology())
    return events.index(chosen) if chosen else None


def test_main_event_prefers_main_clause_then_sentence_then_severity():
    # "Egypt accused Turkey of attacking the port": the accusation is the statement.
    assert lead(("ASSAULT", ("embedded",), 0, 0), ("ACCUSE", (), 0, 0)) == 1
    # One clause with a meeting and an attack: the attack.
    assert lead(("CONSULT", (), 0, 0), ("ASSAULT", (), 0, 0)) == 1
    # The first sentence of a note wins over a more severe event later on.
    assert lead(("PROTEST", (), 0, 0), ("ASSAULT", (), 40, 0)) == 0
    # Equal otherwise: the event with counts.
    assert lead(("ASSAULT", (), 0, 0), ("ASSAULT", (), 0, 3)) == 1
    assert lead() is None


def test_main_event_takes_the_tiers_from_the_ontology_it_is_given():
    onto = read_ontology()
    meetings_first = replace(
        onto, types={**onto.types, "CONSULT": replace(onto.types["CONSULT"], severity=5)}
    )
    assert lead(("CONSULT", (), 0, 0), ("ASSAULT", (), 0, 0)) == 1
    assert lead(("CONSULT", (), 0, 0), ("ASSAULT", (), 0, 0), onto=meetings_first) == 0


def test_embedded_only_when_every_statement_is_embedded(resources):
    plain = ev("a", type="ASSAULT")
    docs = [
        DocumentRecords("a", events=(replace(plain, qualifiers=("embedded",)),)),
        DocumentRecords("b", events=(replace(ev("b", type="ASSAULT"), qualifiers=()),)),
    ]
    events, _ = resolve_events(docs, actors("a", "b"), resources)
    assert len(events) == 1 and "embedded" not in events[0].qualifiers


def test_acled_codes_use_lemma_and_qualifiers(resources):
    em = replace(ev("a", type="ASSAULT"), lemma="target", qualifiers=("means_air",))
    events, _ = resolve_events([DocumentRecords("a", events=(em,))], actors("a"), resources)
    assert events[0].codes["acled"] == {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
    }


def test_a_statement_about_an_act_that_did_not_happen_is_no_relation(resources):
    refusal = replace(ev("a", type="REJECT"), qualifiers=("statement",))
    docs = [DocumentRecords("a", events=(ev("a", modality="negated", negated=True), refusal))]
    rels = relations(docs, ["a"], resources)
    assert [(r.type, r.negated, r.source_count) for r in rels] == [("support", True, 0)]


def _clash(article, *, place=None, when=("2020-03-02", "day"), source=None):
    return EventMention(
        article_id=article,
        type="ASSAULT",
        trigger=Span(10, 17, "clashes"),
        evidence=Evidence(article, f"clashes in {article}", 0, 30),
        source=source,
        when=When(*when),
        place=place,
    )


def test_reports_without_named_actors_need_the_same_place_and_day(resources):
    from eventwire.model import Place

    town = Place("geonames:1", "Annaba", 36.9, 7.77, "DZA", None, "city")
    other = Place("geonames:2", "Setif", 36.19, 5.41, "DZA", None, "city")
    cops = Span(0, 6, "police")
    mentions = {mention_key(a, cops): "police_dza" for a in "abcdefg"}

    def count(*ems):
        docs = [DocumentRecords(em.article_id, events=(em,)) for em in ems]
        return len(resolve_events(docs, mentions, resources, frozenset({"police_dza"}))[0])

    assert count(_clash("a", place=town), _clash("b", place=town)) == 1
    assert count(_clash("a", place=town), _clash("b")) == 2  # one report has no place
    assert count(_clash("a", place=town), _clash("b", place=other)) == 2
    assert count(_clash("a", place=town), _clash("b", place=town, when=("2020-03", "month"))) == 2
    province = Place("geonames:3", "Annaba Province", 36.8, 7.6, "DZA", "DZ.37", "admin1")
    assert count(_clash("a", place=province), _clash("b", place=province)) == 2  # too coarse
    # an unnamed group is no better than no actor ...
    assert count(_clash("a", place=town, source=cops), _clash("b", source=cops)) == 2
    # ... while a named actor ties a dated report to a placeless one
    named = {mention_key(a, cops): "lna" for a in "ab"}
    docs = [DocumentRecords(a, events=(_clash(a, place=town if a == "a" else None, source=cops),))
            for a in "ab"]  # fmt: skip
    assert len(resolve_events(docs, named, resources)[0]) == 1


def test_event_dates_are_calendar_dates(resources):
    docs = [
        DocumentRecords("a", events=(ev("a", when=("2019-W15", "week")),)),
        DocumentRecords("b", events=(ev("b", when=("2019-04-10", "day")),)),
    ]
    events, _ = resolve_events(docs, actors("a", "b"), resources)
    assert len(events) == 1  # the week of 8 April holds the 10th
    assert (events[0].date, events[0].date_precision) == ("2019-04-10", "day")
    alone, _ = resolve_events(docs[:1], actors("a"), resources)
    assert (alone[0].date, alone[0].date_precision) == ("2019-04-08", "week")


def test_a_persons_followers_make_no_relation_of_the_person(resources):
    followers = replace(ev("a"), qualifiers=("source_followers",))
    assert not relations([DocumentRecords("a", events=(followers,))], ["a"], resources)
    assert relations([DocumentRecords("a", events=(ev("a"),))], ["a"], resources)


def test_a_toll_stated_once_is_carried_by_one_event(resources):
    from eventwire.model import Count

    sentence = Evidence("a", "Forty people, fighters and civilians, were killed.", 0, 50)
    toll = Count("killed", 40, None, "Forty", sentence, Span(0, 5, "Forty"))
    base = EventMention("a", "ASSAULT", Span(38, 44, "killed"), sentence, counts=(toll,))
    civilians = replace(base, target=Span(26, 35, "civilians"))
    events, _ = resolve_events(
        [DocumentRecords("a", events=(base, civilians))],
        {mention_key("a", civilians.target): "civ"},
        resources,
    )
    assert len(events) == 2
    assert [e.counts for e in events if e.target_actor == "civ"] == [{"killed": 40}]
    assert [e.counts for e in events if e.target_actor is None] == [{}]
