"""Corpus views for answers: articles with analysed sentences, the entity lexicon, candidate
articles from the search index, and citations (outlet, title, date, URL)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gundem.ask.kinds import QUESTION_WORDS, ParsedQuestion, QEntity
from gundem.store.search import analyze
from gundem.turkish import article_sentences, fold

if TYPE_CHECKING:  # pragma: no cover
    from gundem.model import Article, Quote
    from gundem.store.db import Store
    from gundem.store.search import SearchIndex

MAX_ARTICLES = 40

# -- corpus views -------------------------------------------------------------------------------


class ArticleView:
    """One article with lazily analysed sentences."""

    def __init__(self, a: Article) -> None:
        self.a = a
        self.spans = article_sentences(a)
        self._stems: list[list[str]] | None = None
        self._flat: list[str] | None = None

    @property
    def stems(self) -> list[list[str]]:
        if self._stems is None:
            self._stems = [analyze(self.a.text[s:e], keep_stopwords=True) for s, e in self.spans]
        return self._stems

    @property
    def flat(self) -> list[str]:
        """Stems of the whole article: its title and dateline (kept apart from the body by
        the cleaner, or never in it) and every sentence."""
        if self._flat is None:
            meta = analyze(f"{self.a.title} . {self.a.dateline}", keep_stopwords=True)
            self._flat = meta + [s for st in self.stems for s in st]
        return self._flat

    def sentence(self, i: int) -> str:
        s, e = self.spans[i]
        return self.a.text[s:e]

    def index_at(self, pos: int) -> int:
        for i, (s, e) in enumerate(self.spans):
            if pos < e:
                return i if pos >= s or i == 0 else i
        return len(self.spans) - 1

    def indices_between(self, start: int, end: int) -> list[int]:
        return [i for i, (s, e) in enumerate(self.spans) if s < max(end, start + 1) and e > start]

    def quote_indices(self, q: Quote) -> list[int]:
        """Sentences a quote spans: by its offsets, else where its text is found."""
        idxs = self.indices_between(q.start, q.end) if q.end > q.start else []
        if not idxs:
            i = self.find(q.text)
            idxs = [i] if i >= 0 else []
        return idxs

    def find(self, needle: str) -> int:
        """Index of the sentence holding ``needle`` (first 40 chars), -1 if absent."""
        if not needle:
            return -1
        pos = self.a.text.find(needle[:40].strip())
        return self.index_at(pos) if pos >= 0 else -1

    def cite(self, i: int) -> dict[str, Any]:
        return {
            "article_id": self.a.id, "sentence": self.sentence(i), "sentence_idx": i,
            "title": self.a.title, "outlet": self.a.outlet, "published": self.a.published,
            "url": self.a.url, "lead": "" if self.a.title else self.lead(),
        }  # fmt: skip

    def lead(self, limit: int = 90) -> str:
        """The article's opening words: what a reader recognises it by when it has no title."""
        first = self.sentence(0) if self.spans else self.a.text
        return first if len(first) <= limit else first[:limit].rsplit(" ", 1)[0] + "…"

    def paragraph_of(self, i: int) -> list[int]:
        s, _ = self.spans[i]
        text = self.a.text
        p0 = text.rfind("\n\n", 0, s)
        p1 = text.find("\n\n", s)
        p0 = 0 if p0 < 0 else p0
        p1 = len(text) if p1 < 0 else p1
        return [j for j, (a, b) in enumerate(self.spans) if a >= p0 and b <= p1]


def has(seq: Sequence[str], key: tuple[str, ...]) -> bool:
    n = len(key)
    if n == 1:
        return key[0] in seq
    return any(tuple(seq[i : i + n]) == key for i in range(len(seq) - n + 1))


def mentions(stems: list[str], e: QEntity) -> bool:
    return any(has(stems, k) for k in e.keys)


_lex_cache: dict[str, tuple[int, dict[tuple[str, ...], tuple[str, str]]]] = {}
_lex_lock = threading.Lock()


def lexicon(store: Store) -> dict[tuple[str, ...], tuple[str, str]]:
    """Stem sequences of every entity name and alias → (canonical name, type), most-mentioned first."""
    n = store.count("article_entities")
    key = f"{store.path}:{id(store) if store.path == ':memory:' else ''}"
    with _lex_lock:
        hit = _lex_cache.get(key)
        if hit and hit[0] == n:
            return hit[1]
    lex: dict[tuple[str, ...], tuple[str, str]] = {}
    singles: dict[tuple[str, ...], tuple[str, str]] = {}
    for name, etype, aliases, _c in store.entity_names():
        names = [name, *aliases]
        for nm in names:
            k = tuple(analyze(nm, keep_stopwords=True))
            if k and k not in lex:
                lex[k] = (name, etype)
        if etype == "PERSON":
            for t in analyze(name, keep_stopwords=True):
                if len(t) >= 3 and (t,) not in singles and t not in QUESTION_WORDS:
                    singles[(t,)] = (name, etype)
    for k, v in singles.items():
        lex.setdefault(k, v)
    with _lex_lock:
        _lex_cache[key] = (n, lex)
    return lex


def expand(e: QEntity, lex: dict[tuple[str, ...], tuple[str, str]]) -> None:
    """Every key of the canonical entity matches it (Putin ↔ Vladimir Putin)."""
    target = fold(e.name)  # "Bursa" in the question, "BURSA" in a dateline
    for k, (name, _t) in lex.items():
        if name == e.name or fold(name) == target:
            e.keys.add(k)


def load(store: Store, ids: list[str]) -> list[ArticleView]:
    if not ids:
        return []
    by_id = {a.id: a for a in store.iter_articles(ids=ids)}
    return [ArticleView(by_id[i]) for i in ids if i in by_id]


def candidates(index: SearchIndex, store: Store, pq: ParsedQuestion, extra: list[str] | None = None,
                limit: int = MAX_ARTICLES) -> list[ArticleView]:  # fmt: skip
    terms = [t for k in (e.keys for e in pq.entities) for key in k for t in key]
    terms += [t for t in pq.terms if t not in QUESTION_WORDS] + (extra or [])
    if not terms:
        return []
    hits = index.search_terms(list(dict.fromkeys(terms)), None, limit, level="article")
    return load(store, [h.article_id for h in hits])


def event_flat(views: list[ArticleView]) -> dict[str, list[str]]:
    """Article id → stems of every candidate article of its event: a report may say "iki
    ülke" where another report of the same event (or its title) names the countries."""
    by_event: dict[str, list[str]] = {}
    for v in views:
        if v.a.event_id:
            by_event.setdefault(v.a.event_id, []).extend(v.flat)
    return {v.a.id: by_event.get(v.a.event_id or "", v.flat) for v in views}


def speaker_matches(q: Quote, e: QEntity) -> bool:
    if not q.speaker:
        return False
    if fold(q.speaker) == fold(e.name):
        return True
    return mentions(analyze(q.speaker, keep_stopwords=True), e)


def date_label(v: ArticleView) -> str:
    parts = [p for p in (v.a.outlet, v.a.published) if p]
    return f" ({', '.join(parts)})" if parts else ""


def cite_label(c: dict[str, Any]) -> str:
    """Outlet, “title” (or the opening words of an untitled text), date, URL of a citation;
    the article id only when none is known."""
    parts = [c.get("outlet") or ""]
    if c.get("title") or c.get("lead"):
        parts.append(f"“{c.get('title') or c['lead']}”")
    parts += [c.get("published") or "", c.get("url") or ""]
    label = ", ".join(p for p in parts if p)
    return label or str(c.get("article_id", ""))
