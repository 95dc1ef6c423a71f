"""Answers built only from what the corpus holds, every sentence with its citations.

``answer(store, index, question)`` parses the question (kinds.py), retrieves candidate
articles through the search index, then reads stored facts (quotes, claims, entities,
times, events); when the stages left no fact it falls back to retrieved sentences. It
never writes a fact it cannot cite: no evidence → "Bu soruya derlemde yanıt bulunamadı."
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from gundem.ask import wh
from gundem.ask.figures import disagree, how_many
from gundem.ask.kinds import QUESTION_WORDS, ParsedQuestion, QEntity, parse
from gundem.ask.views import (
    MAX_ARTICLES,
    ArticleView,
    candidates,
    cite_label,
    date_label,
    expand,
    has,
    lexicon,
    load,
    mentions,
    speaker_matches,
)  # fmt: skip
from gundem.ask.where import MEET as _MEET
from gundem.ask.where import PLACE_TYPES as _PLACE_TYPES
from gundem.ask.where import entity_sentences as _entity_sentences
from gundem.ask.where import meet_terms as _meet_terms
from gundem.ask.where import where as _where
from gundem.store.search import analyze, tokens
from gundem.turkish import fold
from gundem.turkish.lexicon import MONTHS

if TYPE_CHECKING:  # pragma: no cover
    from gundem.store.db import Store
    from gundem.store.search import SearchIndex

__all__ = ["NOT_FOUND", "Answer", "ArticleView", "answer", "lexicon", "not_found"]

_QUOTE_CHARS = "“”\"' "
NOT_FOUND = "Bu soruya derlemde yanıt bulunamadı."

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
            first: dict[tuple[str, str], dict[str, Any]] = {}
            for s in self.text_sentences:
                for c in s["citations"]:
                    first.setdefault((c["article_id"], c["sentence"]), c)
            for key, n in keys.items():
                lines.append(f"[{n}] {cite_label(first[key])}: “{key[1]}”")
        return "\n".join(lines)


def not_found(kind: str, question: str = "") -> Answer:
    return Answer([{"text": NOT_FOUND, "citations": []}], kind, False, question)


# -- the kinds ------------------------------------------------------------------------------------


def _said(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    if not pq.entities:
        return []
    speaker = next((e for e in pq.entities if not e.suffixed), pq.entities[0])
    targets = [e for e in pq.entities if e is not speaker]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    fallback: list[dict[str, Any]] = []
    for v in candidates(index, store, pq):
        for q in v.a.quotes:
            if not speaker_matches(q, speaker):
                continue
            idxs = v.quote_indices(q)
            if not idxs:
                continue
            if targets:
                ctx = set(idxs)
                for i in idxs:
                    ctx.update(v.paragraph_of(i))
                ctx_stems = [s for i in sorted(ctx) for s in v.stems[i]] + analyze(q.text, True)
                if not all(mentions(ctx_stems, t) for t in targets):
                    continue
            key = " ".join(tokens(q.text))[:200]
            if key in seen:
                continue
            seen.add(key)
            body = q.text.strip(_QUOTE_CHARS)
            text = f"{q.speaker}: “{body}”{date_label(v)}"
            out.append({"text": text, "citations": [v.cite(i) for i in idxs[:3]]})
        if not v.a.quotes:  # stages left no quotes: sentences with the speaker and a cue verb
            for i, st in enumerate(v.stems):
                if (
                    mentions(st, speaker)
                    and _CUES & set(st)
                    and all(mentions(st, t) for t in targets)
                ):
                    fallback.append({"text": v.sentence(i), "citations": [v.cite(i)]})
    return out or fallback[:5]


def _who_said(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    frag = analyze(pq.quoted) if pq.quoted else [t for t in pq.terms]
    if not frag:
        return []
    hits = index.search_terms(frag, None, MAX_ARTICLES, level="article")
    best: list[tuple[float, dict[str, Any]]] = []
    for v in load(store, [h.article_id for h in hits]):
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
                "text": f"Bu sözleri {q.speaker} söyledi{cue}{date_label(v)}.",
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


_WITH_RE = re.compile(r"([A-ZÇĞİÖŞÜ][\w-]+(?:\s+[A-ZÇĞİÖŞÜ][\w-]+)*)\s+ile\b")


def _met(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    if not pq.entities:
        return []
    places = [e for e in pq.entities if e.locative or e.type in _PLACE_TYPES]
    persons = [e for e in pq.entities if e not in places]
    subject = persons[0] if persons else pq.entities[0]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    views = candidates(index, store, pq)
    pairs = [(v, i) for v in views for i in _entity_sentences(v, [subject, *places], _MEET)]
    if not pairs and places:  # the place may be named in another sentence of the article
        flat = {id(v): [t for st in v.stems for t in st] for v in views}
        pairs = [(v, i) for v in views if all(mentions(flat[id(v)], p) for p in places)
                 for i in _entity_sentences(v, [subject], _MEET)]  # fmt: skip
    pairs = _most_topic(pairs, pq)
    subj_keys = {t for k in subject.keys for t in k}
    for v, i in pairs:
        st = v.stems[i]
        if not any(e.type == "PERSON" for e in v.a.entities):  # no NER: "X ile görüştü"
            for m in _WITH_RE.finditer(v.sentence(i)):
                name = m.group(1)
                if set(analyze(name, True)) & subj_keys or name in seen:
                    continue
                seen.add(name)
                out.append({"text": f"{subject.name}, {name} ile görüştü{date_label(v)}.",
                            "citations": [v.cite(i)]})  # fmt: skip
            continue
        people = _people_in(v, i, subject)
        for ent in v.a.entities:
            if ent.type not in ("PERSON", "ORG") or fold(ent.name) == fold(subject.name):
                continue
            if ent.type == "ORG" and people:
                continue  # "TBMM Başkanı Hüseyin Ertan": the person met, not the body
            keys = {tuple(analyze(x, True)) for x in [ent.name, *ent.aliases]} - {()}
            if any(has(list(subject.keys)[0], k) for k in keys):
                continue
            if not any(has(st, k) for k in keys):
                continue
            if ent.name in seen:
                continue
            seen.add(ent.name)
            out.append({"text": f"{subject.name}, {ent.name} ile görüştü{date_label(v)}.",
                        "citations": [v.cite(i)]})  # fmt: skip
    return out


def _most_topic(
    pairs: list[tuple[ArticleView, int]], pq: ParsedQuestion
) -> list[tuple[ArticleView, int]]:
    """The pairs whose article holds the most of the question's other words ("hastanede
    kimlerle görüştü": the hospital visit, not a meeting abroad of the same minister)."""
    ent = {t for e in pq.entities for k in e.keys for t in k}
    topic = [t for t in pq.terms if t not in ent and t not in _MEET and t not in QUESTION_WORDS
             and len(t) > 2]  # fmt: skip
    if not topic or not pairs:
        return pairs
    score = {id(v): sum(1 for t in topic if t in v.flat) for v, _i in pairs}
    best = max(score.values())
    return [(v, i) for v, i in pairs if score[id(v)] == best]


def _people_in(v: ArticleView, i: int, subject: QEntity) -> bool:
    """The sentence names a person besides the subject."""
    st = v.stems[i]
    for ent in v.a.entities:
        if ent.type != "PERSON" or fold(ent.name) == fold(subject.name):
            continue
        keys = {tuple(analyze(x, True)) for x in [ent.name, *ent.aliases]} - {()}
        if any(has(st, k) for k in keys):
            return True
    return False


def _met_or_match(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    """ "X ile görüştü" first; else the people named in the sentences that match the question
    ("kimi kabul etti", "kimleri karşıladı"), every one of them."""
    out = _met(store, index, pq)
    if out:
        return out
    seen: set[str] = set()
    ms = wh.match_sentences(store, index, pq, min_score=0.6)[:6]
    for m in ms:
        if m.score < ms[0].score - 0.1:
            break  # a weaker match elsewhere (the same minister abroad) is not the answer
        names = [n for n in wh.persons_in(m.view, m.idx, pq) if n not in seen]
        seen.update(names)
        if names:
            subj = pq.entities[0].name if pq.entities else ""
            out.append({"text": f"{subj}: {', '.join(names)}{date_label(m.view)}.",
                        "citations": [m.view.cite(m.idx)]})  # fmt: skip
    if not out:  # the matching sentences themselves, from the best-matching articles only
        top = {m.view.a.id for m in ms if m.score >= ms[0].score - 0.1}
        out = [s for s in wh.what(store, index, pq)
               if not top or s["citations"][0]["article_id"] in top]  # fmt: skip
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
    if not ents:  # "Kimlikle seyahat anlaşması ne zaman imzalandı?": the matching sentence
        return _when_published(store, index, pq)
    need = _meet_terms(pq)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for v in candidates(index, store, pq):
        for i in _entity_sentences(v, ents, need):
            t = _time_in(v, i)
            if not t:
                continue
            label = f"{t[0]} ({t[1]})" if t[1] and t[1] != t[0] else t[0]
            if label in seen:
                continue
            seen.add(label)
            out.append({"text": f"Tarih: {label}{date_label(v)}.", "citations": [v.cite(i)]})
    return out[:5] or _when_published(store, index, pq)


def _when_published(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    """The sentence names the event but no date: the date of the article reporting it (a
    dated report of a meeting, an appointment); several when the reports differ."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for m in wh.match_sentences(store, index, pq, min_score=0.6):
        t = _time_in(m.view, m.idx)
        pub = m.view.a.published
        if t and t[1]:
            label = f"{t[0]} ({t[1]})"
        elif pub:
            label = f"{_tr_date(pub)} ({pub}; haberin tarihi)"
        else:
            continue
        if label in seen or len(seen) >= 2:
            continue
        seen.add(label)
        out.append(
            {"text": f"Tarih: {label}{date_label(m.view)}.", "citations": [m.view.cite(m.idx)]}
        )
    return out


def _tr_date(iso: str) -> str:
    mm = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not mm:
        return iso
    y, mo, d = mm.groups()
    return f"{int(d)} {_MONTHS[int(mo) - 1].capitalize()} {y}"


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
    "said": _said, "who_said": _who_said, "met": _met_or_match, "when": _when, "where": _where,
    "how_many": how_many, "disagree": disagree, "fact": _fact, "who": wh.who,
    "who_is": wh.who_is, "why": wh.why, "what": wh.what,
}  # fmt: skip


def _absent(
    store: Store,
    index: SearchIndex,
    e: QEntity,
    pq: ParsedQuestion,
    lex: dict[tuple[str, ...], tuple[str, str]],
) -> bool:
    """No article names the entity (a name the question brings, not the corpus)."""
    if any(k in lex for k in e.keys):
        return False  # an entity of the corpus: some article names it
    terms = sorted({t for k in e.keys for t in k})
    ids = [h.article_id for h in index.search_terms(terms, None, 5, level="article")]
    ids += [h.article_id for h in index.search_terms(pq.terms, None, 10, level="article")]
    views = load(store, list(dict.fromkeys(ids)))
    return not any(
        mentions([s for st in v.stems for s in st], e)
        or mentions(analyze(f"{v.a.title} {v.a.dateline}", keep_stopwords=True), e)
        for v in views
    )


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
        expand(e, lex)
    if any(_absent(store, index, e, pq, lex) for e in pq.entities):
        return not_found(pq.kind, question)  # "Paris’te", "Tokyo’da": the corpus never names it
    sents = _HANDLERS[pq.kind](store, index, pq)
    sents = [s for s in sents if s["citations"]]
    if not sents:
        return not_found(pq.kind, question)
    ans = Answer(sents, pq.kind, True, question)
    if llm is not None:
        from gundem.ask.llm import rephrase

        ans = rephrase(ans, llm)
    return ans
