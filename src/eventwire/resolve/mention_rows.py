"""The stored row of one kept event mention (what migration 23's table holds).

The events passes make one for every kept mention, in (article id, place in the
article) order, and hand each to the caller's sink (a rebuild keeps them until its
picture is written); a refresh reads them back by grouping key
(:mod:`eventwire.resolve.event_mentions`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from eventwire.model import EventMention
from eventwire.resolve.record_file import RecordFile

# (type, source, target, negated, ACLED code): only mentions of one key can be one event
GroupKey = tuple[str, str | None, str | None, bool, tuple[str, str] | None]


@dataclass(frozen=True, slots=True)
class MentionRow:
    """One kept event mention as stored: its article and place there, what names its
    event in ``event_of`` (trigger start, type), its grouping key as text and the event
    it went to."""

    article_id: str
    seq: int
    trigger_start: int
    type: str
    key: str
    event_id: str


def key_text(key: GroupKey) -> str:
    return json.dumps(list(key), ensure_ascii=False)


class RowMaker:
    """Makes mention rows, with one text per grouping key (a resolution holds the rows
    until its picture is written: their strings are the mention's own and the key's)."""

    def __init__(self) -> None:
        self._texts: dict[GroupKey, str] = {}

    def text(self, key: GroupKey) -> str:
        found = self._texts.get(key)
        if found is None:
            found = self._texts[key] = key_text(key)
        return found

    def row(self, em: EventMention, seq: int, key: GroupKey, event_id: str) -> MentionRow:
        return MentionRow(em.article_id, seq, em.trigger.start, em.type, self.text(key),
                          event_id)  # fmt: skip


RowSink = Callable[[MentionRow], None]


class SpilledRows:
    """Mention rows kept in a temporary file until the picture is written (a rebuild's
    rows grow with the store): a sink the events pass calls with each row, then an
    iterable of them in the order given. Rows are written a chunk at a time."""

    CHUNK = 4096

    def __init__(self) -> None:
        self._file = RecordFile()  # closed by close() or when let go
        self._chunk: list[tuple[object, ...]] = []
        self._count = 0

    def __call__(self, row: MentionRow) -> None:
        self._chunk.append((row.article_id, row.seq, row.trigger_start, row.type, row.key,
                            row.event_id))  # fmt: skip
        self._count += 1
        if len(self._chunk) >= self.CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self._chunk:
            self._file.append(self._chunk)
            self._chunk = []

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[MentionRow]:
        self._flush()
        for n in range(len(self._file)):
            for values in self._file.get(n):
                yield MentionRow(*values)

    def close(self) -> None:
        self._file.close()
