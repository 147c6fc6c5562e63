"""Quotes, a mixin :class:`~eventwire.store.sql.SQLStore` inherits: by speaker or by
article, in the order they were said (article, offset), as records or export lines
(migration 29)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from eventwire.model import Quote
from eventwire.store.base import QuoteLine
from eventwire.store.export_lines import quote_line
from eventwire.store.sql_base import CHUNK, SQLBase


class QuotesSQL(SQLBase):
    """Reads ``quotes`` (see the module doc)."""

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

    def quotes_of_articles(self, article_ids: Iterable[str]) -> list[Quote]:
        wanted = sorted(set(article_ids))
        found: list[Quote] = []
        for start in range(0, len(wanted), CHUNK):  # in article order, so in quotes()'s
            chunk, chunk_args = self._one_of("article_id", wanted[start : start + CHUNK])
            found += self._quotes(f" WHERE {chunk}", chunk_args)
        return found

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


def _quote_line(row: Sequence[Any]) -> str:
    """The export line of a quote stored before lines were (migration 29), from its row
    (article, speaker, line, id, text, sentence, start, end, description)."""
    return quote_line(
        Quote(id=row[3], text=row[4], article_id=row[0], sentence=row[5], char_start=row[6],
              char_end=row[7], speaker=row[1], speaker_description=row[8])
    )  # fmt: skip
