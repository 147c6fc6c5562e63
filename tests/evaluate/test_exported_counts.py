"""Which figures a scored event row carries, and what a gold side it also accepts does to
matching (an invented war; every figure is worked out by hand)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.evaluate.base import PipelineRun
from eventwire.evaluate.exported import Prediction, prediction_from_run
from eventwire.evaluate.sets.conflict_gold import read_gold, score
from eventwire.knowledge.ontology import read_ontology
from eventwire.model import CountReport, Event, Evidence, Incident, Resolution

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD = DATA / "eval" / "conflict_news_gold" / "gold.json"
PREDICTION = DATA / "conflict_gold" / "prediction.json"


def _evidence(article: str, text: str) -> Evidence:
    return Evidence(article, text, 0, len(text))


def _run() -> PipelineRun:
    """The shelling of a market told by two outlets (four dead in the first, five in the
    second's later update), and a statement about it in the first."""
    first = _evidence("a", "Shells hit the market in Belmar, killing four.")
    second = _evidence("b", "The toll from the Belmar market shelling rose to five.")
    blame = _evidence("a", "The Front blamed the army for the shelling.")
    told = Event("E1", "ASSAULT", {}, (first, second), counts={"killed": 5})
    sibling = Event("E2", "ASSAULT", {}, (first,))  # the killing, told in the same sentence
    statement = Event("E3", "ACCUSE", {}, (blame,), counts={})
    incident = Incident(
        "I1",
        "ASSAULT",
        {},
        (first, second),
        counts={"killed": 5},
        count_reports=(
            CountReport("killed", 4, None, first),
            CountReport("killed", 5, None, second),
        ),
        events=("E1", "E2"),
        statements=("E3",),
    )
    resolution = Resolution(events=(told, sibling, statement), incidents=(incident,))
    return PipelineRun({}, resolution)


def test_a_row_carries_its_article_figure_of_the_incident() -> None:
    """Each article's own figure is the gold for that article's event: the first outlet's
    row says four, not the five another outlet reported later, and so does the killing
    told in the same sentence as the shelling (one incident, one figure per report)."""
    pred = prediction_from_run(_run(), {"a": "a", "b": "b"})
    rows = {(e.id, e.article): e.counts for e in pred.events}
    assert rows[("E1", "a")] == {"killed": 4}
    assert rows[("E1", "b")] == {"killed": 5}
    assert rows[("E2", "a")] == {"killed": 4}
    assert rows[("E3", "a")] == {}  # a statement about the act keeps its own (none)


def test_an_act_only_one_article_tells_keeps_its_own_figure() -> None:
    """Two strikes of one article joined into one incident: the strike that killed three
    keeps its three, not the incident's larger figure from the same article."""
    run = _run()
    three = _evidence("a", "A strike on a car killed three journalists.")
    strike = Event("E4", "ASSAULT", {}, (three,), counts={"killed": 3})
    incident = replace(run.resolution.incidents[0], events=("E1", "E2", "E4"))
    resolution = replace(
        run.resolution, events=(*run.resolution.events, strike), incidents=(incident,)
    )
    pred = prediction_from_run(PipelineRun({}, resolution), {"a": "a", "b": "b"})
    rows = {(e.id, e.article): e.counts for e in pred.events}
    assert rows[("E4", "a")] == {"killed": 3}
    assert rows[("E2", "a")] == {"killed": 4}


@pytest.mark.parametrize(("accepted", "matched"), [(["Someone Else"], 1.0), ([], 1.0)])
def test_a_side_the_gold_also_accepts_never_narrows_an_uncoded_event(
    tmp_path: Path, accepted: list[str], matched: float
) -> None:
    """A gold event coding neither actor nor target matches by place or sentence alone; a
    doer it also accepts ("the army blames the Front") widens that, never narrows it."""
    gold = json.loads(GOLD.read_text("utf-8"))
    for event in gold["events"]:
        if event["id"] == "e1":
            event.update(actor=None, target=None, also_accept_actor=accepted)
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), "utf-8")
    result = score(read_gold(path), Prediction.from_json(PREDICTION), read_ontology())
    assert result.metrics["events_matched"].value == matched


def test_a_coded_side_still_has_to_match(tmp_path: Path) -> None:
    gold = json.loads(GOLD.read_text("utf-8"))
    for event in gold["events"]:
        if event["id"] == "e1":
            event.update(actor="Someone Else", target=None, also_accept_actor=[])
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), "utf-8")
    result = score(read_gold(path), Prediction.from_json(PREDICTION), read_ontology())
    assert result.metrics["events_matched"].value == pytest.approx(2 / 3)
