"""Speaker candidates for quote attribution beyond capitalised names.

``extract.quotes`` finds quote spans, cues and capitalised name/role phrases; this module
adds what those miss or get wrong on real news:

* lower-case role and group subjects ("gencin avukatı", "kolluk güçleri", "avukatlar",
  "jandarma komutanı", "Tüketici dernekleri") as speaker candidates;
* words that are never speakers: nationalities and "-li" adjectives ("Suriyeli"),
  capitalised common words that open a sentence and never appear capitalised inside
  one ("Yaşama", "Odanın"), places;
* framing words before an indirect quote's reported content ("yaptığı açıklamada,",
  "twitter hesabından", "düzenlediği basın toplantısında,").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gundem.turkish import casefold_tr as tr_lower

#: Heads of group and role nouns that speak as a body ("avukatlar", "kolluk güçleri").
GROUP_STEMS = (
    "avukat",
    "polis",
    "jandarma",
    "güç",
    "yetkili",
    "eylemci",
    "gösterici",
    "protestocu",
    "sakin",
    "aile",
    "işçi",
    "öğrenci",
    "çiftçi",
    "esnaf",
    "dernek",
    "sendika",
    "sendikacı",
    "uzman",
    "tanık",
    "vatandaş",
    "ekip",
    "komutan",
    "muhalefet",
    "hekim",
    "doktor",
    "öğretmen",
    "veli",
    "taraftar",
    "köylü",
    "üretici",
    "depremzede",
    "savcı",
    "hakim",
    "heyet",
    "komisyon",
    "müdürlük",
    "valilik",
    "kaymakamlık",
    "bakanlık",
    "belediye",
    "girişim",
    "platform",
    "temsilci",
    "sözcü",
    "başkan",
    "müdür",
    "amir",
    "görevli",
    "personel",
    "çalışan",
    "kaynak",
    "yönetim",
    "hükümet",
)
_GROUP_RE = re.compile(
    r"^(?:" + "|".join(GROUP_STEMS) + r")(?:ler|lar)?(?:i|ı|u|ü|si|sı|su|sü|leri|ları)?$"
)
_MODIFIER_STOP = frozenset(
    "ve ile veya ya bu şu o bir her bazı birçok tüm bütün diğer da de ki ise ama ancak "
    "fakat gibi için kadar sonra önce çok daha en".split()
)
_PARTICIPLE_RE = re.compile(r"(?:[ae]n|y[ae]n|m[ıiuü]ş|[dt][ıiuü]ğ[ıiuü]|[ae]c[ae]k)$")

#: Nationality words and "-li" adjectives of origin: never a speaker on their own.
_NATIONALITY_RE = re.compile(
    r"^(?:rus|fransız|alman|ingiliz|japon|türk|amerikan|yunan|italyan|ispanyol|macar|"
    r"leh|arap|fars|kürt|ermeni|gürcü|çerkez|acem|yahudi|.{3,}(?:lı|li|lu|lü))$"
)


@dataclass(frozen=True)
class GroupSubject:
    """A lower-case (or sentence-initial) role/group subject: 'jandarma komutanı,'."""

    start: int
    end: int
    words: tuple[str, ...]
    marker: str  # comma | ise | da | quote


_WORD_RE = re.compile(r"[^\s]+")
_TRAIL = ',.;:!?"”’»)…'


def group_subjects(masked: str, a: int, b: int) -> list[GroupSubject]:
    """Role/group subjects in ``masked[a:b]`` (quotes masked with "§") that are attached
    as a subject: followed by a comma, "ise", "da/de" or a quote."""
    toks = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(masked, a, b)]
    out: list[GroupSubject] = []
    for k, (s, _e, raw) in enumerate(toks):
        word = raw.rstrip(_TRAIL)
        if not word or "’" in word or "'" in word or "§" in word:
            continue
        low = tr_lower(word)
        if not _GROUP_RE.match(low):
            continue
        marker = _marker(raw, toks[k + 1][2] if k + 1 < len(toks) else "")
        if not marker:
            continue
        first = k
        if k > 0 and _modifier(
            toks[k - 1][2], toks[k - 1][0] == a or _initial(masked, toks[k - 1][0])
        ):
            first = k - 1
        words = tuple(toks[j][2].rstrip(_TRAIL) for j in range(first, k + 1))
        out.append(GroupSubject(toks[first][0], s + len(word), words, marker))
    return out


def _initial(text: str, pos: int) -> bool:
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j == 0 or text[j - 1] in ".!?\n"


def _marker(raw: str, nxt: str) -> str:
    if raw.endswith(","):
        return "comma"
    if raw != raw.rstrip(_TRAIL):
        return ""
    low = tr_lower(nxt.rstrip(_TRAIL))
    if low == "ise":
        return "ise"
    if low in ("da", "de"):
        return "da"
    if nxt.startswith("§"):
        return "quote"
    return ""


def _modifier(raw: str, sentence_initial: bool) -> bool:
    """Can ``raw`` modify the group noun after it ('kolluk', 'jandarma', 'gencin')?"""
    if raw != raw.rstrip(_TRAIL) or "’" in raw or "'" in raw or "§" in raw:
        return False
    low = tr_lower(raw)
    if low in _MODIFIER_STOP or _PARTICIPLE_RE.search(low) or not low.isalpha():
        return False
    return raw[0].islower() or sentence_initial


def is_group_word(word: str) -> bool:
    return bool(_GROUP_RE.match(tr_lower(word)))


def is_nationality(word: str) -> bool:
    return bool(_NATIONALITY_RE.match(tr_lower(word)))


def only_sentence_initial(text: str, word: str) -> bool:
    """Is ``word`` written capitalised only where a sentence opens (a common word)?"""
    if not _RUN_RE.fullmatch(word):
        return _scan_initial(text, word)
    seen, elsewhere = _word_places(text)
    return word in seen and word not in elsewhere


_RUN_RE = re.compile(r"\w+")


@lru_cache(maxsize=8)
def _word_places(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The text's words, and those of them written somewhere other than a sentence opening:
    one pass per text, so asking about many words stays linear."""
    seen: set[str] = set()
    elsewhere: set[str] = set()
    for m in _RUN_RE.finditer(text):
        start = m.start()
        if start and text[start - 1] in "’'":
            continue  # a suffix after an apostrophe
        w = m.group()
        seen.add(w)
        if not _initial(text, start) and text[start - 1 : start] not in '“"«‘(':
            elsewhere.add(w)
    return frozenset(seen), frozenset(elsewhere)


def _scan_initial(text: str, word: str) -> bool:
    found = False
    for m in re.finditer(r"(?<![\w’'])" + re.escape(word) + r"(?![\w])", text):
        found = True
        if not _initial(text, m.start()) and text[m.start() - 1 : m.start()] not in '“"«‘(':
            return False
    return found


#: Framing before the reported content of an indirect quote.
_FRAME_RE = re.compile(
    r"^(?:[^,.;]{0,80}?\b(?:açıklama(?:sın)?da|toplantı(?:sın)?da|paylaşım(?:ın)?da|"
    r"hesab[ıi]ndan|hesab[ıi]\s+üzerinden|mesaj(?:ın)?da|konuşma(?:sın)?da|röportaj(?:ın)?da|"
    r"program(?:ın)?da|görüşme(?:sin)?de|yazı(?:sın)?da|deme[cç]inde|bildiri(?:sin)?de|"
    r"açıklamasıyla|mektubunda|videoda|video\s+mesajında|canlı\s+yayında))\s*,?\s+"
    r"(?:(?:ise|da|de)\s+)?"
)


#: A genitive after an apostrophe ("Bankası’nın"): the meeting or statement is another's.
_OWNED_RE = re.compile(r"[’'](?:n)?[ıiuü]n\s")


def strip_framing(clause: str, owned: bool = False) -> str:
    """'yaptığı açıklamada, 31 Mart’ta …' → '31 Mart’ta …' (kept when little is left).
    ``owned``: a statement of someone named in the genitive is framing too (passive
    reports: "Enstitüsü’nün açıklamasında ise …")."""
    while m := _FRAME_RE.match(clause):  # "hesabından yaptığı paylaşımda, …": one by one
        if (
            not owned
            and _OWNED_RE.search(m.group())
            and not _PARTICIPLE_RE.search(m.group().split()[-1])
        ):
            break  # "Merkez Bankası’nın aralık toplantısında …": someone else's, content
        rest = clause[m.end() :]
        if len(rest.split()) < 2:
            break
        clause = rest
    return clause
