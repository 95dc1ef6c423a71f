"""One self-contained HTML report: stories → timeline → events (summary, quotes, entities,
claims, sources) in one HTML file: inline CSS, no script, no external asset, every text
escaped; readable on a phone. Its data comes from the read model (``gundem.store.read``).

It stays readable at any corpus size: the ``top`` most important stories (``read.importance``)
are shown in full, the others as one line each; long quotes are folded and cut at
``QUOTE_MAX`` characters; each event shows at most ``MAX_QUOTES`` statements, ``MAX_CLAIMS``
figures and ``MAX_SOURCES`` sources (the rest counted). So its size grows with ``top``, not
with the corpus (tests/test_report.py bounds it on 5,000 generated articles).

    write_report(store, out_path, top=20)
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from gundem.model import Event, Story
from gundem.store import read
from gundem.store.db import Store
from gundem.store.read import ArticleMeta

TOP = 20  # stories shown in full by default (gundem report --top)
QUOTE_FOLD = 280  # a quote longer than this is folded: its start shown, the rest on request
QUOTE_MAX = 2000  # and cut here (a whole speech is not a quote to read in a report)
MAX_QUOTES = 8
MAX_CLAIMS = 30
MAX_SOURCES = 25
MAX_SUMMARY = 5
MAX_EVENTS = 12  # events of one story shown in full (its timeline lists more)
MAX_TIMELINE = 60
MAX_OTHER_EVENTS = 30  # events outside any story, shown in full
# What each figure counts (Claim.measure); the web UI has the same labels (serve/web/app.js).
MEASURE_LABELS = {
    "killed": "Ölü", "injured": "Yaralı", "missing": "Kayıp", "detained": "Gözaltı",
    "arrested": "Tutuklu", "rescued": "Kurtarılan", "evacuated": "Tahliye edilen",
    "displaced": "Yerinden edilen", "sent": "Gönderilen", "attended": "Katılan",
    "damaged": "Hasar gören", "cost": "Maliyet", "magnitude": "Büyüklük", "share": "Oran",
}  # fmt: skip

# -- HTML ----------------------------------------------------------------------------------
CSS = """
*{box-sizing:border-box}body{font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;
margin:0;color:#1d1d1f;background:#f6f6f4}main{max-width:860px;margin:0 auto;padding:12px}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin:.2rem 0}h3{font-size:1.05rem;margin:.2rem 0}
section.story{background:#fff;border-radius:10px;padding:12px 14px;margin:14px 0;
box-shadow:0 1px 3px #0002}ol.timeline{list-style:none;padding-left:0;border-left:3px solid #c33;
margin-left:6px}ol.timeline li{padding:2px 0 6px 12px}.date{font-variant-numeric:tabular-nums;
color:#555;font-size:.9rem}.flag{font-size:.75rem;background:#fde7c8;border-radius:4px;padding:0 4px}
article.event{border-top:1px solid #ddd;padding:10px 0}blockquote{margin:6px 0;padding:4px 10px;
border-left:3px solid #888;background:#fafafa}.variants{font-size:.88rem;color:#444}
.cite{font-size:.78rem;color:#666}.chips span{display:inline-block;background:#eef;border-radius:10px;
padding:0 8px;margin:2px;font-size:.85rem}table{border-collapse:collapse;width:100%;font-size:.88rem}
td,th{border-bottom:1px solid #e4e4e4;padding:3px 4px;text-align:left;vertical-align:top}
details{margin:4px 0}summary{cursor:pointer}.tw{overflow-x:auto;max-width:100%}
main{overflow-wrap:anywhere}.more{font-size:.85rem;color:#555}.conflict{background:#fff4f4;border-radius:6px;padding:6px 8px;
margin:6px 0}nav a{margin-right:8px}a{color:#0645ad;overflow-wrap:anywhere}
@media (max-width:600px){body{font-size:15px}main{padding:6px}section.story{padding:10px}}
"""


def e(x: Any) -> str:
    return html.escape("" if x is None else str(x), quote=True)


def _num(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return f"{int(v):,}".replace(",", ".")
    return str(v)


def _safe_url(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else ""


def _quote_text(text: str | None) -> str:
    """A quote, escaped; a long one folded (its start, the rest on request) and cut."""
    text = text or ""
    if len(text) <= QUOTE_FOLD:
        return f"“{e(text)}”"
    cut = text[:QUOTE_MAX]
    head = cut[:QUOTE_FOLD].rsplit(" ", 1)[0]
    tail = " … (kısaltıldı)" if len(text) > QUOTE_MAX else ""
    size = f"{len(text):,}".replace(",", ".")
    return (f'<details class="long"><summary>“{e(head)} …” <span class="more">({size} '
            f"karakter, tamamı)</span></summary>“{e(cut)}{tail}”</details>")  # fmt: skip


def _more(n: int, what: str) -> str:
    return f'<p class="more">+ {n} {what} daha</p>' if n > 0 else ""


def _measure(c: dict[str, Any]) -> str:
    label = MEASURE_LABELS.get(c.get("measure") or "")
    unit = c.get("unit") or ""
    return f"{label} ({unit})" if label and unit else label or unit or "rakam"


def _event_html(ev: Event, meta: dict[str, ArticleMeta], ents: list[dict], dups: list[str]) -> str:
    out = [f'<article class="event" id="{e(ev.id)}">']
    flag = ' <span class="flag">tarih yayılımı</span>' if ev.date_from == "propagated" else ""
    out.append(f'<h3>{e(ev.headline or ev.id)}</h3><div class="date">{e(ev.date or "tarihsiz")}'
               f"{flag}{' · ' + e(ev.place) if ev.place else ''}</div>")  # fmt: skip
    if ev.participants:
        out.append(
            '<div class="chips">'
            + "".join(f"<span>{e(p)}</span>" for p in ev.participants)
            + "</div>"
        )
    if ev.summary:
        out.append('<ul class="summary">')
        for s in ev.summary[:MAX_SUMMARY]:
            src = meta.get(s.get("article_id") or "")
            out.append(
                f'<li>{e(s.get("sentence"))} <span class="cite">[{e((src.outlet if src else "") or s.get("article_id"))}]</span></li>'
            )
        out.append("</ul>")
    if ev.quotes:
        out.append("<h4>Açıklamalar</h4>")
        for g in ev.quotes[:MAX_QUOTES]:
            outlets = ", ".join(g.get("outlets") or [])
            out.append(f'<blockquote><b>{e(g.get("speaker") or "?")}</b>: {_quote_text(g.get("text"))}'
                       f' <span class="cite">{e(outlets)}</span>')  # fmt: skip
            others = [v for v in g.get("variants", []) if v.get("text") != g.get("text")][:5]
            if others:
                out.append(
                    f'<details><summary>{len(others)} farklı aktarım</summary><ul class="variants">'
                )
                for v in others:
                    out.append(
                        f'<li>{_quote_text(v.get("text"))} <span class="cite">{e(v.get("outlet"))} · {e(v.get("cue"))}</span></li>'
                    )
                out.append("</ul></details>")
            out.append("</blockquote>")
        out.append(_more(len(ev.quotes) - MAX_QUOTES, "açıklama"))
    if ents:
        out.append('<details><summary>Varlıklar</summary><div class="chips">')
        out.append(
            "".join(f"<span>{e(x['name'])} <small>{e(x['type'])}</small></span>" for x in ents[:24])
        )
        out.append("</div></details>")
    claims = [(aid, c) for aid in ev.article_ids if aid in meta for c in meta[aid].claims]
    if claims:
        out.append(
            '<details><summary>Sayısal iddialar</summary><div class="tw"><table><tr><th>iddia</th>'
            "<th>ne sayılıyor</th><th>kaynak</th><th>yayın</th></tr>"
        )
        for aid, c in claims[:MAX_CLAIMS]:
            unit = c.unit or ""
            text = c.text or ""
            shown = text if unit and unit.split()[-1] in text else f"{text} {unit}".strip()
            what = _measure({"measure": c.measure, "unit": c.unit})
            out.append(f"<tr><td>{e(shown)}</td><td>{e(what)}</td><td>{e(c.attributed_to)}</td>"
                       f"<td>{e(meta[aid].outlet)}</td></tr>")  # fmt: skip
        out.append("</table></div>" + _more(len(claims) - MAX_CLAIMS, "rakam") + "</details>")
    out.append(f"<details><summary>Kaynaklar ({len(ev.article_ids)}"
               f"{f' + {len(dups)} kopya' if dups else ''})</summary><ul>")  # fmt: skip
    sources = ev.article_ids + dups
    for aid in sources[:MAX_SOURCES]:
        m = meta.get(aid) or ArticleMeta(aid, "", "", "", "", None, None, None)
        date = m.published or (f"{ev.date} (yayılım)" if ev.date else "tarihsiz")
        title = e(m.title or aid)
        url = _safe_url(m.url)
        link = f'<a href="{e(url)}" rel="noreferrer">{title}</a>' if url else title
        dup = ' <span class="flag">kopya</span>' if m.duplicate_of else ""
        out.append(f'<li>{e(m.outlet)}: {link} <span class="date">{e(date)}</span>{dup}</li>')
    out.append("</ul>" + _more(len(sources) - MAX_SOURCES, "kaynak") + "</details></article>")
    return "\n".join(out)


def _conflicts_html(st: Story) -> str:
    if not st.conflicts:
        return ""
    out = ["<h3>Kaynaklar arası farklar</h3>"]
    for c in st.conflicts:
        if c.get("kind") == "quantity":
            out.append(f'<div class="conflict"><b>{e(_measure(c))}</b>: '
                       + " / ".join(e(_num(v)) for v in c.get("values", []))
                       + '<div class="tw"><table>')  # fmt: skip
            for r in c.get("reports", [])[:MAX_SOURCES]:
                out.append(f"<tr><td>{e(r.get('text'))}</td><td>{e(r.get('attributed_to'))}</td>"
                           f"<td>{e(r.get('outlet'))}</td><td>{e(r.get('date'))}</td></tr>")  # fmt: skip
            out.append("</table></div></div>")
        elif c.get("kind") == "date":
            out.append(
                f'<div class="conflict"><b>Tarih</b> (<a href="#{e(c.get("event_id"))}">olay</a>): <ul>'
            )
            for r in c.get("reports", [])[:MAX_SOURCES]:
                out.append(
                    f'<li>{e(r.get("date"))} — “{e(r.get("text"))}” <span class="cite">{e(r.get("outlet"))}</span></li>'
                )
            out.append("</ul></div>")
    return "\n".join(out)


def _story_html(st: Story, events: dict[str, Event], meta: dict[str, ArticleMeta],
                ents: dict[str, list[dict]], dups: dict[str, list[str]]) -> str:  # fmt: skip
    parts = [
        f'<section class="story" id="{e(st.id)}"><h2>{e(st.title)}</h2>',
        '<ol class="timeline">',
    ]
    for t in st.timeline[:MAX_TIMELINE]:
        parts.append(f'<li><span class="date">{e(t.get("date") or "tarihsiz")}</span> '
                     f'<a href="#{e(t.get("event_id"))}">{e(t.get("headline"))}</a></li>')  # fmt: skip
    parts.append("</ol>" + _more(len(st.timeline) - MAX_TIMELINE, "olay"))
    parts.append(_conflicts_html(st))
    parts.append('<div class="events">')
    # the newest events in full: a long story's latest news matters most
    full = [events[i] for i in st.event_ids if i in events]
    full = sorted(full, key=lambda ev: ev.date or "", reverse=True)[:MAX_EVENTS]
    for ev in sorted(full, key=lambda ev: (ev.date is None, ev.date or "")):
        parts.append(_event_html(ev, meta, ents.get(ev.id, []), dups.get(ev.id, [])))
    parts.append(_more(len(st.event_ids) - len(full), "olay (zaman çizelgesinde)"))
    parts.append("</div></section>")
    return "\n".join(parts)


def _brief_html(card: read.Card) -> str:
    span = card.first if card.first == card.last else f"{card.first or '?'} – {card.last or '?'}"
    return (f"<li>{e(card.title)} <span class=\"date\">{e(span)} · {card.events} olay · "
            f"{card.articles} haber · {card.outlets} kaynak</span></li>")  # fmt: skip


def render_report(store: Store, title: str = "gundem — hikâyeler", top: int = TOP) -> str:
    """The report: the ``top`` most important stories in full, the others one line each."""
    meta = read.article_meta(store)
    ents = read.event_entities(store)
    dups = read.duplicates(meta)
    events = {ev.id: ev for ev in store.events()}
    # one-event stories are not stories: their events are listed under "Diğer olaylar"
    stories = {st.id: st for st in store.stories() if len(st.event_ids) > 1}
    ranked = read.story_cards(store, read.ArticleFilter(), max(len(stories), 1), 0).items
    order = [c.id for c in ranked if c.id in stories]
    order += sorted((i for i in stories if i not in set(order)),
                    key=lambda i: (-len(stories[i].event_ids), i))  # fmt: skip
    cards = {c.id: c for c in ranked}
    shown_ids, rest_ids = order[:top], order[top:]
    parts = [
        "<!doctype html>",
        '<html lang="tr"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{CSS}</style></head><body><main>",
        f"<h1>{e(title)}</h1>",
        f'<p class="date">{len(stories)} hikâye · {len(events)} olay · {len(meta)} haber'
        + (f" · en önemli {len(shown_ids)} hikâye tam olarak" if rest_ids else "") + "</p>",
        '<nav id="stories-nav">' + "".join(
            f'<a href="#{e(i)}">{e(stories[i].title)}</a>' for i in shown_ids
        ) + "</nav>",
        '<div id="stories">',
    ]  # fmt: skip
    for sid in shown_ids:
        parts.append(_story_html(stories[sid], events, meta, ents, dups))
    parts.append("</div>")
    if rest_ids:
        parts.append(f'<section class="story" id="more-stories"><h2>Diğer hikâyeler ({len(rest_ids)})'
                     "</h2><p class=\"more\">Tamamı için: <code>gundem report --top "
                     f"{len(order)}</code></p><ul>")  # fmt: skip
        for sid in rest_ids:
            c = cards.get(sid)
            if c is not None:
                parts.append(_brief_html(c))
            else:
                parts.append(f"<li>{e(stories[sid].title)}</li>")
        parts.append("</ul></section>")
    in_story = {i for st in stories.values() for i in st.event_ids}
    rest = [ev for eid, ev in events.items() if eid not in in_story]
    if rest:
        wts, newest = read.weights(store, "event_id")
        rank = {i: k for k, i in enumerate(read.by_importance([ev.id for ev in rest], wts, newest))}
        rest.sort(key=lambda ev: rank[ev.id])
        parts.append(
            '<section class="story" id="other-events"><h2>Diğer olaylar</h2><div class="events">'
        )
        for ev in rest[:MAX_OTHER_EVENTS]:
            parts.append(_event_html(ev, meta, ents.get(ev.id, []), dups.get(ev.id, [])))
        parts.append(_more(len(rest) - MAX_OTHER_EVENTS, "olay") + "</div></section>")
    parts.append("</main></body></html>")
    return "\n".join(parts)


def write_report(store: Store, out_path: str | Path, top: int = TOP) -> Path:
    """Write the offline HTML report (the ``top`` most important stories in full)."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(store, top=top), encoding="utf-8")
    return out
