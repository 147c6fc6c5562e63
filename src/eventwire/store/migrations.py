"""Schema migrations: the n-th script brings a store from version n-1 to n.

Never edit a released script; append a new one. SQLite keeps the version in PRAGMA
user_version, PostgreSQL in a ``schema_version`` table. Scripts are written once in
the SQL both accept; :func:`postgres_script` maps the few type names that differ.
Document records are the durable truth; every other table below ``actors`` is
recomputed by resolution and can be rebuilt at any time.
"""

from __future__ import annotations

import re

MIGRATIONS: list[str] = [
    # 1: articles, mentions and document records; the resolved picture
    """
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
    """,
    # 2: event listings are ordered by (date, id); without the pair in one index a page of
    # the unfiltered list sorts every event sharing a year-precision date (bench/api_latency.py)
    """
    CREATE INDEX events_date_id ON events(date, id);
    DROP INDEX events_date
    """,
    # 3: an actor's events are read as two ordered index scans (as source, as target) merged
    # by (date, id), so a page of a hub actor's events stops early instead of sorting them all
    """
    CREATE INDEX events_source_date ON events(source_actor, date, id);
    CREATE INDEX events_target_date ON events(target_actor, date, id);
    DROP INDEX events_source;
    DROP INDEX events_target
    """,
    # 4: generations for concurrent writers: ``documents`` counts document writes (each
    # stored document carries the one it arrived in, ``seq``), ``picture`` is the
    # documents generation the resolved picture reflects, ``fingerprint`` the overrides
    # it was computed with (pipeline.refresh)
    """
    CREATE TABLE store_state (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO store_state (name, value)
        VALUES ('documents', '0'), ('picture', '0'), ('fingerprint', '');
    ALTER TABLE doc_records ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX doc_records_seq ON doc_records(seq)
    """,
    # 8 (issue 16; numbered 8 once 5-7 land before it): the units of actor resolution and
    # their keys (resolve/actor_keys.py), so a new batch re-decides only the keys its units
    # carry: ``units`` holds each document mention group with its anchor key and cluster,
    # ``unit_keys`` every key a unit carries, ``key_decisions`` the cluster each key was
    # decided into; ``units`` in store_state is the documents generation they reflect
    """
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
    """,
]

_POSTGRES_TYPES = (
    # text compares byte by byte, as in SQLite, whatever the database's locale, so
    # listings sort (and exports come out) the same on both backends
    (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'),
    # REAL is 4 bytes in PostgreSQL, 8 in SQLite
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
    # a reserved word in PostgreSQL
    (re.compile(r"\bend\b"), '"end"'),
)


def postgres_script(script: str) -> str:
    """A migration script as PostgreSQL reads it."""
    for pattern, replacement in _POSTGRES_TYPES:
        script = pattern.sub(replacement, script)
    return script
