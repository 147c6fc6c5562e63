"""Rebuild the learned doer chooser's weights from the repository's own data.

    python scripts/train_chooser.py            # writes knowledge/data/doer_chooser.json
    python scripts/train_chooser.py --check    # exit 1 when the shipped file differs

Training data: the written gold's dev groups, without the two hold-outs kept unread
(:data:`HOLD_OUTS`); never a test group. Each article is extracted with the chooser off;
each of our events is matched to the gold events of its sentence of the same incident
family, and each candidate of the event (``extract/doer_features.py``) is labelled a doer
when it writes a spelling of the gold actor (the scorer's own matching, ``owns``), itself
or through a mention of the same document-local group. Figures of grouped
cross-validation (folds of whole article groups) pick the threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.config import Settings
from eventwire.evaluate.sets.conflict_gold import (
    Gold,
    gold_of_articles,
    owns,
    read_articles,
    same_sentence_text,
)
from eventwire.evaluate.sets.written_gold import FOLDER, articles_of_groups, check
from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.chooser import WEIGHTS_FILE
from eventwire.extract.chooser_fit import Example, fit, grouped_cv, pick_threshold
from eventwire.extract.component import ExtractionPipeline
from eventwire.extract.context import DocContext
from eventwire.extract.doer_features import FEATURES, OtherRoles, candidates, vector
from eventwire.extract.events import mention_kind
from eventwire.knowledge.resources import Resources
from eventwire.model import Article, EventMention, Mention
from eventwire.nlp import build_pipeline, parse

# Written-gold dev groups never read nor trained on: the fifth batch's, and a second set
# kept for relations.
HOLD_OUTS = frozenset({"AW", "AY", "BA", "BC", "BE", "AM", "AO", "AQ", "AS", "AV"})
OUT = Path(__file__).resolve().parents[1] / "src/eventwire/knowledge/data" / WEIGHTS_FILE


def training_groups(gold: dict[str, Any]) -> list[str]:
    return sorted(g for g in gold["split"]["dev"] if g not in HOLD_OUTS)


def extracted(article: Article, doc: Any, pipe: ExtractionPipeline) -> DocContext:
    """The extraction context of one article after every component ran (the pipeline's
    own loop, kept so the parse and mentions stay at hand)."""
    ctx = DocContext(article=article, doc=doc, resources=pipe.resources)
    for comp in pipe.components:
        with ctx.reading_as(comp.name, frozenset((*comp.requires, *comp.extends))):
            produced = comp(ctx)
        for kind in comp.assigns:
            ctx.put(kind, produced.get(kind, ()))
        for kind in comp.extends:
            if kind in produced:
                ctx.put(kind, produced[kind])
    return ctx


def _doer_spellings(g: Gold, ge: dict[str, Any]) -> list[str]:
    names = [n for n in (ge.get("actor"), *ge.get("also_accept_actor", [])) if n]
    return [s for n in names for s in g.spellings(n)]


def _is_doer(m: Mention, spellings: list[str], mentions: tuple[Mention, ...]) -> bool:
    def writes(x: Mention) -> bool:
        return any(owns(x.span.text, s) or owns(x.normalized, s) for s in spellings)

    if writes(m):
        return True
    return bool(m.group) and any(x.group == m.group and writes(x) for x in mentions)


def examples_of(
    name: str, group: str, ctx: DocContext, g: Gold, gold_events: list[dict[str, Any]]
) -> list[Example]:
    onto = ctx.resources.ontology
    index = MentionIndex.of(ctx)
    mentions = ctx.mentions
    out: list[Example] = []
    roles = OtherRoles.of(ctx.events, index)
    for n, e in enumerate(ctx.events):
        if "statement" in e.qualifiers or e.negated or e.type not in onto.violent_types:
            continue
        if onto.is_finding(e.type, e.lemma):
            continue
        ge = _gold_event(e, gold_events, onto)
        if ge is None:
            continue
        words = ctx.doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if words is None or len(words) == 0:
            continue
        violent = e.type in onto.violent_types
        kind = mention_kind(index, onto)
        cands = candidates(ctx.view, index, e, words.root, violent, kind, roles)
        spellings = _doer_spellings(g, ge)
        by_span = {m.span: m for m in index.all()}
        for c in cands:
            m = by_span.get(c.span)
            y = int(m is not None and bool(spellings) and _is_doer(m, spellings, mentions))
            out.append(Example(tuple(vector(c)), y, f"{name}/{n}", group, e.source is None))
    return out


def _gold_event(
    e: EventMention, gold_events: list[dict[str, Any]], onto: Any
) -> dict[str, Any] | None:
    """The gold event told in our event's sentence, of its incident family."""
    family = onto.incident_family(e.type)
    for ge in gold_events:
        if not same_sentence_text(e.evidence.sentence, ge.get("evidence", "")):
            continue
        types = {onto.normalise(t) or t for t in (ge["plover_type"], *ge.get("plover_also_ok", []))}
        if any(onto.incident_family(t) == family for t in types):
            return ge
    return None


def build_examples(settings: Settings) -> tuple[list[Example], list[str]]:
    gold = check(FOLDER)
    groups = training_groups(gold)
    sub = gold_of_articles(gold, articles_of_groups(gold, groups))
    articles = read_articles(FOLDER, sub)
    g = Gold(sub)
    resources = Resources(settings)
    pipe = ExtractionPipeline(resources)
    nlp = build_pipeline(settings)
    names = sorted(articles)
    docs = parse(nlp, (articles[n].text for n in names), 16)
    out: list[Example] = []
    for name, doc in zip(names, docs, strict=True):
        ctx = extracted(articles[name], doc, pipe)
        events = [ge for ge in sub["events"] if ge["article"] == name]
        out += examples_of(name, sub["articles"][name]["group"], ctx, g, events)
    return out, groups


def train(settings: Settings) -> dict[str, Any]:
    examples, groups = build_examples(settings)
    figures = grouped_cv(examples)
    threshold = pick_threshold(figures)
    w = fit(np.array([e.x for e in examples]), np.array([e.y for e in examples], dtype=float))
    events = {e.event for e in examples}
    return {
        "what": "logistic weights of the doer chooser (extract/chooser.py); rebuilt by "
        "scripts/train_chooser.py from the written gold's dev groups listed",
        "features": list(FEATURES),
        "weights": [round(float(x), 6) for x in w],
        "threshold": threshold,
        "training_groups": groups,
        "examples": len(examples),
        "events": len(events),
        "open_events": len({e.event for e in examples if e.open_doer}),
        "positives": sum(e.y for e in examples),
        "cv_by_threshold": [
            {
                "threshold": f.threshold,
                "filled": f.filled,
                "right": f.right,
                "precision": round(f.precision, 3),
                "reachable": f.reachable,
            }
            for f in figures
        ],  # fmt: skip
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = parser.parse_args()
    settings = Settings(doer_chooser=False, db=":memory:")
    data = train(settings)
    text = json.dumps(data, indent=1) + "\n"
    if args.check:
        same = OUT.is_file() and OUT.read_text("utf-8") == text
        print("shipped weights match a retrain" if same else "shipped weights differ")
        return 0 if same else 1
    OUT.write_text(text, "utf-8")
    cv = next(f for f in data["cv_by_threshold"] if f["threshold"] == data["threshold"])
    print(f"{data['examples']} candidates of {data['events']} events; threshold "
          f"{data['threshold']}: {cv['right']}/{cv['filled']} right (cv)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
