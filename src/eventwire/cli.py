"""Command line: every command parses its arguments and calls one library function.

Output is for people on a terminal (tables, progress bars) and for programs otherwise:
when standard output is not a terminal, tables become tab-separated lines and nothing is
wrapped; ``--json`` gives JSON. Errors are one line on standard error. Exit status: 0
done, 1 error (or an input that could not be read), 2 bad usage, 3 nothing matches.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
import typer.main
from rich.text import Text

from eventwire import (
    __version__,
    cli_actors,
    cli_eval,
    cli_gazetteer,
    cli_incidents,
    cli_listings,
    cli_serve,
    cli_store,
)
from eventwire.console import EXIT_ERROR, err, one_line

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


# Each subject's commands live in a module of their own; they are added here in the order
# `eventwire --help` lists them.
app.add_typer(cli_store.commands)
app.add_typer(cli_eval.commands)
app.add_typer(cli_serve.commands)
app.add_typer(cli_listings.commands)
app.add_typer(cli_actors.actors_app, name="actors")
app.add_typer(cli_incidents.incidents_app, name="incidents")
app.add_typer(cli_gazetteer.gazetteer_app, name="gazetteer")


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
