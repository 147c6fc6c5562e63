"""What the command line prints: consoles, tables, progress, one-line errors, exit statuses.

Output is for people on a terminal (tables, progress bars) and for programs otherwise:
when standard output is not a terminal, tables become tab-separated lines and nothing is
wrapped. Data is always printed as text, never read as markup.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
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

from eventwire.errors import EventwireError, NotFound

EXIT_ERROR = 1
EXIT_NOTHING = 3

out = Console(soft_wrap=True, highlight=False, emoji=False)
err = Console(stderr=True, soft_wrap=True, highlight=False, emoji=False)


def one_line(message: str) -> str:
    return " ".join(message.split())


def fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    err.print(Text.assemble(("error: ", "red"), one_line(message)))
    return typer.Exit(code)


@contextmanager
def edge() -> Iterator[None]:
    """Turn errors into one line on stderr and an exit status (3 when nothing matches)."""
    try:
        yield
    except NotFound as exc:
        raise fail(f"nothing matches: {exc}", EXIT_NOTHING) from None
    except EventwireError as exc:
        raise fail(str(exc)) from None
    except BrokenPipeError:
        raise  # the reader went away (`| head`): click ends quietly, no error line
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        raise fail(f"{where}{exc.strerror or exc}") from None


def nothing(what: str) -> typer.Exit:
    err.print(f"nothing matches: {what}", markup=False)
    return typer.Exit(EXIT_NOTHING)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def cell(value: object) -> str:
    return "" if value is None else str(value)


FREE_TEXT = {"evidence", "aliases"}


def table(columns: Sequence[str], rows: Iterable[Sequence[object]], title: str = "") -> int:
    """Rows as a table on a terminal, as tab-separated lines otherwise; returns the count."""
    rows = list(rows)
    if not rows:
        return 0
    if out.is_terminal:
        # free text is shortened (…) so that it never squeezes the other columns
        table = Table(title=title or None)
        for name in columns:
            if name in FREE_TEXT:
                table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=32)
            else:
                table.add_column(name)
        for row in rows:
            table.add_row(*(Text(cell(v)) for v in row))  # Text: data is never markup
        out.print(table)
    else:
        typer.echo("\t".join(columns))
        for row in rows:
            typer.echo("\t".join(" ".join(cell(v).split()) for v in row))
    return len(rows)


def print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


class Rate(ProgressColumn):
    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} {self.unit}/s" if task.speed else "")


class Meter:
    """A progress bar with total and rate on a terminal; a one-line log otherwise."""

    EVERY = 10.0  # seconds between log lines when not on a terminal

    def __init__(self, label: str, total: int | None, unit: str, show: bool = True) -> None:
        self.label, self.total, self.unit, self.show = label, total, unit, show
        self.done = self.logged = 0
        self.start = self.last = time.monotonic()
        self.bar: Progress | None = None

    def __enter__(self) -> Meter:
        if self.show and err.is_terminal:
            self.bar = Progress(
                TextColumn(f"[bold]{self.label}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn(self.unit),
                Rate(self.unit),
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
        elif self.show and time.monotonic() - self.last >= self.EVERY:
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
        elif self.show and self.done != self.logged and time.monotonic() - self.start >= self.EVERY:
            self._log()  # the final count, unless just logged


def program() -> str:
    """How to run eventwire again from here: its name if on the PATH, else the path used."""
    invoked = sys.argv[0] if sys.argv and sys.argv[0] else "eventwire"
    found = shutil.which("eventwire")
    if found and Path(found).resolve() == Path(invoked).resolve():
        return "eventwire"
    if Path(invoked).name == "eventwire" and Path(invoked).exists():
        return invoked
    return "eventwire"


def short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
