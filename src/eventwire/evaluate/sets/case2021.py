"""CASE 2021 task 2: news-like snippets labelled with ACLED sub-event types."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate.base import (
    Anchor,
    EvalContext,
    PipelineRun,
    SetResult,
    any_code,
    event_code,
    gold_article,
    gold_sets,
    in_split,
    lead_with,
    read_jsonl,
    run_pipeline,
    take,
)
from eventwire.evaluate.metrics import Tally, macro_f1

MARKER = "case2021_task2_test_labelled.jsonl"


@dataclass(frozen=True)
class CaseGold:
    id: str
    text: str
    label: str
    event_type: str | None  # ACLED; None for the five labels outside ACLED
    sub_event_type: str | None


def read(path: Path, limit: int | None = None, split: str = "all") -> list[CaseGold]:
    golds = [
        CaseGold(
            id=str(rec["id"]),
            text=rec["text"],
            label=rec["label"],
            event_type=rec.get("acled_event_type") if rec.get("label_in_acled_taxonomy") else None,
            sub_event_type=(
                rec.get("acled_sub_event_type") if rec.get("label_in_acled_taxonomy") else None
            ),
        )
        for rec in read_jsonl(path)
    ]
    return take(in_split(golds, split, lambda g: g.id), limit)


def score(golds: list[CaseGold], run: PipelineRun) -> SetResult:
    result = SetResult("case2021", items=len(golds), articles=len(golds))
    etype, any_type, any_sub = Tally(), Tally(), Tally()
    gold_subs: list[str] = []
    our_subs: list[str | None] = []
    for g in golds:
        if g.event_type is None:
            continue
        events = run.events(gold_article(g.text).id)
        ours = lead_with(events, run.ontology, "acled", "event_type")
        our_type = event_code(ours, "acled", "event_type") if ours else None
        our_sub = event_code(ours, "acled", "sub_event_type") if ours else None
        if not etype.add(our_type == g.event_type):
            result.miss(g.id, "acled_type", g.event_type, our_type, g.text)
        any_type.add(any_code(events, "acled", "event_type", g.event_type))
        if g.sub_event_type:
            gold_subs.append(g.sub_event_type)
            our_subs.append(our_sub)
            any_sub.add(any_code(events, "acled", "sub_event_type", g.sub_event_type))
            if our_sub != g.sub_event_type:
                result.miss(g.id, "acled_sub_type", g.sub_event_type, our_sub, g.text)
    result.metrics = {
        "acled_type_accuracy": etype.metric(),
        "acled_sub_type_macro_f1": macro_f1(gold_subs, our_subs),
        "acled_type_any": any_type.metric("the gold event type is among our events' types"),
        "acled_sub_type_any": any_sub.metric("the gold sub-event type is among our events'"),
    }
    result.notes.append(
        "snippets with the 5 labels outside ACLED's taxonomy are not scored; "
        "our label = the lead event (resolve.events.main_event) among the non-negated events "
        "carrying an ACLED code"
    )
    return result


@gold_sets.register(
    "case2021",
    folder="case2021_task2_event_types",
    marker=MARKER,
    title="CASE 2021 task 2 (ACLED event types)",
    sample=None,
    anchors=(
        Anchor(
            "acled_sub_type_macro_f1",
            "0.839 weighted F1 (best team, 25 ACLED classes, trained; weighted, not macro)",
            "Haneczok et al., CASE 2021 task 2 overview",
        ),
    ),
)
def evaluate(folder: Path, ctx: EvalContext) -> SetResult:
    golds = read(folder / MARKER, ctx.sample_size(None), ctx.split)
    run = run_pipeline([gold_article(g.text) for g in golds], ctx)
    return score(golds, run)
