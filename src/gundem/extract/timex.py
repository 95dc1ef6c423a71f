"""TIMEX rules beyond calendar dates: clock times, parts of the day, weekdays in any
case, numeric dates, deictic and anaphoric expressions, durations and sets.

``RULES`` are (kind, pattern) pairs that ``gundem.extract.times`` adds to its own;
``accept`` filters a match (word boundaries: a time word's rest must be a Turkish
ending, so "bu ayakkabı", "yazdı" and "Ayşe" are not times), ``normalise`` gives
(value, precision, anchor, type).

Values follow TIMEX3 where the text determines them: ``T14:30`` (a clock time with no
date), ``2016-07-15T22:00``, ``TMO``/``TMI``/``TAF``/``TEV``/``TNI`` (parts of the
day), ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, ``P3D``/``PXY`` (durations,
``X`` for "a few"/"for years"), sets as their period (``P1D`` every day, ``P1W``
twice a week, ``XXXX-WXX-1`` every Monday). Expressions whose date depends on another
event ("ertesi gün", "o gün", "aldığım tarihte") keep ``value=None`` with their type.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from gundem.extract.numbers import NUMBER_WORD_ALT, parse_number_words
from gundem.turkish import casefold_tr as fold
from gundem.turkish.lexicon import DAY_PARTS, DEICTIC_TIMES, MONTHS, TIME_SUFFIXES, WEEKDAYS

_L = r"[a-zçğıöşüâîû]"
_APO = r"[’'`]"
_SUF = r"(?P<suf>" + _APO + r"?\s?" + _L + r"*)"
_NUM = r"(?P<num>\d{1,3}|(?:(?:" + NUMBER_WORD_ALT + r")\s*){1,3}?)"
_DOW = r"(?P<dow>pazartesi|salı|çarşamba|perşembe|cumartesi|cuma|pazar)"
_POD = r"(?P<pod>gece\s+yarısı|öğleden\s+sonra|sabah|akşam|gece|öğlen|öğle|ikindi)"
_UNIT = r"(?P<unit>yıl|sene|ay|hafta|gün|saat|dakika|saniye|asır|yüzyıl)"
_CLOCK = r"(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[.:])(?P<mi>[0-5]\d))?(?![\d]|[.:,]\d)"
_NUMDATE = (
    r"(?<![\d.,/])(?P<d>[0-2]?\d|3[01])\s?(?P<sep>[./-])\s?(?P<mo>0?[1-9]|1[0-2])"
    r"(?:(?P=sep)(?P<y>(?:19|20)\d{2}|\d{2}))?(?![\d]|[.,/]\d)"
)
_DEICTIC = "|".join(
    sorted((re.escape(k).replace(r"\ ", r"\s+") for k in DEICTIC_TIMES), key=len, reverse=True)
)
_PART = r"(?:[ıi]l[ae]n|[ıiuü]?n[ae]n|d[ıiuü]ğ[ıiuü]m?(?:[ıiuü]z)?|t[ıiuü]ğ[ıiuü]m?(?:[ıiuü]z)?|[ae]c[ae]ğ[ıi]m?(?:[ıi]z)?)"  # fmt: skip

RULES: list[tuple[str, re.Pattern[str]]] = [
    (k, re.compile(p, re.IGNORECASE))
    for k, p in [
        ("numdate", _NUMDATE + r"(?P<tail>\s*" + _APO + r"?\s?(?:d[ae]n?|t[ae]n?|y[ae])\b)?"
                    r"(?P<tail2>\s+(?:tarih|gün)" + _L + r"*)?"),
        ("clock", r"\b(?:(?P<nd>\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})\s+|(?P<dayw>dün|bugün|yarın|bu)\s+)?"
                  r"(?:" + _POD + r"(?:ı|i|leyin)?\s+)?(?P<saat>saat\s+)?" + _CLOCK
                  + r"(?P<suf>" + _APO + r"?" + _L + r"+|\s(?:d[ae]n?|t[ae]n?|gibi|sularında|civarında|civarı)\b)?"),
        ("clock2", r"\b(?P<saat>saat\s+)?" + _CLOCK
                   + r"(?P<suf>" + _APO + r"?" + _L + r"+|\s(?:d[ae]n?|t[ae]n?|gibi|sularında|civarında|civarı)\b)?"),
        ("ordday", r"(?<![\d.,])\b(?P<d>[12]?\d|3[01])\s?[’'`]?(?:[ıiuü]|s[ıiuü])n(?:d[ae]n?|[ae])(?![\wçğıöşü])"),
        ("within", r"\b(?P<unit>hafta|yıl|ay|gün)\s+(?:içinde|içerisinde)(?![\wçğıöşü])"),
        ("daypart", r"\b(?:(?P<dayw>dün|bugün|yarın|bu|o|ertesi|aynı|her)\s+)?" + _POD
                    + r"(?P<suf>" + _L + r"*)(?P<tail>\s+(?:saat|vakit|vakt)" + _L + r"*)?"),
        ("weekday", r"\b(?:(?P<rel>geçen|geçtiğimiz|bu|önümüzdeki|gelecek|haftaya|her)\s+)?" + _DOW
                    + r"(?P<suf>" + _APO + r"?" + _L + r"*)(?:\s+(?P<part>gece\s+yarıs" + _L + r"*|(?:gün|sabah|akşam|gece|öğle)" + _L + r"*))?"),
        ("dmlow", r"\b(?P<day>\d{1,2})\s+(?P<month>" + "|".join(MONTHS) + r")(?P<suf>" + _APO + r"?" + _L + r"*)"
                  r"(?:\s+(?P<year>(?:19|20)\d{2}))?"),
        ("ymon", r"\b(?P<year>(?:19|20)\d{2})\s+(?P<month>" + "|".join(MONTHS) + r")(?P<suf>" + _APO + r"?" + _L + r"*)"),
        ("deictic", r"(?<![\wçğıöşü])(?P<w>" + _DEICTIC + r")(?![\wçğıöşü])"),
        ("anaphor", r"\b(?P<det>o|aynı|ertesi|ilk|son|bir\s+sonraki|bu(?=\s+tarih))\s+(?P<unit>gün|hafta|ay|yıl|sene|tarih|saat|dakika|sabah|akşam|gece)(?P<suf>" + _L + r"*)"),
        ("partdate", r"\b\w+" + _PART + r"\s+(?P<unit>tarih|gün|saat)(?P<suf>" + _L + r"*)"),
        ("duedate", r"\b(?:teslim(?:at)?|son\s+kullanma|tüketim|randevu|ödeme|fatura)\s+(?P<unit>tarih)(?P<suf>" + _L + r"*)"),
        ("weekend", r"\b(?:(?P<rel>geçen|geçtiğimiz|bu|önümüzdeki|gelecek)\s+)?hafta\s+(?P<unit>son)(?P<suf>" + _L + r"*)"),
        ("nextweek", r"\b(?P<unit>hafta)(?P<suf>ya)(?![\wçğıöşü])"),
        ("season", r"\b(?:(?P<rel>geçen|geçtiğimiz|bu|önümüzdeki|gelecek)\s+)?(?P<s>ilkbahar|sonbahar|yaz|kış)\s+(?:ay|mevsim|dönem)(?P<suf>" + _L + r"*)"),
        ("monthday", r"\bayın\s+(?P<d>\d{1,2})(?P<suf>" + _APO + r"?" + _L + r"*)"),
        ("dur2", r"\b(?:" + _NUM + r"|(?P<vague>yarım|birkaç|bir\s+kaç|birkac|kaç|uzun))\s*(?P<is>iş\s+)?" + _UNIT.replace("gün|", "gün|gun|").replace("yıl|", "yıl|yil|")
                 + r"(?P<suf>" + _L + r"*)(?:\s+(?:boyunca|içinde|içerisinde))?"),
        ("durpl", r"\b(?:uzun\s+)?(?P<unit>yıl|sene|ay|hafta|gün|saat|dakika)(?P<suf>l[ae]r(?:d[ıi]r|c[ae]))(?![\wçğıöşü])"),
        ("every", r"\bher\s+(?P<unit>gün|hafta|ay|yıl|sene|saat|dakika|sabah|akşam|gece)(?P<suf>" + _L + r"*)"),
        ("everyday", r"\bher\s+ayın\s+(?P<d>\d{1,2})(?P<suf>" + _APO + r"?" + _L + r"*)"),
        ("nthone", r"\b" + _NUM + r"\s*(?P<unit>gün|hafta|ay|yıl|saat)(?:d[ae]|t[ae])\s+bir(?![\wçğıöşü])"),
        ("freq", r"\b(?P<unit>gün|hafta|ay|yıl|sene|saat)(?:d[ae]|t[ae])\s+(?:en\s+(?:az|fazla)\s+)?"
                 r"(?P<f>\d+|birkaç|bir\s+kaç|" + NUMBER_WORD_ALT + r")(?:\s*(?:ya\s+da|veya|-|,)\s*\w+)?"
                 r"(?P<k>\s+(?:kez|kere|defa|sefer|gün)" + _L + r"*)?(?![\wçğıöşü])"),
        ("periodic", r"\b(?P<unit>yıl|ay|hafta|gün)(?P<suf>l[ıiuü]k)(?![\wçğıöşü])"),
    ]
]  # fmt: skip

_PLURAL = ("lar", "ler", "ları", "leri")
_CLOCK_SUF = {"da", "de", "ta", "te", "dan", "den", "tan", "ten", "ya", "ye", "a", "e", "u", "ü", "ı", "i"}  # fmt: skip
_NOT_AFTER_POD = re.compile(r"\s+(?:gazete|yemeğ|yemek|haber)", re.IGNORECASE)
_UNIT_CODE = {"yıl": "Y", "sene": "Y", "ay": "M", "hafta": "W", "gün": "D", "saat": "TH",
              "dakika": "TM", "saniye": "TS", "asır": "Y", "yüzyıl": "Y"}  # fmt: skip
_SET_CODE = {"gün": "P1D", "hafta": "P1W", "ay": "P1M", "yıl": "P1Y", "sene": "P1Y",
             "saat": "PT1H", "dakika": "PT1M"}  # fmt: skip
_SEASON = {"ilkbahar": "SP", "yaz": "SU", "sonbahar": "FA", "kış": "WI"}
_REL = {"geçen": -1, "geçtiğimiz": -1, "bu": 0, "önümüzdeki": 1, "gelecek": 1}

KINDS = frozenset(k for k, _ in RULES)
_TYPE = {"clock": "TIME", "clock2": "TIME", "dur2": "DURATION", "durpl": "DURATION", "every": "SET",
         "everyday": "SET", "nthone": "SET", "freq": "SET", "periodic": "SET"}  # fmt: skip


def _suffix_ok(suf: str | None) -> bool:
    s = fold(re.sub(r"[’'`\s]", "", suf or ""))
    return s == "" or s in TIME_SUFFIXES


def accept(kind: str, m: re.Match[str], text: str) -> bool:
    """Whether a rule's match is a time expression (see the module docstring)."""
    gd = m.groupdict()
    after = text[m.end() : m.end() + 12]
    if kind == "numdate":
        tail = fold(re.sub(r"^\s+(?:tarih|gün)", "", gd["tail2"] or ""))
        return bool(gd["y"] or gd["tail2"]) and _suffix_ok(tail)
    if kind in ("clock", "clock2"):
        return _clock_ok(m, text)
    if kind == "ordday":
        return not re.search(r"(?:yüzde|%)\s*$", text[max(0, m.start() - 8) : m.start()], re.I)
    if kind == "rel" and fold(gd.get("suf") or "").startswith(_PLURAL[:2]):
        return False  # önümüzdeki haftalarda: FUTURE_REF, not a week
    if kind == "daypart":
        return _daypart_ok(m, text)
    if kind == "weekday":
        return _weekday_ok(m, after)
    if kind in ("freq",):
        return bool(gd["k"]) or fold(gd["f"]) == "bir"
    if kind in ("deictic", "nthone", "durpl", "periodic", "everyday", "nextweek"):
        return True
    if kind == "within":
        return not re.search(
            r"\b(?:bu|geçen|geçtiğimiz|önümüzdeki|gelecek)\s+$",
            text[max(0, m.start() - 14) : m.start()],
            re.I,
        )
    if kind == "partdate" and (
        m.group("unit")[0].isupper()
        or (fold(m.group("unit")) == "saat" and not fold(gd["suf"]).startswith("ler"))
    ):
        return False  # "aldığım saat": the watch; "söylenen saatlerde" is a time
    return _suffix_ok(gd.get("suf"))


def _clock_ok(m: re.Match[str], text: str) -> bool:
    gd = m.groupdict()
    before = text[max(0, m.start() - 8) : m.start()]
    if re.search(r"(?:yüzde|%)\s*$", before, re.IGNORECASE):
        return False
    if re.match(r"\s*(?:tl|lira|dolar|euro|avro|kg|km|gr|lt|ml|cm|mm|%)\b", text[m.end() :], re.I):
        return False
    suf = fold(re.sub(r"[’'`\s]", "", gd["suf"] or ""))
    if suf and suf not in _CLOCK_SUF and suf not in ("gibi", "sularında", "civarında", "civarı"):
        return False
    pod, dayw, nd = gd.get("pod"), gd.get("dayw"), gd.get("nd")
    if pod and (dayw or re.search(r"\b(?:dün|bugün|yarın|bu|her)\s+$", before, re.IGNORECASE)):
        return False  # "bu sabah" and "her akşam" stay whole; clock2 takes the clock
    prefixed = bool(gd["saat"] or pod)
    if dayw and not pod and not gd["saat"]:
        return False
    if gd["mi"] is None:
        return prefixed and (bool(gd["saat"]) or bool(suf))
    if prefixed or nd or gd["sep"] == ":":
        return True
    if re.search(
        r"(?:(?:19|20)\d{2}|" + "|".join(MONTHS) + r")\s*$",
        text[max(0, m.start() - 12) : m.start()],
        re.I,
    ):
        return True  # "12 Nisan 2021 10.15 tarihinde"
    ranged = re.match(r"\s*(?:-|–|ile)\s*\d{1,2}[.:]\d{2}", text[m.end() :]) or re.search(
        r"\d{1,2}[.:]\d{2}\s*(?:-|–|ile)\s*$", text[max(0, m.start() - 12) : m.start()]
    )
    return bool(suf) or bool(ranged) or gd["mi"] == "00"


def _daypart_ok(m: re.Match[str], text: str) -> bool:
    gd = m.groupdict()
    if _NOT_AFTER_POD.match(text[m.end() :]):
        return False
    suf = fold(gd["suf"] or "")
    if suf.startswith("leyin") or suf in ("ki", "tan", "ten", "dan", "den"):
        suf = ""
    if m.group("pod")[0].isupper() and re.match(_APO, text[m.end() : m.end() + 1]):
        return False  # Sabah'a, Akşam'ın: the newspapers
    return _suffix_ok(suf)


def _weekday_ok(m: re.Match[str], after: str) -> bool:
    gd = m.groupdict()
    if not _suffix_ok(gd["suf"]):
        return False
    part = gd.get("part")
    if part and not _suffix_ok(
        re.sub(r"^(?:gece\s+yarıs|gün|sabah|akşam|gece|öğle)", "", fold(part))
    ):
        return False
    dow = fold(gd["dow"])
    if re.match(r"\s*ilçe", after, re.IGNORECASE):
        return False
    if dow == "pazar" and not (part or gd["rel"]) and (gd["dow"][0].islower() or gd["suf"]):
        return False  # pazara, pazarda: the market
    return True


# ---------------------------------------------------------------------------


def _num(s: str | None) -> int | None:
    if not s:
        return None
    s = s.strip()
    if s.isdigit():
        return int(s)
    v = parse_number_words(fold(s).split())
    return int(v) if v is not None else None


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _pod_value(pod: str | None) -> str | None:
    return DAY_PARTS.get(re.sub(r"\s+", " ", fold(pod))) if pod else None


def _day_offset(word: str | None) -> int | None:
    return {"dün": -1, "bugün": 0, "yarın": 1, "bu": 0}.get(fold(word or ""))


def _numdate(gd: dict, year_ctx: int | None) -> str | None:
    y = gd.get("y")
    year = (int(y) + 2000 if len(y) == 2 else int(y)) if y else year_ctx
    if year is None:
        return None
    try:
        return date(year, int(gd["mo"]), int(gd["d"])).isoformat()
    except ValueError:
        return None


def _clock(gd: dict, pub: date | None) -> str | None:
    h = int(gd["h"])
    pod = fold(re.sub(r"\s+", " ", gd["pod"] or ""))
    if h < 12 and (pod in ("akşam", "öğleden sonra", "ikindi") or (pod == "gece" and h >= 7)):
        h += 12
    t = f"T{h:02d}:{gd['mi'] or '00'}"
    if gd["nd"]:
        d, mo, y = re.split(r"[./]", gd["nd"])
        try:
            return date(int(y), int(mo), int(d)).isoformat() + t
        except ValueError:
            return None
    off = _day_offset(gd["dayw"])
    if off is not None:
        return (pub + timedelta(days=off)).isoformat() + t if pub else None
    return t


def _weekday(gd: dict, pub: date | None, future: bool) -> str | None:
    target = WEEKDAYS.index(fold(gd["dow"]))
    if pub is None:
        return None
    rel = fold(gd["rel"] or "")
    if rel in ("geçen", "geçtiğimiz"):
        back = (pub.weekday() - target) % 7 or 7
        return (pub - timedelta(days=back)).isoformat()
    if rel in ("önümüzdeki", "gelecek"):
        return (pub + timedelta(days=(target - pub.weekday()) % 7 or 7)).isoformat()
    if rel == "haftaya":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(days=7)
        return (monday + timedelta(days=target)).isoformat()
    if rel == "bu":
        return (pub - timedelta(days=pub.weekday()) + timedelta(days=target)).isoformat()
    if future:
        return (pub + timedelta(days=(target - pub.weekday()) % 7)).isoformat()
    return (pub - timedelta(days=(pub.weekday() - target) % 7)).isoformat()


def _duration(gd: dict) -> str | None:
    unit = {"gun": "gün", "yil": "yıl"}.get(fold(gd["unit"]), fold(gd["unit"]))
    code = _UNIT_CODE[unit]
    vague = fold(gd.get("vague") or "")
    if vague == "yarım":
        return "PT30M" if unit == "saat" else None
    n: int | None = None if vague else _num(gd.get("num"))
    if not vague and n is None:
        return None
    if unit in ("asır", "yüzyıl") and n is not None:
        n *= 100
    q = "X" if n is None else str(n)
    return f"PT{q}{code[1]}" if code.startswith("T") else f"P{q}{code}"


def _weekend(gd: dict, pub: date | None, future: bool) -> str | None:
    if pub is None:
        return None
    rel = fold(gd["rel"] or "")
    if rel:
        k = _REL[rel]
    elif future:
        k = 0
    else:
        k = 0 if pub.weekday() >= 5 else -1
    return _week(pub + timedelta(days=7 * k)) + "-WE"


def normalise(
    kind: str, m: re.Match[str], pub: date | None, year_ctx: int | None, future: bool
) -> tuple[str | None, str, str, str]:
    """(value, precision, anchor, TIMEX type) of one accepted match."""
    gd = m.groupdict()
    typ = _TYPE.get(kind, "DATE")
    value: str | None = None
    precision = "day"
    if kind == "numdate":
        value = _numdate(gd, year_ctx)
        return value, "day", "absolute" if value else "", typ
    if kind in ("clock", "clock2"):
        gd = {"pod": None, "dayw": None, "nd": None, **gd}
        value = _clock(gd, pub)
        anchor = "published" if value and gd["dayw"] else ("absolute" if value and gd["nd"] else "")
        return value, "time", anchor, typ
    if kind == "daypart":
        return _daypart(gd, pub)
    if kind == "weekday":
        if fold(gd["rel"] or "") == "her" or fold(gd["suf"] or "") in _PLURAL:
            return f"XXXX-WXX-{WEEKDAYS.index(fold(gd['dow'])) + 1}", "set", "", "SET"
        value = _weekday(gd, pub, future)
        return value, "day", "published" if value else "", typ
    if kind in ("dmlow", "ymon"):
        return _dmlow(kind, gd, year_ctx)
    if kind == "deictic":
        return DEICTIC_TIMES.get(re.sub(r"\s+", " ", fold(gd["w"]))), "ref", "", "DATE"
    if kind in ("anaphor", "partdate"):
        t = "TIME" if fold(gd["unit"]) in ("saat", "sabah", "akşam", "gece") else "DATE"
        return None, "time" if t == "TIME" else "day", "", t
    if kind == "weekend":
        value = _weekend(gd, pub, future)
        return value, "week", "published" if value else "", "DATE"
    if kind == "nextweek":
        value = _week(pub + timedelta(days=7)) if pub else None
        return value, "week", "published" if value else "", "DATE"
    if kind == "season":
        rel = fold(gd["rel"] or "")
        if rel and pub:
            value = f"{pub.year + _REL[rel]}-{_SEASON[fold(gd['s'])]}"
        return value, "season", "published" if value else "", "DATE"
    if kind in ("monthday", "duedate", "ordday", "within"):
        return None, precision, "", "DATE"
    if kind in ("dur2", "durpl"):
        return (
            _duration(gd) if kind == "dur2" else _duration({**gd, "vague": "x"}),
            "duration",
            "",
            typ,
        )
    return _set(kind, gd), "set", "", "SET"


def _daypart(gd: dict, pub: date | None) -> tuple[str | None, str, str, str]:
    code = _pod_value(gd["pod"])
    word = fold(gd["dayw"] or "")
    suf = fold(gd["suf"] or "")
    if word == "her" or suf in _PLURAL:
        return code, "set", "", "SET"
    off = _day_offset(word)
    if off is not None:
        value = (pub + timedelta(days=off)).isoformat() if pub else None
        return value, "day", "published" if value else "", "DATE"
    if word in ("o", "ertesi", "aynı"):
        return None, "time", "", "TIME"
    return code, "time", "", "TIME"


def _dmlow(kind: str, gd: dict, year_ctx: int | None) -> tuple[str | None, str, str, str]:
    month = MONTHS.index(fold(gd["month"])) + 1
    year = int(gd["year"]) if gd.get("year") else year_ctx
    if kind == "ymon":
        return f"{year}-{month:02d}", "month", "absolute", "DATE"
    if year is None:
        return None, "day", "", "DATE"
    try:
        return date(year, month, int(gd["day"])).isoformat(), "day", "absolute", "DATE"
    except ValueError:
        return None, "day", "", "DATE"


def _set(kind: str, gd: dict) -> str | None:
    if kind == "everyday":
        return f"XXXX-XX-{int(gd['d']):02d}"
    unit = fold(gd["unit"])
    if kind == "every" and unit in ("sabah", "akşam", "gece"):
        return _pod_value(unit)
    if kind == "nthone":
        n = _num(gd["num"])
        code = _UNIT_CODE[unit]
        if n is None:
            return None
        return f"PT{n}{code[1]}" if code.startswith("T") else f"P{n}{code}"
    return _SET_CODE.get(unit)
