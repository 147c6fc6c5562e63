"""The ``eval`` command: the pipeline scored on gold sets, as a table, JSON, a Markdown
report or a file of misses."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli_options import JsonOption, settings_for
from eventwire.console import Meter, edge, err, print_json, table

commands = typer.Typer()


@commands.command(name="eval")
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
    groups: Annotated[
        str | None,
        typer.Option(
            "--groups",
            metavar="G,G",
            help="written-gold: score only these article groups of the split (e.g. one batch).",
        ),
    ] = None,
    skip_groups: Annotated[
        str | None,
        typer.Option(
            "--skip-groups",
            metavar="G,G",
            help="written-gold: leave these article groups out (a hold-out batch).",
        ),
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
        keep = _group_list(groups) if groups is not None else None
        skip = _group_list(skip_groups) if skip_groups is not None else []
        results, beside = evaluate.run_with_dev(
            gold_set,
            data,
            settings_for(),
            limit=limit,
            split=split,
            dev_too=report is not None,
            progress=lambda name, half: err.print(f"evaluating {name} ({half})", highlight=False),
            meter=lambda label, total: Meter(label, total, "texts"),
            groups=keep,
            skip_groups=skip,
        )
        if errors is not None:
            n = evaluate.write_errors(results, errors)
            err.print(f"wrote {n} misses to {errors}", highlight=False)
        if report is not None:
            # What reproduces the figures; never the --errors/--report paths of this machine.
            where = f" --data {data}" if data is not None else ""
            command = f"eventwire eval {gold_set}{where} --split {split}"
            command += f" --limit {limit}" if limit is not None else ""
            command += f" --groups {','.join(keep)}" if keep is not None else ""
            command += f" --skip-groups {','.join(skip)}" if skip else ""
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


def _group_list(value: str) -> list[str]:
    """``A, B,C`` -> ``["A", "B", "C"]`` (written-gold's article group names)."""
    return [g.strip() for g in value.split(",") if g.strip()]
