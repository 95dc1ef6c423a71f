"""GET /api/claims: numeric claims, newest first; unit matches part of the unit, any case."""

from __future__ import annotations

from fastapi import APIRouter, Query

from gundem.serve.limits import limit_param, offset_param
from gundem.serve.models import ClaimPage
from gundem.serve.routers._deps import ReadStore
from gundem.store import read

router = APIRouter(tags=["claims"])


@router.get("/api/claims", response_model=ClaimPage)
def claims(
    store: ReadStore,
    unit: str | None = Query(None, max_length=100),
    limit: int = limit_param(50),
    offset: int = offset_param(),
) -> ClaimPage:
    return ClaimPage(limit, offset, read.claim_page(store, unit, limit, offset))
