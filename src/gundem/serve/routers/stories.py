"""GET /api/stories and /api/stories/{id} with its events."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query

from gundem.serve.limits import check_id, limit_param, offset_param
from gundem.serve.models import StoryPage
from gundem.serve.routers._deps import ReadStore
from gundem.store import read

router = APIRouter(tags=["stories"])


@router.get("/api/stories", response_model=StoryPage)
def stories(
    store: ReadStore,
    limit: int = limit_param(50),
    offset: int = offset_param(),
    singles: bool = Query(False, description="Also list one-event stories."),
) -> StoryPage:
    """Stories, most important first (outlets, articles, recency)."""
    return StoryPage(limit, offset, read.story_page(store, limit, offset, singles=singles))


@router.get("/api/stories/{story_id}", response_model=read.StoryDetail)
def story(store: ReadStore, story_id: str) -> read.StoryDetail:
    check_id(story_id)
    detail = read.story_detail(store, story_id)
    if detail is None:
        raise HTTPException(404, f"no story {story_id}")
    return detail
