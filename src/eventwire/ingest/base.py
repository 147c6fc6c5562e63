"""Finding files, checking them, choosing a reader, and building articles."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.errors import IngestError, UnsupportedFormat
from eventwire.ingest.decoding import Decoded, decode_bytes
from eventwire.ingest.pubdate import PubDate, find_publication_date
from eventwire.model import Article
from eventwire.registry import Component, readers

_BUILTIN = (
    "eventwire.ingest.text",
    "eventwire.ingest.html",
    "eventwire.ingest.jsonl",
    "eventwire.ingest.warc",
    "eventwire.ingest.feeds",
)

ReadResult = Iterator[Article | IngestError]


def _load_builtin() -> None:
    import importlib

    for name in _BUILTIN:
        importlib.import_module(name)


def reader_for(path: Path, head: bytes = b"") -> Component:
    """The reader for ``path``, by suffix, sniffing ``.xml`` files for feeds."""
    _load_builtin()
    name = path.name.lower()
    best: tuple[int, Component] | None = None
    for comp in readers:
        for suffix in comp.meta.get("suffixes", ()):
            if name.endswith(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), comp)
    if best is not None:
        return best[1]
    sniff = head[:2048].lstrip().lower()
    is_xml = sniff.startswith((b"<?xml", b"<rss", b"<feed"))
    if is_xml and any(tag in sniff for tag in (b"<rss", b"<feed", b"<rdf")):
        return readers.get("feed")
    raise UnsupportedFormat(str(path), f"no reader for files named like {path.name!r}")


def reader_formats() -> list[tuple[str, tuple[str, ...]]]:
    """(format name, file suffixes) of every registered reader, for help texts."""
    _load_builtin()
    return [
        (c.name, (*c.meta.get("suffixes", ()), *([c.meta["sniffs"]] if "sniffs" in c.meta else [])))
        for c in readers
    ]


def iter_files(paths: Sequence[str | Path]) -> Iterator[Path | IngestError]:
    """Files under ``paths`` in sorted order; hidden files are skipped, problems reported."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, (_identity(path),))
        elif path.exists():
            yield path
        elif path.is_symlink():
            yield IngestError(str(path), _bad_link(path))
        else:
            yield IngestError(str(path), "no such file or directory")


def _identity(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino


def _bad_link(path: Path) -> str:
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
    return f"broken symbolic link (to {os.readlink(path)})"


def _walk(folder: Path, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Path | IngestError]:
    """Depth-first walk following symbolic links, reporting the ones that loop."""
    try:
        children = sorted(folder.iterdir())
    except OSError as exc:
        yield IngestError(str(folder), f"cannot list folder ({exc.strerror or exc})")
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if not child.exists():  # a link to nothing, or to itself
            yield IngestError(str(child), _bad_link(child))
        elif child.is_dir():
            key = _identity(child)
            if key in ancestors:
                yield IngestError(
                    str(child), "symbolic link loop (leads back to a folder being read)"
                )
            else:
                yield from _walk(child, (*ancestors, key))
        elif child.is_file():
            yield child


def count_files(paths: Sequence[str | Path]) -> int:
    """How many files :func:`read_sources` will read (for a progress total)."""
    return sum(1 for item in iter_files(paths) if isinstance(item, Path))


def read_sources(
    paths: Sequence[str | Path],
    settings: Settings,
    on_file: Callable[[Path], None] | None = None,
) -> ReadResult:
    """Articles (or errors naming the file) from every file under ``paths``.

    ``on_file`` is called after each file has been read (for progress)."""
    for item in iter_files(paths):
        if isinstance(item, IngestError):
            yield item
            continue
        yield from read_file(item, settings)
        if on_file is not None:
            on_file(item)


def read_file(path: Path, settings: Settings) -> ReadResult:
    """Articles from one file; problems come back as IngestError, never raised."""
    try:
        size = path.stat().st_size
        if size == 0:
            raise IngestError(str(path), "file is empty")
        if size > settings.max_file_bytes:
            raise IngestError(
                str(path), f"file is {size} bytes, over the limit of {settings.max_file_bytes}"
            )
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IngestError(str(path), f"cannot read file ({exc.strerror or exc})") from exc
        reader = reader_for(path, data)
        yield from reader.obj(path, data, settings)
    except IngestError as exc:
        yield exc


def decode_text(path: Path, data: bytes) -> Decoded:
    """Text of a file and the encoding it was read in (see :mod:`eventwire.ingest.decoding`)."""
    return decode_bytes(str(path), data)


def normalise_text(text: str) -> str:
    """Article text as stored: NFC, unix newlines, trailing spaces and blank runs removed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def article_id(text: str) -> str:
    """Stable id from normalised content: the same article read twice gets the same id."""
    # runs of whitespace as one space, ends stripped (``re.sub(r"\s+", " ", ...).strip()``:
    # both split on the same characters, this without a regular expression)
    canonical = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
    return "art_" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def guess_title(text: str) -> str | None:
    """The first short line of a text that reads like a headline (three words or more)."""
    for line in [ln.strip() for ln in text.split("\n") if ln.strip()][:6]:
        words = re.findall(r"[^\W\d_]{2,}", line)
        if len(words) >= 3 and len(line) <= 200 and not line.endswith((".", ":")):
            return line
    return None


def make_article(
    *,
    path: Path,
    text: str,
    settings: Settings,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: PubDate | None = None,
    metadata: dict[str, Any] | None = None,
    encoding: str | None = None,
) -> Article:
    """Check and normalise one article's fields; the publication date falls back to the text."""
    text = normalise_text(text)
    if not text:
        raise IngestError(source or str(path), "no article text")
    if len(text) > settings.max_article_chars:
        raise IngestError(
            source or str(path),
            f"article has {len(text)} characters, over the limit of {settings.max_article_chars}",
        )
    if title is None:
        title = guess_title(text)
    if published is None or published.value is None:
        published = find_publication_date(text, outlet=outlet, settings=settings)
    return Article(
        id=article_id(text),
        text=text,
        title=(title or None) and title.strip(),
        outlet=outlet or None,
        url=url or None,
        source=source or str(path),
        published=published.value,
        published_precision=published.precision,
        published_ambiguous=published.ambiguous,
        metadata={**(metadata or {}), **({"encoding": encoding} if encoding else {})},
    )
