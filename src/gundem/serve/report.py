"""One self-contained HTML report: stories → timeline → events (summary, quotes, entities,
claims, sources) in one HTML file: inline CSS, no script, no external asset, every text
escaped; readable on a phone. Its data comes from the read model (``gundem.store.read``).

    write_report(store, out_path)
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from gundem.model import Event, Story
from gundem.store import read
from gundem.store.db import Store
from gundem.store.read import ArticleMeta

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
details{margin:4px 0}summary{cursor:pointer}.conflict{background:#fff4f4;border-radius:6px;padding:6px 8px;
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
        for s in ev.summary:
            src = meta.get(s.get("article_id") or "")
            out.append(
                f'<li>{e(s.get("sentence"))} <span class="cite">[{e((src.outlet if src else "") or s.get("article_id"))}]</span></li>'
            )
        out.append("</ul>")
    if ev.quotes:
        out.append("<h4>Açıklamalar</h4>")
        for g in ev.quotes:
            outlets = ", ".join(g.get("outlets") or [])
            out.append(f'<blockquote><b>{e(g.get("speaker") or "?")}</b>: “{e(g.get("text"))}”'
                       f' <span class="cite">{e(outlets)}</span>')  # fmt: skip
            others = [v for v in g.get("variants", []) if v.get("text") != g.get("text")]
            if others:
                out.append(
                    f'<details><summary>{len(others)} farklı aktarım</summary><ul class="variants">'
                )
                for v in others:
                    out.append(
                        f'<li>“{e(v.get("text"))}” <span class="cite">{e(v.get("outlet"))} · {e(v.get("cue"))}</span></li>'
                    )
                out.append("</ul></details>")
            out.append("</blockquote>")
    if ents:
        out.append('<details><summary>Varlıklar</summary><div class="chips">')
        out.append(
            "".join(f"<span>{e(x['name'])} <small>{e(x['type'])}</small></span>" for x in ents[:24])
        )
        out.append("</div></details>")
    claims = [(aid, c) for aid in ev.article_ids if aid in meta for c in meta[aid].claims]
    if claims:
        out.append(
            "<details><summary>Sayısal iddialar</summary><table><tr><th>iddia</th><th>kaynak</th><th>yayın</th></tr>"
        )
        for aid, c in claims:
            unit = c.unit or ""
            text = c.text or ""
            shown = text if unit and unit.split()[-1] in text else f"{text} {unit}".strip()
            out.append(f"<tr><td>{e(shown)}</td><td>{e(c.attributed_to)}</td>"
                       f"<td>{e(meta[aid].outlet)}</td></tr>")  # fmt: skip
        out.append("</table></details>")
    out.append(f"<details><summary>Kaynaklar ({len(ev.article_ids)}"
               f"{f' + {len(dups)} kopya' if dups else ''})</summary><ul>")  # fmt: skip
    for aid in ev.article_ids + dups:
        m = meta.get(aid) or ArticleMeta(aid, "", "", "", "", None, None, None)
        date = m.published or (f"{ev.date} (yayılım)" if ev.date else "tarihsiz")
        title = e(m.title or aid)
        url = _safe_url(m.url)
        link = f'<a href="{e(url)}" rel="noreferrer">{title}</a>' if url else title
        dup = ' <span class="flag">kopya</span>' if m.duplicate_of else ""
        out.append(f'<li>{e(m.outlet)}: {link} <span class="date">{e(date)}</span>{dup}</li>')
    out.append("</ul></details></article>")
    return "\n".join(out)


def _conflicts_html(st: Story) -> str:
    if not st.conflicts:
        return ""
    out = ["<h3>Kaynaklar arası farklar</h3>"]
    for c in st.conflicts:
        if c.get("kind") == "quantity":
            out.append(f'<div class="conflict"><b>{e(c.get("unit"))}</b>: '
                       + ", ".join(e(_num(v)) for v in c.get("values", [])) + "<table>")  # fmt: skip
            for r in c.get("reports", []):
                out.append(f"<tr><td>{e(r.get('text'))}</td><td>{e(r.get('attributed_to'))}</td>"
                           f"<td>{e(r.get('outlet'))}</td><td>{e(r.get('date'))}</td></tr>")  # fmt: skip
            out.append("</table></div>")
        elif c.get("kind") == "date":
            out.append(
                f'<div class="conflict"><b>Tarih</b> (<a href="#{e(c.get("event_id"))}">olay</a>): <ul>'
            )
            for r in c.get("reports", []):
                out.append(
                    f'<li>{e(r.get("date"))} — “{e(r.get("text"))}” <span class="cite">{e(r.get("outlet"))}</span></li>'
                )
            out.append("</ul></div>")
    return "\n".join(out)


def render_report(store: Store, title: str = "gundem — hikâyeler") -> str:
    meta = read.article_meta(store)
    ents = read.event_entities(store)
    dups = read.duplicates(meta)
    events = {ev.id: ev for ev in store.events()}
    stories = read.ranked_stories(store)  # most important first; one-event stories: below
    parts = [
        "<!doctype html>",
        '<html lang="tr"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{CSS}</style></head><body><main>",
        f"<h1>{e(title)}</h1>",
        f'<p class="date">{len(stories)} hikâye · {len(events)} olay · {len(meta)} haber</p>',
        '<nav id="stories-nav">' + "".join(
            f'<a href="#{e(s.id)}">{e(s.title)}</a>' for s in stories[:50]
        ) + "</nav>",
        '<div id="stories">',
    ]  # fmt: skip
    shown: set[str] = set()
    for st in stories:
        parts.append(f'<section class="story" id="{e(st.id)}"><h2>{e(st.title)}</h2>')
        parts.append('<ol class="timeline">')
        for t in st.timeline:
            parts.append(f'<li><span class="date">{e(t.get("date") or "tarihsiz")}</span> '
                         f'<a href="#{e(t.get("event_id"))}">{e(t.get("headline"))}</a></li>')  # fmt: skip
        parts.append("</ol>")
        parts.append(_conflicts_html(st))
        parts.append('<div class="events">')
        for eid in st.event_ids:
            ev = events.get(eid)
            if ev is not None:
                shown.add(eid)
                parts.append(_event_html(ev, meta, ents.get(eid, []), dups.get(eid, [])))
        parts.append("</div></section>")
    wts, newest = read.weights(store, "event_id")
    rest = [events[i] for i in read.by_importance(list(events), wts, newest) if i not in shown]
    if rest:
        parts.append(
            '<section class="story" id="other-events"><h2>Diğer olaylar</h2><div class="events">'
        )
        for ev in rest:
            parts.append(_event_html(ev, meta, ents.get(ev.id, []), dups.get(ev.id, [])))
        parts.append("</div></section>")
    parts.append("</div></main></body></html>")
    return "\n".join(parts)


def write_report(store: Store, out_path: str | Path) -> Path:
    """Write the offline HTML report; returns its path."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(store), encoding="utf-8")
    return out
