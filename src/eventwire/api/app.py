"""The FastAPI application: REST API under /api, web pages, offline docs, security headers."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.api.guards import RequestGuard
from eventwire.api.incidents import router as incident_router
from eventwire.api.routes import router as api_router
from eventwire.api.stores import StorePool
from eventwire.config import Settings
from eventwire.errors import (
    ConfigError,
    EventwireError,
    ExportError,
    IngestError,
    NotFound,
    StoreError,
)
from eventwire.knowledge.ontology import read_ontology
from eventwire.store import open_store
from eventwire.web.routes import STATIC, make_templates
from eventwire.web.routes import router as web_router

CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
]
# static files are versioned with the package; pages and data change when the store does
STATIC_CACHE = (b"cache-control", b"public, max-age=3600")
DYNAMIC_CACHE = (b"cache-control", b"no-cache")


class SecurityHeaders:
    """Adds the CSP, Permissions-Policy, Cache-Control and friends to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        cache = STATIC_CACHE if scope["path"].startswith("/static/") else DYNAMIC_CACHE

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0] not in _OURS]
                message = {**message, "headers": [*headers, *SECURITY_HEADERS, cache]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


_OURS = {name for name, _ in SECURITY_HEADERS} | {b"cache-control"}

STATUS = {
    NotFound: (404, "not_found"),
    IngestError: (422, "invalid_article"),
    ExportError: (422, "invalid_export"),
    ConfigError: (500, "configuration"),
    StoreError: (503, "store_unavailable"),
}


def _status_of(exc: EventwireError) -> tuple[int, str]:
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 500, "error"


PROTECTED = frozenset({"/api/articles"})  # writes that need the API token


def create_app(settings: Settings) -> FastAPI:
    """The whole server for one store; nothing is shared between apps."""
    pool = StorePool(lambda: open_store(settings))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # One store opened before the first request, left in the pool: opening the first
        # loads the store registry (the PostgreSQL module and its driver too), about 150
        # ms of CPU that the first request paid (bench/api_latency.py --cold)
        with pool.borrow():
            pass
        # What is loaded by now (modules, the ontology, templates) lives as long as the
        # server: frozen, a full collection no longer walks it (on the 1M-event bench
        # store one came every ten requests or so and cost about 70 ms of CPU each)
        gc.collect()
        gc.freeze()
        yield
        pool.close()

    app = FastAPI(
        title="eventwire",
        summary="Actors, events, relations, quotes and places from news, each with its evidence.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.stores = pool
    app.state.templates = make_templates()
    app.state.ontology = read_ontology()  # this app's copy: type labels and filter choices
    app.add_middleware(RequestGuard, settings=settings, protected=PROTECTED)
    app.add_middleware(SecurityHeaders)
    _install_error_handlers(app)
    app.include_router(api_router, prefix="/api")
    app.include_router(incident_router, prefix="/api")
    app.include_router(web_router)
    app.get("/docs", include_in_schema=False)(docs_page)
    # the address the docs used before /openapi.json: kept so links keep working
    app.get("/api/openapi.json", include_in_schema=False)(lambda: JSONResponse(app.openapi()))
    app.mount("/static", StaticFiles(directory=STATIC, follow_symlink=False), name="static")
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or "application/json" in request.headers.get(
        "accept", ""
    )


def error_response(
    request: Request, status: int, kind: str, message: str, detail: Any = None
) -> Response:
    if _wants_json(request):
        body: dict[str, Any] = {"status": status, "type": kind, "message": message}
        if detail is not None:
            body["detail"] = detail
        return JSONResponse({"error": body}, status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message},
        status_code=status,
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, exc: EventwireError) -> Response:
        status, kind = _status_of(exc)
        message = str(exc) if status < 500 or isinstance(exc, StoreError) else "server error"
        return error_response(request, status, kind, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        kinds = {401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
                 422: "invalid_request"}  # fmt: skip
        response = error_response(
            request, exc.status_code, kinds.get(exc.status_code, "http_error"), str(exc.detail)
        )
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        message = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
        return error_response(request, 422, "invalid_request", message, problems)

    @app.exception_handler(ValueError)
    async def invalid_argument(request: Request, exc: ValueError) -> Response:
        # the views refuse arguments they cannot honour (a cursor with a sort order) so
        return error_response(request, 422, "invalid_request", str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, "server_error", "server error")


def docs_page() -> HTMLResponse:
    """Swagger UI from the vendored swagger-ui-dist, started by a static script (no CDN)."""
    html = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>eventwire API</title><link rel='icon' href='/static/favicon.svg'>"
        "<link rel='stylesheet' href='/static/vendor/swagger-ui/swagger-ui.css'>"
        "</head><body><div id='swagger-ui' data-spec='/openapi.json'></div>"
        "<script src='/static/vendor/swagger-ui/swagger-ui-bundle.js'></script>"
        "<script src='/static/js/docs.js'></script></body></html>"
    )
    return HTMLResponse(html)
