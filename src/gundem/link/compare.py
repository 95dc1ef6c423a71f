"""Where sources disagree inside a story: the same quantity reported with different values,
and the same event reported with different dates.

Two figures are the same quantity only when they are about the same event, measure the
same thing (``Claim.measure``: "2 bin asker öldürüldü" is killed, "11 bin asker gönderdi"
is sent) in the same unit (people-words are one unit; "" stands for the noun named
elsewhere and joins any), at comparable times (the sentence's own date, else the
article's day, within ``TIME_WINDOW_DAYS``: a death toll three days later, or a figure of
the 1999 earthquake, is not a conflict). Figures with no measure fall back to the
context overlap of their sentences. Values that agree once rounded (35,4 and 35,41) do
not differ.

``event_facts`` condenses an event's articles once (when the event changes); the story
comparison then needs only those facts, never the article texts.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from gundem.link.features import content_stems, day_number, stem, tr_lower
from gundem.model import Article
from gundem.turkish.measures import PERSON_UNITS

CONTEXT_JACCARD = 0.15  # two claims with the same unit count the same thing above this
DATE_WINDOW_DAYS = 10
LOCAL_WORDS = 4
LOCAL_JACCARD = 0.5  # two percentages are of the same thing above this
TIME_WINDOW_DAYS = 1  # two reports of one figure are comparable within a day of each other


def unit_key(unit: str) -> str:
    words = [w for w in tr_lower(unit).split() if w]
    if not words:
        return ""
    if words[-1] in ("%", "yüzde"):
        return "%"
    if words[-1] in PERSON_UNITS:
        return "kişi"
    return stem(words[-1])


def _claim_days(when: str, published: int | None) -> tuple[int, int] | None:
    """The days a claim speaks about: its sentence's date (a year or month is a range),
    else the article's day. A date after the article's ("the funeral is tomorrow") is not
    when the figure was counted."""
    if when:
        lo = day_number(when if len(when) >= 10 else (when + "-01-01")[:10])
        if lo is not None and (published is None or lo <= published):
            if len(when) == 4:
                return lo, lo + 365
            if len(when) == 7:
                return lo, lo + 30
            return lo, lo
    return (published, published) if published is not None else None


def event_facts(articles: list[Article], event_day: int | None) -> dict[str, list[dict]]:
    claims: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    for a in articles:
        published = day_number(a.published)
        for c in a.claims:
            if c.value is None or not (c.unit or c.measure):
                continue
            claims.append(
                {
                    "article_id": a.id, "outlet": a.outlet, "text": c.text, "value": c.value,
                    "unit": c.unit, "qualifier": c.qualifier, "attributed_to": c.attributed_to,
                    "sentence": c.sentence[:300], "measure": c.measure, "start": c.start,
                    "days": _claim_days(c.when, published), "local": _local(c.sentence, c.text),
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


def _local(sentence: str, text: str) -> list[str]:
    """What a percentage is of: the content words just before it ("yıllık enflasyon
    mayısta yüzde 35,4" → yıllık, enflasyon, mayıs)."""
    i = sentence.find(text)
    return content_stems(sentence[:i])[-LOCAL_WORDS:] if i >= 0 else []


def _same_thing(a: dict[str, Any], b: dict[str, Any]) -> bool:
    x, y = set(a.get("local") or ()), set(b.get("local") or ())
    return not x or not y or len(x & y) / len(x | y) >= LOCAL_JACCARD


def _near(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return True  # no day known: the event already ties them
    return a[0] - TIME_WINDOW_DAYS <= b[1] and b[0] - TIME_WINDOW_DAYS <= a[1]


def _decimals(v: float) -> int:
    s = f"{v:.6f}".rstrip("0")
    return len(s.split(".")[1]) if "." in s else 0


def _distinct(values: list[float]) -> set[float]:
    """Values that differ once each is rounded to the other's precision (35,4 = 35,41)."""
    out: list[float] = []
    for v in sorted(values, key=_decimals):
        if not any(round(v, _decimals(u)) == u for u in out):
            out.append(v)
    return set(out)


def _quantity_keys(events: list[dict[str, Any]]) -> dict[tuple[str, str, str], list[dict]]:
    """(event, measure, unit key) → claims; a claim whose unit is "" (the noun was named
    before: "can kaybı 15’e çıktı") joins every unit of its measure in its event."""
    by_key: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    loose: list[tuple[tuple[str, str], dict[str, Any]]] = []
    for ev in events:
        for c in ev["facts"].get("claims", []):
            c = {**c, "event_id": ev["id"], "date": ev["date"]}
            measure = c.get("measure", "")
            k = unit_key(c["unit"])
            if k:
                by_key.setdefault((ev["id"], measure, k), []).append(c)
            elif measure:
                loose.append(((ev["id"], measure), c))
    for (eid, measure), c in loose:
        keys = [key for key in by_key if key[:2] == (eid, measure)] or [(eid, measure, "kişi")]
        for key in keys:
            by_key.setdefault(key, []).append(c)
    return by_key


def _groups(
    claims: list[dict[str, Any]], by_context: bool, by_local: bool
) -> list[list[dict[str, Any]]]:
    groups: list[list[dict[str, Any]]] = []
    ctxs: list[set[str]] = []
    for c in sorted(claims, key=lambda c: (c.get("days") or (0, 0))[0]):
        cx = _ctx(c) if by_context else set()
        placed = False
        for g, gx in zip(groups, ctxs, strict=True):
            if not _near(g[0].get("days"), c.get("days")):
                continue
            if by_local and not all(_same_thing(x, c) for x in g):
                continue
            if not cx or not gx or len(cx & gx) / len(cx | gx) >= CONTEXT_JACCARD:
                g.append(c)
                gx |= cx
                placed = True
                break
        if not placed:
            groups.append([c])
            ctxs.append(set(cx))
    return groups


def quantity_conflicts(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """events: [{id, date, facts}] → groups of claims of one quantity with differing values."""
    out = []
    for (_, measure, k), claims in sorted(_quantity_keys(events).items()):
        for g in _groups(claims, by_context=not measure, by_local=measure == "share"):
            values = _distinct([c["value"] for c in g])
            outlets = {c["outlet"] or c["article_id"] for c in g}
            quals = {c["qualifier"] for c in g}
            if len(outlets) < 2 or (len(values) < 2 and len(quals) < 2):
                continue
            out.append(
                {
                    "kind": "quantity",
                    "unit": next((c["unit"] for c in g if c["unit"]), ""),
                    "measure": measure,
                    "key": k,
                    "values": sorted(values),
                    "reports": [
                        {kk: c.get(kk) for kk in ("value", "text", "qualifier", "attributed_to",
                                                   "outlet", "article_id", "event_id", "date",
                                                   "start")}
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
