"""Blocks repeated across the documents of a run: a corpus-level boilerplate signal.

Only short blocks count (widget labels, menus, slogans): long paragraphs repeat across
outlets when an agency text is syndicated, and those are article text, not boilerplate.
"""

from __future__ import annotations

from collections import Counter

from gundem.clean.boilerplate import block_key
from gundem.model import RawDoc

MAX_LEN = 80
MIN_DOCS = 3


class RepeatTracker:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.repeated: set[str] = set()

    def observe(self, raw: RawDoc) -> frozenset[str]:
        """Count the short blocks of a flattened-text document; return the keys seen in ≥3 docs."""
        if raw.meta.get("format") != "text":
            return frozenset()
        lines = raw.data[:200_000].decode("utf-8", "replace").splitlines()
        keys = {block_key(ln) for ln in lines if 0 < len(ln.strip()) <= MAX_LEN}
        for key in keys:
            self.counts[key] += 1
            if self.counts[key] >= MIN_DOCS:
                self.repeated.add(key)
        return frozenset(keys & self.repeated)
