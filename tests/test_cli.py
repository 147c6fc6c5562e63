"""The CLI through Typer's runner: ingest, stats, export, errors at the edge."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.schema import validate_record

runner = CliRunner()


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("Truce holds\n\nTuesday 16/04/2019\nThe truce held in the south.")
    (folder / "b.txt").write_text("No date in this short report about a convoy reaching a port.")
    return folder


def test_ingest_stats_export(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("EVENTWIRE_MODEL", "blank")
    db = str(tmp_path / "x.db")
    result = runner.invoke(app, ["ingest", str(corpus(tmp_path)), "--db", db])
    assert result.exit_code == 0, result.output
    assert "ingested 2, skipped as duplicate 0, failed 0" in result.output

    again = runner.invoke(app, ["ingest", str(corpus(tmp_path / "again")), "--db", db])
    assert "ingested 0, skipped as duplicate 2" in again.output

    stats = runner.invoke(app, ["stats", "--db", db, "--json"])
    assert json.loads(stats.output)["articles"] == 2

    out = tmp_path / "export.jsonl"
    exported = runner.invoke(app, ["export", "--db", db, "--format", "jsonl", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    for record in records:
        validate_record(record)
    dates = sorted((r["published"] or "") for r in records if r["kind"] == "article")
    assert dates == ["", "2019-04-16"]


def test_failed_file_gives_nonzero_exit_and_names_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("EVENTWIRE_MODEL", "blank")
    folder = corpus(tmp_path)
    (folder / "c.txt").write_bytes(b"\x00\x01binary")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "y.db")])
    assert result.exit_code == 1
    assert "c.txt" in result.output and "binary" in result.output
    assert "ingested 2" in result.output


def test_unknown_export_format_is_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "z.db"), "--format", "nope"])
    assert result.exit_code == 1
    assert "unknown export format 'nope'" in result.output
    assert "Traceback" not in result.output
