"""Where a resolution's memory goes: peak RSS per phase of a rebuild and of a refresh.

    python bench/resolution_memory.py [--size 10000] [--store FILE] [--trace N] [--held]
                                      [--held-actors] [--rebuild-only | --refresh-only]

Fills a SQLite store with ``--size`` synthetic articles (or reuses ``--store`` when it
holds them), rebuilds it, adds 1,000 articles and refreshes. A thread samples the
process's resident memory every 50 ms; each phase (the actor pass, events, incidents,
relations, the writes and the incidents' write within them) is timed and its peak
printed, so the phase that sets the peak RSS is named. With ``--trace N``, the rebuild's
events and incidents passes run under ``tracemalloc`` and the N allocation sites holding
the most at the end of the incidents pass are printed (by line), with what the pass
itself added. With ``--held``, the first resolution stops once its join is done (its first
incident is built) and the structures the events and incidents passes hold are sized
(each object counted once, in the first structure that reaches it), with bytes per
article incident and per kept event mention. With ``--held-actors``, the first resolution
stops once the actor pass has clustered every unit (as it builds the actors) and sizes
the actor pass's locals the same way, with bytes per unit and per mention; with
``--rebuild-only``, no articles are added and nothing is refreshed after it; with
``--refresh-only`` (a ``--store`` a rebuild left), the refresh runs in a process of its own,
as ``bench/scale.py`` runs it (the actor update then starts from what the process holds
after loading, not from what a rebuild left behind). After each
resolution the join's candidate pairs are printed: how many, the most bytes of them held at
once and the bytes written to disk (``incident_blocks.CandidatePairs``). Prints figures;
asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import eventwire.pipeline as pipeline
import eventwire.resolve as resolve
import eventwire.resolve.actors as actors
import eventwire.resolve.event_mentions as event_mentions
import eventwire.resolve.incident_blocks as incident_blocks
import eventwire.resolve.incidents as incidents
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
        self.cpu: dict[str, float] = {}  # CPU seconds (the machine may be shared)
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
            t, cpu = time.perf_counter(), time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - t
                self.cpu[label] = self.cpu.get(label, 0.0) + time.process_time() - cpu
                self.peaks[label] = max(self.peaks.get(label, 0.0), self.rss_mb())
                self.current = before

        setattr(owner, name, timed)

    def report(self, title: str) -> None:
        print(f"{title}: peak RSS {max(self.peaks.values()):.0f} MB")
        for label, peak in self.peaks.items():
            if label in self.seconds:
                print(f"  {label:28} {self.seconds[label]:8.1f} s ({self.cpu[label]:7.1f} CPU s)"
                      f"  peak {peak:7.0f} MB")  # fmt: skip
        self.peaks.clear()
        self.seconds.clear()
        self.cpu.clear()


class PairCounts:
    """The candidate pairs of each join: how many, held at most and written (bytes)."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, int, int]] = []

    def wrap(self) -> None:
        owner = incident_blocks.CandidatePairs
        inner = owner.ordered
        seen = self.seen

        def ordered(pairs: Any, reports: Any) -> Any:
            yield from inner(pairs, reports)
            seen.append((pairs.count, getattr(pairs, "held", 0), getattr(pairs, "written", 0)))

        owner.ordered = ordered  # type: ignore[method-assign]

    def report(self) -> None:
        for count, held, written in self.seen:
            print(f"  join's candidate pairs: {count:,}, held at most {held / 1e6:.1f} MB, "
                  f"written {written / 1e6:.1f} MB")  # fmt: skip
        self.seen.clear()


class Trace:
    """tracemalloc from the start of the events pass to the end of the incidents pass of
    the first resolution: the top allocation sites (by line) held when the join is done
    (its first incident is built) and at the end, and what the incidents pass added."""

    def __init__(self, top: int) -> None:
        self.top, self.before, self.done = top, None, False
        self.done_join = False

    def wrap(self, owner: Any, name: str, at: str) -> None:
        inner: Callable[..., Any] = getattr(owner, name)

        def traced(*args: Any, **kwargs: Any) -> Any:
            if not self.done and at == "events":
                tracemalloc.start()
            if not self.done and at == "incidents" and tracemalloc.is_tracing():
                self.before = tracemalloc.take_snapshot()
                tracemalloc.reset_peak()
            if not self.done_join and at == "joined" and self.before is not None:
                self.print_top("held when the join is done, as its first incident is built",
                               tracemalloc.take_snapshot())  # fmt: skip
                self.done_join = True
            result = inner(*args, **kwargs)
            if not self.done and at == "incidents" and tracemalloc.is_tracing():
                self.report(tracemalloc.take_snapshot())
            return result

        setattr(owner, name, traced)

    def print_top(self, title: str, snapshot: tracemalloc.Snapshot) -> None:
        print(f"  {title}, by line:")
        for stat in snapshot.statistics("lineno")[: self.top]:
            print(f"    {stat.size / 1e6:8.1f} MB {stat.count:10,} blocks  {stat.traceback[0]}")

    def report(self, after: tracemalloc.Snapshot) -> None:
        self.done = True
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"incidents pass: traced peak {peak / 1e6:.0f} MB, {current / 1e6:.0f} MB held "
              "at its end (traced since the events pass)")  # fmt: skip
        self.print_top("held at the end of the incidents pass", after)
        if self.before is not None:
            print("  added by the incidents pass, by line:")
            for diff in after.compare_to(self.before, "lineno")[: self.top]:
                print(f"    {diff.size_diff / 1e6:+8.1f} MB {diff.count_diff:+10,} blocks  "
                      f"{diff.traceback[0]}")  # fmt: skip
        self.before = None


def deep_size(root: object, seen: set[int]) -> int:
    """Bytes of ``root`` and everything it reaches that ``seen`` does not hold yet (modules,
    types and functions, which a store's records never own, are not followed)."""
    total, stack = 0, [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, (type, type(sys), type(deep_size))):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        stack.extend(gc.get_referents(obj))
        if isinstance(obj, dict):  # the collector does not visit a dict's string keys
            stack.extend(dict.keys(obj))  # held ones (a MentionActors makes its keys)
    return total


class Held:
    """Sizes the structures the events and incidents passes hold when the join is done:
    the locals of ``resolve_incidents`` and ``resolve_rest`` (see ``--held``)."""

    ORDER = (  # resolve_incidents' locals, then resolve_rest's, as first reached
        ("reports", "Report objects (sides, sites, places)"),
        ("clusters", "union-find, members, notes, clusters kept apart"),
        ("held_events", "the event of each report's members (MemberEvents)"),
        ("by_event", "reports by event and article"),
        ("incs", "article incidents (DocIncident) with their event mentions"),
        ("pending", "article incidents (DocIncident) with their event mentions"),
        ("by_id", "events by id (Event objects; spilled: their ids and offsets)"),
        ("event_of", "event of each mention"),
        ("told", "article incidents before facets are linked"),
        ("keyed", "kept mentions with their keys, for the mention table"),
        ("rows", "the mention table's rows (MentionRow)"),
        ("quotes", "resolved quotes"),
        ("statistics", "statistics"),
        ("places", "places"),
        ("relations", "relations"),
        ("shared", "shared values (SharedValues)"),
    )

    def wrap(self, owner: Any) -> None:
        inner: Callable[..., Any] = owner.build_incident

        def held(*args: Any, **kwargs: Any) -> Any:
            frames: dict[str, Any] = {}
            frame = sys._getframe(1)
            while frame is not None:
                if frame.f_code.co_name in ("resolve_incidents", "resolve_rest", "_resolve_all"):
                    frames = {**frame.f_locals, **frames}
                frame = frame.f_back
            self.report(frames)
            raise SystemExit(0)

        owner.build_incident = held
        del inner

    def report(self, local: dict[str, Any]) -> None:
        seen: set[int] = set()
        for name in ("resources", "links", "store", "settings"):
            deep_size(local.get(name), seen)  # owned by the process, not the resolution
        reports = len(local["reports"])
        for name in ("mention_actor", "actors", "side_of", "unnamed"):
            size = deep_size(local.get(name), seen)  # the actor pass's, held throughout
            print(f"  {name:11} {size / 1e6:8.1f} MB {size / reports:8.0f} B/report  input")
        incs = [i for i in local.get("incs", local.get("pending", [])) if i is not None]
        mentions = sum(len(i.members) + len(i.statements) for i in incs)
        print(
            f"held when the join is done: {reports:,} article incidents, "
            f"{mentions:,} event mentions in them, {len(local['by_id']):,} events"
        )
        total = 0
        for name, what in self.ORDER:
            if name not in local:
                continue
            size = deep_size(local[name], seen)
            total += size
            print(
                f"  {name:11} {size / 1e6:8.1f} MB {size / reports:8.0f} B/report "
                f"{size / max(mentions, 1):7.0f} B/mention  {what}"
            )
        print(f"  {'all':11} {total / 1e6:8.1f} MB {total / reports:8.0f} B/report")
        table = local["reports"]
        if hasattr(table, "_made"):  # a ReportTable: its columns, and the reports it keeps made
            made = deep_size(table._made, set())
            size = deep_size(table, set()) - made
            print(f"  reports as columns {size / 1e6:6.1f} MB {size / reports:8.0f} B/report, "
                  f"{len(table._made):,} kept made {made / 1e6:.1f} MB")  # fmt: skip
        clusters = local["clusters"]
        # the reports are counted above (a table: not its reports made again as read, which
        # a line's article reaches through the table)
        made = getattr(table, "_made", None)
        seen = ({id(table), *map(id, made.values())} if made is not None
                else {id(r) for r in table})  # fmt: skip
        for name in ("parent", "members", "_members", "notes", "_notes", "apart", "lines",
                     "joined"):  # fmt: skip
            if (held := getattr(clusters, name, None)) is None or callable(held):
                continue  # a method (the compact clusters' members and notes)
            size = deep_size(held, seen)
            print(f"  clusters.{name:8} {size / 1e6:6.1f} MB {size / reports:8.0f} B/report")


class HeldActors:
    """Sizes what the actor pass holds as it builds the actors (see ``--held-actors``):
    the locals of ``resolve_actors``, each object counted once, then the links it makes."""

    SKIP = ("docs", "resources", "kb", "overrides")
    ORDER = ("units", "keys", "graph", "clusters", "built", "stored", "affiliated")

    def wrap(self, owner: Any) -> None:
        inner: Callable[..., Any] = owner.build_actors

        def held(*args: Any, **kwargs: Any) -> Any:
            frame = sys._getframe(1)
            while frame is not None and frame.f_code.co_name != "resolve_actors":
                frame = frame.f_back
            local = dict(frame.f_locals) if frame is not None else {}
            result = inner(*args, **kwargs)
            self.report(local, result.mention_actor)
            raise SystemExit(0)

        owner.build_actors = held

    def report(self, local: dict[str, Any], mention_actor: dict[str, str]) -> None:
        seen: set[int] = set()
        for name in self.SKIP:
            deep_size(local.get(name), seen)  # owned by the process, not the pass
        mentions = max(len(mention_actor), len(local.get("mention_actor", ())), 1)
        # the units: a list of them, or (streamed) the graph of their keys
        units = len(local["graph"]) if "graph" in local else len(local.get("units", ())) or 1
        print(f"actor pass when its clusters are built: {units:,} units, {mentions:,} mentions")
        total = 0
        names = [n for n in self.ORDER if n in local] + [n for n in local if n not in self.ORDER]
        for name, value in [*((n, local[n]) for n in names), ("mention_actor", mention_actor)]:
            if name in self.SKIP:
                continue
            size = deep_size(value, seen)
            total += size
            if size >= 10_000:
                print(f"  {name:14} {size / 1e6:8.1f} MB {size / units:7.0f} B/unit "
                      f"{size / mentions:7.0f} B/mention  {type(value).__name__}")  # fmt: skip
        print(f"  {'all':14} {total / 1e6:8.1f} MB {total / units:7.0f} B/unit "
              f"{total / mentions:7.0f} B/mention")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--store", help="a SQLite file to fill (or holding --size articles)")
    parser.add_argument("--trace", type=int, default=0, help="top allocation sites to print")
    parser.add_argument("--held", action="store_true",
                        help="size what the join holds when it is done, then stop")  # fmt: skip
    parser.add_argument("--rebuild-only", action="store_true", help="no refresh after it")
    parser.add_argument("--held-actors", action="store_true",
                        help="size what the actor pass holds, then stop")  # fmt: skip
    parser.add_argument("--refresh-only", action="store_true",
                        help="--store holds a rebuilt picture: only add and refresh")  # fmt: skip
    args = parser.parse_args()
    if args.held_actors:
        HeldActors().wrap(actors)
    if args.held:
        Held().wrap(incidents)
    if args.trace:
        trace = Trace(args.trace)
        trace.wrap(resolve, "resolve_events", "events")
        trace.wrap(resolve, "resolve_events_by_key", "events")
        trace.wrap(resolve, "resolve_incidents", "incidents")
        trace.wrap(incidents, "build_incident", "joined")
    phases = Phases()
    pairs = PairCounts()
    pairs.wrap()
    for owner, name in ((resolve, "resolve_actors"), (resolve, "resolve_events"),
                        (resolve, "resolve_incidents"), (resolve, "resolve_relations"),
                        (pipeline, "update_actors")):  # fmt: skip
        phases.wrap(owner, name, name)
    # the join's steps that number its candidate pairs (their peaks apart from the join's)
    phases.wrap(incident_blocks, "PairKeys", "join: pair keys")
    phases.wrap(incident_blocks, "_Numbers", "join: pairs numbered")
    # a rebuild's events pass, one grouping key at a time, and a refresh's
    phases.wrap(resolve, "resolve_events_by_key", "resolve_events")
    for name in ("resolve_events_by_key", "resolve_events"):
        if hasattr(event_mentions, name):  # what the refresh's events pass calls
            phases.wrap(event_mentions, name, "resolve_events")
    for name in ("replace_units", "replace_resolution", "replace_rest", "update_rest",
                 "mention_actors", "_write_incidents"):  # fmt: skip
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
        if not args.refresh_only:
            t, cpu = time.perf_counter(), time.process_time()
            pipeline.rebuild(store, settings, resources)
            phases.report(
                f"rebuild, {time.perf_counter() - t:.1f} s ({time.process_time() - cpu:.1f} CPU s)"
            )
            pairs.report()
        if args.rebuild_only:
            store.close()
            return
        store.add_documents(
            [synthetic_document(world, n) for n in range(args.size, args.size + NEW)]
        )
        t, cpu = time.perf_counter(), time.process_time()
        pipeline.refresh(store, settings, resources)
        cpu = time.process_time() - cpu
        phases.report(f"refresh after +{NEW}, {time.perf_counter() - t:.1f} s ({cpu:.1f} CPU s)")
        pairs.report()
        store.close()


if __name__ == "__main__":
    main()
