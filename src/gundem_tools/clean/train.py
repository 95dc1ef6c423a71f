"""Train the block model of the text cleaner (src/gundem/models/clean_blocks.json).

A logistic regression over ``boilerplate.block_vectors`` that arbitrates the blocks the rules
are unsure about (kept prose, short lines, off-topic prose); widget/filler rules stay hard.
Two stages: stage 1 on the block's own features, stage 2 adds the stage-1 probabilities of
its neighbours (``boilerplate.context_vectors``).

Data: only pages we generate ourselves (``gundem_tools.clean.pagegen``: varied news pages in
Turkish, English, German, French and Spanish with known article/boilerplate labels; prose from
the repository's own sentences). The evaluation sets in ../shared/data (boilerplate-dev,
trnews-events-dev, bitezat-dev) are never training rows. The decision threshold is chosen on
held-out generated pages unless ``--threshold`` is given.

    python -m gundem_tools.clean.train                 # needs numpy (training only)
    python -m gundem_tools.clean.train --pages 3000 --seed 1 --out /tmp/m.json
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np

from gundem.clean import boilerplate as B
from gundem.clean.html import flatten_html
from gundem_tools.clean.pagegen import page
from gundem_tools.paths import REPO_ROOT

OUT = REPO_ROOT / "src" / "gundem" / "models" / "clean_blocks.json"
Labels = dict[str, tuple[float, float]]


def _ws(s: str) -> str:
    return " ".join(s.split())


def label_of(text: str, labels: Labels) -> tuple[float, float]:
    """(label, weight) of one block: its own label, else that of the element holding it."""
    t = _ws(text)
    if t in labels:
        return labels[t]
    hits = {lab for key, lab in labels.items() if t in key}
    return hits.pop() if len(hits) == 1 else (0.0, 0.0)


def page_rows(
    html: str, labels: Labels
) -> tuple[list[list[float]], list[float], list[float], list[bool]]:
    texts, vectors, free = B.block_table(flatten_html(html))
    ys, ws = [], []
    for text, ok in zip(texts, free, strict=True):
        y, w = label_of(text, labels)
        ys.append(y)
        ws.append(w if ok else 0.0)
    return vectors, ys, ws, free


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1e-4) -> np.ndarray:
    """Weighted logistic regression by Newton's method; last weight is the bias."""
    x1 = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(x1.shape[1])
    for _ in range(30):
        p = 1 / (1 + np.exp(-(x1 @ beta)))
        g = x1.T @ (w * (p - y)) + l2 * beta * w.sum()
        h = (x1 * (w * p * (1 - p))[:, None]).T @ x1 + l2 * w.sum() * np.eye(len(beta))
        step = np.linalg.solve(h, g)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return beta


def block_accuracy(pages: list[tuple[str, Labels]]) -> float:
    """Share of labelled blocks the cleaner (rules + current model) decides right."""
    right = total = 0
    for html, labels in pages:
        r = B.clean_text(flatten_html(html))
        kept = {_ws(b.text) for b in r.paragraphs} | {_ws(r.title)}
        for text in (b.text for b in r.paragraphs + r.removed):
            y, w = label_of(text, labels)
            if w > 0:
                right += (_ws(text) in kept) == (y > 0.5)
                total += 1
    return right / max(1, total)


def train(pages: list[tuple[str, Labels]], l2: float) -> tuple[np.ndarray, np.ndarray]:
    rows = [page_rows(html, lab) for html, lab in pages]
    x1 = np.array([v for r in rows for v in r[0]])
    y = np.array([v for r in rows for v in r[1]])
    w = np.array([v for r in rows for v in r[2]])
    beta1 = fit(x1, y, w, l2)
    x2: list[list[float]] = []
    for xs, _y, _w, free in rows:
        p1 = B.stage1(xs, [not f for f in free], list(beta1[:-1]), float(beta1[-1]))
        x2 += B.context_vectors(xs, p1)
    print(f"blocks: {int((w > 0).sum())} (article {int(((w > 0) & (y > 0.5)).sum())})")
    return beta1, fit(np.array(x2), y, w, l2)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2000, help="generated training pages")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    pages = [page(rng) for _ in range(a.pages)]
    held = [page(rng) for _ in range(max(50, a.pages // 10))]
    import os

    os.environ["GUNDEM_CLEAN_MODEL"] = "none"
    B._model.cache_clear()
    beta = train(pages, a.l2)
    print(f"rules_only_generated_heldout: {block_accuracy(held):.4f}")
    os.environ["GUNDEM_CLEAN_MODEL"] = str(a.out)
    thresholds = [a.threshold] if a.threshold is not None else [-1.0, -0.5, 0.0, 0.5, 1.0]
    best: tuple[float, float] | None = None
    for thr in thresholds:
        _save(beta, thr, a)
        s = block_accuracy(held)
        print(f"threshold {thr}: generated heldout {s:.4f}")
        if best is None or s > best[0]:
            best = (s, thr)
    assert best is not None
    _save(beta, best[1], a)
    print(f"model_generated_heldout: {best[0]:.4f} (threshold {best[1]})")
    return 0


def _save(beta: tuple[np.ndarray, np.ndarray], threshold: float, a: argparse.Namespace) -> None:
    a.out.parent.mkdir(parents=True, exist_ok=True)
    model = {
        "about": "logistic block model of gundem.clean.boilerplate; python -m gundem_tools.clean.train",
        "trained_on": f"gundem_tools.clean.pagegen: {a.pages} generated pages, seed {a.seed}",
        "features": B.FEATURE_NAMES,
        "w1": [round(float(v), 6) for v in beta[0][:-1]],
        "b1": round(float(beta[0][-1]), 6),
        "w2": [round(float(v), 6) for v in beta[1][:-1]],
        "b2": round(float(beta[1][-1]), 6),
        "threshold": threshold,
    }
    a.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    B._model.cache_clear()


if __name__ == "__main__":
    raise SystemExit(main())
