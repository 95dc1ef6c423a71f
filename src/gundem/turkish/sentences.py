"""Sentence splitting for Turkish news text, the one splitter; returns character spans.

An article's spans are computed once (:func:`article_sentences`) and kept on
``Article.sentences``; the entity recogniser, the extractors, the search index, the
answers' citations and the event summaries all read them from there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gundem.turkish.lexicon import ABBREVIATIONS, APOSTROPHES, DOTTED_ABBREVIATIONS, DOUBLE_QUOTES

if TYPE_CHECKING:  # pragma: no cover
    from gundem.model import Article

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
        if low in ABBREVIATIONS or any((word + ".").endswith(a) for a in DOTTED_ABBREVIATIONS):
            return False, end, False
        if len(word) == 1 and word.isalpha() and word.isupper():
            return False, end, False  # initial: "A. Yılmaz"
        if word.isdigit() and len(word) <= 2 and end == i + 1:
            return False, end, False  # ordinal: "2. Dünya Savaşı", "80. yıl"
    return True, end, True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text`` (stripped of surrounding space).

    Line breaks end a sentence, except a single one before a lower-case word (a wrapped
    line, as the next word's case decides within a line); ``. ! ? …`` end one unless they belong to an
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
            cut = max(
                text.rfind(" ", s + limit // 2, s + limit),
                text.rfind("\n", s + limit // 2, s + limit),
                text.rfind("\t", s + limit // 2, s + limit),
            )
            cut = cut if cut > s else s + limit
            _add(text, s, cut, out)
            s = cut
            while s < e and text[s].isspace():
                s += 1
        _add(text, s, e, out)
    return out


_WRAPPED = re.compile(r"(?<!\n)\n[ \t]*(?=[^\W\d_])")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Lines; a single line break before a lower-case word (a wrapped line) joins them."""
    out = []
    start = 0
    for m in re.finditer(r"\n", text):
        w = _WRAPPED.match(text, m.start())
        if w and text[w.end()].islower():
            continue
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


def article_sentences(article: Article) -> list[tuple[int, int]]:
    """The sentence spans of ``article.text``: ``article.sentences`` when it holds them
    (stored with the article), else computed now and kept there. An empty list (an
    article stored before the field existed) means "compute on read"."""
    spans = article.sentences
    text = article.text or ""
    if spans and spans[-1][1] <= len(text):
        return spans
    spans = split_sentences(text)
    article.sentences = spans
    return spans


def join_protected(
    text: str, spans: list[tuple[int, int]], protected: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``spans`` with neighbours joined where their boundary falls inside a ``protected``
    span (a direct quote, given as (open, close) offsets): a sentence never ends inside
    one, whether at a period in the quote or at a paragraph break within it. A paragraph
    break outside every protected span always ends a sentence."""
    runs = merge_runs(protected)
    if not runs or len(spans) < 2:
        return list(spans)
    starts = [a for a, _ in runs]

    def inside(pos: int) -> bool:
        i = bisect_right(starts, pos - 1) - 1  # last run starting before pos
        return i >= 0 and pos < runs[i][1]

    out = [spans[0]]
    for s, e in spans[1:]:
        ps, pe = out[-1]
        mark = pe - 1
        while mark > ps and text[mark] in _CLOSERS:
            mark -= 1
        nl = text.find("\n", pe, s)
        paragraph_break = nl >= 0 and not inside(nl)
        if not paragraph_break and (inside(mark) or inside(pe) or inside(s)):
            out[-1] = (ps, e)
        else:
            out.append((s, e))
    return cap_spans(text, out)


def merge_runs(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-empty spans, sorted, overlapping ones merged (touching ones kept apart)."""
    runs: list[list[int]] = []
    for a, b in sorted((a, b) for a, b in spans if b > a):
        if runs and a < runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], b)
        else:
            runs.append([a, b])
    return [(a, b) for a, b in runs]


def sentence_index(spans: list[tuple[int, int]], pos: int) -> int:
    """Index of the span holding character ``pos`` (the last span for a position past
    the end, -1 for none)."""
    i = bisect_right(spans, (pos, 1 << 62)) - 1
    if i >= 0 and pos < spans[i][1]:
        return i
    if spans and pos >= spans[-1][0]:
        return len(spans) - 1
    return -1
