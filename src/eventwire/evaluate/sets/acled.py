"""ACLED event records with their coders' notes (Middle East & North Africa).

Each note runs through the pipeline once; ACLED splits one report into several
rows sharing the note, so fatalities are compared per note (sum of its rows)
and the other fields per row.
"""

from __future__ import annotations

from collections import defaultdict
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
from eventwire.evaluate.metrics import Tally, haversine_km, text_overlap
from eventwire.evaluate.places import country_iso3
from eventwire.resolve.events import main_event

MARKER = "acled_mena_events.jsonl"

# 2016 (legacy) event types -> the modern types they became.
LEGACY_TYPES = {
    "battle-no change of territory": {"Battles"},
    "battle-government regains territory": {"Battles"},
    "battle-non-state actor overtakes territory": {"Battles"},
    "remote violence": {"Explosions/Remote violence"},
    "riots/protests": {"Protests", "Riots"},
    "violence against civilians": {"Violence against civilians"},
    "strategic development": {"Strategic developments"},
    "non-violent transfer of territory": {"Strategic developments"},
    "headquarters or base established": {"Strategic developments"},
}


@dataclass(frozen=True)
class AcledGold:
    id: str
    notes: str
    event_types: frozenset[str]  # acceptable modern event types
    sub_event_type: str | None
    actor1: str
    date: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO3
    fatalities: int


def read(path: Path, limit: int | None = None, split: str = "all") -> list[AcledGold]:
    golds = []
    for rec in read_jsonl(path):
        notes = (rec.get("notes") or "").strip()
        if not notes:
            continue
        etype = rec.get("event_type") or ""
        types = LEGACY_TYPES.get(etype.casefold(), {etype})
        golds.append(
            AcledGold(
                id=rec["event_id_cnty"],
                notes=notes,
                event_types=frozenset(types),
                sub_event_type=rec.get("sub_event_type") or None,
                actor1=rec.get("actor1") or "",
                date=rec.get("event_date") or "",
                lat=rec.get("latitude"),
                lon=rec.get("longitude"),
                country=country_iso3(rec.get("country")),
                fatalities=int(rec.get("fatalities") or 0),
            )
        )
    return take(in_split(golds, split, lambda g: g.notes), limit)


def score(golds: list[AcledGold], run: PipelineRun) -> SetResult:
    result = SetResult("acled", items=len(golds))
    etype, sub, actor, date, near, country, fatal, fatal_pos = (Tally() for _ in range(8))
    any_type, any_sub = Tally(), Tally()
    by_note: dict[str, list[AcledGold]] = defaultdict(list)
    for g in golds:
        by_note[g.notes].append(g)
    result.articles = len(by_note)
    for g in golds:
        aid = gold_article(g.notes).id
        events = [e for e in run.events(aid) if not e.negated]
        coded = lead_with(events, run.ontology, "acled", "event_type")
        ours = coded or main_event(events, run.ontology)
        our_type = event_code(coded, "acled", "event_type") if coded else None
        if not etype.add(our_type in g.event_types):
            result.miss(g.id, "event_type", sorted(g.event_types), our_type, g.notes)
        any_type.add(any_code(events, "acled", "event_type", g.event_types))
        if g.sub_event_type:
            our_sub = event_code(coded, "acled", "sub_event_type") if coded else None
            if not sub.add(our_sub == g.sub_event_type):
                result.miss(g.id, "sub_event_type", g.sub_event_type, our_sub, g.notes)
            any_sub.add(any_code(events, "acled", "sub_event_type", g.sub_event_type))
        if g.actor1:
            texts = run.actor_texts(aid, ours.source_actor) if ours else []
            if not actor.add(text_overlap(texts, [g.actor1])):
                result.miss(g.id, "actor1", g.actor1, texts, g.notes)
        our_date = ours.date if ours and ours.date_precision == "day" else None
        if not date.add(our_date == g.date):
            result.miss(g.id, "date", g.date, ours and ours.date, g.notes)
        place = ours.location if ours else None
        if g.lat is not None and g.lon is not None:
            ok = place is not None and place.lat is not None and place.lon is not None
            km = haversine_km(g.lat, g.lon, place.lat, place.lon) if ok else None  # type: ignore[union-attr,arg-type]
            if not near.add(km is not None and km <= 25):
                result.miss(g.id, "location_25km", [g.lat, g.lon], place and place.name, g.notes)
        if g.country and not country.add(place is not None and place.country == g.country):
            result.miss(g.id, "location_country", g.country, place and place.country, g.notes)
    for notes, rows in by_note.items():
        gold_total = sum(r.fatalities for r in rows)
        events = [e for e in run.events(gold_article(notes).id) if not e.negated]
        ours_total = max((e.counts.get("killed", 0) for e in events), default=0)
        if gold_total:
            fatal_pos.add(ours_total == gold_total)
        if not fatal.add(ours_total == gold_total):
            result.miss(rows[0].id, "fatalities", gold_total, ours_total, notes)
    result.metrics = {
        "event_type_accuracy": etype.metric(),
        "event_type_any": any_type.metric("a gold event type is among our events' in the note"),
        "sub_event_type_accuracy": sub.metric("modern-schema rows only"),
        "sub_event_type_any": any_sub.metric("the gold sub-event type is among our events'"),
        "actor1_match": actor.metric(
            "content-word overlap with ACLED's actor1 name; an unnamed group also offers its "
            "country's name ('police' of Algeria ~ 'Police Forces of Algeria')"
        ),
        "fatalities_exact": fatal.metric(
            "per note: sum of its rows vs our largest killed count (0 = 0 counts as right)"
        ),
        "fatalities_exact_nonzero": fatal_pos.metric("notes whose gold fatalities are > 0"),
        "date_exact": date.metric("our event date with day precision"),
        "location_25km": near.metric(),
        "location_country": country.metric(),
    }
    result.notes.append(
        "our event = the lead event (resolve.events.main_event) among the non-negated events "
        "carrying an ACLED code (else among all events); "
        "2016 legacy event types are mapped to the modern types"
    )
    return result


@gold_sets.register(
    "acled",
    folder="acled_mena_notes",
    marker=MARKER,
    title="ACLED MENA event notes",
    sample=None,
    anchors=(
        Anchor("event_type_accuracy", ">= 0.85", "eventwire goal, events issue"),
        Anchor("fatalities_exact", ">= 0.90", "eventwire goal, events issue"),
        Anchor("date_exact", ">= 0.90", "eventwire goal, when-and-where issue"),
        Anchor("location_25km", ">= 0.85", "eventwire goal, when-and-where issue"),
    ),
)
def evaluate(folder: Path, ctx: EvalContext) -> SetResult:
    golds = read(folder / MARKER, ctx.sample_size(None), ctx.split)
    # A note is read as its report would be: in a known year. Only the year is given
    # (ACLED's `year` column, the year of event_date), so no month or day leaks.
    run = run_pipeline([gold_article(g.notes, published=g.date[:4]) for g in golds], ctx)
    result = score(golds, run)
    result.notes.append(
        "each note is read with a publication date of precision year (the record's year): "
        "'On 20 June' resolves to that year; weekdays and relative days stay unresolved"
    )
    return result
