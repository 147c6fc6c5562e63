"""The events pass that groups one key at a time gives what grouping every key at once
gives: the same events in the same order, the same event of each mention, the same
stored rows and places."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.knowledge.resources import Resources
from eventwire.model import Count, DocumentRecords
from eventwire.resolve import resolve_actor_pass
from eventwire.resolve.event_keys import resolve_events_by_key
from eventwire.resolve.event_spill import SpilledEvents
from eventwire.resolve.events import resolve_events
from eventwire.resolve.mention_rows import MentionRow
from eventwire.synthetic import World, synthetic_document


def _both(
    docs: list[DocumentRecords], resources: Resources
) -> tuple[tuple[object, ...], tuple[object, ...]]:
    actors = resolve_actor_pass(docs, resources)
    unnamed = frozenset(a.id for a in actors.actors if a.type == "group")
    out = []
    for by_key in (False, True):
        event_of: dict[tuple[str, int, str], str] = {}
        rows: list[MentionRow] = []
        args = (iter(docs), actors.mention_actor, resources, unnamed)
        if by_key:
            events, places, columns = resolve_events_by_key(*args, keyed=rows.append)
            assert isinstance(events, SpilledEvents)
            event_of = {mid: columns[mid] for mid in columns}
            assert len(columns) == len(event_of)
            assert all(columns.get(mid) == e for mid, e in event_of.items())
        else:
            events, places = resolve_events(*args, event_of, keyed=rows.append)
        out.append((list(events), places, event_of, rows))
    return out[0], out[1]


@pytest.fixture(scope="module")
def documents() -> list[DocumentRecords]:
    world = World.make(400)
    return [synthetic_document(world, n)[1] for n in range(400)]


def test_one_key_at_a_time_equals_every_key_at_once(
    documents: list[DocumentRecords], resources: Resources
) -> None:
    at_once, by_key = _both(documents, resources)
    assert by_key == at_once
    events, _places, event_of, rows = by_key
    assert len(events) > 100 and len(rows) >= len(events) and event_of


def test_mentions_sharing_a_trigger_and_tolls_stated_twice(
    documents: list[DocumentRecords], resources: Resources
) -> None:
    """Two kept mentions of one trigger (two doers of one act) name the event made last,
    and a toll two mentions of one key tie for goes to the group made first."""
    changed = []
    for doc in documents:
        extra = []
        for em in doc.events[:2]:
            # the same act told with the doer and the target swapped: one trigger, two keys
            extra.append(replace(em, source=em.target, target=em.source))
            if em.counts:  # the same toll carried by a copy placed later in the text
                extra.append(replace(em, trigger=replace(em.trigger, start=em.trigger.start + 1)))
        toll = Count("killed", 3, None, "three", doc.events[0].evidence) if doc.events else None
        if toll is not None:
            extra.append(replace(doc.events[0], counts=(toll,), negated=True))
        changed.append(replace(doc, events=(*doc.events, *extra)))
    at_once, by_key = _both(changed, resources)
    assert by_key == at_once


@pytest.mark.parametrize("other_key", [False, True])
def test_tolls_two_mentions_tie_for(
    documents: list[DocumentRecords], resources: Resources, other_key: bool
) -> None:
    """Two kept mentions told at one place (their spans' text differs) tie for a toll:
    within one key the group made first keeps it; across two keys every key is grouped
    at once, as before."""
    changed = []
    for doc in documents:
        extra = []
        for em in doc.events[:3]:
            if em.counts and em.source is not None:
                copy = replace(em, source=replace(em.source, text=em.source.text + "'s"))
                extra.append(replace(copy, negated=not em.negated) if other_key else copy)
        changed.append(replace(doc, events=(*doc.events, *extra)))
    at_once, by_key = _both(changed, resources)
    assert by_key == at_once
