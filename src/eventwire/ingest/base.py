"""Finding files, checking them, choosing a reader, and building articles."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.errors import IngestError, UnsupportedFormat
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


def iter_files(paths: Sequence[str | Path]) -> Iterator[Path | IngestError]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield child
        elif path.exists():
            yield path
        else:
            yield IngestError(str(path), "no such file or directory")


def read_sources(paths: Sequence[str | Path], settings: Settings) -> ReadResult:
    """Articles (or errors naming the file) from every file under ``paths``."""
    for item in iter_files(paths):
        if isinstance(item, IngestError):
            yield item
            continue
        yield from read_file(item, settings)


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


def decode_text(path: Path, data: bytes, *, allow_binary: bool = False) -> str:
    """UTF-8 text of a file, or an IngestError saying why it is not text."""
    if not allow_binary and b"\x00" in data[:8192]:
        raise IngestError(str(path), "file looks binary (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            str(path), f"not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r})"
        ) from exc
    return text


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
    canonical = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()
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
        metadata=metadata or {},
    )
