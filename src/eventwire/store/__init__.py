"""Stores: where articles, document records and the resolved picture live."""

from __future__ import annotations

from eventwire.config import Settings
from eventwire.errors import StoreError
from eventwire.registry import stores
from eventwire.store.base import EventFilter, Store

__all__ = ["EventFilter", "Store", "open_store"]


def open_store(settings: Settings) -> Store:
    """Open the store named by ``settings.db``: a file path, ``:memory:`` or a URL (the
    backends are the ``stores`` registry's built-ins and plug-ins)."""
    location = settings.db
    scheme = location.split("://", 1)[0] if "://" in location else "sqlite"
    if scheme in {"postgres", "postgresql"}:
        scheme = "postgres"
    if scheme not in stores:
        raise StoreError(f"{location}: no store backend for {scheme!r} URLs is installed")
    store: Store = stores.get(scheme).obj(location)
    return store
