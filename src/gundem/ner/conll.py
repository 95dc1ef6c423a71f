"""CoNLL reading/writing and entity-level scoring."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

KEEP_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
# every type of the wiki data: the neural tagger learns them all (knowing that "Deja Vu"
# is a WORK_OF_ART keeps it from calling it a PERSON) and reports only KEEP_TYPES
ALL_TYPES = (
    *KEEP_TYPES,
    "DATE",
    "TIME",
    "MONEY",
    "PERCENT",
    "CARDINAL",
    "ORDINAL",
    "QUANTITY",
    "EVENT",
    "LAW",
    "LANGUAGE",
    "PRODUCT",
    "TITLE",
    "WORK_OF_ART",
)

Sentence = list[tuple[str, str]]


def _lines(src: str | Path | Iterable[str]) -> Iterator[str]:
    if isinstance(src, (str, Path)):
        with open(src, encoding="utf-8") as fh:
            yield from fh
    else:
        yield from src


def read_conll(src: str | Path | Iterable[str], tag_col: int = -1) -> list[Sentence]:
    """Sentences as ``[(token, tag)]``; the tag is ``"O"`` when there is only one column."""
    sents: list[Sentence] = []
    cur: Sentence = []
    for raw in _lines(src):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        if not cols:
            continue
        tok = cols[0]
        tag = cols[tag_col] if len(cols) > 1 else "O"
        cur.append((tok, tag))
    if cur:
        sents.append(cur)
    return sents


def map_tag(tag: str, keep: tuple[str, ...] = KEEP_TYPES) -> str:
    """Keep the six types, everything else → O."""
    if tag == "O" or len(tag) < 3 or tag[1] != "-":
        return "O"
    return tag if tag[2:] in keep else "O"


def fix_bio(tags: list[str]) -> list[str]:
    """Turn an I- that does not continue its type into a B-."""
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def spans(tags: list[str], merge: dict[str, str] | None = None) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` from BIO tags (end exclusive)."""
    merge = merge or {}
    out: set[tuple[int, int, str]] = set()
    start, typ = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("I-") and start >= 0 and t[2:] == typ:
            continue
        if start >= 0:
            out.add((start, i, merge.get(typ, typ)))
            start, typ = -1, ""
        if t.startswith(("B-", "I-")):
            start, typ = i, t[2:]
    return out


SCORE_MERGE = {"LOC": "GPE+LOC", "GPE": "GPE+LOC"}
MAIN_TYPES = ("PERSON", "ORG", "GPE+LOC")


def score(
    gold: list[list[str]], pred: list[list[str]], merge: dict[str, str] | None = None
) -> dict[str, dict[str, float]]:
    """Entity-level exact-match P/R/F1 per type, plus ``main`` (PERSON, ORG, GPE+LOC)."""
    merge = SCORE_MERGE if merge is None else merge
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g, merge), spans(p, merge)
        for s in gs & ps:
            tp[s[2]] = tp.get(s[2], 0) + 1
        for s in ps - gs:
            fp[s[2]] = fp.get(s[2], 0) + 1
        for s in gs - ps:
            fn[s[2]] = fn.get(s[2], 0) + 1
    types = sorted(set(tp) | set(fp) | set(fn))
    res: dict[str, dict[str, float]] = {}

    def prf(a: int, b: int, c: int) -> dict[str, float]:
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": p, "r": r, "f1": f, "support": float(a + c)}

    for t in types:
        res[t] = prf(tp.get(t, 0), fp.get(t, 0), fn.get(t, 0))
    main = [t for t in MAIN_TYPES]
    res["main"] = prf(
        sum(tp.get(t, 0) for t in main),
        sum(fp.get(t, 0) for t in main),
        sum(fn.get(t, 0) for t in main),
    )
    return res
