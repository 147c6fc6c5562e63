"""Choosing written-gold's article groups: one batch alone (``--groups``) or every group but
a hold-out batch (``--skip-groups``), and a misspelt group refused before any work."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.config import Settings
from eventwire.errors import EvalError
from eventwire.evaluate import run
from eventwire.evaluate.sets.written_gold import chosen_groups

runner = CliRunner()

GOLD = {"split": {"dev": ["A", "C", "E"], "test": ["B", "D"]}}


def test_without_a_choice_the_whole_half_is_scored() -> None:
    assert chosen_groups(GOLD, "dev", None, frozenset()) == ["A", "C", "E"]
    assert chosen_groups(GOLD, "all", None, frozenset()) == ["A", "B", "C", "D", "E"]


def test_groups_keep_only_theirs_within_the_split() -> None:
    # D is a test group: asking for it on the dev half scores nothing of it
    assert chosen_groups(GOLD, "dev", frozenset({"C", "D"}), frozenset()) == ["C"]
    assert chosen_groups(GOLD, "test", frozenset({"C", "D"}), frozenset()) == ["D"]


def test_skip_groups_leave_a_batch_out() -> None:
    assert chosen_groups(GOLD, "dev", None, frozenset({"C", "E"})) == ["A"]
    assert chosen_groups(GOLD, "all", frozenset({"A", "B"}), frozenset({"B"})) == ["A"]


def test_a_group_the_gold_does_not_have_is_refused() -> None:
    with pytest.raises(EvalError, match=r"unknown article group\(s\) Q .*known: A, B, C, D, E"):
        chosen_groups(GOLD, "dev", frozenset({"A", "Q"}), frozenset())
    with pytest.raises(EvalError, match="unknown article group"):
        chosen_groups(GOLD, "dev", None, frozenset({"ZZ"}))


def test_a_misspelt_group_stops_the_run_before_the_pipeline() -> None:
    with pytest.raises(EvalError, match="unknown article group"):
        run("written-gold", None, Settings(), split="dev", groups=["NOSUCH"])


def test_the_cli_refuses_a_misspelt_group_in_one_line() -> None:
    result = runner.invoke(app, ["eval", "written-gold", "--split", "dev", "--skip-groups", "A,QQ"])
    assert result.exit_code != 0
    assert "unknown article group(s) QQ" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_the_cli_scores_only_the_chosen_groups() -> None:
    args = ["eval", "written-gold", "--split", "dev", "--groups", "A, C", "--skip-groups", "C"]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("[") :])
    assert "groups: A" in data[0]["notes"]
    assert data[0]["articles"] == 5
