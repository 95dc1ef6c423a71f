"""Acceptance (issue 15) on the real development day, read from /work/shared (skipped when
absent; nothing from it is stored here): the largest story holds no event that shares
fewer than two names with another event of it, and every story title is one of its
events' headlines, never a bare id or a pair of names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gundem.engine.corpus import link
from gundem.engine.run import run
from gundem.link.linker import Linker
from gundem.link.stories import _trim, event_names
from gundem.store.db import Store

DEV = Path("/work/shared/data/trnews-events-dev/items.jsonl")
BARE_ID = re.compile(r"^(st|ev)[0-9a-f]{6,}$")


@pytest.mark.skipif(not DEV.exists(), reason="development set absent")
def test_dev_day_stories_share_two_names_and_have_headline_titles(tmp_path: Path) -> None:
    with Store(tmp_path / "dev.duckdb") as store:
        # linking needs names and dates only: quotes, claims and times are skipped
        run([str(DEV)], store, workers=1, skip={"quotes", "claims", "times"})
        link(store)
        stories = store.stories()
        events = Linker(store, summarize=False).events.events
    assert stories
    for st in stories:
        heads = {_trim(t["headline"]) for t in st.timeline if t.get("headline")}
        assert st.title and not BARE_ID.match(st.title), st.title
        assert st.title in heads, (st.title, heads)  # a headline, not "A – B"
    largest = max(stories, key=lambda s: (len(s.event_ids), s.id))
    names = {e: event_names(events[e]) for e in largest.event_ids}
    for e, mine in names.items():
        if len(names) > 1:
            assert any(len(mine & other) >= 2 for o, other in names.items() if o != e), e
