"""A migration script or a summary query as each backend reads it: scripts and queries
are written once in the SQL SQLite and PostgreSQL both accept; a few type names, the
text aggregate, JSON field reads and index NULL placements differ, and a part of a
script may be written for one backend only (``/*sqlite*/ ... /*end*/``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_POSTGRES_TYPES = (
    # text compares byte by byte, as in SQLite, whatever the database's locale, so
    # listings sort (and exports come out) the same on both backends
    (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'),
    # REAL is 4 bytes in PostgreSQL, 8 in SQLite
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
    # a reserved word in PostgreSQL
    (re.compile(r"\bend\b"), '"end"'),
    # the text aggregate (the packed splits of migration 26)
    (re.compile(r"\bgroup_concat\("), "string_agg("),
    # one field of a JSON payload (a fixed path in a script, never input), as text
    (
        re.compile(r"json_extract\(payload, '\$\.([\w.]+)'\)"),
        lambda m: "(payload::jsonb #>> '{" + m.group(1).replace(".", ",") + "}')",
    ),
)
# an index column's NULL placement: SQLite's indexes place NULL first (ascending) and last
# (descending) by themselves and do not accept the words
_INDEX_NULLS = re.compile(r"\s+NULLS\s+(FIRST|LAST)\b")


# a part of a script written for one backend only (its JSON functions): kept as written
# for that backend, left out for the other
_ONLY = re.compile(r"/\*(sqlite|postgres)\*/(.*?)/\*end\*/", re.DOTALL)


def _for_backend(script: str, backend: str, mapped: Callable[[str], str]) -> str:
    """``script`` with the parts marked for ``backend`` kept as written, the parts marked
    for the other left out, and ``mapped`` applied to the rest."""
    parts, start = [], 0
    for only in _ONLY.finditer(script):
        parts.append(mapped(script[start : only.start()]))
        if only.group(1) == backend:
            parts.append(only.group(2))
        start = only.end()
    parts.append(mapped(script[start:]))
    return "".join(parts)


def _postgres_types(script: str) -> str:
    for pattern, replacement in _POSTGRES_TYPES:
        script = pattern.sub(replacement, script)
    return script


def postgres_script(script: str) -> str:
    """A migration script as PostgreSQL reads it."""
    return _for_backend(script, "postgres", _postgres_types)


def postgres_query(sql: str) -> str:
    """A summary's query (:data:`~eventwire.store.sql_summaries.SUMMARIES`) as PostgreSQL reads it:
    its text aggregate renamed."""
    return _TEXT_AGGREGATE.sub("string_agg(", sql)


_TEXT_AGGREGATE = re.compile(r"\bgroup_concat\(")


def sqlite_script(script: str) -> str:
    """A migration script as SQLite reads it: ``NULLS FIRST/LAST`` dropped from index
    columns (scripts use them only there), where SQLite's own placement is the same; the
    parts written for PostgreSQL only left out."""
    return _for_backend(script, "sqlite", lambda part: _INDEX_NULLS.sub("", part))
