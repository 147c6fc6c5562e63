"""Command line: every command parses its arguments and calls one library function.

Output is for people on a terminal (tables, progress bars) and for programs otherwise:
when standard output is not a terminal, tables become tab-separated lines and nothing is
wrapped; ``--json`` gives JSON. Errors are one line on standard error. Exit status: 0
done, 1 error (or an input that could not be read), 2 bad usage, 3 nothing matches.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.main
from rich.text import Text

from eventwire import __version__
from eventwire.config import Settings
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
    short,
    table,
)
from eventwire.errors import StoreError
from eventwire.export import ExportSource, Filters, division_names, formats, writer_for
from eventwire.export import export as run_export
from eventwire.export.incident_list import explain_event, explain_incident, incident_page
from eventwire.ingest.base import count_files, read_sources, reader_formats
from eventwire.knowledge.gazetteer_info import gazetteer_info as gazetteer_summary
from eventwire.knowledge.kb import load_kb
from eventwire.knowledge.kb_export import write_kb_file
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import MODALITIES, Place, to_dict
from eventwire.query import actor_relations, find_quotes
from eventwire.resolve.actors import explain_actors
from eventwire.store import open_store
from eventwire.views import quote_speaker, type_polarity
from eventwire.views.dates import format_when

HELP = """eventwire turns news articles about an armed conflict into a sourced, queryable
picture of it: actors under every spelling, events, relations, places, dates, counts and
quotes, each with the sentence that says it.

\b
The three commands most used:
  eventwire ingest articles/ --db conflict.db     read files into a store
  eventwire events --db conflict.db --actor NAME  list what happened, with sources
  eventwire serve --db conflict.db                browse it at http://127.0.0.1:8000

Exit status: 0 done, 1 error (or an input file that could not be read), 2 bad usage,
3 nothing matches. Run `eventwire COMMAND --help` for a command's options."""

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help=HELP,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
# soft_wrap: a line is never broken, whatever its length (a failure line stays one line)

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


def _open(settings: Settings, *, create: bool = False) -> Any:
    """The store of ``settings``; a file that does not exist is an error unless ``create``."""
    db = settings.db
    if not create and "://" not in db and db != ":memory:" and not Path(db).is_file():
        raise StoreError(f"{db}: no such store (create one with `eventwire ingest PATH --db {db}`)")
    return open_store(settings)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")
    ] = False,
) -> None:
    pass


_READS = "; ".join(f"{name} ({', '.join(suffixes)})" for name, suffixes in reader_formats())
_WRITES = "; ".join(f"{name}: {text}" for name, text in formats())


@app.command(
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
        store = _open(settings, create=True)
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


@app.command(
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
        store = _open(settings)
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


@app.command(
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
        store = _open(settings)
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
        print_json(counts)
        return
    table(("kind", "count"), counts.items())


@app.command()
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


@app.command(name="eval")
def eval_command(
    gold_set: Annotated[str, typer.Argument(metavar="SET", help="Gold set name, or 'all'.")],
    data: Annotated[
        Path | None,
        typer.Option(
            "--data", metavar="DIR", help="Eval root or one set's folder (shipped sets need none)."
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", metavar="N", help="Items per set (or per corpus/topic); 0 = all."),
    ] = None,
    as_json: JsonOption = False,
    split: Annotated[
        str,
        typer.Option(
            "--split",
            metavar="SPLIT",
            help="Fixed half of each set: dev (read errors here), test (reported), all.",
        ),
    ] = "test",
    errors: Annotated[
        Path | None,
        typer.Option("--errors", metavar="FILE", help="Write misses as JSONL (dev split only)."),
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", metavar="FILE", help="Write a Markdown report.")
    ] = None,
) -> None:
    """Score the real pipeline on public gold sets (see docs/evaluation.md)."""
    from eventwire import evaluate
    from eventwire.evaluate.report import write_report

    with edge():
        if errors is not None:
            evaluate.check_errors_split(split)
            if split == "all":
                err.print("warning: --errors on --split all shows test misses too", highlight=False)
        results, beside = evaluate.run_with_dev(
            gold_set,
            data,
            settings_for(),
            limit=limit,
            split=split,
            dev_too=report is not None,
            progress=lambda name, half: err.print(f"evaluating {name} ({half})", highlight=False),
            meter=lambda label, total: Meter(label, total, "texts"),
        )
        if errors is not None:
            n = evaluate.write_errors(results, errors)
            err.print(f"wrote {n} misses to {errors}", highlight=False)
        if report is not None:
            # What reproduces the figures; never the --errors/--report paths of this machine.
            where = f" --data {data}" if data is not None else ""
            command = f"eventwire eval {gold_set}{where} --split {split}"
            command += f" --limit {limit}" if limit is not None else ""
            write_report(results, report, command=command, beside=beside)
            err.print(f"wrote {report}", highlight=False)
    if as_json:
        print_json([r.as_dict() for r in results])
        return
    rows = []
    for r in results:
        metrics = [(k, m) for k, m in r.metrics.items()]
        metrics += [(f"{g}: {k}", m) for g, ms in r.groups.items() for k, m in ms.items()]
        for key, metric in metrics:
            value = "-" if metric.value is None else f"{metric.value:.3f}"
            rows.append((r.name, key, value, str(metric.n)))
    table(("set", "metric", "ours", "n"), rows)


@app.command()
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


@app.command()
def places(db: DbOption = "eventwire.db", as_json: JsonOption = False) -> None:
    """List the places of the store's events, with how many events each holds."""
    with edge():
        store = _open(settings_for(db=db))
        try:
            rows = store.places()
        finally:
            store.close()
    if not rows:
        raise nothing("the store has no places")
    if as_json:
        print_json([to_dict(p) | {"events": n} for p, n in rows])
        return
    table(
        ("place", "country", "precision", "lat", "lon", "events"),
        ((p.name, p.country or "-", p.precision, _coord(p.lat), _coord(p.lon), n) for p, n in rows),
    )


def _coord(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


actors_app = typer.Typer(
    no_args_is_help=False, help="Actors: list, explain, merge, split.", rich_markup_mode=None
)
app.add_typer(actors_app, name="actors")


@actors_app.callback(invoke_without_command=True)
def actors(
    ctx: typer.Context,
    db: DbOption = "eventwire.db",
    query: Annotated[
        str | None, typer.Option("--query", "-q", metavar="NAME", help="Any spelling.")
    ] = None,
    explain: Annotated[
        str | None, typer.Option("--explain", metavar="NAME", help="Why names were joined.")
    ] = None,
    as_json: JsonOption = False,
    export_kb: Annotated[
        Path | None,
        typer.Option("--export-kb", help="Write the actors as a KB file to edit and load back."),
    ] = None,
) -> None:
    """List actors with aliases, type, country and counts (or explain one)."""
    if ctx.invoked_subcommand is not None:
        return
    if export_kb is not None:
        _export_kb(db, export_kb)
        return
    with edge():
        store = _open(settings_for(db=db))
        try:
            found = (
                explain_actors(store, explain or query or "")
                if (explain or query)
                else [(a, []) for a in store.actors()]
            )
        finally:
            store.close()
    if not found:
        raise nothing(f"no actor matches {explain or query!r}" if explain or query else "no actors")
    if as_json:
        print_json([to_dict(a) | {"explanation": why} for a, why in found])
        return
    if explain:
        for a, why in found:
            out.print(f"{a.name} ({a.type}, {a.country or '-'})", markup=False)
            for reason in why:
                out.print(f"  - {reason}", markup=False)
        return
    table(
        ("name", "type", "country", "mentions", "articles", "aliases"),
        (
            (
                a.name,
                a.type,
                a.country or "-",
                a.mention_count,
                a.article_count,
                ", ".join(a.aliases),
            )
            for a, _ in found
        ),
    )


def _override(db: str, kind: str, *args: str) -> None:
    from eventwire.pipeline import override_and_rebuild

    with edge():
        settings = settings_for(db=db)
        store = _open(settings)
        try:
            res = override_and_rebuild(store, settings, kind, *args)
        finally:
            store.close()
    out.print(
        f"{kind} written to {settings.overrides_path}; {plural(len(res.actors), 'actor')}",
        markup=False,
    )


def _export_kb(db: str, path: Path) -> None:
    with edge():
        settings = settings_for(db=db)
        store = _open(settings)
        try:
            n = write_kb_file(store.actors(), path, load_kb(settings))
        finally:
            store.close()
    err.print(f"wrote {n} actors to {path} (load it back with EVENTWIRE_ACTOR_FILES)")


@actors_app.command("merge")
def actors_merge(
    names: Annotated[list[str], typer.Argument(metavar="NAME", help="Two or more names.")],
    db: DbOption = "eventwire.db",
) -> None:
    """Record that these names are one actor, then rebuild."""
    _override(db, "merge", *names)


@actors_app.command("split")
def actors_split(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Actor name to split off.")],
    from_: Annotated[str, typer.Option("--from", metavar="NAME", help="Actor to split from.")],
    db: DbOption = "eventwire.db",
) -> None:
    """Record that NAME is never the same actor as --from, then rebuild."""
    _override(db, "split", name, from_)


@actors_app.command("rename")
def actors_rename(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Actor, under any spelling.")],
    to: Annotated[str, typer.Argument(metavar="TO", help="New canonical name.")],
    db: DbOption = "eventwire.db",
) -> None:
    """Give the actor found under NAME the canonical name TO, then rebuild."""
    _override(db, "rename", name, to)


@actors_app.command("retype")
def actors_retype(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Actor, under any spelling.")],
    kind: Annotated[str, typer.Argument(metavar="TYPE", help="An actor type (docs/export.md).")],
    db: DbOption = "eventwire.db",
) -> None:
    """Set the type of the actor found under NAME, then rebuild."""
    _override(db, "retype", name, kind)


@app.command()
def events(
    db: DbOption = "eventwire.db",
    actor: ActorOption = None,
    type: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    place: PlaceOption = None,
    min_sources: MinSourcesOption = 1,
    modality: ModalityOption = None,
    as_json: JsonOption = False,
    explain: ExplainOption = None,
) -> None:
    """List events: date, type, actors, place, counts, sources and the evidence."""
    if explain:
        _explain(db, explain_event, explain)
        return
    with edge():
        filters = Filters(actor, type, since, until, place, min_sources, modality)
        store = _open(settings_for(db=db))
        try:
            source = ExportSource(store, filters)
            rows = list(source.events(order="-date"))  # as the pages: newest first
            names = {a.id: a.name for a in source.actors_by_id().values()}
        finally:
            store.close()
    if not rows:
        raise nothing("no events" + (" with these filters" if filters.active else ""))
    if as_json:
        print_json(to_dict(rows))
        return
    table(
        ("date", "type", "actors", "place", "counts", "sources", "evidence"),
        (
            (
                _date_cell(e.date, e.date_precision),
                e.type + (" (not)" if e.negated else "")
                + ("" if e.modality == "asserted" else f" ({e.modality})"),
                f"{names.get(e.source_actor or '', '?')} → {names.get(e.target_actor or '', '-')}",
                _place_cell(e.location),
                ", ".join(f"{k} {v}" for k, v in e.counts.items()),
                plural(e.source_count, "source"),
                short(e.evidence[0].sentence) if e.evidence else "",
            )
            for e in rows
        ),
    )  # fmt: skip


def _date_cell(value: str | None, precision: str | None) -> str:
    """A listing's date: a week at its precision (stored as its Monday, which is no day of
    the act); other dates as their partial ISO value, which already shows their precision."""
    if value and precision == "week":
        return format_when(value, precision)
    return value or ""


def _place_cell(place: Place | None) -> str:
    """A listing's place: its name, marked when inferred from the article's country."""
    if place is None:
        return ""
    return place.name + (" (inferred)" if place.inferred else "")


def _explain(db: str, explain: Any, record_id: str) -> None:
    with edge():
        store = _open(settings_for(db=db))
        try:
            lines = explain(store, record_id, read_ontology())
        finally:
            store.close()
    for line in lines:
        out.print(line, markup=False, highlight=False)


incidents_app = typer.Typer(
    no_args_is_help=False, help="Incidents: list, explain, join, split.", rich_markup_mode=None
)
app.add_typer(incidents_app, name="incidents")


@incidents_app.callback(invoke_without_command=True)
def incidents(
    ctx: typer.Context,
    db: DbOption = "eventwire.db",
    actor: ActorOption = None,
    type: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    place: PlaceOption = None,
    min_sources: MinSourcesOption = 1,
    modality: ModalityOption = None,
    sort: Annotated[
        str, typer.Option("--sort", metavar="date|sources", help="Newest or most reported first.")
    ] = "date",
    limit: Annotated[
        int | None, typer.Option("--limit", metavar="N", min=1, help="At most N incidents.")
    ] = None,
    as_json: JsonOption = False,
    explain: ExplainOption = None,
    after: Annotated[
        str | None,
        typer.Option(
            "--after",
            metavar="CURSOR",
            help="The page after this cursor (printed "
            "after a page of --limit rows), in either sort.",
        ),
    ] = None,  # fmt: skip
) -> None:
    """List incidents (one per real-world occurrence): date, type, actors, place, best-supported
    counts with their range, sources and outlets."""
    if ctx.invoked_subcommand is not None:
        return
    if explain:
        _explain(db, explain_incident, explain)
        return
    with edge():
        filters = Filters(actor, type, since, until, place, min_sources, modality)
        store = _open(settings_for(db=db))
        try:
            page = incident_page(store, filters, sort, limit, after)
            names = {a.id: a.name for a in store.actors()}
        finally:
            store.close()
    rows = page.items
    if not rows:
        raise nothing("no incidents" + (" with these filters" if filters.active else ""))
    if page.next_after:
        err.print(f"more: --after '{page.next_after}'", markup=False, highlight=False)
    if as_json:
        print_json(to_dict(rows))
        return
    table(
        ("id", "date", "type", "actors", "place", "counts", "sources", "evidence"),
        (
            (
                i.id,
                _date_cell(i.date, i.date_precision),
                i.type,
                f"{names.get(i.source_actor or '', '?')} → {names.get(i.target_actor or '', '-')}",
                _place_cell(i.location),
                ", ".join(
                    f"{k} {v}" + (f" ({i.count_min[k]}-{i.count_max[k]})"
                                  if i.count_min.get(k) != i.count_max.get(k) else "")
                    for k, v in i.counts.items()
                ),
                f"{plural(i.source_count, 'article')}, {plural(i.outlet_count, 'outlet')}",
                short(i.evidence[0].sentence) if i.evidence else "",
            )
            for i in rows
        ),
    )  # fmt: skip


def _incident_edit(db: str, edit: Any, *args: Any) -> None:
    with edge():
        settings = settings_for(db=db)
        store = _open(settings)
        try:
            done = edit(store, settings, *args)
        finally:
            store.close()
    for entry in done.written:
        out.print(f"wrote {' / '.join(entry)} to {settings.overrides_path}", markup=False)
    for inc in done.incidents:
        out.print(
            f"now {inc.id}: {inc.type} on {inc.date or 'an unknown date'}, "
            f"{plural(inc.source_count, 'article')}",
            markup=False,
        )


@incidents_app.command("join")
def incidents_join(
    ids: Annotated[
        list[str],
        typer.Argument(metavar="ID", help="Two or more incident, event or article ids."),
    ],
    db: DbOption = "eventwire.db",
) -> None:
    """Record that these are one incident (kept on every rebuild), then rebuild."""
    from eventwire.export.incident_overrides import join_incidents

    _incident_edit(db, join_incidents, ids)


@incidents_app.command("split")
def incidents_split(
    incident_id: Annotated[str, typer.Argument(metavar="ID", help="The incident to split.")],
    out_id: Annotated[
        str,
        typer.Option(
            "--out", metavar="EVENT|ARTICLE", help="A member event or an article to take out."
        ),
    ],
    db: DbOption = "eventwire.db",
) -> None:
    """Take an event's or an article's reports out of an incident (kept on every rebuild),
    then rebuild."""
    from eventwire.export.incident_overrides import split_incident

    _incident_edit(db, split_incident, incident_id, out_id)


@app.command()
def relations(
    db: DbOption = "eventwire.db",
    actor: ActorOption = None,
    type: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_sources: MinSourcesOption = 1,
    modality: ModalityOption = None,
    as_json: JsonOption = False,
) -> None:
    """Relations between actor pairs; with --actor, its supporters and opponents."""
    with edge():
        filters = Filters(actor, type, since, until, None, min_sources, modality)
        store = _open(settings_for(db=db))
        onto = read_ontology()  # this command's copy: relation polarities
        try:
            if actor and not (type or since or until or modality or min_sources != 1):
                grouped = actor_relations(store, actor, onto)
            else:
                grouped = None
                source = ExportSource(store, filters)
                rows = list(source.relations())
                names = {a.id: a.name for a in source.actors_by_id().values()}
        finally:
            store.close()
    if grouped is not None:
        _print_grouped(grouped, as_json)
        return
    if not rows:
        raise nothing("no relations" + (" with these filters" if filters.active else ""))
    if as_json:
        print_json(to_dict(rows))
        return
    table(
        ("source", "relation", "target", "polarity", "modality", "sources", "seen", "evidence"),
        (
            (
                names.get(r.source_actor, r.source_actor),
                r.type,
                names.get(r.target_actor, r.target_actor),
                type_polarity(r.type, r.negated, onto),
                r.modality + (" contested" if r.contested else ""),
                plural(r.source_count, "source"),
                f"{r.first_seen or '?'}..{r.last_seen or '?'}",
                short(r.evidence[0].sentence) if r.evidence else "",
            )
            for r in rows
        ),
    )


def _print_grouped(result: Any, as_json: bool) -> None:
    if as_json:
        print_json(to_dict(result))
        return
    groups = ("supporters", "opponents", "supported", "opposed", "neutral", "uncounted")
    if not any(getattr(result, g) for g in groups):
        raise nothing(f"no relations of {result.actor}")
    for group in groups:
        for row in getattr(result, group):
            r = row.relation
            flag = " contested" if r.contested else ""
            out.print(
                Text.assemble(
                    (group, "bold"),
                    f" {row.other} {r.type} ({row.polarity}, {r.modality}{flag}, "
                    f"{plural(r.source_count, 'source')})",
                )
            )
            for ev in (*r.evidence, *r.denied_evidence)[:3]:
                out.print(f"    {ev.article_id}: {short(ev.sentence, 160)}", markup=False)


@app.command()
def quotes(
    db: DbOption = "eventwire.db",
    speaker: Annotated[
        str | None, typer.Option(metavar="NAME", help="Speaker name (any spelling).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Direct quotes, optionally of one speaker."""
    with edge():
        store = _open(settings_for(db=db))
        try:
            rows = find_quotes(store, speaker)
            names = {a.id: a.name for a in store.actors()}
        finally:
            store.close()
    if not rows:
        raise nothing(f"no quotes of {speaker!r}" if speaker else "no quotes")
    if as_json:
        print_json(to_dict(rows))
        return
    for q in rows:
        out.print(
            Text.assemble(
                (quote_speaker(q, names) or "?", "bold"), f": “{q.text}” ({q.article_id})"
            )
        )


def command() -> Any:
    """The click command of ``app`` as the ``eventwire`` script runs it: plain help, and a
    name in capitals where Typer would show a type placeholder (``<str>``), for commands
    added without a metavar too."""
    cmd = typer.main.get_command(app)
    _tidy(cmd)
    return cmd


def _tidy(cmd: Any) -> None:
    if hasattr(cmd, "rich_markup_mode"):
        cmd.rich_markup_mode = None
    for param in cmd.params:
        if param.param_type_name == "argument":
            param.metavar = param.metavar or (param.name or "value").upper()
            param.display_type_rich = lambda ctx: None
        elif not getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = (param.name or "value").upper()
    for sub in getattr(cmd, "commands", {}).values():
        _tidy(sub)


def main(argv: list[str] | None = None) -> None:
    """The ``eventwire`` script: every error, usage errors included, is one line."""
    args = sys.argv[1:] if argv is None else argv
    try:
        code = command().main(args=args, prog_name="eventwire", standalone_mode=False)
    except KeyboardInterrupt:
        err.print("interrupted", markup=False)
        sys.exit(130)

    except Exception as exc:
        usage = getattr(exc, "format_message", None)  # click's usage and parameter errors
        if usage is not None and type(exc).__name__ == "NoArgsIsHelpError":
            typer.echo(usage())  # `eventwire` alone, or a group alone: its help
            sys.exit(0)
        if usage is not None:
            ctx = getattr(exc, "ctx", None)
            where = ctx.command_path if ctx is not None else "eventwire"
            err.print(
                Text.assemble(("error: ", "red"), one_line(usage()), f" (see {where} --help)")
            )
            sys.exit(int(getattr(exc, "exit_code", 2)))
        if "--debug" in args:
            raise
        # a bug, not a user error: still one line
        err.print(
            Text.assemble(
                ("internal error: ", "red"),
                one_line(f"{type(exc).__name__}: {exc}"),
                " (run again with --debug for the traceback)",
            )
        )
        sys.exit(EXIT_ERROR)
    sys.exit(code if isinstance(code, int) else 0)


gazetteer_app = typer.Typer(no_args_is_help=True, help="Gazetteer: import GeoNames dumps, info.")
app.add_typer(gazetteer_app, name="gazetteer")
GazetteerOption = Annotated[
    str | None,
    typer.Option("--gazetteer", metavar="FILE", help="Gazetteer file; default: the setting."),
]


@gazetteer_app.command("import")
def gazetteer_import(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH...", help="GeoNames files, as downloaded.")
    ],
    feature_classes: Annotated[
        str, typer.Option(metavar="CLASSES", help="Classes kept: P, A; add S T H L.")
    ] = "PA",
    force: Annotated[bool, typer.Option(help="Re-import files already in, unchanged.")] = False,
    gazetteer: GazetteerOption = None,
) -> None:
    """Add GeoNames dumps to your gazetteer (a copy of the shipped one, made on first use)."""
    from eventwire.knowledge.gazetteer_import import ProgressLog, import_dumps

    with edge(), ProgressLog(sys.stderr.write, err.is_terminal) as log:
        report = import_dumps(paths, settings_for(gazetteer=gazetteer), feature_classes=feature_classes,
                              force=force, on_problem=log.problem, on_progress=log.progress)  # fmt: skip
    out.print("\n".join(report.summary()), markup=False, highlight=False, soft_wrap=True)


@gazetteer_app.command("info")
def gazetteer_info(gazetteer: GazetteerOption = None, as_json: JsonOption = False) -> None:
    """What the gazetteer holds: imported files, places by country and feature class."""
    with edge():
        result = gazetteer_summary(settings_for(gazetteer=gazetteer))
    if as_json:
        print_json(result.to_dict())
        return
    out.print("\n".join(result.summary()), markup=False, highlight=False, soft_wrap=True)
