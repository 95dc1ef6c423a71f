"""Tagging with the shipped NER model (neural, or a CRF file); the CoNLL evaluation interface."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TextIO

import pycrfsuite

from gundem.ner.conll import fix_bio, map_tag, read_conll, score
from gundem.ner.document import consistent
from gundem.ner.features import FeatureExtractor
from gundem.ner.lexicon import hand_gazetteer
from gundem.ner.paths import MODEL_PATH
from gundem.ner.rules import correct
from gundem.turkish.tokens import is_suffix_token


class NerModelMissing(RuntimeError):
    pass


class CrfModel:
    """python-crfsuite model; one crfsuite Tagger per thread (they are not thread-safe)."""

    def __init__(self, path: Path, fx: FeatureExtractor):
        self.path = str(path)
        self.fx = fx
        self._local = threading.local()

    def tag_many(self, sents: list[list[str]]) -> list[list[str]]:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = self._local.tagger = pycrfsuite.Tagger()
            tagger.open(self.path)
        return [tagger.tag(self.fx.sent(s)) if s else [] for s in sents]


class NerModel(Protocol):
    fx: FeatureExtractor

    def tag_many(self, sents: list[list[str]]) -> list[list[str]]: ...


@lru_cache(maxsize=4)
def _load(model_path: str) -> NerModel:
    path = Path(model_path)
    if not path.exists():
        raise NerModelMissing(f"NER model not found: {path} (run `gundem train ner`)")
    lex_path = path.with_suffix(".json")
    lex = json.loads(lex_path.read_text(encoding="utf-8")) if lex_path.exists() else {}
    lex["gazetteer"] = with_hand_gazetteer(lex.get("gazetteer") or {})
    fx = FeatureExtractor.from_lexicon(lex)
    if path.suffix == ".npz":
        from gundem.ner.neural import NeuralTagger

        return NeuralTagger(path, fx)
    return CrfModel(path, fx)


def with_hand_gazetteer(gaz: dict[str, list[str]]) -> dict[str, list[str]]:
    """The model's gazetteer plus today's hand-written one: entries added to
    ``ner.lexicon`` after the model was trained count at once."""
    out = {k: list(v) for k, v in gaz.items()}
    for k, types in hand_gazetteer().items():
        cur = out.setdefault(k, [])
        cur.extend(t for t in types if t not in cur)
    return out


def load_model(model_path: str | Path | None = None) -> NerModel:
    """The NER model at ``model_path`` (default: the packaged one), cached per process.
    ``.npz`` files are the neural tagger, anything else a crfsuite model."""
    return _load(str(model_path or MODEL_PATH))


def forget_models() -> None:
    """Drop cached models (after a model file was rewritten)."""
    _load.cache_clear()


def _glue(tokens: list[str]) -> tuple[list[str], list[int]]:
    """Suffix tokens glued back onto their word; ``owner`` maps each input token to
    its merged word, or -1 for a suffix token."""
    merged: list[str] = []
    owner: list[int] = []
    for tok in tokens:
        if is_suffix_token(tok) and merged and owner and owner[-1] >= 0:
            merged[-1] = merged[-1] + tok
            owner.append(-1)
        else:
            merged.append(tok)
            owner.append(len(merged) - 1)
    return merged, owner


def tag_sentences(
    sents: list[list[str]], model_path: str | Path | None = None, together: bool = True
) -> list[list[str]]:
    """BIO tags (six types) for many sentences at once. Split suffix tokens are glued
    to their word for the model and always get ``O``; the word keeps the entity tag.
    ``together``: the sentences are one text (an article), so a surname named in full
    in one of them is that person in the others (:mod:`gundem.ner.document`)."""
    model = load_model(model_path)
    glued = [_glue(s) for s in sents]
    raw = model.tag_many([m for m, _ in glued])
    caprate, gaz = model.fx.caprate, model.fx.gaz
    fixed = [
        correct(merged, fix_bio([map_tag(t) for t in tags]), caprate, gaz)
        for (merged, _), tags in zip(glued, raw, strict=True)
    ]
    if together:
        fixed = consistent([m for m, _ in glued], fixed)
    return [
        fix_bio([tags[o] if o >= 0 else "O" for o in owner])
        for (_, owner), tags in zip(glued, fixed, strict=True)
    ]


def tag_tokens(tokens: list[str], model_path: str | Path | None = None) -> list[str]:
    """BIO tags for one sentence (see :func:`tag_sentences`)."""
    if not tokens:
        return []
    return tag_sentences([tokens], model_path)[0]


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
        for a in range(0, len(sents), 512):
            chunk = [[w for w, _ in s] for s in sents[a : a + 512]]
            for i, (toks, tags) in enumerate(
                zip(chunk, tag_sentences(chunk, model_path), strict=True)
            ):
                if a + i:
                    fh.write("\n")
                for tok, tag in zip(toks, tags, strict=True):
                    fh.write(f"{tok}\t{tag}\n")
                    n += 1
    finally:
        if close:
            fh.close()
    return n


def evaluate(path: str | Path, model_path: str | Path | None = None) -> dict:
    """Entity-level scores of the model on a gold CoNLL file (types mapped to the six)."""
    return evaluate_sentences(read_conll(path), model_path)


def evaluate_sentences(
    sents: list[list[tuple[str, str]]], model_path: str | Path | None = None
) -> dict:
    """:func:`evaluate` on ``(token, gold tag)`` sentences, plus ``speed`` (CPU time of
    tagging them all as one batch)."""
    gold = [fix_bio([map_tag(t) for _, t in s]) for s in sents]
    t0 = time.process_time()
    pred = tag_sentences([[w for w, _ in s] for s in sents], model_path)
    cpu = time.process_time() - t0
    res = score(gold, pred)
    ntok = sum(len(s) for s in sents)
    res["speed"] = {"tokens": float(ntok), "cpu_s": cpu, "tokens_per_s": ntok / max(cpu, 1e-9)}
    return res
