"""Sentence splitting for Turkish news text; returns character spans."""

from __future__ import annotations

import re

from gundem.turkish.normalize import APOSTROPHES, DOUBLE_QUOTES
from gundem.turkish.tokens import ABBREVIATIONS, DOTTED_ABBREVIATIONS

_CLOSERS = set(DOUBLE_QUOTES + APOSTROPHES + '")]')
_OPENERS = set(DOUBLE_QUOTES + APOSTROPHES + '"([-')
_END = ".!?…"
_END_RE = re.compile("[.!?…]")
_WORD_LOOKBACK = 64
#: Longest sentence handed on: a longer one (a page with no sentence breaks) is cut into
#: chunks at whitespace, so per-sentence work (NER above all) stays bounded.
MAX_SENTENCE_CHARS = 4000


def _prev_word(text: str, i: int) -> str:
    """The word (letters, digits and inner periods) that ends right before ``text[i]``,
    at most its last ``_WORD_LOOKBACK`` characters (every check on it is a short suffix
    or a short whole word, so a longer word gives the same answers)."""
    j = i
    lo = max(0, i - _WORD_LOOKBACK)
    while j > lo and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    return text[j:i]


def _is_boundary(text: str, i: int, n: int) -> tuple[bool, int, bool]:
    """Is the terminal punctuation at ``i`` a sentence end? Returns (yes, end offset,
    whether the answer holds for every later mark of the same run of marks).
    ``n`` is the end of the paragraph (nothing at or past it is looked at)."""
    j = i + 1
    while j < n and text[j] in _END:  # "?!", "..."
        j += 1
    while j < n and text[j] in _CLOSERS:  # ." ’ )
        j += 1
    end = j
    if j < n and not text[j].isspace():
        return False, end, True  # 14.30, 1.000, a.s.
    while j < n and text[j] in " \t":
        j += 1
    if j >= n or text[j] == "\n":
        return True, end, True
    while j < n and text[j] in _OPENERS:
        j += 1
    if j >= n:
        return True, end, True
    nxt = text[j]
    if nxt.islower():
        return False, end, True
    if text[i] == ".":
        word = _prev_word(text, i)
        low = word.lower()
        if low in ABBREVIATIONS or any(
            (word + ".").endswith(a) for a in DOTTED_ABBREVIATIONS
        ):
            return False, end, False
        if len(word) == 1 and word.isalpha() and word.isupper():
            return False, end, False  # initial: "A. Yılmaz"
        if word.isdigit() and len(word) <= 2 and end == i + 1:
            return False, end, False  # ordinal: "2. Dünya Savaşı", "80. yıl"
    return True, end, True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text`` (stripped of surrounding space).

    Line breaks always end a sentence; ``. ! ? …`` end one unless they belong to an
    abbreviation (Prof. Dr. vb. St. Av. Doç. T.C. A.Ş.), an initial, an ordinal
    (``2.``) or a number (``14.30``, ``1.000``), or the next word is lower-case. A
    sentence longer than ``MAX_SENTENCE_CHARS`` is cut at whitespace (:func:`cap_spans`).
    """
    spans: list[tuple[int, int]] = []
    for ps, pe in _paragraphs(text):
        start = ps
        i = ps
        while m := _END_RE.search(text, i, pe):
            i = m.start()
            ok, end, whole_run = _is_boundary(text, i, pe)
            if ok:
                _add(text, start, end, spans)
                start = end
            i = end if ok or whole_run else i + 1
        _add(text, start, pe, spans)
    return cap_spans(text, spans)


def cap_spans(
    text: str, spans: list[tuple[int, int]], limit: int = MAX_SENTENCE_CHARS
) -> list[tuple[int, int]]:
    """``spans`` with each one longer than ``limit`` cut into chunks of at most ``limit``
    characters, at the last whitespace of each chunk's second half (hard cut without one)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > limit:
            cut = max(text.rfind(" ", s + limit // 2, s + limit),
                      text.rfind("\n", s + limit // 2, s + limit),
                      text.rfind("\t", s + limit // 2, s + limit))
            cut = cut if cut > s else s + limit
            _add(text, s, cut, out)
            s = cut
            while s < e and text[s].isspace():
                s += 1
        _add(text, s, e, out)
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in re.finditer(r"\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _add(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[s:e] for s, e in split_sentences(text)]
