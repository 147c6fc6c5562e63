"""The ``gazetteer`` group: GeoNames dumps imported into the user's gazetteer, and what
it holds."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli_options import JsonOption, settings_for
from eventwire.console import edge, err, out, print_json
from eventwire.knowledge.gazetteer_info import gazetteer_info as gazetteer_summary

gazetteer_app = typer.Typer(no_args_is_help=True, help="Gazetteer: import GeoNames dumps, info.")


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
