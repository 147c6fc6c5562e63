"""The whole-corpus views count incident records (one per real-world occurrence), not the
sentences that report them: under every filter, the totals, each timeline bar, each map
place and each index row equal counting the incidents one by one (migration 10's
``displaced`` column included, on a store written before it too)."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Actor, Evidence, Incident, Place, Resolution, to_dict
from eventwire.store.base import INCIDENT_GROUPS, IncidentFilter
from eventwire.store.dialects import postgres_script, sqlite_script
from eventwire.store.migrations import MIGRATIONS
from eventwire.store.sql_base import as_json
from eventwire.store.sql_incident_views import place_articles
from eventwire.store.sqlite import SQLiteStore
from eventwire.views import actor_index, histogram, map_places, place_index, totals
from eventwire.views.corpus import CorpusFilter
from eventwire.views.dates import bucket
from eventwire.views.labels import type_label

ONTO = read_ontology()  # the views take the caller's ontology

PLACES = [
    Place(f"geonames:{i}", f"Town {i}", 30.0 + i, 12.0 + i, "LBY", None, "city") for i in range(4)
] + [Place("country:LBY", "Libya", 26.3, 17.2, "LBY", None, "country")]
ACTORS = ["act_a", "act_b", "act_c", None]
ACLED = {"ASSAULT": "Battles", "PROTEST": "Protests"}


def random_incidents(n: int = 240, seed: int = 5) -> list[Incident]:
    """Incidents of every shape the views group: undated and partly dated, with and
    without a place, one side or two, casualties or none, one report or several."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        itype = rng.choice(["ASSAULT", "PROTEST", "CONSULT"])
        date, precision = rng.choice(
            [(None, None), ("2019", "year"), ("2019-04", "month"), ("2019-04-09", "day"),
             ("2019-04-10", "day"), ("2019-05-20", "day"), ("2020-01-02", "day")]
        )  # fmt: skip
        counts = {k: rng.randrange(1, 9) for k in ("killed", "wounded", "displaced")
                  if rng.random() < 0.4}  # fmt: skip
        codes: dict[str, Any] = {"plover": itype}
        if itype in ACLED:
            codes["acled"] = {"event_type": ACLED[itype], "sub_event_type": None}
        out.append(
            Incident(
                f"inc_{i:04d}", itype, codes, (Evidence("art_1", "s", 0, 1),),
                rng.choice(ACTORS), rng.choice(ACTORS), date, precision,
                rng.choice([*PLACES, None]), counts=counts, count_min=dict(counts),
                count_max=dict(counts), source_count=rng.randrange(1, 4),
                events=(f"evt_{i:04d}",), modality=rng.choice(["asserted", "reported"]),
            )
        )  # fmt: skip
    return out


INCIDENTS = random_incidents()
STORED_ACTORS = tuple(Actor(a, a.upper(), "armed_group", "LBY") for a in ACTORS if a)
FILTERS = [
    CorpusFilter(),
    CorpusFilter(type="fight"),
    CorpusFilter(type="protest"),
    CorpusFilter(acled="Battles"),
    CorpusFilter(modality="reported"),
    CorpusFilter(polarity="affirmed"),
    CorpusFilter(polarity="negated"),
    CorpusFilter(since="2019-04-10"),
    CorpusFilter(until="2019-04"),
    CorpusFilter(since="2019-04", until="2019-05"),
    CorpusFilter(place="geonames:1"),
    CorpusFilter(place="Town"),  # a name starting several places
    CorpusFilter(place="libya"),
    CorpusFilter(actor="act_a"),
    CorpusFilter(actor="ACT_B"),  # by its name, any case
    CorpusFilter(min_sources=2),
    CorpusFilter(min_fatalities=3),
    CorpusFilter(type="fight", actor="act_c", min_sources=2),
    CorpusFilter(place="Town", since="2019-04-09", min_fatalities=1),
    # an actor with dates or kinds: the actor's date summary (migration 13)
    CorpusFilter(actor="act_a", since="2019-04", until="2019-05"),
    CorpusFilter(actor="act_c", type="protest", modality="asserted"),
    CorpusFilter(actor="act_b", acled="Battles", until="2019"),
]


def selected(cf: CorpusFilter) -> list[Incident]:
    """The incidents a filter selects, decided one by one."""
    if cf.polarity == "negated":
        return []
    actor = {"ACT_B": "act_b"}.get(cf.actor or "", cf.actor)
    places = {p.id for p in PLACES if cf.place and (
        p.id == cf.place or p.name.lower().startswith(cf.place.lower()))}  # fmt: skip
    out = []
    for inc in INCIDENTS:
        checks = [
            not actor or actor in (inc.source_actor, inc.target_actor),
            not cf.type or inc.type == {"fight": "ASSAULT"}.get(cf.type, cf.type.upper()),
            not cf.acled or (inc.codes.get("acled") or {}).get("event_type") == cf.acled,
            not cf.modality or inc.modality == cf.modality,
            not cf.since or (inc.date is not None and inc.date >= cf.since),
            not cf.until or (inc.date is not None and inc.date[: len(cf.until)] <= cf.until),
            not cf.place or (inc.location is not None and inc.location.id in places),
            inc.source_count >= cf.min_sources,
            not cf.min_fatalities or inc.counts.get("killed", -1) >= cf.min_fatalities,
        ]
        if all(checks):
            out.append(inc)
    return out


def _figures(incs: list[Incident]) -> tuple[int, int, int, int]:
    return (
        len(incs),
        sum(i.counts.get("killed", 0) for i in incs),
        sum(i.counts.get("wounded", 0) for i in incs),
        sum(i.counts.get("displaced", 0) for i in incs),
    )


def _resolution() -> Resolution:
    return Resolution(actors=STORED_ACTORS, incidents=tuple(INCIDENTS), places=tuple(PLACES))


@pytest.fixture(scope="module")
def store() -> Iterator[SQLiteStore]:
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(_resolution())
        yield s


def check_views(store: Any, cf: CorpusFilter) -> None:
    incs = selected(cf)
    t = totals(store, cf, onto=ONTO)
    assert (t.incidents, t.killed, t.wounded, t.displaced) == _figures(incs)
    assert t.dated == sum(1 for i in incs if i.date)

    for unit in ("day", "month", "year"):
        h = histogram(store, cf, unit, onto=ONTO)
        bars = {b.start: (b.incidents, b.killed, b.wounded, b.displaced) for b in h.bars}
        by_bar: dict[str, list[Incident]] = defaultdict(list)
        for i in incs:
            start = bucket(i.date, i.date_precision, unit) if i.date else None
            if start is not None:
                by_bar[start.isoformat()].append(i)
        assert {k: v for k, v in bars.items() if v[0]} == {
            k: _figures(v) for k, v in by_bar.items()
        }
        assert h.undated == sum(1 for i in incs if not i.date)
        # each bar's sources: its incidents' source counts summed
        assert {b.start: b.sources for b in h.bars if b.incidents} == {
            k: sum(i.source_count for i in v) for k, v in by_bar.items()
        }
        assert sum(b.incidents for b in h.bars) + h.coarser + h.undated == len(incs)

    by_place: dict[str, list[Incident]] = defaultdict(list)
    for i in incs:
        if i.location is not None:
            by_place[i.location.id].append(i)
    drawn = {p.id: p for p in map_places(store, cf, onto=ONTO)}
    assert {k: (p.incidents, p.killed, p.wounded, p.displaced) for k, p in drawn.items()} == {
        k: _figures(v) for k, v in by_place.items()
    }
    for place_id, p in drawn.items():
        assert p.sources == sum(i.source_count for i in by_place[place_id])
        types = Counter(type_label(i.type) for i in by_place[place_id])
        assert p.types == dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0])))
        assert (p.country_numeric == "434") == (place_id == "country:LBY")  # outlined


@pytest.mark.parametrize("cf", FILTERS, ids=lambda f: repr(f.params()))
def test_views_count_the_incidents_one_by_one(store: SQLiteStore, cf: CorpusFilter) -> None:
    check_views(store, cf)


def test_indexes_count_incidents_and_their_casualties(store: SQLiteStore) -> None:
    rows = {r.place.id: r for r in place_index(store, "name", 1, 50).items}
    for place in PLACES:
        at = [i for i in INCIDENTS if i.location and i.location.id == place.id]
        r = rows[place.id]
        assert (r.incidents, r.killed, r.wounded, r.displaced) == _figures(at)
        assert r.sources == sum(i.source_count for i in at)
        assert r.articles == len({e.article_id for i in at for e in i.evidence})
    for row in actor_index(store, "name", 1, 50).items:
        sided = [i for i in INCIDENTS if row.actor.id in (i.source_actor, i.target_actor)]
        assert (row.incidents, row.killed, row.wounded, row.displaced) == _figures(sided)


@pytest.mark.parametrize("sort", ["-sources", "sources", "-articles", "articles"])
def test_place_index_sorts_by_sources_and_articles(store: SQLiteStore, sort: str) -> None:
    rows = place_index(store, sort, 1, 50).items
    key = sort.lstrip("-")
    keys = [(getattr(r, key), r.incidents) for r in rows]
    assert keys == sorted(keys, reverse=sort.startswith("-"))
    assert any(r.sources for r in rows) and any(r.articles for r in rows)


def test_place_articles_count_each_article_once() -> None:
    a, b = PLACES[0], PLACES[1]
    ev = (Evidence("art_1", "s", 0, 1), Evidence("art_2", "t", 0, 1), Evidence("art_1", "u", 2, 3))
    incs = [replace(INCIDENTS[0], id="x", location=a, evidence=ev),
            replace(INCIDENTS[0], id="y", location=a, evidence=ev[2:]),
            replace(INCIDENTS[0], id="z", location=b, evidence=ev[1:2]),
            replace(INCIDENTS[0], id="w", location=None, evidence=ev)]  # fmt: skip
    assert place_articles(incs) == [(a.id, 2), (b.id, 1)]


def test_incident_sums_group_every_way(store: SQLiteStore) -> None:
    for by, columns in INCIDENT_GROUPS.items():
        sums = store.incident_sums(IncidentFilter(), by)
        assert all(len(s.key) == len(columns) for s in sums)
        assert sum(s.incidents for s in sums) == len(INCIDENTS)
    with pytest.raises(ValueError, match="by must be one of"):
        store.incident_sums(IncidentFilter(), "weekday")


def test_displaced_follows_an_incremental_refresh() -> None:
    """``replace_rest`` (an incremental refresh) writes the displaced column as a full
    resolution does."""
    with SQLiteStore(":memory:") as s:
        s.replace_resolution(Resolution(actors=STORED_ACTORS, places=tuple(PLACES)))
        with s.write_lock():
            s.replace_rest(_resolution())
        assert totals(s, CorpusFilter(), onto=ONTO).displaced == _figures(INCIDENTS)[3] > 0


# migration 10 on a store written before it ----------------------------------------------
def _v9_row(inc: Incident) -> tuple[Any, ...]:
    place = inc.location
    acled = (inc.codes.get("acled") or {}).get("event_type")
    return (inc.id, inc.type, acled, inc.modality, inc.source_actor, inc.target_actor,
            inc.date, inc.date_precision, place.id if place else None, inc.counts.get("killed"),
            inc.counts.get("wounded"), inc.source_count, as_json(to_dict(inc)))  # fmt: skip


V9_COLUMNS = (
    "id, type, acled_type, modality, source_actor, target_actor, date, date_precision,"
    " place_id, killed, wounded, source_count, outlet_count, payload"
)
V9_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?"


def _displaced(s: Any) -> list[tuple[Any, ...]]:
    """What migration 10 adds: the displaced column and each actor's totals (and what
    migration 13 adds: each actor's incidents by date)."""
    rows = [tuple(r) for r in s._all("SELECT id, displaced FROM incidents")]
    tables = ("incident_actor_totals", "incident_dates", "incident_place_kinds",
              "incident_actor_dates")  # fmt: skip
    for table in tables:
        rows += [(table, *r) for r in s._all(f"SELECT * FROM {table}")]
    return sorted(rows, key=lambda r: tuple((x is not None, x) for x in r))


def test_migration_10_fills_the_displaced_column_on_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:9]:
        conn.executescript(sqlite_script(script))
    conn.execute("PRAGMA user_version = 9")
    conn.executemany(
        f"INSERT INTO incidents ({V9_COLUMNS}) VALUES ({V9_VALUES})",
        [_v9_row(i) for i in INCIDENTS],
    )
    conn.commit()
    conn.close()
    with SQLiteStore(str(path)) as migrated:
        got = _displaced(migrated)
    with SQLiteStore(str(tmp_path / "new.db")) as fresh:
        fresh.replace_resolution(_resolution())
        assert got == _displaced(fresh)
    assert any(r[1] for r in got) and any(r[1] is None for r in got)
    assert {r[0] for r in got} >= {"incident_actor_totals", "incident_dates",
                                   "incident_actor_dates"}  # fmt: skip


def test_a_store_before_the_sources_summaries_gets_them_filled(tmp_path: Path) -> None:
    """The migration adding each summary's sources refills them from ``incidents``."""
    path = tmp_path / "old.db"
    with SQLiteStore(str(path)) as s:
        s.replace_resolution(_resolution())
        want = _displaced(s)
    conn = sqlite3.connect(path)  # as before the migration: no sources column, no rows
    for table in ("incident_dates", "incident_place_kinds", "incident_actor_dates",
                  "incident_place_articles"):  # fmt: skip
        conn.execute(f"DROP TABLE {table}")
    for script in MIGRATIONS[9:13]:  # the summaries as migrations 10 and 13 made them
        for statement in sqlite_script(script).split(";"):
            if (
                "incident_dates" in statement
                or "incident_place_kinds" in statement
                or ("incident_actor_dates" in statement)
            ):
                conn.execute(statement)
    conn.execute("DELETE FROM incident_dates")
    conn.commit()
    conn.executescript(sqlite_script(MIGRATIONS[19]))  # migration 20, as the store runs it
    conn.close()
    with SQLiteStore(str(path)) as migrated:
        assert _displaced(migrated) == want
        sums = migrated.incident_sums(IncidentFilter(), "all")
        # articles come from the member events' sentences, and none are stored here
        assert migrated.incident_place_articles() == {}
    assert sums[0].sources == sum(i.source_count for i in INCIDENTS) > len(INCIDENTS)


@pytest.mark.postgres
def test_incident_views_and_migration_10_on_postgres(
    new_postgres_database: Callable[[], str],
) -> None:
    import psycopg

    from eventwire.store.postgres import PostgresStore

    with PostgresStore(new_postgres_database()) as s:
        s.replace_resolution(_resolution())
        for cf in FILTERS:
            check_views(s, cf)
        want = _displaced(s)
    url = new_postgres_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER)")
        conn.execute(b"INSERT INTO schema_version VALUES (9)")
        for script in MIGRATIONS[:9]:
            conn.execute(postgres_script(script).encode())
        with conn.cursor() as cur:
            marks = V9_VALUES.replace("?", "%s")
            cur.executemany(
                f"INSERT INTO incidents ({V9_COLUMNS}) VALUES ({marks})".encode(),
                [_v9_row(i) for i in INCIDENTS],
            )
    with PostgresStore(url) as migrated:
        assert _displaced(migrated) == want


def test_actor_and_place_pages_show_their_incidents_apart_from_reported_totals(
    tmp_path: Path,
) -> None:
    from fastapi.testclient import TestClient

    from eventwire.api import create_app
    from eventwire.config import Settings

    path = tmp_path / "pages.db"
    with SQLiteStore(str(path)) as s:
        s.replace_resolution(_resolution())
    with TestClient(create_app(Settings(db=str(path)))) as client:
        for url, incs in (
            (
                "/actors/act_a",
                [i for i in INCIDENTS if "act_a" in (i.source_actor, i.target_actor)],
            ),
            ("/places/geonames:2", [i for i in INCIDENTS if i.location == PLACES[2]]),
        ):
            html = client.get(url).text
            line = html[html.index('id="incident-totals"') :].split("</p>")[0]
            n, killed, wounded, displaced = _figures(incs)
            assert f"<strong>{n}</strong> incidents" in line
            assert f"<strong>{killed}</strong> killed" in line
            assert f"<strong>{wounded}</strong> wounded" in line
            assert f"<strong>{displaced}</strong> displaced" in line
            assert "not a reported total" in line
        a_incidents = _figures(
            [i for i in INCIDENTS if "act_a" in (i.source_actor, i.target_actor)]
        )[0]
        index = client.get("/actors", params={"sort": "name"}).text
        assert f'<a href="/incidents?actor=act_a">{a_incidents}</a>' in index
        town = _figures([i for i in INCIDENTS if i.location == PLACES[2]])[0]
        index = client.get("/places", params={"sort": "name"}).text
        assert f'<a href="/incidents?place=geonames%3A2">{town}</a>' in index
    with SQLiteStore(str(path)) as s:
        big = replace(INCIDENTS[0], id="inc_big", counts={"displaced": 120000}, location=PLACES[4])
        s.replace_resolution(replace(_resolution(), incidents=(big,)))
    with TestClient(create_app(Settings(db=str(path)))) as client:
        assert '<td class="num">120,000</td>' in client.get("/places").text


@pytest.mark.parametrize("sort", ["-incidents", "incidents", "-killed", "killed"])
def test_actor_index_sorts_by_incidents_and_killed(store: SQLiteStore, sort: str) -> None:
    rows = actor_index(store, sort, 1, 50).items
    key = sort.lstrip("-")
    values = [getattr(r, key) for r in rows]
    assert values == sorted(values, reverse=sort.startswith("-"))
    assert len(rows) == len(STORED_ACTORS) and len(set(values)) > 1


def test_every_index_sort_header_links_a_sort_the_index_accepts(tmp_path: Path) -> None:
    """A sorted column's header links the other direction: that order must exist."""
    import re

    from fastapi.testclient import TestClient

    from eventwire.api import create_app
    from eventwire.config import Settings

    path = tmp_path / "index.db"
    with SQLiteStore(str(path)) as s:
        s.replace_resolution(_resolution())
    with TestClient(create_app(Settings(db=str(path)))) as client:
        for index in ("/actors", "/places"):
            seen, todo = set(), [index]
            while todo:
                url = todo.pop()
                response = client.get(url)
                assert response.status_code == 200, url
                for link in re.findall(
                    r'<th class="sortable[^"]*"><a href="([^"]+)"', response.text
                ):
                    link = index + link.replace("&amp;", "&")
                    if link not in seen:
                        seen.add(link)
                        todo.append(link)
            assert len(seen) >= 8


def test_summaries_answer_only_the_filters_they_keep() -> None:
    from eventwire.store.sql_incident_views import _summary_for

    dates, places = ("date", "date_precision"), ("place_id", "type")
    assert _summary_for(IncidentFilter(type="ASSAULT", since="2019"), dates) == "incident_dates"
    assert _summary_for(IncidentFilter(place="geonames:1"), places) == "incident_place_kinds"
    assert _summary_for(IncidentFilter(place="geonames:1"), dates) is None  # reads incidents
    assert _summary_for(IncidentFilter(since="2019"), places) is None
    # migration 13: an actor's own summary, by date and kind (its timeline, its totals)
    assert _summary_for(IncidentFilter(actor="act_a"), ()) == "incident_actor_dates"
    assert _summary_for(IncidentFilter(actor="act_a", since="2019"), dates) == (
        "incident_actor_dates"
    )
    assert _summary_for(IncidentFilter(actor="act_a"), places) is None
    assert _summary_for(IncidentFilter(actor="act_a", min_fatalities=1), dates) is None
    assert _summary_for(IncidentFilter(min_sources=2), dates) is None


def test_the_map_by_modality_reads_a_covering_index(store: SQLiteStore) -> None:
    """Migration 13: the places of one modality (with dates or not) are read from the
    covering ``incidents_modality_places`` index, never the table row by row."""
    ran: list[tuple[str, list[Any]]] = []
    run = store._all

    def recording(sql: str, args: Any = ()) -> list[Any]:
        ran.append((sql, list(args)))
        return run(sql, args)

    store._all = recording  # type: ignore[method-assign]
    try:
        for flt in (IncidentFilter(modality="reported", since="2019-04"),
                    IncidentFilter(modality="asserted", until="2019-04")):  # fmt: skip
            store.incident_places(flt)
    finally:
        store._all = run  # type: ignore[method-assign]
    grouped = [(sql, args) for sql, args in ran if "FROM incidents" in sql]
    assert len(grouped) == 2
    for sql, args in grouped:
        plan = " ".join(str(r[3]) for r in run("EXPLAIN QUERY PLAN " + sql, args))
        assert "COVERING INDEX incidents_modality_places" in plan, plan
