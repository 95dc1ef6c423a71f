"""Stems, lemmas and apostrophe suffixes: one akana analyser for the whole process.

``stem`` is the one stemmer (search terms, linking stems, question parsing, summaries);
``word_term`` adds the rule for capitalised words (a bare proper name is kept whole);
``analyse`` gives (lemma, POS) for the entity recogniser. All of them read akana's
analyses through ``analyses``, which keeps one ``akana.Morphology`` and caches by word.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from gundem.turkish.lexicon import APOSTROPHES
from gundem.turkish.normalize import casefold_tr

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
def morphology() -> Any:
    """The process's one akana analyser (``akana.stem`` rebuilds one per call, ~0.1 s)."""
    return _akana.Morphology() if _akana is not None else None


@lru_cache(maxsize=300_000)
def analyses(low: str) -> tuple[dict[str, Any], ...]:
    """akana's analyses of one lower-cased word (empty when akana does not know it)."""
    m = morphology()
    if m is None or not low:
        return ()
    try:
        return tuple(m.analyze(low) or ())
    except Exception:  # pragma: no cover - defensive: akana on odd input
        return ()


@lru_cache(maxsize=300_000)
def analyse(low: str) -> tuple[str, str]:
    """(lemma, POS) of a lower-cased word from akana's best-scored analysis;
    (word, "") when akana does not know it."""
    if not low.isalpha():
        return low, ""
    found = analyses(low)
    if not found:
        return low, ""
    best = max(found, key=lambda a: a.get("score", 0.0))
    pos = best.get("primary_pos", "")
    if best.get("secondary_pos") == "Prop":
        pos += "+Prop"
    return best.get("lemma") or low, pos


def is_proper_noun(low: str) -> bool:
    """Does akana read this lower-cased word as a proper noun in any analysis?"""
    return any(a.get("secondary_pos") == "Prop" for a in analyses(low))


def best_score(low: str) -> float:
    """Score of akana's best analysis (0.0 for an unknown word)."""
    return max((a.get("score", 0.0) for a in analyses(low)), default=0.0)


_stem_cache: dict[str, str] = {}
_stem_lock = threading.Lock()


def stem(word: str) -> str:
    """The folded morphological root of one word; the folded word if akana does not know it.

    A word with an apostrophe suffix keeps the part before it (``Putin’in`` → ``putin``,
    ``Kim’e`` → ``kim``): Turkish writes a proper name's suffixes after one. Otherwise
    the longest root of akana's best-scored nominal analyses wins (``ajansı`` →
    ``ajans``, not ``ajan``; ``toplantılar`` → ``toplantı``, not ``top``; ``adımlar`` →
    ``adım``, not the verb ``adımla``), else the longest verb root.
    """
    cached = _stem_cache.get(word)
    if cached is not None:
        return cached
    low = casefold_tr(word)
    base, suffix = split_suffix(low)
    out = base if suffix else _root(low)
    if len(_stem_cache) > 500_000:
        with _stem_lock:
            _stem_cache.clear()
    _stem_cache[word] = out
    return out


def _root(low: str) -> str:
    """The longest root among akana's best-scored analyses, nominal readings first (a
    verb root derived from the noun, ``adımla`` from ``adım``, is not the word's root)."""
    if not (low.isalpha() and len(low) > 2):
        return low
    found = analyses(low)
    if not found:
        return low
    best = max(a.get("score", 0.0) for a in found)
    pool = [(casefold_tr(a.get("root") or a.get("lemma") or ""), a.get("primary_pos") != "Verb")
            for a in found if a.get("score", 0.0) >= best - 1e-6]  # fmt: skip
    pool = [(r, nominal) for r, nominal in pool if r[:1] == low[:1]]
    if not pool:
        return low
    nominal = [r for r, is_nominal in pool if is_nominal]
    return max(nominal or [r for r, _ in pool], key=len)


def bare_proper(raw: str) -> bool:
    """Capitalised, no apostrophe, not all capitals: a bare proper name ("Viyana") or a
    sentence-initial word."""
    return raw[:1].isupper() and not any(a in raw for a in APOSTROPHES) and not raw.isupper()


def word_term(raw: str) -> str:
    """The one term of a word as written. A capitalised word without an apostrophe is
    kept whole, folded (Viyana ↔ Viyana’da → ``viyana``; Pekin is not ``pek``); every
    other word is reduced to its root by :func:`stem`."""
    return casefold_tr(raw) if bare_proper(raw) else stem(raw)


def lemma(word: str) -> str:
    """Display lemma: proper nouns (capitalised, or apostrophe-suffixed) keep their
    original case and lose only the suffix; common words get their stem."""
    base, suffix = split_suffix(word)
    if suffix or (word[:1].isupper()):
        return base
    return stem(word)


def strip_suffix(name: str) -> str:
    """Remove an apostrophe suffix from the last word of a (multi-word) name."""
    parts = name.split(" ")
    parts[-1] = split_suffix(parts[-1])[0]
    return " ".join(parts)
