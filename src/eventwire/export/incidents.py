"""One flat row per incident, in ACLED's column layout where it applies, plus our columns.

An incident is one real-world occurrence however many reports tell it
(:class:`~eventwire.model.Incident`). :class:`IncidentRow` is the typed record behind
the CSV, GeoJSON and Parquet incident exports; ``docs/export.md`` ("csv") documents
every column and its mapping. Counts are the best-supported figures, never sums, with
the range the reports give beside them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

import pycountry

from eventwire.model import Actor, Incident
from eventwire.store.export_lines import incident_record

# ACLED's disorder type by its event type.
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# ACLED time precision: 1 the day is known, 2 the week, 3 the month or a wider span.
_TIME_PRECISION = {"day": 1, "week": 2}
# ACLED geo precision: 1 the town itself, 2 near a town or part of a region, 3 a region.
_GEO_PRECISION = {"point": 1, "city": 1, "admin1": 3, "country": 3, "region": 3, "admin2": 2}


@dataclass(frozen=True)
class IncidentRow:
    # ACLED columns, in ACLED's order
    event_id_cnty: str
    event_date: str
    year: int | None
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str
    inter1: str
    actor2: str
    assoc_actor_2: str
    inter2: str
    civilian_targeting: str
    iso: int | None
    country: str
    admin1: str
    admin2: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    source: str
    source_scale: str
    notes: str
    fatalities: int
    # eventwire's own columns
    plover_type: str
    cameo_code: str
    date: str
    date_precision: str
    place_id: str
    place_precision: str
    modality: str
    negated: bool
    attributed_to: str
    qualifiers: str
    wounded: int | None
    displaced: int | None
    kidnapped: int | None
    arrested: int | None
    executed: int | None
    missing: int | None
    killed_stated: bool
    source_count: int
    evidence: str
    killed_min: int | None
    killed_max: int | None
    wounded_min: int | None
    wounded_max: int | None
    outlet_count: int
    event_ids: str
    statement_ids: str


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(IncidentRow))


def row_dict(row: IncidentRow) -> dict[str, object]:
    """The row as {column: value}; shallow (dataclasses.asdict deep-copies, 10x slower)."""
    return {name: getattr(row, name) for name in COLUMNS}


@lru_cache(maxsize=512)
def country_of(iso3: str | None) -> tuple[int | None, str]:
    """(ISO 3166 numeric code, English short name) of an alpha-3 code."""
    found = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    if found is None:
        return None, ""
    return int(found.numeric), str(found.name)


def first_day(date: str | None) -> str:
    """An ISO partial date as the first calendar day it covers ("2019-04" -> "2019-04-01")."""
    if not date:
        return ""
    parts = date.split("-")
    return "-".join([parts[0], *(parts[1:] + ["01", "01"])[:2]])


def inter(actor: Actor | None, where: str | None) -> str:
    """ACLED's actor category where our actor type says it; empty where it cannot.

    ACLED's split of armed groups into rebels and political or identity militias needs
    knowledge of a group's aims that we do not keep, so armed groups stay empty."""
    if actor is None:
        return ""
    if actor.type in ("government", "country", "state_forces"):
        # acting outside its own country (``where``: the place's, else the other actor's)
        abroad = where is not None and actor.country not in (None, where)
        return "External/Other forces" if abroad else "State forces"
    if actor.type == "international_org":
        return "External/Other forces"
    return ""


def _cameo(codes: dict[str, object]) -> str:
    cameo = codes.get("cameo")
    if isinstance(cameo, list):
        return ";".join(str(c) for c in cameo)
    return "" if cameo is None else str(cameo)


def _division(code: str | None, name: Callable[[str], str | None] | None) -> str:
    if not code:
        return ""
    return (name(code) if name is not None else None) or code


def _district(place_id: str | None, name: Callable[[str], str | None] | None) -> str:
    """ACLED's ``admin2``: the second-level division the gazetteer puts the place in
    (``division`` called with a place id); empty when it knows none."""
    return ((name(place_id) if name is not None else None) or "") if place_id else ""


def incident_row(
    incident: Incident,
    actors: dict[str, Actor],
    outlet: Callable[[str], str | None],
    division: Callable[[str], str | None] | None = None,
) -> IncidentRow:
    """The row of one incident; ``outlet`` gives an article's publisher by article id and
    ``division`` a first-level division's name by its code (else the code is written) and,
    called with a place's id, the second-level division's name (else ``admin2`` is empty)."""
    return record_row(incident_record(incident), actors, outlet, division)


def record_row(
    record: dict[str, Any],
    actors: dict[str, Actor],
    outlet: Callable[[str], str | None],
    division: Callable[[str], str | None] | None = None,
) -> IncidentRow:
    """:func:`incident_row` of the incident whose export record (``kind`` incident, as its
    stored export line holds it) is ``record``: a download decodes the line, not the
    incident's JSON into an :class:`Incident` and its evidence."""
    return IncidentRow(**record_columns(record, actors, outlet, division))


def record_columns(
    record: dict[str, Any],
    actors: dict[str, Actor],
    outlet: Callable[[str], str | None],
    division: Callable[[str], str | None] | None = None,
) -> dict[str, Any]:
    """:func:`record_row` as {column: value} in :data:`COLUMNS`' order, no
    :class:`IncidentRow` made: a CSV writes the values as they are (a frozen row of 53
    fields cost a sixth of a month's CSV)."""
    acled = record["codes"].get("acled") or {}
    place = record["location"]
    country_code = place["country"] if place else None
    source, target = (
        actors.get(record["source_actor"] or ""),
        actors.get(record["target_actor"] or ""),
    )
    iso, country = country_of(country_code)
    evidence = record["evidence"]
    articles = dict.fromkeys(ev["article_id"] for ev in evidence)
    outlets = dict.fromkeys(o for o in (outlet(a) for a in articles) if o)
    counts, count_min, count_max = record["counts"], record["count_min"], record["count_max"]
    date, date_precision = record["date"], record["date_precision"]
    qualifiers = record["qualifiers"]
    return dict(
        event_id_cnty=record["id"],
        event_date=first_day(date),
        year=int(date[:4]) if date else None,
        time_precision=_TIME_PRECISION.get(date_precision or "", 3),
        disorder_type=_DISORDER.get(acled.get("event_type", ""), ""),
        event_type=acled.get("event_type", ""),
        sub_event_type=acled.get("sub_event_type", ""),
        actor1=source.name if source else "",
        assoc_actor_1="",
        inter1=inter(source, country_code or (target.country if target else None)),
        actor2=target.name if target else "",
        assoc_actor_2="",
        inter2=inter(target, country_code or (source.country if source else None)),
        civilian_targeting="Civilian targeting" if "target_civilian" in qualifiers else "",
        iso=iso,
        country=country,
        admin1=_division(place["admin1"] if place else None, division),
        admin2=_district(place["id"] if place else None, division),
        location=place["name"] if place else "",
        latitude=place["lat"] if place else None,
        longitude=place["lon"] if place else None,
        geo_precision=_GEO_PRECISION.get(place["precision"]) if place else None,
        source="; ".join(outlets),
        source_scale="",
        notes=evidence[0]["sentence"].strip() if evidence else "",
        fatalities=counts.get("killed", 0),
        plover_type=record["type"],
        cameo_code=_cameo(record["codes"]),
        date=date or "",
        date_precision=date_precision or "",
        place_id=place["id"] if place else "",
        place_precision=place["precision"] if place else "",
        modality=record["modality"],
        negated=False,
        attributed_to="",
        qualifiers=";".join(qualifiers),
        wounded=counts.get("wounded"),
        displaced=counts.get("displaced"),
        kidnapped=counts.get("kidnapped"),
        arrested=counts.get("arrested"),
        executed=counts.get("executed"),
        missing=counts.get("missing"),
        killed_stated="killed" in counts,
        source_count=record["source_count"],
        evidence=";".join(f"{e['article_id']}:{e['char_start']}-{e['char_end']}" for e in evidence),
        killed_min=count_min.get("killed"),
        killed_max=count_max.get("killed"),
        wounded_min=count_min.get("wounded"),
        wounded_max=count_max.get("wounded"),
        outlet_count=record["outlet_count"],
        event_ids=";".join(record["events"]),
        statement_ids=";".join(record["statements"]),
    )
