"""The SQL both backends share: every query and write, with small dialect hooks.

Queries are written once with ``?`` placeholders in the SQL that SQLite and
PostgreSQL both accept; a backend supplies the connection, the placeholder style,
the store-level write lock, bulk inserts (``executemany`` or ``COPY``) and the
translation of its driver's errors. New read queries belong here, not in a backend.

Concurrency: every write runs in :meth:`SQLStore._writing`, a transaction holding
the store-level write lock, and moves the ``documents`` generation (stored articles)
or the ``picture`` generation (the documents the resolved picture reflects) in the
same transaction, so readers see the last complete picture and a writer can tell
whether the picture it computed is still the newest (see ``pipeline.refresh``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from eventwire.errors import NotFound, StoreError
from eventwire.model import (
    Actor,
    Article,
    DocumentRecords,
    Event,
    Place,
    Quote,
    Relation,
    Resolution,
    from_dict,
    to_dict,
)
from eventwire.resolve.names import search_keys
from eventwire.store.base import EventFilter, PictureState

ARTICLE_COLUMNS = (
    "id, title, outlet, url, source, published, published_precision, published_ambiguous,"
    " text, metadata"
)
# Tables of the resolved picture, children first (foreign keys point to actors).
PICTURE_TABLES = (
    "actor_keys",
    "mention_actor",
    "evidence",
    "events",
    "relations",
    "quotes",
    "places",
    "actors",
)
CHUNK = 500  # ids per IN (...) list


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


class SQLStore:
    """A :class:`~eventwire.store.base.Store` over a DB-API connection; see the module doc."""

    location: str
    driver_errors: tuple[type[BaseException], ...] = ()

    # dialect hooks -------------------------------------------------------------------
    def _execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """Run one statement written with ``?`` placeholders; returns a cursor."""
        raise NotImplementedError

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
                self._insert(
                    "articles",
                    ARTICLE_COLUMNS.split(", "),
                    [
                        (a.id, a.title, a.outlet, a.url, a.source, a.published,
                         a.published_precision, int(a.published_ambiguous), a.text,
                         as_json(a.metadata))
                        for a, _ in new.values()
                    ],
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
    ) -> bool:
        """Replace the whole picture in one transaction.

        With a ``generation`` (the documents generation the resolution was computed
        from), the write happens only when no picture of a later generation, or of
        the same generation and ``fingerprint`` (unless ``force``), is stored; returns
        whether it wrote."""
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
                for table in PICTURE_TABLES:
                    self._execute(f"DELETE FROM {table}")
                self._write_resolution(resolution)
                if generation is not None:
                    self._set_state("picture", str(generation))
                    self._set_state("fingerprint", fingerprint)
        except self.driver_errors as exc:
            raise self._fail("store resolution", exc) from exc
        return True

    def _write_resolution(self, res: Resolution) -> None:
        self._insert(
            "actors",
            ("id", "name", "type", "country", "kb_id", "mention_count", "article_count", "payload"),
            [
                (a.id, a.name, a.type, a.country, a.kb_id, a.mention_count, a.article_count,
                 as_json({**to_dict(a), "explanation": list(res.explanations.get(a.id, ()))}))
                for a in res.actors
            ],
        )  # fmt: skip
        key_rows = set()
        for a in res.actors:
            for alias in {a.name, *a.aliases}:
                for key in search_keys(alias):
                    key_rows.add((a.id, key))
        self._insert("actor_keys", ("actor_id", "key"), sorted(key_rows))
        self._insert("mention_actor", ("mention", "actor_id"), sorted(res.mention_actor.items()))
        self._insert(
            "places",
            ("id", "name", "lat", "lon", "country", "admin1", "precision", "payload"),
            [
                (p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.precision, as_json(to_dict(p)))
                for p in res.places
            ],
        )
        self._insert(
            "events",
            ("id", "type", "source_actor", "target_actor", "date", "date_precision", "place_id",
             "lat", "lon", "negated", "modality", "attributed_to", "source_count", "payload"),
            [
                (e.id, e.type, e.source_actor, e.target_actor, e.date, e.date_precision,
                 e.location.id if e.location else None, e.location.lat if e.location else None,
                 e.location.lon if e.location else None, int(e.negated), e.modality,
                 e.attributed_to, e.source_count, as_json(to_dict(e)))
                for e in res.events
            ],
        )  # fmt: skip
        self._insert(
            "relations",
            ("id", "source_actor", "target_actor", "type", "negated", "modality", "contested",
             "first_seen", "last_seen", "source_count", "payload"),
            [
                (r.id, r.source_actor, r.target_actor, r.type, int(r.negated), r.modality,
                 int(r.contested), r.first_seen, r.last_seen, r.source_count, as_json(to_dict(r)))
                for r in res.relations
            ],
        )  # fmt: skip
        self._insert(
            "quotes",
            ("id", "speaker", "article_id", "text", "sentence", "char_start", "char_end"),
            [
                (q.id, q.speaker, q.article_id, q.text, q.sentence, q.char_start, q.char_end)
                for q in res.quotes
            ],
        )
        evidence: dict[tuple[str, str, str, int], tuple[str, str, str, int, int]] = {}
        for kind, records in (("event", res.events), ("relation", res.relations)):
            for rec in records:
                for ev in rec.evidence:
                    ev_key = (kind, rec.id, ev.article_id, ev.char_start)
                    evidence.setdefault(ev_key, (*ev_key, ev.char_end))
        self._insert(
            "evidence",
            ("kind", "record_id", "article_id", "char_start", "char_end"),
            evidence.values(),
        )

    # queries ---------------------------------------------------------------------------
    def actors(self, query: str | None = None) -> list[Actor]:
        order = " ORDER BY mention_count DESC, name, id"
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
        flt = flt or EventFilter()
        where, args = event_conditions(flt)
        page, page_args = "", []
        if flt.limit is not None:
            page, page_args = " LIMIT ? OFFSET ?", [flt.limit, flt.offset]
        if flt.actor:
            # Two ordered index scans (the actor as source, as target) merged by (date, id):
            # a page of a hub actor's events stops early instead of sorting all of them.
            cond = " AND ".join(where)
            sql = (
                "SELECT e.payload FROM (SELECT date, id FROM events WHERE source_actor = ?"
                f" AND {cond} UNION SELECT date, id FROM events WHERE target_actor = ? AND {cond}"
                f" ORDER BY date, id{page}) k JOIN events e ON e.id = k.id ORDER BY k.date, k.id"
            )
            args = [flt.actor, *args, flt.actor, *args, *page_args]
        else:
            sql = f"SELECT payload FROM events WHERE {' AND '.join(where)} ORDER BY date, id{page}"
            args += page_args
        return [from_dict(Event, json.loads(r[0])) for r in self._all(sql, args)]

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
        if actor:
            rows = self._all(
                "SELECT payload FROM relations WHERE source_actor = ? OR target_actor = ?"
                " ORDER BY source_count DESC, id",
                (actor, actor),
            )
        else:
            rows = self._all("SELECT payload FROM relations ORDER BY source_count DESC, id")
        return [from_dict(Relation, json.loads(r[0])) for r in rows]

    def quotes(self, speaker: str | None = None) -> list[Quote]:
        sql = "SELECT id, text, article_id, sentence, char_start, char_end, speaker FROM quotes"
        order = " ORDER BY article_id, char_start, id"
        if speaker:
            rows = self._all(sql + " WHERE speaker = ?" + order, (speaker,))
        else:
            rows = self._all(sql + order)
        return [
            Quote(id=r[0], text=r[1], article_id=r[2], sentence=r[3], char_start=r[4],
                  char_end=r[5], speaker=r[6])
            for r in rows
        ]  # fmt: skip

    def places(self) -> list[tuple[Place, int]]:
        rows = self._all(
            # COUNT(e.place_id) is answered from the events_place index alone
            "SELECT p.payload, COUNT(e.place_id) AS n FROM places p LEFT JOIN events e"
            " ON e.place_id = p.id GROUP BY p.id ORDER BY n DESC, p.name, p.id"
        )
        return [(from_dict(Place, json.loads(r[0])), int(r[1])) for r in rows]

    def actor_of_mention(self, mention: str) -> str | None:
        row = self._one("SELECT actor_id FROM mention_actor WHERE mention = ?", (mention,))
        return row[0] if row else None

    def stats(self) -> dict[str, int]:
        out = {}
        for kind in ("articles", "mentions", "actors", "events", "relations", "quotes", "places"):
            out[kind] = int(self._one(f"SELECT COUNT(*) FROM {kind}")[0])
        return out

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def event_conditions(flt: EventFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions and arguments for every field of ``flt`` except the actor."""
    where: list[str] = ["source_count >= ?"]
    args: list[Any] = [flt.min_sources]
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
    return where, args
