"""Schema migrations: an ordered list of SQL scripts, applied in order, once each.

Never edit a released script; append a new one. SQLite keeps the version in PRAGMA
user_version, PostgreSQL in a ``schema_version`` table. Scripts are written once in
the SQL both accept; :mod:`eventwire.store.dialects` maps the few type names that differ.
Document records are the durable truth; every other table below ``actors`` is
recomputed by resolution and can be rebuilt at any time.

The list below is the one registry of migrations, by number (the next free is 31); the
scripts live in modules of ranges of numbers (``migrations_01_08.py`` ...), each with
the comment saying why it exists. A new migration is a new script in the last of those
modules (or a new module once it passes about 400 lines) appended to the list.
"""

from __future__ import annotations

from eventwire.store.dialects import postgres_query, postgres_script, sqlite_script
from eventwire.store.migrations_01_08 import (
    ACTOR_UNITS,
    DOCUMENTS_AND_PICTURE,
    EVENT_DATE_ORDER,
    EVENT_SIDE_ORDER,
    GENERATIONS,
    INCIDENTS,
    STATISTICS,
    WHOLE_STORE_SUMMARIES,
)
from eventwire.store.migrations_09_16 import (
    ACTOR_KIND_SUMS,
    CLUSTER_TOTALS,
    FLOORLESS_SUMMARIES,
    INCIDENT_ORDERS,
    INCIDENT_SUMMARIES,
    PAIR_SUMS,
    PERIOD_SUMMARIES,
    QUOTE_DESCRIPTIONS,
)
from eventwire.store.migrations_17_22 import (
    ACLED_TYPE_SPLITS,
    ACTOR_ROLES,
    EVENT_INCIDENT_IDS,
    EVENT_LINES,
    INCIDENT_LINES,
    INCIDENT_SOURCES,
)
from eventwire.store.migrations_23_30 import (
    ACTOR_KIND_FLOORS,
    ACTOR_TYPES,
    EVENT_MENTIONS,
    INCIDENT_DATE_INDEX,
    PAIR_FLOOR_SIDES,
    PAIR_SUFFIXES,
    PAIR_TAILS,
    RECORD_LINES,
)

# the translation's names, imported from here by callers before it had a module
__all__ = ["MIGRATIONS", "postgres_query", "postgres_script", "sqlite_script"]

MIGRATIONS: list[str] = [
    DOCUMENTS_AND_PICTURE,  # 1
    EVENT_DATE_ORDER,  # 2
    EVENT_SIDE_ORDER,  # 3
    GENERATIONS,  # 4
    WHOLE_STORE_SUMMARIES,  # 5
    INCIDENTS,  # 6
    STATISTICS,  # 7
    ACTOR_UNITS,  # 8
    PERIOD_SUMMARIES,  # 9
    INCIDENT_SUMMARIES,  # 10
    CLUSTER_TOTALS,  # 11
    INCIDENT_ORDERS,  # 12
    PAIR_SUMS,  # 13
    FLOORLESS_SUMMARIES,  # 14
    QUOTE_DESCRIPTIONS,  # 15
    ACTOR_KIND_SUMS,  # 16
    EVENT_LINES,  # 17
    INCIDENT_LINES,  # 18
    EVENT_INCIDENT_IDS,  # 19
    INCIDENT_SOURCES,  # 20
    ACLED_TYPE_SPLITS,  # 21
    ACTOR_ROLES,  # 22
    EVENT_MENTIONS,  # 23
    ACTOR_KIND_FLOORS,  # 24
    PAIR_SUFFIXES,  # 25
    PAIR_TAILS,  # 26
    ACTOR_TYPES,  # 27
    INCIDENT_DATE_INDEX,  # 28
    RECORD_LINES,  # 29
    PAIR_FLOOR_SIDES,  # 30
]
