"""Linking at scale: generated articles in a DuckDB store, linked incrementally by the real
Linker (dedup → events → stories → summaries → records), in growing batches.

    python bench/link_scale.py [--n 100000] [--db PATH] [--threads 2]

Prints one figure per line: generation/load time (not linking), linking time per
article for the batch that ends at 10k, 25k, 50k, 100k articles (scaled down with
--n), total linking time, the time to reopen the linker state, and peak RSS.
Articles are bulk-loaded with the same columns ``Store.add_article`` writes (the
ingest path is measured elsewhere); linking goes through ``Linker.link_pending``.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time

from gundem.link.linker import Linker
from gundem.store.db import Store
from gundem_tools.gen.corpus import Generator

CHECKPOINTS = (0.10, 0.25, 0.50, 1.0)


def _label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--db", default="")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--duckdb-memory", default="1GB")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or os.path.join(tmp.name, "scale.duckdb")
    store = Store(db)
    store.con.execute(f"SET threads={args.threads}")
    store.con.execute(f"SET memory_limit='{args.duckdb_memory}'")
    years = max(2, round(args.n / 10_000))  # ~10k articles a year: a realistic density
    gen = Generator(args.seed, text_only=False, span_years=years)
    t0 = time.perf_counter()
    events = gen.plan(args.n)
    events.sort(key=lambda ev: ev.day)  # news arrive in time order
    print(f"articles_target: {args.n}")
    print(f"plan_seconds: {time.perf_counter() - t0:.2f}")

    linker = Linker(store)
    marks = [max(1, int(args.n * f)) for f in CHECKPOINTS]
    done = 0
    gen_s = load_s = link_s = link_cpu = 0.0
    i = 0
    walls: list[float] = []
    cpus: list[float] = []
    for mark in marks:
        batch = []
        tg = time.perf_counter()
        while i < len(events) and done + len(batch) < mark:
            batch.extend(a for a, _ in gen.render_event(events[i]))
            i += 1
        gen_s += time.perf_counter() - tg
        tl = time.perf_counter()
        store.add_articles(batch)
        load_s += time.perf_counter() - tl
        t, c = time.perf_counter(), time.process_time()
        stats = linker.link_pending()
        dt = time.perf_counter() - t
        dc = time.process_time() - c
        link_s += dt
        link_cpu += dc
        done += len(batch)
        per = dt / max(len(batch), 1) * 1000
        lab = _label(mark)
        walls.append(per)
        cpus.append(dc / max(len(batch), 1) * 1000)
        print(f"ms_per_article_at_{lab}: {per:.3f}")
        print(f"cpu_ms_per_article_at_{lab}: {dc / max(len(batch), 1) * 1000:.3f}")
        print(f"articles_at_{lab}: {done}")
        print(f"events_at_{lab}: {stats['events']}")
    print(f"articles: {done}")
    # flatness: the largest deviation of a segment's time per article from their mean
    for name, xs in (("wall", walls), ("cpu", cpus)):
        mean = sum(xs) / len(xs)
        print(
            f"{name}_per_article_max_deviation_pct: {max(abs(x - mean) / mean for x in xs) * 100:.1f}"
        )
    print(f"generate_seconds: {gen_s:.1f}")
    print(f"bulk_load_seconds: {load_s:.1f}")
    print(f"link_total_seconds: {link_s:.1f}")
    print(f"link_total_minutes: {link_s / 60:.2f}")
    print(f"link_cpu_seconds: {link_cpu:.1f}")
    t = time.perf_counter()
    Linker(store)
    print(f"reopen_state_seconds: {time.perf_counter() - t:.2f}")
    print(f"events: {store.count('events')}")
    print(f"stories: {store.count('stories')}")
    print(f"peak_rss_mb: {peak_rss_mb():.0f}")
    store.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
