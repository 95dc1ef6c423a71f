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
    from gundem.corpus import Corpus, posted_docs

    # Fetch (public hosts only) before taking the writer: reads go on meanwhile.
    docs = list(posted_docs([d.model_dump() for d in body.documents], body.urls))
    with ctx.lock:  # the one writer; the same write path as `gundem run`
        return Corpus(ctx.store, index=ctx.index).ingest(docs).as_response()
