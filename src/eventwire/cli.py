"""Command line: every command parses its arguments and calls one library function."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.config import Settings
from eventwire.errors import EventwireError

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    str, typer.Option("--db", help="Store: SQLite file path or postgresql:// URL.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def settings_for(**overrides: Any) -> Settings:
    return Settings.from_env(**overrides)

@contextmanager
def edge() -> Iterator[None]:
    """Turn eventwire errors into one line on stderr and exit status 1."""
    try:
        yield
    except EventwireError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None

def _open(settings: Settings) -> Any:
    from eventwire.store import open_store

    return open_store(settings)

@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories (recursive).")],
    db: DbOption = "eventwire.db",
    workers: Annotated[int, typer.Option("--workers", "-w", help="NLP processes.")] = 1,
    batch_size: Annotated[int | None, typer.Option(help="Articles per batch.")] = None,
) -> None:
    """Read articles, extract their records, store them and rebuild the picture."""
    from eventwire.pipeline import ingest as run_ingest
    from eventwire.pipeline import rebuild

    with edge():
        settings = settings_for(db=db, workers=workers, batch_size=batch_size)
        store = _open(settings)
        try:
            with Progress(
                TextColumn("[bold]ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err,
                transient=True,
                disable=not err.is_terminal,
            ) as bar:
                task = bar.add_task("ingest", total=None)
                report = run_ingest(
                    paths,
                    store,
                    settings,
                    progress=lambda n: bar.advance(task, n),
                    on_error=lambda e: err.print(f"[red]failed:[/red] {e}", highlight=False),
                )
            with err.status("resolving actors, events and relations"):
                rebuild(store, settings)
        finally:
            store.close()
    out.print(
        f"ingested {report.ingested}, skipped as duplicate {report.duplicates}, "
        f"failed {report.failed}  ({settings.db})",
        highlight=False,
    )
    if report.failed:
        raise typer.Exit(1)

@app.command()
def export(
    db: DbOption = "eventwire.db",
    fmt: Annotated[str, typer.Option("--format", "-f", help="Export format.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File; default stdout.")] = None,
) -> None:
    """Write every record of the store (articles, actors, events, relations, quotes)."""
    from eventwire.export import export as run_export

    with edge():
        store = _open(settings_for(db=db))
        try:
            if output is None:
                run_export(store, fmt, sys.stdout)
            else:
                with output.open("w", encoding="utf-8") as fh:
                    n = run_export(store, fmt, fh)
                err.print(f"wrote {n} records to {output}", highlight=False)
        finally:
            store.close()

@app.command()
def stats(db: DbOption = "eventwire.db", as_json: JsonOption = False) -> None:
    """Count the records of each kind in the store."""
    with edge():
        store = _open(settings_for(db=db))
        try:
            counts = store.stats()
        finally:
            store.close()
    if as_json:
        out.print_json(json.dumps(counts))
        return
    table = Table("kind", "count")
    for kind, n in counts.items():
        table.add_row(kind, str(n))
    out.print(table)

@app.command()
def demo(
    db: DbOption = "eventwire.db",
    corpus: Annotated[Path, typer.Option(help="Sample corpus folder.")] = Path("examples/corpus"),
    output: Annotated[Path, typer.Option("-o", "--output")] = Path("eventwire-export.jsonl"),
) -> None:
    """Ingest the bundled sample corpus, export it and print a summary."""
    from eventwire.demo import run_demo

    with edge():
        summary = run_demo(corpus, settings_for(db=db), output)
    table = Table("kind", "count", title="eventwire demo")
    for kind, n in summary.counts.items():
        table.add_row(kind, str(n))
    out.print(table)
    for failure in summary.failures:
        err.print(f"[red]failed:[/red] {failure}", highlight=False)
    out.print(f"store:  {summary.store}", highlight=False)
    out.print(f"export: {summary.export}", highlight=False)
    out.print(f"explore it: eventwire serve --db {summary.store}", highlight=False)

@app.command()
def places(db: DbOption = "eventwire.db", as_json: JsonOption = False) -> None:
    """List the places of the store's events, with how many events each holds."""
    from eventwire.model import to_dict

    with edge():
        rows = _open(settings_for(db=db)).places()
    if as_json:
        out.print_json(json.dumps([to_dict(p) | {"events": n} for p, n in rows]))
        return
    table = Table("place", "country", "precision", "lat", "lon", "events")
    for p, n in rows:
        lat = "-" if p.lat is None else f"{p.lat:.3f}"
        lon = "-" if p.lon is None else f"{p.lon:.3f}"
        table.add_row(p.name, p.country or "-", p.precision, lat, lon, str(n))
    out.print(table)

def main(argv: list[str] | None = None) -> None:
    app(args=argv)

