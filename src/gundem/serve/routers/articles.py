"""GET /api/articles (paged, filtered, or searched with q) and /api/articles/{id}."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query

from gundem.model import Article, content_id
from gundem.serve.limits import (
    DATE,
    MAX_SEARCH_OFFSET,
    check_id,
    limit_param,
    offset_param,
    text_param,
)
from gundem.serve.models import ArticlePage
from gundem.serve.routers._deps import Ctx, ReadStore
from gundem.store import read
from gundem.store.search import SearchFilters

router = APIRouter(tags=["articles"])


@router.get("/api/articles", response_model=ArticlePage)
def articles(
    ctx: Ctx,
    store: ReadStore,
    limit: int = limit_param(20),
    offset: int = offset_param(),
    q: str | None = Query(None, max_length=300),
    date_from: str | None = Query(None, pattern=DATE),
    date_to: str | None = Query(None, pattern=DATE),
    entity: str | None = text_param(),
    outlet: str | None = text_param(),
    event: str | None = text_param(),
    story: str | None = text_param(),
    language: str | None = text_param(),
) -> ArticlePage:
    if q:
        if offset > MAX_SEARCH_OFFSET:
            raise HTTPException(422, f"offset: with q, at most {MAX_SEARCH_OFFSET}")
        f = SearchFilters(date_from=date_from, date_to=date_to, entity=entity, outlet=outlet,
                          event=event, story=story, language=language)  # fmt: skip
        ids = [h.article_id for h in ctx.index.search(q, f, limit, level="article", offset=offset)]
        by = read.article_summaries(store, ids)
        return ArticlePage(None, limit, offset, [by[i] for i in ids if i in by])
    flt = read.ArticleFilter(outlet, event, story, language, date_from, date_to, entity)
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
