"""The whole-corpus views count incidents: one per real-world occurrence, not per sentence.

Every figure here is read from the incident records the shared filter selects (the same
selection as the incident list, :func:`~eventwire.views.incidents.incident_filters`):
a bar of the timeline, a circle of the map, a row of the place or actor index and the
totals above them all count incidents, and sum each incident's best-supported casualty
figures (one report's figure is never added to another's). Reported totals of the war
("the death toll has reached 1,000") are statistics, shown apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from eventwire.knowledge.ontology import Ontology
from eventwire.store.base import IncidentPlace, IncidentSums, Store
from eventwire.views.corpus import CorpusFilter, Totals
from eventwire.views.incidents import incident_filters


def incident_sums(store: Store, cf: CorpusFilter, by: str, *, onto: Ontology) -> list[IncidentSums]:
    """Incidents the filter selects grouped ``by`` (``all``, ``date``, ``type``, ``place``),
    summed over the places a name selects (an incident has one place: they never overlap)."""
    merged: dict[tuple[str | None, ...], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for flt in incident_filters(store, cf, onto):
        for s in store.incident_sums(flt, by):
            row = merged[s.key]
            for i, value in enumerate((s.incidents, s.killed, s.wounded, s.displaced, s.sources)):
                row[i] += value
    keys = sorted(merged, key=lambda k: tuple((v is not None, v or "") for v in k))
    return [IncidentSums(k, *merged[k]) for k in keys]


def incident_places(
    store: Store, cf: CorpusFilter, by_type: bool = True, *, onto: Ontology
) -> list[IncidentPlace]:
    """Located incidents per place (and type) under the filter."""
    out: list[IncidentPlace] = []
    for flt in incident_filters(store, cf, onto):
        out += store.incident_places(flt, by_type)
    return sorted(out, key=lambda p: (p.place.id, p.type or ""))


def totals(store: Store, cf: CorpusFilter, *, onto: Ontology) -> Totals:
    """Incidents the filter selects, how many are dated, and their casualties."""
    rows = incident_sums(store, cf, "date", onto=onto)
    return Totals(
        incidents=sum(r.incidents for r in rows),
        killed=sum(r.killed for r in rows),
        wounded=sum(r.wounded for r in rows),
        dated=sum(r.incidents for r in rows if r.key[0]),
        displaced=sum(r.displaced for r in rows),
    )


def actor_sums(store: Store, actor_ids: Sequence[str]) -> dict[str, IncidentSums]:
    """Per actor id: the incidents it is a side of and their casualties."""
    return {str(s.key[0]): s for s in store.incident_actor_sums(actor_ids)}
