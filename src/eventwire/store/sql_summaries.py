"""The summary tables the whole-store views read (:data:`SUMMARIES`): each table's
query, rewritten from ``events`` and ``relations`` with every resolution, the order its
rows are inserted in, and the filter fields each whole-store summary answers."""

from __future__ import annotations

from eventwire.store.sql_pair_tails import PAIR_TAILS

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
