"""Generated Turkish news corpus with known facts, and questions with known answers.

Every article is written here from templates (no outside text): meetings (who met whom,
where, when), quotes (who said what to whom), numeric claims from several outlets that
agree or disagree. ``build()`` returns the articles with entities/quotes/claims/times
filled as the generator knows them, and ≥100 questions with gold answers and the
sentences that support them.

    python bench/gen_questions.py --db /tmp/q.duckdb      # write the corpus into a store
    python bench/gen_questions.py --show 5                # print a few questions
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from gundem.model import (
    Article,
    Claim,
    Entity,
    Event,
    Quote,
    RawDoc,
    Story,
    TimeRef,
    alias_spans,
    content_id,
)

PERSONS = [
    ("Elena Morozova", "Morozova", "Dışişleri Bakanı"), ("Kenji Tanaka", "Tanaka", "Savunma Bakanı"),
    ("Marta Kowalska", "Kowalska", "Başbakan"), ("Ivan Sokolov", "Sokolov", "Genelkurmay Başkanı"),
    ("Ayşe Demirtaş", "Demirtaş", "Ticaret Bakanı"), ("Lee Min-jun", "Lee", "Birleşme Bakanı"),
    ("Pedro Almeida", "Almeida", "Cumhurbaşkanı"), ("Sofia Lindqvist", "Lindqvist", "Enerji Bakanı"),
    ("Omar Haddad", "Haddad", "Dışişleri Bakanı"), ("Nadia Petrenko", "Petrenko", "Başbakan Yardımcısı"),
    ("Hans Vogel", "Vogel", "Maliye Bakanı"), ("Farid Karimi", "Karimi", "Savunma Bakanı"),
    ("Giulia Romano", "Romano", "Ekonomi Bakanı"), ("Tomasz Nowak", "Nowak", "İçişleri Bakanı"),
    ("Chen Wei", "Chen", "Dışişleri Bakanı"), ("Rustam Aliyev", "Aliyev", "Enerji Bakanı"),
    ("Mehmet Kaya", "Kaya", "Dışişleri Bakanı"), ("Anna Berg", "Berg", "Savunma Bakanı"),
    ("Yusuf Erdem", "Erdem", "Ulaştırma Bakanı"), ("Pavel Orlov", "Orlov", "Savunma Bakanı"),
    ("Laila Nasser", "Nasser", "Sağlık Bakanı"), ("Viktor Hale", "Hale", "Genelkurmay Başkanı"),
]  # fmt: skip
PLACES = [
    "Ankara",
    "Moskova",
    "Pekin",
    "Tahran",
    "Bakü",
    "Berlin",
    "Paris",
    "Roma",
    "Viyana",
    "Cenevre",
    "Doha",
    "Kahire",
    "Tokyo",
    "Seul",
    "Madrid",
    "Lizbon",
    "Atina",
    "Varşova",
    "Oslo",
    "Helsinki",
    "Budapeşte",
    "Prag",
    "Sofya",
    "Bükreş",
]
COUNTRIES = [
    ("Kuzey Kore", "Rusya"), ("İran", "Suriye"), ("Belarus", "Rusya"), ("Türkiye", "Libya"),
    ("Çin", "Pakistan"), ("Fransa", "Mali"), ("Almanya", "Litvanya"), ("Japonya", "Filipinler"),
    ("Mısır", "Sudan"), ("Polonya", "Ukrayna"),
]  # fmt: skip
UNITS = ["asker", "mühendis", "işçi", "doktor", "gözlemci", "danışman", "gönüllü", "uzman"]
SOURCES = ["NIS", "Reuters", "AP", "AFP", "Bloomberg", "DPA", "Anadolu Ajansı", "BBC"]
OUTLETS = ["Gündem Postası", "Anka Haber", "Kuzey Ajans", "Doğu Bülteni", "Ses Gazetesi", "Pusula"]
MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
          "Ekim", "Kasım", "Aralık"]  # fmt: skip
Q_ADJ = ["kalıcı", "adil", "güçlü", "yeni", "kapsamlı", "sağlam", "derin", "açık", "geniş", "somut",
         "dengeli", "uzun soluklu"]  # fmt: skip
Q_NOUN = ["ortaklık", "işbirliği", "diyalog", "barış", "güven", "dayanışma", "anlaşma", "uzlaşı",
          "ticaret", "koordinasyon"]  # fmt: skip
Q_END = ["kurmaya kararlıyız", "istiyoruz", "hedefliyoruz", "kaçınılmazdır", "sürdüreceğiz",
         "önceliğimizdir", "mümkündür", "gerekir"]  # fmt: skip
FILLER = [
    "Görüşmenin ayrıntıları kamuoyuyla paylaşılmadı.",
    "Uzmanlar, gelişmenin bölgedeki dengeleri etkileyebileceğini belirtiyor.",
    "Toplantı öncesinde iki heyet arasında hazırlık çalışmaları yapıldı.",
    "Yetkililer, yeni adımların önümüzdeki haftalarda atılmasının beklendiğini ifade etti.",
    "Bölgedeki gerginlik son aylarda artış gösterdi.",
    "Basın mensupları salona alınmadı.",
    "Analistler, temasların ekonomik boyutunun da önemli olduğunu vurguluyor.",
    "Ortak bildiri yayımlanıp yayımlanmayacağı henüz bilinmiyor.",
]

_VOWELS = "aeıioöuü"
_BACK = "aıou"
_HARD = "pçtkfhsş"


def _last_vowel(w: str) -> str:
    for ch in reversed(w.lower()):
        if ch in _VOWELS:
            return ch
    return "e"


def suffix(word: str, case: str) -> str:
    """Turkish case suffix with an apostrophe for proper names (dat: Kim’e, loc: Paris’te)."""
    base = word.split()[-1]
    back = _last_vowel(base) in _BACK
    ends_vowel = base[-1].lower() in _VOWELS
    hard = base[-1].lower() in _HARD
    if case == "dat":
        suf = ("y" if ends_vowel else "") + ("a" if back else "e")
    elif case == "loc":
        suf = ("t" if hard else "d") + ("a" if back else "e")
    elif case == "gen":
        v = _last_vowel(base)
        vv = "ı" if v in "aı" else "i" if v in "ei" else "u" if v in "ou" else "ü"
        suf = ("n" if ends_vowel else "") + vv + "n"
    else:
        raise ValueError(case)
    return f"{word}’{suf}"


@dataclass
class _Doc:
    paras: list[list[tuple[str, dict[str, Any]]]] = field(default_factory=list)


def _assemble(
    title: str, paras: list[list[tuple[str, dict[str, Any]]]]
) -> tuple[str, list[tuple[int, int, str, dict]]]:
    """Join sentences into paragraphs; return text and (start, end, sentence, facts) per sentence."""
    text, spans = "", []
    for p in paras:
        if text:
            text += "\n\n"
        for k, (s, facts) in enumerate(p):
            if k:
                text += " "
            spans.append((len(text), len(text) + len(s), s, facts))
            text += s
    return text, spans


def _entity(
    name: str, etype: str, aliases: list[str], text: str, roles: list[str] | None = None
) -> Entity:
    return Entity(name=name, type=etype, aliases=sorted(set(aliases) - {name}),
                  mentions=alias_spans(text, {name, *aliases}), id=content_id(f"{etype}:{name}"), roles=roles or [])  # fmt: skip


def _article(title: str, outlet: str, published: str, paras: list, persons: list[tuple],
             places: list[str], orgs: list[str], extra: dict[str, Any]) -> Article:  # fmt: skip
    text, spans = _assemble(title, paras)
    a = Article(id=content_id(outlet + title + text), source=f"gen://{outlet}/{title}", text=text,
                title=title, outlet=outlet, published=published, published_from="header",
                language="tr", format="text")  # fmt: skip
    for full, short, role in persons:
        a.entities.append(_entity(full, "PERSON", [short], text, [role]))
    for pl in places:
        a.entities.append(_entity(pl, "GPE", [], text))
    for o in orgs:
        a.entities.append(_entity(o, "ORG", [], text))
    for start, _end, sent, facts in spans:
        for q in facts.get("quotes", []):
            qs = text.index(q["text"], start)
            a.quotes.append(Quote(speaker=q["speaker"], text=q["text"], kind="direct", cue=q["cue"],
                                  start=qs, end=qs + len(q["text"])))  # fmt: skip
        for c in facts.get("claims", []):
            cs = text.index(c["text"], start)
            a.claims.append(Claim(text=c["text"], value=c["value"], unit=c["unit"],
                                  attributed_to=c["source"], sentence=sent, start=cs,
                                  end=cs + len(c["text"])))  # fmt: skip
        for t in facts.get("times", []):
            ts = text.index(t["text"], start)
            a.times.append(TimeRef(text=t["text"], value=t["value"], precision="day",
                                   anchor=published, start=ts, end=ts + len(t["text"])))  # fmt: skip
    a.__dict__.update(extra)
    return a


def _quote_pool(rng: random.Random) -> Iterator[str]:
    seen: set[str] = set()
    while True:
        q = f"{rng.choice(Q_ADJ).capitalize()} bir {rng.choice(Q_NOUN)} {rng.choice(Q_END)}"
        if q not in seen:
            seen.add(q)
            yield q


def _fmt_num(v: int) -> str:
    return f"{v // 1000} bin" if v % 1000 == 0 and v >= 1000 else f"{v:,}".replace(",", ".")


def build(
    n_facts: int = 20, n_topics: int = 10, seed: int = 7
) -> tuple[list[Article], list[dict[str, Any]], list[Event], list[Story]]:
    """Articles (facts filled in), questions with gold answers, events and one story."""
    rng = random.Random(seed)
    quotes = _quote_pool(rng)
    arts: list[Article] = []
    qs: list[dict[str, Any]] = []
    events: list[Event] = []
    persons = PERSONS[:]
    rng.shuffle(persons)
    places = PLACES[:]
    rng.shuffle(places)
    for f in range(n_facts):
        A = persons[f % len(persons)]
        B = persons[(f + 7) % len(persons)]
        P = places[f % len(places)]
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.choice([2024, 2025])
        date_text = f"{day} {MONTHS[month - 1]} {year}"
        iso = f"{year}-{month:02d}-{day:02d}"
        pub = f"{year}-{month:02d}-{min(day + 1, 28):02d}"
        qa, qb = next(quotes), next(quotes)
        meet = f"{A[2]} {A[0]}, {date_text} tarihinde {suffix(P, 'loc')} {B[2]} {B[0]} ile görüştü."
        said = f"{A[1]}, {suffix(B[1], 'dat')} yönelik açıklamasında “{qa}” dedi."
        reply = f"{B[1]} ise “{qb}” ifadesini kullandı."
        paras = [
            [(meet, {"times": [{"text": date_text, "value": iso}]}), (rng.choice(FILLER), {})],
            [(said, {"quotes": [{"speaker": A[0], "text": qa, "cue": "dedi"}]}),
             (reply, {"quotes": [{"speaker": B[0], "text": qb, "cue": "ifadesini kullandı"}]})],
            [(rng.choice(FILLER), {}), (f"{A[1]} daha sonra {P} temaslarını değerlendirdi.", {})],
        ]  # fmt: skip
        ev_id = content_id(f"event:{f}")
        title = f"{A[1]} ile {B[1]} {suffix(P, 'loc')} bir araya geldi"
        outlet = OUTLETS[f % len(OUTLETS)]
        a = _article(
            title, outlet, pub, paras, [A, B], [P], [], {"event_id": ev_id, "story_id": "story-gen"}
        )
        arts.append(a)
        events.append(Event(id=ev_id, date=iso, date_from="times", place=P, participants=[A[0], B[0]],
                            headline=title, summary=[{"sentence": meet, "article_id": a.id}],
                            article_ids=[a.id], quotes=[{"speaker": A[0], "text": qa, "article_ids": [a.id]}],
                            story_id="story-gen"))  # fmt: skip
        base = {"fact": f}
        if f % 2:  # paraphrased forms for half of the facts
            qs += [
                {**base, "q": f"{A[1]}, {P} ziyaretinde kiminle buluştu?", "kind": "met",
                 "gold": [B[0]], "support": [meet]},
                {**base, "q": f"{A[1]} ve {B[1]} hangi tarihte bir araya geldi?", "kind": "when",
                 "gold": [iso], "alt": [date_text], "support": [meet]},
                {**base, "q": f"{A[1]} ile {B[1]} görüşmesi nerede yapıldı?", "kind": "where",
                 "gold": [P], "support": [meet]},
                {**base, "q": f"{A[1]}, {B[1]} hakkında ne söyledi?", "kind": "said",
                 "gold": [qa], "not": [qb], "support": [said]},
                {**base, "q": f"“{qb.lower()}” diyen kim?", "kind": "who_said", "gold": [B[0]],
                 "support": [reply]},
            ]  # fmt: skip
            continue
        qs += [
            {**base, "q": f"{A[1]} {suffix(P, 'loc')} kimle görüştü?", "kind": "met",
             "gold": [B[0]], "support": [meet]},
            {**base, "q": f"{A[1]} ile {B[1]} ne zaman görüştü?", "kind": "when",
             "gold": [iso], "alt": [date_text], "support": [meet]},
            {**base, "q": f"{A[1]} ile {B[1]} nerede görüştü?", "kind": "where", "gold": [P], "support": [meet]},
            {**base, "q": f"{A[1]} {suffix(B[1], 'dat')} ne dedi?", "kind": "said",
             "gold": [qa], "not": [qb], "support": [said]},
            {**base, "q": f"“{qb}” sözlerini kim söyledi?", "kind": "who_said", "gold": [B[0]],
             "support": [reply]},
        ]  # fmt: skip
    # numeric claims: each topic has a best-supported figure (2-3 outlets) and 1-2 others
    for t in range(n_topics):
        C1, C2 = COUNTRIES[t % len(COUNTRIES)]
        unit = UNITS[t % len(UNITS)]
        values = rng.sample(range(2, 40), 3)
        best, others = values[0] * 1000, [v * 1000 for v in values[1 : 1 + rng.randint(1, 2)]]
        plan = [best] * rng.randint(2, 3) + others
        support = []
        for k, val in enumerate(plan):
            src = SOURCES[(t + k) % len(SOURCES)]
            num = _fmt_num(val)
            sent = f"{suffix(src, 'dat')} göre {C1} {suffix(C2, 'dat')} {num} {unit} gönderdi."
            support.append(sent)
            yr = 2024 + k % 2
            pub = f"{yr}-{(t % 12) + 1:02d}-{10 + k:02d}"
            paras = [
                [(f"{C1} ile {C2} arasındaki yakınlaşma sürüyor.", {}),
                 (sent, {"claims": [{"text": num, "value": float(val), "unit": unit, "source": src}]})],
                [(rng.choice(FILLER), {}), (rng.choice(FILLER), {})],
            ]  # fmt: skip
            title = f"{C1}, {suffix(C2, 'dat')} {unit} desteği ({k + 1})"
            arts.append(
                _article(
                    title, OUTLETS[(t + k) % len(OUTLETS)], pub, paras, [], [C1, C2], [src], {}
                )
            )
        qs.append({"q": f"{C1} {suffix(C2, 'dat')} kaç {unit} gönderdi?", "kind": "how_many",
                   "gold": [_fmt_num(best)], "all": [_fmt_num(v) for v in [best, *others]],
                   "support": support})  # fmt: skip
        qs.append({"q": f"{C1} {suffix(C2, 'dat')} gönderilen {unit} sayısında hangi kaynaklar farklı rakam veriyor?",
                   "kind": "disagree", "gold": [_fmt_num(v) for v in [best, *others]], "support": support})  # fmt: skip
    # questions the corpus cannot answer
    for k in range(max(10, n_facts // 2)):
        A = persons[k % len(persons)]
        P = places[(k + n_facts + 1) % len(places)]
        C1, C2 = COUNTRIES[k % len(COUNTRIES)]
        qs.append(
            [
                {"q": f"{A[1]} {suffix(P, 'loc')} kimle görüştü?", "kind": "met"},
                {"q": f"{C1} {suffix(C2, 'dat')} kaç tank gönderdi?", "kind": "how_many"},
                {"q": f"Zorbek Qantarov {suffix(A[1], 'dat')} ne dedi?", "kind": "said"},
                {"q": f"Zorbek Qantarov ile {A[1]} ne zaman görüştü?", "kind": "when"},
            ][k % 4]
            | {"gold": [], "negative": True, "support": []}
        )
    story = Story(id="story-gen", title="Diplomatik temaslar", event_ids=[e.id for e in events],
                  timeline=[{"date": e.date, "event_id": e.id, "headline": e.headline} for e in events])  # fmt: skip
    return arts, qs, events, story


def raw_docs(arts: list[Article]) -> list[RawDoc]:
    """The generated articles as raw text inputs for the real pipeline."""
    return [
        RawDoc(source=a.source, data=f"{a.title}\n\n{a.text}\n".encode(),
               meta={"title": a.title, "published": a.published, "outlet": a.outlet, "format": "text"})
        for a in arts
    ]  # fmt: skip


def random_articles(n: int, seed: int = 1) -> Iterator[Article]:
    """Many cheap generated articles (for search/latency benches); facts not tracked."""
    rng = random.Random(seed)
    quotes = _quote_pool(rng)
    for i in range(n):
        A, B = rng.sample(PERSONS, 2)
        P = rng.choice(PLACES)
        C1, C2 = rng.choice(COUNTRIES)
        unit = rng.choice(UNITS)
        src = rng.choice(SOURCES)
        num = _fmt_num(rng.randint(1, 90) * 1000)
        date = f"{rng.choice([2023, 2024, 2025])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        q = (
            next(quotes)
            if i < 900
            else f"{rng.choice(Q_ADJ).capitalize()} bir {rng.choice(Q_NOUN)} {rng.choice(Q_END)}"
        )
        paras = [
            [(f"{A[2]} {A[0]}, {suffix(P, 'loc')} {B[0]} ile görüştü.", {}),
             (f"{suffix(src, 'dat')} göre {C1} {suffix(C2, 'dat')} {num} {unit} gönderdi.",
              {"claims": [{"text": num, "value": 1.0, "unit": unit, "source": src}]})],
            [(f"{A[1]}, “{q}” dedi.", {"quotes": [{"speaker": A[0], "text": q, "cue": "dedi"}]}),
             (rng.choice(FILLER), {}), (rng.choice(FILLER), {})],
        ]  # fmt: skip
        title = f"{A[1]} {suffix(P, 'loc')} ({i})"
        yield _article(title, rng.choice(OUTLETS), date, paras, [A, B], [P, C1, C2], [src], {})


def write_store(
    path: str, arts: list[Article], events: list[Event] = (), stories: list[Story] = ()
) -> None:
    from gundem.store.db import Store

    with Store(path) as st:
        st.add_articles(list(arts))
        st.put_events(list(events))
        st.put_stories(list(stories))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="write the corpus into this DuckDB file")
    ap.add_argument("--facts", type=int, default=20)
    ap.add_argument("--topics", type=int, default=10)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args(argv)
    arts, qs, events, story = build(args.facts, args.topics)
    if args.db:
        write_store(args.db, arts, events, [story])
    print(f"articles: {len(arts)}")
    print(f"questions: {len(qs)}")
    for q in qs[: args.show]:
        print(f"  {q['kind']}: {q['q']} -> {q['gold']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
