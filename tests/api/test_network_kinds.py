"""Migration 16: the network under a type, modality or polarity filter with dates reads
the kind-split period summaries (``event_actor_kinds`` for the degrees,
``event_pair_splits`` for the pairs) and gives exactly what counting the events gives,
at every cut of a year or a month."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from tests.api.test_network_periods import EVENTS, _events, _kept, _recorded

from eventwire.model import Resolution
from eventwire.store.base import EventFilter
from eventwire.store.sql_plans import _kind_plan
from eventwire.store.sql_summaries import SUMMARIES
from eventwire.store.sqlite import SQLiteStore

DATED = [("2019", None), ("2019-04-10", None), (None, "2019-04-30"), ("2019-04-09", "2020-01"),
         ("2018", "2019-05-01"), ("2019-04", "2019-04")]  # fmt: skip
KIND_FILTERS = [
    EventFilter(since=since, until=until, **kind)
    for since, until in DATED
    for kind in ({"type": "FIGHT"}, {"types": ("FIGHT", "fight")}, {"modality": "alleged"},
                 {"negated": True}, {"types": ("SUPPORT",), "modality": "asserted"},
                 {"type": "FIGHT", "types": ("SUPPORT",)})
]  # fmt: skip


def _selected(flt: EventFilter) -> list[Any]:
    types = {flt.type} if flt.type else set(flt.types)
    if flt.type and flt.types:
        types &= set(flt.types)
    return [
        e for e in EVENTS
        if _kept(e, flt)
        and (not (flt.type or flt.types) or e.type in types)
        and (not flt.modality or e.modality == flt.modality)
        and (flt.negated is None or e.negated == flt.negated)
    ]  # fmt: skip


@pytest.fixture(scope="module")
def store() -> Any:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(events=tuple(EVENTS)))
        yield s


@pytest.mark.parametrize("flt", KIND_FILTERS, ids=repr)
def test_kind_and_dates_network_is_that_of_the_events(store: SQLiteStore, flt: EventFilter) -> None:
    assert _kind_plan(flt) and store.edges_summarised(flt)
    degree: Counter[str] = Counter()
    edges: Counter[tuple[object, ...]] = Counter()
    for e in _selected(flt):
        degree[e.source_actor] += e.source_count  # type: ignore[index]
        degree[e.target_actor] += e.source_count  # type: ignore[index]
        key = (e.source_actor, e.target_actor, e.type, e.negated, e.modality)
        edges[(*key, "events")] += 1
        edges[(*key, "sources")] += e.source_count
    ran = _recorded(store, lambda: store.event_degrees(flt))
    assert store.event_degrees(flt) == sorted(degree.items())
    assert any("event_actor_kinds" in sql for sql, _ in ran)
    pairs = sorted({(str(k[0]), str(k[1])) for k in edges} | {("act_a", "act_b")})
    got: Counter[tuple[object, ...]] = Counter()
    ran = _recorded(store, lambda: store.event_edges(flt, pairs=pairs))
    for edge in store.event_edges(flt, pairs=pairs):
        key = (edge.source, edge.target, edge.type, edge.negated, edge.modality)
        got[(*key, "events")] += edge.events
        got[(*key, "sources")] += edge.sources
    assert got == edges
    # the summaries, and ``events`` only for the days of a month the dates cut
    assert all("event_pair_splits" in sql or "BETWEEN" in sql for sql, _ in ran)
    among = ["act_a", "act_b", "act_c"]
    pair_sources: Counter[tuple[str, str]] = Counter()
    for e in _selected(flt):
        if e.source_actor in among and e.target_actor in among:
            pair_sources[(e.source_actor, e.target_actor)] += e.source_count  # type: ignore[index]
    assert store.event_pair_sources(flt, among=among) == sorted(
        (s, t, n) for (s, t), n in pair_sources.items()
    )
    new = ["act_b"]
    assert store.event_pair_sources(flt, among=among, new=new) == sorted(
        (s, t, n) for (s, t), n in pair_sources.items() if "act_b" in (s, t)
    )


@pytest.mark.parametrize(
    "flt",
    [EventFilter(type="FIGHT"), EventFilter(since="2019", type="FIGHT", min_sources=2),
     EventFilter(since="2019", type="FIGHT", actor="act_a")],
    ids=repr,
)  # fmt: skip
def test_other_kind_filters_keep_their_reads(flt: EventFilter) -> None:
    """No dates (the whole-store summaries keep the kinds), a sources floor or an actor:
    not the kind plan (an ACLED type with dates is one since migration 21)."""
    assert not _kind_plan(flt)


def test_the_kind_summary_is_rewritten_with_the_picture() -> None:
    """A second resolution write leaves ``event_actor_kinds`` equal to its query over the
    new events (what a rebuild writes), not the sum of both."""
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(events=tuple(_events(200, seed=1))))
        s.replace_resolution(Resolution(events=tuple(_events(300, seed=2))))
        stored = sorted(s._all("SELECT * FROM event_actor_kinds"))
        assert stored == sorted(s._all(SUMMARIES["event_actor_kinds"]))
        assert stored


@pytest.mark.postgres
@pytest.mark.parametrize(
    "flt",
    [EventFilter(since="2019", types=("FIGHT", "fight")),
     EventFilter(since="2019-04-10", until="2020-01", modality="alleged")],
    ids=repr,
)  # fmt: skip
def test_postgres_network_by_kind_reads_indexes(
    new_postgres_database: Callable[[], str], flt: EventFilter
) -> None:
    """On PostgreSQL the same answers, every query through an index."""
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
