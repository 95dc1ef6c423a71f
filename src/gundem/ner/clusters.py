"""Word clusters from akana's offline Turkish embeddings (spherical k-means).

Only the centroids are stored (in ``ner-tr.json``); any word, seen in training or
not, is mapped to its nearest centroid at run time.
"""

from __future__ import annotations

import numpy as np

try:
    import akana as _akana
except ImportError:  # pragma: no cover
    _akana = None


def embed_words(words: list[str]) -> np.ndarray:
    if _akana is None:
        return np.zeros((len(words), 1), dtype=np.float32)
    out = []
    for i in range(0, len(words), 4096):
        out.extend(_akana.embed_batch(words[i : i + 4096]))
    m = np.asarray(out, dtype=np.float32)
    m /= np.linalg.norm(m, axis=1, keepdims=True) + 1e-9
    return m


def kmeans(x: np.ndarray, k: int, iters: int = 12, seed: int = 0) -> np.ndarray:
    """Spherical k-means; returns unit-norm centroids ``(k, d)``."""
    rng = np.random.default_rng(seed)
    c = x[rng.choice(len(x), size=min(k, len(x)), replace=False)].copy()
    for _ in range(iters):
        assign = np.argmax(x @ c.T, axis=1)
        for j in range(len(c)):
            members = x[assign == j]
            if len(members):
                v = members.sum(axis=0)
                c[j] = v / (np.linalg.norm(v) + 1e-9)
    return c


class Clusters:
    def __init__(self, levels: list[list[list[float]]] | None):
        self.levels = [np.asarray(c, dtype=np.float32) for c in (levels or [])]

    def __bool__(self) -> bool:
        return bool(self.levels)

    def ids(self, word: str) -> list[int]:
        if not self.levels or _akana is None:
            return []
        v = embed_words([word])[0]
        return [int(np.argmax(c @ v)) for c in self.levels]


def build_clusters(words: list[str], ks: tuple[int, ...] = (256, 64)) -> list[list[list[float]]]:
    x = embed_words(words)
    return [np.round(kmeans(x, k), 4).tolist() for k in ks]
