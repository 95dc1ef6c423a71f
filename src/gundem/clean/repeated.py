"""Blocks repeated across the documents of a run: a corpus-level boilerplate signal.

Only short blocks count (widget labels, menus, slogans): long paragraphs repeat across
outlets when an agency text is syndicated, and those are article text, not boilerplate.
Figures are folded out of labels ("12 yorum" and "3 yorum" are one widget), but a
sentence with figures counts only as written: briefs that differ in their numbers
("Dolar 34,12 liradan işlem görüyor.") are news, not template.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from gundem.clean.blocks import block_key, norm
from gundem.clean.boilerplate import last_sentence
from gundem.clean.markup import strip_markup
from gundem.model import RawDoc

MAX_LEN = 80
MIN_DOCS = 3
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*\s*$")


def count_key(line: str) -> str:
    """The key a line is counted under: its exact normalised text for a sentence with
    figures, else its ``block_key`` (figures folded)."""
    if any(c.isdigit() for c in line) and _SENTENCE_END.search(line):
        return "=" + hashlib.sha1(norm(line).encode("utf-8")).hexdigest()[:16]
    return block_key(line)


def _open_tail(line: str) -> str:
    """The last sentence of a long line when it ends without punctuation (a footer such as
    "Devamı için tıklayınız" glued to the text), else ""."""
    tail = last_sentence(line.strip())
    return tail if tail and not _SENTENCE_END.search(tail) else ""


class RepeatTracker:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.repeated: set[str] = set()

    def observe(self, raw: RawDoc) -> frozenset[str]:
        """Count the short blocks of a flattened-text document; return the ``block_key``s
        of its blocks seen in ≥3 docs (the keys ``clean_text``'s corpus counts use)."""
        if raw.meta.get("format") != "text":
            return frozenset()
        lines = strip_markup(raw.data[:200_000].decode("utf-8", "replace")).splitlines()
        lines += [t for ln in lines if len(ln) > MAX_LEN and (t := _open_tail(ln))]
        keys = {count_key(ln): ln for ln in lines if 0 < len(ln.strip()) <= MAX_LEN}
        for key in keys:
            self.counts[key] += 1
            if self.counts[key] >= MIN_DOCS:
                self.repeated.add(key)
        return frozenset(block_key(ln) for key, ln in keys.items() if key in self.repeated)
