"""Commands that fill a store, write it out and check it: ``ingest``, ``export``,
``rebuild``, ``stats`` and ``demo``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from eventwire.cli_options import (
    ActorOption,
    DbOption,
    JsonOption,
    MinSourcesOption,
    ModalityOption,
    PlaceOption,
    SinceOption,
    TypeOption,
    UntilOption,
    open_db,
    settings_for,
)
from eventwire.console import (
    EXIT_ERROR,
    Meter,
    edge,
    err,
    nothing,
    one_line,
    out,
    plural,
    print_json,
    program,
    table,
)
from eventwire.export import Filters, division_names, formats, writer_for
from eventwire.export import export as run_export
from eventwire.ingest.base import count_files, read_sources, reader_formats

commands = typer.Typer()


_READS = "; ".join(f"{name} ({', '.join(suffixes)})" for name, suffixes in reader_formats())
_WRITES = "; ".join(f"{name}: {text}" for name, text in formats())


@commands.command(
    help="Read articles, extract their records, store them and bring the picture up to date.\n\n"
    f"Reads: {_READS}. Folders are read recursively. Each file that cannot be read is "
    "reported on one line; the others are still stored, and the exit status is 1."
)
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH", help="Files or folders (recursive).")
    ],
    db: Annotated[
        str,
        typer.Option("--db", metavar="FILE", help="Store to add to: created if missing."),
    ] = "eventwire.db",
    workers: Annotated[
        int, typer.Option("--workers", "-w", metavar="N", help="NLP processes.")
    ] = 1,
    batch_size: Annotated[
        int | None, typer.Option("--batch-size", metavar="N", help="Articles per batch.")
    ] = None,
    engine: Annotated[
        str | None,
        typer.Option("--engine", metavar="ENGINE", help="Where articles are parsed: local or ray."),
    ] = None,
    address: Annotated[
        str | None,
        typer.Option(
            "--address", metavar="RAY", help="Ray cluster address (engine ray); default local Ray."
        ),
    ] = None,
) -> None:
    from eventwire.pipeline import ingest_articles, refresh, resolution_reads

    with edge():
        settings = settings_for(
            db=db, workers=workers, batch_size=batch_size, engine=engine, ray_address=address
        )
        store = open_db(settings, create=True)
        try:
            with Meter("ingesting", count_files(paths), "files") as meter:
                report = ingest_articles(
                    read_sources(paths, settings, on_file=lambda _: meter.advance()),
                    store,
                    settings,
                    on_error=lambda e: err.print(
                        Text.assemble(("failed: ", "red"), one_line(str(e)))
                    ),
                )
            with Meter("resolving", resolution_reads(store), "document reads") as meter:
                refresh(store, settings, progress=meter.advance)
        finally:
            store.close()
    out.print(
        f"ingested {report.ingested}, skipped as duplicate {report.duplicates}, "
        f"failed {report.failed}  ({settings.db})",
        markup=False,
    )
    if report.failed:
        raise typer.Exit(EXIT_ERROR)


@commands.command(
    help="Write the store's records in a format other tools open (see docs/export.md).\n\n"
    f"Formats: {_WRITES}. Writing to -o is atomic: a failed export leaves an existing file "
    "as it was. Filters select events and relations."
)
def export(
    db: DbOption = "eventwire.db",
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"One of: {', '.join(n for n, _ in formats())}.",
        ),
    ] = "jsonl",
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", metavar="PATH", help="File (a folder for parquet); default stdout."
        ),
    ] = None,
    actor: ActorOption = None,
    type: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    place: PlaceOption = None,
    min_sources: MinSourcesOption = 1,
    modality: ModalityOption = None,
) -> None:
    with edge():
        writer_for(fmt)  # an unknown format is reported before the store is opened
        filters = Filters(actor, type, since, until, place, min_sources, modality)
        settings = settings_for(db=db)
        store = open_db(settings)
        try:
            total = None if filters.active else store.count("events")
            # no progress while the export itself goes to the terminal
            with (
                Meter("exporting", total, "events", show=output is not None) as meter,
                division_names(settings) as division,
            ):
                target = output or sys.stdout
                n = run_export(store, fmt, target, filters, meter.advance, division)
        finally:
            store.close()
    if output is not None:
        err.print(f"wrote {plural(n, 'record')} ({fmt}) to {output}", markup=False)
    if n == 0 and filters.active:
        raise nothing("the filters select no record")


@commands.command(
    help="Recompute actors, events and relations from the stored documents.\n\n"
    "With --check nothing is written: the stored picture is compared record by record with "
    "a fresh resolution, the differences are printed per kind and the exit status is 1 when "
    "they differ."
)
def rebuild(
    db: DbOption = "eventwire.db",
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Compare the stored picture with a fresh resolution; write nothing."
        ),
    ] = False,
) -> None:
    from eventwire.pipeline import check_picture, resolution_reads
    from eventwire.pipeline import rebuild as run_rebuild

    with edge():
        settings = settings_for(db=db)
        store = open_db(settings)
        try:
            reads = resolution_reads(store)
            if not check:
                with Meter("resolving", reads, "document reads") as meter:
                    run_rebuild(store, settings, progress=meter.advance)
                return
            with Meter("resolving afresh to compare", reads, "document reads") as meter:
                result = check_picture(store, settings, progress=meter.advance)
        finally:
            store.close()
    for kind, (stored, fresh, differ) in result.differences.items():
        out.print(
            f"{kind}: {stored} only stored, {fresh} only in a fresh rebuild, {differ} differ",
            markup=False,
        )
    if result.stale:
        out.print("the stored picture is older than the documents or overrides", markup=False)
    out.print("same as a fresh rebuild" if result.same else "differs from a fresh rebuild")
    if not result.same:
        raise typer.Exit(EXIT_ERROR)


@commands.command()
def stats(db: DbOption = "eventwire.db", as_json: JsonOption = False) -> None:
    """Count the records of each kind in the store."""
    with edge():
        store = open_db(settings_for(db=db))
        try:
            counts = store.stats()
        finally:
            store.close()
    if as_json:
        print_json(counts)
        return
    table(("kind", "count"), counts.items())


@commands.command()
def demo(
    db: Annotated[
        str, typer.Option("--db", metavar="FILE", help="Store to create.")
    ] = "eventwire.db",
    corpus: Annotated[Path, typer.Option(metavar="DIR", help="Sample corpus folder.")] = Path(
        "examples/corpus"
    ),
    output: Annotated[
        Path, typer.Option("-o", "--output", metavar="FILE", help="JSONL export to write.")
    ] = Path("eventwire-export.jsonl"),
) -> None:
    """Ingest the bundled sample corpus, export it and print a summary."""
    from eventwire.demo import run_demo

    with edge():
        summary = run_demo(corpus, settings_for(db=db), output)
    table(("kind", "count"), summary.counts.items(), title="eventwire demo")
    for failure in summary.failures:
        err.print(Text.assemble(("failed: ", "red"), one_line(failure)))
    out.print(f"store:  {summary.store}", markup=False)
    out.print(f"export: {summary.export}", markup=False)
    prog = program()
    out.print(f"next:   {prog} events --db {db}", markup=False)
    out.print(f"        {prog} serve --db {db}   (then open http://127.0.0.1:8000)", markup=False)
