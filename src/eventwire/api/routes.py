"""REST routes: parse the query, call one function of :mod:`eventwire.views`, return records.

Read-only, except ``POST /api/articles`` when the server holds an API token.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from eventwire import views
from eventwire.config import Settings
from eventwire.export import division_names
from eventwire.http.deps import OntologyDep, StoreDep, get_settings
from eventwire.http.params import (
    MAX_TEXT,
    ActorSort,
    EventOrder,
    Filter,
    Limit,
    Offset,
    PageNo,
    PlaceSort,
    Search,
    Unit,
    WithActor,
)
from eventwire.ingest.submitted import submitted_article
from eventwire.model import Actor, Article, Event, Quote, Statistic
from eventwire.pipeline import Submission, ingest_submitted
from eventwire.views import MAX_LIMIT, downloads, index_filters
from eventwire.views.corpus import EventRowPage, Totals
from eventwire.views.indexes import ActorRow, IndexPage, PlaceRow
from eventwire.views.maps import MapPlace
from eventwire.views.network import NETWORK_PAGE_MAX, Network
from eventwire.views.timeline import Histogram

router = APIRouter(tags=["eventwire"])


Polarity = Literal["positive", "negative", "neutral", "negated"]
Counted = Literal["killed", "wounded", "displaced", "kidnapped", "arrested", "executed", "missing"]
Cursor = Annotated[
    str | None,
    Query(max_length=400, description="`next_after` of the previous page (keyset paging)."),
]


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
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(
        None, max_length=100, description="Publication date, ISO or common formats."
    )


@router.post("/articles", response_model=Submission, status_code=201)
def post_article(
    body: ArticleIn,
    store: StoreDep,
    settings: Annotated[Settings, Depends(get_settings)],
    authorization: Annotated[str | None, Header()] = None,
) -> object:
    """Ingest one article (extraction, store, rebuild). Needs `Authorization: Bearer <token>`
    (checked before the body is read; see :mod:`eventwire.api.guards`); disabled unless the
    server was started with a token."""
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
    q: Search = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Actors, most mentioned first; `q` finds an actor under any of its spellings."""
    return views.search_actors(store, q, limit, offset)


@router.get("/actors/{actor_id}", response_model=views.ActorDetail)
def get_actor(
    actor_id: str,
    store: StoreDep,
    ontology: OntologyDep,
    events: Annotated[int, Query(ge=0, le=MAX_LIMIT, description="Events to include.")] = 200,
) -> object:
    """An actor with aliases, roles, relations grouped by type and polarity, events and quotes."""
    return views.actor_detail(store, actor_id, events, onto=ontology)


@router.get("/events", response_model=views.Page[Event])
def list_events(
    store: StoreDep,
    ontology: OntologyDep,
    flt: Filter,
    order: EventOrder = "date",
    after: Cursor = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Events, filtered, by date (oldest first unless `order` says otherwise); page with
    `offset` or, at any depth, with the `after` cursor of the previous page."""
    cf = flt.corpus_filter()
    return views.list_events(store, cf, order, limit, offset, after, onto=ontology)


@router.get("/events/{event_id}", response_model=views.EventDetail)
def get_event(event_id: str, store: StoreDep, ontology: OntologyDep) -> object:
    """An event with each evidence sentence located in its article."""
    return views.event_detail(store, event_id, onto=ontology)


@router.get("/relations", response_model=views.Page[views.RelationView])
def list_relations(
    store: StoreDep,
    ontology: OntologyDep,
    actor: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="Actor id or name.")
    ] = None,
    type: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
    polarity: Polarity | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Relations between actors, most sourced first."""
    actor_id = views.resolve_actor(store, actor)
    return views.list_relations(
        store, actor_id, type or None, polarity, limit, offset, onto=ontology
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
    speaker: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="Speaker actor id or name.")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Quotes with their sentence and speaker."""
    return views.list_quotes(store, views.resolve_actor(store, speaker), limit, offset)


@router.get("/statistics", response_model=views.Page[Statistic])
def list_statistics(
    store: StoreDep,
    actor: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="Actor id or name.")
    ] = None,
    place: Annotated[str | None, Query(max_length=MAX_TEXT, description="Place id.")] = None,
    kind: Annotated[
        Counted | None, Query(description="What is counted: killed, displaced, ...")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Running and period totals ("has killed 3,000 since April"), never an event's count."""
    return views.list_statistics(
        store, views.resolve_actor(store, actor), place or None, kind, limit, offset
    )


@router.get("/stats", response_model=dict[str, int])
def get_stats(store: StoreDep) -> object:
    """How many records of each kind the store holds."""
    return views.stats(store)


# --- whole-corpus views: one shared filter --------------------------------------------------


@router.get("/event-list", response_model=EventRowPage)
def list_event_rows(
    store: StoreDep,
    ontology: OntologyDep,
    flt: Filter,
    order: EventOrder = "-date",
    page: PageNo = 1,
    after: Cursor = None,
    limit: Limit = 50,
) -> object:
    """Resolved events as the explore page lists them (label, casualties, sources, the
    modality label) newest first, undated last, with the total and page count; by page
    number or `after` cursor. Incident records are under `/api/incidents`."""
    cf = flt.corpus_filter()
    return views.list_event_rows(store, cf, order, page, limit, after, onto=ontology)


@router.get("/timeline", response_model=Histogram)
def get_timeline(
    store: StoreDep, ontology: OntologyDep, flt: Filter, unit: Unit | None = None
) -> object:
    """Incidents and killed per day, week, month or year (chosen from the span if not
    given); incidents dated less precisely than a bar are counted apart."""
    return views.histogram(store, flt.corpus_filter(), unit, onto=ontology)


@router.get("/network", response_model=Network)
def get_network(
    store: StoreDep,
    ontology: OntologyDep,
    flt: Filter,
    top: Annotated[
        int,
        Query(
            ge=1,
            le=NETWORK_PAGE_MAX,
            description=f"Actors to draw, at most {NETWORK_PAGE_MAX}: more page by page with"
            " `after`.",
        ),
    ] = 40,
    after: Annotated[
        str | None,
        Query(max_length=400, description="`next_after` of the page before: the next actors."),
    ] = None,
) -> object:
    """Actors linked by the filtered incidents and stated relations, the top N by degree;
    with `after`, the next N of the same ranking and their links to the actors drawn."""
    return views.network(store, flt.corpus_filter(), top, onto=ontology, after=after)


@router.get("/map", response_model=list[MapPlace])
def get_map(store: StoreDep, ontology: OntologyDep, flt: Filter) -> object:
    """Located incidents per place with casualties and types; country-level places carry
    the country's ISO numeric code (drawn as its outline)."""
    return views.map_places(store, flt.corpus_filter(), onto=ontology)


@router.get("/totals", response_model=Totals)
def get_totals(store: StoreDep, ontology: OntologyDep, flt: Filter) -> object:
    """Sums over the filtered incidents (not reported totals of the war)."""
    return views.totals(store, flt.corpus_filter(), onto=ontology)


@router.get("/index/actors", response_model=IndexPage[ActorRow])
def actor_index(store: StoreDep, ontology: OntologyDep, flt: Filter,
                sort: ActorSort = "-mentions", page: PageNo = 1,
                limit: Limit = 50) -> object:  # fmt: skip
    """Every actor with type, country, mentions, articles, incidents and killed; under a
    filter, the actors of the events it selects."""
    cf = flt.corpus_filter()
    return index_filters.filtered_actor_index(store, cf, sort, page, limit, onto=ontology)


@router.get("/index/places", response_model=IndexPage[PlaceRow])
def place_index(store: StoreDep, ontology: OntologyDep, flt: Filter,
                sort: PlaceSort = "-incidents", page: PageNo = 1,
                limit: Limit = 50) -> object:  # fmt: skip
    """Every place with its incidents, killed and wounded; under a filter, the places of
    the incidents it selects, with what it selects there."""
    cf = flt.corpus_filter()
    return index_filters.filtered_place_index(store, cf, sort, page, limit, onto=ontology)


@router.get("/filters", response_model=dict[str, list[str]])
def get_filter_options(store: StoreDep, ontology: OntologyDep) -> object:
    """Choices for the filter bar: event types and ACLED types in the store, and the
    download formats."""
    return {**views.filter_options(ontology), "formats": downloads.download_formats()}


@router.get("/download", response_class=StreamingResponse)
def download(
    request: Request,
    settings: Annotated[Settings, Depends(get_settings)],
    ontology: OntologyDep,
    flt: Filter,
    format: Annotated[str, Query(max_length=40, description="An export format name.")] = "jsonl",
    index: Annotated[
        Literal["actors", "places"] | None,
        Query(description="Download this index's rows under the filter (csv or jsonl)."),
    ] = None,
    sort: Annotated[
        str | None, Query(max_length=20, description="The index's order (as its page).")
    ] = None,
    with_actor: WithActor = None,
) -> Response:
    """What the filter selects (incidents and the actors, places, articles, relations and
    quotes they involve), written by the exporter registered under `format` and streamed
    while it is written; with `with_actor`, only the incidents and events a second actor
    is a side of too (as the incident list); with `index`, the rows of the actor or place
    index under the filter, every page in the order of `sort`."""
    if index is not None:
        with request.app.state.stores.borrow() as store:
            text = index_filters.index_download(
                store, index, flt.corpus_filter(), sort, format, onto=ontology
            )
        return Response(
            text,
            media_type=downloads.media_type(format),
            headers={"Content-Disposition": f'attachment; filename="eventwire-{index}.{format}"'},
        )
    chunks = downloads.stream_download(
        request.app.state.stores.borrow,
        flt.corpus_filter(),
        format,
        lambda: division_names(settings),
        onto=ontology,
        with_actor=with_actor,
    )
    name = f"eventwire-incidents.{format}"
    return StreamingResponse(
        chunks,
        media_type=downloads.media_type(format),
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
