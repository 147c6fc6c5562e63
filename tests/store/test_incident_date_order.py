"""Migration 28: the incident list's two date orders (newest first with the undated last,
oldest first with the undated first) are one index's order read forwards or backwards
on both backends, so a page reads its rows from the index and sorts nothing; and the
store's counts of events and incidents (``stats``) are the summaries' sums, equal to the
rows counted one by one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eventwire.config import Settings
from eventwire.model import Event, Evidence, Incident, Resolution
from eventwire.store import open_store
from eventwire.store.base import IncidentFilter
from eventwire.store.sqlite import SQLiteStore

DATES = [None, "2019", "2019-03", "2019-03-14", "2019-06-01", "2020-01-02", None]
INCIDENTS = tuple(
    Incident(
        f"inc_{i:03d}", "ASSAULT", {}, (Evidence("art_1", "s", 0, 1),),
        source_actor="act_a", target_actor="act_b", date=DATES[i % 7], date_precision="day",
        events=(f"evt_{i:03d}",),
    )
    for i in range(40)
)  # fmt: skip
EVENTS = tuple(
    Event(
        f"evt_{i:03d}", "ASSAULT", {}, (Evidence("art_1", "s", 0, 1),), source_actor="act_a",
        target_actor="act_b", date=DATES[i % 7], date_precision="day",
    )
    for i in range(25)
)  # fmt: skip


def _newest_first(inc: Incident) -> tuple[bool, str, str]:
    return (inc.date is not None, inc.date or "", inc.id)


def _pages(s: Any, order: str) -> list[str]:
    """Every incident, a page of 6 at a time, by page number."""
    ids: list[str] = []
    for offset in range(0, len(INCIDENTS), 6):
        flt = IncidentFilter(order=order, limit=6, offset=offset)
        ids += [i.id for i in s.incidents(flt)]
    return ids


def _check_orders(s: Any, plan_of: Callable[[str], str]) -> None:
    newest = [i.id for i in sorted(INCIDENTS, key=_newest_first, reverse=True)]
    assert _pages(s, "-date") == newest
    assert _pages(s, "date") == newest[::-1]
    for order in ("date DESC NULLS LAST, id DESC", "date NULLS FIRST, id"):
        plan = plan_of(f"SELECT payload FROM incidents ORDER BY {order} LIMIT 6 OFFSET 12")
        assert "incidents_date_id" in plan, (order, plan)
        assert "Sort" not in plan and "TEMP B-TREE" not in plan, (order, plan)


def test_both_date_orders_read_the_index_on_sqlite() -> None:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(incidents=INCIDENTS))

        def plan_of(sql: str) -> str:
            return "\n".join(str(r[-1]) for r in s._all("EXPLAIN QUERY PLAN " + sql))

        _check_orders(s, plan_of)


@pytest.mark.postgres
def test_both_date_orders_read_the_index_on_postgres(
    new_postgres_database: Callable[[], str],
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as s:
        s.replace_resolution(Resolution(incidents=INCIDENTS))
        s.conn.execute("SET enable_seqscan = off")  # 40 rows: any plan is cheap

        def plan_of(sql: str) -> str:
            return "\n".join(r[0] for r in s._all("EXPLAIN " + sql))

        _check_orders(s, plan_of)


def test_stats_count_events_and_incidents_as_their_rows(store_url: str) -> None:
    with open_store(Settings(db=store_url)) as s:
        s.replace_resolution(Resolution(events=EVENTS, incidents=INCIDENTS))
        counted = s.stats()
        for kind in ("events", "incidents"):
            assert counted[kind] == int(s._one(f"SELECT COUNT(*) FROM {kind}")[0]), kind
        assert (counted["events"], counted["incidents"]) == (len(EVENTS), len(INCIDENTS))
