"""The network on PostgreSQL asks for the split of all its pairs in one query per part
of the period plan (the pairs as a table of two arrays), not one per source actor: the
same answers as SQLite's per-actor seeks, in a few round trips."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.api.test_network_kinds import KIND_FILTERS
from tests.api.test_network_periods import EVENTS, FILTERS, _recorded

from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Relation, Resolution
from eventwire.store.base import EventFilter
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter
from eventwire.views.network import network

pytestmark = pytest.mark.postgres

ONTO = read_ontology()
PAIRS = [("act_a", "act_b"), ("act_c", "act_a"), ("act_b", "act_d"), ("act_d", "act_a"),
         ("act_b", "act_a"), ("act_x", "act_a")]  # fmt: skip
# stated relations beside the events (dated, undated, one with two sources)
RELATIONS = (
    Relation("rel_1", "act_a", "act_b", "support", (), first_seen="2019-04", last_seen="2019-06"),
    Relation("rel_2", "act_d", "act_a", "oppose", (), source_count=2),
    Relation("rel_3", "act_b", "act_e", "ally", (), first_seen="2018", last_seen="2018"),
)
VIEWS = [
    CorpusFilter(), CorpusFilter(since="2019"), CorpusFilter(since="2019-04-10"),
    CorpusFilter(since="2019-04-09", until="2020-01", min_sources=2),
    CorpusFilter(since="2019-04", until="2019-04", type="FIGHT"), CorpusFilter(min_sources=2),
]  # fmt: skip


@pytest.fixture(scope="module")
def stores(postgres_server: str) -> Iterator[tuple[Any, SQLiteStore]]:
    from eventwire.store.pg_cluster import fresh_database
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(fresh_database(postgres_server)) as pg, SQLiteStore(":memory:") as lite:
        for s in (pg, lite):
            s.replace_resolution(Resolution(events=tuple(EVENTS), relations=RELATIONS))
        yield pg, lite


@pytest.mark.parametrize("flt", FILTERS + KIND_FILTERS, ids=repr)
def test_pair_splits_in_one_query_are_those_of_the_seeks(
    stores: tuple[Any, SQLiteStore], flt: EventFilter
) -> None:
    pg, lite = stores
    assert pg.event_edges(flt, pairs=PAIRS) == lite.event_edges(flt, pairs=PAIRS)
    assert pg.event_edges(flt, pairs=PAIRS[:1]) == lite.event_edges(flt, pairs=PAIRS[:1])
    assert pg.event_edges(flt, pairs=[]) == lite.event_edges(flt, pairs=[]) == []


@pytest.mark.parametrize("cf", VIEWS, ids=repr)
def test_network_is_the_same_in_a_few_queries(
    stores: tuple[Any, SQLiteStore], cf: CorpusFilter
) -> None:
    """Every page of the network alike on both backends; on PostgreSQL each page runs a
    handful of queries however many source actors its pairs have (four here, forty on a
    large store: one query each before)."""
    pg, lite = stores
    after: str | None = None
    while True:

        def page(s: Any, after: str | None = after) -> Any:
            return network(s, cf, top=2, onto=ONTO, after=after)

        ran = _recorded(pg, lambda: page(pg))  # noqa: B023 (called at once)
        assert page(pg) == page(lite)
        split = [sql for sql, _ in ran if "unnest" in sql]
        assert len(split) <= 2, split  # one per batch of pairs
        assert len(ran) <= 7, [sql[:80] for sql, _ in ran]
        if (after := page(lite).next_after) is None:
            break


@pytest.mark.parametrize("flt", FILTERS + KIND_FILTERS + [EventFilter()], ids=repr)
def test_actor_degrees_are_events_and_relations_in_one_query(
    stores: tuple[Any, SQLiteStore], flt: EventFilter
) -> None:
    """The degrees the network ranks by: the events' and the relations' sources summed by
    actor, alike on both backends; on PostgreSQL one query (summed by the server)."""
    pg, lite = stores
    summed: dict[str, int] = dict(lite.event_degrees(flt))
    for actor_id, sources in lite.relation_degrees(flt):
        summed[actor_id] = summed.get(actor_id, 0) + sources
    assert lite.actor_degrees(flt, True) == sorted(summed.items())
    assert pg.actor_degrees(flt, True) == lite.actor_degrees(flt, True)
    assert pg.actor_degrees(flt, False) == lite.actor_degrees(flt, False) == lite.event_degrees(flt)
    assert len(_recorded(pg, lambda: pg.actor_degrees(flt, True))) == 1
