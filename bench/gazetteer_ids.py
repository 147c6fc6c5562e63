"""Lookups of a gazetteer place by its id, without and with the ``place(id)`` index.

Copies the package's gazetteer twice, drops the index from one copy, and times the
lookups by id the gazetteer makes (a district's name by a place's id, a first-level
division's name by its code) for the same ids on both: p50 and p95 milliseconds of a
first lookup by a new instance (its cache empty), the least of three rounds. Prints the
query plan of each."""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.knowledge.gazetteer_build import DEFAULT_PATH, build

QUERY = "SELECT name FROM place WHERE id = ?"


def ids(path: Path, n: int) -> list[str]:
    """Ids of divisions (by their code) and second-level divisions the gazetteer holds."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        rows = con.execute(
            "SELECT id FROM place WHERE id LIKE 'admin1:%' OR id LIKE 'admin2:%' ORDER BY rowid"
        ).fetchall()
    step = max(1, len(rows) // n)
    return [r[0] for r in rows[::step]][:n]


def latency(path: Path, wanted: list[str], rounds: int = 3) -> tuple[float, float]:
    best = [float("inf")] * len(wanted)
    for _ in range(rounds):
        gaz = Gazetteer(path)
        for i, pid in enumerate(wanted):
            code = pid.removeprefix("admin1:")
            t = time.perf_counter()
            gaz.division_name(code) if pid.startswith("admin1:") else gaz.district_name(pid)
            best[i] = min(best[i], (time.perf_counter() - t) * 1000)
        gaz.close()
    best.sort()
    return best[len(best) // 2], best[int(len(best) * 0.95)]


def plan(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        return "; ".join(r[-1] for r in con.execute(f"EXPLAIN QUERY PLAN {QUERY}", ("x",)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ids", type=int, default=300)
    args = ap.parse_args()
    if not DEFAULT_PATH.exists():
        build(DEFAULT_PATH)
    with tempfile.TemporaryDirectory() as tmp:
        with_index, without = Path(tmp) / "with.sqlite", Path(tmp) / "without.sqlite"
        shutil.copy(DEFAULT_PATH, with_index)
        shutil.copy(DEFAULT_PATH, without)
        with sqlite3.connect(without) as con:
            con.execute("DROP INDEX IF EXISTS place_id")
        with sqlite3.connect(with_index) as con:
            con.execute("CREATE INDEX IF NOT EXISTS place_id ON place(id)")
        wanted = ids(with_index, args.ids)
        before, after = latency(without, wanted), latency(with_index, wanted)
        print(f"query plan without the index: {plan(without)}")
        print(f"query plan with the index:    {plan(with_index)}")
    print(f"{len(wanted)} lookups by id, p50 / p95 ms: {before[0]:.3f} / {before[1]:.3f} "
          f"without the index -> {after[0]:.3f} / {after[1]:.3f} with it")  # fmt: skip


if __name__ == "__main__":
    main()
