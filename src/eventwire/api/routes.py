"""REST routes: parse the query, call one function of :mod:`eventwire.views`, return records.

Read-only, except ``POST /api/articles`` when the server holds an API token.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field

from eventwire import views
from eventwire.config import Settings
from eventwire.ingest.submitted import submitted_article
from eventwire.model import Actor, Article, Event, Quote
from eventwire.pipeline import Submission, ingest_submitted
from eventwire.store.base import EventFilter, Store

router = APIRouter(tags=["eventwire"])


def get_store(request: Request) -> Iterator[Store]:
    with request.app.state.stores.borrow() as store:
        yield store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=views.MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
Polarity = Literal["positive", "negative", "neutral", "negated"]


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'min_lon,min_lat,max_lon,max_lat' -> four floats (422 when malformed)."""
    if not value:
        return None
    try:
        parts = tuple(float(p) for p in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or parts[0] > parts[2] or parts[1] > parts[3]:
        raise HTTPException(422, "bbox must be min_lon,min_lat,max_lon,max_lat")
    return parts  # type: ignore[return-value]


def event_filter(
    store: Store,
    actor: str | None,
    type: str | None,
    since: str | None,
    until: str | None,
    place: str | None,
    bbox: str | None,
    modality: str | None,
    polarity: Literal["affirmed", "negated"] | None,
    min_sources: int,
    limit: int,
    offset: int,
) -> EventFilter:
    return EventFilter(
        actor=views.resolve_actor(store, actor),
        type=type or None,
        since=since or None,
        until=until or None,
        place=place or None,
        bbox=parse_bbox(bbox),
        modality=modality or None,
        negated=None if polarity is None else polarity == "negated",
        min_sources=min_sources,
        limit=limit,
        offset=offset,
    )


@router.get("/articles", response_model=views.Page[views.ArticleSummary])
def list_articles(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> object:
    """Stored articles (without their text), by id."""
    return views.list_articles(store, limit, offset)


@router.get("/articles/{article_id}", response_model=Article)
def get_article(article_id: str, store: StoreDep) -> object:
    """One article with its full text."""
    return store.get_article(article_id)


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, description="Article text (plain).")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = Field(None, description="Publication date, ISO or common formats.")


@router.post("/articles", response_model=Submission, status_code=201)
def post_article(
    body: ArticleIn,
    store: StoreDep,
    settings: Annotated[Settings, Depends(get_settings)],
    authorization: Annotated[str | None, Header()] = None,
) -> object:
    """Ingest one article (extraction, store, rebuild). Needs `Authorization: Bearer <token>`;
    disabled unless the server was started with a token."""
    if not settings.api_token:
        raise HTTPException(403, "ingestion over HTTP is disabled (no API token configured)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), settings.api_token.encode()
    ):
        raise HTTPException(401, "missing or wrong API token", {"WWW-Authenticate": "Bearer"})
    article = submitted_article(
        settings,
        text=body.text,
        title=body.title,
        url=body.url,
        outlet=body.outlet,
        published=body.published,
    )
    return ingest_submitted(store, settings, article)


@router.get("/actors", response_model=views.Page[Actor])
def list_actors(
    store: StoreDep,
    q: Annotated[str | None, Query(description="Any spelling of a name.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Actors, most mentioned first; `q` finds an actor under any of its spellings."""
    return views.search_actors(store, q, limit, offset)


@router.get("/actors/{actor_id}", response_model=views.ActorDetail)
def get_actor(
    actor_id: str,
    store: StoreDep,
    events: Annotated[int, Query(ge=0, le=views.MAX_LIMIT, description="Events to include.")] = 200,
) -> object:
    """An actor with aliases, roles, relations grouped by type and polarity, events and quotes."""
    return views.actor_detail(store, actor_id, events)


@router.get("/events", response_model=views.Page[Event])
def list_events(
    store: StoreDep,
    actor: Annotated[str | None, Query(description="Actor id or name (source or target).")] = None,
    type: Annotated[str | None, Query(description="Event type (PLOVER).")] = None,
    since: Annotated[str | None, Query(description="From this ISO date (partial allowed).")] = None,
    until: Annotated[
        str | None, Query(description="Up to this ISO date (partial allowed).")
    ] = None,
    place: Annotated[str | None, Query(description="Place id.")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    modality: Annotated[str | None, Query(description="asserted, reported, alleged...")] = None,
    polarity: Annotated[Literal["affirmed", "negated"] | None, Query()] = None,
    min_sources: Annotated[int, Query(ge=1, description="At least this many sources.")] = 1,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Events, by date, filtered."""
    flt = event_filter(
        store,
        actor,
        type,
        since,
        until,
        place,
        bbox,
        modality,
        polarity,
        min_sources,
        limit,
        offset,
    )
    return views.list_events(store, flt)


@router.get("/events/{event_id}", response_model=views.EventDetail)
def get_event(event_id: str, store: StoreDep) -> object:
    """An event with each evidence sentence located in its article."""
    return views.event_detail(store, event_id)


@router.get("/relations", response_model=views.Page[views.RelationView])
def list_relations(
    store: StoreDep,
    actor: Annotated[str | None, Query(description="Actor id or name.")] = None,
    type: str | None = None,
    polarity: Polarity | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Relations between actors, most sourced first."""
    return views.list_relations(
        store, views.resolve_actor(store, actor), type or None, polarity, limit, offset
    )


@router.get("/places", response_model=views.Page[views.PlaceCount])
def list_places(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> object:
    """Places with the number of events located there."""
    return views.list_places(store, limit, offset)


@router.get("/places/{place_id}", response_model=views.PlaceDetail)
def get_place(place_id: str, store: StoreDep) -> object:
    """A place with its events."""
    return views.place_detail(store, place_id)


@router.get("/quotes", response_model=views.Page[Quote])
def list_quotes(
    store: StoreDep,
    speaker: Annotated[str | None, Query(description="Speaker actor id or name.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Quotes with their sentence and speaker."""
    return views.list_quotes(store, views.resolve_actor(store, speaker), limit, offset)


@router.get("/stats", response_model=dict[str, int])
def get_stats(store: StoreDep) -> object:
    """How many records of each kind the store holds."""
    return views.stats(store)
