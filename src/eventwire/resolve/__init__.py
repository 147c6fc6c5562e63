"""Across documents: actors, event de-duplication, relations, quotes.

:func:`resolve` computes the whole :class:`Resolution` from scratch from every
stored :class:`DocumentRecords`, so the result depends only on the set of articles,
never on the order they were ingested in. :func:`resolve_stream` does the same from
a source it can read twice (a store's records, in article-id order), keeping of each
document only what a stage needs: mentions without their sentences for actors, then
events, relation statements and resolved quotes. :mod:`eventwire.resolve.incremental`
updates the actors a batch of new documents touches, over the units a store keeps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from eventwire.knowledge.resources import Resources
from eventwire.model import (
    DocumentRecords,
    Event,
    EventMention,
    Place,
    Quote,
    Relation,
    Resolution,
    Statistic,
)
from eventwire.resolve.actor_units import for_actors
from eventwire.resolve.actors import ActorResolution, resolve_actors
from eventwire.resolve.article_columns import EventKey
from eventwire.resolve.doc_incidents import (
    document_incidents,
    fill_from_incidents,
    mention_id,
)
from eventwire.resolve.event_keys import resolve_events_by_key
from eventwire.resolve.event_spill import SpilledEvents
from eventwire.resolve.events import Days, SharedValues, date_days, resolve_events
from eventwire.resolve.incident_blocks import CandidatePairs
from eventwire.resolve.incident_spill import SpilledIncidents
from eventwire.resolve.incidents import (
    assign_actors,
    incident_links,
    link_facets,
    resolve_incidents,
    state_sides,
)
from eventwire.resolve.mention_rows import RowSink
from eventwire.resolve.quotes import resolve_quotes
from eventwire.resolve.record_file import SpilledList
from eventwire.resolve.relations import resolve_relations
from eventwire.resolve.statistics import resolve_statistics

__all__ = [
    "resolve",
    "resolve_actor_pass",
    "resolve_after_actors",
    "resolve_full",
    "resolve_rest",
    "resolve_stream",
]


# an events pass: (documents as their events are filled, the days and the article
# incident of each mention) -> (events, places, the event of each mention)
EventsPass = Callable[
    [Iterator[DocumentRecords], Callable[[EventMention], Days], Callable[[EventMention], object]],
    tuple[Sequence[Event], list[Place], Mapping[EventKey, str]],
]


def resolve(records: Iterable[DocumentRecords], resources: Resources) -> Resolution:
    docs = sorted(records, key=lambda r: r.article_id)
    return resolve_stream(lambda: iter(docs), resources)


def resolve_stream(
    documents: Callable[[], Iterable[DocumentRecords]], resources: Resources
) -> Resolution:
    """The resolution of the documents ``documents()`` yields (in article-id order,
    the same both times it is called)."""
    return resolve_full(documents, resources)[0]


def resolve_full(
    documents: Callable[[], Iterable[DocumentRecords]], resources: Resources
) -> tuple[Resolution, ActorResolution]:
    """:func:`resolve_stream` with the actor resolution it made (its units and key
    decisions are what incremental resolution stores)."""
    actors = resolve_actor_pass(documents(), resources)
    return resolve_after_actors(documents(), actors, resources), actors


def resolve_actor_pass(
    documents: Iterable[DocumentRecords], resources: Resources
) -> ActorResolution:
    """The actors of every document (in article-id order), with the units, key decisions
    and cluster totals incremental resolution stores; only mentions are read."""

    return resolve_actors((for_actors(doc) for doc in documents), resources)


def resolve_after_actors(
    documents: Iterable[DocumentRecords],
    actors: ActorResolution,
    resources: Resources,
    keyed: RowSink | None = None,
    spill: bool = False,
) -> Resolution:
    """The whole resolution of ``documents`` (in article-id order) once ``actors`` (their
    :func:`resolve_actor_pass`) are known. The actors' units may have been let go by then
    (a rebuild stores them first, so it does not hold them while the events pass runs).
    With ``spill``, its events are kept on disk (:func:`resolve_rest`)."""
    unnamed = frozenset(a.id for a in actors.actors if a.type == "group")
    sides = state_sides(actors.actors, resources.ontology)
    rest = resolve_rest(
        documents, actors.mention_actor, unnamed, sides, resources, keyed, spill=spill
    )
    return replace(
        rest,
        actors=actors.actors,
        mention_actor=actors.mention_actor,
        explanations=actors.explanations,
    )


def resolve_rest(
    documents: Iterable[DocumentRecords],
    mention_actor: Mapping[str, str],
    unnamed: frozenset[str],
    sides: dict[str, str],
    resources: Resources,
    keyed: RowSink | None = None,
    events_pass: EventsPass | None = None,
    spill: bool = False,
) -> Resolution:
    """Events, incidents, relations, quotes, statistics and places of every document
    (in article-id order), their actors taken from ``mention_actor``; ``unnamed`` are
    the unnamed group actors, ``sides`` the state actors that count as one side
    (:func:`~eventwire.resolve.incidents.state_sides`).

    With ``keyed``, it is called with every kept event mention's stored row (its
    grouping key and event: what the store's mention table holds,
    :func:`event_mentions.row_sink`). ``events_pass`` groups the events instead of a full
    :func:`resolve_events` (a refresh's, :func:`event_mentions.refresh_events`, regroups
    only the keys its batch touches); incidents and relations still read every
    document. With ``spill``, the events pass groups one key's mentions at a time from a
    temporary file (:func:`~eventwire.resolve.event_keys.resolve_events_by_key`) and writes
    its events to another as it makes them
    (:class:`~eventwire.resolve.event_spill.SpilledEvents`): the relations pass
    and the store's write read them back in order, the incidents join by id, and the
    resolution's ``events`` are that file (an ``events_pass`` may spill its own); the
    documents' relation statements, quotes and statistics and the relations made of them
    are kept in temporary files too (:class:`~eventwire.resolve.record_file.SpilledList`),
    not held through the join."""
    # with ``spill``, what every document gives for the later passes and the write is
    # kept on disk, not held through the join (the relations about 176 bytes a report)
    statements: list[DocumentRecords] | SpilledList[DocumentRecords] = (
        SpilledList() if spill else []
    )
    quotes: list[Quote] | SpilledList[Quote] = SpilledList() if spill else []
    statistics: list[Statistic] | SpilledList[Statistic] = SpilledList() if spill else []
    # each article's incidents (their facets linked), on disk until the join reads them
    told = SpilledIncidents(resources.ontology)
    # every actor has a mention: the named ones are all but the unnamed groups
    named = frozenset(mention_actor.values()) - unnamed

    shared = SharedValues()  # the events pass holds every event mention: one copy of each value
    # the days each event mention's article incident tells of, for the document being
    # grouped (resolve_events takes one document's mentions before asking for the next)
    days_of: dict[tuple[str, int, str], Days] = {}

    def report_days(em: EventMention) -> Days:
        key = mention_id(em)
        return days_of[key] if key in days_of else date_days(em.when)

    # the article incident (its place in the document's list) of each event mention of
    # the document being grouped: two incidents of one article are never one event
    report_at: dict[tuple[str, int, str], int] = {}

    def report_of(em: EventMention) -> int | None:
        return report_at.get(mention_id(em))

    def for_events() -> Iterator[DocumentRecords]:
        for doc in documents:
            doc = replace(doc, events=shared.events(doc.events))
            # one copy of each value, when held (pickled ones are copies again)
            relations = doc.relations if spill else shared.relations(doc.relations)
            statements.append(DocumentRecords(doc.article_id, relations=relations))
            quotes.extend(resolve_quotes([doc], mention_actor))
            statistics.extend(resolve_statistics([doc], mention_actor))
            incs = document_incidents(doc, resources.ontology, mention_actor, named)
            for inc in incs:
                assign_actors(inc, mention_actor, unnamed)
                shared.incident(inc)
            events = fill_from_incidents(doc.events, incs, mention_actor, named)
            days_of.clear()
            report_at.clear()
            for n, inc in enumerate(incs):
                window = inc.window()
                days_of.update((mention_id(em), window) for em in inc.members)
                report_at.update((mention_id(em), n) for em in inc.members)
            # facets link within one article only, so linking them here is linking them
            # over the whole store
            for inc in link_facets(incs):
                told.add(inc)
            yield DocumentRecords(doc.article_id, events=events)

    events: Sequence[Event]
    event_of: Mapping[EventKey, str]
    if events_pass is None and spill:
        events, places, event_of = resolve_events_by_key(
            for_events(), mention_actor, resources, unnamed, report_days, report_of, keyed
        )
    elif events_pass is None:
        filled: dict[EventKey, str] = {}
        event_of = filled
        events, places = resolve_events(
            for_events(), mention_actor, resources, unnamed, filled, report_days, report_of,
            keyed, spill,
        )  # fmt: skip
    else:
        events, places, event_of = events_pass(for_events(), report_days, report_of)
    # relations first, so the statements are let go before incidents are joined (the
    # largest working set of a resolution); each pass reads only finished events
    relations: Sequence[Relation] = resolve_relations(statements, events, mention_actor, resources)
    if isinstance(statements, SpilledList):
        statements.close()
        relations = SpilledList(relations)
    else:
        statements.clear()
    links = incident_links(resources)
    pairs = CandidatePairs()
    try:
        # a spilled event is read back only by the incident that lists it
        by_id = events.by_id() if isinstance(events, SpilledEvents) else events
        incidents = resolve_incidents(
            told, event_of, by_id, links, sides, pairs.ordered, compared=pairs.compared,
            spill=spill,
        )  # fmt: skip
    finally:
        told.close()
    del pairs, event_of
    return Resolution(
        events=events if isinstance(events, SpilledEvents) else tuple(events),
        relations=relations if spill else tuple(relations),
        quotes=quotes if spill else tuple(quotes),
        places=tuple(places),
        statistics=statistics if spill else tuple(statistics),
        incidents=incidents if spill else tuple(incidents),
    )
