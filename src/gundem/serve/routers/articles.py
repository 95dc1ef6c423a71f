"""GET /api/articles (paged, filtered, or searched with q) and /api/articles/{id}."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query

from gundem.model import Article, content_id
from gundem.serve.limits import (
    MAX_SEARCH_OFFSET,
    Filters,
    check_id,
    limit_param,
    offset_param,
)
from gundem.serve.models import ArticlePage
from gundem.serve.routers._deps import Ctx, ReadStore
from gundem.store import read

router = APIRouter(tags=["articles"])


@router.get("/api/articles", response_model=ArticlePage)
def articles(
    ctx: Ctx,
    store: ReadStore,
    f: Filters,
    limit: int = limit_param(20),
    offset: int = offset_param(),
    q: str | None = Query(None, max_length=300),
) -> ArticlePage:
    if q:
        if offset > MAX_SEARCH_OFFSET:
            raise HTTPException(422, f"offset: with q, at most {MAX_SEARCH_OFFSET}")
        ids = [h.article_id for h in ctx.index.search(q, f, limit, level="article", offset=offset)]
        by = read.article_summaries(store, ids)
        return ArticlePage(None, limit, offset, [by[i] for i in ids if i in by])
    flt = read.ArticleFilter(
        f.outlet, f.event, f.story, f.language, f.date_from, f.date_to, f.entity
    )
    total, items = read.article_page(store, flt, limit, offset)
    return ArticlePage(total, limit, offset, items)


@router.get("/api/articles/{article_id}", response_model=Article)
def article(store: ReadStore, article_id: str) -> dict[str, Any]:
    check_id(article_id)
    a = store.get_article(article_id)
    if a is None:
        raise HTTPException(404, f"no article {article_id}")
    d = a.to_dict()
    for e in d["entities"]:
        e["id"] = e.get("id") or content_id(f"{e['type']}:{e['name']}")
    return d
