"""The `eventwire eval` command through Typer's CliRunner on our tiny fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def _said(result) -> str:  # noqa: ANN001
    return " ".join(result.output.split())  # rich wraps long lines


def test_unknown_set_is_a_one_line_error(eval_data: Path) -> None:
    result = runner.invoke(app, ["eval", "nosuchset", "--data", str(eval_data)])
    assert result.exit_code == 1
    assert "unknown gold set 'nosuchset'" in _said(result)


def test_missing_data_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "plover", "--data", str(tmp_path / "absent")])
    assert result.exit_code == 1 and "no such directory" in _said(result)
    result = runner.invoke(app, ["eval", "plover", "--data", str(tmp_path)])
    assert result.exit_code == 1 and "not found" in _said(result)


def test_errors_are_refused_on_the_test_split(eval_data: Path, tmp_path: Path) -> None:
    # refused before any text is parsed: no model needed, nothing written
    errors = tmp_path / "misses.jsonl"
    result = runner.invoke(
        app, ["eval", "plover", "--data", str(eval_data), "--errors", str(errors)]
    )
    assert result.exit_code == 1 and "dev split only" in _said(result)
    assert not errors.exists()
    result = runner.invoke(app, ["eval", "plover", "--data", str(eval_data), "--split", "train"])
    assert result.exit_code == 1 and "unknown split 'train'" in _said(result)


@pytest.mark.slow
def test_conflict_gold_report_shows_test_with_dev_beside(eval_data: Path, tmp_path: Path) -> None:
    report = tmp_path / "quality.md"
    result = runner.invoke(
        app,
        ["eval", "conflict-gold", "--data", str(eval_data), "--report", str(report), "--json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("[") :])
    assert data[0]["split"] == "test" and "aliases" in data[0]["metrics"]
    text = report.read_text()
    assert "| set | metric | ours | n | dev | anchor |" in text
    assert "| conflict-gold | aliases |" in text and "--split test" in text


@pytest.mark.slow
def test_eval_json_errors_and_report(eval_data: Path, tmp_path: Path) -> None:
    errors, report = tmp_path / "misses.jsonl", tmp_path / "quality.md"
    result = runner.invoke(
        app,
        [
            "eval",
            "plover",
            "--data",
            str(eval_data / "plover_gsr_cameo"),
            "--split",
            "all",
            "--json",
            "--errors",
            str(errors),
            "--report",
            str(report),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("[") :])
    metrics = data[0]["metrics"]
    assert set(metrics) == {
        "event_type_accuracy",
        "event_type_any",
        "source_actor_match",
        "target_actor_match",
        "location_match",
        "deaths_exact",
    }
    assert metrics["event_type_accuracy"]["n"] == 2
    assert all(m["value"] is None or 0 <= m["value"] <= 1 for m in metrics.values())
    for line in errors.read_text().splitlines():
        assert {"set", "item", "field", "gold", "ours", "sentence"} <= set(json.loads(line))
    text = report.read_text()
    assert "| plover | event_type_accuracy |" in text and "at commit" in text


@pytest.mark.slow
def test_eval_all_runs_every_fixture_set(eval_data: Path) -> None:
    result = runner.invoke(app, ["eval", "all", "--data", str(eval_data), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("[") :])
    assert {d["set"] for d in data} == {
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
        "written-gold",  # shipped with eventwire: found under any --data
    }


@pytest.mark.slow
def test_eval_shows_how_far_it_is_through_the_gold_texts(
    eval_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.console import Meter

    monkeypatch.setattr(Meter, "EVERY", 0.0)  # a log line per text instead of every 10 s
    args = ["eval", "plover", "--data", str(eval_data / "plover_gsr_cameo"), "--split", "all"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.output.splitlines() if ln.startswith("parsing gold texts: ")]
    done = [ln.split(",")[0].split(": ")[1] for ln in lines]
    total = done[-1].split("/")[1].split()[0]
    assert done[-1] == f"{total}/{total} texts" and len(done) == int(total) > 1
