"""What every request passes before a route sees it (plain ASGI, no per-request task):

* a write to a protected path is refused on its headers alone (no token configured:
  403; wrong token: 401), before one byte of its body is read;
* a body longer than ``settings.api_max_body`` is refused with 413, whatever the
  Content-Length claims, and is never read past the limit;
* ``HEAD`` is answered as ``GET`` without the body, for every page and endpoint.
"""

from __future__ import annotations

import hmac
import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.config import Settings

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def token_problem(settings: Settings, authorization: str | None) -> tuple[int, str] | None:
    """(status, message) when ``authorization`` does not carry the server's API token."""
    if not settings.api_token:
        return 403, "ingestion over HTTP is disabled (no API token configured)"
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), settings.api_token.encode()
    ):
        return 401, "missing or wrong API token"
    return None


async def _refuse(send: Send, status: int, kind: str, message: str) -> None:
    body = json.dumps({"error": {"status": status, "type": kind, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    def __init__(self, app: ASGIApp, settings: Settings, protected: frozenset[str]) -> None:
        self.app = app
        self.settings = settings
        self.protected = protected

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if method in WRITES and scope["path"] in self.protected:
            problem = token_problem(self.settings, headers.get("authorization"))
            if problem is not None:
                status, message = problem
                kind = "unauthorized" if status == 401 else "forbidden"
                await _refuse(send, status, kind, message)
                return
        if method == "HEAD":
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
            return
        if method not in WRITES:
            await self.app(scope, receive, send)
            return
        limit = self.settings.api_max_body
        claimed = headers.get("content-length", "")
        if claimed.isdigit() and int(claimed) > limit:
            await _refuse(send, 413, "too_large", f"request body over {limit} bytes")
            return
        body = bytearray()
        more = True
        while more:
            chunk = await receive()
            if chunk["type"] == "http.disconnect":
                return
            body += chunk.get("body", b"")
            more = chunk.get("more_body", False)
            if len(body) > limit:
                await _refuse(send, 413, "too_large", f"request body over {limit} bytes")
                return
        await self.app(scope, _replay(bytes(body), receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _without_body(send: Send) -> Send:
    async def send_head(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return send_head
