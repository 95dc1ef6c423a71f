"""Near-duplicate detection: MinHash (datasketch) over word shingles + banded LSH.

A syndicated copy (same agency text, small edits) is marked ``duplicate_of`` the
canonical article: the first one seen. Signatures persist in the store's link state
(``LinkStateStore.minhash``: one per canonical article, id and signature bytes); the band
buckets are rebuilt from it when a linker opens the store, and new rows are
appended at ``flush`` — adding an article never rewrites the index.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

from gundem.link.features import tr_lower, words
from gundem.model import Article
from gundem.store.protocols import LinkStateStore

NUM_PERM = 64
THRESHOLD = 0.55  # estimated Jaccard of 3-word shingles above which a text is a copy
SHINGLE = 3


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    return MinHash(num_perm=NUM_PERM, seed=7, scheme="affine32").permutations


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    toks = [tr_lower(w) for w in words(text)]
    if len(toks) < k:
        return {" ".join(toks).encode()} if toks else set()
    return {" ".join(toks[i : i + k]).encode() for i in range(len(toks) - k + 1)}


def signature(text: str) -> np.ndarray:
    m = MinHash(num_perm=NUM_PERM, seed=7, permutations=_permutations(), scheme="affine32")
    sh = shingles(text)
    if sh:
        m.update_batch(list(sh))
    return m.hashvalues.astype(np.uint32)


class DedupIndex:
    """In-memory LSH buckets over the signatures of canonical articles."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands, self.rows = _optimal_param(threshold, num_perm, 0.5, 0.5)
        self.buckets: list[dict[int, list[str]]] = [{} for _ in range(self.bands)]
        self.sigs: dict[str, np.ndarray] = {}
        self._new: list[str] = []

    def __len__(self) -> int:
        return len(self.sigs)

    def _keys(self, sig: np.ndarray) -> list[int]:
        r = self.rows
        return [hash(sig[b * r : (b + 1) * r].tobytes()) for b in range(self.bands)]

    def query(self, sig: np.ndarray) -> str | None:
        """The canonical article this signature copies, or None."""
        cands: set[str] = set()
        for b, key in enumerate(self._keys(sig)):
            ids = self.buckets[b].get(key)
            if ids:
                cands.update(ids)
        best, best_j = None, self.threshold
        for cid in sorted(cands):
            j = float(np.mean(self.sigs[cid] == sig))
            if j >= best_j and (best is None or j > best_j):
                best, best_j = cid, j
        return best

    def insert(self, article_id: str, sig: np.ndarray, new: bool = True) -> None:
        if article_id in self.sigs:
            return
        self.sigs[article_id] = sig
        for b, key in enumerate(self._keys(sig)):
            self.buckets[b].setdefault(key, []).append(article_id)
        if new:
            self._new.append(article_id)

    def check(self, article: Article) -> str | None:
        """Return the canonical id if ``article`` is a near-copy, else index it and return None."""
        sig = signature(article.title + "\n" + article.text)
        dup = self.query(sig)
        if dup is None:
            self.insert(article.id, sig)
        return dup

    # -- persistence -----------------------------------------------------------------
    def load(self, state: LinkStateStore) -> None:
        for aid, blob in state.minhash():
            self.insert(aid, np.frombuffer(blob, dtype=np.uint32), new=False)

    def flush(self, state: LinkStateStore) -> None:
        if not self._new:
            return
        state.add_minhash(self._new, [self.sigs[a].tobytes() for a in self._new])
        self._new = []
