"""Sentence splitting for Turkish news text; returns character spans."""

from __future__ import annotations

import re

from gundem.turkish.normalize import APOSTROPHES, DOUBLE_QUOTES
from gundem.turkish.tokens import ABBREVIATIONS, DOTTED_ABBREVIATIONS

_CLOSERS = set(DOUBLE_QUOTES + APOSTROPHES + '")]')
_OPENERS = set(DOUBLE_QUOTES + APOSTROPHES + '"([-')
_END = ".!?…"


def _prev_word(text: str, i: int) -> str:
    """The word (letters, digits and inner periods) that ends right before ``text[i]``."""
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    return text[j:i]


def _is_boundary(text: str, i: int) -> tuple[bool, int]:
    """Is the terminal punctuation at ``i`` a sentence end? Returns (yes, end offset)."""
    n = len(text)
    j = i + 1
    while j < n and text[j] in _END:  # "?!", "..."
        j += 1
    while j < n and text[j] in _CLOSERS:  # ." ’ )
        j += 1
    end = j
    if j < n and not text[j].isspace():
        return False, end  # 14.30, 1.000, a.s.
    while j < n and text[j] in " \t":
        j += 1
    if j >= n or text[j] == "\n":
        return True, end
    while j < n and text[j] in _OPENERS:
        j += 1
    if j >= n:
        return True, end
    nxt = text[j]
    if text[i] == ".":
        word = _prev_word(text, i)
        low = word.lower()
        if low in ABBREVIATIONS or any(
            (word + ".").endswith(a) for a in DOTTED_ABBREVIATIONS
        ):
            return False, end
        if len(word) == 1 and word.isalpha() and word.isupper():
            return False, end  # initial: "A. Yılmaz"
        if word.isdigit() and len(word) <= 2 and end == i + 1:
            return False, end  # ordinal: "2. Dünya Savaşı", "80. yıl"
    if nxt.islower():
        return False, end
    return True, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text`` (stripped of surrounding space).

    Line breaks always end a sentence; ``. ! ? …`` end one unless they belong to an
    abbreviation (Prof. Dr. vb. St. Av. Doç. T.C. A.Ş.), an initial, an ordinal
    (``2.``) or a number (``14.30``, ``1.000``), or the next word is lower-case.
    """
    spans: list[tuple[int, int]] = []
    for para in _paragraphs(text):
        ps, pe = para
        start = ps
        i = ps
        while i < pe:
            if text[i] in _END:
                ok, end = _is_boundary(text[:pe], i)
                if ok:
                    _add(text, start, end, spans)
                    start = end
                    i = end
                    continue
                i += 1
                continue
            i += 1
        _add(text, start, pe, spans)
    return spans


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
