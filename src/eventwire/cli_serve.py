"""The ``serve`` command: the web pages and the REST API over one store."""

from __future__ import annotations

from typing import Annotated

import typer

from eventwire.cli_options import DbOption, settings_for
from eventwire.console import edge, err

commands = typer.Typer()


@commands.command()
def serve(
    db: DbOption = "eventwire.db",
    host: Annotated[
        str | None, typer.Option(metavar="ADDRESS", help="Address to bind (default 127.0.0.1).")
    ] = None,
    port: Annotated[int | None, typer.Option(metavar="N", help="Port (default 8000).")] = None,
    token: Annotated[
        str | None, typer.Option(metavar="TOKEN", help="API token enabling POST /api/articles.")
    ] = None,
) -> None:
    """Serve the web UI and REST API over a store (offline; docs at /docs)."""
    from eventwire.api import serve as run_server

    with edge():
        settings = settings_for(db=db, host=host, port=port, api_token=token)
        err.print(f"eventwire: http://{settings.host}:{settings.port}/", markup=False)
        run_server(settings)
