"""Web pages: server-rendered templates over :mod:`eventwire.views`.

Pages never inline scripts: data for the network, timeline and map travels in
``<script type="application/json">`` blocks read by the static scripts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from eventwire import views
from eventwire.api.routes import StoreDep, event_filter

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
    q: Annotated[str | None, Query(max_length=200)] = None,
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
    detail = views.actor_detail(store, actor_id)
    return render(
        request, "actor.html", d=detail, data=views.actor_page_data(detail), title=detail.actor.name
    )


@router.get("/events")
def events_page(
    request: Request,
    store: StoreDep,
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    modality: str | None = None,
    polarity: Literal["affirmed", "negated", ""] | None = None,
    min_sources: Annotated[int, Query(ge=1)] = 1,
    limit: Annotated[int, Query(ge=1, le=views.MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    flt = event_filter(
        store, actor, type, since, until, place, None, modality, polarity or None,
        min_sources, limit, offset,
    )  # fmt: skip
    page = views.list_events(store, flt)
    names = views.Names(store)
    actors = names.refs(x for e in page.items for x in (e.source_actor, e.target_actor))
    form = {
        "actor": actor or "",
        "type": type or "",
        "since": since or "",
        "until": until or "",
        "place": place or "",
        "modality": modality or "",
        "polarity": polarity or "",
        "min_sources": min_sources,
    }
    next_link = _query(request, offset=page.next_offset) if page.next_offset is not None else None
    prev_link = _query(request, offset=max(0, offset - limit)) if offset else None
    return render(
        request,
        "events.html",
        page=page,
        actors=actors,
        form=form,
        next_link=next_link,
        prev_link=prev_link,
        title="Events",
    )


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str, store: StoreDep) -> Response:
    detail = views.event_detail(store, event_id)
    return render(request, "event.html", d=detail, title=event_id)


@router.get("/articles")
def articles_page(
    request: Request,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=views.MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
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
