"""The pair tails (migration 26): each pair's sums from a month period to the last, read
as the difference of two rows a pair. Their bounds compare periods as the events' dates
are compared (as text); a refreshed store holds the rows a rebuild writes; PostgreSQL
answers the network's reads under dates as SQLite does. And an actor's degrees from its
pairs, each side once."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.api.test_network_periods import EVENTS, FILTERS, _recorded
from tests.store.test_incremental import varied

from eventwire.config import Settings
from eventwire.model import Resolution
from eventwire.pipeline import rebuild, refresh
from eventwire.store import open_store
from eventwire.store.base import EventFilter
from eventwire.store.sql_pair_tails import _split_rows, tail_bounds
from eventwire.store.sql_plans import _tail_plan
from eventwire.store.sql_summaries import SUMMARIES
from eventwire.store.sqlite import SQLiteStore
from eventwire.synthetic import World


@pytest.mark.parametrize(
    ("since", "until", "kept", "left"),
    [
        # a year keeps its year-precision period ("2019" sorts before "2019-01")
        ("2019", None, ["2019", "2019-01", "2020"], ["2018-12"]),
        # a month keeps its own period, not the year's (a date "2019" is before "2019-04")
        ("2019-04", None, ["2019-04", "2019-05"], ["2019", "2019-03"]),
        # a day keeps the months after its own, whose days are read from the events
        ("2019-04-10", None, ["2019-05"], ["2019-04", "2019"]),
        # an end keeps every period whose first characters are at most it
        (None, "2019-04", ["2019", "2019-04", "2018-12"], ["2019-05", "2020"]),
        (None, "2019", ["2019", "2019-12"], ["2020", "2020-01"]),
        # an end day keeps the months before its own (and its year's period)
        (None, "2019-04-10", ["2019", "2019-03"], ["2019-04", "2019-05"]),
    ],
)
def test_the_bounds_keep_the_periods_the_dates_keep(
    since: str | None, until: str | None, kept: list[str], left: list[str]
) -> None:
    bounds = tail_bounds(since, until, 1)
    condition, low = bounds.low

    def after_low(period: str) -> bool:
        return period >= low if condition == "period >= ?" else period > low

    for period in kept:
        assert after_low(period) and not bounds.past(period), period
    for period in left:
        assert not after_low(period) or bounds.past(period), period


def test_a_pairs_split_between_two_tails_leaves_out_kinds_of_no_events() -> None:
    low = "3 5 0 asserted FIGHT|1 1 1 alleged SUPPORT|2 2 0 asserted SUPPORT"
    high = "1 2 0 asserted FIGHT|1 1 1 alleged SUPPORT"
    assert sorted(_split_rows("a", "b", low, high)) == [
        ("a", "b", "FIGHT", 0, "asserted", 2, 3),
        ("a", "b", "SUPPORT", 0, "asserted", 2, 2),
    ]
    assert _split_rows("a", "b", high, None)[0] == ("a", "b", "FIGHT", 0, "asserted", 1, 2)


def test_only_dates_and_sources_read_the_tails() -> None:
    assert _tail_plan(EventFilter(since="2019", min_sources=2)) is not None
    assert _tail_plan(EventFilter()) is None  # the whole store: its own rows
    assert _tail_plan(EventFilter(min_sources=2)) is None
    assert _tail_plan(EventFilter(since="2019", min_sources=6)) is None  # past the floor
    assert _tail_plan(EventFilter(since="2019", types=("FIGHT",))) is None


def _sums(rows: list[tuple[str, str, str, int, str, int, int]]) -> Counter[tuple[Any, ...]]:
    """The rows' events and sources summed per pair and kind (a key may be in several)."""
    sums: Counter[tuple[Any, ...]] = Counter()
    for *key, events, sources in rows:
        sums[(*key, "events")] += events
        sums[(*key, "sources")] += sources
    return sums


def _summaries(store: Any) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: sorted(
            (tuple(r) for r in store._all(f"SELECT * FROM {table}")),
            key=lambda row: tuple((x is not None, x) for x in row),
        )
        for table in SUMMARIES
    }


def test_a_refreshed_store_holds_the_tails_a_rebuild_writes(store_url: str, tmp_path: Path) -> None:
    world = World.make(20)
    docs = [varied(world, i) for i in range(50)]
    whole = Settings(db=str(tmp_path / "whole.db"))
    with open_store(whole) as store:
        store.add_documents(docs)
        rebuild(store, whole)
        expected = _summaries(store)
    assert expected["event_pair_tails"]
    rng = random.Random(3)
    order = docs[:]
    rng.shuffle(order)
    settings = Settings(db=store_url)
    with open_store(settings) as store:
        while order:
            size = rng.randint(5, 20)
            batch, order = order[:size], order[size:]
            store.add_documents(batch)
            refresh(store, settings)
        assert _summaries(store) == expected


@pytest.mark.postgres
def test_postgres_reads_the_tails_as_sqlite_does(
    new_postgres_database: Callable[[], str],
) -> None:
    from eventwire.store.postgres import PostgresStore

    pairs = [("act_a", "act_b"), ("act_c", "act_a"), ("act_b", "act_d"), ("act_d", "act_c")]
    among = ["act_a", "act_b", "act_c", "act_d"]
    with (
        SQLiteStore(":memory:") as lite,
        PostgresStore(new_postgres_database()) as server,
    ):
        for s in (lite, server):
            s.replace_resolution(Resolution(events=tuple(EVENTS)))
        for flt in FILTERS:
            assert (_tail_plan(flt) is not None) == bool(flt.since or flt.until)
            assert server.event_edges(flt, pairs=pairs) == lite.event_edges(flt, pairs=pairs)
            assert _sums(server.event_edge_rows(flt, pairs)) == _sums(
                lite.event_edge_rows(flt, pairs)
            )
            for new in (None, ["act_c", "act_d"]):
                assert server.event_pair_sources(flt, among=among, new=new) == (
                    lite.event_pair_sources(flt, among=among, new=new)
                ), flt


@pytest.mark.parametrize(
    "flt",
    [EventFilter(actor="act_a"), EventFilter(actor="act_b", types=("FIGHT",)),
     EventFilter(actor="act_c", modality="alleged", negated=False)],
    ids=repr,
)  # fmt: skip
def test_an_actors_degrees_read_each_side_of_its_pairs_once(flt: EventFilter) -> None:
    """The sources each actor shares with the filter's actor, and the actor's own, from
    its pairs as the source and as the target (migration 26's covering side indexes)."""
    degree: Counter[str] = Counter()
    for e in EVENTS:
        if (
            e.source_actor and e.target_actor and e.source_actor != e.target_actor
            and flt.actor in (e.source_actor, e.target_actor)
            and (not flt.types or e.type in flt.types)
            and (not flt.modality or e.modality == flt.modality)
            and (flt.negated is None or e.negated == flt.negated)
        ):  # fmt: skip
            degree[e.source_actor] += e.source_count
            degree[e.target_actor] += e.source_count
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(events=tuple(EVENTS)))
        ran = _recorded(s, lambda: s.event_degrees(flt))
        assert s.event_degrees(flt) == sorted(degree.items()) and degree
    assert all(" OR " not in sql and "event_pairs" in sql for sql, _ in ran)
