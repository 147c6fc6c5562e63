"""Gazetteer figures: open time, memory, candidate lookups and toponym resolutions per second."""

from __future__ import annotations

import resource
import time

from eventwire.config import Settings
from eventwire.extract.placecontext import document_context
from eventwire.extract.toponyms import resolve_toponym
from eventwire.knowledge.gazetteer import open_gazetteer

NAMES = [
    "Tripoli",
    "Benghazi",
    "Misurata",
    "Derna",
    "Sirte",
    "Sebha",
    "Tobruk",
    "Ras Lanuf",
    "Es Sider",
    "Ajdabiya",
    "Kufra",
    "Washington",
    "Moscow",
    "Cairo",
    "Ankara",
    "Paris",
    "Georgia",
    "Springfield",
    "Alexandria",
    "Libya",
    "Gharyan",
    "Tarhuna",
    "Zawiya",
]


def main() -> None:
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    gaz = open_gazetteer(Settings())
    opened = time.perf_counter() - t0
    t1 = time.perf_counter()
    cold = sum(len(gaz.candidates(n)) > 0 for n in NAMES)
    cold_s = time.perf_counter() - t1
    context = document_context(gaz, ["Libya", "Benghazi", *NAMES])  # as an article's places
    rounds = 200
    t2 = time.perf_counter()
    for _ in range(rounds):
        for name in NAMES:
            resolve_toponym(gaz, name, context)
    warm_s = time.perf_counter() - t2
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"gazetteer file: {gaz.path.stat().st_size / 1e6:.1f} MB")
    print(f"open: {opened * 1000:.1f} ms")
    print(f"first lookups: {len(NAMES) / cold_s:,.0f} names/s ({cold}/{len(NAMES)} found)")
    print(f"resolutions (cached candidates): {rounds * len(NAMES) / warm_s:,.0f} toponyms/s")
    print(f"peak RSS growth: {(rss1 - rss0) / 1024:.1f} MB")


if __name__ == "__main__":
    main()
