"""Cheap, deterministic text features for linking: Turkish case folding, content-word
stems, capitalised-token fallback for entities, sparse vectors and dates.

Everything here is a pure function over the text layer (``gundem.turkish``: folding,
words, stems, language data); stems are cached per token so a corpus with a Zipfian
vocabulary costs one akana call per distinct word.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from gundem.model import Article
from gundem.periods import day_number
from gundem.turkish import casefold_tr, letter_words, split_suffix, word_term
from gundem.turkish.lexicon import APOSTROPHES, CALENDAR, CONTENT_STOPWORDS, TITLE_WORDS
from gundem.turkish.morphology import analyses, best_score, is_proper_noun

_APOS = "[" + re.escape(APOSTROPHES) + "]"
_CAP_RUN = re.compile(r"(?<![\w’'])[A-ZÇĞİÖŞÜÂÎ][^\W\d_]*(?:" + _APOS + r"[^\W\d_]+)?")

STOPWORDS = CONTENT_STOPWORDS
tr_lower = casefold_tr  # the text layer's one Turkish case fold, under its old name here


@lru_cache(maxsize=50_000)
def common_word(word: str) -> bool:
    """True for a dictionary word that is not a proper name (Görüşmede, Analistler)."""
    low = casefold_tr(word)
    if low in STOPWORDS or low in CALENDAR:
        return True
    if word.isupper() and len(word) > 1:
        return False  # ABD, KCNA
    if not analyses(low) or is_proper_noun(low):
        return False
    return best_score(low) >= 0.9


def to_title(s: str) -> str:
    """Turkish title case of a case-folded name: "kuzey kore" → "Kuzey Kore"."""
    return " ".join(
        (("İ" if w[0] == "i" else w[0].upper()) + w[1:]) if w else w for w in s.split(" ")
    )


def strip_suffix(word: str) -> str:
    """Drop an apostrophe suffix: Putin’den → Putin."""
    return split_suffix(word)[0]


#: The stem of one word as linking uses it: the text layer's ``word_term`` (a bare
#: capitalised name is kept whole, an apostrophe suffix is dropped, other words stemmed).
stem = word_term


def words(text: str) -> list[str]:
    return letter_words(text)


@lru_cache(maxsize=200_000)
def _content_stem(word: str) -> str:
    low = casefold_tr(strip_suffix(word))
    if len(low) < 3 or low in STOPWORDS:
        return ""
    s = word_term(word)
    if len(s) < 2 or s in STOPWORDS:
        return ""
    return s


def content_stems(text: str) -> list[str]:
    """Stems of content words, in order (stopwords and very short words dropped)."""
    out = []
    for w in letter_words(text):
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
