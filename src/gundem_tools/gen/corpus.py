"""Generated evaluation corpus for event/story linking (deterministic, written by us).

Stories are pairs of countries; each story has several events (summits, ministers'
meetings, phone calls, agreements, visits, messages) spread over 2024–2025 (or a
longer span at scale). Every event is covered by several outlets with different
title/lead templates, synonyms, reordered facts, spelling variants of names and
different translations of the same statements; some outlets give different numbers
or dates; some articles are undated; some are syndicated near-copies. Distractors:
the same two leaders meet several times in a story, and one participant meets two
different counterparts on the same day in the same city.

    python bench/gen_corpus.py --n 450 --out corpus.jsonl [--text-only]

``generate(n_articles, seed, text_only)`` returns a list of ``(Article, Gold)``.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from gundem.model import Article, Claim, Entity, Quote, TimeRef, alias_spans, content_id

MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos",
          "Eylül", "Ekim", "Kasım", "Aralık"]  # fmt: skip
DAYS = ["Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"]

BACK = set("aıou")
FRONT = set("eiöü")
HARD = set("çfhkpsşt")


def _last_vowel(w: str) -> str:
    for ch in reversed(w.lower()):
        if ch in BACK or ch in FRONT:
            return ch
    return "e"


def sfx(name: str, case: str, apos: str = "'") -> str:
    """name + Turkish case suffix with vowel harmony: loc, abl, dat, gen, acc, ins."""
    v = _last_vowel(name)
    back = v in BACK
    last = name[-1].lower()
    vowel_end = last in BACK or last in FRONT
    hard = last in HARD
    a = "a" if back else "e"
    i4 = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}[v]
    d = "t" if hard else "d"
    if case == "loc":
        s = d + a
    elif case == "abl":
        s = d + a + "n"
    elif case == "dat":
        s = ("y" + a) if vowel_end else a
    elif case == "gen":
        s = ("n" + i4 + "n") if vowel_end else (i4 + "n")
    elif case == "acc":
        s = ("y" + i4) if vowel_end else i4
    elif case == "ins":
        s = ("yl" + a) if vowel_end else ("l" + a)
    else:
        s = ""
    return f"{name}{apos}{s}"


@dataclass
class Person:
    name: str
    title: str  # "Rusya Devlet Başkanı"
    variants: list[str]
    short: str  # surname used alone


@dataclass
class Side:
    country: str
    leader: Person
    minister: Person
    defense: Person
    capital: str
    cities: list[str]
    agency: str
    country_variants: list[str] = field(default_factory=list)
    place_variants: dict[str, list[str]] = field(default_factory=dict)


def _p(name: str, title: str, variants: list[str] | None = None, short: str = "") -> Person:
    return Person(name, title, variants or [name], short or name.split()[-1])


REAL_SIDES = {
    "Rusya": Side("Rusya", _p("Vladimir Putin", "Rusya Devlet Başkanı"),
                  _p("Sergey Lavrov", "Rusya Dışişleri Bakanı"),
                  _p("Andrey Belousov", "Rusya Savunma Bakanı"),
                  "Moskova", ["Vladivostok", "Soçi", "Kazan"], "TASS"),
    "Kuzey Kore": Side("Kuzey Kore", _p("Kim Jong-un", "Kuzey Kore lideri", ["Kim Jong-un", "Kim Jong Un"], "Kim"),
                       _p("Choe Son-hui", "Kuzey Kore Dışişleri Bakanı", ["Choe Son-hui", "Choe Son Hui"], "Choe"),
                       _p("No Kwang-chol", "Kuzey Kore Savunma Bakanı", ["No Kwang-chol", "No Kwang Chol"], "Kwang-chol"),
                       "Pyongyang", ["Wonsan", "Hamhung"], "KCNA",
                       ["Kuzey Kore", "Demokratik Kore Halk Cumhuriyeti"],
                       {"Pyongyang": ["Pyongyang", "Pyongyan", "Pyongyang"]}),
    "Çin": Side("Çin", _p("Şi Cinping", "Çin Devlet Başkanı", ["Şi Cinping", "Xi Jinping"], "Şi"),
                _p("Vang Yi", "Çin Dışişleri Bakanı", ["Vang Yi", "Wang Yi"], "Vang"),
                _p("Dong Jun", "Çin Savunma Bakanı"), "Pekin", ["Şanghay", "Tiencin"], "Şinhua"),
    "Türkiye": Side("Türkiye", _p("Recep Tayyip Erdoğan", "Cumhurbaşkanı", short="Erdoğan"),
                    _p("Hakan Fidan", "Dışişleri Bakanı"), _p("Yaşar Güler", "Milli Savunma Bakanı"),
                    "Ankara", ["İstanbul", "İzmir", "Antalya"], "Anadolu Ajansı"),
    "Azerbaycan": Side("Azerbaycan", _p("İlham Aliyev", "Azerbaycan Cumhurbaşkanı"),
                       _p("Ceyhun Bayramov", "Azerbaycan Dışişleri Bakanı"),
                       _p("Zakir Hasanov", "Azerbaycan Savunma Bakanı"), "Bakü", ["Gence", "Şuşa"], "APA"),
    "ABD": Side("ABD", _p("Donald Trump", "ABD Başkanı"), _p("Marco Rubio", "ABD Dışişleri Bakanı"),
                _p("Pete Hegseth", "ABD Savunma Bakanı"), "Washington", ["New York", "Florida"], "AP"),
    "Ukrayna": Side("Ukrayna", _p("Volodimir Zelenskiy", "Ukrayna Devlet Başkanı", ["Volodimir Zelenskiy", "Vladimir Zelenski"], "Zelenskiy"),
                    _p("Andriy Sibiga", "Ukrayna Dışişleri Bakanı"), _p("Rustem Umerov", "Ukrayna Savunma Bakanı"),
                    "Kiev", ["Odessa", "Lviv"], "Ukrinform"),
    "İran": Side("İran", _p("Mesud Pezeşkiyan", "İran Cumhurbaşkanı"), _p("Abbas Arakçi", "İran Dışişleri Bakanı"),
                 _p("Aziz Nasirzade", "İran Savunma Bakanı"), "Tahran", ["İsfahan", "Tebriz"], "IRNA"),
    "Almanya": Side("Almanya", _p("Friedrich Merz", "Almanya Başbakanı"), _p("Johann Wadephul", "Almanya Dışişleri Bakanı"),
                    _p("Boris Pistorius", "Almanya Savunma Bakanı"), "Berlin", ["Münih", "Hamburg"], "DPA"),
    "Fransa": Side("Fransa", _p("Emmanuel Macron", "Fransa Cumhurbaşkanı"), _p("Jean-Noel Barrot", "Fransa Dışişleri Bakanı"),
                   _p("Sebastien Lecornu", "Fransa Savunma Bakanı"), "Paris", ["Marsilya", "Lyon"], "AFP"),
    "Macaristan": Side("Macaristan", _p("Viktor Orban", "Macaristan Başbakanı"), _p("Peter Szijjarto", "Macaristan Dışişleri Bakanı"),
                       _p("Kristof Szalay-Bobrovniczky", "Macaristan Savunma Bakanı"), "Budapeşte", ["Debrecen"], "MTI"),
    "Hindistan": Side("Hindistan", _p("Narendra Modi", "Hindistan Başbakanı"), _p("Subrahmanyam Jaishankar", "Hindistan Dışişleri Bakanı"),
                      _p("Rajnath Singh", "Hindistan Savunma Bakanı"), "Yeni Delhi", ["Mumbai"], "PTI"),
}  # fmt: skip

REAL_STORIES = [
    ("Rusya", "Kuzey Kore"), ("Rusya", "Çin"), ("Türkiye", "Azerbaycan"), ("ABD", "Çin"),
    ("Rusya", "Ukrayna"), ("Türkiye", "İran"), ("Almanya", "Fransa"), ("ABD", "Ukrayna"),
    ("Rusya", "İran"), ("Türkiye", "Macaristan"), ("Rusya", "Hindistan"), ("Çin", "Kuzey Kore"),
]  # fmt: skip

OUTLETS = ["Haber Merkezi", "Gündem Postası", "Dünya Bülteni", "Ekspres Haber", "Anlık Haber",
           "Kıta Gazetesi", "Yeni Ufuk", "Doğu Batı Haber", "Ajans Masası", "Manşet 24",
           "Küresel Bakış", "Son Dakika Net"]  # fmt: skip

TOPICS = [
    ("enerji", ["enerji işbirliği", "doğal gaz projeleri", "enerji hatları"]),
    ("ticaret", ["ticaret hacmi", "ikili ticaret", "ekonomik ilişkiler"]),
    ("savunma", ["savunma işbirliği", "askeri işbirliği", "güvenlik ortaklığı"]),
    ("ulaşım", ["ulaştırma koridoru", "demiryolu bağlantısı", "lojistik hatları"]),
    ("teknoloji", ["teknoloji transferi", "uzay programı", "yapay zekâ projeleri"]),
    ("tarım", ["tahıl ticareti", "gıda güvenliği", "tarım ürünleri"]),
    ("barış", ["ateşkes görüşmeleri", "barış süreci", "esir takası"]),
    ("turizm", ["turizm", "vize muafiyeti", "doğrudan uçuşlar"]),
]

KINDS = ["summit", "ministers", "phone", "agreement", "defense", "message"]

# A statement has one meaning and several translations; {t} is the topic phrase.
STATEMENTS = [
    ["İlişkilerimiz yeni bir seviyeye ulaştı ve {t} alanında adımlar atacağız",
     "Aramızdaki ilişkiler yeni bir aşamaya geçti, {t} konusunda somut adımlar atılacak",
     "İki ülke ilişkileri yepyeni bir düzeye yükseldi; {t} alanında birlikte adım atacağız"],
    ["Her şey plana göre ilerliyor ve ortaklığımız güçleniyor",
     "Her şey planlandığı gibi ilerliyor, ortaklığımız giderek güçleniyor",
     "İşler plan doğrultusunda yürüyor ve ortaklığımız daha da güçleniyor"],
    ["Dostlarımızla omuz omuza durmaya devam edeceğiz",
     "Dost ülkelerle omuz omuza durmayı sürdüreceğiz",
     "Dostlarımızın yanında omuz omuza durmaya devam edeceğiz"],
    ["Bu anlaşma bölgede istikrarın teminatı olacak",
     "Bu anlaşma bölgesel istikrarın güvencesi olacaktır",
     "İmzalanan anlaşma bölgede istikrarın teminatıdır"],
    ["Dış baskılara rağmen işbirliğimizi derinleştireceğiz",
     "Dışarıdan gelen baskılara rağmen işbirliğimizi derinleştirmeyi sürdüreceğiz",
     "Baskılar ne olursa olsun işbirliğimizi daha da derinleştireceğiz"],
    ["Halklarımız arasındaki dostluk sarsılmaz bir temele dayanıyor",
     "Halklarımızın dostluğu sarsılmaz temeller üzerinde duruyor",
     "İki halk arasındaki dostluğun temeli sarsılmazdır"],
    ["{t} alanındaki projeleri hızlandırma kararı aldık",
     "{t} projelerini hızlandırmaya karar verdik",
     "{t} konusundaki projeleri hızlandırmayı kararlaştırdık"],
    ["Kardeş halkın zaferine olan inancımız tamdır",
     "Kardeş halkın kazanacağına yürekten inanıyoruz",
     "Kardeş halkın zafer kazanacağına inancımız tam"],
    ["Görüşmelerimiz son derece verimli ve samimi geçti",
     "Son derece verimli ve samimi bir görüşme yaptık",
     "Görüşmemiz oldukça verimli ve içten bir havada geçti"],
    ["Yaptırımlar ortak hedeflerimizden bizi alıkoyamaz",
     "Yaptırımlar bizi ortak hedeflerimizden vazgeçiremeyecek",
     "Hiçbir yaptırım ortak hedeflerimize ulaşmamızı engelleyemez"],
]  # fmt: skip

DIRECT_CUES = ["dedi", "ifadesini kullandı", "şeklinde konuştu", "diye konuştu", "dedi"]
INDIRECT_CUES = ["belirtti", "vurguladı", "kaydetti", "söyledi", "ifade etti"]

CLAIMS = [
    ("asker", "{v} asker", [("", 1), ("yaklaşık", 1), ("en az", 1)], [8000, 10000, 11000, 12000, 15000]),
    ("milyar dolar", "{v} milyar dolar", [("", 1), ("yaklaşık", 1)], [12, 20, 25, 30, 40]),
    ("anlaşma", "{v} anlaşma", [("", 1)], [5, 8, 12, 15, 20]),
    ("ton", "{v} milyon ton", [("", 1), ("yaklaşık", 1)], [2, 3, 5, 7]),
    ("uçuş", "haftada {v} uçuş", [("", 1)], [7, 10, 14]),
]  # fmt: skip

FILLERS = [
    "Uzmanlar, görüşmenin bölgedeki dengeleri etkileyebileceğini değerlendiriyor.",
    "Batılı başkentler gelişmeleri yakından takip ediyor.",
    "Analistler, iki ülkenin son yıllarda giderek yakınlaştığına dikkat çekiyor.",
    "Gözlemciler, temasların yakın zamanda yeni adımlarla süreceğini öngörüyor.",
    "Diplomatik kaynaklar, görüşmelerin kapalı kapılar ardında sürdüğünü aktardı.",
    "Konuya ilişkin ayrıntılı açıklamanın ilerleyen günlerde yapılması bekleniyor.",
    "Bölge ülkeleri, temasların sonuçlarını dikkatle izliyor.",
    "Görüşmede ekonomik ve siyasi başlıklar ele alındı.",
    "Toplantının ardından ortak bir bildiri yayımlandı.",
    "Taraflar, çalışma gruplarının düzenli olarak toplanması konusunda uzlaştı.",
]  # fmt: skip

SYL = ["ka", "ra", "lo", "ve", "ni", "sto", "mar", "del", "tu", "ban", "zer", "go", "li", "an",
       "dor", "mi", "sa", "ber", "vi", "ta", "kon", "rel", "pa", "nu", "sel", "ho", "dar", "ze"]  # fmt: skip
FIRST = ["Aron", "Bela", "Cem", "Dario", "Emil", "Farid", "Goran", "Hugo", "Ivo", "Jonas", "Kemal",
         "Luca", "Milan", "Nikos", "Oskar", "Pavel", "Rami", "Sami", "Tomas", "Umar", "Viktor",
         "Yusuf", "Zoran", "Anton", "Bruno", "Carlo", "Darius", "Elias", "Filip", "Gabriel"]  # fmt: skip


@dataclass
class Gold:
    event: str
    story: str
    duplicate_of: str | None = None
    quotes: list[str] = field(default_factory=list)  # statement label per Article.quotes item


@dataclass
class EventSpec:
    id: str
    story: str
    kind: str
    day: date
    place: str
    a: Person
    b: Person
    sa: Side
    sb: Side
    topic: tuple[str, list[str]]
    statements: list[tuple[Person, int]]
    claim: tuple | None
    claim_values: list[float]
    previous: EventSpec | None = None


def cap(s: str) -> str:
    return (("İ" if s[0] == "i" else s[0].upper()) + s[1:]) if s else s


def _name(rng: random.Random, k: int = 2) -> str:
    return "".join(rng.choice(SYL) for _ in range(k)).title()


def synthetic_side(rng: random.Random, i: int) -> Side:
    country = _name(rng, 3) + "ya"

    def person(title: str) -> Person:
        last = _name(rng, 3)
        return _p(f"{rng.choice(FIRST)} {last}", f"{country} {title}")

    cap = _name(rng, 2) + "grad"
    return Side(country, person("Devlet Başkanı"), person("Dışişleri Bakanı"),
                person("Savunma Bakanı"), cap, [_name(rng, 2) + "ova", _name(rng, 3)],
                _name(rng, 2).upper() + "A")  # fmt: skip


def _date_phrase(rng: random.Random, d: date, published: date | None) -> tuple[str, bool]:
    """A Turkish date expression for d (text, is_absolute)."""
    opts = [
        f"{d.day} {sfx(MONTHS[d.month - 1], 'loc')}",
        f"{d.day} {MONTHS[d.month - 1]} {d.year} tarihinde",
    ]
    if published is not None and (published - d).days == 1:
        opts.append("dün")
    if published is not None and published == d:
        opts.append("bugün")
    opts.append(f"{DAYS[d.weekday()]} günü")
    t = rng.choice(opts)
    return t, t[0].isdigit()


class Generator:
    def __init__(self, seed: int = 7, text_only: bool = False, span_years: int = 2) -> None:
        self.rng = random.Random(seed)
        self.text_only = text_only
        self.span_years = span_years
        self._qlabels: dict[str, list[str]] = {}
        self.start = date(2024, 1, 1) if span_years <= 2 else date(2025 - span_years, 1, 1)

    # -- plan ------------------------------------------------------------------------
    def plan(self, n_articles: int) -> list[EventSpec]:
        rng = self.rng
        n_events = max(1, round(n_articles / 6.4))
        n_stories = max(1, round(n_events / 5))
        pairs: list[tuple[Side, Side]] = []
        for i in range(n_stories):
            if i < len(REAL_STORIES):
                x, y = REAL_STORIES[i]
                pairs.append((REAL_SIDES[x], REAL_SIDES[y]))
            else:
                pairs.append((synthetic_side(rng, 2 * i), synthetic_side(rng, 2 * i + 1)))
        events: list[EventSpec] = []
        span = 365 * self.span_years - 20
        per_story = [
            n_events // n_stories + (1 if i < n_events % n_stories else 0) for i in range(n_stories)
        ]
        for si, ((sa, sb), k) in enumerate(zip(pairs, per_story, strict=True)):
            story = f"S{si:05d}"
            days = sorted(rng.sample(range(span), k))
            # keep events of one story at least 9 days apart (distinct happenings)
            for j in range(1, len(days)):
                days[j] = max(days[j], days[j - 1] + 9)
            prev = None
            kinds = ["summit"] + [rng.choice(KINDS) for _ in range(k - 1)]
            rng.shuffle(kinds)
            for d, kind in zip(days, kinds, strict=True):
                ev = self._event(
                    f"E{len(events):06d}", story, kind, self.start + timedelta(d), sa, sb, prev
                )
                events.append(ev)
                prev = ev
        self._collisions(events)
        return events

    def _event(self, eid, story, kind, day, sa, sb, prev) -> EventSpec:
        rng = self.rng
        host, guest = (sa, sb) if rng.random() < 0.5 else (sb, sa)
        if kind in ("summit", "message", "phone"):
            a, b = host.leader, guest.leader
        elif kind in ("ministers", "agreement"):
            a, b = host.minister, guest.minister
        else:
            a, b = host.defense, guest.defense
        place = rng.choice([host.capital, host.capital, *host.cities])
        topic = rng.choice(TOPICS)
        st = rng.sample(range(len(STATEMENTS)), 3)
        statements = [(a, st[0]), (b, st[1])]
        if rng.random() < 0.4:  # a second statement by the same speaker
            statements.append((a, st[2]))
        claim = rng.choice(CLAIMS) if rng.random() < 0.7 else None
        vals: list[float] = []
        if claim:
            base = rng.choice(claim[3])
            vals = [base]
            if rng.random() < 0.4:  # outlets disagree
                vals.append(rng.choice([v for v in claim[3] if v != base]))
        return EventSpec(eid, story, kind, day, place, a, b, host, guest, topic, statements,
                         claim, vals, prev)  # fmt: skip

    def _collisions(self, events: list[EventSpec]) -> None:
        """Same person, same day, same city, different counterpart: different events."""
        by_person: dict[str, list[EventSpec]] = {}
        for ev in events:
            if ev.kind == "summit":
                by_person.setdefault(ev.a.name, []).append(ev)
        done = 0
        for evs in by_person.values():
            stories = {}
            for ev in evs:
                stories.setdefault(ev.story, ev)
            cand = list(stories.values())
            if len(cand) >= 2 and done < max(2, len(events) // 40):
                x, y = cand[0], cand[1]
                y.day = x.day
                y.place = x.place
                done += 1

    # -- render ------------------------------------------------------------------------
    def generate(self, n_articles: int) -> list[tuple[Article, Gold]]:
        out: list[tuple[Article, Gold]] = []
        for ev in self.plan(n_articles):
            out.extend(self.render_event(ev))
        return out

    def render_event(self, ev: EventSpec) -> list[tuple[Article, Gold]]:
        rng = self.rng
        n = rng.choice([4, 5, 6, 6, 7, 8])
        outlets = rng.sample(OUTLETS, n)
        arts: list[tuple[Article, Gold]] = []
        for i, outlet in enumerate(outlets):
            a = self.render_article(ev, outlet, i)
            arts.append((a, Gold(ev.id, ev.story, quotes=self._qlabels.pop(a.id, []))))
        # syndicated near-copies of one agency text
        if rng.random() < 0.35:
            src, _ = rng.choice(arts)
            copy = self.syndicate(src)
            labels = dict(zip((q.text for q in src.quotes), _gold_of(arts, src.id), strict=False))
            gq = [labels.get(q.text, "") for q in copy.quotes]
            arts.append((copy, Gold(ev.id, ev.story, duplicate_of=src.id, quotes=gq)))
        return arts

    def syndicate(self, src: Article) -> Article:
        rng = self.rng
        paras = src.text.split("\n\n")
        if len(paras) > 3:
            paras = paras[:-1]
        text = "\n\n".join(paras).replace(" ve ", " ile ", 1)
        outlet = rng.choice([o for o in OUTLETS if o != src.outlet])
        a = Article(
            id=content_id(outlet + src.title + text, "gen:"), source=f"gen://{outlet}/{src.id}c",
            text=text, title=src.title, outlet=outlet, published=src.published,
            published_from=src.published_from, language="tr", format="text",
        )  # fmt: skip
        if not self.text_only:
            self._annotate_from(a, src)
        return a

    def _annotate_from(self, a: Article, src: Article) -> None:
        a.entities = [Entity(e.name, e.type, list(e.aliases), alias_spans(a.text, e.aliases), e.id)
                      for e in src.entities]  # fmt: skip
        a.entities = [e for e in a.entities if e.mentions]
        a.quotes = [q for q in src.quotes if q.text in a.text]
        a.claims = [c for c in src.claims if c.sentence in a.text]
        a.times = [t for t in src.times if t.text in a.text]

    def render_article(self, ev: EventSpec, outlet: str, idx: int) -> Article:
        rng = self.rng
        undated = rng.random() < 0.12
        pub_day = ev.day + timedelta(days=rng.choice([0, 0, 0, 1, 1]))
        published = None if undated else pub_day
        # some outlets misreport the day of the event by one
        rep_day = ev.day + timedelta(days=1) if rng.random() < 0.1 else ev.day
        var = rng.randrange(3)
        a_name = rng.choice(ev.a.variants)
        b_name = rng.choice(ev.b.variants)
        pv = ev.sa.place_variants.get(ev.place) or ev.sb.place_variants.get(ev.place) or [ev.place]
        place = rng.choice(pv)
        topic = rng.choice(ev.topic[1])
        ca, cb = ev.sa.country, ev.sb.country
        if rng.random() < 0.5:
            ca, cb = cb, ca
        a_full = f"{ev.a.title} {a_name}"
        b_full = f"{ev.b.title} {b_name}"
        dphrase, _ = _date_phrase(rng, rep_day, published or pub_day)
        meet = rng.choice(
            ["bir araya geldi", "görüştü", "görüşme gerçekleştirdi", "biraraya geldi"]
        )
        kind = ev.kind
        times: list[tuple[str, date]] = []
        if kind == "phone":
            meet = rng.choice(["telefonda görüştü", "telefon görüşmesi yaptı", "telefonla görüştü"])
            lead = f"{a_full}, {sfx(b_full, 'ins')} {dphrase} {meet}."
            titles = [f"{sfx(ev.a.short, 'abl')} {sfx(ev.b.short, 'dat')} telefon: {topic} masada",
                      f"{ca} ve {cb} liderleri telefonda {topic} konusunu görüştü",
                      f"{a_name} ile {b_name} arasında kritik telefon görüşmesi"]  # fmt: skip
        elif kind == "message":
            lead = f"{a_full}, {sfx(b_full, 'dat')} {dphrase} bir mesaj gönderdi."
            titles = [f"{sfx(ev.a.short, 'abl')} {sfx(ev.b.short, 'dat')} mesaj: {topic} vurgusu",
                      f"{a_name}, {sfx(b_name, 'dat')} mektup gönderdi",
                      f"{ca} lideri {sfx(cb, 'dat')} dostluk mesajı verdi"]  # fmt: skip
        elif kind == "agreement":
            lead = f"{a_full} ile {b_full}, {dphrase} {sfx(place, 'loc')} {topic} alanında anlaşma imzaladı."
            titles = [f"{ca} ile {cb} arasında {topic} anlaşması",
                      f"{sfx(place, 'loc')} imzalar atıldı: {topic}",
                      f"{ca} ve {cb} {topic} için anlaştı"]  # fmt: skip
        elif kind == "defense":
            lead = f"{a_full}, {dphrase} {sfx(place, 'loc')} {sfx(b_full, 'ins')} {meet}."
            titles = [f"{ca} ve {cb} savunma bakanları {sfx(place, 'loc')} görüştü",
                      f"{sfx(ev.a.short, 'gen')} {place} temasları: {topic}",
                      f"{a_name} ile {b_name} {sfx(place, 'loc')} {meet}"]  # fmt: skip
        else:
            lead = rng.choice([
                f"{a_full}, {sfx(b_full, 'ins')} {dphrase} {sfx(place, 'loc')} {meet}.",
                f"{a_full} ve {b_full}, {dphrase} {sfx(place, 'loc')} {meet}.",
                f"{sfx(place, 'loc')} {dphrase} {sfx(b_full, 'ins')} {meet} {a_full}, {topic} konusunu ele aldı.",
            ])  # fmt: skip
            titles = [f"{a_name} ile {b_name} {sfx(place, 'loc')} {meet}",
                      f"{ca} ve {cb} arasında {place} zirvesi",
                      f"{sfx(place, 'loc')} kritik görüşme: {topic} gündemde",
                      f"{sfx(ev.a.short, 'abl')} {sfx(ev.b.short, 'dat')} {place} mesajı"]  # fmt: skip
        times.append((dphrase, rep_day))
        title = rng.choice(titles)
        title = cap(title)
        lead = cap(lead)
        body: list[str] = []
        quotes: list[Quote] = []
        claims: list[Claim] = []
        qlabels: list[str] = []
        for person, st in ev.statements:
            if rng.random() < 0.15:
                continue
            qt = STATEMENTS[st][(var + rng.randrange(2)) % 3].format(t=topic)
            qt = cap(qt)
            speaker_name = rng.choice(
                [person.short, person.name, f"{person.title.split()[0]} lideri {person.short}"]
            )
            if rng.random() < 0.7:
                cue = rng.choice(DIRECT_CUES)
                sent = f'{speaker_name}, "{qt}" {cue}.'
                quotes.append(Quote(person.name, qt, "direct", cue))
                qlabels.append(f"{ev.id}|{st}")
            else:
                cue = rng.choice(INDIRECT_CUES)
                low = {"İ": "i", "I": "ı"}.get(qt[0], qt[0].lower()) + qt[1:]
                sent = f"{speaker_name}, {low} şeklindeki görüşlerini paylaşarak bu konuda kararlı olduklarını {cue}."
                quotes.append(Quote(person.name, qt, "indirect", cue))
                qlabels.append(f"{ev.id}|{st}")
            body.append(sent)
        if ev.claim:
            unit, fmt, quals, _ = ev.claim
            v = rng.choice(ev.claim_values)
            qual = rng.choice(quals)[0]
            shown = f"{int(v) // 1000} bin" if v >= 1000 else str(int(v))
            ctext = (qual + " " if qual else "") + fmt.format(v=shown)
            src = rng.choice([ev.sa.agency, ev.sb.agency, ""])
            att = f"{sfx(src, 'gen')} aktardığına göre, " if src else ""
            if unit == "asker":
                s = f"{att}{ctext} bölgeye gönderildi."
            elif unit == "milyar dolar":
                s = f"{att}iki ülke arasındaki ticaret hacmi {ctext} seviyesine ulaştı."
            elif unit == "anlaşma":
                s = f"{att}görüşmede {ctext} imzalandı."
            elif unit == "ton":
                s = f"{att}taraflar yıllık {ctext} ürün sevkiyatı üzerinde uzlaştı."
            else:
                s = f"{att}iki başkent arasında {ctext} yapılacak."
            s = cap(s)
            body.append(s)
            claims.append(Claim(ctext, float(v), unit, qual, src, s))
        fill = rng.sample(FILLERS, rng.choice([2, 3, 4]))
        body.extend(fill)
        other = rng.choice([t for t in ev.topic[1] if t != topic])
        body.append(f"Görüşmede {topic} ile {other} başlıkları öne çıktı.")
        if ev.previous is not None and rng.random() < 0.5:
            p = ev.previous
            ptext = f"{MONTHS[p.day.month - 1]} {p.day.year}"
            body.append(
                f"Taraflar en son {sfx(ptext, 'loc')} {sfx(p.place, 'loc')} bir araya gelmişti."
            )
            times.append((sfx(ptext, "loc"), p.day))
        rng.shuffle(body)
        paras = [lead]
        while body:
            k = rng.choice([1, 2, 2, 3])
            paras.append(" ".join(body[:k]))
            body = body[k:]
        text = "\n\n".join(paras)
        a = Article(
            id=content_id(outlet + title + text, "gen:"), source=f"gen://{outlet}/{ev.id}/{idx}",
            text=text, title=title, outlet=outlet,
            published=published.isoformat() if published else None,
            published_from="header" if published else None, language="tr", format="text",
        )  # fmt: skip
        self._qlabels[a.id] = qlabels
        if not self.text_only:
            a.quotes = quotes
            a.claims = claims
            for t, d in times:
                prec = "day" if t[0].isdigit() or t in ("dün", "bugün") or "günü" in t else "month"
                value = d.isoformat() if prec == "day" else d.isoformat()[:7]
                if "günü" in t and published is None:
                    value = None
                a.times.append(TimeRef(t, value, prec if value else ""))
            ents = [(ev.a, "PERSON"), (ev.b, "PERSON")]
            a.entities = []
            for p, typ in ents:
                aliases = [*p.variants, p.short]
                a.entities.append(Entity(p.name, typ, aliases, alias_spans(text, aliases),
                                         content_id(f"{typ}:{p.name}")))  # fmt: skip
            for side in (ev.sa, ev.sb):
                aliases = side.country_variants or [side.country]
                a.entities.append(Entity(side.country, "GPE", aliases, alias_spans(text + " " + title, aliases),
                                         content_id(f"GPE:{side.country}")))  # fmt: skip
            pal = pv
            a.entities.append(Entity(ev.place, "GPE", list(set(pal)), alias_spans(text, pal),
                                     content_id(f"GPE:{ev.place}")))  # fmt: skip
            for ag in {c.attributed_to for c in claims if c.attributed_to}:
                a.entities.append(
                    Entity(ag, "ORG", [ag], alias_spans(text, [ag]), content_id(f"ORG:{ag}"))
                )
            a.entities = [e for e in a.entities if e.mentions]
        return a


def _gold_of(arts: list[tuple[Article, Gold]], aid: str) -> list[str]:
    return next((g.quotes for a, g in arts if a.id == aid), [])


def generate(n_articles: int = 450, seed: int = 7, text_only: bool = False,
             span_years: int = 2) -> list[tuple[Article, Gold]]:  # fmt: skip
    return Generator(seed, text_only, span_years).generate(n_articles)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=450)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--text-only", action="store_true")
    ap.add_argument("--out", default="-")
    args = ap.parse_args()
    rows = generate(args.n, args.seed, args.text_only)
    lines = [
        json.dumps({"article": a.to_dict(), "gold": g.__dict__}, ensure_ascii=False)
        for a, g in rows
    ]
    if args.out == "-":
        print("\n".join(lines))
    else:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        n_ev = len({g.event for _, g in rows})
        n_st = len({g.story for _, g in rows})
        print(f"articles: {len(rows)}\nevents: {n_ev}\nstories: {n_st}")


if __name__ == "__main__":
    main()
