"""Offline language identification (py3langid); other languages are flagged, not dropped."""

from __future__ import annotations

import py3langid


def detect_language(text: str, sample: int = 3000) -> str:
    """ISO 639-1 code of the text's language, or "" when there is too little text."""
    sample_text = text[:sample]
    if len(sample_text.strip()) < 20:
        return ""
    lang, _score = py3langid.classify(sample_text)
    return lang
