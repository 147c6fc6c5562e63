"""Migration 5 and the summary tables behind the whole-store views.

The views read per-date, per-place and per-pair summaries when a filter names only what
a summary keeps, and ``events`` otherwise: both must give what counting the events one
by one gives. Migration 5 fills the new columns and summaries of an existing store
exactly as a resolution written afterwards would, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Event, Evidence, Incident, Place, Relation, Resolution, to_dict
from eventwire.store.base import EventFilter
from eventwire.store.dialects import postgres_script, sqlite_script
from eventwire.store.migrations import MIGRATIONS
from eventwire.store.sql_base import as_json
from eventwire.store.sql_events import ORDER_SQL
from eventwire.store.sql_network import PAIR_CHUNK
from eventwire.store.sql_summaries import SUMMARIES
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter, encode_cursor
from eventwire.views.network import EDGES_PER_ACTOR, NETWORK_MAX, network
from eventwire.views.polarity import modality_label, type_polarity

ONTO = read_ontology()  # the views take the caller's ontology

PLACES = [
    Place(f"geonames:{i}", f"Town {i}", 30.0 + i, 12.0 + i, "LBY", None, "city") for i in range(4)
]
ACTORS = ["act_a", "act_b", "act_c", None]
ACLED = {"FIGHT": "Battles", "ASSAULT": "Violence against civilians"}


def random_events(n: int = 300, seed: int = 3) -> list[Event]:
    """Events of every shape the views group: undated and partly dated, with and without
    a place, actors missing or the same on both sides, casualties or none."""
    rng = random.Random(seed)
    events = []
    for i in range(n):
        etype = rng.choice(["FIGHT", "ASSAULT", "SUPPORT", "CONSULT"])
        date, precision = rng.choice(
            [(None, None), ("2019", "year"), ("2019-04", "month"), ("2019-04-09", "day"),
             ("2019-04-10", "day"), ("2020-01-02", "day")]
        )  # fmt: skip
        counts = {k: rng.randrange(1, 9) for k in ("killed", "wounded", "displaced")
                  if rng.random() < 0.4}  # fmt: skip
        codes: dict[str, Any] = {"plover": etype}
        if etype in ACLED:
            codes["acled"] = {"event_type": ACLED[etype], "sub_event_type": None}
        events.append(
            Event(
                f"evt_{i:04d}", etype, codes, (Evidence("art_1", "s", 0, 1),),
                rng.choice(ACTORS), rng.choice(ACTORS), date, precision,
                rng.choice([*PLACES, None]), negated=rng.random() < 0.2,
                modality=rng.choice(["asserted", "reported", "alleged"]), counts=counts,
                source_count=rng.randrange(1, 4),
            )
        )  # fmt: skip
    return events


EVENTS = random_events()
FILTERS = [
    EventFilter(),
    EventFilter(type="FIGHT"),
    EventFilter(types=("FIGHT", "SUPPORT")),
    EventFilter(acled="Battles"),
    EventFilter(modality="reported"),
    EventFilter(negated=True),
    EventFilter(since="2019-04-10"),
    EventFilter(until="2019-04"),
    EventFilter(place="geonames:1"),
    EventFilter(places=("geonames:0", "geonames:2")),
    EventFilter(actor="act_a"),
    EventFilter(min_sources=2),
    EventFilter(min_fatalities=3),
    EventFilter(bbox=(12.5, 30.5, 20.0, 40.0)),
    EventFilter(type="ASSAULT", since="2019", modality="asserted", negated=False),
    # filters no summary keeps, combined with dates, an actor or kinds
    EventFilter(actor="act_a", since="2019-04"),
    EventFilter(min_sources=2, type="FIGHT"),
    EventFilter(min_fatalities=1, since="2019", modality="reported"),
    EventFilter(modality="alleged", until="2019-04-09"),
]


def selected(flt: EventFilter) -> list[Event]:
    """The events ``flt`` keeps, decided in Python one event at a time."""
    out = []
    for e in EVENTS:
        loc = e.location
        acled = e.codes.get("acled", {}).get("event_type")
        checks = [
            not flt.actor or flt.actor in (e.source_actor, e.target_actor),
            not flt.type or e.type == flt.type,
            not flt.types or e.type in flt.types,
            not flt.acled or acled == flt.acled,
            not flt.modality or e.modality == flt.modality,
            flt.negated is None or e.negated == flt.negated,
            not flt.since or (e.date is not None and e.date >= flt.since),
            not flt.until or (e.date is not None and e.date[: len(flt.until)] <= flt.until),
            not flt.place or (loc is not None and loc.id == flt.place),
            not flt.places or (loc is not None and loc.id in flt.places),
            e.source_count >= flt.min_sources,
            e.counts.get("killed", 0) >= flt.min_fatalities,
            not flt.bbox
            or (
                loc is not None
                and flt.bbox[0] <= loc.lon <= flt.bbox[2]  # type: ignore[operator]
                and flt.bbox[1] <= loc.lat <= flt.bbox[3]
            ),  # type: ignore[operator]  # fmt: skip
        ]
        if all(checks):
            out.append(e)
    return out


@pytest.fixture(scope="module")
def store() -> Iterator[SQLiteStore]:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(events=tuple(EVENTS), places=tuple(PLACES)))
        yield s


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_views_count_what_the_events_hold(store: SQLiteStore, flt: EventFilter) -> None:
    events = selected(flt)
    assert store.count_events(flt) == len(events)

    dates: Counter[tuple[Any, ...]] = Counter()
    for e in events:
        for i, n in enumerate((1, e.counts.get("killed", 0), e.counts.get("wounded", 0))):
            dates[(e.date, e.date_precision, i)] += n
    assert {
        (d.date, d.precision, i): n
        for d in store.event_dates(flt)
        for i, n in enumerate((d.events, d.killed, d.wounded))
        if n
    } == {k: n for k, n in dates.items() if n}

    places: Counter[tuple[Any, ...]] = Counter()
    for e in events:
        if e.location is not None:
            places[(e.location.id, e.type)] += 1
    assert {(p.place.id, p.type): p.events for p in store.event_places(flt)} == places
    killed: Counter[str] = Counter()
    for e in events:
        if e.location is not None:
            killed[e.location.id] += e.counts.get("killed", 0)
    assert {p.place.id: p.killed for p in store.event_places(flt, by_type=False)} == {
        pid: killed[pid] for pid, _type in places
    }

    edges: Counter[tuple[Any, ...]] = Counter()
    for e in events:
        if e.source_actor and e.target_actor and e.source_actor != e.target_actor:
            key = (e.source_actor, e.target_actor, e.type, e.negated, e.modality)
            edges[(*key, "events")] += 1
            edges[(*key, "sources")] += e.source_count
    got: Counter[tuple[Any, ...]] = Counter()
    for edge in store.event_edges(flt):
        key = (edge.source, edge.target, edge.type, edge.negated, edge.modality)
        got[(*key, "events")] += edge.events
        got[(*key, "sources")] += edge.sources
    assert got == edges
    among = ["act_a", "act_c"]
    assert store.event_edges(flt, among=among) == [
        e for e in store.event_edges(flt) if e.source in among and e.target in among
    ]
    pairs = [("act_c", "act_a"), ("act_a", "act_b")]
    assert store.event_edges(flt, pairs=pairs) == [
        e for e in store.event_edges(flt) if (e.source, e.target) in pairs
    ]
    assert store.event_edges(flt, among=["act_b"], pairs=[("act_a", "act_c")]) == []
    many = [(f"act_{i}", "act_b") for i in range(PAIR_CHUNK * 2)] + pairs
    assert store.event_edges(flt, pairs=many) == store.event_edges(flt, pairs=pairs)
    assert store.event_edges(flt, among=among, pairs=pairs) == [
        e for e in store.event_edges(flt, among=among) if (e.source, e.target) in pairs
    ]
    pair_sources: Counter[tuple[str, str]] = Counter()
    for edge in store.event_edges(flt, among=among):
        pair_sources[(edge.source, edge.target)] += edge.sources
    assert store.event_pair_sources(flt, among=among) == sorted(
        (s, t, n) for (s, t), n in pair_sources.items()
    )

    degree: Counter[str] = Counter()
    for e in events:
        if e.source_actor and e.target_actor and e.source_actor != e.target_actor:
            degree[e.source_actor] += e.source_count
            degree[e.target_actor] += e.source_count
    assert store.event_degrees(flt) == sorted(degree.items())


RELATIONS = [
    Relation(f"rel_{i}", s, t, kind, (), negated=neg, modality=mod, first_seen=first,
             last_seen=last, source_count=n)
    for i, (s, t, kind, neg, mod, first, last, n) in enumerate([
        ("act_a", "act_b", "support", False, "asserted", "2019-01", "2019-06-02", 2),
        ("act_a", "act_b", "support", False, "asserted", None, None, 0),
        ("act_b", "act_c", "fight", False, "reported", "2018", "", 1),
        ("act_c", "act_a", "ally", True, "asserted", "", None, 3),
        ("act_c", "act_c", "meet", False, "alleged", "2020-02-01", "2020-03", 1),
    ])
]  # fmt: skip


def _relation_kept(r: Relation, flt: EventFilter) -> bool:
    """Whether ``relation_edges`` keeps ``r`` under ``flt``, decided in Python."""
    first, last = r.first_seen, r.last_seen or r.first_seen
    return not (
        (flt.actor and flt.actor not in (r.source_actor, r.target_actor))
        or (flt.negated is not None and r.negated != flt.negated)
        or (flt.modality and r.modality != flt.modality)
        or (flt.min_sources > 1 and r.source_count < flt.min_sources)
        or (flt.since and last and last[: len(flt.since)] < flt.since)
        or (flt.until and first and first[: len(flt.until)] > flt.until)
    )


@pytest.mark.parametrize(
    "flt",
    [EventFilter(), EventFilter(actor="act_c"), EventFilter(negated=False),
     EventFilter(modality="asserted"), EventFilter(min_sources=2), EventFilter(since="2019-02"),
     EventFilter(since="2019-06-02"), EventFilter(until="2018"), EventFilter(until="2019-01")],
    ids=repr,
)  # fmt: skip
def test_relation_edges_keep_relations_seen_in_the_range(flt: EventFilter) -> None:
    want: Counter[tuple[Any, ...]] = Counter()
    degree: Counter[str] = Counter()
    for r in RELATIONS:
        if not _relation_kept(r, flt):
            continue
        key = (r.source_actor, r.target_actor, r.type, r.negated, r.modality)
        want[(*key, "n")] += 1
        want[(*key, "sources")] += max(r.source_count, 1)
        degree[r.source_actor] += max(r.source_count, 1)
        degree[r.target_actor] += max(r.source_count, 1)
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(relations=tuple(RELATIONS)))
        got: Counter[tuple[Any, ...]] = Counter()
        for e in s.relation_edges(flt):
            key = (e.source, e.target, e.type, e.negated, e.modality)
            got[(*key, "n")] += e.events
            got[(*key, "sources")] += e.sources
        assert got == want
        assert s.relation_degrees(flt) == sorted(degree.items())
        assert s.relation_edges(flt, among=["act_a", "act_b"]) == [
            e for e in s.relation_edges(flt) if {e.source, e.target} <= {"act_a", "act_b"}
        ]


def test_type_lists_and_place_counts(store: SQLiteStore) -> None:
    types = Counter(e.type for e in EVENTS)
    assert store.event_types() == sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))
    acled = Counter(e.codes["acled"]["event_type"] for e in EVENTS if "acled" in e.codes)
    assert store.acled_types() == sorted(acled.items(), key=lambda kv: (-kv[1], kv[0]))
    located = Counter(e.location.id for e in EVENTS if e.location is not None)
    assert {p.id: n for p, n in store.places()} == {p.id: located[p.id] for p in PLACES}


def test_event_columns_hold_the_payload_figures(store: SQLiteStore) -> None:
    rows = store._all("SELECT id, killed, wounded, displaced, acled_type FROM events ORDER BY id")
    assert rows == [
        (e.id, e.counts.get("killed", 0), e.counts.get("wounded", 0),
         e.counts.get("displaced", 0), e.codes.get("acled", {}).get("event_type"))
        for e in EVENTS
    ]  # fmt: skip
    top = store.events(EventFilter(order="-killed", limit=1))[0]
    assert top.counts.get("killed") == max(e.counts.get("killed", 0) for e in EVENTS)


@pytest.mark.parametrize(
    "flt",
    [EventFilter(), EventFilter(since="2019-04"), EventFilter(acled="Battles"),
     EventFilter(min_sources=2, until="2019-04"), EventFilter(actor="act_b")],
    ids=repr,
)  # fmt: skip
def test_network_keeps_the_heaviest_edges_and_counts_the_rest(flt: EventFilter) -> None:
    cf = CorpusFilter(since=flt.since, until=flt.until, min_sources=flt.min_sources,
                      acled=flt.acled, actor=flt.actor)  # fmt: skip
    with_relations = flt.acled is None  # relations have no ACLED type
    want: dict[tuple[str, ...], Counter[str]] = {}
    rows = [("events", e, 1, e.source_count) for e in selected(flt)]
    if with_relations:
        rows += [("relations", r, 1, max(r.source_count, 1))
                 for r in RELATIONS if _relation_kept(r, flt)]  # fmt: skip
    for kind, rec, n, sources in rows:
        if not rec.source_actor or not rec.target_actor:
            continue
        if kind == "events" and rec.source_actor == rec.target_actor:
            continue
        key = (rec.source_actor, rec.target_actor, type_polarity(rec.type, rec.negated, ONTO),
               modality_label(rec.modality, rec.negated))  # fmt: skip
        want.setdefault(key, Counter()).update({kind: n, "sources": sources})
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(
            Resolution(events=tuple(EVENTS), places=tuple(PLACES), relations=tuple(RELATIONS))
        )
        full = network(s, cf, top=3, edges_cap=10_000, onto=ONTO)
        got = {
            (e["source"], e["target"], e["polarity"], e["modality"]):
                Counter({k: e[k] for k in ("events", "relations", "sources") if e[k]})
            for e in full.edges
        }  # fmt: skip
        assert got == want
        assert full.edges_shown == len(want) > 4 and not full.more_edges
        assert full.pairs == len({key[:2] for key in want})
        capped = network(s, cf, top=3, edges_cap=4, onto=ONTO)
        assert capped.nodes == full.nodes
        assert capped.edges_shown == len(capped.edges) == 4
        assert capped.more_edges and capped.pairs == full.pairs
        assert all(e in full.edges for e in capped.edges)
        weight = lambda e: (e["sources"], e["events"] + e["relations"])  # noqa: E731
        lightest_kept = min(weight(e) for e in capped.edges)
        assert all(weight(e) <= lightest_kept for e in full.edges if e not in capped.edges)
        assert capped.edges == sorted(capped.edges, key=lambda e: e["id"].split("|"))
        # the default cap grows with the actors drawn
        assert network(s, cf, top=1, onto=ONTO).edges_shown <= EDGES_PER_ACTOR


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_show_more_continues_the_ranking(flt: EventFilter) -> None:
    """Pages of one actor each, each after the last one's ``next_after``, draw what one
    page of every actor draws: the same nodes in the same order, each edge on the page
    of its later side, and no page more than its own cap of edges."""
    cf = CorpusFilter(since=flt.since, until=flt.until, min_sources=flt.min_sources,
                      acled=flt.acled, actor=flt.actor)  # fmt: skip
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(
            Resolution(events=tuple(EVENTS), places=tuple(PLACES), relations=tuple(RELATIONS))
        )
        whole = network(s, cf, top=NETWORK_MAX, edges_cap=10_000, onto=ONTO)
        assert whole.next_after is None
        nodes, edges, after, pages = [], [], None, 0
        while True:
            page = network(s, cf, top=1, edges_cap=10_000, onto=ONTO, after=after)
            assert page.total == whole.total
            later = {n["id"] for n in page.nodes}
            assert all(later & {e["source"], e["target"]} for e in page.edges)
            nodes += page.nodes
            edges += page.edges
            pages += 1
            if page.next_after is None:
                break
            after = page.next_after
            assert network(s, cf, top=1, onto=ONTO, after=after).edges_shown <= EDGES_PER_ACTOR
        assert pages <= max(1, whole.total)
        rank = lambda n: (-n["degree"], n["id"])  # noqa: E731
        assert sorted(nodes, key=rank) == whole.nodes
        assert sorted(edges, key=lambda e: e["id"]) == sorted(whole.edges, key=lambda e: e["id"])


def test_a_network_cursor_is_checked() -> None:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(events=tuple(EVENTS), places=tuple(PLACES)))
        for bad in ("not-a-cursor", encode_cursor("2019", "act_a")):
            with pytest.raises(ValueError, match="next_after"):
                network(s, CorpusFilter(), onto=ONTO, after=bad)


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_download_parts_are_those_of_the_selected_events(flt: EventFilter) -> None:
    """What a download reads without decoding events: the actors, articles, member
    incidents and the relations between the selected actors."""
    events = selected(flt)
    # an incident of every three events; a statement about one is not a member
    incidents = tuple(
        Incident(f"inc_{i:04d}", "FIGHT", {}, (), events=tuple(e.id for e in EVENTS[i : i + 3]),
                 statements=(EVENTS[(i + 7) % len(EVENTS)].id,))
        for i in range(0, len(EVENTS), 3)
    )  # fmt: skip
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(
            Resolution(events=tuple(EVENTS), places=tuple(PLACES), relations=tuple(RELATIONS),
                       incidents=incidents)
        )  # fmt: skip
        actors = {a for e in events for a in (e.source_actor, e.target_actor) if a}
        articles = {ev.article_id for e in events for ev in e.evidence}
        assert s.event_links(flt) == (actors, articles)
        ids = {e.id for e in events}
        assert [i.id for i in s.incidents_of_events(flt)] == [
            i.id for i in incidents if ids & set(i.events)
        ]
        for among in (actors, {"act_a"}, set()):
            assert s.relations_among(among) == [
                r for r in s.relations() if {r.source_actor, r.target_actor} <= among
            ]


# migration 5 on a store written before it ------------------------------------------------
V4_COLUMNS = (
    "id, type, source_actor, target_actor, date, date_precision, place_id, lat, lon,"
    " negated, modality, attributed_to, source_count, payload"
)


def _v4_rows() -> list[tuple[Any, ...]]:
    return [
        (e.id, e.type, e.source_actor, e.target_actor, e.date, e.date_precision,
         e.location.id if e.location else None, e.location.lat if e.location else None,
         e.location.lon if e.location else None, int(e.negated), e.modality, None,
         e.source_count, as_json(to_dict(e)))
        for e in EVENTS
    ]  # fmt: skip


RELATION_COLUMNS = (
    "id, source_actor, target_actor, type, negated, modality, contested, first_seen,"
    " last_seen, source_count, payload"
)


def _relation_rows() -> list[tuple[Any, ...]]:
    """The relations as a store before migration 14 holds them (its relation summary)."""
    return [
        (r.id, r.source_actor, r.target_actor, r.type, int(r.negated), r.modality,
         int(r.contested), r.first_seen, r.last_seen, r.source_count, as_json(to_dict(r)))
        for r in RELATIONS
    ]  # fmt: skip


def _sqlite_v4(tmp_path: Path) -> str:
    path = tmp_path / "v4.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:4]:
        conn.executescript(sqlite_script(script))
    conn.execute("PRAGMA user_version = 4")
    conn.executemany(f"INSERT INTO events ({V4_COLUMNS}) VALUES ({','.join('?' * 14)})", _v4_rows())
    conn.executemany(
        f"INSERT INTO relations ({RELATION_COLUMNS}) VALUES ({','.join('?' * 11)})",
        _relation_rows(),
    )
    conn.commit()
    conn.close()
    return str(path)


def _postgres_v4(url: str) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER)")
        conn.execute("INSERT INTO schema_version VALUES (4)")
        for script in MIGRATIONS[:4]:
            conn.execute(postgres_script(script).encode())
        with conn.cursor() as cur:
            cur.executemany(
                f"INSERT INTO events ({V4_COLUMNS}) VALUES ({','.join(['%s'] * 14)})".encode(),
                _v4_rows(),
            )
            cur.executemany(
                f"INSERT INTO relations ({RELATION_COLUMNS})"
                f" VALUES ({','.join(['%s'] * 11)})".encode(),
                _relation_rows(),
            )
    return url


def _picture(s: Any) -> dict[str, list[Any]]:
    """The new event columns and every summary table's rows, in one order."""
    tables = ["SELECT id, killed, wounded, displaced, acled_type FROM events"]
    tables += [f"SELECT * FROM {t}" for t in SUMMARIES]
    return {
        sql.rsplit(" ", 1)[1]: sorted(
            (tuple(r) for r in s._all(sql)),
            key=lambda row: tuple((x is not None, x) for x in row),
        )
        for sql in tables
    }


def _migrated_equals_written(open_location: Callable[[str], Any], old: str, new: str) -> None:
    with open_location(old) as migrated:
        assert migrated.schema_version == len(MIGRATIONS)
        got = _picture(migrated)
    with open_location(new) as fresh:
        fresh.replace_resolution(
            Resolution(events=tuple(EVENTS), places=tuple(PLACES), relations=tuple(RELATIONS))
        )
        want = _picture(fresh)
    assert got == want
    assert any(r[1] for r in got["events"]) and any(r[4] for r in got["events"])
    assert all(got[t] for t in SUMMARIES)


def test_migration_5_on_sqlite(tmp_path: Path) -> None:
    _migrated_equals_written(SQLiteStore, _sqlite_v4(tmp_path), str(tmp_path / "new.db"))


@pytest.mark.postgres
def test_migration_5_on_postgres(new_postgres_database: Callable[[], str]) -> None:
    from eventwire.store.postgres import PostgresStore

    old = _postgres_v4(new_postgres_database())
    _migrated_equals_written(PostgresStore, old, new_postgres_database())


@pytest.mark.postgres
@pytest.mark.parametrize("order", sorted(ORDER_SQL))
def test_postgres_listing_orders_read_an_index(
    new_postgres_database: Callable[[], str], order: str
) -> None:
    """Each listing order (NULL placement included) is an index's order, read forwards or
    backwards: the plan of a page has no sort step even when sorting is discouraged."""
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as s:
        s.replace_resolution(Resolution(events=tuple(EVENTS), places=tuple(PLACES)))
        s.conn.execute("SET enable_seqscan = off")
        s.conn.execute("SET enable_sort = off")
        plan = "\n".join(
            r[0]
            for r in s._all(
                f"EXPLAIN SELECT payload FROM events ORDER BY {ORDER_SQL[order]} LIMIT 50"
            )
        )
        keyset = "\n".join(
            r[0]
            for r in s._all(
                "EXPLAIN SELECT payload FROM events WHERE (date, id) < (?, ?)"
                f" ORDER BY {ORDER_SQL['-date']} LIMIT 50",
                ("2019-04", "evt_0100"),
            )
        )
    assert "Index Scan" in plan and "Sort" not in plan, plan
    assert "Index Cond" in keyset and "Sort" not in keyset, keyset


@pytest.mark.parametrize("order", ["-date", "date"])
@pytest.mark.parametrize("flt", [EventFilter(), EventFilter(actor="act_b")], ids=repr)
def test_keyset_pages_walk_the_whole_order(
    store: SQLiteStore, order: str, flt: EventFilter
) -> None:
    """Page after page by (date, id) cursor gives every event once, in the order of the
    unpaged list, undated ones included (last newest first, first oldest first)."""
    whole = [e.id for e in store.events(replace(flt, order=order))]
    assert any(e.date is None for e in EVENTS if e.id in whole)
    walked: list[str] = []
    after = None
    while True:
        page = store.events(replace(flt, order=order, limit=7, after=after))
        walked += [e.id for e in page]
        if len(page) < 7:
            break
        after = (page[-1].date, page[-1].id)
    assert walked == whole
