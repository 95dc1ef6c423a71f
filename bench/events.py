"""Event and story linking quality on the generated corpus (gundem_tools.gen.corpus).

    python bench/events.py [--n 450] [--seed 7] [--text-only]

Prints one figure per line (``name: value``): B-cubed precision/recall/F1 for events
and stories, near-duplicate precision/recall, quote-group B-cubed F1, and counts.
Duplicates count in the event of their canonical article.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

from gundem.link.linker import link_new
from gundem.store.db import Store
from gundem_tools.gen.corpus import generate


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of a clustering ``pred`` against ``gold`` (item → label)."""
    pc: dict[str, set[str]] = defaultdict(set)
    gc: dict[str, set[str]] = defaultdict(set)
    for i, c in pred.items():
        pc[c].add(i)
    for i, c in gold.items():
        gc[c].add(i)
    items = [i for i in gold if i in pred]
    p = r = 0.0
    for i in items:
        same_p = pc[pred[i]]
        same_g = gc[gold[i]]
        inter = len(same_p & same_g)
        p += inter / len(same_p)
        r += inter / len(same_g)
    n = max(len(items), 1)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def quote_groups_f1(store: Store, gold_rows) -> float:
    """B-cubed F1 of the events' quote groups vs the generator's statement labels."""
    truth: dict[str, str] = {}
    for a, g in gold_rows:
        for k, q in enumerate(a.quotes):
            if k < len(g.quotes) and g.quotes[k]:
                truth[f"{a.id}#{q.text}"] = g.quotes[k]
    pred: dict[str, str] = {}
    for ev in store.events():
        for gi, grp in enumerate(ev.quotes):
            for v in grp["variants"]:
                pred[f"{v['article_id']}#{v['text']}"] = f"{ev.id}|{gi}"
    return bcubed(pred, truth)[2]


def run(n: int, seed: int, text_only: bool, pipeline: bool = False) -> dict[str, float]:
    rows = generate(n, seed, text_only or pipeline)
    if pipeline:  # the real upstream extractors fill entities/quotes/claims/times
        from gundem.pipeline import extract

        rows = [(extract(a), g) for a, g in rows]
    store = Store(":memory:")
    for a, _ in rows:
        store.add_article(a)
    t0 = time.perf_counter()
    link_new(store)
    dt = time.perf_counter() - t0
    pred_ev, pred_st, dup_pred = {}, {}, {}
    for aid, ev, st, dup in store.con.execute(
        "SELECT id, event_id, story_id, duplicate_of FROM articles"
    ).fetchall():
        pred_ev[aid], pred_st[aid] = ev, st
        if dup:
            dup_pred[aid] = dup
    gold_ev = {a.id: g.event for a, g in rows}
    gold_st = {a.id: g.story for a, g in rows}
    gold_dup = {frozenset((a.id, g.duplicate_of)) for a, g in rows if g.duplicate_of}
    pred_dup = {frozenset((a, b)) for a, b in dup_pred.items()}
    ep, er, ef = bcubed(pred_ev, gold_ev)
    sp, sr, sf = bcubed(pred_st, gold_st)
    tp = len(gold_dup & pred_dup)
    out = {
        "articles": len(rows),
        "gold_events": len(set(gold_ev.values())),
        "pred_events": len(set(pred_ev.values())),
        "gold_stories": len(set(gold_st.values())),
        "pred_stories": len(set(pred_st.values())),
        "event_bcubed_precision": ep,
        "event_bcubed_recall": er,
        "event_bcubed_f1": ef,
        "story_bcubed_precision": sp,
        "story_bcubed_recall": sr,
        "story_bcubed_f1": sf,
        "dedup_precision": tp / max(len(pred_dup), 1),
        "dedup_recall": tp / max(len(gold_dup), 1),
        "link_seconds": dt,
    }
    if not text_only and not pipeline:
        out["quote_group_bcubed_f1"] = quote_groups_f1(store, rows)
    store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=450)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--text-only", action="store_true", help="articles without upstream fields")
    ap.add_argument(
        "--pipeline",
        action="store_true",
        help="text only, then gundem.pipeline.extract (the real upstream stages)",
    )
    ap.add_argument("--both", action="store_true", help="annotated and text-only runs")
    args = ap.parse_args()
    modes = [(False, False), (True, False)] if args.both else [(args.text_only, False)]
    if args.pipeline:
        modes = [(False, True)]
    for text_only, pipeline in modes:
        res = run(args.n, args.seed, text_only, pipeline)
        sfx = "_pipeline" if pipeline else ("_textonly" if text_only else "")
        for k, v in res.items():
            print(f"{k}{sfx}: {v:.4f}" if isinstance(v, float) else f"{k}{sfx}: {v}")


if __name__ == "__main__":
    main()
