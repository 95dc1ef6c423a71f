"""Where sources disagree inside a story: the same quantity reported with different values,
and the same event reported with different dates.

``event_facts`` condenses an event's articles once (when the event changes); the story
comparison then needs only those facts, never the article texts.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from gundem.link.features import content_stems, day_number, stem, tr_lower
from gundem.model import Article

CONTEXT_JACCARD = 0.15  # two claims with the same unit count the same thing above this
DATE_WINDOW_DAYS = 10


def unit_key(unit: str) -> str:
    words = [w for w in tr_lower(unit).split() if w]
    if not words:
        return ""
    if words[-1] in ("%", "yüzde"):
        return "%"
    return stem(words[-1])


def event_facts(articles: list[Article], event_day: int | None) -> dict[str, list[dict]]:
    claims: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    for a in articles:
        for c in a.claims:
            if c.value is None or not c.unit:
                continue
            claims.append(
                {
                    "article_id": a.id, "outlet": a.outlet, "text": c.text, "value": c.value,
                    "unit": c.unit, "qualifier": c.qualifier, "attributed_to": c.attributed_to,
                    "sentence": c.sentence[:300],
                }
            )  # fmt: skip
        days: Counter[int] = Counter()
        texts: dict[int, str] = {}
        for t in a.times:
            d = day_number(t.value)
            if d is None or t.precision not in ("", "day"):
                continue
            if event_day is not None and abs(d - event_day) > DATE_WINDOW_DAYS:
                continue
            days[d] += 1
            texts.setdefault(d, t.text)
        if days:
            d = days.most_common(1)[0][0]
            dates.append({"article_id": a.id, "outlet": a.outlet, "day": d, "text": texts[d]})
    return {"claims": claims, "dates": dates}


def _ctx(c: dict[str, Any]) -> set[str]:
    return set(content_stems(c.get("sentence", "")))


def quantity_conflicts(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """events: [{id, date, facts}] → groups of claims of one quantity with differing values."""
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for ev in events:
        for c in ev["facts"].get("claims", []):
            k = unit_key(c["unit"])
            if k:
                by_unit.setdefault(k, []).append({**c, "event_id": ev["id"], "date": ev["date"]})
    out = []
    for k, claims in sorted(by_unit.items()):
        groups: list[list[dict[str, Any]]] = []
        ctxs: list[set[str]] = []
        for c in claims:
            cx = _ctx(c)
            placed = False
            for g, gx in zip(groups, ctxs, strict=True):
                if not cx or not gx or len(cx & gx) / len(cx | gx) >= CONTEXT_JACCARD:
                    g.append(c)
                    gx |= cx
                    placed = True
                    break
            if not placed:
                groups.append([c])
                ctxs.append(set(cx))
        for g in groups:
            values = {c["value"] for c in g}
            outlets = {c["outlet"] or c["article_id"] for c in g}
            quals = {c["qualifier"] for c in g}
            if len(outlets) < 2 or (len(values) < 2 and len(quals) < 2):
                continue
            out.append(
                {
                    "kind": "quantity",
                    "unit": g[0]["unit"],
                    "key": k,
                    "values": sorted(values),
                    "reports": [
                        {kk: c[kk] for kk in ("value", "text", "qualifier", "attributed_to",
                                               "outlet", "article_id", "event_id", "date")}
                        for c in sorted(g, key=lambda c: (c["value"], c["outlet"]))
                    ],
                }
            )  # fmt: skip
    return out


def date_conflicts(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from datetime import date

    out = []
    for ev in events:
        reps = ev["facts"].get("dates", [])
        if len({r["day"] for r in reps}) < 2:
            continue
        out.append(
            {
                "kind": "date",
                "event_id": ev["id"],
                "event_date": ev["date"],
                "reports": [
                    {"date": date.fromordinal(r["day"]).isoformat(), "text": r["text"],
                     "outlet": r["outlet"], "article_id": r["article_id"]}
                    for r in sorted(reps, key=lambda r: (r["day"], r["outlet"]))
                ],
            }
        )  # fmt: skip
    return out


def compare_story(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return quantity_conflicts(events) + date_conflicts(events)
