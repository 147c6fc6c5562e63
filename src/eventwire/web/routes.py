"""Web pages: server-rendered templates over :mod:`eventwire.views`.

Pages never inline scripts: data for the network, timeline and map travels in
``<script type="application/json">`` blocks read by the static scripts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from eventwire import views
from eventwire.export.incident_list import near_misses
from eventwire.http.deps import StoreDep, get_ontology
from eventwire.http.params import (
    ActorSort,
    EventOrder,
    Filter,
    FilterParams,
    IncidentOrder,
    Limit,
    Offset,
    PageNo,
    PlaceSort,
    Search,
    WithActor,
)
from eventwire.model import MODALITIES
from eventwire.views import downloads, index_filters
from eventwire.views.indexes import IndexPage
from eventwire.views.records import Names

WEB = Path(__file__).resolve().parent
STATIC = WEB / "static"
TEMPLATES = WEB / "templates"

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _segment(value: Any) -> str:
    """An id made safe as one URL path segment."""
    return quote(str(value), safe="")


def _web_url(value: str | None) -> str:
    """Only http(s) links leave the page: a ``javascript:`` URL from an article is dropped."""
    if value and urlsplit(value).scheme.lower() in {"http", "https"}:
        return value
    return ""


def make_templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = lambda value, precision=None, end=None: views.format_when(
        value, precision, end
    )
    env.filters["seg"] = _segment
    env.filters["web_url"] = _web_url
    env.globals["event_label"] = views.event_label
    env.globals["modality_label"] = views.modality_label
    env.globals["code_labels"] = views.code_labels
    env.globals["counts_text"] = views.counts_text
    env.globals["quote_speaker"] = views.quote_speaker
    env.globals["download_formats"] = downloads.download_formats
    return Jinja2Templates(env=env)


def render(request: Request, name: str, **context: Any) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context)


def _query(request: Request, **changes: Any) -> str:
    """The current query string with some parameters changed (for paging links)."""
    params = dict(request.query_params)
    params.update({k: str(v) for k, v in changes.items() if v is not None})
    return "?" + urlencode(params)


@router.get("/")
def home(
    request: Request,
    store: StoreDep,
    q: Search = None,
) -> Response:
    found = views.search_actors(store, q, 50) if q else None
    return render(
        request,
        "home.html",
        q=q or "",
        found=found,
        counts=views.stats(store),
        top=views.search_actors(store, None, 20).items,
        places=views.list_places(store, 15).items,
    )


@router.get("/actors/{actor_id}")
def actor_page(request: Request, actor_id: str, store: StoreDep) -> Response:
    onto = get_ontology(request)
    detail = views.actor_detail(store, actor_id, onto=onto)
    data = views.actor_page_data(detail, onto=onto)
    return render(request, "actor.html", d=detail, data=data, title=detail.actor.name)


def _filter_context(request: Request, flt: FilterParams) -> dict[str, Any]:
    """What the filter bar and the download links of a page need (the choices from the
    app's ontology)."""
    cf = flt.corpus_filter()
    return {
        "form": flt,
        "filter_query": urlencode(cf.params()),
        "options": views.filter_options(get_ontology(request)),
        "formats": downloads.download_formats(),
        "modalities": MODALITIES,
    }


@router.get("/explore")
def explore_page(request: Request, flt: Filter) -> Response:
    """The analyst's workspace: map, timeline, network and incidents of one filter."""
    # the page carries only the filter bar; its script fetches the views' data (and totals)
    return render(request, "explore.html", title="Explore", **_filter_context(request, flt))


@router.get("/events")
def events_page(
    request: Request,
    store: StoreDep,
    flt: Filter,
    order: EventOrder = "-date",
    page: PageNo = 1,
    limit: Limit = 50,
) -> Response:
    cf, onto = flt.corpus_filter(), get_ontology(request)
    listing = views.list_event_rows(store, cf, order, page, limit, onto=onto)
    return _listing(request, "events.html", "Events", listing, flt)


@router.get("/incidents")
def incidents_page(
    request: Request,
    store: StoreDep,
    flt: Filter,
    order: IncidentOrder = "-date",
    page: PageNo = 1,
    limit: Limit = 50,
    with_actor: WithActor = None,
) -> Response:
    """Incident records (one per real-world occurrence) under the shared filter bar; with
    ``with_actor``, those a second actor is a side of too (an actor index row's link)."""
    cf, onto = flt.corpus_filter(), get_ontology(request)
    listing = views.list_incident_rows(
        store, cf, order, page, limit, onto=onto, with_actor=with_actor
    )
    second = views.resolve_actor(store, with_actor)
    return _listing(
        request, "incidents.html", "Incidents", listing, flt,
        with_actor=second, with_name=Names(store).name(second),
    )  # fmt: skip


def _listing(
    request: Request,
    template: str,
    title: str,
    listing: views.NumberedPage[Any],
    flt: FilterParams,
    **more: Any,
) -> Response:
    """A sorted, numbered list under the filter bar."""
    return render(
        request,
        template,
        listing=listing,
        pages=_page_links(request, listing.page, listing.pages),
        sort_link=lambda o: _query(request, order=o, page=1),
        title=title,
        **_filter_context(request, flt),
        **more,
    )


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, incident_id: str, store: StoreDep) -> Response:
    onto = get_ontology(request)
    detail = views.incident_detail(store, incident_id, onto)
    # the incidents of its type nearby and the rule that keeps each apart (as the CLI says)
    near = near_misses(store, detail.incident, onto)
    return render(request, "incident.html", d=detail, near=near, title=f"Incident {incident_id}")


@router.get("/actors")
def actors_page(
    request: Request, store: StoreDep, flt: Filter, sort: ActorSort = "-mentions",
    page: PageNo = 1, limit: Limit = 50,
) -> Response:  # fmt: skip
    """Every actor, or under the filter bar the actors of the events it selects."""
    cf, onto = flt.corpus_filter(), get_ontology(request)
    index = index_filters.filtered_actor_index(store, cf, sort, page, limit, onto=onto)
    return _index(request, "actors.html", "Actors", index, flt)


@router.get("/places")
def places_page(
    request: Request, store: StoreDep, flt: Filter, sort: PlaceSort = "-incidents",
    page: PageNo = 1, limit: Limit = 50,
) -> Response:  # fmt: skip
    """Every place, or under the filter bar the places of the incidents it selects."""
    cf, onto = flt.corpus_filter(), get_ontology(request)
    index = index_filters.filtered_place_index(store, cf, sort, page, limit, onto=onto)
    return _index(request, "places.html", "Places", index, flt)


def _index(
    request: Request, template: str, title: str, index: IndexPage[Any], flt: FilterParams
) -> Response:
    """An index under the filter bar, with the downloads of its rows and of its records."""
    return render(
        request, template, index=index, pages=_page_links(request, index.page, index.pages),
        sort_link=lambda o: _query(request, sort=o, page=1), title=title,
        index_formats=index_filters.INDEX_FORMATS, filtered=bool(flt.corpus_filter().params()),
        # the filter of a row's incidents beside its own actor (an actor row's link)
        side_query=urlencode({k: v for k, v in flt.corpus_filter().params().items() if k != "actor"}),
        **_filter_context(request, flt),
    )  # fmt: skip


def _page_links(request: Request, page: int, pages: int) -> list[tuple[str, str | None]]:
    """Page numbers around the current one, first and last: (label, link or None)."""
    wanted = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    out: list[tuple[str, str | None]] = []
    previous = 0
    for n in wanted:
        if n - previous > 1:
            out.append(("…", None))
        out.append((str(n), None if n == page else _query(request, page=n)))
        previous = n
    return out


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str, store: StoreDep) -> Response:
    detail = views.event_detail(store, event_id, onto=get_ontology(request))
    return render(request, "event.html", d=detail, title=event_id)


@router.get("/articles")
def articles_page(
    request: Request,
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    page = views.list_articles(store, limit, offset)
    next_link = _query(request, offset=page.next_offset) if page.next_offset is not None else None
    prev_link = _query(request, offset=max(0, offset - limit)) if offset else None
    return render(
        request, "articles.html", page=page, next_link=next_link, prev_link=prev_link,
        title="Articles",
    )  # fmt: skip


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str, store: StoreDep) -> Response:
    detail = views.article_detail(store, article_id)
    return render(request, "article.html", d=detail, title=detail.article.title or article_id)


@router.get("/places/{place_id}")
def place_page(request: Request, place_id: str, store: StoreDep) -> Response:
    detail = views.place_detail(store, place_id)
    data = views.place_page_data(detail)
    return render(request, "place.html", d=detail, data=data, title=detail.place.name)
