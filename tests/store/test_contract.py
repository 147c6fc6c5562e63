"""The store contract: one suite every backend passes (``store`` runs it on each)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from eventwire.config import Settings
from eventwire.errors import NotFound, StoreError
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import (
    Actor,
    Article,
    CountReport,
    DocumentRecords,
    Event,
    Evidence,
    Incident,
    Mention,
    Place,
    Resolution,
    Span,
)
from eventwire.resolve.event_mentions import EventsChange, MentionRow
from eventwire.resolve.incidents import state_sides
from eventwire.store import open_store
from eventwire.store.base import (
    DateCount,
    EdgeCount,
    EventFilter,
    IncidentFilter,
    PlaceTotals,
    Store,
)
from eventwire.store.migrations import MIGRATIONS

ONTO = read_ontology()  # the sides of office holders are read under it


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(Settings(db=store_url))
    yield opened
    opened.close()


def make_doc(n: int) -> tuple[Article, DocumentRecords]:
    text = f"Commander Number{n} visited the port of Town{n} on Sunday."
    art = Article(
        id=f"art_{n}",
        text=text,
        title=f"Story {n}",
        published="2019-04-16",
        published_precision="day",
    )
    ev = Evidence(art.id, text, 0, len(text))
    mention = Mention(art.id, Span(10, 10 + len(f"Number{n}"), f"Number{n}"), "PERSON", ev)
    return art, DocumentRecords(article_id=art.id, mentions=(mention,))


def test_store_satisfies_protocol(store: Store) -> None:
    assert isinstance(store, Store)
    assert store.schema_version == len(MIGRATIONS)


def test_add_documents_is_idempotent(store: Store) -> None:
    docs = [make_doc(i) for i in range(3)]
    assert store.add_documents(docs) == 3
    assert store.add_documents(docs) == 0
    assert store.add_documents([make_doc(3), docs[0]]) == 1
    stats = store.stats()
    assert stats["articles"] == 4 and stats["mentions"] == 4
    assert {kind: store.count(kind) for kind in stats} == stats
    with pytest.raises(ValueError):
        store.count("articles; DROP TABLE articles")
    assert store.known_article_ids(["art_1", "art_9"]) == {"art_1"}
    assert [r.article_id for r in store.iter_document_records()] == [
        "art_0",
        "art_1",
        "art_2",
        "art_3",
    ]


def test_records_round_trip(store: Store) -> None:
    art, recs = make_doc(7)
    store.add_documents([(art, recs)])
    assert store.get_article("art_7") == art
    (back,) = list(store.iter_document_records())
    assert back == recs
    with pytest.raises(NotFound):
        store.get_article("nope")


def test_failed_batch_leaves_store_unchanged(store: Store) -> None:
    store.add_documents([make_doc(1)])
    art, recs = make_doc(2)
    broken = Article(id="art_broken", text=None)  # type: ignore[arg-type]  # NOT NULL breaks
    with pytest.raises(StoreError):
        store.add_documents([(art, recs), (broken, DocumentRecords("art_broken"))])
    assert store.stats()["articles"] == 1


def _resolution() -> Resolution:
    ev = Evidence("art_1", "Sentence one.", 0, 13)
    derna = Place("geonames:1", "Derna", 32.76, 22.64, "LBY", "Darnah", "city")
    actors = (
        Actor(
            "actor_h",
            "Khalifa Haftar",
            "person",
            "LBY",
            ("Haftar", "Hiftar", "Khalifa Haftar"),
            5,
            2,
        ),
        Actor("actor_e", "Egypt", "country", "EGY", ("Egypt",), 2, 1),
    )
    events = (
        Event(
            "event_1",
            "ASSAULT",
            {"plover": "ASSAULT"},
            (ev,),
            "actor_h",
            None,
            "2018-05",
            "month",
            derna,
        ),
        Event(
            "event_2",
            "SUPPORT",
            {},
            (ev,),
            "actor_e",
            "actor_h",
            "2019-04-14",
            "day",
            None,
            source_count=2,
        ),
    )
    return Resolution(
        actors=actors, events=events, places=(derna,), mention_actor={"art_1:0:6": "actor_h"}
    )


def test_resolution_replace_and_queries(store: Store) -> None:
    store.replace_resolution(_resolution())
    store.replace_resolution(_resolution())  # replacing twice leaves one copy
    assert store.stats()["actors"] == 2
    assert [a.id for a in store.actors(query="hiftar")] == ["actor_h"]
    assert store.get_actor("actor_h").aliases == ("Haftar", "Hiftar", "Khalifa Haftar")
    assert len(store.events(EventFilter(actor="actor_h"))) == 2
    assert [e.id for e in store.events(EventFilter(min_sources=2))] == ["event_2"]
    assert [e.id for e in store.events(EventFilter(since="2019"))] == ["event_2"]
    assert [e.id for e in store.events(EventFilter(until="2018-12"))] == ["event_1"]
    bbox = (20.0, 30.0, 25.0, 35.0)
    assert [e.id for e in store.events(EventFilter(bbox=bbox))] == ["event_1"]
    assert store.get_event("event_1").location.name == "Derna"  # type: ignore[union-attr]
    assert store.places()[0][1] == 1
    assert store.actor_of_mention("art_1:0:6") == "actor_h"
    # the incidents' state sides read back from the store follow the resolver's rule
    assert store.state_sides(ONTO) == state_sides(store.actors(), ONTO) == {"actor_e": "state:EGY"}


def test_actor_events_merge_both_roles_in_order_and_page(store: Store) -> None:
    ev = Evidence("art_1", "Sentence one.", 0, 13)
    events = tuple(
        Event(f"event_{i}", "ASSAULT", {}, (ev,), src, tgt, f"2019-04-{10 + i:02d}", "day")
        for i, (src, tgt) in enumerate(
            [("actor_h", "actor_e"), ("actor_e", "actor_h"), ("actor_h", "actor_h"),
             ("actor_e", None), ("actor_h", None)]
        )
    )  # fmt: skip
    store.replace_resolution(Resolution(actors=(), events=events))
    ids = [e.id for e in store.events(EventFilter(actor="actor_h"))]
    assert ids == ["event_0", "event_1", "event_2", "event_4"]  # once each, by date
    page = store.events(EventFilter(actor="actor_h", limit=2, offset=1))
    assert [e.id for e in page] == ["event_1", "event_2"]
    assert [e.id for e in store.events(EventFilter(actor="actor_e", since="2019-04-12"))] == [
        "event_3"
    ]


def _mention_row(article: str, seq: int, key: str, event_id: str) -> MentionRow:
    return MentionRow(article, seq, 10 * seq, "ASSAULT", key, event_id)


def test_event_mentions_are_written_with_the_picture_and_per_key(store: Store) -> None:
    """Migration 23: a full picture stores its event mentions; a refresh replaces the
    mentions of the keys it regrouped and the events they went to, keeping the rest."""
    res = _resolution()
    rows = [_mention_row("art_1", 0, "k1", "event_1"), _mention_row("art_1", 1, "k2", "event_2"),
            _mention_row("art_2", 0, "k2", "event_2")]  # fmt: skip
    assert store.replace_resolution(res, generation=0, fingerprint="f", event_mentions=rows)
    assert store.event_mentions_generation() == 0
    assert sorted(store.event_mention_links()) == [
        ("art_1", 0, 0, "ASSAULT", "k1", "event_1"),
        ("art_1", 1, 10, "ASSAULT", "k2", "event_2"),
        ("art_2", 0, 0, "ASSAULT", "k2", "event_2"),
    ]
    assert store.event_mention_keys(["art_2"]) == {"k2"}
    assert store.event_ids_of_keys(["k2"]) == {"event_2"}
    assert store.event_ids_of_keys(["k1", "k2", "k9"]) == {"event_1", "event_2"}
    assert store.mention_links(["actor_h"]) == {"art_1:0:6": "actor_h"}
    # event_2 regrouped into event_3 (its key's mentions now point there)
    event_3 = replace(res.events[1], id="event_3")
    change = EventsChange(
        keys={"k2"},
        rows=[_mention_row("art_2", 0, "k2", "event_3")],
        removed={"event_2"},
        added=[event_3],
    )
    with store.write_lock():
        store.update_rest(replace(res, events=(res.events[0], event_3)), change, 1)
    assert sorted(e.id for e in store.events()) == ["event_1", "event_3"]
    assert store.get_event("event_3").source_actor == "actor_e"
    assert sorted(r[5] for r in store.event_mention_links()) == ["event_1", "event_3"]
    assert store.event_mentions_generation() == 1
    # a picture stored without mentions leaves none of its own
    assert store.replace_resolution(res, generation=2, fingerprint="f")
    assert store.event_mentions_generation() == -1
    assert list(store.event_mention_links()) == []


def test_generations_keep_the_newest_picture(store: Store) -> None:
    assert store.picture_state().documents == 0
    store.add_documents([make_doc(1)])
    store.add_documents([make_doc(1)])  # nothing new: no new generation
    store.add_documents([make_doc(2), make_doc(3)])
    state = store.picture_state()
    assert (state.documents, state.picture) == (2, 0)
    assert not state.current("")
    assert [r.article_id for r in store.iter_document_records(upto=1)] == ["art_1"]
    assert len(list(store.iter_document_records(upto=2))) == 3
    assert store.replace_resolution(_resolution(), generation=2, fingerprint="f")
    # an older picture, or the same one again, never replaces it
    assert not store.replace_resolution(Resolution(), generation=1, fingerprint="f")
    assert not store.replace_resolution(Resolution(), generation=2, fingerprint="f")
    assert store.stats()["actors"] == 2
    # the same documents under other overrides do
    assert store.replace_resolution(Resolution(), generation=2, fingerprint="g")
    assert store.stats()["actors"] == 0
    assert store.picture_state().current("g")


def test_filters_and_article_index(store: Store) -> None:
    res = _resolution()
    ev = Evidence("art_2", "Another one.", 0, 12)
    extra = Event("event_3", "PROTEST", {}, (ev,), None, None, "2019-04-14", "day",
                  negated=True, modality="reported")  # fmt: skip
    store.replace_resolution(Resolution(actors=res.actors, events=(*res.events, extra)))
    assert [e.id for e in store.events(EventFilter(negated=True))] == ["event_3"]
    assert [e.id for e in store.events(EventFilter(modality="reported"))] == ["event_3"]
    assert [e.id for e in store.events(EventFilter(type="SUPPORT"))] == ["event_2"]
    assert [e.id for e in store.events(EventFilter(limit=1, offset=1))] == ["event_2"]
    assert [e.id for e in store.article_events("art_2")] == ["event_3"]
    assert [e.id for e in store.article_events("art_1")] == ["event_1", "event_2"]
    assert store.explanations("actor_e") == []
    with pytest.raises(NotFound):
        store.get_actor("actor_x")
    with pytest.raises(NotFound):
        store.get_event("event_x")


def test_text_sorts_byte_by_byte(store: Store) -> None:
    names = ["al-Sarraj", "Zintan", "Ácrata", "Sarraj", "ash-Shaer"]
    actors = tuple(Actor(f"actor_{n}", name, "person", None, (name,), 1, 1)
                   for n, name in enumerate(names))  # fmt: skip
    store.replace_resolution(Resolution(actors=actors))
    assert [a.name for a in store.actors()] == sorted(names)


# whole-corpus views (issue 18) --------------------------------------------------------
DERNA = Place("geonames:1", "Derna", 32.76, 22.64, "LBY", "Darnah", "city")
BATTLES = {"acled": {"event_type": "Battles"}}


def _corpus() -> Resolution:
    """Five events of two actors (one a self-loop, one undated) and a third actor."""
    ev = Evidence("art_1", "Sentence one.", 0, 13)

    def event(n: int, type_: str, src: str, tgt: str | None, date: str | None, **kw: object):
        precision = None if date is None else ("month" if len(date) == 7 else "day")
        return Event(f"event_{n}", type_, kw.pop("codes", {}), (ev,), src, tgt, date,
                     precision, **kw)  # type: ignore[arg-type]  # fmt: skip

    events = (
        event(1, "ASSAULT", "actor_h", "actor_e", "2019-04-10", location=DERNA,
              counts={"killed": 3, "wounded": 1}, codes=BATTLES, source_count=2),
        event(2, "ASSAULT", "actor_e", "actor_h", "2019-04-10", counts={"killed": 5},
              codes=BATTLES, negated=True),
        event(3, "PROTEST", "actor_h", None, None),
        event(4, "SUPPORT", "actor_e", "actor_h", "2018-05", location=DERNA,
              modality="reported", codes={"acled": {"event_type": "Strategic developments"}}),
        event(5, "ASSAULT", "actor_h", "actor_h", "2019-05-01", counts={"killed": 1}),
    )  # fmt: skip
    actors = (
        Actor("actor_h", "Khalifa Haftar", "person", "LBY", ("Khalifa Haftar",), 5, 2),
        Actor("actor_e", "Egypt", "country", "EGY", ("Egypt",), 2, 1),
        Actor("actor_g", "Gunmen", "group", None, ("Gunmen",), 1, 1),
    )
    return Resolution(actors=actors, events=events, places=(DERNA,))


ORDERS = {
    "date": [3, 4, 1, 2, 5],  # undated first
    "-date": [5, 2, 1, 4, 3],  # undated last
    "-killed": [2, 1, 5, 4, 3],
    "-sources": [1, 5, 2, 4, 3],
    "type": [5, 2, 1, 3, 4],
}


@pytest.mark.parametrize("actor", [None, "actor_h"])
@pytest.mark.parametrize("order", sorted(ORDERS))
def test_event_orders_and_keyset_pages(store: Store, order: str, actor: str | None) -> None:
    store.replace_resolution(_corpus())
    want = [f"event_{n}" for n in ORDERS[order]]  # actor_h takes part in every event
    assert [e.id for e in store.events(EventFilter(actor=actor, order=order))] == want
    if not order.endswith("date"):
        return
    seen: list[str] = []
    after: tuple[str | None, str] | None = None
    while page := store.events(EventFilter(actor=actor, order=order, limit=2, after=after)):
        seen += [e.id for e in page]
        after = (page[-1].date, page[-1].id)
    assert seen == want


def test_event_counts_and_filters(store: Store) -> None:
    store.replace_resolution(_corpus())
    count = store.count_events
    assert count(EventFilter()) == 5
    assert count(EventFilter(actor="actor_e")) == 3
    assert count(EventFilter(min_fatalities=3)) == 2
    assert count(EventFilter(acled="Battles")) == 2
    assert count(EventFilter(types=("PROTEST", "SUPPORT"))) == 2
    assert count(EventFilter(places=("geonames:1",), actor="actor_e")) == 2
    assert count(EventFilter(negated=False, modality="asserted")) == 3


def test_event_dates_edges_places_and_types(store: Store) -> None:
    store.replace_resolution(_corpus())
    assert store.event_dates(EventFilter()) == [
        DateCount(None, None, 1, 0, 0),
        DateCount("2018-05", "month", 1, 0, 0),
        DateCount("2019-04-10", "day", 2, 8, 1),
        DateCount("2019-05-01", "day", 1, 1, 0),
    ]
    # neither the self-loop nor the event without a target is an edge
    assert store.event_edges(EventFilter()) == [
        EdgeCount("actor_e", "actor_h", "ASSAULT", True, "asserted", 1, 1),
        EdgeCount("actor_e", "actor_h", "SUPPORT", False, "reported", 1, 1),
        EdgeCount("actor_h", "actor_e", "ASSAULT", False, "asserted", 1, 2),
    ]
    assert store.event_places(EventFilter()) == [
        PlaceTotals(DERNA, "ASSAULT", 1, 3, 1),
        PlaceTotals(DERNA, "SUPPORT", 1, 0, 0),
    ]
    assert store.event_places(EventFilter(), by_type=False) == [PlaceTotals(DERNA, None, 2, 3, 1)]
    assert store.event_types() == [("ASSAULT", 3), ("PROTEST", 1), ("SUPPORT", 1)]
    assert store.acled_types() == [("Battles", 2), ("Strategic developments", 1)]


def test_actor_pages(store: Store) -> None:
    store.replace_resolution(_corpus())

    def page(order: str, limit: int = 10, offset: int = 0) -> list[str]:
        return [a.id for a in store.actor_page(order, limit, offset)]

    assert page("name") == ["actor_e", "actor_g", "actor_h"]
    assert page("-mentions") == ["actor_h", "actor_e", "actor_g"]
    assert page("country") == ["actor_g", "actor_e", "actor_h"]  # no country first
    assert page("-country") == ["actor_h", "actor_e", "actor_g"]  # and last reversed
    assert page("name", 1, 1) == ["actor_g"]


def test_incidents_round_trip_filter_and_page(store: Store) -> None:
    art, doc = make_doc(1)
    art2 = Article(id="art_2", text="Another report.", outlet="Wire B", published="2019-04-16")
    store.add_documents([(art, doc), (Article(**{**art.__dict__, "id": "art_3", "outlet": "Wire B"}),
                          DocumentRecords("art_3")), (art2, DocumentRecords("art_2"))])  # fmt: skip
    derna = Place("geonames:1", "Derna", 32.76, 22.64, "LBY", "Darnah", "city")
    evs = [Evidence(a, "A shelling.", 0, 11) for a in ("art_1", "art_2", "art_3")]
    incidents = tuple(
        Incident(
            id=f"incident_{n}", type="ASSAULT",
            codes={"plover": "ASSAULT", "acled": {"event_type": "Battles"}},
            evidence=tuple(evs[: n % 3 + 1]), source_actor="actor_h" if n % 2 else None,
            date=f"2019-04-{10 + n:02d}", date_precision="day", location=derna,
            counts={"killed": n}, count_min={"killed": n}, count_max={"killed": n + 1},
            count_reports=(CountReport("killed", n, None, evs[0]),),
            source_count=n % 3 + 1, events=(f"event_{n}",), statements=(f"event_s{n}",),
            explanation=("joined",),
        )
        for n in range(5)
    )  # fmt: skip
    store.replace_resolution(Resolution(incidents=incidents))
    assert store.count_incidents() == 5
    got = store.get_incident("incident_2")
    assert got.count_reports == incidents[2].count_reports and got.location == derna
    assert got.outlet_count == 2  # art_1 has no outlet, art_2 and art_3 share one
    assert got.source_count == 3
    assert [i.id for i in store.incidents(IncidentFilter(min_sources=3))] == ["incident_2"]
    assert store.count_incidents(IncidentFilter(actor="actor_h")) == 2
    assert [i.id for i in store.incidents(IncidentFilter(order="-sources", limit=1))] == [
        "incident_2"
    ]
    first = store.incidents(IncidentFilter(limit=2))
    rest = store.incidents(IncidentFilter(limit=10, after=(first[-1].date, first[-1].id)))
    assert [i.id for i in first + rest] == [f"incident_{n}" for n in range(5)]
    assert [i.id for i in store.iter_incidents(batch=2)] == [f"incident_{n}" for n in range(5)]
    assert store.count_incidents(IncidentFilter(acled="Battles", min_fatalities=3)) == 2
    assert [(i.id, role) for i, role in store.incident_of_event("event_s1")] == [
        ("incident_1", "statement")
    ]
    with pytest.raises(NotFound):
        store.get_incident("incident_9")
    store.replace_resolution(Resolution())
    assert store.count_incidents() == 0
