"""GET /api/quotes: who said what, newest first; speaker matches part of a name, any case."""

from __future__ import annotations

from fastapi import APIRouter, Query

from gundem.serve.limits import limit_param, offset_param
from gundem.serve.models import QuotePage
from gundem.serve.routers._deps import ReadStore
from gundem.store import read

router = APIRouter(tags=["quotes"])


@router.get("/api/quotes", response_model=QuotePage)
def quotes(
    store: ReadStore,
    speaker: str | None = Query(None, max_length=200),
    limit: int = limit_param(50),
    offset: int = offset_param(),
    fragments: bool = Query(False, description="also list fragments (no speaker)"),
) -> QuotePage:
    return QuotePage(limit, offset, read.quote_page(store, speaker, limit, offset, fragments))
