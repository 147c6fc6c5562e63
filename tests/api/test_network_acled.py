"""The network under an ACLED type: where every stored event of the types that carry it
carries that ACLED type, the filter is read as those types; where a type carries
several, as it is: with dates the kind-split period summaries keep the ACLED type
(migration 21). Either way the degrees and edges are exactly those of counting the
events."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from tests.api.test_network_periods import ACTORS, DATES, _kept, _recorded

from eventwire.model import Event, Evidence, Resolution
from eventwire.store.base import EventFilter
from eventwire.store.sqlite import SQLiteStore

# (type, ACLED type): ASSAULT is a battle or an attack on civilians by its targets, as
# the ontology codes it; PROTEST and COERCE have one ACLED type each; CONSULT none
KINDS = [("ASSAULT", "Battles"), ("ASSAULT", "Violence against civilians"),
         ("PROTEST", "Protests"), ("COERCE", "Strategic developments"), ("CONSULT", None)]  # fmt: skip


def _events(n: int = 400, seed: int = 11) -> list[Event]:
    rng = random.Random(seed)
    events = []
    for i in range(n):
        etype, acled = rng.choice(KINDS)
        codes = {"acled": {"event_type": acled, "sub_event_type": None}} if acled else {}
        events.append(
            Event(f"evt_{i:04d}", etype, codes, (Evidence("art_1", "s", 0, 1),),
                  rng.choice(ACTORS), rng.choice(ACTORS), rng.choice(DATES), "day",
                  modality=rng.choice(["asserted", "alleged"]),
                  source_count=rng.choice([1, 1, 2, 3, 6]))
        )  # fmt: skip
    return events


EVENTS = _events()
FILTERS = [
    EventFilter(acled=acled, since=since, until=until, **more)
    for acled in ("Protests", "Battles", "Strategic developments", "Riots")
    for since, until in [("2019", None), ("2019-04-10", "2020-01"), (None, None)]
    for more in ({}, {"types": ("PROTEST", "CONSULT")}, {"modality": "alleged"})
]  # fmt: skip


def _acled(e: Event) -> str | None:
    code = e.codes.get("acled")
    return code.get("event_type") if isinstance(code, dict) else None


def _selected(flt: EventFilter) -> list[Event]:
    return [
        e for e in EVENTS
        if _kept(e, flt) and _acled(e) == flt.acled
        and (not flt.types or e.type in flt.types)
        and (not flt.modality or e.modality == flt.modality)
    ]  # fmt: skip


@pytest.fixture(scope="module")
def store() -> Any:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(events=tuple(EVENTS)))
        yield s


AMONG = ["act_a", "act_b", "act_c"]


def _summarised(s: Any, flt: EventFilter) -> tuple[Any, ...]:
    """What the network view reads when the store summarises the filter's edges."""
    pairs = [("act_a", "act_b"), ("act_b", "act_c"), ("act_c", "act_a")]
    return (
        s.edges_summarised(flt),
        s.actor_degrees(flt, False),
        s.event_degrees(flt),
        s.event_pair_sources(flt, among=AMONG),
        s.event_pair_sources(flt, among=AMONG, new=["act_b"]),
        s.event_edges(flt, pairs=pairs),
    )


def _network(s: Any, flt: EventFilter) -> tuple[Any, ...]:
    return (*_summarised(s, flt), s.event_edges(flt, among=AMONG))


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_acled_network_is_that_of_the_events(store: SQLiteStore, flt: EventFilter) -> None:
    degree: Counter[str] = Counter()
    for e in _selected(flt):
        degree[e.source_actor] += e.source_count  # type: ignore[index]
        degree[e.target_actor] += e.source_count  # type: ignore[index]
    assert store.event_degrees(flt) == sorted(degree.items())
    assert store.actor_degrees(flt, False) == sorted(degree.items())
    edges: Counter[tuple[object, ...]] = Counter()
    for e in _selected(flt):
        if e.source_actor in ("act_a", "act_b", "act_c") and e.target_actor in (
            "act_a",
            "act_b",
            "act_c",
        ):
            edges[(e.source_actor, e.target_actor, e.type, e.negated, e.modality)] += e.source_count
    got: Counter[tuple[object, ...]] = Counter()
    for edge in store.event_edges(flt, among=["act_a", "act_b", "act_c"]):
        got[(edge.source, edge.target, edge.type, edge.negated, edge.modality)] += edge.sources
    assert got == edges


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_an_acled_type_reads_the_summaries(store: SQLiteStore, flt: EventFilter) -> None:
    """PROTEST alone carries Protests (and nothing carries Riots): the filter becomes one
    of types; ASSAULT carries Battles and more: with dates the kind-split period summaries
    test their ACLED type column (migration 21). Either way no scan of ``events``."""
    ran = _recorded(store, lambda: _summarised(store, flt))
    scans = [sql for sql, _ in ran if "FROM events" in sql and "BETWEEN" not in sql]
    assert not scans, scans
    if flt.acled == "Battles" and (flt.since or flt.until):
        assert any("acled_type = ?" in sql for sql, _ in ran)
    # the same answers as the filter read with the ACLED type as a column throughout
    network = _network(store, flt)
    assert network[1:] == _network(_AsStored(store), flt)[1:]
    assert network[0]


class _AsStored:
    """A store whose ACLED filter is never rewritten: every read of it tests the column."""

    def __init__(self, s: SQLiteStore) -> None:
        self.s = s

    def __getattr__(self, name: str) -> Any:
        method = getattr(type(self.s), name)

        def call(flt: EventFilter, *args: Any, **kw: Any) -> Any:
            original = type(self.s)._acled_as_types
            type(self.s)._acled_as_types = lambda _self, f: f  # type: ignore[method-assign]
            try:
                return method(self.s, flt, *args, **kw)
            finally:
                type(self.s)._acled_as_types = original  # type: ignore[method-assign]

        return call


def test_the_rewrite_keeps_the_other_fields(store: SQLiteStore) -> None:
    flt = EventFilter(acled="Protests", since="2019", modality="alleged", types=("CONSULT",))
    assert store._acled_as_types(flt) == replace(flt, acled=None, types=("\x00",))
    assert store._acled_as_types(replace(flt, types=())) == replace(
        flt, acled=None, types=("PROTEST",)
    )
    mixed = EventFilter(acled="Battles", since="2019")
    assert store._acled_as_types(mixed) is mixed


@pytest.mark.postgres
@pytest.mark.parametrize("flt", FILTERS[:6] + FILTERS[9:15], ids=repr)
def test_postgres_acled_network_equals_sqlite(
    new_postgres_database: Callable[[], str], flt: EventFilter
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as s, SQLiteStore(":memory:") as lite:
        s.replace_resolution(Resolution(events=tuple(EVENTS)))
        lite.replace_resolution(Resolution(events=tuple(EVENTS)))
        assert _network(s, flt) == _network(lite, flt)
