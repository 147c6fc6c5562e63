"""Stored articles and their document records (the durable truth), a mixin
:class:`~eventwire.store.sql.SQLStore` inherits: written once per article in one
transaction that moves the ``documents`` generation, read back by id, in id order or
as export lines (migration 29)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from eventwire.errors import NotFound
from eventwire.model import Article, DocumentRecords, from_dict, to_dict
from eventwire.store.export_lines import (
    article_line_with_text,
    article_row_line,
    stored_article_line,
)
from eventwire.store.sql_base import CHUNK, SQLBase, as_json

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


class DocumentsSQL(SQLBase):
    """Writes and reads ``articles``, ``doc_records`` and ``mentions``."""

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

    def articles_by_ids(self, ids: Iterable[str]) -> list[Article]:
        return [_article(r) for r in self._by_ids("articles", ARTICLE_COLUMNS, ids)]

    def article_lines(self, ids: Iterable[str] | None = None) -> Iterator[str]:
        # the line stored with each (migration 29); the row's columns (not its text) only
        # for one stored before that had none
        if ids is None:
            for row in self._stream(f"SELECT {ARTICLE_LINE_COLUMNS} FROM articles ORDER BY id"):
                yield _article_line(row)
            return
        for row in self._by_ids("articles", ARTICLE_LINE_COLUMNS, ids):
            yield _article_line(row)

    def article_outlets(self, ids: Iterable[str]) -> dict[str, str | None]:
        return {r[0]: r[1] for r in self._by_ids("articles", "id, outlet", ids)}


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
