"""Rebuild the learned doer chooser's training examples and weights.

    python scripts/train_chooser.py                  # written gold only
    python scripts/train_chooser.py --data DIR       # and the real sets' dev items under DIR
    python scripts/train_chooser.py --check          # refit the shipped examples: same weights?

Extraction writes ``scripts/data/doer_chooser_examples.json`` (each candidate's feature
vector and label, by source and document; no text) and the fit writes
``knowledge/data/doer_chooser.json`` (weights, threshold, the sources and their counts).
``--check`` refits the shipped examples and compares the weights: it needs no data and no
parse, so a change to an extraction rule does not make it fail (the examples are
rebuilt, with the data, when the lead retrains).

Sources (``chooser_sources.py``): the written gold's dev groups without the hold-outs,
and with ``--data`` ACLED's notes, MUC-4's mixed-case messages and india-police's
documents, dev halves only. Each article is extracted with the chooser off; each
violent event the source gives a doer for has its candidates
(``extract/doer_features.py``) labelled doer or not. Grouped cross-validation (folds of
whole documents of all sources) picks the threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from chooser_sources import SourceDoc, real_sets, written_gold

from eventwire.config import Settings
from eventwire.extract.actorspans import MentionIndex
from eventwire.extract.chooser import WEIGHTS_FILE
from eventwire.extract.chooser_fit import Example, cv_tables, fit, pick_threshold
from eventwire.extract.component import ExtractionPipeline
from eventwire.extract.context import DocContext
from eventwire.extract.doer_features import FEATURES, OtherRoles, candidates, vector
from eventwire.extract.events import mention_kind
from eventwire.knowledge.resources import Resources
from eventwire.model import Article
from eventwire.nlp import build_pipeline, parse

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "src/eventwire/knowledge/data" / WEIGHTS_FILE
EXAMPLES = HERE / "data" / "doer_chooser_examples.json"  # not package data: training only


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


def examples_of(d: SourceDoc, ctx: DocContext) -> list[Example]:
    """The labelled candidates of the document's violent events its source gives a doer
    for (statements, finds and negated acts are never the chooser's)."""
    onto = ctx.resources.ontology
    index = MentionIndex.of(ctx)
    kind = mention_kind(index, onto)
    roles = OtherRoles.of(ctx.events, index)
    by_span = {m.span: m for m in index.all()}
    out: list[Example] = []
    for n, e in enumerate(ctx.events):
        event = f"{d.group}/{ctx.article.id[:10]}/{n}"
        if "statement" in e.qualifiers or e.negated or e.type not in onto.violent_types:
            continue
        if onto.is_finding(e.type, e.lemma):
            continue
        words = ctx.doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if words is None or len(words) == 0:
            continue
        rows = []
        for c in candidates(ctx.view, index, e, words.root, True, kind, roles):
            m = by_span.get(c.span)
            y = d.is_doer(m, e, ctx.mentions, kind(m)) if m is not None else False
            if y is None:
                rows = []
                break
            rows.append(Example(_rounded(vector(c)), int(y), event, d.group,
                                e.source is None, d.source))  # fmt: skip
        out += rows
    return out


def _rounded(xs: list[float]) -> tuple[float, ...]:
    """Values as the examples file writes them (whole numbers without a point)."""
    return tuple(int(r) if (r := round(x, 4)) == int(r) else r for x in xs)


def build_examples(settings: Settings, data: Path | None) -> tuple[list[Example], list[str]]:
    resources = Resources(settings)
    docs, groups = written_gold(resources.ontology)
    if data is not None:
        kb = resources.kb
        names = {
            e.country: e.name for _n, e in kb.iter_names() if e.type == "country" and e.country
        }

        def demonym(word: str) -> str | None:
            code = kb.country_by_demonym(word)
            return names.get(code) if code else None

        docs += list(real_sets(data, demonym))
    pipe = ExtractionPipeline(resources)
    nlp = build_pipeline(settings)
    out: list[Example] = []
    parsed = parse(nlp, (d.article.text for d in docs), 16)
    for d, doc in zip(docs, parsed, strict=True):
        out += examples_of(d, extracted(d.article, doc, pipe))
    return out, groups


def write_examples(examples: list[Example], groups: list[str]) -> None:
    """The examples as one JSON file: rows of source, group, event, open, label, vector."""
    rows = [[e.source, e.group, e.event, int(e.open_doer), e.y, list(e.x)] for e in examples]
    body = ",\n".join(json.dumps(r, separators=(",", ":")) for r in rows)
    head = json.dumps({"features": list(FEATURES), "written_gold_groups": groups})
    EXAMPLES.write_text(f'{{"meta":{head},\n"rows":[\n{body}\n]}}\n', "utf-8")


def read_examples() -> tuple[list[Example], list[str]]:
    data = json.loads(EXAMPLES.read_text("utf-8"))
    if tuple(data["meta"]["features"]) != FEATURES:
        raise SystemExit("the shipped examples were written for other features: rebuild them")
    rows = [Example(tuple(x), y, event, group, bool(op), src)
            for src, group, event, op, y, x in data["rows"]]  # fmt: skip
    return rows, data["meta"]["written_gold_groups"]


def _figures(figures: Any) -> list[dict[str, Any]]:
    return [{"threshold": f.threshold, "filled": f.filled, "right": f.right,
             "precision": round(f.precision, 3), "reachable": f.reachable}
            for f in figures]  # fmt: skip


def weights_of(examples: list[Example], groups: list[str]) -> dict[str, Any]:
    tables = cv_tables(examples)
    figures = tables[""]
    threshold = pick_threshold(figures)
    w = fit(np.array([e.x for e in examples]), np.array([e.y for e in examples], dtype=float))
    sources = sorted({e.source for e in examples})
    per_source = {}
    for s in sources:
        mine = [e for e in examples if e.source == s]
        per_source[s] = {
            "documents": len({e.group for e in mine}),
            "events": len({e.event for e in mine}),
            "open_events": len({e.event for e in mine if e.open_doer}),
            "examples": len(mine),
            "positives": sum(e.y for e in mine),
        }
    return {
        "what": "logistic weights of the doer chooser (extract/chooser.py); rebuilt by "
        "scripts/train_chooser.py from the dev halves of the sources listed",
        "features": list(FEATURES),
        "weights": [round(float(x), 6) for x in w],
        "threshold": threshold,
        "training_groups": groups,
        "sources": per_source,
        "examples": len(examples),
        "events": len({e.event for e in examples}),
        "open_events": len({e.event for e in examples if e.open_doer}),
        "positives": sum(e.y for e in examples),
        "cv_by_threshold": _figures(figures),
        "cv_by_source": {s: _figures(tables[s]) for s in sources},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="refit the shipped examples")
    parser.add_argument("--data", type=Path, help="folder of the real evaluation sets")
    args = parser.parse_args()
    if args.check:
        examples, groups = read_examples()
        text = json.dumps(weights_of(examples, groups), indent=1) + "\n"
        same = OUT.is_file() and OUT.read_text("utf-8") == text
        print("shipped weights match a refit" if same else "shipped weights differ")
        return 0 if same else 1
    settings = Settings(doer_chooser=False, db=":memory:")
    examples, groups = build_examples(settings, args.data)
    write_examples(examples, groups)
    examples, groups = read_examples()  # fit what is shipped, to the last digit
    data = weights_of(examples, groups)
    OUT.write_text(json.dumps(data, indent=1) + "\n", "utf-8")
    cv = next(f for f in data["cv_by_threshold"] if f["threshold"] == data["threshold"])
    print(f"{data['examples']} candidates of {data['events']} events; threshold "
          f"{data['threshold']}: {cv['right']}/{cv['filled']} right (cv)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
