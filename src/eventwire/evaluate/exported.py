"""Our exported picture of a set of articles in one plain form, for scorers.

:class:`Prediction` holds what a user would see exported: each actor's name, the
spellings actors and places were written with, events (one row per article stating
them), relations and quotes. :func:`prediction_from_run` builds it from a pipeline run;
:meth:`Prediction.from_json` reads a hand-written one, so scorers are tested on tiny
files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import EvalError
from eventwire.evaluate.base import PipelineRun
from eventwire.model import Event, Incident, Relation, mention_key

COUNT_KINDS = ("killed", "wounded", "displaced")


def read_json(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise EvalError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except json.JSONDecodeError as exc:
        raise EvalError(f"{path}: not JSON ({exc.msg}, line {exc.lineno})") from exc
    if not isinstance(raw, dict):
        raise EvalError(f"{path}: expected one JSON object")
    return raw


@dataclass(frozen=True)
class PredEvent:
    id: str  # the exported (de-duplicated) event: two articles, one id = one incident
    article: str
    type: str
    source: str | None
    target: str | None
    date: str | None
    place: str | None
    lat: float | None
    lon: float | None
    sentence: str
    status: str
    counts: dict[str, int] = field(default_factory=dict)
    incident: str | None = None  # the incident it is a member of (resolve/incidents.py)
    precision: str | None = None  # our place's precision (a division answers its kind)


@dataclass(frozen=True)
class PredRelation:
    article: str
    source: str
    target: str
    type: str
    status: str  # asserted / alleged / denied / hypothetical


@dataclass(frozen=True)
class PredQuote:
    article: str
    text: str
    speaker: str | None
    # the article's description of a speaker it does not name ("witness in Kabala")
    speaker_description: str | None = None


@dataclass
class Prediction:
    """What we exported for the gold articles, keyed by gold file name (``g01``)."""

    actor_names: dict[str, str] = field(default_factory=dict)  # actor id -> name
    # (article, surface text, owner id): actors and places own the spellings they were
    # written with; an owner id is an actor id or a place id
    mentions: list[tuple[str, str, str]] = field(default_factory=list)
    events: list[PredEvent] = field(default_factory=list)
    relations: list[PredRelation] = field(default_factory=list)
    quotes: list[PredQuote] = field(default_factory=list)

    @classmethod
    def from_json(cls, path: Path) -> Prediction:
        """A hand-written prediction file (tests): the fields of this class as JSON."""
        raw = read_json(path)
        try:
            return cls(
                actor_names=dict(raw.get("actor_names", {})),
                mentions=[(m["article"], m["text"], m["owner"]) for m in raw.get("mentions", [])],
                events=[
                    PredEvent(
                        id=e["id"],
                        article=e["article"],
                        type=e["type"],
                        source=e.get("source"),
                        target=e.get("target"),
                        date=e.get("date"),
                        place=e.get("place"),
                        lat=e.get("lat"),
                        lon=e.get("lon"),
                        sentence=e.get("sentence", ""),
                        status=e.get("status", "asserted"),
                        counts=dict(e.get("counts", {})),
                    )
                    for e in raw.get("events", [])
                ],
                relations=[PredRelation(**r) for r in raw.get("relations", [])],
                quotes=[PredQuote(**q) for q in raw.get("quotes", [])],
            )
        except (KeyError, TypeError) as exc:
            raise EvalError(f"{path}: not a prediction file ({exc})") from exc


def status_of(negated: bool, modality: str, contested: bool = False) -> str:
    """Our negation/modality/contest flags as one of the gold's four statuses."""
    if negated or contested or modality in ("denied", "negated"):
        return "denied"
    if modality in ("hypothetical", "future"):
        return "hypothetical"
    if modality == "alleged":
        return "alleged"
    return "asserted"


def prediction_from_run(run: PipelineRun, files: dict[str, str]) -> Prediction:
    """Our exported picture of the gold articles; ``files`` maps article id -> gold file."""
    res = run.resolution
    pred = Prediction(actor_names={a.id: a.name for a in res.actors})
    for aid, doc in sorted(run.records.items()):
        file = files.get(aid)
        if file is None:
            continue
        for m in doc.mentions:
            actor = res.mention_actor.get(mention_key(aid, m.span))
            if actor:
                pred.mentions.append((file, m.span.text, actor))
        for p in doc.places:
            if p.place is not None:
                pred.mentions.append((file, p.span.text, p.place.id))
    # an incident's events are its members and the facets of its act (support given in
    # it, the protest fired on), never the statements about it (conflict-gold's README:
    # "one real-world incident"; a condemnation of an attack is an event of its own). An
    # event one report tells as a facet of an act and another as an occurrence of its own
    # (the backing alone) counts for the act's incident: the occurrence it was part of
    incident_of = {e: inc.id for inc in res.incidents for e in inc.events}
    incident_of.update({e: inc.id for inc in res.incidents for e in inc.facets})
    # a member's figures are its incident's as the row's article reports them (the
    # conflict-gold README: "each article's own figure is the gold for that article's
    # event"), never another article's figure nor a figure only a sibling member holds
    figures = _article_figures(res.incidents)
    members = {e for inc in res.incidents for e in inc.events}
    for event in res.events:
        told = figures.get(incident_of[event.id]) if event.id in members else None
        pred.events += _event_rows(event, files, incident_of.get(event.id), told)
    for rel in res.relations:
        pred.relations += _relation_rows(rel, files)
    for q in res.quotes:
        if q.article_id in files:
            pred.quotes.append(
                PredQuote(files[q.article_id], q.text, q.speaker, q.speaker_description)
            )
    return pred


def _article_figures(incidents: Iterable[Incident]) -> dict[str, dict[str, dict[str, int]]]:
    """Incident id -> article id -> kind -> the figure that article reports for it (its
    highest, as :func:`eventwire.resolve.incident_counts.report_figures` keeps it)."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    for inc in incidents:
        for r in inc.count_reports:
            if r.kind in COUNT_KINDS:
                kinds = out.setdefault(inc.id, {}).setdefault(r.evidence.article_id, {})
                kinds[r.kind] = max(kinds.get(r.kind, 0), r.value)
    return out


def _event_rows(
    event: Event,
    files: dict[str, str],
    incident: str | None = None,
    figures: dict[str, dict[str, int]] | None = None,
) -> list[PredEvent]:
    """One row per article stating ``event``; an incident member's counts are the
    ``figures`` its incident has from that article, else the event's own."""
    rows, seen = [], set()
    for ev in event.evidence:
        file = files.get(ev.article_id)
        if file is None or (file, ev.sentence) in seen:
            continue
        seen.add((file, ev.sentence))
        place = event.location
        rows.append(
            PredEvent(
                id=event.id,
                article=file,
                type=event.type,
                source=event.source_actor,
                target=event.target_actor,
                date=event.date,
                place=place.name if place else None,
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                precision=place.precision if place else None,
                sentence=ev.sentence,
                status=status_of(event.negated, event.modality),
                counts=_row_counts(event, figures, ev.article_id),
                incident=incident,
            )
        )
    return rows


def _row_counts(
    event: Event, figures: dict[str, dict[str, int]] | None, article: str
) -> dict[str, int]:
    """The figures of ``event``'s row in ``article``: its own where only this article
    tells it (no other article's figure can be among them), else, for a kind it has none
    of or when other articles tell it too, the figure its incident has from ``article``."""
    own = {k: v for k, v in event.counts.items() if k in COUNT_KINDS}
    if figures is None:
        return own
    alone = all(ev.article_id == article for ev in event.evidence)
    told = dict(figures.get(article, {}))
    return {**told, **own} if alone else told


def _relation_rows(rel: Relation, files: dict[str, str]) -> list[PredRelation]:
    status = status_of(rel.negated, rel.modality, rel.contested)
    rows = {
        PredRelation(files[ev.article_id], rel.source_actor, rel.target_actor, rel.type, status)
        for ev in rel.evidence
        if ev.article_id in files
    }
    rows |= {
        PredRelation(files[ev.article_id], rel.source_actor, rel.target_actor, rel.type, "denied")
        for ev in rel.denied_evidence
        if ev.article_id in files
    }
    return sorted(rows, key=lambda r: (r.article, r.source, r.target, r.type, r.status))
