"""A small pool of store connections: each request holds one store to itself.

SQLite connections must not be used by two threads at once, and FastAPI runs
synchronous routes in a thread pool, so a request borrows a store and gives it back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from eventwire.store.base import Store


class StorePool:
    def __init__(self, opener: Callable[[], Store], max_idle: int = 8) -> None:
        self._open = opener
        self._idle: list[Store] = []
        self._lock = threading.Lock()
        self._max_idle = max_idle
        self._closed = False

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        with self._lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = self._open()
        try:
            yield store
        finally:
            with self._lock:
                keep = not self._closed and len(self._idle) < self._max_idle
                if keep:
                    self._idle.append(store)
            if not keep:
                store.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()
