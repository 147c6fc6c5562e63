"""A corpus of bad inputs beside good ones, written by us: every good article is stored
exactly once, every problem is one line naming its file, the exit status is non-zero,
and nothing already stored changes."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.ingest.warc import gzip_complete
from eventwire.store.sqlite import SQLiteStore

runner = CliRunner()

CP1252 = "Rebels said \u201cthe port is ours\u201d \u2014 a claim the army denied on Tuesday.\n"
LATIN1 = "Le ministre a d\u00e9clar\u00e9 que la r\u00e9gion \u00e9tait s\u00fbre apr\u00e8s les combats.\n"
UTF16 = "Forces advanced on the coastal road on Monday, residents said.\n"


def _page(title: str, body: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p><p>{body} Officials gave no figures for the wounded.</p>"
        "</article></body></html>"
    ).encode()


def _warc_gz(records: list[tuple[str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for uri, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return buf.getvalue()


FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Coast Courier</title>
<item><title>Checkpoint reopens</title><link>https://courier.example.org/1</link>
<description>The checkpoint on the western road reopened after three days, drivers said.</description></item>
<item><title>Talks in the capital</title><link>https://courier.example.org/2</link>
<description>Delegates from both camps met in the capital for a second round of talks.</description></item>
<item><title>Power cut</title><link>https://courier.example.org/3</link>
<description>Large parts of the city lost po"""

JSONL = (
    b'{"text": "Aid trucks crossed the border at dawn, the agency said.", "title": "Aid"}\n'
    b'{"text": "this line breaks off\n'
    b'{"text": "   ", "title": "Empty"}\n'
)


def write_corpus(folder: Path) -> dict[str, str]:
    """Files of the corpus; returns the problem expected for each bad one (by file name)."""
    folder.mkdir()
    (folder / "good.txt").write_text("Militias withdrew from the airport road, witnesses said.\n")
    (folder / "cp1252.txt").write_bytes(CP1252.encode("cp1252"))
    (folder / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (folder / "utf16.txt").write_bytes(UTF16.encode("utf-16"))  # with its byte-order mark
    (folder / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "huge.txt").write_text("Shelling resumed overnight. " * 5000)
    whole = _warc_gz(
        [
            (
                "https://gazette.example.org/a",
                _page("Port closed", "The port closed after shelling."),
            ),
            (
                "https://gazette.example.org/b",
                _page("Truce holds", "The truce held for a second day."),
            ),
            (
                "https://gazette.example.org/c",
                _page("Convoy hit", "A convoy was hit near the bridge."),
            ),
        ]
    )
    (folder / "crawl.warc.gz").write_bytes(whole[: len(whole) - 200])  # cut inside record c
    (folder / "feed.rss").write_bytes(FEED)
    (folder / "wire.jsonl").write_bytes(JSONL)
    (folder / "sub").mkdir()
    (folder / "sub" / "back-up").symlink_to(folder, target_is_directory=True)
    (folder / "self.txt").symlink_to(folder / "self.txt")
    return {
        "binary.html": "binary",
        "empty.txt": "file is empty",
        "huge.txt": "over the limit",
        "crawl.warc.gz": "truncated",
        "feed.rss": "malformed feed",
        "wire.jsonl:2": "malformed JSON",
        "wire.jsonl:3": "'text' is empty",
        "back-up": "symbolic link loop",
        "self.txt": "symbolic link loop",
    }


GOOD = 4 + 2 + 2 + 1  # text files, complete WARC records, complete feed entries, JSONL line


@pytest.fixture
def blank_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_MODEL", "blank")
    monkeypatch.setenv("EVENTWIRE_MAX_FILE_BYTES", "100000")


def _articles(db: Path) -> dict[str, tuple]:
    with SQLiteStore(db) as store:
        return {a.id: (a.text, a.source, a.metadata) for a in store.iter_articles()}


def test_bad_inputs_are_each_one_line_and_good_ones_stored_once(
    tmp_path: Path, blank_model: None
) -> None:
    db = tmp_path / "store.db"
    before = tmp_path / "before.txt"
    before.write_text("A ferry left the harbour with evacuees on Sunday, officials said.\n")
    assert runner.invoke(app, ["ingest", str(before), "--db", str(db)]).exit_code == 0
    stored_before = _articles(db)

    expected = write_corpus(tmp_path / "corpus")
    result = runner.invoke(app, ["ingest", str(tmp_path / "corpus"), "--db", str(db)])
    assert result.exit_code == 1
    failures = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    assert len(failures) == len(expected), result.output
    for name, problem in expected.items():
        assert sum(name in line and problem in line for line in failures) == 1, (name, failures)

    after = _articles(db)
    assert {k: after[k] for k in stored_before} == stored_before  # nothing stored changed
    new = {k: v for k, v in after.items() if k not in stored_before}
    assert len(new) == GOOD
    texts = {text for text, _, _ in new.values()}
    assert {CP1252.strip(), LATIN1.strip(), UTF16.strip()} <= texts
    encodings = {Path(src).name: meta.get("encoding") for _, src, meta in new.values() if src}
    assert encodings["cp1252.txt"] == "cp1252" and encodings["utf16.txt"] == "utf-16-le"
    assert encodings["latin1.txt"] == "cp1252"  # windows-1252 reads Latin-1 as a superset
    assert encodings["good.txt"] == "utf-8"

    again = runner.invoke(app, ["ingest", str(tmp_path / "corpus"), "--db", str(db)])
    assert f"ingested 0, skipped as duplicate {GOOD}" in again.output
    assert _articles(db) == after


def test_gzip_completeness(tmp_path: Path) -> None:
    whole = gzip.compress(b"one member") + gzip.compress(b"another")
    assert gzip_complete(whole)
    assert not gzip_complete(whole[:-4])  # trailer cut
    assert not gzip_complete(whole[:15])


def test_a_plain_warc_cut_short_keeps_the_complete_records(tmp_path: Path) -> None:
    from eventwire.config import Settings
    from eventwire.errors import IngestError
    from eventwire.ingest import read_sources

    data = gzip.decompress(
        _warc_gz(
            [
                (
                    "https://gazette.example.org/a",
                    _page("Port closed", "The port closed after shelling."),
                ),
                (
                    "https://gazette.example.org/b",
                    _page("Truce holds", "The truce held for a second day."),
                ),
            ]
        )
    )
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[:-120])
    items = list(read_sources([path], Settings()))
    articles = [i for i in items if not isinstance(i, IngestError)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [a.source for a in articles] == ["https://gazette.example.org/a"]
    assert (
        len(errors) == 1
        and "truncated" in str(errors[0])
        and "gazette.example.org/b" in str(errors[0])
    )


def test_a_broken_link_is_reported(tmp_path: Path) -> None:
    from eventwire.config import Settings
    from eventwire.ingest import read_sources

    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (error,) = list(read_sources([tmp_path], Settings()))
    assert "broken symbolic link" in str(error) and "gone.txt" in str(error)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_to_a_sibling_folder_is_read_not_a_loop(tmp_path: Path) -> None:
    from eventwire.config import Settings
    from eventwire.ingest import read_sources

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Fighting resumed near the airport on Friday.\n")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "to-a").symlink_to(tmp_path / "a", target_is_directory=True)
    items = list(read_sources([tmp_path], Settings()))
    assert len(items) == 2 and not any(isinstance(i, Exception) for i in items)
