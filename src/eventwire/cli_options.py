"""What the command modules share: the options several commands take (the store, the
filters of a listing, ``--json``), the settings built from them, and the store opened.

Each ``cli_*`` module holds the commands of one subject; ``cli.py`` gathers them into
the ``eventwire`` app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire.config import Settings
from eventwire.errors import StoreError
from eventwire.model import MODALITIES
from eventwire.store import open_store

DbOption = Annotated[
    str,
    typer.Option(
        "--db", metavar="FILE", help="Store: a SQLite file that exists, or a postgresql:// URL."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ActorOption = Annotated[
    str | None, typer.Option("--actor", metavar="NAME", help="Actor, under any spelling.")
]
TypeOption = Annotated[
    str | None,
    typer.Option(
        "--type", metavar="TYPE", help="PLOVER event type (ASSAULT, PROTEST, ...) or relation type."
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option("--since", metavar="DATE", help="From this ISO date (2019, 2019-04, 2019-04-09)."),
]
UntilOption = Annotated[
    str | None, typer.Option("--until", metavar="DATE", help="Up to this ISO date, inclusive.")
]
PlaceOption = Annotated[
    str | None, typer.Option("--place", metavar="PLACE", help="Place name or id (events only).")
]
MinSourcesOption = Annotated[
    int, typer.Option("--min-sources", metavar="N", help="Reported by at least N articles.")
]
ExplainOption = Annotated[
    str | None,
    typer.Option(
        "--explain", metavar="ID", help="Say why this record's reports were joined or kept apart."
    ),
]
ModalityOption = Annotated[
    str | None,
    typer.Option("--modality", metavar="M", help=f"One of: {', '.join(MODALITIES)}."),
]


def settings_for(**overrides: Any) -> Settings:
    return Settings.from_env(**overrides)


def open_db(settings: Settings, *, create: bool = False) -> Any:
    """The store of ``settings``; a file that does not exist is an error unless ``create``."""
    db = settings.db
    if not create and "://" not in db and db != ":memory:" and not Path(db).is_file():
        raise StoreError(f"{db}: no such store (create one with `eventwire ingest PATH --db {db}`)")
    return open_store(settings)
