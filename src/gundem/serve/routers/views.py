"""What the web UI's pages draw beyond the plain resources: the home page's ranked stories and
events with their filters, a story's coverage, an entity's attention over time, an event's
entities. Each is also plain JSON for anyone else (Datasette-style: every page has its data)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, HTTPException

from gundem.serve.limits import Filters, check_id, limit_param, offset_param
from gundem.serve.routers._deps import ReadStore
from gundem.store import read
from gundem.store.search import SearchFilters

router = APIRouter(tags=["views"])


@dataclass
class EventEntities:
    event_id: str
    items: list[read.CoEntity]


def _flt(f: SearchFilters) -> read.ArticleFilter:
    return read.ArticleFilter(
        f.outlet, f.event, f.story, f.language, f.date_from, f.date_to, f.entity
    )


@router.get("/api/top/stories", response_model=read.CardPage)
def top_stories(
    store: ReadStore,
    f: Filters,
    limit: int = limit_param(10),
    offset: int = offset_param(),
    singles: bool = False,
) -> read.CardPage:
    """Stories whose articles match the filters, most important first (outlets, articles,
    recency), each with its dates, counts and lead entities; one-event stories only with
    ``singles=true``."""
    return read.story_cards(store, _flt(f), limit, offset, singles)


@router.get("/api/top/events", response_model=read.CardPage)
def top_events(
    store: ReadStore, f: Filters, limit: int = limit_param(10), offset: int = offset_param()
) -> read.CardPage:
    """Events whose articles match the filters, most important first."""
    return read.event_cards(store, _flt(f), limit, offset)


@router.get("/api/facets", response_model=read.Facets)
def facets(store: ReadStore) -> read.Facets:
    """The outlets, languages and date span the filters can choose from."""
    return read.facets(store)


@router.get("/api/stories/{story_id}/coverage", response_model=read.StoryCoverage)
def story_coverage(store: ReadStore, story_id: str) -> read.StoryCoverage:
    """A story's events by date with their size, its articles per outlet, its quotes."""
    check_id(story_id)
    cov = read.story_coverage(store, story_id)
    if cov is None:
        raise HTTPException(404, f"no story {story_id}")
    return cov


@router.get("/api/entities/{entity_id}/activity", response_model=read.EntityActivity)
def entity_activity(store: ReadStore, entity_id: str) -> read.EntityActivity:
    """Articles and mentions per day, the entities named with it, quotes about it."""
    check_id(entity_id)
    act = read.entity_activity(store, entity_id)
    if act is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return act


@router.get("/api/events/{event_id}/entities", response_model=EventEntities)
def event_entities(store: ReadStore, event_id: str, limit: int = limit_param(30)) -> EventEntities:
    """The entities an event's articles name, most articles first."""
    check_id(event_id)
    if store.record("events", event_id) is None:
        raise HTTPException(404, f"no event {event_id}")
    return EventEntities(event_id, read.event_entity_rows(store, event_id, limit))
