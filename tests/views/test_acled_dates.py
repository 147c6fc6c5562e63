"""Migration 21: the map, totals and incident list under an ACLED type with dates read
the summaries (``incident_place_dates`` for the map, ``incident_dates`` for a list's
total) and the incident list the ``incidents_acled_date`` index, and they count exactly
the incidents a filter selects one by one, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from tests.api.test_network_periods import _recorded
from tests.web.test_incident_views import ONTO, _resolution, check_views, selected

from eventwire.store.base import IncidentFilter
from eventwire.store.sql_incident_views import INCIDENT_SUMMARIES, _summary_for
from eventwire.store.sqlite import SQLiteStore
from eventwire.views import list_incident_rows
from eventwire.views.corpus import CorpusFilter

ACLED_DATED = [
    CorpusFilter(acled="Battles", since="2019-04"),
    CorpusFilter(acled="Battles", since="2019-04-10", until="2019-05"),
    CorpusFilter(acled="Protests", until="2019-04", modality="reported"),
    CorpusFilter(acled="Battles", type="fight", since="2019"),
    CorpusFilter(acled="Battles", place="Town", since="2019-04-09"),
    CorpusFilter(acled="Riots", since="2019"),  # no incident has it
]


@pytest.fixture(scope="module")
def store() -> Iterator[SQLiteStore]:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(_resolution())
        yield s


def check_list(s: Any, cf: CorpusFilter) -> None:
    """Every page of the incident list, newest first: the total and the rows are those of
    the incidents selected one by one."""
    want = sorted(selected(cf), key=lambda i: (i.date is not None, i.date or "", i.id))[::-1]
    got, page = [], 1
    while True:
        listed = list_incident_rows(s, cf, "-date", page, 7, onto=ONTO)
        assert listed.total == len(want)
        got += [row.id for row in listed.items]
        if page >= listed.pages:
            break
        page += 1
    assert got == [i.id for i in want]


@pytest.mark.parametrize("cf", ACLED_DATED, ids=lambda f: repr(f.params()))
def test_acled_and_dates_count_the_incidents_one_by_one(
    store: SQLiteStore, cf: CorpusFilter
) -> None:
    check_views(store, cf)
    check_list(store, cf)


def test_the_map_and_the_total_read_summaries(store: SQLiteStore) -> None:
    flt = IncidentFilter(acled="Battles", since="2019-04")
    places = ("place_id", "type")
    assert _summary_for(flt, places) == "incident_place_dates"
    # without an ACLED type the covering indexes of ``incidents`` serve (fewer rows read)
    assert _summary_for(IncidentFilter(modality="reported", since="2019"), places) is None
    assert _summary_for(IncidentFilter(acled="Battles"), places) == "incident_place_kinds"
    ran = _recorded(store, lambda: (store.incident_places(flt), store.count_incidents(flt)))
    assert ran and not any("FROM incidents" in sql for sql, _ in ran), ran
    plan = " ".join(
        str(r[3])
        for r in store._all(
            "EXPLAIN QUERY PLAN SELECT place_id, type, SUM(incidents) FROM incident_place_dates"
            " WHERE acled_type = ? AND date >= ? GROUP BY place_id, type",
            ("Battles", "2019-04"),
        )
    )
    assert "COVERING INDEX incident_place_dates_acled" in plan, plan
    page = store._all(
        "EXPLAIN QUERY PLAN SELECT id FROM incidents WHERE acled_type = ? AND date >= ?"
        " ORDER BY date DESC NULLS LAST, id DESC LIMIT 5",
        ("Battles", "2019-04"),
    )
    assert "incidents_acled_date" in " ".join(str(r[3]) for r in page)


def test_the_place_summary_is_rewritten_with_the_incidents() -> None:
    """A second write of the incidents leaves ``incident_place_dates`` equal to its query
    over them (what a rebuild writes), not the sum of both."""
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(_resolution())
        s.replace_resolution(_resolution())
        stored = sorted(s._all("SELECT * FROM incident_place_dates"), key=repr)
        assert stored == sorted(s._all(INCIDENT_SUMMARIES["incident_place_dates"]), key=repr)
        assert sum(r[6] for r in stored) == len(_resolution().incidents)


@pytest.mark.postgres
def test_acled_and_dates_on_postgres(new_postgres_database: Callable[[], str]) -> None:
    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as s:
        s.replace_resolution(_resolution())
        for cf in ACLED_DATED:
            check_views(s, cf)
            check_list(s, cf)
