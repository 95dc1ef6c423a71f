"""GET /api/events (most important first; story filters) and /api/events/{id} with articles and claims."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from gundem.serve.limits import check_id, limit_param, offset_param, text_param
from gundem.serve.models import EventPage
from gundem.serve.routers._deps import ReadStore
from gundem.store import read

router = APIRouter(tags=["events"])


@router.get("/api/events", response_model=EventPage)
def events(
    store: ReadStore,
    limit: int = limit_param(50),
    offset: int = offset_param(),
    story: str | None = text_param(),
) -> EventPage:
    """Events, most important first (outlets, articles, recency)."""
    return EventPage(limit, offset, read.event_page(store, story, limit, offset))


@router.get("/api/events/{event_id}", response_model=read.EventDetail)
def event(store: ReadStore, event_id: str) -> read.EventDetail:
    check_id(event_id)
    detail = read.event_detail(store, event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id}")
    return detail
