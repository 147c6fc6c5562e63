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
    engine: Annotated[
        str | None, typer.Option(help="Where articles are parsed: local or ray.")
    ] = None,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address (engine ray); default local Ray.")
    ] = None,
) -> None:
    """Read articles, extract their records, store them and rebuild the picture."""
    from eventwire.pipeline import ingest as run_ingest
    from eventwire.pipeline import refresh

    with edge():
        settings = settings_for(
            db=db, workers=workers, batch_size=batch_size, engine=engine, ray_address=address
        )
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
                refresh(store, settings)
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
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File; default stdout.")
    ] = None,
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
def rebuild(
    db: DbOption = "eventwire.db",
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Compare the stored picture with a fresh resolution; write nothing."
        ),
    ] = False,
) -> None:
    """Recompute actors, events and relations from the stored documents (or check them)."""
    from eventwire.pipeline import check_picture
    from eventwire.pipeline import rebuild as run_rebuild

    with edge():
        settings = settings_for(db=db)
        store = _open(settings)
        try:
            if not check:
                run_rebuild(store, settings)
                return
            result = check_picture(store, settings)
        finally:
            store.close()
    for kind, (stored, fresh, differ) in result.differences.items():
        out.print(f"{kind}: {stored} only stored, {fresh} only in a fresh rebuild, {differ} differ")
    if result.stale:
        out.print("the stored picture is older than the documents or overrides")
    out.print("same as a fresh rebuild" if result.same else "differs from a fresh rebuild")
    if not result.same:
        raise typer.Exit(1)


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


@app.command(name="eval")
def eval_command(
    gold_set: Annotated[str, typer.Argument(metavar="SET", help="Gold set name, or 'all'.")],
    data: Annotated[Path, typer.Option("--data", help="Eval root or one set's folder.")],
    limit: Annotated[
        int | None, typer.Option("--limit", help="Items per set (or per corpus/topic); 0 = all.")
    ] = None,
    as_json: JsonOption = False,
    errors: Annotated[Path | None, typer.Option("--errors", help="Write misses as JSONL.")] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write a Markdown report.")
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
        out.print_json(json.dumps([r.as_dict() for r in results]))
        return
    table = Table("set", "metric", "ours", "n")
    for r in results:
        rows = [(k, m) for k, m in r.metrics.items()]
        rows += [(f"{g}: {k}", m) for g, ms in r.groups.items() for k, m in ms.items()]
        for key, metric in rows:
            value = "-" if metric.value is None else f"{metric.value:.3f}"
            table.add_row(r.name, key, value, str(metric.n))
    out.print(table)


@app.command()
def serve(
    db: DbOption = "eventwire.db",
    host: Annotated[str | None, typer.Option(help="Address to bind (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
    token: Annotated[
        str | None, typer.Option(help="API token enabling POST /api/articles.")
    ] = None,
) -> None:
    """Serve the web UI and REST API over a store (offline; docs at /docs)."""
    from eventwire.api import serve as run_server

    with edge():
        settings = settings_for(db=db, host=host, port=port, api_token=token)
        err.print(f"eventwire: http://{settings.host}:{settings.port}/", highlight=False)
        run_server(settings)


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


actors_app = typer.Typer(no_args_is_help=False, help="Actors: list, explain, merge, split.")
app.add_typer(actors_app, name="actors")


@actors_app.callback(invoke_without_command=True)
def actors(
    ctx: typer.Context,
    db: DbOption = "eventwire.db",
    query: Annotated[str | None, typer.Option("--query", "-q", help="Any spelling.")] = None,
    explain: Annotated[str | None, typer.Option("--explain", help="Why names were joined.")] = None,
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
    if as_json:
        out.print_json(json.dumps([to_dict(a) | {"explanation": why} for a, why in found]))
        return
    if explain:
        for a, why in found:
            out.print(f"[bold]{a.name}[/bold] ({a.type}, {a.country or '-'})", highlight=False)
            for reason in why:
                out.print(f"  - {reason}", highlight=False)
        return
    table = Table("name", "type", "country", "mentions", "articles", "aliases")
    for a, _ in found:
        table.add_row(
            a.name,
            a.type,
            a.country or "-",
            str(a.mention_count),
            str(a.article_count),
            ", ".join(a.aliases),
        )
    out.print(table)


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
        f"{kind} written to {settings.overrides_path}; {len(res.actors)} actors", highlight=False
    )


@actors_app.command("merge")
def actors_merge(
    names: Annotated[list[str], typer.Argument(help="Two or more names.")],
    db: DbOption = "eventwire.db",
) -> None:
    """Record that these names are one actor, then rebuild."""
    _override(db, "merge", *names)


@actors_app.command("split")
def actors_split(
    name: str,
    from_: Annotated[str, typer.Option("--from", help="Actor to split from.")],
    db: DbOption = "eventwire.db",
) -> None:
    """Record that NAME is never the same actor as --from, then rebuild."""
    _override(db, "split", name, from_)


@actors_app.command("rename")
def actors_rename(name: str, to: str, db: DbOption = "eventwire.db") -> None:
    """Give the actor found under NAME the canonical name TO, then rebuild."""
    _override(db, "rename", name, to)


@actors_app.command("retype")
def actors_retype(name: str, kind: str, db: DbOption = "eventwire.db") -> None:
    """Set the type of the actor found under NAME, then rebuild."""
    _override(db, "retype", name, kind)


def _query(db: str, fn: Any, *args: Any) -> Any:
    with edge():
        store = _open(settings_for(db=db))
        try:
            return fn(store, *args), {a.id: a.name for a in store.actors()}
        finally:
            store.close()


@app.command()
def events(
    db: DbOption = "eventwire.db",
    actor: Annotated[str | None, typer.Option(help="Actor name (any spelling).")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    since: Annotated[str | None, typer.Option(help="ISO date, inclusive.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List events, optionally of one actor, type or period."""
    from eventwire.model import to_dict
    from eventwire.query import find_events

    rows, names = _query(db, find_events, actor, type, since)
    if as_json:
        out.print_json(json.dumps(to_dict(rows)))
        return
    table = Table("date", "type", "source", "target", "modality", "sources", "counts")
    for e in rows:
        table.add_row(e.date or "", e.type, names.get(e.source_actor or "", ""),
                      names.get(e.target_actor or "", ""),
                      ("not " if e.negated else "") + e.modality, str(e.source_count),
                      ", ".join(f"{k}={v}" for k, v in e.counts.items()))  # fmt: skip
    out.print(table)


@app.command()
def relations(
    db: DbOption = "eventwire.db",
    actor: Annotated[str, typer.Option(help="Actor name (any spelling).")] = "",
    as_json: JsonOption = False,
) -> None:
    """Supporters and opponents of an actor, with polarity and evidence."""
    from eventwire.model import to_dict
    from eventwire.query import actor_relations

    result, _ = _query(db, actor_relations, actor)
    if as_json:
        out.print_json(json.dumps(to_dict(result)))
        return
    for group in ("supporters", "opponents", "supported", "opposed", "neutral", "uncounted"):
        for row in getattr(result, group):
            r = row.relation
            flag = " contested" if r.contested else ""
            out.print(f"[bold]{group}[/bold] {row.other} {r.type} ({row.polarity}, {r.modality}"
                      f"{flag}, {r.source_count} sources)", highlight=False)  # fmt: skip
            for ev in (*r.evidence, *r.denied_evidence)[:3]:
                out.print(f"    {ev.article_id}: {ev.sentence.strip()[:160]}", highlight=False)


@app.command()
def quotes(
    db: DbOption = "eventwire.db",
    speaker: Annotated[str | None, typer.Option(help="Speaker name (any spelling).")] = None,
) -> None:
    """Direct quotes, optionally of one speaker."""
    from eventwire.query import find_quotes

    rows, names = _query(db, find_quotes, speaker)
    for q in rows:
        out.print(f"[bold]{names.get(q.speaker or '', '?')}[/bold]: “{q.text}” ({q.article_id})",
                  highlight=False)  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    app(args=argv)
