"""GET /api/events (by date; story filters) and /api/events/{id} with articles and claims."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException

from gundem.serve.limits import check_id, limit_param, offset_param, text_param
from gundem.serve.models import EventPage
from gundem.serve.routers._deps import reader
from gundem.store import read
from gundem.store.db import Store

router = APIRouter(tags=["events"])


@router.get("/api/events", response_model=EventPage)
def events(
    limit: int = limit_param(50), offset: int = offset_param(), story: str | None = text_param(),
    store: Store = Depends(reader),
) -> EventPage:  # fmt: skip
    return EventPage(limit, offset, read.event_page(store, story, limit, offset))


@router.get("/api/events/{event_id}", response_model=read.EventDetail)
def event(event_id: str, store: Store = Depends(reader)) -> read.EventDetail:
    check_id(event_id)
    detail = read.event_detail(store, event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id}")
    return detail
