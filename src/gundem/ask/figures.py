"""Figures for "kaç" questions and source disagreements: stored claims (with their measure:
killed, injured, sent, …) or, where the claim stage did not run, numbers read from the text."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gundem.ask.kinds import QUESTION_WORDS, ParsedQuestion
from gundem.ask.verbs import measure_of, question_groups
from gundem.ask.views import ArticleView, candidates, event_flat, load, mentions
from gundem.store.search import analyze, tokens
from gundem.turkish import fold, stem
from gundem.turkish.measures import PERSON_UNITS

if TYPE_CHECKING:  # pragma: no cover
    from gundem.model import Claim
    from gundem.store.db import Store
    from gundem.store.search import SearchIndex

_NUM_RE = re.compile(
    r"(?P<q>yaklaşık|en az|en fazla|tahminen|ortalama|resmi olarak)?\s*"
    r"(?P<n>\d+(?:[.,]\d+)*)\s*(?P<m>bin|milyon|milyar)?\s+(?P<u>[^\W\d_]+)"
    r"|(?P<vague>binlerce|yüzlerce|onlarca|milyonlarca)\s+(?P<u2>[^\W\d_]+)",
    re.IGNORECASE,
)

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
    measure: str = ""
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
        figs.append(
            _Fig(c.value, c.text, unit, c.qualifier, c.attributed_to, v, i, measure=c.measure)
        )
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


_GENERIC = frozenset({"kişi", "insan", "vatandaş"})
_HUMAN = PERSON_UNITS | {"asker", "işçi", "madenci", "sivil", "çocuk", "yolcu", "öğrenci", "polis",
                         "personel", "mürettebat", "göçmen", "kadın", "erkek", "hasta"}  # fmt: skip


def _unit_ok(f: _Fig, units: set[str], unit: str, sent: set[str]) -> bool:
    if not unit:  # "ne kadar": any figure; the topic words decide
        return True
    if f.unit in units or any(_inflected(u, f.unit) for u in units):
        return True
    if unit in _GENERIC and f.unit in _HUMAN:
        return True
    return not f.unit and unit in sent


def _inflected(word: str, unit: str) -> bool:
    """ "askeri" (compound or accusative the stemmer keeps) is the unit "asker"."""
    return len(unit) >= 3 and word.startswith(unit) and len(word) - len(unit) <= 2


def how_many(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    """Figures of the asked unit and measure (killed, injured, sent, …), only from the
    articles of the event the question names; the best-supported figure first."""
    qm = measure_of(pq.text)
    units = set(pq.unit_words) | ({pq.unit} if pq.unit else set())
    _g, covered = question_groups(pq.text)
    skip = set(analyze(" ".join(covered), keep_stopwords=True)) | units
    ent_terms = {t for e in pq.entities for k in e.keys for t in k}
    key_terms = [t for t in pq.terms if t not in skip and t not in ent_terms]
    figs: list[_Fig] = []
    for v in candidates(index, store, pq, extra=[pq.unit] if pq.unit else None):
        for f in _figures(v):
            st = set(v.stems[f.idx])
            if not _unit_ok(f, units, pq.unit, st):
                continue
            f.relevance = sum(1 for t in key_terms if t in st)
            if not pq.unit and f.relevance < min(2, len(key_terms) or 1):
                continue
            figs.append(f)
    if qm:  # only figures of the asked measure; unknown ones only when none is known
        figs = [f for f in figs if f.measure == qm] or [f for f in figs if not f.measure]
    figs = _event_focus(figs, pq, key_terms)
    if not figs:
        return []
    top = max(f.relevance for f in figs)
    main = [f for f in figs if f.relevance >= top - 1
            and not (pq.unit in _GENERIC and f.unit not in _GENERIC and f.unit)]  # fmt: skip
    main = main or figs
    rest = [f for f in figs if f not in main]
    unit_word = _unit_word(pq)
    out = _grouped(main, unit_word, first_prefix="En çok kaynağın verdiği rakam: ",
                   other_prefix="Farklı rakam: ")  # fmt: skip
    out += _grouped(rest, unit_word, first_prefix="İlgili diğer rakam: ",
                    other_prefix="İlgili diğer rakam: ")[:4]  # fmt: skip
    return out


def _event_focus(figs: list[_Fig], pq: ParsedQuestion, key_terms: list[str]) -> list[_Fig]:
    """Figures from the articles that name every entity of the question and most of its
    topic words, and from the other articles of their events; none from other events."""
    by_article: dict[str, tuple[int, ArticleView]] = {}
    names = event_flat(list({id(f.view): f.view for f in figs}.values()))
    for f in figs:
        v = f.view
        if v.a.id in by_article:
            continue
        # every name of the question in the article, its title or dateline, or its event
        if not all(mentions(v.flat, e) or mentions(names[v.a.id], e) for e in pq.entities):
            continue
        by_article[v.a.id] = (sum(1 for t in key_terms if t in v.flat), v)
    if not by_article:
        return []
    best = max(sc for sc, _v in by_article.values())
    keep = {aid for aid, (sc, _v) in by_article.items() if sc == best}
    events = {by_article[aid][1].a.event_id for aid in keep} - {None}
    keep |= {
        aid for aid, (sc, v) in by_article.items() if v.a.event_id in events and sc >= best - 1
    }
    return [f for f in figs if f.view.a.id in keep]


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


def disagree(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    topic = [t for t in pq.terms if t not in QUESTION_WORDS]
    if topic or pq.entities:
        views = candidates(index, store, pq, limit=200)
    else:
        views = load(store, store.ids_with_claims(2000))
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
                if all(mentions(f.view.stems[f.idx], e) for e in ents)
                or all(mentions([s for st in f.view.stems for s in st], e) for e in ents)
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
