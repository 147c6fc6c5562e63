"""Timeline17 conflict topics: news articles and journalists' dated timelines.

Our timeline for a topic = the distinct day-precision dates of our events on
that topic's articles, ranked by how many sources report the event, cut to the
gold timeline's length and restricted to its date range (the usual news-tls
setting). ``date_f1`` compares those dates with the gold dates; a topic with
several gold timelines gets the mean, the overall figure is the mean over
all timelines.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

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
from eventwire.evaluate.metrics import Metric, set_f1
from eventwire.model import Event

MARKER = "gold_timelines.jsonl"
DEFAULT_SAMPLE = 25  # articles per topic, evenly spread over its publication dates


@dataclass(frozen=True)
class T17Article:
    id: str
    topic: str
    published: str
    text: str


@dataclass(frozen=True)
class T17Timeline:
    topic: str
    name: str
    dates: tuple[str, ...]


_PTB = [
    (re.compile(r"-LRB-"), "("),
    (re.compile(r"-RRB-"), ")"),
    (re.compile(r"-LSB-"), "["),
    (re.compile(r"-RSB-"), "]"),
    (re.compile(r"``\s*|''"), '"'),
    (re.compile(r"\(\s+"), "("),
    (re.compile(r"\s+\)"), ")"),
    (re.compile(r" (n't|'s|'re|'ve|'m|'ll|'d)\b"), r"\1"),
    (re.compile(r" ([.,;:?!%])"), r"\1"),
    (re.compile(r"\$ (\d)"), r"$\1"),
]


def detokenize(text: str) -> str:
    """Undo the news-tls PTB tokenisation well enough for parsing."""
    for pattern, repl in _PTB:
        text = pattern.sub(repl, text)
    return text


def read_articles(path: Path, limit: int | None = None, split: str = "all") -> list[T17Article]:
    by_topic: dict[str, list[T17Article]] = defaultdict(list)
    for rec in read_jsonl(path):
        by_topic[rec["topic"]].append(
            T17Article(rec["id"], rec["topic"], rec.get("pub_date") or "", detokenize(rec["text"]))
        )
    out: list[T17Article] = []
    for topic in sorted(by_topic):
        items = sorted(by_topic[topic], key=lambda a: (a.published, a.id))
        out += take(in_split(items, split, lambda a: a.id), limit)
    return out


def read_timelines(path: Path) -> list[T17Timeline]:
    return [
        T17Timeline(
            rec["topic"],
            rec.get("timeline_file") or "",
            tuple(sorted({e["date"] for e in rec.get("entries") or ()})),
        )
        for rec in read_jsonl(path)
    ]


def timeline_dates(events: list[Event], length: int, first: str, last: str) -> list[str]:
    """Dates of the most-reported day-precision events within [first, last], ``length`` at most."""
    ranked = sorted(
        (e for e in events if e.date and e.date_precision == "day" and not e.negated),
        key=lambda e: (-e.source_count, -len(e.evidence), e.date),
    )
    dates: list[str] = []
    for e in ranked:
        day = (e.date or "")[:10]
        if first <= day <= last and day not in dates:
            dates.append(day)
        if len(dates) >= length:
            break
    return dates


def score(articles: list[T17Article], timelines: list[T17Timeline], run: PipelineRun) -> SetResult:
    result = SetResult("timeline17", items=sum(len(t.dates) for t in timelines))
    result.articles = len(articles)
    events_by_topic: dict[str, list[Event]] = defaultdict(list)
    for a in articles:
        events_by_topic[a.topic] += run.events(gold_article(a.text, published=a.published).id)
    f1s: list[float] = []
    per_topic: dict[str, list[float]] = defaultdict(list)
    for tl in timelines:
        if tl.topic not in {a.topic for a in articles} or not tl.dates:
            continue
        ours = timeline_dates(events_by_topic[tl.topic], len(tl.dates), tl.dates[0], tl.dates[-1])
        f1 = set_f1(ours, tl.dates)
        f1s.append(f1)
        per_topic[tl.topic].append(f1)
        missed = sorted(set(tl.dates) - set(ours))
        if missed:
            result.miss(f"{tl.topic}/{tl.name}", "dates", missed, sorted(ours), None)
    for topic, values in sorted(per_topic.items()):
        result.groups[topic] = {"date_f1": Metric(sum(values) / len(values), len(values))}
    result.metrics = {
        "date_f1": Metric(sum(f1s) / len(f1s), len(f1s), "mean over gold timelines")
        if f1s
        else Metric(None, 0, "no gold timeline for the topics read")
    }
    result.notes.append(
        "our timeline = distinct day-precision event dates, most-sourced first, "
        "cut to the gold length and date range; publication-date fallbacks excluded"
    )
    return result


@gold_sets.register(
    "timeline17",
    folder="timeline17_conflict",
    marker=MARKER,
    title="Timeline17 conflict topics",
    sample=DEFAULT_SAMPLE,
    anchors=(
        Anchor(
            "date_f1",
            "see paper: Date-F1 per method on all T17 topics and the full article pool",
            "DATEWISE/CLUST, Gholipour Ghalandari & Ifrim (ACL 2020)",
        ),
    ),
)
def evaluate(folder: Path, ctx: EvalContext) -> SetResult:
    size = ctx.sample_size(DEFAULT_SAMPLE)
    articles = read_articles(folder / "articles.jsonl", size, ctx.split)
    timelines = read_timelines(folder / MARKER)
    run = run_pipeline([gold_article(a.text, published=a.published) for a in articles], ctx)
    result = score(articles, timelines, run)
    if size is not None:
        result.sample = f"{size} articles per topic, evenly spread over publication dates"
    return result
