"""Toponym resolution on gold spans of the geoparsing news corpora: acc@161 km and country accuracy.

    python bench/geocode_eval.py FOLDER [--misses N] [--corpus lgl]

FOLDER holds geowebnews.jsonl, lgl.jsonl, trnews.jsonl, geovirus.jsonl (see the
eval sets' README). Every gold toponym with coordinates goes through
``resolve_toponym`` with its article's text as context, as ``eventwire eval`` does,
but over whole files. ``--misses`` prints a sample of wrong answers grouped by
a rough error class to steer work; it never changes the figures.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

from eventwire.config import Settings
from eventwire.evaluate.places import country_iso3
from eventwire.extract.places import resolve_toponym
from eventwire.knowledge.gazetteer import open_gazetteer

CORPORA = ("lgl", "trnews", "geowebnews", "geovirus")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--corpus", action="append")
    args = parser.parse_args()
    gaz = open_gazetteer(Settings())
    misses: dict[str, list[str]] = defaultdict(list)
    for corpus in args.corpus or CORPORA:
        t0 = time.perf_counter()
        within = total = c_right = c_total = 0
        classes: Counter[str] = Counter()
        for line in (args.folder / f"{corpus}.jsonl").open(encoding="utf-8"):
            rec = json.loads(line)
            for t in rec.get("toponyms") or ():
                if t.get("lat") is None or t.get("lon") is None:
                    continue
                start = t.get("start_corrected", t.get("start"))
                if start is None or start < 0:
                    continue
                place = resolve_toponym(gaz, t["name"], rec["text"])
                total += 1
                d = None if place is None or place.lat is None else km(t["lat"], t["lon"], place.lat, place.lon)
                ok = d is not None and d <= 161
                within += ok
                gold_cc = country_iso3(t.get("country"))
                if gold_cc:
                    c_total += 1
                    c_right += place is not None and place.country == gold_cc
                if not ok:
                    if place is None:
                        cls = "not found"
                    elif gold_cc and place.country != gold_cc:
                        cls = "wrong country"
                    elif place.precision in ("country", "admin1"):
                        cls = f"far {place.precision} point"
                    else:
                        cls = "far namesake/other"
                    classes[cls] += 1
                    misses[f"{corpus}: {cls}"].append(
                        f"{t['name']!r} gold=({t['lat']:.2f},{t['lon']:.2f} {t.get('country') or ''} "
                        f"{t.get('feature_code') or ''}) ours={place and (place.name, place.country, place.precision)}"
                        f" {d and round(d)}km")
        country = f"{c_right / c_total:.3f}" if c_total else "n/a"
        print(f"{corpus:11s} n={total:5d} acc@161={within / total:.3f} country={country} "
              f"({time.perf_counter() - t0:.0f}s) misses: {dict(classes.most_common())}")
    rng = random.Random(0)
    for cls, items in sorted(misses.items()):
        if args.misses:
            print(f"\n== {cls} ({len(items)})")
            for item in rng.sample(items, min(args.misses, len(items))):
                print("  ", item)


if __name__ == "__main__":
    main()
