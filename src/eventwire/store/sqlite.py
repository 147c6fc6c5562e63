"""SQLite store: the embedded default (WAL journal, busy timeout, versioned schema)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from eventwire.errors import NotFound, StoreError
from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    Event,
    Evidence,
    Place,
    Quote,
    Relation,
    Resolution,
    from_dict,
    to_dict,
)
from eventwire.registry import stores
from eventwire.store.base import (
    ActorTotals,
    DateCount,
    EdgeCount,
    EventFilter,
    PlaceTotals,
)
from eventwire.store.migrations import MIGRATIONS
from eventwire.text.names import search_keys


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class SQLiteStore:
    """A :class:`~eventwire.store.base.Store` in one SQLite file (or ``:memory:``)."""

    def __init__(self, path: str | Path = "eventwire.db", *, timeout: float = 30.0) -> None:
        self.location = str(path)
        try:
            if self.location != ":memory:":
                Path(self.location).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.location, timeout=timeout, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            if self.location != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.location}: cannot open store ({exc})") from exc

    # schema ----------------------------------------------------------------
    def _migrate(self) -> None:
        cur = self.conn.execute("PRAGMA user_version")
        version = cur.fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.location}: schema version {version} is newer than this eventwire "
                f"({len(MIGRATIONS)})"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.conn:
                self.conn.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # documents ---------------------------------------------------------------
    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        found: set[str] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            found.update(r[0] for r in rows)
        return found

    def add_documents(self, items: Sequence[tuple[Article, DocumentRecords]]) -> int:
        added = 0
        try:
            with self.conn:
                for article, records in items:
                    cur = self.conn.execute(
                        "INSERT INTO articles (id, title, outlet, url, source, published,"
                        " published_precision, published_ambiguous, text, metadata)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING",
                        (
                            article.id,
                            article.title,
                            article.outlet,
                            article.url,
                            article.source,
                            article.published,
                            article.published_precision,
                            int(article.published_ambiguous),
                            article.text,
                            _json(article.metadata),
                        ),
                    )
                    if cur.rowcount == 0:
                        continue
                    added += 1
                    self.conn.execute(
                        "INSERT INTO doc_records (article_id, payload) VALUES (?, ?)",
                        (article.id, _json(to_dict(records))),
                    )
                    self.conn.executemany(
                        "INSERT OR IGNORE INTO mentions (article_id, start, end, text, label,"
                        " normalized, role, grp, sent_start, sent_end) VALUES (?,?,?,?,?,?,?,?,?,?)",
                        [
                            (
                                m.article_id,
                                m.span.start,
                                m.span.end,
                                m.span.text,
                                m.label,
                                m.normalized,
                                m.role,
                                m.group,
                                m.evidence.char_start,
                                m.evidence.char_end,
                            )
                            for m in records.mentions
                        ],
                    )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.location}: cannot store documents ({exc})") from exc
        return added

    def _article(self, row: sqlite3.Row) -> Article:
        return Article(
            id=row["id"],
            text=row["text"],
            title=row["title"],
            outlet=row["outlet"],
            url=row["url"],
            source=row["source"],
            published=row["published"],
            published_precision=row["published_precision"],
            published_ambiguous=bool(row["published_ambiguous"]),
            metadata=json.loads(row["metadata"] or "{}"),
        )

    def get_article(self, article_id: str) -> Article:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id!r}")
        return self._article(row)

    def iter_articles(self) -> Iterator[Article]:
        for row in self.conn.execute("SELECT * FROM articles ORDER BY id"):
            yield self._article(row)

    def iter_document_records(self) -> Iterator[DocumentRecords]:
        for row in self.conn.execute("SELECT payload FROM doc_records ORDER BY article_id"):
            yield from_dict(DocumentRecords, json.loads(row[0]))

    # resolved picture ----------------------------------------------------------
    def replace_resolution(self, resolution: Resolution) -> None:
        try:
            with self.conn:
                for table in (
                    "actor_keys",
                    "mention_actor",
                    "evidence",
                    "events",
                    "relations",
                    "quotes",
                    "places",
                    "actors",
                ):
                    self.conn.execute(f"DELETE FROM {table}")
                self._write_resolution(resolution)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.location}: cannot store resolution ({exc})") from exc

    def _write_resolution(self, res: Resolution) -> None:
        ex = self.conn.executemany
        ex(
            "INSERT INTO actors (id, name, type, country, kb_id, mention_count, article_count,"
            " payload) VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    a.id,
                    a.name,
                    a.type,
                    a.country,
                    a.kb_id,
                    a.mention_count,
                    a.article_count,
                    _json({**to_dict(a), "explanation": list(res.explanations.get(a.id, ()))}),
                )
                for a in res.actors
            ],
        )
        key_rows = set()
        for a in res.actors:
            for alias in {a.name, *a.aliases}:
                for key in search_keys(alias):
                    key_rows.add((a.id, key))
        ex("INSERT OR IGNORE INTO actor_keys (actor_id, key) VALUES (?, ?)", sorted(key_rows))
        ex(
            "INSERT INTO mention_actor (mention, actor_id) VALUES (?, ?)",
            sorted(res.mention_actor.items()),
        )
        ex(
            "INSERT INTO places (id, name, lat, lon, country, admin1, precision, payload)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [
                (p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.precision, _json(to_dict(p)))
                for p in res.places
            ],
        )
        ex(
            "INSERT INTO events (id, type, source_actor, target_actor, date, date_precision,"
            " place_id, lat, lon, negated, modality, attributed_to, source_count, payload)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    e.id,
                    e.type,
                    e.source_actor,
                    e.target_actor,
                    e.date,
                    e.date_precision,
                    e.location.id if e.location else None,
                    e.location.lat if e.location else None,
                    e.location.lon if e.location else None,
                    int(e.negated),
                    e.modality,
                    e.attributed_to,
                    e.source_count,
                    _json(to_dict(e)),
                )
                for e in res.events
            ],
        )
        ex(
            "INSERT INTO relations (id, source_actor, target_actor, type, negated, modality,"
            " contested, first_seen, last_seen, source_count, payload)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    r.id,
                    r.source_actor,
                    r.target_actor,
                    r.type,
                    int(r.negated),
                    r.modality,
                    int(r.contested),
                    r.first_seen,
                    r.last_seen,
                    r.source_count,
                    _json(to_dict(r)),
                )
                for r in res.relations
            ],
        )
        ex(
            "INSERT INTO quotes (id, speaker, article_id, text, sentence, char_start, char_end)"
            " VALUES (?,?,?,?,?,?,?)",
            [
                (q.id, q.speaker, q.article_id, q.text, q.sentence, q.char_start, q.char_end)
                for q in res.quotes
            ],
        )
        evidence_rows: list[tuple[str, str, str, int, int]] = []
        for kind, records in (("event", res.events), ("relation", res.relations)):
            for rec in records:
                ev: Evidence
                for ev in rec.evidence:
                    evidence_rows.append((kind, rec.id, ev.article_id, ev.char_start, ev.char_end))
        ex(
            "INSERT OR IGNORE INTO evidence (kind, record_id, article_id, char_start, char_end)"
            " VALUES (?,?,?,?,?)",
            evidence_rows,
        )

    # queries -----------------------------------------------------------------
    def actors(self, query: str | None = None) -> list[Actor]:
        if not query:
            rows = self.conn.execute(
                "SELECT payload FROM actors ORDER BY mention_count DESC, name"
            ).fetchall()
        else:
            keys = list(search_keys(query))
            if not keys:
                return []
            marks = ",".join("?" * len(keys))
            like = f"%{keys[0]}%"
            rows = self.conn.execute(
                "SELECT payload FROM actors WHERE id IN ("
                f" SELECT actor_id FROM actor_keys WHERE key IN ({marks}) OR key LIKE ?)"
                " ORDER BY mention_count DESC, name",
                [*keys, like],
            ).fetchall()
        return [from_dict(Actor, json.loads(r[0])) for r in rows]

    def get_actor(self, actor_id: str) -> Actor:
        row = self.conn.execute("SELECT payload FROM actors WHERE id = ?", (actor_id,)).fetchone()
        if row is None:
            raise NotFound(f"no actor {actor_id!r}")
        return from_dict(Actor, json.loads(row[0]))

    def explanations(self, actor_id: str) -> list[str]:
        row = self.conn.execute("SELECT payload FROM actors WHERE id = ?", (actor_id,)).fetchone()
        if row is None:
            raise NotFound(f"no actor {actor_id!r}")
        return list(json.loads(row[0]).get("explanation", []))

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        flt = flt or EventFilter()
        where, args = _event_conditions(flt)
        where, args = where + _keyset(flt)[0], args + _keyset(flt)[1]
        order = ORDER_SQL[flt.order]
        page, page_args = "", []
        if flt.limit is not None:
            page, page_args = " LIMIT ? OFFSET ?", [flt.limit, flt.offset]
        if flt.actor:
            # Two ordered index scans (the actor as source, as target) merged by (date, id):
            # a page of a hub actor's events stops early instead of sorting all of them.
            cond = " AND ".join(where)
            keys = f"date, id, source_count, type, {KILLED} AS killed"
            inner = order.replace(KILLED, "killed")
            outer = ", ".join("k." + term for term in inner.split(", "))
            sql = (
                f"SELECT e.payload FROM (SELECT {keys} FROM events WHERE source_actor = ?"
                f" AND {cond} UNION SELECT {keys} FROM events WHERE target_actor = ? AND {cond}"
                f" ORDER BY {inner}{page}) k JOIN events e ON e.id = k.id ORDER BY {outer}"
            )
            args = [flt.actor, *args, flt.actor, *args, *page_args]
        else:
            sql = f"SELECT payload FROM events WHERE {' AND '.join(where)} ORDER BY {order}{page}"
            args += page_args
        return [from_dict(Event, json.loads(r[0])) for r in self.conn.execute(sql, args)]

    def get_event(self, event_id: str) -> Event:
        row = self.conn.execute("SELECT payload FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise NotFound(f"no event {event_id!r}")
        return from_dict(Event, json.loads(row[0]))

    def article_events(self, article_id: str) -> list[Event]:
        """Events with evidence in one article (through the evidence index)."""
        rows = self.conn.execute(
            "SELECT payload FROM events WHERE id IN (SELECT record_id FROM evidence"
            " WHERE kind = 'event' AND article_id = ?) ORDER BY date, id",
            (article_id,),
        )
        return [from_dict(Event, json.loads(r[0])) for r in rows]

    def relations(self, actor: str | None = None) -> list[Relation]:
        if actor:
            rows = self.conn.execute(
                "SELECT payload FROM relations WHERE source_actor = ? OR target_actor = ?"
                " ORDER BY source_count DESC, id",
                (actor, actor),
            )
        else:
            rows = self.conn.execute("SELECT payload FROM relations ORDER BY source_count DESC, id")
        return [from_dict(Relation, json.loads(r[0])) for r in rows]

    def quotes(self, speaker: str | None = None) -> list[Quote]:
        if speaker:
            rows = self.conn.execute(
                "SELECT * FROM quotes WHERE speaker = ? ORDER BY article_id, char_start", (speaker,)
            )
        else:
            rows = self.conn.execute("SELECT * FROM quotes ORDER BY article_id, char_start")
        return [
            Quote(
                id=r["id"],
                text=r["text"],
                article_id=r["article_id"],
                sentence=r["sentence"],
                char_start=r["char_start"],
                char_end=r["char_end"],
                speaker=r["speaker"],
            )
            for r in rows
        ]

    def places(self) -> list[tuple[Place, int]]:
        rows = self.conn.execute(
            # COUNT(e.place_id) is answered from the events_place index alone
            "SELECT p.payload, COUNT(e.place_id) AS n FROM places p LEFT JOIN events e"
            " ON e.place_id = p.id GROUP BY p.id ORDER BY n DESC, p.name"
        )
        return [(from_dict(Place, json.loads(r[0])), int(r[1])) for r in rows]

    # whole-corpus views (issue 18) ---------------------------------------------------
    # Plain SQL but for json_extract (counts and ACLED codes live in the payload): a
    # PostgreSQL port reads them with payload::jsonb -> ... instead (see KILLED below).
    def _selected(
        self, flt: EventFilter, columns: str, extra: str = "", tail: str = ""
    ) -> list[sqlite3.Row]:
        where, args = _event_conditions(flt)
        if flt.actor:
            where.append(
                "id IN (SELECT id FROM events WHERE source_actor = ?"
                " UNION SELECT id FROM events WHERE target_actor = ?)"
            )
            args += [flt.actor, flt.actor]
        if extra:
            where.append(extra)
        sql = f"SELECT {columns} FROM events WHERE {' AND '.join(where)}{tail}"
        return self.conn.execute(sql, args).fetchall()

    def count_events(self, flt: EventFilter) -> int:
        return int(self._selected(flt, "COUNT(*)")[0][0])

    def event_dates(self, flt: EventFilter) -> list[DateCount]:
        rows = self._selected(
            flt,
            f"date, date_precision, COUNT(*), SUM({KILLED}), SUM({WOUNDED})",
            tail=" GROUP BY date, date_precision ORDER BY date, date_precision",
        )
        return [DateCount(r[0], r[1], int(r[2]), int(r[3] or 0), int(r[4] or 0)) for r in rows]

    def event_edges(self, flt: EventFilter) -> list[EdgeCount]:
        group = "source_actor, target_actor, type, negated, modality"
        rows = self._selected(
            flt,
            f"{group}, COUNT(*), SUM(source_count)",
            "source_actor IS NOT NULL AND target_actor IS NOT NULL"
            " AND source_actor <> target_actor",
            f" GROUP BY {group} ORDER BY {group}",
        )
        return [EdgeCount(r[0], r[1], r[2], bool(r[3]), r[4], int(r[5]), int(r[6])) for r in rows]

    def event_places(self, flt: EventFilter, by_type: bool = True) -> list[PlaceTotals]:
        kind = "type" if by_type else "NULL"
        rows = self._selected(
            flt,
            f"place_id, {kind} AS kind, COUNT(*), SUM({KILLED}), SUM({WOUNDED})",
            "place_id IS NOT NULL",
            " GROUP BY place_id, kind ORDER BY place_id, kind",
        )
        places = self._places_by_id({r[0] for r in rows})
        return [
            PlaceTotals(places[r[0]], r[1], int(r[2]), int(r[3] or 0), int(r[4] or 0))
            for r in rows
            if r[0] in places
        ]

    def _places_by_id(self, ids: Iterable[str]) -> dict[str, Place]:
        out: dict[str, Place] = {}
        wanted = sorted(ids)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT id, payload FROM places WHERE id IN ({marks})", chunk
            ):
                out[row[0]] = from_dict(Place, json.loads(row[1]))
        return out

    def actor_page(self, order: str, limit: int, offset: int) -> list[Actor]:
        column = ACTOR_ORDER[order.lstrip("-")]
        direction = "DESC" if order.startswith("-") else "ASC"
        rows = self.conn.execute(
            f"SELECT payload FROM actors ORDER BY {column} {direction}, name, id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [from_dict(Actor, json.loads(r[0])) for r in rows]

    def actor_totals(self, actor_ids: Sequence[str]) -> list[ActorTotals]:
        out = []
        ids = "SELECT id FROM events WHERE source_actor = ? UNION SELECT id FROM events WHERE target_actor = ?"
        for actor_id in actor_ids:
            # the count reads the two actor indexes only; the killed need every payload
            n = self.conn.execute(f"SELECT COUNT(*) FROM ({ids}) AS k", (actor_id, actor_id))
            events = int(n.fetchone()[0])
            killed = None
            if events <= KILLED_SCAN_LIMIT:
                row = self.conn.execute(
                    f"SELECT SUM({KILLED}) FROM events WHERE id IN ({ids})", (actor_id, actor_id)
                ).fetchone()
                killed = int(row[0] or 0)
            out.append(ActorTotals(actor_id, events, killed))
        return out

    def actor_of_mention(self, mention: str) -> str | None:
        row = self.conn.execute(
            "SELECT actor_id FROM mention_actor WHERE mention = ?", (mention,)
        ).fetchone()
        return row[0] if row else None

    def stats(self) -> dict[str, int]:
        out = {}
        for kind, table in (
            ("articles", "articles"),
            ("mentions", "mentions"),
            ("actors", "actors"),
            ("events", "events"),
            ("relations", "relations"),
            ("quotes", "quotes"),
            ("places", "places"),
        ):
            out[kind] = int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        return out

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


KILLED = "COALESCE(json_extract(payload, '$.counts.killed'), 0)"
WOUNDED = "COALESCE(json_extract(payload, '$.counts.wounded'), 0)"
KILLED_SCAN_LIMIT = 20_000  # an index page does not read more payloads than this per actor
ACLED_TYPE = "json_extract(payload, '$.codes.acled.event_type')"
ORDER_SQL = {
    "date": "date, id",
    "-date": "date DESC, id DESC",  # SQLite puts NULL last in DESC; PostgreSQL: NULLS LAST
    "-sources": "source_count DESC, date DESC, id DESC",
    "-killed": f"{KILLED} DESC, date DESC, id DESC",
    "type": "type, date DESC, id DESC",
}
ACTOR_ORDER = {
    "name": "name",
    "type": "type",
    "country": "country",
    "mentions": "mention_count",
    "articles": "article_count",
}


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
    return ["(date > ? OR (date = ? AND id > ?))"], [date, date, last_id]


def _event_conditions(flt: EventFilter) -> tuple[list[str], list[Any]]:
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
        where.append("substr(date, 1, ?) <= ?")
        args += [len(flt.until), flt.until]
    if flt.place:
        where.append("place_id = ?")
        args.append(flt.place)
    if flt.bbox:
        where.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
        args += [flt.bbox[0], flt.bbox[2], flt.bbox[1], flt.bbox[3]]
    if flt.modality:
        where.append("modality = ?")
        args.append(flt.modality)
    if flt.negated is not None:
        where.append("negated = ?")
        args.append(int(flt.negated))
    for column, values in (("type", flt.types), ("place_id", flt.places)):
        if values:
            where.append(f"{column} IN ({','.join('?' * len(values))})")
            args += list(values)
    if flt.acled:
        where.append(f"{ACLED_TYPE} = ?")
        args.append(flt.acled)
    if flt.min_fatalities > 0:
        where.append(f"{KILLED} >= ?")
        args.append(flt.min_fatalities)
    return where, args


@stores.register("sqlite")
def open_sqlite(location: str) -> SQLiteStore:
    return SQLiteStore(location)
