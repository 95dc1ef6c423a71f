"""Token → numbers for the neural tagger: word, suffix and character ids, a few dense
features (shape, capitalisation rate, gazetteer marks) and the pretrained piece vector
of the word without its case suffix.

Shared by training (torch) and inference (numpy) so both see exactly the same input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from gundem.ner.conll import KEEP_TYPES
from gundem.ner.features import FeatureExtractor
from gundem.ner.pieces import piece_vectors
from gundem.turkish.morphology import split_suffix
from gundem.turkish.normalize import casefold_tr

PAD, UNK = 0, 1
MAX_CHARS = 24
GAZ_TYPES = KEEP_TYPES
N_DENSE = 9 + 2 * len(GAZ_TYPES)


@dataclass
class Vocab:
    words: dict[str, int] = field(default_factory=dict)
    suffixes: dict[str, int] = field(default_factory=dict)
    chars: dict[str, int] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "words": self.words,
            "suffixes": self.suffixes,
            "chars": self.chars,
            "tags": self.tags,
        }

    @classmethod
    def from_json(cls, d: dict) -> Vocab:
        return cls(d["words"], d["suffixes"], d["chars"], d["tags"])


def word_key(tok: str) -> tuple[str, str, str]:
    """(lower-cased base word, lower-cased suffix without apostrophe, base as written)."""
    base, sfx = split_suffix(tok)
    return casefold_tr(base), casefold_tr(sfx[1:]) if sfx else "", base


def build_vocab(sents: list[list[str]], tags: list[str], min_count: int = 2) -> Vocab:
    from collections import Counter

    wc: Counter[str] = Counter()
    sc: Counter[str] = Counter()
    cc: Counter[str] = Counter()
    for toks in sents:
        for t in toks:
            low, sfx, _ = word_key(t)
            wc[low] += 1
            if sfx:
                sc[sfx] += 1
            cc.update(t[:MAX_CHARS])

    def ids(counter: Counter[str], k: int) -> dict[str, int]:
        keep = sorted(w for w, n in counter.items() if n >= k)
        return {w: i + 2 for i, w in enumerate(keep)}

    return Vocab(ids(wc, min_count), ids(sc, 2), ids(cc, 3), list(tags))


class Encoder:
    """Turns one sentence (list of tokens, suffixes attached) into arrays.

    Everything that depends on the token alone is computed once per distinct token
    and cached; only sentence position, all-caps sentences and multi-word gazetteer
    matches are worked out per sentence."""

    def __init__(self, vocab: Vocab, fx: FeatureExtractor):
        self.vocab = vocab
        self.fx = fx
        self._cache: dict[str, tuple] = {}
        self._pieces = piece_vectors()  # loads the 65 MB piece table now, not on first use

    def _token(self, tok: str) -> tuple:
        low, sfx, base = word_key(tok)
        v = self.vocab
        chars = np.zeros(MAX_CHARS, dtype=np.int64)
        for j, ch in enumerate(tok[:MAX_CHARS]):
            chars[j] = v.chars.get(ch, UNK)
        row = np.zeros(N_DENSE, dtype=np.float32)
        cr = self.fx.caprate.get(low)
        row[0] = base[:1].isupper()
        row[1] = len(base) > 1 and base.isupper()
        row[2] = bool(sfx)
        row[4] = any(c.isdigit() for c in base)
        row[5] = "-" in base
        row[6] = 0.5 if cr is None else cr
        row[7] = cr is None
        for typ in self.fx.gaz.get(low, ()):  # single-word gazetteer hit
            if typ in GAZ_TYPES:
                row[9 + 2 * GAZ_TYPES.index(typ)] = 1.0
        entry = (
            v.words.get(low, UNK),
            v.suffixes.get(sfx, UNK) if sfx else PAD,
            chars,
            row,
            self._pieces.vector(base),
            low,
        )
        if len(self._cache) > 300_000:
            self._cache.clear()
        self._cache[tok] = entry
        return entry

    def prepare(self, tokens: list[str]) -> None:
        """Fill the caches for many tokens at once (piece vectors are faster in bulk)."""
        new = [t for t in tokens if t not in self._cache]
        if new:
            self._pieces.prepare([word_key(t)[2] for t in new])

    def __call__(self, tokens: list[str]) -> tuple[np.ndarray, ...]:
        """word ids (n,), suffix ids (n,), char ids (n, MAX_CHARS), dense (n, N_DENSE),
        pretrained piece vectors (n, 512) of the words without their suffix."""
        entries = [self._cache.get(t) or self._token(t) for t in tokens]
        words = np.array([e[0] for e in entries], dtype=np.int64)
        sfx = np.array([e[1] for e in entries], dtype=np.int64)
        chars = np.stack([e[2] for e in entries])
        dense = np.stack([e[3] for e in entries])  # a copy: the cached rows stay clean
        pvec = np.stack([e[4] for e in entries])
        dense[0, 3] = 1.0  # sentence start
        letters = [t for t in tokens if t[:1].isalpha()]
        caps = sum(1 for t in letters if t.isupper() and len(t) > 1)
        if caps > 0.6 * max(1, len(letters)):
            dense[:, 8] = 1.0
        for i, marks in enumerate(self.fx.gazetteer_tags([e[5] for e in entries])):
            for m in marks:
                bi, typ = m[2], m[4:]
                if typ in GAZ_TYPES:
                    dense[i, 9 + 2 * GAZ_TYPES.index(typ) + (bi == "I")] = 1.0
        return words, sfx, chars, dense, pvec
