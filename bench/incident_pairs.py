"""Candidate pairs of one busy block: time to give them in the join's order.

    python bench/incident_pairs.py [--sizes 1000,2000,4000,8000] [--days 3]

A side that acts every day files every report of a day under one (family, day, side)
block, so the pairs grow with the square of the block. Each size makes that many
reports naming one side, spread over ``--days`` days and a few towns (so the pairs fall
under many of the order's leading terms, its tags), and times
:func:`~eventwire.resolve.incident_blocks.CandidatePairs.ordered` (making the packed
pairs, then giving them tag by tag) to its last pair. Prints pairs, tags, seconds and
nanoseconds per pair: a flat last column is linear in the pairs. Asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import time

from eventwire.model import Place
from eventwire.resolve.incident_blocks import CandidatePairs
from eventwire.resolve.incidents import Report

TOWNS = [Place(f"geonames:{n}", f"Town {n}", 32.0, 13.0, "LBY", "LY.01", "city") for n in range(6)]


def busy_block(size: int, days: int, seed: int = 11) -> list[Report]:
    """``size`` reports of one side over ``days`` days: a few more sides, towns, undated
    reports (a week's window) and two types, so pairs fall under many tags."""
    rng = random.Random(seed)
    out = []
    for n in range(size):
        day = 739000 + rng.randrange(days)
        undated = rng.random() < 0.1
        sides = frozenset({"hub", *rng.sample(["b", "c", "d", "e"], rng.randint(0, 2))})
        out.append(Report(f"docinc_{n:06d}", f"art{n}", rng.choice(["ASSAULT", "FIGHT"]),
                          (day - 7, day) if undated else (day, day),
                          None if undated else str(day), rng.choice([None, *TOWNS]), sides,
                          family="violence"))  # fmt: skip
    return sorted(out, key=lambda r: r.id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    parser.add_argument("--days", type=int, default=3)
    args = parser.parse_args()
    print(f"{'reports':>8} {'pairs':>12} {'CPU s':>8} {'ns/pair':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        reports = busy_block(size, args.days)
        t = time.process_time()
        pairs = 0
        for _pair in CandidatePairs().ordered(reports):
            pairs += 1
        took = time.process_time() - t
        print(f"{size:8,} {pairs:12,} {took:8.1f} {took / max(pairs, 1) * 1e9:8.0f}")


if __name__ == "__main__":
    main()
