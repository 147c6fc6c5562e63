"""Migrations 23 to 30 of the ordered list in :mod:`eventwire.store.migrations`:
event mentions, actor kind floors and running sums, pair suffixes and tails,
actor types, the incident list's date index, the export lines of articles, actors and
quotes, and the pair floors by side.

Each script is released: never edit one (a change is a new migration).
"""

from __future__ import annotations

# 23 (issue 16): every kept event mention with its grouping key (type, source,
# target, polarity, ACLED code, as JSON) and the event it went to: a refresh writes
# only the events of the keys its batch touches. ``event_mentions`` in store_state
# is the picture generation the rows reflect (-1: none; a store made before this
# resolves in full once).
EVENT_MENTIONS = """
    CREATE TABLE event_mentions (
        article_id TEXT NOT NULL, seq INTEGER NOT NULL, trigger_start INTEGER NOT NULL,
        type TEXT NOT NULL, group_key TEXT NOT NULL, event_id TEXT NOT NULL,
        PRIMARY KEY (article_id, seq)
    );
    CREATE INDEX event_mentions_key ON event_mentions(group_key);
    INSERT INTO store_state (name, value) VALUES ('event_mentions', '-1')
    """

# 24 (issue 18): each actor's sources per period and kind (type,
# negation, modality, ACLED type) from its events with at least ``atleast`` sources
# (2 up to the floor of 5), so the network under a kind and a minimum of sources
# ranks its actors from a few rows each, with dates or without, instead of reading
# every selected event. Filled from the pair periods, as store/sql_picture.py rewrites it.
# And each actor's running sums by month (``event_actor_running``: the sources of its
# dated events up to each month, by ``atleast`` 1-5): the degrees under a filter of
# dates read two rows an actor, not one for each year and month between.
ACTOR_KIND_FLOORS = """
    CREATE TABLE event_actor_kind_floors (
        grain INTEGER NOT NULL, period TEXT NOT NULL, atleast INTEGER NOT NULL,
        actor_id TEXT NOT NULL, type TEXT NOT NULL, negated INTEGER NOT NULL,
        modality TEXT NOT NULL, acled_type TEXT, sources INTEGER NOT NULL
    );
    INSERT INTO event_actor_kind_floors
    SELECT p.grain, p.period, f.atleast, p.actor_id, p.type, p.negated, p.modality,
        p.acled_type, SUM(p.sources)
    FROM (
        SELECT grain, period, floor, source_actor AS actor_id, type, negated, modality,
            acled_type, sources
        FROM event_pair_periods WHERE floor >= 2
        UNION ALL
        SELECT grain, period, floor, target_actor, type, negated, modality, acled_type, sources
        FROM event_pair_periods WHERE floor >= 2
    ) p
    JOIN (SELECT 2 AS atleast UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) f
        ON p.floor >= f.atleast
    GROUP BY p.grain, p.period, f.atleast, p.actor_id, p.type, p.negated, p.modality,
        p.acled_type
    ORDER BY 1, 3, 5, 2, 4;
    CREATE INDEX event_actor_kind_floors_type ON event_actor_kind_floors(
        grain, atleast, type, period, actor_id, negated, modality, acled_type, sources
    );
    CREATE INDEX event_actor_kind_floors_acled ON event_actor_kind_floors(
        grain, atleast, acled_type, period, actor_id, type, negated, modality, sources
    );
    CREATE TABLE event_actor_running (
        atleast INTEGER NOT NULL, period TEXT NOT NULL, actor_id TEXT NOT NULL,
        sources INTEGER NOT NULL
    );
    INSERT INTO event_actor_running
    WITH f AS (SELECT 1 AS atleast UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
        UNION ALL SELECT 5),
    s AS (
        SELECT f.atleast, e.period, e.actor_id, SUM(e.sources) AS sources
        FROM event_actor_periods e JOIN f ON e.floor >= f.atleast
        WHERE e.grain = 7 GROUP BY f.atleast, e.period, e.actor_id
    ),
    m AS (SELECT DISTINCT period FROM event_actor_periods WHERE grain = 7),
    a AS (SELECT DISTINCT atleast, actor_id FROM s)
    SELECT a.atleast, m.period, a.actor_id, SUM(COALESCE(s.sources, 0))
        OVER (PARTITION BY a.atleast, a.actor_id ORDER BY m.period)
    FROM a CROSS JOIN m
    LEFT JOIN s ON s.atleast = a.atleast AND s.period = m.period AND s.actor_id = a.actor_id
    ORDER BY 1, 2, 3;
    CREATE INDEX event_actor_running_period ON event_actor_running(
        atleast, period, actor_id, sources
    )
    """

# 25 (issue 18): the year rows of the pair splits summed from each year to the last:
# per (pair, type, negation, modality) a row at every year of the store from its
# first to its last (``first`` marks the first), its events and sources of that
# year and every later one. The network under ``since`` reads one row a kind for
# the whole years after the date instead of one a year (the cut day of the 1M-event
# bench store: 14,474 index rows grouped into 5,227, 36 -> 12 ms of SQLite).
PAIR_SUFFIXES = """
    CREATE TABLE event_pair_suffixes (
        source_actor TEXT NOT NULL, target_actor TEXT NOT NULL, first INTEGER NOT NULL,
        period TEXT NOT NULL, type TEXT NOT NULL, negated INTEGER NOT NULL,
        modality TEXT NOT NULL, events INTEGER NOT NULL, sources INTEGER NOT NULL
    );
    INSERT INTO event_pair_suffixes
    WITH y AS (
        SELECT source_actor, target_actor, type, negated, modality, period,
            SUM(events) AS events, SUM(sources) AS sources
        FROM event_pair_splits WHERE grain = 4
        GROUP BY source_actor, target_actor, type, negated, modality, period
    ),
    k AS (
        SELECT source_actor, target_actor, type, negated, modality, MIN(period) AS a,
            MAX(period) AS b
        FROM y GROUP BY source_actor, target_actor, type, negated, modality
    ),
    m AS (SELECT DISTINCT period FROM y)
    SELECT k.source_actor, k.target_actor, CASE WHEN m.period = k.a THEN 1 ELSE 0 END,
        m.period, k.type, k.negated, k.modality,
        SUM(COALESCE(y.events, 0)) OVER w, SUM(COALESCE(y.sources, 0)) OVER w
    FROM k JOIN m ON m.period BETWEEN k.a AND k.b
    LEFT JOIN y ON y.source_actor = k.source_actor AND y.target_actor = k.target_actor
        AND y.type = k.type AND y.negated = k.negated AND y.modality = k.modality
        AND y.period = m.period
    WINDOW w AS (
        PARTITION BY k.source_actor, k.target_actor, k.type, k.negated, k.modality
        ORDER BY m.period DESC
    )
    ORDER BY 1, 2, 3, 4;
    CREATE INDEX event_pair_suffixes_pair ON event_pair_suffixes(
        source_actor, target_actor, first, period, type, negated, modality, events, sources
    );
    CREATE INDEX event_pair_suffixes_period ON event_pair_suffixes(period)
    """

# 26 (issue 18): per actor pair, minimum of
# sources (1 up to the floor, ``atleast``) and month period the pair has events in, its
# sums from that period to the last: sources, and the split by type, negation and
# modality packed in one text (store/sql_pair_tails.py). The network under dates reads
# two rows a pair (its first tail at or after the first period kept, less its first
# past the last) instead of one a year and month between. The pair summary's side
# indexes cover its rows: an actor's degrees read each side once, no table row. Their
# statistics are taken again (a dropped index's go with it; without them SQLite seeks
# the pairs among the actors drawn side by side, 5 -> 37 ms under a type at 1M).
PAIR_TAILS = """
    CREATE TABLE event_pair_tails (
        source_actor TEXT NOT NULL, target_actor TEXT NOT NULL, atleast INTEGER NOT NULL,
        period TEXT NOT NULL, sources INTEGER NOT NULL, split TEXT NOT NULL
    );
    INSERT INTO event_pair_tails
    WITH c AS (
        SELECT f.atleast, p.source_actor, p.target_actor, p.period, p.type, p.negated,
            p.modality, SUM(p.events) AS events, SUM(p.sources) AS sources
        FROM event_pair_periods p JOIN (SELECT 1 AS atleast UNION ALL SELECT 2 UNION ALL
            SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) f ON p.floor >= f.atleast
        WHERE p.grain = 7
        GROUP BY f.atleast, p.source_actor, p.target_actor, p.period, p.type, p.negated,
            p.modality
    ),
    m AS (SELECT DISTINCT atleast, source_actor, target_actor, period FROM c),
    k AS (SELECT DISTINCT atleast, source_actor, target_actor, type, negated, modality FROM c),
    g AS (
        SELECT m.atleast, m.source_actor, m.target_actor, m.period, k.type, k.negated,
            k.modality, SUM(COALESCE(c.events, 0)) OVER w AS events,
            SUM(COALESCE(c.sources, 0)) OVER w AS sources
        FROM m JOIN k ON k.atleast = m.atleast AND k.source_actor = m.source_actor
            AND k.target_actor = m.target_actor
        LEFT JOIN c ON c.atleast = m.atleast AND c.source_actor = m.source_actor
            AND c.target_actor = m.target_actor AND c.period = m.period AND c.type = k.type
            AND c.negated = k.negated AND c.modality = k.modality
        WINDOW w AS (
            PARTITION BY m.atleast, m.source_actor, m.target_actor, k.type, k.negated,
                k.modality
            ORDER BY m.period DESC
        )
    )
    SELECT source_actor, target_actor, atleast, period, SUM(sources),
        group_concat(events || ' ' || sources || ' ' || negated || ' ' || modality || ' '
            || type, '|')
    FROM (
        SELECT * FROM g WHERE events > 0
        ORDER BY source_actor, target_actor, atleast, period, type, negated, modality
    ) s
    GROUP BY source_actor, target_actor, atleast, period
    ORDER BY 1, 2, 3, 4;
    CREATE INDEX event_pair_tails_pair ON event_pair_tails(
        source_actor, target_actor, atleast, period, sources
    );
    DROP INDEX event_pairs_source;
    CREATE INDEX event_pairs_source ON event_pairs(
        source_actor, target_actor, type, acled_type, negated, modality, events, sources
    );
    DROP INDEX event_pairs_target;
    CREATE INDEX event_pairs_target ON event_pairs(
        target_actor, source_actor, type, acled_type, negated, modality, events, sources
    );
    ANALYZE event_pairs
    """

# 27 (issue 18): every actor's part in the events of a type per period (whole store,
# year, month), with the most sources (up to the floor) of those events: the actors of
# a filter of a type, dates and sources (the actor index under the filter bar) read
# one row an actor, period and type, where ``event_actor_roles`` keeps one for every
# negation, modality, ACLED type and floor (at 1M: 861,478 rows for 1,732,275).
# Filled from it here, then written with the other summaries by store/sql_picture.py.
# Each actor's incident summary
# is indexed by actor, type and date with its sums: the index's figures under a type
# and dates seek the type's rows alone and read no table row (a page of 50 hubs at 1M:
# 66,225 rows of every type looked up one by one before). Its statistics are taken, so
# that a filter without a type keeps the (actor, date) index.
ACTOR_TYPES = """
    CREATE TABLE event_actor_types (
        grain INTEGER NOT NULL, period TEXT NOT NULL, type TEXT NOT NULL,
        actor_id TEXT NOT NULL, floor INTEGER NOT NULL
    );
    INSERT INTO event_actor_types
    SELECT grain, period, type, actor_id, MAX(floor) FROM event_actor_roles
    GROUP BY grain, period, type, actor_id ORDER BY 1, 3, 2, 4;
    CREATE INDEX event_actor_types_type ON event_actor_types(
        grain, type, period, actor_id, floor
    );
    CREATE INDEX incident_actor_dates_type ON incident_actor_dates(
        actor_id, type, date, incidents, killed, wounded, displaced, sources
    );
    ANALYZE incident_actor_dates
    """

# 28 (issue 18): the incident list's two date orders in one index, as both backends
# read it: newest first with the undated last, and (read backwards) oldest first with
# the undated first. PostgreSQL places NULL last in an ascending index, so neither
# order matched (date, id): a page sorted every incident (PostgreSQL at 1M: 99 ms of
# the server's CPU a page); SQLite reads the new index as it read the old one
INCIDENT_DATE_INDEX = """
    DROP INDEX incidents_date_id;
    CREATE INDEX incidents_date_id ON incidents(date DESC NULLS LAST, id DESC)
    """

# 29 (issue 18): articles, actors and quotes keep their export lines too
# (store/export_lines.py), written with them by store/sql_documents.py,
# sql_picture.py and sql_units.py, so a JSON Lines download or export copies every
# record but places and statistics.
# The lines of those stored before are made here, field by field, as the JSON Lines
# writer encodes them (its separators, strings escaped as Python's json does: both
# backends' JSON quoting escapes the same characters the same way); an article's
# metadata is copied as stored (written by the same encoder with its keys sorted,
# the order a decoded copy keeps) and its text is left out (null: the text is kept
# once, in its column, and put into the line as it is read). Each backend's JSON
# functions differ: the fills are written once for each (see
# :func:`~eventwire.store.dialects.sqlite_script`).
RECORD_LINES = """
    ALTER TABLE articles ADD COLUMN line TEXT;
    ALTER TABLE actors ADD COLUMN line TEXT;
    ALTER TABLE quotes ADD COLUMN line TEXT;
    /*sqlite*/
    UPDATE articles SET line = '{"kind": "article", "id": ' || json_quote(id)
        || ', "title": ' || json_quote(title) || ', "outlet": ' || json_quote(outlet)
        || ', "url": ' || json_quote(url) || ', "source": ' || json_quote(source)
        || ', "published": ' || json_quote(published)
        || ', "published_precision": ' || json_quote(published_precision)
        || ', "published_ambiguous": '
        || CASE WHEN published_ambiguous <> 0 THEN 'true' ELSE 'false' END
        || ', "text": null'
        || ', "metadata": ' || CASE WHEN metadata = '' THEN '{}' ELSE metadata END || '}';
    UPDATE quotes SET line = '{"kind": "quote", "id": ' || json_quote(id)
        || ', "text": ' || json_quote(text) || ', "article_id": ' || json_quote(article_id)
        || ', "sentence": ' || json_quote(sentence) || ', "char_start": ' || char_start
        || ', "char_end": ' || char_end || ', "speaker": ' || json_quote(speaker)
        || ', "speaker_description": ' || json_quote(speaker_description) || '}';
    UPDATE actors SET line = '{"kind": "actor", "id": ' || json_quote(json_extract(payload, '$.id'))
        || ', "name": ' || json_quote(json_extract(payload, '$.name'))
        || ', "type": ' || json_quote(json_extract(payload, '$.type'))
        || ', "country": ' || json_quote(json_extract(payload, '$.country'))
        || ', "aliases": [' || COALESCE((SELECT group_concat(json_quote(a.value), ', ')
            FROM json_each(actors.payload, '$.aliases') a), '') || ']'
        || ', "mention_count": ' || COALESCE(json_extract(payload, '$.mention_count'), 0)
        || ', "article_count": ' || COALESCE(json_extract(payload, '$.article_count'), 0)
        || ', "roles": [' || COALESCE((SELECT group_concat('{"title": '
            || json_quote(json_extract(r.value, '$.title'))
            || ', "start": ' || json_quote(json_extract(r.value, '$.start'))
            || ', "end": ' || json_quote(json_extract(r.value, '$.end'))
            || ', "source": ' || json_quote(COALESCE(json_extract(r.value, '$.source'), 'kb'))
            || '}', ', ') FROM json_each(actors.payload, '$.roles') r), '') || ']'
        || ', "kb_id": ' || json_quote(json_extract(payload, '$.kb_id')) || '}'
    /*end*/
    /*postgres*/
    UPDATE articles SET line = '{"kind": "article", "id": ' || to_json(id)
        || ', "title": ' || COALESCE(to_json(title)::text, 'null')
        || ', "outlet": ' || COALESCE(to_json(outlet)::text, 'null')
        || ', "url": ' || COALESCE(to_json(url)::text, 'null')
        || ', "source": ' || COALESCE(to_json(source)::text, 'null')
        || ', "published": ' || COALESCE(to_json(published)::text, 'null')
        || ', "published_precision": ' || COALESCE(to_json(published_precision)::text, 'null')
        || ', "published_ambiguous": '
        || CASE WHEN published_ambiguous <> 0 THEN 'true' ELSE 'false' END
        || ', "text": null'
        || ', "metadata": ' || CASE WHEN metadata = '' THEN '{}' ELSE metadata END || '}';
    UPDATE quotes SET line = '{"kind": "quote", "id": ' || to_json(id)
        || ', "text": ' || to_json(text) || ', "article_id": ' || to_json(article_id)
        || ', "sentence": ' || to_json(sentence) || ', "char_start": ' || char_start
        || ', "char_end": ' || char_end
        || ', "speaker": ' || COALESCE(to_json(speaker)::text, 'null')
        || ', "speaker_description": ' || COALESCE(to_json(speaker_description)::text, 'null')
        || '}';
    UPDATE actors SET line = '{"kind": "actor", "id": ' || to_json(p.j ->> 'id')
        || ', "name": ' || COALESCE(to_json(p.j ->> 'name')::text, 'null')
        || ', "type": ' || COALESCE(to_json(p.j ->> 'type')::text, 'null')
        || ', "country": ' || COALESCE(to_json(p.j ->> 'country')::text, 'null')
        || ', "aliases": [' || COALESCE((SELECT string_agg(to_json(a.value)::text, ', '
            ORDER BY a.n) FROM jsonb_array_elements_text(COALESCE(p.j -> 'aliases', '[]'))
            WITH ORDINALITY a(value, n)), '') || ']'
        || ', "mention_count": ' || COALESCE(p.j ->> 'mention_count', '0')
        || ', "article_count": ' || COALESCE(p.j ->> 'article_count', '0')
        || ', "roles": [' || COALESCE((SELECT string_agg('{"title": '
            || COALESCE(to_json(r.value ->> 'title')::text, 'null')
            || ', "start": ' || COALESCE(to_json(r.value ->> 'start')::text, 'null')
            || ', "end": ' || COALESCE(to_json(r.value ->> 'end')::text, 'null')
            || ', "source": ' || to_json(COALESCE(r.value ->> 'source', 'kb'))
            || '}', ', ' ORDER BY r.n)
            FROM jsonb_array_elements(COALESCE(p.j -> 'roles', '[]')) WITH ORDINALITY r(value, n)),
            '') || ']'
        || ', "kb_id": ' || COALESCE(to_json(p.j ->> 'kb_id')::text, 'null') || '}'
    FROM (SELECT id, payload::jsonb AS j FROM actors) p WHERE p.id = actors.id
    /*end*/
    """

# 30 (issue 18): the whole-store pair sums by floor (``event_pair_floors``' grain 0)
# by each side first: the pairs of a network's next page (from one of the actors it
# adds to any drawn, and from an older one to one it adds) are read as a range of
# each added actor's pairs, where the pair index probed every pair of sides or, on
# PostgreSQL, read every pair of the busiest actors drawn (page 5 on a 100k-event
# copy: 27,000 rows tested for 958 kept, 40 ms of the server's)
PAIR_FLOOR_SIDES = """
    CREATE INDEX event_pair_floors_source ON event_pair_floors(
        atleast, source_actor, target_actor, sources, grain
    ) WHERE grain = 0;
    CREATE INDEX event_pair_floors_target ON event_pair_floors(
        atleast, target_actor, source_actor, sources, grain
    ) WHERE grain = 0
    """
