"""Per-event summaries: headline, extractive summary across outlets, quotes grouped by
statement, participants and place. Pure functions over the event's articles.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from gundem.link.features import (
    char_ngrams,
    content_stems,
    is_locative,
    locative_names,
    name_runs,
    name_tokens,
    strip_suffix,
)
from gundem.model import Article
from gundem.turkish import article_sentences


def _sentences(a: Article) -> list[str]:
    """The article's sentences, from its stored spans."""
    return [a.text[s:e] for s, e in article_sentences(a)]


QUOTE_THRESHOLD = 0.15  # tuned on bench/gen_corpus.py: B-cubed F1 0.97 (0.12–0.2 all ≥ 0.96)
MMR_LAMBDA = 0.7


def _vec(stems: list[str]) -> dict[str, float]:
    c = Counter(stems)
    return {t: 1.0 + math.log(n) for t, n in c.items()}


def _unit(v: dict[str, float]) -> dict[str, float]:
    n = math.sqrt(sum(w * w for w in v.values()))
    return {t: w / n for t, w in v.items()} if n else v


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb)


def headline(articles: list[Article]) -> str:
    """The title most similar to the other titles (the consensus title), else a lead."""
    titled = [a for a in articles if a.title.strip()]
    if not titled:
        for a in articles:
            sents = _sentences(a)
            if sents:
                return sents[0][:200]
        return ""
    vecs = [_vec(content_stems(a.title)) for a in titled]
    best, best_s = titled[0], -1.0
    for i, a in enumerate(titled):
        s = sum(_cos(vecs[i], v) for j, v in enumerate(vecs) if j != i)
        s -= 0.002 * abs(len(a.title) - 80)  # prefer a readable length on ties
        if s > best_s:
            best, best_s = a, s
    return best.title.strip()


def summary(articles: list[Article], k: int | None = None) -> list[dict[str, Any]]:
    """2–4 sentences by centrality across outlets, with MMR against redundancy."""
    sents: list[tuple[str, Article, int]] = []
    for a in articles:
        for pos, s in enumerate(_sentences(a)):
            n = len(s.split())
            if 6 <= n <= 60:
                sents.append((s, a, pos))
    if not sents:
        return []
    if k is None:
        k = 2 if len(articles) == 1 else (3 if len(articles) < 5 else 4)
    k = min(k, len(sents))
    vecs = [_unit(_vec(content_stems(s))) for s, _, _ in sents]
    # mean cosine to the sentences of the other articles, in O(sentences × terms):
    # sum of unit vectors overall minus those of the sentence's own article
    total: dict[str, float] = {}
    per_article: dict[str, dict[str, float]] = {}
    count: Counter[str] = Counter()
    for v, (_, a, _) in zip(vecs, sents, strict=True):
        own = per_article.setdefault(a.id, {})
        count[a.id] += 1
        for t, w in v.items():
            total[t] = total.get(t, 0.0) + w
            own[t] = own.get(t, 0.0) + w
    n_all = len(sents)
    central = []
    for v, (_, a, pos) in zip(vecs, sents, strict=True):
        others = n_all - count[a.id]
        own = per_article[a.id]
        c = 0.0
        if others:
            c = sum(w * (total.get(t, 0.0) - own.get(t, 0.0)) for t, w in v.items()) / others
        central.append(c + 0.08 / (1 + pos))  # leads matter in news
    chosen: list[int] = []
    used_articles: Counter[str] = Counter()
    while len(chosen) < k:
        best, best_s = None, -1e9
        for i in range(len(sents)):
            if i in chosen:
                continue
            red = max((_cos(vecs[i], vecs[j]) for j in chosen), default=0.0)
            score = MMR_LAMBDA * central[i] - (1 - MMR_LAMBDA) * red
            score -= 0.05 * used_articles[sents[i][1].id]  # spread across outlets
            if score > best_s:
                best, best_s = i, score
        if best is None:
            break
        chosen.append(best)
        used_articles[sents[best][1].id] += 1
    chosen.sort(key=lambda i: (sents[i][2], central[i] * -1))
    return [
        {"sentence": sents[i][0], "article_id": sents[i][1].id, "outlet": sents[i][1].outlet}
        for i in chosen
    ]


def _quote_features(text: str) -> tuple[set[str], set[int]]:
    return set(content_stems(text)), char_ngrams(text)


def _sim(fa: tuple[set[str], set[int]], fb: tuple[set[str], set[int]]) -> float:
    (sa, ga), (sb, gb) = fa, fb
    j1 = len(sa & sb) / len(sa | sb) if sa and sb else 0.0
    j2 = len(ga & gb) / len(ga | gb) if ga and gb else 0.0
    return max(j1, j2)


def quote_similarity(a: str, b: str) -> float:
    """max(Jaccard of content stems, Jaccard of character 4-grams of the stems)."""
    return _sim(_quote_features(a), _quote_features(b))


def same_speaker(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True  # unknown speaker: let the text decide
    ta, tb = set(name_tokens(a)), set(name_tokens(b))
    return bool(ta & tb) or a == b


def group_quotes(
    articles: list[Article], threshold: float = QUOTE_THRESHOLD
) -> list[dict[str, Any]]:
    """Quotes of one statement across outlets (other translations included) in one group."""
    groups: list[dict[str, Any]] = []
    for a in articles:
        for q in a.quotes:
            if not q.text.strip():
                continue
            best, best_s = None, threshold
            fq = _quote_features(q.text)
            for g in groups:
                if not same_speaker(g["speaker"], q.speaker):
                    continue
                s = max(_sim(fq, fv) for fv in g["_features"])
                if s >= best_s:
                    best, best_s = g, s
            variant = {
                "text": q.text, "article_id": a.id, "outlet": a.outlet,
                "kind": q.kind, "cue": q.cue, "speaker": q.speaker,
            }  # fmt: skip
            if best is None:
                groups.append(
                    {"speaker": q.speaker, "text": q.text, "variants": [variant], "_features": [fq]}
                )
            else:
                best["variants"].append(variant)
                best["_features"].append(fq)
                if not best["speaker"] and q.speaker:
                    best["speaker"] = q.speaker
    for g in groups:
        del g["_features"]
        g["outlets"] = sorted({v["outlet"] for v in g["variants"] if v["outlet"]})
        g["article_ids"] = sorted({v["article_id"] for v in g["variants"]})
        direct = [v for v in g["variants"] if v["kind"] == "direct"]
        g["text"] = (direct or g["variants"])[0]["text"]
    groups.sort(key=lambda g: (-len(g["article_ids"]), g["speaker"] or "", g["text"]))
    return groups


def participants_and_place(articles: list[Article]) -> tuple[list[str], str]:
    """PERSON/ORG names reported by most articles; the place most often in the locative."""
    people: Counter[str] = Counter()
    places: Counter[str] = Counter()
    loc_hits: Counter[str] = Counter()
    for a in articles:
        seen_p: set[str] = set()
        here: set[str] = set()
        if a.entities:
            for e in a.entities:
                if e.type in ("PERSON", "ORG") and e.name not in seen_p:
                    seen_p.add(e.name)
                    people[e.name] += 1
                elif e.type in ("GPE", "LOC", "FAC"):
                    places[e.name] += 1
                    if is_locative(a.text, e):
                        here.add(e.name)
        else:
            here.update(locative_names(a.title + ".\n" + a.text))
            for n, c in name_runs(a.title + ".\n" + a.text).most_common(4):
                people[n] += c
        for p in here:
            loc_hits[p] += 1
    participants = [p for p, _ in people.most_common(6)]
    place = ""
    if loc_hits:  # where it happened: in the locative (Pekin'de) in a third of the articles
        name, hits = sorted(loc_hits.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if hits * 3 >= len(articles):
            place = name
    return participants, strip_suffix(place)
