"""An actor's events as a download reads them: their keys and their links (actors and
articles) from the union of each side's index, checked against the events picked one by
one, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from eventwire.model import Event, Evidence, Resolution
from eventwire.store.base import EventFilter, Store
from eventwire.store.sqlite import SQLiteStore

ACTORS = ["act_a", "act_b", "act_c", None]
DATES = [None, "2018", "2019-03", "2019-03-02", "2019-03-17", "2019-04-01", "2020-01-09"]


def _events(n: int) -> tuple[Event, ...]:
    rng = random.Random(8)
    out = []
    for i in range(n):
        source = rng.choice(ACTORS)
        target = source if i % 17 == 0 else rng.choice(ACTORS)  # an actor on both sides
        date = rng.choice(DATES)
        said = Evidence(f"art_{i % 9}", "Two patrols met at the bridge.", 0, 30)
        out.append(
            Event(f"evt_{i:04d}", rng.choice(["FIGHT", "CONSULT"]), {}, (said,), source, target,
                  date, None if date is None else "day",
                  attributed_to="act_c" if i % 11 == 0 else None, source_count=1 + i % 3)
        )  # fmt: skip
    return tuple(out)


EVENTS = _events(240)
FILTERS = [
    EventFilter(actor="act_a"),
    EventFilter(actor="act_b", since="2019-03", until="2019-03"),
    EventFilter(actor="act_a", type="FIGHT", since="2019"),
    EventFilter(actor="act_c", min_sources=2),
    EventFilter(actor="act_b", with_actor="act_a"),
    EventFilter(actor="act_nobody"),
]


def _picked(flt: EventFilter) -> list[Event]:
    """The events ``flt`` selects, picked one by one (its fields used here only)."""

    def kept(e: Event) -> bool:
        sides = (e.source_actor, e.target_actor)
        if flt.actor not in sides or (flt.with_actor and flt.with_actor not in sides):
            return False
        if flt.type and e.type != flt.type:
            return False
        if e.source_count < flt.min_sources:
            return False
        if flt.since and (e.date is None or e.date < flt.since):
            return False
        return not (flt.until and (e.date is None or e.date[: len(flt.until)] > flt.until))

    return [e for e in EVENTS if kept(e)]


def _check(store: Store) -> None:
    store.replace_resolution(Resolution(events=EVENTS))
    for flt in FILTERS:
        events = _picked(flt)
        assert sorted(store.event_keys(flt), key=str) == sorted(
            ((e.date, e.id) for e in events), key=str
        ), flt
        actors = {a for e in events for a in (e.source_actor, e.target_actor, e.attributed_to)}
        articles = {ev.article_id for e in events for ev in e.evidence}
        assert store.event_links(flt) == (actors - {None}, articles), flt
    assert any(_picked(f) for f in FILTERS) and not _picked(FILTERS[-1])


def test_an_actors_keys_and_links_are_its_events() -> None:
    with SQLiteStore(":memory:") as store:
        _check(store)


@pytest.mark.postgres
def test_an_actors_keys_and_links_are_its_events_on_postgres(
    new_postgres_database: Callable[[], str],
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as store:
        _check(store)
