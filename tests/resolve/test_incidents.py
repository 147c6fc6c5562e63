"""Incidents: within one document (act, consequence, anaphora, aftermath, statements)
and across articles (blocking, vetoes, complete link, counts, overrides)."""

from __future__ import annotations

import random
from datetime import date

from eventwire.errors import NotFound
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import (
    Actor,
    Count,
    DocumentRecords,
    EventMention,
    Evidence,
    Place,
    PlaceMention,
    Span,
    When,
)
from eventwire.resolve.doc_incidents import document_incidents, is_anaphoric
from eventwire.resolve.incidents import (
    EXPLANATION_KEY,
    IncidentLinks,
    Report,
    assign_actors,
    explanation_in_words,
    namesake_countries,
    pair_order,
    place_veto,
    report_of_incident,
    resolve_incidents,
    state_sides,
    veto,
)

ONTO = read_ontology()
GHARYAN = Place("geonames:1", "Gharyan", 32.17, 13.02, "LBY", "LY.01", "city")
TARHUNA = Place("geonames:2", "Tarhuna", 32.43, 13.63, "LBY", "LY.01", "city")
LIBYA = Place("country:LBY", "Libya", 27.0, 17.0, "LBY", None, "country")


class Text:
    """An article written sentence by sentence; events are placed by their trigger word."""

    def __init__(self, article_id: str, published: str = "2025-03-15") -> None:
        self.article_id = article_id
        self.published = published
        self.text = ""
        self.events: list[EventMention] = []
        self.spans: dict[str, Span] = {}

    def sentence(self, words: str) -> Text:
        self.start = len(self.text)
        self.text += words + " "
        self.current = words
        return self

    def event(self, etype: str, trigger: str, day: str | None = None, place: Place | None = None,
              source: str | None = None, counts: tuple[tuple[str, int], ...] = (),
              modality: str = "asserted", qualifiers: tuple[str, ...] = ()) -> Text:  # fmt: skip
        at = self.start + self.current.index(trigger)
        ev = Evidence(self.article_id, self.current, self.start, self.start + len(self.current))
        src = None
        if source:
            s = self.start + self.current.index(source)
            src = Span(s, s + len(source), source)
        when = When(day, "day") if day else When(self.published, "publication")
        self.events.append(
            EventMention(
                self.article_id, etype, Span(at, at + len(trigger), trigger), ev, source=src,
                when=when, place=place or LIBYA, modality=modality,
                negated=modality in ("negated", "denied"), qualifiers=qualifiers,
                counts=tuple(Count(k, v, None, str(v), ev, Span(at, at + 1, str(v)))
                             for k, v in counts),
            )
        )  # fmt: skip
        return self

    def records(self, towns: tuple[Place, ...] = ()) -> DocumentRecords:
        places = tuple(
            PlaceMention(
                self.article_id, Span(0, 1, p.name), p, Evidence(self.article_id, "", 0, 1)
            )
            for p in towns
        )
        return DocumentRecords(self.article_id, events=tuple(self.events), places=places)


def incidents_of(doc: DocumentRecords, actors: dict[str, str] | None = None):  # noqa: ANN201
    return document_incidents(doc, ONTO, actors or {}, frozenset((actors or {}).values()))


def shelling(article_id: str, day: str = "2025-03-14", town: Place = GHARYAN, killed: int = 4,
             published: str = "2025-03-15") -> DocumentRecords:  # fmt: skip
    t = Text(article_id, published)
    t.sentence("Shells hit a market in the town on Friday, killing four people.")
    t.event("ASSAULT", "hit", day, town).event("ASSAULT", "killing", day, town,
                                               counts=(("killed", killed),))  # fmt: skip
    return t.records()


# --- within a document -----------------------------------------------------------------


def test_act_and_its_consequences_in_one_sentence_are_one_incident() -> None:
    t = Text("a").sentence(
        "Forces shelled a market, killing four civilians and wounding 11 others."
    )
    t.event("ASSAULT", "shelled", "2025-03-14", GHARYAN)
    t.event("ASSAULT", "killing", "2025-03-14", GHARYAN, counts=(("killed", 4),))
    t.event("ASSAULT", "wounding", "2025-03-14", GHARYAN, counts=(("wounded", 11),))
    (inc,) = incidents_of(t.records())
    assert len(inc.members) == 3 and inc.rules == ["act and consequence"]


def test_the_attack_refers_back_and_a_condemnation_is_a_linked_statement() -> None:
    t = Text("a").sentence("Gunmen attacked a checkpoint in Gharyan on Friday.")
    t.event("ASSAULT", "attacked", "2025-03-14", GHARYAN)
    t.sentence("The mission condemned the attack and called for an inquiry.")
    t.event("ACCUSE", "condemned").event("ASSAULT", "attack").event("REQUEST", "called")
    (inc,) = incidents_of(t.records())
    assert [e.trigger.text for e in inc.members] == ["attacked", "attack"]
    assert "anaphora" in inc.rules
    assert [e.type for e in inc.statements] == ["ACCUSE", "REQUEST"]


def test_a_days_possessive_is_anaphoric_but_a_bare_noun_is_not() -> None:
    t = Text("a").sentence("Police buried colleagues killed in Saturday's blast.")
    t.event("ASSAULT", "blast").sentence("A blast shook the port.").event("ASSAULT", "blast")
    assert [is_anaphoric(e) for e in t.events] == [True, False]


def test_retelling_without_own_date_or_town_joins_but_another_day_does_not() -> None:
    t = Text("a").sentence("Rockets hit the market in Gharyan on Friday.")
    t.event("ASSAULT", "hit", "2025-03-14", GHARYAN)
    t.sentence("Two rockets struck shortly after prayers.").event("ASSAULT", "struck")
    t.sentence("Residents said shells also fell on 2 March.").event("ASSAULT", "fell", "2025-03-02")
    first, second = incidents_of(t.records())
    assert [e.trigger.text for e in first.members] == ["hit", "struck"]
    assert "retelling" in first.rules
    assert [e.trigger.text for e in second.members] == ["fell"]


def test_a_restatement_with_the_same_town_and_day_joins_unless_it_is_a_second_one() -> None:
    t = Text("a").sentence("An air strike hit Gharyan on Monday, killing three children.")
    t.event("ASSAULT", "strike", "2025-03-10", GHARYAN, counts=(("killed", 3),))
    t.sentence("Three children were killed in Gharyan on Monday, medics said.")
    t.event("ASSAULT", "killed", "2025-03-10", GHARYAN, counts=(("killed", 3),))
    t.sentence("A second air strike in Gharyan later that day wounded nine.")
    t.event("ASSAULT", "strike", "2025-03-10", GHARYAN, counts=(("wounded", 9),))
    t.sentence("Another strike on Gharyan on Monday killed five.")
    t.event("ASSAULT", "strike", "2025-03-10", GHARYAN, counts=(("killed", 5),))
    first, second, third = incidents_of(t.records())
    assert [e.trigger.text for e in first.members] == ["strike", "killed"]
    assert "restatement" in first.rules
    assert len(second.members) == len(third.members) == 1


def test_a_sentence_opened_as_separate_tells_another_incident() -> None:
    # "Separately" / "In a separate incident" / "Elsewhere" open a distinct occurrence,
    # even when the clause names the same town again and no day
    for opener in ("Separately, a", "In a separate incident, a", "Elsewhere, a"):
        t = Text("a").sentence("Shells hit Gharyan on Friday.")
        t.event("ASSAULT", "hit", "2025-03-14", GHARYAN)
        t.sentence(f"{opener} rocket hit a school in Gharyan.")
        t.event("ASSAULT", "rocket", None, GHARYAN)
        assert len(incidents_of(t.records())) == 2, opener
    t = Text("a").sentence("Shells hit Gharyan on Friday.")
    t.event("ASSAULT", "hit", "2025-03-14", GHARYAN)
    t.sentence("A rocket hit a school in Gharyan.").event("ASSAULT", "rocket", None, GHARYAN)
    assert len(incidents_of(t.records())) == 1


def test_a_restatement_with_another_toll_is_another_incident() -> None:
    t = Text("a").sentence("A car bomb killed five in Gharyan on Monday.")
    t.event("ASSAULT", "killed", "2025-03-10", GHARYAN, counts=(("killed", 5),))
    t.sentence("In Gharyan on Monday a suicide bomber killed ten at a mosque.")
    t.event("ASSAULT", "killed", "2025-03-10", GHARYAN, counts=(("killed", 10),))
    assert len(incidents_of(t.records())) == 2


def test_another_town_is_another_incident_even_with_the_same_noun() -> None:
    t = (
        Text("a")
        .sentence("Shells hit Gharyan on Friday.")
        .event("ASSAULT", "hit", "2025-03-14", GHARYAN)
    )
    t.sentence("The shelling of Tarhuna followed.").event(
        "ASSAULT", "shelling", "2025-03-14", TARHUNA
    )
    assert len(incidents_of(t.records())) == 2


def test_aftermath_without_doer_joins_the_act() -> None:
    t = Text("a").sentence("Rockets hit the market in Gharyan on Friday.")
    t.event("ASSAULT", "hit", "2025-03-14", GHARYAN)
    t.sentence("Flights at the airfield were suspended.").event("SANCTION", "suspended")
    (inc,) = incidents_of(t.records())
    assert [e.type for e in inc.members] == ["ASSAULT", "SANCTION"] and "aftermath" in inc.rules
    assert inc.type == "ASSAULT"


def test_denial_is_a_statement_and_a_future_act_is_no_member() -> None:
    t = Text("a").sentence("Forces shelled the market in Gharyan on Friday.")
    t.event("ASSAULT", "shelled", "2025-03-14", GHARYAN)
    t.sentence("The command denied targeting civilians and vowed to strike again.")
    t.event("ASSAULT", "targeting", modality="denied").event("ASSAULT", "strike", modality="future")
    (inc,) = incidents_of(t.records())
    assert [e.trigger.text for e in inc.members] == ["shelled"]
    assert [e.trigger.text for e in inc.statements] == ["targeting"]


def test_a_statement_alone_is_an_incident_of_its_own_but_a_lone_denial_is_none() -> None:
    t = Text("a").sentence("The council condemned the government.").event("ACCUSE", "condemned")
    (inc,) = incidents_of(t.records())
    assert inc.type == "ACCUSE"
    d = Text("b").sentence("The brigade denied shelling the town.")
    assert incidents_of(d.event("ASSAULT", "shelling", modality="denied").records()) == []


def test_a_statement_before_the_act_in_its_sentence_is_about_that_act() -> None:
    t = Text("a").sentence("Gunmen attacked a checkpoint in Gharyan on Friday.")
    t.event("ASSAULT", "attacked", "2025-03-14", GHARYAN)
    t.sentence("The UN condemned Saturday's shelling of Tarhuna.")
    t.event("ACCUSE", "condemned").event("ASSAULT", "shelling", "2025-03-15", TARHUNA)
    first, second = incidents_of(t.records())
    assert first.statements == [] and [e.type for e in second.statements] == ["ACCUSE"]


def test_an_unplaced_incident_takes_the_one_town_the_article_names() -> None:
    t = Text("a").sentence("Shells fell on the edge of the town on Friday.")
    t.event("ASSAULT", "fell", "2025-03-14")
    (inc,) = document_incidents(t.records((GHARYAN,)), ONTO, {}, frozenset())
    assert inc.place == GHARYAN
    (two,) = document_incidents(t.records((GHARYAN, TARHUNA)), ONTO, {}, frozenset())
    assert two.place == LIBYA


# --- across articles -------------------------------------------------------------------


def resolve_all(docs: list[DocumentRecords], links: IncidentLinks | None = None,
                merged: dict[tuple[str, int, str], str] | None = None):  # noqa: ANN201  # fmt: skip
    """Incidents of ``docs``, each mention its own event unless ``merged`` files it under
    another event id (as event resolution may)."""
    told = []
    for doc in docs:
        for inc in incidents_of(doc):
            assign_actors(inc, {}, frozenset())
            told.append(inc)
    event_of = {(e.article_id, e.trigger.start, e.type): f"ev-{e.article_id}-{e.trigger.start}"
                for d in docs for e in d.events}  # fmt: skip
    event_of.update(merged or {})
    return resolve_incidents(told, event_of, [], links or IncidentLinks())


def test_three_reports_of_one_shelling_are_one_incident_with_the_supported_toll() -> None:
    docs = [shelling("a", killed=4), shelling("b", killed=4), shelling("c", killed=5)]
    (inc,) = resolve_all(docs)
    assert inc.source_count == 3
    assert inc.counts == {"killed": 4} and (inc.count_min, inc.count_max) == (
        {"killed": 4},
        {"killed": 5},
    )
    assert sorted(r.evidence.article_id for r in inc.count_reports) == ["a", "b", "c"]
    assert any("joined" in line for line in inc.explanation)


def test_a_report_one_day_off_joins_but_two_towns_or_a_week_do_not() -> None:
    docs = [shelling("a"), shelling("b", day="2025-03-15"), shelling("c", town=TARHUNA),
            shelling("d", day="2025-03-21", published="2025-03-22")]  # fmt: skip
    incs = resolve_all(docs)
    assert sorted(inc.source_count for inc in incs) == [1, 1, 2]
    apart = next(i for i in incs if i.location == TARHUNA)
    joined = next(i for i in incs if i.source_count == 2)
    why = veto(report_of_incident(apart), report_of_incident(joined))
    assert why == "two different towns (Gharyan, Tarhuna)"


def test_undated_report_is_a_window_before_publication() -> None:
    t = Text("u", published="2025-03-16").sentence("Shells hit the market.")
    t.event("ASSAULT", "hit", None, GHARYAN)
    late = Text("v", published="2025-03-30").sentence("Shells hit the market.")
    late.event("ASSAULT", "hit", None, GHARYAN)
    # an undated report joins a dated one of its town inside its window (the week before
    # its publication); published two weeks later, its window misses the day
    incs = resolve_all([shelling("a"), t.records(), late.records()])
    assert sorted(sorted(a.article_id for a in i.evidence) for i in incs) == [["a", "u"], ["v"]]
    t2 = Text("w", published="2025-03-16").sentence("Shells hit the market.")
    t2.event("ASSAULT", "hit", None, GHARYAN, source="Shells")
    actor = {"w:" + f"{t2.events[0].source.start}:{t2.events[0].source.end}": "brigade"}  # type: ignore[union-attr]
    incs = incidents_of(t2.records(), actor)
    assert incs[0].window() == (incs[0].window()[1] - 7, incs[0].window()[1])  # type: ignore[index]


def test_article_order_never_changes_the_incidents() -> None:
    docs = [shelling(c, day=d) for c, d in (("a", "2025-03-14"), ("b", "2025-03-15"),
            ("c", "2025-03-16"), ("d", "2025-03-14"), ("e", "2025-03-13"))]  # fmt: skip
    expected = resolve_all(docs)
    for seed in range(5):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        assert resolve_all(shuffled) == expected
    # complete link: 13th and 16th are three days apart, so no single chain holds all
    assert all(inc.source_count < 5 for inc in expected)


def test_a_state_and_its_forces_are_one_side_but_two_named_groups_contradict() -> None:
    def report(article_id: str, doer: str) -> DocumentRecords:
        t = Text(article_id).sentence(f"{doer} struck the market in the region on Friday.")
        t.event("ASSAULT", "struck", "2025-03-14", LIBYA, source=doer)
        return t.records()

    docs = [report("a", "Libya"), report("b", "Libyan Air Force"), report("c", "Sidra Brigade")]
    names = ("Libya", "Libyan Air Force", "Sidra Brigade")
    actor_of = {f"{d.article_id}:0:{len(s)}": s for d, s in zip(docs, names, strict=True)}
    told = []
    for doc in docs:
        for inc in incidents_of(doc, actor_of):
            assign_actors(inc, actor_of, frozenset())
            told.append(inc)
    sides = state_sides([Actor("Libya", "Libya", "country", "LBY"),
                         Actor("Libyan Air Force", "Libyan Air Force", "government", "LBY"),
                         Actor("Sidra Brigade", "Sidra Brigade", "armed_group", "LBY")], ONTO)  # fmt: skip
    incs = resolve_incidents(told, {}, [], IncidentLinks(), sides)
    assert sorted(i.source_count for i in incs) == [1, 2]
    assert not any(i.source_actor == "Sidra Brigade" and i.source_count == 2 for i in incs)


def test_user_join_and_split_override_the_rules() -> None:
    docs = [shelling("a"), shelling("b", town=TARHUNA)]
    joined = resolve_all(docs, IncidentLinks(joins=(("ev-a-7", "ev-b-7"),)))
    assert len(joined) == 1 and any("user override" in x for x in joined[0].explanation)
    split = resolve_all(
        [shelling("a"), shelling("b")], IncidentLinks(splits=(("ev-a-7", "ev-b-7"),))
    )
    assert len(split) == 2


def test_user_links_may_name_articles_instead_of_events() -> None:
    # the join indexes reports by event and article only for the ids a link names
    docs = [shelling("a"), shelling("b", town=TARHUNA), shelling("c")]
    assert sorted(i.source_count for i in resolve_all(docs)) == [1, 2]  # a and c meet
    joined = resolve_all(docs, IncidentLinks(joins=(("a", "b"),)))
    assert any(i.source_count == 2 and any("user override" in x for x in i.explanation)
               for i in joined)  # fmt: skip
    split = resolve_all(docs, IncidentLinks(splits=(("a", "c"),)))
    assert sorted(i.source_count for i in split) == [1, 1, 1]


def test_two_undated_reports_never_join_on_their_town_alone() -> None:
    def undated(article_id: str, town: Place = GHARYAN) -> DocumentRecords:
        t = Text(article_id, published="2025-03-16").sentence("Shells hit the market.")
        return t.event("ASSAULT", "hit", None, town).records()

    assert len(resolve_all([undated("u"), undated("w")])) == 2
    # and an undated report in another town stays apart from the dated one
    assert len(resolve_all([shelling("a"), undated("t", TARHUNA)])) == 2


def test_a_dated_report_joins_a_dated_one_before_an_undated_retelling_can() -> None:
    # article "b" tells the shelling twice (dated lead, undated later report it keeps apart);
    # article "a"'s dated report joins the dated one, whatever the ids
    b = Text("b", published="2025-03-15").sentence("Shells hit Gharyan on Friday.")
    b.event("ASSAULT", "hit", "2025-03-14", GHARYAN, source="Shells")
    b.sentence("Separately, a rocket hit a school in the town.")
    b.event("ASSAULT", "rocket", None, GHARYAN, qualifiers=("another",))
    docs = [shelling("a"), b.records()]
    incs = resolve_all(docs)
    joined = next(i for i in incs if i.source_count == 2)
    assert list(joined.events) == ["ev-a-43", "ev-a-7", "ev-b-7"]
    # the order of candidate pairs puts two dated reports first, whatever their ids
    day = date(2025, 3, 14).toordinal()
    dated = Report("z1", "z", "ASSAULT", (day, day), "2025-03-14", GHARYAN, frozenset())
    other = Report("z2", "y", "ASSAULT", (day, day), "2025-03-14", GHARYAN, frozenset())
    undated = Report("a0", "x", "ASSAULT", (day - 6, day + 1), None, GHARYAN, frozenset())
    assert pair_order(dated, other) < pair_order(dated, undated)


ETH_SUDAN = Place("country:SSD", "South Sudan", 7.0, 30.0, "SSD", None, "country")
SUDAN = Place("country:SDN", "Sudan", 15.0, 30.0, "SDN", None, "country")
COD = Place("country:COD", "Democratic Republic of the Congo", -2.9, 23.6, "COD", None, "country")
COG = Place("country:COG", "Republic of the Congo", -0.7, 15.2, "COG", None, "country")
NIGER = Place("country:NER", "Niger", 17.0, 9.0, "NER", None, "country")
NIGERIA = Place("country:NGA", "Nigeria", 9.0, 8.0, "NGA", None, "country")


def test_namesake_countries_do_not_veto_but_other_countries_do() -> None:
    assert namesake_countries(COD, COG) and namesake_countries(SUDAN, ETH_SUDAN)
    assert place_veto(COD, COG) is None
    assert place_veto(NIGER, NIGERIA) == "places in two countries (Niger, Nigeria)"
    # a town is told from a country by distance, not by name (test_incidents_types.py)
    goma = Place("geonames:3", "Goma", -1.68, 29.22, "COD", "CD.11", "city")
    assert not namesake_countries(goma, COG)


def test_a_town_named_as_target_is_a_place_and_gives_no_side() -> None:
    kyiv = Place("geonames:4", "Kyiv", 50.45, 30.52, "UKR", "UA.12", "city")

    def report(article_id: str, target: str) -> DocumentRecords:
        t = Text(article_id).sentence(f"Russia attacked {target} with drones on Friday.")
        t.event("ASSAULT", "attacked", "2025-03-14", kyiv, source=target)
        return t.records()

    docs = [report("a", "Kyiv"), report("b", "Ukraine")]
    actor_of = {"a:16:20": "kyiv-actor", "b:16:23": "Ukraine"}
    told = []
    for doc in docs:
        for inc in incidents_of(doc, actor_of):
            assign_actors(inc, actor_of, frozenset())
            told.append(inc)
    # the town's country is not read as a side from its name alone
    assert told[0].named == frozenset() and told[0].sources == ()
    sides = state_sides([Actor("Ukraine", "Ukraine", "country", "UKR")], ONTO)
    # the report with no side joins the other on their town and day
    (inc,) = resolve_incidents(told, {}, [], IncidentLinks(), sides)
    assert inc.source_count == 2


def test_explanations_name_actors_and_states_never_their_keys() -> None:
    actors = {
        "actor_0123456789ab": Actor("actor_0123456789ab", "Sidra Brigade", "armed_group", "LBY"),
        "actor_aaaaaaaaaaaa": Actor("actor_aaaaaaaaaaaa", "Libyan Army", "government", "LBY"),
        "actor_bbbbbbbbbbbb": Actor("actor_bbbbbbbbbbbb", "Libya", "country", "LBY"),
        "actor_cccccccccccc": Actor("actor_cccccccccccc", "Chadian Army", "government", "TCD"),
    }

    def get_actor(actor_id: str) -> Actor:
        if actor_id not in actors:
            raise NotFound(actor_id)
        return actors[actor_id]

    def sides() -> dict[str, str]:
        return state_sides(actors.values(), ONTO)

    lines = ["joined a and b: ASSAULT, side actor_0123456789ab, state:LBY, town Gharyan",
             "joined c and d: ASSAULT, side state:TCD, state:NER", "a: anaphora",
             "kept apart from actor_dddddddddddd's side"]  # fmt: skip
    said = explanation_in_words(lines, sides, get_actor)
    assert said == [
        "joined a and b: ASSAULT, side Sidra Brigade, the state of Libya, town Gharyan",
        "joined c and d: ASSAULT, side Chadian Army and its state, a state",
        "a: anaphora",
        "kept apart from an actor no longer stored's side",
    ]
    assert not any(EXPLANATION_KEY.search(line) for line in said)
