"""Importing GeoNames dumps into the user's gazetteer, so village-level names resolve.

    report = import_dumps(["SD.zip", "admin1CodesASCII.txt"], settings)
    info = gazetteer_info(settings)  # in gazetteer_info

The files are read as GeoNames publishes them (https://download.geonames.org/export/dump/):
place files of 19 tab-separated columns (``allCountries.zip``, a country's ``XX.zip``,
``cities500.zip`` ..., or their ``.txt``), ``admin1CodesASCII.txt`` and ``admin2Codes.txt``
(code, name, ASCII name, geonameid) and ``alternateNamesV2.zip`` (or the older
``alternateNames``, or a country's file of them). Zips are read line by line without
unpacking; rows go in by batches, so memory stays flat whatever the file's size.

The target is the file the ``gazetteer`` setting names, never the package's: on the first
import the shipped gazetteer is copied there, then the dumps are added to the copy. A
copy, not an overlay, because lookups then stay one indexed query on one file, exactly as
the resolver makes them; its cost is the shipped file's size (about 40 MB) once.

Each place gets the keys the build gives a shipped one (:func:`place_keys`), and the
build's rule for a town GeoNames holds under two spellings
(:func:`gazetteer_build.one_town_twice`) runs over the names an import wrote. A place
already in the file keeps its row: a shipped one gets the dump's names only, one an
earlier dump brought is taken over by the later dump. Every row and name an import adds
carries its source, so a newer version of a file replaces what the older one brought,
and the same file twice changes nothing.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, NamedTuple

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.knowledge import gazetteer_build
from eventwire.knowledge.gazetteer_parts import write_parts
from eventwire.knowledge.gazetteer_rows import (
    FEATURE_CLASSES,
    AdminReader,
    AltNameReader,
    FileReport,
    PlaceReader,
    Writer,
    link_admin_names,
)
from eventwire.knowledge.gazetteer_seats import write_seats

DEFAULT_CLASSES = "PA"  # populated places and administrative divisions
BATCH = 5000
CACHE_KB = 64 * 1024  # name keys go in in no order: a bigger page cache saves re-reads
PROGRESS_EVERY = 20_000  # lines between progress calls

IMPORT_SCHEMA = """
CREATE TABLE IF NOT EXISTS source (
    id INTEGER PRIMARY KEY, file TEXT, kind TEXT, size INTEGER, sha256 TEXT,
    mtime TEXT, data_date TEXT, classes TEXT, lines INTEGER, places INTEGER, names INTEGER,
    skipped INTEGER
);
CREATE TABLE IF NOT EXISTS geoname (
    gid INTEGER PRIMARY KEY, place INTEGER, source INTEGER, class TEXT, admin2 TEXT,
    feature TEXT
);
CREATE TABLE IF NOT EXISTS admin_code (
    code TEXT PRIMARY KEY, name TEXT, asciiname TEXT, gid INTEGER, source INTEGER
);
CREATE INDEX IF NOT EXISTS place_id ON place(id);
CREATE INDEX IF NOT EXISTS place_source ON place(source);
CREATE INDEX IF NOT EXISTS geoname_source ON geoname(source);
"""
# place, name and skel rows the build wrote have no source (NULL): the shipped gazetteer.
# (Names are not indexed by source: only replacing a file reads them that way, in one scan.)
ADDED_COLUMNS = (("place", "source"), ("name", "source"), ("skel", "source"))


@dataclass(frozen=True)
class Problem:
    """A line skipped: ``file:line: what is wrong``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Progress:
    file: str
    done: int  # bytes read (uncompressed)
    total: int
    lines: int


@dataclass
class ImportReport:
    gazetteer: Path
    copied_from: Path | None = None  # the shipped file, when this import made the copy
    files: list[FileReport] = field(default_factory=list)

    def summary(self) -> list[str]:
        lines = [f"gazetteer: {self.gazetteer}"]
        if self.copied_from is not None:
            lines.append(f"  made from a copy of {self.copied_from}")
        for f in self.files:
            if f.status == "unchanged":
                lines.append(f"{f.file} ({f.kind}): unchanged, already imported")
                continue
            lines.append(
                f"{f.file} ({f.kind}): {f.status}; {f.lines:,} lines, {f.places:,} "
                f"{'codes' if f.kind.startswith('admin') else 'places'}, {f.names:,} name keys, "
                f"{f.filtered:,} rows left out, {f.skipped:,} malformed lines skipped"
            )
        return lines


ProblemHandler = Callable[[Problem], None]
ProgressHandler = Callable[[Progress], None]


class _Dump(NamedTuple):
    path: Path
    kind: str
    member: str | None  # the text file inside a zip


class ProgressLog:
    """An import's progress and malformed lines as text for a person, handed to ``write``:
    on a terminal one line rewritten in place, else a line every ``every`` seconds; the
    first ``max_problems`` malformed lines, then how many more there were."""

    def __init__(
        self,
        write: Callable[[str], object],
        terminal: bool,
        every: float = 10.0,
        max_problems: int = 50,
    ) -> None:
        self.write, self.terminal, self.every = write, terminal, every
        self.max_problems = max_problems
        self.problems = 0
        self._last = 0.0
        self._open_line = False

    def progress(self, p: Progress) -> None:
        now = time.monotonic()
        if now - self._last < (0.2 if self.terminal else self.every) and p.done < p.total:
            return
        self._last = now
        share = 100 * p.done / p.total if p.total else 100.0
        text = f"{p.file}: {share:5.1f}% of {p.total / 1e6:,.1f} MB, {p.lines:,} lines"
        if self.terminal:
            self.write(f"\r{text}")
            self._open_line = True
        else:
            self.write(text + "\n")

    def problem(self, p: Problem) -> None:
        self.problems += 1
        if self.problems <= self.max_problems:
            self._end_line()
            self.write(f"skipped {p}\n")

    def _end_line(self) -> None:
        if self._open_line:
            self.write("\n")
            self._open_line = False

    def __enter__(self) -> ProgressLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self._end_line()
        if self.problems > self.max_problems:
            self.write(f"... and {self.problems - self.max_problems:,} more malformed lines\n")


def import_target(settings: Settings) -> Path:
    """The file imports write to: the ``gazetteer`` setting, which must not be the shipped one."""
    if not settings.gazetteer:
        raise ConfigError(
            "no gazetteer file to import into: set EVENTWIRE_GAZETTEER (or --gazetteer) to a "
            "path; the first import copies the shipped gazetteer there"
        )
    path = Path(settings.gazetteer)
    if path.resolve() == gazetteer_build.DEFAULT_PATH.resolve():
        raise ConfigError(f"{path}: is the shipped gazetteer; import into a file of your own")
    return path


def import_dumps(
    paths: Iterable[str | Path],
    settings: Settings,
    *,
    feature_classes: str = DEFAULT_CLASSES,
    force: bool = False,
    base: Path | None = None,
    on_problem: ProblemHandler | None = None,
    on_progress: ProgressHandler | None = None,
) -> ImportReport:
    """Import GeoNames files into the gazetteer the settings name (made from ``base``,
    the shipped gazetteer by default, when it does not exist yet). Place files go first,
    then admin codes, then alternate names, whatever the order given. A file already
    imported with the same content and feature classes is left alone unless ``force``."""
    classes = _classes(feature_classes)
    dumps = sorted((_identify(Path(p)) for p in paths), key=lambda d: _KIND_ORDER[d.kind])
    target = import_target(settings)
    report = ImportReport(target)
    if not target.exists():
        report.copied_from = _copy_base(target, base)
    con = _connect(target)
    try:
        _prepare(con)
        before = con.execute("SELECT coalesce(max(id), 0) FROM source").fetchone()[0]
        for dump in dumps:  # each file in a transaction of its own
            report.files.append(
                _import_one(con, dump, classes, force, on_problem or _ignore, on_progress)
            )
            con.commit()
        if report.copied_from is not None or any(
            f.status != "unchanged" for f in report.files
        ):  # a re-import that changed nothing leaves the file as it was
            link_admin_names(con)
            # the build's rule for a town GeoNames holds twice, on the names just written
            added = [r[0] for r in con.execute("SELECT id FROM source WHERE id > ?", (before,))]
            gazetteer_build.one_town_twice(con, added)
            write_parts(con)  # the parts' points from the towns the gazetteer now holds
            write_seats(con)  # the divisions' seats from the feature codes now recorded
            con.commit()
    except sqlite3.Error as exc:
        con.rollback()
        raise ConfigError(f"{target}: cannot write the gazetteer: {exc}") from exc
    finally:
        con.close()
    return report


def _ignore(_problem: Problem) -> None:
    pass


def _classes(text: str) -> frozenset[str]:
    letters = frozenset(text.replace(",", "").replace(" ", "").upper())
    unknown = letters - set(FEATURE_CLASSES)
    if not letters or unknown:
        raise ConfigError(
            f"feature classes {text!r}: use letters among {FEATURE_CLASSES} "
            "(P towns, A divisions, S sites such as camps and airports, T mountains, "
            "H water, L areas)"
        )
    return letters


# ---- the files --------------------------------------------------------------------------

_KIND_ORDER = {"places": 0, "admin1": 1, "admin2": 2, "alternate names": 3}
_NOT_DUMPS = ("readme", "iso-languagecodes", "featurecodes", "timezones", "hierarchy")


def _identify(path: Path) -> _Dump:
    """What a file holds, from its name and, for a country's ``XX.zip`` (places or
    alternate names), from its first line's columns."""
    if not path.is_file():
        raise ConfigError(f"{path}: no such file")
    lower = path.name.lower()
    if lower.startswith("countryinfo") or lower.startswith(_NOT_DUMPS):
        raise ConfigError(
            f"{path}: not a file eventwire imports (give place files, admin1CodesASCII.txt, "
            "admin2Codes.txt or alternate names; countries come with eventwire)"
        )
    member = _member(path) if lower.endswith(".zip") else None
    if lower.startswith("admin1codes"):
        return _Dump(path, "admin1", member)
    if lower.startswith("admin2codes"):
        return _Dump(path, "admin2", member)
    if lower.startswith("alternatenames"):
        return _Dump(path, "alternate names", member)
    with _Lines(path, member) as stream:
        for raw in stream:
            if raw.strip() and not raw.startswith(b"#"):
                columns = raw.count(b"\t") + 1
                if columns in (8, 10):
                    return _Dump(path, "alternate names", member)
                break
    return _Dump(path, "places", member)


def _member(path: Path) -> str:
    """The data file inside a GeoNames zip: ``SD.txt`` in ``SD.zip``, else its one text file."""
    try:
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.lower().endswith(".txt")]
    except (OSError, zipfile.BadZipFile) as exc:
        raise ConfigError(f"{path}: not a readable zip file: {exc}") from exc
    wanted = f"{path.stem}.txt"
    if wanted in members:
        return wanted
    data = [n for n in members if not Path(n).name.lower().startswith(_NOT_DUMPS)]
    if len(data) != 1:
        raise ConfigError(f"{path}: expected one data .txt file in the zip, found {data or 'none'}")
    return data[0]


class _Lines:
    """Binary lines of a plain file or of a zip member, and the bytes read so far."""

    def __init__(self, path: Path, member: str | None) -> None:
        self._zip: zipfile.ZipFile | None = None
        try:
            if member is None:
                self.total = path.stat().st_size
                self._stream: IO[bytes] = path.open("rb")
            else:
                self._zip = zipfile.ZipFile(path)
                self.total = self._zip.getinfo(member).file_size
                self._stream = self._zip.open(member)
        except (OSError, KeyError, zipfile.BadZipFile) as exc:
            raise ConfigError(f"{path}: cannot read: {exc}") from exc
        self.done = 0

    def __iter__(self) -> Iterator[bytes]:
        for raw in self._stream:
            self.done += len(raw)
            yield raw

    def __enter__(self) -> _Lines:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()
        if self._zip is not None:
            self._zip.close()


def _fingerprint(path: Path) -> tuple[int, str, str]:
    """Size, sha256 and modification date (UTC, ISO) of a file."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
        stat = path.stat()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    mtime = datetime.fromtimestamp(stat.st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return stat.st_size, digest.hexdigest(), mtime


# ---- the target file --------------------------------------------------------------------


def _copy_base(target: Path, base: Path | None) -> Path:
    if base is None:
        base = gazetteer_build.DEFAULT_PATH
        if not base.exists():
            gazetteer_build.build(base)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".copying")
    try:
        shutil.copyfile(base, tmp)
        with sqlite3.connect(tmp) as con:
            con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('base_stamp', "
                "(SELECT value FROM meta WHERE key = 'stamp'))"
            )
        con.close()
        tmp.replace(target)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise ConfigError(f"{target}: cannot copy the gazetteer {base} there: {exc}") from exc
    return base


def _connect(path: Path) -> sqlite3.Connection:
    try:
        con = sqlite3.connect(path)
        con.execute("SELECT 1 FROM place LIMIT 1")
        con.execute(f"PRAGMA cache_size = -{CACHE_KB}")  # a fixed page cache
    except sqlite3.Error as exc:
        raise ConfigError(f"{path}: not a gazetteer: {exc}") from exc
    return con


def _prepare(con: sqlite3.Connection) -> None:
    """Add the import's columns and tables to a gazetteer that lacks them (once)."""
    for table, column in ADDED_COLUMNS:
        have = {r[1] for r in con.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            con.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER")
    con.executescript(IMPORT_SCHEMA)
    # a file imported before the second-level division code (``CC.A1.A2``) was kept
    have = {r[1] for r in con.execute("PRAGMA table_info(geoname)")}
    if "admin2" not in have:
        con.execute("ALTER TABLE geoname ADD COLUMN admin2 TEXT")
    # ... and before its feature code (the seats of divisions; a re-import fills it)
    if "feature" not in have:
        con.execute("ALTER TABLE geoname ADD COLUMN feature TEXT")


def _source(
    con: sqlite3.Connection, dump: _Dump, classes: str, force: bool
) -> tuple[int | None, int | None]:
    """The new source id to import ``dump`` under (None: unchanged, nothing to do), and
    the id of the earlier version of the same file, if any."""
    size, sha, mtime = _fingerprint(dump.path)
    old = con.execute(
        "SELECT id, sha256, classes FROM source WHERE file = ? AND kind = ?",
        (dump.path.name, dump.kind),  # a country's places and its alternate names: both XX.zip
    ).fetchone()
    if old is not None and old[1] == sha and old[2] == classes and not force:
        return None, old[0]
    cur = con.execute(
        "INSERT INTO source (file, kind, size, sha256, mtime, classes) VALUES (?, ?, ?, ?, ?, ?)",
        (dump.path.name, dump.kind, size, sha, mtime, classes),
    )
    return cur.lastrowid, old[0] if old is not None else None


def _remove_source(con: sqlite3.Connection, source: int) -> None:
    """What a source still owns once its newer version is in: the places and names that
    version no longer gives (a place with all its names), links, admin codes, its record."""
    owned = "(SELECT rowid FROM place WHERE source = ?)"
    con.execute(f"DELETE FROM name WHERE place IN {owned}", (source,))
    con.execute(f"DELETE FROM skel WHERE place IN {owned}", (source,))
    con.execute(f"DELETE FROM geoname WHERE place IN {owned}", (source,))
    for table in ("place", "name", "skel", "geoname", "admin_code"):
        con.execute(f"DELETE FROM {table} WHERE source = ?", (source,))
    con.execute("DELETE FROM source WHERE id = ?", (source,))


def _import_one(
    con: sqlite3.Connection,
    dump: _Dump,
    classes: frozenset[str],
    force: bool,
    on_problem: ProblemHandler,
    on_progress: ProgressHandler | None,
) -> FileReport:
    class_text = "".join(sorted(classes)) if dump.kind == "places" else ""
    source, old = _source(con, dump, class_text, force)
    status = "unchanged" if source is None else "imported" if old is None else "replaced"
    report = FileReport(dump.path.name, dump.kind, status)
    if source is None:
        return report
    reader: Writer
    if dump.kind == "places":
        reader = PlaceReader(con, source, classes)
    elif dump.kind == "alternate names":
        reader = AltNameReader(con, source)
    else:
        reader = AdminReader(con, source, 1 if dump.kind == "admin1" else 2)
    batch: list[list[str]] = []
    with _Lines(dump.path, dump.member) as lines:
        for number, raw in enumerate(lines, 1):
            report.lines = number
            if on_progress is not None and number % PROGRESS_EVERY == 0:
                on_progress(Progress(dump.path.name, lines.done, lines.total, number))
            row = _fields(raw, reader.columns)
            if row is None:
                continue  # blank line or comment
            problem = row if isinstance(row, str) else reader.check(row)
            if problem:
                report.skipped += 1
                on_problem(Problem(dump.path.name, number, problem))
                continue
            batch.append(row)  # type: ignore[arg-type]
            if len(batch) >= BATCH:
                reader.write(batch, report)
                batch = []
        reader.write(batch, report)
        if on_progress is not None and report.lines % PROGRESS_EVERY:
            on_progress(Progress(dump.path.name, lines.total, lines.total, report.lines))
    con.execute(
        "UPDATE source SET data_date = ?, lines = ?, places = ?, names = ?, skipped = ? "
        "WHERE id = ?",
        (reader.latest, report.lines, report.places, report.names, report.skipped, source),
    )
    if old is not None:  # the new version took over what it still gives; the rest goes
        _remove_source(con, old)
    return report


def _fields(raw: bytes, columns: tuple[int, ...]) -> list[str] | str | None:
    """A line's tab-separated fields; a message when the line is malformed; None for a
    blank line or a comment (``countryInfo``-style ``#`` lines)."""
    try:
        text = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        return f"not UTF-8 ({exc.reason} at byte {exc.start})"
    if not text.strip() or text.startswith("#"):
        return None
    parts = text.split("\t")
    if len(parts) not in columns:
        expected = " or ".join(str(c) for c in columns)
        return f"expected {expected} tab-separated fields, found {len(parts)}"
    return parts
