"""The SQL both backends share: every query and write, with small dialect hooks.

Queries are written once with ``?`` placeholders in the SQL that SQLite and
PostgreSQL both accept; a backend supplies the connection, the placeholder style,
the store-level write lock, bulk inserts (``executemany`` or ``COPY``) and the
translation of its driver's errors. New read queries belong here, not in a backend.
Orders name where NULL goes (``NULLS FIRST``/``NULLS LAST``, SQLite's own placement)
so both backends list rows in the same order.

The whole-store views (timeline, map, network, indexes) read summary tables written
with the resolution (:data:`SUMMARIES`: events per date, per place, per actor pair,
each split by type, ACLED type, modality and negation) whenever the filter names only
what a summary keeps; any other filter (an actor, sources, fatalities, a box, ...)
reads ``events`` itself, so a narrowed view is always exact.

Concurrency: every write runs in :meth:`SQLStore._writing`, a transaction holding
the store-level write lock, and moves the ``documents`` generation (stored articles)
or the ``picture`` generation (the documents the resolved picture reflects) in the
same transaction, so readers see the last complete picture and a writer can tell
whether the picture it computed is still the newest (see ``pipeline.refresh``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

from eventwire.errors import NotFound, StoreError
from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    Event,
    Incident,
    Place,
    Quote,
    Relation,
    Resolution,
    from_dict,
    to_dict,
)
from eventwire.resolve.event_mentions import MentionRow
from eventwire.store.base import (
    DateCount,
    EdgeCount,
    EventFilter,
    EventLine,
    IncidentLine,
    PictureState,
    PlaceTotals,
    QuoteLine,
)
from eventwire.store.export_lines import (
    actor_line,
    article_line_with_text,
    article_row_line,
    encode_line,
    event_line,
    incident_line,
    member_incidents,
    quote_line,
    relation_line,
    relation_payload_record,
    stored_article_line,
)
from eventwire.store.sql_event_mentions import EventMentionsSQL
from eventwire.store.sql_incident_views import IncidentViewsSQL
from eventwire.store.sql_incidents import INCIDENT_TABLES
from eventwire.store.sql_pair_tails import (
    PAIR_TAILS,
    PairTailsSQL,
    TailBounds,
    side_condition,
    tail_bounds,
)
from eventwire.store.sql_statistics import StatisticsSQL
from eventwire.store.sql_units import (
    ACTOR_COLUMNS,
    UnitsSQL,
    actor_key_rows,
    actor_row,
    evidence_rows,
)
from eventwire.text.names import search_keys

ARTICLE_COLUMNS = (
    "id, title, outlet, url, source, published, published_precision, published_ambiguous,"
    " text, metadata"
)
# an article's export line (migration 29), then its columns for one stored without (the
# text read only then)
ARTICLE_LINE_COLUMNS = (
    "line, id, title, outlet, url, source, published, published_precision,"
    " published_ambiguous, text, metadata"
)
# Tables of the resolved picture, children first (foreign keys point to actors).
PICTURE_TABLES = (
    "event_actor_types",
    "event_actor_roles",
    "event_pair_floors",
    "event_pair_suffixes",
    "event_pair_tails",
    "event_actor_kind_floors",
    "event_actor_running",
    "event_actor_floors",
    "event_actor_kinds",
    "event_pair_splits",
    "event_actor_sums",
    "relation_actor_sums",
    "event_pair_sums",
    "event_actor_periods",
    "event_pair_periods",
    "event_dates",
    "event_kinds",
    "event_days",
    "event_place_totals",
    "event_pairs",
    "event_degrees",
    "actor_keys",
    "mention_actor",
    "evidence",
    "events",
    "relations",
    "quotes",
    "places",
    "statistics",
    "actors",
)
CHUNK = 500  # ids per IN (...) list
PAIR_CHUNK = 200  # (source, target) pairs in one OR: SQLite's expression depth is 1000
# statements joined into one compound query in process: SQLite allows 500 arms, and
# 32,766 parameters in a statement as it is commonly built
COMPOUND_ARMS = 100
COMPOUND_ARGS = 30_000
AMONG_LIMIT = 5000  # ids in one IN (...) list of both sides (twice as many arguments)
# EventFilter.order -> ORDER BY. Ascending puts NULL first and descending last, on both
# backends (as SQLite does by itself); each order has an index in the same placement.
ORDER_SQL = {
    "date": "date NULLS FIRST, id",
    "-date": "date DESC NULLS LAST, id DESC",
    "-sources": "source_count DESC, date DESC NULLS LAST, id DESC",
    "-killed": "killed DESC, date DESC NULLS LAST, id DESC",
    "type": "type, date DESC NULLS LAST, id DESC",
}
# The summary tables, rewritten from ``events`` with every resolution (in this order):
# name -> the query filling it. Their columns carry the names of the events columns they
# group by, so one filter's conditions apply to either.
_KIND = "type, acled_type, modality, negated"
_SUMS = "COUNT(*), SUM(killed), SUM(wounded), SUM(displaced)"
_PAIR = "source_actor IS NOT NULL AND target_actor IS NOT NULL AND source_actor <> target_actor"
_EDGE = "source_actor, target_actor, type, negated, modality"
# a stated relation counts its sources, at least one
_RELATION_SOURCES = "CASE WHEN source_count > 1 THEN source_count ELSE 1 END"
# the columns of a relation a filter tests (``_relation_conditions``) but its actor
_RELATION_GROUP = "negated, modality, source_count, first_seen, last_seen"
PERIOD_GRAINS = (4, 7)  # the period summaries' periods: a date's first 4 (year) or 7 characters
NO_TYPE = "\x00"  # a type no event has: a filter of it selects nothing
SOURCES_FLOOR = 5  # they keep an event's sources up to this: ``min_sources`` up to it is exact
_FLOOR = f"CASE WHEN source_count < {SOURCES_FLOOR} THEN source_count ELSE {SOURCES_FLOOR} END"
_DAY_SUMS = "SUM(events), SUM(killed), SUM(wounded), SUM(displaced)"
_FINEST = PERIOD_GRAINS[-1]
# The pair periods: the finest grain from ``events`` (read once), each coarser grain from
# it (a date's first 4 characters are its first 7's first 4) and the whole store from it
# and the undated events: one scan of ``events``, not one per grain. Each row ends with
# the ACLED type (migration 21: a column added after the sums), so a filter of an ACLED
# type with dates is read from the kind-split summaries.
_SPLIT = f"{_EDGE}, acled_type"
_PAIR_PERIODS = (
    f"WITH m AS (SELECT substr(date, 1, {_FINEST}) AS period, {_FLOOR} AS floor, {_SPLIT},"
    f" COUNT(*) AS events, SUM(source_count) AS sources FROM events WHERE {_PAIR}"
    f" AND date IS NOT NULL GROUP BY substr(date, 1, {_FINEST}), {_FLOOR}, {_SPLIT})"
    f" SELECT 0, '', floor, {_EDGE}, SUM(events), SUM(sources), acled_type FROM (SELECT floor,"
    f" {_SPLIT}, events, sources FROM m UNION ALL SELECT {_FLOOR}, {_SPLIT}, 1, source_count"
    f" FROM events WHERE {_PAIR} AND date IS NULL) d GROUP BY floor, {_SPLIT}"
    + "".join(
        f" UNION ALL SELECT {g}, substr(period, 1, {g}), floor, {_EDGE}, SUM(events),"
        f" SUM(sources), acled_type FROM m GROUP BY substr(period, 1, {g}), floor, {_SPLIT}"
        for g in PERIOD_GRAINS[:-1]
    )
    + f" UNION ALL SELECT {_FINEST}, period, floor, {_EDGE}, events, sources, acled_type FROM m"
)
SUMMARIES = {
    "event_days": (
        f"SELECT date, date_precision, {_KIND}, {_SUMS} FROM events"
        f" GROUP BY date, date_precision, {_KIND}"
    ),
    # the dates and the kinds: sums of the days (a fraction of the events' rows)
    "event_dates": (
        f"SELECT date, date_precision, {_DAY_SUMS} FROM event_days GROUP BY date, date_precision"
    ),
    "event_kinds": f"SELECT {_KIND}, {_DAY_SUMS} FROM event_days GROUP BY {_KIND}",
    "event_place_totals": (
        f"SELECT place_id, {_KIND}, {_SUMS} FROM events WHERE place_id IS NOT NULL"
        f" GROUP BY place_id, {_KIND}"
    ),
    "event_pairs": (
        "SELECT source_actor, target_actor, type, acled_type, negated, modality,"
        f" COUNT(*), SUM(source_count) FROM events WHERE {_PAIR}"
        " GROUP BY source_actor, target_actor, type, acled_type, negated, modality"
    ),
    "event_degrees": (
        "SELECT actor_id, type, acled_type, negated, modality, SUM(events), SUM(sources) FROM"
        " (SELECT source_actor AS actor_id, type, acled_type, negated, modality, events,"
        " sources FROM event_pairs UNION ALL SELECT target_actor, type, acled_type, negated,"
        " modality, events, sources FROM event_pairs) d"
        " GROUP BY actor_id, type, acled_type, negated, modality"
    ),
    # migration 9: per pair and per actor, whole (grain 0), per year (4) and month (7)
    # (a period is the date's first ``grain`` characters), by sources capped at
    # SOURCES_FLOOR: what the network reads under a date or minimum-sources filter
    "event_pair_periods": _PAIR_PERIODS,
    # migration 13: the pair periods without the type, negation and modality split, the
    # few rows the network chooses its pairs from
    "event_pair_sums": (
        "SELECT grain, period, floor, source_actor, target_actor, SUM(events), SUM(sources)"
        " FROM event_pair_periods GROUP BY grain, period, floor, source_actor, target_actor"
    ),
    # per actor: from the pair sums (the same rows without the split)
    "event_actor_periods": (
        "SELECT grain, period, floor, actor_id, SUM(events), SUM(sources) FROM"
        " (SELECT grain, period, floor, source_actor AS actor_id, events, sources"
        " FROM event_pair_sums UNION ALL SELECT grain, period, floor, target_actor, events,"
        " sources FROM event_pair_sums) d GROUP BY grain, period, floor, actor_id"
    ),
    # migration 14: the pair periods and the actor periods summed over the sources floors
    # (what the network reads when no minimum of sources is asked for: the split of the
    # pairs drawn, the degrees), and each actor's relations grouped by what a filter tests
    "event_pair_splits": (
        f"SELECT grain, period, {_EDGE}, SUM(events), SUM(sources), acled_type"
        f" FROM event_pair_periods GROUP BY grain, period, {_SPLIT}"
    ),
    "event_actor_sums": (
        "SELECT grain, period, actor_id, SUM(sources) FROM event_actor_periods"
        " GROUP BY grain, period, actor_id"
    ),
    "relation_actor_sums": (
        f"SELECT actor_id, {_RELATION_GROUP}, COUNT(*), SUM(n) FROM (SELECT source_actor AS"
        f" actor_id, {_RELATION_GROUP}, {_RELATION_SOURCES} AS n FROM relations UNION ALL"
        f" SELECT target_actor, {_RELATION_GROUP}, {_RELATION_SOURCES} FROM relations) d"
        f" GROUP BY actor_id, {_RELATION_GROUP}"
    ),
    # migration 16: each actor's sources per period split by type, negation and modality
    # (the pair splits by side): the degrees under a type, modality or polarity with dates
    # (and by ACLED type, migration 21)
    "event_actor_kinds": (
        "SELECT grain, period, actor_id, type, negated, modality, SUM(sources), acled_type"
        " FROM (SELECT grain, period, source_actor AS actor_id, type, negated, modality,"
        " sources, acled_type FROM event_pair_splits UNION ALL SELECT grain, period,"
        " target_actor, type, negated, modality, sources, acled_type FROM event_pair_splits) d"
        " GROUP BY grain, period, actor_id, type, negated, modality, acled_type"
    ),
    # and each actor's sources per period from its events with at least ``atleast``
    # sources (2 up to the floor): the degrees under a minimum of sources with dates
    "event_actor_floors": (
        "SELECT p.grain, p.period, f.atleast, p.actor_id, SUM(p.sources) FROM"
        " event_actor_periods p JOIN (SELECT 2 AS atleast"
        + "".join(f" UNION ALL SELECT {k}" for k in range(3, SOURCES_FLOOR + 1))
        + ") f ON p.floor >= f.atleast GROUP BY p.grain, p.period, f.atleast, p.actor_id"
    ),
    # migration 19: each pair's sources per period from its events with at least
    # ``atleast`` sources (1 up to the floor): the pair sums without one row per floor,
    # what the network ranks the pairs among its actors by (a busy pair has events of
    # every floor in most periods: 18,476 rows read for the 1,560 pairs among the top 40
    # actors under ``since=2016`` on the 1M-event bench store, 7,452 from these)
    "event_pair_floors": (
        "SELECT p.grain, p.period, f.atleast, p.source_actor, p.target_actor, SUM(p.sources)"
        " FROM event_pair_sums p JOIN (SELECT 1 AS atleast"
        + "".join(f" UNION ALL SELECT {k}" for k in range(2, SOURCES_FLOOR + 1))
        + ") f ON p.floor >= f.atleast"
        " GROUP BY p.grain, p.period, f.atleast, p.source_actor, p.target_actor"
    ),
}
# migration 22: every actor's parts in events (source, target or the one a claim is
# attributed to, an event with one side too) per period, kind and sources floor: which
# actors the events of a filter of dates, kinds and sources have (the actor index under
# the filter), read a few rows per actor instead of the events' rows. From one scan of
# ``events`` (each side a row), each coarser grain from the finest as the pair periods.
_ROLE_KIND = "type, negated, modality, acled_type"
_ROLES = (
    f"SELECT date, {_FLOOR} AS floor, source_actor AS actor_id, {_ROLE_KIND} FROM events"
    " WHERE source_actor IS NOT NULL"
    f" UNION ALL SELECT date, {_FLOOR}, target_actor, {_ROLE_KIND} FROM events"
    " WHERE target_actor IS NOT NULL"
    f" UNION ALL SELECT date, {_FLOOR}, attributed_to, {_ROLE_KIND} FROM events"
    " WHERE attributed_to IS NOT NULL"
)
_ROLE_GROUP = f"floor, actor_id, {_ROLE_KIND}"
SUMMARIES["event_actor_roles"] = (
    f"WITH s AS ({_ROLES}), m AS (SELECT substr(date, 1, {_FINEST}) AS period, {_ROLE_GROUP},"
    f" COUNT(*) AS events FROM s WHERE date IS NOT NULL"
    f" GROUP BY substr(date, 1, {_FINEST}), {_ROLE_GROUP})"
    f" SELECT 0, '', {_ROLE_GROUP}, SUM(events) FROM (SELECT {_ROLE_GROUP}, events FROM m"
    f" UNION ALL SELECT {_ROLE_GROUP}, 1 FROM s WHERE date IS NULL) d GROUP BY {_ROLE_GROUP}"
    + "".join(
        f" UNION ALL SELECT {g}, substr(period, 1, {g}), {_ROLE_GROUP}, SUM(events) FROM m"
        f" GROUP BY substr(period, 1, {g}), {_ROLE_GROUP}"
        for g in PERIOD_GRAINS[:-1]
    )
    + f" UNION ALL SELECT {_FINEST}, period, {_ROLE_GROUP}, events FROM m"
)
# migration 27: the actors of the events of a type per period, each with the most sources
# (up to the floor) of those events: one row where ``event_actor_roles`` keeps one for every
# negation, modality, ACLED type and floor (the actor index under a type and dates)
SUMMARIES["event_actor_types"] = (
    "SELECT grain, period, type, actor_id, MAX(floor) FROM event_actor_roles"
    " GROUP BY grain, period, type, actor_id"
)
# migration 24: each actor's sources per period and kind (type, negation, modality, ACLED
# type) from its events with at least ``atleast`` sources (2 up to the floor): the degrees
# under a kind and a minimum of sources, with dates or without (before, those read every
# selected event: 2.4 s of CPU for ``type=&min_sources=2`` on the 1M-event bench store)
_KIND_FLOORS = "type, negated, modality, acled_type"
SUMMARIES["event_actor_kind_floors"] = (
    f"SELECT p.grain, p.period, f.atleast, p.actor_id, {_KIND_FLOORS}, SUM(p.sources) FROM"
    f" (SELECT grain, period, floor, source_actor AS actor_id, {_KIND_FLOORS}, sources"
    f" FROM event_pair_periods WHERE floor >= 2 UNION ALL SELECT grain, period, floor,"
    f" target_actor, {_KIND_FLOORS}, sources FROM event_pair_periods WHERE floor >= 2) p"
    " JOIN (SELECT 2 AS atleast"
    + "".join(f" UNION ALL SELECT {k}" for k in range(3, SOURCES_FLOOR + 1))
    + ") f ON p.floor >= f.atleast"
    f" GROUP BY p.grain, p.period, f.atleast, p.actor_id, {_KIND_FLOORS}"
)
# and each actor's running sums: per month (a date's first 7 characters, every month of
# the store, in their order) the sources of its dated events up to and including that
# month, from its events with at least ``atleast`` sources (1 up to the floor). A filter
# of dates is the difference of two months' rows, one row per actor each, where the
# period summaries read each year and month between (the actors' degrees under a cut
# day of the 1M-event bench store: 11,370 rows summed from 55,000 read, 40-60 ms of CPU)
_ATLEAST = "SELECT 1 AS atleast" + "".join(
    f" UNION ALL SELECT {k}" for k in range(2, SOURCES_FLOOR + 1)
)
SUMMARIES["event_actor_running"] = (
    f"WITH f AS ({_ATLEAST}), s AS (SELECT f.atleast, e.period, e.actor_id,"
    " SUM(e.sources) AS sources FROM event_actor_periods e JOIN f ON e.floor >= f.atleast"
    f" WHERE e.grain = {_FINEST} GROUP BY f.atleast, e.period, e.actor_id),"
    f" m AS (SELECT DISTINCT period FROM event_actor_periods WHERE grain = {_FINEST}),"
    " a AS (SELECT DISTINCT atleast, actor_id FROM s)"
    " SELECT a.atleast, m.period, a.actor_id, SUM(COALESCE(s.sources, 0))"
    " OVER (PARTITION BY a.atleast, a.actor_id ORDER BY m.period) FROM a CROSS JOIN m"
    " LEFT JOIN s ON s.atleast = a.atleast AND s.period = m.period AND s.actor_id = a.actor_id"
)
# migration 25: the year rows of the pair splits summed from each year to the last, per
# pair and kind (type, negation, modality), at every year of the store from the kind's
# first (``first`` = 1) to its last: the split of the pairs drawn under ``since`` reads
# one row a kind for the whole years after the date (:meth:`SQLStore._suffix_statements`)
_SUFFIX_KIND = "source_actor, target_actor, type, negated, modality"
SUMMARIES["event_pair_suffixes"] = (
    f"WITH y AS (SELECT {_SUFFIX_KIND}, period, SUM(events) AS events, SUM(sources) AS sources"
    f" FROM event_pair_splits WHERE grain = {PERIOD_GRAINS[0]} GROUP BY {_SUFFIX_KIND}, period),"
    f" k AS (SELECT {_SUFFIX_KIND}, MIN(period) AS a, MAX(period) AS b FROM y"
    f" GROUP BY {_SUFFIX_KIND}), m AS (SELECT DISTINCT period FROM y)"
    " SELECT k.source_actor, k.target_actor, CASE WHEN m.period = k.a THEN 1 ELSE 0 END,"
    " m.period, k.type, k.negated, k.modality, SUM(COALESCE(y.events, 0)) OVER w,"
    " SUM(COALESCE(y.sources, 0)) OVER w FROM k JOIN m ON m.period BETWEEN k.a AND k.b"
    " LEFT JOIN y ON y.source_actor = k.source_actor AND y.target_actor = k.target_actor"
    " AND y.type = k.type AND y.negated = k.negated AND y.modality = k.modality"
    " AND y.period = m.period WINDOW w AS (PARTITION BY k.source_actor, k.target_actor,"
    " k.type, k.negated, k.modality ORDER BY m.period DESC)"
)
# migration 26: per pair, sources floor and month period, the pair's sums from that
# period to the last, its split packed (store/sql_pair_tails.py): the network under dates
# reads two rows a pair, however many years and months the dates span
SUMMARIES["event_pair_tails"] = PAIR_TAILS
# Each summary's rows are inserted in the order of its (first) index: appended to the
# B-tree instead of scattered over it, about a third less to write
SUMMARY_ORDER = {
    "event_days": "1, 2",
    "event_dates": "1, 2",
    "event_place_totals": "1",
    "event_pairs": "1, 2",
    "event_degrees": "1",
    "event_pair_periods": "4, 5, 1, 2, 3",
    "event_pair_sums": "4, 5, 1, 2, 3",
    "event_actor_periods": "1, 2, 3, 4, 6",
    "event_pair_splits": "3, 4, 1, 2, 5, 6, 7",
    "event_actor_sums": "1, 2, 3, 4",
    "relation_actor_sums": "1, 2, 3, 4, 5, 6",
    "event_actor_kinds": "1, 4, 2, 3, 5, 6",
    "event_actor_floors": "1, 3, 2, 4",
    "event_pair_floors": "4, 5, 3, 1, 2",
    "event_actor_roles": "1, 5, 2, 4",
    "event_actor_types": "1, 3, 2, 4",
    "event_actor_kind_floors": "1, 3, 5, 2, 4",
    "event_actor_running": "1, 2, 3",
    "event_pair_suffixes": "1, 2, 3, 4",
    "event_pair_tails": "1, 2, 3, 4",
}
# The EventFilter fields each summary answers (the columns it keeps)
_KINDS = frozenset({"type", "types", "acled", "modality", "negated"})
# the kinds the period splits keep (the ACLED type since migration 21)
_SPLIT_KINDS = frozenset({"type", "types", "acled", "modality", "negated"})
SUMMARY_KEEPS = {
    "event_dates": frozenset({"since", "until"}),
    "event_kinds": _KINDS,
    "event_days": _KINDS | {"since", "until"},
    "event_place_totals": _KINDS | {"place", "places"},
    "event_pairs": _KINDS | {"actor"},  # an actor's pairs are those it is a side of
    "event_degrees": _KINDS,
}
ACTOR_ORDER = {
    "name": "name",
    "type": "type",
    "country": "country",
    "mentions": "mention_count",
    "articles": "article_count",
}


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _article(row: Sequence[Any]) -> Article:
    return Article(
        id=row[0],
        title=row[1],
        outlet=row[2],
        url=row[3],
        source=row[4],
        published=row[5],
        published_precision=row[6],
        published_ambiguous=bool(row[7]),
        text=row[8],
        metadata=json.loads(row[9] or "{}"),
    )


# the stored record kinds, each a table of its own name
RECORD_KINDS = (
    "articles",
    "mentions",
    "actors",
    "events",
    "incidents",
    "relations",
    "quotes",
    "statistics",
    "places",
)


# the order of every actor (:meth:`SQLStore.actors` without a query)
EVERY_ACTOR_ORDER = " ORDER BY mention_count DESC, name, id"


class SQLStore(IncidentViewsSQL, StatisticsSQL, UnitsSQL, EventMentionsSQL, PairTailsSQL):
    """A :class:`~eventwire.store.base.Store` over a DB-API connection; see the module doc."""

    location: str
    driver_errors: tuple[type[BaseException], ...] = ()
    # each query a round trip to a server (PostgreSQL): reads then ask for many keys in
    # one query, where in process (SQLite) one small query per key costs less
    remote = False
    # the column a row is read back by once its keys are read from an index (a download's
    # events' lines): a backend's own row address when it has one, else the id
    row_address = "id"

    # dialect hooks -------------------------------------------------------------------
    def _execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """Run one statement written with ``?`` placeholders; returns a cursor."""
        raise NotImplementedError

    def _dialect(self, sql: str) -> str:
        """A summary's query as the backend reads it (SQLite's as written)."""
        return sql

    def _writing(self) -> AbstractContextManager[None]:
        """A transaction holding the store-level write lock."""
        raise NotImplementedError

    def _insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Bulk-insert ``rows`` (no conflicts expected: callers remove duplicates)."""
        raise NotImplementedError

    def _stream(self, sql: str, args: Sequence[Any] = ()) -> Iterator[Sequence[Any]]:
        """Rows of a query fetched a batch at a time, never all at once."""
        raise NotImplementedError

    @property
    def schema_version(self) -> int:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # helpers --------------------------------------------------------------------------
    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        return list(self._execute(sql, args).fetchall())

    def _one(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self._execute(sql, args).fetchone()

    def _fail(self, what: str, exc: BaseException) -> StoreError:
        return StoreError(f"{self.location}: cannot {what} ({exc})")

    def _state(self, name: str) -> str:
        row = self._one("SELECT value FROM store_state WHERE name = ?", (name,))
        return str(row[0]) if row else "0"

    def _set_state(self, name: str, value: str) -> None:
        self._execute("UPDATE store_state SET value = ? WHERE name = ?", (value, name))

    # documents -------------------------------------------------------------------------
    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        found: set[str] = set()
        for i in range(0, len(wanted), CHUNK):
            chunk = wanted[i : i + CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0] for r in self._all(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            )
        return found

    def add_documents(self, items: Sequence[tuple[Article, DocumentRecords]]) -> int:
        try:
            with self._writing():
                known = self.known_article_ids(a.id for a, _ in items)
                new: dict[str, tuple[Article, DocumentRecords]] = {}
                for article, records in items:
                    if article.id not in known:
                        new.setdefault(article.id, (article, records))
                if not new:
                    return 0
                generation = int(self._state("documents")) + 1
                # each row with its export line (migration 29), made from the row as an
                # export reads it back (the metadata's keys sorted)
                self._insert(
                    "articles",
                    [*ARTICLE_COLUMNS.split(", "), "line"],
                    (_with_line(row) for row in (
                        (a.id, a.title, a.outlet, a.url, a.source, a.published,
                         a.published_precision, int(a.published_ambiguous), a.text,
                         as_json(a.metadata))
                        for a, _ in new.values()
                    )),
                )  # fmt: skip
                self._insert(
                    "doc_records",
                    ("article_id", "payload", "seq"),
                    [(a.id, as_json(to_dict(r)), generation) for a, r in new.values()],
                )
                mentions: dict[tuple[str, int, int], tuple[Any, ...]] = {}
                for _, records in new.values():
                    for m in records.mentions:
                        mentions.setdefault(
                            (m.article_id, m.span.start, m.span.end),
                            (m.article_id, m.span.start, m.span.end, m.span.text, m.label,
                             m.normalized, m.role, m.group, m.evidence.char_start,
                             m.evidence.char_end),
                        )  # fmt: skip
                self._insert(
                    "mentions",
                    ("article_id", "start", '"end"', "text", "label", "normalized", "role",
                     "grp", "sent_start", "sent_end"),
                    mentions.values(),
                )  # fmt: skip
                self._set_state("documents", str(generation))
        except self.driver_errors as exc:
            raise self._fail("store documents", exc) from exc
        return len(new)

    def get_article(self, article_id: str) -> Article:
        row = self._one(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        if row is None:
            raise NotFound(f"no article {article_id!r}")
        return _article(row)

    def iter_articles(self) -> Iterator[Article]:
        for row in self._stream(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY id"):
            yield _article(row)

    def iter_document_records(self, upto: int | None = None) -> Iterator[DocumentRecords]:
        """Stored records by article id; ``upto`` keeps those of documents generations <= it."""
        if upto is None:
            rows = self._stream("SELECT payload FROM doc_records ORDER BY article_id")
        else:
            rows = self._stream(
                "SELECT payload FROM doc_records WHERE seq <= ? ORDER BY article_id", (upto,)
            )
        for row in rows:
            yield from_dict(DocumentRecords, json.loads(row[0]))

    # resolved picture ------------------------------------------------------------------
    def picture_state(self) -> PictureState:
        rows = dict(self._all("SELECT name, value FROM store_state"))
        return PictureState(
            documents=int(rows.get("documents", 0)),
            picture=int(rows.get("picture", 0)),
            fingerprint=str(rows.get("fingerprint", "")),
        )

    def replace_resolution(
        self,
        resolution: Resolution,
        generation: int | None = None,
        fingerprint: str = "",
        *,
        force: bool = False,
        event_mentions: Iterable[MentionRow] | None = None,
    ) -> bool:
        """Replace the whole picture in one transaction.

        With a ``generation`` (the documents generation the resolution was computed
        from), the write happens only when no picture of a later generation, or of
        the same generation and ``fingerprint`` (unless ``force``), is stored; returns
        whether it wrote. ``event_mentions`` are the resolution's kept event mentions
        (what a refresh regroups from; without them, the next refresh resolves in full)."""
        try:
            with self._writing():
                if generation is not None:
                    state = self.picture_state()
                    if state.picture > generation or (
                        state.picture == generation
                        and state.fingerprint == fingerprint
                        and not force
                    ):
                        return False
                for table in INCIDENT_TABLES + PICTURE_TABLES:
                    self._execute(f"DELETE FROM {table}")
                self._write_resolution(resolution)
                self._write_incidents(resolution)
                self._replace_event_mentions(event_mentions, generation)
                self._set_state("units", "-1")  # stored units are of an older picture
                if generation is not None:
                    self._set_state("picture", str(generation))
                    self._set_state("fingerprint", fingerprint)
        except self.driver_errors as exc:
            raise self._fail("store resolution", exc) from exc
        return True

    def _write_resolution(
        self,
        res: Resolution,
        summaries: bool = True,
        member_of: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        # rows are made as they are inserted (generators), never all at once; an event's
        # line names the incidents it is a member of (written with it: migration 19), from
        # ``member_of`` when given (a refresh's, for the events it writes)
        if member_of is None:
            member_of = member_incidents(res.incidents)
        self._insert("actors", ("id", *ACTOR_COLUMNS), (actor_row(a, res) for a in res.actors))
        self._insert("actor_keys", ("actor_id", "key"), actor_key_rows(res.actors))
        links = res.mention_actor
        self._insert(
            "mention_actor", ("mention", "actor_id"), ((m, links[m]) for m in sorted(links))
        )
        self._insert(
            "places",
            ("id", "name", "lat", "lon", "country", "admin1", "precision", "payload"),
            (
                (p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.precision, as_json(to_dict(p)))
                for p in res.places
            ),
        )
        self._insert(
            "events",
            ("id", "type", "source_actor", "target_actor", "date", "date_precision", "place_id",
             "lat", "lon", "negated", "modality", "attributed_to", "source_count", "payload",
             "killed", "wounded", "displaced", "acled_type", "line"),
            (
                (e.id, e.type, e.source_actor, e.target_actor, e.date, e.date_precision,
                 e.location.id if e.location else None, e.location.lat if e.location else None,
                 e.location.lon if e.location else None, int(e.negated), e.modality,
                 e.attributed_to, e.source_count, as_json(to_dict(e)),
                 *_event_columns(e), event_line(e, member_of.get(e.id, ())))
                for e in res.events
            ),
        )  # fmt: skip
        self._insert(
            "relations",
            ("id", "source_actor", "target_actor", "type", "negated", "modality", "contested",
             "first_seen", "last_seen", "source_count", "payload", "line"),
            (
                (r.id, r.source_actor, r.target_actor, r.type, int(r.negated), r.modality,
                 int(r.contested), r.first_seen, r.last_seen, r.source_count, as_json(to_dict(r)),
                 relation_line(r))
                for r in res.relations
            ),
        )  # fmt: skip
        if summaries:  # an actors-only write (an incremental refresh) leaves them be
            self.write_summaries()
        self._insert(
            "quotes",
            ("id", "speaker", "article_id", "text", "sentence", "char_start", "char_end",
             "speaker_description", "line"),
            (
                (q.id, q.speaker, q.article_id, q.text, q.sentence, q.char_start, q.char_end,
                 q.speaker_description, quote_line(q))
                for q in res.quotes
            ),
        )  # fmt: skip
        self._write_statistics(res.statistics)
        self._insert(
            "evidence",
            ("kind", "record_id", "article_id", "char_start", "char_end"),
            evidence_rows((("event", res.events), ("relation", res.relations))),
        )

    def write_summaries(self) -> None:
        """Rewrite the summary tables from ``events`` and ``relations`` (every resolution
        write does; a store filled by other means, such as the latency bench's, calls it
        once)."""
        for table, query in SUMMARIES.items():
            self._execute(f"DELETE FROM {table}")
            order = f" ORDER BY {SUMMARY_ORDER[table]}" if table in SUMMARY_ORDER else ""
            self._execute(self._dialect(f"INSERT INTO {table} {query}{order}"))
            if self.remote:  # a server plans the summaries read from this one by its
                # statistics: without them (a store filled in this transaction) it took
                # the pair periods for a few rows and joined the pair tails' parts by a
                # nested loop (at 100,000 events over 8 minutes, hours at 1M)
                self._execute(f"ANALYZE {table}")

    # queries ---------------------------------------------------------------------------
    def actors(self, query: str | None = None) -> list[Actor]:
        order = EVERY_ACTOR_ORDER
        if not query:
            rows = self._all("SELECT payload FROM actors" + order)
        else:
            keys = list(search_keys(query))
            if not keys:
                return []
            marks = ",".join("?" * len(keys))
            rows = self._all(
                "SELECT payload FROM actors WHERE id IN ("
                f" SELECT actor_id FROM actor_keys WHERE key IN ({marks}) OR key LIKE ?)" + order,
                [*keys, f"%{keys[0]}%"],
            )
        return [from_dict(Actor, json.loads(r[0])) for r in rows]

    def _actor_payload(self, actor_id: str) -> dict[str, Any]:
        row = self._one("SELECT payload FROM actors WHERE id = ?", (actor_id,))
        if row is None:
            raise NotFound(f"no actor {actor_id!r}")
        payload: dict[str, Any] = json.loads(row[0])
        return payload

    def get_actor(self, actor_id: str) -> Actor:
        return from_dict(Actor, self._actor_payload(actor_id))

    def explanations(self, actor_id: str) -> list[str]:
        return list(self._actor_payload(actor_id).get("explanation", []))

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        return [from_dict(Event, json.loads(r[0])) for r in self._event_rows(flt, "e.payload")]

    def event_lines(self, flt: EventFilter | None = None) -> list[EventLine]:
        """:meth:`events` as their export lines, stored with each event (migration 17),
        made from its JSON for an event stored before."""
        rows = self._event_rows(
            flt, "e.id, e.date, e.place_id, e.line, CASE WHEN e.line IS NULL THEN e.payload END"
        )
        return self._event_line_rows(rows)

    def _event_line_rows(self, rows: Sequence[Any]) -> list[EventLine]:
        """Rows of (id, date, place_id, line, payload when no line) as export lines: a
        line made from the payload and the event's incidents when none is stored."""
        unlined = [r[0] for r in rows if r[3] is None]
        member_of = self.event_incidents(unlined) if unlined else {}
        return [
            EventLine(r[0], r[1], r[2], _event_line(r[3], r[4], member_of.get(r[0], ())))
            for r in rows
        ]

    def event_keys(self, flt: EventFilter) -> list[tuple[str | None, str]]:
        """(date, id) of the events ``flt`` selects, in no order: read from an index that
        covers the filter (the type and date index for a type and a month) without
        reading a row, where the keyset pages of :meth:`event_lines` walk the date index
        in their order and read every row of the dates to test the rest (the JSON Lines
        of one type and one month on the 1M-event bench store: 30.6 -> 10.1 ms of CPU
        for its events' lines on SQLite, the keys and then the lines by id)."""
        return [(r[0], r[1]) for r in self.event_addresses(flt)]

    def event_addresses(self, flt: EventFilter) -> list[tuple[str | None, str, Any]]:
        """:meth:`event_keys` with each event's address (``row_address``), what
        :meth:`event_lines_at` reads its line by; from the same index, no row read."""
        columns = f"date, id, {self.row_address}"
        if flt.actor:  # each side's (actor, date, id) index holds the keys
            return [(r[0], r[1], r[2]) for r in self._all(*self._sides_statement(flt, columns))]
        return [(r[0], r[1], r[2]) for r in self._selected(flt, columns)]

    def event_lines_at(self, addresses: Sequence[Any]) -> list[EventLine]:
        """The export lines of the events at ``addresses`` (:meth:`event_addresses`), in
        that order, as :meth:`event_lines` makes them."""
        if self.row_address == "id":
            return self.event_lines_by_id(addresses)
        found: dict[Any, EventLine] = {}
        for start in range(0, len(addresses), CHUNK):
            chunk, chunk_args = self._one_of(self.row_address, addresses[start : start + CHUNK])
            rows = self._all(
                f"SELECT {self.row_address}, id, date, place_id, line,"
                f" CASE WHEN line IS NULL THEN payload END FROM events WHERE {chunk}",
                chunk_args,
            )
            lines = self._event_line_rows([r[1:] for r in rows])
            found.update((row[0], line) for row, line in zip(rows, lines, strict=True))
        return [found[a] for a in addresses if a in found]

    def _sides_statement(self, flt: EventFilter, columns: str) -> tuple[str, list[Any]]:
        """``columns`` of the events ``flt`` selects (it names an actor) as the union of the
        events of each side: each arm seeks its side's ``(actor, date, id)`` index, which
        covers the keys and a date range, so no row is read for them (a typical actor of
        the 1M-event bench store, 2,826 events: its keys 21 -> 5 ms of SQLite, where the
        ids found were looked up row by row)."""
        where, args = self._event_conditions(flt)
        cond = " AND ".join(where)
        return (
            f"SELECT {columns} FROM events WHERE source_actor = ? AND {cond}"
            f" UNION SELECT {columns} FROM events WHERE target_actor = ? AND {cond}",
            [flt.actor, *args, flt.actor, *args],
        )

    def event_lines_by_id(self, ids: Sequence[str]) -> list[EventLine]:
        """The export lines of the events of ``ids`` in that order (unknown ids left out),
        as :meth:`event_lines` makes them."""
        found: dict[str, EventLine] = {}
        for start in range(0, len(ids), CHUNK):
            chunk, chunk_args = self._one_of("id", ids[start : start + CHUNK])
            rows = self._all(
                "SELECT id, date, place_id, line, CASE WHEN line IS NULL THEN payload END"
                f" FROM events WHERE {chunk}",
                chunk_args,
            )
            found.update((row.id, row) for row in self._event_line_rows(rows))
        return [found[i] for i in ids if i in found]

    def event_incidents(self, event_ids: Iterable[str]) -> dict[str, list[str]]:
        """The ids of the incidents each of ``event_ids`` is a member of, in id order, by
        event id (events of none left out)."""
        found: dict[str, list[str]] = {}
        wanted = sorted(set(event_ids))
        for start in range(0, len(wanted), CHUNK):
            chunk, chunk_args = self._one_of("event_id", wanted[start : start + CHUNK])
            for event_id, incident_id in self._all(
                f"SELECT event_id, incident_id FROM incident_events WHERE role = 'member'"
                f" AND {chunk} ORDER BY event_id, incident_id",
                chunk_args,
            ):
                found.setdefault(event_id, []).append(incident_id)
        return found

    def _event_rows(self, flt: EventFilter | None, select: str) -> list[Any]:
        """The ``select`` columns (of ``events e``) of :meth:`events`' rows, in its order."""
        flt = flt or EventFilter()
        if flt.order == "-date" and flt.after and flt.after[0] is not None and not flt.offset:
            # newest first after a dated row: the dated rows before it, found by one seek
            # of the (date, id) index (an OR with the undated rows would scan it from the
            # top), then the undated rows, which come last
            date, last_id = flt.after
            found = self._event_page(flt, select, ["(date, id) < (?, ?)"], [date, last_id])
            if flt.limit is None or len(found) < flt.limit:
                rest = None if flt.limit is None else flt.limit - len(found)
                found += self._event_page(replace(flt, limit=rest), select, ["date IS NULL"], [])
            return found
        return self._event_page(flt, select, *_keyset(flt))

    def _event_page(
        self, flt: EventFilter, select: str, after: list[str], after_args: list[Any]
    ) -> list[Any]:
        """Rows of events of ``flt`` (a page when it has a limit) that meet ``after`` too."""
        where, args = self._event_conditions(flt)
        where, args = where + after, args + after_args
        order = ORDER_SQL[flt.order]
        page, page_args = "", []
        if flt.limit is not None:
            page, page_args = " LIMIT ? OFFSET ?", [flt.limit, flt.offset]
        if flt.actor:
            # Two ordered index scans (the actor as source, as target) merged by the order:
            # a page of a hub actor's events stops early instead of sorting all of them.
            cond = " AND ".join(where)
            keys = "date, id, source_count, type, killed"
            inner = ORDER_SQL[flt.order]
            outer = ", ".join("k." + term for term in inner.split(", "))
            # each side stops at the page's end too: PostgreSQL's UNION reads both sides
            # whole before it orders them (a hub's 200,000 rows), SQLite's merges them
            side, side_args = "", []
            if flt.limit is not None:
                side, side_args = f" ORDER BY {inner} LIMIT ?", [flt.limit + flt.offset]
            sql = (
                f"SELECT {select} FROM (SELECT * FROM (SELECT {keys} FROM events"
                f" WHERE source_actor = ? AND {cond}{side}) s UNION SELECT * FROM (SELECT {keys}"
                f" FROM events WHERE target_actor = ? AND {cond}{side}) t"
                f" ORDER BY {inner}{page}) k JOIN events e ON e.id = k.id ORDER BY {outer}"
            )
            args = [flt.actor, *args, *side_args, flt.actor, *args, *side_args, *page_args]
        else:
            sql = (
                f"SELECT {select} FROM events e WHERE {' AND '.join(where)} ORDER BY {order}{page}"
            )
            args += page_args
        return self._all(sql, args)

    def get_event(self, event_id: str) -> Event:
        row = self._one("SELECT payload FROM events WHERE id = ?", (event_id,))
        if row is None:
            raise NotFound(f"no event {event_id!r}")
        return from_dict(Event, json.loads(row[0]))

    def article_events(self, article_id: str) -> list[Event]:
        """Events with evidence in one article (through the evidence index)."""
        rows = self._all(
            "SELECT payload FROM events WHERE id IN (SELECT record_id FROM evidence"
            " WHERE kind = 'event' AND article_id = ?) ORDER BY date, id",
            (article_id,),
        )
        return [from_dict(Event, json.loads(r[0])) for r in rows]

    def relations(self, actor: str | None = None) -> list[Relation]:
        return [from_dict(Relation, p) for p in self.relation_payloads(actor)]

    def relation_payloads(self, actor: str | None = None) -> list[dict[str, Any]]:
        """The stored JSON of :meth:`relations`, decoded but not built into records (an
        exporter that writes JSON reads these)."""
        if actor:
            rows = self._all(
                "SELECT payload FROM relations WHERE source_actor = ? OR target_actor = ?"
                " ORDER BY source_count DESC, id",
                (actor, actor),
            )
        else:
            rows = self._all("SELECT payload FROM relations ORDER BY source_count DESC, id")
        return [json.loads(r[0]) for r in rows]

    def actor_relations(
        self, actor_id: str, per_kind: int
    ) -> tuple[list[Relation], list[tuple[str, bool, str, int]]]:
        # a hub is a side of thousands of relations: their kinds are counted from the
        # columns, and only the payloads shown are decoded
        side, args = "(source_actor = ? OR target_actor = ?)", [actor_id, actor_id]
        kinds = self._all(
            f"SELECT type, negated, modality, COUNT(*) FROM relations WHERE {side}"
            " GROUP BY type, negated, modality ORDER BY type, negated, modality",
            args,
        )
        rows = self._all(
            "SELECT payload FROM (SELECT payload, source_count, id, ROW_NUMBER() OVER"
            " (PARTITION BY type, negated, modality ORDER BY source_count DESC, id) AS n"
            f" FROM relations WHERE {side}) r WHERE n <= ? ORDER BY source_count DESC, id",
            [*args, max(0, per_kind)],
        )
        return (
            [from_dict(Relation, json.loads(r[0])) for r in rows],
            [(str(t), bool(neg), str(m), int(n)) for t, neg, m, n in kinds],
        )

    def incidents_of_events(self, flt: EventFilter) -> list[Incident]:
        """The incidents one of the events ``flt`` selects is a member of, by id (read
        through the event ids: no event is decoded)."""
        cond, args = self._selected_where(flt)
        rows = self._all(
            "SELECT payload FROM incidents WHERE id IN (SELECT l.incident_id FROM"
            " incident_events l WHERE l.role = 'member' AND l.event_id IN"
            f" (SELECT id FROM events WHERE {cond})) ORDER BY id",
            args,
        )
        return [from_dict(Incident, json.loads(r[0])) for r in rows]

    def incident_keys_of_events(self, flt: EventFilter) -> list[tuple[str | None, str]]:
        """(date, id) of the incidents one of the events ``flt`` selects is a member of,
        undated first, then by date and id (no incident is decoded)."""
        cond, args = self._selected_where(flt)
        rows = self._all(
            "SELECT date, id FROM incidents WHERE id IN (SELECT l.incident_id FROM"
            " incident_events l WHERE l.role = 'member' AND l.event_id IN"
            f" (SELECT id FROM events WHERE {cond})) ORDER BY date NULLS FIRST, id",
            args,
        )
        return [(r[0], r[1]) for r in rows]

    def incidents_by_id(self, ids: Sequence[str]) -> list[Incident]:
        """The incidents of ``ids`` in that order (unknown ids left out)."""
        found: dict[str, Incident] = {}
        for start in range(0, len(ids), CHUNK):
            chunk, chunk_args = self._one_of("id", ids[start : start + CHUNK])
            for row in self._all(f"SELECT id, payload FROM incidents WHERE {chunk}", chunk_args):
                found[row[0]] = from_dict(Incident, json.loads(row[1]))
        return [found[i] for i in ids if i in found]

    def incident_lines_by_id(self, ids: Sequence[str]) -> list[IncidentLine]:
        """The export lines of :meth:`incidents_by_id`, in the same order: stored with each
        incident, made from its JSON for an incident stored before (migration 18)."""
        found: dict[str, IncidentLine] = {}
        for start in range(0, len(ids), CHUNK):
            chunk, chunk_args = self._one_of("id", ids[start : start + CHUNK])
            for row in self._all(
                "SELECT id, date, line, CASE WHEN line IS NULL THEN payload END, place_id"
                f" FROM incidents WHERE {chunk}",
                chunk_args,
            ):
                line = row[2] if row[2] is not None else incident_line(row[3])
                found[row[0]] = IncidentLine(row[0], row[1], line, row[4])
        return [found[i] for i in ids if i in found]

    def event_actor_ids(self, flt: EventFilter) -> set[str]:
        """The actors of the events ``flt`` selects (either side, or the one a claim is
        attributed to). A filter of dates, kinds and sources up to the floor reads
        ``event_actor_roles`` (and the days of the months its dates cut from ``events``):
        under ``type=assault&since=2016`` on the 1M-event bench store, not the actors of
        the hundreds of thousands of events it selects. A type with no other kind reads
        ``event_actor_types`` (migration 27), a row an actor, period and type where the
        roles keep one a negation, modality, ACLED type and floor (a third of the rows
        under ``type=fight&since=2016-03-15`` at 1M)."""
        actors: set[str] = set()
        plan = _period_plan(flt, kinds=True)
        parts, cut = plan if plan is not None else ([], [""])
        kind_where, kind_args = _kind_conditions(flt)
        # a type with no other kind: one row an actor, period and type (migration 27)
        table = "event_actor_types" if _actor_types_answer(flt) else "event_actor_roles"
        arms, arms_args = [], []
        for grain, conditions, args in parts:
            where = ["grain = ?", *kind_where, *conditions]
            arms_args += [grain, *kind_args, *args]
            if flt.min_sources > 1:
                where.append("floor >= ?")
                arms_args.append(flt.min_sources)
            arms.append(f"SELECT actor_id FROM {table} WHERE {' AND '.join(where)}")
        if arms:  # each actor once, however many periods it has events in (a few arms)
            first = "SELECT DISTINCT" + arms[0][len("SELECT") :]
            actors.update(r[0] for r in self._all(" UNION ".join([first, *arms[1:]]), arms_args))
        statements = []
        sides = "source_actor, target_actor, attributed_to"
        if flt.actor and plan is None:  # each side's index finds the rows (no id sought)
            statements.append(self._sides_statement(flt, sides))
            cut = []
        for month in cut:  # every event without a plan, else the days the dates cut
            cond, args = self._selected_where(
                flt, *(("date BETWEEN ? AND ?", _month_range(month)) if month else ())
            )
            statements.append((f"SELECT {sides} FROM events WHERE {cond}", args))
        for row in self._all_of(statements):
            actors.update(a for a in row if a)
        return actors

    def actors_by_ids(self, ids: Iterable[str]) -> list[Actor]:
        return [from_dict(Actor, json.loads(r[0])) for r in self._by_ids("actors", "payload", ids)]

    def event_locations(self, event_ids: Iterable[str]) -> dict[str, Place]:
        """The places of these events (as each event carries it) by event id; events
        without one are left out."""
        out: dict[str, Place] = {}
        for event_id, payload in self._by_ids("events", "id, payload", event_ids):
            location = json.loads(payload).get("location")
            if location is not None:
                out[event_id] = from_dict(Place, location)
        return out

    def articles_by_ids(self, ids: Iterable[str]) -> list[Article]:
        return [_article(r) for r in self._by_ids("articles", ARTICLE_COLUMNS, ids)]

    def actor_heads(self, ids: Iterable[str] | None = None) -> list[Actor]:
        """The names, types, countries and counts of ``ids`` (every actor when None), by
        id. A quarter of the actors or more are read in one pass over the table, not by id
        (the actor index under a type and a day at 1M: 4,999 of 5,000 actors)."""
        columns = "id, name, type, country, kb_id, mention_count, article_count"
        wanted = None if ids is None else set(ids)
        if wanted is None or len(wanted) * 4 >= self.count("actors"):
            rows = self._all(f"SELECT {columns} FROM actors ORDER BY id")
            if wanted is not None:
                rows = [r for r in rows if r[0] in wanted]
        else:
            rows = self._by_ids("actors", columns, wanted)
        return [
            Actor(id=r[0], name=r[1], type=r[2], country=r[3], kb_id=r[4], mention_count=r[5],
                  article_count=r[6])
            for r in rows
        ]  # fmt: skip

    def article_lines(self, ids: Iterable[str] | None = None) -> Iterator[str]:
        # the line stored with each (migration 29); the row's columns (not its text) only
        # for one stored before that had none
        if ids is None:
            for row in self._stream(f"SELECT {ARTICLE_LINE_COLUMNS} FROM articles ORDER BY id"):
                yield _article_line(row)
            return
        for row in self._by_ids("articles", ARTICLE_LINE_COLUMNS, ids):
            yield _article_line(row)

    def actor_lines(self, ids: Iterable[str] | None = None) -> Iterator[str]:
        # stored with each (migration 29), else made from its stored JSON
        columns = "line, CASE WHEN line IS NULL THEN payload END"
        if ids is None:  # in the order of actors()
            rows = self._all(f"SELECT {columns} FROM actors" + EVERY_ACTOR_ORDER)
        else:
            rows = self._by_ids("actors", columns, ids)
        for row in rows:
            yield row[0] if row[0] is not None else actor_line(row[1])

    def quote_lines(
        self, speaker: str | None = None, article_ids: Iterable[str] | None = None
    ) -> list[QuoteLine]:
        """The export lines of :meth:`quotes` (of ``speaker``), or of
        :meth:`quotes_of_articles` when ``article_ids`` are given, in the same order."""
        if article_ids is None:
            where, args = (" WHERE speaker = ?", [speaker]) if speaker else ("", [])
            return self._quote_lines(where, args)
        wanted = sorted(set(article_ids))
        found: list[QuoteLine] = []
        for start in range(0, len(wanted), CHUNK):  # in article order, so in quotes()'s
            chunk, chunk_args = self._one_of("article_id", wanted[start : start + CHUNK])
            found += self._quote_lines(f" WHERE {chunk}", chunk_args)
        return found

    def _quote_lines(self, where: str, args: Sequence[Any]) -> list[QuoteLine]:
        rows = self._all(
            "SELECT article_id, speaker, line, id, CASE WHEN line IS NULL THEN text END,"
            " CASE WHEN line IS NULL THEN sentence END, char_start, char_end,"
            f" speaker_description FROM quotes{where} ORDER BY article_id, char_start, id",
            args,
        )
        return [QuoteLine(r[0], r[1], r[2] if r[2] is not None else _quote_line(r)) for r in rows]

    def article_outlets(self, ids: Iterable[str]) -> dict[str, str | None]:
        return {r[0]: r[1] for r in self._by_ids("articles", "id, outlet", ids)}

    def _by_ids(self, table: str, columns: str, ids: Iterable[str]) -> list[Any]:
        """Rows (``columns``) of ``table`` whose id is one of ``ids``, by id: one query per
        ``CHUNK`` ids, each in the order of the ids (sorted)."""
        wanted = sorted(set(ids))
        rows: list[Any] = []
        for start in range(0, len(wanted), CHUNK):
            chunk, chunk_args = self._one_of("id", wanted[start : start + CHUNK])
            rows += self._all(
                f"SELECT {columns} FROM {table} WHERE {chunk} ORDER BY id", chunk_args
            )
        return rows

    def quotes_of_articles(self, article_ids: Iterable[str]) -> list[Quote]:
        wanted = sorted(set(article_ids))
        found: list[Quote] = []
        for start in range(0, len(wanted), CHUNK):  # in article order, so in quotes()'s
            chunk, chunk_args = self._one_of("article_id", wanted[start : start + CHUNK])
            found += self._quotes(f" WHERE {chunk}", chunk_args)
        return found

    def event_links(self, flt: EventFilter) -> tuple[set[str], set[str]]:
        """The actors (either side, or the one a claim is attributed to) and the articles
        (of the evidence) of the events ``flt`` selects, read without decoding an event."""
        return self.event_actor_ids(flt), self.event_article_ids(flt)

    def event_article_ids(self, flt: EventFilter) -> set[str]:
        """The articles (of the evidence) of the events ``flt`` selects: the second part of
        :meth:`event_links`, what a JSON Lines download writes first (its actors are read
        after its first bytes are sent)."""
        if flt.actor:  # the ids from each side's index, no row read
            selected, args = self._sides_statement(flt, "id")
        else:
            cond, args = self._selected_where(flt)
            selected = f"SELECT id FROM events WHERE {cond}"
        return {
            r[0]
            for r in self._all(
                "SELECT DISTINCT article_id FROM evidence WHERE kind = 'event' AND record_id IN"
                f" ({selected})",
                args,
            )
        }

    def relations_among(
        self, actor_ids: Iterable[str], *, since: str | None = None, until: str | None = None
    ) -> list[Relation]:
        """Relations whose two sides are both of ``actor_ids``, most sources first: found
        through the actor index, so a hub's thousands of other relations are never read.
        With ``since`` or ``until``, those the network's period rule keeps
        (:meth:`_relation_period`)."""
        found = self.relation_payloads_among(actor_ids, since=since, until=until)
        return [from_dict(Relation, p) for p in found]

    def relation_lines(self, actor: str | None = None, min_sources: int = 1) -> list[str]:
        """The export lines of :meth:`relation_payloads` with at least ``min_sources``
        sources, in the same order: stored with each relation, made from its JSON for a
        relation stored before lines were (migration 16)."""
        where = "source_count >= ?"
        args: list[Any] = [min_sources]
        if actor:
            where += " AND (source_actor = ? OR target_actor = ?)"
            args += [actor, actor]
        return self._lines(where, args)

    def relation_lines_among(
        self,
        actor_ids: Iterable[str],
        min_sources: int = 1,
        *,
        since: str | None = None,
        until: str | None = None,
    ) -> list[str]:
        """The export lines of :meth:`relation_payloads_among` with at least
        ``min_sources`` sources, in the same order."""
        return list(
            self.iter_relation_lines_among(actor_ids, min_sources, since=since, until=until)
        )

    def iter_relation_lines_among(
        self,
        actor_ids: Iterable[str],
        min_sources: int = 1,
        *,
        since: str | None = None,
        until: str | None = None,
    ) -> Iterator[str]:
        """:meth:`relation_lines_among`, fetched a batch at a time as they are read (a
        busy actor's download: 14,296 relations at 1M, never held at once)."""
        ids = sorted(set(actor_ids))
        period, period_args = self._relation_period(since, until)
        if len(ids) > AMONG_LIMIT:  # a long list costs more than reading every relation
            wanted = set(ids)
            rows = self._stream(
                "SELECT source_actor, target_actor, line, CASE WHEN line IS NULL THEN payload END"
                f" FROM relations WHERE {' AND '.join(['source_count >= ?', *period])}"
                " ORDER BY source_count DESC, id",
                [min_sources, *period_args],
            )
            for r in rows:
                if r[0] in wanted and r[1] in wanted:
                    yield _line(r[2], r[3])
            return
        if not ids:
            return
        among, among_args = self._among(ids)
        kept = self._kept_rows("relations", f"{among} AND source_count >= ?")
        for r in self._stream(
            "SELECT line, CASE WHEN line IS NULL THEN payload END FROM relations"
            f" WHERE {' AND '.join([kept, *period])} ORDER BY source_count DESC, id",
            [*among_args, min_sources, *period_args],
        ):
            yield _line(r[0], r[1])

    def _one_of(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        """The condition that ``column`` is one of ``values``, and its arguments: a list of
        marks in process; on a server one array (``= ANY``), which it reads and plans as
        one value, not one per id (the relations among 1,300 actors: 137 ms of wall clock
        instead of 185 on PostgreSQL)."""
        if self.remote:
            return f"{column} = ANY(?)", [list(values)]
        return f"{column} IN ({','.join('?' * len(values))})", list(values)

    def _among(self, ids: Sequence[str]) -> tuple[str, list[Any]]:
        """The condition that both sides of a row are of ``ids``, and its arguments."""
        source, source_args = self._one_of("source_actor", ids)
        target, target_args = self._one_of("target_actor", ids)
        return f"{source} AND {target}", [*source_args, *target_args]

    def _kept_rows(self, table: str, condition: str) -> str:
        """A condition keeping the rows of ``table`` that ``condition`` keeps, written so
        that the rows are found in an index that covers ``condition`` before any is read
        from the table (the dialect's way; here ``condition`` itself)."""
        return condition

    def _lines(self, where: str, args: Sequence[Any]) -> list[str]:
        rows = self._all(
            "SELECT line, CASE WHEN line IS NULL THEN payload END FROM relations"
            f" WHERE {where} ORDER BY source_count DESC, id",
            args,
        )
        return [_line(r[0], r[1]) for r in rows]

    def relation_payloads_among(
        self, actor_ids: Iterable[str], *, since: str | None = None, until: str | None = None
    ) -> list[dict[str, Any]]:
        """The stored JSON of :meth:`relations_among`, decoded but not built into records."""
        ids = sorted(set(actor_ids))
        period, period_args = self._relation_period(since, until)
        if len(ids) > AMONG_LIMIT:  # a long list costs more than reading every relation
            wanted = set(ids)
            rows = self._all(
                "SELECT source_actor, target_actor, payload FROM relations"
                f" WHERE {' AND '.join(['1 = 1', *period])} ORDER BY source_count DESC, id",
                period_args,
            )
            return [json.loads(r[2]) for r in rows if r[0] in wanted and r[1] in wanted]
        if not ids:
            return []
        among, among_args = self._among(ids)
        rows = self._all(
            "SELECT payload FROM relations WHERE"
            f" {' AND '.join([self._kept_rows('relations', among), *period])}"
            " ORDER BY source_count DESC, id",
            [*among_args, *period_args],
        )
        return [json.loads(r[0]) for r in rows]

    def quotes(self, speaker: str | None = None) -> list[Quote]:
        if speaker:
            return self._quotes(" WHERE speaker = ?", (speaker,))
        return self._quotes("", ())

    def _quotes(self, where: str, args: Sequence[Any]) -> list[Quote]:
        rows = self._all(
            "SELECT id, text, article_id, sentence, char_start, char_end, speaker,"
            f" speaker_description FROM quotes{where} ORDER BY article_id, char_start, id",
            args,
        )
        return [
            Quote(id=r[0], text=r[1], article_id=r[2], sentence=r[3], char_start=r[4],
                  char_end=r[5], speaker=r[6], speaker_description=r[7])
            for r in rows
        ]  # fmt: skip

    def places(self) -> list[tuple[Place, int]]:
        rows = self._all(
            "SELECT p.payload, COALESCE(t.n, 0) AS n FROM places p LEFT JOIN"
            " (SELECT place_id, SUM(events) AS n FROM event_place_totals GROUP BY place_id) t"
            " ON t.place_id = p.id ORDER BY n DESC, p.name, p.id"
        )
        return [(from_dict(Place, json.loads(r[0])), int(r[1])) for r in rows]

    # whole-corpus views (issue 18) -------------------------------------------------------
    def _selected(self, flt: EventFilter, columns: str, *more: Any) -> list[Any]:
        """The rows of :meth:`_selected_statement` (``more``: its ``extra``, ``tail`` and
        ``extra_args``)."""
        return self._all(*self._selected_statement(flt, columns, *more))

    def _selected_statement(
        self,
        flt: EventFilter,
        columns: str,
        extra: str = "",
        tail: str = "",
        extra_args: Sequence[Any] = (),
    ) -> tuple[str, list[Any]]:
        """The query of :meth:`_selected` and its arguments."""
        cond, args = self._selected_where(flt, extra, extra_args)
        return f"SELECT {columns} FROM events WHERE {cond}{tail}", args

    def _selected_where(
        self, flt: EventFilter, extra: str = "", extra_args: Sequence[Any] = ()
    ) -> tuple[str, list[Any]]:
        """The WHERE condition (and its arguments) of the events ``flt`` selects."""
        where, args = self._event_conditions(flt)
        if flt.actor:
            where.append(
                "id IN (SELECT id FROM events WHERE source_actor = ?"
                " UNION SELECT id FROM events WHERE target_actor = ?)"
            )
            args += [flt.actor, flt.actor]
        if extra:
            where.append(extra)
            args += extra_args
        return " AND ".join(where), args

    def _grouped_selection(
        self, flt: EventFilter, inner: str, columns: str, tail: str, extra: str = ""
    ) -> list[Any]:
        """``columns`` grouped by ``tail`` over the ``inner`` columns of the selected events,
        read first on their own: the planners then seek the index that serves the filter
        (fatalities, modality and dates ...) instead of walking one in the grouping's order
        over the whole table."""
        cond, args = self._selected_where(flt, extra)
        return self._all(
            f"WITH sel AS MATERIALIZED (SELECT {inner} FROM events WHERE {cond})"
            f" SELECT {columns} FROM sel{tail}",
            args,
        )

    def _summary(
        self,
        tables: Sequence[str],
        flt: EventFilter,
        columns: str,
        tail: str,
        extra: str = "",
        extra_args: Sequence[Any] = (),
    ) -> list[Any] | None:
        """Rows of the first of the summary ``tables`` that keeps every field ``flt`` names,
        or None when none does (the caller then reads ``events``)."""
        table = _summary_table(tables, flt)
        if table is None:
            return None
        where, args = self._event_conditions(flt)
        if flt.actor:
            where.append("(source_actor = ? OR target_actor = ?)")
            args += [flt.actor, flt.actor]
        if extra:
            where.append(extra)
            args += extra_args
        return self._all(f"SELECT {columns} FROM {table} WHERE {' AND '.join(where)}{tail}", args)

    def count_events(self, flt: EventFilter) -> int:
        rows = self._summary(("event_kinds", "event_dates", "event_days"), flt, "SUM(events)", "")
        if rows is None:
            rows = self._selected(flt, "COUNT(*)")
        return int(rows[0][0] or 0)

    def event_dates(self, flt: EventFilter) -> list[DateCount]:
        tail = (
            " GROUP BY date, date_precision ORDER BY date NULLS FIRST, date_precision NULLS FIRST"
        )
        rows = self._summary(
            ("event_dates", "event_days"),
            flt,
            "date, date_precision, SUM(events), SUM(killed), SUM(wounded)",
            tail,
        )
        if rows is None:
            rows = self._grouped_selection(
                flt,
                "date, date_precision, killed, wounded",
                "date, date_precision, COUNT(*), SUM(killed), SUM(wounded)",
                tail,
            )
        return [DateCount(r[0], r[1], int(r[2]), int(r[3] or 0), int(r[4] or 0)) for r in rows]

    def _acled_as_types(self, flt: EventFilter) -> EventFilter:
        """``flt`` with its ACLED type replaced by the event types that carry it, when that
        is the same selection: every stored event of those types has that ACLED type
        (read from ``event_kinds``, a few dozen rows). The summaries without the kind
        split (the pair sums and floors) keep the type, not the ACLED type, so a filter
        of an ACLED type is then answered by more of them. The ontology codes most types
        with one ACLED type, but an assault is a battle, an attack on civilians or remote
        violence by its trigger and targets: a type whose events carry several (or none)
        keeps the filter as it is, read from the kind-split period summaries with dates
        (they keep the ACLED type since migration 21)."""
        if not flt.acled:
            return flt
        rows = self._all(
            "SELECT type, acled_type FROM event_kinds WHERE type IN"
            " (SELECT type FROM event_kinds WHERE acled_type = ?) GROUP BY type, acled_type",
            (flt.acled,),
        )
        if any(r[0] is None or r[1] != flt.acled for r in rows):
            return flt  # a type of several ACLED types: only ``events`` tells them apart
        types = sorted({r[0] for r in rows})
        if flt.types:
            types = [t for t in types if t in flt.types]
        return replace(flt, acled=None, types=tuple(types) or (NO_TYPE,))

    def event_edges(
        self,
        flt: EventFilter,
        among: Sequence[str] | None = None,
        pairs: Sequence[tuple[str, str]] | None = None,
    ) -> list[EdgeCount]:
        flt = self._acled_as_types(flt)
        group = _EDGE
        if pairs is not None and among is None and _pairs_split(flt):
            rows = self._pair_splits(flt, pairs)
        else:
            rows = self._event_pair_rows(
                flt, f"{group}, {{n}}, {{sources}}", f" GROUP BY {group} ORDER BY {group}",
                among, pairs,
            )  # fmt: skip
        return [EdgeCount(r[0], r[1], r[2], bool(r[3]), r[4], int(r[5]), int(r[6])) for r in rows]

    def event_edge_rows(
        self, flt: EventFilter, pairs: Sequence[tuple[str, str]]
    ) -> list[tuple[str, str, str, int, str, int, int]]:
        flt = self._acled_as_types(flt)
        if _pairs_split(flt) and not self.remote:  # a server sums them in its own query
            return self._pair_splits(flt, pairs, summed=False)
        return [
            (e.source, e.target, e.type, e.negated, e.modality, e.events, e.sources)
            for e in self.event_edges(flt, pairs=pairs)
        ]

    def _pair_splits(
        self, flt: EventFilter, pairs: Sequence[tuple[str, str]], summed: bool = True
    ) -> list[Any]:
        """The (type, negation, modality) split of ``pairs`` under a filter of dates, kinds
        and sources up to the floor, from the index of ``event_pair_splits`` (or, with a
        minimum of sources, of ``event_pair_periods``) for each part of the period plan
        (:meth:`_pair_split_statements`); the days of the months the dates cut from
        ``events``. Rows as :meth:`event_edges` reads them, in the same order; unless
        ``summed``, each part's rows as they are read (a key in several rows)."""
        plan = _period_plan(flt, kinds=True)
        wanted = sorted(set(pairs))
        if plan is None or not wanted:
            return []
        parts, cut = plan
        kind_where, kind_args = _kind_conditions(flt)
        tails = _tail_plan(flt)
        table = "event_pair_splits"
        if flt.min_sources > 1:  # the pair periods keep each event's sources up to the floor
            table = "event_pair_periods"
            kind_where, kind_args = [*kind_where, "floor >= ?"], [*kind_args, flt.min_sources]
        statements = (
            [] if tails is not None
            else self._pair_split_statements(table, parts, kind_where, kind_args, wanted)
        )  # fmt: skip
        # the days of a cut month, through the covering date index: the events between
        # two sides of the pairs, the pairs kept below (a list of the pairs tested on
        # each of those events cost three times the read: 17 of 22 ms for a cut day of
        # the 1M-event bench store)
        sides = sorted({a for pair in wanted for a in pair})
        more, more_args = _sides(sides, sides, dodge=True) or ("", [])
        for month in cut:
            statements.append(self._selected_statement(
                flt, f"{_EDGE}, COUNT(*), SUM(source_count)",
                f"{_PAIR} AND date BETWEEN ? AND ? AND {more}", f" GROUP BY {_EDGE}",
                [*_month_range(month), *more_args],
            ))  # fmt: skip
        if tails is not None:  # dates alone: the whole periods from two tails a pair
            rows = self._tail_splits(tails, wanted)
            kept = set(wanted)
            rows += [r for r in self._all_of(statements) if (r[0], r[1]) in kept]
            return _summed(rows, 5) if summed else rows
        rows = self._summed_of(statements, 5, 2) if summed else self._all_of(statements)
        if not cut:
            return rows
        kept = set(wanted)
        return [r for r in rows if (r[0], r[1]) in kept]

    def _pair_split_statements(
        self,
        table: str,
        parts: list[tuple[int, list[str], list[Any]]],
        kind_where: list[str],
        kind_args: list[Any],
        wanted: list[tuple[str, str]],
    ) -> list[tuple[str, list[Any]]]:
        """The queries of the split rows of the ``wanted`` pairs in each part of a period
        plan (the caller sums them). In process, one per part and source actor, seeking
        its targets in the pair index: a query costs little there, and SQLite's planner
        reads a list of pairs joined as a table through a Bloom filter over the whole
        summary. On a server, one per part: the pairs given as two arrays, each pair
        sought in the index and its rows grouped (the split of the 200 pairs drawn under
        ``since=2016`` on the 1M-event bench store: 80 ms of wall clock as one join and
        grouping, 41 as one grouping per pair)."""
        statements: list[tuple[str, list[Any]]] = []
        targets: dict[str, list[str]] = {}
        for source, target in wanted:
            targets.setdefault(source, []).append(target)
        # no kind named: the whole years after ``since`` are one row a kind (migration 25)
        suffixes = not self.remote and table == "event_pair_splits" and not kind_where
        for grain, conditions, args in parts:
            if suffixes and grain == PERIOD_GRAINS[0] and conditions in _SINCE_ONLY:
                statements += _suffix_statements(conditions[0], args[0], targets)
                continue
            where = " AND ".join(["grain = ?", *conditions, *kind_where])
            if self.remote:  # each pair's rows grouped on their own (LATERAL): a
                # few dozen rows a group, where one grouping of them all sorts every row
                statements.append((
                    "SELECT x.* FROM unnest(?::text[], ?::text[]) AS w(pair_source, pair_target)"
                    f" CROSS JOIN LATERAL (SELECT {_EDGE}, SUM(events), SUM(sources) FROM {table}"
                    " WHERE source_actor = w.pair_source AND target_actor = w.pair_target"
                    f" AND {where} GROUP BY {_EDGE}) x",
                    [[p[0] for p in wanted], [p[1] for p in wanted], grain, *args, *kind_args],
                ))  # fmt: skip
                continue
            for source, among in targets.items():
                statements.append((
                    f"SELECT {_EDGE}, SUM(events), SUM(sources) FROM {table}"
                    f" WHERE source_actor = ? AND target_actor IN ({','.join('?' * len(among))})"
                    f" AND {where} GROUP BY {_EDGE}",
                    [source, *among, grain, *args, *kind_args],
                ))  # fmt: skip
        return statements

    def _all_of(self, statements: Sequence[tuple[str, Sequence[Any]]]) -> list[Any]:
        """The rows of every statement (the caller sums or orders them), in few queries:
        ``UNION ALL`` of them. On a server one query, one round trip where each would be
        one; in process a query per ``COMPOUND_ARMS`` statements (SQLite's limit of a
        compound select is 500), each arm still seeking its own index (the network of a
        cut day ran 131 queries on a small store, one per source actor and period)."""
        if self.remote and len(statements) > 1:
            return self._all(
                " UNION ALL ".join(f"({sql})" for sql, _ in statements),
                [arg for _, args in statements for arg in args],
            )
        rows: list[Any] = []
        for part in _compound_parts(statements):
            if len(part) == 1:
                rows += self._all(*part[0])
                continue
            rows += self._all(
                " UNION ALL ".join(f"SELECT * FROM ({sql})" for sql, _ in part),
                [arg for _, args in part for arg in args],
            )
        return rows

    def _summed_of(
        self, statements: Sequence[tuple[str, Sequence[Any]]], width: int, values: int = 1
    ) -> list[tuple[Any, ...]]:
        """The rows of every statement with the same first ``width`` columns summed (the
        ``values`` columns after them), ordered by those columns (:func:`_summed`). On a
        server the sums are the query's own (one grouping of the ``UNION ALL``): fewer
        rows sent and none summed in Python (the network under a cut day on the 1M-event
        bench store summed 11,382 degree rows and 7,764 split rows here: 64 -> 40 ms of
        the client's CPU per request with the degrees in one query)."""
        if not self.remote or not statements:
            return _summed(self._all_of(statements), width)
        keys = ", ".join(f"k{i}" for i in range(width))
        sums = ", ".join(f"COALESCE(SUM(v{i}), 0)::bigint" for i in range(values))
        names = ", ".join([*(f"k{i}" for i in range(width)), *(f"v{i}" for i in range(values))])
        union = " UNION ALL ".join(f"({sql})" for sql, _ in statements)
        return [
            tuple(row)
            for row in self._all(
                f"WITH u({names}) AS ({union}) SELECT {keys}, {sums} FROM u"
                f" GROUP BY {keys} ORDER BY {keys}",
                [arg for _, args in statements for arg in args],
            )
        ]

    def event_pair_sources(
        self,
        flt: EventFilter,
        among: Sequence[str] | None = None,
        new: Sequence[str] | None = None,
    ) -> list[tuple[str, str, int]]:
        flt = self._acled_as_types(flt)
        group = "source_actor, target_actor"
        kinds = _kind_plan(flt)  # a type, negation or modality: the pair splits keep them
        # a kind and a sources floor: the pair periods keep both (each floor a row)
        floors = _kind_floor_plan(flt)
        table = "event_pair_periods" if floors else "event_pair_splits" if kinds else (
            "event_pair_floors")  # fmt: skip
        if _period_plan(flt) is not None or kinds or floors:  # a row per pair and period
            # with ``new``: the pairs from a new actor to any, and from an older one to a
            # new one (two seeks per pair of sides, not one per pair among them all)
            sides: list[tuple[Sequence[str] | None, Sequence[str] | None]] = (
                [(among, among)] if new is None or among is None
                else [(new, among), (sorted(set(among) - set(new)), new)]
            )  # fmt: skip
            # each side's whole-store pairs sought from the actors it adds, a range of
            # their pairs by source (or target) each (migration 30)
            arms: list[tuple[Sequence[str], Sequence[str], str | None]] = []
            if among is not None:
                arms = [(among, among, None)] if new is None else [
                    (new, among, "source"), (sorted(set(among) - set(new)), new, "target")]  # fmt: skip
            tails = _tail_plan(flt)
            if tails is not None and among is not None:  # dates alone: two tails a pair
                return self._tail_pair_sources(flt, tails, arms)
            statements: list[tuple[str, list[Any]]] = []
            if table == "event_pair_floors" and not (flt.since or flt.until) and new:
                for from_, to, seek in arms:
                    if not from_ or not to:
                        continue
                    cond, args = side_condition(from_, to, seek, remote=self.remote)
                    statements.append((
                        "SELECT source_actor, target_actor, SUM(sources) FROM event_pair_floors"
                        f" WHERE grain = 0 AND atleast = ? AND {cond} GROUP BY {group}",
                        [max(flt.min_sources, 1), *args],
                    ))  # fmt: skip
                sides = []  # the grain 0 literal: the side indexes are partial
            for sources, targets in sides:
                between = _sides(sources, targets, dodge=False)
                if between is None:
                    continue
                statements += self._period_statements(
                    table, flt, f"{group}, {{sources}}", f" GROUP BY {group}", *between,
                    events_extra=_sides(sources, targets, dodge=True), kinds=kinds or floors,
                    floor="atleast = ?" if table == "event_pair_floors" else "floor >= ?",
                    atleast=table == "event_pair_floors",
                ) or []  # fmt: skip
            return [(r[0], r[1], int(r[2])) for r in self._summed_of(statements, 2)]
        rows = self._event_pair_rows(
            flt, f"{group}, {{sources}}", f" GROUP BY {group} ORDER BY {group}", among, None
        )
        fresh = None if new is None else set(new)
        return [(r[0], r[1], int(r[2])) for r in rows if fresh is None or {r[0], r[1]} & fresh]

    def _tail_pair_sources(
        self,
        flt: EventFilter,
        tails: TailBounds,
        sides: Sequence[tuple[Sequence[str], Sequence[str], str | None]],
    ) -> list[tuple[str, str, int]]:
        """The sources of the pairs of ``sides`` under dates: the whole periods from two
        tails a pair (:meth:`_tail_sources`), the days of the months the dates cut from
        ``events``."""
        weight = self._tail_sources(tails, sides)
        plan = _period_plan(flt)
        statements: list[tuple[str, list[Any]]] = []
        for month in plan[1] if plan is not None else ():
            for sources, targets, _seek in sides:
                more = _sides(sources, targets, dodge=True)
                if more is not None:
                    statements.append(self._selected_statement(
                        flt, "source_actor, target_actor, SUM(source_count)",
                        f"{_PAIR} AND date BETWEEN ? AND ? AND {more[0]}",
                        " GROUP BY source_actor, target_actor",
                        [*_month_range(month), *more[1]],
                    ))  # fmt: skip
        for source, target, sources in self._all_of(statements):
            weight[(source, target)] = weight.get((source, target), 0) + int(sources)
        return [(pair[0], pair[1], weight[pair]) for pair in sorted(weight) if weight[pair]]

    def edges_summarised(self, flt: EventFilter) -> bool:
        flt = self._acled_as_types(flt)
        return _summary_table(("event_pairs",), flt) is not None or _pairs_split(flt)

    def _period_statements(
        self,
        table: str,
        flt: EventFilter,
        columns: str,
        group: str,
        extra: str = "",
        extra_args: Sequence[Any] = (),
        months: bool = True,
        events_extra: tuple[str, Sequence[Any]] | None = None,
        kinds: bool = False,
        floor: str = "floor >= ?",
        atleast: bool = False,
    ) -> list[tuple[str, list[Any]]] | None:
        """The queries of the rows of a period summary (``table``) for a filter of dates
        and minimum sources, one per part of the plan (the caller sums their rows), and
        of the events of the months the dates cut (unless ``months`` is false; with
        ``events_extra`` for ``extra`` there); None when the filter names anything else.
        ``columns`` writes the count and the sources as ``{n}`` and ``{sources}``. With
        ``kinds`` the filter may name a type, negation or modality (``table`` keeps
        them). ``floor`` is the condition on the minimum of sources; with ``atleast`` it
        holds for no minimum too (at least one source: ``table`` keeps a row for each).
        Read together by :meth:`_all_of`: on a server, one query."""
        plan = _period_plan(flt, kinds)
        if plan is None:
            return None
        parts, cut = plan
        summed = columns.format(n="SUM(events)", sources="SUM(sources)")
        kind_where, kind_args = _kind_conditions(flt) if kinds else ([], [])
        statements: list[tuple[str, list[Any]]] = []
        for grain, conditions, args in parts:
            where = ["grain = ?", *kind_where, *conditions]
            where_args = [grain, *kind_args, *args]
            if flt.min_sources > 1 or atleast:
                where.append(floor)
                where_args.append(max(flt.min_sources, 1))
            if extra:
                where.append(extra)
                where_args += extra_args
            statements.append(
                (f"SELECT {summed} FROM {table} WHERE {' AND '.join(where)}{group}", where_args)
            )
        more, more_args = events_extra or (extra, extra_args)
        for month in cut if months else ():  # its days, through the covering date index
            statements.append(self._selected_statement(
                flt,
                columns.format(n="COUNT(*)", sources="SUM(source_count)"),
                f"{_PAIR} AND date BETWEEN ? AND ?{' AND ' + more if more else ''}",
                group,
                [*_month_range(month), *more_args],
            ))  # fmt: skip
        return statements

    def _event_pair_rows(
        self,
        flt: EventFilter,
        columns: str,
        tail: str,
        among: Sequence[str] | None,
        pairs: Sequence[tuple[str, str]] | None,
    ) -> list[Any]:
        """Rows of the events between two different actors (two of ``among``, one of
        ``pairs``) from the pair summary when it keeps the filter, else from ``events``;
        ``columns`` writes the count and the sources as ``{n}`` and ``{sources}``."""
        if pairs is not None and len(set(pairs)) > PAIR_CHUNK:
            # in ranges of the (source, target) order, so the rows stay in that order
            wanted = sorted(set(pairs))
            return [
                row
                for i in range(0, len(wanted), PAIR_CHUNK)
                for row in self._event_pair_rows(
                    flt, columns, tail, among, wanted[i : i + PAIR_CHUNK]
                )
            ]
        between = _between(among, pairs, dodge=False)
        if between is None:
            return []
        rows = self._summary(
            ("event_pairs",),
            flt,
            columns.format(n="SUM(events)", sources="SUM(sources)"),
            tail,
            *between,
        )
        if rows is not None:
            return rows
        plan = _period_plan(flt)
        # one part and no cut month: the rows are grouped and ordered by the query itself
        single = plan is not None and len(plan[0]) == 1 and not plan[1]
        statements = self._period_statements(
            "event_pair_periods", flt, columns, tail if single else tail.split(" ORDER BY")[0],
            *between, events_extra=_between(among, pairs, dodge=True),
        )  # fmt: skip
        if statements is not None and single:
            return self._all_of(statements)
        if statements is not None:  # one group per part of the plan: summed
            width = columns.count(", ") + 1 - columns.count("{")
            return self._summed_of(statements, width, columns.count("{"))
        # on events the actors are tested, not sought: seeking a hub's rows by the actor
        # indexes reads the table row by row, where the filter's covering index does not
        # (``|| ''`` keeps both backends' planners off the actor indexes); the pairs are
        # kept here, as a long OR tested on every selected event costs more than the scan
        sides = None if pairs is None else sorted({a for pair in pairs for a in pair})
        if among is not None:
            sides = sorted(set(among) & set(sides)) if sides is not None else list(among)
        found = _between(sides, None, dodge=True)
        if found is None:  # no actor of ``among`` is a side of ``pairs``
            return []
        cond, args = found
        rows = self._selected(
            flt,
            columns.format(n="COUNT(*)", sources="SUM(source_count)"),
            f"{_PAIR} AND {cond}" if cond else _PAIR,
            tail,
            args,
        )
        if pairs is None:
            return rows
        kept = set(pairs)
        return [r for r in rows if (r[0], r[1]) in kept]

    def actor_degrees(self, flt: EventFilter, relations: bool) -> list[tuple[str, int]]:
        """:meth:`event_degrees`, plus :meth:`relation_degrees` when ``relations``, summed
        by actor, in actor order. On a server the two are one query where the period
        summaries answer the filter (one round trip, summed there)."""
        flt = self._acled_as_types(flt)
        statements = self._degree_statements(flt) if self.remote else None
        if statements is not None:
            if relations:
                statements.append(self._relation_degree_statement(flt))
            rows = self._summed_of(statements, 1)
            return [(r[0], int(r[1])) for r in rows if int(r[1])]  # none between the bounds
        degree = dict(self.event_degrees(flt))
        for actor_id, sources in self.relation_degrees(flt) if relations else ():
            degree[actor_id] = degree.get(actor_id, 0) + sources
        return sorted(degree.items())

    def event_degrees(self, flt: EventFilter) -> list[tuple[str, int]]:
        flt = self._acled_as_types(flt)
        statements = self._degree_statements(flt)
        rows: list[Any] | None
        if statements is not None:  # summed below in process, by the server on one
            rows = self._summed_of(statements, 1) if self.remote else self._all_of(statements)
        else:
            rows = self._summary(
                ("event_degrees",), flt, "actor_id, SUM(sources)", " GROUP BY actor_id"
            )
        if rows is None and flt.actor and _summary_table(("event_pairs",), flt) is not None:
            rows = self._actor_pair_sums(flt)  # an actor's pairs are in the pair summary
        if rows is None:
            rows = self._all(*self._side_sums_statement(flt))
        degree: dict[str, int] = {}
        for actor_id, sources in rows:
            degree[actor_id] = degree.get(actor_id, 0) + int(sources)
        # an actor whose running sums are the same at both bounds has no events between
        return sorted((a, n) for a, n in degree.items() if n)

    def _actor_pair_sums(self, flt: EventFilter) -> list[tuple[str, int]]:
        """The sources each actor shares with ``flt``'s actor, and the actor's own: its
        pairs as the source grouped by their target, then as the target by their source,
        each side read once in its covering index (migration 26), where one grouping per
        side read both sides of every pair by ``source = ? OR target = ?`` from the table
        (a hub's 37,312 pairs twice: 76 -> 36 ms with the indexes covering, on the
        1M-event bench store)."""
        where, args = self._event_conditions(flt)
        rows: list[tuple[str, int]] = []
        for side, other in (("source_actor", "target_actor"), ("target_actor", "source_actor")):
            found = self._all(
                f"SELECT {other}, SUM(sources) FROM event_pairs WHERE {side} = ?"
                f" AND {' AND '.join(where)} GROUP BY {other}",
                [flt.actor, *args],
            )
            rows += [(r[0], int(r[1])) for r in found]
            rows.append((str(flt.actor), sum(int(r[1]) for r in found)))
        return rows

    def _degree_statements(self, flt: EventFilter) -> list[tuple[str, list[Any]]] | None:
        """The queries of the degrees from the period summaries and of the days of the
        months the dates cut from ``events`` (on a server, one query), or None when the
        filter names more than dates, sources and kinds."""
        if _kind_plan(flt):  # a kind with dates: each actor's sums split by kind
            plan = _split_plan(flt, kinds=True)
            statements = self._period_statements(
                "event_actor_kinds", flt, "actor_id, {sources}", " GROUP BY actor_id",
                months=False, kinds=True,
            )  # fmt: skip
        elif _kind_floor_plan(flt):  # a kind and a sources floor: each actor's sums by
            # kind from its events with at least that many (migration 24)
            plan = _period_plan(flt, kinds=True)
            statements = self._period_statements(
                "event_actor_kind_floors", flt, "actor_id, {sources}", " GROUP BY actor_id",
                months=False, kinds=True, floor="atleast = ?",
            )  # fmt: skip
        elif (plan := _period_plan(flt)) is not None and (flt.since or flt.until):
            # dates (and sources): each actor's running sums at the two bounds (migration 24)
            statements = _running_statements(flt)
        elif (plan := _split_plan(flt)) is not None:  # no sources floor: each actor's sums
            statements = self._period_statements(
                "event_actor_sums", flt, "actor_id, {sources}", " GROUP BY actor_id", months=False
            )
        elif (plan := _period_plan(flt)) is not None:  # dates and sources: each actor's
            # sources from its events with at least that many (migration 16)
            statements = self._period_statements(
                "event_actor_floors", flt, "actor_id, {sources}", " GROUP BY actor_id",
                months=False, floor="atleast = ?",
            )  # fmt: skip
        if plan is None or statements is None:
            return None
        for month in plan[1]:
            statements.append(
                self._side_sums_statement(flt, "date BETWEEN ? AND ?", _month_range(month))
            )
        return statements

    def _side_sums_statement(
        self, flt: EventFilter, extra: str = "", extra_args: Sequence[Any] = ()
    ) -> tuple[str, list[Any]]:
        """The query of (actor, sources) of both sides of the selected events (read once)
        in one grouping; ``|| ''`` keeps the planners off the actor indexes (grouped by one
        side, they walk that side's index and read the table row by row)."""
        cond, args = self._selected_where(
            flt, f"{_PAIR} AND {extra}" if extra else _PAIR, extra_args
        )
        return (
            "WITH sel AS MATERIALIZED (SELECT source_actor AS s, target_actor AS t,"
            f" source_count AS n FROM events WHERE {cond}) SELECT actor_id, SUM(n)"
            " FROM (SELECT s || '' AS actor_id, n FROM sel UNION ALL"
            " SELECT t || '', n FROM sel) d GROUP BY actor_id",
            args,
        )

    def _relation_conditions(self, flt: EventFilter) -> tuple[list[str], list[Any]]:
        """A relation last seen before ``since`` or first seen after ``until`` is out; one
        without dates stays. Only the actor, negation, modality, sources and dates count."""
        where: list[str] = ["1 = 1"]
        args: list[Any] = []
        if flt.actor:
            where.append("(source_actor = ? OR target_actor = ?)")
            args += [flt.actor, flt.actor]
        for condition, value, wanted in (
            ("negated = ?", None if flt.negated is None else int(flt.negated), True),
            ("modality = ?", flt.modality, bool(flt.modality)),
            ("source_count >= ?", flt.min_sources, flt.min_sources > 1),
        ):
            if wanted and value is not None:
                where.append(condition)
                args.append(value)
        period, period_args = self._relation_period(flt.since, flt.until)
        return [*where, *period], [*args, *period_args]

    @staticmethod
    def _relation_period(since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
        """The period rule of a relation (the network's relation edges, and what a
        download under dates carries): one last seen before ``since`` or first seen after
        ``until`` is out; one without dates stays. A date is the whole span its precision
        names, so it overlaps a bound in it: each is compared as text on the length of
        the shorter (a relation last seen in ``2019`` is not before ``since=2019-05``)."""
        where: list[str] = []
        args: list[Any] = []
        last = "COALESCE(NULLIF(last_seen, ''), NULLIF(first_seen, ''))"
        if since:
            where.append(
                f"({last} IS NULL OR substr({last}, 1, ?) >= substr(CAST(? AS TEXT), 1,"
                f" length({last})))"
            )
            args += [len(since), since]
        if until:
            # a shorter date is at most the bound cut to its length exactly when it is at
            # most the bound: the text order settles the coarser date already
            first = "NULLIF(first_seen, '')"
            where.append(f"({first} IS NULL OR substr({first}, 1, ?) <= ?)")
            args += [len(until), until]
        return where, args

    def relation_edges(
        self,
        flt: EventFilter,
        among: Sequence[str] | None = None,
        pairs: Sequence[tuple[str, str]] | None = None,
        new: Sequence[str] | None = None,
    ) -> list[EdgeCount]:
        where, args = self._relation_conditions(flt)
        group = "source_actor, target_actor, type, negated, modality"
        if new is not None and among is not None and pairs is None:
            # a next page: from a new actor to any drawn, and from an older one to a new
            # one (page 5 of the 1M-event bench store read the 5,724 rows among its 200
            # actors for the 1,300 with a side among its 40)
            # each side sought by the actors the page adds (by source, then by target),
            # the other tested on each row: the older actors are the busiest, and their
            # relations as sources were all read to keep those to a new one (on the 1M-event
            # bench store under since=2016, 8.4 -> 2.0 ms of SQLite for that side)
            sides = [(new, among, "source"), (sorted(set(among) - set(new)), new, "target")]
            statements = []
            for sources, targets, seek in sides:
                if sources and targets:
                    cond, cond_args = side_condition(sources, targets, seek, remote=self.remote)
                    statements.append((
                        f"SELECT {group}, COUNT(*), SUM({_RELATION_SOURCES}) FROM relations"
                        f" WHERE {' AND '.join([*where, cond])} GROUP BY {group}",
                        [*args, *cond_args],
                    ))  # fmt: skip
            return [
                EdgeCount(r[0], r[1], r[2], bool(r[3]), r[4], int(r[5]), int(r[6]))
                for r in sorted(self._all_of(statements))
            ]
        between = _between(among, pairs, dodge=False)
        if between is None:
            return []
        if between[0]:
            where.append(between[0])
            args += between[1]
        rows = self._all(
            f"SELECT {group}, COUNT(*), SUM({_RELATION_SOURCES})"
            f" FROM relations WHERE {' AND '.join(where)} GROUP BY {group} ORDER BY {group}",
            args,
        )
        return [EdgeCount(r[0], r[1], r[2], bool(r[3]), r[4], int(r[5]), int(r[6])) for r in rows]

    def relation_degrees(self, flt: EventFilter) -> list[tuple[str, int]]:
        rows = self._all(*self._relation_degree_statement(flt))
        return [(r[0], int(r[1])) for r in rows]

    def _relation_degree_statement(self, flt: EventFilter) -> tuple[str, list[Any]]:
        """The query of :meth:`relation_degrees` and its arguments."""
        where, args = self._relation_conditions(flt)
        cond = " AND ".join(where)
        if not flt.actor:  # every condition is on a column each actor's sums keep
            return (
                f"SELECT actor_id, SUM(sources) FROM relation_actor_sums WHERE {cond}"
                " GROUP BY actor_id ORDER BY actor_id",
                args,
            )
        return (
            f"SELECT actor_id, SUM(n) FROM (SELECT source_actor AS actor_id,"
            f" {_RELATION_SOURCES} AS n FROM relations WHERE {cond} UNION ALL"
            f" SELECT target_actor, {_RELATION_SOURCES} FROM relations WHERE {cond}) d"
            " GROUP BY actor_id ORDER BY actor_id",
            [*args, *args],
        )

    def event_places(self, flt: EventFilter, by_type: bool = True) -> list[PlaceTotals]:
        kind = "type" if by_type else "NULL"
        tail = " GROUP BY place_id, kind ORDER BY place_id, kind NULLS FIRST"
        rows = self._summary(
            ("event_place_totals",),
            flt,
            f"place_id, {kind} AS kind, SUM(events), SUM(killed), SUM(wounded), SUM(displaced)",
            tail,
        )
        if rows is None:
            rows = self._grouped_selection(
                flt,
                "place_id, type, killed, wounded, displaced",
                f"place_id, {kind} AS kind, COUNT(*), SUM(killed), SUM(wounded), SUM(displaced)",
                tail,
                "place_id IS NOT NULL",
            )
        places = self._places_by_id({r[0] for r in rows})
        return [
            PlaceTotals(
                places[r[0]], r[1], int(r[2]), int(r[3] or 0), int(r[4] or 0), int(r[5] or 0)
            )
            for r in rows
            if r[0] in places
        ]

    def _places_by_id(self, ids: Iterable[str]) -> dict[str, Place]:
        out: dict[str, Place] = {}
        wanted = sorted(ids)
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            marks = ",".join("?" * len(chunk))
            for row in self._all(f"SELECT id, payload FROM places WHERE id IN ({marks})", chunk):
                out[row[0]] = from_dict(Place, json.loads(row[1]))
        return out

    def event_types(self) -> list[tuple[str, int]]:
        rows = self._all(
            "SELECT type, SUM(events) AS n FROM event_kinds GROUP BY type ORDER BY n DESC, type"
        )
        return [(r[0], int(r[1])) for r in rows]

    def acled_types(self) -> list[tuple[str, int]]:
        rows = self._all(
            "SELECT acled_type, SUM(events) AS n FROM event_kinds WHERE acled_type IS NOT NULL"
            " GROUP BY acled_type ORDER BY n DESC, acled_type"
        )
        return [(r[0], int(r[1])) for r in rows]

    def actor_page(self, order: str, limit: int, offset: int) -> list[Actor]:
        column = ACTOR_ORDER[order.lstrip("-")]
        direction = "DESC NULLS LAST" if order.startswith("-") else "NULLS FIRST"
        rows = self._all(
            f"SELECT payload FROM actors ORDER BY {column} {direction}, name, id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [from_dict(Actor, json.loads(r[0])) for r in rows]

    def actor_of_mention(self, mention: str) -> str | None:
        row = self._one("SELECT actor_id FROM mention_actor WHERE mention = ?", (mention,))
        return row[0] if row else None

    def count(self, kind: str) -> int:
        if kind not in RECORD_KINDS:
            raise ValueError(f"unknown record kind {kind!r} (known: {', '.join(RECORD_KINDS)})")
        return int(self._one(f"SELECT COUNT(*) FROM {kind}")[0])

    def stats(self) -> dict[str, int]:
        """Each record kind's rows; events and incidents summed from their summaries
        (a few dozen rows, written with them), where ``COUNT(*)`` walks a million
        events' index (PostgreSQL: 40-60 ms of the server's CPU on the 1M-event bench
        store, a cold first request over 200 ms)."""
        counted = {"events": lambda: self.count_events(EventFilter()),
                   "incidents": lambda: self.count_incidents()}  # fmt: skip
        return {kind: counted[kind]() if kind in counted else self.count(kind)
                for kind in RECORD_KINDS}  # fmt: skip

    def _event_conditions(self, flt: EventFilter) -> tuple[list[str], list[Any]]:
        """SQL conditions and arguments for every field of ``flt`` except the actor."""
        where: list[str] = ["1 = 1"]
        args: list[Any] = []
        if flt.min_sources > 1:  # every stored event has a source; a count needs no scan
            where.append("source_count >= ?")
            args.append(flt.min_sources)
        if flt.type:
            where.append("type = ?")
            args.append(flt.type)
        if flt.since:
            where.append("date >= ?")
            args.append(flt.since)
        if flt.until:
            # the second bound is implied by the first and lets an index stop at ``until``
            where.append("substr(date, 1, ?) <= ? AND date <= ?")
            args += [len(flt.until), flt.until, flt.until + "\uffff"]
        if flt.place:
            where.append("place_id = ?")
            args.append(flt.place)
        if flt.bbox:
            where.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
            args += [flt.bbox[0], flt.bbox[2], flt.bbox[1], flt.bbox[3]]
        more, more_args = _modality_conditions(flt)
        where += more
        args += more_args
        for column, values in (("type", flt.types), ("place_id", flt.places)):
            if values:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                args += list(values)
        if flt.acled:
            where.append("acled_type = ?")
            args.append(flt.acled)
        if flt.min_fatalities > 0:
            where.append("killed >= ?")
            args.append(flt.min_fatalities)
        if flt.with_actor:
            where.append("(source_actor = ? OR target_actor = ?)")
            args += [flt.with_actor, flt.with_actor]
        return where, args

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _with_line(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """An article's row (``ARTICLE_COLUMNS``) and its stored line (its export line
    without the text)."""
    return (*row, stored_article_line(row))


def _article_line(row: Sequence[Any]) -> str:
    """An article's export line: its stored line with its text put in, or the line made
    from its row (``ARTICLE_LINE_COLUMNS``: the line, then ``ARTICLE_COLUMNS``)."""
    if row[0] is None:
        return article_row_line(row[1:])
    return article_line_with_text(row[0], row[9])


def _quote_line(row: Sequence[Any]) -> str:
    """The export line of a quote stored before lines were (migration 29), from its row
    (article, speaker, line, id, text, sentence, start, end, description)."""
    return quote_line(
        Quote(id=row[3], text=row[4], article_id=row[0], sentence=row[5], char_start=row[6],
              char_end=row[7], speaker=row[1], speaker_description=row[8])
    )  # fmt: skip


def _line(line: str | None, payload: str | None) -> str:
    """A relation's stored export line, or the line made from its stored JSON."""
    if line is not None:
        return line
    return encode_line(relation_payload_record(json.loads(payload or "{}")))


def _event_line(line: str | None, payload: str | None, incidents: Sequence[str]) -> str:
    """An event's stored export line, or the line made from its stored JSON and the
    ``incidents`` it is a member of."""
    if line is not None:
        return line
    return event_line(from_dict(Event, json.loads(payload or "{}")), incidents)


def _event_columns(event: Event) -> tuple[int, int, int, str | None]:
    """The killed, wounded, displaced and ACLED type columns of an event's row."""
    acled = event.codes.get("acled")
    acled_type = acled.get("event_type") if isinstance(acled, dict) else None
    return (
        int(event.counts.get("killed", 0)),
        int(event.counts.get("wounded", 0)),
        int(event.counts.get("displaced", 0)),
        acled_type if isinstance(acled_type, str) else None,
    )


def _summary_table(tables: Sequence[str], flt: EventFilter) -> str | None:
    """The first of the summary ``tables`` that keeps every field ``flt`` names, if any."""
    named = _named_fields(flt)
    return next((t for t in tables if named <= SUMMARY_KEEPS[t]), None)


def _named_fields(flt: EventFilter) -> set[str]:
    """The fields of ``flt`` that select something."""
    return {
        name
        for name, value in (
            ("actor", flt.actor), ("min_sources", flt.min_sources > 1), ("bbox", flt.bbox),
            ("min_fatalities", flt.min_fatalities > 0), ("since", flt.since),
            ("until", flt.until), ("place", flt.place), ("places", flt.places),
            ("type", flt.type), ("types", flt.types), ("acled", flt.acled),
            ("modality", flt.modality), ("negated", flt.negated is not None),
            ("with_actor", flt.with_actor),
        )
        if value
    }  # fmt: skip


def _period_plan(
    flt: EventFilter, kinds: bool = False
) -> tuple[list[tuple[int, list[str], list[Any]]], list[str]] | None:
    """How the period summaries answer a filter of dates and minimum sources (None for
    any other filter): (grain, conditions on ``period``, arguments) of each part, the
    coarsest first, and the months whose days the dates cut (read from ``events``).

    A period is a date's first ``grain`` characters, so ``date >= since`` holds for all
    the dates of a period or for none of them unless ``since`` is longer than the grain
    and the period is its first ``grain`` characters; that period is then read at the
    next grain, and a month so cut day by day from ``events``. ``until`` (compared on
    its own length) likewise. Without dates (or without any filter), the whole-store
    rows (grain 0). With ``kinds``, for the summaries that keep the type, negation and
    modality (:data:`_SPLIT_KINDS`), a filter may name those too (their conditions are
    :func:`_kind_conditions`)."""
    named = _named_fields(flt)
    if not named <= {"since", "until", "min_sources"} | (_SPLIT_KINDS if kinds else set()):
        return None
    if flt.min_sources > SOURCES_FLOOR:
        return None
    if not flt.since and not flt.until:
        return [(0, [], [])], []
    parts: list[tuple[int, list[str], list[Any]]] = []
    months: list[str] = []

    def level(depth: int, prefix: str) -> None:
        grain = PERIOD_GRAINS[depth]
        where: list[str] = []
        args: list[Any] = []
        if prefix:  # a range of the period index (a ``substr`` test would scan the grain)
            where.append("period BETWEEN ? AND ?")
            args += _month_range(prefix)
        cut = []
        if flt.since:
            exact = len(flt.since) <= grain
            where.append("period >= ?" if exact else "period > ?")
            args.append(flt.since[:grain])
            cut += [] if exact else [flt.since[:grain]]
        if flt.until:
            if len(flt.until) <= grain:
                where.append("substr(period, 1, ?) <= ?")
                args += [len(flt.until), flt.until]
            else:
                where.append("period < ?")
                args.append(flt.until[:grain])
                cut.append(flt.until[:grain])
        parts.append((grain, where, args))
        for period in sorted(set(cut)):
            if not period.startswith(prefix):
                continue  # the other bound's period, outside this one
            if depth + 1 < len(PERIOD_GRAINS):
                level(depth + 1, period)
            else:
                months.append(period)

    level(0, "")
    return parts, months


# the conditions of a plan's years under ``since`` alone (:func:`_period_plan`)
_SINCE_ONLY = (["period > ?"], ["period >= ?"])


def _suffix_statements(
    condition: str, bound: str, targets: dict[str, list[str]]
) -> list[tuple[str, list[Any]]]:
    """The queries of the split of the pairs (each source's ``targets``) over the years
    that ``condition`` on ``period`` (``period > ?`` or ``period >= ?``, with ``bound``)
    keeps, from ``event_pair_suffixes``: each kind's row at the first year of the store
    the condition keeps when the kind has one there (its sums from that year on), else
    its first row when that comes later (every year of it kept). One row a kind, where
    the year rows are one a year; the years compared as the plan compares them (as text)."""
    first = f"(SELECT MIN(period) FROM event_pair_suffixes WHERE {condition})"
    statements: list[tuple[str, list[Any]]] = []
    for source, among in targets.items():
        pair = f"source_actor = ? AND target_actor IN ({','.join('?' * len(among))})"
        for kept in (f"first IN (0, 1) AND period = {first}", f"first = 1 AND period > {first}"):
            statements.append((
                f"SELECT {_EDGE}, events, sources FROM event_pair_suffixes"
                f" WHERE {pair} AND {kept}",
                [source, *among, bound],
            ))  # fmt: skip
    return statements


def _compound_parts(
    statements: Sequence[tuple[str, Sequence[Any]]],
) -> list[list[tuple[str, Sequence[Any]]]]:
    """``statements`` in order, cut into runs of at most ``COMPOUND_ARMS`` statements and
    ``COMPOUND_ARGS`` parameters (a statement with more is a run of its own)."""
    parts: list[list[tuple[str, Sequence[Any]]]] = []
    args = 0
    for statement in statements:
        if not parts or len(parts[-1]) >= COMPOUND_ARMS or args + len(statement[1]) > COMPOUND_ARGS:
            parts.append([])
            args = 0
        parts[-1].append(statement)
        args += len(statement[1])
    return parts


def _split_plan(
    flt: EventFilter, kinds: bool = False
) -> tuple[list[tuple[int, list[str], list[Any]]], list[str]] | None:
    """The period plan of a filter of dates alone (or of nothing): what the summaries
    without a sources floor (``event_pair_splits``, ``event_actor_sums``) answer; with
    ``kinds``, of dates and kinds, what ``event_pair_splits`` and ``event_actor_kinds``
    answer."""
    return _period_plan(flt, kinds) if flt.min_sources <= 1 else None


def _kind_plan(flt: EventFilter) -> bool:
    """Whether ``flt`` names a kind (type, ACLED type, negation, modality), dates and
    nothing else: the network then reads the kind-split period summaries (without dates,
    the whole-store summaries keep the kinds)."""
    named = _named_fields(flt)
    return (
        bool(named & _SPLIT_KINDS)
        and bool(named & {"since", "until"})
        and _split_plan(flt, kinds=True) is not None
    )


def _running_statements(flt: EventFilter) -> list[tuple[str, list[Any]]]:
    """The queries of each actor's sources between the bounds of ``flt``'s dates from its
    running sums (``event_actor_running``): its row at the last month the dates keep,
    less its row at the last month before the first they keep (none without ``since``),
    each found by one seek; both only when the first is after the second (a day's cut
    month keeps no whole month). A date longer than a month keeps the months after (or
    before) its own, whose days the caller reads from ``events``."""
    last = "SELECT MAX(period) FROM event_actor_running WHERE atleast = ?"
    atleast = max(flt.min_sources, 1)
    high_args: list[Any] = [atleast]
    low_args: list[Any] = [atleast]
    if not flt.until:
        high = last
    elif len(flt.until) <= _FINEST:  # the months whose first characters are at most it
        high = f"{last} AND period <= ?"
        high_args.append(flt.until + "\uffff")
    else:  # the months before the one it cuts
        high = f"{last} AND period < ?"
        high_args.append(flt.until[:_FINEST])
    row = "SELECT actor_id, {sign}sources FROM event_actor_running WHERE atleast = ? AND period ="
    if not flt.since:
        return [(f"{row.format(sign='')} ({high})", [atleast, *high_args])]
    if len(flt.since) <= _FINEST:  # the months before it
        low = f"{last} AND period < ?"
        low_args.append(flt.since)
    else:  # the months up to the one it cuts
        low = f"{last} AND period <= ?"
        low_args.append(flt.since[:_FINEST])
    # the bounds' order tested on the two months, not on ``period`` (a range on it would
    # lead the planner to read every month after the first, not the one month's rows)
    after = f"({high}) > COALESCE(({low}), '')"
    both = [*high_args, *low_args]
    return [
        (f"{row.format(sign='')} ({high}) AND {after}", [atleast, *high_args, *both]),
        (f"{row.format(sign='-')} ({low}) AND {after}", [atleast, *low_args, *both]),
    ]


def _kind_floor_plan(flt: EventFilter) -> bool:
    """Whether ``flt`` names a kind (type, ACLED type, negation, modality) and a minimum of
    sources up to the floor, with dates or without, and nothing else: the network then
    reads each actor's sums by kind and floor (``event_actor_kind_floors``) and the pair
    periods, which keep both."""
    named = _named_fields(flt)
    return (
        bool(named & _SPLIT_KINDS)
        and flt.min_sources > 1
        and _period_plan(flt, kinds=True) is not None
    )


def _tail_plan(flt: EventFilter) -> TailBounds | None:
    """The bounds among the pair tails' periods (migration 26) of a filter of dates and
    sources up to the floor, nothing else; None for any other filter."""
    if not (flt.since or flt.until) or flt.min_sources > SOURCES_FLOOR:
        return None
    if not _named_fields(flt) <= {"since", "until", "min_sources"}:
        return None
    return tail_bounds(flt.since, flt.until, max(flt.min_sources, 1))


def _pairs_split(flt: EventFilter) -> bool:
    """Whether the split of given pairs is read by :meth:`SQLStore._pair_splits`: a filter
    of dates and sources up to the floor, of a kind with dates, or of a kind and sources."""
    return _period_plan(flt) is not None or _kind_plan(flt) or _kind_floor_plan(flt)


def _actor_types_answer(flt: EventFilter) -> bool:
    """Whether ``event_actor_types`` (migration 27) answers which actors a filter of
    dates and sources selects: it names a type and no other kind (negation, modality,
    ACLED type), which that summary does not keep."""
    return bool(flt.type or flt.types) and not _named_fields(flt) & {
        "acled", "modality", "negated"
    }  # fmt: skip


def _kind_conditions(flt: EventFilter) -> tuple[list[str], list[Any]]:
    """The conditions on the type, ACLED type, negation and modality columns a summary
    keeps."""
    where: list[str] = []
    args: list[Any] = []
    types = sorted({flt.type} if flt.type else set()) or list(flt.types)
    if flt.type and flt.types:  # both named: the type must be among the types
        types = [t for t in flt.types if t == flt.type]
    if flt.type or flt.types:
        where.append(f"type IN ({','.join('?' * len(types))})" if types else "1 = 0")
        args += types
    if flt.acled:
        where.append("acled_type = ?")
        args.append(flt.acled)
    more, more_args = _modality_conditions(flt)
    return where + more, args + more_args


def _modality_conditions(flt: EventFilter) -> tuple[list[str], list[Any]]:
    """The conditions on the modality and negation columns."""
    where: list[str] = []
    args: list[Any] = []
    if flt.modality:
        where.append("modality = ?")
        args.append(flt.modality)
    if flt.negated is not None:
        where.append("negated = ?")
        args.append(int(flt.negated))
    return where, args


def _month_range(month: str) -> list[str]:
    """Bounds of ``date BETWEEN ? AND ?`` holding the dates that start with ``month``."""
    return [month, month + "\uffff"]


def _summed(rows: list[Any], width: int) -> list[tuple[Any, ...]]:
    """Rows with the same first ``width`` columns summed column by column, in their order."""
    if rows and len(rows[0]) == width + 1:  # one value (degrees, pair sums): no lists
        one: dict[tuple[Any, ...], int] = {}
        for row in rows:
            key = tuple(row[:width])
            one[key] = one.get(key, 0) + int(row[width] or 0)
        return [(*key, one[key]) for key in sorted(one)]
    sums: dict[tuple[Any, ...], list[int]] = {}
    for row in rows:
        key = tuple(row[:width])
        found = sums.get(key)
        if found is None:
            sums[key] = [int(b or 0) for b in row[width:]]
        else:
            for i, b in enumerate(row[width:]):
                found[i] += int(b or 0)
    return [(*key, *sums[key]) for key in sorted(sums)]


def _between(
    among: Sequence[str] | None, pairs: Sequence[tuple[str, str]] | None, dodge: bool
) -> tuple[str, list[Any]] | None:
    """The condition keeping rows between two of ``among`` and of one of ``pairs`` ("" when
    neither is given; None when one is empty, so that nothing is kept); ``dodge`` writes
    the actor columns as expressions no index serves."""
    source, target = ("source_actor || ''", "target_actor || ''") if dodge else (
        "source_actor", "target_actor")  # fmt: skip
    where: list[str] = []
    args: list[Any] = []
    if among is not None:
        ids = sorted(set(among))
        if not ids:
            return None
        marks = ",".join("?" * len(ids))
        where.append(f"{source} IN ({marks}) AND {target} IN ({marks})")
        args += [*ids, *ids]
    if pairs is not None:
        wanted = sorted(set(pairs))
        if not wanted:
            return None
        sides = sorted({a for pair in wanted for a in pair})
        marks = ",".join("?" * len(sides))
        # the lists let an index seek the sides; the pairs then keep the rows wanted
        where.append(f"{source} IN ({marks}) AND {target} IN ({marks})")
        where.append("(" + " OR ".join([f"({source} = ? AND {target} = ?)"] * len(wanted)) + ")")
        args += [*sides, *sides, *(v for pair in wanted for v in pair)]
    return " AND ".join(where), args


def _sides(
    sources: Sequence[str] | None, targets: Sequence[str] | None, dodge: bool
) -> tuple[str, list[Any]] | None:
    """The condition keeping rows from one of ``sources`` to one of ``targets`` (as
    :func:`_between` with ``among`` when both are the same list)."""
    if sources is None or targets is None:
        return _between(None if sources is None else sources, None, dodge)
    if not sources or not targets:
        return None
    source, target = ("source_actor || ''", "target_actor || ''") if dodge else (
        "source_actor", "target_actor")  # fmt: skip
    left, right = sorted(set(sources)), sorted(set(targets))
    return (
        f"{source} IN ({','.join('?' * len(left))}) AND {target} IN ({','.join('?' * len(right))})",
        [*left, *right],
    )


def _keyset(flt: EventFilter) -> tuple[list[str], list[Any]]:
    """The condition that starts a page after the (date, id) of the last row seen."""
    if flt.after is None:
        return [], []
    date, last_id = flt.after
    if flt.order == "-date":  # date DESC, id DESC; undated rows come last
        if date is None:
            return ["(date IS NULL AND id < ?)"], [last_id]
        return ["(date < ? OR (date = ? AND id < ?) OR date IS NULL)"], [date, date, last_id]
    if date is None:  # date, id; undated rows come first
        return ["((date IS NULL AND id > ?) OR date IS NOT NULL)"], [last_id]
    # a row value: one seek of the (date, id) index on both backends
    return ["(date, id) > (?, ?)"], [date, last_id]
