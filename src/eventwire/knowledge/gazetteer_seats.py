"""Divisions' seats, from the feature codes of an imported GeoNames dump.

GeoNames codes the town a first-level division is governed from ``PPLA``, a
second-level division's ``PPLA2``, and a country's capital ``PPLC`` (which is also the
seat of the division it lies in, and is then not coded ``PPLA``). The shipped extract
keeps no such codes, so only an import can tell them: :func:`write_seats` fills the
``seat`` table (division's place id -> the seat's place row) from the codes the import
recorded for every row it read (``geoname.feature``), shipped towns included.

The resolver gives a division its seat as an alternative point
(:attr:`eventwire.model.Place.seat`): a division named alone keeps its own point and its
precision; a map or a comparison with a dataset that codes such a place at the seat (as
ACLED does) can use the seat's point, labelled as the seat.
"""

from __future__ import annotations

import sqlite3

SEAT_SCHEMA = """
CREATE TABLE IF NOT EXISTS seat (division TEXT PRIMARY KEY, place INTEGER) WITHOUT ROWID;
"""

# One seat per division: a first-level division's PPLA, else the capital lying in it;
# a second-level division's PPLA2, else a PPLA or the capital lying in it. Several
# candidates (GeoNames has a few divisions with two PPLA): the most people, then the
# lowest row, so the choice does not depend on the order of the files.
_FIRST_LEVEL = """
INSERT INTO seat (division, place)
SELECT division, place FROM (
    SELECT d.id AS division, p.rowid AS place, row_number() OVER (
        PARTITION BY d.id
        ORDER BY CASE g.feature WHEN 'PPLA' THEN 0 ELSE 1 END, p.population DESC, p.rowid
    ) AS n
    FROM geoname g
    JOIN place p ON p.rowid = g.place
    JOIN place d ON d.admin1 = p.admin1 AND d.country = p.country
    WHERE g.feature IN ('PPLA', 'PPLC') AND d.feature = 'ADM1' AND d.precision = 'admin1'
) WHERE n = 1
"""
_SECOND_LEVEL = """
INSERT OR IGNORE INTO seat (division, place)
SELECT division, place FROM (
    SELECT d.id AS division, p.rowid AS place, row_number() OVER (
        PARTITION BY d.id
        ORDER BY CASE g.feature WHEN 'PPLA2' THEN 0 WHEN 'PPLA' THEN 1 ELSE 2 END,
            p.population DESC, p.rowid
    ) AS n
    FROM geoname g
    JOIN place p ON p.rowid = g.place
    JOIN geoname gd ON gd.admin2 = g.admin2 AND gd.feature = 'ADM2'
    JOIN place d ON d.rowid = gd.place
    WHERE g.feature IN ('PPLA2', 'PPLA', 'PPLC') AND g.admin2 IS NOT NULL
) WHERE n = 1
"""


def write_seats(con: sqlite3.Connection) -> int:
    """(Re)write the ``seat`` table from the feature codes the imports recorded; the
    number of divisions with a seat."""
    con.executescript(SEAT_SCHEMA)
    con.execute("DELETE FROM seat")
    con.execute(_FIRST_LEVEL)
    con.execute(_SECOND_LEVEL)
    return int(con.execute("SELECT count(*) FROM seat").fetchone()[0])
