"""What to export (or list): one filter record shared by the CLI, the API and the exporters.

:class:`Filters` holds what a person typed (an actor under any spelling, a place name or
id, dates as ISO prefixes); :meth:`Filters.event_filters` turns it into the store's
:class:`~eventwire.store.base.EventFilter` queries, and :meth:`Filters.keeps_relation`
applies the fields that make sense for a relation.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from typing import Any

from eventwire.errors import ExportError, NotFound
from eventwire.model import MODALITIES, Relation
from eventwire.query import actor_ids
from eventwire.store.base import EventFilter, IncidentFilter, Store


@dataclass(frozen=True)
class Filters:
    """Selection of events and relations; every field left at its default selects all."""

    actor: str | None = None  # actor name (any spelling) or id
    type: str | None = None  # PLOVER event type, or relation type for relations
    since: str | None = None  # ISO date (partial allowed), inclusive
    until: str | None = None  # ISO date (partial allowed), inclusive
    place: str | None = None  # place id ("geonames:2210247") or name ("Tripoli")
    min_sources: int = 1
    modality: str | None = None

    def __post_init__(self) -> None:
        if self.modality is not None and self.modality not in MODALITIES:
            raise ExportError(
                f"unknown modality {self.modality!r} (known: {', '.join(MODALITIES)})"
            )
        if self.min_sources < 0:
            raise ExportError(f"--min-sources must be 0 or more, got {self.min_sources}")

    @property
    def active(self) -> list[str]:
        """Names of the fields that select something."""
        return [f.name for f in fields(self) if getattr(self, f.name) != f.default]

    def actor_id(self, store: Store) -> str | None:
        if not self.actor:
            return None
        return actor_ids(store, self.actor)[0]  # NotFound when no actor has that name

    def place_ids(self, store: Store) -> list[str]:
        """Ids of the places the ``place`` field names (an id, else a name, case-folded)."""
        if not self.place:
            return []
        wanted = self.place.casefold()
        found = sorted(
            p.id for p, _ in store.places() if wanted in (p.id.casefold(), p.name.casefold())
        )
        if not found:
            raise NotFound(f"no place matches {self.place!r}")
        return found

    def _selection(self, store: Store) -> Iterator[dict[str, Any]]:
        """The fields of one store query per matching place (the union is the selection)."""
        actor = self.actor_id(store)
        places: list[str | None] = [*self.place_ids(store)] or [None]
        for place in places:
            yield {
                "actor": actor,
                "type": self.type.upper() if self.type else None,
                "since": self.since,
                "until": self.until,
                "place": place,
                "modality": self.modality,
                "min_sources": self.min_sources,
            }

    def event_filters(self, store: Store, *, page: int | None = None) -> Iterator[EventFilter]:
        """Store queries whose union is the selected events (one per matching place)."""
        for fields_ in self._selection(store):
            yield EventFilter(**fields_, limit=page)

    def incident_filters(
        self, store: Store, *, page: int | None = None, order: str = "date"
    ) -> Iterator[IncidentFilter]:
        """Store queries whose union is the selected incidents (one per matching place)."""
        for fields_ in self._selection(store):
            yield IncidentFilter(**fields_, order=order, limit=page)

    def keeps_relation(self, relation: Relation, actor_id: str | None) -> bool:
        """Whether ``relation`` is selected (``actor_id`` from :meth:`actor_id`)."""
        return self.keeps_relation_payload(vars(relation), actor_id)

    def keeps_relation_payload(self, p: Mapping[str, Any], actor_id: str | None) -> bool:
        """:meth:`keeps_relation` of a relation's stored JSON (absent fields: defaults)."""
        if self.place:
            raise ExportError("relations have no place: --place applies to events only")
        if actor_id and actor_id not in (p["source_actor"], p["target_actor"]):
            return False
        if self.type and p["type"].lower() != self.type.lower():
            return False
        if p.get("source_count", 1) < self.min_sources:
            return False
        if self.modality and p.get("modality", "asserted") != self.modality:
            return False
        # A relation is kept when the time it was seen overlaps [since, until]; a date is
        # the whole span its precision names ("2019" is not before since=2019-05)
        last = p.get("last_seen") or p.get("first_seen")
        first = p.get("first_seen") or p.get("last_seen")
        if self.since and (last is None or last[: len(self.since)] < self.since[: len(last)]):
            return False
        return not (self.until and (first is None or first[: len(self.until)] > self.until))
