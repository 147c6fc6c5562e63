"""The offline gazetteer: name -> candidate places, from the SQLite file built at setup.

    gaz = open_gazetteer(settings)
    gaz.candidates("Misurata")   # [Place(Misratah, LBY, city), ...] best known first
    gaz.country("LBY")           # the country as a Place with precision "country"

Lookups go through indexed keys (see :mod:`eventwire.knowledge.placenames`)
and are cached per instance, so many lookups cost microseconds each.
"""

from __future__ import annotations

import sqlite3
from difflib import SequenceMatcher
from pathlib import Path

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.knowledge.placenames import (
    ARTICLES,
    SETTLEMENT_WORDS,
    TYPE_WORDS,
    compass_variants,
    final_a_variants,
    name_key,
    skeleton,
    spelling_distance,
    variants,
    without_type_word,
)
from eventwire.model import Place, Seat

NEAR_SPELLING = 0.85  # a likeness this close is the name itself, however small the place
EDITS_PER_LETTER = 0.25  # a loose spelling's edits (spelling_distance) per letter, at most
SAME_SPELLING = 0.5  # edits of a spelling that is the name itself: one vowel or silent letter


class Candidate:
    """A place found for a name, with how it was found (``exact`` main/alternate name or
    ``skeleton`` transliteration match)."""

    __slots__ = ("loose", "match", "place")

    def __init__(self, place: Place, match: str, loose: bool = False) -> None:
        self.place = place
        self.match = match  # "main", "alternate" or "skeleton"
        # a skeleton match only a vowel-tolerant start or a village's near spelling allows:
        # good for reading a name known to be a place, too loose to make a word one
        self.loose = loose

    def __repr__(self) -> str:
        return f"Candidate({self.place.name!r}, {self.place.country}, {self.match})"


class Gazetteer:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._con = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
            )
            self._con.execute("SELECT 1 FROM place LIMIT 1")
        except sqlite3.Error as exc:
            raise ConfigError(f"{self.path}: not a readable gazetteer: {exc}") from exc
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._countries: dict[str, Place] | None = None
        self._capitals: dict[str, Place] | None = None
        self._states: dict[str, tuple[Place, ...]] = {}  # name key -> states_named()
        self._divisions: dict[str, str | None] = {}
        self._admin1: dict[str, Place] | None = None
        self._name_keys: dict[str, str] = {}  # a place's name -> its key (skeleton rows)
        self._named: dict[str, tuple[Candidate, ...]] = {}  # key -> exact matches only
        self._parts: dict[tuple[str, str], tuple[float, float] | None] = {}
        self._has_parts: bool | None = None
        self._seats: dict[str, Seat] | None = None  # division's place id -> its seat

    _COLUMNS = (
        "p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.precision, p.feature, p.population"
    )

    def candidates(self, name: str, limit: int = 25) -> tuple[Candidate, ...]:
        """Places called ``name``: exact key matches, else matches without a division or
        settlement word ("Fars Province", "Rafah City"), else skeleton matches; biggest first."""
        key = name_key(name)
        if key in self._cache:
            return self._cache[key]
        found = dict(self._by_name(key, limit))
        if not found and len(key) >= 4:
            # a short skeleton is shared by hundreds of bigger places: past the biggest, a
            # village still counts when spelt all but the same ("Shadadah", "Ash Shaddadah")
            rows = self._con.execute(
                f"SELECT {self._COLUMNS} FROM skel s JOIN place p ON p.rowid = s.place "
                "WHERE s.key = ? ORDER BY p.population DESC",
                (skeleton(key),),
            ).fetchall()
            for i, row in enumerate(rows):
                k = self._key_of(row[1])
                # the cheap test first: an imported country file puts thousands of
                # villages behind a common skeleton
                if _close_spelling(key, k) and (i < limit or _near(key, k)):
                    # past the biggest likenesses, a village spelt but for one vowel or
                    # silent letter ("Khuzaa", "Khuza'ah") is read as surely as they are
                    strict = (
                        i < limit or spelling_distance(key, k) <= SAME_SPELLING
                    ) and _close_spelling(key, k, loose=False)
                    found.setdefault(row[0], Candidate(_place(row), "skeleton", loose=not strict))
        result = tuple(found.values())
        if len(self._cache) < 200_000:
            self._cache[key] = result
        return result

    def named(self, name: str, limit: int = 25) -> tuple[Candidate, ...]:
        """The candidates :meth:`candidates` finds by a main or alternate name, without
        the transliteration search a name no place has costs: for a caller that takes no
        skeleton match ("a country or big city by its own name")."""
        key = name_key(name)
        if key in self._cache:
            return tuple(c for c in self._cache[key] if c.match != "skeleton")
        if key not in self._named:
            found = tuple(self._by_name(key, limit).values())
            if len(self._named) >= 200_000:
                return found
            self._named[key] = found
        return self._named[key]

    def _by_name(self, key: str, limit: int) -> dict[str, Candidate]:
        """Exact key matches, else matches without a division or settlement word."""
        if key in self._named:
            return {c.place.id: c for c in self._named[key]}
        found: dict[str, Candidate] = {}
        self._exact(variants(key) + final_a_variants(key), limit, found)
        core = without_type_word(key, TYPE_WORDS | SETTLEMENT_WORDS)
        if not found and core:
            self._exact(variants(core), limit, found)
        if not found:
            # "North Kivu", "North Darfur": a division GeoNames names in French ("Nord
            # Kivu") or by the adjective ("Northern Darfur")
            self._exact(compass_variants(key) + compass_variants(core), limit, found)
        return found

    def _key_of(self, name: str) -> str:
        """``name_key(name)``, kept: a common skeleton returns the same places again."""
        key = self._name_keys.get(name)
        if key is None:
            key = name_key(name)
            if len(self._name_keys) < 200_000:
                self._name_keys[name] = key
        return key

    def _exact(self, keys: list[str], limit: int, found: dict[str, Candidate]) -> None:
        for k in keys:
            rows = self._con.execute(
                f"SELECT {self._COLUMNS}, n.main FROM name n JOIN place p ON p.rowid = n.place "
                "WHERE n.key = ? ORDER BY p.population DESC LIMIT ?",
                (k, limit),
            ).fetchall()
            for row in rows:
                found.setdefault(row[0], Candidate(_place(row), "main" if row[-1] else "alternate"))

    def country(self, iso3: str) -> Place | None:
        if self._countries is None:
            rows = self._con.execute(
                f"SELECT {self._COLUMNS} FROM place p WHERE p.precision = 'country'"
            ).fetchall()
            self._countries = {row[4]: _place(row) for row in rows}
        return self._countries.get(iso3)

    def states_named(self, name: str) -> tuple[Place, ...]:
        """The countries whose own name holds ``name`` as a run of whole words, biggest
        first: "Congo" is in the names of the Republic of the Congo and the Democratic
        Republic of the Congo, "Korea" in North Korea's and South Korea's."""
        key = name_key(name)
        if key in self._states:
            return self._states[key]
        self.country("")  # loads the countries
        assert self._countries is not None
        padded = f" {key} "
        found = (
            tuple(
                sorted(
                    (p for p in self._countries.values() if padded in f" {self._key_of(p.name)} "),
                    key=lambda p: (-(p.population or 0), p.id),
                )
            )
            if key
            else ()
        )
        if len(self._states) < 200_000:
            self._states[key] = found
        return found

    def capital(self, iso3: str) -> Place | None:
        """The capital city of a country (ISO 3166 alpha-3)."""
        if self._capitals is None:
            rows = self._con.execute(
                f"SELECT c.country, {self._COLUMNS} FROM capital c JOIN place p ON p.rowid = c.place"
            ).fetchall()
            self._capitals = {row[0]: _place(row[1:]) for row in rows}
        return self._capitals.get(iso3)

    def division(self, code: str) -> Place | None:
        """A first-level division as a place, by its GeoNames code (``ET.53`` -> Tigray)."""
        if self._admin1 is None:
            rows = self._con.execute(
                f"SELECT {self._COLUMNS} FROM place p WHERE p.precision = 'admin1' "
                "AND p.id LIKE 'admin1:%'"
            ).fetchall()
            self._admin1 = {row[0].removeprefix("admin1:"): _place(row) for row in rows}
        return self._admin1.get(code)

    def division_name(self, code: str) -> str | None:
        """The name of a first-level division by its GeoNames code (``LY.77`` -> Tripoli);
        given a place's id instead (``geonames:...``, ``admin2:...``: ids hold a colon,
        codes never do), the name of the second-level division the place lies in
        (:meth:`district_name`), so one callable fills ACLED's ``admin1`` and ``admin2``."""
        if ":" in code:
            return self.district_name(code)
        if code not in self._divisions:
            row = self._con.execute(
                "SELECT name FROM place WHERE id = ? AND precision = 'admin1'", ("admin1:" + code,)
            ).fetchone()
            self._divisions[code] = row[0] if row else None
        return self._divisions[code]

    def district_name(self, place_id: str) -> str | None:
        """The second-level division (district, county) a place lies in, by the place's id:
        the place itself when it is one (a shipped US county, an imported ``ADM2``), else
        the division a GeoNames row gave it, by the name ``admin2Codes.txt`` gives its code
        (the code when that file was not imported); None when nothing says."""
        if place_id not in self._divisions:
            self._divisions[place_id] = self._district(place_id)
        return self._divisions[place_id]

    def _district(self, place_id: str) -> str | None:
        kind, _, ident = place_id.partition(":")
        if kind == "admin2":  # a shipped second-level division
            row = self._con.execute("SELECT name FROM place WHERE id = ?", (place_id,)).fetchone()
            return str(row[0]) if row else None
        if kind != "geonames" or not ident.isdigit() or not self._has_table("geoname"):
            return None  # the shipped gazetteer gives a town no district
        row = self._con.execute(
            "SELECT p.name, p.feature, g.admin2 FROM geoname g JOIN place p ON p.rowid = g.place "
            "WHERE g.gid = ?",
            (int(ident),),
        ).fetchone()
        if row is None or (row[1] != "ADM2" and not row[2]):
            return None
        if row[1] == "ADM2":
            return str(row[0])
        named = self._con.execute(
            "SELECT name FROM admin_code WHERE code = ?", (row[2],)
        ).fetchone()
        return str(named[0]) if named else str(row[2])

    def part_point(self, whole_id: str, adjective: str) -> tuple[float, float] | None:
        """The point of the part of a country or first-level division a direction's
        adjective names ("eastern" of ``country:UKR``), worked out from its towns when the
        gazetteer was built (:mod:`eventwire.knowledge.gazetteer_parts`); None when the
        part holds no town, or the gazetteer was built before parts had points."""
        key = (whole_id, adjective)
        if key not in self._parts:
            if self._has_parts is None:
                self._has_parts = self._has_table("part")
            row = (
                self._con.execute(
                    "SELECT lat, lon FROM part WHERE whole = ? AND direction = ?", key
                ).fetchone()
                if self._has_parts
                else None
            )
            self._parts[key] = (float(row[0]), float(row[1])) if row else None
        return self._parts[key]

    def seat(self, division_id: str) -> Seat | None:
        """The seat of a division (its place id), when an imported dump's feature codes
        told it (:mod:`eventwire.knowledge.gazetteer_seats`); None otherwise, and always
        for the shipped gazetteer, whose extract keeps no such codes."""
        if self._seats is None:
            self._seats = {}
            if self._has_table("seat"):
                for division, pid, name, lat, lon in self._con.execute(
                    "SELECT s.division, p.id, p.name, p.lat, p.lon FROM seat s "
                    "JOIN place p ON p.rowid = s.place ORDER BY s.division"
                ):
                    self._seats[division] = Seat(name, float(lat), float(lon), pid)
        return self._seats.get(division_id)

    def _has_table(self, table: str) -> bool:
        found = self._con.execute(
            "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?", (table,)
        ).fetchone()
        return found is not None

    def close(self) -> None:
        self._con.close()


def _near(a: str, b: str) -> bool:
    """A likeness of at least NEAR_SPELLING (the quick upper bounds first)."""
    m = SequenceMatcher(None, a, b)
    return (
        m.real_quick_ratio() >= NEAR_SPELLING
        and m.quick_ratio() >= NEAR_SPELLING
        and m.ratio() >= NEAR_SPELLING
    )


def _close_spelling(a: str, b: str, loose: bool = True) -> bool:
    """Transliterations of one name start alike, are of similar length and have as many
    words, each starting alike ("Sheikh Zuweid" is "Shaykh Zuwayd"; "North Africa" is no
    "North Fork", "Soviet Union" no "Southaven"). Vowels are written as heard, or not at
    all: "Quamishli" is "Qamishli", "Jandairis" "Jindayris", "Ein Issa" "Ayn Isa" (only when
    ``loose``)."""
    if abs(len(a) - len(b)) > max(2, len(a) // 4):
        return False  # the cheap tests first: _same_start may compare the whole spellings
    wa, wb = ([w for w in k.split() if w not in ARTICLES] for k in (a, b))  # "Busra esh-Sham"
    return (
        len(wa) == len(wb)
        and all(x[0] == y[0] or (loose and _alike(x[0], y[0])) for x, y in zip(wa, wb, strict=True))
        and _same_start(a, b, loose)  # it may compare the whole spellings
        # one skeleton holds unrelated names: a transliteration differs in few letters for
        # its length ("Misurata" is "Misratah"; "Huamanga" is no "Huimin", "Lauricocha" no
        # "Larkhall")
        and spelling_distance(a, b) <= EDITS_PER_LETTER * max(len(a), len(b))
    )


_VOWELS = frozenset("aeiouyw")  # y and w stand for long vowels ("Ayn", "Zuwayd")


def _alike(x: str, y: str) -> bool:
    return x == y or (x in "aeiou" and y in "aeiou")


def _same_start(a: str, b: str, loose: bool = True) -> bool:
    """The same two first letters; or the same first letter (any vowel for a vowel) and a
    vowel written otherwise or dropped after it, in spellings alike as a whole (a skeleton
    match may be another name's: "Swani" is no "Seoul")."""
    if a[:2] == b[:2]:
        return True
    if not loose or len(a) < 2 or len(b) < 2 or not _alike(a[0], b[0]):
        return False
    return (a[1] in _VOWELS or b[1] in _VOWELS) and SequenceMatcher(None, a, b).ratio() >= 0.75


def _place(row: tuple) -> Place:
    return Place(
        id=row[0],
        name=row[1],
        lat=row[2],
        lon=row[3],
        country=row[4],
        admin1=row[5],
        precision=row[6],
        feature=row[7],
        population=row[8] or None,
    )


def open_gazetteer(settings: Settings) -> Gazetteer:
    """The gazetteer named by ``settings.gazetteer``, else the package's (built if missing)."""
    if settings.gazetteer:
        path = Path(settings.gazetteer)
        if not path.exists():
            raise ConfigError(
                f"gazetteer file not found: {path} (`eventwire gazetteer import` makes it)"
            )
        return Gazetteer(path)
    from eventwire.knowledge.gazetteer_build import DEFAULT_PATH, build

    if not DEFAULT_PATH.exists():
        build(DEFAULT_PATH)
    return Gazetteer(DEFAULT_PATH)


def gazetteer_stamp(settings: Settings) -> tuple[str, int, int] | None:
    """The file ``settings.gazetteer`` names, with its modification time (ns) and size;
    ``None`` for the shipped gazetteer, which no import writes. An import into the file
    changes the stamp, so a process-wide cache of loaded data keyed on it (the
    pipeline's) opens the gazetteer afresh instead of serving what it held before."""
    if not settings.gazetteer:
        return None
    path = Path(settings.gazetteer)
    try:
        st = path.stat()
    except OSError:
        return (str(path), 0, 0)  # missing: open_gazetteer says so
    return (str(path.resolve()), st.st_mtime_ns, st.st_size)
