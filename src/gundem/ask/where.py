"""Where-answers: the venue or city a sentence names for the asked event, never a place
from a sentence about other people.

A question naming two or more participants ("Putin Kim ile nerede görüştü?") takes only
sentences that name all of them, or that continue such a sentence in its paragraph without
naming anyone else ("Görüşmenin … konukevinde gerçekleştiği bildirildi"). Venues and
cities come before countries; a place in the ablative or genitive ("Kremlin'den yapılan
açıklama", "Saray'ın açıklaması") is a source, not where it happened.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from gundem.ask import wh
from gundem.ask.kinds import ParsedQuestion, QEntity
from gundem.ask.views import ArticleView, candidates, date_label, has, mentions
from gundem.ner.lexicon import COUNTRIES, MULTI_COUNTRIES
from gundem.ner.places import country_names
from gundem.store.search import analyze
from gundem.turkish import fold, stem

if TYPE_CHECKING:  # pragma: no cover
    from gundem.store.db import Store
    from gundem.store.search import SearchIndex

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
MEET = frozenset({"görüş", "görüşme", "buluş", "buluşma", "görüştü", "kabul", "araya", "temas",
                  "karşıla", "ağırla", "ziyaret"})  # fmt: skip

_APOS_RE = "[’'‘`´]"
_LOC_RE = re.compile(r"([A-ZÇĞİÖŞÜ][\w-]+(?:\s+[A-ZÇĞİÖŞÜ][\w-]+)*)[’'](?:n?[dt][ae])\b")
_VENUE_HEADS = (
    "konağ", "konak", "stad", "hastane", "cami", "merkez", "bölge", "mahalle", "saray", "salon",
    "meydan", "üniversite", "otel", "köşk", "liman", "havaliman", "köy", "belde", "mevki",
    "kampüs", "fabrika", "ocağ", "konukev", "konut", "kilise", "park", "tesis", "sokağ", "cadde",
    "bulvar", "kışla", "karakol", "ilçe", "kongre", "fuar", "kent", "site", "okul", "lise",
)  # fmt: skip
_CAP = r"[A-ZÇĞİÖŞÜ][\w-]*"
_VENUE_RE = re.compile(rf"((?:{_CAP}\s+){{0,4}}{_CAP})\s+([^\W\d_]+)")
_FINE = ("köy", "mevki", "mahalle", "belde", "sokağ", "cadde")  # finer than a district
# after the name: a closing quote or apostrophe, then the case ending ("Konukevi"nde")
_TAIL_RE = re.compile(r"(?:\s+[A-ZÇĞİÖŞÜ][^\s’'‘`´\"”]*)*[’'‘`´\"”]*([^\W\d_]*)")
_SOURCE_CASE = re.compile(r"(?:n|y)?[dt][ae]n|n?[ıiuü]n|[dt][ae]ki[ln]")  # ablative, genitive
CITY_HEADS = frozenset({"şehir", "şehr", "kent", "başkent", "il", "merkez"})
COUNTRY_HEADS = frozenset({"ülke"})
_COUNTRIES: frozenset[str] | None = None


def countries() -> frozenset[str]:
    global _COUNTRIES
    if _COUNTRIES is None:
        names = [*COUNTRIES.split(), *MULTI_COUNTRIES, *country_names()]
        _COUNTRIES = frozenset(fold(n) for n in names)
    return _COUNTRIES


def meet_terms(pq: ParsedQuestion) -> set[str] | None:
    """Stems a supporting sentence must hold: any meeting verb when the question is about one."""
    if set(pq.terms) & MEET or "bir araya" in fold(pq.text):
        return set(MEET)
    return {pq.verb} if pq.verb else None


def entity_sentences(
    v: ArticleView, ents: list[QEntity], need: frozenset[str] | set[str] | None = None
) -> list[int]:
    out = []
    for i, st in enumerate(v.stems):
        if all(mentions(st, e) for e in ents) and (not need or need & set(st)):
            out.append(i)
    return out


def participants(pq: ParsedQuestion) -> list[QEntity]:
    """The people and bodies of the question (not its places)."""
    return [e for e in pq.entities if not e.locative and e.type not in PLACE_TYPES]


def _others_named(v: ArticleView, i: int, ents: list[QEntity]) -> bool:
    """The sentence names a person the question does not."""
    asked = {fold(e.name) for e in ents}
    st = v.stems[i]
    for ent in v.a.entities:
        if ent.type != "PERSON" or fold(ent.name) in asked:
            continue
        keys = {tuple(analyze(x, True)) for x in [ent.name, *ent.aliases]} - {()}
        if any(has(st, k) for k in keys) and not any(mentions(list(k), e) for k in keys
                                                      for e in ents):  # fmt: skip
            return True
    return False


def continues(v: ArticleView, i: int, ents: list[QEntity]) -> bool:
    """Sentence ``i`` follows, in the same paragraph, one naming every participant, and
    names nobody else: it goes on about the same meeting."""
    if i == 0 or i - 1 not in v.paragraph_of(i):
        return False
    return all(mentions(v.stems[i - 1], e) for e in ents) and not _others_named(v, i, ents)


def _source_case(sent: str, end: int) -> bool:
    m = _TAIL_RE.match(sent, end)
    return bool(m and _SOURCE_CASE.fullmatch(fold(m.group(1))))


def venues(v: ArticleView, i: int) -> list[tuple[int, str]]:
    """(rank, phrase) of the places a sentence names: 0 stored facilities and capitalised
    names with a venue noun ("Hariciye Konağı", "Gelik beldesi"), 1 other venue nouns,
    2 places in the locative ("Pekin'de"), 3 countries."""
    sent = v.sentence(i)
    out: list[tuple[int, str]] = []
    for m in _VENUE_RE.finditer(sent):
        head = re.split(_APOS_RE, m.group(2))[0]
        fh = fold(head)
        h = next((h for h in _VENUE_HEADS if fh.startswith(h)), "")
        if not h or _SOURCE_CASE.fullmatch(fh[len(h) :].lstrip("ıiuüs")):
            continue
        if head[0].isupper() and _source_case(sent, m.start(2) + len(head)):
            continue
        name = m.group(1)
        if head[0].isupper():
            name = f"{name} {head}"
        else:  # "Gelik beldesindeki" → "Gelik beldesi"
            name = f"{name} {_base_noun(head)}"
        rank = 0 if fh.startswith(_FINE) or head[0].isupper() else 1
        out.append((rank, name))
    for ent in v.a.entities:
        if ent.type != "FAC":
            continue
        for x in [ent.name, *ent.aliases]:
            pos = sent.find(x) if x else -1
            if pos >= 0 and not _source_case(sent, pos + len(x)):
                out.append((0, ent.name))
                break
    for m in _LOC_RE.finditer(sent):
        out.append((3 if fold(m.group(1)) in countries() else 2, m.group(1)))
    return out


def _base_noun(w: str) -> str:
    """ "beldesindeki" → "beldesi", "köyüne" → "köyü": the noun with its compound suffix."""
    m = re.match(r"(.+?(?:s[ıiuü]|[ıiuü]))(?:n(?:d[ae]|[ae]|ın|in|un|ün)|nd[ae]ki|yl[ae])?$", w)
    return m.group(1) if m else w


def _evidence(
    store: Store, index: SearchIndex, pq: ParsedQuestion
) -> list[tuple[ArticleView, int]]:
    ents = pq.entities
    need = meet_terms(pq) if ents else None
    views = candidates(index, store, pq) if ents else []
    pairs = [(v, i) for v in views for i in entity_sentences(v, ents, need)]
    pairs += [(m.view, m.idx) for m in wh.match_sentences(store, index, pq, min_score=0.5)[:6]]
    who = participants(pq)
    if len(who) < 2:
        return pairs
    # two or more participants: the sentence names them all, or goes on about their meeting
    named = [(v, i) for v, i in pairs if all(mentions(v.stems[i], e) for e in who)]
    more = [(v, i + 1) for v, i in named if i + 1 < len(v.stems) and continues(v, i + 1, who)
            and (not need or need & set(v.stems[i + 1]))]  # fmt: skip
    return named + more


def _head_ok(pq: ParsedQuestion, rank: int, place: str) -> bool:
    """ "hangi hastanede": the place's noun; "hangi şehirde": not a country; "hangi ülkede"."""
    if not pq.head:
        return True
    if pq.head in CITY_HEADS:
        return rank == 2
    if pq.head in COUNTRY_HEADS:
        return rank == 3
    return any(stem(w).startswith(pq.head) or w.startswith(pq.head) for w in fold(place).split())


def where(store: Store, index: SearchIndex, pq: ParsedQuestion) -> list[dict[str, Any]]:
    ents = pq.entities
    q_names = {fold(e.name) for e in ents} | {t for e in ents for k in e.keys for t in k}
    found: list[tuple[int, int, str, ArticleView, int]] = []
    for n, (v, i) in enumerate(_evidence(store, index, pq)):
        for rank, place in venues(v, i):
            fp = fold(place)
            if fp in q_names or stem(fp) in q_names or any(fp.startswith(q) for q in q_names):
                continue
            if _head_ok(pq, rank, place):
                found.append((rank, n, place, v, i))
    found.sort(key=lambda x: (x[0], x[1]))
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for rank, _n, place, v, i in found:
        canon = next((en.name for en in v.a.entities if en.type in PLACE_TYPES
                      and fold(place) in {fold(x) for x in [en.name, *en.aliases]}), place)  # fmt: skip
        # the venue and its city; a country only when nothing finer is named
        if fold(canon) in seen or (out and (rank > found[0][0] + 2 or rank == 3)):
            continue
        seen.add(fold(canon))
        out.append({"text": f"Yer: {canon}{date_label(v)}.", "citations": [v.cite(i)]})
    return out[:4]
