"""Train the NER model shipped in ``gundem/models/`` (``ner-tr.npz`` + ``ner-tr.json``).

Two model families share the data and the lexicon (gazetteer + capitalisation rates):

* ``neural`` (shipped): char-CNN + word embeddings + BiLSTM + CRF, trained with torch,
  run with numpy (:mod:`gundem_tools.ner.train_neural`, :mod:`gundem.ner.neural`);
* ``crf``: python-crfsuite with morphology, shape and gazetteer features.

Data: Turkish Wiki NER (Duygu Altinok, CC BY-SA 4.0), plus our own news-style
training sentences: template-generated (``tests/data/news_ner_train.conll``) and
hand-written (``tests/data/news_ner_hand/train.txt``).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from gundem.ner.conll import ALL_TYPES, KEEP_TYPES, Sentence, fix_bio, map_tag, read_conll
from gundem.ner.features import FeatureExtractor
from gundem.ner.lexicon import hand_gazetteer
from gundem.ner.paths import CRF_MODEL_PATH, MODEL_PATH
from gundem.turkish.morphology import split_suffix
from gundem.turkish.normalize import casefold_tr
from gundem_tools.ner.brackets import read_bracketed
from gundem_tools.paths import NEWS_DATA_DIR, wiki_ner_dir


def default_train_paths() -> list[Path]:
    paths = [wiki_ner_dir() / "train.conll"]
    for news in (
        NEWS_DATA_DIR / "news_ner_train.conll",
        NEWS_DATA_DIR / "news_ner_hand" / "train.txt",
    ):
        if news.exists():
            paths.append(news)
    return paths


def load(paths: Sequence[str | Path], keep: tuple[str, ...] = KEEP_TYPES) -> list[Sentence]:
    """CoNLL files, or bracket-annotated ``.txt`` files; types outside ``keep`` → O."""
    out: list[Sentence] = []
    for p in paths:
        sents = read_bracketed(p) if str(p).endswith(".txt") else read_conll(p)
        for s in sents:
            tags = fix_bio([map_tag(t, keep) for _, t in s])
            out.append([(w, t) for (w, _), t in zip(s, tags, strict=True)])
    return out


def harvest_caprate(sents: list[Sentence], min_count: int = 2) -> dict[str, float]:
    """How often each lower-cased word is capitalised when not sentence-initial."""
    cap: Counter[str] = Counter()
    tot: Counter[str] = Counter()
    for s in sents:
        for i, (w, _) in enumerate(s):
            if i == 0 or not w[:1].isalpha():
                continue
            base = split_suffix(w)[0]
            low = casefold_tr(base)
            tot[low] += 1
            if base[:1].isupper():
                cap[low] += 1
    return {w: round(cap[w] / n, 3) for w, n in tot.items() if n >= min_count}


def harvest_gazetteer(sents: list[Sentence], min_count: int = 2, purity: float = 0.8) -> dict:
    """Entity phrases seen ≥ ``min_count`` times with one dominant type."""
    from gundem.ner.conll import spans

    seen: dict[str, Counter[str]] = {}
    for s in sents:
        toks = [w for w, _ in s]
        for a, b, t in spans([t for _, t in s], {}):
            words = toks[a:b]
            words[-1] = split_suffix(words[-1])[0]
            key = casefold_tr(" ".join(words))
            seen.setdefault(key, Counter())[t] += 1
    gaz: dict[str, list[str]] = {}
    for k, c in seen.items():
        t, n = c.most_common(1)[0]
        if n >= min_count and n / sum(c.values()) >= purity:
            gaz[k] = [t]
    return gaz


def build_lexicon(sents: list[Sentence], clusters: bool = False, wide: bool = False) -> dict:
    """Gazetteer (hand-written + harvested), capitalisation rates, optional clusters."""
    caprate = harvest_caprate(sents)
    gaz = hand_gazetteer()
    for k, v in harvest_gazetteer(sents).items():
        gaz.setdefault(k, v)
    cents = None
    if clusters:
        from gundem.ner.clusters import build_clusters

        vocab = sorted({casefold_tr(split_suffix(w)[0]) for s in sents for w, _ in s})
        cents = build_clusters([w for w in vocab if w.isalpha()])
    return {"gazetteer": gaz, "caprate": caprate, "clusters": cents, "wide": wide}


def _write_lexicon(lex: dict, model_path: Path) -> Path:
    path = model_path.with_suffix(".json")
    path.write_text(json.dumps(lex, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return path


def train_crf(
    sents: list[Sentence],
    lex: dict,
    out_path: Path,
    *,
    c1: float = 0.05,
    c2: float = 0.01,
    max_iterations: int = 150,
    min_freq: int = 1,
    verbose: bool = False,
) -> None:
    fx = FeatureExtractor.from_lexicon(lex)
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for s in sents:
        trainer.append(fx.sent([w for w, _ in s]), [t for _, t in s])
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": min_freq,
        }
    )
    trainer.train(str(out_path))


def dev_sets() -> list[Path]:
    """Model selection: the wiki dev split and our hand-written news dev set."""
    return [
        p
        for p in (wiki_ner_dir() / "dev.conll", NEWS_DATA_DIR / "news_ner_hand" / "dev.conll")
        if p.exists()
    ]


def train_ner(
    train_paths: Sequence[str | Path] | None = None,
    out_path: str | Path | None = None,
    *,
    family: str = "neural",
    epochs: int = 22,
    seed: int = 13,
    max_iterations: int = 150,
    clusters: bool = False,
    wide: bool = False,
    log=print,
) -> dict[str, float]:
    """Train a model and write it (+ the ``.json`` lexicon beside it).

    Defaults: wiki train + our news train sets, the neural family to ``ner-tr.npz``.
    The neural run keeps the epoch with the best mean F1 over :func:`dev_sets`.
    Returns ``{"seconds", "model_bytes", "lexicon_bytes", "dev_f1.<set>"...}``.
    """
    from gundem.ner.tagger import evaluate, forget_models

    t0 = time.time()
    if family not in ("neural", "crf"):
        raise ValueError(f"unknown model family {family!r} (neural or crf)")
    if family == "neural":
        from gundem_tools.ner.train_neural import require_torch

        require_torch()  # fail before anything is written when torch is missing
    if out_path is None:
        out_path = MODEL_PATH if family == "neural" else CRF_MODEL_PATH
    out_path = Path(out_path)
    paths = list(train_paths) if train_paths else default_train_paths()
    six = load(paths)
    lex = build_lexicon(six, clusters, wide)
    devs = dev_sets()
    # train in a scratch folder: each epoch's model sits beside its lexicon there (the
    # dev evaluation loads both), and the shipped files change only at the very end
    with tempfile.TemporaryDirectory(prefix="gundem-ner-") as scratch:
        best = Path(scratch) / f"best{out_path.suffix}"
        epoch = Path(scratch) / f"epoch{out_path.suffix}"
        _write_lexicon(lex, best)
        _write_lexicon(lex, epoch)
        if family == "crf":
            train_crf(six, lex, best, max_iterations=max_iterations)
        else:
            from gundem_tools.ner.train_neural import train_neural

            def dev_f1(path: Path) -> float:
                forget_models()
                scores = [evaluate(d, model_path=path)["main"]["f1"] for d in devs]
                return sum(scores) / max(1, len(scores))

            train_neural(
                load(paths, ALL_TYPES),
                FeatureExtractor.from_lexicon(lex),
                best,
                epoch_path=epoch,
                dev_eval=dev_f1,
                epochs=epochs,
                seed=seed,
                log=log,
            )
        out_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(best, out_path)
        lex_path = _write_lexicon(lex, out_path)
    forget_models()
    result: dict[str, float] = {
        "seconds": round(time.time() - t0, 1),
        "model_bytes": float(out_path.stat().st_size),
        "lexicon_bytes": float(lex_path.stat().st_size),
    }
    for d in devs:
        result[f"dev_f1.{d.parent.name}"] = round(evaluate(d, model_path=out_path)["main"]["f1"], 4)
    return result


if __name__ == "__main__":  # python -m gundem_tools.ner.train
    print(train_ner())
