"""The stored event mentions, and what a refresh's events pass changes.

Event grouping compares only mentions of one key (type, source, target, polarity, ACLED
code), in (article id, place in the article) order, so the events of a key are a
function of that key's mentions alone. A resolution stores every kept mention with its
key and the event it went to (migration 23). A refresh
then knows which events can change: those of the keys the articles it reads afresh
fall under, before or now (the new articles, and those holding a mention the actor
update moved to another actor). Every other event is a rebuild's as stored, since its
key sees the very mentions, in the very order, as before; a toll's owner is decided
among its own article's mentions (``events._count_owners``), and every mention of an
article read afresh lies in one of those keys. So a refresh writes only those keys'
events and mention rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from eventwire.knowledge.resources import Resources
from eventwire.model import DocumentRecords, Event, EventMention, Place
from eventwire.resolve.article_columns import EventKey
from eventwire.resolve.event_keys import resolve_events_by_key
from eventwire.resolve.events import Days
from eventwire.resolve.mention_rows import MentionRow, RowSink, SpilledRows, key_text
from eventwire.resolve.record_file import Picked

__all__ = [
    "EventsChange",
    "MentionIndex",
    "MentionRow",
    "key_text",
    "row_sink",
    "moved_articles",
    "refresh_events",
]

EventOf = Mapping[EventKey, str]  # a mention's (or statement's) key -> event id
CountKey = tuple[object, ...]


def row_sink(rows: list[MentionRow]) -> RowSink:
    """What the events pass calls with each kept mention's stored row (its ``keyed``):
    appends it to ``rows``. A resolution holds these rows until its picture is written,
    so each is a slotted record whose strings are the mention's own and one text per
    grouping key, not the mention itself (which would keep every event mention of the
    store alive through the incidents join)."""
    return rows.append


def moved_articles(
    before: Mapping[str, str], now: Mapping[str, str], rebuilt: set[str], retyped: set[str]
) -> set[str]:
    """The articles whose events a refresh must regroup besides the new ones: those
    holding a mention whose actor changed (``before``: the links of the ``rebuilt``
    actors before the actor update; ``now``: every link after it) or whose actor became
    or stopped being an unnamed group (``retyped``: grouping compares named actors only
    by town and day)."""
    found = {m for m, a in before.items() if now.get(m) != a or a in retyped}
    found.update(m for m, a in now.items()
                 if (a in rebuilt and before.get(m) != a) or a in retyped)  # fmt: skip
    return {m.rsplit(":", 2)[0] for m in found}


class MentionIndex(Protocol):
    """What the events pass of a refresh reads from the store (inside its write lock)."""

    def event_mention_keys(self, article_ids: Sequence[str]) -> set[str]:
        """The grouping keys of the stored mentions of these articles."""
        ...

    def event_ids_of_keys(self, keys: Iterable[str]) -> set[str]:
        """The events the stored mentions of these grouping keys went to."""
        ...


@dataclass
class EventsChange:
    """What a refresh's events pass changed: the regrouped ``keys`` (their stored
    mentions are replaced by ``rows``), the stored events ``removed`` (those of the
    regrouped keys) and the ``added`` ones (the regrouped keys' events now)."""

    keys: set[str] = field(default_factory=set)
    rows: list[MentionRow] = field(default_factory=list)
    removed: set[str] = field(default_factory=set)
    added: Sequence[Event] = ()


def refresh_events(
    index: MentionIndex,
    afresh: set[str],
    mention_actor: Mapping[str, str],
    unnamed: frozenset[str],
    resources: Resources,
    change: EventsChange,
) -> Callable[..., tuple[Sequence[Event], list[Place], EventOf]]:
    """An events pass (what ``resolve_rest`` calls with the documents as their events
    are filled, and the days and article incident of each mention) for a refresh: the
    events of every document, of which only those of the keys the articles ``afresh``
    (the new ones and those whose mentions moved to other actors) fall under, before or
    now, can differ from the stored ones. ``change`` is filled with those keys, their
    events and their mention rows, which are all a refresh writes of the events.

    The events of those keys are grouped from the documents being read, not from their
    stored mentions: while the incidents pass reads every document, grouping them all
    costs less than decoding every stored event and mention (measured, docs/scale.md,
    "Events regrouped by key"). They are grouped one key at a time from a temporary
    file, as a rebuild groups them
    (:func:`~eventwire.resolve.event_keys.resolve_events_by_key`), so the pass holds one
    key's mentions, not every group of the store; the events are kept on disk
    (:class:`~eventwire.resolve.event_spill.SpilledEvents`), and so are the mention rows
    until the touched keys are known. The result is a full grouping's by construction."""

    def run(
        docs: Iterable[DocumentRecords],
        report_days: Callable[[EventMention], Days],
        report_of: Callable[[EventMention], object],
    ) -> tuple[Sequence[Event], list[Place], EventOf]:
        rows = SpilledRows()
        try:
            events, places, event_of = resolve_events_by_key(
                docs, mention_actor, resources, unnamed, report_days, report_of, rows
            )
            keys = index.event_mention_keys(sorted(afresh))
            keys.update(r.key for r in rows if r.article_id in afresh)
            change.keys = keys
            change.removed = index.event_ids_of_keys(keys)
            change.rows = [r for r in rows if r.key in keys]
        finally:
            rows.close()
        touched = {r.event_id for r in change.rows}
        at = sorted(p for e in touched if (p := events.position(e)) is not None)
        change.added = Picked(events, at)  # read back as the write compares them
        return events, places, event_of

    return run
