"""Search / ask latency and API throughput over generated articles.

    python bench/search.py --n 100000     # the full run
    python bench/search.py --n 2000       # quick

Prints one figure per line: ``name: value``.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from gundem.ask import answer
from gundem.store.db import Store
from gundem.store.search import SearchIndex
from gundem_tools.gen.questions import PERSONS, PLACES, UNITS, random_articles


def bulk_load(store: Store, n: int) -> None:
    """Insert generated articles in batches of 10,000 (one transaction each)."""
    batch: list = []
    for a in random_articles(n):
        batch.append(a)
        if len(batch) >= 10_000:
            store.add_articles(batch)
            batch = []
    store.add_articles(batch)


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))] * 1000


def queries(k: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(k):
        a, b = rng.sample(PERSONS, 2)
        out.append(rng.choice([
            f"{a[1]}’in açıklaması", f"{rng.choice(PLACES)}’da görüşme", f"{rng.choice(UNITS)}lerini",
            f"{a[0]} {b[1]}", "kalıcı barış", f"{a[1]} {rng.choice(PLACES)}",
        ]))  # fmt: skip
    return out


def asks(k: int, seed: int = 4) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(k):
        a, b = rng.sample(PERSONS, 2)
        out.append(rng.choice([
            f"{a[1]} {rng.choice(PLACES)}’da kimle görüştü?", f"{a[1]} ne dedi?",
            f"Kuzey Kore Rusya’ya kaç {rng.choice(UNITS)} gönderdi?", f"{a[1]} ile {b[1]} nerede görüştü?",
        ]))  # fmt: skip
    return out


def api_throughput(db: str, clients: int, seconds: float) -> tuple[float, int, int]:
    import httpx
    import uvicorn

    from gundem.serve.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="error")
    )
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    while not srv.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    qs = queries(200)
    ok, err = [0] * clients, [0] * clients
    stop = time.perf_counter() + seconds

    def worker(i: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as c:
            k = i
            while time.perf_counter() < stop:
                k += 1
                path = (
                    ("/api/search", {"q": qs[k % len(qs)]})
                    if k % 3
                    else ("/api/articles", {"limit": 20})
                )
                try:
                    r = c.get(path[0], params=path[1])
                    if r.status_code == 200:
                        ok[i] += 1
                    else:
                        err[i] += 1
                except httpx.HTTPError:
                    err[i] += 1

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as ex:
        list(ex.map(worker, range(clients)))
    dt = time.perf_counter() - t0
    srv.should_exit = True
    th.join(timeout=10)
    return sum(ok) / dt, sum(ok), sum(err)


def engine_compare(n_articles: int, n_queries: int) -> dict[str, float]:
    """Same analysed sentences and queries in tantivy (our index), bm25s and SQLite FTS5."""
    import sqlite3

    import bm25s

    from gundem.store.search import analyze, sentences

    docs = [
        " ".join(analyze(s)) for a in random_articles(n_articles, seed=9) for s in sentences(a.text)
    ]
    qterms = [analyze(q) for q in queries(n_queries)]
    out: dict[str, float] = {"engine_sentences": len(docs)}
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_text_field("body", tokenizer_name="whitespace", index_option="freq")
    schema = sb.build()
    t = time.perf_counter()
    tix = tantivy.Index(schema)
    w = tix.writer(heap_size=128_000_000, num_threads=1)
    for d in docs:
        w.add_document(tantivy.Document(body=d))
    w.commit()
    tix.reload()
    out["tantivy_index_s"] = time.perf_counter() - t
    searcher = tix.searcher()
    lat = []
    for q in qterms:
        t = time.perf_counter()
        sub = [
            (tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", x, index_option="freq"))
            for x in q
        ]
        found = searcher.search(tantivy.Query.boolean_query(sub), 10).hits
        out["tantivy_hits_total"] = out.get("tantivy_hits_total", 0) + len(found)
        lat.append(time.perf_counter() - t)
    out["tantivy_query_p95_ms"] = pct(lat, 0.95)
    t = time.perf_counter()
    bm = bm25s.BM25()
    bm.index([d.split() for d in docs], show_progress=False)
    out["bm25s_index_s"] = time.perf_counter() - t
    lat = []
    for q in qterms:
        t = time.perf_counter()
        bm.retrieve([q], k=10, show_progress=False)
        lat.append(time.perf_counter() - t)
    out["bm25s_query_p95_ms"] = pct(lat, 0.95)
    con = sqlite3.connect(":memory:")
    t = time.perf_counter()
    con.execute("CREATE VIRTUAL TABLE s USING fts5(body, tokenize='unicode61')")
    con.executemany("INSERT INTO s VALUES (?)", [(d,) for d in docs])
    out["fts5_index_s"] = time.perf_counter() - t
    lat = []
    for q in qterms:
        expr = " OR ".join(f'"{w}"' for w in q)
        t = time.perf_counter()
        con.execute(
            "SELECT rowid FROM s WHERE s MATCH ? ORDER BY bm25(s) LIMIT 10", [expr]
        ).fetchall()
        lat.append(time.perf_counter() - t)
    out["fts5_query_p95_ms"] = pct(lat, 0.95)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000, help="articles to generate")
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument(
        "--compare", type=int, default=20_000, help="articles for the engine comparison (0: skip)"
    )
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "bench.duckdb")
        t = time.perf_counter()
        with Store(db) as st:
            bulk_load(st, args.n)
            print(f"articles: {st.count()}")
            print(f"load_s: {time.perf_counter() - t:.1f}")
            t = time.perf_counter()
            idx = SearchIndex(db)
            idx.update(st)
            print(f"index_build_s: {time.perf_counter() - t:.1f}")
            t = time.perf_counter()
            idx.update(st)
            print(f"index_update_noop_ms: {(time.perf_counter() - t) * 1000:.1f}")
            lat = []
            for q in queries(args.queries):
                t = time.perf_counter()
                idx.search(q, limit=10)
                lat.append(time.perf_counter() - t)
            print(f"search_p50_ms: {pct(lat, 0.5):.2f}")
            print(f"search_p95_ms: {pct(lat, 0.95):.2f}")
            lat = []
            for q in queries(args.queries // 2):
                t = time.perf_counter()
                idx.search(q, limit=10, level="article")
                lat.append(time.perf_counter() - t)
            print(f"search_article_p95_ms: {pct(lat, 0.95):.2f}")
            lat = []
            for q in asks(max(20, args.queries // 5)):
                t = time.perf_counter()
                answer(st, idx, q)
                lat.append(time.perf_counter() - t)
            print(f"ask_p50_ms: {pct(lat, 0.5):.1f}")
            print(f"ask_p95_ms: {pct(lat, 0.95):.1f}")
            del idx
        if args.compare:
            for k, v in engine_compare(min(args.compare, args.n), args.queries).items():
                print(f"{k}: {v:.2f}" if isinstance(v, float) else f"{k}: {v}")
        rps, n_ok, n_err = api_throughput(db, args.clients, args.seconds)
        print(f"api_clients: {args.clients}")
        print(f"api_requests_per_s: {rps:.0f}")
        print(f"api_requests_ok: {n_ok}")
        print(f"api_errors: {n_err}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
