"""Incremental event clustering: one new article is scored against candidate events only.

Candidates come from an inverted index of (entity key, week) for dated articles, capped
posting lists of entity keys and rare terms for undated ones, and the near-duplicate
canonical. The score mixes content cosine (sublinear tf × idf over content stems),
participant/place cosine (idf-weighted entity keys, discounted when the names shared are
few and frequent), quote overlap and date distance, against the event's pooled vectors or
(single link) against one of its most recent reports, whichever is closer; articles more than
``MAX_GAP_DAYS`` apart never share an event.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from gundem.link.features import (
    article_day,
    content_stems,
    entity_features,
    is_locative,
    key_hash,
    locative_names,
    name_runs,
    names_locative,
    norm_name,
    term_vector,
    tr_lower,
)
from gundem.model import Article, content_id
from gundem.store.protocols import LinkStateStore

MAX_GAP_DAYS = 3
THRESHOLD = 0.30  # dated article vs dated event
THRESHOLD_UNDATED = 0.45  # either side undated: no date gate, so ask for more evidence
MAX_TERMS = 150
MAX_ENTS = 40
MAX_QGRAMS = 300
POSTING_CAP = 64  # undated postings keep the most recent events per key
MAX_CANDIDATES = 40
MAX_MEMBERS = 8  # reports an event keeps for the one-report link (the most recent)
MEMBER_TERMS, MEMBER_ENTS = 40, 12  # of each kept report: its rarest terms and names
W_TERMS, W_ENTS, W_QUOTES = 0.55, 0.3, 0.15
W_SAME_STATEMENT = 0.2  # extra weight of quote overlap above 0.2: the same statement reported
W_PENALTY = 0.2  # participants the event always has and the article lacks, and vice versa
LINK_THRESHOLD = 0.33  # the article against one report of the event (``member_score``)
LINK_THRESHOLD_UNDATED = 0.5
NAME_EVIDENCE = 0.75  # shared names' idf, in units of the rarest name's, for full name credit
W_PLACE = 0.3  # the event happened somewhere the article never puts anything
NOVEL_FREE = 0.9  # content cosine at which the article's names new to the event cost nothing
MERGE_MARGIN = 0.05  # a second event the article links this well (score over threshold) ...
MERGE_CLOSE = 0.2  # ... merges with the first when the two events are this close


@dataclass
class ArticleFeatures:
    id: str
    terms: dict[str, float]
    ents: dict[str, float]
    day: int | None
    day_from: str
    qgrams: set[int]  # hashed quote stems and stem bigrams
    names: dict[str, int] = field(default_factory=dict)  # "TYPE|Name" -> mentions
    locs: set[str] = field(default_factory=set)  # names used in the locative (Pekin'de)
    display: dict[str, str] = field(default_factory=dict)  # key -> name as written
    norms: tuple[int, float, float] | None = None

    @classmethod
    def of(cls, article: Article) -> ArticleFeatures:
        day, day_from = article_day(article)
        q: set[int] = set()
        for quote in article.quotes:
            stems = content_stems(quote.text)
            q.update(key_hash(f"{a}_{b}") for a, b in zip(stems, stems[1:], strict=False))
            q.update(key_hash(t) for t in stems)
        names: dict[str, int] = {}
        display: dict[str, str] = {}
        locs: set[str] = set()
        if article.entities:
            for e in article.entities:
                key = sys.intern(f"{e.type}|{norm_name(e.name)}")  # Kim Jong Un = Kim Jong-un
                names[key] = names.get(key, 0) + max(1, len(e.mentions))
                display.setdefault(key, e.name)
                if e.type in ("GPE", "LOC", "FAC") and (
                    is_locative(article.text, e)
                    or names_locative(article.title, {e.name, *e.aliases})
                ):
                    locs.add(key)
        else:
            full = article.title + ".\n" + article.text
            found = locative_names(full)
            found = {norm_name(n) for n in found}
            for n, c in name_runs(full).items():
                key = sys.intern(f"X|{norm_name(n)}")  # Kim Jong Un = Kim Jong-un
                names[key] = names.get(key, 0) + c
                display.setdefault(key, n)
                if norm_name(n) in found:
                    locs.add(key)
        return cls(
            article.id, term_vector(article), entity_features(article), day, day_from, q,
            names, locs, display,
        )  # fmt: skip


@dataclass
class EventState:
    id: str
    n: int = 0
    terms: dict[str, float] = field(default_factory=dict)
    ents: dict[str, float] = field(default_factory=dict)
    days: dict[int, int] = field(default_factory=dict)
    day_sources: dict[str, int] = field(default_factory=dict)
    qgrams: list[int] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    undated_ids: list[str] = field(default_factory=list)
    duplicate_ids: list[str] = field(default_factory=list)
    names: dict[str, int] = field(default_factory=dict)
    locative: dict[str, int] = field(default_factory=dict)
    mentions: dict[str, int] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)
    ent_n: dict[str, int] = field(default_factory=dict)
    facts: dict[str, list] = field(default_factory=dict)
    story_id: str | None = None
    #: the most recent reports' own vectors ([terms, ents], trimmed): a short follow-up
    #: may match one report closely and the event's pooled vector only loosely
    members: list[list[dict[str, float]]] = field(default_factory=list)

    def day_range(self) -> tuple[int, int] | None:
        if not self.days:
            return None
        return min(self.days), max(self.days)

    def add(self, f: ArticleFeatures, rank: Callable[[str], float] | None = None) -> None:
        """Pool ``f`` into the event; ``rank`` (a term's idf) picks what a kept report keeps."""
        self.n += 1
        self.members.append(
            [_top(f.terms, MEMBER_TERMS, rank), _top(f.ents, MEMBER_ENTS, rank, "@")]
        )
        del self.members[:-MAX_MEMBERS]
        self.article_ids.append(f.id)
        for t, w in f.terms.items():
            self.terms[t] = self.terms.get(t, 0.0) + w
        if len(self.terms) > MAX_TERMS:
            self.terms = dict(
                sorted(self.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
            )
        for k, w in f.ents.items():
            self.ents[k] = self.ents.get(k, 0.0) + w
            self.ent_n[k] = self.ent_n.get(k, 0) + 1
        if len(self.ents) > MAX_ENTS:
            self.ents = dict(sorted(self.ents.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_ENTS])
            self.ent_n = {k: self.ent_n.get(k, 1) for k in self.ents}
        if f.day is not None:
            self.days[f.day] = self.days.get(f.day, 0) + 1
            self.day_sources[f.day_from] = self.day_sources.get(f.day_from, 0) + 1
        else:
            self.undated_ids.append(f.id)
        for k, v in f.names.items():
            self.names[k] = self.names.get(k, 0) + 1
            self.mentions[k] = self.mentions.get(k, 0) + v
        for k in f.locs:
            self.locative[k] = self.locative.get(k, 0) + 1
        for k, shown in f.display.items():
            self.display.setdefault(k, shown)
        if len(self.names) > 60:
            keep = sorted(self.names, key=lambda k: (-self.names[k], -self.mentions.get(k, 0), k))
            self.names = {k: self.names[k] for k in keep[:60]}
            self.mentions = {k: self.mentions.get(k, 0) for k in self.names}
            self.display = {k: v for k, v in self.display.items() if k in self.names}
        if f.qgrams and len(self.qgrams) < MAX_QGRAMS:
            have = set(self.qgrams)
            self.qgrams.extend(sorted(f.qgrams - have)[: MAX_QGRAMS - len(self.qgrams)])

    def absorb(self, other: EventState) -> None:
        """Pool another event's state into this one (the two were one event all along)."""
        self.n += other.n
        self.members = (self.members + other.members)[-MAX_MEMBERS:]
        for ids in ("article_ids", "undated_ids", "duplicate_ids"):
            getattr(self, ids).extend(getattr(other, ids))
        for name in ("terms", "ents"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for k, w in theirs.items():
                mine[k] = mine.get(k, 0.0) + w
        for name in ("ent_n", "days", "day_sources", "names", "locative", "mentions"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for k, c in theirs.items():
                mine[k] = mine.get(k, 0) + c
        for k, shown in other.display.items():
            self.display.setdefault(k, shown)
        self.terms = dict(sorted(self.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS])
        self.ents = dict(sorted(self.ents.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_ENTS])
        self.ent_n = {k: self.ent_n.get(k, 1) for k in self.ents}
        if len(self.names) > 60:
            keep = sorted(self.names, key=lambda k: (-self.names[k], -self.mentions.get(k, 0), k))
            self.names = {k: self.names[k] for k in keep[:60]}
            self.mentions = {k: self.mentions.get(k, 0) for k in self.names}
            self.display = {k: v for k, v in self.display.items() if k in self.names}
        have = set(self.qgrams)
        extra = sorted(set(other.qgrams) - have)
        self.qgrams.extend(extra[: max(0, MAX_QGRAMS - len(self.qgrams))])

    def to_json(self) -> str:
        d = self.__dict__.copy()
        d["days"] = {str(k): v for k, v in self.days.items()}
        return json.dumps(d, ensure_ascii=False)

    @classmethod
    def from_json(cls, s: str) -> EventState:
        d = json.loads(s)
        d["days"] = {int(k): v for k, v in d.get("days", {}).items()}
        return cls(**d)


def _top(
    vec: dict[str, float], k: int, rank: Callable[[str], float] | None, prefix: str = ""
) -> dict[str, float]:
    if len(vec) <= k:
        return dict(vec)
    r = rank or (lambda _t: 1.0)
    keep = sorted(vec, key=lambda t: (-vec[t] * r(prefix + t), t))[:k]
    return {t: vec[t] for t in keep}


def best_match(
    candidates: Iterable[str], score: Callable[[str], float], floor: float
) -> str | None:
    """The candidate scoring highest and at least ``floor``; the earliest one on ties."""
    best, best_s = None, floor
    for c in candidates:
        s = score(c)
        if s >= best_s and (best is None or s > best_s):
            best, best_s = c, s
    return best


def _norm_w(a: dict[str, float], idf) -> float:
    return math.sqrt(sum((w * idf(t)) ** 2 for t, w in a.items()))


def _cos(
    a: dict[str, float], b: dict[str, float], idf, na: float | None = None, nb: float | None = None
) -> float:
    """idf-weighted cosine; pass cached norms (``_norm_w``) to skip recomputing them."""
    x, y = (a, b) if len(a) <= len(b) else (b, a)
    dot = 0.0
    for t, w in x.items():
        v = y.get(t)
        if v is not None:
            i = idf(t)
            dot += w * v * i * i
    if dot <= 0:
        return 0.0
    na = _norm_w(a, idf) if na is None else na
    nb = _norm_w(b, idf) if nb is None else nb
    return dot / (na * nb) if na and nb else 0.0


def _place_word(key: str) -> str:
    return tr_lower(key.split("|", 1)[-1].split()[-1])


def place_conflict(f: ArticleFeatures, ev: EventState) -> bool:
    """None of the event's places (locative in half its articles) is among the article's."""
    mine = {_place_word(k) for k in f.locs}
    if not mine or not ev.locative:
        return False
    places = {_place_word(k) for k, c in ev.locative.items() if c * 2 >= ev.n}
    return bool(places) and not (places & mine)


class EventIndex:
    """All events' linking state plus the candidate indexes over them."""

    def __init__(self) -> None:
        self.events: dict[str, EventState] = {}
        self.df: Counter[str] = Counter()
        self.n_docs = 0
        self.dirty: set[str] = set()
        self._df_dirty: set[str] = set()
        self.by_key_week: dict[tuple[str, int], list[str]] = {}
        self.by_week: dict[int, set[str]] = {}  # week -> events with a day in it
        self.undated_by_key: dict[str, deque[str]] = {}
        self.any_by_key: dict[str, deque[str]] = {}
        self._idf_cache: dict[str, float] = {}
        self._idf_n = -1
        self._norms: dict[str, tuple[int, float, float]] = {}  # event -> (epoch, terms, ents)
        #: events made since the last ``flush`` (not in the saved state yet): only these
        #: may be merged into another, so nothing saved or stored ever names a gone event
        self.fresh: set[str] = set()
        self.merged_into: dict[str, str] = {}  # a merged-away event -> the event it is now

    # -- idf -------------------------------------------------------------------------
    def _refresh_idf(self) -> None:
        """Start a new idf epoch when the corpus grew by 5% (idf values and norms cached)."""
        if self._idf_n < 0 or abs(self.n_docs - self._idf_n) > max(5, self._idf_n // 20):
            self._idf_cache.clear()
            self._idf_n = self.n_docs
            self._norms.clear()

    def idf(self, key: str) -> float:
        v = self._idf_cache.get(key)
        if v is None:
            n = max(self._idf_n, 0)
            v = max(0.1, math.log((n + 1) / (self.df.get(key, 0) + 1)) + 1.0)
            self._idf_cache[key] = v
        return v

    def _count_df(self, f: ArticleFeatures) -> None:
        self.n_docs += 1
        for t in f.terms:
            self.df[t] += 1
        for k in f.ents:
            self.df["@" + k] += 1
        self._df_dirty.update(f.terms)
        self._df_dirty.update("@" + k for k in f.ents)

    def ent_idf(self, key: str) -> float:
        return self.idf("@" + key)

    # -- candidates -------------------------------------------------------------------
    def _top_keys(self, f: ArticleFeatures, k_ents: int = 8, k_terms: int = 6) -> list[str]:
        ents = sorted(f.ents, key=lambda k: (-f.ents[k] * self.ent_idf(k), k))[:k_ents]
        terms = sorted(f.terms, key=lambda t: (-f.terms[t] * self.idf(t), t))[:k_terms]
        return ["@" + k for k in ents] + terms

    def candidates(self, f: ArticleFeatures, extra: Iterable[str] = ()) -> list[str]:
        hits: Counter[str] = Counter()
        keys = self._top_keys(f)
        if f.day is not None:
            w = f.day // 7
            for key in keys:
                for ww in (w - 1, w, w + 1):
                    for eid in self.by_key_week.get((key, ww), ()):
                        hits[eid] += 1
                for eid in self.undated_by_key.get(key, ()):
                    hits[eid] += 1
        else:
            for key in keys:
                for eid in self.any_by_key.get(key, ()):
                    hits[eid] += 1
        for eid in extra:
            hits[eid] += 100
        if self.merged_into:
            live: Counter[str] = Counter()
            for eid, n in hits.items():
                live[self.resolve(eid)] += n
            hits = live
        return [e for e, _ in hits.most_common(MAX_CANDIDATES)]

    def resolve(self, eid: str) -> str:
        """The event ``eid`` is part of now (itself unless merged away)."""
        while eid in self.merged_into:
            eid = self.merged_into[eid]
        return eid

    def _index(self, ev: EventState, f: ArticleFeatures) -> None:
        if f.day is not None:
            self._index_week(ev.id, f.day)
        keys = self._top_keys(f)
        for key in keys:
            dq = self.any_by_key.setdefault(key, deque(maxlen=POSTING_CAP))
            if ev.id not in dq:
                dq.append(ev.id)
            if f.day is not None:
                lst = self.by_key_week.setdefault((key, f.day // 7), [])
                if ev.id not in lst:
                    lst.append(ev.id)
            elif not ev.days:
                dq = self.undated_by_key.setdefault(key, deque(maxlen=POSTING_CAP))
                if ev.id not in dq:
                    dq.append(ev.id)

    def event_norms(self, ev: EventState) -> tuple[float, float]:
        c = self._norms.get(ev.id)
        if c is None or c[0] != self._idf_n:
            c = (self._idf_n, _norm_w(ev.terms, self.idf), _norm_w(ev.ents, self.ent_idf))
            self._norms[ev.id] = c
        return c[1], c[2]

    def _fnorms(self, f: ArticleFeatures) -> tuple[float, float]:
        if f.norms is None or f.norms[0] != self._idf_n:
            f.norms = (self._idf_n, _norm_w(f.terms, self.idf), _norm_w(f.ents, self.ent_idf))
        return f.norms[1], f.norms[2]

    def mismatch(self, f: ArticleFeatures, ev: EventState, s_terms: float = 0.0) -> float:
        """0..2: share of the event's core names the article lacks + of its own the event
        lacks, the latter discounted as the wording agrees (``s_terms``, content cosine): a
        follow-up names new people (a victim's family) in the event's own words."""
        if not f.ents or not ev.ents:
            return 0.0
        miss = 0.0
        if ev.n >= 2:
            need = max(2, 0.6 * ev.n)
            core = {k: self.ent_idf(k) * ev.ents[k] / ev.ent_n.get(k, 1)
                    for k in ev.ents if ev.ent_n.get(k, 0) >= need}  # fmt: skip
            tot = sum(core.values())
            if tot:
                miss = sum(w for k, w in core.items() if k not in f.ents) / tot
        # the article's own participants: its most weighted names (type × mentions)
        wmax = max(f.ents.values())
        top = sorted(
            (k for k in f.ents if f.ents[k] >= 0.75 * wmax), key=lambda k: (-f.ents[k], k)
        )[:4]
        tot = sum(f.ents[k] * self.ent_idf(k) for k in top)
        nov = (
            sum(f.ents[k] * self.ent_idf(k) for k in top if k not in ev.ents) / tot if tot else 0.0
        )
        return miss + nov * max(0.0, 1.0 - s_terms / NOVEL_FREE)

    # -- scoring ------------------------------------------------------------------------
    def ent_sim(
        self, a: dict[str, float], b: dict[str, float], na: float | None = None,
        nb: float | None = None,
    ) -> float:  # fmt: skip
        """Participant cosine, scaled down when the names shared are few and frequent: one
        common name ("Türk") alone makes the cosine of two short reports 1."""
        if not a or not b:
            return 0.0
        cos = _cos(a, b, self.ent_idf, na, nb)
        if cos <= 0.0:
            return 0.0
        shared = sum(self.ent_idf(k) for k in (a.keys() & b.keys()))
        return cos * min(1.0, shared / (NAME_EVIDENCE * self.max_idf()))

    def max_idf(self) -> float:
        """The idf of a key seen once (the rarest)."""
        return math.log(max(self._idf_n, 0) + 1) + 1.0

    def member_score(self, f: ArticleFeatures, ev: EventState) -> float:
        """The best content + participant similarity to one of the event's kept reports."""
        if ev.n < 2:
            return 0.0  # the pooled vector is that report
        best = 0.0
        for terms, ents in ev.members:
            s = W_TERMS * _cos(f.terms, terms, self.idf)
            s += W_ENTS * self.ent_sim(f.ents, ents)
            best = max(best, s)
        return best

    def score(self, f: ArticleFeatures, ev: EventState) -> float:
        rng = ev.day_range()
        dated = f.day is not None and rng is not None
        if dated:
            assert f.day is not None and rng is not None  # what dated means
            lo, hi = rng
            gap = 0 if lo <= f.day <= hi else min(abs(f.day - lo), abs(f.day - hi))
            if gap > MAX_GAP_DAYS or max(hi, f.day) - min(lo, f.day) > 2 * MAX_GAP_DAYS:
                return -1.0
        fn = self._fnorms(f)
        en = self.event_norms(ev)
        s_terms = _cos(f.terms, ev.terms, self.idf, fn[0], en[0])
        s_ents = self.ent_sim(f.ents, ev.ents, fn[1], en[1])
        s_q = 0.0
        if f.qgrams and ev.qgrams:
            inter = len(f.qgrams.intersection(ev.qgrams))
            s_q = inter / min(len(f.qgrams), len(ev.qgrams))
        s = W_TERMS * s_terms + W_ENTS * s_ents + W_QUOTES * s_q
        s += W_SAME_STATEMENT * max(0.0, s_q - 0.2)
        s -= W_PENALTY * self.mismatch(f, ev, s_terms)
        place = W_PLACE if place_conflict(f, ev) else 0.0
        s -= place
        # or close to one of its reports (a short follow-up worded like the first report)
        link = self.member_score(f, ev) - place
        if dated:
            s += 0.04 if gap <= 1 else 0.0
            return max(s - THRESHOLD, link - LINK_THRESHOLD - (0.0 if gap <= 1 else 0.04))
        return max(s - THRESHOLD_UNDATED, link - LINK_THRESHOLD_UNDATED)

    # -- assignment -------------------------------------------------------------------------
    def assign(
        self,
        article: Article,
        canonical_event: str | None = None,
        fallback: Callable[[dict[str, list[str]]], str | None] | None = None,
    ) -> str:
        """Put one article into its best event (or a new one); return the event id.

        ``fallback`` gets a dated article's candidate events within the date window
        (event id → article ids, best lexical score first) when none scores enough."""
        f = ArticleFeatures.of(article)
        self._count_df(f)
        self._refresh_idf()
        if canonical_event and canonical_event in self.events:
            ev = self.events[canonical_event]
        else:
            cands = self.candidates(f)
            scores = {eid: self.score(f, self.events[eid]) for eid in cands}
            best = best_match(cands, scores.__getitem__, 0.0)
            if best is not None:
                best = self._merge_linked(
                    best, [e for e in cands if e != best and scores[e] >= MERGE_MARGIN]
                )
            if best is None and fallback is not None and f.day is not None:
                best = fallback(self._in_window(f, cands))
            if best is None:
                ev = EventState(id="ev" + content_id(article.id, "event:")[:14])
                self.events[ev.id] = ev
                self.fresh.add(ev.id)
            else:
                ev = self.events[best]
        ev.add(f, self.idf)
        self._norms.pop(ev.id, None)
        self._index(ev, f)
        self.dirty.add(ev.id)
        return ev.id

    def _merge_linked(self, best: str, others: list[str]) -> str:
        """The article links ``best`` and each of ``others`` well: where two of these events
        are close to each other too, they are one event reported in two strands (a follow-up
        naming new people, then one that names both). Merge them, keeping a saved event's id
        (only events not saved yet are merged away); return the event the article joins."""
        for other in others:
            if other not in self.events or other == best:
                continue
            a, b = self.events[best], self.events[other]
            if a.id not in self.fresh and b.id not in self.fresh:
                continue
            if not self.events_close(a, b):
                continue
            keep, gone = (a, b) if self._survives(a, b) else (b, a)
            keep.absorb(gone)
            del self.events[gone.id]
            self.fresh.discard(gone.id)
            self.dirty.discard(gone.id)
            self._norms.pop(gone.id, None)
            self._norms.pop(keep.id, None)
            self.merged_into[gone.id] = keep.id
            self._reindex(keep)
            self.dirty.add(keep.id)
            best = keep.id
        return best

    def _survives(self, a: EventState, b: EventState) -> bool:
        if (a.id in self.fresh) != (b.id in self.fresh):
            return a.id not in self.fresh
        return (a.n, b.id) >= (b.n, a.id)

    def events_close(self, a: EventState, b: EventState) -> bool:
        """Two events close enough to be one: their pooled vectors, as an article would be
        scored against the other, or (single link) one report of one close to the other."""
        ra, rb = a.day_range(), b.day_range()
        if ra and rb and max(ra[1], rb[1]) - min(ra[0], rb[0]) > 2 * MAX_GAP_DAYS:
            return False
        s_terms = _cos(a.terms, b.terms, self.idf)
        s_ents = self.ent_sim(a.ents, b.ents)
        return W_TERMS * s_terms + W_ENTS * s_ents >= MERGE_CLOSE

    def _in_window(self, f: ArticleFeatures, cands: list[str], k: int = 16) -> dict[str, list[str]]:
        """Up to ``k`` events the date gate lets through (the candidates and every event
        dated within a week of the article), best lexical score first."""
        assert f.day is not None
        week = f.day // 7
        pool = set(cands).union(*(self.by_week.get(w, ()) for w in (week - 1, week, week + 1)))
        pool = {self.resolve(e) for e in pool}
        scored = sorted(((self.score(f, self.events[e]), e) for e in pool), reverse=True)
        return {e: self.events[e].article_ids for s, e in scored[:k] if s > -1.0}

    def event_date(self, ev: EventState) -> tuple[str | None, str]:
        """(ISO date, date_from) for an event: the most reported day, earliest on ties."""
        if not ev.days:
            return None, ""
        from datetime import date

        day = sorted(ev.days.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if ev.undated_ids:
            src = "propagated"
        elif ev.day_sources.get("articles"):
            src = "articles"
        else:
            src = "times"
        return date.fromordinal(day).isoformat(), src

    # -- persistence ------------------------------------------------------------------------
    def load(self, state: LinkStateStore) -> None:
        for key, df in state.document_frequencies():
            self.df[key] = df
        n = 0
        for data in state.event_states():
            ev = EventState.from_json(data)
            self.events[ev.id] = ev
            n += ev.n
        self.n_docs = n
        self._refresh_idf()
        for ev in self.events.values():
            self._reindex(ev)

    def _index_week(self, eid: str, day: int) -> None:
        self.by_week.setdefault(day // 7, set()).add(eid)

    def _reindex(self, ev: EventState) -> None:
        for d in ev.days:
            self._index_week(ev.id, d)
        f = ArticleFeatures(ev.id, ev.terms, ev.ents, None, "", set())
        keys = self._top_keys(f, 12, 10)
        for key in keys:
            self.any_by_key.setdefault(key, deque(maxlen=POSTING_CAP)).append(ev.id)
            if not ev.days:
                self.undated_by_key.setdefault(key, deque(maxlen=POSTING_CAP)).append(ev.id)
            for d in ev.days:
                lst = self.by_key_week.setdefault((key, d // 7), [])
                if ev.id not in lst:
                    lst.append(ev.id)

    def flush(self, state: LinkStateStore) -> None:
        self.fresh = set()
        if self.dirty:
            ids = sorted(self.dirty)
            state.put_event_states(ids, [self.events[i].to_json() for i in ids])
        if self._df_dirty:
            keys = sorted(self._df_dirty)
            state.put_document_frequencies(keys, [int(self.df[k]) for k in keys])
            self._df_dirty = set()

    def stats(self) -> dict[str, Any]:
        return {"events": len(self.events), "docs": self.n_docs}
