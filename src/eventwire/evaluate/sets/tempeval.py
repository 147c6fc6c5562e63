"""TempEval-3 (TimeBank + AQUAINT) sample: TIMEX3 spans with values normalised to the DCT."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.evaluate.base import (
    Anchor,
    EvalContext,
    PipelineRun,
    SetResult,
    gold_article,
    gold_sets,
    in_split,
    read_jsonl,
    run_pipeline,
    take,
)
from eventwire.evaluate.metrics import Tally, null, spans_overlap
from eventwire.extract.dates import tense_at
from eventwire.extract.timex3 import timex3_of, timex3_value
from eventwire.nlp import build_pipeline

MARKER = "tbaq_sample_40docs.jsonl"
VALUE_TYPES = ("DATE", "TIME")  # what eventwire normalises; durations and sets are not dates
ALL_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TempGold:
    id: str
    text: str
    dct: str  # YYYY-MM-DD
    timexes: tuple[GoldTimex, ...]


def read(path: Path, limit: int | None = None, split: str = "all") -> list[TempGold]:
    golds = [
        TempGold(
            id=rec["id"],
            text=rec["text"],
            dct=str(rec["dct"])[:10],
            timexes=tuple(
                GoldTimex(int(t["start"]), int(t["end"]), t["text"], t["type"], t["value"])
                for t in rec.get("timexes") or ()
            ),
        )
        for rec in read_jsonl(path)
    ]
    return take(in_split(golds, split, lambda g: g.id), limit)


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right = min(
        (i for i in (text.find(".", end), text.find("\n", end)) if i >= 0), default=len(text)
    )
    return text[left : right + 1].strip()


def score(
    golds: list[TempGold],
    run: PipelineRun,
    timex3: Any,
    why: str | None,
    tenses: dict[tuple[str, int], str] | None = None,
    convert: Any = None,
) -> SetResult:
    """``timex3(text, dct, tense)`` gives a TIMEX3 value for a gold span; ``tenses`` holds our
    own clause tense at each gold span (past when absent); ``convert(when)`` turns a
    pipeline :class:`When` into a TIMEX3 value for the end-to-end figure."""
    result = SetResult("tempeval", items=sum(len(g.timexes) for g in golds), articles=len(golds))
    recall, on_gold, all_types, end_to_end = Tally(), Tally(), Tally(), Tally()
    for g in golds:
        doc = run.records.get(gold_article(g.text, published=g.dct).id)
        ours = list(doc.timexes) if doc else []
        for t in g.timexes:
            hit = next(
                (x for x in ours if spans_overlap(t.start, t.end, x.span.start, x.span.end)), None
            )
            recall.add(hit is not None)
            sentence = _sentence(g.text, t.start, t.end)
            value = None
            if timex3 is not None:
                value = timex3(t.text, g.dct, (tenses or {}).get((g.id, t.start), "past"))
                all_types.add(value == t.value)
            if t.type not in VALUE_TYPES:
                continue
            our_value = None
            if hit is not None:
                our_value = convert(hit.when) if convert is not None else hit.when.value
            if not end_to_end.add(our_value == t.value):
                result.miss(g.id, "value_end_to_end", t.value, our_value, sentence)
            if timex3 is not None and not on_gold.add(value == t.value):
                result.miss(g.id, "value", {"text": t.text, "value": t.value}, value, sentence)
    missing = null(why or "no normaliser")
    result.metrics = {
        "timex_recall": recall.metric("all TIMEX3 types, span overlap"),
        "value_accuracy": on_gold.metric("DATE and TIME timexes, exact TIMEX3 value, gold spans")
        if timex3 is not None
        else missing,
        "value_accuracy_all_types": all_types.metric(
            "DATE, TIME, DURATION and SET timexes, exact TIMEX3 value, gold spans"
        )
        if timex3 is not None
        else missing,
        "value_accuracy_end_to_end": end_to_end.metric(
            "DATE and TIME timexes: our overlapping timex has the exact gold value"
        ),
    }
    result.notes.append(
        "reference date = the document creation time (DCT); on gold spans the tense of each "
        "expression's clause comes from our own parse, not from the gold annotation"
    )
    return result


def span_tenses(golds: list[TempGold], ctx: EvalContext) -> dict[tuple[str, int], str]:
    """Our clause tense ("past"/"future") at the start of every gold timex."""
    nlp = build_pipeline(ctx.settings)
    tenses: dict[tuple[str, int], str] = {}
    for g, doc in zip(golds, nlp.pipe(g.text for g in golds), strict=True):
        for t in g.timexes:
            tenses[(g.id, t.start)] = tense_at(doc, t.start)
    return tenses


@gold_sets.register(
    "tempeval",
    folder="tempeval3_timebank_sample",
    marker=MARKER,
    title="TempEval-3 TimeBank/AQUAINT sample (40 docs)",
    sample=None,
    anchors=(
        Anchor("value_accuracy", ">= 0.85", "eventwire goal, when-and-where issue"),
        Anchor(
            "value_accuracy", "about 0.78 value F1", "HeidelTime in TempEval-3, UzZaman et al. 2013"
        ),
    ),
)
def evaluate(folder: Path, ctx: EvalContext) -> SetResult:
    golds = read(folder / MARKER, ctx.sample_size(None), ctx.split)
    run = run_pipeline([gold_article(g.text, published=g.dct) for g in golds], ctx)
    return score(golds, run, timex3_value, None, span_tenses(golds, ctx), timex3_of)
