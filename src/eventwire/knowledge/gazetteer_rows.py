"""Writing GeoNames rows into a gazetteer: places, admin code names, alternate names.

Used by :mod:`eventwire.knowledge.gazetteer_import`, which reads the files, checks each
line's fields and hands over batches of rows; here they become place rows and the name
keys the build gives a shipped place (:func:`place_keys`), each carrying its source.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from eventwire.knowledge import gazetteer_build
from eventwire.knowledge.gazetteer_build import place_keys
from eventwire.knowledge.placenames import name_key, without_type_word

FEATURE_CLASSES = "AHLPRSTUV"  # GeoNames' nine classes
# Former places and divisions name nothing an event can happen in now; countries are the
# shipped ones (with their demonyms and points), not the dump's.
SKIPPED_CODES = frozenset(
    {"PPLH", "PPLCH", "PPLQ", "PPLW", "PCLH", "ADMDH"}
    | {f"ADM{n}H" for n in range(1, 6)}
    | {"PCL", "PCLD", "PCLF", "PCLI", "PCLIX", "PCLS"}
)
# alternateNames "languages" that are codes or links, not names
NOT_NAMES = frozenset(
    {"link", "post", "iata", "icao", "faac", "tcid", "unlc", "wkdt", "fr_1793", "phon", "piny"}
)


@dataclass
class FileReport:
    file: str
    kind: str  # places / admin1 / admin2 / alternate names
    status: str = "imported"  # imported / replaced / unchanged
    lines: int = 0
    places: int = 0  # place rows added or taken over
    names: int = 0  # name keys written
    skipped: int = 0  # malformed lines
    filtered: int = 0  # rows of other feature classes, historical, or with no place


class Writer:
    """What the three readers share: finding the places rows name and writing name keys
    under a source. A reader says how many fields its lines have, checks a line
    (a message when it is malformed) and writes a batch of checked lines."""

    columns: tuple[int, ...] = ()
    latest: str | None = None  # latest modification date a row gives

    def __init__(self, con: sqlite3.Connection, source: int) -> None:
        self.con = con
        self.source = source

    def check(self, row: list[str]) -> str:
        return ""

    def write(self, rows: list[list[str]], report: FileReport) -> None:
        raise NotImplementedError(f"{type(self).__name__} reads no lines")

    def known(self, gids: Iterable[int]) -> dict[int, tuple[int, int | None]]:
        """geonameid -> (place rowid, its source) for places already in the file."""
        gids = sorted(set(gids))
        found: dict[int, tuple[int, int | None]] = {}
        for i in range(0, len(gids), 500):
            part = gids[i : i + 500]
            marks = ",".join("?" * len(part))
            for gid, row, src in self.con.execute(
                f"SELECT g.gid, g.place, p.source FROM geoname g JOIN place p "
                f"ON p.rowid = g.place WHERE g.gid IN ({marks})",
                part,
            ):
                found[gid] = (row, src)
            missing = [f"geonames:{g}" for g in part if g not in found]
            if missing:
                for pid, row, src in self.con.execute(
                    "SELECT id, rowid, source FROM place WHERE id IN "
                    f"({','.join('?' * len(missing))})",
                    missing,
                ):
                    found[int(pid.split(":", 1)[1])] = (row, src)
        return found

    def add_names(self, named: list[tuple[int, str, list[str], bool]], report: FileReport) -> None:
        """Keys of (place rowid, main name, other names, main name is the place's own).
        A shipped key stays shipped; a key an import wrote belongs to the latest one."""
        names, skels = [], []
        for row, name, others, own in named:
            keys = place_keys(name, others)
            names += [(k, row, m if own else 0, self.source) for k, m in keys.names]
            skels += [(s, row, self.source) for s in keys.skels]
        self.con.executemany(
            "INSERT INTO name (key, place, main, source) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key, place) DO UPDATE SET source = excluded.source, "
            "main = max(main, excluded.main) WHERE name.source IS NOT NULL",
            names,
        )
        self.con.executemany(
            "INSERT INTO skel (key, place, source) VALUES (?, ?, ?) ON CONFLICT (key, place) "
            "DO UPDATE SET source = excluded.source WHERE skel.source IS NOT NULL",
            skels,
        )
        report.names += len(names)


class _Geoname(NamedTuple):
    gid: int
    name: str
    names: list[str]
    lat: float
    lon: float
    feature_class: str
    feature: str
    country: str  # ISO2
    admin1: str
    population: int
    modified: str
    admin2: str  # the second-level division's code within the first ("CC.A1.A2" once joined)


class PlaceReader(Writer):
    """Rows of a GeoNames place file (19 columns)."""

    columns = (19,)

    def __init__(self, con: sqlite3.Connection, source: int, classes: frozenset[str]) -> None:
        super().__init__(con, source)
        self.classes = classes
        self.iso3 = _iso3()
        self.next_row = (con.execute("SELECT max(rowid) FROM place").fetchone()[0] or 0) + 1

    def check(self, row: list[str]) -> str:
        gid, name, lat, lon, fclass = row[0], row[1], row[4], row[5], row[6]
        if not gid.isdigit():
            return f"geonameid {gid!r} is not a number"
        if not name.strip():
            return "empty name"
        try:
            if not (-90 <= float(lat) <= 90 and -180 <= float(lon) <= 180):
                return f"coordinates {lat},{lon} out of range"
        except ValueError:
            return f"coordinates {lat!r},{lon!r} are not numbers"
        if fclass and fclass not in FEATURE_CLASSES:
            return f"feature class {fclass!r} is not one of GeoNames'"
        if row[14] and not row[14].lstrip("-").isdigit():
            return f"population {row[14]!r} is not a number"
        return ""

    def write(self, rows: list[list[str]], report: FileReport) -> None:
        kept = []
        for r in rows:
            if r[18] and (self.latest is None or r[18] > self.latest):
                self.latest = r[18]
            if r[6] in self.classes and r[7] not in SKIPPED_CODES:
                kept.append(
                    _Geoname(
                        int(r[0]),
                        r[1],
                        [r[2], *r[3].split(",")],
                        float(r[4]),
                        float(r[5]),
                        r[6],
                        r[7],
                        r[8],
                        r[10],
                        max(int(r[14] or 0), 0),
                        r[18],
                        r[11],
                    )  # fmt: skip
                )
            else:
                report.filtered += 1
        if not kept:
            return
        known = self.known(g.gid for g in kept)
        divisions = self._shipped_divisions(kept)
        inserts, updates, links, named = [], [], [], []
        for g in kept:
            fields = self._fields(g)
            row, src = known.get(g.gid) or divisions.get(g.gid) or (None, None)
            if row is None:
                row, src = self.next_row, self.source
                self.next_row += 1
                inserts.append((row, f"geonames:{g.gid}", *fields, self.source))
                known[g.gid] = (row, self.source)  # a second row of the id in this file
            elif src is not None:  # an earlier import's: this one takes it over
                updates.append((*fields, self.source, row))
            ours = src is not None  # inserted or taken over, not a shipped row
            links.append((g.gid, row, self.source, g.feature_class, _admin2_code(g), g.feature))
            named.append((row, g.name, g.names, ours))
            report.places += ours
        self.con.executemany(
            "INSERT INTO place (rowid, id, name, lat, lon, country, admin1, precision, feature, "
            "population, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            inserts,
        )
        self.con.executemany(
            "UPDATE place SET name = ?, lat = ?, lon = ?, country = ?, admin1 = ?, "
            "precision = ?, feature = ?, population = ?, source = ? WHERE rowid = ?",
            updates,
        )
        self.con.executemany(
            "INSERT INTO geoname (gid, place, source, class, admin2, feature) "
            "VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (gid) DO UPDATE SET place = excluded.place, source = excluded.source, "
            "class = excluded.class, admin2 = excluded.admin2, feature = excluded.feature",
            links,
        )
        self.add_names(named, report)

    def _fields(self, g: _Geoname) -> tuple:
        """(name, lat, lon, country, admin1, precision, feature, population) of a row.
        A town is a city; a first-level division an admin1; a finer division is read as
        a town's area (as the shipped US counties are) with no population, so a town of
        its name still ranks first; anything else (camp, airport, mountain) is a point."""
        admin1 = f"{g.country}.{g.admin1}" if g.country and g.admin1 else None
        if g.feature_class == "P":
            precision, people = "city", g.population
        elif g.feature == "ADM1":
            precision, people = "admin1", g.population
        elif g.feature_class == "A":
            precision, people = "city", 0
        else:
            precision, people = "point", g.population
        country = self.iso3.get(g.country)
        return (g.name, g.lat, g.lon, country, admin1, precision, g.feature, people)

    def _shipped_divisions(self, kept: list[_Geoname]) -> dict[int, tuple[int, int | None]]:
        """A dump's first-level division that the shipped file has as ``admin1:CC.X``: the
        same place, which keeps its shipped row and gets the dump's names."""
        codes = {f"admin1:{g.country}.{g.admin1}": g.gid for g in kept if g.feature == "ADM1"}
        if not codes:
            return {}
        marks = ",".join("?" * len(codes))
        return {
            codes[pid]: (row, src)
            for pid, row, src in self.con.execute(
                f"SELECT id, rowid, source FROM place WHERE id IN ({marks})", list(codes)
            )
        }


def _admin2_code(g: _Geoname) -> str | None:
    """The full code of the second-level division a row lies in ("SD.29.12345"), as
    ``admin2Codes.txt`` names it; None when the row gives none."""
    if g.country and g.admin1 and g.admin2:
        return f"{g.country}.{g.admin1}.{g.admin2}"
    return None


class AdminReader(Writer):
    """``admin1CodesASCII.txt`` / ``admin2Codes.txt``: code, name, ASCII name, geonameid.
    The names become names of the division's place (linked once all files are in)."""

    columns = (4,)

    def __init__(self, con: sqlite3.Connection, source: int, level: int) -> None:
        super().__init__(con, source)
        self.level = level

    def check(self, row: list[str]) -> str:
        parts = row[0].split(".")
        if len(parts) != self.level + 1 or len(parts[0]) != 2 or not all(parts):
            shape = "CC.X" if self.level == 1 else "CC.X.Y"
            return f"admin code {row[0]!r} is not of the form {shape}"
        if not row[3].isdigit():
            return f"geonameid {row[3]!r} is not a number"
        if not row[1].strip():
            return "empty name"
        return ""

    def write(self, rows: list[list[str]], report: FileReport) -> None:
        self.con.executemany(
            "INSERT INTO admin_code VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
            "name = excluded.name, asciiname = excluded.asciiname, gid = excluded.gid, "
            "source = excluded.source",
            [(r[0], r[1], r[2], int(r[3]), self.source) for r in rows],
        )
        report.places += len(rows)


class AltNameReader(Writer):
    """alternateNamesV2 (10 columns) or the older alternateNames (8): id, geonameid,
    language, name, preferred, short, colloquial, historic[, from, to]. Names of places
    the file does not hold, codes and links, historic names and names that ceased to
    apply are left out."""

    columns = (8, 10)

    def check(self, row: list[str]) -> str:
        if not row[1].isdigit():
            return f"geonameid {row[1]!r} is not a number"
        return ""

    def write(self, rows: list[list[str]], report: FileReport) -> None:
        kept = [
            r
            for r in rows
            if r[2] not in NOT_NAMES
            and r[3].strip()
            and r[7] != "1"
            and not (len(r) == 10 and r[9].strip())
        ]
        report.filtered += len(rows) - len(kept)
        if not kept:
            return
        known = self.known(int(r[1]) for r in kept)
        named: list[tuple[int, str, list[str], bool]] = []
        for r in kept:
            place = known.get(int(r[1]))
            if place is None:
                report.filtered += 1
            else:
                named.append((place[0], r[3], [], False))
        self.add_names(named, report)


def link_admin_names(con: sqlite3.Connection) -> None:
    """The admin code files' names as names of their divisions' places (the place by its
    geonameid, else a first-level division's shipped row), under the codes' source."""
    rows = con.execute(
        "SELECT a.code, a.name, a.asciiname, a.source, coalesce(g.place, p.rowid, d.rowid) "
        "FROM admin_code a LEFT JOIN geoname g ON g.gid = a.gid "
        "LEFT JOIN place p ON p.id = 'geonames:' || a.gid "
        "LEFT JOIN place d ON d.id = 'admin1:' || a.code ORDER BY a.code"
    ).fetchall()
    by_source: dict[int, list[tuple[int, str, list[str], bool]]] = {}
    for _code, name, ascii_name, source, place in rows:
        if place is not None:
            core = without_type_word(name_key(name))
            by_source.setdefault(source, []).append((place, name, [ascii_name, core], False))
    for source, named in sorted(by_source.items()):
        writer = Writer(con, source)
        writer.add_names(named, FileReport("", ""))


def _iso3() -> dict[str, str]:
    """ISO2 -> ISO3 for every country GeoNames codes (the build's country table)."""
    countries = gazetteer_build._package_json("countries.json")
    return {c["iso"]: c["iso3"] for c in countries.values()}
