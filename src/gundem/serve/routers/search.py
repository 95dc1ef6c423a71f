"""GET /api/search: BM25 over sentences or articles (the index; no database connection)."""

from __future__ import annotations

from fastapi import APIRouter, Query

from gundem.serve.limits import DATE, MAX_LIMIT, MAX_SEARCH_OFFSET, text_param
from gundem.serve.models import SearchResult
from gundem.serve.routers._deps import Ctx
from gundem.store.search import SearchFilters

router = APIRouter(tags=["search"])


@router.get("/api/search", response_model=SearchResult)
def search(
    ctx: Ctx,
    q: str = Query(..., min_length=1, max_length=300),
    level: str = Query("sentence", pattern="^(sentence|article)$"),
    limit: int = Query(10, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_SEARCH_OFFSET),
    date_from: str | None = Query(None, pattern=DATE),
    date_to: str | None = Query(None, pattern=DATE),
    entity: str | None = text_param(),
    outlet: str | None = text_param(),
    event: str | None = text_param(),
    story: str | None = text_param(),
    language: str | None = text_param(),
) -> SearchResult:
    f = SearchFilters(date_from=date_from, date_to=date_to, entity=entity, outlet=outlet,
                      event=event, story=story, language=language)  # fmt: skip
    hits = ctx.index.search(q, f, limit, level=level, offset=offset)
    return SearchResult(q, level, limit, offset, hits)
