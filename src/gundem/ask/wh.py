"""Who, who-is, why, what, and the sentence matching the when/where answers fall back on.

A question is matched to sentences by its named entities (every one must be named in the
sentence, or in its article for a weaker match) and its remaining words: a word the verb
lexicon (verbs.py) knows matches any synonym or voice ("öldü" ↔ "öldürüldü" ↔ "hayatını
kaybetti"), other words match by stem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gundem.ask.kinds import QUESTION_WORDS, ParsedQuestion, QEntity
from gundem.ask.verbs import WEAK, groups_in, question_groups, words
from gundem.ask.views import ArticleView, candidates, event_flat, mentions
from gundem.store.search import analyze
from gundem.turkish import fold
from gundem.turkish.lexicon import SEARCH_STOPWORDS

if TYPE_CHECKING:  # pragma: no cover
    from gundem.store.db import Store
    from gundem.store.search import SearchIndex

_CAUSE = re.compile(
    r"nedeniyle|sebebiyle|yüzünden|dolayı|üzerine|ardından|gerekçesiyle|için|nedeni|"
    r"sonucu|kaynaklan|ileri sürdü|yol aç", re.IGNORECASE,
)  # fmt: skip
# a finding of the cause: "… kısa devreden çıktığı belirlendi", "… kaymasıyla çöktüğü tespit
# edildi", "… kesildiğinin belirlendiğini söyledi"
_FINDING = re.compile(
    r"\w+(?:d|t)[ıiuü]ğ[ıiuü](?:n[ıiuü]n)?\s+(?:belirlen|tespit edil|saptan|anlaşıl|ortaya çık)"
    r"|nedeniyle|sebebiyle|yüzünden|dolayı|gerekçesiyle|kaynaklan|yol aç|sonucu",
    re.IGNORECASE,
)


@dataclass
class Match:
    view: ArticleView
    idx: int
    score: float  # share of the question's words the sentence holds (entities count double)
    in_sentence: bool  # every entity named in the sentence itself


def requirements(pq: ParsedQuestion) -> tuple[list[str], list[str]]:
    """(stems, verb groups) a sentence should hold besides the entities."""
    groups, covered = question_groups(pq.text)
    covered_stems = set(analyze(" ".join(covered), keep_stopwords=True))
    ent = {t for e in pq.entities for k in e.keys for t in k}
    stems = [t for t in dict.fromkeys(pq.terms)
             if t not in ent and t not in covered_stems and t not in QUESTION_WORDS
             and t not in SEARCH_STOPWORDS and len(t) > 1]  # fmt: skip
    strong = [g for g in groups if g not in WEAK]
    return stems, strong or sorted(groups)


def match_sentences(
    store: Store, index: SearchIndex, pq: ParsedQuestion, min_score: float = 0.5
) -> list[Match]:
    stems, groups = requirements(pq)
    total = len(stems) + len(groups) + 2 * len(pq.entities)
    if not total:
        return []
    out: list[Match] = []
    views = candidates(index, store, pq)
    names = event_flat(views)
    replaced = _replaced(pq)
    for v in views:
        # a name of the question may be in the title, the dateline or another report of
        # the event ("İran'da düşen uçak": the body names only Tahran)
        if not all(mentions(v.flat, e) or mentions(names[v.a.id], e) for e in pq.entities):
            continue
        for i, st in enumerate(v.stems):
            if replaced and not _replaces(st, replaced):
                continue  # "X'in yerine": X must be the one replaced, not the newcomer
            in_sent = [e for e in pq.entities if mentions(st, e)]
            got = sum(1 for t in stems if t in st)
            sg = groups_in(v.sentence(i)) if groups else set()
            got += sum(1 for g in groups if g in sg)
            if got == 0 and (stems or groups):
                continue
            if groups and not sg & set(groups):
                continue  # the question's verb (any voice or synonym) must be there
            full = len(in_sent) == len(pq.entities)
            # an entity named elsewhere in the article (its dateline, an earlier sentence)
            # counts half: "Soruşturma kapsamında X gözaltına alındı" after "Kozlu'da …"
            score = (got + 2 * len(in_sent) + (len(pq.entities) - len(in_sent))) / total
            if not full:
                score *= 0.8
            if score >= min_score:
                out.append(Match(v, i, score, full))
    out.sort(key=lambda m: (-m.score, m.view.a.published or "", m.idx))
    return out


_YERINE = "yerine"


def _replaced(pq: ParsedQuestion) -> QEntity | None:
    """The entity right before "yerine" in the question ("Tillerson'un yerine kim")."""
    ws = words(pq.text)
    if _YERINE not in ws:
        return None
    k = ws.index(_YERINE)
    before = [e for e in pq.entities if e.pos < k]
    return before[-1] if before else None


def _replaces(st: list[str], e: QEntity) -> bool:
    """The sentence names ``e`` within the two words before "yerine"."""
    for j, t in enumerate(st):
        if t == _YERINE and mentions(st[max(0, j - 3) : j], e):
            return True
    return False


def _best(ms: list[Match], slack: float = 0.0) -> list[Match]:
    if not ms:
        return []
    top = ms[0].score
    return [m for m in ms if m.score >= top - slack - 1e-9]


def _sentence_answer(m: Match, prefix: str = "") -> dict[str, Any]:
    return {"text": prefix + m.view.sentence(m.idx).strip(), "citations": [m.view.cite(m.idx)]}


def _dedupe(ms: list[Match]) -> list[Match]:
    seen: set[str] = set()
    out = []
    for m in ms:
        key = " ".join(words(m.view.sentence(m.idx)))
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def why(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    """The matching sentence that gives a cause ("nedeniyle", "üzerine"); else the matching
    sentence with the next sentences of its paragraph, where reports give the reason."""
    ms = match_sentences(store, index, pq)
    found = _findings(ms, pq)
    if found:
        return [_sentence_answer(m) for m in found]
    caused = [m for m in ms if _CAUSE.search(m.view.sentence(m.idx))]
    if caused:
        return [_sentence_answer(m) for m in _dedupe(_best(caused, 0.1))[:3]]
    out = []
    for m in _dedupe(_best(ms, 0.1))[:2]:
        v = m.view
        idxs = [m.idx] + [j for j in (m.idx + 1, m.idx + 2) if j < len(v.spans)]
        out.append({"text": " ".join(v.sentence(j).strip() for j in idxs),
                    "citations": [v.cite(j) for j in idxs]})  # fmt: skip
    return out


def _findings(ms: list[Match], pq: ParsedQuestion) -> list[Match]:
    """A finding of the cause ("… kısa devreden çıktığı belirlendi") anywhere in the article
    of the best match, sharing a word with the question: reports give the event first and
    its cause paragraphs later, in other inflections ("çıktı" / "çıktığı")."""
    best = _best(ms, 0.1)[:2]
    ent = {t for e in pq.entities for k in e.keys for t in k}
    topic = {t[:4] for t in pq.terms if t not in ent and t not in QUESTION_WORDS and len(t) > 2}
    out: list[tuple[int, Match]] = []
    seen: set[tuple[str, int]] = set()
    for m in best:
        v = m.view
        for j, st in enumerate(v.stems):
            if (v.a.id, j) in seen or not _FINDING.search(v.sentence(j)):
                continue
            seen.add((v.a.id, j))
            shared = len(topic & {t[:4] for t in st})
            if shared:
                out.append((shared, Match(v, j, m.score, m.in_sentence)))
    out.sort(key=lambda x: -x[0])
    return [m for n, m in out if n == out[0][0]][:2] if out else []


def what(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    ms = _dedupe(_same_event(_best(match_sentences(store, index, pq), 0.3)))[:3]
    return [_sentence_answer(m) for m in ms + _more_of_same(ms, pq)][:4]


def _same_event(ms: list[Match]) -> list[Match]:
    """Weaker matches only from the best match's article or event: another agreement's
    provisions are no answer about this one."""
    if not ms:
        return ms
    top = ms[0]
    return [m for m in ms if m.score >= top.score - 0.1 or m.view.a.id == top.view.a.id
            or (top.view.a.event_id and m.view.a.event_id == top.view.a.event_id)]  # fmt: skip


def _more_of_same(ms: list[Match], pq: ParsedQuestion) -> list[Match]:
    """Later sentences of the best article that carry the question's predicate verb
    ("Metin ayrıca … öngörüyor"): an agreement's other provisions."""
    _stems, groups = requirements(pq)
    if not ms or not groups:
        return []
    top = ms[0]
    have = {(m.view.a.id, m.idx) for m in ms}
    out = []
    for j in range(top.idx + 1, min(top.idx + 4, len(top.view.spans))):
        if (top.view.a.id, j) not in have and set(groups) <= groups_in(top.view.sentence(j)):
            out.append(Match(top.view, j, top.score, top.in_sentence))
    return out


def persons_in(v: ArticleView, i: int, pq: ParsedQuestion) -> list[str]:
    st = v.stems[i]
    asked = {fold(e.name) for e in pq.entities}
    out = []
    for ent in v.a.entities:
        if ent.type != "PERSON" or fold(ent.name) in asked:
            continue
        keys = {tuple(analyze(x, True)) for x in [ent.name, *ent.aliases]} - {()}
        if any(_has_key(st, k) for k in keys) and ent.name not in out:
            out.append(ent.name)
    return out


def _has_key(seq: list[str], key: tuple[str, ...]) -> bool:
    n = len(key)
    return any(tuple(seq[j : j + n]) == key for j in range(len(seq) - n + 1))


def who(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    ms = _dedupe(_best(match_sentences(store, index, pq), 0.1))
    out = []
    for m in ms[:3]:
        names = persons_in(m.view, m.idx, pq)
        prefix = f"{', '.join(names)}: " if names else ""
        out.append(_sentence_answer(m, prefix))
    return out


def _relation(pq: ParsedQuestion, e: QEntity) -> bool:
    """ "Sarkisyan'ın eşi kimdir?": a noun follows the name in the genitive, so the question
    asks who that relation is, not who the person is."""
    ws = re.findall(r"[^\W_]+(?:[’'‘`´][^\W_]+)?", pq.text)
    last = max((e2.pos + len(e2.surface.split()) for e2 in pq.entities), default=0)
    if last >= len(ws) - 1:
        return False
    genitive = re.search(r"[’'‘`´](?:n?[ıiuü]n)$", fold(ws[last - 1]))
    return bool(genitive) and fold(ws[last]) not in ("kimdir", "kim")


def who_is(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    """Roles the entity stage stored for the person, each cited to a sentence naming both;
    else the sentences that introduce the person."""
    if not pq.entities:
        return []
    e = pq.entities[0]
    if _relation(pq, e):  # "X'in eşi kimdir": another person, named with the relation
        return who(store, index, pq)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    intro: list[tuple[ArticleView, int]] = []
    for v in candidates(index, store, pq):
        idxs = [i for i, st in enumerate(v.stems) if mentions(st, e)]
        if not idxs:
            continue
        intro.append((v, idxs[0]))
        for ent in v.a.entities:
            if fold(ent.name) != fold(e.name):
                continue
            for role in ent.roles:
                if fold(role) in seen:
                    continue
                i = next((j for j in idxs if fold(role) in fold(v.sentence(j))), idxs[0])
                seen.add(fold(role))
                out.append({"text": f"{ent.name}: {role}.", "citations": [v.cite(i)]})
    if out:
        return out[:4]
    return [{"text": v.sentence(i).strip(), "citations": [v.cite(i)]} for v, i in intro[:2]]
