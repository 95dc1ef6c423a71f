"""Numeric-claim quality on tests/data/claims_eval.jsonl.

Run: ``python bench/claims.py [--verbose] [DATA.jsonl]``. Prints one figure per line.

A predicted claim matches a gold claim (one-to-one) when their spans overlap
(the gold text located in the record text) and both the value (relative
difference < 0.1 %, or both None) and the unit (case-insensitive) agree.
``claim_f1`` is over all numbers; ``attribution_accuracy`` is the share of
matched claims whose ``attributed_to`` equals the gold source
(case-insensitive; "" must be ""); ``qualifier_accuracy`` likewise.
Quotes are extracted first so numbers inside quotes can take the speaker.

A second set, tests/data/figures_eval.jsonl (issue 14), is scored in the same run and
printed with the prefix ``figures_``: the same matching, plus ``measure_accuracy`` (the
share of matched claims whose ``measure`` equals the gold one: killed, injured, sent, …;
"" for none) and conflict precision/recall over pairs of claims from two articles. Its
articles carry their gold event; the conflicts are what ``link.compare`` reports for those
events, each report pair with different values counting once. Ages, coordinates, phone
numbers, ordinals and scores in these texts are not claims, so they lower precision.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from gundem.extract.claims import extract_claims
from gundem.extract.quotes import extract_quotes
from gundem.extract.times import extract_times
from gundem.link.compare import event_facts, quantity_conflicts
from gundem.link.features import day_number
from gundem.model import Article, Claim, content_id

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "claims_eval.jsonl"
FIGURES = DATA.with_name("figures_eval.jsonl")


def _low(s: str | None) -> str:
    return (s or "").replace("İ", "i").replace("I", "ı").lower().strip()


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-3 * max(1.0, abs(b))


def main(
    verbose: bool = False, data: Path = DATA, figures: Path | None = FIGURES
) -> dict[str, float]:
    """Score ``data``; then, when ``figures`` is given, the figures set (keys ``figures_*``)."""
    res = score(verbose, data)
    if figures is not None:
        res |= {f"figures_{k}": v for k, v in score_figures(verbose, figures).items()}
    for k, v in res.items():
        print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")
    return res


def score(verbose: bool, data: Path) -> dict[str, float]:
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
    return res


def _match(preds: list[Claim], text: str, g: dict, used: set[int]) -> int | None:
    s = text.find(g["text"])
    e = s + len(g["text"])
    for i, c in enumerate(preds):
        if i in used or not (c.start < e and c.end > s):
            continue
        if _same_value(c.value, g["value"]) and _low(c.unit) == _low(g["unit"]):
            return i
    return None


def score_figures(verbose: bool, data: Path) -> dict[str, float]:
    recs = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    arts = [r for r in recs if "text" in r]
    tp = n_pred = n_gold = m_ok = att_ok = 0
    by_id: dict[str, Article] = {}
    gold_of: dict[tuple[str, int], str] = {}  # (article, predicted claim index) → gold text
    for rec in arts:
        art = Article(
            id=rec["id"], source=rec["id"], text=rec["text"], outlet=rec["outlet"],
            published=rec["published"],
        )  # fmt: skip
        by_id[rec["id"]] = art = extract_claims(extract_times(extract_quotes(art)))
        art.event_id = rec["event"]
        preds = art.claims
        n_pred += len(preds)
        n_gold += len(rec["claims"])
        used: set[int] = set()
        for g in rec["claims"]:
            hit = _match(preds, rec["text"], g, used)
            if hit is None:
                if verbose:
                    print(f"  MISS {rec['id']} {g['text']!r} {g['value']} {g['unit']!r}",
                          file=sys.stderr)  # fmt: skip
                continue
            used.add(hit)
            gold_of[(rec["id"], hit)] = g["text"]
            tp += 1
            c = preds[hit]
            measure = getattr(c, "measure", "")
            m_ok += measure == g["measure"]
            att_ok += _low(c.attributed_to) == _low(g["attributed_to"])
            if verbose and measure != g["measure"]:
                print(f"  MEAS {rec['id']} {g['text']!r} gold={g['measure']!r} got={measure!r}",
                      file=sys.stderr)  # fmt: skip
            if verbose and _low(c.attributed_to) != _low(g["attributed_to"]):
                print(f"  ATT  {rec['id']} {g['text']!r} gold={g['attributed_to']!r} "
                      f"got={c.attributed_to!r}", file=sys.stderr)  # fmt: skip
        if verbose:
            for i, c in enumerate(preds):
                if i not in used:
                    print(f"  FP   {rec['id']} {c.text!r} {c.value} {c.unit!r}", file=sys.stderr)
    gold_pairs = {
        _pair(r["a"], r["a_text"], r["b"], r["b_text"]) for r in recs if r.get("conflict")
    }
    pred_pairs = _predicted_pairs(by_id, gold_of)
    hit_pairs = gold_pairs & pred_pairs
    if verbose:
        for p in sorted(pred_pairs - gold_pairs):
            print(f"  FALSE CONFLICT {p}", file=sys.stderr)
        for p in sorted(gold_pairs - pred_pairs):
            print(f"  MISSED CONFLICT {p}", file=sys.stderr)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    cp = len(hit_pairs) / len(pred_pairs) if pred_pairs else 0.0
    cr = len(hit_pairs) / len(gold_pairs) if gold_pairs else 0.0
    return {
        "claim_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "claim_precision": p,
        "claim_recall": r,
        "measure_accuracy": m_ok / tp if tp else 0.0,
        "attribution_accuracy": att_ok / tp if tp else 0.0,
        "conflict_precision": cp,
        "conflict_recall": cr,
        "conflict_f1": 2 * cp * cr / (cp + cr) if cp + cr else 0.0,
        "gold_claims": n_gold,
        "gold_conflicts": len(gold_pairs),
    }


def _pair(a: str, at: str, b: str, bt: str) -> tuple[tuple[str, str], tuple[str, str]]:
    x, y = sorted([(a, at), (b, bt)])
    return x, y


def _predicted_pairs(
    by_id: dict[str, Article], gold_of: dict[tuple[str, int], str]
) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    """Pairs of claims (from two articles) that ``link.compare`` puts in one conflict with
    different values; a claim with no gold counterpart is named by its own text."""
    events: dict[str, list[Article]] = {}
    for a in by_id.values():
        events.setdefault(a.event_id or "", []).append(a)
    evs = [
        {"id": eid, "date": arts[0].published,
         "facts": event_facts(arts, day_number(arts[0].published))}
        for eid, arts in sorted(events.items())
    ]  # fmt: skip
    out = set()
    for conflict in quantity_conflicts(evs):
        reps = [(r, _claim_name(by_id[r["article_id"]], r, gold_of)) for r in conflict["reports"]]
        for i, (r1, n1) in enumerate(reps):
            for r2, n2 in reps[i + 1 :]:
                if r1["article_id"] != r2["article_id"] and not _same_value(
                    r1["value"], r2["value"]
                ):
                    out.add(_pair(r1["article_id"], n1, r2["article_id"], n2))
    return out


def _claim_name(art: Article, report: dict, gold_of: dict[tuple[str, int], str]) -> str:
    for i, c in enumerate(art.claims):
        if c.text == report["text"] and c.start == report.get("start", c.start):
            return gold_of.get((art.id, i), c.text)
    return report["text"]


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(verbose="--verbose" in sys.argv or "-v" in sys.argv, data=Path(args[0]) if args else DATA)
