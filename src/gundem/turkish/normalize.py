"""Unicode normalisation for Turkish news text.

Every replacement is one character for one character, so offsets computed on the
normalised text are valid offsets into the original text as well.
"""

from __future__ import annotations

APOSTROPHES = "\u2019\u2018'`\u00b4\u02bc\u2032\u201b"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u00ab\u00bb\u201f\u2033"
DASHES = "\u2013\u2014\u2012\u2015\u2212"

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


def casefold_tr(text: str) -> str:
    """Turkish lower-casing: İ→i, I→ı, then ``str.lower`` (no combining dots left over)."""
    return text.translate(_UPPER_SPECIAL).lower()


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
