"""Incident lists in the store: a keyset cursor pages every order (most sources first
included), and on PostgreSQL ``type=&since=`` and the sources order read an index
(migration 12) instead of sorting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Evidence, Incident, Resolution
from eventwire.store.base import INCIDENT_ORDERS, IncidentFilter
from eventwire.store.sqlite import SQLiteStore

ONTO = read_ontology()  # the views take the caller's ontology


def _incidents() -> tuple[Incident, ...]:
    """40 incidents: four types, dates over a month with ties and undated ones, one to
    five sources (ties everywhere, so the cursor must order by date and id too)."""
    out = []
    for n in range(40):
        day = None if n % 9 == 0 else f"2025-03-{1 + (n * 5) % 28:02d}"
        out.append(
            Incident(
                id=f"incident_{n:012x}",
                type=("ASSAULT", "COERCE", "PROTEST", "AGREE")[n % 4],
                codes={},
                evidence=(Evidence(f"art_{n:016x}", "A sentence.", 0, 11),),
                date=day,
                date_precision="day" if day else None,
                source_count=1 + (n * 3) % 5,
            )
        )
    return tuple(out)


def _walk(store: object, flt: IncidentFilter, size: int) -> list[str]:
    walked: list[Incident] = []
    while True:
        after = (walked[-1].date, walked[-1].id) if walked else None
        page = store.incidents(replace(flt, limit=size, after=after))  # type: ignore[attr-defined]
        walked += page
        if len(page) < size:
            return [i.id for i in walked]


@pytest.mark.parametrize("order", sorted(INCIDENT_ORDERS))
@pytest.mark.parametrize("flt", [IncidentFilter(), IncidentFilter(type="ASSAULT", since="2025-03-10")],
                         ids=("all", "type-since"))  # fmt: skip
def test_keyset_pages_walk_every_order_once(
    tmp_path: Path, order: str, flt: IncidentFilter
) -> None:
    with SQLiteStore(str(tmp_path / "s.db")) as store:
        store.replace_resolution(Resolution(incidents=_incidents()))
        whole = [i.id for i in store.incidents(replace(flt, order=order))]
        assert len(whole) > 3
        for size in (1, 3, 7):
            assert _walk(store, replace(flt, order=order), size) == whole
    if order == "-sources":  # most sources first, then newest
        counts = [int(i[-12:], 16) * 3 % 5 + 1 for i in whole]
        assert counts == sorted(counts, reverse=True)


def test_api_pages_most_reported_first_by_cursor(tmp_path: Path) -> None:
    from eventwire.views.corpus import CorpusFilter
    from eventwire.views.incidents import list_incident_rows

    with SQLiteStore(str(tmp_path / "s.db")) as store:
        store.replace_resolution(Resolution(incidents=_incidents()))
        whole = [i.id for i in store.incidents(IncidentFilter(order="-sources"))]
        walked, after = [], None
        while True:
            page = list_incident_rows(
                store, CorpusFilter(), "-sources", limit=6, after=after, onto=ONTO
            )
            walked += [row.id for row in page.items]
            if not (after := page.next_after):
                break
        assert walked == whole


TYPE_SINCE = (
    "EXPLAIN SELECT payload FROM incidents WHERE type = ? AND date >= ?"
    " ORDER BY date DESC NULLS LAST, id DESC LIMIT 50"
)


@pytest.mark.postgres
def test_postgres_type_since_and_sources_pages_read_an_index(
    new_postgres_database: Callable[[], str],
) -> None:
    """The plan of a ``type=&since=`` page and of a page by sources (first and after a
    cursor) reads migration 12's indexes, with no sort step even when sorting is
    discouraged; the walk gives what SQLite gives."""
    from eventwire.store.postgres import PostgresStore
    from eventwire.store.sql_incidents import INCIDENT_ORDER

    with PostgresStore(new_postgres_database()) as s:
        s.replace_resolution(Resolution(incidents=_incidents()))
        walked = _walk(s, IncidentFilter(order="-sources"), 4)
        s.conn.execute("SET enable_seqscan = off")
        s.conn.execute("SET enable_sort = off")
        plans = {
            "type-since": s._all(TYPE_SINCE, ("ASSAULT", "2025-03-10")),
            "sources": s._all(
                f"EXPLAIN SELECT payload FROM incidents ORDER BY {INCIDENT_ORDER['-sources']}"
                " LIMIT 50"
            ),
        }
    for name, rows in plans.items():
        plan = "\n".join(r[0] for r in rows)
        assert "Index" in plan and "Sort" not in plan, f"{name}: {plan}"
    assert "incidents_type_date" in "\n".join(r[0] for r in plans["type-since"])
    assert walked == [i.id for i in _sorted_by_sources(_incidents())]


def _sorted_by_sources(incs: tuple[Incident, ...]) -> list[Incident]:
    dated = sorted(incs, key=lambda i: (i.source_count, i.date is not None, i.date or "", i.id))
    return dated[::-1]


def test_explain_and_the_incident_page_say_sides_in_words(tmp_path: Path) -> None:
    """What ``--explain``, ``GET /api/incidents/{id}`` and the incident page show names
    the actor and the state, never their keys (the stored lines keep the keys)."""
    from eventwire.export.incident_list import explain_incident
    from eventwire.knowledge.ontology import read_ontology
    from eventwire.model import Actor
    from eventwire.resolve.incidents import EXPLANATION_KEY
    from eventwire.views.incidents import incident_detail

    brigade = Actor("actor_0123456789ab", "Sidra Brigade", "armed_group", "LBY")
    libya = Actor("actor_aaaaaaaaaaaa", "Libya", "country", "LBY")
    inc = replace(
        _incidents()[0],
        explanation=("joined art_a and art_b: ASSAULT, side actor_0123456789ab, state:LBY",),
    )
    with SQLiteStore(str(tmp_path / "s.db")) as store:
        store.replace_resolution(Resolution(actors=(brigade, libya), incidents=(inc,)))
        said = explain_incident(store, inc.id, read_ontology())
        page = incident_detail(store, inc.id, ONTO).explanation
    assert "  joined art_a and art_b: ASSAULT, side Sidra Brigade, the state of Libya" in said
    assert page == ["joined art_a and art_b: ASSAULT, side Sidra Brigade, the state of Libya"]
    assert not any(EXPLANATION_KEY.search(line) for line in [*said, *page])
