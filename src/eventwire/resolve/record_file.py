"""Records kept in an anonymous temporary file while a pass runs, read back by position.

A whole-store pass that needs every record again after it has seen them all (the actor
pass's units, the incident join's article incidents) keeps them here rather than in
memory: each record is pickled and appended, and only its offset stays in memory. Reads
use ``pread``, so they never move the file's write position and may come between writes.
:class:`SortedRecords` reads them back in the order of a key (the incidents a join builds,
by id), :class:`SpilledList` in the order appended.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar, cast, overload

import numpy as np

T = TypeVar("T")


class RecordFile:
    """Pickled records in a temporary file, in the order appended."""

    def __init__(self) -> None:
        # closed by close() or when let go: the records are read back after the pass
        self._file = tempfile.TemporaryFile()  # noqa: SIM115
        self._starts = array("q", [0])

    def __len__(self) -> int:
        return len(self._starts) - 1

    def append(self, record: object) -> None:
        data = pickle.dumps(record, pickle.HIGHEST_PROTOCOL)
        self._file.write(data)
        self._starts.append(self._starts[-1] + len(data))

    def get(self, i: int) -> Any:
        """The ``i``-th record appended (an equal copy)."""
        self._file.flush()
        start = self._starts[i]
        return pickle.loads(os.pread(self._file.fileno(), self._starts[i + 1] - start, start))

    def close(self) -> None:
        self._file.close()


class ReadBack(Sequence[T]):
    """A sequence that makes each record when asked for it by position (read back from a
    file, or built from columns); a subclass gives its length and which record a
    position holds (:meth:`_record`, given a position already checked to be in range)."""

    def __len__(self) -> int:
        raise NotImplementedError

    def _record(self, n: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, n: int) -> T: ...

    @overload
    def __getitem__(self, n: slice) -> Sequence[T]: ...

    def __getitem__(self, n: int | slice) -> T | Sequence[T]:
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self)))]
        if n < 0:
            n += len(self)
        if not 0 <= n < len(self):
            raise IndexError(n)
        return self._record(n)

    def __iter__(self) -> Iterator[T]:
        for n in range(len(self)):
            yield self._record(n)


class Picked(ReadBack[T]):
    """The records at some positions of ``base`` (a sequence read back from disk), read
    back when asked for, in the order of ``positions``: a subset of a spilled sequence
    (a refresh's regrouped events, its changed incidents) that may hold most of it, and
    a list of them would be a second copy of what the file holds."""

    def __init__(self, base: Sequence[T], positions: Sequence[int]) -> None:
        self.base, self._at = base, array("q", positions)

    def __len__(self) -> int:
        return len(self._at)

    def _record(self, n: int) -> T:
        return self.base[self._at[n]]


class FileSequence(ReadBack[T]):
    """A :class:`ReadBack` whose records live in a :class:`RecordFile` (``self._records``),
    one per position."""

    _records: RecordFile

    def __len__(self) -> int:
        return len(self._records)

    def close(self) -> None:
        self._records.close()


class SortedRecords(FileSequence[T]):
    """Records kept in a :class:`RecordFile` as they are made, read back in the order of
    the key each was appended with (ties in the order appended), as ``sorted(records,
    key=...)`` of a list would give them; only the keys are held until :meth:`seal`,
    then one 4-byte place per record (the keys as one buffer of their bytes, with an
    8-byte end each)."""

    def __init__(self) -> None:
        self._records = RecordFile()  # closed when let go: read back until the write
        # the keys' UTF-8 bytes one after the other, and where each ends
        self._keys, self._ends = bytearray(), array("q")
        self._order: array[int] | None = None

    def append(self, record: T, key: str) -> None:
        if self._order is not None:
            raise ValueError("records are sealed")
        self._records.append(record)
        self._keys += key.encode()
        self._ends.append(len(self._keys))

    def seal(self) -> SortedRecords[T]:
        """Put the records in key order (no record is appended after)."""
        if self._order is None:
            keys, ends = self._keys, self._ends
            self._keys, self._ends = bytearray(), array("q")
            self._order = array("i", key_order(keys, ends))
        return self

    def _record(self, n: int) -> T:
        record: T = self._records.get(self.seal()._order[n])  # type: ignore[index]
        return record


class SpilledList(FileSequence[T]):
    """Records kept in a :class:`RecordFile` as they are made, read back in the order
    appended: what a pass makes for every document and a later pass or the write reads in
    order (a resolution's relation statements, relations, quotes and statistics), held
    as one offset each."""

    def __init__(self, records: Iterable[T] = ()) -> None:
        self._records = RecordFile()  # closed when let go: read back until the write
        self.extend(records)

    def append(self, record: T) -> None:
        self._records.append(record)

    def extend(self, records: Iterable[T]) -> None:
        for record in records:
            self._records.append(record)

    def _record(self, n: int) -> T:
        record: T = self._records.get(n)
        return record


def key_order(ids: bytearray, ends: array[int]) -> Iterable[int]:
    """The places of keys held as one buffer (``ends`` of each in ``ids``, UTF-8) in the
    keys' order, ties in place order, as ``sorted`` orders the strings. Keys of one length
    in ASCII (ids, as ``stable_id`` makes them) sort as their bytes do, with numpy; any
    others as strings."""
    count = len(ends)
    if not count:
        return []
    width = ends[0]
    even = np.array_equal(np.frombuffer(ends, dtype=np.int64), width * np.arange(1, count + 1))
    if even and width and ids.isascii() and b"\0" not in ids:  # numpy's bytes drop a NUL
        order = np.argsort(np.frombuffer(bytes(ids), dtype=f"S{width}"), kind="stable")
        return cast(list[int], order.tolist())
    starts = [0, *ends[:-1]]
    text = [ids[a:b].decode() for a, b in zip(starts, ends, strict=True)]
    return sorted(range(count), key=text.__getitem__)
