"""Migration 22: the actors of the events a filter of dates, kinds and sources selects
(the actor index under the filter bar) are read from ``event_actor_roles`` and the days
of the months the dates cut, and they are exactly the actors of the events selected one
by one (either side, or the one a claim is attributed to), on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator

import pytest
from tests.api.test_network_periods import _recorded

from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Actor, Event, Evidence, Resolution
from eventwire.store.base import EventFilter
from eventwire.store.sql_summaries import SUMMARIES
from eventwire.store.sqlite import SQLiteStore
from eventwire.views.corpus import CorpusFilter
from eventwire.views.index_filters import actor_rows, filtered_actor_index, index_download
from eventwire.views.indexes import ACTOR_SORTS

ACTORS = ["act_a", "act_b", "act_c", "act_d", "act_e", None]
DATES = [None, "2018", "2019", "2019-04", "2019-04-09", "2019-04-30", "2019-05-01",
         "2019-12-31", "2020-01-02", "201X"]  # fmt: skip
ACLED = {"FIGHT": ["Battles", "Remote violence"], "SUPPORT": ["Strategic developments"]}


def _events(n: int = 400, seed: int = 22) -> list[Event]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        kind = rng.choice(["FIGHT", "SUPPORT"])
        codes = {"acled": {"event_type": rng.choice(ACLED[kind])}} if rng.random() < 0.8 else {}
        out.append(Event(
            f"evt_{i:04d}", kind, codes, (Evidence("art_1", "s", 0, 1),),
            rng.choice(ACTORS), rng.choice(ACTORS), rng.choice(DATES), "day",
            negated=rng.random() < 0.2, modality=rng.choice(["asserted", "alleged"]),
            attributed_to=rng.choice(ACTORS[:2] + [None] * 4),
            source_count=rng.choice([1, 1, 2, 3, 4, 6]),
        ))  # fmt: skip
    return out


EVENTS = _events()
FILTERS = [
    EventFilter(types=("FIGHT",), since="2019"),
    EventFilter(types=("FIGHT",), since="2019-04-10"),
    EventFilter(acled="Battles", since="2019-04-10", until="2019-05"),
    EventFilter(acled="Remote violence"),
    EventFilter(since="2019-04", until="2019-04"),
    EventFilter(types=("SUPPORT",), until="2019-04-30", modality="alleged", min_sources=3),
    EventFilter(negated=True, since="2018", min_sources=2),
    EventFilter(types=("FIGHT", "SUPPORT"), acled="Battles", since="2019-12-31"),
    EventFilter(types=("NONE",), since="2019"),  # no event has it
    # a type with no other kind: event_actor_types (migration 27), floors and cut days too
    EventFilter(types=("FIGHT",)),
    EventFilter(types=("SUPPORT",), since="2019-04-10", until="2019-12-31", min_sources=4),
    EventFilter(types=("FIGHT", "SUPPORT"), until="2019-04-30", min_sources=2),
    EventFilter(type="FIGHT", since="2019-05"),
]
# the filters a type alone (with dates and sources) reads from event_actor_types
BY_TYPE = {repr(f) for f in FILTERS if (f.type or f.types) and not (f.acled or f.modality)
           and f.negated is None}  # fmt: skip


def _selected(e: Event, flt: EventFilter) -> bool:
    acled = e.codes.get("acled", {}).get("event_type")
    return (
        (not flt.types or e.type in flt.types)
        and (not flt.acled or acled == flt.acled)
        and (not flt.modality or e.modality == flt.modality)
        and (flt.negated is None or e.negated == flt.negated)
        and e.source_count >= flt.min_sources
        and (not flt.since or (e.date is not None and e.date >= flt.since))
        and (not flt.until or (e.date is not None and e.date[: len(flt.until)] <= flt.until))
    )


def _actors_one_by_one(flt: EventFilter) -> set[str]:
    return {
        a
        for e in EVENTS
        if _selected(e, flt)
        for a in (e.source_actor, e.target_actor, e.attributed_to)
        if a
    }


ACTOR_RECORDS = tuple(
    Actor(a, f"Name {a[-1].upper()}", "ARMED_GROUP", aliases=(f"alias of {a}",),
          mention_count=i % 3)
    for i, a in enumerate(sorted(a for a in ACTORS if a))
)  # fmt: skip


@pytest.fixture(scope="module")
def store() -> Iterator[SQLiteStore]:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(actors=ACTOR_RECORDS, events=tuple(EVENTS)))
        yield s


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_the_actors_are_those_of_the_events_one_by_one(
    store: SQLiteStore, flt: EventFilter
) -> None:
    want = _actors_one_by_one(flt)
    assert store.event_actor_ids(flt) == want
    ran = _recorded(store, lambda: store.event_actor_ids(flt))
    table = "event_actor_types" if repr(flt) in BY_TYPE else "event_actor_roles"
    other = "event_actor_roles" if repr(flt) in BY_TYPE else "event_actor_types"
    assert any(table in sql for sql, _ in ran), ran
    assert not any(other in sql for sql, _ in ran), ran
    # ``events`` is read only for the days of a month the dates cut
    cut = [(sql, args) for sql, args in ran if "FROM events" in sql]
    assert all("date BETWEEN" in sql for sql, _ in cut), cut
    assert bool(cut) == any(len(d or "") > 7 for d in (flt.since, flt.until)), cut


def test_the_filtered_actor_index_pages_whole_actors(store: SQLiteStore) -> None:
    """Every page holds the actors of the selected events, each decoded whole (its
    aliases too), in the order of the sort and of the index's download."""
    onto = read_ontology()
    cf = CorpusFilter(type="fight", since="2019-04-10")
    want = _actors_one_by_one(EventFilter(types=("FIGHT",), since="2019-04-10"))
    shown = []
    for page in (1, 2, 3):
        index = filtered_actor_index(store, cf, "-mentions", page, 2, onto=onto)
        assert index.total == len(want)
        shown += [r.actor for r in index.items]
    assert {a.id for a in shown} == want and len(shown) == len(want)
    assert all(a.aliases == (f"alias of {a.id}",) for a in shown), shown
    assert [a.mention_count for a in shown] == sorted(
        (a.mention_count for a in shown), reverse=True
    )
    lines = index_download(store, "actors", cf, "-mentions", "jsonl", onto=onto).splitlines()
    assert [json.loads(x)["id"] for x in lines] == [a.id for a in shown]


@pytest.mark.parametrize("sort", ACTOR_SORTS)
def test_every_sort_pages_the_rows_of_the_download(store: SQLiteStore, sort: str) -> None:
    """A page sorted by an actor's own column makes only its own rows (migration 27's
    round): the pages, one after the other, are the rows of the index's download, in its
    order, each with the incidents and casualties the download gives it."""
    onto = read_ontology()
    for cf in (CorpusFilter(type="fight", since="2019-04-10"), CorpusFilter(until="2019-04")):
        rows = actor_rows(store, cf, sort, onto=onto)
        assert rows
        shown = []
        for page in range(1, len(rows) + 2):
            index = filtered_actor_index(store, cf, sort, page, 2, onto=onto)
            assert index.total == len(rows)
            shown += [(r.actor.id, r.incidents, r.killed, r.wounded) for r in index.items]
        assert shown == [(r.actor.id, r.incidents, r.killed, r.wounded) for r in rows]


def test_other_filters_read_the_events(store: SQLiteStore) -> None:
    flt = EventFilter(types=("FIGHT",), since="2019", min_fatalities=1)
    ran = _recorded(store, lambda: store.event_actor_ids(flt))
    assert ran and not any("event_actor_roles" in sql for sql, _ in ran)
    far = EventFilter(since="2019", min_sources=6)  # above the floor the summary keeps
    assert store.event_actor_ids(far) == _actors_one_by_one(far)


def test_the_roles_are_rewritten_with_the_events() -> None:
    """A second write leaves the summary equal to its query (not the sum of both)."""
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(events=tuple(EVENTS)))
        s.replace_resolution(Resolution(events=tuple(EVENTS[:100])))
        stored = sorted(s._all("SELECT * FROM event_actor_roles"), key=repr)
        assert stored == sorted(s._all(SUMMARIES["event_actor_roles"]), key=repr)
        types = sorted(s._all("SELECT * FROM event_actor_types"), key=repr)
        assert types == sorted(s._all(SUMMARIES["event_actor_types"]), key=repr)
        # one row an actor, period and type, with the most sources of its events there
        assert len(types) == len({r[:4] for r in types}) < len(stored)
        whole = sum(r[-1] for r in stored if r[0] == 0)
        assert whole == sum(
            a is not None for e in EVENTS[:100]
            for a in (e.source_actor, e.target_actor, e.attributed_to)
        )  # fmt: skip


@pytest.mark.postgres
def test_actor_roles_on_postgres(new_postgres_database: Callable[[], str]) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as s:
        s.replace_resolution(Resolution(events=tuple(EVENTS)))
        for flt in FILTERS:
            assert s.event_actor_ids(flt) == _actors_one_by_one(flt), flt
            ran = _recorded(s, lambda f=flt: s.event_actor_ids(f))
            table = "event_actor_types" if repr(flt) in BY_TYPE else "event_actor_roles"
            assert any(table in sql for sql, _ in ran), (flt, ran)
