"""Relations between actors (simple version: none until the events issue lands)."""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.extract.context import Resources
from eventwire.model import DocumentRecords, Event, Relation


def resolve_relations(
    docs: Sequence[DocumentRecords],
    events: Sequence[Event],
    mention_actor: dict[str, str],
    resources: Resources,
) -> list[Relation]:
    return []
