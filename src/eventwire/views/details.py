"""Pages of one record and lists of records: articles, actors, events, relations, places."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from eventwire.errors import NotFound
from eventwire.knowledge.ontology import Ontology
from eventwire.model import (
    Actor,
    Article,
    Event,
    Evidence,
    Place,
    Quote,
    Relation,
    Role,
    Statistic,
)
from eventwire.store.base import EventFilter, IncidentFilter, IncidentSums, Store
from eventwire.views.dates import format_when
from eventwire.views.labels import code_labels, counts_text, event_label, type_label
from eventwire.views.polarity import modality_label, type_polarity
from eventwire.views.records import (
    MAX_LIMIT,
    ActorRef,
    ArticleSummary,
    Names,
    Page,
    Segment,
    _page,
    article_summary,
    highlight,
)


def list_articles(store: Store, limit: int = 50, offset: int = 0) -> Page[ArticleSummary]:
    total = store.stats().get("articles")
    return _page((article_summary(a) for a in store.iter_articles()), limit, offset, total)


@dataclass(frozen=True)
class ArticleDetail:
    article: Article
    events: list[Event]
    quotes: list[Quote]
    segments: list[Segment]
    actors: dict[str, ActorRef]


def article_detail(store: Store, article_id: str) -> ArticleDetail:
    article = store.get_article(article_id)
    events = store.article_events(article_id)
    quotes = [q for q in store.quotes() if q.article_id == article_id]
    ranges = [
        (ev.char_start, ev.char_end)
        for e in events
        for ev in e.evidence
        if ev.article_id == article_id
    ]
    names = Names(store)
    actors = names.refs(x for e in events for x in (e.source_actor, e.target_actor))
    actors.update(names.refs(q.speaker for q in quotes))
    return ArticleDetail(article, events, quotes, highlight(article.text, ranges), actors)


def search_actors(store: Store, query: str | None, limit: int = 50, offset: int = 0) -> Page[Actor]:
    """Actors matching ``query`` (any spelling), or every actor, most mentioned first. Every
    actor is read a page at a time: the home page's top 20 read and decoded each of the
    5,000 actors of the 1M-event bench store first."""
    if query:
        return _page(iter(store.actors(query=query)), limit, offset)
    limit = max(1, min(limit, MAX_LIMIT))
    rows = store.actor_page("-mentions", limit + 1, max(offset, 0))
    return Page(rows[:limit], limit, offset, offset + limit if len(rows) > limit else None, None)


def relation_polarity(relation: Relation, onto: Ontology) -> str:
    return type_polarity(relation.type, relation.negated, onto)


@dataclass(frozen=True)
class RelationView:
    relation: Relation
    polarity: str
    source: ActorRef | None
    target: ActorRef | None
    modality: str = ""  # label: '' for a plain assertion, else 'denied', 'hypothetical'...
    articles: int = 0  # distinct articles among all its sentences, denials included
    sentences: list[Evidence] = field(default_factory=list)  # every sentence, once


def relation_view(relation: Relation, names: Names, onto: Ontology) -> RelationView:
    seen: dict[tuple[str, int], Evidence] = {}
    for ev in (*relation.evidence, *relation.denied_evidence):
        seen.setdefault((ev.article_id, ev.char_start), ev)
    sentences = list(seen.values())
    return RelationView(
        relation,
        relation_polarity(relation, onto),
        names.get(relation.source_actor),
        names.get(relation.target_actor),
        modality_label(relation.modality, relation.negated),
        len({ev.article_id for ev in sentences}),
        sentences,
    )


@dataclass(frozen=True)
class RelationGroup:
    type: str
    polarity: str
    relations: list[RelationView]
    modality: str = ""  # denied, hypothetical... kept apart from what is asserted
    total: int = 0  # relations of the group, shown or not


RELATIONS_SHOWN = 25  # relations listed per group on an actor's page


def group_relations(
    relations: Sequence[RelationView], totals: dict[tuple[str, str, str], int] | None = None
) -> list[RelationGroup]:
    """Relations grouped by (type, polarity, modality label), biggest groups first; a
    group's total is in ``totals`` when only some of its relations are given."""
    groups: dict[tuple[str, str, str], list[RelationView]] = {}
    for view in relations:
        groups.setdefault((view.relation.type, view.polarity, view.modality), []).append(view)
    sizes = {key: max(len(views), (totals or {}).get(key, 0)) for key, views in groups.items()}
    ordered = sorted(groups.items(), key=lambda kv: (-sizes[kv[0]], kv[0]))
    return [RelationGroup(t, p, views, m, sizes[(t, p, m)]) for (t, p, m), views in ordered]


def _kind_totals(
    kinds: Iterable[tuple[str, bool, str, int]], onto: Ontology
) -> dict[tuple[str, str, str], int]:
    """Relations per page group (type, polarity, modality label) from the store's counts
    per (type, negation, modality)."""
    totals: dict[tuple[str, str, str], int] = {}
    for rtype, negated, modality, n in kinds:
        key = (rtype, type_polarity(rtype, negated, onto), modality_label(modality, negated))
        totals[key] = totals.get(key, 0) + n
    return totals


def _relation_views(
    store: Store, relations: Iterable[Relation], names: Names, onto: Ontology
) -> list[RelationView]:
    return [relation_view(r, names, onto) for r in relations]


@dataclass(frozen=True)
class ActorDetail:
    actor: Actor
    explanation: list[str]
    roles: list[Role]
    relations: list[RelationGroup]
    events: list[Event]
    more_events: bool
    quotes: list[Quote]
    actors: dict[str, ActorRef] = field(default_factory=dict)
    # reported running or period totals about the actor, apart from its events' counts
    statistics: list[Statistic] = field(default_factory=list)
    # the incident records it is a side of and their casualties (never the reported totals)
    incident_totals: IncidentSums | None = None


def actor_detail(
    store: Store, actor_id: str, event_limit: int = 200, *, onto: Ontology
) -> ActorDetail:
    actor = store.get_actor(actor_id)
    names = Names(store)
    # the heaviest of each kind: a group's first RELATIONS_SHOWN are among them
    shown, kinds = store.actor_relations(actor_id, RELATIONS_SHOWN)
    names.refs(x for r in shown for x in (r.source_actor, r.target_actor))  # one query
    relations = _relation_views(store, shown, names, onto)
    # newest first, undated last, as every incident list: a hub's page shows its latest
    events = store.events(EventFilter(actor=actor_id, limit=event_limit + 1, order="-date"))
    names.refs(x for e in events for x in (e.source_actor, e.target_actor, e.attributed_to))
    roles = sorted(actor.roles, key=lambda r: (r.start or "", r.end or "", r.title))
    return ActorDetail(
        actor=actor,
        explanation=store.explanations(actor_id),
        roles=roles,
        relations=group_relations(relations, _kind_totals(kinds, onto)),
        events=events[:event_limit],
        more_events=len(events) > event_limit,
        quotes=store.quotes(speaker=actor_id),
        actors={k: v for k, v in names.cache.items() if v is not None},
        statistics=store.statistics(actor=actor_id, limit=STATISTICS_SHOWN),
        incident_totals=store.incident_actor_sums([actor_id])[0],
    )


# --- events -----------------------------------------------------------------------------------


def resolve_actor(store: Store, value: str | None) -> str | None:
    """An actor id from an id or any spelling of a name (the best match), else the value."""
    if not value:
        return None
    try:
        return store.get_actor(value).id
    except NotFound:
        found = store.actors(query=value)
        return found[0].id if found else value


@dataclass(frozen=True)
class EvidenceInArticle:
    article: ArticleSummary
    evidence: list[Evidence]
    segments: list[Segment]


@dataclass(frozen=True)
class IncidentLink:
    """The incident an event is a member of, or a statement about (``role``)."""

    id: str
    role: str  # 'member' or 'statement'
    type: str
    when: str
    sources: int


@dataclass(frozen=True)
class EventDetail:
    event: Event
    actors: dict[str, ActorRef]
    articles: list[EvidenceInArticle]
    label: str = ""  # source, type, target
    modality: str = ""  # the modality label ('' for a plain assertion)
    polarity: str = "neutral"
    codes: list[str] = field(default_factory=list)  # 'ACLED Battles / Armed clash'
    counts: str = ""  # '3 killed, 5 wounded'
    incidents: list[IncidentLink] = field(default_factory=list)


def event_detail(store: Store, event_id: str, *, onto: Ontology) -> EventDetail:
    event = store.get_event(event_id)
    by_article: dict[str, list[Evidence]] = {}
    for ev in event.evidence:
        by_article.setdefault(ev.article_id, []).append(ev)
    articles = []
    for article_id, evidence in by_article.items():
        try:
            article = store.get_article(article_id)
        except NotFound:
            continue
        segments = highlight(article.text, ((e.char_start, e.char_end) for e in evidence))
        articles.append(EvidenceInArticle(article_summary(article), evidence, segments))
    names = Names(store)
    actors = names.refs((event.source_actor, event.target_actor, event.attributed_to))
    return EventDetail(
        event,
        actors,
        articles,
        label=event_label(event, actors),
        modality=modality_label(event.modality, event.negated),
        polarity=type_polarity(event.type, event.negated, onto),
        codes=code_labels(event.codes),
        counts=counts_text(event.counts),
        incidents=[
            IncidentLink(
                i.id,
                role,
                type_label(i.type),
                format_when(i.date, i.date_precision),
                i.source_count,
            )
            for i, role in store.incident_of_event(event_id)
        ],  # fmt: skip
    )


# --- relations, quotes, places, stats ---------------------------------------------------------


def list_relations(
    store: Store,
    actor: str | None = None,
    type: str | None = None,
    polarity: str | None = None,
    limit: int = 50,
    offset: int = 0,
    *,
    onto: Ontology,
) -> Page[RelationView]:
    names = Names(store)
    rows = _with_polarity(store.relations(actor=actor), names, type, polarity, onto)
    return _page(rows, limit, offset)


def _with_polarity(
    relations: Iterable[Relation],
    names: Names,
    type: str | None,
    polarity: str | None,
    onto: Ontology,
) -> Iterable[RelationView]:
    for r in relations:
        p = relation_polarity(r, onto)
        if (type is None or r.type == type) and (polarity is None or p == polarity):
            yield relation_view(r, names, onto)


STATISTICS_SHOWN = 50  # reported totals on an actor's or a place's page


def list_statistics(
    store: Store,
    actor: str | None = None,
    place: str | None = None,
    counted: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[Statistic]:
    """Running and period totals ("has killed 3,000 since April"), filtered."""
    limit, offset = max(1, min(limit, MAX_LIMIT)), max(offset, 0)
    rows = store.statistics(actor, place, counted, limit=limit + 1, offset=offset)
    return Page(rows[:limit], limit, offset, offset + limit if len(rows) > limit else None)


def list_quotes(
    store: Store, speaker: str | None = None, limit: int = 50, offset: int = 0
) -> Page[Quote]:
    return _page(iter(store.quotes(speaker=speaker)), limit, offset)


@dataclass(frozen=True)
class PlaceCount:
    place: Place
    events: int


def list_places(store: Store, limit: int = 100, offset: int = 0) -> Page[PlaceCount]:
    return _page((PlaceCount(p, n) for p, n in store.places()), limit, offset)


@dataclass(frozen=True)
class PlaceDetail:
    place: Place
    event_count: int
    events: list[Event]
    actors: dict[str, ActorRef]
    # reported running or period totals about the place, apart from its events' counts
    statistics: list[Statistic] = field(default_factory=list)
    # the incident records located here and their casualties (never the reported totals)
    incident_totals: IncidentSums | None = None


def place_detail(store: Store, place_id: str, event_limit: int = 200) -> PlaceDetail:
    for place, n in store.places():
        if place.id == place_id:
            events = store.events(EventFilter(place=place_id, limit=event_limit, order="-date"))
            names = Names(store)
            actors = names.refs(x for e in events for x in (e.source_actor, e.target_actor))
            shown = store.statistics(place=place_id, limit=STATISTICS_SHOWN)
            here = store.incident_places(IncidentFilter(place=place_id), by_type=False)
            figures = [(t.incidents, t.killed, t.wounded, t.displaced) for t in here]
            sums = IncidentSums((place_id,), *(figures[0] if figures else (0, 0, 0, 0)))
            return PlaceDetail(place, n, events, actors, shown, sums)
    raise NotFound(f"no place {place_id!r}")


def stats(store: Store) -> dict[str, int]:
    return store.stats()
