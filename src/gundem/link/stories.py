"""Stories: events threaded over time by the names they share.

An event's names are those most of its articles report (``event_names``). An event
joins the story of an earlier event it *links* to, else it starts a story. Two events
link when they share at least two names and either

* few events around that day share all of those names (at most ``PAIR_CAP`` within
  ``WINDOW`` days): a frequent pair such as two countries, or a country and its
  capital, is shared by many unrelated events and proves nothing on its own; or
* the second one clearly continues the first: their headline and text words agree
  (idf-weighted cosine of their terms at least ``CONTINUATION``).

Two events between other countries (``sides_differ``: neither's main countries are among
the other's, e.g. Türkiye–İran and Macaristan) do not link: a minister and a capital
shared by both are common to half the news. Among the events an event links to, the
one whose shared names are rarest over all events (summed IDF) wins. Every event of a
story therefore shares two names with another event of it. A story's title is its most
representative headline (``story_title``), never a pair of names.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from gundem.link.events import EventIndex, EventState, _cos
from gundem.link.features import content_stems
from gundem.model import content_id
from gundem.ner.lexicon import COUNTRIES, MULTI_COUNTRIES
from gundem.store.protocols import LinkStateStore
from gundem.turkish.normalize import casefold_tr

CORE_SHARE = 0.3  # a name counts for the event when this share of its articles has it
PROFILE_SIZE = 8
MIN_SHARED = 2  # names two events must share to link
PAIR_CAP = 5  # at most this many events in the window may share a link's names
WINDOW = 14  # days either side counted for PAIR_CAP
CONTINUATION = 0.5  # term cosine above which a frequent pair links all the same
SCAN = 400  # candidate events looked at per event (rarest names first)
TITLE_CHARS = 110


def event_names(ev: EventState) -> set[str]:
    """The names most of the event's articles report (at most ``PROFILE_SIZE``, the most
    reported first); for a one-article event, its most reported names."""
    keys = [k for k, c in ev.names.items() if c / max(ev.n, 1) >= CORE_SHARE or ev.n == 1]
    keys.sort(key=lambda k: (-ev.names[k], -ev.mentions.get(k, 0), k))
    return set(keys[:PROFILE_SIZE])


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(casefold_tr(c) for c in [*COUNTRIES.split(), *MULTI_COUNTRIES])


def event_sides(ev: EventState) -> frozenset[str]:
    """The two countries the event's articles name most, not as the place it happened.
    Only countries our gazetteer knows: a city is not a side."""
    keys = [
        k for k in ev.names
        if k.startswith("GPE|") and ev.locative.get(k, 0) * 2 < ev.names[k]
        and casefold_tr(k[4:]) in _countries()
    ]  # fmt: skip
    keys.sort(key=lambda k: (-ev.names[k], -ev.mentions.get(k, 0), k))
    return frozenset(keys[:2])


def sides_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two events are between other countries: both name sides and neither's
    sides are among the other's (Türkiye–İran vs Macaristan, or vs Türkiye–Rusya; not
    Türkiye–İran vs Türkiye alone)."""
    return bool(a) and bool(b) and not (a <= b or b <= a)


def event_day(ev: EventState) -> int | None:
    """The day most of the event's articles report (earliest on ties)."""
    if not ev.days:
        return None
    return sorted(ev.days.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


@dataclass
class StoryState:
    id: str
    event_ids: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps({"id": self.id, "event_ids": self.event_ids}, ensure_ascii=False)

    @classmethod
    def from_json(cls, s: str) -> StoryState:
        d = json.loads(s)  # older states carried name profiles: ignored
        return cls(id=d["id"], event_ids=list(d.get("event_ids") or []))


class StoryIndex:
    def __init__(self, events: EventIndex) -> None:
        self.ev = events
        self.stories: dict[str, StoryState] = {}
        self.dirty: set[str] = set()
        self._names: dict[str, frozenset[str]] = {}  # event id -> its names when indexed
        self._day: dict[str, int | None] = {}
        self._sides: dict[str, frozenset[str]] = {}
        self.by_name: dict[str, set[str]] = {}  # name -> events naming it (every event)
        self._order: dict[str, list[str]] = {}  # name -> events in stories, in assign order

    # -- the name index over all events ---------------------------------------------------------
    def sync(self, events: Iterable[EventState]) -> None:
        """(Re)index the names of these events (new or grown since indexed)."""
        for ev in events:
            names = frozenset(event_names(ev))
            old = self._names.get(ev.id, frozenset())
            for k in old - names:
                self.by_name.get(k, set()).discard(ev.id)
            for k in names - old:
                self.by_name.setdefault(k, set()).add(ev.id)
            self._names[ev.id] = names
            self._day[ev.id] = event_day(ev)
            self._sides[ev.id] = event_sides(ev)

    def idf(self, key: str) -> float:
        return math.log((len(self._names) + 1) / (len(self.by_name.get(key, ())) + 1)) + 0.1

    def _near(self, day: int | None, other: str) -> bool:
        d = self._day.get(other)
        return day is None or d is None or abs(d - day) <= WINDOW

    def joint(self, shared: set[str], day: int | None, stop: int) -> int:
        """How many events around ``day`` name every one of ``shared`` (counting stops at
        ``stop``)."""
        keys = sorted(shared, key=lambda k: len(self.by_name.get(k, ())))
        rest = keys[1:]
        n = 0
        for eid in self.by_name.get(keys[0], ()):
            names = self._names.get(eid, frozenset())
            if all(k in names for k in rest) and self._near(day, eid):
                n += 1
                if n >= stop:
                    break
        return n

    def link_strength(self, ev: EventState, other: EventState) -> float:
        """How strongly ``ev`` links to ``other`` (summed IDF of the shared names, plus the
        term cosine), or 0.0 when they do not link."""
        shared = set(self._names.get(ev.id, ())) & set(self._names.get(other.id, ()))
        if len(shared) < MIN_SHARED:
            return 0.0
        a, b = self._sides.get(ev.id, frozenset()), self._sides.get(other.id, frozenset())
        if sides_differ(a, b):
            return 0.0  # another pair of countries: another story
        day = self._day.get(ev.id)
        cos = 0.0
        if self.joint(shared, day, PAIR_CAP + 1) > PAIR_CAP:
            cos = self._cos(ev, other)
            if cos < CONTINUATION:
                return 0.0  # a frequent set of names only: no evidence of one story
        return sum(self.idf(k) for k in shared) + cos

    def _cos(self, a: EventState, b: EventState) -> float:
        if not a.terms or not b.terms:
            return 0.0
        ta = {k: v / max(a.n, 1) for k, v in a.terms.items()}
        tb = {k: v / max(b.n, 1) for k, v in b.terms.items()}
        return _cos(ta, tb, self.ev.idf)

    def candidates(self, ev: EventState) -> list[str]:
        """Earlier events in stories naming one of ``ev``'s names, rarest names first, the
        latest first per name (at most ``SCAN``)."""
        seen: dict[str, None] = {}
        names = sorted(self._names.get(ev.id, ()), key=lambda k: (len(self.by_name.get(k, ())), k))
        for k in names:
            for eid in reversed(self._order.get(k, [])):
                if eid != ev.id and eid not in seen:
                    seen[eid] = None
                    if len(seen) >= SCAN:
                        return list(seen)
        return list(seen)

    # -- assignment -----------------------------------------------------------------------------
    def assign_all(self, events: list[EventState]) -> None:
        """Index all these events' names first (so a frequent pair counts in full), then
        thread them in this order (oldest first)."""
        self.sync(events)
        for ev in events:
            self.assign(ev)

    def assign(self, ev: EventState) -> str:
        if ev.story_id and ev.story_id in self.stories:
            return ev.story_id
        if ev.id not in self._names:
            self.sync([ev])
        best, best_s = None, 0.0
        for eid in self.candidates(ev):
            other = self.ev.events.get(eid)
            if other is None or not other.story_id or other.story_id not in self.stories:
                continue
            s = self.link_strength(ev, other)
            if s > best_s:
                best, best_s = other.story_id, s
        if best is None:
            st = StoryState(id="st" + content_id(ev.id, "story:")[:14])
            self.stories[st.id] = st
        else:
            st = self.stories[best]
        st.event_ids.append(ev.id)
        ev.story_id = st.id
        self._post(ev.id)
        self.dirty.add(st.id)
        self.ev.dirty.add(ev.id)
        return st.id

    def _post(self, eid: str) -> None:
        for k in self._names.get(eid, ()):
            self._order.setdefault(k, []).append(eid)

    # -- persistence ----------------------------------------------------------------------------
    def load(self, state: LinkStateStore) -> None:
        for data in state.story_states():
            st = StoryState.from_json(data)
            self.stories[st.id] = st
        self.sync(self.ev.events.values())
        for st in self.stories.values():
            for eid in st.event_ids:
                self._post(eid)

    def flush(self, state: LinkStateStore) -> None:
        if not self.dirty:
            return
        ids = sorted(self.dirty)
        state.put_story_states(ids, [self.stories[i].to_json() for i in ids])
        self.dirty = set()


# -- titles ---------------------------------------------------------------------------------------


def _trim(text: str, limit: int = TITLE_CHARS) -> str:
    text = " ".join(text.split())
    for sep in (" | ", " - ", " – "):  # an outlet's or section's tail
        head = text.rsplit(sep, 1)[0] if sep in text else text
        if len(head) >= 20:
            text = head
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-–")
    return cut + "…"


def story_title(headlines: list[tuple[str, int]]) -> str:
    """The most representative of a story's event headlines ``(headline, articles)``: the
    one whose content words the other headlines share most, weighted by their articles
    (the most reported headline on ties, then the first)."""
    items = [(h, max(n, 1)) for h, n in headlines if h and h.strip()]
    if not items:
        return ""
    stems = [set(content_stems(h)) for h, _ in items]
    best, best_s = 0, -1.0
    for i, (_, n) in enumerate(items):
        s = 0.0
        for j, (_, m) in enumerate(items):
            if i != j and stems[i] and stems[j]:
                s += m * len(stems[i] & stems[j]) / len(stems[i] | stems[j])
        s += 0.01 * n  # ties: the most reported
        if s > best_s:
            best, best_s = i, s
    return _trim(items[best][0])
