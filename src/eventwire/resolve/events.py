"""Events across documents: one event per real-world happening, with all its evidence.

Event mentions are grouped when they agree on type, ACLED code, resolved source and
target actors, polarity, date (compared at the coarser of the two precisions, so a
"2019-04" report matches a "2019-04-05" one) and place (when both have one); a group
takes no mention placed where one of its members' places rules out, or naming other sites
hit than its members name, so a vague report never ties two acts at two sites together.
Across articles, the days the reports' article incidents tell of must also meet as the
incident join compares them (within a month each, a day apart at most), so an event
never sits in two incidents. A mention with no resolved actor and no place is too vague to match anything
and stays an event of its own. ``source_count`` is the number of distinct
articles behind an event; counts keep, per kind, the highest of the figures each article
leads with (``incident_counts.told_figures``: not a claim printed lower down), and a
count stated once is carried by one event only (see ``_count_owners``), so tolls add up.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from eventwire.extract.eventlinks import SOURCE_ALLEGED
from eventwire.knowledge.ontology import Ontology
from eventwire.knowledge.resources import Resources
from eventwire.model import (
    Count,
    DocumentRecords,
    Event,
    EventMention,
    Evidence,
    Place,
    RelationMention,
    Span,
    When,
    mention_key,
)
from eventwire.resolve.article_columns import EventKey
from eventwire.resolve.doc_incident_record import mention_id, statement_id
from eventwire.resolve.doc_incidents import UNDATED_WINDOW, DocIncident, stated_span
from eventwire.resolve.event_spill import SpilledEvents
from eventwire.resolve.ids import stable_id
from eventwire.resolve.incident_counts import told_figures
from eventwire.resolve.incident_sites import act_nouns, sites_hit
from eventwire.resolve.incidents import DAY_SLACK, MAX_WINDOW, place_veto
from eventwire.resolve.mention_rows import GroupKey, RowMaker, RowSink

V = TypeVar("V")
Days = tuple[int, int] | None  # the days (ordinals) a report may tell of; None: vaguer than a month

# How many characters of a calendar date (When.calendar) a precision vouches for; a week
# or a season may straddle months, so they vouch for the month or the year only.
PRECISION_CHARS = {"day": 10, "week": 7, "publication": 10, "month": 7, "season": 4, "year": 4,
                   "decade": 3}  # fmt: skip
TOWN_PRECISIONS = frozenset({"point", "city"})
MODALITY_RANK = ("asserted", "reported", "alleged", "future", "hypothetical", "denied", "negated")


@dataclass
class _Group:
    first: EventMention
    source: str | None
    target: str | None
    members: list[EventMention] = field(default_factory=list)
    order: int = 0  # place among all groups, in creation order
    places: tuple[Place, ...] = ()  # its members' places, one of each id
    sites: frozenset[str] = frozenset()  # the sites its members' acts hit (``sites_hit``)
    days: tuple[tuple[str, Days], ...] = ()  # (article, the days its report tells of), distinct

    def date_prefix(self) -> str:
        return _date_prefix(self.first.when)

    def add(self, em: EventMention, sites: frozenset[str], days: Days) -> None:
        self.members.append(em)
        if (em.article_id, days) not in self.days:
            self.days += ((em.article_id, days),)
        if (p := em.place) is not None and all(p.id != q.id for q in self.places):
            self.places += (p,)
        if sites:
            self.sites |= sites

    def elsewhere(self, em: EventMention, sites: frozenset[str]) -> bool:
        """Whether ``em`` tells of an act at another site than this group's members: in a
        place one of theirs rules out (two towns, two governorates:
        :func:`~eventwire.resolve.incidents.place_veto`), or naming what it hit when they
        name other sites ("struck a market" and "bombed a monastery" in one town). So a
        report that gives neither does not tie two such acts into one event."""
        if sites and self.sites and not sites & self.sites:
            return True
        return em.place is not None and any(place_veto(p, em.place) for p in self.places)

    def days_apart(self, em: EventMention, days: Days) -> bool:
        """Whether the days ``em``'s report tells of (``days``) and those of a member's
        report of another article do not meet as the incident join compares them
        (:func:`_days_meet`): tied, the event would sit in two incidents."""
        return any(a != em.article_id and not _days_meet(d, days) for a, d in self.days)


class _DateIndex:
    """The groups of one matching key by date prefix, so a mention is compared only with
    groups whose dates agree with its own to the coarser precision (``_matches`` needs
    that), in creation order: first match wins, as in a scan of them all, but a hub
    actor's thousands of events are not scanned for every new one."""

    def __init__(self) -> None:
        self.exact: dict[str, list[_Group]] = defaultdict(list)  # by the whole prefix
        self.longer: dict[str, list[_Group]] = defaultdict(list)  # by each shorter start

    def add(self, group: _Group) -> None:
        prefix = group.date_prefix()
        if not prefix:
            return  # no date agrees with none
        self.exact[prefix].append(group)
        for k in range(1, len(prefix)):
            self.longer[prefix[:k]].append(group)

    def agreeing(self, prefix: str) -> list[_Group]:
        if not prefix:
            return []
        found = [g for k in range(1, len(prefix) + 1) for g in self.exact.get(prefix[:k], ())]
        found += self.longer.get(prefix, ())
        return sorted(found, key=lambda g: g.order)


def _date_prefix(when: When | None) -> str:
    day = when.calendar if when else None
    return day[: PRECISION_CHARS.get(when.precision or "day", 10)] if when and day else ""


def date_days(when: When | None) -> Days:
    """The days (ordinals) a date covers, as the incident join reads an article
    incident's (``DocIncident.window``): a day; a week from its Monday; a month; a
    publication date's week before it. None for a date vaguer than a month (a season, a
    year), which the join never merges across articles. For a mention that is no member
    of an article incident."""
    cal = when.calendar if when else None
    if not when or not cal:
        return None
    if span := stated_span(when):  # a week or a month
        return span
    back, ahead = {"day": (0, 0), "publication": (UNDATED_WINDOW, 0)}.get(
        when.precision or "day", (-1, -1)
    )
    if back < 0 or len(cal) != 10:
        return None
    day = date.fromisoformat(cal).toordinal()
    return day - back, day + ahead


def _days_meet(da: Days, db: Days) -> bool:
    """Whether the days two reports tell of are close enough for the incident join to
    merge them: both within a month, and at most ``DAY_SLACK`` apart."""
    if da is None or db is None or max(da[1] - da[0], db[1] - db[0]) > MAX_WINDOW:
        return False
    return max(0, da[0] - db[1], db[0] - da[1]) <= DAY_SLACK


def _matches(
    group: _Group, em: EventMention, source: str | None, target: str | None, named: bool
) -> bool:
    """Whether ``em`` reports the event of ``group``.

    Same type, actors and polarity; places that do not differ; dates that agree to the
    coarser precision. Across articles, an event with no *named* actor (none, or only
    unnamed groups such as "police") is tied to another report only by the same town
    (not a governorate or country) and the same day: "clashes" on the same day in two
    towns, or in one town on two days, are two events.
    """
    if (group.first.type, group.source, group.target, group.first.negated) != (
        em.type, source, target, em.negated
    ):  # fmt: skip
        return False
    a, b = group.first.place, em.place
    if a and b and a.id != b.id:
        return False
    da, db = group.date_prefix(), _date_prefix(em.when)
    across = group.first.article_id != em.article_id
    if not named and across and (not (a and b) or len(da) < 10 or len(db) < 10
                                 or a.precision not in TOWN_PRECISIONS):  # fmt: skip
        return False  # a governorate holds many incidents a day
    n = min(len(da), len(db))
    return bool(n) and da[:n] == db[:n]


class SharedValues:
    """One copy of each equal place, date, sentence and span among the mentions a
    resolution holds until its events are made.

    A decoded record gives every mention its own copies: each event mention of a town
    holds the town's whole :class:`Place`, each mention of a sentence its own sentence
    text. The events pass keeps every event mention of the store until it has grouped
    them all, so sharing equal values is most of what it holds (the values are frozen,
    so sharing changes no result). Places and dates are shared across the store (there
    are few of them); sentences and spans within a document."""

    def __init__(self) -> None:
        self._seen: dict[object, object] = {}

    def one(self, value: V) -> V:
        """The first value equal to ``value`` seen (places, dates)."""
        if value is None:
            return value
        return self._seen.setdefault(value, value)  # type: ignore[return-value]

    def events(self, mentions: Sequence[EventMention]) -> tuple[EventMention, ...]:
        """``mentions`` (of one document) with equal values shared."""
        local: dict[object, object] = {}

        def here(value: V) -> V:
            return value if value is None else local.setdefault(value, value)  # type: ignore[return-value]

        def count(c: Count) -> Count:
            return replace(c, kind=sys.intern(c.kind), evidence=here(c.evidence), span=here(c.span))

        return tuple(
            replace(
                em,
                article_id=here(em.article_id),
                type=sys.intern(em.type),
                modality=sys.intern(em.modality),
                lemma=sys.intern(em.lemma),
                trigger=here(em.trigger),
                evidence=here(replace(em.evidence, article_id=here(em.evidence.article_id))),
                source=here(em.source),
                target=here(em.target),
                attributed_to=here(em.attributed_to),
                when=self.one(em.when),
                place=self.one(em.place),
                counts=tuple(count(c) for c in em.counts),
                qualifiers=tuple(sys.intern(q) for q in em.qualifiers),
            )
            for em in mentions
        )

    def relations(self, mentions: Sequence[RelationMention]) -> tuple[RelationMention, ...]:
        """Relation statements (of one document) with their dates shared."""
        return tuple(replace(rm, when=self.one(rm.when)) for rm in mentions)

    def incident(self, inc: DocIncident) -> None:
        """Share an article incident's actors, the words naming them, its leader ties and
        rules with every equal value held so far (in place: the incidents pass holds every
        article incident until the join is done, and an actor's words, a side or an
        article's empty set of ties recur in most of them)."""
        inc.sources, inc.targets = self.one(inc.sources), self.one(inc.targets)
        inc.named, inc.ties = self.one(inc.named), self.one(inc.ties)
        inc.words = {sys.intern(a): self.one(w) for a, w in inc.words.items()}
        inc.rules = [self.one(r) for r in inc.rules]


def actor_of(mention_actor: Mapping[str, str], article_id: str, span: Span | None) -> str | None:
    return mention_actor.get(mention_key(article_id, span)) if span else None


@dataclass(frozen=True)
class Keyed:
    """One kept event mention with what grouping reads besides it: its place among its
    article's kept mentions (``seq``), its resolved actors, its grouping key (type,
    source, target, polarity, ACLED code: only mentions of one key can be one event),
    the days its report tells of and the article incident holding it (None: none)."""

    em: EventMention
    seq: int
    key: GroupKey
    days: Days
    report: object = None

    @property
    def source(self) -> str | None:
        return self.key[1]

    @property
    def target(self) -> str | None:
        return self.key[2]


def kept_mentions(mentions: Iterable[EventMention]) -> Iterator[EventMention]:
    """The event mentions of one document that grouping keeps, in text order: the same
    statement extracted twice (same trigger, type and actor spans) is one."""
    stated: set[tuple[object, ...]] = set()
    for em in mentions:
        statement = (em.trigger.start, em.type, em.source, em.target)
        if statement not in stated:
            stated.add(statement)
            yield em


def keyed_mentions(
    doc: DocumentRecords,
    mention_actor: Mapping[str, str],
    onto: Ontology,
    report_days: Callable[[EventMention], Days] | None = None,
    report_of: Callable[[EventMention], object] | None = None,
) -> list[Keyed]:
    """The event mentions of one document that grouping keeps (:func:`kept_mentions`)
    with their keys, days and article incidents."""
    out: list[Keyed] = []
    for em in kept_mentions(doc.events):
        source = actor_of(mention_actor, em.article_id, em.source)
        target = actor_of(mention_actor, em.article_id, em.target)
        # Two statements with different ACLED codes (a protest, a riot) are two events.
        acled = onto.acled(em.type, em.lemma, em.qualifiers) if em.type in onto.types else None
        days = report_days(em) if report_days else date_days(em.when)
        report = report_of(em) if report_of else None
        out.append(Keyed(em, len(out), (em.type, source, target, em.negated, acled), days, report))
    return out


class EventGrouper:
    """Groups kept event mentions into events, one mention at a time, in (article id,
    place in the article) order. Only mentions of one grouping key are compared, so the
    groups of a key are a function of that key's mentions alone, taken in that order."""

    def __init__(
        self, onto: Ontology, unnamed: frozenset[str], acts: frozenset[str] | None = None
    ) -> None:
        self.onto, self.unnamed = onto, unnamed
        self.acts = act_nouns(onto) if acts is None else acts
        self.groups: list[_Group] = []
        self._by_key: dict[GroupKey, _DateIndex] = {}
        self._report: dict[int, object] = {}  # id(mention) -> its article incident
        self._article = ""  # the article whose mentions ``_report`` holds
        self.keyed: list[list[Keyed]] = []  # each group's members as keyed (kept: True)

    def add(self, k: Keyed, keep: bool = False) -> int:
        """Put ``k`` in the first agreeing group of its key, or a new one; returns the
        group's place in :attr:`groups`. With ``keep``, :attr:`keyed` keeps ``k``."""
        em, source, target = k.em, k.source, k.target
        onto = self.onto
        candidates = self._by_key.setdefault(k.key, _DateIndex())
        group = None
        sites = sites_hit((em,), onto.violent_types, onto.site_nouns, self.acts)
        if em.article_id != self._article:  # _told_apart reads its own article's only
            self._article = em.article_id
            self._report.clear()
        self._report[id(em)] = k.report
        if source or target or em.place:
            named = any(x and x not in self.unnamed for x in (source, target))
            group = next(
                (g for g in candidates.agreeing(_date_prefix(em.when))
                 if _matches(g, em, source, target, named)
                 and not g.elsewhere(em, sites) and not g.days_apart(em, k.days)
                 and not _told_apart(g, em, self._report_of)),
                None,
            )  # fmt: skip
        if group is None:
            group = _Group(em, source, target, order=len(self.groups))
            self.groups.append(group)
            candidates.add(group)
            if keep:
                self.keyed.append([])
        group.add(em, sites, k.days)
        if keep:
            self.keyed[group.order].append(k)
        return group.order

    def forget_keys(self) -> None:
        """Let go of the groups by key (no mention is added after this), so that each
        group is let go once its event is made."""
        self._by_key.clear()
        self._report.clear()

    def _report_of(self, em: EventMention) -> object:
        return self._report.get(id(em))


def resolve_events(
    docs: Iterable[DocumentRecords],
    mention_actor: Mapping[str, str],
    resources: Resources,
    unnamed: frozenset[str] = frozenset(),
    event_of: dict[EventKey, str] | None = None,
    report_days: Callable[[EventMention], Days] | None = None,
    report_of: Callable[[EventMention], object] | None = None,
    keyed: RowSink | None = None,
    spill: bool = False,
) -> tuple[list[Event] | SpilledEvents, list[Place]]:
    """Events across documents; ``unnamed`` holds the ids of unnamed group actors.

    With ``event_of``, it is filled with the event id of each mention, by
    (article id, trigger start, type), and where two kept mentions share that id (one
    trigger told of two targets), by each one's ``statement_id`` too. ``report_days(em)`` gives the days the article
    incident holding ``em`` tells of, as the incident join compares them (by default,
    those of ``em``'s own date): two reports of two articles whose days do not meet are
    never one event, so no event sits in two incidents. A date prefix alone would tie
    them: "late last week" vouches for its month, so it agreed with every day of that
    month; and an article incident is dated by the earliest day any member states, which
    may not be the grouped mention's. ``report_of(em)`` names the article incident
    holding ``em`` (None: none): a group holding a mention of one of an article's
    incidents takes no mention of another of its incidents (:func:`_told_apart`).
    With ``keyed``, it is called with the stored row of every kept mention (its grouping
    key and the event it went to), in (article, place) order, so the mentions no
    article incident holds are let go before incidents are joined. With ``spill``, the
    events are written to a temporary file as they are made
    (:class:`~eventwire.resolve.event_spill.SpilledEvents`) rather than held in a list.
    Every group is held until the last document is grouped;
    :func:`~eventwire.resolve.event_keys.resolve_events_by_key` holds one key's."""
    onto = resources.ontology
    places: dict[str, Place] = {}

    def mentions() -> Iterator[Keyed]:
        for doc in docs:
            for k in keyed_mentions(doc, mention_actor, onto, report_days, report_of):
                if k.em.place:
                    # the place itself; whether one event's place was inferred is the event's
                    places[k.em.place.id] = replace(k.em.place, inferred=False)
                yield k

    events = group_events(mentions(), mention_actor, onto, unnamed, event_of, keyed, spill)
    return events, sorted(places.values(), key=lambda p: p.id)


def group_events(
    mentions: Iterable[Keyed],
    mention_actor: Mapping[str, str],
    onto: Ontology,
    unnamed: frozenset[str],
    event_of: dict[EventKey, str] | None = None,
    keyed: RowSink | None = None,
    spill: bool = False,
) -> list[Event] | SpilledEvents:
    """The events of ``mentions`` (kept, in (article, place) order), grouped all at
    once (see :func:`resolve_events`)."""
    grouper = EventGrouper(onto, unnamed)
    told: set[tuple[str, int, str]] = set()  # the mention ids of the article read
    shared: set[tuple[str, int, str]] = set()  # those two kept mentions share
    for k in mentions:
        grouper.add(k, keep=keyed is not None)
        if event_of is not None:
            if k.seq == 0:
                told.clear()
            if (mid := mention_id(k.em)) in told:
                shared.add(mid)
            told.add(mid)
    groups = grouper.groups
    owned = _count_owners(groups)
    grouper.forget_keys()
    events: list[Event] | SpilledEvents = SpilledEvents() if spill else []
    found: list[tuple[Keyed, str]] = []
    # each group is let go once its event is made: the pass never holds every group's
    # mentions and every event at once
    pending: list[_Group | None] = list(groups)
    groups.clear()  # the grouper's
    for n in range(len(pending)):
        g, pending[n] = pending[n], None
        assert g is not None
        event = make_event(g, mention_actor, onto, owned.get(n, set()))
        events.append(event)
        if event_of is not None:
            for em in g.members:
                event_of[mid := mention_id(em)] = event.id
                if mid in shared:
                    event_of[statement_id(em)] = event.id
        if keyed is not None:
            found.extend((k, event.id) for k in grouper.keyed[n])
            grouper.keyed[n] = []
    if keyed is not None:
        found.sort(key=lambda p: (p[0].em.article_id, p[0].seq))
        rows = RowMaker()
        for k, event_id in found:
            keyed(rows.row(k.em, k.seq, k.key, event_id))
    return events


def _told_apart(
    group: _Group, em: EventMention, report_of: Callable[[EventMention], object] | None
) -> bool:
    """Whether ``group`` holds a mention of ``em``'s article that the article tells as
    another incident than ``em``'s (``report_of``): two acts one article tells apart ("a
    second air strike later in the day", a shelling and the next day's air strike) are
    never one event, though a mention of another article naming no doer matches both
    (the group matches each mention against its first one only)."""
    if report_of is None or (mine := report_of(em)) is None:
        return False
    # documents are grouped one at a time: the group's members of ``em``'s article are
    # the last ones it took, so only they are read (not a hub's whole history)
    for m in reversed(group.members):
        if m.article_id != em.article_id:
            return False
        if (theirs := report_of(m)) is not None and theirs != mine:
            return True
    return False


def count_key(c: Count) -> tuple[object, ...]:
    return (c.evidence.article_id, c.span.start if c.span else c.evidence.char_start, c.kind)


def _count_owners(groups: Sequence[_Group]) -> dict[int, set[tuple[object, ...]]]:
    """Which counts each event (by its place in ``groups``) keeps: a toll stated once is
    carried by one event only, so tolls can be summed. All events of a sentence are
    offered its counts ("150 people - fighters and civilians - were killed" gives one
    event per victim group); among the mentions of the count's own article that carry
    it, the one with the most resolved actors keeps it, then one stated on its own (not
    embedded under another act), then the first in the text, and its event takes it.

    The choice reads the count's own article only (the mention's actors are its
    group's, which the grouping key fixes), never other articles' mentions or the order
    groups were made in: a new article never moves a toll between events it does not
    join, and the owner is the same in any order and batch size."""
    best: dict[tuple[object, ...], tuple[tuple[object, ...], int]] = {}
    for n, g in enumerate(groups):
        for em in g.members:
            if not em.counts:
                continue
            rank = owner_rank(em, g.source, g.target)
            for c in em.counts:
                key = count_key(c)
                if key not in best or (rank, n) < best[key]:
                    best[key] = (rank, n)
    owned: dict[int, set[tuple[object, ...]]] = {}
    for key, (_rank, owner) in best.items():
        owned.setdefault(owner, set()).add(key)
    return owned


def owner_rank(em: EventMention, source: str | None, target: str | None) -> tuple[object, ...]:
    """How well ``em`` (grouped under these actors) holds a count it carries, as
    :func:`_count_owners` ranks: smaller is better."""
    return (-sum(x is not None for x in (source, target)), "embedded" in em.qualifiers,
            *_told_at(em))  # fmt: skip


def _told_at(em: EventMention) -> tuple[object, ...]:
    """Where ``em`` is told in its article (trigger, type, then its actors' spans): two
    mentions of one article kept as two statements never tie."""
    return (
        em.trigger.start,
        em.type,
        (em.source.start, em.source.end) if em.source else (-1, -1),
        (em.target.start, em.target.end) if em.target else (-1, -1),
    )


def make_event(
    group: _Group,
    mention_actor: Mapping[str, str],
    onto,
    owned: set[tuple[object, ...]],  # noqa: ANN001
) -> Event:
    first, members = group.first, group.members
    evidence: dict[tuple[str, int], Evidence] = {}
    for em in members:
        evidence.setdefault((em.evidence.article_id, em.evidence.char_start), em.evidence)
    # each article's figure is the one it leads with (``incident_counts.told_figures``:
    # not a side's claim printed lower down), the highest of the articles' kept
    by_article: dict[str, list[Count]] = defaultdict(list)
    for em in members:
        by_article[em.article_id] += [c for c in em.counts if count_key(c) in owned]
    counts: dict[str, int] = {}
    for told in by_article.values():
        for kind, (_c, value, _update) in told_figures(told).items():
            counts[kind] = max(counts.get(kind, 0), value)
    modalities = Counter(em.modality for em in members)
    modality = min(modalities, key=lambda m: (-modalities[m], MODALITY_RANK.index(m)))
    attributed = next(
        (a for em in members if em.attributed_to
         and (a := mention_actor.get(mention_key(em.article_id, em.attributed_to)))),
        None,
    )  # fmt: skip
    # the most precise date; among equals, one a report states over one it carried from
    # its incident, over the publication day an undated clause stands in with
    dated = [em for em in members if em.when and em.when.value]
    best = min(dated, default=None, key=lambda em: (
        -PRECISION_CHARS.get(em.when.precision or "day", 10) if em.when else 0,
        em.when is not None and em.when.precision == "publication", "inferred_date" in em.qualifiers,
    ))  # fmt: skip
    best_when = best.when if best else None
    trigger = first.trigger.text.lower()
    lemma = first.lemma or (trigger if trigger in onto.acled_by_trigger else trigger.rstrip("s"))
    qualifiers = tuple(dict.fromkeys(q for em in members for q in em.qualifiers))
    if not all("embedded" in em.qualifiers for em in members):  # stated on its own somewhere
        qualifiers = tuple(q for q in qualifiers if q != "embedded")
    if any(em.source is not None and SOURCE_ALLEGED not in em.qualifiers for em in members):
        qualifiers = tuple(
            q for q in qualifiers if q != SOURCE_ALLEGED
        )  # a report says it outright
    return Event(
        id=stable_id(
            "event",
            first.article_id,
            first.trigger.start,
            first.type,
            group.source,
            group.target,
            first.source and first.source.start,
            first.target and first.target.start,
        ),  # fmt: skip
        type=first.type,
        codes=(
            onto.codes(first.type, lemma, qualifiers)
            if first.type in onto.types
            else {"plover": first.type}
        ),
        evidence=tuple(sorted(evidence.values(), key=lambda e: (e.article_id, e.char_start))),
        source_actor=group.source,
        target_actor=group.target,
        date=best_when.calendar if best_when else None,
        date_precision=best_when.precision if best_when else None,
        # a place a report states beats the country another report's article implies
        location=min(
            (em.place for em in members if em.place), key=lambda p: p.inferred, default=None
        ),
        negated=first.negated,
        modality=modality,
        attributed_to=attributed,
        counts=counts,
        source_count=len({em.article_id for em in members}),
        qualifiers=qualifiers,
    )


# The lead-event rule (docs/ontology.md, "The event a text is about"); each type's tier is
# its ontology ``severity``: violence, then other material acts, then speech acts and meetings.
NOT_HAPPENED = frozenset({"future", "hypothetical", "denied", "negated"})


def lead_key(event: Event, onto: Ontology) -> tuple[object, ...]:
    """Sort key of :func:`main_event`: smaller is more the event a text is about."""
    return (
        event.negated,
        "embedded" in event.qualifiers,
        min((e.char_start for e in event.evidence), default=0),
        event.modality in NOT_HAPPENED,
        -onto.severity(event.type),
        not event.counts,
    )


def main_event(events: Sequence[Event], onto: Ontology) -> Event | None:
    """The event a text is mainly about, among ``events`` stated in it (text order).

    Non-negated first; then events of a main clause over those embedded under another
    event's trigger ("accused X of attacking", "attacked, killing 5"); then the earliest
    sentence; then what happened over what will or would happen; then the most severe
    tier (``onto``'s severity: violence > other material acts > speech acts and meetings);
    then one with counts; then text order.
    """
    ranked = sorted(enumerate(events), key=lambda p: (lead_key(p[1], onto), p[0]))
    return ranked[0][1] if ranked else None
