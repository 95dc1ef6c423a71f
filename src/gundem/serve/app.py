"""REST API and web UI over one DuckDB store (FastAPI): one application object that
``gundem serve`` and the tests share.

    app = create_app("gundem.duckdb", api_key="secret")
    uvicorn.run(app, host="127.0.0.1", port=8000)

Routes live in ``serve/routers/`` (one module per resource) and return the read model's
typed results (``gundem.store.read``). Reads use read-only connections and writes one
writer (``serve/context.py``), so other gundem commands can use the database meanwhile.
Requests whose ``Host`` is not the bound address, a loopback name or a configured name get
400 (DNS rebinding); paging parameters are bounded (422); unexpected errors give a bare 500;
a database held by another process gives 503 with one line saying so.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from gundem.ask.llm import LLMConfig
from gundem.serve.context import Context
from gundem.serve.limits import (
    MAX_BODY,
    BodyLimit,
    HostCheck,
    SecurityHeaders,
    allowed_host_names,
)
from gundem.serve.models import Health
from gundem.serve.routers import (
    articles,
    ask,
    claims,
    entities,
    events,
    ingest,
    quotes,
    search,
    stories,
    views,
)
from gundem.serve.routers._deps import Ctx, ReadStore
from gundem.store import read
from gundem.store.locks import DatabaseBusy

WEB_DIR = Path(__file__).parent / "web"
ROUTERS = (articles, entities, quotes, claims, events, stories, views, search, ask, ingest)
log = logging.getLogger("gundem.serve")


def create_app(
    db_path: str | Path, api_key: str | None = None, max_body: int = MAX_BODY,
    llm: LLMConfig | None = None, allowed_hosts: Iterable[str] = (), bind_host: str | None = None,
) -> FastAPI:  # fmt: skip
    """The API (``/api/...``, docs at ``/docs``) and the web UI (``/``) over one store.
    ``llm``: an optional endpoint that rephrases the cited facts of ``/api/ask``.
    Requests must name a loopback host, ``bind_host`` or one of ``allowed_hosts`` (``*``: any)."""
    ctx = Context(str(db_path), api_key, llm)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.close()

    # /docs is served from the vendored Swagger UI (serve/web/vendor/): it works offline
    app = FastAPI(title="gundem", version="0.1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Turkish news: articles, entities, quotes, claims, events, stories, "
                  "search and cited answers.")  # fmt: skip
    app.state.ctx = ctx
    app.get("/api/health", response_model=Health, tags=["health"])(health)
    for module in ROUTERS:
        app.include_router(module.router)
    app.get("/", include_in_schema=False)(_index_html)
    app.get("/docs", include_in_schema=False)(_docs_html)
    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    app.exception_handler(DatabaseBusy)(_busy)
    app.exception_handler(ValueError)(_value_error)
    app.exception_handler(Exception)(_internal)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(HostCheck, allowed=allowed_host_names(bind_host, allowed_hosts))  # outermost
    return app


def health(ctx: Ctx, store: ReadStore) -> Health:
    return Health(True, read.counts(store).articles, len(ctx.index))


def _index_html() -> FileResponse:
    return FileResponse(WEB_DIR / "index.html")


def _docs_html() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url="/openapi.json", title="gundem — API",
        swagger_js_url="/static/vendor/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger-ui.css",
        swagger_favicon_url="/static/vendor/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},
    )  # fmt: skip


async def _busy(_: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "5"})


async def _value_error(_: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc).splitlines()[0][:200] if str(exc) else "bad request"},
                        status_code=400)  # fmt: skip


async def _internal(request: Request, exc: Exception) -> JSONResponse:
    # the traceback goes to the server log only; the client learns nothing of the internals
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"error": "internal error"}, status_code=500)


def serve(
    db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, api_key: str | None = None,
    llm: LLMConfig | None = None, allowed_hosts: Iterable[str] = (),
) -> None:  # fmt: skip
    """What ``gundem serve`` runs: loopback unless a host is given."""
    import uvicorn

    app = create_app(db_path, api_key=api_key, llm=llm, allowed_hosts=allowed_hosts, bind_host=host)
    uvicorn.run(app, host=host, port=port, log_level="info")
