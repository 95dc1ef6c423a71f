"""What guards every request before a router sees it: the body size limit and the Host check
(DNS rebinding), both pure ASGI so they also cover chunked bodies; the security headers of
every response (pure ASGI too: Starlette's ``BaseHTTPMiddleware`` runs each request in a
task group with memory streams, about a millisecond a request); the paging bounds."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query

from gundem.periods import period_problem
from gundem.store.search import SearchFilters

MAX_BODY = 5 * 1024 * 1024
MAX_LIMIT = 200
MAX_DOCS = 100
MAX_OFFSET = 1_000_000  # SQL listings; far past any real page, well inside a 64-bit int
MAX_SEARCH_OFFSET = 10_000  # the search index collects offset + limit hits in memory
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
_WILDCARD_BINDS = ("0.0.0.0", "::", "[::]", "")


def text_param() -> Any:
    """A free-text filter (outlet, entity, ids): bounded like the query itself."""
    return Query(None, max_length=300)


def filter_params(
    date_from: str | None = Query(None, pattern=DATE),
    date_to: str | None = Query(None, pattern=DATE),
    entity: str | None = text_param(),
    outlet: str | None = text_param(),
    event: str | None = text_param(),
    story: str | None = text_param(),
    language: str | None = text_param(),
) -> SearchFilters:
    """The filters /api/search, /api/articles and /api/top/* share: one declaration, one set
    of bounds; dates must name a real year, month or day (the rule the CLI's --from/--to use)."""
    problem = period_problem(date_from, date_to, ("date_from", "date_to"))
    if problem:
        raise HTTPException(422, problem)
    return SearchFilters(date_from=date_from, date_to=date_to, entity=entity, outlet=outlet,
                         event=event, story=story, language=language)  # fmt: skip


Filters = Annotated[SearchFilters, Depends(filter_params)]


def limit_param(default: int) -> Any:
    return Query(default, ge=1, le=MAX_LIMIT)


def offset_param() -> Any:
    return Query(0, ge=0, le=MAX_OFFSET)


def check_id(value: str) -> None:
    if not value or len(value) > 64 or not all(c.isalnum() or c in "-_:." for c in value):
        raise HTTPException(422, "bad id: use letters, digits, '-', '_', ':' or '.'")


# -- body size limit ----------------------------------------------------------------------------


class BodyLimit:
    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for k, v in scope.get("headers", []):
            if k == b"content-length" and v.isdigit() and int(v) > self.max_bytes:
                return await _too_large(send, self.max_bytes)
        seen = 0

        async def limited() -> dict:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge()
            return msg

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await _too_large(send, self.max_bytes)


class _TooLarge(Exception):
    pass


async def _too_large(send: Any, n: int) -> None:
    body = json.dumps({"detail": f"request body larger than {n} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})


# -- Host header check (DNS rebinding) -------------------------------------------------------------


def host_name(value: str) -> str:
    """The name part of a ``Host`` header or bind address, lower case, without port or final
    dot; IPv6 literals keep their brackets (``[::1]:8000`` → ``[::1]``, ``::1`` → ``[::1]``)."""
    v = value.strip().lower()
    if v.startswith("["):
        end = v.find("]")
        return v[: end + 1] if end > 0 else ""
    if v.count(":") > 1:  # a bare IPv6 address (bind form)
        return f"[{v}]"
    return v.partition(":")[0].rstrip(".")


def allowed_host_names(bind_host: str | None, extra: Iterable[str] = ()) -> frozenset[str]:
    """Loopback names, the bind address (unless it is a wildcard) and ``extra``; ``*`` in
    ``extra`` turns the check off."""
    names = set(LOOPBACK_HOSTS)
    if bind_host is not None and bind_host.strip() not in _WILDCARD_BINDS:
        names.add(host_name(bind_host))
    for e in extra:
        names.update(host_name(x) if x.strip() != "*" else "*" for x in e.split(",") if x.strip())
    return frozenset(names)


class HostCheck:
    def __init__(self, app: Any, allowed: frozenset[str]) -> None:
        self.app, self.allowed = app, allowed

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or "*" in self.allowed:
            return await self.app(scope, receive, send)
        host = next((v for k, v in scope.get("headers", []) if k == b"host"), b"")
        if host_name(host.decode("latin-1")) in self.allowed:
            return await self.app(scope, receive, send)
        body = (
            b'{"detail":"unknown Host header: use an allowed name (gundem serve --allowed-host)"}'
        )
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})  # fmt: skip
        await send({"type": "http.response.body", "body": body})


# -- security headers ------------------------------------------------------------------------------

CSP = b"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'"


class SecurityHeaders:
    """``X-Content-Type-Options: nosniff`` on every response and a Content-Security-Policy
    on all but the API docs pages (which load their scripts from a CDN); a header the
    route set already is kept."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        extra = [(b"x-content-type-options", b"nosniff")]
        if not scope.get("path", "").startswith(("/docs", "/redoc")):
            extra.append((b"content-security-policy", CSP))

        async def send_with_headers(msg: dict) -> None:
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers", []))
                have = {k.lower() for k, _ in headers}
                msg["headers"] = headers + [h for h in extra if h[0] not in have]
            await send(msg)

        await self.app(scope, receive, send_with_headers)
