"""MUC-4 terrorism templates (TST3 + TST4): perpetrators, victims, dates, places.

Scored per relevant message against its first non-optional template ("our
event" = the lead event, :func:`~eventwire.resolve.events.main_event`, among the
non-negated violent events we report in the message); victim
counts compare the gold deaths of the message with our largest killed count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.evaluate.base import (
    Anchor,
    EvalContext,
    PipelineRun,
    SetResult,
    event_code,
    event_codes,
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
from eventwire.model import Event
from eventwire.resolve.events import main_event

MARKER = "muc4_tst3_tst4.jsonl"
MONTHS = {
    m: i
    for i, m in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1
    )
}
_DAY = re.compile(r"\b(\d{1,2}) ([A-Z]{3}) (\d{2})\b")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


@dataclass(frozen=True)
class MucGold:
    id: str
    text: str
    published: str | None
    incident_types: frozenset[str]
    perpetrators: tuple[str, ...]
    deaths: int | None  # None when a killed target has no number
    dates: tuple[str, ...]  # acceptable single days (empty: range or no date)
    places: tuple[str, ...]  # names at every level, country first
    country: str | None


def muc_date(text: str) -> str | None:
    """``16 NOV 89`` -> ``1989-11-16``."""
    m = _DAY.search(text.upper())
    if not m or m.group(2) not in MONTHS:
        return None
    try:
        return date(1900 + int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))).isoformat()
    except ValueError:
        return None


def gold_days(fills: list[str]) -> tuple[str, ...]:
    """Single-day alternatives of an INCIDENT: DATE fill; ranges give none."""
    days = []
    for fill in fills:
        for alt in fill.split("/"):
            alt = alt.strip().strip("()").strip()
            if "-" in alt:
                continue
            day = muc_date(alt)
            if day:
                days.append(day)
    return tuple(days)


def strings(fills: list[str]) -> tuple[str, ...]:
    return tuple(s for fill in fills for s in _QUOTED.findall(fill))


def deaths(template: dict[str, Any]) -> int | None:
    killed = {
        s
        for fill in template.get("hum_tgt_effect") or ()
        if "DEATH" in fill
        for s in _QUOTED.findall(fill)
    }
    if not killed:
        return 0
    total = 0
    for fill in template.get("hum_tgt_number") or ():
        names = set(_QUOTED.findall(fill))
        if not names & killed:
            continue
        head = fill.split(":", 1)[0].lstrip("? ").split("/")[0].strip()
        if not head.isdigit():
            return None
        total += int(head)
        killed -= names
    return None if killed else total


def places(fills: list[str]) -> tuple[str, ...]:
    names = []
    for fill in fills:
        for part in fill.split(":"):
            name = re.sub(r"\([A-Z ]+\)", "", part.split("/")[0]).strip(' "-')
            if name:
                names.append(name)
    return tuple(names)


def read(path: Path, limit: int | None = None, split: str = "all") -> list[MucGold]:
    golds = []
    for rec in read_jsonl(path):
        templates = [t for t in rec.get("templates") or () if not t.get("optional")]
        if not templates:
            continue
        first = templates[0]
        counts = [deaths(t) for t in templates]
        where = places(first.get("incident_location") or [])
        golds.append(
            MucGold(
                id=rec["id"],
                text=rec["text"],
                published=muc_date(rec.get("dateline_date") or ""),
                incident_types=frozenset(
                    s.strip() for f in first.get("incident_type") or () for s in f.split("/")
                ),
                perpetrators=strings(
                    [f for t in templates for f in (t.get("perp_organization_id") or [])]
                    + [f for t in templates for f in (t.get("perp_individual_id") or [])]
                ),
                deaths=None if any(c is None for c in counts) else sum(c or 0 for c in counts),
                dates=gold_days(first.get("incident_date") or []),
                places=where,
                country=country_iso3(where[0].title()) if where else None,
            )
        )
    return take(in_split(golds, split, lambda g: g.id), limit)


def incident_type(event: Event) -> str | None:
    """Our event as a MUC-4 incident type (None: not a violent incident)."""
    cameo = event_codes(event, "cameo")
    sub = (event_code(event, "acled", "sub_event_type") or "").casefold()
    if (
        any(c.startswith("181") for c in cameo)
        or "abduction" in sub
        or event.counts.get("kidnapped")
    ):
        return "KIDNAPPING"
    if any(c.startswith("183") for c in cameo) or "explosive" in sub or "suicide bomb" in sub:
        return "BOMBING"
    if "arson" in sub:
        return "ARSON"
    if event.type.upper() in {"ASSAULT", "FIGHT"} or any(
        c[:2] in {"18", "19", "20"} for c in cameo
    ):
        return "ATTACK"
    return None


def score(golds: list[MucGold], run: PipelineRun) -> SetResult:
    result = SetResult("muc4", items=len(golds), articles=len(golds))
    itype, any_type, perp, victims, when, where = (Tally() for _ in range(6))
    for g in golds:
        aid = gold_article(g.text, published=g.published).id
        events = [e for e in run.events(aid) if not e.negated]
        ours = main_event([e for e in events if incident_type(e)], run.ontology)
        sent = sentence_of(ours)
        our_type = incident_type(ours) if ours else None
        if not itype.add(our_type in g.incident_types):
            result.miss(g.id, "incident_type", sorted(g.incident_types), our_type, sent)
        any_type.add(any(incident_type(e) in g.incident_types for e in events))
        if g.perpetrators:
            texts = run.actor_texts(aid, ours.source_actor) if ours else []
            if not perp.add(text_overlap(texts, g.perpetrators)):
                result.miss(g.id, "perpetrator", g.perpetrators, texts, sent)
        if g.deaths:
            killed = max((e.counts.get("killed", 0) for e in events), default=0)
            if not victims.add(killed == g.deaths):
                result.miss(g.id, "victim_count", g.deaths, killed, sent)
        if g.dates:
            day = ours.date if ours and ours.date_precision == "day" else None
            if not when.add(day in g.dates):
                result.miss(g.id, "date", g.dates, ours and ours.date, sent)
        if g.places:
            place = ours.location if ours else None
            if not where.add(place_matches(place, g.places, g.country)):
                result.miss(g.id, "location", g.places, place and place.name, sent)
    result.metrics = {
        "incident_type_accuracy": itype.metric(),
        "incident_type_any": any_type.metric("the gold incident type is among our events'"),
        "perpetrator_match": perp.metric("content-word overlap with any gold perpetrator string"),
        "victim_count_exact": victims.metric("messages whose gold deaths are numeric and > 0"),
        "date_exact": when.metric(
            "single-day gold dates only (ranges skipped); dateline = publication date"
        ),
        "location_match": where.metric("our place name equals a gold location at any level"),
    }
    result.notes.append(
        "scored per relevant message against its first non-optional template; "
        "our event = the lead event (resolve.events.main_event) among the violent ones"
    )
    return result


@gold_sets.register(
    "muc4",
    folder="muc4_terrorism_templates",
    marker=MARKER,
    title="MUC-4 terrorism templates (TST3+TST4)",
    sample=None,
    anchors=(
        Anchor(
            "(role fillers)",
            "role-filler entity F1 in the 0.5s (GRIT, trained); a different metric",
            "Du et al. (EACL 2021)",
        ),
    ),
)
def evaluate(folder: Path, ctx: EvalContext) -> SetResult:
    golds = read(folder / MARKER, ctx.sample_size(None), ctx.split)
    run = run_pipeline([gold_article(g.text, published=g.published) for g in golds], ctx)
    return score(golds, run)
