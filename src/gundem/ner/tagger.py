"""Tagging with the shipped CRF model; the CoNLL evaluation interface."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TextIO

import pycrfsuite

from gundem.ner.conll import fix_bio, map_tag, read_conll, score
from gundem.ner.features import FeatureExtractor
from gundem.ner.paths import MODEL_PATH
from gundem.turkish.normalize import APOSTROPHES


class NerModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=64)
def _tagger(model_path: str, thread: int) -> pycrfsuite.Tagger:
    """One crfsuite Tagger per thread (a Tagger is not safe to share across threads)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(model_path)
    return tagger


@lru_cache(maxsize=4)
def _features(model_path: str) -> FeatureExtractor:
    path = Path(model_path)
    if not path.exists():
        raise NerModelMissing(f"NER model not found: {path} (run `gundem train ner`)")
    lex_path = path.with_suffix(".json")
    lex = json.loads(lex_path.read_text(encoding="utf-8")) if lex_path.exists() else {}
    return FeatureExtractor(
        lex.get("gazetteer"), lex.get("caprate"), lex.get("clusters"), bool(lex.get("wide"))
    )


def load_model(model_path: str | Path | None = None) -> tuple[pycrfsuite.Tagger, FeatureExtractor]:
    """(Tagger for this thread, feature extractor); both cached per process."""
    path = str(model_path or MODEL_PATH)
    fx = _features(path)  # raises NerModelMissing first
    return _tagger(path, threading.get_ident()), fx


def is_suffix_token(tok: str) -> bool:
    """``'nin``, ``’den``: an apostrophe followed by letters only."""
    return len(tok) > 1 and tok[0] in APOSTROPHES and tok[1:].isalpha()


def tag_tokens(tokens: list[str], model_path: str | Path | None = None) -> list[str]:
    """BIO tags for one sentence. Split suffix tokens are glued to their word for the
    model and always get ``O``; the word keeps the entity tag."""
    if not tokens:
        return []
    tagger, fx = load_model(model_path)
    merged: list[str] = []
    owner: list[int] = []  # index into merged, or -1 for suffix tokens
    for tok in tokens:
        if is_suffix_token(tok) and merged and owner and owner[-1] >= 0:
            merged[-1] = merged[-1] + tok
            owner.append(-1)
        else:
            merged.append(tok)
            owner.append(len(merged) - 1)
    tags = fix_bio(tagger.tag(fx.sent(merged)))
    out = [tags[o] if o >= 0 else "O" for o in owner]
    return fix_bio(out)


def tag_conll(
    in_path_or_lines: str | Path | Iterable[str],
    out: TextIO | str | Path | None = None,
    model_path: str | Path | None = None,
) -> int:
    """Read CoNLL (first column = token, blank line = sentence break), write
    ``token<TAB>BIO-tag`` lines with the same sentence breaks. Returns the token count."""
    sents = read_conll(in_path_or_lines)
    close = False
    if out is None:
        fh: TextIO = sys.stdout
    elif isinstance(out, (str, Path)):
        fh = open(out, "w", encoding="utf-8")  # noqa: SIM115
        close = True
    else:
        fh = out
    n = 0
    try:
        for i, s in enumerate(sents):
            toks = [w for w, _ in s]
            if i:
                fh.write("\n")
            for tok, tag in zip(toks, tag_tokens(toks, model_path), strict=True):
                fh.write(f"{tok}\t{tag}\n")
                n += 1
    finally:
        if close:
            fh.close()
    return n


def evaluate(path: str | Path, model_path: str | Path | None = None) -> dict:
    """Entity-level scores of the model on a gold CoNLL file (types mapped to the six)."""
    sents = read_conll(path)
    gold = [fix_bio([map_tag(t) for _, t in s]) for s in sents]
    t0 = time.process_time()
    pred = [tag_tokens([w for w, _ in s], model_path) for s in sents]
    cpu = time.process_time() - t0
    res = score(gold, pred)
    ntok = sum(len(s) for s in sents)
    res["speed"] = {"tokens": float(ntok), "cpu_s": cpu, "tokens_per_s": ntok / max(cpu, 1e-9)}
    return res
