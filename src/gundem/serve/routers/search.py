"""GET /api/search: BM25 over sentences or articles (the index; no database connection)."""

from __future__ import annotations

from fastapi import APIRouter, Query

from gundem.serve.limits import MAX_LIMIT, MAX_SEARCH_OFFSET, Filters
from gundem.serve.models import SearchResult
from gundem.serve.routers._deps import Ctx

router = APIRouter(tags=["search"])


@router.get("/api/search", response_model=SearchResult)
def search(
    ctx: Ctx,
    f: Filters,
    q: str = Query(..., min_length=1, max_length=300),
    level: str = Query("sentence", pattern="^(sentence|article)$"),
    limit: int = Query(10, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_SEARCH_OFFSET),
) -> SearchResult:
    hits = ctx.index.search(q, f, limit, level=level, offset=offset)
    return SearchResult(q, level, limit, offset, hits)
