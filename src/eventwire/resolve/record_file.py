"""Records kept in an anonymous temporary file while a pass runs, read back by position.

A whole-store pass that needs every record again after it has seen them all (the actor
pass's units, the incident join's article incidents) keeps them here rather than in
memory: each record is pickled and appended, and only its offset stays in memory. Reads
use ``pread``, so they never move the file's write position and may come between writes.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from typing import Any


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
