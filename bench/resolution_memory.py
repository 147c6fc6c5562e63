"""Where a resolution's memory goes: peak RSS per phase of a rebuild and of a refresh.

    python bench/resolution_memory.py [--size 10000] [--store FILE]

Fills a SQLite store with ``--size`` synthetic articles (or reuses ``--store`` when it
holds them), rebuilds it, adds 1,000 articles and refreshes. A thread samples the
process's resident memory every 50 ms; each phase (the actor pass, events, incidents,
relations, the writes and the incidents' write within them) is timed and its peak
printed, so the phase that sets the peak RSS is named. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import eventwire.pipeline as pipeline
import eventwire.resolve as resolve
from eventwire.config import Settings
from eventwire.extract import Resources
from eventwire.store import open_store
from eventwire.store.sql import SQLStore
from eventwire.synthetic import World, synthetic_document

NEW = 1000
PAGE = os.sysconf("SC_PAGE_SIZE")


class Phases:
    """The current phase and the peak resident memory seen in each."""

    def __init__(self) -> None:
        self.current = "start"
        self.peaks: dict[str, float] = {}
        self.seconds: dict[str, float] = {}
        threading.Thread(target=self._sample, daemon=True).start()

    @staticmethod
    def rss_mb() -> float:
        with open(f"/proc/{os.getpid()}/statm") as f:
            return int(f.read().split()[1]) * PAGE / 1e6

    def _sample(self) -> None:
        while True:
            self.peaks[self.current] = max(self.peaks.get(self.current, 0.0), self.rss_mb())
            time.sleep(0.05)

    def wrap(self, owner: Any, name: str, label: str) -> None:
        inner: Callable[..., Any] = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            before, self.current = self.current, label
            t = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - t
                self.peaks[label] = max(self.peaks.get(label, 0.0), self.rss_mb())
                self.current = before

        setattr(owner, name, timed)

    def report(self, title: str) -> None:
        print(f"{title}: peak RSS {max(self.peaks.values()):.0f} MB")
        for label, peak in self.peaks.items():
            if label in self.seconds:
                print(f"  {label:28} {self.seconds[label]:8.1f} s  peak {peak:7.0f} MB")
        self.peaks.clear()
        self.seconds.clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--store", help="a SQLite file to fill (or holding --size articles)")
    args = parser.parse_args()
    phases = Phases()
    for owner, name in ((resolve, "resolve_actors"), (resolve, "resolve_events"),
                        (resolve, "resolve_incidents"), (resolve, "resolve_relations"),
                        (pipeline, "update_actors")):  # fmt: skip
        phases.wrap(owner, name, name)
    for name in ("replace_units", "replace_resolution", "replace_rest", "mention_actors",
                 "_write_incidents"):  # fmt: skip
        phases.wrap(SQLStore, name, "store." + name)
    with tempfile.TemporaryDirectory() as tmp:
        location = args.store or str(Path(tmp) / "memory.db")
        settings = Settings(db=location)
        resources = Resources(settings)
        world = World.make(args.size + NEW)
        store = open_store(settings)
        for start in range(store.count("articles"), args.size, 1000):
            end = min(args.size, start + 1000)
            store.add_documents([synthetic_document(world, n) for n in range(start, end)])
        print(f"{args.size} articles; after loading resources {phases.rss_mb():.0f} MB")
        t = time.perf_counter()
        pipeline.rebuild(store, settings, resources)
        phases.report(f"rebuild, {time.perf_counter() - t:.1f} s")
        store.add_documents(
            [synthetic_document(world, n) for n in range(args.size, args.size + NEW)]
        )
        t = time.perf_counter()
        pipeline.refresh(store, settings, resources)
        phases.report(f"refresh after +{NEW}, {time.perf_counter() - t:.1f} s")
        store.close()


if __name__ == "__main__":
    main()
