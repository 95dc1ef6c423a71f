"""The corpus-level link stage: near-duplicates → events → stories → summaries.

Incremental: the indexes live in the store's link state (``store.link_state()``:
signatures, event and story features, document frequencies) and are loaded once per
``Linker``; linking one more article scores it against candidate events only and
rewrites only the events and stories it touched.

    from gundem.link.linker import Linker, link_new
    stats = link_new(store)                    # every article without an event
    event_id, story_id = Linker(store).add(a)  # one article (stored if new)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any

from gundem.link.compare import compare_story, event_facts
from gundem.link.crosslingual import MAIN_LANGUAGES, CrossLingual
from gundem.link.dedup import DedupIndex
from gundem.link.events import EventIndex, EventState
from gundem.link.features import day_number
from gundem.link.stories import StoryIndex, StoryState, story_title
from gundem.model import Article, Event, Story
from gundem.store.db import Store
from gundem.summarize import group_quotes, headline, participants_and_place, summary

CHUNK = 2000
PENDING_KEY = "link.pending"
TITLE_TYPES = ("GPE", "X", "NORP", "ORG", "PERSON", "LOC")


class Linker:
    def __init__(self, store: Store, summarize: bool = True) -> None:
        self.store = store
        self.summarize = summarize
        self.state = store.link_state()
        self.dedup = DedupIndex()
        self.dedup.load(self.state)
        self.events = EventIndex()
        self.events.load(self.state)
        self.stories = StoryIndex(self.events)
        self.stories.load(self.state)
        self._links: dict[str, tuple[str, str | None]] = {}  # article -> (event, duplicate_of)
        self._crosslingual: CrossLingual | None = None

    # -- linking ------------------------------------------------------------------------
    def _event_of(self, article_id: str) -> str | None:
        if article_id in self._links:
            return self.events.resolve(self._links[article_id][0])
        return self.state.event_of(article_id)

    def link_one(self, article: Article) -> str:
        """Assign one article to an event (state in memory until ``finalize``). A report
        stored as a copy (``duplicate_of``, same text as an earlier one) joins the event of
        its original and keeps its mark."""
        dup = article.duplicate_of or self.dedup.check(article)
        ev_id = self._event_of(dup) if dup else None
        if dup and ev_id and ev_id in self.events.events:
            ev = self.events.events[ev_id]
            if article.id not in ev.duplicate_ids:
                ev.duplicate_ids.append(article.id)
            self.events.dirty.add(ev_id)
            self._links[article.id] = (ev_id, dup)
            return ev_id
        ev_id = self.events.assign(article, fallback=self._other_language(article))
        self._links[article.id] = (ev_id, article.duplicate_of)
        return ev_id

    def _other_language(
        self, article: Article
    ) -> Callable[[dict[str, list[str]]], str | None] | None:
        """For a report not in Turkish: match it to other-language reports by meaning."""
        if article.language in MAIN_LANGUAGES:
            return None
        if self._crosslingual is None:
            self._crosslingual = CrossLingual(self.state.article_texts)
        xl = self._crosslingual
        return lambda cands: xl.match(
            article.id, article.language, article.title, article.text, cands
        )

    def add(self, article: Article) -> tuple[str, str | None]:
        """Store (if new), link and finalize one article: (event_id, story_id)."""
        if not self.store.has_article(article.id):
            self.store.add_article(article)
        else:
            ev = self._event_of(article.id)
            if ev and ev in self.events.events:
                return ev, self.events.events[ev].story_id
        ev_id = self.link_one(article)
        self.finalize()
        return ev_id, self.events.events[ev_id].story_id

    def pending_ids(self) -> list[str]:
        return self.state.unlinked_ids()

    def link_pending(
        self, chunk: int = CHUNK, finalize_every: int = 0,
        articles: Mapping[str, Article] | None = None,
    ) -> dict[str, int]:  # fmt: skip
        """Link every stored article that has no event yet, in (published, id) order.
        ``articles``: stored articles already in memory (by id), not read again."""
        ids = self.pending_ids()
        done = 0
        for i in range(0, len(ids), chunk):
            part = ids[i : i + chunk]
            order = {aid: k for k, aid in enumerate(part)}
            # reports in other languages last: the events they report exist by then;
            # copies after the originals whose events they join
            arts = sorted(
                self._pending_articles(part, articles or {}),
                key=lambda a: (a.language not in MAIN_LANGUAGES, a.duplicate_of is not None,
                               order[a.id]),
            )  # fmt: skip
            for a in arts:
                self.link_one(a)
                done += 1
            if finalize_every and done % finalize_every < chunk:
                self.finalize()
        stats = self.finalize()
        stats["linked"] = done
        return stats

    def _pending_articles(self, ids: list[str], known: Mapping[str, Article]) -> list[Article]:
        missing = [i for i in ids if i not in known]
        stored = {a.id: a for a in self.store.iter_articles(ids=missing)} if missing else {}
        return [a for i in ids if (a := known.get(i) or stored.get(i)) is not None]

    # -- finalize -----------------------------------------------------------------------------
    def finalize(self) -> dict[str, int]:
        """Thread new events into stories, persist links/state, rebuild touched events+stories."""
        ev_idx, st_idx = self.events, self.stories
        dirty = sorted(
            ev_idx.dirty,
            key=lambda e: (ev_idx.event_date(ev_idx.events[e])[0] or "9999", e),
        )
        st_idx.assign_all([ev_idx.events[eid] for eid in dirty])
        dirty_events = sorted(ev_idx.dirty)
        dirty_stories = sorted(st_idx.dirty)
        # 1) links and linker state, atomically; remember what still needs a record
        pending = self.store.get_state(PENDING_KEY) or {"events": [], "stories": []}
        dirty_events = sorted(set(dirty_events) | set(pending["events"]))
        dirty_stories = sorted(set(dirty_stories) | set(pending["stories"]))
        with self.store.transaction():
            self._write_links(dirty_events)
            self.dedup.flush(self.state)
            ev_idx.flush(self.state)
            st_idx.flush(self.state)
            self.store.set_state(PENDING_KEY, {"events": dirty_events, "stories": dirty_stories})
        # 2) event and story records (readers see committed links); facts go to the state
        records = self._build_events([e for e in dirty_events if e in ev_idx.events])
        with self.store.transaction():
            self.store.put_events(records)
            ev_idx.dirty = set(dirty_events) & set(ev_idx.events)
            ev_idx.flush(self.state)  # again: the events' facts
            self.store.put_stories(
                [
                    self.build_story(st_idx.stories[sid], records)
                    for sid in dirty_stories
                    if sid in st_idx.stories
                ]
            )
            self.store.set_state(PENDING_KEY, {"events": [], "stories": []})
        ev_idx.dirty = set()
        self._links = {}
        return {
            "events_touched": len(dirty_events),
            "stories_touched": len(dirty_stories),
            "events": len(ev_idx.events),
            "stories": len(st_idx.stories),
        }

    def _write_links(self, dirty_events: list[str]) -> None:
        ids = sorted(self._links)
        resolve = self.events.resolve  # an event merged into another since linked
        self.state.set_links(
            ids, [resolve(self._links[i][0]) for i in ids], [self._links[i][1] for i in ids]
        )
        self.state.set_event_stories(
            dirty_events, [self.events.events[e].story_id for e in dirty_events]
        )

    def _articles_by_event(self, event_ids: list[str]):
        for i in range(0, len(event_ids), 500):
            part = event_ids[i : i + 500]
            groups: dict[str, list[Article]] = defaultdict(list)
            for a in self.store.iter_articles(event_ids=part):
                groups[a.event_id or ""].append(a)
            for eid in part:
                yield eid, groups.get(eid, [])

    def _build_events(self, event_ids: list[str]) -> list[Event]:
        out = []
        for eid, arts in self._articles_by_event(event_ids):
            ev = self.events.events[eid]
            dup = set(ev.duplicate_ids)
            canon = [a for a in arts if a.id not in dup] or arts
            date, date_from = self.events.event_date(ev)
            ev.facts = event_facts(canon, day_number(date))
            rec = Event(
                id=eid, date=date, date_from=date_from, article_ids=[a.id for a in canon],
                story_id=ev.story_id,
            )  # fmt: skip
            rec.participants, rec.place = participants_and_place(canon)
            rec.headline = headline(canon)
            if self.summarize:
                rec.summary = summary(canon)
                rec.quotes = group_quotes(canon)
            out.append(rec)
        return out

    def build_story(self, st: StoryState, fresh: list[Event]) -> Story:
        by_id = {e.id: e for e in fresh}
        missing = [e for e in st.event_ids if e not in by_id]
        for d in self.store.event_records(missing):
            by_id[d["id"]] = Event(**d)
        timeline: list[dict[str, Any]] = []
        facts = []
        for eid in st.event_ids:
            rec = by_id.get(eid)
            ev: EventState | None = self.events.events.get(eid)
            if rec is None or ev is None:
                continue
            timeline.append(
                {
                    "date": rec.date, "date_from": rec.date_from, "event_id": eid,
                    "headline": rec.headline, "place": rec.place,
                    "articles": len(rec.article_ids),
                }
            )  # fmt: skip
            facts.append({"id": eid, "date": rec.date, "facts": ev.facts})
        timeline.sort(key=lambda t: (t["date"] is None, t["date"] or "", t["event_id"]))
        return Story(
            id=st.id,
            title=story_title([(t["headline"] or "", t["articles"]) for t in timeline]),
            event_ids=[t["event_id"] for t in timeline],
            timeline=timeline,
            conflicts=compare_story(facts),
        )


def link_new(
    store: Store, summarize: bool = True, articles: Mapping[str, Article] | None = None
) -> dict[str, int]:
    """Link all articles not yet linked (what ``gundem run`` calls after ingest);
    ``articles``: those of them already in memory (by id)."""
    return Linker(store, summarize=summarize).link_pending(articles=articles)
