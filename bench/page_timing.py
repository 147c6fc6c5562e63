"""Time to interactive of each view of the web UI in Chromium, p50/p95 over several loads.

    python bench/page_timing.py                      # the API bench's 1,000,000-event store
    python bench/page_timing.py --db STORE.db --loads 9

The store is the one ``bench/api_latency.py`` writes (built here the same way when it is
missing); it is served by uvicorn in a thread and each load opens the page in a new
browser context (nothing cached), as a first visit does. A view is interactive at the
first frame Chromium paints once the view has drawn its data and the main thread is free
(a ``requestAnimationFrame`` poll from the page itself): the map, the histogram, the
network and the totals of ``/explore``, the network of an actor's page, and for the
server-drawn lists and indexes the first frame after the document is parsed. Times are
milliseconds from the start of navigation, read from the page's ``performance.now()``.
For the explore network it also prints where the time goes: when its data was asked
for and answered (resource timing), when the script had it in hand, had made the
graph's elements, had laid them out and had checked the labels (``network:*`` marks).
Prints figures and the load average of the machine; asserts nothing about time. This
is the one timer of pages (``bench/api_latency.py`` times the API behind them).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from api_latency import _p, add_event_lines, add_incident_lines, add_incidents, build, serve

from eventwire.config import Settings

CHROMIUM = "/usr/bin/chromium"
# page -> {view: the selector that appears once it has drawn its data}; None: the page
# itself, interactive once parsed (its data is in the HTML)
PAGES: dict[str, dict[str, str | None]] = {
    "/explore": {
        "page": None, "totals": "#totals strong", "map": "#map[data-places]",
        "timeline": "#histogram[data-bars]", "network": "#network[data-nodes]",
    },
    "/explore?actor=act_100": {
        "page": None, "map": "#map[data-places]", "timeline": "#histogram[data-bars]",
        "network": "#network[data-nodes]",
    },
    "/explore?acled=Battles&since=2016": {
        "page": None, "map": "#map[data-places]", "timeline": "#histogram[data-bars]",
        "network": "#network[data-nodes]",
    },
    "/": {"page": None},
    "/incidents": {"list": None},
    "/incidents?order=-sources&page=50": {"list": None},
    "/events": {"list": None},
    "/actors": {"index": None},
    "/actors?sort=-killed": {"index": None},
    "/places": {"index": None},
    "/actors/act_0": {"page": None, "network": "#network[data-nodes]"},  # the busiest hub
    "/actors/act_100": {"page": None, "network": "#network[data-nodes]"},
}  # fmt: skip
# run in the page from its first script on: records when each view is first seen drawn, at
# the frame it is painted in (a poll per animation frame runs only while the thread is free)
WATCH = """views => {
  window.__drawn = {};
  const poll = () => {
    for (const [name, selector] of Object.entries(views)) {
      const ready = selector === null ? document.readyState !== "loading"
                                      : document.querySelector(selector) !== null;
      if (ready && !(name in window.__drawn)) window.__drawn[name] = performance.now();
    }
    if (Object.keys(window.__drawn).length < Object.keys(views).length) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}"""
ALL_DRAWN = "n => Object.keys(window.__drawn || {}).length === n && window.__drawn"
# where the explore network's time goes: its request asked and answered (resource timing),
# then the marks explore.js sets (data in hand, elements made, layout run, labels checked)
PHASES = """() => {
  const out = {};
  const r = performance.getEntriesByType("resource").find(e => e.name.includes("/api/network"));
  if (r) { out["net asked"] = r.startTime; out["net answered"] = r.responseEnd; }
  for (const m of performance.getEntriesByType("mark")) {
    if (m.name.startsWith("network:")) out[m.name] = m.startTime;
  }
  return out;
}"""


def time_load(browser: Any, base: str, path: str, views: dict[str, str | None]) -> dict[str, float]:
    """One load of ``path`` in a fresh context: ms from navigation to each view drawn."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(f"({WATCH})({json.dumps(views)})")
    try:
        page.goto(base + path, wait_until="commit", timeout=600_000)
        drawn = page.wait_for_function(ALL_DRAWN, arg=len(views), timeout=600_000).json_value()
        phases = page.evaluate(PHASES) if "network" in views else {}
    finally:
        context.close()
    if errors:
        print(f"  {path}: {errors[0]}", file=sys.stderr)
    return {**{view: float(drawn[view]) for view in views},
            **{phase: float(ms) for phase, ms in sorted(phases.items(), key=lambda p: p[1])}}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=None, help="Store file (default: temp dir).")
    parser.add_argument("--events", type=int, default=1_000_000, help="Events of a new store.")
    parser.add_argument("--loads", type=int, default=7, help="Loads of each page.")
    parser.add_argument("--chromium", default=CHROMIUM, help="Chromium executable.")
    parser.add_argument("--only", nargs="*", default=[], help="Pages containing any of these.")
    parser.add_argument("--exact", action="store_true", help="--only names whole pages.")
    args = parser.parse_args()
    if not Path(args.chromium).exists():
        print(f"page_timing: {args.chromium} missing (apt-get install chromium)", file=sys.stderr)
        return 1
    path = args.db or Path(tempfile.gettempdir()) / f"eventwire-bench-{args.events}.db"
    if not path.exists():
        build(path, args.events)
        add_incidents(path)
        add_event_lines(path)
        add_incident_lines(path)
    from playwright.sync_api import sync_playwright

    base, server = serve(Settings(db=str(path)))
    wanted = (
        (lambda p: p in args.only) if args.exact else (lambda p: any(o in p for o in args.only))
    )
    pages = {p: v for p, v in PAGES.items() if not args.only or wanted(p)}
    timings: dict[tuple[str, str], list[float]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"]
        )
        time_load(browser, base, "/explore", PAGES["/explore"])  # warm the server's caches
        for _ in range(args.loads):  # pages in turn, so a burst of load hits them all alike
            for page_path, views in pages.items():
                for view, ms in time_load(browser, base, page_path, views).items():
                    timings.setdefault((page_path, view), []).append(ms)
        browser.close()
    server.should_exit = True  # type: ignore[attr-defined]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{path.name}, {args.loads} loads of each page, load average {load}")
    print(f"{'page':36} {'view':16} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for (page_path, view), values in timings.items():
        print(f"{page_path:36} {view:16} {_p(values, 0.5):8.0f} {_p(values, 0.95):8.0f}"
              f" {max(values):8.0f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    t0 = time.perf_counter()
    code = main()
    print(f"({time.perf_counter() - t0:.0f} s)")
    sys.exit(code)
