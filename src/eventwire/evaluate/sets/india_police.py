"""IndiaPoliceEvents: Times of India, Gujarat 2002, sentence labels for police actions.

Each label is the answer to a question about the police ("did police kill
someone?"); a sentence gets a label when one of our events stated in it answers it:

* ANY_ACTION: a non-negated event whose source actor is written as police
  (police, cops, constables, inspectors, ...);
* KILL: such an event with a killed count ("died in police firing");
* FORCE: such an event of type ASSAULT or with a killed/wounded count;
* ARREST: an arrest (arrested count or CAMEO 173) by the police *or with no
  stated agent* ("39 people were arrested"): arresting is what police do, so an
  agentless arrest is read as a police arrest, a documented choice;
* FAIL: a *negated* event with a police source ("police did not intervene"),
  the one label our negation detection answers directly.

An event told as future or hypothetical ("police will arrest them", "the culprits must be
arrested") answers no question of a deed done (KILL, FORCE, ARREST); with a police source
it still answers ANY_ACTION (the police are acting in the story).
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
    in_split,
    read_jsonl,
    run_pipeline,
    take,
)
from eventwire.evaluate.metrics import Metric, prf, spans_overlap
from eventwire.model import Event

MARKER = "india_police_events_docs.jsonl"
LABELS = ("KILL", "ARREST", "FORCE", "FAIL", "ANY_ACTION")
DEFAULT_SAMPLE = 150  # documents, evenly spread over the file
_POLICE = re.compile(
    r"\b(police\w*|cops?|constables?|inspectors?|commissioners?|sub-inspectors?)\b", re.I
)


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


def read(path: Path, limit: int | None = None, split: str = "all") -> list[PoliceDoc]:
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
    return take(in_split(docs, split, lambda g: g.id), limit)


# Modalities of an act not done: promised, planned, asked for or possible.
UNREALISED = frozenset({"future", "hypothetical"})


def labels_of(event: Event, source_texts: list[str]) -> set[str]:
    """The police-action labels one of our events supports."""
    police = any(_POLICE.search(t) for t in source_texts)
    arrest = (
        bool(event.counts.get("arrested"))
        or any(c.startswith("173") for c in event_codes(event, "cameo"))
        or "Arrests" in event_codes(event, "acled", "sub_event_type")  # "the arrests followed"
    )
    if event.negated:
        return {"FAIL"} if police else set()
    if event.modality in UNREALISED:
        # "police will arrest them", "were given ten days to arrest him": no arrest was
        # made, though the police are still acting (or failing to) in the story
        return {"ANY_ACTION"} if police else set()
    labels: set[str] = set()
    if arrest and (police or not source_texts):
        labels |= {"ARREST", "ANY_ACTION"}
    if not police:
        return labels
    labels.add("ANY_ACTION")
    if event.counts.get("killed"):
        labels.add("KILL")
    if event.type == "ASSAULT" or event.counts.get("killed") or event.counts.get("wounded"):
        labels.add("FORCE")
    return labels


def score(docs: list[PoliceDoc], run: PipelineRun) -> SetResult:
    result = SetResult(
        "india-police", items=sum(len(d.sentences) for d in docs), articles=len(docs)
    )
    counts = {label: [0, 0, 0] for label in LABELS}  # tp, fp, fn
    for d in docs:
        aid = gold_article(d.text, published=d.published).id
        found = []
        for e in run.events(aid):
            labels = labels_of(e, run.actor_texts(aid, e.source_actor))
            if labels:
                found += [
                    (ev.char_start, ev.char_end, labels)
                    for ev in e.evidence
                    if ev.article_id == aid
                ]
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
    result.notes.append(
        "sentence level; police = source actor written as police/cops/constables/...; "
        "an arrest with no stated agent counts as a police arrest; FAIL = a negated police event"
    )
    return result


@gold_sets.register(
    "india-police",
    folder="india_police_events",
    marker=MARKER,
    title="IndiaPoliceEvents (Gujarat 2002)",
    sample=DEFAULT_SAMPLE,
    anchors=(
        Anchor(
            "(sentence F1)",
            "see paper: zero-shot RoBERTa-MNLI and keyword baselines",
            "Halterman et al., Findings of ACL 2021",
        ),
    ),
)
def evaluate(folder: Path, ctx: EvalContext) -> SetResult:
    size = ctx.sample_size(DEFAULT_SAMPLE)
    docs = read(folder / MARKER, size, ctx.split)
    run = run_pipeline([gold_article(d.text, published=d.published) for d in docs], ctx)
    result = score(docs, run)
    if size is not None:
        result.sample = f"{size} documents, evenly spread over the file"
    return result
