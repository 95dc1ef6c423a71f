"""Question parsing: the kind of a Turkish question and the entities/terms it names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gundem.extract.roles import is_title
from gundem.store.search import analyze, tokens
from gundem.turkish import fold, stem, word_term
from gundem.turkish.lexicon import APOSTROPHES
from gundem.turkish.lexicon import SEARCH_STOPWORDS as STOPWORDS

KINDS = ("disagree", "how_many", "when", "where", "who_is", "why", "met", "who_said", "said",
         "what", "who", "fact")  # fmt: skip

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("disagree", re.compile(r"hangi kaynak|farklı (rakam|sayı|veri)|çeliş|tutarsız")),
    ("how_many", re.compile(r"\bkaç\b|\bne kadar|\bkaçar\b")),
    ("when", re.compile(r"\bne zaman\b|hangi (tarih|gün|ay|yıl)")),
    ("where", re.compile(r"\bnerede\b|\bnerde\b|\bnereye\b|hangi [^\W\d_]+(?:n?[dt][ae])\b")),
    ("who_is", re.compile(r"\bkimdir\b|\bkim olarak\b|\bkim(?:dir)? bu\b|\bgörevi ne\b")),
    ("why", re.compile(r"\bneden\b|\bniçin\b|\bniye\b|\bne sebeple\b|\bnedeni ne")),
    ("met", re.compile(r"\bkim(?:in)?le(?:r)?\b|\bkimlerle\b|\bkiminle\b|\bkim(?:ler)?i\b")),
    (
        "who_said",
        re.compile(
            r"\bkim (dedi|söyledi|açıkladı|belirtti|ifade etti|kullandı|konuştu)"
            r"|diyen kim|kimin sözü|kime ait|kim tarafından (söylendi|dile)"
        ),
    ),
    (
        "said",
        re.compile(
            r"\bne (dedi|söyledi|açıkladı|demişti|diyor|ifade etti)|hakkında ne\b"
            r"|\bne (?:sözü? verdi|vaat etti|taahhüt etti)|\bneyi vaat etti"
        ),
    ),
    (
        "what",
        re.compile(
            r"\bneyi\b|\bneleri\b|\bne(?:ler)? (ele alındı|öngörüyor|içeriyor|kararlaştırıldı)"
            r"|\bneler\b|\bne oldu\b"
        ),
    ),
    ("who", re.compile(r"\bkim(?:ler)?\b|\bkimin\b|\bkimdi\b")),
]

# words that only shape the question, never the search
QUESTION_WORDS = frozenset(
    analyze(
        "kaç ne zaman nerede kim kimle kiminle kimlerle dedi söyledi hangi kaynak kaynaklar "
        "farklı rakam rakamlar sayı veriyor verdi açıkladı hakkında ne kadar tarih gün "
        "diyen sözü sözlerini söz kimin ait kimdir kimi kimleri neden niçin niye neyi neler "
        "nereye",
        keep_stopwords=True,
    )
) | {"kim", "ne", "kaç", "nere", "hangi", "zaman", "de", "söyle", "sayı", "rakam", "kaynak"}

_QUOTED = re.compile(r"[“\"«']([^”\"»']{4,})[”\"»']")


@dataclass
class QEntity:
    name: str  # canonical name where the store knows it, else the surface form
    surface: str
    keys: set[tuple[str, ...]] = field(default_factory=set)  # stem sequences that match it
    suffixed: bool = False  # "Kim’e", "Pyongyang’da": an object/place, not the subject
    locative: bool = False
    type: str = ""
    pos: int = 0


@dataclass
class ParsedQuestion:
    text: str
    kind: str
    entities: list[QEntity]
    terms: list[str]  # content stems (question words removed)
    unit: str = ""  # how_many: the counted noun ("asker")
    verb: str = ""  # last content stem, usually the predicate ("gönder")
    quoted: str = ""  # who_said: the quoted words
    head: str = ""  # where: the noun of "hangi hastanede" ("hastane")
    unit_words: list[str] = field(default_factory=list)  # how_many: stems "kaç" governs


def detect_kind(question: str) -> str:
    q = fold(question)
    for kind, pat in _PATTERNS:
        if pat.search(q):
            if kind == "met" and not re.search(
                r"görüş|buluş|bir araya|konuş|temas|kabul|karşıla|ağırla|ziyaret", q
            ):
                continue
            return kind
    return "fact"


def parse(
    question: str, lexicon: dict[tuple[str, ...], tuple[str, str]] | None = None
) -> ParsedQuestion:
    """Kind, entities (matched against the store's lexicon, else capitalised words), terms."""
    kind = detect_kind(question)
    lexicon = lexicon or {}
    surf = tokens(question)
    raw = re.findall(r"[^\W_]+(?:[’'‘`´][^\W_]+)?", question)
    stems = [word_term(t) for t in raw]
    ents: list[QEntity] = []
    used = [False] * len(stems)
    maxlen = max((len(k) for k in lexicon), default=1)
    i = 0
    while i < len(stems):
        found = None
        for n in range(min(maxlen, len(stems) - i), 0, -1):
            key = tuple(stems[i : i + n])
            if (
                key in lexicon
                and not (n == 1 and key[0] in QUESTION_WORDS and not _cap(raw, i))
                and not (n == 1 and key[0] in STOPWORDS)
            ):
                found = (n, key)
                break
        if found:
            n, key = found
            name, etype = lexicon[key]
            last = surf[i + n - 1]
            ents.append(
                QEntity(
                    name=name, surface=" ".join(raw[i : i + n]), keys={key},
                    suffixed=_suffixed(last), locative=_locative(last), type=etype, pos=i,
                )
            )  # fmt: skip
            for j in range(i, i + n):
                used[j] = True
            i += n
            continue
        i += 1
    # capitalised words the lexicon does not know: one entity per word
    for j, w in enumerate(raw):
        if used[j] or not _cap(raw, j):
            continue
        if j == 0 and stems[j] in QUESTION_WORDS and not (len(raw) > 1 and _cap(raw, 1)):
            continue  # "Kim söyledi?" asks who; "Kim Jong ..." names someone
        if stems[j] in STOPWORDS or is_title(w):
            continue  # "Bakan Arslan": the title is not a name of its own
        if j == 0 and not _suffixed(surf[j]) and not (len(raw) > 1 and _cap(raw, 1)):
            continue  # "Madenciler için …": capitalised because it opens the question
        ents.append(
            QEntity(
                name=_strip_suffix(w), surface=w, keys={(stems[j],)},
                suffixed=_suffixed(surf[j]), locative=_locative(surf[j]), pos=j,
            )
        )  # fmt: skip
        used[j] = True
    ents.sort(key=lambda e: e.pos)
    content = [s for s in stems if s not in QUESTION_WORDS and s not in STOPWORDS and len(s) > 1]
    unit = ""
    unit_words: list[str] = []
    if kind == "how_many":
        for k, a in enumerate(surf):
            if a in ("kaç", "kaçar") and k + 1 < len(surf):
                unit_words = [stem(w) for w in surf[k + 1 : k + 4]]
                # "kaç Kuzey Kore askeri": the counted noun follows the name
                named = {t for e in ents for key in e.keys for t in key}
                unit = next((u for u in unit_words if u not in named), unit_words[0])
                break
    head = ""
    hm = re.search(r"hangi ([^\W\d_]+?)(?:n?[dt][ae])\b", fold(question))
    if kind == "where" and hm:
        head = stem(hm.group(1))
    ent_terms = {t for e in ents for k in e.keys for t in k}
    verbs = [s for s in content if s not in ent_terms and s != unit]
    m = _QUOTED.search(question)
    return ParsedQuestion(
        text=question, kind=kind, entities=ents, terms=content, unit=unit,
        verb=verbs[-1] if verbs else "", quoted=m.group(1) if m else "", head=head,
        unit_words=unit_words,
    )  # fmt: skip


def _cap(raw: list[str], i: int) -> bool:
    w = raw[i]
    return bool(w) and w[0].isupper() and (i > 0 or len(raw) > 1)


_APOS = "[" + re.escape(APOSTROPHES) + "]"


def _strip_suffix(w: str) -> str:
    return re.split(_APOS, w, maxsplit=1)[0]


def _suffixed(folded_token: str) -> bool:
    return bool(re.search(_APOS, folded_token))


def _locative(folded_token: str) -> bool:
    return bool(re.search(_APOS + r"(?:n?[dt][ae])$", folded_token))
