"""A page of an actor's incidents by date is cut from the first rows of each side's
(actor, date, id) index: the same incidents, in the same order, as every incident of
the actor sorted by date and id (undated last newest first, first oldest first)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from eventwire.model import Evidence, Incident, Resolution
from eventwire.store.base import IncidentFilter
from eventwire.store.sqlite import SQLiteStore


def _incidents() -> tuple[Incident, ...]:
    """60 incidents between four actors, "a" a source of some and a target of others,
    with dates that tie, undated ones, two types and one to four sources."""
    sides = [("a", "b"), ("b", "a"), ("c", "a"), ("a", "d"), ("b", "c"), ("d", "b")]
    out = []
    for n in range(60):
        day = None if n % 7 == 0 else f"2024-0{1 + n % 3}-{1 + (n * 7) % 5:02d}"
        source, target = sides[n % len(sides)]
        out.append(
            Incident(
                id=f"inc_{(n * 37) % 60:03d}",
                type=("ASSAULT", "PROTEST")[n % 2],
                codes={},
                evidence=(Evidence(f"art_{n}", "A sentence.", 0, 11),),
                source_actor=source,
                target_actor=target,
                date=day,
                date_precision="day" if day else None,
                source_count=1 + n % 4,
            )
        )
    return tuple(out)


def _key(order: str, i: Incident) -> tuple[object, ...]:
    if order == "date":  # undated first, then by date and id
        return (i.date is not None, i.date or "", i.id)
    return (i.date is None, "".join(chr(0x10FFFF - ord(c)) for c in i.date or ""),
            "".join(chr(0x10FFFF - ord(c)) for c in i.id))  # fmt: skip


def _expected(flt: IncidentFilter, every: tuple[Incident, ...]) -> list[str]:
    kept = [
        i for i in every
        if flt.actor in (i.source_actor, i.target_actor)
        and (not flt.with_actor or flt.with_actor in (i.source_actor, i.target_actor))
        and (not flt.type or i.type == flt.type)
        and (not flt.since or (i.date is not None and i.date >= flt.since))
        and i.source_count >= flt.min_sources
    ]  # fmt: skip
    return [i.id for i in sorted(kept, key=lambda i: _key(flt.order, i))]


FILTERS = [
    IncidentFilter(actor="a"),
    IncidentFilter(actor="b", type="ASSAULT"),
    IncidentFilter(actor="a", since="2024-02"),
    IncidentFilter(actor="a", with_actor="b", min_sources=2),
    IncidentFilter(actor="nobody"),
]
IDS = ("actor", "type", "since", "with-actor-sources", "unknown")


def _check_pages(store: Any, order: str, flt: IncidentFilter) -> None:
    every = _incidents()
    expected = _expected(replace(flt, order=order), every)
    store.replace_resolution(Resolution(incidents=every))
    flt = replace(flt, order=order)
    for size in (1, 4, 50):
        by_offset = [
            i.id
            for offset in range(0, len(expected) + size, size)
            for i in store.incidents(replace(flt, limit=size, offset=offset))
        ]
        assert by_offset == expected, size
        walked: list[Incident] = []
        while True:
            after = (walked[-1].date, walked[-1].id) if walked else None
            page = store.incidents(replace(flt, limit=size, after=after))
            walked += page
            if len(page) < size:
                break
        assert [i.id for i in walked] == expected, size


@pytest.mark.parametrize("order", ["date", "-date"])
@pytest.mark.parametrize("flt", FILTERS, ids=IDS)
def test_actor_pages_are_the_sorted_incidents(
    tmp_path: Path, order: str, flt: IncidentFilter
) -> None:
    with SQLiteStore(str(tmp_path / "s.db")) as store:
        _check_pages(store, order, flt)


@pytest.mark.postgres
@pytest.mark.parametrize("order", ["date", "-date"])
@pytest.mark.parametrize("flt", FILTERS[:4], ids=IDS[:4])
def test_postgres_actor_pages_are_the_sorted_incidents(
    new_postgres_database: Callable[[], str], order: str, flt: IncidentFilter
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as store:
        _check_pages(store, order, flt)
