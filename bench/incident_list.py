"""p50/p95 latency of the incident list (``/api/incidents`` in each order, deep pages,
filters), an incident's JSON and the ``/incidents`` pages on a synthetic store.

    python bench/incident_list.py                    # 200,000 incidents, 30 requests each
    python bench/incident_list.py --incidents 50000 --requests 50

Incidents are written through the store (no NLP): a long tail of actors, 300 places
whose names share prefixes ("Place 010" to "Place 019" start "Place 01"), dates at day,
month and year precision or none, one to eight reports each. Requests go through the ASGI app in
process (no network). Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.config import Settings
from eventwire.model import Actor, Evidence, Incident, Place, Resolution
from eventwire.store.sqlite import SQLiteStore

TYPES = ["ASSAULT", "FIGHT", "COERCE", "PROTEST", "SUPPORT", "CONSULT"]


def synthetic(n: int, seed: int = 7) -> Resolution:
    rng = random.Random(seed)
    actors = tuple(Actor(f"act_{i}", f"Actor {i}", "armed_group") for i in range(2000))
    places = tuple(
        Place(f"place:{i}", f"Place {i:03d}", 30 + i / 100, 15 + i / 100, "LBY", None, "city")
        for i in range(300)
    )
    incidents = []
    for k in range(n):
        day = f"20{rng.randrange(14, 24)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        precision = rng.choice(["day", "day", "day", "month", "year", None])
        date = {"day": day, "month": day[:7], "year": day[:4], None: None}[precision]
        reports = min(8, int(rng.paretovariate(1.5)))
        evidence = tuple(
            Evidence(f"art_{rng.randrange(n)}", "Forces shelled the town.", 0, 24)
            for _ in range(reports)
        )
        killed = rng.randrange(0, 20)
        incidents.append(
            Incident(f"incident_{k:08d}", rng.choice(TYPES), {}, evidence,
                     f"act_{int(rng.paretovariate(1.1)) % 2000}", None, date, precision,
                     rng.choice(places), counts={"killed": killed},
                     count_min={"killed": killed}, count_max={"killed": killed + rng.randrange(2)},
                     source_count=len({e.article_id for e in evidence}))
        )  # fmt: skip
    return Resolution(actors=actors, places=places, incidents=tuple(incidents))


def write_store(db: Path, incidents: int) -> None:
    """Write ``incidents`` synthetic incidents into a new SQLite store at ``db``, and say
    how long it took."""
    start = time.perf_counter()
    with SQLiteStore(db) as store:
        store.replace_resolution(synthetic(incidents))
    print(f"built {incidents:,} incidents in {time.perf_counter() - start:.1f} s")


def timed(client: TestClient, path: str, requests: int) -> tuple[float, float]:
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        r = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        if r.status_code != 200:
            raise SystemExit(f"{path}: HTTP {r.status_code} {r.text[:200]}")
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "incidents.db"
        write_store(db, args.incidents)
        with TestClient(create_app(Settings(db=str(db)))) as client:
            page = max(1, args.incidents // 200)  # a page three quarters of the way down
            deep = client.get("/api/incidents", params={"limit": 50, "page": page}).json()
            cursor = client.get(
                "/api/incidents", params={"limit": 1, "page": args.incidents // 2}
            ).json()["next_after"]
            paths = {
                "/api/incidents (page 1, newest first)": "/api/incidents",
                "/api/incidents?order=-sources": "/api/incidents?order=-sources",
                "/api/incidents?order=date": "/api/incidents?order=date",
                f"/api/incidents?page={page}": f"/api/incidents?page={page}",
                f"/api/incidents?order=-sources&page={page}": (
                    f"/api/incidents?order=-sources&page={page}"
                ),
                "/api/incidents?after= (deep)": f"/api/incidents?after={cursor}",
                "/api/incidents?actor=": "/api/incidents?actor=act_5",
                "/api/incidents?min_sources=3": "/api/incidents?min_sources=3",
                "/api/incidents?place=Place 001 (one place)": "/api/incidents?place=Place%20001",
                "/api/incidents?place=Place 01 (10 places)": "/api/incidents?place=Place%2001",
                "/api/incidents?place=Place 01&page=3": "/api/incidents?place=Place%2001&page=3",
                "/api/incidents?type=&since=": "/api/incidents?type=assault&since=2020",
                "/api/incidents/{id}": f"/api/incidents/{deep['items'][0]['id']}",
                "/incidents (page)": "/incidents?order=-sources",
                "/incidents/{id} (page)": f"/incidents/{deep['items'][0]['id']}",
            }
            print(f"{'request':58} {'p50 ms':>8} {'p95 ms':>8}")
            for label, path in paths.items():
                p50, p95 = timed(client, path, args.requests)
                print(f"{label:58} {p50:8.1f} {p95:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
