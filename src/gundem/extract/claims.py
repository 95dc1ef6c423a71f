"""Which numbers: numeric claims with value, unit, qualifier and source.

``extract_claims(article)`` fills ``article.claims`` (a per-article stage).

* Numbers as digits ("11 bin", "3,5 milyar dolar", "2 bin 400", "1.250", "%5",
  "yüzde 48,6") and as Turkish words ("iki bin", "beş kişi").
* Vague counts ("binlerce", "yüzlerce", "onlarca", "düzinelerce", "yüz binlerce")
  get ``value=None`` and the word as ``qualifier``: the text gives no number and we
  do not invent one.
* ``unit`` is the counted noun in its dictionary form ("askerini" → "asker",
  "Kuzey Kore askeri" → "asker"), "%" for percentages, "" when the number stands
  for a noun given elsewhere ("yaklaşık 4 bini", "10’u").
* ``qualifier``: yaklaşık, en az, en fazla, -den fazla, -den az, civarında,
  üzerinde, altında, kadar, aşkın, or the vague word.
* ``attributed_to``: the source named in the same sentence ("NIS’e göre" → NIS,
  "Güney Kore istihbaratına (NIS) göre" → NIS, "Moskova kaynaklarına göre" →
  "Moskova kaynakları", "AFAD’ın açıklamasına göre" → AFAD), else the subject
  of a reporting verb ("Bakanlık, … açıkladı"), else the speaker of the direct
  quote the number sits in (when ``article.quotes`` is filled).
* Not claims: dates and years (anything ``times`` finds), ordinals ("80’inci",
  "3."), clock times ("14.30"), ranges' ends, decades ("1950’li"), durations
  ("3 dakikada"), numbers glued to names ("BIST 100", "F-16") and page furniture
  (counters, numbered lists, paragraphs that are only a number). A small number
  word ("iki", "beş") counts only before a noun that is counted (kişi, asker…);
  "bir" alone never does.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from gundem.extract.cues import (
    INDIRECT_RE,
    Intervals,
    paragraph_spans,
    split_suffix,
)
from gundem.extract.numbers import NUMBER_WORD_ALT, parse_digits, parse_number_words
from gundem.extract.quotes import STARTERS, find_phrases
from gundem.model import Article, Claim
from gundem.turkish import article_sentences, join_protected
from gundem.turkish import casefold_tr as tr_lower
from gundem.turkish.lexicon import CALENDAR, CLAIM_STOPWORDS
from gundem.turkish.measures import AGE_WORD, MEASURE_OF_UNIT, MEASURE_STEMS, ROLE_STEMS

_L = r"[a-zçğıöşüâîû]"
_NUMTOK = (
    r"\d+\.\d{1,2}(?=\s+(?:bin|milyon|milyar|trilyon)\b)|"  # "2.5 milyon"
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
)
_SCALE = r"(?:bin(?!a)|milyon|milyar|trilyon)"  # "340 bina" is a building
_VAGUE = (
    r"(?:yüz\s+binlerce|on\s+binlerce|yüzbinlerce|onbinlerce|binlerce|yüzlerce|"
    r"onlarca|düzinelerce|milyonlarca|milyarlarca)"
)

NUMBER_RE = re.compile(
    r"(?P<pct>(?:yüzde|%)\s?)?"
    r"(?:(?P<vague>" + _VAGUE + r")(?P<vsuf>" + _L + r"*)"
    r"|(?P<n1>" + _NUMTOK + r")(?![\d])"
    r"(?:\s+(?P<s1>" + _SCALE + r")(?!lerce|larca)(?P<ssuf1>" + _L + r"*)"
    r"(?:\s+(?P<n2>\d{1,3})(?![\d.,])(?:\s+(?P<s2>bin(?!a)|milyon)(?!lerce|larca)"
    r"(?P<ssuf2>" + _L + r"*))?)?)?"
    r"|(?P<words>(?:(?:" + NUMBER_WORD_ALT + r")\s+){0,3}(?:" + NUMBER_WORD_ALT + r"))"
    r"(?![\wçğıöşü’'])"
    r")(?P<suf>[’'`]" + _L + r"+)?",
    re.IGNORECASE,
)

#: Counted nouns (dictionary form). A token matches when it is the noun plus
#: inflection ("askerini", "lirayı", "cesedi").
UNIT_NOUNS: tuple[str, ...] = (
    "devlet başkanı",
    "baz puan",
    "iş makinesi",
    "büyüklük",
    "otobüs",
    "asker",
    "kişi",
    "işçi",
    "çalışan",
    "personel",
    "gösterici",
    "insan",
    "hastane",
    "tank",
    "araç",
    "hektar",
    "aile",
    "ülke",
    "delege",
    "sivil",
    "ceset",
    "konut",
    "köy",
    "hayvan",
    "yolcu",
    "öğretmen",
    "öğrenci",
    "puan",
    "bina",
    "tır",
    "koşucu",
    "uçak",
    "helikopter",
    "ton",
    "hayran",
    "park",
    "kütüphane",
    "metrekare",
    "gemi",
    "okul",
    "yaralı",
    "ölü",
    "ambulans",
    "top",
    "çocuk",
    "dolar",
    "euro",
    "avro",
    "lira",
    "sterlin",
    "ruble",
    "yuan",
    "kilometre",
    "metre",
    "füze",
    "mermi",
    "obüs",
    "drone",
    "şehir",
    "ilçe",
    "mahalle",
    "ev",
    "daire",
    "kadın",
    "erkek",
    "bebek",
    "hasta",
    "doktor",
    "hekim",
    "polis",
    "jandarma",
    "memur",
    "seçmen",
    "oy",
    "üye",
    "milletvekili",
    "vaka",
    "test",
    "doz",
    "ağaç",
    "fidan",
    "litre",
    "varil",
    "megavat",
    "kilogram",
    "adet",
    "parça",
    "proje",
    "şirket",
    "firma",
    "işletme",
    "fabrika",
    "gol",
    "oyuncu",
    "taraftar",
    "seyirci",
    "izleyici",
    "sığınmacı",
    "göçmen",
    "mülteci",
    "tutuklu",
    "şüpheli",
    "rehine",
    "esir",
    "savaşçı",
    "militan",
    "gazeteci",
    "kurban",
    "koltuk",
    "mağdur",
    "depremzede",
    "çiftçi",
    "esnaf",
    "yatırımcı",
    "kadro",
    "savaş uçağı",
    "bomba",
    "roket",
    "mayın",
    "top mermisi",
    "konteyner",
    "çadır",
    "battaniye",
    "itfaiyeci",
    "sanatçı",
    "hediye",
    "daire",
    "maç",
    "galibiyet",
    "madalya",
)
#: Nouns that a small number word ("iki", "beş") does not count as a claim.
_NOT_FOR_SMALL = frozenset({"ülke", "şehir", "lider", "taraf"})
_TIME_STEMS = (
    "saat",
    "dakika",
    "saniye",
    "gün",
    "hafta",
    "ay",
    "yıl",
    "sene",
    "asır",
    "yüzyıl",
    "gece",
)
_INFL = re.compile(
    r"^(?:lar|ler)?(?:[ıiuü]|s[ıiuü]|y[ıiuü]|[ıiuü]?n[ıiuü]n|[ıiuü]n|y?[ae]|s?[ıiuü]?n[ae]|"
    r"[dt][ae]|[dt][ae]n|s?[ıiuü]?nd[ae]n?|y?l[ae]|s?[ıiuü]n[ıiuü]|n[ıiuü]|"
    r"[ıiuü]m[ıiuü]z|[ıiuü]n[ıiuü]z|l[ıiuü]k)?(?:n?[dt][ae]n?|y?[ae]|y?l[ae]|n[ıiuü]n)?$"
)
_SOFT = {"p": "b", "ç": "c", "t": "d", "k": "ğ"}
_ADJ_SKIP = frozenset(
    "yeni ek ayrı farklı büyük küçük genç yabancı yerli toplam ilave daha sivil olmak "
    "üzere civarı".split()
)
_VERBISH = re.compile(
    r"(?:yor(?:du|lar)?|[dt][ıiuü](?:r|lar)?|m[ıiuü]ş|[ae]c[ae]k|"
    r"[ıiuü]ld[ıiuü]|maktadır|mektedir|[dt][ıiuü]ğ[ıiuü]\w*)$"
)
_STOP_WORDS = CLAIM_STOPWORDS
_PRE_QUAL = re.compile(
    r"(?P<q>yaklaşık(?:\s+olarak)?|en\s+az|en\s+fazla|en\s+çok|tahminen|ortalama|neredeyse|"
    r"takriben)\s+$",
    re.IGNORECASE,
)
_POST_QUAL = re.compile(
    r"^(?:[’'`]?(?:[dt][ae]n)\s+(?P<more>fazla|az)|\s*[’'`]?\w*\s+(?P<pp>üzerinde|altında|"
    r"altına|aşkın|kadar|kadarı|civarında)(?:d[ıi]r|yd[ıi]|ydı|ken)?(?![\wçğıöşü]))",
    re.IGNORECASE,
)
_CIVAR = re.compile(r"\s*(?:civarında|dolayında|kadar)\b", re.IGNORECASE)
# matched at a position (pattern.match(text, pos)): slicing text[pos:] copies the rest
# of the article once per number
_OVER = re.compile(r"\s+aşkın\b")
_MORE_LESS = re.compile(r"\s+(fazla|az)\b")
_NEXT_WORD = re.compile(r"\s*(\S{1,64})")
_ORDINAL = re.compile(r"^[’'`]?(?:[ıiuü]?nc[ıiuü]|[ıiuü]nc[ıiuü])", re.IGNORECASE)


@dataclass
class _Num:
    start: int
    end: int
    value: float | None
    qualifier: str
    pct: bool
    suffix: str  # suffix on the number itself (’den, ’u, bini…)
    small_word: bool


def _unit_noun(tok: str, only: str | None = None) -> str | None:
    """Dictionary form of ``tok`` if it is an inflected counted noun."""
    low = tr_lower(split_suffix(tok)[0] if "’" in tok or "'" in tok else tok)
    low = re.sub(r"([dt][ae])ki$", r"\1", low)  # "büyüklüğündeki": the locative + ki
    for noun in (only,) if only else UNIT_NOUNS:
        if " " in noun:
            continue
        stems = {noun}
        if noun[-1] in _SOFT:
            stems.add(noun[:-1] + _SOFT[noun[-1]])
        if only and noun[-1] in "ıi":  # compound heads: başkanı → başkanları
            stems.add(noun[:-1])
        for st in stems:
            if low.startswith(st) and _INFL.match(low[len(st) :]):
                return noun
    return None


def _strip_case(tok: str) -> str:
    base, suf = split_suffix(tok)
    if suf or base[:1].isupper():
        return base
    low = tr_lower(base)
    m = re.match(r"^(.{3,}?)(?:lar|ler)?(?:[dt][ae]n|n[ıiuü]n|[ıiuü]n[ıiuü]|y[ıiuü])$", low)
    return m.group(1) if m else low


def _value(m: re.Match[str]) -> tuple[float | None, bool]:
    """(value, is a small number word)."""
    if m.group("vague"):
        return None, False
    if m.group("n1"):
        v = parse_digits(m.group("n1"))
        if v is None:
            return None, False
        scale = {"bin": 1e3, "milyon": 1e6, "milyar": 1e9, "trilyon": 1e12}
        if m.group("s1"):
            v *= scale[tr_lower(m.group("s1"))]
            if m.group("n2"):
                v2 = float(m.group("n2"))
                v += v2 * scale[tr_lower(m.group("s2"))] if m.group("s2") else v2
        return v, False
    words = tr_lower(m.group("words")).split()
    v = parse_number_words(words)
    small = v is not None and not any(w in ("bin", "milyon", "milyar", "trilyon") for w in words)
    return v, small


_AGE_AFTER = re.compile(r"\s+" + AGE_WORD + r"(?![\wçğıöşü])", re.IGNORECASE)
_NAME_BRACKET = re.compile(r"[A-ZÇĞİÖŞÜ][\wçğıöşü]+\s*\($")
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:[Nn]o|[Nn]umara(?:sı|lı)?|[Tt]el|[Tt]elefon|[Ff]aks|[Kk]od(?:u)?)[.:]?|"
    r"\b\d{2}\s+[A-ZÇĞİÖŞÜ]{1,3})\s*$"
)  # case-sensitive: "34 ABC 123" is a plate, "2 bin 400" is not
_LABEL_AFTER = re.compile(
    r"\s*(?:numaralı|nolu|no[’'`]lu|numarası|numarasını|numarasından)\b|"
    r"\s?[°′″]|\s+[A-ZÇĞİÖŞÜ]{1,3}\s+\d{2,4}\b"
)
#: Runs of three or more digit groups ("0 850 222 44 55", "444 1 122"): phone numbers.
_DIGIT_RUN = re.compile(r"(?<![\d.,])\(?\d{1,4}\)?(?:[ \-]\(?\d{1,4}\)?){2,}(?![\d.,])")


def _not_a_figure(text: str, m: re.Match[str]) -> bool:
    """Ages, coordinates, phone, ID and plate numbers: digits that count nothing."""
    s, e = m.start("n1"), m.end("n1")
    raw = m.group("n1")
    if len(raw) >= 10 or (raw.startswith("0") and len(raw) >= 3 and raw.isdigit()):
        return True  # ID numbers, area codes
    if _AGE_AFTER.match(text, m.end()) or _LABEL_AFTER.match(text, e):
        return True
    before = text[max(0, s - 30) : s]
    if _LABEL_BEFORE.search(before):
        return True
    return (
        text[e : e + 1] == ")" and before.endswith("(") and bool(_NAME_BRACKET.search(before))
    )  # "Elif Sarı (24)": an age


def _excluded(text: str, m: re.Match[str], times: Intervals) -> bool:
    s, e = m.start(), m.end()
    if times.covers(s) or times.covers_end(e):
        return True
    if m.group("n1") and not m.group("pct") and _not_a_figure(text, m):
        return True
    if m.group("words"):
        w = tr_lower(m.group("words"))
        if w in ("bir", "on", "yüz", "altı", "yedi", "bin") and not m.group("pct"):
            return w != "bin"
    if m.group("n1"):
        before = text[max(0, s - 2) : s]
        raw_after = text[m.end("n1") : m.end("n1") + 6]
        if re.match(r"^[.:]\d{2}(?!\d)", raw_after) or re.match(r"^\s*-\s*\d", raw_after):
            return True
        if re.search(r"[\w\-]$|\d[.:]$", before) or re.search(
            r"\d\s*-\s*$", text[max(0, s - 4) : s]
        ):
            return True
        if re.search(r"\b[A-ZÇĞİÖŞÜ]{2,}\s$", text[max(0, s - 8) : s]):
            return True
        suf = m.group("suf") or ""
        if _ORDINAL.match(suf) or re.match(r"^[’'`](?:l[ıiuü])\b", suf):
            return True
        if not m.group("s1") and not m.group("pct") and re.match(r"^\.\s+[a-zçğıöşü]", raw_after):
            return True
        if (
            not m.group("s1")
            and not m.group("pct")
            and re.fullmatch(r"(?:19|20)\d{2}", m.group("n1"))
        ):
            nxt = _NEXT_WORD.match(text, e)  # no counted noun is longer than its bound
            return not (nxt and _unit_noun(nxt.group(1)))
    return False


def _after_tokens(text: str, pos: int, limit: int = 5) -> list[str]:
    toks: list[str] = []
    for t in re.finditer(r"\S+", text[pos : pos + 80]):
        raw = t.group()
        core = raw.strip('"“”‘’«»()')
        if not core:
            break
        toks.append(core.rstrip(",.;:!?"))
        if core != core.rstrip(",.;:!?") or len(toks) >= limit or "\n" in text[pos : pos + t.end()]:
            break
    return toks


def _find_unit(text: str, num: _Num, m: re.Match[str]) -> tuple[str, int]:
    """(unit, end of the unit token) for a number match."""
    if num.pct:
        return "%", num.end
    start = num.end
    if _possessive(m):
        over = _OVER.match(text, num.end)
        if not over:
            return "", num.end
        start = over.end()
    toks = _after_tokens(text, start)
    pos = start
    ends = []
    for t in toks:
        pos = text.find(t, pos) + len(t)
        ends.append(pos)
    for i, t in enumerate(toks):
        low = tr_lower(t)
        if re.match(r"^\d", low):
            break  # the next number starts its own claim ("17 maçta 28 puan")
        if low in ("kadar", "kadarı", "üzerinde", "civarında") and i == 0:
            return "", num.end
        if low in ("fazla", "az") and i == 0:
            continue
        if low in _STOP_WORDS or (_VERBISH.search(low) and not _unit_noun(t)):
            break
        if _is_time_unit(low):
            return "TIME", ends[i]
        if re.match(r"^[A-ZÇĞİÖŞÜ]\w*(?:lı|li|lu|lü)$", t) and all(
            tr_lower(x) in ("fazla", "az") for x in toks[:i]
        ):
            return t, ends[i]
        if i + 1 < len(toks):
            multi = _multiword(low, toks[i + 1])
            if multi:
                return multi, ends[i + 1]
        noun = _unit_noun(t)
        if noun:
            return noun, ends[i]
    return _fallback_unit(toks, ends, num)


def _is_time_unit(low: str) -> bool:
    for st in _TIME_STEMS:
        rest = low[len(st) :]
        if low.startswith(st) and (
            _INFL.match(rest) or re.match(r"^(?:l[ıiuü]k\w*|[dt][ıiuü]r|l[ae]r\w*)$", rest)
        ):
            return True
    return False


def _multiword(first: str, nxt: str) -> str | None:
    for noun in UNIT_NOUNS:
        parts = noun.split()
        if len(parts) == 2 and first == parts[0] and _unit_noun(nxt, parts[1]):
            return noun
    return None


def _possessive(m: re.Match[str]) -> bool:
    suf = tr_lower((m.group("suf") or "").lstrip("’'`"))
    ssuf = tr_lower(m.group("ssuf2") or m.group("ssuf1") or m.group("vsuf") or "")
    if suf in ("u", "ü", "ı", "i", "sı", "si", "nın", "nin", "ın", "in", "un", "ün") or suf in (
        "unun",
        "ünün",
        "ının",
        "inin",
        "unu",
        "ünü",
        "ını",
        "ini",
    ):
        return True
    return ssuf in ("i", "ı", "u", "ü", "si", "sı", "in", "ın", "nin", "nın")


def _fallback_unit(toks: list[str], ends: list[int], num: _Num) -> tuple[str, int]:
    for i, t in enumerate(toks):
        low = tr_lower(t)
        if low in _ADJ_SKIP or low in ("fazla", "az", "kadar", "civarında", "üzerinde", "en"):
            continue
        if low in _STOP_WORDS or _VERBISH.search(low):
            return "", num.end
        if (
            t[:1].isupper()
            and i + 1 < len(toks)
            and not toks[i + 1][:1].isupper()
            and not _VERBISH.search(tr_lower(toks[i + 1]))
            and tr_lower(toks[i + 1]) not in _STOP_WORDS
        ):
            continue
        return _strip_case(t), ends[i]
    return "", num.end


def _qualifier(text: str, m: re.Match[str]) -> tuple[str, int, int]:
    """(qualifier, new start, new end) around a number match."""
    if m.group("vague"):
        return re.sub(r"\s+", " ", tr_lower(m.group("vague"))), m.start(), m.end()
    pre = _PRE_QUAL.search(text[max(0, m.start() - 25) : m.start()])
    if pre:
        q = re.sub(r"\s+", " ", tr_lower(pre.group("q")))
        q = "yaklaşık" if q.startswith("yaklaşık") else q
        return q, m.start() - (len(pre.group())), m.end()
    ssuf = tr_lower(m.group("ssuf2") or m.group("ssuf1") or "")
    if ssuf.endswith(("dan", "den", "tan", "ten")) and not m.group("suf"):
        more = _MORE_LESS.match(text, m.end())
        if more:
            return f"-den {more.group(1)}", m.start(), more.end()
    at = m.start("suf") if m.group("suf") else m.end()
    post = _POST_QUAL.match(text[at : at + 30])
    if post:
        if post.group("more"):
            return f"-den {tr_lower(post.group('more'))}", m.start(), m.end()
        pp = tr_lower(post.group("pp"))
        pp = {"altına": "altında", "kadarı": "kadar"}.get(pp, pp)
        return pp, m.start(), m.end()
    return "", m.start(), m.end()


# ---------------------------------------------------------------------------
# Attribution
# ---------------------------------------------------------------------------

_REPORT_NOUNS = (
    r"(?:açıklamasına|açıklamalarına|verilerine|raporuna|haberine|aktardığına|"
    r"tahminlerine|bilgilerine|araştırmasına|anketine|sayımına|hesaplamalarına|"
    r"istatistiklerine|tespitlerine|iddiasına|duyurusuna|verilere|belirlemelerine|"
    r"rakamlarına|kayıtlarına)"
)
_CAPRUN = r"(?:[A-ZÇĞİÖŞÜ][\w\-çğıöşüÇĞİÖŞÜ]*\.?(?:\s+(?:ve\s+)?|,\s+))*[A-ZÇĞİÖŞÜ][\w\-çğıöşü]*"
_GORE_ACR = re.compile(r"\((?P<src>[A-ZÇĞİÖŞÜ][A-ZÇĞİÖŞÜa-z0-9\-]{1,9})\)\s+göre\b")
_GORE_SOURCES = re.compile(
    r"(?P<src>(?:" + _CAPRUN + r")|(?:[\wçğıöşü]+))\s+kaynak(?P<pl>larına|lara)\s+göre\b"
)
_BETWEEN = r"(?:\s+(?:ilk|son|resmi|güncel|yeni|[a-zçğıöşü]+[dt][ıiuü]ğ[ıiuü]))?"
_GORE_NAME = re.compile(
    r"(?P<src>" + _CAPRUN + r")[’'`][a-zçğıöşü]+(?:" + _BETWEEN + r"\s+" + _REPORT_NOUNS
    + r")?\s+göre\b"
)  # fmt: skip
_GORE_REPORT = re.compile(
    r"(?P<src>" + _CAPRUN + r")" + _BETWEEN + r"\s+" + _REPORT_NOUNS + r"\s+göre\b"
)
#: "İstanbul Valiliği açıklamasında …": the statement's owner is the source.
_IN_STATEMENT = re.compile(
    r"(?P<src>" + _CAPRUN + r")(?:\s+(?:yaptığı|yazılı|resmi))?\s+açıklama(?:sında|larında)\b"
)
_HARDEN = {"b": "p", "c": "ç", "d": "t", "ğ": "k"}
_GORE_WORD = re.compile(
    r"(?P<src>(?:(?:[A-ZÇĞİÖŞÜ][\wçğıöşü]*)\s+)*[\wçğıöşüÇĞİÖŞÜ]+?)"
    r"(?P<suf>s[ıiuü]na|[ıiuü]na|ne|na|ye|ya|e|a)\s+göre\b"
)
_GENERIC_SRC = frozenset("açıklama habere habere rapora bilgiye ona buna şuna".split())


def _source_before(sent: str, rel: int) -> str:
    """Source named with 'göre' in ``sent`` (nearest before ``rel``, else any)."""
    found: list[tuple[int, str]] = []
    for g in re.finditer(r"\bgöre\b", sent):
        lo = max(0, g.start() - 120)  # a bounded window keeps the regexes linear
        if lo:
            lo = sent.find(" ", lo, g.start()) + 1
        window = sent[lo : g.end()]
        for rx in (_GORE_ACR, _GORE_SOURCES, _GORE_NAME, _GORE_REPORT, _GORE_WORD):
            m = next((x for x in rx.finditer(window) if x.end() == len(window)), None)
            src = _clean_source(rx, m) if m else ""
            initial = rx is _GORE_WORD and not sent[: lo + (m.start() if m else 0)].strip()
            if m and src and _names_source(src, initial):
                found.append((lo + m.end(), src))
                break
    for m in _IN_STATEMENT.finditer(sent):
        src = _drop_genitive(m.group("src"))
        if _names_source(src, m.start() == 0):
            found.append((m.end(), src))
    if not found:
        return ""
    before = [f for f in found if f[0] <= rel]
    return (max(before) if before else min(found))[1]


def _is_role(word: str) -> bool:
    return tr_lower(word).startswith(ROLE_STEMS)


def _names_source(src: str, initial: bool) -> bool:
    """Does a source phrase name an entity or a role? Not "Ocak ayı", "belirlemeler"."""
    words = src.replace(",", " ").split()
    if not words or tr_lower(words[0]) in CALENDAR:
        return False
    if any(_is_role(w) for w in words):
        return True
    caps = [w for i, w in enumerate(words) if w[:1].isupper() and (i or not initial)]
    return any(w.isupper() and len(w) > 1 for w in words) or bool(caps)


def _drop_genitive(src: str) -> str:
    """ "Kulübün" → "Kulüp", "Jandarmanın" → "Jandarma": a role noun's genitive."""
    *head, last = src.split(" ")
    low = tr_lower(last)
    m = re.search(r"(?:n[ıiuü]n|[ıiuü]n)$", low)
    if not m or "’" in last or "'" in last:
        return src
    stem = last[: m.start()]
    if stem and stem[-1] in _HARDEN and not low.endswith(("nın", "nin", "nun", "nün")):
        stem = stem[:-1] + _HARDEN[stem[-1]]
    return " ".join([*head, stem]) if _is_role(stem) else src


def _clean_source(rx: re.Pattern[str], m: re.Match[str]) -> str:
    src = m.group("src").strip(" ,")
    if rx is _GORE_REPORT:
        src = _drop_genitive(src)
    if rx is _GORE_SOURCES:
        return f"{src} kaynakları" if m.group("pl") == "larına" else f"{tr_lower(src)} kaynaklar"
    if rx is _GORE_WORD:
        if tr_lower(src) in _GENERIC_SRC or tr_lower(src + m.group("suf")) in (
            "açıklamaya",
            "habere",
            "buna",
            "ona",
            "bilgiye",
        ):
            return ""
        word = src + m.group("suf")
        words = word.split()
        last = tr_lower(words[-1])
        if last.endswith(("kaynaklarına", "kaynaklara")) or "’" in word or "'" in word:
            return ""
        w = words[-1]
        lw = tr_lower(w)
        if lw.endswith(("ına", "ine", "una", "üne")):
            stem = w[:-2]  # ordusuna → ordusu, istihbaratına → istihbaratı
        elif lw.endswith(("ya", "ye")):
            stem = w[:-2]
        else:
            stem = w[:-1]
            if stem.endswith("ğ"):
                stem = stem[:-1] + "k"  # Valiliğe → Valilik
        return " ".join([*words[:-1], stem])
    return src


@lru_cache(maxsize=64)  # asked once per number: a sentence with many figures is read once
def _reporting_subject(sent: str) -> str:
    """Subject of a reporting verb ending ``sent`` ("Bakanlık, … açıkladı")."""
    if not INDIRECT_RE.search(sent):
        return ""
    for ph in find_phrases(sent):
        if ph.marker in ("comma", "ise") and not ph.excluded:
            if tr_lower(ph.tokens[0]) in STARTERS and len(ph.tokens) == 1:
                continue
            return " ".join(ph.name or ph.tokens)
    return ""


# ---------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------


def _furniture(text: str) -> list[tuple[int, int]]:
    """Paragraphs that are page furniture (counters, short numbered items)."""
    out = []
    for s, e in paragraph_spans(text):
        para = text[s:e].strip()
        if len(para.split()) <= 3 and re.search(r"\d", para):
            out.append((s, e))
        for m in re.finditer(r"(?m)^\s*\d{1,2}\.\s", text[s:e]):
            out.append((s + m.start(), s + m.end()))
    return out


def extract_claims(article: Article) -> Article:
    """Fill ``article.claims`` with the numbers of ``article.text``. Reads the spans of
    ``article.times`` (the ``times`` stage runs first): a date is not a claim."""
    text = article.text or ""
    runs = [(r.start(), r.end()) for r in _DIGIT_RUN.finditer(text)]
    times = Intervals([(t.start, t.end) for t in article.times] + _furniture(text) + runs)
    prot = [(q.start - 1, q.end + 1) for q in article.quotes if q.kind == "direct"]
    sents = join_protected(text, article_sentences(article), prot)
    speakers = _QuoteSpeakers(article)
    dated = sorted(
        (t.start, t.value) for t in article.times if t.value and t.precision != "duration"
    )
    claims: list[Claim] = []
    for m in NUMBER_RE.finditer(text):
        if _excluded(text, m, times):
            continue
        claim = _claim(text, m, sents, speakers, dated)
        if claim is not None:
            claims.append(claim)
    article.claims = claims
    return article


def _claim(
    text: str,
    m: re.Match[str],
    sents: list[tuple[int, int]],
    speakers: _QuoteSpeakers,
    dated: list[tuple[int, str]],
) -> Claim | None:
    value, small = _value(m)
    if value is None and not m.group("vague"):
        return None
    num = _Num(m.start(), m.end(), value, "", bool(m.group("pct")), m.group("suf") or "", small)
    unit, unit_end = _find_unit(text, num, m)
    if unit == "TIME":
        return None
    if small and not num.pct and not _unit_noun_ok(unit):
        return None
    qual, start, _ = _qualifier(text, m)
    end = max(m.end(), unit_end)
    civ = _CIVAR.match(text, end)
    if civ and not qual:
        qual = tr_lower(civ.group().strip())
        qual = "kadar" if qual == "kadar" else "civarında"
        end = civ.end()
    i = bisect_right(sents, (m.start(), len(text) + 1)) - 1
    a, b = sents[i] if i >= 0 and sents[i][0] <= m.start() < sents[i][1] else (m.start(), m.end())
    sent = text[a:b]
    return Claim(
        text=text[start:end],
        value=value,
        unit=unit,
        qualifier=qual,
        attributed_to=_attribution(sent, m.start() - a, m.start(), speakers),
        sentence=sent,
        start=start,
        end=end,
        measure=_measure(text, unit, start, end, (a, b)),
        when=next((v for p, v in dated if a <= p < b), ""),
    )


# ---------------------------------------------------------------------------
# Measure: what the figure counts (turkish.measures)
# ---------------------------------------------------------------------------

_STEMS: list[tuple[tuple[str, ...], str]] = sorted(
    ((tuple(st.split()), meas) for meas, sts in MEASURE_STEMS.items() for st in sts),
    key=lambda x: -sum(len(p) for p in x[0]),
)  # longest first: at one position "zarar gör" (damaged) beats "zarar" (cost)
_WORD = re.compile(r"[\w’'`]+|[,;:()“”\"]")
_FORWARD_WORDS = 8
_BACKWARD_WORDS = 4


def _words(s: str) -> list[str]:
    return [tr_lower(w) for w in _WORD.findall(s)]


def _measure_at(words: list[str], i: int) -> str:
    for parts, meas in _STEMS:
        if i + len(parts) <= len(words) and all(
            words[i + k].startswith(p) for k, p in enumerate(parts)
        ):
            return meas
    return ""


def _measure(text: str, unit: str, start: int, end: int, sent: tuple[int, int]) -> str:
    """The verb or noun of the figure's clause: after it first ("13 kişi öldü"; a list
    "12 helikopter, 6 uçak ve 850 personel müdahale ediyor" shares the verb), else just
    before it ("ölen 13 kişinin", "can kaybı 15'e çıktı")."""
    if unit in MEASURE_OF_UNIT:
        return MEASURE_OF_UNIT[unit]
    after = _words(text[end : sent[1]])
    for i, w in enumerate(after[:_FORWARD_WORDS]):
        if w in (";", ":", "(", ")") or (
            w[:1].isdigit() and (i == 0 or after[i - 1] not in (",", "ve"))
        ):
            break
        if w == ",":
            if i + 1 < len(after) and after[i + 1][:1].isdigit():
                continue  # a list of figures: the verb comes after the last one
            break
        meas = _measure_at(after, i)
        if meas:
            return meas
    before = _words(text[sent[0] : start])[-_BACKWARD_WORDS:]
    for i in range(len(before) - 1, -1, -1):
        w = before[i]
        if w in (",", ";", ":", "(", ")") or w[:1].isdigit():
            break
        meas = _measure_at(before, i)
        if meas:
            return meas
    return ""


def _unit_noun_ok(unit: str) -> bool:
    """May a small number word ("üç") count this noun? People and things, not places."""
    if not unit or unit in _NOT_FOR_SMALL:
        return False
    return unit in UNIT_NOUNS or bool(re.search(r"(?:[cç][ıiuü]|l[ıiuü])$", unit))


class _QuoteSpeakers:
    """The speaker of the direct quote holding a position (the first such quote in
    ``article.quotes``), found by bisection over the quotes' starts."""

    def __init__(self, article: Article) -> None:
        quotes = [
            (q.start, i, q.end, q.speaker)
            for i, q in enumerate(article.quotes)
            if q.kind == "direct" and q.speaker and q.end > q.start
        ]
        quotes.sort()
        self._starts = [s for s, *_ in quotes]
        self._quotes = quotes
        # reach[k]: the furthest end among quotes[: k + 1]; walking back stops below it
        self._reach: list[int] = []
        for _, _, end, _ in quotes:
            self._reach.append(max(end, self._reach[-1] if self._reach else end))

    def at(self, pos: int) -> str | None:
        best: tuple[int, str] | None = None
        k = bisect_right(self._starts, pos) - 1
        while k >= 0 and self._reach[k] > pos:
            _, i, end, speaker = self._quotes[k]
            if end > pos and (best is None or i < best[0]):
                best = (i, speaker)
            k -= 1
        return best[1] if best else None


def _attribution(sent: str, rel: int, pos: int, speakers: _QuoteSpeakers) -> str:
    src = _source_before(sent, rel)
    if src:
        return src
    return speakers.at(pos) or _reporting_subject(sent)
