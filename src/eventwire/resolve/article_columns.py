"""Maps keyed by a place in an article, held as sorted number columns.

A whole-store resolution keeps the event of each kept event mention ((article, trigger
start, type) -> event id) from its events pass until the incidents join is done. As a
dictionary it costs about 150 bytes an entry; here an entry is one 8-byte key (the
article's number, the trigger's start and the type's number) and the event id as one
number, sorted once, so a look-up is a binary search. Each article id is held once, as
bytes in one sorted array. Entries whose numbers do not fit (an id not of the usual
form, a text past the offsets packed) stay in a small dictionary, so the map is exact.
So do the few entries by statement (a trigger two kept mentions share, told of two
targets or two doers: ``doc_incident_record.statement_id``).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping

import numpy as np

from eventwire.resolve.event_spill import event_number, event_text

__all__ = ["EventKey", "EventOfColumns", "MentionId", "StatementId"]

MentionId = tuple[str, int, str]  # (article id, trigger start, type)
# and the starts of its own doer and target (-1: none told), for a trigger two share
StatementId = tuple[str, int, str, int, int]
EventKey = MentionId | StatementId  # what an events pass files a mention's event under

_ARTICLE_BITS = 23  # up to 8 million articles
_LOW_BITS = 64 - 1 - _ARTICLE_BITS  # 40 bits for the place in the article


class _Articles:
    """Article ids numbered in sorted order, held as one bytes array."""

    def __init__(self, ids: list[str]) -> None:
        ordered = sorted(set(ids))
        self.ids = np.array([a.encode() for a in ordered], dtype=bytes) if ordered else None
        self._last: tuple[str, int | None] = ("", None)

    def __len__(self) -> int:
        return 0 if self.ids is None else len(self.ids)

    def number(self, article_id: str) -> int | None:
        """The number of ``article_id``, or None when it holds no entry."""
        if self._last[0] == article_id and self._last[1] is not None:
            return self._last[1]
        found = None
        if self.ids is not None:
            raw = article_id.encode()
            at = int(np.searchsorted(self.ids, raw))
            found = at if at < len(self.ids) and self.ids[at] == raw else None
        self._last = (article_id, found)
        return found

    def name(self, number: int) -> str:
        assert self.ids is not None
        return bytes(self.ids[number]).decode()


class _Columns:
    """Sorted 8-byte keys and their values (numbers)."""

    def __init__(self, keys: array[int], values: array[int]) -> None:
        k = np.frombuffer(keys, dtype=np.int64)
        order = np.argsort(k, kind="stable")
        self.keys = k[order]
        self.values = np.frombuffer(values, dtype=np.int64)[order]
        if len(self.keys) > 1 and not (np.diff(self.keys) > 0).all():
            # a key given twice keeps its last value, as a dict would
            last = np.r_[np.diff(self.keys) > 0, True]
            self.keys, self.values = self.keys[last], self.values[last]

    def get(self, key: int) -> int | None:
        at = int(np.searchsorted(self.keys, key))
        if at < len(self.keys) and int(self.keys[at]) == key:
            return int(self.values[at])
        return None


def _pack(article: int, high: int, low: int, low_bits: int) -> int | None:
    """One key of an article's number and two numbers under ``_LOW_BITS`` bits, or None
    when they do not fit."""
    if article >= 1 << _ARTICLE_BITS or not 0 <= low < 1 << low_bits:
        return None
    if not 0 <= high < 1 << (_LOW_BITS - low_bits):
        return None
    return (article << _LOW_BITS) | (high << low_bits) | low


class EventOfColumns(Mapping[EventKey, str]):
    """The event of each kept event mention, by (article id, trigger start, type), and
    of each statement of a trigger two kept mentions share, by its statement id: made
    with the articles the entries fall in, then :meth:`add` for each entry, then
    :meth:`seal` (a mention id added twice keeps the later event, as a dict would)."""

    _TYPE_BITS = 8

    def __init__(self, articles: Iterable[str]) -> None:
        self._articles = _Articles(list(articles))
        self._types: dict[str, int] = {}
        self._names: list[str] = []
        self._keys, self._values = array("q"), array("q")
        self._columns = _Columns(array("q"), array("q"))
        self._other: dict[MentionId, str] = {}
        self._statements: dict[StatementId, str] = {}

    @classmethod
    def of(cls, entries: Mapping[EventKey, str]) -> EventOfColumns:
        made = cls(m[0] for m in entries)
        for mid, event_id in entries.items():
            made.add(mid, event_number(event_id), event_id)
        return made.seal()

    def add(self, mid: EventKey, number: int, event_id: str | None = None) -> None:
        """Hold ``mid``'s event: its :func:`event_number`, or (when that is -1) its id."""
        if len(mid) == 5:
            self._statements[mid] = event_id if event_id is not None else event_text(number)
            return
        article, start, kind = mid
        code = self._types.setdefault(kind, len(self._types))
        if code == len(self._names):
            self._names.append(kind)
        at = self._articles.number(article)
        key = None if at is None or number < 0 else _pack(at, start, code, self._TYPE_BITS)
        if key is None:
            self._other[mid] = event_id if event_id is not None else event_text(number)
            return
        self._other.pop(mid, None)
        self._keys.append(key)
        self._values.append(number)

    def seal(self) -> EventOfColumns:
        """Sort what was added (nothing is added after)."""
        self._columns = _Columns(self._keys, self._values)
        self._keys, self._values = array("q"), array("q")
        return self

    def __getitem__(self, mid: EventKey) -> str:
        found = self.get(mid)
        if found is None:
            raise KeyError(mid)
        return found

    def get(self, mid: EventKey, default: str | None = None) -> str | None:  # type: ignore[override]
        if len(mid) == 5:
            return self._statements.get(mid, default)
        if self._other and (other := self._other.get(mid)) is not None:
            return other
        article, start, kind = mid
        at, code = self._articles.number(article), self._types.get(kind)
        if at is None or code is None:
            return default
        key = _pack(at, start, code, self._TYPE_BITS)
        number = None if key is None else self._columns.get(key)
        return default if number is None else event_text(number)

    def __contains__(self, mid: object) -> bool:
        return isinstance(mid, tuple) and self.get(mid) is not None  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[EventKey]:
        low = (1 << self._TYPE_BITS) - 1
        for key in self._columns.keys.tolist():
            article = self._articles.name(key >> _LOW_BITS)
            rest = key & ((1 << _LOW_BITS) - 1)
            yield (article, rest >> self._TYPE_BITS, self._names[rest & low])
        yield from self._other
        yield from self._statements

    def __len__(self) -> int:
        return len(self._columns.keys) + len(self._other) + len(self._statements)
