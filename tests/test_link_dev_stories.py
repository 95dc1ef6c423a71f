"""Acceptance (issue 15) on the real development day, read from /work/shared (skipped when
absent; nothing from it is stored here): the largest story holds no event that shares
fewer than two names with another event of it, and every story title is one of its
events' headlines, never a bare id or a pair of names.

The day is ingested and linked once for the module. Linking needs the articles, their
names and dates only: quotes, claims and times are skipped (the search index is never
built by ``run``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from gundem.engine.corpus import link
from gundem.engine.run import run
from gundem.link.events import EventState
from gundem.link.linker import Linker
from gundem.link.stories import _trim, event_names
from gundem.model import Story
from gundem.store.db import Store

DEV = Path("/work/shared/data/trnews-events-dev/items.jsonl")
BARE_ID = re.compile(r"^(st|ev)[0-9a-f]{6,}$")
UNNEEDED = {"quotes", "claims", "times"}  # linking reads none of them

pytestmark = pytest.mark.skipif(not DEV.exists(), reason="development set absent")


@dataclass
class Day:
    stories: list[Story]
    events: dict[str, EventState]


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Day]:
    path = tmp_path_factory.mktemp("dev") / "dev.duckdb"
    with Store(path) as store:
        run([str(DEV)], store, workers=1, skip=UNNEEDED)
        link(store)
        yield Day(store.stories(), Linker(store, summarize=False).events.events)


def test_dev_day_story_titles_are_headlines(day: Day) -> None:
    assert day.stories
    for st in day.stories:
        heads = {_trim(t["headline"]) for t in st.timeline if t.get("headline")}
        assert st.title and not BARE_ID.match(st.title), st.title
        assert st.title in heads, (st.title, heads)  # a headline, not "A – B"


def test_dev_day_largest_story_events_share_two_names(day: Day) -> None:
    largest = max(day.stories, key=lambda s: (len(s.event_ids), s.id))
    names = {e: event_names(day.events[e]) for e in largest.event_ids}
    for e, mine in names.items():
        if len(names) > 1:
            assert any(len(mine & other) >= 2 for o, other in names.items() if o != e), e
