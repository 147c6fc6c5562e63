"""The stored event mentions, and an events pass that regroups only the keys a batch touches.

Event grouping compares only mentions of one key (type, source, target, polarity, ACLED
code), in (article id, place in the article) order, so the events of a key are a
function of that key's mentions alone. A resolution stores every kept mention with its
key, what grouping reads besides it (the days its report tells of, the article incident
holding it, the counts it keeps) and the event it went to (migration 23). A refresh then
regroups only the keys of the articles it reads afresh (the new ones, and those whose
mentions the actor update moved to other actors), from those keys' stored mentions, and
keeps every other stored event as it is: the result is the rebuild's, since a regrouped
key sees the very mentions, in the very order, a rebuild gives it. A toll's owner is
decided among its own article's mentions (``events.article_owners``), and every mention
of an article read afresh lies in a regrouped key, so no event outside them changes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from eventwire.knowledge.ontology import Ontology
from eventwire.model import DocumentRecords, Event, EventMention, Place, from_dict, to_dict
from eventwire.resolve.events import (
    Days,
    EventGrouper,
    GroupKey,
    Keyed,
    article_owners,
    kept_mentions,
    keyed_mentions,
)

__all__ = [
    "EventsChange",
    "MentionIndex",
    "MentionRow",
    "mention_rows",
    "moved_articles",
    "refresh_events",
]

EventOf = dict[tuple[str, int, str], str]  # (article id, trigger start, type) -> event id
CountKey = tuple[object, ...]


@dataclass(frozen=True)
class MentionRow:
    """One kept event mention as stored: its article and place there, what names its
    event in ``event_of`` (trigger start, type), its grouping key as text, the event it
    went to, and ``payload``: the mention as grouped with its days, article incident and
    the counts it keeps (JSON)."""

    article_id: str
    seq: int
    trigger_start: int
    type: str
    key: str
    event_id: str
    payload: str


def key_text(key: GroupKey) -> str:
    return json.dumps(list(key), ensure_ascii=False)


def _row(k: Keyed, event_id: str, owned: frozenset[CountKey]) -> MentionRow:
    data = {
        "mention": to_dict(k.em),
        "days": list(k.days) if k.days else None,
        "report": k.report,
        "owned": sorted(list(c) for c in owned),
    }
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return MentionRow(k.em.article_id, k.seq, k.em.trigger.start, k.em.type, key_text(k.key),
                      event_id, payload)  # fmt: skip


def _keyed(row: MentionRow) -> tuple[Keyed, frozenset[CountKey]]:
    data = json.loads(row.payload)
    days: Days = tuple(data["days"]) if data["days"] else None  # type: ignore[assignment]
    t, source, target, negated, acled = json.loads(row.key)
    em = from_dict(EventMention, data["mention"])
    owned = frozenset(tuple(c) for c in data["owned"])
    key = (t, source, target, negated, tuple(acled) if acled else None)
    return Keyed(em, row.seq, key, days, data["report"]), owned


def mention_rows(keyed: Iterable[tuple[Keyed, str]]) -> Iterator[MentionRow]:
    """The stored rows of kept mentions (in (article, place) order, as
    ``resolve_events`` fills its ``keyed``) with the events they went to; the counts each
    keeps are decided article by article."""
    article: list[tuple[Keyed, str]] = []
    for item in keyed:
        if article and item[0].em.article_id != article[0][0].em.article_id:
            yield from _article_rows(article)
            article = []
        article.append(item)
    yield from _article_rows(article)


def _article_rows(items: Sequence[tuple[Keyed, str]]) -> Iterator[MentionRow]:
    owned = article_owners([k for k, _ in items])
    for k, event_id in items:
        yield _row(k, event_id, owned.get(k.seq, frozenset()))


def moved_articles(
    before: dict[str, str], now: dict[str, str], rebuilt: set[str], retyped: set[str]
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


# a mention to regroup: as grouping reads it, the counts it keeps, its stored row (None: new)
Item = tuple[Keyed, frozenset[CountKey], MentionRow | None]


class MentionIndex(Protocol):
    """What the events pass of a refresh reads from the store (inside its write lock)."""

    def event_mention_keys(self, article_ids: Sequence[str]) -> set[str]:
        """The grouping keys of the stored mentions of these articles."""
        ...

    def event_mention_rows(self, keys: Sequence[str]) -> list[MentionRow]:
        """Every stored mention of these grouping keys."""
        ...

    def event_mention_links(self) -> Iterator[tuple[str, int, int, str, str, str]]:
        """(article, seq, trigger start, type, key, event id) of every stored mention."""
        ...

    def events_except(self, ids: set[str]) -> Iterator[Event]:
        """Every stored event but ``ids``."""
        ...


@dataclass
class EventsChange:
    """What a refresh's events pass changed: the regrouped ``keys`` (their stored
    mentions are replaced by ``rows``), the stored events ``removed`` (those of the
    regrouped keys) and the ``added`` ones (the regrouped keys' events now)."""

    keys: set[str] = field(default_factory=set)
    rows: list[MentionRow] = field(default_factory=list)
    removed: set[str] = field(default_factory=set)
    added: list[Event] = field(default_factory=list)


def refresh_events(
    index: MentionIndex,
    afresh: set[str],
    mention_actor: dict[str, str],
    unnamed: frozenset[str],
    onto: Ontology,
    change: EventsChange,
) -> Callable[..., tuple[list[Event], list[Place], EventOf]]:
    """An events pass (what ``resolve_rest`` calls with the documents as their events
    are filled, and the days and article incident of each mention) that groups only the
    mentions of the articles ``afresh`` (the new ones and those whose mentions moved to
    other actors) with the stored mentions of the keys they fall under, before or now;
    every other stored event is kept. ``change`` is filled with what it changed."""

    def run(
        docs: Iterable[DocumentRecords],
        report_days: Callable[[EventMention], Days],
        report_of: Callable[[EventMention], object],
    ) -> tuple[list[Event], list[Place], EventOf]:
        places: dict[str, Place] = {}
        fresh: list[Keyed] = []
        owned: dict[tuple[str, int], frozenset[CountKey]] = {}
        for doc in docs:
            if doc.article_id in afresh:
                ks = keyed_mentions(doc, mention_actor, onto, report_days, report_of)
                fresh.extend(ks)
                owners = article_owners(ks)
                owned.update(((doc.article_id, s), o) for s, o in owners.items())
                kept: Iterable[EventMention] = (k.em for k in ks)
            else:
                kept = kept_mentions(doc.events)
            for em in kept:
                if em.place:
                    places[em.place.id] = replace(em.place, inferred=False)
        keys = index.event_mention_keys(sorted(afresh)) | {key_text(k.key) for k in fresh}
        by_key: dict[str, list[Item]] = defaultdict(list)
        for row in index.event_mention_rows(sorted(keys)):
            change.removed.add(row.event_id)
            if row.article_id not in afresh:
                by_key[row.key].append((*_keyed(row), row))
        for k in fresh:
            mine = owned.get((k.em.article_id, k.seq), frozenset())
            by_key[key_text(k.key)].append((k, mine, None))
        first: dict[str, tuple[str, int]] = {}  # event id -> its first member's place
        for key in sorted(keys):
            added, rows = _regroup(by_key.pop(key, []), mention_actor, onto, unnamed)
            change.added += added
            change.rows += rows
            for e, r in zip(added, _firsts(rows), strict=True):
                first[e.id] = r
        change.keys = keys
        event_of = _event_of(index, keys, change.rows, first)
        events = [e for e in index.events_except(change.removed) if e.id in first]
        events += change.added
        events.sort(key=lambda e: first[e.id])
        return events, sorted(places.values(), key=lambda p: p.id), event_of

    return run


def _regroup(
    items: list[Item],
    mention_actor: dict[str, str],
    onto: Ontology,
    unnamed: frozenset[str],
) -> tuple[list[Event], list[MentionRow]]:
    """The events of one key's mentions, grouped in (article, place) order as a full
    resolution groups them, with their rows (in the events' order, each event's members
    in theirs)."""
    items.sort(key=lambda p: (p[0].em.article_id, p[0].seq))
    grouper = EventGrouper(onto, unnamed)
    keeps: dict[tuple[str, int], tuple[frozenset[CountKey], MentionRow | None]] = {}
    for k, o, stored in items:
        grouper.add(k, keep=True)
        keeps[k.em.article_id, k.seq] = (o, stored)

    def owned(n: int) -> set[CountKey]:
        return {c for k in grouper.keyed[n] for c in keeps[k.em.article_id, k.seq][0]}

    events = grouper.events(mention_actor, owned)
    rows: list[MentionRow] = []
    for ks, e in zip(grouper.keyed, events, strict=True):
        for k in ks:
            mine, stored = keeps[k.em.article_id, k.seq]
            # a stored mention keeps its payload (nothing in it changed); only its event may
            rows.append(replace(stored, event_id=e.id) if stored else _row(k, e.id, mine))
    return events, rows


def _firsts(rows: Sequence[MentionRow]) -> Iterator[tuple[str, int]]:
    """Each event's first member (rows in events' order, each event's members in theirs)."""
    last = None
    for r in rows:
        if r.event_id != last:
            last = r.event_id
            yield (r.article_id, r.seq)


def _event_of(
    index: MentionIndex, keys: set[str], rows: Sequence[MentionRow], first: dict[str, Any]
) -> EventOf:
    """The event of each mention by (article, trigger start, type), filled in the order a
    full resolution fills it (events by their first member, then each event's members),
    so two statements of one trigger and type in two events end as a rebuild has them;
    ``first`` is completed with the first member of every stored event kept."""
    members: list[tuple[str, int, int, str, str]] = []
    for article, seq, start, type_, key, event_id in index.event_mention_links():
        if key not in keys:
            members.append((article, seq, start, type_, event_id))
            if event_id not in first or (article, seq) < first[event_id]:
                first[event_id] = (article, seq)
    members += ((r.article_id, r.seq, r.trigger_start, r.type, r.event_id) for r in rows)
    members.sort(key=lambda m: (first[m[4]], m[0], m[1]))
    return {(m[0], m[2], m[3]): m[4] for m in members}
