"""PETRARCH2 unit-test records: CAMEO event triples on mostly fictional actors.

Its actors (Arnor, Gondor, Mordor...) exist only in PETRARCH's validation
dictionaries, so only expected triples whose source and target are real
countries our knowledge base resolves in the sentence are scored; the rest are
counted as skipped.
"""

from __future__ import annotations

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
from eventwire.evaluate.metrics import Metric, Tally
from eventwire.evaluate.places import country_iso3
from eventwire.model import mention_key

MARKER = "petrarch2_unittest_records.jsonl"


@dataclass(frozen=True)
class Triple:
    source: str  # CAMEO actor code, e.g. "USAGOV"
    target: str
    code: str  # CAMEO event code


@dataclass(frozen=True)
class PetrarchGold:
    id: str
    text: str
    published: str | None
    triples: tuple[Triple, ...]


def read(path: Path, limit: int | None = None, split: str = "all") -> list[PetrarchGold]:
    golds = []
    for rec in read_jsonl(path):
        raw = str(rec.get("date") or "")
        published = f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if len(raw) == 8 and raw.isdigit() else None
        golds.append(
            PetrarchGold(
                id=rec["id"],
                text=rec["text"],
                published=published,
                triples=tuple(
                    Triple(str(e["source"]), str(e["target"]), str(e["code"]))
                    for e in rec.get("expected_events") or ()
                ),
            )
        )
    return take(in_split(golds, split, lambda g: g.id), limit)


def real_country(code: str) -> str | None:
    """The ISO3 country a CAMEO actor code starts with, if it is a real country."""
    head = code[:3]
    return head if head.isalpha() and head.isupper() and country_iso3(head) == head else None


def score(golds: list[PetrarchGold], run: PipelineRun) -> SetResult:
    result = SetResult("petrarch2", items=sum(len(g.triples) for g in golds), articles=len(golds))
    agree, skipped = Tally(), 0
    for g in golds:
        aid = gold_article(g.text, published=g.published).id
        events = [e for e in run.events(aid) if not e.negated]
        countries = {
            a.country
            for e in events
            for a in (run.actor(e.source_actor), run.actor(e.target_actor))
            if a is not None and a.country
        } | {
            a.country
            for doc in [run.records.get(aid)]
            if doc
            for m in doc.mentions
            for a in [run.actor(run.resolution.mention_actor.get(mention_key(aid, m.span)))]
            if a is not None and a.country
        }
        for t in g.triples:
            src, tgt = real_country(t.source), real_country(t.target)
            if not src or not tgt or src not in countries or tgt not in countries:
                skipped += 1
                continue
            roots = {code[:2] for e in events for code in event_codes(e, "cameo")}
            if not agree.add(t.code[:2] in roots):
                result.miss(g.id, "cameo_root", t.code, sorted(r for r in roots if r), g.text)
    result.metrics = {
        "cameo_root_agreement": agree.metric(
            "expected triples whose source and target countries our KB resolves"
        ),
        "skipped_share": Metric(
            skipped / result.items if result.items else None,
            result.items,
            f"{skipped} triples skipped",
        ),
    }
    result.notes.append(
        "PETRARCH2's unit tests use fictional actors (Arnor, Gondor...) that exist only in "
        "its validation dictionaries; those triples are skipped, so this is a mechanics check, "
        "not an accuracy benchmark"
    )
    return result


@gold_sets.register(
    "petrarch2",
    folder="petrarch2_unit_tests",
    marker=MARKER,
    title="PETRARCH2 unit-test records",
    sample=None,
    anchors=(
        Anchor(
            "cameo_root_agreement",
            "1.0 by construction",
            "PETRARCH2 with its own validation dictionaries",
        ),
    ),
)
def evaluate(folder: Path, ctx: EvalContext) -> SetResult:
    golds = read(folder / MARKER, ctx.sample_size(None), ctx.split)
    run = run_pipeline([gold_article(g.text, published=g.published) for g in golds], ctx)
    return score(golds, run)
