"""Tokenisation with character spans; apostrophe suffixes become their own tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gundem.turkish.lexicon import ABBREVIATIONS, APOSTROPHES, DOTTED_ABBREVIATIONS

__all__ = [
    "ABBREVIATIONS", "DOTTED_ABBREVIATIONS", "Token", "is_suffix_token", "letter_words",
    "tokenize", "tokenize_range", "words",
]  # fmt: skip

_APOS = re.escape(APOSTROPHES)
_L = r"[^\W\d_]"
_TOKEN_RE = re.compile(
    rf"""
    (?P<url>https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+)
  | (?P<dotted>(?:{_L}\.){{2,}})
  | (?P<num>\d+(?:[.,:]\d+)*)
  | (?P<word>{_L}[\w]*(?:[-.]{_L}[\w]*)*(?:[-]\d+)?)
  | (?P<suffix>[{_APOS}]{_L}+)
  | (?P<other>\S)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_suffix(self) -> bool:
        return len(self.text) > 1 and self.text[0] in APOSTROPHES


def is_suffix_token(tok: str) -> bool:
    """``'nin``, ``’den``: an apostrophe followed by letters only (a split case suffix)."""
    return len(tok) > 1 and tok[0] in APOSTROPHES and tok[1:].isalpha()


def _abbrev_period(text: str, tok_end: int, word: str) -> bool:
    """Does the period right after ``word`` belong to it?"""
    if tok_end >= len(text) or text[tok_end] != ".":
        return False
    low = word.lower()
    if low in ABBREVIATIONS:
        return True
    # an initial: one capital letter, followed by space and another capital ("A. Yılmaz")
    if len(word) == 1 and word.isupper():
        nxt = text[tok_end + 1 : tok_end + 3]
        return len(nxt) == 2 and nxt[0] == " " and nxt[1].isupper()
    return False


def tokenize(text: str, split_suffixes: bool = True) -> list[Token]:
    """Tokens with char spans into ``text``.

    ``Putin’den`` → ``Putin`` ``’den`` when ``split_suffixes`` (default), else one
    token. Numbers (``14.30``, ``1.000``, ``3,5``), hyphenated names (``Jong-un``),
    abbreviations (``Prof.``, ``T.C.``) and initials (``A.``) stay whole.
    """
    out: list[Token] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _TOKEN_RE.search(text, pos)
        if m is None:
            break
        kind = m.lastgroup
        s, e = m.start(), m.end()
        if kind == "word":
            w = text[s:e]
            if "." in w:  # "vb.vs" style: keep the first part, re-scan the rest
                e = s + w.index(".")
                w = text[s:e]
            if "-" in w:  # "Rusya-Kuzey Kore" → Rusya - Kuzey; "Jong-un", "Kim Jong-Un" stay
                h = w.index("-")
                left, right = w[:h], w[h + 1 :].split("-")[0]
                if (
                    left[:1].isupper()
                    and right[:1].isupper()
                    and len(left) >= 4
                    and len(right) >= 3
                ):
                    e = s + h
                    w = left
            tok = _word_token(text, s, e, w)
            out.append(tok)
            pos = tok.end
            continue
        if kind == "suffix":
            if out and out[-1].end == s and not out[-1].is_suffix and out[-1].text[-1].isalnum():
                if split_suffixes:
                    out.append(Token(text[s:e], s, e))
                else:
                    prev = out.pop()
                    out.append(Token(text[prev.start : e], prev.start, e))
            else:  # an opening quote mark followed by a word: not a suffix
                out.append(Token(text[s], s, s + 1))
                e = s + 1
        else:
            out.append(Token(text[s:e], s, e))
        pos = e
    return out


def _word_token(text: str, s: int, e: int, w: str) -> Token:
    if _abbrev_period(text, e, w):
        return Token(text[s : e + 1], s, e + 1)
    return Token(w, s, e)


def tokenize_range(text: str, start: int, end: int, split_suffixes: bool = True) -> list[Token]:
    """Tokenise ``text[start:end]`` with spans into ``text``."""
    return [
        Token(t.text, t.start + start, t.end + start)
        for t in tokenize(text[start:end], split_suffixes)
    ]


# Word views without spans, for bag-of-words consumers. Both keep an apostrophe suffix on
# its word ("Putin’in"), so the stemmer sees the apostrophe.
_APOS_CLASS = "[" + re.escape(APOSTROPHES) + "]"
_WORD_RE = re.compile(r"[^\W_]+(?:" + _APOS_CLASS + r"[^\W_]+)?")
_LETTER_WORD_RE = re.compile(r"[^\W\d_]+(?:[-][^\W\d_]+)*(?:" + _APOS_CLASS + r"[^\W\d_]+)?")


def words(text: str) -> list[str]:
    """Words of letters and digits as written (search terms: ``Putin’in``, ``2024``)."""
    return _WORD_RE.findall(text)


def letter_words(text: str) -> list[str]:
    """Words of letters only, hyphenated parts joined (linking stems: ``Jong-un``)."""
    return _LETTER_WORD_RE.findall(text)
