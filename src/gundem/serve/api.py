"""REST API and web UI over one DuckDB store (FastAPI).

    app = create_app("gundem.duckdb", api_key="secret")
    uvicorn.run(app, host="127.0.0.1", port=8000)

Reads: articles, entities, quotes, claims, events, stories, search, ask (GET /api/...).
Writes: POST /api/ingest, only with ``X-API-Key`` (disabled when no key is configured).
Requests whose ``Host`` is not the bound address, a loopback name or a configured name get
400 (DNS rebinding); paging parameters are bounded (422); unexpected errors give a bare 500.
DuckDB allows one writer process: the app holds one connection and serialises access
with a lock; the tantivy index beside the DB is searched without the lock.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, model_validator

from gundem.ask.llm import LLMConfig
from gundem.model import content_id
from gundem.store import browse
from gundem.store.db import Store
from gundem.store.search import SearchFilters

WEB_DIR = Path(__file__).parent / "web"
MAX_BODY = 5 * 1024 * 1024
MAX_LIMIT = 200
MAX_DOCS = 100
MAX_OFFSET = 1_000_000  # SQL listings; far past any real page, well inside a 64-bit int
MAX_SEARCH_OFFSET = 10_000  # the search index collects offset + limit hits in memory
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
_WILDCARD_BINDS = ("0.0.0.0", "::", "[::]", "")

log = logging.getLogger("gundem.serve")


# -- request models ---------------------------------------------------------------------------


class DocIn(BaseModel):
    text: str | None = Field(None, description="plain article text (or give html)")
    html: str | None = Field(None, description="raw HTML of the page")
    url: str = ""
    title: str = ""
    published: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    outlet: str = ""

    @model_validator(mode="after")
    def _one_body(self) -> DocIn:
        if not (self.text or self.html):
            raise ValueError("each document needs 'text' or 'html'")
        return self


class IngestIn(BaseModel):
    documents: list[DocIn] = Field(default_factory=list, max_length=MAX_DOCS)
    urls: list[str] = Field(default_factory=list, max_length=MAX_DOCS)

    @model_validator(mode="after")
    def _something(self) -> IngestIn:
        if not self.documents and not self.urls:
            raise ValueError("give 'documents' or 'urls'")
        for u in self.urls:
            if not u.startswith(("http://", "https://")):
                raise ValueError(f"not an http(s) URL: {u[:100]}")
        return self


class AskIn(BaseModel):
    question: str = Field(min_length=2, max_length=500)


# -- body size limit (pure ASGI so it also covers chunked bodies) --------------------------------


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


# -- Host header check (pure ASGI; DNS rebinding) -----------------------------------------------


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
        body = b'{"detail":"unknown Host header: use an allowed name (gundem serve --allowed-host)"}'
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})  # fmt: skip
        await send({"type": "http.response.body", "body": body})


# -- helpers ----------------------------------------------------------------------------------


def _summary(a: Any) -> dict[str, Any]:
    return {
        "id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published,
        "language": a.language, "event_id": a.event_id, "story_id": a.story_id, "url": a.url,
        "n_entities": len(a.entities), "n_quotes": len(a.quotes), "n_claims": len(a.claims),
    }  # fmt: skip


def _filters(
    date_from: str | None, date_to: str | None, entity: str | None, outlet: str | None,
    event: str | None, story: str | None, language: str | None,
) -> SearchFilters:  # fmt: skip
    return SearchFilters(date_from=date_from, date_to=date_to, entity=entity, outlet=outlet,
                         event=event, story=story, language=language)  # fmt: skip


_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _text() -> Any:
    """A free-text filter (outlet, entity, ids): bounded like the query itself."""
    return Query(None, max_length=300)


class _Ctx:
    def __init__(self, db_path: str, api_key: str | None, llm: LLMConfig | None = None) -> None:
        self.db_path = db_path
        self.api_key = api_key
        self.llm = llm
        self.lock = threading.RLock()
        self.store = Store(db_path)
        self.index = self.store.search_index()
        self.index.update(self.store)

    def close(self) -> None:
        self.store.close()


def create_app(
    db_path: str | Path, api_key: str | None = None, max_body: int = MAX_BODY,
    llm: LLMConfig | None = None, allowed_hosts: Iterable[str] = (), bind_host: str | None = None,
) -> FastAPI:  # fmt: skip
    """The API (``/api/...``, docs at ``/docs``) and the web UI (``/``) over one store.
    ``llm``: an optional endpoint that rephrases the cited facts of ``/api/ask``.
    Requests must name a loopback host, ``bind_host`` or one of ``allowed_hosts`` (``*``: any)."""
    ctx = _Ctx(str(db_path), api_key, llm)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.close()

    app = FastAPI(title="gundem", version="0.1", lifespan=lifespan,
                  description="Turkish news: articles, entities, quotes, claims, events, stories, "
                  "search and cited answers.")  # fmt: skip
    app.state.ctx = ctx

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Any:
        resp = await call_next(request)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        if not request.url.path.startswith(("/docs", "/redoc")):
            resp.headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
            )
        return resp

    def need_key(x_api_key: str | None = Header(None)) -> None:
        if ctx.api_key is None:
            raise HTTPException(403, "writes are disabled: start the server with an API key")
        if not x_api_key or not hmac.compare_digest(x_api_key, ctx.api_key):
            raise HTTPException(401, "missing or wrong X-API-Key")

    @app.get("/api/health")
    def health() -> dict[str, Any]:
        with ctx.lock:
            return {"ok": True, "articles": ctx.store.count(), "indexed": len(ctx.index)}

    # articles ------------------------------------------------------------------
    @app.get("/api/articles")
    def articles(
        limit: int = Query(20, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_OFFSET),
        q: str | None = Query(None, max_length=300),
        date_from: str | None = Query(None, pattern=_DATE), date_to: str | None = Query(None, pattern=_DATE),
        entity: str | None = _text(), outlet: str | None = _text(), event: str | None = _text(),
        story: str | None = _text(), language: str | None = _text(),
    ) -> dict[str, Any]:  # fmt: skip
        if q:
            if offset > MAX_SEARCH_OFFSET:
                raise HTTPException(422, f"offset: with q, at most {MAX_SEARCH_OFFSET}")
            f = _filters(date_from, date_to, entity, outlet, event, story, language)
            hits = ctx.index.search(q, f, limit, level="article", offset=offset)
            ids = [h.article_id for h in hits]
            with ctx.lock:
                by = _load(ctx.store, ids)
            return {"total": None, "limit": limit, "offset": offset,
                    "items": [_summary(by[i]) for i in ids if i in by]}  # fmt: skip
        flt = browse.ArticleFilter(outlet, event, story, language, date_from, date_to, entity)
        with ctx.lock:
            total, ids = browse.article_page(ctx.store, flt, limit, offset)
            by = _load(ctx.store, ids)
        return {"total": total, "limit": limit, "offset": offset, "items": [_summary(by[i]) for i in ids]}

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        _check_id(article_id)
        with ctx.lock:
            a = ctx.store.get_article(article_id)
        if a is None:
            raise HTTPException(404, f"no article {article_id}")
        d = a.to_dict()
        for e in d["entities"]:
            e["id"] = e.get("id") or content_id(f"{e['type']}:{e['name']}")
        return d

    # entities --------------------------------------------------------------------
    @app.get("/api/entities")
    def entities(
        limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_OFFSET),
        q: str | None = Query(None, max_length=200), type: str | None = Query(None, max_length=10),
    ) -> dict[str, Any]:  # fmt: skip
        with ctx.lock:
            items = browse.entity_page(ctx.store, q, type, limit, offset)
        return {"limit": limit, "offset": offset, "items": items}

    @app.get("/api/entities/{entity_id}")
    def entity(entity_id: str, limit: int = Query(50, ge=1, le=MAX_LIMIT)) -> dict[str, Any]:
        _check_id(entity_id)
        with ctx.lock:
            ent = browse.entity(ctx.store, entity_id)
            if ent is None:
                raise HTTPException(404, f"no entity {entity_id}")
            ids = browse.entity_article_ids(ctx.store, entity_id, limit)
            by = _load(ctx.store, ids)
        name = ent["name"]
        quotes = [
            {**asdict(q), "article_id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published}
            for a in by.values() for q in a.quotes if q.speaker == name or q.speaker_id == entity_id
        ]  # fmt: skip
        roles = sorted({r for a in by.values() for e in a.entities if e.name == name for r in e.roles})
        return {**ent, "roles": roles, "articles": [_summary(by[i]) for i in ids if i in by],
                "quotes": quotes}  # fmt: skip

    # quotes and claims -------------------------------------------------------------
    def _listing(col: str, value: str | None, limit: int, offset: int) -> dict[str, Any]:
        with ctx.lock:
            items = browse.list_items(ctx.store, col, value, limit, offset)
        return {"limit": limit, "offset": offset, "items": items}

    @app.get("/api/quotes")
    def quotes(speaker: str | None = Query(None, max_length=200),
               limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:  # fmt: skip
        return _listing("quotes", speaker, limit, offset)

    @app.get("/api/claims")
    def claims(unit: str | None = Query(None, max_length=100),
               limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:  # fmt: skip
        return _listing("claims", unit, limit, offset)

    # events and stories --------------------------------------------------------------
    @app.get("/api/events")
    def events(limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_OFFSET),
               story: str | None = _text()) -> dict[str, Any]:  # fmt: skip
        with ctx.lock:
            records = browse.event_page(ctx.store, story, limit, offset)
        items = []
        for e in records:
            items.append({k: e.get(k) for k in ("id", "date", "place", "participants", "headline", "story_id")}
                         | {"n_articles": len(e.get("article_ids") or [])})  # fmt: skip
        return {"limit": limit, "offset": offset, "items": items}

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> dict[str, Any]:
        _check_id(event_id)
        with ctx.lock:
            e = _record_or_404(ctx.store, "events", event_id)
            by = _load(ctx.store, list(e.get("article_ids") or []))
        arts = list(by.values())
        claims = [{**asdict(c), "article_id": a.id, "outlet": a.outlet, "title": a.title,
                   "published": a.published} for a in arts for c in a.claims]  # fmt: skip
        return {**e, "articles": [_summary(a) for a in arts], "claims": claims}

    @app.get("/api/stories")
    def stories(limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
        with ctx.lock:
            records = browse.story_page(ctx.store, limit, offset)
        items = []
        for s in records:
            items.append({"id": s["id"], "title": s.get("title", ""), "n_events": len(s.get("event_ids") or []),
                          "n_conflicts": len(s.get("conflicts") or [])})  # fmt: skip
        return {"limit": limit, "offset": offset, "items": items}

    @app.get("/api/stories/{story_id}")
    def story(story_id: str) -> dict[str, Any]:
        _check_id(story_id)
        with ctx.lock:
            s = _record_or_404(ctx.store, "stories", story_id)
            evs = ctx.store.event_records(list(s.get("event_ids") or []))
        s["events"] = [{k: e.get(k) for k in ("id", "date", "place", "participants", "headline")} for e in evs]
        return s

    # search and ask ---------------------------------------------------------------------
    @app.get("/api/search")
    def search(
        q: str = Query(..., min_length=1, max_length=300),
        level: str = Query("sentence", pattern="^(sentence|article)$"),
        limit: int = Query(10, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_SEARCH_OFFSET),
        date_from: str | None = Query(None, pattern=_DATE), date_to: str | None = Query(None, pattern=_DATE),
        entity: str | None = _text(), outlet: str | None = _text(), event: str | None = _text(),
        story: str | None = _text(), language: str | None = _text(),
    ) -> dict[str, Any]:  # fmt: skip
        f = _filters(date_from, date_to, entity, outlet, event, story, language)
        hits = ctx.index.search(q, f, limit, level=level, offset=offset)
        return {"q": q, "level": level, "limit": limit, "offset": offset, "hits": [h.to_dict() for h in hits]}

    def _ask(question: str) -> dict[str, Any]:
        from gundem.ask import answer

        with ctx.lock:
            ans = answer(ctx.store, ctx.index, question)
        if ctx.llm is not None:  # slow: outside the lock, other requests go on
            from gundem.ask.llm import rephrase

            ans = rephrase(ans, ctx.llm)
        return ans.to_dict()

    @app.get("/api/ask")
    def ask_get(q: str = Query(..., min_length=2, max_length=500)) -> dict[str, Any]:
        return _ask(q)

    @app.post("/api/ask")
    def ask_post(body: AskIn) -> dict[str, Any]:
        return _ask(body.question)

    # ingest ------------------------------------------------------------------------------
    @app.post("/api/ingest", status_code=201, dependencies=[Depends(need_key)])
    def ingest(body: IngestIn) -> dict[str, Any]:
        try:
            from gundem.pipeline import process
        except ImportError as e:  # pragma: no cover
            log.exception("pipeline import failed")
            raise HTTPException(503, "pipeline not available") from e
        from gundem.model import RawDoc

        raws: list[Any] = []
        for i, d in enumerate(body.documents):
            data = (d.html or d.text or "").encode("utf-8")
            meta = {"url": d.url, "title": d.title, "published": d.published, "outlet": d.outlet,
                    "format": "html" if d.html else "text"}  # fmt: skip
            raws.append(RawDoc(source=d.url or f"api#{i}", data=data, meta={k: v for k, v in meta.items() if v}))
        if body.urls:
            from gundem.ingest.web import Fetcher, fetch_all

            fetcher = Fetcher(allow_private_hosts=False)  # a request never reaches our own network
            try:
                raws.extend(fetch_all(body.urls, fetcher))
            finally:
                fetcher.close()
        added, dupes, errors = [], [], []
        for raw in raws:
            if not hasattr(raw, "data"):  # an IngestError from fetching
                errors.append({"source": raw.source, "kind": raw.kind, "message": raw.message})
                continue
            res = process(raw)
            if not hasattr(res, "entities"):
                errors.append({"source": res.source, "kind": res.kind, "message": res.message})
                continue
            with ctx.lock:
                (added if ctx.store.add_article(res) else dupes).append(res.id)
        if added:
            with ctx.lock:
                ctx.index.update(ctx.store)
        return {"added": added, "duplicates": dupes, "errors": errors}

    # web UI -------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index_html() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")

    @app.exception_handler(ValueError)
    async def _value_error(_: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc).splitlines()[0][:200] if str(exc) else "bad request"},
                            status_code=400)  # fmt: skip

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        # the traceback goes to the server log only; the client learns nothing of the internals
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"error": "internal error"}, status_code=500)

    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(HostCheck, allowed=allowed_host_names(bind_host, allowed_hosts))  # outermost
    return app


def _check_id(value: str) -> None:
    if not value or len(value) > 64 or not all(c.isalnum() or c in "-_:." for c in value):
        raise HTTPException(422, "bad id: use letters, digits, '-', '_', ':' or '.'")


_NOUN = {"events": "event", "stories": "story"}


def _record_or_404(store: Store, table: str, record_id: str) -> dict[str, Any]:
    rec = store.record(table, record_id)
    if rec is None:
        raise HTTPException(404, f"no {_NOUN[table]} {record_id}")
    return rec


def _load(store: Store, ids: list[str]) -> dict[str, Any]:
    if not ids:
        return {}
    return {a.id: a for a in store.iter_articles(ids=ids)}


def serve(
    db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, api_key: str | None = None,
    llm: LLMConfig | None = None, allowed_hosts: Iterable[str] = (),
) -> None:  # fmt: skip
    """What ``gundem serve`` runs: loopback unless a host is given."""
    import uvicorn

    app = create_app(db_path, api_key=api_key, llm=llm, allowed_hosts=allowed_hosts, bind_host=host)
    uvicorn.run(app, host=host, port=port, log_level="info")
