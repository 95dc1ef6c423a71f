"""Train the CRF NER model shipped in ``gundem/models/ner-tr.crfsuite``.

Data: Turkish Wiki NER (Duygu Altinok, CC BY-SA 4.0) mapped to six types, plus
our own news-style training sentences (``tests/data/news_ner_train.conll``).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from gundem.ner.conll import Sentence, fix_bio, map_tag, read_conll
from gundem.ner.features import FeatureExtractor
from gundem.ner.lexicon import hand_gazetteer
from gundem.ner.paths import MODEL_PATH, NEWS_DATA_DIR, wiki_ner_dir
from gundem.turkish.morphology import split_suffix
from gundem.turkish.normalize import casefold_tr


def default_train_paths() -> list[Path]:
    paths = [wiki_ner_dir() / "train.conll"]
    news = NEWS_DATA_DIR / "news_ner_train.conll"
    if news.exists():
        paths.append(news)
    return paths


def load(paths: Sequence[str | Path]) -> list[Sentence]:
    out: list[Sentence] = []
    for p in paths:
        for s in read_conll(p):
            tags = fix_bio([map_tag(t) for _, t in s])
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


def train_ner(
    train_paths: Sequence[str | Path] | None = None,
    dev_path: str | Path | None = None,
    out_path: str | Path = MODEL_PATH,
    *,
    c1: float = 0.05,
    c2: float = 0.01,
    max_iterations: int = 150,
    min_freq: int = 1,
    harvest: bool = True,
    clusters: bool = False,
    wide: bool = False,
    verbose: bool = False,
) -> dict[str, float]:
    """Train the CRF and write ``out_path`` (+ ``ner-tr.json`` lexicon beside it).

    Defaults: wiki train + our news train set; dev = wiki dev. Returns
    ``{"seconds", "model_bytes", "dev_f1"?}``.
    """
    t0 = time.time()
    paths = list(train_paths) if train_paths else default_train_paths()
    sents = load(paths)
    caprate = harvest_caprate(sents)
    gaz = hand_gazetteer()
    if harvest:
        for k, v in harvest_gazetteer(sents).items():
            gaz.setdefault(k, v)
    cents = None
    if clusters:
        from gundem.ner.clusters import build_clusters

        vocab = sorted({casefold_tr(split_suffix(w)[0]) for s in sents for w, _ in s})
        cents = build_clusters([w for w in vocab if w.isalpha()])
    fx = FeatureExtractor(gaz, caprate, cents, wide)
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for s in sents:
        toks = [w for w, _ in s]
        trainer.append(fx.sent(toks), [t for _, t in s])
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": min_freq,
        }
    )
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out_path))
    lex_path = out_path.with_suffix(".json")
    lex_path.write_text(
        json.dumps(
            {"gazetteer": gaz, "caprate": caprate, "clusters": cents, "wide": wide},
            ensure_ascii=False,
            sort_keys=True,
        ),
        encoding="utf-8",
    )
    result: dict[str, float] = {
        "seconds": round(time.time() - t0, 1),
        "model_bytes": float(out_path.stat().st_size),
        "lexicon_bytes": float(lex_path.stat().st_size),
    }
    dev = Path(dev_path) if dev_path else wiki_ner_dir() / "dev.conll"
    if dev.exists():
        from gundem.ner.tagger import evaluate

        result["dev_f1"] = evaluate(dev, model_path=out_path)["main"]["f1"]
    return result


if __name__ == "__main__":  # python -m gundem.ner.train
    print(train_ner(verbose=False))
