"""Bracket-annotated sentences → CoNLL.

Our hand-written news NER set is kept as plain text, one sentence per line, with
entities marked inline: ``[PERSON Vladimir Putin]’den [GPE Ankara]’ya``. A case
suffix written after the closing bracket stays glued to the last word (attached
style, as in the wiki data) and the whole token gets the entity tag. Lines that
are empty or start with ``#`` are skipped.

``python -m gundem_tools.ner.brackets SRC.txt OUT.conll`` converts a file (and checks it).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from gundem.ner.conll import KEEP_TYPES, Sentence
from gundem.turkish.tokens import is_suffix_token, tokenize

_MARK = re.compile(r"\[([A-Z]+) ([^\[\]]+?)\]")


class BracketError(ValueError):
    pass


def _glued(text: str) -> list[tuple[str, int, int]]:
    """Tokens of ``text`` with apostrophe suffixes glued back onto their word."""
    out: list[tuple[str, int, int]] = []
    for t in tokenize(text):
        if out and t.start == out[-1][2] and is_suffix_token(t.text):
            w, a, _ = out[-1]
            out[-1] = (w + t.text, a, t.end)
        else:
            out.append((t.text, t.start, t.end))
    return out


def parse_line(line: str) -> Sentence:
    """One bracket-annotated sentence as ``[(token, BIO tag)]``."""
    plain: list[str] = []
    ents: list[tuple[int, int, str]] = []  # char spans in the plain text
    pos = 0
    for m in _MARK.finditer(line):
        typ, body = m.group(1), m.group(2)
        if typ not in KEEP_TYPES:
            raise BracketError(f"unknown type {typ!r} in: {line.strip()}")
        plain.append(line[pos : m.start()])
        start = sum(len(p) for p in plain)
        plain.append(body)
        ents.append((start, start + len(body), typ))
        pos = m.end()
    plain.append(line[pos:])
    text = "".join(plain)
    if "[" in text or "]" in text:
        raise BracketError(f"unbalanced bracket in: {line.strip()}")
    tokens = _glued(text)
    tags = ["O"] * len(tokens)
    for a, b, typ in ents:
        inside = [i for i, (_, s, e) in enumerate(tokens) if s < b and e > a]
        if not inside or tokens[inside[0]][1] != a:
            raise BracketError(f"entity {text[a:b]!r} does not start a token in: {line.strip()}")
        for k, i in enumerate(inside):
            tags[i] = ("B-" if k == 0 else "I-") + typ
    return [(w, t) for (w, _, _), t in zip(tokens, tags, strict=True)]


def read_bracketed(path: str | Path) -> list[Sentence]:
    sents = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            sents.append(parse_line(line))
        except BracketError as e:
            raise BracketError(f"{path}:{n}: {e}") from None
    return sents


def write_conll(sents: list[Sentence], out: str | Path) -> None:
    blocks = ["\n".join(f"{w}\t{t}" for w, t in s) for s in sents]
    Path(out).write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


if __name__ == "__main__":  # python -m gundem_tools.ner.brackets SRC.txt [OUT.conll]
    sents = read_bracketed(sys.argv[1])
    n_ent = sum(t.startswith("B-") for s in sents for _, t in s)
    print(f"{sys.argv[1]}: {len(sents)} sentences, {n_ent} entities")
    if len(sys.argv) > 2:
        write_conll(sents, sys.argv[2])
