"""p50/p95 latency of the whole-corpus views that count incidents (``/api/totals``,
``/api/timeline``, ``/api/map``, the actor and place indexes, an actor's and a place's
page) on a synthetic store of incident records, unfiltered and under typical filters.

    python bench/incident_views.py                    # 200,000 incidents, 30 requests each
    python bench/incident_views.py --incidents 50000 --requests 50

The store is the one ``bench/incident_list.py`` writes (a long tail of actors, ``act_1``
a hub in about half the incidents; 300 places; dates at day, month and year precision or
none). Requests go through the ASGI app in process. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from fastapi.testclient import TestClient
from incident_list import timed, write_store

from eventwire.api import create_app
from eventwire.config import Settings

PATHS = [
    "/api/totals",
    "/api/timeline",
    "/api/timeline?type=assault&since=2020-01",
    "/api/timeline?actor=act_1",
    "/api/timeline?min_fatalities=10",
    "/api/timeline?place=Place%2001",
    "/api/map",
    "/api/map?since=2021&until=2021",
    "/api/map?actor=act_7",
    "/api/index/actors",
    "/api/index/places",
    "/actors/act_1",
    "/places/place:1",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "views.db"
        write_store(db, args.incidents)
        with TestClient(create_app(Settings(db=str(db)))) as client:
            print(f"{'request':<48} {'p50 ms':>9} {'p95 ms':>9}")
            for path in PATHS:
                p50, p95 = timed(client, path, args.requests)
                print(f"{path:<48} {p50:>9.1f} {p95:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
