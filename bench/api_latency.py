"""p50/p95 latency of the API endpoints, the whole-corpus views and downloads on a
synthetic store (the pages in Chromium: ``bench/page_timing.py``, on the same store).

    python bench/api_latency.py                # 1,000,000 events (built once, then reused)
    python bench/api_latency.py --events 100000 --requests 50

The store is written straight into the schema with executemany (no NLP): actors
with a long-tailed share of events (the busiest holds about a tenth of them, like
Haftar in the Libya corpus), places, articles, relations and quotes; then one
incident record for every fifth event (written through the store with its summaries,
added once to a store built without them). The server is uvicorn in a thread;
requests go through a real HTTP client, one at a time. Prints figures; asserts
nothing about time. A download's total grows with its size, so its lines also print
the time to its first byte (p50, p95), its median size and its throughput (MB a second
of wall clock and of CPU): each download is read chunk by chunk as the server streams it.

    python bench/api_latency.py --postgres     # the same store copied into PostgreSQL
    python bench/api_latency.py --url postgresql://...   # a store filled before, as it is

``--postgres`` starts a throwaway cluster (as the ``postgres`` tests do), copies the
SQLite store's tables into it with ``COPY``, writes the summaries there and vacuums.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import Event, Evidence, Incident, Place, Quote, Resolution, from_dict
from eventwire.store.export_lines import (
    actor_line,
    encode_line,
    event_line,
    incident_line,
    quote_line,
    relation_payload_record,
    stored_article_line,
)
from eventwire.store.pg_cluster import fresh_database, throwaway_cluster
from eventwire.store.sql import ARTICLE_COLUMNS
from eventwire.store.sql_incident_views import ACTOR_TOTAL_COLUMNS, INCIDENT_SUMMARIES
from eventwire.store.sqlite import SQLiteStore

# the old type names a request may give (the API reads them as the pipeline's) ...
TYPES = ["fight", "assault", "consult", "disapprove", "support", "threaten", "protest", "coerce"]
# ... and the PLOVER name the pipeline stores for each (``Ontology.normalise``): fight and
# assault are both ASSAULT, a battle or an attack on civilians, as the ontology codes them
STORED = {t: read_ontology().normalise(t) or t.upper() for t in TYPES}
MODALITIES = ["asserted"] * 6 + ["reported", "alleged"]
ACLED = {"fight": "Battles", "assault": "Violence against civilians", "protest": "Protests"}
PRECISIONS = [("day", 10), ("month", 7), ("year", 4)]
WORDS = [
    "forces",
    "clashed",
    "near",
    "the",
    "city",
    "as",
    "officials",
    "said",
    "talks",
    "would",
    "resume",
    "next",
    "week",
]


def build(path: Path, n_events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    n_actors, n_places = 5000, 500
    n_articles = max(1000, n_events // 50)
    SQLiteStore(path).close()  # schema
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    names = [f"Actor {i} al-Name{i % 97}" for i in range(n_actors)]
    conn.executemany(
        "INSERT INTO actors (id, name, type, country, kb_id, mention_count, article_count,"
        " payload) VALUES (?,?,?,?,?,?,?,?)",
        [
            (
                f"act_{i}", names[i], "armed_group", "LBY", None, 1000 // (i + 1) + 1, 10, json.dumps(
                    {"id": f"act_{i}", "name": names[i], "type": "armed_group", "country": "LBY",
                     "aliases": [f"A{i}", f"Actor{i}"], "mention_count": 1000 // (i + 1) + 1,
                     "article_count": 10, "roles": [], "kb_id": None, "explanation": []}
                ),
            )
            for i in range(n_actors)
        ],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO actor_keys VALUES (?, ?)",
        [(f"act_{i}", k) for i in range(n_actors) for k in (f"actor {i} al name{i % 97}", f"a{i}")],
    )
    places = []
    for i in range(n_places):
        lat, lon = rng.uniform(20, 33), rng.uniform(10, 25)
        places.append((f"geonames:{i}", f"Town {i}", lat, lon))
    conn.executemany(
        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?)",
        [
            (pid, name, lat, lon, "LBY", None, "city", json.dumps(
                {"id": pid, "name": name, "lat": lat, "lon": lon, "country": "LBY",
                 "admin1": None, "precision": "city", "feature": None, "population": None}))
            for pid, name, lat, lon in places
        ],
    )  # fmt: skip
    text = " ".join(rng.choice(WORDS) for _ in range(120)) + "."
    conn.executemany(
        "INSERT INTO articles (id, title, text, published, published_precision) VALUES (?,?,?,?,?)",
        [(f"art_{i}", f"Article {i}", text, "2016-05-01", "day") for i in range(n_articles)],
    )
    weights = [1 / (i + 1) for i in range(n_actors)]
    chunk = 50_000
    for start in range(0, n_events, chunk):
        rows, evidence = [], []
        sources = rng.choices(range(n_actors), weights, k=chunk)
        targets = rng.choices(range(n_actors), weights, k=chunk)
        for j in range(start, min(start + chunk, n_events)):
            k = j - start
            day = rng.randrange(0, 7 * 365)
            iso = time.strftime("%Y-%m-%d", time.gmtime(1388534400 + day * 86400))
            precision, cut = rng.choice(PRECISIONS)
            date = iso[:cut]
            pid, pname, lat, lon = places[rng.randrange(n_places)]
            art = f"art_{rng.randrange(n_articles)}"
            etype, modality = rng.choice(TYPES), rng.choice(MODALITIES)
            src, tgt = f"act_{sources[k]}", f"act_{targets[k]}"
            count = 1 + int(rng.paretovariate(2)) - 1
            killed = int(rng.paretovariate(1.2)) if rng.random() < 0.2 else 0
            counts = {"killed": killed} if killed else {}
            acled = ACLED.get(etype)
            codes = {"acled": {"event_type": acled, "sub_event_type": None}} if acled else {}
            payload = json.dumps(
                {"id": f"evt_{j}", "type": STORED[etype], "codes": codes, "source_actor": src,
                 "target_actor": tgt, "date": date, "date_precision": precision,
                 "location": {"id": pid, "name": pname, "lat": lat, "lon": lon, "country": "LBY",
                              "admin1": None, "precision": "city", "feature": None, "population": None},
                 "negated": False, "modality": modality, "attributed_to": None, "counts": counts,
                 "source_count": count, "qualifiers": [],
                 "evidence": [{"article_id": art, "sentence": text[:80], "char_start": 0, "char_end": 80}]}
            )  # fmt: skip
            rows.append((f"evt_{j}", STORED[etype], src, tgt, date, precision, pid, lat, lon, 0,
                         modality, None, count, payload, killed, 0, 0, acled))  # fmt: skip
            evidence.append(("event", f"evt_{j}", art, 0, 80))
        conn.executemany(
            "INSERT INTO events (id, type, source_actor, target_actor, date, date_precision,"
            " place_id, lat, lon, negated, modality, attributed_to, source_count, payload,"
            " killed, wounded, displaced, acled_type) VALUES"
            " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        conn.executemany("INSERT INTO evidence VALUES (?,?,?,?,?)", evidence)
    relations = []
    for i in range(20_000):
        s, t = rng.choices(range(n_actors), weights, k=2)
        rtype = rng.choice(["support", "oppose", "ally", "fight", "meet"])
        stored = {"id": f"rel_{i}", "source_actor": f"act_{s}", "target_actor": f"act_{t}",
                  "type": rtype, "evidence": [], "negated": False, "modality": "asserted",
                  "contested": False, "first_seen": "2016", "last_seen": "2017",
                  "source_count": 1 + i % 5, "denied_evidence": []}  # fmt: skip
        relations.append((f"rel_{i}", f"act_{s}", f"act_{t}", rtype, 0, "asserted", 0, "2016",
                          "2017", 1 + i % 5, json.dumps(stored),
                          encode_line(relation_payload_record(stored))))  # fmt: skip
    conn.executemany("INSERT INTO relations VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", relations)
    conn.executemany(
        "INSERT INTO quotes (id, speaker, article_id, text, sentence, char_start, char_end)"
        " VALUES (?,?,?,?,?,?,?)",
        [(f"quo_{i}", f"act_{i % 300}", f"art_{i % n_articles}", "We will fight.", text[:80], 0, 80)
         for i in range(20_000)],
    )  # fmt: skip
    conn.commit()
    conn.close()
    with SQLiteStore(path) as store, store._writing():
        store.write_summaries()  # what a resolution write does after its events
    conn = sqlite3.connect(path)
    conn.execute("ANALYZE")
    conn.close()


def retype(path: Path) -> int:
    """The type columns of a store built when the bench wrote the old lowercase names
    (``fight``), set to the pipeline's names (:data:`STORED`), and the summaries of events
    and incidents rewritten from them: what the views filter and count by (the stored
    JSON and export lines keep the old name). Returns how many events changed."""
    with SQLiteStore(path) as store:
        if not store._one("SELECT 1 FROM events WHERE type = ? LIMIT 1", ("fight",)):
            return 0
        with store._writing():
            changed = 0
            for old, new in STORED.items():
                changed += store._execute(
                    "UPDATE events SET type = ? WHERE type = ?", (new, old)
                ).rowcount
                store._execute("UPDATE incidents SET type = ? WHERE type = ?", (new, old))
            store.write_summaries()
            for fill in INCIDENT_SUMMARIES:
                store._execute(f"DELETE FROM {fill}")
                store._execute(f"INSERT INTO {fill} {INCIDENT_SUMMARIES[fill]}")
    conn = sqlite3.connect(path)
    conn.execute("ANALYZE")
    conn.close()
    return changed


def add_incidents(path: Path, every: int = 5) -> int:
    """Incident records for every ``every``-th event (its sides, date, place, killed and
    kind: ``act_0``, the busiest actor, is a side of about a tenth of them), written
    through the store with their summaries, once: a store that has incidents is left be.
    Returns how many it holds."""
    with SQLiteStore(path) as store:
        held = int(store._one("SELECT COUNT(*) FROM incidents")[0])
        if held:
            return held
        rows = store._all(
            "SELECT e.id, e.type, e.acled_type, e.source_actor, e.target_actor, e.date,"
            " e.date_precision, e.modality, e.killed, e.source_count, e.payload FROM events e"
            f" WHERE e.rowid % {every} = 0"
        )
        incidents = []
        for r in rows:
            event = json.loads(r[10])
            loc = event["location"]
            place = Place(loc["id"], loc["name"], loc["lat"], loc["lon"], "LBY", None, "city")
            codes = {"acled": {"event_type": r[2], "sub_event_type": None}} if r[2] else {}
            counts = {"killed": int(r[8])} if r[8] else {}
            evidence = tuple(
                Evidence(e["article_id"], e["sentence"], e["char_start"], e["char_end"])
                for e in event["evidence"]
            )
            incidents.append(
                Incident(f"inc_{r[0][4:]}", r[1], codes, evidence, r[3], r[4], r[5], r[6],
                         place, counts=counts, count_min=dict(counts), count_max=dict(counts),
                         source_count=int(r[9]), events=(r[0],), modality=r[7])
            )  # fmt: skip
        with store._writing():
            store._write_incidents(Resolution(incidents=tuple(incidents)))
    conn = sqlite3.connect(path)
    conn.execute("ANALYZE")
    conn.close()
    return len(incidents)


def add_event_lines(path: Path) -> int:
    """Each event's export line (migration 17, with its incidents since migration 19),
    made from its stored JSON as a store writes it with the event, for the events that
    have none: once (a store built before the lines existed). Returns how many were
    written."""
    conn = sqlite3.connect(path)
    member_of: dict[str, list[str]] = {}
    for event_id, incident_id in conn.execute(
        "SELECT event_id, incident_id FROM incident_events WHERE role = 'member'"
        " ORDER BY event_id, incident_id"
    ):
        member_of.setdefault(event_id, []).append(incident_id)
    conn.close()

    def line(payload: str) -> str:
        event = from_dict(Event, json.loads(payload))
        return event_line(event, member_of.get(event.id, ()))

    return _add_lines(path, "events", line)


def add_incident_lines(path: Path) -> int:
    """Each incident's export line (migration 18), as :func:`add_event_lines`."""
    return _add_lines(path, "incidents", incident_line)


def add_record_lines(path: Path) -> int:
    """The export lines of the articles, actors and quotes that have none (migration 29),
    made from their rows as a store writes them with each: once (a store the bench built
    fills none; a store migrated to 29 has them all). Returns how many were written."""
    return (
        _add_lines(path, "articles", stored_article_line, ARTICLE_COLUMNS)
        + _add_lines(path, "actors", actor_line)
        + _add_lines(path, "quotes", _quote_line, QUOTE_COLUMNS)
    )


QUOTE_COLUMNS = "id, text, article_id, sentence, char_start, char_end, speaker, speaker_description"


def _quote_line(row: tuple[Any, ...]) -> str:
    """A quote's export line from its row (``QUOTE_COLUMNS``)."""
    return quote_line(Quote(*row))


def _add_lines(
    path: Path, table: str, make: Callable[[Any], str], columns: str = "", batch: int = 20_000
) -> int:
    """The ``line`` of each row of ``table`` that has none, made from its ``payload`` (or
    from its ``columns``, a tuple)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    written, last = 0, 0
    while True:
        rows = conn.execute(
            f"SELECT rowid, {columns or 'payload'} FROM {table} WHERE rowid > ? AND line IS NULL"
            " ORDER BY rowid LIMIT ?",
            (last, batch),
        ).fetchall()
        if not rows:
            break
        values = [(r[1:] if columns else r[1]) for r in rows]
        conn.executemany(
            f"UPDATE {table} SET line = ? WHERE rowid = ?",
            [(make(v), r[0]) for v, r in zip(values, rows, strict=True)],
        )
        conn.commit()
        written, last = written + len(rows), rows[-1][0]
    conn.close()
    return written


# the tables the bench writes (everything else is a summary of them)
# the incident write's place articles (the place index's Articles column) are copied as
# the SQLite store wrote them, like the tables they are counted from
COPIED = ("actors", "actor_keys", "places", "articles", "events", "evidence", "relations",
          "quotes", "incidents", "incident_events", "incident_place_articles")  # fmt: skip


def copy_to_postgres(path: Path, url: str) -> None:
    """The SQLite bench store's tables copied into the (empty) PostgreSQL database at
    ``url`` with ``COPY``, then the summaries written there and the tables analysed."""
    from eventwire.store.postgres import PostgresStore

    source = sqlite3.connect(path)
    with PostgresStore(url) as store, store._writing():
        for table in COPIED:
            cursor = source.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cursor.description]
            store._insert(table, columns, iter(cursor))
        store.write_summaries()
        for fill in INCIDENT_SUMMARIES:  # as an incident write does
            store._execute(f"INSERT INTO {fill} {INCIDENT_SUMMARIES[fill]}")
        store._insert(
            "incident_actor_totals", ACTOR_TOTAL_COLUMNS,
            source.execute(
                "SELECT actor_id, COUNT(*), COALESCE(SUM(killed), 0), COALESCE(SUM(wounded), 0),"
                " COALESCE(SUM(displaced), 0) FROM (SELECT id, source_actor AS actor_id, killed,"
                " wounded, displaced FROM incidents WHERE source_actor IS NOT NULL UNION"
                " SELECT id, target_actor, killed, wounded, displaced FROM incidents"
                " WHERE target_actor IS NOT NULL) GROUP BY actor_id ORDER BY actor_id"
            ),
        )  # fmt: skip
    source.close()
    with PostgresStore(url) as store:
        # VACUUM sets the visibility map, as autovacuum does soon after a write: without
        # it the covering indexes' index-only scans read every row from the table too
        store._execute("VACUUM ANALYZE")


def serve(settings: Settings) -> tuple[str, object]:
    """The app on the store, served by uvicorn in a thread: (base URL, server)."""
    base, server, _thread = _serve(settings)
    return base, server


def _serve(settings: Settings) -> tuple[str, Any, threading.Thread]:
    import socket

    import uvicorn

    from eventwire.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=40, help="Requests per endpoint.")
    parser.add_argument("--db", type=Path, default=None, help="Store file (default: temp dir).")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument(
        "--only", nargs="*", default=[], help="Run the endpoints whose name contains any of these."
    )
    parser.add_argument(
        "--postgres", action="store_true",
        help="Copy the store into a throwaway PostgreSQL cluster and measure that.",
    )  # fmt: skip
    parser.add_argument(
        "--cold", action="store_true",
        help="Also time each line's first request on a server just started (a store just "
        "opened: its connection's page cache and the app's caches empty).",
    )  # fmt: skip
    parser.add_argument(
        "--url", default="",
        help="Measure the store at this URL as it is (a PostgreSQL store a copy filled before).",
    )  # fmt: skip
    args = parser.parse_args()
    if args.url:
        measure(Settings(db=args.url), args)
        return 0
    path = args.db or Path(tempfile.gettempdir()) / f"eventwire-bench-{args.events}.db"
    if args.rebuild or not path.exists():
        path.unlink(missing_ok=True)
        t0 = time.perf_counter()
        build(path, args.events)
        print(f"built {path.name}: {args.events:,} events in {time.perf_counter() - t0:.1f}s, "
              f"{path.stat().st_size / 1e6:.0f} MB")  # fmt: skip
    t0 = time.perf_counter()
    print(f"{retype(path):,} events' types renamed ({time.perf_counter() - t0:.1f}s)")
    t0 = time.perf_counter()
    print(f"{add_incidents(path):,} incidents ({time.perf_counter() - t0:.1f}s)")
    t0 = time.perf_counter()
    print(f"{add_event_lines(path):,} events' lines written ({time.perf_counter() - t0:.1f}s)")
    t0 = time.perf_counter()
    print(
        f"{add_incident_lines(path):,} incidents' lines written ({time.perf_counter() - t0:.1f}s)"
    )
    t0 = time.perf_counter()
    print(
        f"{add_record_lines(path):,} articles', actors' and quotes' lines written"
        f" ({time.perf_counter() - t0:.1f}s)"
    )
    if not args.postgres:
        measure(Settings(db=str(path)), args)
        return 0
    with throwaway_cluster() as server:
        url = fresh_database(server)
        t0 = time.perf_counter()
        copy_to_postgres(path, url)
        print(f"copied into PostgreSQL in {time.perf_counter() - t0:.1f}s")
        measure(Settings(db=url), args)
    return 0


def measure(settings: Settings, args: argparse.Namespace) -> None:
    """Every endpoint ``args.requests`` times, one request at a time."""
    import httpx

    base, server = serve(settings)
    rng = random.Random(1)
    busy = [f"act_{i}" for i in range(5)]  # the hubs: tens of thousands of events each
    actor = lambda: f"act_{rng.randrange(5, 5000)}"  # noqa: E731

    def month() -> str:
        m = f"2016-0{rng.randrange(1, 10)}"
        return f"since={m}&until={m}"

    def cursor() -> str:
        """A keyset cursor deep in the store (the API's format: base64 of [date, id])."""
        day = time.strftime(
            "%Y-%m-%d", time.gmtime(1388534400 + rng.randrange(365, 6 * 365) * 86400)
        )
        raw = json.dumps([day, f"evt_{rng.randrange(args.events)}"], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    pages: dict[str, str] = {}

    def page_five(query: str) -> str:
        """The fifth page of 40 actors of the network under ``query`` ("show more" four
        times), its cursor found once by walking the pages before."""
        if query not in pages:
            after = ""
            for _ in range(4):
                got = httpx.get(f"{base}/api/network?top=40{query}{after}", timeout=600).json()
                after = f"&after={got['next_after']}"
            pages[query] = f"/api/network?top=40{query}{after}"
        return pages[query]

    cases = {
        "GET /api/stats": lambda: "/api/stats",
        "GET /api/actors?q=": lambda: f"/api/actors?q=Actor{rng.randrange(5000)}",
        "GET /api/actors/{id} (typical)": lambda: f"/api/actors/{actor()}",
        "GET /api/actors/{id} (hub)": lambda: f"/api/actors/{rng.choice(busy)}",
        "GET /api/events?limit=50": lambda: f"/api/events?limit=50&offset={rng.randrange(0, 1000)}",
        "GET /api/events?actor=": lambda: f"/api/events?actor={actor()}",
        "GET /api/events?actor= (hub)": lambda: f"/api/events?actor={rng.choice(busy)}",
        "GET /api/events?type=&since=&until=": lambda: (
            f"/api/events?type={rng.choice(TYPES)}&since=2016-0{rng.randrange(1, 9)}&until=2016-12"
        ),
        "GET /api/events?bbox=": lambda: "/api/events?bbox=12,25,16,30",
        "GET /api/events?min_sources=3": lambda: "/api/events?min_sources=3",
        "GET /api/events/{id}": lambda: f"/api/events/evt_{rng.randrange(args.events)}",
        "GET /api/relations?actor=": lambda: f"/api/relations?actor={actor()}",
        "GET /api/places": lambda: "/api/places",
        "GET / home page": lambda: "/",
        "GET /actors/{id} page (typical)": lambda: f"/actors/{actor()}",
        "GET /actors/{id} page (hub)": lambda: f"/actors/{rng.choice(busy)}",
        "GET /api/incidents": lambda: f"/api/incidents?page={rng.randrange(1, 20)}",
        "GET /api/incidents?actor= (hub)": lambda: f"/api/incidents?actor={rng.choice(busy)}",
        "GET /events page": lambda: f"/events?type={rng.choice(TYPES)}",
        # whole-corpus views (the data behind /explore) and downloads
        "GET /api/event-list": lambda: f"/api/event-list?page={rng.randrange(1, 20)}",
        "GET /api/event-list?type=&since=": lambda: (
            f"/api/event-list?type={rng.choice(TYPES)}&since=201{rng.randrange(4, 9)}"
        ),
        "GET /api/event-list?actor= (typical)": lambda: f"/api/event-list?actor={actor()}",
        "GET /api/event-list?min_fatalities=10": lambda: "/api/event-list?min_fatalities=10",
        "GET /api/event-list?polarity=negated": lambda: "/api/event-list?polarity=negated",
        "GET /api/event-list?modality=": lambda: (
            f"/api/event-list?modality={rng.choice(['reported', 'alleged'])}"
        ),
        "GET /api/event-list?after= (deep, -date)": lambda: (
            f"/api/event-list?order=-date&after={cursor()}"
        ),
        "GET /api/events?after= (deep, date)": lambda: f"/api/events?order=date&after={cursor()}",
        "GET /api/totals": lambda: "/api/totals",
        "GET /api/filters": lambda: "/api/filters",
        "GET /api/timeline": lambda: "/api/timeline",
        "GET /api/timeline?modality=": lambda: (
            f"/api/timeline?modality={rng.choice(['reported', 'alleged'])}"
        ),
        "GET /api/timeline?polarity=negated": lambda: "/api/timeline?polarity=negated",
        "GET /api/timeline?min_fatalities=5": lambda: "/api/timeline?min_fatalities=5",
        "GET /api/timeline?actor= (typical)": lambda: f"/api/timeline?actor={actor()}",
        "GET /api/timeline?actor= (hub)": lambda: f"/api/timeline?actor={rng.choice(busy)}",
        "GET /api/timeline?actor=&since= (hub)": lambda: (
            f"/api/timeline?actor={rng.choice(busy)}&since=201{rng.randrange(4, 9)}"
        ),
        "GET /api/timeline?type=&since=": lambda: (
            f"/api/timeline?type={rng.choice(TYPES)}&since=201{rng.randrange(4, 9)}"
        ),
        "GET /api/map": lambda: "/api/map",
        "GET /api/map?actor= (typical)": lambda: f"/api/map?actor={actor()}",
        "GET /api/map?modality=&since=": lambda: (
            f"/api/map?modality={rng.choice(['reported', 'alleged'])}&since=201{rng.randrange(4, 9)}"
        ),
        "GET /api/map?acled=": lambda: f"/api/map?acled={rng.choice(sorted(ACLED.values()))}",
        # an ACLED type with and without dates (PROTEST alone carries Protests; ASSAULT
        # carries Battles and Violence against civilians)
        "GET /api/network?acled=Protests": lambda: "/api/network?acled=Protests",
        "GET /api/network?acled=Protests&since=": lambda: (
            f"/api/network?acled=Protests&since=201{rng.randrange(4, 9)}"
        ),
        "GET /api/network?acled=Battles": lambda: "/api/network?acled=Battles",
        "GET /api/network?acled=Battles&since=": lambda: (
            f"/api/network?acled=Battles&since=201{rng.randrange(4, 9)}"
        ),
        "GET /api/map?acled=&since=": lambda: (
            f"/api/map?acled={rng.choice(sorted(ACLED.values()))}&since=201{rng.randrange(4, 9)}"
        ),
        "GET /api/timeline?acled=": lambda: (
            f"/api/timeline?acled={rng.choice(sorted(ACLED.values()))}"
        ),
        "GET /api/timeline?acled=&since=": lambda: (
            f"/api/timeline?acled={rng.choice(sorted(ACLED.values()))}&since=201{rng.randrange(4, 9)}"
        ),
        "GET /api/incidents?acled=": lambda: (
            f"/api/incidents?acled={rng.choice(sorted(ACLED.values()))}"
        ),
        "GET /api/incidents?acled=&since=": lambda: (
            f"/api/incidents?acled={rng.choice(sorted(ACLED.values()))}&since=201{rng.randrange(4, 9)}"
        ),
        "GET /api/map?since=&until= (one month)": lambda: f"/api/map?{month()}",
        "GET /api/network": lambda: "/api/network",
        "GET /api/network?actor= (typical)": lambda: f"/api/network?actor={actor()}",
        "GET /api/network?actor= (hub)": lambda: f"/api/network?actor={rng.choice(busy)}",
        "GET /api/network?polarity=negated": lambda: "/api/network?polarity=negated",
        "GET /api/network?type=&since=": lambda: (
            f"/api/network?type={rng.choice(TYPES)}&since=201{rng.randrange(4, 9)}"
        ),
        "GET /api/network?since=": lambda: f"/api/network?since=201{rng.randrange(4, 9)}",
        "GET /api/network?min_sources=2": lambda: "/api/network?min_sources=2",
        # a kind and a sources floor, with dates or without (migration 24)
        "GET /api/network?type=&min_sources=": lambda: (
            f"/api/network?type={rng.choice(TYPES)}&min_sources={rng.randrange(2, 4)}"
        ),
        "GET /api/network?modality=&since=&min_sources=": lambda: (
            f"/api/network?modality=alleged&since=201{rng.randrange(4, 9)}&min_sources=2"
        ),
        "GET /api/network?since= (a day: cut month)": lambda: (
            f"/api/network?since=201{rng.randrange(4, 9)}-0{rng.randrange(1, 10)}-1{rng.randrange(10)}"
        ),
        "GET /api/network?since=&until=&min_sources=": lambda: (
            f"/api/network?since=201{rng.randrange(4, 7)}-06&until=2019-03&min_sources=2"
        ),
        # ``top`` is at most the UI's page of 40 (a larger one is a 422): "show more" is
        # the next page, by cursor
        "GET /api/network?type=&since=&until=": lambda: (
            f"/api/network?type={rng.choice(TYPES)}&{month()}"
        ),
        "GET /api/network?after= (show more: page 5)": lambda: page_five(""),
        "GET /api/network?after=&since= (page 5)": lambda: page_five("&since=2016"),
        "GET /api/index/actors": lambda: f"/api/index/actors?page={rng.randrange(1, 100)}",
        "GET /api/index/places": lambda: "/api/index/places?sort=-killed",
        "GET /api/index/places?page=": lambda: f"/api/index/places?page={rng.randrange(1, 10)}",
        # under the filter bar: the actors of the selected events (migration 22)
        "GET /api/index/actors?type=&since=": lambda: (
            f"/api/index/actors?type={rng.choice(TYPES)}&since=201{rng.randrange(4, 9)}"
        ),
        "GET /api/index/actors?acled=&since=": lambda: (
            f"/api/index/actors?acled=Battles&since=201{rng.randrange(4, 9)}"
        ),
        "GET /api/index/actors?type=&since= (a day)": lambda: (
            f"/api/index/actors?type={rng.choice(TYPES)}&since=2016-0{rng.randrange(1, 10)}-15"
        ),
        "GET /api/index/places?type=&since=": lambda: (
            f"/api/index/places?type={rng.choice(TYPES)}&since=201{rng.randrange(4, 9)}"
        ),
        "GET /api/download jsonl (typical actor)": lambda: (
            f"/api/download?format=jsonl&actor={actor()}"
        ),
        "GET /api/download csv (type, one month)": lambda: (
            f"/api/download?format=csv&type={rng.choice(TYPES)}&{month()}"
        ),
        "GET /api/download jsonl (type, one month)": lambda: (
            f"/api/download?format=jsonl&type={rng.choice(TYPES)}&{month()}"
        ),
        "GET /api/download geojson (typical actor)": lambda: (
            f"/api/download?format=geojson&actor={actor()}"
        ),
        "GET /api/download graphml (typical actor)": lambda: (
            f"/api/download?format=graphml&actor={actor()}"
        ),
        "GET /api/download csv (one month)": lambda: f"/api/download?format=csv&{month()}",
        "GET /explore page": lambda: f"/explore?type={rng.choice(TYPES)}",
        "GET /actors index page": lambda: f"/actors?page={rng.randrange(1, 100)}",
    }
    only = [c for c in cases if not args.only or any(o in c for o in args.only)]
    # CPU time is the process's (server thread and client): on a shared machine under load
    # the wall clock mostly measures waiting for a core, CPU time what a request costs
    # the machine's load average (one minute) after each line: on a shared machine the
    # wall clock of a line run at load 10 measures the wait for a core, not the request
    cold = f" {'first ms':>8} {'cpu':>8}" if args.cold else ""
    # on PostgreSQL the server's processes spend the queries' CPU, outside this process:
    # their CPU time per request, the mean over the line (a clock tick is 10 ms)
    remote = settings.db.startswith("postgresql")
    # a download's total grows with its size: what an analyst waits for before data flows
    # is its first byte, the rest is throughput (MB a second of wall clock, and of the
    # process's CPU, the median over the line; the median size)
    flows = f" {'1st p50':>8} {'1st p95':>8} {'MB':>6} {'MB/s':>6} {'MB/cpu-s':>8}"
    print(
        f"{'endpoint':44} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cpu p50':>8} {'cpu p95':>8}"
        f" {'load':>5}" + (f" {'srv cpu':>8}" if remote else "") + cold + flows
    )
    # a busy actor's download on a loaded machine: a minute or more of wall clock
    with httpx.Client(base_url=base, timeout=600) as client:
        for name in only:
            make = cases[name]
            first = _first_request(settings, make()) if args.cold else None
            before = _server_cpu(settings.db) if remote else {}
            times, cpu, firsts, sizes = [], [], [], []
            streamed = "/api/download" in name
            for _ in range(args.requests):
                url = make()
                t0, c0 = time.perf_counter(), time.process_time()
                if streamed:  # read as it comes: the first chunk's time, then the rest
                    status, text, ttfb, size = _streamed(client, url, t0)
                    firsts.append(ttfb)
                    sizes.append(size)
                else:
                    r = client.get(url)
                    status, text = r.status_code, r.text
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                if status != 200:
                    print(f"  {url}: HTTP {status} {text[:120]}", file=sys.stderr)
            spent = ""
            if remote:
                after = _server_cpu(settings.db)
                ms = sum(t - before.get(pid, 0.0) for pid, t in after.items())
                spent = f" {ms / args.requests:8.1f}"
            flow = _flow(firsts, sizes, times, cpu) if streamed else ""
            print(f"{name:44} {_p(times, 0.5):8.1f} {_p(times, 0.95):8.1f} {max(times):8.1f}"
                  f" {_p(cpu, 0.5):8.1f} {_p(cpu, 0.95):8.1f} {os.getloadavg()[0]:5.1f}{spent}"
                  + (f" {first[0]:8.1f} {first[1]:8.1f}" if first else "") + flow)  # fmt: skip
    server.should_exit = True  # type: ignore[attr-defined]


def _streamed(client: Any, url: str, t0: float) -> tuple[int, str, float, int]:
    """A download read chunk by chunk as the server sends it: (status, the start of an
    error's text, ms from ``t0`` to the first chunk, bytes)."""
    first, size = 0.0, 0
    with client.stream("GET", url) as r:
        for chunk in r.iter_raw():
            if not size:
                first = (time.perf_counter() - t0) * 1000
            size += len(chunk)
        text = "" if r.status_code == 200 else r.read().decode(errors="replace")
    return r.status_code, text, first, size


def _flow(firsts: list[float], sizes: list[int], times: list[float], cpu: list[float]) -> str:
    """A download line's time to the first byte (p50, p95), its median size in MB and its
    throughput: the median MB a second of wall clock and of CPU."""
    wall = [s / 1e6 / (t / 1000) for s, t in zip(sizes, times, strict=True) if t]
    spent = [s / 1e6 / (c / 1000) for s, c in zip(sizes, cpu, strict=True) if c]
    return (
        f" {_p(firsts, 0.5):8.1f} {_p(firsts, 0.95):8.1f} {_p([s / 1e6 for s in sizes], 0.5):6.2f}"
        f" {_p(wall, 0.5) if wall else 0:6.1f} {_p(spent, 0.5) if spent else 0:8.1f}"
    )


def _server_cpu(url: str) -> dict[int, float]:
    """CPU ms (user and system) spent so far by each server process of the other
    connections to the database at ``url`` (the app's), read from /proc: the server runs
    on this machine."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        pids = [r[0] for r in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )]  # fmt: skip
    tick = 1000 / os.sysconf("SC_CLK_TCK")
    spent: dict[int, float] = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the connection closed meanwhile
            continue
        spent[pid] = (int(fields[11]) + int(fields[12])) * tick  # utime, stime
    return spent


def _first_request(settings: Settings, url: str) -> tuple[float, float]:
    """Wall and CPU ms of ``url`` as the first request of a server just started on the
    store (a new connection: SQLite's page cache and the app's caches empty; the
    operating system's file cache is left as it is, shared with the other work)."""
    import httpx

    base, server, thread = _serve(settings)
    try:
        with httpx.Client(base_url=base, timeout=600) as client:  # its SSL context untimed
            t0, c0 = time.perf_counter(), time.process_time()
            r = client.get(url)
            wall, cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000
        if r.status_code != 200:
            print(f"  {url} (first): HTTP {r.status_code} {r.text[:120]}", file=sys.stderr)
    finally:
        server.should_exit = True
        thread.join()  # the app's lifespan closed the store
    return wall, cpu


def _p(values: list[float], q: float) -> float:
    """The ``q`` quantile (0.5: the median) of ``values``."""
    if q == 0.5:
        return statistics.median(values)
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


if __name__ == "__main__":
    sys.exit(main())
