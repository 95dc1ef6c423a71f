"""POST /api/ingest: the one write route, only with ``X-API-Key``.

Inside ``with ctx.lock:`` the route holds the one writer and ``ctx.store`` is the
read-write Store (opened for that block alone; reads wait, see ``serve/context.py``)."""

from __future__ import annotations

import hmac
import logging
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException

from gundem.serve.models import IngestIn, IngestOut
from gundem.serve.routers._deps import Ctx

router = APIRouter(tags=["ingest"])
log = logging.getLogger("gundem.serve")


def need_key(ctx: Ctx, x_api_key: str | None = Header(None)) -> None:
    if ctx.api_key is None:
        raise HTTPException(403, "writes are disabled: start the server with an API key")
    if not x_api_key or not hmac.compare_digest(x_api_key, ctx.api_key):
        raise HTTPException(401, "missing or wrong X-API-Key")


@router.post(
    "/api/ingest", status_code=201, dependencies=[Depends(need_key)], response_model=IngestOut
)
def ingest(ctx: Ctx, body: IngestIn) -> dict[str, Any]:
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
        raws.append(
            RawDoc(source=d.url or f"api#{i}", data=data, meta={k: v for k, v in meta.items() if v})
        )
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
