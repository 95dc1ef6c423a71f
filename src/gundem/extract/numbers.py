"""Turkish numbers: digits ("3,5", "1.250", "%5") and number words ("iki bin").

``parse_number_words`` turns a run of Turkish number words into a value
("iki bin beş yüz" → 2500). Vague plurals ("binlerce", "yüzlerce", "onlarca",
"düzinelerce", "yüz binlerce") have **no value**: ``VAGUE`` maps them to
themselves and callers store ``value=None`` with the word as qualifier; we never
invent a number the text does not give.
"""

from __future__ import annotations

import re

UNITS: dict[str, int] = {
    "sıfır": 0,
    "bir": 1,
    "iki": 2,
    "üç": 3,
    "dört": 4,
    "beş": 5,
    "altı": 6,
    "yedi": 7,
    "sekiz": 8,
    "dokuz": 9,
}
TENS: dict[str, int] = {
    "on": 10,
    "yirmi": 20,
    "otuz": 30,
    "kırk": 40,
    "elli": 50,
    "altmış": 60,
    "yetmiş": 70,
    "seksen": 80,
    "doksan": 90,
}
HUNDRED = {"yüz": 100}
SCALES: dict[str, float] = {
    "bin": 1e3,
    "milyon": 1e6,
    "milyar": 1e9,
    "trilyon": 1e12,
}
#: Vague plurals: a count without a number.
VAGUE: tuple[str, ...] = (
    "yüz binlerce",
    "on binlerce",
    "milyonlarca",
    "milyarlarca",
    "binlerce",
    "yüzlerce",
    "onlarca",
    "düzinelerce",
    "düzinelerle",
    "onbinlerce",
    "yüzbinlerce",
)

_WORD_VALUES: dict[str, float] = {**UNITS, **TENS, **HUNDRED, **SCALES}

#: Alternation of all number words, longest first (for regexes).
NUMBER_WORD_ALT = "|".join(sorted(_WORD_VALUES, key=len, reverse=True))


def parse_number_words(words: list[str]) -> float | None:
    """Value of a sequence of Turkish number words, or None when not a number.

    >>> parse_number_words(["iki", "bin", "beş", "yüz"])
    2500.0
    """
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w not in _WORD_VALUES:
            return None
        seen = True
        if w in UNITS or w in TENS:
            current += _WORD_VALUES[w]
        elif w == "yüz":
            current = (current or 1) * 100
        else:
            total += (current or 1) * SCALES[w]
            current = 0.0
    return total + current if seen else None


_DIGIT_RE = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$")


def parse_digits(s: str) -> float | None:
    """Turkish digit notation: '1.250' → 1250, '3,5' → 3.5, '48,6' → 48.6.

    '2.5' (one or two digits after a dot) is read as a decimal; callers only pass
    it when a scale word follows ("2.5 milyon"), since "14.30" is a clock time.
    """
    s = s.strip()
    if re.fullmatch(r"\d+\.\d{1,2}", s):  # "2.5" before a scale word: a decimal point
        return float(s)
    if not _DIGIT_RE.match(s):
        return None
    return float(s.replace(".", "").replace(",", "."))
