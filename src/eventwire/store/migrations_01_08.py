"""Migrations 1 to 8 of the ordered list in :mod:`eventwire.store.migrations`:
the first schema: articles, document records and the resolved picture; the
generations of concurrent writers; the whole-store summaries; incidents, statistics and
the units of actor resolution.

Each script is released: never edit one (a change is a new migration).
"""

from __future__ import annotations

# 1: articles, mentions and document records; the resolved picture
DOCUMENTS_AND_PICTURE = """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT, outlet TEXT, url TEXT, source TEXT,
        published TEXT, published_precision TEXT, published_ambiguous INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL,
        metadata TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE doc_records (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        payload TEXT NOT NULL
    );
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        text TEXT NOT NULL, label TEXT NOT NULL, normalized TEXT, role TEXT, grp TEXT,
        sent_start INTEGER, sent_end INTEGER,
        PRIMARY KEY (article_id, start, end)
    );
    CREATE TABLE actors (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, kb_id TEXT,
        mention_count INTEGER NOT NULL, article_count INTEGER NOT NULL, payload TEXT NOT NULL
    );
    CREATE TABLE actor_keys (
        actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        PRIMARY KEY (key, actor_id)
    );
    CREATE TABLE mention_actor (
        mention TEXT PRIMARY KEY,
        actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE
    );
    CREATE TABLE places (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL, country TEXT, admin1 TEXT,
        precision TEXT NOT NULL, payload TEXT NOT NULL
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, source_actor TEXT, target_actor TEXT,
        date TEXT, date_precision TEXT, place_id TEXT, lat REAL, lon REAL,
        negated INTEGER NOT NULL, modality TEXT NOT NULL, attributed_to TEXT,
        source_count INTEGER NOT NULL, payload TEXT NOT NULL
    );
    CREATE INDEX events_source ON events(source_actor);
    CREATE INDEX events_target ON events(target_actor);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_place ON events(place_id);
    CREATE TABLE relations (
        id TEXT PRIMARY KEY, source_actor TEXT NOT NULL, target_actor TEXT NOT NULL,
        type TEXT NOT NULL, negated INTEGER NOT NULL, modality TEXT NOT NULL,
        contested INTEGER NOT NULL, first_seen TEXT, last_seen TEXT,
        source_count INTEGER NOT NULL, payload TEXT NOT NULL
    );
    CREATE INDEX relations_source ON relations(source_actor);
    CREATE INDEX relations_target ON relations(target_actor);
    CREATE TABLE quotes (
        id TEXT PRIMARY KEY, speaker TEXT, article_id TEXT NOT NULL, text TEXT NOT NULL,
        sentence TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE evidence (
        kind TEXT NOT NULL, record_id TEXT NOT NULL, article_id TEXT NOT NULL,
        char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
        PRIMARY KEY (kind, record_id, article_id, char_start)
    );
    CREATE INDEX evidence_article ON evidence(article_id)
    """

# 2: event listings are ordered by (date, id); without the pair in one index a page of
# the unfiltered list sorts every event sharing a year-precision date (bench/api_latency.py)
EVENT_DATE_ORDER = """
    CREATE INDEX events_date_id ON events(date, id);
    DROP INDEX events_date
    """

# 3: an actor's events are read as two ordered index scans (as source, as target) merged
# by (date, id), so a page of a hub actor's events stops early instead of sorting them all
EVENT_SIDE_ORDER = """
    CREATE INDEX events_source_date ON events(source_actor, date, id);
    CREATE INDEX events_target_date ON events(target_actor, date, id);
    DROP INDEX events_source;
    DROP INDEX events_target
    """

# 4: generations for concurrent writers: ``documents`` counts document writes (each
# stored document carries the one it arrived in, ``seq``), ``picture`` is the
# documents generation the resolved picture reflects, ``fingerprint`` the overrides
# it was computed with (pipeline.refresh)
GENERATIONS = """
    CREATE TABLE store_state (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO store_state (name, value)
        VALUES ('documents', '0'), ('picture', '0'), ('fingerprint', '');
    ALTER TABLE doc_records ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX doc_records_seq ON doc_records(seq)
    """

# 5: the whole-store views at a million events (issue 18). Casualties and the ACLED
# type become real columns (read from the JSON payload they were a full scan), the
# listings' sorts get indexes in their own NULL placement (PostgreSQL walks an index
# backwards for the DESC orders), and the views read small summary tables written
# with the resolution: events per date, per kind (type, ACLED type, modality,
# negation), per date and kind, per place and kind, per actor pair and kind, per
# actor and kind. ``json_extract`` and ``NULLS FIRST`` in an index are
# translated per backend (store/dialects.py).
WHOLE_STORE_SUMMARIES = """
    ALTER TABLE events ADD COLUMN killed INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN wounded INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN displaced INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN acled_type TEXT;
    UPDATE events SET
        killed = COALESCE(CAST(json_extract(payload, '$.counts.killed') AS INTEGER), 0),
        wounded = COALESCE(CAST(json_extract(payload, '$.counts.wounded') AS INTEGER), 0),
        displaced = COALESCE(CAST(json_extract(payload, '$.counts.displaced') AS INTEGER), 0),
        acled_type = json_extract(payload, '$.codes.acled.event_type');
    DROP INDEX events_date_id;
    DROP INDEX events_source_date;
    DROP INDEX events_target_date;
    CREATE INDEX events_date_id ON events(date NULLS FIRST, id);
    CREATE INDEX events_source_date ON events(source_actor, date NULLS FIRST, id);
    CREATE INDEX events_target_date ON events(target_actor, date NULLS FIRST, id);
    CREATE INDEX events_sources_date ON events(source_count, date NULLS FIRST, id);
    CREATE INDEX events_killed_date ON events(killed, date NULLS FIRST, id);
    CREATE INDEX events_type_date ON events(type, date DESC NULLS LAST, id DESC);
    CREATE INDEX events_negated_date ON events(negated, date NULLS FIRST, id);
    CREATE INDEX events_modality_date ON events(modality, date NULLS FIRST, id);
    CREATE INDEX events_timeline ON events(date, date_precision, type, killed, wounded);
    CREATE INDEX events_place_totals ON events(
        place_id, type, date, modality, negated, acled_type, killed, wounded, displaced
    );
    CREATE INDEX events_acled ON events(acled_type, killed);
    CREATE INDEX events_pairs_kind ON events(
        type, date, source_actor, target_actor, negated, modality, source_count
    );
    CREATE TABLE event_dates (
        date TEXT, date_precision TEXT,
        events INTEGER NOT NULL, killed INTEGER NOT NULL, wounded INTEGER NOT NULL,
        displaced INTEGER NOT NULL
    );
    CREATE INDEX event_dates_date ON event_dates(date, date_precision);
    CREATE TABLE event_kinds (
        type TEXT NOT NULL, acled_type TEXT, modality TEXT NOT NULL, negated INTEGER NOT NULL,
        events INTEGER NOT NULL, killed INTEGER NOT NULL, wounded INTEGER NOT NULL,
        displaced INTEGER NOT NULL
    );
    CREATE TABLE event_days (
        date TEXT, date_precision TEXT, type TEXT NOT NULL, acled_type TEXT,
        modality TEXT NOT NULL, negated INTEGER NOT NULL,
        events INTEGER NOT NULL, killed INTEGER NOT NULL, wounded INTEGER NOT NULL,
        displaced INTEGER NOT NULL
    );
    CREATE INDEX event_days_date ON event_days(date, date_precision);
    CREATE INDEX event_days_type ON event_days(type, date);
    CREATE TABLE event_place_totals (
        place_id TEXT NOT NULL, type TEXT NOT NULL, acled_type TEXT,
        modality TEXT NOT NULL, negated INTEGER NOT NULL,
        events INTEGER NOT NULL, killed INTEGER NOT NULL, wounded INTEGER NOT NULL,
        displaced INTEGER NOT NULL
    );
    CREATE INDEX event_place_totals_place ON event_place_totals(place_id);
    CREATE TABLE event_pairs (
        source_actor TEXT NOT NULL, target_actor TEXT NOT NULL, type TEXT NOT NULL,
        acled_type TEXT, negated INTEGER NOT NULL, modality TEXT NOT NULL,
        events INTEGER NOT NULL, sources INTEGER NOT NULL
    );
    CREATE INDEX event_pairs_source ON event_pairs(source_actor, target_actor);
    CREATE INDEX event_pairs_target ON event_pairs(target_actor, source_actor);
    CREATE TABLE event_degrees (
        actor_id TEXT NOT NULL, type TEXT NOT NULL, acled_type TEXT, negated INTEGER NOT NULL,
        modality TEXT NOT NULL, events INTEGER NOT NULL, sources INTEGER NOT NULL
    );
    CREATE INDEX event_degrees_actor ON event_degrees(actor_id);
    INSERT INTO event_dates
    SELECT date, date_precision, COUNT(*), SUM(killed), SUM(wounded), SUM(displaced)
    FROM events GROUP BY date, date_precision;
    INSERT INTO event_kinds
    SELECT type, acled_type, modality, negated,
        COUNT(*), SUM(killed), SUM(wounded), SUM(displaced)
    FROM events GROUP BY type, acled_type, modality, negated;
    INSERT INTO event_days
    SELECT date, date_precision, type, acled_type, modality, negated,
        COUNT(*), SUM(killed), SUM(wounded), SUM(displaced)
    FROM events GROUP BY date, date_precision, type, acled_type, modality, negated;
    INSERT INTO event_place_totals
    SELECT place_id, type, acled_type, modality, negated,
        COUNT(*), SUM(killed), SUM(wounded), SUM(displaced)
    FROM events WHERE place_id IS NOT NULL
    GROUP BY place_id, type, acled_type, modality, negated;
    INSERT INTO event_pairs
    SELECT source_actor, target_actor, type, acled_type, negated, modality,
        COUNT(*), SUM(source_count)
    FROM events
    WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL AND source_actor <> target_actor
    GROUP BY source_actor, target_actor, type, acled_type, negated, modality;
    INSERT INTO event_degrees
    SELECT actor_id, type, acled_type, negated, modality, SUM(events), SUM(sources)
    FROM (
        SELECT source_actor AS actor_id, type, acled_type, negated, modality, events, sources
        FROM event_pairs
        UNION ALL
        SELECT target_actor, type, acled_type, negated, modality, events, sources
        FROM event_pairs
    ) d
    GROUP BY actor_id, type, acled_type, negated, modality
    """

# 6: incidents (resolve/incidents.py): one row per real-world occurrence, the fields
# lists filter and sort on as real columns, and its member and statement events
INCIDENTS = """
    CREATE TABLE incidents (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, acled_type TEXT,
        source_actor TEXT, target_actor TEXT, date TEXT, date_precision TEXT,
        place_id TEXT, lat REAL, lon REAL, killed INTEGER, wounded INTEGER, modality TEXT,
        source_count INTEGER NOT NULL, outlet_count INTEGER NOT NULL, payload TEXT NOT NULL
    );
    CREATE INDEX incidents_date_id ON incidents(date, id);
    CREATE INDEX incidents_sources ON incidents(source_count, date, id);
    CREATE INDEX incidents_source_date ON incidents(source_actor, date, id);
    CREATE INDEX incidents_target_date ON incidents(target_actor, date, id);
    CREATE INDEX incidents_place ON incidents(place_id);
    CREATE TABLE incident_events (
        incident_id TEXT NOT NULL, event_id TEXT NOT NULL, role TEXT NOT NULL,
        PRIMARY KEY (incident_id, event_id)
    );
    CREATE INDEX incident_events_event ON incident_events(event_id)
    """

# 7 (after 5 and 6 of the same release): running and period totals of the conflict,
# an actor or a place (extract/totals.py), part of the resolved picture
STATISTICS = """
    CREATE TABLE statistics (
        id TEXT PRIMARY KEY, counted TEXT NOT NULL, value INTEGER NOT NULL, qualifier TEXT,
        period_start TEXT, period_end TEXT, scope TEXT NOT NULL, actor_id TEXT, place_id TEXT,
        article_id TEXT NOT NULL, char_start INTEGER NOT NULL, payload TEXT NOT NULL
    );
    CREATE INDEX statistics_actor ON statistics(actor_id, article_id, char_start);
    CREATE INDEX statistics_place ON statistics(place_id, article_id, char_start);
    CREATE INDEX statistics_counted ON statistics(counted, article_id, char_start)
    """

# 8 (issue 16; numbered 8 once 5-7 land before it): the units of actor resolution and
# their keys (resolve/actor_keys.py), so a new batch re-decides only the keys its units
# carry: ``units`` holds each document mention group with its anchor key and cluster,
# ``unit_keys`` every key a unit carries, ``key_decisions`` the cluster each key was
# decided into; ``units`` in store_state is the documents generation they reflect
ACTOR_UNITS = """
    CREATE TABLE units (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        anchor TEXT NOT NULL, personish INTEGER NOT NULL, cluster TEXT NOT NULL,
        payload TEXT NOT NULL
    );
    CREATE INDEX units_anchor ON units(anchor, id);
    CREATE INDEX units_cluster ON units(cluster, id);
    CREATE TABLE unit_keys (
        key TEXT NOT NULL,
        unit_id TEXT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        is_anchor INTEGER NOT NULL,
        PRIMARY KEY (key, unit_id)
    );
    CREATE INDEX unit_keys_unit ON unit_keys(unit_id);
    CREATE TABLE key_decisions (
        key TEXT PRIMARY KEY, cluster TEXT NOT NULL, via TEXT NOT NULL, rivals TEXT NOT NULL
    );
    INSERT INTO store_state (name, value) VALUES ('units', '-1')
    """
