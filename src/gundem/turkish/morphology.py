"""Stems, lemmas and apostrophe suffixes (akana + our own rules)."""

from __future__ import annotations

from functools import lru_cache

from gundem.turkish.normalize import APOSTROPHES, casefold_tr

try:  # akana is a declared dependency; keep a fallback so a broken wheel is not fatal
    import akana as _akana
except ImportError:  # pragma: no cover
    _akana = None


def split_suffix(word: str) -> tuple[str, str]:
    """``Putin’den`` → (``Putin``, ``’den``); a word without an apostrophe → (word, "").

    Only the first apostrophe that follows a letter or digit and is followed by a
    letter counts (``'90'lar`` → (``'90``, ``'lar``)).
    """
    for i in range(1, len(word) - 1):
        if word[i] in APOSTROPHES and word[i - 1].isalnum() and word[i + 1].isalpha():
            return word[:i], word[i:]
    return word, ""


@lru_cache(maxsize=1)
def _morph():  # akana.stem() rebuilds its analyser on every call (~0.1 s); keep one
    return _akana.Morphology() if _akana is not None else None


@lru_cache(maxsize=300_000)
def analyse(low: str) -> tuple[str, str]:
    """(lemma, POS) of a lower-cased word from akana's best-scored analysis;
    (word, "") when akana does not know it."""
    m = _morph()
    if m is None or not low.isalpha():
        return low, ""
    try:
        analyses = m.analyze(low)
    except Exception:  # pragma: no cover - defensive: akana on odd input
        return low, ""
    if not analyses:
        return low, ""
    best = max(analyses, key=lambda a: a.get("score", 0.0))
    pos = best.get("primary_pos", "")
    if best.get("secondary_pos") == "Prop":
        pos += "+Prop"
    return best.get("lemma") or low, pos


def stem(word: str) -> str:
    """Lower-cased stem. Apostrophe suffixes are cut by rule (proper nouns keep their
    whole base); other words go through akana's Turkish morphology."""
    base, suffix = split_suffix(word)
    if suffix:
        return casefold_tr(base)
    return analyse(casefold_tr(word))[0]


def lemma(word: str) -> str:
    """Display lemma: proper nouns (capitalised, or apostrophe-suffixed) keep their
    original case and lose only the suffix; common words get akana's stem."""
    base, suffix = split_suffix(word)
    if suffix or (word[:1].isupper()):
        return base
    return stem(word)


def strip_suffix(name: str) -> str:
    """Remove an apostrophe suffix from the last word of a (multi-word) name."""
    parts = name.split(" ")
    parts[-1] = split_suffix(parts[-1])[0]
    return " ".join(parts)
