"""Located incidents per place for the map; country-level places drawn as outlines."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pycountry

from eventwire.knowledge.ontology import Ontology
from eventwire.store.base import IncidentPlace, Store
from eventwire.views.corpus import CorpusFilter
from eventwire.views.incident_counts import incident_places
from eventwire.views.labels import type_label


@dataclass(frozen=True)
class MapPlace:
    id: str
    name: str
    lat: float
    lon: float
    precision: str
    country: str | None
    country_numeric: str | None  # world-atlas feature id, for places drawn as a country
    incidents: int
    killed: int
    wounded: int
    displaced: int
    type: str  # the most frequent type (colours the marker)
    types: dict[str, int] = field(default_factory=dict)
    sources: int = 0  # each incident's reporting articles, summed over the incidents


def map_places(store: Store, cf: CorpusFilter, *, onto: Ontology) -> list[MapPlace]:
    """Located incident records per place, biggest first (each incident once, however
    many sentences report it); country-level places carry the country's numeric code so
    the map draws its outline instead of a dot."""
    grouped: dict[str, list[IncidentPlace]] = defaultdict(list)
    for row in incident_places(store, cf, onto=onto):
        grouped[row.place.id].append(row)
    out = []
    for rows in grouped.values():
        place = rows[0].place
        if place.lat is None or place.lon is None:
            continue
        types: Counter[str] = Counter()
        for r in rows:  # two stored spellings of one type are one label
            types[type_label(r.type or "")] += r.incidents
        out.append(
            MapPlace(
                id=place.id, name=place.name, lat=place.lat, lon=place.lon,
                precision=place.precision, country=place.country,
                country_numeric=_numeric(place.country) if place.precision == "country" else None,
                incidents=sum(r.incidents for r in rows), killed=sum(r.killed for r in rows),
                wounded=sum(r.wounded for r in rows),
                displaced=sum(r.displaced for r in rows),
                type=min(types, key=lambda t: (-types[t], t)),
                types=dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
                sources=sum(r.sources for r in rows),
            )
        )  # fmt: skip
    return sorted(out, key=lambda p: (-p.incidents, p.name, p.id))


def _numeric(alpha3: str | None) -> str | None:
    found = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return str(found.numeric) if found is not None else None
