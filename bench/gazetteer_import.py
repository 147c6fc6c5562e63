"""Importing a GeoNames dump: rows/s, peak memory, gazetteer size, lookup latency before/after.

    python bench/gazetteer_import.py [--rows 1000000] [--keep DIR]

Writes a synthetic place file of ``--rows`` rows in GeoNames' 19-column format (zipped as
GeoNames zips a country's file) to a temporary directory, imports it with
``eventwire gazetteer import`` in a child process (a copy of the shipped gazetteer is made
first, as on a user's first import) and prints the figures. Lookup latency is
``Gazetteer.candidates`` on names not seen before by that instance (no cache hit): a
third names of the shipped file, a third names the import adds, a third no place's.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from eventwire.knowledge.gazetteer import Gazetteer
from eventwire.knowledge.gazetteer_build import DEFAULT_PATH, build

SYLLABLE_TEXT = (
    "ba bi bu da di du fa ga gi ha hi ja ka ki ku la li ma mi mu na ni ra ri ru sa si su "
    "sha ta ti tu wa ya za zu kha gha qa dar bir ayn tal kaf jab"
)
SYLLABLES = tuple(SYLLABLE_TEXT.split())
COUNTRIES = ("SD", "SS", "LY", "SY", "YE", "ML", "NE", "TD", "SO", "ET", "CF", "CD", "NG", "BF")
# (class, code, share): towns, divisions and, left out by default, sites and terrain
FEATURES = (
    ("P", "PPL", 0.62),
    ("P", "PPLX", 0.05),
    ("A", "ADM3", 0.05),
    ("A", "ADM2", 0.03),
    ("S", "CMP", 0.05),
    ("S", "AIRF", 0.05),
    ("T", "MT", 0.1),
    ("H", "WAD", 0.05),
)
LATENCY_NAMES = 3000


def synthetic_name(rng: random.Random) -> str:
    words = [
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        for _ in range(rng.choice((1, 1, 1, 2)))
    ]
    return " ".join(words)


def write_dump(path: Path, rows: int, seed: int = 15) -> list[str]:
    """A zipped GeoNames place file of ``rows`` rows; returns some of its town names."""
    rng = random.Random(seed)
    kinds = [(c, f) for c, f, _ in FEATURES]
    weights = [w for _, _, w in FEATURES]
    towns: list[str] = []
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open(path.with_suffix(".txt").name, "w") as out,
    ):
        for i in range(rows):
            name = synthetic_name(rng)
            fclass, code = rng.choices(kinds, weights)[0]
            alts = [synthetic_name(rng) for _ in range(rng.randint(0, 3))]
            alts.append("قرية")  # a name in another script, left out by the import
            cc = rng.choice(COUNTRIES)
            row = [
                str(50_000_000 + i),
                name,
                name,
                ",".join(alts),
                f"{rng.uniform(-5, 35):.5f}",
                f"{rng.uniform(-10, 45):.5f}",
                fclass,
                code,
                cc,
                "",
                f"{rng.randint(1, 20):02d}",
                str(rng.randint(1, 300)),
                "",
                "",
                str(rng.choice((0, 0, rng.randint(100, 20_000)))),
                "",
                str(rng.randint(0, 2000)),
                "Africa/Khartoum",
                "2024-05-01",
            ]
            out.write(("\t".join(row) + "\n").encode())
            if fclass == "P" and len(towns) < LATENCY_NAMES and i % 97 == 0:
                towns.append(name)
    return towns


def shipped_names(path: Path, n: int) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        rows = con.execute(
            "SELECT name FROM place WHERE rowid % 37 = 0 ORDER BY rowid LIMIT ?", (n,)
        ).fetchall()
    return [r[0] for r in rows]


def latency(path: Path, names: list[str], rounds: int = 3) -> tuple[float, float]:
    """p50 and p95 milliseconds of a first lookup of each name by a new instance (its
    cache empty; the file's pages in memory after the first round), the least of
    ``rounds`` rounds for each name, so a pause of a shared machine does not count."""
    best = [float("inf")] * len(names)
    for _ in range(rounds):
        gaz = Gazetteer(path)
        for i, name in enumerate(names):
            t = time.perf_counter()
            gaz.candidates(name)
            best[i] = min(best[i], (time.perf_counter() - t) * 1000)
        gaz.close()
    best.sort()
    return best[len(best) // 2], best[int(len(best) * 0.95)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = ap.parse_args()
    if not DEFAULT_PATH.exists():
        build(DEFAULT_PATH)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        dump = work / "XX.zip"
        gazetteer = work / "gazetteer.sqlite"
        gazetteer.unlink(missing_ok=True)
        t = time.perf_counter()
        towns = write_dump(dump, args.rows)
        print(f"wrote {args.rows:,} rows ({dump.stat().st_size / 1e6:.1f} MB zipped) "
              f"in {time.perf_counter() - t:.1f} s")  # fmt: skip
        rng = random.Random(7)
        n = LATENCY_NAMES // 3
        groups = {
            "names of shipped places": shipped_names(DEFAULT_PATH, n),
            "names the import adds": towns[:n],
            "names of no place": [
                synthetic_name(rng) + " " + synthetic_name(rng) for _ in range(n)
            ],
        }
        before = {k: latency(DEFAULT_PATH, v) for k, v in groups.items()}
        env = {**os.environ, "EVENTWIRE_GAZETTEER": str(gazetteer)}
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", "from eventwire.cli import main; main()"]
            + ["gazetteer", "import", str(dump)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - t
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak, cpu = child.ru_maxrss / 1024, child.ru_utime + child.ru_stime
        after = {k: latency(gazetteer, v) for k, v in groups.items()}
        size = gazetteer.stat().st_size / 1e6
        shipped = DEFAULT_PATH.stat().st_size / 1e6
    print(f"import: {args.rows:,} rows in {seconds:.1f} s = {args.rows / seconds:,.0f} rows/s "
          f"(including the copy of the {shipped:.0f} MB shipped gazetteer); CPU time "
          f"{cpu:.1f} s = {args.rows / cpu:,.0f} rows per CPU second (the machine may be shared)")  # fmt: skip
    print(f"peak RSS of the import process: {peak:.0f} MB")
    print(f"gazetteer size: {shipped:.1f} MB shipped -> {size:.1f} MB after the import")
    print("lookup latency, p50 / p95 ms, before -> after the import:")
    for k, names in groups.items():
        (b50, b95), (a50, a95) = before[k], after[k]
        print(f"  {len(names):,} {k}: {b50:.3f} / {b95:.3f} -> {a50:.3f} / {a95:.3f}")


if __name__ == "__main__":
    main()
