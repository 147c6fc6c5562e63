"""Gold readers and metrics behind ``eventwire eval``.

:func:`run` finds each requested gold set under a data folder, runs the real
pipeline on its texts and returns one :class:`SetResult` per set;
:func:`write_errors` and :func:`eventwire.evaluate.report.write_report` turn the
results into JSONL misses and a Markdown table. Gold sets register in
:data:`gold_sets` like any other component, so a new set plugs in without
editing this module.
"""

from __future__ import annotations

import importlib
import json
import time
from collections.abc import Callable, Collection, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.errors import EvalError
from eventwire.evaluate.base import (
    DEFAULT_SPLIT,
    SPLITS,
    EvalContext,
    Miss,
    SetResult,
    find_folder,
    gold_sets,
    split_of,
)
from eventwire.evaluate.metrics import Metric

__all__ = [
    "SET_NAMES",
    "SPLITS",
    "EvalContext",
    "Metric",
    "Miss",
    "SetResult",
    "gold_sets",
    "check_errors_split",
    "run",
    "run_with_dev",
    "split_of",
    "write_errors",
]

SET_NAMES = (
    "plover",
    "acled",
    "geoparsing",
    "tempeval",
    "timeline17",
    "case2021",
    "muc4",
    "india-police",
    "petrarch2",
    "conflict-gold",
    "written-gold",
)
_MODULES = {name: "eventwire.evaluate.sets." + name.replace("-", "_") for name in SET_NAMES}


def load_builtin() -> None:
    for module in _MODULES.values():
        importlib.import_module(module)


def available(data: Path | None) -> list[str]:
    """Names of the registered gold sets present under ``data`` or shipped with eventwire."""
    load_builtin()
    return [c.name for c in gold_sets if _folder(c.name, data) is not None]


def _folder(name: str, data: Path | None) -> Path | None:
    """The set's folder under ``data``, else the copy a set ships (meta ``bundled``)."""
    comp = gold_sets.get(name)
    found = find_folder(data, comp.meta["folder"], comp.meta["marker"]) if data else None
    bundled = comp.meta.get("bundled")
    return found or (Path(bundled) if bundled else None)


def run(
    name: str,
    data: str | Path | None,
    settings: Settings,
    *,
    limit: int | None = None,
    split: str = DEFAULT_SPLIT,
    progress: Callable[[str], None] | None = None,
    meter: Callable[[str, int], AbstractContextManager[Any]] | None = None,
    groups: Collection[str] | None = None,
    skip_groups: Collection[str] = (),
) -> list[SetResult]:
    """Evaluate one gold set (or ``all`` present under ``data``) with the real pipeline.

    ``limit`` overrides each set's default sample (0 = every item); ``split`` picks the
    fixed half of each set's items (``dev``, ``test`` or ``all``, see :func:`split_of`).
    Without ``data`` only the sets eventwire ships (``written-gold``) are found.
    ``groups`` and ``skip_groups`` choose written-gold's article groups (other sets have
    none and ignore them)."""
    load_builtin()
    if split not in SPLITS:
        raise EvalError(f"unknown split {split!r} (known: {', '.join(SPLITS)})")
    data = Path(data) if data is not None else None
    if data is not None and not data.is_dir():
        raise EvalError(f"{data}: no such directory")
    names: Sequence[str]
    if name == "all":
        names = available(data)
        if not names:
            where = data if data is not None else "eventwire"
            raise EvalError(f"{where}: no gold set found (expected folders like plover_gsr_cameo)")
    else:
        if name not in gold_sets:
            known = ", ".join([*gold_sets.names(), "all"])
            raise EvalError(f"unknown gold set {name!r} (known: {known})")
        names = [name]
    ctx = EvalContext(
        settings=settings,
        limit=limit,
        split=split,
        meter=meter,
        groups=frozenset(groups) if groups is not None else None,
        skip_groups=frozenset(skip_groups),
    )
    results = []
    for set_name in names:
        folder = _folder(set_name, data)
        if folder is None and data is None:
            raise EvalError(f"gold set {set_name!r} is not shipped with eventwire: give --data DIR")
        if folder is None:
            comp = gold_sets.get(set_name)
            raise EvalError(
                f"{data}: gold set {set_name!r} not found "
                f"(looked for {comp.meta['marker']} here and in {comp.meta['folder']}/)"
            )
        if progress:
            progress(set_name)
        started = time.perf_counter()
        result: SetResult = gold_sets.get(set_name).obj(folder, ctx)
        result.seconds = time.perf_counter() - started
        result.split = split
        results.append(result)
    return results


def run_with_dev(
    name: str,
    data: str | Path | None,
    settings: Settings,
    *,
    limit: int | None = None,
    split: str = DEFAULT_SPLIT,
    dev_too: bool = False,
    progress: Callable[[str, str], None] | None = None,
    meter: Callable[[str, int], AbstractContextManager[Any]] | None = None,
    groups: Collection[str] | None = None,
    skip_groups: Collection[str] = (),
) -> tuple[list[SetResult], list[SetResult]]:
    """:func:`run` on ``split``, and with ``dev_too`` on the dev split as well (a report
    shows the test figures with dev beside them); the second list is empty otherwise."""

    def told(half: str) -> Callable[[str], None] | None:
        return (lambda set_name: progress(set_name, half)) if progress else None

    def run_half(half: str) -> list[SetResult]:
        return run(
            name,
            data,
            settings,
            limit=limit,
            split=half,
            progress=told(half),
            meter=meter,
            groups=groups,
            skip_groups=skip_groups,
        )

    results = run_half(split)
    beside: list[SetResult] = []
    if dev_too and split != "dev":
        beside = run_half("dev")
    return results, beside


def check_errors_split(split: str) -> None:
    """Misses are read on the dev split only: refuse ``test`` before any work is done."""
    if split == "test":
        raise EvalError("--errors reads misses on the dev split only: add --split dev")


def write_errors(results: Sequence[SetResult], path: str | Path) -> int:
    """Write every miss as one JSON line (gold vs ours, with the sentence); returns the count.

    Misses are read on the dev split only: rules developed by reading test errors would
    make the reported (test) figures a measure of the fitting, so test results are refused.
    """
    if any(r.split == "test" for r in results):
        check_errors_split("test")
    n = 0
    try:
        with Path(path).open("w", encoding="utf-8") as fh:
            for result in results:
                for miss in result.misses:
                    fh.write(json.dumps(miss.as_dict(), ensure_ascii=False, default=str) + "\n")
                    n += 1
    except OSError as exc:
        raise EvalError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return n
