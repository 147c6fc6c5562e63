"""What a gazetteer holds: the files imported into it and its imported places.

``gazetteer_info(settings).summary()`` gives the lines ``eventwire gazetteer info``
prints for the file the ``gazetteer`` setting names (the shipped one when it is empty).
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.knowledge import gazetteer_build


@dataclass(frozen=True)
class SourceInfo:
    file: str
    kind: str
    size: int
    sha256: str
    mtime: str
    data_date: str | None
    classes: str
    places: int
    names: int
    skipped: int


@dataclass(frozen=True)
class GazetteerInfo:
    path: Path
    shipped: bool  # the package's own file, nothing imported
    places: int
    names: int
    imported_places: int
    sources: list[SourceInfo]
    by_country: list[tuple[str, int]]  # imported places per ISO3, most first
    by_class: list[tuple[str, int]]  # imported places per feature class (P, A, S ...)
    by_feature: list[tuple[str, int]]  # imported places per feature code (PPL, ADM2 ...)
    base_stamp: str | None  # the shipped build the copy was made from
    base_current: bool | None  # whether that is the build this eventwire makes
    divisions: int = 0  # first- and second-level divisions (feature ADM1, ADM2)
    # divisions with a seat (the town governing them, from an import's PPLA/PPLA2 codes)
    divisions_with_seat: int = 0

    def summary(self) -> list[str]:
        lines = [f"{self.path}: {self.places:,} places, {self.names:,} name keys"]
        if self.shipped:
            return [*lines, "nothing imported: the gazetteer built from the shipped data"]
        if self.base_stamp:
            state = "current" if self.base_current else "older than this eventwire's"
            lines.append(f"made from the shipped gazetteer {self.base_stamp} ({state})")
        lines.append(f"{self.imported_places:,} places from imported files:")
        for s in self.sources:
            lines.append(
                f"  {s.file} ({s.kind}) {s.size:,} bytes, modified {s.mtime}, data of "
                f"{s.data_date or 'no date'}, sha256 {s.sha256[:16]}..., {s.places:,} rows, "
                f"{s.names:,} name keys, {s.skipped:,} malformed lines"
                + (f", classes {s.classes}" if s.classes else "")
            )
        lines.append(
            f"divisions with a seat: {self.divisions_with_seat:,} of {self.divisions:,} "
            "(from the imported feature codes PPLA, PPLA2, PPLC)"
        )
        for title, rows in (
            ("by feature class", self.by_class),
            ("by feature code", self.by_feature[:15]),
            ("by country", self.by_country[:25]),
        ):
            lines.append(f"{title}: " + ", ".join(f"{k} {n:,}" for k, n in rows))
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "path": str(self.path)}


def gazetteer_info(settings: Settings) -> GazetteerInfo:
    """What the gazetteer the settings name holds: its sources and imported places."""
    path = Path(settings.gazetteer) if settings.gazetteer else gazetteer_build.DEFAULT_PATH
    if not path.exists():
        raise ConfigError(f"gazetteer file not found: {path}")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ConfigError(f"{path}: not a readable gazetteer: {exc}") from exc
    try:
        return _info(con, path)
    except sqlite3.Error as exc:
        raise ConfigError(f"{path}: not a readable gazetteer: {exc}") from exc
    finally:
        con.close()


def _info(con: sqlite3.Connection, path: Path) -> GazetteerInfo:
    places = con.execute("SELECT count(*) FROM place").fetchone()[0]
    names = con.execute("SELECT count(*) FROM name").fetchone()[0]
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    stamp = con.execute("SELECT value FROM meta WHERE key = 'base_stamp'").fetchone()
    base_stamp = stamp[0] if stamp else None
    current = base_stamp == _current_stamp() if base_stamp else None
    if "source" not in tables:
        return GazetteerInfo(path, True, places, names, 0, [], [], [], [], None, None)
    sources = [
        SourceInfo(*row)
        for row in con.execute(
            "SELECT file, kind, size, sha256, mtime, data_date, classes, places, names, "
            "skipped FROM source ORDER BY id"
        )
    ]
    imported = con.execute("SELECT count(*) FROM place WHERE source IS NOT NULL").fetchone()[0]
    by_country = con.execute(
        "SELECT coalesce(country, '-'), count(*) AS n FROM place WHERE source IS NOT NULL "
        "GROUP BY 1 ORDER BY n DESC, 1"
    ).fetchall()
    by_class = con.execute(
        "SELECT coalesce(g.class, '-'), count(*) AS n FROM place p JOIN geoname g "
        "ON g.place = p.rowid WHERE p.source IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1"
    ).fetchall()
    by_feature = con.execute(
        "SELECT coalesce(feature, '-'), count(*) AS n FROM place WHERE source IS NOT NULL "
        "GROUP BY 1 ORDER BY n DESC, 1"
    ).fetchall()
    divisions = con.execute(
        "SELECT count(*) FROM place WHERE feature IN ('ADM1', 'ADM2')"
    ).fetchone()[0]
    seats = con.execute("SELECT count(*) FROM seat").fetchone()[0] if "seat" in tables else 0
    return GazetteerInfo(
        path, False, places, names, imported, sources, by_country, by_class, by_feature,
        base_stamp, current, divisions, seats,
    )  # fmt: skip


def _current_stamp() -> str | None:
    try:
        return gazetteer_build.source_stamp()
    except (ImportError, ConfigError, OSError):
        return None
