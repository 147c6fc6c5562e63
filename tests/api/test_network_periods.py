"""Migration 9: the period summaries give the network under a date or minimum-sources
filter exactly what counting the events one by one gives, at every cut of a year or a
month, and the store reads them (not ``events``) for such filters."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest

from eventwire.model import Event, Evidence, Resolution
from eventwire.store.base import EventFilter
from eventwire.store.sql_plans import _period_plan
from eventwire.store.sql_summaries import SOURCES_FLOOR
from eventwire.store.sqlite import SQLiteStore

ACTORS = ["act_a", "act_b", "act_c", "act_d", None]
DATES = [None, "2018", "2019", "2019-04", "2019-04-09", "2019-04-30", "2019-05", "2019-05-01",
         "2019-12-31", "2020-01-02", "201X", "2019-W15"]  # fmt: skip


def _events(n: int = 500, seed: int = 5) -> list[Event]:
    rng = random.Random(seed)
    return [
        Event(f"evt_{i:04d}", rng.choice(["FIGHT", "SUPPORT"]), {}, (Evidence("art_1", "s", 0, 1),),
              rng.choice(ACTORS), rng.choice(ACTORS), rng.choice(DATES), "day",
              negated=rng.random() < 0.2, modality=rng.choice(["asserted", "alleged"]),
              source_count=rng.choice([1, 1, 2, 3, 4, 5, 6, 9]))
        for i in range(n)
    ]  # fmt: skip


EVENTS = _events()
FILTERS = [
    EventFilter(since=since, until=until, min_sources=floor)
    for since, until in [
        ("2019", None), ("2019-04", None), ("2019-04-10", None), ("2019-05-01", None),
        (None, "2019"), (None, "2019-04"), (None, "2019-04-30"), ("2019-04-09", "2019-04-30"),
        ("2019-04-09", "2020-01"), ("2018", "2019-05-01"), ("2019-04", "2019-04"), ("201", "2019-1"),
        (None, None),
        # the whole years after the date from the sums to the last year (migration 25):
        # before the first year, at the last, between years as text compares them
        ("2017", None), ("2020", None), ("201X", None), ("2019-12-31", None), ("2018-06", None),
    ]
    for floor in (1, 2, 5)
]  # fmt: skip


def _kept(e: Event, flt: EventFilter) -> bool:
    return (
        e.source_actor is not None
        and e.target_actor is not None
        and e.source_actor != e.target_actor
        and e.source_count >= flt.min_sources
        and (not flt.since or (e.date is not None and e.date >= flt.since))
        and (not flt.until or (e.date is not None and e.date[: len(flt.until)] <= flt.until))
    )


@pytest.fixture(scope="module")
def store() -> Iterator[SQLiteStore]:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(events=tuple(EVENTS)))
        yield s


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_degrees_and_edges_by_period_are_those_of_the_events(
    store: SQLiteStore, flt: EventFilter
) -> None:
    events = [e for e in EVENTS if _kept(e, flt)]
    assert events
    degree: Counter[str] = Counter()
    edges: Counter[tuple[object, ...]] = Counter()
    for e in events:
        degree[e.source_actor] += e.source_count  # type: ignore[index]
        degree[e.target_actor] += e.source_count  # type: ignore[index]
        key = (e.source_actor, e.target_actor, e.type, e.negated, e.modality)
        edges[(*key, "events")] += 1
        edges[(*key, "sources")] += e.source_count
    assert _period_plan(flt) is not None or flt.min_sources == 1 and not flt.since
    assert store.edges_summarised(flt)
    assert store.event_degrees(flt) == sorted(degree.items())
    got: Counter[tuple[object, ...]] = Counter()
    for edge in store.event_edges(flt):
        key = (edge.source, edge.target, edge.type, edge.negated, edge.modality)
        got[(*key, "events")] += edge.events
        got[(*key, "sources")] += edge.sources
    assert got == edges
    assert store.event_edges(flt) == sorted(
        store.event_edges(flt), key=lambda e: (e.source, e.target, e.type, e.negated, e.modality)
    )
    among = ["act_a", "act_c", "act_d"]
    assert store.event_edges(flt, among=among) == [
        e for e in store.event_edges(flt) if e.source in among and e.target in among
    ]
    pairs = [("act_c", "act_a"), ("act_a", "act_b")]
    assert store.event_edges(flt, pairs=pairs) == [
        e for e in store.event_edges(flt) if (e.source, e.target) in pairs
    ]
    # the rows the network sums itself: each part of the plan as read, the same sums
    summed: Counter[tuple[object, ...]] = Counter()
    for source, target, type_, negated, modality, n, sources in store.event_edge_rows(flt, pairs):
        key = (source, target, type_, bool(negated), modality)
        summed[(*key, "events")] += n
        summed[(*key, "sources")] += sources
    assert +summed == Counter({k: v for k, v in edges.items() if (k[0], k[1]) in pairs}), (
        "the unsummed rows add up to the events' counts"
    )
    pair_sources: Counter[tuple[str, str]] = Counter()
    for edge in store.event_edges(flt, among=among):
        pair_sources[(edge.source, edge.target)] += edge.sources
    assert store.event_pair_sources(flt, among=among) == sorted(
        (s, t, n) for (s, t), n in pair_sources.items()
    )


@pytest.mark.parametrize(
    "flt",
    [EventFilter(min_sources=SOURCES_FLOOR + 1), EventFilter(since="2019", type="FIGHT"),
     EventFilter(since="2019", actor="act_a"), EventFilter(modality="alleged", until="2019")],
    ids=repr,
)  # fmt: skip
def test_other_filters_read_the_events(store: SQLiteStore, flt: EventFilter) -> None:
    """Filters the period summaries do not keep: no plan, and the degrees still exact."""
    assert _period_plan(flt) is None
    selected = [
        e for e in EVENTS
        if _kept(e, flt)
        and (not flt.type or e.type == flt.type)
        and (not flt.modality or e.modality == flt.modality)
        and (not flt.actor or flt.actor in (e.source_actor, e.target_actor))
    ]  # fmt: skip
    degree: Counter[str] = Counter()
    for e in selected:
        degree[e.source_actor] += e.source_count  # type: ignore[index]
        degree[e.target_actor] += e.source_count  # type: ignore[index]
    assert store.event_degrees(flt) == sorted(degree.items())


def test_a_cut_month_is_read_day_by_day() -> None:
    plan = _period_plan(EventFilter(since="2019-04-10", until="2020-01"))
    assert plan is not None
    parts, months = plan
    assert [grain for grain, _, _ in parts] == [4, 7, 7]
    assert months == ["2019-04"]
    assert _period_plan(EventFilter(since="2019")) == ([(4, ["period >= ?"], ["2019"])], [])


@pytest.mark.postgres
@pytest.mark.parametrize(
    "flt",
    [EventFilter(since="2019"), EventFilter(min_sources=2),
     EventFilter(since="2019-04-10", until="2020-01")],
    ids=repr,
)  # fmt: skip
def test_postgres_network_by_period_reads_indexes(
    new_postgres_database: Callable[[], str], flt: EventFilter
) -> None:
    """Every query the network's degrees and edges run for a date or sources filter is
    answered through an index (the period summaries', or the covering date index of
    ``events`` for the days of a cut month), never by scanning ``events``."""
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as s:
        s.replace_resolution(Resolution(events=tuple(EVENTS)))
        s.conn.execute("SET enable_seqscan = off")
        ran: list[tuple[str, list[Any]]] = []
        run = s._all

        def recording(sql: str, args: Sequence[Any] = ()) -> list[Any]:
            ran.append((sql, list(args)))
            return run(sql, args)

        s._all = recording  # type: ignore[method-assign]
        degrees = s.event_degrees(flt)
        s.event_pair_sources(flt, among=[a for a, _ in degrees])
        s.event_edges(flt, pairs=[("act_a", "act_b"), ("act_c", "act_a")])
        s._all = run  # type: ignore[method-assign]
        assert ran
        for sql, args in ran:
            plan = "\n".join(r[0] for r in s._all("EXPLAIN " + sql, args))
            assert "Seq Scan" not in plan, (sql, plan)
            assert "periods" in sql or "Index" in plan, (sql, plan)


def _recorded(s: Any, call: Callable[[], object]) -> list[tuple[str, list[Any]]]:
    """The queries ``call`` runs on the store ``s``, with their arguments."""
    ran: list[tuple[str, list[Any]]] = []
    run = s._all

    def recording(sql: str, args: Sequence[Any] = ()) -> list[Any]:
        ran.append((sql, list(args)))
        return run(sql, args)

    s._all = recording
    try:
        call()
    finally:
        s._all = run
    return ran


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_pairs_are_chosen_from_the_pair_sums(store: SQLiteStore, flt: EventFilter) -> None:
    """Migrations 13 and 20: the pair sources (the ranking of the pairs to draw) read the
    pair sums by sources floor (``event_pair_floors``), never the split by type and
    modality, at every cut; the split is read only for the pairs asked for."""
    among = ["act_a", "act_b", "act_c", "act_d"]
    ran = _recorded(store, lambda: store.event_pair_sources(flt, among=among))
    assert ran and all("event_pair_periods" not in sql for sql, _ in ran)
    assert all("event_pair_sums" not in sql for sql, _ in ran)
    assert any("event_pair_floors" in sql for sql, _ in ran)
    pairs = [("act_a", "act_b")]
    split = _recorded(store, lambda: store.event_edges(flt, pairs=pairs))
    assert all("event_pair_sums" not in sql for sql, _ in split)


@pytest.mark.postgres
@pytest.mark.parametrize(
    "flt",
    [EventFilter(), EventFilter(since="2019"), EventFilter(min_sources=2),
     EventFilter(since="2019-04-10", until="2020-01", min_sources=2)],
    ids=repr,
)  # fmt: skip
def test_postgres_pair_sums_read_their_index(
    new_postgres_database: Callable[[], str], flt: EventFilter
) -> None:
    """The ranking of pairs reads ``event_pair_floors`` through its pair index (or, for
    the whole store, the index of a side)."""
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as s:
        s.replace_resolution(Resolution(events=tuple(EVENTS)))
        s.conn.execute("SET enable_seqscan = off")
        ran = _recorded(s, lambda: s.event_pair_sources(flt, among=["act_a", "act_b", "act_c"]))
        sums = [(sql, args) for sql, args in ran if "event_pair_floors" in sql]
        assert sums
        for sql, args in ran:
            plan = "\n".join(r[0] for r in s._all("EXPLAIN " + sql, args))
            assert "Seq Scan" not in plan, (sql, plan)
            if "event_pair_floors" in sql:  # the pair index, or a side's (migration 30)
                assert re.search(r"event_pair_floors_(pair|source|target)", plan), (sql, plan)


def test_a_capped_network_reads_pairs_in_batches_and_keeps_the_heaviest_edges() -> None:
    """More pairs than one batch (PAIR_BATCH) and a small edge cap: the edges kept are the
    heaviest of the whole network, however many batches the pairs took to read."""
    from eventwire.knowledge.ontology import read_ontology
    from eventwire.views.corpus import CorpusFilter
    from eventwire.views.network import PAIR_BATCH, network

    onto = read_ontology()
    rng = random.Random(9)
    actors = [f"act_{i:02d}" for i in range(40)]
    events = tuple(
        Event(f"evt_{i:05d}", rng.choice(["FIGHT", "SUPPORT", "ASSAULT"]), {},
              (Evidence("art_1", "s", 0, 1),), *rng.sample(actors, 2), "2019-04-0" + str(i % 9 + 1),
              "day", modality=rng.choice(["asserted", "alleged"]),
              source_count=rng.choice([1, 1, 2, 3, 8]))
        for i in range(3000)
    )  # fmt: skip
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(events=events))
        for cf in (CorpusFilter(), CorpusFilter(since="2019-04-03")):
            full = network(s, cf, top=40, edges_cap=100_000, onto=onto)
            assert full.pairs > 2 * PAIR_BATCH
            for cap in (5, 150, 400):
                capped = network(s, cf, top=40, edges_cap=cap, onto=onto)
                weight = lambda e: (-e["sources"], -(e["events"] + e["relations"]), e["id"])  # noqa: E731
                heaviest = sorted(full.edges, key=weight)[:cap]
                assert sorted(capped.edges, key=weight) == heaviest
                assert capped.more_edges
