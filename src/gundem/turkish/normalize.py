"""Unicode normalisation for Turkish news text.

Every replacement is one character for one character, so offsets computed on the
normalised text are valid offsets into the original text as well.
"""

from __future__ import annotations

from gundem.turkish.lexicon import APOSTROPHES, DASHES, DOUBLE_QUOTES

_TABLE = str.maketrans(
    {
        **{c: "'" for c in APOSTROPHES},
        **{c: '"' for c in DOUBLE_QUOTES},
        **{c: "-" for c in DASHES},
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2026": "\u2026",
    }
)


def normalize_punct(text: str) -> str:
    """Map typographic apostrophes/quotes/dashes to ``'``, ``"`` and ``-`` (length-preserving)."""
    return text.translate(_TABLE)


def is_apostrophe(ch: str) -> bool:
    return len(ch) == 1 and ch in APOSTROPHES


_UPPER_SPECIAL = str.maketrans({"İ": "i", "I": "ı"})
_LOWER_SPECIAL = str.maketrans({"i": "İ", "ı": "I"})


_DOT = "\u0307"  # combining dot above: "İ" written as I + dot, or left by str.lower


def casefold_tr(text: str) -> str:
    """Turkish case folding, the one implementation: İ→i, I→ı, then ``str.lower``; an
    ``İ`` written as ``I`` + combining dot, or an ``i̇`` that ``str.lower`` left, becomes
    ``i`` (so ``İlham``, ``i̇lham`` and ``ilham`` fold alike, and ``ILHAM`` to ``ılham``).
    Length-preserving unless the text holds a combining dot after I or i."""
    if _DOT in text:
        text = text.replace("I" + _DOT, "i").replace("İ" + _DOT, "i")
        return text.translate(_UPPER_SPECIAL).lower().replace("i" + _DOT, "i")
    return text.translate(_UPPER_SPECIAL).lower()


#: Short alias: the fold used for search terms and keys.
fold = casefold_tr


def upper_tr(text: str) -> str:
    """Turkish upper-casing: i→İ, ı→I, then ``str.upper``."""
    return text.translate(_LOWER_SPECIAL).upper()


def title_tr(word: str) -> str:
    """``ANKARA`` → ``Ankara``, ``istanbul`` → ``İstanbul`` (hyphen parts titled too)."""
    parts = word.split("-")
    out = []
    for p in parts:
        low = casefold_tr(p)
        out.append(upper_tr(low[:1]) + low[1:] if low else low)
    return "-".join(out)
