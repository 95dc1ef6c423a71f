"""Answer accuracy and citation precision of ``gundem ask``: the generated (template) question
set and the real-variety set (tests/data/ask_real/: 25 hand-written articles from invented
outlets, 106 questions with answer keys written before the code was run, 13 of them unanswerable).

    python bench/ask.py            # both sets (template: generator facts + the real pipeline)
    python bench/ask.py -v         # print every wrong answer
    python bench/ask.py --real     # the real-variety set only

Prints one figure per line: ``name: value``; the real-variety set's lines start ``real_``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from gundem.ask import answer
from gundem.store.db import Store
from gundem.store.search import SearchIndex, fold
from gundem_tools.gen.questions import build, raw_docs, write_store


def correct(q: dict[str, Any], ans: Any) -> bool:
    if q.get("negative"):
        return not ans.found
    if not ans.found:
        return False
    text = fold(ans.text)
    kind = q["kind"]
    if kind == "how_many":
        first = fold(ans.text_sentences[0]["text"])
        return fold(q["gold"][0]) in first and all(fold(v) in text for v in q["all"])
    if kind == "when":
        return any(fold(g) in text for g in q["gold"] + q.get("alt", []))
    if kind == "said":
        return all(fold(g) in text for g in q["gold"]) and not any(
            fold(n) in text for n in q["not"]
        )
    if kind == "who_said":
        return fold(q["gold"][0]) in fold(ans.text_sentences[0]["text"])
    return all(fold(g) in text for g in q["gold"])


def precision(q: dict[str, Any], ans: Any) -> tuple[int, int]:
    cites = ans.citations() if ans.found else []
    support = {fold(s) for s in q.get("support", [])}
    ok = sum(1 for c in cites if fold(c["sentence"]) in support)
    return ok, len(cites)


def evaluate(
    db: str, qs: list[dict[str, Any]], verbose: bool = False, label: str = ""
) -> dict[str, float]:
    with Store(db, read_only=True) as store:
        idx = SearchIndex(db)
        idx.update(store)
        right, c_ok, c_all, times = 0, 0, 0, []
        per_kind: dict[str, list[int]] = {}
        for q in qs:
            t = time.perf_counter()
            ans = answer(store, idx, q["q"])
            times.append(time.perf_counter() - t)
            ok = correct(q, ans)
            right += ok
            per_kind.setdefault(q["kind"] + ("-neg" if q.get("negative") else ""), []).append(ok)
            a, b = precision(q, ans)
            c_ok, c_all = c_ok + a, c_all + b
            if verbose and (not ok or a < b):
                print(f"[{label}] WRONG {q['kind']}: {q['q']}\n  gold={q['gold']}\n  got={ans.text[:400]}",
                      file=sys.stderr)  # fmt: skip
    times.sort()
    out = {
        "questions": len(qs),
        "answer_accuracy": right / len(qs),
        "citation_precision": c_ok / c_all if c_all else 0.0,
        "citations": c_all,
        "ask_latency_p50_ms": times[len(times) // 2] * 1000,
        "ask_latency_p95_ms": times[int(len(times) * 0.95)] * 1000,
    }
    for k, v in sorted(per_kind.items()):
        out[f"accuracy_{k}"] = sum(v) / len(v)
    return out


def _pipeline_db(arts: list[Any], path: str) -> str | None:
    from gundem import pipeline
    from gundem.ingest.errors import IngestError

    with Store(path) as st:
        for raw in raw_docs(arts):
            res = pipeline.process(raw)
            if not isinstance(res, IngestError):
                st.add_article(res)
    return path


def retrieval(db: str, qs: list[dict[str, Any]], k: int = 5) -> dict[str, float]:
    """Does hybrid (BM25 + akana 256-d embeddings, reciprocal rank fusion) find the supporting
    sentence more often than BM25 alone? recall@k over the answerable questions."""
    import akana
    import numpy as np

    from gundem.store.search import sentences

    with Store(db, read_only=True) as store:
        idx = SearchIndex(db)
        idx.update(store)
        pool = [
            (a.id, i, s) for a in store.iter_articles() for i, s in enumerate(sentences(a.text))
        ]
        vecs = np.asarray(akana.embed_batch([s for _, _, s in pool]), dtype=np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
        hits = {f"{m}_recall@{c}": 0 for m in ("bm25", "dense", "hybrid") for c in (1, k)}
        n = 0
        for q in qs:
            if q.get("negative") or not q.get("support"):
                continue
            n += 1
            gold = {fold(x) for x in q["support"]}
            bm = [(h.article_id, h.sentence_idx) for h in idx.search(q["q"], limit=50)]
            qv = np.asarray(akana.embed(q["q"]), dtype=np.float32)
            qv /= np.linalg.norm(qv) + 1e-9
            order = np.argsort(-(vecs @ qv))[:50]
            dense = [(pool[j][0], pool[j][1]) for j in order]
            rrf: dict[tuple[str, int], float] = {}
            for lst in (bm, dense):
                for r, key in enumerate(lst):
                    rrf[key] = rrf.get(key, 0.0) + 1.0 / (60 + r)
            hybrid = sorted(rrf, key=lambda x: -rrf[x])
            text = {(a, i): s for a, i, s in pool}
            for name, lst in (("bm25", bm), ("dense", dense), ("hybrid", hybrid)):
                for c in (1, k):
                    hits[f"{name}_recall@{c}"] += any(
                        fold(text.get(key, "")) in gold for key in lst[:c]
                    )
    return {f"retrieval_{name}": v / n for name, v in hits.items()}


REAL = Path(__file__).resolve().parents[1] / "tests" / "data" / "ask_real"


def real_questions() -> list[dict[str, Any]]:
    with open(REAL / "questions.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def real_db(path: str) -> str:
    """The real-variety corpus through the whole pipeline (extract, resolve, link, index)."""
    from gundem.engine.corpus import link
    from gundem.engine.run import run

    with Store(path) as st:
        run([str(REAL / "corpus.jsonl")], st)
        link(st)
    return path


def _right_article(url: str, q: dict[str, Any]) -> bool:
    return any(url.endswith("/" + slug) for slug in q["articles"])


def real_correct(q: dict[str, Any], ans: Any, urls: dict[str, str]) -> bool:
    """Refusals: nothing found. Otherwise every answer group is in the text (any of its
    accepted strings), the first sentence holds ``first`` and none of ``forbid``, and at
    least one citation is to a right article."""
    if q.get("negative"):
        return not ans.found
    if not ans.found:
        return False
    text = fold(ans.text)
    head = fold(ans.text_sentences[0]["text"])
    if not all(any(fold(a) in text for a in group) for group in q["answers"]):
        return False
    if q["first"] and not any(fold(a) in head for a in q["first"]):
        return False
    if any(fold(a) in head for a in q["forbid"]):
        return False
    return any(_right_article(urls.get(c["article_id"], ""), q) for c in ans.citations())


def evaluate_real(db: str, verbose: bool = False) -> dict[str, float]:
    qs = real_questions()
    with Store(db, read_only=True) as store:
        idx = SearchIndex(db)
        idx.update(store)
        urls = {a.id: a.url for a in store.iter_articles()}
        per_kind: dict[str, list[int]] = {}
        c_ok = c_all = 0
        for q in qs:
            ans = answer(store, idx, q["q"])
            ok = real_correct(q, ans, urls)
            per_kind.setdefault(q["kind"], []).append(ok)
            if not q.get("negative"):
                cites = ans.citations() if ans.found else []
                c_ok += sum(1 for c in cites if _right_article(urls.get(c["article_id"], ""), q))
                c_all += len(cites)
            if verbose and not ok:
                print(f"[real] WRONG {q['kind']}: {q['q']}\n  key={q['answers'] or q['first']}"
                      f"\n  got={ans.text[:400]}", file=sys.stderr)  # fmt: skip
    answerable = [ok for k, v in per_kind.items() if k != "refuse" for ok in v]
    refuse = per_kind.get("refuse", [])
    out: dict[str, float] = {
        "real_questions": len(qs),
        "real_answered_right": sum(answerable),
        "real_answerable": len(answerable),
        "real_answer_accuracy": sum(answerable) / len(answerable),
        "real_citation_precision": c_ok / c_all if c_all else 0.0,
        "real_refusals_right": sum(refuse),
        "real_refusals": len(refuse),
    }
    for k, v in sorted(per_kind.items()):
        out[f"real_accuracy_{k}"] = sum(v) / len(v)
    return out


def _print(res: dict[str, Any]) -> None:
    for k, v in res.items():
        print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--facts", type=int, default=20)
    ap.add_argument("--topics", type=int, default=10)
    ap.add_argument("--no-pipeline", action="store_true")
    ap.add_argument("--real", action="store_true", help="the real-variety set only")
    args = ap.parse_args(argv)
    arts, qs, events, story = build(args.facts, args.topics)
    with tempfile.TemporaryDirectory() as d:
        _print(evaluate_real(real_db(os.path.join(d, "real.duckdb")), args.verbose))
        if args.real:
            return 0
        db = os.path.join(d, "ask.duckdb")
        write_store(db, arts, events, [story])
        res = evaluate(db, qs, args.verbose, "facts")
        res.update(retrieval(db, qs))
        _print(res)
        if not args.no_pipeline:
            pdb = _pipeline_db(arts, os.path.join(d, "pipe.duckdb"))
            if pdb is None:
                print("pipeline_answer_accuracy: n/a (gundem.pipeline not importable)")
            else:
                pres = evaluate(pdb, qs, args.verbose, "pipeline")
                print(f"pipeline_answer_accuracy: {pres['answer_accuracy']:.3f}")
                print(f"pipeline_citation_precision: {pres['citation_precision']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
