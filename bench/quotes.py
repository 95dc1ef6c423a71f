"""Quote extraction quality on tests/data/quotes_eval.jsonl and, as a second set, on
tests/data/quotes_real_eval.jsonl (real-world variety: role and group speakers, speakers
named in an earlier paragraph, organisations, framing words, long quotes; keys ``real_*``)
and on tests/data/quotes_heldout_eval.jsonl, written before its rules were read and not tuned
on (twelve long articles in varied registers; keys ``heldout_*``).

Run: ``python bench/quotes.py [--verbose] [DATA.jsonl]``. Prints one figure per line; with
DATA only that file is scored.

Matching: a predicted quote matches a gold quote (one-to-one, greedy) when it
has the same kind and covers at least 0.5 of the gold quote's word tokens
(multiset overlap / gold tokens). ``quote_f1`` is over all kinds (direct,
indirect, fragment); ``direct_f1`` over direct quotes only. ``speaker_accuracy``
is over matched direct and indirect quotes (fragments carry no speaker); names
compare case-insensitively with hyphens as spaces. ``role_accuracy`` (only where gold
quotes carry ``speaker_role``) is the share of those whose role phrase is kept.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from gundem.extract.quotes import extract_quotes
from gundem.model import Article, content_id

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes_eval.jsonl"
REAL = DATA.with_name("quotes_real_eval.jsonl")
HELDOUT = DATA.with_name("quotes_heldout_eval.jsonl")


def _toks(s: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", s.replace("İ", "i").replace("I", "ı").lower()))


def _norm(s: str | None) -> str:
    return (s or "").replace("İ", "i").replace("I", "ı").lower().replace("-", " ").strip()


def _overlap(gold: str, pred: str) -> float:
    g, p = _toks(gold), _toks(pred)
    return sum((g & p).values()) / max(1, sum(g.values()))


def _run(rec: dict) -> Article:
    art = Article(
        id=content_id(rec["text"]),
        source=rec["id"],
        text=rec["text"],
        published=rec.get("published"),
    )
    try:
        from gundem.extract.entities import extract_entities  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - optional module
        extract_entities = None
    if extract_entities is not None:
        art = extract_entities(art)
    return extract_quotes(art)


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main(verbose: bool = False, data: Path | None = None) -> dict[str, float]:
    if data is not None:
        return score(data, verbose)
    res = score(DATA, verbose)
    print("real-variety set:")
    real = score(REAL, verbose)
    res.update({f"real_{k}": v for k, v in real.items()})
    print(f"real-variety speaker accuracy: {real['speaker_accuracy']:.3f}")
    print("held-out set:")
    held = score(HELDOUT, verbose)
    res.update({f"heldout_{k}": v for k, v in held.items()})
    print(f"held-out speaker accuracy: {held['speaker_accuracy']:.3f}")
    return res


def score(data: Path, verbose: bool = False) -> dict[str, float]:
    tp = n_pred = n_gold = 0
    dtp = dn_pred = dn_gold = 0
    sp_ok = sp_n = 0
    role_ok = role_n = 0
    for line in data.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        preds = _run(rec).quotes
        used: set[int] = set()
        n_pred += len(preds)
        n_gold += len(rec["quotes"])
        dn_pred += sum(q.kind == "direct" for q in preds)
        dn_gold += sum(g["kind"] == "direct" for g in rec["quotes"])
        for g in rec["quotes"]:
            best, best_i = 0.0, -1
            for i, q in enumerate(preds):
                if i in used or q.kind != g["kind"]:
                    continue
                ov = _overlap(g["text"], q.text)
                if ov > best:
                    best, best_i = ov, i
            if best < 0.5:
                if verbose:
                    print(f"  MISS {rec['id']} [{g['kind']}] {g['text'][:70]!r}", file=sys.stderr)
                continue
            used.add(best_i)
            tp += 1
            dtp += g["kind"] == "direct"
            if g["kind"] != "fragment":
                sp_n += 1
                ok = _norm(preds[best_i].speaker) == _norm(g["speaker"])
                sp_ok += ok
                if "speaker_role" in g:  # a role-only speaker linked to a person
                    role_n += 1
                    role_ok += _norm(preds[best_i].speaker_role) == _norm(g["speaker_role"])
                if verbose and not ok:
                    print(
                        f"  SPK  {rec['id']} gold={g['speaker']} pred={preds[best_i].speaker}"
                        f" {g['text'][:50]!r}",
                        file=sys.stderr,
                    )
        if verbose:
            for i, q in enumerate(preds):
                if i not in used:
                    print(
                        f"  FP   {rec['id']} [{q.kind}] {q.speaker} {q.text[:70]!r}",
                        file=sys.stderr,
                    )
    res = {
        "quote_f1": _f1(tp, n_pred, n_gold),
        "quote_precision": tp / n_pred if n_pred else 0.0,
        "quote_recall": tp / n_gold if n_gold else 0.0,
        "direct_f1": _f1(dtp, dn_pred, dn_gold),
        "speaker_accuracy": sp_ok / sp_n if sp_n else 0.0,
        "gold_quotes": n_gold,
    }
    if role_n:
        res["role_accuracy"] = role_ok / role_n
    for k, v in res.items():
        print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")
    return res


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(verbose="--verbose" in sys.argv or "-v" in sys.argv, data=Path(args[0]) if args else None)
