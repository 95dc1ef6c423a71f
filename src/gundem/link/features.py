"""Cheap, deterministic text features for linking: Turkish case folding, content-word
stems, capitalised-token fallback for entities, sparse vectors and dates.

Everything here is a pure function; stems are cached per token so a corpus with a
Zipfian vocabulary costs one akana call per distinct word.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from gundem.model import Article

_APOS = "'’‘`´"
_WORD = re.compile(r"[^\W\d_]+(?:[-][^\W\d_]+)*(?:['’‘][^\W\d_]+)?")
_CAP_RUN = re.compile(r"(?<![\w’'])[A-ZÇĞİÖŞÜÂÎ][^\W\d_]*(?:['’‘][^\W\d_]+)?")
_SENT_SPLIT = re.compile(r"(?<=[.!?…])[\"”’»)]*\s+(?=[\"“‘«(]?[A-ZÇĞİÖŞÜ0-9])|\n+")
_ABBREV = re.compile(r"\b(?:Dr|Prof|Doç|Av|Yrd|Sn|St|vb|vs|No|Gen|Org|Korg|Tuğg|Alb|Yb)\.$")

STOPWORDS = frozenset(
    """acaba ama ancak aslında az bazı belki ben beri bile bir biri birkaç birçok birlikte
    bu bunu bunun buna bunda bundan bunlar şu şunu o onu onun ona onda ondan onlar da de
    daha değil diye en gibi göre hem hep hepsi her hiç için ile ise kadar karşı ki kim
    mı mi mu mü nasıl ne neden nerede niçin niye olan olarak olduğu olduğunu oldu olmak
    olması olmuştur olup sonra şey şöyle tüm ve veya ya yani yine zaten ayrıca artık
    üzere bunun için tarafından arasında arasındaki ilgili yönelik sırasında son ilk
    dedi ifade etti belirtti söyledi açıkladı kaydetti vurguladı konuştu ifadesini
    kullandı şeklinde aktardı bildirdi bildirildi yer aldı yaptı yapılan yapıldı
    olduğunu olduklarını edildi edilen eden ederek etmek etti ettiğini ettiklerini
    """.split()
)

# Title words that are capitalised inside names but are not names themselves.
TITLE_WORDS = frozenset(
    """devlet başkanı başkan başbakan bakanı bakan lideri lider sözcüsü sözcü genel
    sekreteri dışişleri savunma cumhurbaşkanı yardımcısı müsteşarı büyükelçisi
    haberler dünya ana sayfa son dakika gündem başbakanı milli kralı emiri prensi
    bakanlığı başkanlığı sekreter yardımcı""".split()
)
CALENDAR = frozenset(
    """ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
    pazartesi salı çarşamba perşembe cuma cumartesi pazar""".split()
)


@lru_cache(maxsize=50_000)
def common_word(word: str) -> bool:
    """True for a dictionary word that is not a proper name (Görüşmede, Analistler)."""
    low = tr_lower(word)
    if low in STOPWORDS or low in CALENDAR:
        return True
    if word.isupper() and len(word) > 1:
        return False  # ABD, KCNA
    m = _morphology()
    if m is None:
        return False
    try:
        analyses = m.analyze(low)
    except Exception:
        return False
    if not analyses or any(a.get("secondary_pos") == "Prop" for a in analyses):
        return False
    return max(a.get("score", 0.0) for a in analyses) >= 0.9


def tr_lower(s: str) -> str:
    """Turkish case folding: İ→i, I→ı, then lower()."""
    return s.replace("İ", "i").replace("I", "ı").lower().replace("i̇", "i")


def to_title(s: str) -> str:
    """Turkish title case of a case-folded name: "kuzey kore" → "Kuzey Kore"."""
    return " ".join(
        (("İ" if w[0] == "i" else w[0].upper()) + w[1:]) if w else w for w in s.split(" ")
    )


def strip_suffix(word: str) -> str:
    """Drop an apostrophe suffix: Putin’den → Putin."""
    for a in _APOS:
        i = word.find(a)
        if i > 0:
            return word[:i]
    return word


@lru_cache(maxsize=1)
def _morphology():  # loaded once per process (akana.stem reloads its lexicon per call)
    try:
        import akana

        return akana.Morphology()
    except Exception:  # pragma: no cover - akana is a declared dependency
        return None


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Lower-cased stem of one word: the root of akana's best analysis, else the word."""
    base = strip_suffix(word)
    w = tr_lower(base)
    if base != word or (word[:1].isupper() and not word.isupper()):
        return w  # a proper name: the apostrophe already separated its suffix
    m = _morphology()
    if m is None or not w:
        return w
    try:
        analyses = m.analyze(w)
    except Exception:
        return w
    if not analyses:
        return w
    best = max(analyses, key=lambda a: a.get("score", 0.0))
    return best.get("root") or w


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=200_000)
def _content_stem(word: str) -> str:
    low = tr_lower(strip_suffix(word))
    if len(low) < 3 or low in STOPWORDS:
        return ""
    s = stem(word)
    if len(s) < 2 or s in STOPWORDS:
        return ""
    return s


def content_stems(text: str) -> list[str]:
    """Stems of content words, in order (stopwords and very short words dropped)."""
    out = []
    for w in _WORD.findall(text):
        s = _content_stem(w)
        if s:
            out.append(s)
    return out


def norm_name(name: str) -> str:
    """Canonical key for an entity name: case-folded, apostrophe suffix and hyphens gone."""
    parts = [tr_lower(strip_suffix(p)) for p in re.split(r"[\s\-‐–]+", name) if p]
    return " ".join(p for p in parts if p)


@lru_cache(maxsize=100_000)
def name_tokens(name: str) -> tuple[str, ...]:
    """Tokens of an entity name used as linking keys (titles dropped, stemmed)."""
    out = []
    for p in norm_name(name).split():
        if p in TITLE_WORDS or len(p) < 2:
            continue
        out.append(p)  # names are not stemmed: Pekin is not pek
    return tuple(out)


def _initial(text: str, i: int) -> bool:
    """Is position i the start of a sentence, a paragraph or a quotation?"""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in ".!?\n:…\"“‘«('"


def capitalised_tokens(text: str) -> Counter[str]:
    """Fallback entity features: capitalised words not at a sentence start, stemmed."""
    c: Counter[str] = Counter()
    for m in _CAP_RUN.finditer(text):
        if _initial(text, m.start()):
            continue  # sentence initial: not evidence of a name
        w = tr_lower(strip_suffix(m.group(0)))
        if len(w) < 2 or w in STOPWORDS or w in TITLE_WORDS or w in CALENDAR:
            continue
        c[w] += 1
    return c


_W = r"[A-ZÇĞİÖŞÜ][^\W\d_]*(?:-[^\W\d_]+)*(?:['’‘][^\W\d_]+)?"
_NAME_RUN = re.compile(_W + r"(?:\s+" + _W + ")*")


def name_runs(text: str) -> Counter[str]:
    """Fallback names: runs of capitalised words, split at title words, suffixes dropped."""
    out: Counter[str] = Counter()
    for m in _NAME_RUN.finditer(text):
        initial = _initial(text, m.start())
        cur: list[str] = []
        parts = m.group(0).split()
        for k, w in enumerate([*parts, ""]):
            base = strip_suffix(w)
            low = tr_lower(base)
            stop = not w or low in TITLE_WORDS or low in CALENDAR
            if k == 0 and initial and common_word(base):
                stop = True
            if base != w and len(cur) >= 2:
                # "Vladimir Putin Wonsan'da": a suffixed word after a name is its own name
                out[" ".join(cur)] += 1
                cur = []
            if not stop:
                cur.append(base)
            if stop or base != w:  # a title word or a case suffix ends the name
                name = " ".join(cur)
                if len(name) > 1 and tr_lower(name) not in STOPWORDS:
                    out[name] += 1
                cur = []
    # "Putin" beside "Vladimir Putin" is the same name: fold short forms into full ones
    multi = [n for n in out if " " in n or "-" in n]
    for n in list(out):
        if " " not in n and any(m.endswith(" " + n) or m.startswith(n + " ") for m in multi):
            longest = max(
                (m for m in multi if m.endswith(" " + n) or m.startswith(n + " ")), key=len
            )
            out[longest] += out.pop(n)
    return out


_LOC_SUFFIX = re.compile(r"['’‘](?:da|de|ta|te|daki|deki|taki|teki)\b")


def is_locative(text: str, entity) -> bool:
    """True when a mention of ``entity`` carries a locative suffix (Pekin'de)."""
    for _s, e in entity.mentions:
        if _LOC_SUFFIX.match(text, e):
            return True
    return not entity.mentions and names_locative(text, {entity.name, *entity.aliases})


def names_locative(text: str, names: Iterable[str]) -> bool:
    """True when one of ``names`` is written with a locative suffix in ``text``."""
    for name in names:
        i = text.find(name)
        while i >= 0:
            if _LOC_SUFFIX.match(text, i + len(name)):
                return True
            i = text.find(name, i + 1)
    return False


_LOC_NAME = re.compile(
    r"(?:[A-ZÇĞİÖŞÜ][^\W\d_]*\s+)?"
    + _W.replace("(?:['’‘][^\\W\\d_]+)?", "")
    + r"(?=['’‘](?:da|de|ta|te|daki|deki|taki|teki)\b)"
)


def locative_names(text: str) -> set[str]:
    return {m.group(0) for m in _LOC_NAME.finditer(text)}


ENTITY_WEIGHT = {"PERSON": 1.5, "ORG": 1.2, "GPE": 1.0, "LOC": 1.0, "FAC": 1.0, "NORP": 0.5}


def entity_features(article: Article) -> dict[str, float]:
    """Participant/place keys with weights: from Article.entities, else capitalised tokens."""
    feats: dict[str, float] = {}
    if article.entities:
        for e in article.entities:
            w = ENTITY_WEIGHT.get(e.type, 0.4)
            w *= 1.0 + 0.25 * min(len(e.mentions), 4)
            for t in name_tokens(e.name):
                feats[t] = max(feats.get(t, 0.0), w)
        return feats
    for t, n in capitalised_tokens(article.title + ".\n" + article.text).items():
        feats[t] = 1.0 + 0.25 * min(n, 4)
    return feats


def term_vector(article: Article, max_terms: int = 200) -> dict[str, float]:
    """Sublinear tf over content stems of title (counted twice) and text; not normalised."""
    c = Counter(content_stems(article.title))
    for k in list(c):
        c[k] *= 2
    c.update(content_stems(article.text))
    vec = {t: 1.0 + math.log(n) for t, n in c.items()}
    if len(vec) > max_terms:
        vec = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:max_terms])
    return vec


def split_sentences(text: str) -> list[str]:
    """Simple Turkish-aware sentence split (paragraph breaks, .!? before a capital)."""
    out: list[str] = []
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        buf = ""
        for piece in _SENT_SPLIT.split(para):
            if not piece:
                continue
            buf = f"{buf} {piece}".strip() if buf else piece.strip()
            if _ABBREV.search(buf):
                continue
            out.append(buf)
            buf = ""
        if buf:
            out.append(buf)
    return out


def parse_date(value: str | None) -> date | None:
    """ISO YYYY-MM-DD (only day precision counts as a date for linking)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def day_number(value: str | None) -> int | None:
    d = parse_date(value)
    return d.toordinal() if d else None


def article_day(article: Article) -> tuple[int | None, str]:
    """The day the article reports about, and where it came from.

    ``published`` first; else the most frequent day-precision time expression
    (``times``); else None.
    """
    d = day_number(article.published)
    if d is not None:
        return d, "articles"
    days = Counter(day_number(t.value) for t in article.times if t.value and len(t.value) >= 10)
    days.pop(None, None)
    if days:
        return days.most_common(1)[0][0], "times"
    return None, ""


def char_ngrams(text: str, n: int = 4) -> set[int]:
    s = " ".join(content_stems(text))
    if len(s) < n:
        return {zlib.crc32(s.encode())} if s else set()
    return {zlib.crc32(s[i : i + n].encode()) for i in range(len(s) - n + 1)}


def key_hash(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))
