"""The ``actors`` group: the actor list and its explanations, the KB file written from it,
and the overrides a user records (merge, split, rename, retype)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli_options import DbOption, JsonOption, open_db, settings_for
from eventwire.console import edge, err, nothing, out, plural, print_json, table
from eventwire.knowledge.kb import load_kb
from eventwire.knowledge.kb_export import write_kb_file
from eventwire.model import to_dict
from eventwire.resolve.actors import explain_actors

actors_app = typer.Typer(
    no_args_is_help=False, help="Actors: list, explain, merge, split.", rich_markup_mode=None
)


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
        store = open_db(settings_for(db=db))
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
        store = open_db(settings)
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
        store = open_db(settings)
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
