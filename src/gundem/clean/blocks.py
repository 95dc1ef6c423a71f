"""Block splitting and per-block features for the boilerplate cleaner (pure Python, lean)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from gundem.clean.widget_words import (
    ALL_STOPWORDS,
    LOREM_WORDS,
    SECTION_END,
    STOPWORDS,
    WIDGET_WORDS,
)


def _fold_table() -> dict[int, str | None]:
    """Latin letters with diacritics -> base letter; Turkish dotless/dotted i -> i."""
    table: dict[int, str | None] = {}
    for cp in range(0xC0, 0x250):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if base and base != ch and base.isascii():
            table[cp] = base
    table.update({ord("ı"): "i", ord("İ"): "i", ord("ß"): "ss", ord("’"): "'", ord("‘"): "'"})
    table.update({ord("\u0307"): None, ord("\u00ad"): None, ord("\u200b"): None})
    return table


_FOLD = _fold_table()


def norm(text: str) -> str:
    """Lowercase, diacritics folded, whitespace collapsed: the form all vocabularies use."""
    return " ".join(text.translate(_FOLD).lower().split())


def block_key(text: str) -> str:
    """Normalized hash of a block, the key of ``corpus_counts`` (digits ignored)."""
    key = _DIGITS.sub("0", norm(text))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _alternation(entries: list[str]) -> str:
    parts = []
    for e in entries:
        if e.startswith("\\"):
            parts.append(e)
            continue
        parts.append(re.escape(e).replace(r"\*", r"\w*").replace(r"\ ", r"\s+"))
    parts.sort(key=len, reverse=True)  # longest first so phrases win over their words
    return r"(?<![\w@])(?:" + "|".join(parts) + r")(?![\w@])"


class _Vocab:
    """Word/stem/phrase lookup of all widget reasons at once: dict probes, no regex scan."""

    def __init__(self, vocab: dict[str, list[str]]) -> None:
        self.words: dict[str, str] = {}
        self.stems: dict[str, str] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
        for reason, entries in vocab.items():
            for e in entries:
                star = e.endswith("*")
                toks = tuple(_WORD.findall(e.rstrip("*")))
                if len(toks) == 1:
                    (self.stems if star else self.words).setdefault(toks[0], reason)
                elif toks:
                    self.phrases.setdefault(toks[0], []).append((toks, star, reason))
        self.stem_lens = sorted({len(s) for s in self.stems})

    def covered(self, words: list[str]) -> dict[str, int]:
        """Letters of ``words`` inside vocabulary hits, per reason."""
        hits: dict[str, int] = {}
        i, n = 0, len(words)
        while i < n:
            w = words[i]
            step, reason = 0, ""
            for toks, star, why in self.phrases.get(w, ()):
                k = len(toks)
                if k > step and i + k <= n and tuple(words[i : i + k - 1]) == toks[:-1]:
                    last = words[i + k - 1]
                    if last == toks[-1] or (star and last.startswith(toks[-1])):
                        step, reason = k, why
            if step:
                hits[reason] = hits.get(reason, 0) + sum(len(x) for x in words[i : i + step])
                i += step
                continue
            r = self.words.get(w)
            if r is None:
                for k in self.stem_lens:
                    if k > len(w):
                        break
                    r = self.stems.get(w[:k])
                    if r is not None:
                        break
            if r is not None:
                hits[r] = hits.get(r, 0) + len(w)
            i += 1
        return hits


_DIGITS = re.compile(r"\d")
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_SENT_END = re.compile(r"[.!?…](?:[\"”’»)\]]*)\s+[\"“‘«(]?[A-ZÇĞİÖŞÜÄÉ0-9]|[。！？](?=.)")
_CLOSERS = "\"”’»)]'* 」』）"
# Scripts written without spaces (Chinese, Japanese): a run of them is counted in
# two-character words, so "words" and "sentences" mean the same as in spaced scripts.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_NUMBER = re.compile(r"\(?\d{1,3}[.)]?")
_SLUG = re.compile(r"[\w-]*_[\w-]*")
_QUOTED = re.compile(r"[\"“‘«'].{3,}[\"”’»']")
# " - PEKİN" after the last sentence: not part of the sentence punctuation
_DATELINE_TAIL = re.compile(r"\s[-–—]\s*[A-ZÇĞİÖŞÜÄÉ][A-ZÇĞİÖŞÜÄÉ'’ ./]{1,30}$")
_DATE_MARK = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*")
_LETTERS = re.compile(r"[^\W\d_]")
_WIDGET_VOCAB = _Vocab(WIDGET_WORDS)
_STOP_LANGS: dict[str, tuple[int, ...]] = {}
for _k, _sw in enumerate(STOPWORDS.values()):
    for _w in _sw:
        _STOP_LANGS[_w] = (*_STOP_LANGS.get(_w, ()), _k)
_SECTION_END_RES = {
    r: re.compile(r"^(?:" + _alternation(w) + r")$") for r, w in SECTION_END.items()
}
# A longer header that starts with a "related" phrase ("Related Topics", "Weitere Artikel zum
# Thema") or holds a multi-word one ("Die meistgelesenen Artikel", "Articles les plus lus").
_RELATED_HEAD = re.compile(
    r"^(?:"
    + _alternation(SECTION_END["related"])
    + r")|"
    + _alternation([w for w in SECTION_END["related"] if " " in w or w.endswith("*")])
)


@dataclass(slots=True)
class Feat:
    """What the classifier needs to know about one block."""

    text: str
    norm: str
    words: list[str]
    n_words: int
    n_chars: int
    ends_sentence: bool
    n_sent: int
    stop: float  # best stopword density over the known languages
    widget: str  # widget reason from vocabulary ("" when none)
    widget_cover: float  # share of the block's characters covered by widget words
    section_end: str  # "related"/"comments" when the block is a section header
    lorem: int  # distinct lorem-ipsum words
    upper: float  # share of words starting with a capital letter
    number: bool  # a bare counter / list number
    slug: bool  # a machine token such as "be_endim"
    quoted: bool  # the whole block sits inside quotes


def split_blocks(text: str) -> list[str]:
    """Blocks of flattened page text: one per line, hard-wrapped prose lines re-joined.

    Pages come either with blank lines between paragraphs or one paragraph per line; in both a
    line is a block, except that inside a blank-line group a line cut in mid-sentence (long,
    no end punctuation, next line starts in lower case) is continued by the next line.
    """
    text = _DATE_MARK.sub("", text.replace("\r\n", "\n").replace("\r", "\n"), count=1)
    out: list[str] = []
    glue = False
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            glue = False
            continue
        if glue and out and line[0].islower():
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
        last = out[-1]
        glue = len(raw) >= 50 and last[-1] not in '.!?:;…"”’»)'
    return out


def features(text: str) -> Feat:
    n = norm(text)
    words = _WORD.findall(n)
    if _CJK.search(n):
        words = _cjk_words(words)
    n_words = len(words)
    stripped = _DATELINE_TAIL.sub("", text).rstrip(_CLOSERS)
    ends = bool(stripped) and stripped[-1] in ".!?…:;。！？"
    n_sent = len(_SENT_END.findall(stripped)) + (1 if ends else 0)
    stop = 0.0
    if n_words:
        counts = [0] * len(STOPWORDS)
        for w in words:
            for lang in _STOP_LANGS.get(w, ()):
                counts[lang] += 1
        stop = max(counts) / n_words
    widget, cover = _widget(words, text)
    section_end = ""
    if n_words <= 6:
        core = n.strip(" :.-|»«>()[]")
        for reason, rx in _SECTION_END_RES.items():
            if rx.match(core):
                section_end = reason
                break
    lorem = len({w for w in words if w in LOREM_WORDS}) if n_words else 0
    caps = sum(1 for w in text.split() if w[:1].isupper() or w[1:2].isupper())
    t = text.strip()
    return Feat(
        text=text,
        norm=n,
        words=words,
        n_words=n_words,
        n_chars=len(text),
        ends_sentence=ends,
        n_sent=n_sent,
        stop=stop,
        widget=widget,
        widget_cover=cover,
        section_end=section_end,
        lorem=lorem,
        upper=caps / max(1, len(text.split())),
        number=bool(_NUMBER.fullmatch(t)),
        slug=" " not in t and bool(_SLUG.fullmatch(t)),
        quoted=len(t) < 300 and bool(_QUOTED.fullmatch(t)),
    )


def _cjk_words(words: list[str]) -> list[str]:
    """Runs of unspaced script cut into two-character words; other words unchanged."""
    out: list[str] = []
    for w in words:
        pos = 0
        for m in _CJK.finditer(w):
            if m.start() > pos:
                out.append(w[pos : m.start()])
            run = m.group()
            out += [run[k : k + 2] for k in range(0, len(run), 2)]
            pos = m.end()
        if pos < len(w):
            out.append(w[pos:])
    return out


def _widget(words: list[str], text: str) -> tuple[str, float]:
    """Best widget reason of a block and the share of its letters the reason's words cover."""
    if not words or len(words) > 30:
        return "", 0.0
    hits = _WIDGET_VOCAB.covered(words)
    if not hits:
        return ("disclaimer", 0.5) if "\u00a9" in text else ("", 0.0)
    best = max(hits, key=hits.__getitem__)
    return best, min(hits[best] / sum(len(w) for w in words), 1.0)


def related_head(f: Feat) -> bool:
    """A longer "related" header than ``Feat.section_end`` knows: short, no sentence end."""
    return (
        f.n_words <= 8
        and not f.text.rstrip().endswith((".", "!", "?"))
        and bool(_RELATED_HEAD.search(f.norm))
    )


def content_words(words: list[str]) -> set[str]:
    """Topic words of a block: no function words, cut to a 5-letter stem (suffixes vary)."""
    return {
        w[:5]
        for w in words
        if (len(w) >= 4 or _CJK.fullmatch(w)) and w not in ALL_STOPWORDS and not w.isdigit()
    }
