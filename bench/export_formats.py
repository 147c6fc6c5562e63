"""Time and peak memory of exporting a synthetic store to every format.

    python bench/export_formats.py                 # 10,000 events (and 2,500 for scaling)
    python bench/export_formats.py --events 40000

The store (articles, actors, places, events with evidence and counts, relations) is
made with seeded random choices and written through the store's own API, no NLP. Each
format is exported in a fresh process so that its peak memory is its own: the figures
are wall time, events per second, the peak of Python's allocations during a second run
under tracemalloc, and how much the export raised the process's peak resident size
(which also sees pyarrow's buffers; 0 when it stayed below the peak of the imports). Memory that stays the same from 2,500 to 10,000 events is the
streamed, flat-memory export working. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from eventwire.export import export, formats
from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    Event,
    Evidence,
    Place,
    Relation,
    Resolution,
)
from eventwire.store.sqlite import SQLiteStore

TYPES = [
    ("ASSAULT", {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}),
    ("FIGHT", {"event_type": "Battles", "sub_event_type": "Armed clash"}),
    ("PROTEST", {"event_type": "Protests", "sub_event_type": "Peaceful protest"}),
    ("CONSULT", None),
]
WORDS = ["forces", "clashed", "near", "the", "city", "as", "officials", "said", "residents"]


def build(path: Path, n_events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    n_articles, n_actors = max(1, n_events // 10), max(2, n_events // 50)
    with SQLiteStore(path) as store:
        articles = []
        for i in range(n_articles):
            text = " ".join(rng.choice(WORDS) for _ in range(300)) + f". Report {i}."
            articles.append(
                (
                    Article(f"art_{i:06d}", text, title=f"Report {i}", outlet=f"Outlet {i % 40}",
                            source=f"r{i}.txt", published="2019-04-10", published_precision="day"),
                    DocumentRecords(f"art_{i:06d}"),
                )
            )  # fmt: skip
        store.add_documents(articles)
        actors = [
            Actor(f"actor_{i}", f"Group {i}", rng.choice(["armed_group", "government", "person"]),
                  "LBY", (f"Group {i}",), rng.randint(1, 500), rng.randint(1, 50))
            for i in range(n_actors)
        ]  # fmt: skip
        places = [
            Place(f"geonames:{i}", f"Town {i}", 25 + rng.random() * 8, 10 + rng.random() * 15,
                  "LBY", "Tripoli", rng.choice(["city", "admin1", "point"]))
            for i in range(200)
        ]  # fmt: skip
        events = []
        for i in range(n_events):
            kind, acled = rng.choice(TYPES)
            evidence = tuple(
                Evidence(f"art_{rng.randrange(n_articles):06d}",
                         " ".join(rng.choice(WORDS) for _ in range(25)) + ".", 0, 150)
                for _ in range(rng.randint(1, 3))
            )  # fmt: skip
            events.append(
                Event(
                    f"event_{i:07d}", kind,
                    {"cameo": "19", "plover": kind, **({"acled": acled} if acled else {})},
                    evidence, rng.choice(actors).id, rng.choice(actors).id,
                    f"2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "day",
                    rng.choice(places) if rng.random() < 0.8 else None,
                    counts={"killed": rng.randint(0, 30)} if rng.random() < 0.4 else {},
                    source_count=len(evidence),
                )
            )  # fmt: skip
        relations = [
            Relation(f"rel_{i}", rng.choice(actors).id, rng.choice(actors).id,
                     rng.choice(["support", "oppose", "fight", "meet"]), events[i].evidence,
                     first_seen="2019-01-02", last_seen="2019-11-20",
                     source_count=rng.randint(1, 5))
            for i in range(n_events // 5)
        ]  # fmt: skip
        store.replace_resolution(
            Resolution(actors=tuple(actors), events=tuple(events), relations=tuple(relations),
                       places=tuple(places))
        )  # fmt: skip


def measure_one(db: str, fmt: str, out: str) -> dict[str, float]:
    """Run in a child process: one timed export, then one under tracemalloc (which slows
    allocation several times, so it is not timed)."""
    store = SQLiteStore(db)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    n = export(store, fmt, Path(out))
    seconds = time.perf_counter() - start
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    tracemalloc.start()
    export(store, fmt, Path(out))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    store.close()
    return {
        "records": n,
        "seconds": seconds,
        "py_peak_mb": peak / 1e6,
        "rss_growth_mb": rss_growth / 1e3,
    }


def run(n_events: int, folder: Path) -> dict[str, dict[str, float]]:
    db = folder / f"bench-{n_events}.db"
    start = time.perf_counter()
    build(db, n_events)
    print(f"store of {n_events} events built in {time.perf_counter() - start:.1f} s")
    results = {}
    for fmt, _ in formats():
        out = folder / f"out-{n_events}.{fmt}"
        child = subprocess.run(
            [sys.executable, __file__, "--one", str(db), fmt, str(out)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        results[fmt] = json.loads(child.stdout)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--one", nargs=3, metavar=("DB", "FORMAT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(*args.one)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        small = run(max(1, args.events // 4), Path(tmp))
        large = run(args.events, Path(tmp))
    print(f"\n{'format':8} {'records':>8} {'seconds':>8} {'events/s':>9} {'py peak MB':>10}"
          f" {'rss+ MB':>8} {'py peak x (4x events)':>22}")  # fmt: skip
    for fmt, r in large.items():
        ratio = r["py_peak_mb"] / max(small[fmt]["py_peak_mb"], 1e-9)
        print(f"{fmt:8} {r['records']:>8.0f} {r['seconds']:>8.2f} {args.events / r['seconds']:>9.0f}"
              f" {r['py_peak_mb']:>10.1f} {r['rss_growth_mb']:>8.1f} {ratio:>22.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
