"""Time-expression quality: tests/data/times_eval.jsonl, the TIMEX set and biTEZAT-dev.

Run: ``python bench/times.py [--verbose] [DATA.jsonl]``. Prints one figure per line.

Three parts, one run:

* ``time_*`` on tests/data/times_eval.jsonl (values by precision, below);
* ``timex_*`` on tests/data/timex_eval.jsonl (our own TIMEX set: type DATE/TIME/
  DURATION/SET and value per gold span, relative to the record's date):
  ``timex_found`` (a prediction overlaps the span), ``timex_type_accuracy`` and
  ``timex_value_accuracy`` (an overlapping prediction has the gold type / the gold
  type and value), ``timex_precision`` (predictions overlapping some gold span);
* ``bitezat_*`` on /work/shared/data/bitezat-dev/ (or $GUNDEM_BITEZAT; skipped when
  absent): DATE+TIME relaxed F1 as its SOURCE.md defines it (a gold DATE/TIME span
  is found when a DATE/TIME prediction overlaps it; a prediction overlapping no gold
  span of any type counts against precision), for ours and, on the same texts,
  for dateparser's ``search_dates(languages=['tr'])`` (``bitezat_dateparser_*``);
  ``bitezat_chars_per_s`` and ``bitezat_dateparser_chars_per_s``: the speed of each
  on those texts (extraction time only, one pass).

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

import html
import json
import os
import re
import sys
import time
from datetime import datetime
from pathlib import Path

from gundem.extract.times import extract_times
from gundem.model import Article, content_id

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "times_eval.jsonl"
TIMEX = DATA.with_name("timex_eval.jsonl")
BITEZAT = Path(os.environ.get("GUNDEM_BITEZAT", "/work/shared/data/bitezat-dev"))
_TAG = re.compile(r"<(DATE|TIME|DURATION|SET)>(.*?)</\1>", re.S)


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
    res.update(timex(TIMEX, verbose))
    res.update(bitezat(BITEZAT, verbose))
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


def _type(t: object) -> str:
    """A prediction's TIMEX type (older TimeRefs had none: durations or dates)."""
    typ = getattr(t, "type", "")
    if typ:
        return str(typ)
    return "DURATION" if getattr(t, "precision", "") == "duration" else "DATE"


def _gold_spans(text: str, golds: list[dict]) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for g in golds:
        s = text.find(g["text"], cursor)
        if s < 0:
            s = text.find(g["text"])
        spans.append((s, s + len(g["text"])))
        cursor = s + 1
    return spans


def timex(path: Path, verbose: bool = False) -> dict[str, float]:
    """Our TIMEX set: found, type and value accuracy per gold span; precision."""
    n = found = typ_ok = val_ok = n_pred = pred_hit = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        art = Article(
            id=content_id(rec["text"]), source=rec["id"], text=rec["text"],
            published=rec.get("published"),
        )  # fmt: skip
        preds = extract_times(art).times
        spans = _gold_spans(rec["text"], rec["times"])
        n_pred += len(preds)
        pred_hit += sum(any(t.start < e and t.end > s for s, e in spans) for t in preds)
        for g, (s, e) in zip(rec["times"], spans, strict=True):
            n += 1
            hits = [t for t in preds if t.start < e and t.end > s]
            found += bool(hits)
            typed = [t for t in hits if _type(t) == g["type"]]
            typ_ok += bool(typed)
            good = any(t.value == g["value"] for t in typed)
            val_ok += good
            if verbose and not good:
                got = [(t.text, _type(t), t.value) for t in hits]
                print(f"  TIMEX {rec['id']} {g['text']!r} {g['type']} {g['value']} got={got}",
                      file=sys.stderr)  # fmt: skip
        if verbose:
            for t in preds:
                if not any(t.start < e and t.end > s for s, e in spans):
                    print(f"  TIMEX-FP {rec['id']} {t.text!r}", file=sys.stderr)
    return {
        "gold_timex": n,
        "timex_found": found / n,
        "timex_type_accuracy": typ_ok / n,
        "timex_value_accuracy": val_ok / n,
        "timex_precision": pred_hit / n_pred if n_pred else 0.0,
    }


def load_bitezat(folder: Path) -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """(name, plain text, [(start, end, type)]) per tagged file, entities unescaped."""
    docs = []
    for f in sorted(folder.glob("*.xml"), key=lambda p: p.name):
        raw = f.read_text(encoding="utf-8")
        parts: list[str] = []
        spans: list[tuple[int, int, str]] = []
        pos = n = 0
        for m in _TAG.finditer(raw):
            parts.append(html.unescape(raw[pos : m.start()]))
            n += len(parts[-1])
            inner = html.unescape(m.group(2))
            spans.append((n, n + len(inner), m.group(1)))
            parts.append(inner)
            n += len(inner)
            pos = m.end()
        parts.append(html.unescape(raw[pos:]))
        docs.append((f.name, "".join(parts), spans))
    return docs


def _relaxed(
    gold: list[tuple[int, int, str]], pred: list[tuple[int, int]]
) -> tuple[int, int, int, int]:
    """(gold DATE/TIME found, gold DATE/TIME, predictions overlapping any gold, predictions)."""
    dt = [(s, e) for s, e, t in gold if t in ("DATE", "TIME")]
    found = sum(any(ps < e and pe > s for ps, pe in pred) for s, e in dt)
    ok = sum(any(ps < e and pe > s for s, e, _ in gold) for ps, pe in pred)
    return found, len(dt), ok, len(pred)


def _f1(found: int, n_gold: int, ok: int, n_pred: int, key: str) -> dict[str, float]:
    r = found / n_gold if n_gold else 0.0
    p = ok / n_pred if n_pred else 0.0
    return {
        f"{key}_f1": 2 * p * r / (p + r) if p + r else 0.0,
        f"{key}_recall": r,
        f"{key}_precision": p,
    }


def _dateparser_spans(text: str) -> list[tuple[int, int]]:
    from dateparser.search import search_dates

    spans, cursor = [], 0
    for sub, _ in search_dates(text, languages=["tr"]) or []:
        s = text.find(sub, cursor)
        if s < 0:
            continue
        spans.append((s, s + len(sub)))
        cursor = s + len(sub)
    return spans


def bitezat(folder: Path, verbose: bool = False) -> dict[str, float]:
    """DATE+TIME relaxed F1 on biTEZAT-dev: ours and dateparser's search_dates."""
    if not folder.is_dir():
        return {}
    docs = load_bitezat(folder)
    ours = [0, 0, 0, 0]
    peer = [0, 0, 0, 0]
    chars = sum(len(text) for _, text, _ in docs)
    dt = 0.0
    for name, text, gold in docs:
        art = Article(id=content_id(text), source=name, text=text)
        t0 = time.perf_counter()
        times = extract_times(art).times
        dt += time.perf_counter() - t0
        pred = [(t.start, t.end) for t in times if _type(t) in ("DATE", "TIME")]
        for i, v in enumerate(_relaxed(gold, pred)):
            ours[i] += v
        if verbose:
            _show_misses(name, text, gold, pred)
    res = {"bitezat_docs": len(docs), **_f1(*ours, key="bitezat"), "bitezat_seconds": dt}
    res["bitezat_chars_per_s"] = round(chars / dt) if dt else 0
    peer_dt = 0.0
    try:
        for _name, text, gold in docs:
            t0 = time.perf_counter()
            spans = _dateparser_spans(text)
            peer_dt += time.perf_counter() - t0
            for i, v in enumerate(_relaxed(gold, spans)):
                peer[i] += v
    except ImportError:
        return res
    res.update(_f1(*peer, key="bitezat_dateparser"))
    res["bitezat_dateparser_chars_per_s"] = round(chars / peer_dt) if peer_dt else 0
    return res


def _show_misses(
    name: str, text: str, gold: list[tuple[int, int, str]], pred: list[tuple[int, int]]
) -> None:
    for s, e, t in gold:
        if t in ("DATE", "TIME") and not any(ps < e and pe > s for ps, pe in pred):
            print(f"  BTZ-MISS {name} {t} {text[s:e]!r}", file=sys.stderr)
    for ps, pe in pred:
        if not any(ps < e and pe > s for s, e, _ in gold):
            ctx = text[max(0, ps - 20) : pe + 20].replace("\n", " ")
            print(f"  BTZ-FP {name} {text[ps:pe]!r} in {ctx!r}", file=sys.stderr)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(verbose="--verbose" in sys.argv or "-v" in sys.argv, data=Path(args[0]) if args else DATA)
