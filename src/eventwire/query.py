"""Questions asked of a store by name: events of an actor, its supporters and opponents, quotes.

Actor names are looked up with ``store.actors(query=NAME)`` (any spelling);
every function returns typed rows that the CLI, API or a notebook can print.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.errors import NotFound
from eventwire.knowledge.ontology import Ontology
from eventwire.model import Event, Quote, Relation
from eventwire.store.base import EventFilter, Store
from eventwire.views.polarity import is_counted, type_polarity


def actor_ids(store: Store, name: str | None) -> list[str]:
    """Ids of the actors a name (any spelling) or id refers to; NotFound when none."""
    if not name:
        return []
    try:
        return [store.get_actor(name).id]
    except NotFound:
        pass
    found = store.actors(query=name)
    if not found:
        raise NotFound(f"no actor matches {name!r}")
    return [found[0].id]


def find_events(
    store: Store, actor: str | None = None, type: str | None = None, since: str | None = None
) -> list[Event]:
    ids: list[str | None] = [*actor_ids(store, actor)] or [None]
    out: dict[str, Event] = {}
    for actor_id in ids:
        flt = EventFilter(actor=actor_id, type=type.upper() if type else None, since=since)
        out.update((e.id, e) for e in store.events(flt))
    return sorted(out.values(), key=lambda e: (e.date or "", e.id))


@dataclass(frozen=True)
class RelationRow:
    relation: Relation
    other: str  # the other actor's name
    direction: str  # "from" (the actor acts on other) / "to" (other acts on the actor)
    polarity: str  # positive / negative / neutral / negated


@dataclass(frozen=True)
class ActorRelations:
    actor: str
    supporters: list[RelationRow]  # others with a positive, counted relation towards the actor
    opponents: list[RelationRow]  # others with a negative, counted relation towards it
    supported: list[RelationRow]  # the actor's own positive relations towards others
    opposed: list[RelationRow]
    neutral: list[RelationRow]  # meetings and other counted relations without a polarity
    uncounted: list[RelationRow]  # denied, hypothetical, future: shown, never counted


def actor_relations(store: Store, name: str, onto: Ontology) -> ActorRelations:
    actor_id = actor_ids(store, name)[0]
    names = {a.id: a.name for a in store.actors()}
    rows: dict[str, list[RelationRow]] = {
        k: [] for k in ("supporters", "opponents", "supported", "opposed", "neutral", "uncounted")
    }
    for rel in store.relations(actor=actor_id):
        incoming = rel.target_actor == actor_id
        other = rel.source_actor if incoming else rel.target_actor
        polarity = type_polarity(rel.type, rel.negated, onto)
        row = RelationRow(rel, names.get(other, other), "to" if incoming else "from", polarity)
        if rel.source_count == 0 or not is_counted(rel.modality, rel.negated):
            rows["uncounted"].append(row)
        elif polarity == "positive":
            rows["supporters" if incoming else "supported"].append(row)
        elif polarity == "negative":
            rows["opponents" if incoming else "opposed"].append(row)
        else:
            rows["neutral"].append(row)
    return ActorRelations(names.get(actor_id, actor_id), **rows)


def find_quotes(store: Store, speaker: str | None = None) -> list[Quote]:
    if not speaker:
        return store.quotes()
    return [q for actor_id in actor_ids(store, speaker) for q in store.quotes(speaker=actor_id)]
