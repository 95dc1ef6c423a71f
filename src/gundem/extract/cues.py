"""Turkish reporting-verb (cue) lexicon and small text helpers for the extractors.

Used by ``quotes`` (who said what), ``claims`` (who is the source of a number) and
``times``. Sentences, case folding and language data come from the text layer
(``gundem.turkish``): the extractors read the article's stored sentence spans and join
those whose boundary falls inside a direct quote (``join_protected``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from gundem.turkish.lexicon import SUFFIX_APOSTROPHES
from gundem.turkish.sentences import merge_runs

# ---------------------------------------------------------------------------
# Cue verbs
# ---------------------------------------------------------------------------

#: Finite speech verbs that may end a sentence of reported (indirect) speech or
#: follow "diye". Longest forms first is not needed: the regexes sort them.
SPEECH_VERBS: tuple[str, ...] = (
    "dedi",
    "demişti",
    "diyor",
    "belirtti",
    "belirtmişti",
    "belirtiyor",
    "ifade etti",
    "ifade etmişti",
    "vurguladı",
    "vurgulamıştı",
    "kaydetti",
    "açıkladı",
    "açıklamıştı",
    "söyledi",
    "söylemişti",
    "ekledi",
    "sözlerine ekledi",
    "aktardı",
    "dile getirdi",
    "bildirdi",
    "duyurdu",
    "hatırlattı",
    "yineledi",
    "savundu",
    "anlattı",
    "iddia etti",
    "öne sürdü",
    "uyardı",
    "dikkat çekti",
    "konuştu",
    "sordu",
    "karşılık verdi",
    "yanıt verdi",
    "cevap verdi",
    "tepki gösterdi",
    "seslendi",
    "yazdı",
    "haykırdı",
    "bağırdı",
    "devam etti",
    "paylaştı",
    "teşekkür etti",
    "kaydetmişti",
    "ileri sürdü",
    "not etti",
    "altını çizdi",
    "açıkladı",
    "beyan etti",
    "ilan etti",
    "teyit etti",
    "doğruladı",
    "reddetti",
    "belirtildi",
    "kabul etti",
)

#: Verbs that end an indirect-speech sentence ("…olduğunu belirtti").
INDIRECT_VERBS: tuple[str, ...] = (
    "belirtti",
    "belirtmişti",
    "ifade etti",
    "ifade etmişti",
    "vurguladı",
    "vurgulamıştı",
    "kaydetti",
    "kaydetmişti",
    "açıkladı",
    "açıklamıştı",
    "söyledi",
    "söylemişti",
    "ekledi",
    "sözlerine ekledi",
    "aktardı",
    "dile getirdi",
    "bildirdi",
    "duyurdu",
    "hatırlattı",
    "yineledi",
    "savundu",
    "anlattı",
    "iddia etti",
    "öne sürdü",
    "ileri sürdü",
    "uyardı",
    "dikkat çekti",
    "not etti",
    "altını çizdi",
    "teyit etti",
    "doğruladı",
    "beyan etti",
    "kabul etti",
    "itiraf etti",
    "yazdı",
)

#: Participles/converbs after "diye": "… diye konuştu", "… diye konuşan Kim".
_DIYE_VERBS = (
    r"konuş(?:tu|an|arak|muştu)|ekle(?:di|yen|yerek)|sor(?:du|an|arak)|"
    r"(?:karşılık|yanıt|cevap)\s+ver(?:di|en|erek)|tepki\s+göster(?:di|en|erek)|"
    r"seslen(?:di|en|erek)|yaz(?:dı|an|arak)|uyar(?:dı|an|arak)|belirt(?:ti|en|erek)|"
    r"haykır(?:dı|an)|bağır(?:dı|an)|devam\s+et(?:ti|ti)|açıkla(?:dı|yan|yarak)|"
    r"paylaş(?:tı|an)|konuşmasını\s+sürdürdü|sözlerini\s+sürdürdü|tweet\s+attı"
)

#: Nouns of "<noun> kullandı/bulundu/yaptı…" cue phrases after a quote.
_CUE_NOUNS = (
    r"(?:ifade|söz|açıklama|değerlendirme|uyarı|yorum|görüş|mesaj|çağrı|tespit|yanıt|cevab|"
    r"paylaşım|tweet|not|sitem|eleştiri|itiraf|iddia|vurgu|cümle|sitem|tepki|hatırlatma|anons|"
    r"duyuru|ihtar|talimat|slogan)"
    r"[a-zçğıöşü]*"
)
_CUE_NOUN_VERBS = (
    r"kullan(?:dı|an|arak|mıştı|ıldı)|bulun(?:du|an|arak|muştu|uldu)|yap(?:tı|an|arak|mıştı|ıldı)|"
    r"ver(?:di|en|erek|ildi)|(?:dile\s+)?getir(?:di|en|erek|ildi)|düş(?:tü|en)|paylaş(?:tı|an)|"
    r"yer\s+(?:ver(?:di|en|erek|ildi)|al(?:dı|an|ıyor|mıştı))|yinele(?:di|yen)|tekrarla(?:dı|yan)"
)

#: A cue right after a closing quote mark: returns the cue phrase in group "cue".
AFTER_CUE_RE = re.compile(
    r"^[\s,]*(?P<cue>"
    r"d(?:edi|emişti|iyor|iyen|iyerek|en(?:il)?di|iye\s+(?:" + _DIYE_VERBS + r"))"
    r"|(?:şeklinde|biçiminde|diye)\s+(?:konuş(?:tu|an|arak)|açıklama\s+yap(?:tı|an)|"
    r"belirt(?:ti|en)|ifade\s+et(?:ti|en)|yanıt\s+ver(?:di|en)|karşılık\s+ver(?:di|en)|"
    r"paylaşım\s+yap(?:tı|an)|ekle(?:di|yen)|seslen(?:di|en))"
    r"|(?:" + _CUE_NOUNS + r")\s+(?:" + _CUE_NOUN_VERBS + r")"
    r")(?![\wçğıöşüÇĞİÖŞÜ])",
    re.IGNORECASE,
)

#: Weak cues: a short quoted phrase followed by these is a fragment, not a quote.
FRAGMENT_CUE_RE = re.compile(
    r"^[\s,]*(?:ifadesiyle|sözüyle|vurgusuyla|diye\s+(?:nitelendir|tanımla|adlandır|hitap|"
    r"anıl|bilinen|an[ıi]lan|bahset|söz\s+et)|olarak|şeklinde\s+(?:değerlendir|yorumla|"
    r"nitelendir|tanımla)|(?:mesaj|vurgu|ifade|söz)\w*)",
    re.IGNORECASE,
)

#: Cue phrases before a colon that opens a quote ("şunları söyledi:").
COLON_CUE_RE = re.compile(
    r"(?P<cue>(?:(?:şunları|şöyle|şu\s+sözlerle|şu\s+ifadelerle|şu\s+ifadeleri)\s+)?"
    r"(?<![\wçğıöşüÇĞİÖŞÜ’'])(?:"
    + "|".join(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True))
    + r"|[\wçğıöşüÇĞİÖŞÜ]+\s+(?:yineledi|sürdürdü|yaptı|bulundu)))\s*:\s*$",
    re.IGNORECASE,
)

#: Indirect speech: nominalised clause + cue verb at the end of a sentence.
INDIRECT_RE = re.compile(
    r"(?P<clause>[\wçğıöşüÇĞİÖŞÜ’']*(?:[dt][ıiuü][ğk](?:l[ae]r)?[ıiuü]n[ıiuüae]|"
    r"[ae]c[ae][ğk](?:l[ae]r)?[ıi]n[ıiae]|m[ae]s[ıi]n[ıi])(?:\s+(?:de|da))?)"
    r"\s+(?P<cue>"
    + "|".join(re.escape(v) for v in sorted(INDIRECT_VERBS, key=len, reverse=True))
    + r")\s*[.!:]?\s*$",
)

#: Passive reporting verbs: "… olduğu belirtildi", "… geldiği ifade edildi".
PASSIVE_VERBS: tuple[str, ...] = (
    "belirtildi",
    "belirtiliyor",
    "kaydedildi",
    "ifade edildi",
    "ifade ediliyor",
    "bildirildi",
    "bildiriliyor",
    "öğrenildi",
    "açıklandı",
    "vurgulandı",
    "duyuruldu",
    "aktarıldı",
    "dile getirildi",
    "öne sürüldü",
    "ileri sürüldü",
    "iddia edildi",
    "hatırlatıldı",
    "not edildi",
)

#: Passive indirect speech: a nominalised clause without accusative + a passive verb.
PASSIVE_RE = re.compile(
    r"(?P<clause>[\wçğıöşüÇĞİÖŞÜ’']*(?:[dt][ıiuü][ğk](?:l[ae]r)?[ıiuü]|[ae]c[ae][ğk](?:l[ae]r)?[ıi])"
    r"(?:\s+(?:de|da))?)\s+(?P<cue>"
    + "|".join(re.escape(v) for v in sorted(PASSIVE_VERBS, key=len, reverse=True))
    + r")\s*[.!]?\s*$",
)

#: Indirect speech closed by a converb before a direct quote: "… yenileneceğini belirterek “…”".
CONVERB_RE = re.compile(
    r"(?P<clause>[\wçğıöşüÇĞİÖŞÜ’']*(?:[dt][ıiuü][ğk](?:l[ae]r)?[ıiuü]n[ıiuü]|"
    r"[ae]c[ae][ğk](?:l[ae]r)?[ıi]n[ıi])(?:\s+(?:de|da))?)\s+(?P<cue>belirterek|vurgulayarak|"
    r"söyleyerek|ifade\s+ederek|kaydederek|hatırlatarak|dile\s+getirerek|anlatarak|"
    r"savunarak|açıklayarak)\s*,?\s*$"
)

#: Indirect speech in a participle phrase before its speaker: "… taşıdığını söyleyen sanatçı".
PARTICIPLE_RE = re.compile(
    r"(?P<clause>[\wçğıöşüÇĞİÖŞÜ’']*(?:[dt][ıiuü][ğk](?:l[ae]r)?[ıiuü]n[ıiuü]|"
    r"[ae]c[ae][ğk](?:l[ae]r)?[ıi]n[ıi]))\s+(?P<cue>söyleyen|belirten|vurgulayan|ifade\s+eden|"
    r"kaydeden|anlatan|dile\s+getiren|savunan|açıklayan|hatırlatan)\s+(?P<who>\S+)"
)

#: "X’e göre", "X kaynaklarına göre", "X’in açıklamasına göre".
SOURCE_RE = re.compile(r"\bgöre\b")


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

WORD = r"[\wçğıöşüÇĞİÖŞÜâîûÂÎÛ]"
APOSTROPHES = SUFFIX_APOSTROPHES


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (blocks separated by a blank line)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\n\s*\n", text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


class Intervals:
    """A set of intervals asked whether any of them holds a position, in log time: the
    union is kept as sorted runs (overlapping intervals merged, touching ones kept apart).
    ``inside`` asks for the open intervals (s, e), ``covers`` for the half-open [s, e),
    ``covers_end`` for (s, e]."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        runs = merge_runs(spans)
        self._starts = [a for a, _ in runs]
        self._ends = [b for _, b in runs]

    def _last_from(self, pos: int, strict: bool) -> int:
        """Index of the last run starting before ``pos`` (at or before, if not strict)."""
        return (bisect_left if strict else bisect_right)(self._starts, pos) - 1

    def inside(self, pos: int) -> bool:
        i = self._last_from(pos, strict=True)
        return i >= 0 and pos < self._ends[i]

    def covers(self, pos: int) -> bool:
        i = self._last_from(pos, strict=False)
        return i >= 0 and pos < self._ends[i]

    def covers_end(self, pos: int) -> bool:
        i = self._last_from(pos, strict=True)
        return i >= 0 and pos <= self._ends[i]


def split_suffix(token: str) -> tuple[str, str]:
    """'Putin’den' → ('Putin', 'den'); 'Putin' → ('Putin', '')."""
    for i, ch in enumerate(token):
        if ch in APOSTROPHES and 0 < i < len(token) - 1:
            return token[:i], token[i + 1 :]
    return token, ""
