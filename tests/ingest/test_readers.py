"""Each reader on a tiny input we wrote, and bad input of every kind."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import IngestError
from eventwire.ingest import read_sources
from eventwire.ingest.base import article_id
from eventwire.model import Article


def read(
    paths: list[Path], settings: Settings | None = None
) -> tuple[list[Article], list[IngestError]]:
    items = list(read_sources(paths, settings or Settings()))
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, IngestError)],
    )


def test_text_file_with_weekday_header(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Convoy reaches the coast\n\nSunday 11/12/2016\nTRIPOLI - A convoy arrived.\n")
    (article,), errors = read([f])
    assert not errors
    assert article.title == "Convoy reaches the coast"
    assert article.published == "2016-12-11" and article.published_precision == "day"
    assert article.source == str(f)
    assert article.id == article_id(article.text)


def test_undated_text_has_no_date(tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_text(
        "Militias clashed again near the airport, witnesses said. Talks were held in 2012."
    )
    (article,), _ = read([f])
    assert article.published is None and article.published_precision is None


def test_html_uses_trafilatura_and_htmldate(data_dir: Path) -> None:
    (article,), errors = read([data_dir / "article.html"])
    assert not errors
    assert article.title == "Fighting resumes south of the capital"
    assert article.outlet == "Harbour Gazette"
    assert article.published == "2019-04-09"
    assert "at least 35 people had been killed" in article.text
    assert "Privacy" not in article.text and "Sport" not in article.text


def test_jsonl_reads_fields_keeps_metadata_and_reports_bad_lines(data_dir: Path) -> None:
    articles, errors = read([data_dir / "articles.jsonl"])
    assert [a.title for a in articles] == ["Curfew extended", "Aid convoy arrives", "Port reopens"]
    first, second, third = articles
    assert first.published == "2017-03-05" and first.url == "https://wire.example.net/1"
    assert first.outlet == "Test Wire" and first.metadata == {
        "section": "world",
        "encoding": "utf-8",
    }
    assert (second.published, second.published_precision) == ("2016-09", "month")
    assert third.published is None
    assert len(errors) == 2
    assert any("articles.jsonl:3" in str(e) and "malformed JSON" in str(e) for e in errors)
    assert any("articles.jsonl:4" in str(e) and "no 'text'" in str(e) for e in errors)


def test_rss_entries_become_articles(data_dir: Path) -> None:
    articles, errors = read([data_dir / "feed.rss"])
    assert not errors
    assert [a.published for a in articles] == ["2020-01-14", "2020-01-15"]
    assert articles[0].outlet == "Desert Dispatch"
    assert articles[0].url == "https://dispatch.example.com/talks-adjourned"
    assert "<p>" not in articles[0].text and "ceasefire" in articles[0].text


def _warc(tmp_path: Path, html: bytes, gz: bool) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)  # per-record gzip, as WARC requires
    for uri, ctype, body in (
        ("https://gazette.example.org/story", "text/html; charset=utf-8", html),
        ("https://gazette.example.org/logo.png", "image/png", b"\x89PNG\r\n"),
    ):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    raw = buf.getvalue()
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses(tmp_path: Path, data_dir: Path, gz: bool) -> None:
    path = _warc(tmp_path, (data_dir / "article.html").read_bytes(), gz)
    (article,), errors = read([path])
    assert not errors
    assert article.published == "2019-04-09"
    assert article.source == "https://gazette.example.org/story"


def test_same_article_in_two_formats_has_one_id(tmp_path: Path, data_dir: Path) -> None:
    (html_article,), _ = read([data_dir / "article.html"])
    txt = tmp_path / "copy.txt"
    txt.write_text("\n\n".join(html_article.text.split("\n")) + "\n")
    (txt_article,), _ = read([txt])
    assert txt_article.id == html_article.id


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "file is empty"),
        ("binary.txt", b"abc\x00\x01\x02def", "binary"),
        ("random.txt", bytes(range(1, 32)) * 40, "binary"),
        ("page.html", b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        ("strange.xyz", b"hello", "no reader"),
        ("broken.warc", b"this is not a warc file at all", "WARC"),
        ("broken.rss", b"<rss><channel><item><title>x</ti", "feed"),
    ],
)
def test_bad_input_names_file_and_problem(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Forces withdrew from the town on Friday, officials said.")
    articles, errors = read([bad, good])
    assert len(articles) == 1
    assert len(errors) == 1
    assert name in str(errors[0]) and problem in str(errors[0])


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    _, errors = read([big], Settings(max_file_bytes=100))
    assert "over the limit of 100" in str(errors[0])


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    _, errors = read([tmp_path / "nowhere.txt"])
    assert "no such file" in str(errors[0])


def test_unreadable_file(tmp_path: Path) -> None:
    import os

    f = tmp_path / "locked.txt"
    f.write_text("Some text about a ceasefire.")
    f.chmod(0)
    try:
        if os.access(f, os.R_OK):
            pytest.skip("running as a user that can read any file")
        _, errors = read([f])
        assert "cannot read" in str(errors[0])
    finally:
        f.chmod(0o644)


def test_directories_are_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article text about a truce.")
    (tmp_path / "a.txt").write_text("First article text about a siege.")
    (tmp_path / ".hidden.txt").write_text("Hidden file is skipped.")
    articles, _ = read([tmp_path])
    assert [Path(a.source or "").name for a in articles] == ["a.txt", "two.txt"]
