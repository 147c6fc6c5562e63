"""Across documents: actors, event de-duplication, relations, quotes.

:func:`resolve` reads every stored :class:`DocumentRecords` and computes the whole
:class:`Resolution` from scratch, so the result depends only on the set of
articles, never on the order they were ingested in.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.knowledge.resources import Resources
from eventwire.model import DocumentRecords, Resolution
from eventwire.resolve.actors import resolve_actors
from eventwire.resolve.events import resolve_events
from eventwire.resolve.quotes import resolve_quotes
from eventwire.resolve.relations import resolve_relations

__all__ = ["resolve"]


def resolve(records: Iterable[DocumentRecords], resources: Resources) -> Resolution:
    docs = sorted(records, key=lambda r: r.article_id)
    actors = resolve_actors(docs, resources)
    unnamed = frozenset(a.id for a in actors.actors if a.type == "group")
    events, places = resolve_events(docs, actors.mention_actor, resources, unnamed)
    relations = resolve_relations(docs, events, actors.mention_actor, resources)
    quotes = resolve_quotes(docs, actors.mention_actor)
    return Resolution(
        actors=actors.actors,
        mention_actor=actors.mention_actor,
        events=tuple(events),
        relations=tuple(relations),
        quotes=tuple(quotes),
        places=tuple(places),
        explanations=actors.explanations,
    )
