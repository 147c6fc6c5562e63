"""The CLI through Typer's runner: ingest, stats, export, errors at the edge."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
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


def _help(capsys, *args: str) -> str:
    from eventwire.cli import command

    command().main([*args, "--help"], prog_name="eventwire", standalone_mode=False)
    return capsys.readouterr().out


def _all_commands() -> list[list[str]]:
    from eventwire.cli import command

    found = []
    for name, cmd in command().commands.items():
        found.append([name])
        found += [[name, sub] for sub in getattr(cmd, "commands", {})]
    return found


def test_top_help_says_what_it_is_and_shows_three_commands(capsys) -> None:
    text = _help(capsys)
    assert "news articles about an armed conflict" in text
    assert "eventwire ingest" in text and "eventwire events" in text
    assert "eventwire serve" in text
    assert "Command line:" not in text  # not the module's docstring


def test_no_help_shows_a_type_placeholder(capsys) -> None:
    for args in [[], *_all_commands()]:
        text = _help(capsys, *args)
        assert not re.search(r"<(bool|str|int|Path|list\[[A-Za-z]+\])>", text), (args, text)


def test_ingest_and_export_help_list_their_formats(capsys) -> None:
    ingest_help = _help(capsys, "ingest")
    for suffix in (".txt", ".html", ".jsonl", ".warc.gz", ".rss", ".atom"):
        assert suffix in ingest_help
    export_help = _help(capsys, "export")
    for fmt in ("jsonl", "csv", "geojson", "graphml", "gexf", "parquet"):
        assert fmt in export_help


def test_version() -> None:
    from eventwire import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"eventwire {__version__}"


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],
        ["events"],
        ["relations"],
        ["quotes"],
        ["places"],
        ["actors"],
        ["export", "-f", "csv"],
    ],
)
def test_an_unknown_store_is_an_error_not_a_new_empty_one(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "mistyped.db"
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "no such store" in result.output
    assert not db.exists()


def test_an_unusable_store_path_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "file" / "x.db")])
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and result.output.count("\n") == 1
    assert "Traceback" not in result.output


def test_a_long_failure_line_is_never_wrapped(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("EVENTWIRE_MODEL", "blank")
    deep = tmp_path.joinpath("in", *["a-rather-long-folder-name"] * 8)
    deep.mkdir(parents=True)
    (deep / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "w.db")])
    failed = [line for line in result.output.splitlines() if line.startswith("failed:")]
    assert failed == [f"failed: {deep / 'empty.txt'}: file is empty"]


def test_events_show_place_counts_sources_and_evidence_tab_separated(filled_db: str) -> None:
    result = runner.invoke(app, ["events", "--db", filled_db])
    assert result.exit_code == 0, result.output
    header, *rows = result.output.splitlines()
    assert header.split("\t") == [
        "date", "type", "actors", "place", "counts", "sources", "evidence",
    ]  # fmt: skip
    assert [row.split("\t")[0] for row in rows] == ["2019-05", "2019-04-10", "2019-04-09"]
    first = rows[2].split("\t")  # newest first, as the pages list them
    assert first[0] == "2019-04-09" and first[1] == "ASSAULT (reported)"
    assert first[2] == 'Libyan <National> Army & "allies" → civilians'
    assert first[3] == "Tripoli" and first[4] == "killed 4" and first[5] == "2 sources"
    assert first[6].startswith("Shelling killed 4 civilians")
    assert rows[1].split("\t")[5] == "1 source"


def test_events_take_the_export_filters(filled_db: str) -> None:
    result = runner.invoke(app, ["events", "--db", filled_db, "--place", "Sirte", "--json"])
    assert [e["id"] for e in json.loads(result.output)] == ["event_c"]


def test_relations_without_actor_list_pairs(filled_db: str) -> None:
    result = runner.invoke(app, ["relations", "--db", filled_db])
    assert result.exit_code == 0, result.output
    header, *rows = result.output.splitlines()
    assert header.startswith("source\trelation\ttarget\tpolarity")
    assert rows[0].split("\t")[:4] == ["Egypt", "support", 'Libyan <National> Army & "allies"', "positive"]  # fmt: skip
    assert len(rows) == 2


def test_relations_of_an_actor_are_grouped(filled_db: str) -> None:
    result = runner.invoke(app, ["relations", "--db", filled_db, "--actor", "Egypt"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith('supported Libyan <National> Army & "allies" support')
    assert "2 sources" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--actor", "Nobody"],
        ["events", "--type", "PROTEST"],
        ["relations", "--actor", "Nobody"],
        ["relations", "--min-sources", "5"],
        ["quotes", "--speaker", "Nobody"],
        ["actors", "--query", "Nobody"],
        ["export", "-f", "csv", "--place", "Atlantis"],
        ["export", "-f", "csv", "--min-sources", "9"],
    ],
)
def test_nothing_matches_exits_3_everywhere(filled_db: str, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", filled_db])
    assert result.exit_code == 3, result.output
    assert "nothing matches" in result.output and "Traceback" not in result.output


def test_export_csv_to_a_file_and_keep_it_when_failing(filled_db: str, tmp_path: Path) -> None:
    out = tmp_path / "incidents.csv"
    ok = runner.invoke(app, ["export", "--db", filled_db, "-f", "csv", "-o", str(out)])
    assert ok.exit_code == 0 and "wrote 3 records (csv)" in ok.output
    before = out.read_bytes()
    failed = runner.invoke(
        app, ["export", "--db", filled_db, "-f", "csv", "-o", str(out), "--actor", "Nobody"]
    )
    assert failed.exit_code == 3
    assert out.read_bytes() == before


def test_a_bad_modality_is_one_line(filled_db: str) -> None:
    result = runner.invoke(app, ["events", "--db", filled_db, "--modality", "certain"])
    assert result.exit_code == 1 and result.output.startswith("error: unknown modality")


def test_an_unexpected_error_is_one_line_without_debug(monkeypatch, capsys) -> None:
    import eventwire.cli as cli
    import eventwire.cli_store as cli_store

    def broken(*_: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(cli_store, "open_db", broken)  # the store `stats` opens
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["stats"])
    assert exit_info.value.code == 1
    err_text = capsys.readouterr().err
    assert err_text.count("\n") == 1 and "internal error: ZeroDivisionError: boom" in err_text
    with pytest.raises(ZeroDivisionError):
        cli.main(["--debug", "stats"])


def test_progress_is_a_periodic_log_line_when_not_a_terminal(tmp_path: Path, monkeypatch) -> None:
    from eventwire.console import Meter

    monkeypatch.setenv("EVENTWIRE_MODEL", "blank")
    monkeypatch.setattr(Meter, "EVERY", 0.0)  # log at every step instead of every 10 s
    result = runner.invoke(app, ["ingest", str(corpus(tmp_path)), "--db", str(tmp_path / "p.db")])
    lines = [ln for ln in result.output.splitlines() if ln.startswith("ingesting: ")]
    assert [ln.split(",")[0] for ln in lines] == ["ingesting: 1/2 files", "ingesting: 2/2 files"]
    assert all("files/s" in ln for ln in lines)
    # the resolution reads the two stored articles twice (actors, then events)
    resolving = [
        ln.split(",")[0] for ln in result.output.splitlines() if ln.startswith("resolving: ")
    ]
    assert resolving == [f"resolving: {n}/4 document reads" for n in range(1, 5)]


def test_rebuild_and_its_check_show_progress(tmp_path: Path, monkeypatch) -> None:
    from eventwire.console import Meter

    monkeypatch.setenv("EVENTWIRE_MODEL", "blank")
    db = str(tmp_path / "r.db")
    assert runner.invoke(app, ["ingest", str(corpus(tmp_path)), "--db", db]).exit_code == 0
    monkeypatch.setattr(Meter, "EVERY", 0.0)
    result = runner.invoke(app, ["rebuild", "--db", db])
    assert result.exit_code == 0, result.output
    assert "resolving: 4/4 document reads" in result.output
    result = runner.invoke(app, ["rebuild", "--db", db, "--check"])
    assert result.exit_code == 0, result.output
    assert "resolving afresh to compare: 4/4 document reads" in result.output
    assert "same as a fresh rebuild" in result.output


def test_table_cells_are_never_markup(monkeypatch) -> None:
    import io

    from rich.console import Console

    import eventwire.console as console

    terminal = Console(file=io.StringIO(), force_terminal=True, width=200, record=True)
    monkeypatch.setattr(console, "out", terminal)
    console.table(("name",), [("[bold red]Group[/bold red] [link=x]y[/link]",)])
    assert "[bold red]Group[/bold red] [link=x]y[/link]" in terminal.export_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["statz"], "No such command 'statz'"),
        (["events", "--bogus"], "No such option: --bogus"),
        (["events", "--min-sources", "many"], "Invalid value for '--min-sources'"),
        (["actors", "merge"], "Missing argument 'NAME'"),
    ],
)
def test_usage_errors_are_one_line_with_status_2(capsys, args: list[str], message: str) -> None:
    from eventwire.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    err_text = capsys.readouterr().err
    assert err_text.count("\n") == 1 and err_text.startswith("error: ") and message in err_text
    assert "--help)" in err_text


def test_eventwire_alone_prints_its_help(capsys) -> None:
    from eventwire.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 0
    assert "news articles about an armed conflict" in capsys.readouterr().out


def test_main_passes_exit_statuses_through(filled_db: str) -> None:
    from eventwire.cli import main

    for args, status in ((["stats", "--db", filled_db], 0), (["quotes", "--db", filled_db, "--speaker", "Nobody"], 3)):  # fmt: skip
        with pytest.raises(SystemExit) as exit_info:
            main(args)
        assert exit_info.value.code == status


def test_a_reader_that_stops_early_gets_no_error_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    from eventwire.model import Article, DocumentRecords
    from eventwire.store.sqlite import SQLiteStore

    db = tmp_path / "big.db"
    with SQLiteStore(db) as store:  # far more output than a pipe holds
        store.add_documents(
            [(Article(f"art_{i}", f"Report {i}. " + "Convoys moved. " * 80), DocumentRecords(f"art_{i}")) for i in range(300)]
        )  # fmt: skip
    reader = subprocess.Popen(["true"], stdin=subprocess.PIPE)  # reads nothing, exits at once
    reader.wait(timeout=30)
    writer = subprocess.run(
        [sys.executable, "-m", "eventwire", "export", "--db", str(db), "-f", "jsonl"],
        stdout=reader.stdin, stderr=subprocess.PIPE, text=True, timeout=120,
    )  # fmt: skip
    reader.stdin.close()  # type: ignore[union-attr]
    assert writer.returncode == 1  # click's status for a closed pipe
    assert writer.stderr == ""


def test_listings_show_a_week_as_a_week_not_as_its_monday(tmp_path: Path) -> None:
    from eventwire.model import Event, Evidence, Incident, Resolution
    from eventwire.store.sqlite import SQLiteStore

    ev = Evidence("art_1", "Raids went on all week.", 0, 23)
    db = str(tmp_path / "week.db")
    with SQLiteStore(db) as store:
        store.replace_resolution(
            Resolution(
                events=(Event("event_w", "ASSAULT", {}, (ev,), date="2019-04-08",
                              date_precision="week"),),
                incidents=(Incident("incident_w", "ASSAULT", {}, (ev,), date="2019-04-08",
                                    date_precision="week", events=("event_w",)),),
            )
        )  # fmt: skip
    for command in ("events", "incidents"):
        result = runner.invoke(app, [command, "--db", db])
        assert result.exit_code == 0, result.output
        row = result.output.splitlines()[1]
        assert "week of 8 April 2019 (week 15)" in row
        assert "2019-04-08" not in row
