"""The Markdown quality report: our figures per gold set, next to published anchors."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from eventwire.errors import EvalError
from eventwire.evaluate.base import Anchor, SetResult, gold_sets
from eventwire.evaluate.metrics import Metric


def git_commit(cwd: Path | None = None) -> str:
    """Short commit of the working tree (with ``+dirty`` when files changed), or ``unknown``."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def _fmt(metric: Metric) -> str:
    if metric.value is None:
        return "—"
    return f"{metric.value:.1f}" if metric.value > 1 else f"{metric.value:.3f}"


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _dev_cell(beside: dict[str, SetResult], name: str, group: str | None, key: str) -> str:
    other = beside.get(name)
    if other is None:
        return ""
    metric = (other.groups.get(group, {}) if group else other.metrics).get(key)
    return _fmt(metric) + f" ({metric.n})" if metric else ""


def render(
    results: Sequence[SetResult],
    *,
    command: str,
    commit: str,
    day: str,
    beside: Sequence[SetResult] = (),
) -> str:
    """The report of ``results``; ``beside`` (the dev split) adds a column next to ours."""
    dev = {r.name: r for r in beside}
    split = results[0].split if results else "all"
    lines = [
        "# eventwire quality on public gold sets",
        "",
        f"Generated {day} at commit `{commit}` by `{command}`.",
        "Every figure below was computed by the real pipeline (spaCy parse, extraction,",
        "resolution, in-memory store) on the gold texts; nothing is copied from elsewhere.",
        "Anchors are published figures or our own goals, shown for orientation: most come from",
        "other settings (trained systems, other samples) and are not directly comparable.",
        "A dash means the figure could not be computed (the note says why).",
        "See [evaluation.md](evaluation.md) for the sets, metrics, sampling and the fixed",
        f"dev/test split of each set. `ours` is the **{split}** split"
        + (
            "; `dev` (with its n) is the half rules are developed on, shown beside it."
            if dev
            else "."
        ),
        "",
        "## Summary",
        "",
        "| set | metric | ours | n | dev | anchor |"
        if dev
        else "| set | metric | ours | n | anchor |",
        "|---|---|---|---|---|---|" if dev else "|---|---|---|---|---|",
    ]

    def row(name: str, group: str | None, key: str, metric: Metric, last: str) -> str:
        label = f"{group}: {key}" if group else key
        cells = [name, label, _fmt(metric), str(metric.n)]
        if dev:
            cells.append(_dev_cell(dev, name, group, key))
        return "| " + " | ".join([*cells, _cell(last)]) + " |"

    for r in results:
        anchors = _anchors(r.name)
        for key, metric in r.metrics.items():
            anchor = "; ".join(f"{a.value} ({a.source})" for a in anchors if a.metric == key)
            lines.append(row(r.name, None, key, metric, anchor))
        for group, metrics in r.groups.items():
            for key, metric in metrics.items():
                if key in r.metrics:
                    continue
                anchor = "; ".join(f"{a.value} ({a.source})" for a in anchors if a.metric == key)
                lines.append(row(r.name, group, key, metric, anchor))
    for r in results:
        comp = gold_sets.get(r.name)
        lines += ["", f"## {r.name}: {comp.meta.get('title', r.name)}", ""]
        lines.append(
            f"{r.items} gold items, {r.articles} texts through the pipeline, {r.seconds:.0f} s."
        )
        lines.append(f"Split: {r.split}. Sample: {r.sample or 'every item'}.")
        for note in r.notes:
            lines.append(f"Note: {note}.")
        if dev:
            lines += ["", "| set | metric | ours | n | dev | note |", "|---|---|---|---|---|---|"]
        else:
            lines += ["", "| set | metric | ours | n | note |", "|---|---|---|---|---|"]
        for key, metric in r.metrics.items():
            lines.append(row(r.name, None, key, metric, metric.note or ""))
        for group, metrics in r.groups.items():
            for key, metric in metrics.items():
                lines.append(row(r.name, group, key, metric, metric.note or ""))
        anchors = _anchors(r.name)
        if anchors:
            lines += ["", "Anchors:"]
            lines += [f"- {a.metric}: {a.value} — {a.source}" for a in anchors]
    return "\n".join(lines) + "\n"


def _anchors(name: str) -> tuple[Anchor, ...]:
    return tuple(gold_sets.get(name).meta.get("anchors", ()))


def write_report(
    results: Sequence[SetResult],
    path: str | Path,
    *,
    command: str,
    commit: str | None = None,
    beside: Sequence[SetResult] = (),
) -> None:
    """Write the Markdown report for ``results`` (and ``beside``, the dev split) to ``path``."""
    text = render(
        results,
        command=command,
        commit=commit or git_commit(Path(path).resolve().parent),
        day=date.today().isoformat(),
        beside=beside,
    )
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"{path}: cannot write ({exc.strerror or exc})") from exc
