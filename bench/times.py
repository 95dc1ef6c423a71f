"""Time-expression quality on tests/data/times_eval.jsonl.

Run: ``python bench/times.py [--verbose] [DATA.jsonl]``. Prints one figure per line.

A gold expression is found when a predicted TimeRef overlaps its span (the
gold text located in the record text); ``time_value_accuracy`` is the share of
gold expressions whose overlapping prediction has exactly the gold value
(``None`` must be ``None``). ``time_precision`` is the share of predictions that
overlap some gold expression (the gold sets do not list every expression, so it
is a lower bound).

Peer: ``dateparser_value_accuracy`` runs dateparser 1.5 (languages=['tr'],
RELATIVE_BASE = article date, PREFER_DAY_OF_MONTH='first') on the same gold
spans (non-duration), as written and after the fixes offline-nlp.md lists
(``dateparser_fixed_value_accuracy``).
"""

from __future__ import annotations

import json
import re
import sys
import time
from datetime import datetime
from pathlib import Path

from gundem.extract.times import extract_times
from gundem.model import Article, content_id

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "times_eval.jsonl"


def main(verbose: bool = False, data: Path = DATA) -> dict[str, float]:
    ok = n_gold = found = n_pred = pred_hit = 0
    t0 = time.perf_counter()
    for line in data.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        art = Article(
            id=content_id(rec["text"]),
            source=rec["id"],
            text=rec["text"],
            published=rec.get("published"),
        )
        preds = extract_times(art).times
        n_pred += len(preds)
        gold_spans = []
        cursor = 0
        for g in rec["times"]:
            s = rec["text"].find(g["text"], cursor)
            if s < 0:
                s = rec["text"].find(g["text"])
            gold_spans.append((s, s + len(g["text"])))
            cursor = s + 1
        for t in preds:
            pred_hit += any(t.start < e and t.end > s for s, e in gold_spans)
        for g, (s, e) in zip(rec["times"], gold_spans, strict=True):
            n_gold += 1
            hits = [t for t in preds if t.start < e and t.end > s]
            if hits:
                found += 1
            good = any(t.value == g["value"] for t in hits)
            ok += good
            if verbose and not good:
                got = [(t.text, t.value) for t in hits]
                print(
                    f"  BAD {rec['id']} {g['text']!r} gold={g['value']} got={got}", file=sys.stderr
                )
    dt = time.perf_counter() - t0
    res = {
        "time_value_accuracy": ok / n_gold,
        "time_found": found / n_gold,
        "time_precision": pred_hit / n_pred if n_pred else 0.0,
        "gold_times": n_gold,
        "seconds": dt,
    }
    res.update(_peer(data))
    for k, v in res.items():
        print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")
    return res


def _fmt(d: datetime, precision: str) -> str | None:
    if precision == "day":
        return d.date().isoformat()
    if precision == "month":
        return f"{d.year}-{d.month:02d}"
    if precision == "year":
        return str(d.year)
    if precision == "week":
        iso = d.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    return None


def _detrap(s: str) -> str:
    """The fixes offline-nlp.md lists for dateparser: strip suffixes and günü/ayında."""
    s = re.sub(r"[’'][a-zçğıöşü]+", "", s)
    return re.sub(r"\s+(?:günü|ayında|ayından|ayı|yılında|yılından|yılı|yılının)\b", "", s)


def _peer(data: Path) -> dict[str, float]:
    """dateparser (the peer normaliser) on the gold spans, raw and with the known fixes.

    Durations are skipped (dateparser has none); a gold None counts as right when
    dateparser returns nothing. Candidates are given, so this isolates normalisation.
    """
    try:
        import dateparser
    except ImportError:
        return {}
    raw_ok = fixed_ok = n = 0
    for line in data.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        pub = rec.get("published")
        settings = {"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past"}
        if pub:
            settings["RELATIVE_BASE"] = datetime.fromisoformat(pub)
        for g in rec["times"]:
            if g["precision"] == "duration":
                continue
            n += 1
            for text, key in ((g["text"], "raw"), (_detrap(g["text"]), "fixed")):
                d = dateparser.parse(text, languages=["tr"], settings=settings)
                got = _fmt(d, g["precision"]) if d is not None else None
                good = got == g["value"]
                raw_ok += good and key == "raw"
                fixed_ok += good and key == "fixed"
    return {
        "dateparser_value_accuracy": raw_ok / n,
        "dateparser_fixed_value_accuracy": fixed_ok / n,
        "peer_gold_times": n,
    }


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(verbose="--verbose" in sys.argv or "-v" in sys.argv, data=Path(args[0]) if args else DATA)
