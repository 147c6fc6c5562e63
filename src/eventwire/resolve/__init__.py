"""Across documents: actors, event de-duplication, relations, quotes.

:func:`resolve` computes the whole :class:`Resolution` from scratch from every
stored :class:`DocumentRecords`, so the result depends only on the set of articles,
never on the order they were ingested in. :func:`resolve_stream` does the same from
a source it can read twice (a store's records, in article-id order), keeping of each
document only what a stage needs: mentions without their sentences for actors, then
events, relation statements and resolved quotes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from eventwire.knowledge.ontology import load_ontology
from eventwire.knowledge.resources import Resources
from eventwire.model import DocumentRecords, Evidence, Quote, Resolution, Statistic
from eventwire.resolve.actors import resolve_actors
from eventwire.resolve.doc_incidents import DocIncident, document_incidents
from eventwire.resolve.events import resolve_events
from eventwire.resolve.incidents import (
    assign_actors,
    incident_links,
    resolve_incidents,
    state_sides,
)
from eventwire.resolve.quotes import resolve_quotes
from eventwire.resolve.relations import resolve_relations
from eventwire.resolve.statistics import resolve_statistics

__all__ = ["resolve", "resolve_stream"]

# Actor resolution reads a mention's words and offsets, never its sentence.
_NO_SENTENCE = Evidence("", "", 0, 0)


def resolve(records: Iterable[DocumentRecords], resources: Resources) -> Resolution:
    docs = sorted(records, key=lambda r: r.article_id)
    return resolve_stream(lambda: iter(docs), resources)


def resolve_stream(
    documents: Callable[[], Iterable[DocumentRecords]], resources: Resources
) -> Resolution:
    """The resolution of the documents ``documents()`` yields (in article-id order,
    the same both times it is called)."""

    def for_actors() -> Iterator[DocumentRecords]:
        for doc in documents():
            mentions = tuple(replace(m, evidence=_NO_SENTENCE) for m in doc.mentions)
            yield DocumentRecords(doc.article_id, mentions=mentions, places=doc.places)

    actors = resolve_actors(for_actors(), resources)
    unnamed = frozenset(a.id for a in actors.actors if a.type == "group")
    statements: list[DocumentRecords] = []
    quotes: list[Quote] = []
    statistics: list[Statistic] = []
    told: list[DocIncident] = []  # each article's incidents
    named = frozenset(a.id for a in actors.actors) - unnamed
    violent = load_ontology().violent_types

    def for_events() -> Iterator[DocumentRecords]:
        for doc in documents():
            statements.append(DocumentRecords(doc.article_id, relations=doc.relations))
            quotes.extend(resolve_quotes([doc], actors.mention_actor))
            statistics.extend(resolve_statistics([doc], actors.mention_actor))
            for inc in document_incidents(doc, violent, actors.mention_actor, named):
                assign_actors(inc, actors.mention_actor, unnamed)
                told.append(inc)
            yield DocumentRecords(doc.article_id, events=doc.events)

    event_of: dict[tuple[str, int, str], str] = {}
    events, places = resolve_events(
        for_events(), actors.mention_actor, resources, unnamed, event_of
    )
    incidents = resolve_incidents(
        told, event_of, events, incident_links(resources), state_sides(actors.actors)
    )
    relations = resolve_relations(statements, events, actors.mention_actor, resources)
    return Resolution(
        actors=actors.actors,
        mention_actor=actors.mention_actor,
        events=tuple(events),
        relations=tuple(relations),
        quotes=tuple(quotes),
        places=tuple(places),
        explanations=actors.explanations,
        statistics=tuple(statistics),
        incidents=tuple(incidents),
    )
