"""IndiaPoliceEvents: Times of India, Gujarat 2002, sentence labels for police actions.

A sentence is predicted KILL / ARREST / ANY_ACTION when one of our non-negated
events stated in it has a police source actor (by name) and, for KILL, a killed
count, for ARREST an arrested count or CAMEO 173 (arrest, detain).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate.base import (
    Anchor,
    EvalContext,
    PipelineRun,
    SetResult,
    event_codes,
    gold_article,
    gold_sets,
    read_jsonl,
    run_pipeline,
    take,
)
from eventwire.evaluate.metrics import Metric, prf, spans_overlap
from eventwire.model import Event

MARKER = "india_police_events_docs.jsonl"
LABELS = ("KILL", "ARREST", "ANY_ACTION")
DEFAULT_SAMPLE = 150  # documents, evenly spread over the file
_POLICE = re.compile(r"\b(police\w*|cops?|constables?|inspectors?|commissioners?|sub-inspectors?)\b", re.I)


@dataclass(frozen=True)
class PoliceSentence:
    start: int
    end: int
    text: str
    labels: frozenset[str]


@dataclass(frozen=True)
class PoliceDoc:
    id: str
    text: str
    published: str
    sentences: tuple[PoliceSentence, ...]


def read(path: Path, limit: int | None = None) -> list[PoliceDoc]:
    docs = [
        PoliceDoc(
            id=str(rec["doc_id"]),
            text=rec["text"],
            published=rec.get("pub_date") or "",
            sentences=tuple(
                PoliceSentence(int(s["start"]), int(s["end"]), s["text"], frozenset(s["labels"]))
                for s in rec.get("sentences") or ()
            ),
        )
        for rec in read_jsonl(path)
    ]
    return take(docs, limit)


def labels_of(event: Event, source_texts: list[str]) -> set[str]:
    """The police-action labels one of our events supports."""
    if event.negated or not any(_POLICE.search(t) for t in source_texts):
        return set()
    labels = {"ANY_ACTION"}
    if event.counts.get("killed"):
        labels.add("KILL")
    if event.counts.get("arrested") or any(c.startswith("173") for c in event_codes(event, "cameo")):
        labels.add("ARREST")
    return labels


def score(docs: list[PoliceDoc], run: PipelineRun) -> SetResult:
    result = SetResult("india-police", items=sum(len(d.sentences) for d in docs), articles=len(docs))
    counts = {label: [0, 0, 0] for label in LABELS}  # tp, fp, fn
    for d in docs:
        aid = gold_article(d.text, published=d.published).id
        found = []
        for e in run.events(aid):
            labels = labels_of(e, run.actor_texts(aid, e.source_actor))
            if labels:
                found += [(ev.char_start, ev.char_end, labels) for ev in e.evidence if ev.article_id == aid]
        for s in d.sentences:
            ours: set[str] = set()
            for start, end, labels in found:
                if spans_overlap(s.start, s.end, start, end):
                    ours |= labels
            for label in LABELS:
                gold, mine = label in s.labels, label in ours
                if gold and mine:
                    counts[label][0] += 1
                elif mine:
                    counts[label][1] += 1
                elif gold:
                    counts[label][2] += 1
                if gold != mine:
                    result.miss(f"{d.id}/{s.start}", label, gold, mine, s.text)
    for label, (tp, fp, fn) in counts.items():
        scores = prf(tp, fp, fn)
        result.groups[label.lower()] = {
            "precision": Metric(scores.precision, tp + fp),
            "recall": Metric(scores.recall, tp + fn),
            "f1": Metric(scores.f1, tp + fp + fn),
        }
    result.metrics = {f"{label.lower()}_f1": result.groups[label.lower()]["f1"] for label in LABELS}
    result.notes.append("sentence level; police = source actor written as police/cops/constables/...")
    return result


@gold_sets.register(
    "india-police",
    folder="india_police_events",
    marker=MARKER,
    title="IndiaPoliceEvents (Gujarat 2002)",
    sample=DEFAULT_SAMPLE,
    anchors=(
        Anchor("(sentence F1)", "see paper: zero-shot RoBERTa-MNLI and keyword baselines", "Halterman et al., Findings of ACL 2021"),
    ),
)
def evaluate(folder: Path, ctx: EvalContext) -> SetResult:
    size = ctx.sample_size(DEFAULT_SAMPLE)
    docs = read(folder / MARKER, size)
    run = run_pipeline([gold_article(d.text, published=d.published) for d in docs], ctx)
    result = score(docs, run)
    if size is not None:
        result.sample = f"{size} documents, evenly spread over the file"
    return result
