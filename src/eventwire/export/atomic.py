"""Atomic output: write beside the target, rename over it only when the writer succeeded.

A failed export (an error, an interrupt) leaves an existing file or folder as it was and
no partial file behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from eventwire.errors import ExportError


def _check_folder(target: Path) -> Path:
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"{target}: folder {folder} does not exist")
    return folder


@contextmanager
def atomic_file(target: Path) -> Iterator[TextIO]:
    """A text file open for writing that becomes ``target`` when the block ends well."""
    if target.is_dir():
        raise ExportError(f"{target}: is a folder, not a file")
    folder = _check_folder(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    try:
        # newline="" keeps the CSV writer's line endings and our "\n" as written
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """An empty folder to fill that replaces ``target`` (a folder or nothing) at the end."""
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target}: is a file; this format writes a folder")
    parent = _check_folder(target)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=parent))
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    try:
        yield tmp
        old = None
        if target.exists():
            # a folder cannot be renamed over a non-empty one: move the old one aside first
            old = parent / f".{target.name}.old"
            shutil.rmtree(old, ignore_errors=True)
            os.replace(target, old)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
