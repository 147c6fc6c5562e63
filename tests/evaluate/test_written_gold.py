"""The written-gold set: its shipped gold holds together, bad gold is refused in one line,
and the set scores through ``eventwire eval`` without any eval folder."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import EvalError
from eventwire.evaluate import available, run
from eventwire.evaluate.sets.conflict_gold import read_gold
from eventwire.evaluate.sets.written_gold import (
    FOLDER,
    articles_of_groups,
    check,
    groups_in_split,
    problems,
)

runner = CliRunner()


@pytest.fixture(scope="module")
def gold() -> dict:
    return read_gold(FOLDER / "gold.json")


def test_the_shipped_gold_has_no_problem(gold: dict) -> None:
    assert list(problems(gold, FOLDER)) == []
    assert check(FOLDER)["articles"] == gold["articles"]


def test_every_spelling_and_sentence_is_written_in_its_article(gold: dict) -> None:
    texts = {f: (FOLDER / "articles" / f"{f}.txt").read_text("utf-8") for f in gold["articles"]}
    everything = "\n".join(texts.values())
    for key in ("alias_clusters", "place_variants"):
        for spellings in gold[key].values():
            assert all(s in everything for s in spellings)
    for key, field in (("events", "evidence"), ("relations", "evidence"), ("quotes", "starts")):
        for row in gold[key]:
            assert row[field] in texts[row["article"]], (key, row[field])
    for row in gold["not_counts"]:
        assert row["value"] in texts[row["article"]]


def test_pairs_name_gold_events_of_their_articles(gold: dict) -> None:
    events = {e["id"]: e["article"] for e in gold["events"]}
    pairs = gold["same_incident"] + [d["pair"] for d in gold["different_incidents"]]
    assert pairs
    for pair in pairs:
        assert [events[x["event"]] for x in pair] == [x["article"] for x in pair]
    # a canonical name, or else a literal spelling of the texts (the schema's rule)
    names = set(gold["alias_clusters"]) | set(gold["place_variants"])
    texts = [(FOLDER / "articles" / f"{f}.txt").read_text("utf-8") for f in gold["articles"]]
    for item in gold["must_not_merge"]:
        for name in item["pair"]:
            assert name in names or any(name in t for t in texts), name


def test_the_split_covers_every_article_and_keeps_groups_whole(gold: dict) -> None:
    dev = set(articles_of_groups(gold, groups_in_split(gold, "dev")))
    test = set(articles_of_groups(gold, groups_in_split(gold, "test")))
    assert dev | test == set(gold["articles"]) and not dev & test
    assert abs(len(dev) - len(test)) <= 4  # about half each
    for pair in gold["same_incident"] + [d["pair"] for d in gold["different_incidents"]]:
        sides = {x["article"] in dev for x in pair}
        assert len(sides) == 1, pair


def test_the_set_is_as_large_and_varied_as_documented(gold: dict) -> None:
    articles = gold["articles"]
    assert len(articles) >= 282
    assert len({a["conflict"] for a in articles.values()}) >= 123
    groups = Counter(x["article"] for pair in gold["same_incident"] for x in pair)
    incident_groups = {articles[f]["group"] for f in groups}
    assert len(incident_groups) >= 120
    # each half is large enough that one or two items are not the whole figure
    for half in ("dev", "test"):
        files = set(articles_of_groups(gold, groups_in_split(gold, half)))
        assert sum(e["article"] in files for e in gold["events"]) >= 55, half
        assert sum(p[0]["article"] in files for p in gold["same_incident"]) >= 20, half
        assert sum(d["pair"][0]["article"] in files for d in gold["different_incidents"]) >= 15
    for file in articles:
        words = len((FOLDER / "articles" / f"{file}.txt").read_text("utf-8").split())
        assert 150 <= words <= 450, (file, words)


def _broken_copy(tmp_path: Path, edit) -> Path:  # noqa: ANN001
    folder = tmp_path / "written_gold"
    shutil.copytree(FOLDER, folder)
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    edit(gold)
    (folder / "gold.json").write_text(json.dumps(gold), "utf-8")
    return folder


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (
            lambda g: g["alias_clusters"]["Rapid Support Forces"].append("Rapid Support Force X"),
            "spelling 'Rapid Support Force X' is in no article",
        ),
        (lambda g: g["split"]["dev"].remove("A"), "is in no half of 'split'"),
        (
            lambda g: g["same_incident"][0][1].update(event="w99e1"),
            "names event 'w99e1'",
        ),
        (lambda g: g["quotes"][0].update(starts="Words nobody wrote"), "starts 'Words nobody"),
        (
            lambda g: g["articles"]["w64"].update(published="2024-06-13"),
            "article w64: published '2024-06-13', its second line says '2024-06-12'",
        ),
        (
            lambda g: next(e for e in g["events"] if e["id"] == "w90e2").update(date="2025-04-13"),
            "event w90e2: dated after its article was published (2025-04-12)",
        ),
        (
            lambda g: g["not_counts"].append(
                {"article": "w01", "value": "killing 12 civilians", "why": "a toll"}
            ),
            "not_counts in w01: 'killing 12 civilians' writes 12, a gold count of the article",
        ),
        (
            lambda g: g["events"][0].update(date_end="2024-09-01"),
            "event w01e1: date_end 2024-09-01 is before date 2024-09-15",
        ),
        (
            lambda g: g["must_not_merge"].append({"pair": ["Nobody At All", "RSF"], "why": ""}),
            "'Nobody At All' is no canonical name",
        ),
    ],
)
def test_broken_gold_is_refused_in_one_line(tmp_path: Path, edit, said: str) -> None:  # noqa: ANN001
    folder = _broken_copy(tmp_path, edit)
    with pytest.raises(EvalError) as caught:
        check(folder)
    message = str(caught.value)
    assert said in message and str(folder / "gold.json") in message and "\n" not in message


def test_the_set_is_found_without_an_eval_folder(tmp_path: Path) -> None:
    assert "written-gold" in available(None)
    assert "written-gold" in available(tmp_path)
    assert "plover" not in available(None)


def test_an_unshipped_set_needs_data() -> None:
    result = runner.invoke(app, ["eval", "plover"])
    assert result.exit_code == 1
    assert "not shipped" in " ".join(result.output.split())


def test_an_unknown_split_is_refused_before_any_work() -> None:
    with pytest.raises(EvalError, match="unknown split"):
        run("written-gold", None, settings=None, split="train")  # type: ignore[arg-type]


@pytest.mark.slow
def test_the_set_scores_through_the_cli_on_one_group() -> None:
    result = runner.invoke(
        app, ["eval", "written-gold", "--split", "dev", "--limit", "1", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("[") :])
    assert [d["set"] for d in data] == ["written-gold"] and data[0]["split"] == "dev"
    metrics = data[0]["metrics"]
    for area in ("aliases", "relations", "event_dates", "counts", "quotes", "same_incident"):
        assert metrics[area]["n"] > 0 and 0 <= metrics[area]["value"] <= 1
    # one group of the dev half: its articles only
    assert "groups: A" in data[0]["notes"]
    assert data[0]["articles"] == 5
