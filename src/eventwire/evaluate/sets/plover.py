"""PLOVER gold-standard records: one coded event per sentence (CC BY-SA 4.0)."""

from __future__ import annotations

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
    sentence_of,
    take,
)
from eventwire.evaluate.metrics import Tally, text_overlap
from eventwire.evaluate.places import country_iso3, place_matches
from eventwire.knowledge.ontology import Ontology
from eventwire.resolve.events import main_event

MARKER = "plover_gsr_records.jsonl"


@dataclass(frozen=True)
class PloverGold:
    id: str
    text: str
    event_type: str  # as coded (PLOVER 0.5: FIGHT, DEMAND, DISAPPROVE, INVESTIGATE...)
    source_texts: tuple[str, ...]
    target_texts: tuple[str, ...]
    location: str | None
    location_country: str | None  # ISO3
    dead: int | None


def read(path: Path, limit: int | None = None, split: str = "all") -> list[PloverGold]:
    golds = []
    for rec in read_jsonl(path):
        events = rec.get("expected_events") or []
        if not events:
            continue
        loc = rec.get("event_location") or {}
        dead = rec.get("dead")
        golds.append(
            PloverGold(
                id=rec["id"],
                text=rec["text"],
                event_type=str(events[0]["code"]).upper(),
                source_texts=tuple(a["actorText"] for a in rec.get("source_actors") or ()),
                target_texts=tuple(a["actorText"] for a in rec.get("target_actors") or ()),
                location=loc.get("name") or None,
                location_country=country_iso3(loc.get("country code")),
                dead=int(str(dead).strip()) if str(dead or "").strip().isdigit() else None,
            )
        )
    return take(in_split(golds, split, lambda g: g.id), limit)


def score(golds: list[PloverGold], run: PipelineRun, onto: Ontology) -> SetResult:
    result = SetResult("plover", items=len(golds), articles=len(golds))
    etype, any_type, src, tgt, loc, dead = (Tally() for _ in range(6))
    for g in golds:
        aid = gold_article(g.text).id
        events = [e for e in run.events(aid) if not e.negated]
        ours = main_event(events, onto)
        gold_type = onto.normalise(g.event_type) or g.event_type
        if not etype.add(ours is not None and ours.type.upper() == gold_type):
            result.miss(g.id, "event_type", gold_type, ours and ours.type, g.text)
        any_type.add(any(e.type.upper() == gold_type for e in events))
        if g.source_texts:
            texts = run.actor_texts(aid, ours.source_actor) if ours else []
            if not src.add(text_overlap(texts, g.source_texts)):
                result.miss(g.id, "source_actor", g.source_texts, texts, g.text)
        if g.target_texts:
            texts = run.actor_texts(aid, ours.target_actor) if ours else []
            if not tgt.add(text_overlap(texts, g.target_texts)):
                result.miss(g.id, "target_actor", g.target_texts, texts, g.text)
        if g.location:
            place = ours.location if ours else None
            if not loc.add(place_matches(place, [g.location], g.location_country)):
                result.miss(g.id, "location", g.location, place and place.name, g.text)
        if g.dead is not None:
            killed = max((e.counts.get("killed", 0) for e in events), default=None)
            if not dead.add(killed == g.dead):
                result.miss(g.id, "deaths", g.dead, killed, sentence_of(ours) or g.text)
    result.metrics = {
        "event_type_accuracy": etype.metric(
            "our lead event's type; gold PLOVER 0.5 labels "
            "mapped to the current ones (FIGHT -> ASSAULT)"
        ),
        "event_type_any": any_type.metric("the gold type is among our events' types in the text"),
        "source_actor_match": src.metric(),
        "target_actor_match": tgt.metric(),
        "location_match": loc.metric(),
        "deaths_exact": dead.metric(),
    }
    result.notes.append(
        "our event = the lead event of the sentence (resolve.events.main_event); "
        "deaths = the largest killed count on our events in it"
    )
    return result


@gold_sets.register(
    "plover",
    folder="plover_gsr_cameo",
    marker=MARKER,
    title="PLOVER gold-standard records",
    sample=None,
    anchors=(
        Anchor("event_type_accuracy", ">= 0.75", "eventwire goal, events issue"),
        Anchor("event_type_accuracy", "not reported", "PLOVER/NGEC publish no GSR accuracy"),
    ),
)
def evaluate(folder: Path, ctx: EvalContext) -> SetResult:
    golds = read(folder / MARKER, ctx.sample_size(None), ctx.split)
    run = run_pipeline([gold_article(g.text, published=None) for g in golds], ctx)
    return score(golds, run, ctx.resources.ontology)
