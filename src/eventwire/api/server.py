"""Running the app: checks the store and the web assets first, then hands over to uvicorn."""

from __future__ import annotations

from pathlib import Path

from eventwire.api.app import create_app
from eventwire.config import Settings
from eventwire.errors import ConfigError, StoreError
from eventwire.web.assets import VENDOR, missing


def check_ready(settings: Settings) -> None:
    """Refuse to serve a store that does not exist or a UI whose assets are missing."""
    if "://" not in settings.db and settings.db != ":memory:" and not Path(settings.db).is_file():
        raise StoreError(f"{settings.db}: no such store; create it with `eventwire ingest`")
    absent = missing()
    if absent:
        raise ConfigError(f"web assets missing in {VENDOR} ({absent[0]}, ...); run `make setup`")


def serve(settings: Settings, *, log_level: str = "info") -> None:
    import uvicorn  # loaded only to serve: it is not needed to build the app

    check_ready(settings)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=log_level,
        proxy_headers=False,
        server_header=False,
    )
