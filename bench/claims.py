"""Numeric-claim quality on tests/data/claims_eval.jsonl.

Run: ``python bench/claims.py [--verbose] [DATA.jsonl]``. Prints one figure per line.

A predicted claim matches a gold claim (one-to-one) when their spans overlap
(the gold text located in the record text) and both the value (relative
difference < 0.1 %, or both None) and the unit (case-insensitive) agree.
``claim_f1`` is over all numbers; ``attribution_accuracy`` is the share of
matched claims whose ``attributed_to`` equals the gold source
(case-insensitive; "" must be ""); ``qualifier_accuracy`` likewise.
Quotes are extracted first so numbers inside quotes can take the speaker.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from gundem.extract.claims import extract_claims
from gundem.extract.quotes import extract_quotes
from gundem.extract.times import extract_times
from gundem.model import Article, content_id

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "claims_eval.jsonl"


def _low(s: str | None) -> str:
    return (s or "").replace("İ", "i").replace("I", "ı").lower().strip()


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-3 * max(1.0, abs(b))


def main(verbose: bool = False, data: Path = DATA) -> dict[str, float]:
    tp = n_pred = n_gold = att_ok = q_ok = 0
    t0 = time.perf_counter()
    for line in data.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        art = Article(id=content_id(rec["text"]), source=rec["id"], text=rec["text"])
        preds = extract_claims(extract_times(extract_quotes(art))).claims
        n_pred += len(preds)
        n_gold += len(rec["claims"])
        used: set[int] = set()
        for g in rec["claims"]:
            s = rec["text"].find(g["text"])
            e = s + len(g["text"])
            hit = None
            for i, c in enumerate(preds):
                if i in used or not (c.start < e and c.end > s):
                    continue
                if _same_value(c.value, g["value"]) and _low(c.unit) == _low(g["unit"]):
                    hit = i
                    break
            if hit is None:
                if verbose:
                    near = [(c.text, c.value, c.unit) for c in preds if c.start < e and c.end > s]
                    print(
                        f"  MISS {rec['id']} {g['text']!r} {g['value']} {g['unit']!r} got={near}",
                        file=sys.stderr,
                    )
                continue
            used.add(hit)
            tp += 1
            c = preds[hit]
            att_ok += _low(c.attributed_to) == _low(g["attributed_to"])
            q_ok += _low(c.qualifier) == _low(g["qualifier"])
            if verbose and _low(c.attributed_to) != _low(g["attributed_to"]):
                print(
                    f"  ATT  {rec['id']} {g['text']!r} gold={g['attributed_to']!r} "
                    f"got={c.attributed_to!r}",
                    file=sys.stderr,
                )
            if verbose and _low(c.qualifier) != _low(g["qualifier"]):
                print(
                    f"  QUAL {rec['id']} {g['text']!r} gold={g['qualifier']!r} got={c.qualifier!r}",
                    file=sys.stderr,
                )
        if verbose:
            for i, c in enumerate(preds):
                if i not in used:
                    print(f"  FP   {rec['id']} {c.text!r} {c.value} {c.unit!r}", file=sys.stderr)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    res = {
        "claim_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "claim_precision": p,
        "claim_recall": r,
        "attribution_accuracy": att_ok / tp if tp else 0.0,
        "qualifier_accuracy": q_ok / tp if tp else 0.0,
        "gold_claims": n_gold,
        "seconds": time.perf_counter() - t0,
    }
    for k, v in res.items():
        print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")
    return res


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(verbose="--verbose" in sys.argv or "-v" in sys.argv, data=Path(args[0]) if args else DATA)
