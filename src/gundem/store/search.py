"""Full-text search over the store: BM25 (tantivy) with Turkish analysis.

The store says where the index lives (``Store.index_path``: beside the DuckDB file,
``gundem.duckdb.index/``) and opens it (``store.search_index()``). It holds two
kinds of documents: one per sentence (answers cite sentences) and one per article
(title + text, for ranking whole articles). Text is folded the Turkish way
(İ→i, I→ı) and reduced to akana morphological roots before tantivy sees it, so
"Putin’in" finds "Putin" and "askerlerini" finds "asker".

    idx = store.search_index()
    idx.update(store)                    # incremental: new/changed/deleted articles
    hits = idx.search("Putin’in mesajı", SearchFilters(outlet="abna"), limit=10)
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gundem.turkish import (
    article_sentences,
    fold,
    sentence_index,
    split_sentences,
    stem,
    word_term,
    words,
)
from gundem.turkish.lexicon import SEARCH_STOPWORDS
from gundem.turkish.morphology import bare_proper

if TYPE_CHECKING:  # pragma: no cover
    from gundem.model import Article
    from gundem.store.db import Store

log = logging.getLogger(__name__)

INDEX_VERSION = 2  # 2: article documents carry their signature ("sig")
MAX_LIMIT = 1000

# -- Turkish analysis (the text layer: gundem.turkish) ------------------------------------

STOPWORDS = _STOP = SEARCH_STOPWORDS


def tokens(text: str) -> list[str]:
    """Folded surface tokens (apostrophe suffixes kept)."""
    return words(fold(text))


def raw_tokens(text: str) -> list[str]:
    """Surface tokens with their case (apostrophe suffixes kept)."""
    return words(text)


def analyze(text: str, keep_stopwords: bool = False, expand: bool | None = None) -> list[str]:
    """Folded, stemmed terms of a text (what is indexed and what is queried).

    ``expand`` (default: when stopwords are dropped, i.e. for the index) also emits the root of
    a capitalised word, so a sentence-initial "Askerler" still matches "asker". Without it
    there is exactly one term per word (positions line up for phrase-like matching in ``ask``).
    """
    if expand is None:
        expand = not keep_stopwords
    out = []
    for raw in raw_tokens(text):
        t = word_term(raw)
        if not t or (not keep_stopwords and t in _STOP):
            continue
        out.append(t)
        if expand and bare_proper(raw):
            r = stem(t)
            if r != t and r not in _STOP:
                out.append(r)
    return out


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def sentence_at(text: str, pos: int) -> tuple[int, str]:
    """Index and text of the sentence containing character ``pos``."""
    spans = split_sentences(text)
    i = sentence_index(spans, pos)
    return (i, text[spans[i][0] : spans[i][1]]) if i >= 0 else (-1, "")


# -- results and filters -----------------------------------------------------------------------


@dataclass
class Hit:
    article_id: str
    sentence_idx: int  # -1 for an article-level hit without a matching sentence
    text: str  # the sentence (or the title for article hits without a sentence)
    score: float
    title: str = ""
    published: str | None = None
    outlet: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchFilters:
    date_from: str | None = None  # ISO date (inclusive); YYYY or YYYY-MM allowed
    date_to: str | None = None
    entity: str | None = None  # canonical name, alias or entity id
    outlet: str | None = None
    event: str | None = None
    story: str | None = None
    language: str | None = None
    article_ids: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not any(asdict(self).values())


def _date_int(value: str | None, upper: bool = False) -> int | None:
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
    if not m:
        raise ValueError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else (12 if upper else 1)
    d = int(m.group(3)) if m.group(3) else (31 if upper else 1)
    return y * 10000 + mo * 100 + d


def _key(value: str) -> str:
    return " ".join(tokens(value))


# -- the index ---------------------------------------------------------------------------------


def index_path(db_path: str | Path) -> Path:
    """The index folder beside a DuckDB file (what ``Store.index_path`` is for a file)."""
    return Path(str(db_path) + ".index")


def _signature(row: tuple) -> str:
    return hashlib.sha1(json.dumps(row, default=str, ensure_ascii=False).encode()).hexdigest()[:16]


class SearchIndex:
    """A tantivy index beside the DuckDB file; sentence- and article-level BM25.

    Crash safety: each article's signature is stored in its article document, so the
    index is its own record of what it holds. The state file beside it is a cache, trusted
    only when it names the opstamp of the index's last commit; otherwise (a crash between
    the commit and the state write) it is read back from the index. Re-indexing an article
    always deletes its documents first. An index that cannot be opened is rebuilt.

    ``read_only`` (search commands): nothing on disk is written. An index that is missing,
    damaged or of an older layout is built in memory for this process instead; one that is
    behind the store is searched as it is, with a warning (``gundem index`` updates it)."""

    def __init__(
        self, db_path: str | Path, path: str | Path | None = None, read_only: bool = False
    ) -> None:
        import tantivy

        self._t = tantivy
        self.path = Path(path) if path else index_path(db_path)
        self._state_file = self.path / "gundem-state.json"
        self._lock = threading.Lock()
        self.read_only = read_only
        self.in_memory = False
        self.schema = self._schema()
        self._open()

    # schema ----------------------------------------------------------------
    def _schema(self) -> Any:
        t = self._t
        b = t.SchemaBuilder()
        b.add_text_field("kind", stored=False, tokenizer_name="raw", index_option="basic")
        b.add_text_field("article_id", stored=True, tokenizer_name="raw", index_option="basic")
        b.add_text_field("sig", stored=True, tokenizer_name="raw", index_option="basic")
        b.add_integer_field("sidx", stored=True, indexed=False)
        b.add_text_field("body", stored=False, tokenizer_name="whitespace", index_option="freq")
        b.add_text_field("text", stored=True, tokenizer_name="raw", index_option="basic")
        b.add_text_field("title", stored=True, tokenizer_name="raw", index_option="basic")
        b.add_text_field("published", stored=True, tokenizer_name="raw", index_option="basic")
        b.add_integer_field("date", stored=False, indexed=True, fast=True)
        b.add_text_field("outlet", stored=True, tokenizer_name="raw", index_option="basic")
        b.add_text_field("f_outlet", stored=False, tokenizer_name="raw", index_option="basic")
        b.add_text_field("f_entity", stored=False, tokenizer_name="raw", index_option="basic")
        b.add_text_field("f_event", stored=False, tokenizer_name="raw", index_option="basic")
        b.add_text_field("f_story", stored=False, tokenizer_name="raw", index_option="basic")
        b.add_text_field("f_lang", stored=False, tokenizer_name="raw", index_option="basic")
        return b.build()

    def _open(self) -> None:
        """Open the index; one that cannot be opened (damaged, or an older layout) is
        started afresh: ``update`` then rebuilds it from the store, and ``self.rebuilt``
        says why."""
        self.rebuilt: str | None = None
        if self.read_only:
            return self._open_read_only()
        state = self._read_state()
        if self._meta().get("schema") and not self._layout_ok():
            self._reset("an older index layout")
            state = {}
        try:
            self._open_tantivy()
        except (ValueError, OSError) as exc:  # tantivy reports damage as ValueError
            self._reset(f"damaged ({str(exc).splitlines()[0][:160]})")
            self._open_tantivy()
            state = {}
        if state.get("opstamp") != self._opstamp() or not isinstance(state.get("articles"), dict):
            # the last commit's state write did not happen (a crash between the two):
            # the index itself says which articles it holds
            state = {"version": INDEX_VERSION, "articles": self._indexed_signatures()}
        self._state = state

    def _open_read_only(self) -> None:
        why = None
        if not (self.path / "meta.json").is_file():
            why = "missing"
        elif not self._layout_ok():
            why = "an older index layout"
        else:
            try:
                self._check_segments(self._t.Index.open(str(self.path)))
            except (ValueError, OSError) as exc:
                why = f"damaged ({str(exc).splitlines()[0][:160]})"
        if why is not None:  # searched from memory; the next writer repairs the files
            log.warning("search index %s: %s; building it in memory for this search "
                        "(gundem index --rebuild repairs it)", self.path, why)  # fmt: skip
            self.rebuilt, self.in_memory = why, True
            self.index = self._t.Index(self.schema)
            self._state = {"version": INDEX_VERSION, "articles": {}}
            return
        state = self._read_state()
        if state.get("opstamp") != self._opstamp() or not isinstance(state.get("articles"), dict):
            state = {"version": INDEX_VERSION, "articles": self._indexed_signatures()}
        self._state = state

    def _check_segments(self, index: Any) -> None:
        self.index = index
        searcher = index.searcher()  # opens every segment file (footers checked)
        if searcher.num_docs:
            q = self._t.Query.term_query(self.schema, "kind", "a")
            for _, addr in searcher.search(q, 1, count=False).hits:
                searcher.doc(addr)

    def _open_tantivy(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        self._check_segments(self._t.Index(self.schema, path=str(self.path), reuse=True))

    def _reset(self, why: str) -> None:
        log.warning("search index %s: %s; rebuilding it from the store", self.path, why)
        self.rebuilt = why
        shutil.rmtree(self.path, ignore_errors=True)

    def _meta(self) -> dict[str, Any]:
        """tantivy's own meta.json (segments, schema, opstamp of the last commit); {} if unreadable."""
        try:
            meta = json.loads((self.path / "meta.json").read_text())
        except (OSError, ValueError):
            return {}
        return meta if isinstance(meta, dict) else {}

    def _layout_ok(self) -> bool:
        fields = {f.get("name") for f in self._meta().get("schema", []) if isinstance(f, dict)}
        return "sig" in fields  # the field INDEX_VERSION 2 added

    def _opstamp(self) -> int | None:
        stamp = self._meta().get("opstamp")
        return stamp if isinstance(stamp, int) else None

    def _indexed_signatures(self) -> dict[str, str]:
        """article id → signature, read from the index's article documents."""
        searcher = self.index.searcher()
        if not searcher.num_docs:
            return {}
        q = self._t.Query.term_query(self.schema, "kind", "a")
        out: dict[str, str] = {}
        for _, addr in searcher.search(q, searcher.num_docs, count=False).hits:
            d = searcher.doc(addr)
            out[d["article_id"][0]] = (d.get_all("sig") or [""])[0]
        return out

    def _read_state(self) -> dict[str, Any]:
        try:
            state = json.loads(self._state_file.read_text())
        except (OSError, ValueError):
            return {}
        return state if isinstance(state, dict) else {}

    def _write_state(self) -> None:
        self._state["opstamp"] = self._opstamp()
        tmp = self._state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._state))
        tmp.replace(self._state_file)

    # writing ---------------------------------------------------------------
    def _docs(self, a: Article, sig: str = "") -> Iterator[Any]:
        t = self._t
        ents: set[str] = set()
        for e in a.entities:
            ents.add(_key(e.name))
            if e.id:
                ents.add(e.id)
            ents.update(_key(x) for x in e.aliases)
        ents.discard("")
        date = _date_int(a.published) if a.published else None
        common: dict[str, Any] = {
            "article_id": a.id,
            "title": a.title or "",
            "published": a.published or "",
            "outlet": a.outlet or "",
            "f_outlet": _key(a.outlet or ""),
            "f_event": a.event_id or "",
            "f_story": a.story_id or "",
            "f_lang": (a.language or "").lower(),
        }

        def make(kind: str, sidx: int, body: list[str], text: str) -> Any:
            d = t.Document()
            d.add_text("kind", kind)
            d.add_integer("sidx", sidx)
            d.add_text("body", " ".join(body))
            d.add_text("text", text[:8000])
            for k, v in common.items():
                if v:
                    d.add_text(k, v)
            for e in ents:
                d.add_text("f_entity", e)
            d.add_integer("date", date if date else 0)
            return d

        title_terms = analyze(a.title or "")
        all_terms = list(title_terms) * 2
        text = a.text or ""
        for i, (start, end) in enumerate(article_sentences(a)):
            s = text[start:end]
            terms = analyze(s)
            all_terms.extend(terms)
            if terms:
                yield make("s", i, terms, s)
        doc = make("a", -1, all_terms, a.title or "")
        doc.add_text("sig", sig)
        yield doc

    def update(
        self, store: Store, batch: int = 2000, articles: Mapping[str, Article] | None = None
    ) -> dict[str, int]:
        """Bring the index in line with the store: add new and changed articles, drop deleted.
        ``articles``: stored articles already in memory (by id), not read again; the fields
        linking may have changed since (event, story) are taken from the store's row.

        Returns counts ``{"added", "updated", "deleted", "total"}``. Cheap when nothing changed
        (one SELECT of article signatures).
        """
        with self._lock:
            rows = store.article_signatures()
            rows_by_id = {r[0]: r for r in rows}
            known: dict[str, str] = self._state["articles"]
            current = {r[0]: _signature(r[1:]) for r in rows}
            todo = [i for i, sig in current.items() if known.get(i) != sig]
            gone = [i for i in known if i not in current]
            counts = {"added": 0, "updated": 0, "deleted": len(gone), "total": len(current)}
            if not todo and not gone:
                return counts
            if self.read_only and not self.in_memory:
                log.warning("search index %s is behind the store (%d articles to index, %d to "
                            "drop); run `gundem index` to update it", self.path, len(todo), len(gone))  # fmt: skip
                return counts
            writer = self.index.writer(heap_size=128_000_000, num_threads=1)
            for i in gone:
                writer.delete_documents_by_term("article_id", i)
                known.pop(i, None)
            for k in range(0, len(todo), batch):
                ids = todo[k : k + batch]
                for a in self._changed(store, ids, rows_by_id, articles or {}):
                    # always: an article is in the index once, whatever the state says
                    writer.delete_documents_by_term("article_id", a.id)
                    counts["updated" if a.id in known else "added"] += 1
                    for d in self._docs(a, current[a.id]):
                        writer.add_document(d)
                    known[a.id] = current[a.id]
            writer.commit()
            writer.wait_merging_threads()
            if not self.in_memory:
                self._write_state()
            self.index.reload()
            return counts

    @staticmethod
    def _changed(
        store: Store, ids: list[str], rows: Mapping[str, tuple], known: Mapping[str, Article]
    ) -> list[Article]:
        """These articles in the store's order (published, id; undated last): from memory
        where given (with the signature row's title, outlet, date, language, event and
        story), else read from the store."""
        out: list[Article] = []
        for i in ids:
            a = known.get(i)
            if a is not None and len(a.text) == rows[i][7]:
                _, title, outlet, published, language, event_id, story_id, _n = rows[i]
                out.append(replace(a, title=title, outlet=outlet, published=published,
                                   language=language, event_id=event_id, story_id=story_id))  # fmt: skip
        have = {a.id for a in out}
        missing = [i for i in ids if i not in have]
        if missing:
            out.extend(store.iter_articles(ids=missing))
        return sorted(out, key=lambda a: (a.published is None, a.published or "", a.id))

    def rebuild(self, store: Store) -> dict[str, int]:
        """Drop the index and index every stored article again (``gundem index --rebuild``)."""
        if self.read_only:
            raise ValueError("a read-only search index cannot be rebuilt")
        with self._lock:
            shutil.rmtree(self.path, ignore_errors=True)
            self._open()
        return self.update(store)

    # reading ---------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._state["articles"])

    @property
    def num_docs(self) -> int:
        """Documents in the index (sentences and articles)."""
        return self.index.searcher().num_docs

    def _filter_queries(self, f: SearchFilters | None) -> list[Any]:
        if f is None or f.empty():
            return []
        Q, s = self._t.Query, self.schema
        out = []
        if f.date_from or f.date_to:
            lo = _date_int(f.date_from) or 0
            hi = _date_int(f.date_to, upper=True) or 99991231
            out.append(Q.range_query(s, "date", self._t.FieldType.Integer, lo, hi))
        if f.entity:
            out.append(Q.term_set_query(s, "f_entity", [_key(f.entity), f.entity]))
        if f.outlet:
            out.append(Q.term_query(s, "f_outlet", _key(f.outlet)))
        if f.event:
            out.append(Q.term_query(s, "f_event", f.event))
        if f.story:
            out.append(Q.term_query(s, "f_story", f.story))
        if f.language:
            out.append(Q.term_query(s, "f_lang", f.language.lower()))
        if f.article_ids:
            out.append(Q.term_set_query(s, "article_id", list(f.article_ids)))
        return out

    def _query(self, terms: Iterable[str], kind: str, filters: SearchFilters | None) -> Any:
        Q, s, Occur = self._t.Query, self.schema, self._t.Occur
        uniq = list(dict.fromkeys(terms))
        clauses: list[tuple[Any, Any]] = [(Occur.Must, Q.term_query(s, "kind", kind))]
        clauses += [(Occur.Must, q) for q in self._filter_queries(filters)]
        if uniq:
            should = [(Occur.Should, Q.term_query(s, "body", w, index_option="freq")) for w in uniq]
            clauses.append((Occur.Must, Q.boolean_query(should)))
        return Q.boolean_query(clauses)

    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        limit: int = 10,
        level: str = "sentence",
        offset: int = 0,
    ) -> list[Hit]:
        """BM25 search. ``level="sentence"`` returns sentences; ``"article"`` returns one hit per
        article (best matching sentence as text). An empty query with filters lists matches."""
        if level not in ("sentence", "article"):
            raise ValueError("level must be 'sentence' or 'article'")
        limit = max(1, min(int(limit), MAX_LIMIT))
        terms = analyze(query)
        if not terms and (filters is None or filters.empty()):
            return []
        searcher = self.index.searcher()
        kind = "s" if level == "sentence" else "a"
        res = searcher.search(self._query(terms, kind, filters), limit, count=False, offset=offset)
        hits = [self._hit(searcher.doc(addr), score) for score, addr in res.hits]
        if level == "article" and terms:
            for h in hits:
                best = self.search_raw_terms(terms, searcher, h.article_id)
                if best is not None:
                    h.sentence_idx, h.text = best
        return hits

    def search_raw_terms(
        self, terms: list[str], searcher: Any, article_id: str
    ) -> tuple[int, str] | None:
        f = SearchFilters(article_ids=[article_id])
        res = searcher.search(self._query(terms, "s", f), 1, count=False)
        if not res.hits:
            return None
        d = searcher.doc(res.hits[0][1])
        return int(d["sidx"][0]), d["text"][0]

    def search_terms(
        self,
        terms: list[str],
        filters: SearchFilters | None = None,
        limit: int = 10,
        level: str = "sentence",
    ) -> list[Hit]:
        """Like :meth:`search` with already analysed terms (used by ``ask``)."""
        searcher = self.index.searcher()
        kind = "s" if level == "sentence" else "a"
        res = searcher.search(self._query(terms, kind, filters), limit, count=False)
        return [self._hit(searcher.doc(addr), score) for score, addr in res.hits]

    @staticmethod
    def _hit(d: Any, score: float) -> Hit:
        def one(name: str) -> Any:
            v = d.get_all(name) if hasattr(d, "get_all") else d[name]
            return v[0] if v else None

        return Hit(
            article_id=one("article_id") or "",
            sentence_idx=int(one("sidx") if one("sidx") is not None else -1),
            text=one("text") or "",
            score=float(score),
            title=one("title") or "",
            published=one("published") or None,
            outlet=one("outlet") or "",
        )


def open_index(
    db_path: str | Path, store: Store | None = None, read_only: bool = False
) -> SearchIndex:
    """Open the index beside ``db_path`` (given a store, the one it configures), brought up
    to date when a store is given; ``read_only``: write nothing on disk (see :class:`SearchIndex`)."""
    if store is None:
        return SearchIndex(db_path, read_only=read_only)
    idx = (
        store.search_index()
        if not read_only
        else SearchIndex(db_path, store.index_path, read_only=True)
    )
    idx.update(store)
    return idx
