"""GET /api/entities (most-named first, q matches part of a name) and /api/entities/{id}."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query

from gundem.serve.limits import check_id, limit_param, offset_param
from gundem.serve.models import EntityPage
from gundem.serve.routers._deps import ReadStore
from gundem.store import read

router = APIRouter(tags=["entities"])


@router.get("/api/entities", response_model=EntityPage)
def entities(
    store: ReadStore,
    limit: int = limit_param(50),
    offset: int = offset_param(),
    q: str | None = Query(None, max_length=200),
    type: str | None = Query(None, max_length=10),
) -> EntityPage:
    return EntityPage(limit, offset, read.entity_page(store, q, type, limit, offset))


@router.get("/api/entities/{entity_id}", response_model=read.EntityDetail)
def entity(store: ReadStore, entity_id: str, limit: int = limit_param(50)) -> read.EntityDetail:
    check_id(entity_id)
    detail = read.entity_detail(store, entity_id, limit)
    if detail is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return detail
