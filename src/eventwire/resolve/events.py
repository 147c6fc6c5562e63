"""Events across documents (simple version: one event per event mention)."""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.extract.context import Resources
from eventwire.model import DocumentRecords, Event, Place, mention_key
from eventwire.resolve.ids import stable_id


def resolve_events(
    docs: Sequence[DocumentRecords], mention_actor: dict[str, str], resources: Resources
) -> tuple[list[Event], list[Place]]:
    events: list[Event] = []
    places: dict[str, Place] = {}
    for doc in docs:
        for em in doc.events:
            def actor(span):  # noqa: ANN001, ANN202
                return mention_actor.get(mention_key(em.article_id, span)) if span else None

            if em.place:
                places[em.place.id] = em.place
            events.append(
                Event(
                    id=stable_id("event", em.article_id, em.trigger.start, em.type),
                    type=em.type,
                    codes={},
                    evidence=(em.evidence,),
                    source_actor=actor(em.source),
                    target_actor=actor(em.target),
                    date=em.when.value if em.when else None,
                    date_precision=em.when.precision if em.when else None,
                    location=em.place,
                    negated=em.negated,
                    modality=em.modality,
                    attributed_to=actor(em.attributed_to),
                    counts={c.kind: c.value for c in em.counts},
                    qualifiers=em.qualifiers,
                )
            )
    return events, sorted(places.values(), key=lambda p: p.id)
