"""Migration 27: each actor's incident summary is indexed by actor, type and date with its
sums, so the actor index's figures under a type and dates seek that type's rows of each
actor and read no table row, while a filter without a type keeps the (actor, date) index.
The figures are those of the incidents counted one by one, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.api.test_network_periods import _recorded

from eventwire.model import Evidence, Incident, Resolution
from eventwire.store.base import IncidentFilter
from eventwire.store.sqlite import SQLiteStore

SIDES = [("act_a", "act_b"), ("act_b", "act_c"), ("act_a", "act_a"), ("act_c", None)]
TYPES = ["ASSAULT", "PROTEST"]
DATES = [None, "2019", "2019-03", "2019-03-14", "2019-06-01", "2020-01-02"]
INCIDENTS = tuple(
    Incident(
        f"inc_{i:03d}", TYPES[i % 2], {}, (Evidence("art_1", "s", 0, 1),),
        source_actor=SIDES[i % 4][0], target_actor=SIDES[i % 4][1], date=DATES[i % 6],
        date_precision="day", counts={"killed": i % 5, "wounded": i % 3},
        events=(f"evt_{i:03d}",),
    )
    for i in range(48)
)  # fmt: skip
FILTERS = [
    IncidentFilter(type="ASSAULT", since="2019-03"),
    IncidentFilter(type="PROTEST", since="2019-03-14", until="2019-12"),
    IncidentFilter(type="ASSAULT"),
    IncidentFilter(since="2019-03"),  # no type: the (actor, date) index
]
ACTORS = ["act_a", "act_b", "act_c", "act_z"]


def _one_by_one(flt: IncidentFilter, actor: str) -> tuple[int, int, int]:
    chosen = [
        i for i in INCIDENTS
        if actor in (i.source_actor, i.target_actor)
        and (flt.type is None or i.type == flt.type)
        and (flt.since is None or (i.date is not None and i.date >= flt.since))
        and (flt.until is None or (i.date is not None and i.date[: len(flt.until)] <= flt.until))
    ]  # fmt: skip
    killed = sum(int(i.counts["killed"]) for i in chosen)
    return len(chosen), killed, sum(int(i.counts["wounded"]) for i in chosen)


def _check(s: Any, plan_of: Callable[[str, list[Any]], str], *, named: bool = True) -> None:
    """The figures, and each query's plan: by the index that fits the filter (``named``:
    a server's planner picks by cost on so small a table, so there only no scan)."""
    for flt in FILTERS:
        got = s.incident_actor_sums_under(flt, ACTORS)
        assert [(g.incidents, g.killed, g.wounded) for g in got] == [
            _one_by_one(flt, a) for a in ACTORS
        ], flt
        ran = _recorded(s, lambda f=flt: s.incident_actor_sums_under(f, ACTORS))
        assert ran and all("incident_actor_dates" in sql for sql, _ in ran), ran
        for sql, args in ran:
            plan = plan_of(sql, args)
            index = "incident_actor_dates_type" if flt.type else "incident_actor_dates_actor"
            assert (index if named else "Index") in plan, (flt, plan)
            assert "Seq Scan" not in plan, (flt, plan)


def test_a_type_seeks_the_covering_index_on_sqlite() -> None:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(incidents=INCIDENTS))

        def plan_of(sql: str, args: list[Any]) -> str:
            rows = s._all("EXPLAIN QUERY PLAN " + sql, args)
            plan = "\n".join(str(r[-1]) for r in rows)
            # a type's figures come from the index alone
            assert ("COVERING INDEX" in plan) == ("type =" in sql), plan
            return plan

        _check(s, plan_of)


@pytest.mark.postgres
def test_a_type_seeks_the_covering_index_on_postgres(
    new_postgres_database: Callable[[], str],
) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as s:
        s.replace_resolution(Resolution(incidents=INCIDENTS))
        s.conn.execute("SET enable_seqscan = off")

        def plan_of(sql: str, args: list[Any]) -> str:
            return "\n".join(r[0] for r in s._all("EXPLAIN " + sql, args))

        _check(s, plan_of, named=False)
