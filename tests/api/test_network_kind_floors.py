"""Migration 24: the network under a kind (type, ACLED type, modality, polarity) and a
minimum of sources, with dates or without, reads the summaries (each actor's sums by
kind and floor, ``event_actor_kind_floors``, and the pair periods), never every selected
event, and gives exactly what counting the events one by one gives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from tests.api.test_network_kinds import _selected
from tests.api.test_network_periods import EVENTS, _events, _recorded

from eventwire.model import Resolution
from eventwire.store.base import EventFilter
from eventwire.store.sql_plans import _kind_floor_plan, _kind_plan
from eventwire.store.sql_summaries import SOURCES_FLOOR, SUMMARIES
from eventwire.store.sqlite import SQLiteStore

DATED = [(None, None), ("2019", None), ("2019-04-10", None), (None, "2019-04-30"),
         ("2019-04-09", "2020-01")]  # fmt: skip
FILTERS = [
    EventFilter(since=since, until=until, min_sources=floor, **kind)
    for since, until in DATED
    for floor in (2, SOURCES_FLOOR)
    for kind in ({"type": "FIGHT"}, {"types": ("FIGHT", "SUPPORT")}, {"modality": "alleged"},
                 {"negated": True}, {"types": ("SUPPORT",), "modality": "asserted"})
]  # fmt: skip


@pytest.fixture(scope="module")
def store() -> Any:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(events=tuple(EVENTS)))
        yield s


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_kind_and_floor_network_is_that_of_the_events(store: SQLiteStore, flt: EventFilter) -> None:
    assert _kind_floor_plan(flt) and not _kind_plan(flt) and store.edges_summarised(flt)
    degree: Counter[str] = Counter()
    edges: Counter[tuple[object, ...]] = Counter()
    for e in _selected(flt):
        degree[e.source_actor] += e.source_count  # type: ignore[index]
        degree[e.target_actor] += e.source_count  # type: ignore[index]
        key = (e.source_actor, e.target_actor, e.type, e.negated, e.modality)
        edges[(*key, "events")] += 1
        edges[(*key, "sources")] += e.source_count
    assert edges, "every filter selects some events"
    ran = _recorded(store, lambda: store.event_degrees(flt))
    assert store.event_degrees(flt) == sorted(degree.items())
    assert any("event_actor_kind_floors" in sql for sql, _ in ran)
    # ``events`` is read only for the days of a month the dates cut
    assert all("FROM events" not in sql or "BETWEEN" in sql for sql, _ in ran)
    pairs = sorted({(str(k[0]), str(k[1])) for k in edges} | {("act_a", "act_b")})
    got: Counter[tuple[object, ...]] = Counter()
    ran = _recorded(store, lambda: store.event_edges(flt, pairs=pairs))
    for edge in store.event_edges(flt, pairs=pairs):
        key = (edge.source, edge.target, edge.type, edge.negated, edge.modality)
        got[(*key, "events")] += edge.events
        got[(*key, "sources")] += edge.sources
    assert got == edges
    assert all("event_pair_periods" in sql or "BETWEEN" in sql for sql, _ in ran)
    among = ["act_a", "act_b", "act_c"]
    pair_sources: Counter[tuple[str, str]] = Counter()
    for e in _selected(flt):
        if e.source_actor in among and e.target_actor in among:
            pair_sources[(e.source_actor, e.target_actor)] += e.source_count  # type: ignore[index]
    ran = _recorded(store, lambda: store.event_pair_sources(flt, among=among))
    assert store.event_pair_sources(flt, among=among) == sorted(
        (s, t, n) for (s, t), n in pair_sources.items()
    )
    assert all("FROM events" not in sql or "BETWEEN" in sql for sql, _ in ran)
    assert store.event_pair_sources(flt, among=among, new=["act_b"]) == sorted(
        (s, t, n) for (s, t), n in pair_sources.items() if "act_b" in (s, t)
    )


@pytest.mark.parametrize(
    "flt",
    [EventFilter(type="FIGHT", min_sources=SOURCES_FLOOR + 1),
     EventFilter(type="FIGHT", min_sources=2, actor="act_a"), EventFilter(min_sources=2),
     EventFilter(type="FIGHT", since="2019")],
    ids=repr,
)  # fmt: skip
def test_other_filters_are_not_the_kind_floor_plan(flt: EventFilter) -> None:
    """Above the floor the summaries cannot tell the sources apart, an actor is read from
    its events, and without a kind or a floor other summaries answer."""
    assert not _kind_floor_plan(flt)


def test_the_kind_floor_summary_is_rewritten_with_the_picture() -> None:
    """A second resolution write leaves ``event_actor_kind_floors`` equal to its query
    over the new events (what a rebuild writes), not the sum of both."""
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(events=tuple(_events(200, seed=1))))
        s.replace_resolution(Resolution(events=tuple(_events(300, seed=2))))
        stored = sorted(s._all("SELECT * FROM event_actor_kind_floors"))
        assert stored == sorted(s._all(SUMMARIES["event_actor_kind_floors"]))
        assert {row[2] for row in stored} == set(range(2, SOURCES_FLOOR + 1))


@pytest.mark.postgres
@pytest.mark.parametrize(
    "flt",
    [EventFilter(types=("FIGHT",), min_sources=2),
     EventFilter(since="2019-04-10", until="2020-01", modality="alleged", min_sources=3)],
    ids=repr,
)  # fmt: skip
def test_postgres_network_by_kind_and_floor_reads_indexes(
    new_postgres_database: Callable[[], str], flt: EventFilter
) -> None:
    """On PostgreSQL the same answers, the degrees through an index."""
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as s, SQLiteStore(":memory:") as lite:
        s.replace_resolution(Resolution(events=tuple(EVENTS)))
        lite.replace_resolution(Resolution(events=tuple(EVENTS)))
        assert s.event_degrees(flt) == lite.event_degrees(flt)
        among = [a for a, _ in lite.event_degrees(flt)]
        assert s.event_pair_sources(flt, among=among) == lite.event_pair_sources(flt, among=among)
        pairs = [("act_a", "act_b"), ("act_c", "act_a")]
        assert s.event_edges(flt, pairs=pairs) == lite.event_edges(flt, pairs=pairs)
        s.conn.execute("SET enable_seqscan = off")
        ran = _recorded(s, lambda: s.event_degrees(flt))
        assert ran
        for sql, args in ran:
            plan = "\n".join(r[0] for r in s._all("EXPLAIN " + sql, args))
            assert "Seq Scan" not in plan, (sql, plan)


@pytest.mark.parametrize(
    "flt",
    [EventFilter(since="2019-04-10"), EventFilter(since="2019", until="2019-04", min_sources=2),
     EventFilter(until="2019-04-30", min_sources=SOURCES_FLOOR), EventFilter(since="2030")],
    ids=repr,
)  # fmt: skip
def test_degrees_under_dates_read_each_actors_running_sums(
    store: SQLiteStore, flt: EventFilter
) -> None:
    """A filter of dates (and sources) reads two months' running sums an actor, not the
    sums of each year and month between (their exactness: test_network_periods.py); no
    actor is listed without events between the bounds."""
    ran = _recorded(store, lambda: store.event_degrees(flt))
    assert any("event_actor_running" in sql for sql, _ in ran)
    assert not any("event_actor_sums" in sql or "event_actor_floors" in sql for sql, _ in ran)
    assert all(n > 0 for _, n in store.event_degrees(flt))
    assert (store.event_degrees(flt) == []) == (flt.since == "2030")


def test_the_running_sums_are_rewritten_with_the_picture() -> None:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(events=tuple(_events(200, seed=1))))
        s.replace_resolution(Resolution(events=tuple(_events(300, seed=2))))
        stored = sorted(s._all("SELECT * FROM event_actor_running"))
        assert stored == sorted(s._all(SUMMARIES["event_actor_running"]))
        assert {row[0] for row in stored} == set(range(1, SOURCES_FLOOR + 1))
