"""A whole-store events pass that holds one grouping key's mentions at a time.

Grouping compares only mentions of one key (type, source, target, polarity, ACLED
code), in (article id, place in the article) order, so the events of a key are a
function of that key's mentions alone (:class:`~eventwire.resolve.events.EventGrouper`).
:func:`resolve_events_by_key` reads the documents once, writing every kept mention (with
the days and article incident grouping reads) to a temporary file and keeping in memory
only its key's number; then it reads the mentions back key by key, groups one key's,
makes and writes its events and lets them go. :func:`~eventwire.resolve.events.resolve_events`
held every group of the store until the last document was grouped.

What crosses keys is decided from each article alone, as the documents are read: which
mention keeps a toll (``events._count_owners`` ranks the mentions of the toll's own
article; a tie between two mentions of one key goes to the group made first, which the
key's grouping tells), and which event a mention id names when two kept mentions share
one (the group made last, as a pass making events in group order leaves it); each of
those mentions also names its own event by its statement id (a trigger told of two
targets is two events, each listed by the incident holding its mention). The events
are written in the order their groups were made (by their first mention), so ids, the
order of ties and every record are :func:`~eventwire.resolve.events.resolve_events`'.
An article whose toll two mentions of two keys tie for (never from extraction, whose
kept mentions differ in where they are told) is grouped all at once, as before.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace

import numpy as np

from eventwire.knowledge.resources import Resources
from eventwire.model import DocumentRecords, EventMention, Place
from eventwire.resolve.article_columns import EventKey, EventOfColumns, MentionId
from eventwire.resolve.doc_incident_record import statement_id
from eventwire.resolve.event_spill import SpilledEvents, event_number, event_text
from eventwire.resolve.events import (
    Days,
    EventGrouper,
    Keyed,
    count_key,
    group_events,
    keyed_mentions,
    make_event,
    owner_rank,
)
from eventwire.resolve.incident_sites import act_nouns
from eventwire.resolve.mention_rows import GroupKey, MentionRow, RowMaker, RowSink
from eventwire.resolve.record_file import RecordFile

__all__ = ["resolve_events_by_key"]

CountKey = tuple[object, ...]


def _article_owners(
    mentions: list[Keyed],
) -> tuple[dict[int, list[CountKey]], dict[int, list[CountKey]]] | None:
    """Of one article's kept mentions (by their place): the tolls each keeps, as
    ``events._count_owners`` ranks the mentions of a toll's own article, and those it
    ties for with other mentions of its own key (the group made first takes them).
    None when two mentions of two keys tie, or a mention carries another article's
    toll: then only a grouping of every key at once tells the owner."""
    best: dict[CountKey, tuple[tuple[object, ...], list[Keyed]]] = {}
    for k in mentions:
        if not k.em.counts:
            continue
        rank = owner_rank(k.em, k.source, k.target)
        for c in k.em.counts:
            ck = count_key(c)
            if ck[0] != k.em.article_id:
                return None
            held = best.get(ck)
            if held is None or rank < held[0]:
                best[ck] = (rank, [k])
            elif rank == held[0] and all(o is not k for o in held[1]):
                held[1].append(k)
    owns: dict[int, list[CountKey]] = {}
    ties: dict[int, list[CountKey]] = {}
    for ck, (_rank, tied) in best.items():
        if len(tied) == 1:
            owns.setdefault(tied[0].seq, []).append(ck)
        elif len({k.key for k in tied}) > 1:
            return None
        else:
            for k in tied:
                ties.setdefault(k.seq, []).append(ck)
    return owns, ties


class _MentionSpill:
    """Every kept event mention of the store in a temporary file, by its place in
    (article, place in the article) order (``g``), with the tolls it keeps or ties for;
    in memory, each one's key number, and the mention ids two kept mentions share."""

    def __init__(self) -> None:
        self.records = RecordFile()  # (Keyed, tolls kept, tolls tied for), by g
        # by article: (article id, ((seq, trigger, type, key, doer, target), ...)), the last
        # two the starts of the mention's own sides (``statement_id``)
        self.rows = RecordFile()
        self.keys: dict[GroupKey, int] = {}
        self.key_of = array("i")
        self.shared: set[MentionId] = set()  # mention ids two kept mentions share
        self.mixed = False  # a toll's owner is decided across keys: group all at once

    def add_article(self, mentions: list[Keyed]) -> None:
        if not mentions:
            return
        owners = _article_owners(mentions)
        if owners is None:
            self.mixed = True
        owns, ties = owners or ({}, {})
        seen: set[MentionId] = set()
        row: list[tuple[int, int, str, int, int, int]] = []
        for k in mentions:
            number = self.keys.setdefault(k.key, len(self.keys))
            self.key_of.append(number)
            self.records.append((k, tuple(owns.get(k.seq, ())), tuple(ties.get(k.seq, ()))))
            mid = (k.em.article_id, k.em.trigger.start, k.em.type)
            if mid in seen:
                self.shared.add(mid)
            seen.add(mid)
            sid = statement_id(k.em)
            row.append((k.seq, k.em.trigger.start, k.em.type, number, sid[3], sid[4]))
        self.rows.append((mentions[0].em.article_id, tuple(row)))

    def in_order(self) -> Iterator[Keyed]:
        for g in range(len(self.records)):
            yield self.records.get(g)[0]

    def by_key(self) -> Iterator[list[int]]:
        """The mentions (their ``g``) of each key in turn, in (article, place) order."""
        key_of = np.frombuffer(self.key_of, dtype=np.int32)
        order = np.argsort(key_of, kind="stable")
        cuts = np.flatnonzero(np.diff(key_of[order])) + 1
        for run in np.split(order, cuts) if len(order) else ():
            yield run.tolist()

    def close(self) -> None:
        self.records.close()
        self.rows.close()


def resolve_events_by_key(
    docs: Iterable[DocumentRecords],
    mention_actor: Mapping[str, str],
    resources: Resources,
    unnamed: frozenset[str] = frozenset(),
    report_days: Callable[[EventMention], Days] | None = None,
    report_of: Callable[[EventMention], object] | None = None,
    keyed: RowSink | None = None,
) -> tuple[SpilledEvents, list[Place], Mapping[EventKey, str]]:
    """:func:`~eventwire.resolve.events.resolve_events` with ``spill`` (same arguments,
    same events and rows), grouping one key's mentions at a time (see the module
    docstring); also the event of each mention, by (article id, trigger start, type),
    and of each statement of a trigger two kept mentions share (``statement_id``), as
    :class:`~eventwire.resolve.article_columns.EventOfColumns`."""
    onto = resources.ontology
    spill = _MentionSpill()
    places: dict[str, Place] = {}
    try:
        for doc in docs:
            mentions = keyed_mentions(doc, mention_actor, onto, report_days, report_of)
            for k in mentions:
                if k.em.place:
                    places[k.em.place.id] = replace(k.em.place, inferred=False)
            spill.add_article(mentions)
        found = sorted(places.values(), key=lambda p: p.id)
        if spill.mixed:
            event_of: dict[EventKey, str] = {}
            events = group_events(spill.in_order(), mention_actor, onto, unnamed, event_of,
                                  keyed, spill=True)  # fmt: skip
            assert isinstance(events, SpilledEvents)
            return events, found, event_of
        events, columns = _group_by_key(spill, mention_actor, resources, unnamed, keyed)
        return events, found, columns
    finally:
        spill.close()


def _group_by_key(
    spill: _MentionSpill,
    mention_actor: Mapping[str, str],
    resources: Resources,
    unnamed: frozenset[str],
    keyed: RowSink | None,
) -> tuple[SpilledEvents, EventOfColumns]:
    onto = resources.ontology
    acts = act_nouns(onto)
    events = SpilledEvents()
    numbers = np.full(len(spill.records), -1, dtype=np.int64)  # each mention's event, by g
    other: dict[int, str] = {}  # event ids not of the usual form, by g (none from stable_id)
    contested: dict[MentionId, tuple[int, str]] = {}  # shared id -> (latest group, event)
    for run in spill.by_key():
        grouper = EventGrouper(onto, unnamed, acts)
        first: list[int] = []  # each group's first mention (g): its place among all groups
        held: list[list[int]] = []
        owned: list[set[CountKey]] = []
        tied: dict[CountKey, int] = {}
        for g in run:
            k, owns, ties = spill.records.get(g)
            n = grouper.add(k)
            if n == len(first):
                first.append(g)
                held.append([])
                owned.append(set())
            held[n].append(g)
            owned[n].update(owns)
            for ck in ties:
                tied[ck] = min(tied.get(ck, n), n)
        for ck, n in tied.items():
            owned[n].add(ck)
        for n, group in enumerate(grouper.groups):
            event = make_event(group, mention_actor, onto, owned[n])
            events.append(event, order=first[n])
            number = event_number(event.id)
            for g in held[n]:
                numbers[g] = number
                if number < 0:
                    other[g] = event.id
            for em in group.members:
                # a pass making events in group order leaves the last group's event
                mid = (em.article_id, em.trigger.start, em.type)
                if mid in spill.shared and (
                    (was := contested.get(mid)) is None or was[0] < first[n]
                ):
                    contested[mid] = (first[n], event.id)
    return events.arrange(), _event_of(spill, numbers, other, contested, keyed)


def _event_of(
    spill: _MentionSpill,
    numbers: np.ndarray,
    other: dict[int, str],
    contested: dict[MentionId, tuple[int, str]],
    keyed: RowSink | None,
) -> EventOfColumns:
    """The event of each mention id, and ``keyed`` called with every kept mention's row
    in (article, place) order."""
    texts, keys = RowMaker(), list(spill.keys)
    event_of = EventOfColumns(spill.rows.get(n)[0] for n in range(len(spill.rows)))
    g = 0
    for n in range(len(spill.rows)):
        article, rows = spill.rows.get(n)
        for seq, trigger, kind, key, doer, target in rows:
            number = int(numbers[g])
            event_id = other.get(g) or event_text(number)
            mid = (article, trigger, kind)
            if (won := contested.get(mid)) is not None:
                event_of.add(mid, event_number(won[1]), won[1])
            else:
                event_of.add(mid, number, event_id)
            if mid in spill.shared:
                event_of.add((article, trigger, kind, doer, target), number, event_id)
            if keyed is not None:
                keyed(MentionRow(article, seq, trigger, kind, texts.text(keys[key]), event_id))
            g += 1
    return event_of.seal()
