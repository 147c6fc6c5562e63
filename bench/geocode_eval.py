"""Toponym resolution on gold spans of the geoparsing news corpora: acc@161 km and country accuracy.

    python bench/geocode_eval.py FOLDER [--misses N] [--corpus lgl]
    python bench/geocode_eval.py ACLED_FOLDER --acled 400

FOLDER holds geowebnews.jsonl, lgl.jsonl, trnews.jsonl, geovirus.jsonl (see the
eval sets' README). Every gold toponym with coordinates goes through
``resolve_toponym`` with its article's text as context, as ``eventwire eval`` does,
but over whole files. ``--misses`` prints a sample of wrong answers grouped by
a rough error class to steer work; it never changes the figures.

``--acled N`` runs N ACLED notes through the pipeline instead and compares three
locations with ACLED's (within 25 km, and the country): our first event's, the best
place the note names (any of our place mentions), and none at all. It separates
places we resolve wrongly from events placed wrongly and from notes without events.
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
from eventwire.extract.toponyms import resolve_toponym
from eventwire.knowledge.gazetteer import open_gazetteer

CORPORA = ("lgl", "trnews", "geowebnews", "geovirus")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--corpus", action="append")
    parser.add_argument("--acled", type=int, default=0, help="ACLED notes to run instead")
    args = parser.parse_args()
    if args.acled:
        acled(args.folder, args.acled)
        return
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
                d = (
                    None
                    if place is None or place.lat is None
                    else km(t["lat"], t["lon"], place.lat, place.lon)
                )
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
                    elif place.precision in ("country", "admin1", "region"):
                        cls = f"far {place.precision} point"
                    else:
                        cls = "far namesake/other"
                    classes[cls] += 1
                    misses[f"{corpus}: {cls}"].append(
                        f"{t['name']!r} gold=({t['lat']:.2f},{t['lon']:.2f} {t.get('country') or ''} "
                        f"{t.get('feature_code') or ''}) ours={place and (place.name, place.country, place.precision)}"
                        f" {d and round(d)}km"
                    )
        country = f"{c_right / c_total:.3f}" if c_total else "n/a"
        print(
            f"{corpus:11s} n={total:5d} acc@161={within / total:.3f} country={country} "
            f"({time.perf_counter() - t0:.0f}s) misses: {dict(classes.most_common())}"
        )
    rng = random.Random(0)
    for cls, items in sorted(misses.items()):
        if args.misses:
            print(f"\n== {cls} ({len(items)})")
            for item in rng.sample(items, min(args.misses, len(items))):
                print("  ", item)


def acled(folder: Path, limit: int) -> None:
    from eventwire.evaluate.base import gold_article
    from eventwire.evaluate.sets.acled import MARKER, read
    from eventwire.extract.context import Resources
    from eventwire.pipeline import process_articles

    settings = Settings()
    golds = [g for g in read(folder / MARKER, limit) if g.lat is not None and g.lon is not None]
    notes = list({g.notes: gold_article(g.notes) for g in golds}.values())
    t0 = time.perf_counter()
    docs = {d.article_id: d for d in process_articles(notes, settings, Resources(settings))}
    took = time.perf_counter() - t0
    tally: Counter[str] = Counter()
    for g in golds:
        doc = docs[gold_article(g.notes).id]
        places = [
            pm.place for pm in doc.places if pm.place is not None and pm.place.lat is not None
        ]
        events = [e for e in doc.events if not e.negated]
        ours = events[0].place if events else None
        near = [p for p in places if km(g.lat, g.lon, p.lat, p.lon) <= 25]  # type: ignore[arg-type]
        tally["notes"] += 1
        tally["no event"] += not events
        tally["event within 25 km"] += bool(
            ours and ours.lat is not None and km(g.lat, g.lon, ours.lat, ours.lon) <= 25
        )  # type: ignore[arg-type]
        tally["event country"] += bool(ours and ours.country == g.country)
        tally["a named place within 25 km"] += bool(near)
        tally["a named place in the country"] += any(p.country == g.country for p in places)
        tally["no place named"] += not places
    n = tally.pop("notes")
    print(
        f"ACLED rows: {n} ({len(notes)} notes, {len(notes) / took:.1f} notes/s through the pipeline)"
    )
    for name, count in tally.items():
        print(f"  {name:32s} {count / n:.3f}")


if __name__ == "__main__":
    main()
