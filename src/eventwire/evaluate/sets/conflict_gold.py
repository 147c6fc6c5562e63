"""Conflict news gold: hand-coded articles on wars other than Libya (a generality test).

The gold (``gold.json``, schema in the set's README) codes actors and their spellings,
pairs that must stay apart, relations with a status, events with dates, places and
counts, numbers that are not counts, quotes and same-incident pairs. The scorer reads
our output in one plain form, :class:`~eventwire.evaluate.exported.Prediction` (also
readable from JSON, so the scorer is tested on tiny hand-written files). One figure per area; scoring rules in docs/evaluation.md.

The matching of our output to the gold lives in ``conflict_matching.py`` and the scorer
in ``conflict_scoring.py``; this module reads the gold and the articles and runs the set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.errors import EvalError
from eventwire.evaluate.base import (
    Anchor,
    EvalContext,
    SetResult,
    gold_article,
    gold_sets,
    in_split,
    run_pipeline,
)
from eventwire.evaluate.exported import prediction_from_run, read_json
from eventwire.evaluate.sets.conflict_matching import (
    Gold,
    date_ok,
    numbers_in,
    owns,
    same_sentence_text,
)
from eventwire.evaluate.sets.conflict_scoring import score
from eventwire.model import Article

# what other modules and the tests import from here; the last six live in conflict_matching
# and conflict_scoring
__all__ = [
    "ANCHORS",
    "MARKER",
    "evaluate_gold",
    "gold_in_split",
    "gold_of_articles",
    "read_gold",
    "restrict_to_texts",
    "Gold",
    "date_ok",
    "numbers_in",
    "owns",
    "same_sentence_text",
    "score",
]

MARKER = "gold.json"
# The areas with a goal (issue 13); the other figures explain them.
AREAS = (
    "aliases",
    "must_not_merge",
    "relations",
    "event_dates",
    "event_places_50km",
    "counts",
    "not_counts",
    "quotes",
    "same_incident",
)
ANCHORS = tuple(
    Anchor(area, ">= 0.90 with the shipped KB, >= 0.80 without", "eventwire goal, issue 13")
    for area in AREAS
)


# --- the gold -------------------------------------------------------------------------
def read_gold(path: Path) -> dict[str, Any]:
    gold = read_json(path)
    if not isinstance(gold.get("articles"), dict):
        raise EvalError(f"{path}: no 'articles' object")
    return gold


def gold_in_split(gold: dict[str, Any], split: str) -> dict[str, Any]:
    """The gold restricted to the articles of ``split``. A same-incident pair (two outlets,
    one incident) is split as one item, by its first article, so no pair straddles."""
    files = sorted(gold["articles"])
    partner = {}
    for pair in gold.get("same_incident", []):
        a, b = sorted((pair[0]["article"], pair[1]["article"]))
        partner[b] = a
    return gold_of_articles(gold, in_split(files, split, lambda f: partner.get(f, f)))


def gold_of_articles(gold: dict[str, Any], articles: Iterable[str]) -> dict[str, Any]:
    """The gold restricted to ``articles``: their rows, and the pairs wholly inside them."""
    keep = set(articles)
    out = dict(gold)
    out["articles"] = {f: v for f, v in gold["articles"].items() if f in keep}
    for key in ("relations", "events", "not_counts", "quotes"):
        out[key] = [r for r in gold.get(key, []) if r["article"] in keep]
    for key in ("same_incident",):
        out[key] = [p for p in gold.get(key, []) if all(x["article"] in keep for x in p)]
    out["different_incidents"] = [
        d
        for d in gold.get("different_incidents", [])
        if all(x["article"] in keep for x in d["pair"])
    ]
    return out


def restrict_to_texts(gold: dict[str, Any], texts: Iterable[str]) -> dict[str, Any]:
    """The name-level gold (alias clusters, place variants, must-not-merge pairs) cut to
    the spellings written in ``texts``: a split holds only some articles, and a spelling
    it never writes can be owned by nothing."""
    texts = list(texts)

    def written(spellings: Iterable[str]) -> list[str]:
        words = [(s, re.compile(rf"(?<!\w){re.escape(s)}(?!\w)")) for s in spellings]
        return [s for s, pattern in words if any(pattern.search(t) for t in texts)]

    out = dict(gold)
    for key in ("alias_clusters", "place_variants"):
        cut = {name: written(sp) for name, sp in gold.get(key, {}).items()}
        out[key] = {name: sp for name, sp in cut.items() if sp}
    names = Gold(out)
    out["must_not_merge"] = [
        item
        for item in gold.get("must_not_merge", [])
        if all(written(names.spellings(n)) for n in item["pair"])
    ]
    return out


# --- the set --------------------------------------------------------------------------
def read_articles(folder: Path, gold: dict[str, Any]) -> dict[str, Article]:
    """Gold file name -> the article as a user would ingest it: the whole text, the
    first line as its title, and the gold publication date."""
    out = {}
    for file, meta in sorted(gold["articles"].items()):
        path = folder / "articles" / f"{file}.txt"
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise EvalError(f"{path}: cannot read ({exc.strerror or exc})") from exc
        title = text.split("\n", 1)[0].strip()
        out[file] = gold_article(text, published=meta.get("published"), title=title)
    return out


@gold_sets.register(
    "conflict-gold",
    folder="conflict_news_gold",
    marker=MARKER,
    title="Conflict news gold (wars other than Libya)",
    sample=None,
    anchors=ANCHORS,
)
def evaluate(folder: Path, ctx: EvalContext) -> SetResult:
    return evaluate_gold(folder, gold_in_split(read_gold(folder / MARKER), ctx.split), ctx)


def evaluate_gold(
    folder: Path, gold: dict[str, Any], ctx: EvalContext, name: str = "conflict-gold"
) -> SetResult:
    """Run the pipeline on the articles of ``gold`` (already cut to a split) and score them:
    every gold set in this schema goes through here."""
    articles = read_articles(folder, gold)
    gold = restrict_to_texts(gold, (a.text for a in articles.values()))
    run = run_pipeline(list(articles.values()), ctx)
    pred = prediction_from_run(run, {a.id: f for f, a in articles.items()})
    result = score(gold, pred, ctx.resources.ontology, name)
    result.sample = f"split {ctx.split}: {', '.join(sorted(articles)) or 'no article'}"
    kb = "off" if not ctx.settings.shipped_kb else "on"
    result.notes.append(f"shipped KB files {kb}")
    return result
