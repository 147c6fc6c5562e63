"""Scale: store write rate, resolution cost, peak memory and size as a store grows;
then the concurrency check. Prints figures; asserts nothing about time.

    python bench/scale.py [--sizes 1000,10000,100000] [--backends sqlite,postgres]
                          [--concurrency-runs 10]

``+1000 s`` is the refresh after adding 1,000 articles (incremental: the actors the new
units reach, the events of the grouping keys the batch touches, then incidents, relations
and quotes recomputed in full; events and incidents written only where they differ); ``actors s`` is the
part of it before the events pass reads its first document (the incremental actors).
Times are wall clock with CPU seconds of the process in brackets (on a shared machine
the CPU seconds are the figure to compare). ``rebuild MB`` is the peak RSS of the process that fills the store and rebuilds it,
``refresh MB`` that of another process adding the 1,000 and refreshing.

Articles are synthetic document records (eventwire.synthetic: power-law actors,
dates over ten years, a gazetteer-like pool of places); parsing is skipped, its cost
is linear and measured by bench/ingest_throughput.py. Each (backend, size) runs in
a process of its own so its peak RSS is its own. PostgreSQL runs on a throwaway
cluster (or EVENTWIRE_BENCH_POSTGRES, a server URL).

The concurrency check: two processes ingest different sets of articles (each in
three batches, refreshing after each), a third writes articles one at a time as
POST /api/articles does, a fourth reads the picture all along; the final store is
compared with a fresh rebuild of the same articles, N times.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from eventwire.config import Settings
from eventwire.extract import Resources
from eventwire.pipeline import check_picture, rebuild, refresh
from eventwire.store import open_store
from eventwire.store.pg_cluster import fresh_database, throwaway_cluster
from eventwire.synthetic import World, synthetic_document

NEW = 1000  # articles added for the incremental step


def _size_of(location: str) -> int:
    if "://" not in location:
        return sum(p.stat().st_size for p in Path(location).parent.glob(Path(location).name + "*"))
    import psycopg

    with psycopg.connect(location) as conn:
        return int(conn.execute("SELECT pg_database_size(current_database())").fetchone()[0])


def measure_one(location: str, size: int) -> dict[str, float]:
    """Fill a store with ``size`` articles and rebuild: figures (this process's peak RSS
    is the rebuild's)."""
    settings = Settings(db=location)
    resources = Resources(settings)
    world = World.make(size + NEW)
    store = open_store(settings)
    write = 0.0
    for start in range(0, size, 1000):
        items = [synthetic_document(world, n) for n in range(start, min(size, start + 1000))]
        t = time.perf_counter()
        store.add_documents(items)
        write += time.perf_counter() - t
    t, cpu = time.perf_counter(), time.process_time()
    rebuild(store, settings, resources)
    full, full_cpu = time.perf_counter() - t, time.process_time() - cpu
    store.close()
    return {
        "write_per_s": size / write,
        "full_s": full,
        "full_cpu_s": full_cpu,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure_growth(location: str, size: int) -> dict[str, float]:
    """Add NEW articles to a store of ``size`` and refresh: figures (this process's peak
    RSS is the incremental refresh's)."""
    settings = Settings(db=location)
    resources = Resources(settings)
    world = World.make(size + NEW)
    store = open_store(settings)
    items = [synthetic_document(world, n) for n in range(size, size + NEW)]
    store.add_documents(items)
    t, cpu = time.perf_counter(), time.process_time()
    first_read: list[float] = []

    def progress(_n: int) -> None:
        # the incremental refresh updates actors before it reads any document for events
        if not first_read:
            first_read.extend((time.perf_counter() - t, time.process_time() - cpu))

    refresh(store, settings, resources, progress)
    incremental, incremental_cpu = time.perf_counter() - t, time.process_time() - cpu
    t = time.perf_counter()
    refresh(store, settings, resources)
    noop = time.perf_counter() - t
    stats = store.stats()
    store.close()
    return {
        "per_1000_new_s": incremental,
        "per_1000_new_cpu_s": incremental_cpu,
        "actors_s": first_read[0] if first_read else incremental,
        "actors_cpu_s": first_read[1] if first_read else incremental_cpu,
        "noop_refresh_s": noop,
        "refresh_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "size_mb": _size_of(location) / 1e6,
        "events": stats["events"],
        "actors": stats["actors"],
    }


@contextlib.contextmanager
def locations(backend: str, size: int, tmp: Path, server: str | None) -> Iterator[str]:
    if backend == "sqlite":
        yield str(tmp / f"scale-{size}.db")
    else:
        assert server is not None
        yield fresh_database(server)


def run_sizes(sizes: list[int], backends: list[str], server: str | None) -> None:
    print(f"{'backend':9} {'articles':>9} {'write/s':>9} {'rebuild s':>16} {'+1000 s':>14} "
          f"{'actors s':>12} {'no-op s':>8} {'rebuild MB':>10} {'refresh MB':>10} "
          f"{'store MB':>9} {'events':>8} {'actors':>7}")  # fmt: skip
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            for backend in backends:
                f: dict[str, float] = {}
                with locations(backend, size, Path(tmp), server) as location:
                    for phase in ("--one", "--grow"):  # each phase's peak RSS is its own
                        out = subprocess.run(
                            [sys.executable, __file__, phase, location, str(size)],
                            capture_output=True, text=True, env=env, check=True,
                        )  # fmt: skip
                        f.update(json.loads(out.stdout.strip().splitlines()[-1]))
                print(f"{backend:9} {size:>9} {f['write_per_s']:>9.0f} "
                      f"{f['full_s']:>8.1f} ({f['full_cpu_s']:>5.1f}) "
                      f"{f['per_1000_new_s']:>6.1f} ({f['per_1000_new_cpu_s']:>5.1f}) "
                      f"{f['actors_s']:>5.1f} ({f['actors_cpu_s']:>4.1f}) {f['noop_refresh_s']:>8.3f} "
                      f"{f['peak_rss_mb']:>10.0f} {f['refresh_rss_mb']:>10.0f} {f['size_mb']:>9.1f} "
                      f"{f['events']:>8} {f['actors']:>7}", flush=True)  # fmt: skip
                if backend == "sqlite":
                    Path(location).unlink(missing_ok=True)


WRITER = """
import sys
from eventwire.config import Settings
from eventwire.pipeline import refresh
from eventwire.store import open_store
from eventwire.synthetic import World, synthetic_document
location, first, last, batches = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
settings = Settings(db=location)
world = World.make(300)
store = open_store(settings)
step = max(1, (last - first) // batches)
for start in range(first, last, step):
    store.add_documents([synthetic_document(world, n) for n in range(start, min(last, start + step))])
    refresh(store, settings)
store.close()
"""

READER = """
import sys, time
from eventwire.config import Settings
from eventwire.store import open_store
store = open_store(Settings(db=sys.argv[1]))
reads = 0
while time.time() < float(sys.argv[2]):
    store.stats(); store.events(); store.actors()
    reads += 1
print(reads)
"""


def concurrency_check(runs: int, backends: list[str], server: str | None) -> None:
    """Two ingests of 100 articles (three batches each), an article-at-a-time writer (10)
    and a reader on one store, ``runs`` times."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    py = sys.executable
    for backend in backends:
        same = 0
        with tempfile.TemporaryDirectory() as tmp:
            for run in range(runs):
                with locations(backend, run, Path(tmp), server) as location:
                    open_store(Settings(db=location)).close()  # migrate once, up front
                    t = time.perf_counter()
                    writers = [
                        subprocess.Popen([py, "-c", WRITER, location, "0", "100", "3"], env=env),
                        subprocess.Popen([py, "-c", WRITER, location, "100", "200", "3"], env=env),
                        # one article per call, as POST /api/articles stores and refreshes
                        subprocess.Popen([py, "-c", WRITER, location, "200", "210", "10"], env=env),
                    ]
                    reader = subprocess.Popen(
                        [py, "-c", READER, location, str(time.time() + 20)],
                        env=env, stdout=subprocess.PIPE, text=True,
                    )  # fmt: skip
                    codes = [w.wait() for w in writers]
                    reads = int((reader.communicate()[0] or "0").strip() or 0)
                    elapsed = time.perf_counter() - t
                    settings = Settings(db=location)
                    with open_store(settings) as store:
                        result = check_picture(store, settings)
                        articles = store.stats()["articles"]
                    ok = result.same and articles == 210 and codes == [0, 0, 0]
                    same += ok
                    print(f"{backend} run {run + 1}: {articles} articles, writers {codes}, "
                          f"{reads} reads, {elapsed:.1f} s, "
                          f"{'equal to a fresh rebuild' if ok else f'DIFFERS {result}'}",
                          flush=True)  # fmt: skip
        print(f"{backend}: {same}/{runs} runs ended equal to a fresh rebuild")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--concurrency-runs", type=int, default=10)
    parser.add_argument("--one", nargs=2, metavar=("LOCATION", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--grow", nargs=2, metavar=("LOCATION", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one[0], int(args.one[1]))))
        return
    if args.grow:
        print(json.dumps(measure_growth(args.grow[0], int(args.grow[1]))))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s]
    backends = [b for b in args.backends.split(",") if b]
    server_cm: contextlib.AbstractContextManager[str | None]
    if "postgres" not in backends:
        server_cm = contextlib.nullcontext(None)
    elif url := os.environ.get("EVENTWIRE_BENCH_POSTGRES"):
        server_cm = contextlib.nullcontext(url)
    else:
        server_cm = throwaway_cluster()
    with server_cm as server:
        if sizes:
            run_sizes(sizes, backends, server)
        if args.concurrency_runs:
            concurrency_check(args.concurrency_runs, backends, server)


if __name__ == "__main__":
    main()
