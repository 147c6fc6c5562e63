"""Migrations 9 to 16 of the ordered list in :mod:`eventwire.store.migrations`:
the period summaries of the network and the incident summaries of the
analyst's pages, actor cluster totals, incident list orders, the pair sums and the
summaries without a sources floor, quote descriptions, actor kind sums and relation lines.

Each script is released: never edit one (a change is a new migration).
"""

from __future__ import annotations

# 9 (issue 18): the network under a date or minimum-sources filter without reading
# events. ``event_pair_periods`` holds the events between two actors per (pair, type,
# negation, modality) for the whole store (grain 0, period ''), per year (grain 4:
# the date's first 4 characters) and per month (grain 7), each split by the sources
# an event has, capped at 5 (``floor``); ``event_actor_periods`` the same per actor
# (either side), for the degrees. A date index that covers the network's columns
# serves the days of a month a date filter cuts. Covering
# indexes: the timeline by fatalities, the map by modality and dates, and the
# network's reads of relations (degrees, edges among the actors drawn).
PERIOD_SUMMARIES = """
    CREATE TABLE event_pair_periods (
        grain INTEGER NOT NULL, period TEXT NOT NULL, floor INTEGER NOT NULL,
        source_actor TEXT NOT NULL, target_actor TEXT NOT NULL, type TEXT NOT NULL,
        negated INTEGER NOT NULL, modality TEXT NOT NULL,
        events INTEGER NOT NULL, sources INTEGER NOT NULL
    );
    CREATE INDEX event_pair_periods_pair ON event_pair_periods(
        source_actor, target_actor, grain, period, floor
    );
    CREATE TABLE event_actor_periods (
        grain INTEGER NOT NULL, period TEXT NOT NULL, floor INTEGER NOT NULL,
        actor_id TEXT NOT NULL, events INTEGER NOT NULL, sources INTEGER NOT NULL
    );
    CREATE INDEX event_actor_periods_period ON event_actor_periods(
        grain, period, floor, actor_id, sources
    );
    CREATE INDEX events_date_pairs ON events(
        date, source_actor, target_actor, type, negated, modality, source_count
    );
    INSERT INTO event_pair_periods
    SELECT 0, '', CASE WHEN source_count < 5 THEN source_count ELSE 5 END,
        source_actor, target_actor, type, negated, modality, COUNT(*), SUM(source_count)
    FROM events
    WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL AND source_actor <> target_actor
    GROUP BY CASE WHEN source_count < 5 THEN source_count ELSE 5 END,
        source_actor, target_actor, type, negated, modality
    UNION ALL
    SELECT 4, substr(date, 1, 4), CASE WHEN source_count < 5 THEN source_count ELSE 5 END,
        source_actor, target_actor, type, negated, modality, COUNT(*), SUM(source_count)
    FROM events
    WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL AND source_actor <> target_actor
        AND date IS NOT NULL
    GROUP BY substr(date, 1, 4), CASE WHEN source_count < 5 THEN source_count ELSE 5 END,
        source_actor, target_actor, type, negated, modality
    UNION ALL
    SELECT 7, substr(date, 1, 7), CASE WHEN source_count < 5 THEN source_count ELSE 5 END,
        source_actor, target_actor, type, negated, modality, COUNT(*), SUM(source_count)
    FROM events
    WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL AND source_actor <> target_actor
        AND date IS NOT NULL
    GROUP BY substr(date, 1, 7), CASE WHEN source_count < 5 THEN source_count ELSE 5 END,
        source_actor, target_actor, type, negated, modality;
    INSERT INTO event_actor_periods
    SELECT grain, period, floor, actor_id, SUM(events), SUM(sources)
    FROM (
        SELECT grain, period, floor, source_actor AS actor_id, events, sources
        FROM event_pair_periods
        UNION ALL
        SELECT grain, period, floor, target_actor, events, sources FROM event_pair_periods
    ) d
    GROUP BY grain, period, floor, actor_id;
    CREATE INDEX events_killed_timeline ON events(killed, date, date_precision, wounded);
    CREATE INDEX events_modality_places ON events(
        modality, date, place_id, type, killed, wounded, displaced
    );
    CREATE INDEX relations_edges ON relations(
        source_actor, target_actor, type, negated, modality, source_count, first_seen, last_seen
    )
    """

# 10 (issue 18, the analyst's pages; numbered 10 once 9 lands before it): the views
# count incidents, not sentences: an incident's displaced figure as a real column
# (killed and wounded already are); summaries per date and kind (timeline, totals)
# and per place and kind (map, place index), and covering indexes for the filters no
# summary keeps; each actor's incidents and casualties (the actor index: a hub is a
# side of most incidents); all written with the incidents by
# store/sql_incident_views.py
INCIDENT_SUMMARIES = """
    ALTER TABLE incidents ADD COLUMN displaced INTEGER;
    UPDATE incidents SET displaced = CAST(json_extract(payload, '$.counts.displaced') AS INTEGER);
    CREATE INDEX incidents_date_sums
        ON incidents(date, date_precision, place_id, type, killed, wounded, displaced);
    CREATE INDEX incidents_place_sums
        ON incidents(place_id, type, date, date_precision, killed, wounded, displaced);
    CREATE TABLE incident_dates (
        date TEXT, date_precision TEXT, type TEXT NOT NULL, acled_type TEXT, modality TEXT,
        incidents INTEGER NOT NULL, killed INTEGER, wounded INTEGER, displaced INTEGER
    );
    CREATE INDEX incident_dates_date ON incident_dates(date, date_precision);
    CREATE TABLE incident_place_kinds (
        place_id TEXT, type TEXT NOT NULL, acled_type TEXT, modality TEXT,
        incidents INTEGER NOT NULL, killed INTEGER, wounded INTEGER, displaced INTEGER
    );
    CREATE INDEX incident_place_kinds_place ON incident_place_kinds(place_id);
    INSERT INTO incident_dates
    SELECT date, date_precision, type, acled_type, modality,
        COUNT(*), SUM(killed), SUM(wounded), SUM(displaced)
    FROM incidents GROUP BY date, date_precision, type, acled_type, modality;
    INSERT INTO incident_place_kinds
    SELECT place_id, type, acled_type, modality,
        COUNT(*), SUM(killed), SUM(wounded), SUM(displaced)
    FROM incidents GROUP BY place_id, type, acled_type, modality;
    CREATE TABLE incident_actor_totals (
        actor_id TEXT PRIMARY KEY, incidents INTEGER NOT NULL, killed INTEGER NOT NULL,
        wounded INTEGER NOT NULL, displaced INTEGER NOT NULL
    );
    INSERT INTO incident_actor_totals
    SELECT actor_id, COUNT(*), COALESCE(SUM(killed), 0), COALESCE(SUM(wounded), 0),
        COALESCE(SUM(displaced), 0)
    FROM (
        SELECT id, source_actor AS actor_id, killed, wounded, displaced FROM incidents
        WHERE source_actor IS NOT NULL
        UNION
        SELECT id, target_actor, killed, wounded, displaced FROM incidents
        WHERE target_actor IS NOT NULL
    ) sides
    GROUP BY actor_id
    """

# 11 (issue 16; numbered 11 once 9 and 10 land before it): each actor cluster's running
# totals (resolve/actor_totals.py), so an incremental refresh updates a touched actor
# from the new units alone; stores with units but no totals start again from a full
# resolution (units generation -1)
CLUSTER_TOTALS = """
    CREATE TABLE cluster_totals (cluster TEXT PRIMARY KEY, payload TEXT NOT NULL);
    UPDATE store_state SET value = '-1' WHERE name = 'units'
    """

# 12 (issue 14; numbered 12 once 9-11 land before it): incident lists by type and
# date (``type=&since=``, newest first) and by sources, each an index's own order
# (NULL dates last when newest first), read forwards or backwards (store/sql_incidents.py)
INCIDENT_ORDERS = """
    CREATE INDEX incidents_type_date ON incidents(type, date DESC NULLS LAST, id DESC);
    DROP INDEX incidents_sources;
    CREATE INDEX incidents_sources ON incidents(source_count DESC, date DESC NULLS LAST, id DESC)
    """

# 13 (issue 18, pre-assigned): ``event_pair_sums`` is ``event_pair_periods`` without
# the type, negation and modality split (one row per pair, period and sources floor),
# so the network chooses its pairs from a few rows and reads the split only for the
# pairs chosen; ``incident_actor_dates`` counts each actor's incidents (once when it
# is both sides) per date and kind, so a hub actor's timeline reads its summary, not
# its incidents; both written by store/sql_picture.py and store/sql_incident_views.py. A
# covering index serves the map (and the place index) by modality, with or without
# dates: the modality sought, the places and types walked in the grouping's order
PAIR_SUMS = """
    CREATE INDEX incidents_modality_places
        ON incidents(modality, place_id, type, date, killed, wounded, displaced);
    CREATE TABLE event_pair_sums (
        grain INTEGER NOT NULL, period TEXT NOT NULL, floor INTEGER NOT NULL,
        source_actor TEXT NOT NULL, target_actor TEXT NOT NULL,
        events INTEGER NOT NULL, sources INTEGER NOT NULL
    );
    CREATE INDEX event_pair_sums_pair ON event_pair_sums(
        source_actor, target_actor, grain, period, floor, events, sources
    );
    INSERT INTO event_pair_sums
    SELECT grain, period, floor, source_actor, target_actor, SUM(events), SUM(sources)
    FROM event_pair_periods GROUP BY grain, period, floor, source_actor, target_actor;
    CREATE TABLE incident_actor_dates (
        actor_id TEXT NOT NULL, date TEXT, date_precision TEXT, type TEXT NOT NULL,
        acled_type TEXT, modality TEXT,
        incidents INTEGER NOT NULL, killed INTEGER, wounded INTEGER, displaced INTEGER
    );
    CREATE INDEX incident_actor_dates_actor ON incident_actor_dates(actor_id, date);
    INSERT INTO incident_actor_dates
    SELECT actor_id, date, date_precision, type, acled_type, modality,
        COUNT(*), SUM(killed), SUM(wounded), SUM(displaced)
    FROM (
        SELECT source_actor AS actor_id, date, date_precision, type, acled_type, modality,
            killed, wounded, displaced
        FROM incidents WHERE source_actor IS NOT NULL
        UNION ALL
        SELECT target_actor, date, date_precision, type, acled_type, modality,
            killed, wounded, displaced
        FROM incidents
        WHERE target_actor IS NOT NULL
            AND (source_actor IS NULL OR source_actor <> target_actor)
    ) sides
    GROUP BY actor_id, date, date_precision, type, acled_type, modality
    """

# 14: the network without a sources floor reads summaries without one. ``event_pair_splits`` is
# ``event_pair_periods`` summed over the floors (the type, negation and modality split
# of a pair and period), its index covering the split read for the pairs drawn;
# ``event_actor_sums`` is ``event_actor_periods`` summed over the floors (the degrees);
# ``relation_actor_sums`` holds each actor's relations (either side) grouped by the
# columns a filter tests, so the relations' degrees read a few rows per actor. All
# three are written with the other summaries by store/sql_picture.py. The quotes of a
# download's articles are sought by article, in the order quotes are listed, and the
# actors of a download's events read from an index covering them by date.
FLOORLESS_SUMMARIES = """
    CREATE INDEX quotes_article ON quotes(article_id, char_start, id);
    CREATE INDEX events_date_actors ON events(date, source_actor, target_actor, attributed_to);
    CREATE TABLE event_pair_splits (
        grain INTEGER NOT NULL, period TEXT NOT NULL,
        source_actor TEXT NOT NULL, target_actor TEXT NOT NULL, type TEXT NOT NULL,
        negated INTEGER NOT NULL, modality TEXT NOT NULL,
        events INTEGER NOT NULL, sources INTEGER NOT NULL
    );
    CREATE INDEX event_pair_splits_pair ON event_pair_splits(
        source_actor, target_actor, grain, period, type, negated, modality, events, sources
    );
    CREATE TABLE event_actor_sums (
        grain INTEGER NOT NULL, period TEXT NOT NULL, actor_id TEXT NOT NULL,
        sources INTEGER NOT NULL
    );
    CREATE INDEX event_actor_sums_period ON event_actor_sums(grain, period, actor_id, sources);
    CREATE TABLE relation_actor_sums (
        actor_id TEXT NOT NULL, negated INTEGER NOT NULL, modality TEXT NOT NULL,
        source_count INTEGER NOT NULL, first_seen TEXT, last_seen TEXT,
        relations INTEGER NOT NULL, sources INTEGER NOT NULL
    );
    CREATE INDEX relation_actor_sums_actor ON relation_actor_sums(
        actor_id, negated, modality, source_count, first_seen, last_seen, sources
    );
    INSERT INTO event_pair_splits
    SELECT grain, period, source_actor, target_actor, type, negated, modality,
        SUM(events), SUM(sources)
    FROM event_pair_periods
    GROUP BY grain, period, source_actor, target_actor, type, negated, modality;
    INSERT INTO event_actor_sums
    SELECT grain, period, actor_id, SUM(sources) FROM event_actor_periods
    GROUP BY grain, period, actor_id;
    INSERT INTO relation_actor_sums
    SELECT actor_id, negated, modality, source_count, first_seen, last_seen,
        COUNT(*), SUM(n)
    FROM (
        SELECT source_actor AS actor_id, negated, modality, source_count, first_seen,
            last_seen, CASE WHEN source_count > 1 THEN source_count ELSE 1 END AS n
        FROM relations
        UNION ALL
        SELECT target_actor, negated, modality, source_count, first_seen, last_seen,
            CASE WHEN source_count > 1 THEN source_count ELSE 1 END
        FROM relations
    ) sides
    GROUP BY actor_id, negated, modality, source_count, first_seen, last_seen
    """

# 15 (issue 13, pre-assigned; the fifteenth script): a quote whose speaker is not
# named keeps the article's description of its source ("witness in Kabala",
# "medics"); quotes stored before it read back with none
QUOTE_DESCRIPTIONS = """
    ALTER TABLE quotes ADD COLUMN speaker_description TEXT
    """

# 16 (issue 18, pre-assigned): each actor's sources per period split by type,
# negation and modality (the pair splits summed by side), so the network's degrees
# under a type, modality or polarity filter with dates read a few rows per actor, not
# the events; and each actor's sources per period from its events with at least 2, 3,
# 4 or 5 sources (``atleast``, up to the sources floor), so the degrees under a
# minimum of sources read one row per actor and period, not one per floor. Written
# with the other summaries by store/sql_picture.py. A relation keeps its export line (its
# JSON Lines record, store/export_lines.py), written with it, so a download copies
# it; relations stored before have none and are encoded when exported.
ACTOR_KIND_SUMS = """
    CREATE TABLE event_actor_kinds (
        grain INTEGER NOT NULL, period TEXT NOT NULL, actor_id TEXT NOT NULL,
        type TEXT NOT NULL, negated INTEGER NOT NULL, modality TEXT NOT NULL,
        sources INTEGER NOT NULL
    );
    CREATE INDEX event_actor_kinds_period ON event_actor_kinds(
        grain, type, period, actor_id, negated, modality, sources
    );
    INSERT INTO event_actor_kinds
    SELECT grain, period, actor_id, type, negated, modality, SUM(sources)
    FROM (
        SELECT grain, period, source_actor AS actor_id, type, negated, modality, sources
        FROM event_pair_splits
        UNION ALL
        SELECT grain, period, target_actor, type, negated, modality, sources
        FROM event_pair_splits
    ) sides
    GROUP BY grain, period, actor_id, type, negated, modality;
    CREATE TABLE event_actor_floors (
        grain INTEGER NOT NULL, period TEXT NOT NULL, atleast INTEGER NOT NULL,
        actor_id TEXT NOT NULL, sources INTEGER NOT NULL
    );
    CREATE INDEX event_actor_floors_period ON event_actor_floors(
        grain, atleast, period, actor_id, sources
    );
    INSERT INTO event_actor_floors
    SELECT p.grain, p.period, f.atleast, p.actor_id, SUM(p.sources)
    FROM event_actor_periods p
    JOIN (SELECT 2 AS atleast UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) f
        ON p.floor >= f.atleast
    GROUP BY p.grain, p.period, f.atleast, p.actor_id;
    ALTER TABLE relations ADD COLUMN line TEXT
    """
