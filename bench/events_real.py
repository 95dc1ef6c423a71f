"""Event linking on real Turkish RSS items, beside a TF-IDF single-link baseline.

    python bench/events_real.py [--data DIR] [--skip quotes,claims] [--workers 1]

The development set ``<shared>/data/trnews-events-dev`` (385 items from about 40 outlets,
grouped by hand into 253 events; its SOURCE.md: evaluation and tuning only) goes through
the real write path (``Corpus.ingest`` with every stage, as ``gundem run`` does) into a
temporary DuckDB file. B-cubed precision, recall and F1 of the event each item lands in,
over every item: an item the pipeline did not store counts as its own event.

The baseline: TF-IDF (sublinear tf, smoothed idf) over the case-folded words of title and
text, cosine, single link over pairs at or above one threshold, tuned on this same set
(the best of a grid, printed), so it is an optimistic reference.

Prints one figure per line (``name: value``).
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from gundem_tools.paths import shared_dir

DATA = shared_dir() / "data" / "trnews-events-dev"


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of ``pred`` against ``gold`` (item → label), over gold's items."""
    pc: dict[str, set[str]] = defaultdict(set)
    gc: dict[str, set[str]] = defaultdict(set)
    for i in gold:
        pc[pred.get(i, "alone:" + i)].add(i)
        gc[gold[i]].add(i)
    p = r = 0.0
    for i in gold:
        same_p, same_g = pc[pred.get(i, "alone:" + i)], gc[gold[i]]
        inter = len(same_p & same_g)
        p, r = p + inter / len(same_p), r + inter / len(same_g)
    n = max(len(gold), 1)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load(data: Path) -> tuple[list[dict], dict[str, str]]:
    items = [json.loads(line) for line in (data / "items.jsonl").open(encoding="utf-8")]
    gold = json.loads((data / "events.json").read_text(encoding="utf-8"))["items"]
    return items, gold


def run_gundem(data: Path, skip: set[str], workers: int) -> tuple[dict[str, str], dict]:
    """url → event id after the real write path; and the run's counts."""
    from gundem.corpus import Corpus
    from gundem.ingest.files import read_inputs
    from gundem.stages import build_pipeline
    from gundem.store.db import Store

    path = str(data / "items.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "events.duckdb")
        try:
            corpus = Corpus(store, build_pipeline(skip | {"index"}), workers=workers)
            report = corpus.ingest(read_inputs([path]), inputs=[path])
            ev = {a.url: a.event_id for a in store.iter_articles() if a.event_id}
        finally:
            store.close()
    return ev, report.stats.as_dict()


# -- the baseline -------------------------------------------------------------------------
def _tfidf(docs: list[list[str]]) -> list[dict[str, float]]:
    df = Counter(t for d in docs for t in set(d))
    n = len(docs)
    out = []
    for d in docs:
        v = {
            t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1)
            for t, c in Counter(d).items()
        }
        norm = math.sqrt(sum(w * w for w in v.values())) or 1.0
        out.append({t: w / norm for t, w in v.items()})
    return out


def _single_link(sims: list[tuple[float, int, int]], n: int, threshold: float) -> list[int]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s, i, j in sims:
        if s < threshold:
            break
        parent[find(i)] = find(j)
    return [find(i) for i in range(n)]


def baseline(items: list[dict], gold: dict[str, str]) -> tuple[float, tuple[float, float, float]]:
    """The best threshold of a grid and its (P, R, F1)."""
    from gundem.turkish import casefold_tr, letter_words

    docs = [
        [casefold_tr(w) for w in letter_words(it.get("title", "") + " " + it.get("text", ""))]
        for it in items
    ]
    vecs = _tfidf(docs)
    sims = []
    for i in range(len(vecs)):
        for j in range(i + 1, len(vecs)):
            a, b = (vecs[i], vecs[j]) if len(vecs[i]) < len(vecs[j]) else (vecs[j], vecs[i])
            s = sum(w * b.get(t, 0.0) for t, w in a.items())
            if s > 0.05:
                sims.append((s, i, j))
    sims.sort(reverse=True)
    urls = [it["url"] for it in items]
    best: tuple[float, tuple[float, float, float]] = (1.0, (0.0, 0.0, 0.0))
    for k in range(5, 96):
        th = k / 100
        roots = _single_link(sims, len(items), th)
        res = bcubed({u: str(r) for u, r in zip(urls, roots, strict=True)}, gold)
        if res[2] > best[1][2]:
            best = (th, res)
    return best


def run(data: Path = DATA, skip: set[str] | None = None, workers: int = 1) -> dict[str, float]:
    items, gold = load(data)
    t0 = time.perf_counter()
    ev, stats = run_gundem(data, skip or set(), workers)
    secs = time.perf_counter() - t0
    p, r, f = bcubed(ev, gold)
    th, (bp, br, bf) = baseline(items, gold)
    return {
        "items": len(gold),
        "gold_events": len(set(gold.values())),
        "stored": stats["articles"],
        "dropped": sum(1 for u in gold if u not in ev),
        "pred_events": len({ev.get(u, "alone:" + u) for u in gold}),
        "event_bcubed_precision": p,
        "event_bcubed_recall": r,
        "event_bcubed_f1": f,
        "baseline_threshold": th,
        "baseline_bcubed_precision": bp,
        "baseline_bcubed_recall": br,
        "baseline_bcubed_f1": bf,
        "run_seconds": secs,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--skip", default="", help="stages to skip, comma-separated")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    if not (args.data / "items.jsonl").exists():
        raise SystemExit(f"no development set at {args.data}")
    skip = {s for s in args.skip.split(",") if s}
    for k, v in run(args.data, skip, args.workers).items():
        print(f"{k}: {v:.4f}" if isinstance(v, float) else f"{k}: {v}")


if __name__ == "__main__":
    main()
