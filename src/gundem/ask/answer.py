"""Answers built only from what the corpus holds, every sentence with its citations.

``answer(store, index, question)`` parses the question (kinds.py), retrieves candidate
articles through the search index, then reads stored facts (quotes, claims, entities,
times, events); when the stages left no fact it falls back to retrieved sentences. It
never writes a fact it cannot cite: no evidence → "Bu soruya derlemde yanıt bulunamadı."
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from gundem.ask.kinds import QUESTION_WORDS, ParsedQuestion, QEntity, parse
from gundem.store.search import analyze, tokens
from gundem.turkish import article_sentences, fold, stem
from gundem.turkish.lexicon import MONTHS

if TYPE_CHECKING:  # pragma: no cover
    from gundem.model import Article, Claim, Quote
    from gundem.store.db import Store
    from gundem.store.search import SearchIndex

_QUOTE_CHARS = "“”\"' "
NOT_FOUND = "Bu soruya derlemde yanıt bulunamadı."
MAX_ARTICLES = 40

_MEET = frozenset({"görüş", "görüşme", "buluş", "buluşma", "görüştü", "kabul", "araya", "temas"})
_CUES = frozenset(analyze("dedi söyledi belirtti vurguladı açıkladı kaydetti ifadesini kullandı "
                          "konuştu iletti mesaj uyardı savundu", keep_stopwords=True))  # fmt: skip
_MONTHS = MONTHS
_DATE_RE = re.compile(
    r"\b(\d{1,2})\s+("
    + "|".join(_MONTHS)
    + r")\s+(\d{4})|\b("
    + "|".join(_MONTHS)
    + r")\s+(\d{4})",
    re.IGNORECASE,
)
_NUM_RE = re.compile(
    r"(?P<q>yaklaşık|en az|en fazla|tahminen|ortalama|resmi olarak)?\s*"
    r"(?P<n>\d+(?:[.,]\d+)*)\s*(?P<m>bin|milyon|milyar)?\s+(?P<u>[^\W\d_]+)"
    r"|(?P<vague>binlerce|yüzlerce|onlarca|milyonlarca)\s+(?P<u2>[^\W\d_]+)",
    re.IGNORECASE,
)


@dataclass
class Answer:
    text_sentences: list[dict[str, Any]]  # [{text, citations: [{article_id, sentence, ...}]}]
    kind: str
    found: bool
    question: str = ""

    @property
    def text(self) -> str:
        return " ".join(s["text"] for s in self.text_sentences)

    def citations(self) -> list[dict[str, Any]]:
        return [c for s in self.text_sentences for c in s["citations"]]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "text": self.text}

    def render(self) -> str:
        """Plain text for the terminal: sentences with [n] marks, then the cited sentences."""
        keys: dict[tuple[str, str], int] = {}
        lines = []
        for s in self.text_sentences:
            marks = []
            for c in s["citations"]:
                n = keys.setdefault((c["article_id"], c["sentence"]), len(keys) + 1)
                marks.append(f"[{n}]")
            lines.append(s["text"] + (" " + "".join(dict.fromkeys(marks)) if marks else ""))
        if keys:
            lines.append("")
            for (aid, sent), n in keys.items():
                lines.append(f"[{n}] {aid}: “{sent}”")
        return "\n".join(lines)


def not_found(kind: str, question: str = "") -> Answer:
    return Answer([{"text": NOT_FOUND, "citations": []}], kind, False, question)


# -- corpus views -------------------------------------------------------------------------------


class ArticleView:
    """One article with lazily analysed sentences."""

    def __init__(self, a: Article) -> None:
        self.a = a
        self.spans = article_sentences(a)
        self._stems: list[list[str]] | None = None

    @property
    def stems(self) -> list[list[str]]:
        if self._stems is None:
            self._stems = [analyze(self.a.text[s:e], keep_stopwords=True) for s, e in self.spans]
        return self._stems

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
        }  # fmt: skip

    def paragraph_of(self, i: int) -> list[int]:
        s, _ = self.spans[i]
        text = self.a.text
        p0 = text.rfind("\n\n", 0, s)
        p1 = text.find("\n\n", s)
        p0 = 0 if p0 < 0 else p0
        p1 = len(text) if p1 < 0 else p1
        return [j for j, (a, b) in enumerate(self.spans) if a >= p0 and b <= p1]


def _has(seq: Sequence[str], key: tuple[str, ...]) -> bool:
    n = len(key)
    if n == 1:
        return key[0] in seq
    return any(tuple(seq[i : i + n]) == key for i in range(len(seq) - n + 1))


def _mentions(stems: list[str], e: QEntity) -> bool:
    return any(_has(stems, k) for k in e.keys)


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


def _expand(e: QEntity, lex: dict[tuple[str, ...], tuple[str, str]]) -> None:
    """Every key of the canonical entity matches it (Putin ↔ Vladimir Putin)."""
    for k, (name, _t) in lex.items():
        if name == e.name:
            e.keys.add(k)


def _load(store: Store, ids: list[str]) -> list[ArticleView]:
    if not ids:
        return []
    by_id = {a.id: a for a in store.iter_articles(ids=ids)}
    return [ArticleView(by_id[i]) for i in ids if i in by_id]


def _candidates(index: SearchIndex, store: Store, pq: ParsedQuestion, extra: list[str] | None = None,
                limit: int = MAX_ARTICLES) -> list[ArticleView]:  # fmt: skip
    terms = [t for k in (e.keys for e in pq.entities) for key in k for t in key]
    terms += [t for t in pq.terms if t not in QUESTION_WORDS] + (extra or [])
    if not terms:
        return []
    hits = index.search_terms(list(dict.fromkeys(terms)), None, limit, level="article")
    return _load(store, [h.article_id for h in hits])


def _speaker_matches(q: Quote, e: QEntity) -> bool:
    if not q.speaker:
        return False
    if fold(q.speaker) == fold(e.name):
        return True
    return _mentions(analyze(q.speaker, keep_stopwords=True), e)


def _date_label(v: ArticleView) -> str:
    parts = [p for p in (v.a.outlet, v.a.published) if p]
    return f" ({', '.join(parts)})" if parts else ""


# -- the kinds ------------------------------------------------------------------------------------


def _said(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    if not pq.entities:
        return []
    speaker = next((e for e in pq.entities if not e.suffixed), pq.entities[0])
    targets = [e for e in pq.entities if e is not speaker]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    fallback: list[dict[str, Any]] = []
    for v in _candidates(index, store, pq):
        for q in v.a.quotes:
            if not _speaker_matches(q, speaker):
                continue
            idxs = v.quote_indices(q)
            if not idxs:
                continue
            if targets:
                ctx = set(idxs)
                for i in idxs:
                    ctx.update(v.paragraph_of(i))
                ctx_stems = [s for i in sorted(ctx) for s in v.stems[i]] + analyze(q.text, True)
                if not all(_mentions(ctx_stems, t) for t in targets):
                    continue
            key = " ".join(tokens(q.text))[:200]
            if key in seen:
                continue
            seen.add(key)
            body = q.text.strip(_QUOTE_CHARS)
            text = f"{q.speaker}: “{body}”{_date_label(v)}"
            out.append({"text": text, "citations": [v.cite(i) for i in idxs[:3]]})
        if not v.a.quotes:  # stages left no quotes: sentences with the speaker and a cue verb
            for i, st in enumerate(v.stems):
                if (
                    _mentions(st, speaker)
                    and _CUES & set(st)
                    and all(_mentions(st, t) for t in targets)
                ):
                    fallback.append({"text": v.sentence(i), "citations": [v.cite(i)]})
    return out or fallback[:5]


def _who_said(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    frag = analyze(pq.quoted) if pq.quoted else [t for t in pq.terms]
    if not frag:
        return []
    hits = index.search_terms(frag, None, MAX_ARTICLES, level="article")
    best: list[tuple[float, dict[str, Any]]] = []
    for v in _load(store, [h.article_id for h in hits]):
        for q in v.a.quotes:
            if not q.speaker:
                continue
            qs = set(analyze(q.text))
            cover = sum(1 for t in frag if t in qs) / len(frag)
            if cover < 0.6:
                continue
            idxs = v.quote_indices(q)
            if not idxs:
                continue
            cue = f" ({q.cue})" if q.cue else ""
            best.append((cover, {
                "text": f"Bu sözleri {q.speaker} söyledi{cue}{_date_label(v)}.",
                "citations": [v.cite(i) for i in idxs[:2]],
            }))  # fmt: skip
    best.sort(key=lambda x: -x[0])
    out, seen = [], set()
    for cover, s in best:
        if cover < best[0][0] - 0.2 or s["text"] in seen:
            continue
        seen.add(s["text"])
        out.append(s)
    return out[:3]


def _entity_sentences(
    v: ArticleView, ents: list[QEntity], need: frozenset[str] | set[str] | None = None
) -> list[int]:
    out = []
    for i, st in enumerate(v.stems):
        if all(_mentions(st, e) for e in ents) and (not need or need & set(st)):
            out.append(i)
    return out


_WITH_RE = re.compile(r"([A-ZÇĞİÖŞÜ][\w-]+(?:\s+[A-ZÇĞİÖŞÜ][\w-]+)*)\s+ile\b")


_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def _meet_terms(pq: ParsedQuestion) -> set[str] | None:
    """Stems a supporting sentence must hold: any meeting verb when the question is about one."""
    if set(pq.terms) & _MEET or "bir araya" in fold(pq.text):
        return set(_MEET)
    return {pq.verb} if pq.verb else None


def _met(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    if not pq.entities:
        return []
    places = [e for e in pq.entities if e.locative or e.type in _PLACE_TYPES]
    persons = [e for e in pq.entities if e not in places]
    subject = persons[0] if persons else pq.entities[0]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    views = _candidates(index, store, pq)
    pairs = [(v, i) for v in views for i in _entity_sentences(v, [subject, *places], _MEET)]
    if not pairs and places:  # the place may be named in another sentence of the article
        flat = {id(v): [t for st in v.stems for t in st] for v in views}
        pairs = [(v, i) for v in views if all(_mentions(flat[id(v)], p) for p in places)
                 for i in _entity_sentences(v, [subject], _MEET)]  # fmt: skip
    subj_keys = {t for k in subject.keys for t in k}
    for v, i in pairs:
        st = v.stems[i]
        if not any(e.type == "PERSON" for e in v.a.entities):  # no NER: "X ile görüştü"
            for m in _WITH_RE.finditer(v.sentence(i)):
                name = m.group(1)
                if set(analyze(name, True)) & subj_keys or name in seen:
                    continue
                seen.add(name)
                out.append({"text": f"{subject.name}, {name} ile görüştü{_date_label(v)}.",
                            "citations": [v.cite(i)]})  # fmt: skip
            continue
        for ent in v.a.entities:
            if ent.type not in ("PERSON", "ORG") or fold(ent.name) == fold(subject.name):
                continue
            keys = {tuple(analyze(x, True)) for x in [ent.name, *ent.aliases]} - {()}
            if any(_has(list(subject.keys)[0], k) for k in keys):
                continue
            if not any(_has(st, k) for k in keys):
                continue
            if ent.name in seen:
                continue
            seen.add(ent.name)
            out.append({"text": f"{subject.name}, {ent.name} ile görüştü{_date_label(v)}.",
                        "citations": [v.cite(i)]})  # fmt: skip
    return out


def _time_in(v: ArticleView, i: int) -> tuple[str, str | None] | None:
    s, e = v.spans[i]
    for t in v.a.times:
        if t.end > t.start and s <= t.start < e:
            return t.text, t.value
        if t.end <= t.start and t.text and t.text in v.sentence(i):
            return t.text, t.value
    m = _DATE_RE.search(v.sentence(i))
    if m:
        return m.group(0), None
    return None


def _when(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    ents = [e for e in pq.entities if not e.locative] or pq.entities
    if not ents:
        return []
    need = _meet_terms(pq)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for v in _candidates(index, store, pq):
        for i in _entity_sentences(v, ents, need):
            t = _time_in(v, i)
            if not t:
                continue
            label = f"{t[0]} ({t[1]})" if t[1] and t[1] != t[0] else t[0]
            if label in seen:
                continue
            seen.add(label)
            out.append({"text": f"Tarih: {label}{_date_label(v)}.", "citations": [v.cite(i)]})
    return out[:5]


_LOC_RE = re.compile(r"([A-ZÇĞİÖŞÜ][\w-]+(?:\s+[A-ZÇĞİÖŞÜ][\w-]+)*)[’'](?:n?[dt][ae])\b")


def _where(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    ents = pq.entities
    if not ents:
        return []
    need = _meet_terms(pq)
    q_names = {fold(e.name) for e in ents} | {t for e in ents for k in e.keys for t in k}
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for v in _candidates(index, store, pq):
        for i in _entity_sentences(v, ents, need):
            for m in _LOC_RE.finditer(v.sentence(i)):
                place = m.group(1)
                if fold(place) in q_names or stem(fold(place)) in q_names:
                    continue
                canon = next(
                    (en.name for en in v.a.entities
                     if en.type in ("GPE", "LOC", "FAC") and fold(place) in {fold(x) for x in [en.name, *en.aliases]}),
                    place,
                )  # fmt: skip
                if canon in seen:
                    continue
                seen.add(canon)
                out.append({"text": f"Yer: {canon}{_date_label(v)}.", "citations": [v.cite(i)]})
    return out[:5]


# -- numbers -------------------------------------------------------------------------------------


@dataclass
class _Fig:
    value: float | None
    text: str
    unit: str
    qualifier: str
    source: str
    view: ArticleView
    idx: int
    relevance: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _claim_sentence(v: ArticleView, c: Claim) -> int:
    if c.end > c.start:
        return v.index_at(c.start)
    if c.sentence:
        i = v.find(c.sentence)
        if i >= 0:
            return i
    return v.find(c.text)


def _figures(v: ArticleView) -> list[_Fig]:
    figs = []
    for c in v.a.claims:
        i = _claim_sentence(v, c)
        if i < 0:
            continue
        unit = stem(fold(c.unit.split()[-1])) if c.unit.strip() else ""
        figs.append(_Fig(c.value, c.text, unit, c.qualifier, c.attributed_to, v, i))
    if not v.a.claims:  # no claim stage ran: numbers from the text
        for i in range(len(v.spans)):
            for m in _NUM_RE.finditer(v.sentence(i)):
                figs.append(_regex_fig(m, v, i))
    return figs


def _regex_fig(m: re.Match[str], v: ArticleView, i: int) -> _Fig:
    if m.group("vague"):
        return _Fig(
            None, m.group("vague"), stem(fold(m.group("u2"))), fold(m.group("vague")), "", v, i
        )
    n = float(m.group("n").replace(".", "").replace(",", "."))
    mult = {"bin": 1e3, "milyon": 1e6, "milyar": 1e9}.get(fold(m.group("m") or ""), 1)
    text = m.group(0).rsplit(None, 1)[0].strip()
    src = ""
    sm = re.search(
        r"([A-ZÇĞİÖŞÜ][\w-]*(?:\s+[A-ZÇĞİÖŞÜ][\w-]*)*)[’'](?:[ae]|y[ae]|n[ae])\s+göre",
        v.sentence(i),
    )
    if sm:
        src = sm.group(1)
    return _Fig(n * mult, text, stem(fold(m.group("u"))), fold(m.group("q") or ""), src, v, i)


def _fig_label(f: _Fig, unit_word: str) -> str:
    words = f.text.strip()
    if unit_word and fold(unit_word) not in fold(words):
        words = f"{words} {unit_word}"
    return words


def _value_key(f: _Fig) -> str:
    return f"{f.value:g}" if f.value is not None else f"~{fold(f.text)}"


def _how_many(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    if not pq.unit:
        return []
    ent_terms = {t for e in pq.entities for k in e.keys for t in k}
    key_terms = [t for t in pq.terms if t != pq.unit]
    figs: list[_Fig] = []
    for v in _candidates(index, store, pq, extra=[pq.unit]):
        for f in _figures(v):
            st = set(v.stems[f.idx])
            if f.unit != pq.unit and pq.unit not in st:
                continue
            if f.unit and f.unit != pq.unit:
                continue
            f.relevance = sum(1 for t in key_terms if t in st)
            f.extra["verb"] = bool(pq.verb) and pq.verb not in ent_terms and pq.verb in st
            figs.append(f)
    if not figs:
        return []
    has_verb = any(f.extra["verb"] for f in figs)
    main = [f for f in figs if f.extra["verb"] or not has_verb]
    top = max(f.relevance for f in main)
    main = [f for f in main if f.relevance >= top - 1]
    ents = pq.entities

    def about_entities(f: _Fig) -> bool:
        flat = [s for st in f.view.stems for s in st]
        return all(_mentions(flat, e) for e in ents)

    rest = [f for f in figs if f not in main and about_entities(f)]
    unit_word = _unit_word(pq)
    out = _grouped(main, unit_word, first_prefix="En çok kaynağın verdiği rakam: ",
                   other_prefix="Farklı rakam: ")  # fmt: skip
    out += _grouped(rest, unit_word, first_prefix="İlgili diğer rakam: ",
                    other_prefix="İlgili diğer rakam: ")[:4]  # fmt: skip
    return out


def _unit_word(pq: ParsedQuestion) -> str:
    toks = tokens(pq.text)
    for a, b in zip(toks, toks[1:], strict=False):
        if a in ("kaç", "kaçar"):
            return b
    return pq.unit


def _grouped(
    figs: list[_Fig], unit_word: str, first_prefix: str, other_prefix: str
) -> list[dict[str, Any]]:
    groups: dict[str, list[_Fig]] = defaultdict(list)
    for f in figs:
        groups[_value_key(f)].append(f)
    ranked = sorted(
        groups.values(),
        key=lambda g: (
            -len({f.view.a.id for f in g}), -max(f.relevance for f in g), g[0].value is None,
            min((f.view.a.published or "9999") for f in g),
        ),
    )  # fmt: skip
    out = []
    for n, g in enumerate(ranked):
        by_article: dict[str, _Fig] = {}
        for f in g:
            by_article.setdefault(f.view.a.id, f)
        sources = []
        for f in by_article.values():
            who = (
                f.view.a.outlet
                or f.view.a.title
                or f.view.a.source.rsplit("/", 1)[-1]
                or f.view.a.id
            )
            if f.source:
                who = f"{who}, atıf: {f.source}"
            sources.append(who)
        label = _fig_label(g[0], unit_word).split(", ")[0]
        n_src = len(by_article)
        text = (f"{first_prefix if n == 0 else other_prefix}{label} "
                f"({n_src} kaynak — {'; '.join(sources)}).")  # fmt: skip
        out.append({"text": text, "citations": [f.view.cite(f.idx) for f in by_article.values()]})
    return out


def _disagree(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    topic = [t for t in pq.terms if t not in QUESTION_WORDS]
    if topic or pq.entities:
        views = _candidates(index, store, pq, limit=200)
    else:
        views = _load(store, store.ids_with_claims(2000))
    by_unit: dict[str, list[_Fig]] = defaultdict(list)
    for v in views:
        for f in _figures(v):
            if f.unit:
                by_unit[f.unit].append(f)
    unit_topic = [t for t in topic if t in by_unit]
    other_topic = [t for t in topic if t not in by_unit and t not in QUESTION_WORDS]
    ents = pq.entities
    out = []
    ranked_units = []
    for unit, figs in by_unit.items():
        if unit_topic and unit not in unit_topic:
            continue
        if ents:
            figs = [
                f
                for f in figs
                if all(_mentions(f.view.stems[f.idx], e) for e in ents)
                or all(_mentions([s for st in f.view.stems for s in st], e) for e in ents)
            ]
        if other_topic and not unit_topic:
            figs = [f for f in figs if any(t in f.view.stems[f.idx] for t in other_topic)]
        values = {_value_key(f) for f in figs}
        articles = {f.view.a.id for f in figs}
        if len(values) >= 2 and len(articles) >= 2:
            ranked_units.append((unit, figs, len(values)))
    ranked_units.sort(key=lambda x: -x[2])
    for unit, figs, nval in ranked_units[:5]:
        out.append({"text": f"“{unit}” için kaynaklar {nval} farklı rakam veriyor:",
                    "citations": [figs[0].view.cite(figs[0].idx)]})  # fmt: skip
        out += _grouped(figs, unit, first_prefix="", other_prefix="")
    # story-level conflicts from the link stage, when present and nothing else was found
    return out


def _fact(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    terms = list(dict.fromkeys(t for t in pq.terms if t not in QUESTION_WORDS))
    if not terms:
        return []
    out = []
    for h in index.search_terms(terms, None, 5, level="sentence"):
        st = set(analyze(h.text))
        if sum(1 for t in terms if t in st) / len(terms) >= 0.75:
            out.append({"text": h.text, "citations": [{
                "article_id": h.article_id, "sentence": h.text, "sentence_idx": h.sentence_idx,
                "title": h.title, "outlet": h.outlet, "published": h.published}]})  # fmt: skip
    return out[:3]


_HANDLERS = {
    "said": _said, "who_said": _who_said, "met": _met, "when": _when, "where": _where,
    "how_many": _how_many, "disagree": _disagree, "fact": _fact,
}  # fmt: skip


def answer(store: Store, index: SearchIndex, question: str, llm: Any = None) -> Answer:
    """Answer a Turkish question from the corpus; every sentence cites article sentences.

    ``llm`` (an :class:`gundem.ask.llm.LLMConfig`) optionally rephrases the cited facts;
    it never adds facts: sentences without a valid citation are dropped.
    """
    question = (question or "").strip()
    if not question:
        return not_found("fact", question)
    lex = lexicon(store)
    pq = parse(question, lex)
    for e in pq.entities:
        _expand(e, lex)
    sents = _HANDLERS[pq.kind](store, index, pq)
    if not sents and pq.kind not in ("fact", "disagree"):
        sents = []
    sents = [s for s in sents if s["citations"]]
    if not sents:
        return not_found(pq.kind, question)
    ans = Answer(sents, pq.kind, True, question)
    if llm is not None:
        from gundem.ask.llm import rephrase

        ans = rephrase(ans, llm)
    return ans
