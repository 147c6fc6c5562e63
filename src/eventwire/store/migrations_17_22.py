"""Migrations 17 to 22 of the ordered list in :mod:`eventwire.store.migrations`:
export lines of events and incidents, an event's incident ids and the pair
floors, the incident summaries' sources, the ACLED type in the kind splits, and every
actor's roles in events.

Each script is released: never edit one (a change is a new migration).
"""

from __future__ import annotations

# 17: an event keeps its export line (its JSON Lines record, store/export_lines.py),
# written with it by store/sql_picture.py, so a download or an export copies it instead of
# decoding the event and encoding it again; events stored before have none and are
# encoded when exported.
EVENT_LINES = """
    ALTER TABLE events ADD COLUMN line TEXT
    """

# 18 (issue 18): an incident keeps its export line too (store/export_lines.py), written
# with it by store/sql_incidents.py; incidents stored before have none and are encoded
# when exported.
INCIDENT_LINES = """
    ALTER TABLE incidents ADD COLUMN line TEXT
    """

# 19 (issue 18): an event's export line ends with ``incidents``, the
# ids of the incidents it is a member of (store/export_lines.py). A stored line gets
# the field appended from ``incident_events``: none or one incident whose id needs no
# JSON escape, written here; several (or an id with a quote or backslash) leave the
# line empty, made at export time as for an event stored before migration 17. And
# ``event_pair_floors``: each pair's sources per period from its events with at least
# 1, 2, ... 5 sources (the pair sums without a row per floor), what the network ranks
# the pairs among its actors by; written with the other summaries by store/sql_picture.py.
EVENT_INCIDENT_IDS = """
    CREATE TABLE event_pair_floors (
        grain INTEGER NOT NULL, period TEXT NOT NULL, atleast INTEGER NOT NULL,
        source_actor TEXT NOT NULL, target_actor TEXT NOT NULL, sources INTEGER NOT NULL
    );
    CREATE INDEX event_pair_floors_pair ON event_pair_floors(
        source_actor, target_actor, atleast, grain, period, sources
    );
    INSERT INTO event_pair_floors
    SELECT p.grain, p.period, f.atleast, p.source_actor, p.target_actor, SUM(p.sources)
    FROM event_pair_sums p
    JOIN (SELECT 1 AS atleast UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
        UNION ALL SELECT 5) f ON p.floor >= f.atleast
    GROUP BY p.grain, p.period, f.atleast, p.source_actor, p.target_actor
    ORDER BY p.source_actor, p.target_actor, f.atleast, p.grain, p.period;
    UPDATE events SET line = (
        SELECT CASE
            WHEN COUNT(*) = 0 THEN substr(events.line, 1, length(events.line) - 1)
                || ', "incidents": []}'
            WHEN COUNT(*) = 1 AND replace(replace(MIN(l.incident_id), '"', ''), '\', '')
                = MIN(l.incident_id) THEN substr(events.line, 1, length(events.line) - 1)
                || ', "incidents": ["' || MIN(l.incident_id) || '"]}'
        END
        FROM incident_events l WHERE l.event_id = events.id AND l.role = 'member'
    ) WHERE line IS NOT NULL
    """

# 20 (issue 18, the workspace): the incident summaries keep each group's sources (the
# incidents' source counts summed), so a map circle and a timeline bar say how many
# reports they rest on; refilled from ``incidents`` here, then written with them by
# store/sql_incident_views.py; the covering indexes of the filters no summary keeps
# carry the source count too; ``incident_place_articles`` counts each place's articles
INCIDENT_SOURCES = """
    DROP INDEX incidents_date_sums;
    CREATE INDEX incidents_date_sums ON incidents(
        date, date_precision, place_id, type, killed, wounded, displaced, source_count);
    DROP INDEX incidents_place_sums;
    CREATE INDEX incidents_place_sums ON incidents(
        place_id, type, date, date_precision, killed, wounded, displaced, source_count);
    DROP INDEX incidents_modality_places;
    CREATE INDEX incidents_modality_places ON incidents(
        modality, place_id, type, date, killed, wounded, displaced, source_count);
    ALTER TABLE incident_dates ADD COLUMN sources INTEGER;
    ALTER TABLE incident_place_kinds ADD COLUMN sources INTEGER;
    ALTER TABLE incident_actor_dates ADD COLUMN sources INTEGER;
    DELETE FROM incident_dates;
    INSERT INTO incident_dates
    SELECT date, date_precision, type, acled_type, modality,
        COUNT(*), SUM(killed), SUM(wounded), SUM(displaced), SUM(source_count)
    FROM incidents GROUP BY date, date_precision, type, acled_type, modality;
    DELETE FROM incident_place_kinds;
    INSERT INTO incident_place_kinds
    SELECT place_id, type, acled_type, modality,
        COUNT(*), SUM(killed), SUM(wounded), SUM(displaced), SUM(source_count)
    FROM incidents GROUP BY place_id, type, acled_type, modality;
    DELETE FROM incident_actor_dates;
    INSERT INTO incident_actor_dates
    SELECT actor_id, date, date_precision, type, acled_type, modality,
        COUNT(*), SUM(killed), SUM(wounded), SUM(displaced), SUM(source_count)
    FROM (
        SELECT source_actor AS actor_id, date, date_precision, type, acled_type, modality,
            killed, wounded, displaced, source_count
        FROM incidents WHERE source_actor IS NOT NULL
        UNION ALL
        SELECT target_actor, date, date_precision, type, acled_type, modality,
            killed, wounded, displaced, source_count
        FROM incidents
        WHERE target_actor IS NOT NULL
            AND (source_actor IS NULL OR source_actor <> target_actor)
    ) sides
    GROUP BY actor_id, date, date_precision, type, acled_type, modality;
    CREATE TABLE incident_place_articles (
        place_id TEXT PRIMARY KEY, articles INTEGER NOT NULL
    );
    INSERT INTO incident_place_articles
    SELECT i.place_id, COUNT(DISTINCT v.article_id)
    FROM incidents i
    JOIN incident_events l ON l.incident_id = i.id AND l.role = 'member'
    JOIN evidence v ON v.kind = 'event' AND v.record_id = l.event_id
    WHERE i.place_id IS NOT NULL
    GROUP BY i.place_id
    """

# 21 (issue 18): the kind-split period summaries keep the ACLED type
# (a column after the sums), so the network under an ACLED type with dates reads them
# even where the ACLED type is not a function of the event type (an assault is a
# battle, an attack on civilians or remote violence by its trigger and targets);
# refilled here, then written with the other summaries by store/sql_picture.py. An index
# seeks each actor's rows of one ACLED type. ``incident_place_dates`` counts the
# incidents per ACLED type, date, place and kind (store/sql_incident_views.py): the
# map under an ACLED type with dates reads it, not every located incident; and the
# incident list under an ACLED type, newest first, is an index's own order.
ACLED_TYPE_SPLITS = """
    ALTER TABLE event_pair_periods ADD COLUMN acled_type TEXT;
    ALTER TABLE event_pair_splits ADD COLUMN acled_type TEXT;
    ALTER TABLE event_actor_kinds ADD COLUMN acled_type TEXT;
    DELETE FROM event_pair_periods;
    INSERT INTO event_pair_periods
    WITH m AS (
        SELECT substr(date, 1, 7) AS period, CASE WHEN source_count < 5 THEN source_count ELSE 5 END AS floor,
            source_actor, target_actor, type, negated, modality, acled_type, COUNT(*) AS events, SUM(source_count) AS sources
        FROM events
        WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL
            AND source_actor <> target_actor AND date IS NOT NULL
        GROUP BY substr(date, 1, 7), CASE WHEN source_count < 5 THEN source_count ELSE 5 END,
            source_actor, target_actor, type, negated, modality, acled_type
    )
    SELECT 0, '', floor, source_actor, target_actor, type, negated, modality, SUM(events),
        SUM(sources), acled_type
    FROM (
        SELECT floor, source_actor, target_actor, type, negated, modality, acled_type, events, sources FROM m
        UNION ALL
        SELECT CASE WHEN source_count < 5 THEN source_count ELSE 5 END, source_actor, target_actor, type, negated, modality, acled_type, 1, source_count
        FROM events
        WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL
            AND source_actor <> target_actor AND date IS NULL
    ) d
    GROUP BY floor, source_actor, target_actor, type, negated, modality, acled_type
    UNION ALL
    SELECT 4, substr(period, 1, 4), floor, source_actor, target_actor, type, negated, modality,
        SUM(events), SUM(sources), acled_type
    FROM m GROUP BY substr(period, 1, 4), floor, source_actor, target_actor, type, negated, modality, acled_type
    UNION ALL
    SELECT 7, period, floor, source_actor, target_actor, type, negated, modality, events,
        sources, acled_type
    FROM m;
    DELETE FROM event_pair_splits;
    INSERT INTO event_pair_splits
    SELECT grain, period, source_actor, target_actor, type, negated, modality, SUM(events), SUM(sources), acled_type
    FROM event_pair_periods
    GROUP BY grain, period, source_actor, target_actor, type, negated, modality, acled_type
    ORDER BY source_actor, target_actor, grain, period, type, negated, modality;
    DROP INDEX event_pair_splits_pair;
    CREATE INDEX event_pair_splits_pair ON event_pair_splits(
        source_actor, target_actor, grain, period, type, negated, modality, events, sources,
        acled_type
    );
    DELETE FROM event_actor_kinds;
    INSERT INTO event_actor_kinds
    SELECT grain, period, actor_id, type, negated, modality, SUM(sources), acled_type
    FROM (
        SELECT grain, period, source_actor AS actor_id, type, negated, modality, sources,
            acled_type
        FROM event_pair_splits
        UNION ALL
        SELECT grain, period, target_actor, type, negated, modality, sources, acled_type
        FROM event_pair_splits
    ) sides
    GROUP BY grain, period, actor_id, type, negated, modality, acled_type;
    DROP INDEX event_actor_kinds_period;
    CREATE INDEX event_actor_kinds_period ON event_actor_kinds(
        grain, type, period, actor_id, negated, modality, sources, acled_type
    );
    CREATE INDEX event_actor_kinds_acled ON event_actor_kinds(
        grain, acled_type, period, actor_id, type, negated, modality, sources
    );
    CREATE TABLE incident_place_dates (
        place_id TEXT, date TEXT, date_precision TEXT, type TEXT NOT NULL, acled_type TEXT,
        modality TEXT, incidents INTEGER NOT NULL, killed INTEGER, wounded INTEGER,
        displaced INTEGER, sources INTEGER
    );
    CREATE INDEX incident_place_dates_acled ON incident_place_dates(
        acled_type, date, place_id, type, date_precision, modality, incidents, killed,
        wounded, displaced, sources
    );
    INSERT INTO incident_place_dates
    SELECT place_id, date, date_precision, type, acled_type, modality,
        COUNT(*), SUM(killed), SUM(wounded), SUM(displaced), SUM(source_count)
    FROM incidents GROUP BY place_id, date, date_precision, type, acled_type, modality;
    CREATE INDEX incidents_acled_date ON incidents(acled_type, date DESC NULLS LAST, id DESC)
    """

# 22 (issue 18): every actor's parts in events (source, target, or the one a claim is
# attributed to; events with one side too) per period (whole store, year, month),
# sources floor and kind (type, negation, modality, ACLED type): the actors the events
# of a filter of dates, kinds and sources have (the actor index under that filter)
# are read from a few rows per actor, not from the events. Filled here, then written
# with the other summaries by store/sql_picture.py.
ACTOR_ROLES = """
    CREATE TABLE event_actor_roles (
        grain INTEGER NOT NULL, period TEXT NOT NULL, floor INTEGER NOT NULL,
        actor_id TEXT NOT NULL, type TEXT NOT NULL, negated INTEGER NOT NULL,
        modality TEXT NOT NULL, acled_type TEXT, events INTEGER NOT NULL
    );
    CREATE INDEX event_actor_roles_type ON event_actor_roles(
        grain, type, period, actor_id, negated, modality, floor, acled_type
    );
    CREATE INDEX event_actor_roles_acled ON event_actor_roles(
        grain, acled_type, period, actor_id, type, negated, modality, floor
    );
    CREATE INDEX event_actor_roles_period ON event_actor_roles(grain, period, floor, actor_id);
    INSERT INTO event_actor_roles
    WITH s AS (SELECT date, CASE WHEN source_count < 5 THEN source_count ELSE 5 END AS
    floor, source_actor AS actor_id, type, negated, modality, acled_type FROM events WHERE
    source_actor IS NOT NULL UNION ALL SELECT date, CASE WHEN source_count < 5 THEN
    source_count ELSE 5 END, target_actor, type, negated, modality, acled_type FROM events
    WHERE target_actor IS NOT NULL UNION ALL SELECT date, CASE WHEN source_count < 5 THEN
    source_count ELSE 5 END, attributed_to, type, negated, modality, acled_type FROM events
    WHERE attributed_to IS NOT NULL), m AS (SELECT substr(date, 1, 7) AS period, floor,
    actor_id, type, negated, modality, acled_type, COUNT(*) AS events FROM s WHERE date IS
    NOT NULL GROUP BY substr(date, 1, 7), floor, actor_id, type, negated, modality,
    acled_type) SELECT 0, '', floor, actor_id, type, negated, modality, acled_type,
    SUM(events) FROM (SELECT floor, actor_id, type, negated, modality, acled_type, events
    FROM m UNION ALL SELECT floor, actor_id, type, negated, modality, acled_type, 1 FROM s
    WHERE date IS NULL) d GROUP BY floor, actor_id, type, negated, modality, acled_type
    UNION ALL SELECT 4, substr(period, 1, 4), floor, actor_id, type, negated, modality,
    acled_type, SUM(events) FROM m GROUP BY substr(period, 1, 4), floor, actor_id, type,
    negated, modality, acled_type UNION ALL SELECT 7, period, floor, actor_id, type,
    negated, modality, acled_type, events FROM m
    ORDER BY 1, 5, 2, 4
    """
