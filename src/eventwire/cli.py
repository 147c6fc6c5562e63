"""Command line: every command parses its arguments and calls one library function.

Output is for people on a terminal (tables, progress bars) and for programs otherwise:
when standard output is not a terminal, tables become tab-separated lines and nothing is
wrapped; ``--json`` gives JSON. Errors are one line on standard error. Exit status: 0
done, 1 error (or an input that could not be read), 2 bad usage, 3 nothing matches.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.main
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from eventwire import __version__
from eventwire.config import Settings
from eventwire.errors import EventwireError, NotFound, StoreError
from eventwire.export import Filters, formats
from eventwire.ingest.base import reader_formats
from eventwire.model import MODALITIES

EXIT_ERROR = 1
EXIT_NOTHING = 3

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
out = Console(soft_wrap=True, highlight=False, emoji=False)
err = Console(stderr=True, soft_wrap=True, highlight=False, emoji=False)

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
ModalityOption = Annotated[
    str | None,
    typer.Option("--modality", metavar="M", help=f"One of: {', '.join(MODALITIES)}."),
]


def settings_for(**overrides: Any) -> Settings:
    return Settings.from_env(**overrides)


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    err.print(Text.assemble(("error: ", "red"), _one_line(message)))
    return typer.Exit(code)


@contextmanager
def edge() -> Iterator[None]:
    """Turn errors into one line on stderr and an exit status (3 when nothing matches)."""
    try:
        yield
    except NotFound as exc:
        raise _fail(f"nothing matches: {exc}", EXIT_NOTHING) from None
    except EventwireError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        raise _fail(f"{where}{exc.strerror or exc}") from None


def _nothing(what: str) -> typer.Exit:
    err.print(f"nothing matches: {what}", markup=False)
    return typer.Exit(EXIT_NOTHING)


def _open(settings: Settings, *, create: bool = False) -> Any:
    """The store of ``settings``; a file that does not exist is an error unless ``create``."""
    from eventwire.store import open_store

    db = settings.db
    if not create and "://" not in db and db != ":memory:" and not Path(db).is_file():
        raise StoreError(f"{db}: no such store (create one with `eventwire ingest PATH --db {db}`)")
    return open_store(settings)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _cell(value: object) -> str:
    return "" if value is None else str(value)


_FREE_TEXT = {"evidence", "aliases"}


def _table(columns: Sequence[str], rows: Iterable[Sequence[object]], title: str = "") -> int:
    """Rows as a table on a terminal, as tab-separated lines otherwise; returns the count."""
    rows = list(rows)
    if not rows:
        return 0
    if out.is_terminal:
        # free text is shortened (…) so that it never squeezes the other columns
        table = Table(title=title or None)
        for name in columns:
            if name in _FREE_TEXT:
                table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=32)
            else:
                table.add_column(name)
        for row in rows:
            table.add_row(*(Text(_cell(v)) for v in row))  # Text: data is never markup
        out.print(table)
    else:
        typer.echo("\t".join(columns))
        for row in rows:
            typer.echo("\t".join(" ".join(_cell(v).split()) for v in row))
    return len(rows)


def _json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


class _Rate(ProgressColumn):
    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} {self.unit}/s" if task.speed else "")


class Meter:
    """A progress bar with total and rate on a terminal; a one-line log otherwise."""

    EVERY = 10.0  # seconds between log lines when not on a terminal

    def __init__(self, label: str, total: int | None, unit: str) -> None:
        self.label, self.total, self.unit = label, total, unit
        self.done = self.logged = 0
        self.start = self.last = time.monotonic()
        self.bar: Progress | None = None

    def __enter__(self) -> Meter:
        if err.is_terminal:
            self.bar = Progress(
                TextColumn(f"[bold]{self.label}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn(self.unit),
                _Rate(self.unit),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=self.total)
        return self

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.advance(self.task, n)
        elif time.monotonic() - self.last >= self.EVERY:
            self.last = time.monotonic()
            self._log()

    def _log(self) -> None:
        self.logged = self.done
        elapsed = max(time.monotonic() - self.start, 1e-9)
        of = f"/{self.total}" if self.total is not None else ""
        err.print(
            f"{self.label}: {self.done}{of} {self.unit}, {self.done / elapsed:.1f} {self.unit}/s,"
            f" {elapsed:.0f} s",
            markup=False,
        )

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
        elif self.done != self.logged and time.monotonic() - self.start >= self.EVERY:
            self._log()  # the final count, unless just logged


@contextmanager
def step(label: str) -> Iterator[None]:
    """A step without a count: a spinner on a terminal, a start and an end line otherwise."""
    if err.is_terminal:
        with err.status(label):
            yield
        return
    start = time.monotonic()
    err.print(f"{label} ...", markup=False)
    yield
    err.print(f"{label}: done in {time.monotonic() - start:.1f} s", markup=False)


def _program() -> str:
    """How to run eventwire again from here: its name if on the PATH, else the path used."""
    invoked = sys.argv[0] if sys.argv and sys.argv[0] else "eventwire"
    found = shutil.which("eventwire")
    if found and Path(found).resolve() == Path(invoked).resolve():
        return "eventwire"
    if Path(invoked).name == "eventwire" and Path(invoked).exists():
        return invoked
    return "eventwire"


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


def _filters(
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    min_sources: int = 1,
    modality: str | None = None,
) -> Filters:
    return Filters(actor, type, since, until, place, min_sources, modality)


_READS = "; ".join(f"{name} ({', '.join(suffixes)})" for name, suffixes in reader_formats())
_WRITES = "; ".join(f"{name}: {text}" for name, text in formats())


@app.command(
    help="Read articles, extract their records, store them and rebuild the picture.\n\n"
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
) -> None:
    from eventwire.ingest.base import count_files, read_sources
    from eventwire.pipeline import ingest_articles, rebuild

    with edge():
        settings = settings_for(db=db, workers=workers, batch_size=batch_size)
        store = _open(settings, create=True)
        try:
            with Meter("ingesting", count_files(paths), "files") as meter:
                report = ingest_articles(
                    read_sources(paths, settings, on_file=lambda _: meter.advance()),
                    store,
                    settings,
                    on_error=lambda e: err.print(
                        Text.assemble(("failed: ", "red"), _one_line(str(e)))
                    ),
                )
            with step("resolving actors, events and relations"):
                rebuild(store, settings)
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
    from eventwire.export import export as run_export
    from eventwire.export import writer_for

    with edge():
        writer_for(fmt)  # an unknown format is reported before the store is opened
        filters = _filters(actor, type, since, until, place, min_sources, modality)
        store = _open(settings_for(db=db))
        try:
            total = None if filters.active else store.stats()["events"]
            with Meter("exporting", total, "events") as meter:
                n = run_export(store, fmt, output or sys.stdout, filters, meter.advance)
        finally:
            store.close()
    if output is not None:
        err.print(f"wrote {_plural(n, 'record')} ({fmt}) to {output}", markup=False)
    if n == 0 and filters.active:
        raise _nothing("the filters select no record")


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
        _json(counts)
        return
    _table(("kind", "count"), counts.items())


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
    _table(("kind", "count"), summary.counts.items(), title="eventwire demo")
    for failure in summary.failures:
        err.print(Text.assemble(("failed: ", "red"), _one_line(failure)))
    out.print(f"store:  {summary.store}", markup=False)
    out.print(f"export: {summary.export}", markup=False)
    prog = _program()
    out.print(f"next:   {prog} events --db {db}", markup=False)
    out.print(f"        {prog} serve --db {db}   (then open http://127.0.0.1:8000)", markup=False)


@app.command(name="eval")
def eval_command(
    gold_set: Annotated[str, typer.Argument(metavar="SET", help="Gold set name, or 'all'.")],
    data: Annotated[
        Path, typer.Option("--data", metavar="DIR", help="Eval root or one set's folder.")
    ],
    limit: Annotated[
        int | None,
        typer.Option("--limit", metavar="N", help="Items per set (or per corpus/topic); 0 = all."),
    ] = None,
    as_json: JsonOption = False,
    errors: Annotated[
        Path | None, typer.Option("--errors", metavar="FILE", help="Write misses as JSONL.")
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", metavar="FILE", help="Write a Markdown report.")
    ] = None,
) -> None:
    """Score the real pipeline on public gold sets (see docs/evaluation.md)."""
    from eventwire import evaluate
    from eventwire.evaluate.report import write_report

    with edge():
        results = evaluate.run(
            gold_set,
            data,
            settings_for(),
            limit=limit,
            progress=lambda name: err.print(f"evaluating {name}", highlight=False),
        )
        if errors is not None:
            n = evaluate.write_errors(results, errors)
            err.print(f"wrote {n} misses to {errors}", highlight=False)
        if report is not None:
            # What reproduces the figures; never the --errors/--report paths of this machine.
            command = f"eventwire eval {gold_set} --data {data}"
            command += f" --limit {limit}" if limit is not None else ""
            write_report(results, report, command=command)
            err.print(f"wrote {report}", highlight=False)
    if as_json:
        _json([r.as_dict() for r in results])
        return
    rows = []
    for r in results:
        metrics = [(k, m) for k, m in r.metrics.items()]
        metrics += [(f"{g}: {k}", m) for g, ms in r.groups.items() for k, m in ms.items()]
        for key, metric in metrics:
            value = "-" if metric.value is None else f"{metric.value:.3f}"
            rows.append((r.name, key, value, str(metric.n)))
    _table(("set", "metric", "ours", "n"), rows)


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
    from eventwire.model import to_dict

    with edge():
        store = _open(settings_for(db=db))
        try:
            rows = store.places()
        finally:
            store.close()
    if not rows:
        raise _nothing("the store has no places")
    if as_json:
        _json([to_dict(p) | {"events": n} for p, n in rows])
        return
    _table(
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
) -> None:
    """List actors with aliases, type, country and counts (or explain one)."""
    from eventwire.model import to_dict
    from eventwire.resolve.actors import explain_actors

    if ctx.invoked_subcommand is not None:
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
        raise _nothing(
            f"no actor matches {explain or query!r}" if explain or query else "no actors"
        )
    if as_json:
        _json([to_dict(a) | {"explanation": why} for a, why in found])
        return
    if explain:
        for a, why in found:
            out.print(f"{a.name} ({a.type}, {a.country or '-'})", markup=False)
            for reason in why:
                out.print(f"  - {reason}", markup=False)
        return
    _table(
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
    from eventwire.resolve.overrides import override_and_rebuild

    with edge():
        settings = settings_for(db=db)
        store = _open(settings)
        try:
            res = override_and_rebuild(store, settings, kind, *args)
        finally:
            store.close()
    out.print(
        f"{kind} written to {settings.overrides_path}; {_plural(len(res.actors), 'actor')}",
        markup=False,
    )


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


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


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
) -> None:
    """List events: date, type, actors, place, counts, sources and the evidence."""
    from eventwire.export import ExportSource
    from eventwire.model import to_dict

    with edge():
        filters = _filters(actor, type, since, until, place, min_sources, modality)
        store = _open(settings_for(db=db))
        try:
            source = ExportSource(store, filters)
            rows = list(source.events())
            names = {a.id: a.name for a in source.actors_by_id().values()}
        finally:
            store.close()
    if not rows:
        raise _nothing("no events" + (" with these filters" if filters.active else ""))
    if as_json:
        _json(to_dict(rows))
        return
    _table(
        ("date", "type", "actors", "place", "counts", "sources", "evidence"),
        (
            (
                e.date or "",
                e.type + (" (not)" if e.negated else "")
                + ("" if e.modality == "asserted" else f" ({e.modality})"),
                f"{names.get(e.source_actor or '', '?')} → {names.get(e.target_actor or '', '-')}",
                e.location.name if e.location else "",
                ", ".join(f"{k} {v}" for k, v in e.counts.items()),
                _plural(e.source_count, "source"),
                _short(e.evidence[0].sentence) if e.evidence else "",
            )
            for e in rows
        ),
    )  # fmt: skip


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
    from eventwire.export import ExportSource
    from eventwire.model import to_dict
    from eventwire.query import actor_relations
    from eventwire.views import type_polarity

    with edge():
        filters = _filters(actor, type, since, until, None, min_sources, modality)
        store = _open(settings_for(db=db))
        try:
            if actor and not (type or since or until or modality or min_sources != 1):
                grouped = actor_relations(store, actor)
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
        raise _nothing("no relations" + (" with these filters" if filters.active else ""))
    if as_json:
        _json(to_dict(rows))
        return
    _table(
        ("source", "relation", "target", "polarity", "modality", "sources", "seen", "evidence"),
        (
            (
                names.get(r.source_actor, r.source_actor),
                r.type,
                names.get(r.target_actor, r.target_actor),
                type_polarity(r.type, r.negated),
                r.modality + (" contested" if r.contested else ""),
                _plural(r.source_count, "source"),
                f"{r.first_seen or '?'}..{r.last_seen or '?'}",
                _short(r.evidence[0].sentence) if r.evidence else "",
            )
            for r in rows
        ),
    )


def _print_grouped(result: Any, as_json: bool) -> None:
    from eventwire.model import to_dict

    if as_json:
        _json(to_dict(result))
        return
    groups = ("supporters", "opponents", "supported", "opposed", "neutral", "uncounted")
    if not any(getattr(result, g) for g in groups):
        raise _nothing(f"no relations of {result.actor}")
    for group in groups:
        for row in getattr(result, group):
            r = row.relation
            flag = " contested" if r.contested else ""
            out.print(
                Text.assemble(
                    (group, "bold"),
                    f" {row.other} {r.type} ({row.polarity}, {r.modality}{flag}, "
                    f"{_plural(r.source_count, 'source')})",
                )
            )
            for ev in (*r.evidence, *r.denied_evidence)[:3]:
                out.print(f"    {ev.article_id}: {_short(ev.sentence, 160)}", markup=False)


@app.command()
def quotes(
    db: DbOption = "eventwire.db",
    speaker: Annotated[
        str | None, typer.Option(metavar="NAME", help="Speaker name (any spelling).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Direct quotes, optionally of one speaker."""
    from eventwire.model import to_dict
    from eventwire.query import find_quotes

    with edge():
        store = _open(settings_for(db=db))
        try:
            rows = find_quotes(store, speaker)
            names = {a.id: a.name for a in store.actors()}
        finally:
            store.close()
    if not rows:
        raise _nothing(f"no quotes of {speaker!r}" if speaker else "no quotes")
    if as_json:
        _json(to_dict(rows))
        return
    for q in rows:
        out.print(
            Text.assemble(
                (names.get(q.speaker or "", "?"), "bold"), f": “{q.text}” ({q.article_id})"
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
                Text.assemble(("error: ", "red"), _one_line(usage()), f" (see {where} --help)")
            )
            sys.exit(int(getattr(exc, "exit_code", 2)))
        if "--debug" in args:
            raise
        # a bug, not a user error: still one line
        err.print(
            Text.assemble(
                ("internal error: ", "red"),
                _one_line(f"{type(exc).__name__}: {exc}"),
                " (run again with --debug for the traceback)",
            )
        )
        sys.exit(EXIT_ERROR)
    sys.exit(code if isinstance(code, int) else 0)
