"""Stories: events threaded over time by shared principal actors and topic.

An event's profile is the set of names most of its articles report (countries weigh
most; the place where it happened — names used in the locative, Pekin'de — weighs
little). An event joins the story whose recurring names it covers best, and whose
names cover it, else it starts a new story. Candidates come from an inverted index
name → recent stories, so the cost per event is bounded.
"""

from __future__ import annotations

import json
from collections import Counter, deque
from dataclasses import dataclass, field
from functools import lru_cache

from gundem.link.events import EventIndex, EventState, _cos, best_match
from gundem.model import content_id
from gundem.ner.lexicon import COUNTRIES, MULTI_COUNTRIES
from gundem.store.protocols import LinkStateStore
from gundem.turkish.normalize import casefold_tr

THRESHOLD = 0.42  # tuned on bench/gen_corpus.py (0.35–0.47 all give story B-cubed F1 ≥ 0.93)
W_EVENT, W_STORY, W_TERMS = 0.45, 0.45, 0.10
W_SIDES = 0.25  # penalty when event and story each have a country the other lacks
TYPE_WEIGHT = {"GPE": 2.0, "NORP": 1.0, "ORG": 0.3, "PERSON": 0.7, "LOC": 0.5, "FAC": 0.5, "X": 1.0}
PLACE_WEIGHT = 0.25  # names mostly used in the locative: where, not who
CORE_SHARE = 0.3  # a name counts for the event when this share of its articles has it
PROFILE_SIZE = 8
STORY_CORE = 0.5  # a name is core to a story when this share of its events has it
MAX_ENTS = 40
MAX_TERMS = 120
POSTING_CAP = 64


def _norm(d: dict[str, float], n: int) -> dict[str, float]:
    return {k: v / max(n, 1) for k, v in d.items()}


def type_weight(key: str) -> float:
    return TYPE_WEIGHT.get(key.split("|", 1)[0], 0.7)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(casefold_tr(c) for c in [*COUNTRIES.split(), *MULTI_COUNTRIES])


def event_sides(ev: EventState) -> list[str]:
    """The two countries the event's articles name most, not as the place it happened.
    Only countries our gazetteer knows: a city or district ("Ankara", "Çayeli") is
    not a side, or a domestic story splits by town."""
    keys = [
        k for k in ev.names
        if k.startswith("GPE|") and ev.locative.get(k, 0) * 2 < ev.names[k]
        and casefold_tr(k[4:]) in _countries()
    ]  # fmt: skip
    keys.sort(key=lambda k: (-ev.names[k], -ev.mentions.get(k, 0), k))
    return keys[:2]


def event_profile(ev: EventState) -> dict[str, float]:
    """The names most of the event's articles report, most mentioned first (at most
    ``PROFILE_SIZE``), weighted by type (countries first) with places played down."""
    keys = [k for k, c in ev.names.items() if c / max(ev.n, 1) >= CORE_SHARE or ev.n == 1]
    keys.sort(key=lambda k: (-ev.names[k], -ev.mentions.get(k, 0), k))
    out = {}
    for key in keys[:PROFILE_SIZE]:
        w = type_weight(key)
        if ev.locative.get(key, 0) >= max(1, ev.names[key] / 2):
            w *= PLACE_WEIGHT
        out[key] = w
    return out


@dataclass
class StoryState:
    id: str
    ents: dict[str, float] = field(default_factory=dict)  # name -> events reporting it
    terms: dict[str, float] = field(default_factory=dict)
    event_ids: list[str] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)  # name -> profile weight
    sides: dict[str, int] = field(default_factory=dict)  # country -> events it is a side of

    def top_sides(self) -> set[str]:
        return set(sorted(self.sides, key=lambda k: (-self.sides[k], k))[:2])

    def add(self, ev: EventState) -> None:
        self.event_ids.append(ev.id)
        for k in event_sides(ev):
            self.sides[k] = self.sides.get(k, 0) + 1
        for k, w in event_profile(ev).items():
            self.ents[k] = self.ents.get(k, 0.0) + 1
            self.weights[k] = max(self.weights.get(k, 0.0), w)
        for k, v in _norm(ev.terms, ev.n).items():
            self.terms[k] = self.terms.get(k, 0.0) + v
        if len(self.ents) > MAX_ENTS:
            self.ents = dict(sorted(self.ents.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_ENTS])
            self.weights = {k: self.weights.get(k, 1.0) for k in self.ents}
        if len(self.terms) > MAX_TERMS:
            self.terms = dict(
                sorted(self.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
            )

    def share(self, key: str) -> float:
        return self.ents.get(key, 0.0) / max(len(self.event_ids), 1)

    def core(self) -> dict[str, float]:
        c = {k: self.weights.get(k, 1.0) for k in self.ents if self.share(k) >= STORY_CORE}
        if not c:
            top = sorted(self.ents, key=lambda k: (-self.ents[k] * self.weights.get(k, 1.0), k))
            c = {k: self.weights.get(k, 1.0) for k in top[:3]}
        return c

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False)

    @classmethod
    def from_json(cls, s: str) -> StoryState:
        return cls(**json.loads(s))


class StoryIndex:
    def __init__(self, events: EventIndex) -> None:
        self.ev = events
        self.stories: dict[str, StoryState] = {}
        self.by_key: dict[str, deque[str]] = {}
        self.dirty: set[str] = set()

    @staticmethod
    def _keys(prof: dict[str, float], k: int = 8) -> list[str]:
        return sorted(prof, key=lambda e: (-prof[e], e))[:k]

    def score(self, ev: EventState, st: StoryState, prof: dict[str, float] | None = None) -> float:
        prof = event_profile(ev) if prof is None else prof
        if not prof:
            return 0.0
        tot = sum(prof.values())
        cov_e = sum(w * min(1.0, 2 * st.share(k)) for k, w in prof.items()) / tot
        core = st.core()
        cov_s = sum(w for k, w in core.items() if k in prof) / max(sum(core.values()), 1e-9)
        t = _norm(ev.terms, ev.n)
        s_t = _cos(t, st.terms, self.ev.idf) if t and st.terms else 0.0
        s = W_EVENT * cov_e + W_STORY * cov_s + W_TERMS * s_t
        st_sides = st.top_sides()
        ev_sides = set(event_sides(ev))
        if len(st_sides) == 2 and len(ev_sides) == 2 and st_sides != ev_sides:
            s -= W_SIDES  # another pair of countries: another story
        return s

    def assign(self, ev: EventState) -> str:
        if ev.story_id and ev.story_id in self.stories:
            return ev.story_id
        prof = event_profile(ev)
        hits: Counter[str] = Counter()
        for key in self._keys(prof):
            for sid in self.by_key.get(key, ()):
                hits[sid] += 1
        best = best_match(
            (sid for sid, _ in hits.most_common(30)),
            lambda sid: self.score(ev, self.stories[sid], prof),
            THRESHOLD,
        )
        if best is None:
            st = StoryState(id="st" + content_id(ev.id, "story:")[:14])
            self.stories[st.id] = st
        else:
            st = self.stories[best]
        st.add(ev)
        ev.story_id = st.id
        self._index(st)
        self.dirty.add(st.id)
        self.ev.dirty.add(ev.id)
        return st.id

    def _index(self, st: StoryState) -> None:
        for key in self._keys(st.core(), 12):
            dq = self.by_key.setdefault(key, deque(maxlen=POSTING_CAP))
            if st.id in dq:
                dq.remove(st.id)
            dq.append(st.id)

    # -- persistence --------------------------------------------------------------------
    def load(self, state: LinkStateStore) -> None:
        for data in state.story_states():
            st = StoryState.from_json(data)
            self.stories[st.id] = st
            self._index(st)

    def flush(self, state: LinkStateStore) -> None:
        if not self.dirty:
            return
        ids = sorted(self.dirty)
        state.put_story_states(ids, [self.stories[i].to_json() for i in ids])
        self.dirty = set()
