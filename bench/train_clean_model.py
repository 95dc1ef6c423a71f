"""Train the block model of the text cleaner (src/gundem/models/clean_blocks.json).

A logistic regression over ``boilerplate.block_vectors`` that arbitrates the blocks the rules
are unsure about (kept prose, short lines, off-topic prose); widget/filler rules stay hard.
Data: the dev pages of ../shared/data/boilerplate-dev, EVEN files only (sorted by name, as
bench/clean.py numbers them), so the bench's odd-file score is a held-out score.

Block labels: a block holding a `with` snippet is 1, one holding a `without` snippet is 0;
the other blocks take trafilatura's decision on the HTML of the same page (is the block in
trafilatura's main text?), i.e. we distil the HTML extractor into a text-only classifier.

    python bench/train_clean_model.py            # needs numpy (training only)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clean import DEFAULT_DATA, _ws, judge, load_pages, output_of  # noqa: E402

from gundem.clean import boilerplate as B  # noqa: E402
from gundem.clean.html import flatten_html  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "gundem" / "models" / "clean_blocks.json"
SNIPPET_WEIGHT = 300.0


def page_rows(
    html: bytes, labels: dict
) -> tuple[list[list[float]], list[float], list[float], list[bool]]:
    flat = flatten_html(html)
    main = trafilatura.extract(html, include_comments=False) or ""
    main_ws = _ws(main)
    lines = {_ws(ln.lstrip("-• ")) for ln in main.splitlines()}
    texts, vectors, free = B.block_table(flat)
    xs, ys, ws = [], [], []
    for text, x, ok in zip(texts, vectors, free, strict=True):
        t = _ws(text)
        pos = any(_ws(s) in t for s in labels["with"])
        neg = any(_ws(s) in t for s in labels["without"])
        if pos != neg:
            y, w = (1.0 if pos else 0.0), SNIPPET_WEIGHT
        else:
            y = 1.0 if (t in main_ws if len(t.split()) >= 4 else t in lines) else 0.0
            w = 1.0
        xs.append(x)
        ys.append(y)
        ws.append(w if ok else 0.0)
    return xs, ys, ws, free


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1e-5) -> np.ndarray:
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


def score(pages: list[tuple[str, bytes, dict]], flats: list[str]) -> float:
    right = total = 0
    for (_n, _h, lab), flat in zip(pages, flats, strict=True):
        r, t = judge(output_of(B.clean_text(flat)), lab)
        right += r
        total += t
    return right / max(1, total)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    a = ap.parse_args()
    pages = load_pages(a.data, None)
    train = [p for k, p in enumerate(pages) if k % 2 == 0]
    test = [p for k, p in enumerate(pages) if k % 2 == 1]
    OUT.unlink(missing_ok=True)
    B._model.cache_clear()
    rows = [page_rows(html, lab) for _name, html, lab in train]
    x1 = np.array([v for r in rows for v in r[0]])
    y = np.array([v for r in rows for v in r[1]])
    w = np.array([v for r in rows for v in r[2]])
    beta1 = fit(x1, y, w)
    x2 = []
    for xs, _y, _w, free in rows:
        p1 = B.stage1(xs, [not f for f in free], list(beta1[:-1]), float(beta1[-1]))
        x2 += B.context_vectors(xs, p1)
    beta = (beta1, fit(np.array(x2), y, w))
    flats_train = [flatten_html(h) for _n, h, _l in train]
    flats_test = [flatten_html(h) for _n, h, _l in test]
    print(f"rules_only_train: {score(train, flats_train):.4f}")
    print(f"rules_only_heldout: {score(test, flats_test):.4f}")
    best = None
    for thr in (-1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0):
        _save(beta, thr)
        s = score(train, flats_train)
        print(f"threshold {thr}: train {s:.4f}")
        if best is None or s > best[0]:
            best = (s, thr)
    assert best is not None
    _save(beta, best[1])
    print(f"model_train: {best[0]:.4f}")
    print(f"model_heldout: {score(test, flats_test):.4f}")
    print(f"blocks: {int((w > 0).sum())}")
    return 0


def _save(beta: tuple[np.ndarray, np.ndarray], threshold: float) -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    model = {
        "about": "logistic block model of gundem.clean.boilerplate; bench/train_clean_model.py",
        "trained_on": "boilerplate-dev even files (sorted by name)",
        "features": B.FEATURE_NAMES,
        "w1": [round(float(v), 6) for v in beta[0][:-1]],
        "b1": round(float(beta[0][-1]), 6),
        "w2": [round(float(v), 6) for v in beta[1][:-1]],
        "b2": round(float(beta[1][-1]), 6),
        "threshold": threshold,
    }
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    B._model.cache_clear()


if __name__ == "__main__":
    raise SystemExit(main())
