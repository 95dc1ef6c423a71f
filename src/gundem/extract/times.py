"""When: Turkish time expressions normalised to ISO values.

``extract_times(article)`` fills ``article.times`` (a per-article stage).

Values (``TimeRef.value``) and precisions:

* ``day``: ``YYYY-MM-DD`` ("3 Eylül 2025", "dün", "Perşembe günü", "iki gün önce")
* ``month``: ``YYYY-MM`` ("Haziran 2024’te", "geçen yıl Haziran ayında", "geçen ay")
* ``year``: ``YYYY`` ("2024 yılında", "2024’te", "bu yıl", "geçtiğimiz yıl")
* ``week``: ISO week ``YYYY-Www`` ("geçen hafta", "bu hafta", "önümüzdeki hafta")
* ``duration``: ISO 8601 duration ("üç yıldır" → ``P3Y``, "iki haftalık" → ``P2W``,
  "48 saat boyunca" → ``PT48H``)

Anchors (``TimeRef.anchor``): ``absolute`` when the text itself gives the date
(or the year comes from an explicit year in the same sentence), ``published``
when resolved against ``article.published``, ``""`` for durations and for
expressions left unresolved.

Rules that are choices, not facts:

* A weekday ("Perşembe günü") is the most recent such day on or before the article
  date — or, when its clause is in the future tense ("… Perşembe günü
  anılacak"), the next one on or after it; "geçen Cuma günü" is the most recent
  one strictly before the article date.
* A month or day-and-month without a year ("Aralık ayında", "21 Kasım’da") takes
  its year only from an explicit four-digit year in the same sentence; the
  article date alone is *not* used, so such expressions are never guessed and
  keep ``value=None``. Likewise every relative expression in an undated article.
* "N ay önce/sonra" gives a month, "N yıl önce/sonra" a year, "N gün/hafta
  önce/sonra" a day.

Candidates are found with our own patterns and normalised by our own code
(dateparser's Turkish support misses suffixed forms and gives false hits, see
offline-nlp.md; for these patterns exact arithmetic is simpler and faster).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from datetime import date, timedelta

from gundem.extract import timex
from gundem.extract.numbers import NUMBER_WORD_ALT, parse_number_words
from gundem.model import Article, TimeRef
from gundem.turkish import article_sentences
from gundem.turkish import casefold_tr as tr_lower
from gundem.turkish.lexicon import DEICTIC_TIMES, MONTHS, WEEKDAYS

DAYS = WEEKDAYS

_L = r"[a-zçğıöşüâîû]"
_SUF = r"(?:[’'`]" + _L + r"+)?"
_NB = r"(?![\wçğıöşüÇĞİÖŞÜ])"  # word end
_MONTH = r"(?P<month>" + "|".join(MONTHS) + r")"
_MONTH_SUF = _MONTH + r"(?:" + _L + r"{0,5})"  # haziranda, Haziran’da handled by _SUF
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_NUM = r"(?P<num>\d{1,3}|(?:(?:" + NUMBER_WORD_ALT + r")\s*){1,3})"
_REL = r"(?P<rel>geçen|geçtiğimiz|bu|gelecek|önümüzdeki|önceki|evvelki)"
_UNIT = r"(?P<unit>yıl|sene|ay|hafta|gün|saat|dakika)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (p[0], re.compile(p[1], re.IGNORECASE))
    for p in [
        ("dmy", r"\b(?P<day>\d{1,2})\s+" + _MONTH + r"\s+" + _YEAR + _SUF + _NB),
        ("my", r"\b" + _MONTH + r"\s+" + _YEAR + _SUF + _NB),
        (
            "ym",
            r"\b"
            + _YEAR
            + r"(?:[’'`](?:ün|un|in|ın|nin|nın|nün|nun))?\s+"
            + _MONTH
            + r"\s+ay"
            + _L
            + r"*",
        ),
        (
            "relym",
            r"\b"
            + _REL
            + r"\s+(?:yıl|sene)(?:ın|in|nin|nın)?\s+"
            + _MONTH_SUF
            + r"(?:\s+ay"
            + _L
            + r"*)?"
            + _NB,
        ),
        ("dm", r"\b(?P<day>\d{1,2})\s+" + _MONTH + _SUF + _NB),
        ("m", r"\b" + _MONTH + r"\s+ay" + _L + r"*"),
        ("msuf", r"\b" + _MONTH + r"[’'`]" + _L + r"+" + _NB),
        ("reldur", r"\b" + _NUM + r"\s*" + _UNIT + r"\s+(?P<dir>önce|sonra)" + _NB),
        (
            "dur",
            r"\b"
            + _NUM
            + r"\s*"
            + _UNIT
            + r"(?:(?:dır|dir|dur|dür|tır|tir|tur|tür|lık|lik|luk|lük)"
            + _NB
            + r"|\s+boyunca"
            + _NB
            + r"|(?=\s+sür))",
        ),
        (
            "reldow",
            r"\b(?P<rel>geçen|geçtiğimiz)\s+(?P<dow>"
            + "|".join(DAYS)
            + r")\s+(?:günü|sabahı|akşamı|gecesi)"
            + _NB,
        ),
        ("dow", r"\b(?P<dow>" + "|".join(DAYS) + r")\s+(?:günü|sabahı|akşamı|gecesi)" + _NB),
        ("rel", r"\b" + _REL + r"\s+(?P<unit>yıl|sene|ay|hafta)(?P<suf>" + _L + r"*)" + _NB),
        (
            "day",
            r"\b(?P<word>evvelsi\s+gün|önceki\s+gün|dün(?:\s+(?:akşam|gece|sabah))?|"
            r"bugün|yarın|bu\s+(?:sabah|akşam|gece))" + _NB,
        ),
        ("y", r"\b" + _YEAR + r"(?:\s+yıl" + _L + r"*|[’'`](?!l)" + _L + r"+)" + _NB),
        ("ybare", r"(?<![\d.,/*])\b" + _YEAR + r"\b(?![’'`.,]?\d|\s*-\s*\d|[’'`]l|/\d|\*)"),
    ]
] + timex.RULES
_BARE_YEAR_BLOCK = re.compile(
    r"^\s+(?:bin|milyon|milyar|kişi|asker|adet|lira|dolar|euro|metre|km|ton|yolcu)\b",
    re.IGNORECASE,
)


@dataclass
class _Cand:
    kind: str
    m: re.Match[str]

    @property
    def span(self) -> tuple[int, int]:
        return self.m.start(), self.m.end()


def find_time_spans(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping time expressions: (start, end, kind, match), in text order."""
    cands: list[_Cand] = []
    starts = _Starts(text)
    for kind, rx in _PATTERNS:
        for m in starts.matches(kind, rx):
            if kind == "ybare" and _BARE_YEAR_BLOCK.match(text[m.end() : m.end() + 20]):
                continue
            if kind in ("dow", "reldow", "m", "msuf", "dm", "my") and not _month_ok(m):
                continue
            if kind == "rel" and not timex.accept(kind, m, text):
                continue  # "bu ayakkabı"
            if kind in timex.KINDS and not timex.accept(kind, m, text):
                continue
            cands.append(_Cand(kind, m))
    order = {k: i for i, (k, _) in enumerate(_PATTERNS)}
    cands.sort(key=lambda c: (-(c.span[1] - c.span[0]), order[c.kind]))
    taken: list[tuple[int, int, _Cand]] = []  # disjoint, sorted by start
    for c in cands:
        s, e = c.span
        k = bisect_left(taken, (s,))
        # only the neighbours can overlap [s, e): the taken spans are disjoint
        if all(e <= ts or s >= te for ts, te, _ in taken[max(0, k - 1) : k + 1]):
            insort(taken, (s, e, c), key=lambda t: t[:2])
    return [(s, e, c.kind, c.m) for s, e, c in taken]


# ---------------------------------------------------------------------------
# Candidate starts: every rule's match begins with one of a few words (or a digit),
# so the rules are tried only where one of them starts instead of scanning the whole
# text once per rule. The words are searched case-sensitively in a folded copy
# (Turkish fold, then ı→i: IGNORECASE lets "i" match I, İ and ı), which finds a
# superset of the places a rule can match; ``rx.match`` there, skipping starts inside
# the previous match, gives exactly what ``rx.finditer`` gives.
# ---------------------------------------------------------------------------

_REL_W = ("geçen", "geçtiğimiz", "bu", "gelecek", "önümüzdeki", "önceki", "evvelki")
_POD_W = ("gece", "öğleden", "sabah", "akşam", "öğlen", "öğle", "ikindi")
_UNIT_W = ("yıl", "sene", "ay", "hafta", "gün", "saat", "dakika")
_NUM_W = tuple(NUMBER_WORD_ALT.split("|"))
_DEICTIC_W = tuple({k.split()[0] for k in DEICTIC_TIMES})
_DIGIT = "#"  # a rule that may start with a digit
_STARTS: dict[str, tuple[str, ...]] = {
    "dmy": (_DIGIT,), "my": MONTHS, "ym": (_DIGIT,), "relym": _REL_W, "dm": (_DIGIT,),
    "m": MONTHS, "msuf": MONTHS, "reldur": (_DIGIT, *_NUM_W), "dur": (_DIGIT, *_NUM_W),
    "reldow": ("geçen", "geçtiğimiz"), "dow": DAYS, "rel": _REL_W,
    "day": ("evvelsi", "önceki", "dün", "bugün", "yarın", "bu"), "y": (_DIGIT,),
    "ybare": (_DIGIT,), "numdate": (_DIGIT,),
    "clock": (_DIGIT, "dün", "bugün", "yarın", "bu", "saat", *_POD_W),
    "clock2": (_DIGIT, "saat"), "ordday": (_DIGIT,), "within": ("hafta", "yıl", "ay", "gün"),
    "daypart": ("dün", "bugün", "yarın", "bu", "o", "ertesi", "aynı", "her", *_POD_W),
    "weekday": ("geçen", "geçtiğimiz", "bu", "önümüzdeki", "gelecek", "haftaya", "her", *DAYS),
    "dmlow": (_DIGIT,), "ymon": (_DIGIT,), "deictic": _DEICTIC_W,
    "anaphor": ("o", "aynı", "ertesi", "ilk", "son", "bir", "bu"),
    "duedate": ("teslim", "son", "tüketim", "randevu", "ödeme", "fatura"),
    "weekend": (*_REL_W, "hafta"), "nextweek": ("hafta",),
    "season": (*_REL_W, "ilkbahar", "sonbahar", "yaz", "kış"), "monthday": ("ayın",),
    "dur2": (_DIGIT, *_NUM_W, "yarım", "birkaç", "bir", "birkac", "kaç", "uzun"),
    "durpl": ("uzun", *_UNIT_W), "every": ("her",), "everyday": ("her",),
    "nthone": (_DIGIT, *_NUM_W), "freq": _UNIT_W, "periodic": ("yıl", "ay", "hafta", "gün"),
}  # fmt: skip
_AFTER_WORD = ("partdate",)  # "<word>-dığım tarihte": the word before a tarih/gün/saat


def _key(word: str) -> str:
    return tr_lower(word).replace("ı", "i")


_PREFIX_KINDS: dict[str, list[str]] = {}  # folded start word → the rules it may start
for _kind, _words in _STARTS.items():
    for _w in {_key(w) for w in _words if w != _DIGIT}:
        _PREFIX_KINDS.setdefault(_w, []).append(_kind)


def _trie_regex(words: list[str]) -> str:
    """One alternation of ``words`` as a trie ("b(?:u|ir)" rather than "bu|bir"): the
    engine tries a handful of branches per position instead of every word."""
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[0], []).append(w[1:])
    alts = []
    for head, tails in sorted(heads.items()):
        rest = [t for t in tails if t]
        if not rest:
            alts.append(re.escape(head))
        else:
            sub = _trie_regex(rest)
            opt = "?" if "" in tails else ""
            alts.append(re.escape(head) + "(?:" + sub + ")" + opt)
    return "|".join(alts)


# the regex finds the shortest start words; the longer ones they begin are checked after
_SHORTEST = [w for w in _PREFIX_KINDS if not any(w.startswith(v) for v in _PREFIX_KINDS if v != w)]
_LONGER: dict[str, list[tuple[str, list[str]]]] = {
    v: [(w, _PREFIX_KINDS[w]) for w in _PREFIX_KINDS if w != v and w.startswith(v)]
    for v in _SHORTEST
}
_WORDS_RX = re.compile(r"\b(?:" + _trie_regex(_SHORTEST) + ")")
_DIGIT_KINDS = [k for k, ws in _STARTS.items() if _DIGIT in ws]
_DIGITS_RX = re.compile(r"\d+")
_TIME_NOUN_RX = re.compile(r"\s+(?:tarih|gün|saat)")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class _Starts:
    """Where each rule may start in one text (folded once)."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded = tr_lower(text)
        if "ı" in folded or "ſ" in folded:
            folded = folded.replace("ı", "i").replace("ſ", "s")
        self.ok = len(folded) == len(text)  # else: scan the whole text
        self.pos: dict[str, list[int]] = {}
        if self.ok:
            self._index(folded)

    def _index(self, folded: str) -> None:
        text, pos = self.text, self.pos
        for m in _WORDS_RX.finditer(folded):  # every rule starts a word
            i, w = m.start(), m.group()
            kinds = _PREFIX_KINDS[w]
            longer = [ks for v, ks in _LONGER[w] if folded.startswith(v, i)]
            if longer:
                kinds = list({k for ks in (kinds, *longer) for k in ks})
            for k in kinds:
                pos.setdefault(k, []).append(i)
        digits = [m.start() for m in _DIGITS_RX.finditer(folded)]
        if digits:
            for k in _DIGIT_KINDS:
                pos[k] = sorted(pos.get(k, []) + digits)
        after: list[int] = []
        for m in _TIME_NOUN_RX.finditer(folded):
            j = i = m.start()
            while j > 0 and _is_word(text[j - 1]):
                j -= 1
            if j < i:
                after.append(j)
        for k in _AFTER_WORD:
            pos[k] = after

    def matches(self, kind: str, rx: re.Pattern[str]) -> list[re.Match[str]]:
        """What ``rx.finditer(text)`` gives, trying ``rx`` only where it may start."""
        if not self.ok or (kind not in _STARTS and kind not in _AFTER_WORD):
            return list(rx.finditer(self.text))  # a rule with no start words: scan all
        out: list[re.Match[str]] = []
        end = 0
        for i in self.pos.get(kind, ()):
            if i < end:
                continue
            m = rx.match(self.text, i)
            if m:
                out.append(m)
                end = max(m.end(), i + 1)
        return out


def _month_ok(m: re.Match[str]) -> bool:
    """A lowercase month/day name only counts with a day number, year or 'ayında'."""
    gd = m.groupdict()
    word = gd.get("month") or gd.get("dow") or ""
    if not word or word[0].isupper():
        return True
    if (
        not gd.get("day")
        and not gd.get("year")
        and "’" not in m.group()
        and "'" not in m.group()
        and not re.search(r"\say", m.group(), re.I)
    ):
        return False
    return bool(gd.get("day") or gd.get("year") or re.search(r"\say", m.group(), re.I))


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------


def _month_no(word: str) -> int:
    return MONTHS.index(tr_lower(word)) + 1


def _num(s: str) -> int | None:
    s = s.strip()
    if s.isdigit():
        return int(s)
    v = parse_number_words(tr_lower(s).split())
    return int(v) if v is not None else None


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


_REL_YEAR = {
    "geçen": -1,
    "geçtiğimiz": -1,
    "önceki": -1,
    "evvelki": -1,
    "bu": 0,
    "gelecek": 1,
    "önümüzdeki": 1,
}
_DUR_CODE = {
    "yıl": "Y",
    "sene": "Y",
    "ay": "M",
    "hafta": "W",
    "gün": "D",
    "saat": "TH",
    "dakika": "TM",
}


def _duration(m: re.Match[str]) -> tuple[str | None, str, str]:
    n = _num(m.group("num"))
    code = _DUR_CODE[tr_lower(m.group("unit"))]
    if n is None:
        return None, "duration", ""
    value = f"PT{n}{code[1]}" if code.startswith("T") else f"P{n}{code}"
    return value, "duration", ""


def _relative(
    kind: str, m: re.Match[str], pub: date | None, future: bool = False
) -> tuple[str | None, str, str]:
    gd = {k: (tr_lower(v) if isinstance(v, str) else v) for k, v in m.groupdict().items()}
    precision = {
        "rel": {"yıl": "year", "sene": "year", "ay": "month", "hafta": "week"}.get(
            gd.get("unit") or "", "day"
        ),
        "relym": "month",
        "reldur": "day",
        "day": "day",
        "dow": "day",
        "reldow": "day",
    }[kind]
    if kind == "reldur":
        unit = gd["unit"]
        precision = {"yıl": "year", "sene": "year", "ay": "month"}.get(unit, "day")
    if pub is None:
        return None, precision, ""
    value: str | None = None
    if kind == "day":
        w = re.sub(r"\s+", " ", gd["word"])
        off = (
            -2
            if w.startswith(("evvelsi", "önceki"))
            else -1
            if w.startswith("dün")
            else 1
            if w == "yarın"
            else 0
        )
        value = (pub + timedelta(days=off)).isoformat()
    elif kind in ("dow", "reldow"):
        target = DAYS.index(gd["dow"])
        if kind == "dow" and future:
            value = (pub + timedelta(days=(target - pub.weekday()) % 7)).isoformat()
        else:
            back = (pub.weekday() - target) % 7
            if kind == "reldow" and back == 0:
                back = 7
            value = (pub - timedelta(days=back)).isoformat()
    elif kind == "rel":
        k = _REL_YEAR[gd["rel"]]
        if precision == "year":
            value = str(pub.year + k)
        elif precision == "month":
            y, mo = _shift_month(pub.year, pub.month, k)
            value = f"{y}-{mo:02d}"
        else:
            value = _week(pub + timedelta(days=7 * k))
    elif kind == "relym":
        value = f"{pub.year + _REL_YEAR[gd['rel']]}-{_month_no(gd['month']):02d}"
    elif kind == "reldur":
        value = _reldur(gd, pub)
    return value, precision, "published" if value else ""


def _reldur(gd: dict, pub: date) -> str | None:
    n = _num(gd["num"])
    if n is None:
        return None
    sign = -1 if gd["dir"] == "önce" else 1
    unit = gd["unit"]
    if unit in ("yıl", "sene"):
        return str(pub.year + sign * n)
    if unit == "ay":
        y, mo = _shift_month(pub.year, pub.month, sign * n)
        return f"{y}-{mo:02d}"
    days = {"gün": 1, "hafta": 7}.get(unit)
    if days is None:  # saat/dakika önce: the article day
        return pub.isoformat()
    return (pub + timedelta(days=sign * n * days)).isoformat()


def _absolute(kind: str, m: re.Match[str], year_ctx: int | None) -> tuple[str | None, str, str]:
    gd = m.groupdict()
    year = int(gd["year"]) if gd.get("year") else year_ctx
    if kind in ("y", "ybare"):
        return gd["year"], "year", "absolute"
    month = _month_no(gd["month"])
    day = int(gd["day"]) if gd.get("day") else None
    precision = "day" if day else "month"
    if year is None:
        return None, precision, ""
    if day:
        try:
            return date(year, month, day).isoformat(), "day", "absolute"
        except ValueError:
            return None, "day", ""
    return f"{year}-{month:02d}", "month", "absolute"


_FUTURE = re.compile(
    r"\w+(?:[ae]c[ae]k|[ae]c[ae]ğ[ıi]z|[ae]c[ae]ğ[ıi](?:n[ıi])?)(?:t[ıi]r|l[ae]r)?\b"
)
_CLAUSE_END = re.compile(r"[;,]\s")  # the tense that counts is the expression's own clause
_YEARLESS = ("dm", "m", "msuf", "numdate", "dmlow")
_YEAR_TOKEN = re.compile(r"(?<![\d.,])\b(?:19|20)\d{2}\b(?![.,]?\d)")


def _year_context(text: str, sent: tuple[int, int], span: tuple[int, int]) -> int | None:
    years = [
        (abs(m.start() - span[0]), int(m.group()))
        for m in _YEAR_TOKEN.finditer(text, sent[0], sent[1])
        if not span[0] <= m.start() < span[1]
    ]
    return min(years)[1] if years else None


def normalize(
    kind: str, m: re.Match[str], pub: date | None, year_ctx: int | None = None, future: bool = False
) -> tuple[str | None, str, str]:
    """(value, precision, anchor) of one matched expression.

    ``future``: the clause is in the future tense, so a bare weekday means the
    next such day on or after the article date.
    """
    return normalize_timex(kind, m, pub, year_ctx, future)[:3]


def normalize_timex(
    kind: str, m: re.Match[str], pub: date | None, year_ctx: int | None = None, future: bool = False
) -> tuple[str | None, str, str, str]:
    """(value, precision, anchor, TIMEX type) of one matched expression."""
    if kind in timex.KINDS:
        return timex.normalise(kind, m, pub, year_ctx, future)
    value, precision, anchor = _normalize(kind, m, pub, year_ctx, future)
    return value, precision, anchor, "DURATION" if kind == "dur" else "DATE"


def _normalize(
    kind: str, m: re.Match[str], pub: date | None, year_ctx: int | None, future: bool
) -> tuple[str | None, str, str]:
    if kind == "dur":
        return _duration(m)
    if kind in ("day", "dow", "reldow", "rel", "relym", "reldur"):
        return _relative(kind, m, pub, future)
    return _absolute(kind, m, year_ctx)


def _pub_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def extract_times(article: Article) -> Article:
    """Fill ``article.times`` with time expressions and their ISO values."""
    text = article.text or ""
    pub = _pub_date(article.published)
    sents = article_sentences(article)
    refs: list[TimeRef] = []
    for s, e, kind, m in find_time_spans(text):
        k = bisect_right(sents, (s, len(text) + 1)) - 1  # the sentences are disjoint, in order
        sent = sents[k] if k >= 0 and s < sents[k][1] else (s, e)
        ctx = _year_context(text, sent, (s, e)) if kind in _YEARLESS else None
        future = bool(_FUTURE.search(_CLAUSE_END.split(text[e : sent[1]], 1)[0]))
        value, precision, anchor, typ = normalize_timex(kind, m, pub, ctx, future)
        refs.append(
            TimeRef(
                text=m.group(), value=value, precision=precision, anchor=anchor, start=s, end=e,
                type=typ,
            )
        )  # fmt: skip
    article.times = refs
    return article
