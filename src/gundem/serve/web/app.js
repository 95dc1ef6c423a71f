// gundem web UI: plain JS, no build step, no network beyond this server.
// Every piece of data goes into the page as text nodes / textContent, never parsed as HTML.
// Charts: Chart.js (vendor/chart.umd.min.js, MIT), drawn into <canvas> with a data table
// beside each one for screen readers and for copying the numbers.
"use strict";

const app = document.getElementById("app");
const enc = encodeURIComponent;

// What each figure counts (Claim.measure); the report has the same labels (serve/report.py).
const MEASURES = {
  killed: "Ölü", injured: "Yaralı", missing: "Kayıp", detained: "Gözaltı", arrested: "Tutuklu",
  rescued: "Kurtarılan", evacuated: "Tahliye edilen", displaced: "Yerinden edilen", sent: "Gönderilen",
  attended: "Katılan", damaged: "Hasar gören", cost: "Maliyet", magnitude: "Büyüklük", share: "Oran",
};
const KIND_NAMES = { story: "hikâye", event: "olay", article: "haber", entity: "kişi ya da kurum" };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "href") node.setAttribute("href", safeHref(v));
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function safeHref(v) {
  const s = String(v);
  return s.startsWith("#") || s.startsWith("/") || /^https?:\/\//i.test(s) ? s : "#";
}

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  if (!r.ok) throw new ApiError(r.status, r.statusText);
  return r.json();
}

function show(...nodes) {
  app.replaceChildren(...nodes.flat().filter((n) => n !== null && n !== undefined && n !== false));
  window.scrollTo(0, 0);
}

// -- formatting -----------------------------------------------------------------------------

const DAY_FMT = new Intl.DateTimeFormat("tr-TR", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

function day(s) {
  // "2017-01-17T12:14:08+03:00" → "17 Oca 2017"; a month or year stays as it is
  if (!s) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(s));
  return m ? DAY_FMT.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))) : String(s);
}

function span(first, last) {
  if (!first && !last) return "tarih yok";
  if (!last || first === last) return day(first || last);
  return day(first) + " – " + day(last);
}

function num(v) {
  if (v === null || v === undefined) return "";
  return Number(v).toLocaleString("tr-TR", { maximumFractionDigits: 2 });
}

function meta(...parts) {
  return el("div", { class: "meta" }, parts.filter((p) => p !== null && p !== undefined && p !== "").join(" · "));
}

function measureName(m, unit) {
  return MEASURES[m] || (unit ? unit.charAt(0).toLocaleUpperCase("tr-TR") + unit.slice(1) : "Rakam");
}

function articleLink(a) {
  return el("a", { href: "#/article/" + enc(a.id || a.article_id), class: "article-link" }, a.title || a.id || a.article_id);
}

function outletOf(a) { return (a && a.outlet) || "kaynak adı yok"; }

function sourceLink(url) {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  let host = url;
  try { host = new URL(url).host; } catch (_) { /* keep the URL */ }
  return el("a", { href: url, class: "source-link", rel: "noreferrer noopener", target: "_blank" }, "Kaynağa git: " + host);
}

function table(id, heads, rows, caption) {
  // a wide table scrolls inside its own box (focusable, so the keyboard can scroll it too)
  return el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": caption || "tablo" }, el("table", { id },
    caption ? el("caption", {}, caption) : null,
    el("thead", {}, el("tr", {}, heads.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c) => el("td", {}, c)))))));
}

function section(title, id, ...body) {
  const content = body.flat().filter(Boolean);
  if (!content.length) return null;
  return el("section", { id, "aria-labelledby": id + "-h" }, el("h2", { id: id + "-h" }, title), content);
}

// -- charts ---------------------------------------------------------------------------------

const ACCENT = "#0b5cad";
const charts = [];

function chartBox(id, label, config, dataTable) {
  const canvas = el("canvas", { role: "img", "aria-label": label });
  const box = el("figure", { class: "chart", id },
    el("div", { class: "chart-area" }, canvas),
    el("figcaption", {}, label),
    dataTable ? el("details", { class: "chart-data" }, el("summary", {}, "Veriyi tablo olarak göster"), dataTable) : null);
  if (window.Chart) {
    // drawn once the canvas is in the page (its size comes from the layout)
    queueMicrotask(() => {
      config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options || {});
      charts.push(new window.Chart(canvas, config));
    });
  }
  return box;
}

function timeAxis(events) {
  const dated = events.filter((e) => /^\d{4}-\d{2}-\d{2}/.test(e.date || ""));
  const points = dated.map((e) => ({
    x: Date.parse(e.date.slice(0, 10) + "T00:00:00Z"), y: e.articles, r: 5 + 4 * Math.sqrt(e.articles), ev: e,
  }));
  const rows = events.map((e) => [day(e.date) || "tarih yok", el("a", { href: "#/event/" + enc(e.id) }, e.headline || e.id), String(e.articles), String(e.outlets)]);
  const pad = 3 * 86400000;
  const xs = points.map((p) => p.x);
  return chartBox("time-axis", "Zaman ekseni: olaylar tarihlerine göre, büyüklük haber sayısına göre", {
    type: "bubble",
    data: { datasets: [{ label: "Olaylar", data: points, backgroundColor: "rgba(11,92,173,.45)", borderColor: ACCENT }] },
    options: {
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => c.raw.ev.headline + " (" + c.raw.ev.articles + " haber)" } } },
      scales: {
        x: { type: "linear", min: Math.min(...xs) - pad, max: Math.max(...xs) + pad,
             ticks: { maxTicksLimit: 6, callback: (v) => day(new Date(v).toISOString()) } },
        y: { beginAtZero: true, title: { display: true, text: "haber" }, ticks: { precision: 0 }, grace: "20%" },
      },
      onClick: (_e, items) => { if (items.length) location.hash = "#/event/" + enc(points[items[0].index].ev.id); },
    },
  }, table("time-axis-data", ["Tarih", "Olay", "Haber", "Kaynak"], rows));
}

function barChart(id, label, labels, values, horizontal, dataTable) {
  return chartBox(id, label, {
    type: "bar",
    data: { labels, datasets: [{ label, data: values, backgroundColor: ACCENT }] },
    options: {
      indexAxis: horizontal ? "y" : "x",
      plugins: { legend: { display: false } },
      scales: { [horizontal ? "x" : "y"]: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  }, dataTable);
}

function buckets(days) {
  // per day over a short span, per week (from its Monday) over a long one; empty ones kept
  if (!days.length) return [];
  const t0 = Date.parse(days[0].day + "T00:00:00Z"), t1 = Date.parse(days[days.length - 1].day + "T00:00:00Z");
  const D = 86400000, weekly = (t1 - t0) / D > 90;
  const key = (t) => { if (!weekly) return t; const d = new Date(t); return t - ((d.getUTCDay() + 6) % 7) * D; };
  const out = new Map();
  for (let t = key(t0); t <= t1; t += weekly ? 7 * D : D) out.set(t, { t, articles: 0, mentions: 0 });
  for (const d of days) {
    const b = out.get(key(Date.parse(d.day + "T00:00:00Z")));
    if (b) { b.articles += d.articles; b.mentions += d.mentions; }
  }
  return [...out.values()].map((b) => ({ label: (weekly ? "hafta: " : "") + day(new Date(b.t).toISOString()), articles: b.articles, mentions: b.mentions }));
}

// -- home -----------------------------------------------------------------------------------

const FILTERS = [["from", "date_from"], ["to", "date_to"], ["outlet", "outlet"], ["lang", "language"], ["entity", "entity"]];

function apiFilters(params) {
  const q = new URLSearchParams();
  for (const [ui, apiName] of FILTERS) if (params.get(ui)) q.set(apiName, params.get(ui));
  return q;
}

function homeHash(params, changes) {
  const p = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) { if (v === null || v === "" || v === 0) p.delete(k); else p.set(k, String(v)); }
  const s = p.toString();
  return "#/" + (s ? "?" + s : "");
}

function filterForm(params, facets) {
  const opt = (items, chosen, none) => [el("option", { value: "" }, none),
    ...items.map((f) => el("option", { value: f.value, selected: f.value === chosen ? "selected" : null }, f.value + " (" + f.articles + ")"))];
  const field = (label, input) => el("label", { class: "field" }, el("span", {}, label), input);
  const form = el("form", { id: "filters", class: "filters", "aria-label": "Süzgeçler" },
    field("Başlangıç", el("input", { type: "date", name: "from", value: params.get("from") || "", min: facets.first, max: facets.last })),
    field("Bitiş", el("input", { type: "date", name: "to", value: params.get("to") || "", min: facets.first, max: facets.last })),
    field("Yayın", el("select", { name: "outlet" }, opt(facets.outlets, params.get("outlet"), "hepsi"))),
    field("Dil", el("select", { name: "lang" }, opt(facets.languages, params.get("lang"), "hepsi"))),
    field("Kişi / kurum", el("input", { type: "text", name: "entity", value: params.get("entity") || "", placeholder: "ör. Rize" })),
    el("div", { class: "filter-buttons" },
      el("button", { type: "submit" }, "Süz"),
      el("a", { href: "#/", class: "clear" }, "Temizle")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const changes = { sp: null, ep: null };
    for (const [ui] of FILTERS) changes[ui] = (data.get(ui) || "").trim();
    location.hash = homeHash(params, changes);
  });
  return form;
}

function card(c, kind) {
  const href = "#/" + kind + "/" + enc(c.id);
  return el("li", { class: "card" },
    el("a", { href, class: kind + "-link" }, c.title),
    meta(span(c.first, c.last), c.articles + " haber", c.outlets + " kaynak",
      kind === "story" ? c.events + " olay" : null, c.conflicts ? c.conflicts + " çelişki" : null),
    c.entities.length ? el("div", { class: "chips" }, c.entities.map((n) =>
      el("a", { href: homeHash(new URLSearchParams(), { entity: n }), class: "chip" }, n))) : null);
}

function pager(params, key, page, label) {
  const prev = page.offset > 0, next = page.offset + page.limit < page.total;
  if (!prev && !next) return null;
  const at = (o) => homeHash(params, { [key]: o });
  return el("nav", { class: "pager", "aria-label": label + " sayfaları" },
    prev ? el("a", { href: at(Math.max(0, page.offset - page.limit)), rel: "prev" }, "← Önceki") : null,
    el("span", { class: "meta" }, (page.offset + 1) + "–" + Math.min(page.total, page.offset + page.limit) + " / " + page.total),
    next ? el("a", { href: at(page.offset + page.limit), rel: "next", id: key + "-next" }, "Sonraki →") : null);
}

async function pageHome(params) {
  const q = apiFilters(params);
  const per = 8;
  const [facets, stories, events] = await Promise.all([
    api("/api/facets"),
    api("/api/top/stories?limit=" + per + "&offset=" + (+params.get("sp") || 0) + "&" + q),
    api("/api/top/events?limit=" + per + "&offset=" + (+params.get("ep") || 0) + "&" + q),
  ]);
  const filtered = [...q.keys()].length > 0;
  if (!stories.total && !events.total && !filtered) return pageArticles();
  show(
    el("h1", { tabindex: "-1" }, "Gündem"),
    meta(span(facets.first, facets.last), "öneme göre: kaynak sayısı, haber sayısı, yenilik"),
    filterForm(params, facets),
    section("Öne çıkan hikâyeler", "top-stories",
      stories.items.length ? el("ul", { class: "list cards", id: "story-list" }, stories.items.map((s) => card(s, "story")))
        : el("p", { class: "notfound" }, "Bu süzgeçlere uyan hikâye yok."),
      pager(params, "sp", stories, "Hikâye")),
    section("Öne çıkan olaylar", "top-events",
      events.items.length ? el("ul", { class: "list cards", id: "event-list" }, events.items.map((e) => card(e, "event")))
        : el("p", { class: "notfound" }, "Bu süzgeçlere uyan olay yok."),
      pager(params, "ep", events, "Olay")),
  );
}

// -- story ----------------------------------------------------------------------------------

function conflictTables(conflicts, articles) {
  const qty = conflicts.filter((c) => c.kind === "quantity");
  const dates = conflicts.filter((c) => c.kind === "date");
  const src = (r) => {
    const a = articles[r.article_id] || {};
    return el("a", { href: "#/article/" + enc(r.article_id) }, r.outlet || a.outlet || a.title || r.article_id);
  };
  const srcDate = (r) => day((articles[r.article_id] || {}).published || r.date) || "tarih yok";
  // "Ölü: 4 (1 kaynak) / 5 (1 kaynak) · Tahliye edilen: 2.800 / 3.000"
  const summary = qty.map((c) => {
    const per = new Map();
    for (const r of c.reports) { if (!per.has(r.value)) per.set(r.value, new Set()); per.get(r.value).add(r.outlet || r.article_id); }
    const vals = [...per.entries()].sort((a, b) => a[0] - b[0]).map(([v, s]) => num(v) + " (" + s.size + " kaynak)");
    return measureName(c.measure, c.unit) + (c.unit && MEASURES[c.measure] ? " (" + c.unit + ")" : "") + ": " + vals.join(" / ");
  });
  const rows = [];
  for (const c of qty) {
    for (const r of c.reports) {
      rows.push([measureName(c.measure, c.unit), num(r.value) + (c.unit ? " " + c.unit : ""),
        "“" + (r.text || "") + "”" + (r.qualifier ? " (" + r.qualifier + ")" : ""),
        r.attributed_to || "—", src(r), srcDate(r)]);
    }
  }
  const dateRows = dates.flatMap((c) => c.reports.map((r) => [
    el("a", { href: "#/event/" + enc(c.event_id) }, day(c.event_date) || "olay"), day(r.date), "“" + (r.text || "") + "”", src(r)]));
  return [
    summary.length ? el("p", { id: "conflict-summary", class: "conflict-summary" }, summary.join(" · ")) : null,
    rows.length ? table("conflicts", ["Ne sayılıyor", "Değer", "Haberdeki ifade", "Kaynağa göre", "Yayın", "Tarih"], rows, "Kaynaklara göre farklı verilen rakamlar") : null,
    dateRows.length ? table("date-conflicts", ["Olay", "Verilen tarih", "İfade", "Yayın"], dateRows, "Kaynaklara göre farklı verilen tarihler") : null,
  ];
}

function quoteGroups(groups, articles, id) {
  if (!groups.length) return el("p", { class: "muted" }, "Alıntı yok.");
  const one = (g) => {
    const ids = g.article_ids || [];
    const outlets = [...new Set((g.outlets && g.outlets.length ? g.outlets : ids.map((a) => outletOf(articles[a]))))];
    const others = (g.variants || []).filter((v) => v.text !== g.text);
    return el("div", { class: "group quote-group" },
      el("strong", {}, g.speaker || "Bilinmeyen konuşmacı"),
      el("blockquote", {}, "“" + (g.text || "") + "”"),
      meta(outlets.length + " kaynak: " + outlets.join(", ")),
      others.length ? el("details", {}, el("summary", {}, others.length + " farklı aktarım"),
        el("ul", {}, others.map((v) => el("li", {}, "“" + v.text + "”", v.outlet ? el("span", { class: "meta" }, " — " + v.outlet) : null)))) : null,
      ids.length ? el("div", { class: "meta" }, ids.slice(0, 6).map((a, i) => [i ? ", " : "", el("a", { href: "#/article/" + enc(a) }, outletOf(articles[a]))])) : null);
  };
  // the statements most outlets carried first; the rest folded
  const rest = groups.slice(8, 60);
  return el("div", { id }, groups.slice(0, 8).map(one),
    rest.length ? el("details", { class: "more-quotes" }, el("summary", {}, rest.length + " açıklama daha"), rest.map(one)) : null);
}

async function pageStory(id) {
  const [s, cov] = await Promise.all([api("/api/stories/" + enc(id)), api("/api/stories/" + enc(id) + "/coverage")]);
  const evs = cov.events;
  const arts = Object.values(cov.articles);
  const dates = evs.map((e) => e.date).filter(Boolean).sort();
  const outletNames = cov.outlets.map((o) => o.outlet);
  show(
    el("h1", { tabindex: "-1" }, s.title || s.id),
    meta(span(dates[0], dates[dates.length - 1]), evs.length + " olay", arts.length + " haber",
      outletNames.filter((o) => o !== "(kaynak adı yok)").length + " kaynak"),
    section("Zaman ekseni", "story-time",
      evs.some((e) => e.date) ? timeAxis(evs) : null,
      el("ol", { class: "timeline", id: "timeline" }, evs.map((e) =>
        el("li", {},
          el("div", { class: "meta" }, day(e.date) || "tarih yok"),
          el("a", { href: "#/event/" + enc(e.id), class: "event-link" }, e.headline || e.id),
          meta(e.articles + " haber", e.outlets + " kaynak"))))),
    section("Kaynaklara göre kapsam", "story-coverage",
      barChart("coverage-chart", "Yayın başına haber sayısı", outletNames, cov.outlets.map((o) => o.articles), true,
        table("coverage-data", ["Yayın", "Haber"], cov.outlets.map((o) => [o.outlet, String(o.articles)])))),
    section("Çelişen rakamlar ve tarihler", "story-conflicts", conflictTables(s.conflicts || [], cov.articles)),
    section("Kim ne dedi", "story-quotes", quoteGroups(cov.quotes, cov.articles, "story-quote-groups")),
  );
}

// -- event ----------------------------------------------------------------------------------

async function pageEvent(id) {
  const [e, entPage] = await Promise.all([api("/api/events/" + enc(id)), api("/api/events/" + enc(id) + "/entities")]);
  const ents = entPage.items;
  const byId = Object.fromEntries((e.articles || []).map((a) => [a.id, a]));
  const summary = (e.summary || []).map((s) => el("li", {},
    s.sentence || s.text || "", " ",
    s.article_id ? el("a", { href: "#/article/" + enc(s.article_id) }, "[" + outletOf(byId[s.article_id]) + "]") : null));
  const claims = e.claims || [];
  const claimTable = table("claims", ["Rakam", "Ne sayılıyor", "Niteleme", "Kaynağa göre", "Tarih", "Yayın"], claims.map((c) => [
    c.text || num(c.value),
    measureName(c.measure, c.unit) + (MEASURES[c.measure] && c.unit ? " (" + c.unit + ")" : ""),
    c.qualifier || "—", c.attributed_to || "—", day(c.when || c.published) || "—",
    el("a", { href: "#/article/" + enc(c.article_id) }, c.outlet || c.title || c.article_id)]), "Olaydaki rakamlar, kaynaklarına göre");
  show(
    el("h1", { tabindex: "-1" }, e.headline || e.id),
    meta(day(e.date), e.place, (e.articles || []).length + " haber"),
    e.story_id ? el("p", {}, el("a", { href: "#/story/" + enc(e.story_id) }, "Hikâyenin tamamı")) : null,
    section("Özet", "event-summary", summary.length ? el("ul", { id: "summary" }, summary) : null),
    el("h2", {}, "Kim ne dedi"),
    (e.quotes || []).length ? quoteGroups(e.quotes, byId, "quotes") : el("p", { class: "muted", id: "quotes" }, "Alıntı yok."),
    el("h2", {}, "Rakamlar (kaynaklara göre)"),
    claims.length ? claimTable : el("p", { class: "muted" }, "Rakam yok."),
    section("Geçen kişi ve kurumlar", "event-entities", ents.length ? el("div", { class: "chips", id: "event-entity-list" },
      ents.map((x) => el("a", { href: "#/entity/" + enc(x.id), class: "chip" }, x.name + " ", el("span", { class: "meta" }, x.type)))) : null),
    el("h2", {}, "Kaynaklar"),
    el("ul", { class: "list", id: "sources" }, (e.articles || []).map((a) => el("li", {},
      articleLink(a), meta(outletOf(a), day(a.published), a.language), sourceLink(a.url)))),
  );
}

// -- article --------------------------------------------------------------------------------

function highlighted(text, entities, quotes) {
  const spans = [];
  for (const e of entities || []) {
    for (const m of e.mentions || []) spans.push({ s: m[0], e: m[1], kind: "ent", ent: e });
  }
  for (const q of quotes || []) if (q.end > q.start) spans.push({ s: q.start, e: q.end, kind: "quote", q });
  const cuts = new Set([0, text.length]);
  for (const sp of spans) { if (sp.s >= 0 && sp.e <= text.length && sp.e > sp.s) { cuts.add(sp.s); cuts.add(sp.e); } }
  const points = [...cuts].sort((a, b) => a - b);
  const container = el("div", { class: "article-text", id: "article-text" });
  let p = el("p");
  container.appendChild(p);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const covering = spans.filter((sp) => sp.s <= a && sp.e >= b);
    const parts = text.slice(a, b).split(/\n\s*\n/);
    parts.forEach((part, k) => {
      if (k > 0) { p = el("p"); container.appendChild(p); }
      if (!part) return;
      let node = document.createTextNode(part);
      const ent = covering.find((c) => c.kind === "ent");
      const quote = covering.find((c) => c.kind === "quote");
      if (ent) {
        node = el("a", { class: "ent", href: "#/entity/" + enc(ent.ent.id || ""), title: ent.ent.type + ": " + ent.ent.name }, node);
      }
      if (quote) {
        node = el("span", { class: "quote", title: "Alıntı: " + (quote.q.speaker || "?") }, node);
      }
      p.appendChild(node);
    });
  }
  return container;
}

function legend() {
  return el("p", { class: "legend", id: "legend" }, "Renkler: ",
    el("span", { class: "ent" }, "kişi, kurum, yer"), " — bağlantı varlık sayfasına gider; ",
    el("span", { class: "quote" }, "alıntı"), " — üzerine gelince konuşan görünür.");
}

// What the reader should know about an article's text (Article.flags, duplicate_of,
// not_extracted): shown as notes on its page and as short tags in the lists.
const FLAG_NOTES = {
  short: "Kısa metin: akıştaki kısa özet ya da birkaç cümlelik haber.",
  title_only: "Yalnız başlık: haberin gövdesi yoktu, metin olarak başlık alındı.",
};
const FLAG_TAGS = { short: "kısa", title_only: "yalnız başlık" };

function articleTags(a) {
  const tags = (a.flags || []).map((f) => FLAG_TAGS[f] || f);
  if (a.duplicate_of) tags.push("kopya");
  return tags.join(", ");
}

function articleNotes(a) {
  const notes = (a.flags || []).map((f) => el("li", { class: "flag-" + f }, FLAG_NOTES[f] || f));
  if (a.duplicate_of) {
    notes.push(el("li", { class: "duplicate" }, "Aynı metin daha önce yayımlandı (başka bir adreste ya da kaynakta); ",
      el("a", { href: "#/article/" + enc(a.duplicate_of), id: "duplicate-of" }, "ilk yayımlanan haber"), "."));
  }
  if (a.not_extracted) {
    const why = a.language ? "bu haberin dili (" + a.language + ") çıkarıcıların desteklediği diller arasında değil."
      : "metin, dilini belirlemeye yetmeyecek kadar kısa.";
    notes.push(el("li", { class: "not-extracted" }, "Kişi, alıntı ve rakamlar çıkarılmadı: " + why + " ",
      el("span", { class: "meta" }, "(" + a.not_extracted + ")")));
  }
  return notes.length ? el("ul", { class: "notes", id: "article-notes", "aria-label": "Metin hakkında notlar" }, notes) : null;
}

async function pageArticle(id) {
  const a = await api("/api/articles/" + enc(id));
  const n = (a.removed || []).length;
  const removed = el("div", { id: "removed", class: "hidden" },
    (a.removed || []).map((b) => el("div", { class: "removed" }, el("span", { class: "reason" }, b.reason || "kaldırıldı"), b.text)));
  const toggle = el("button", {
    class: "secondary", id: "toggle-removed", type: "button", "aria-expanded": "false", "aria-controls": "removed",
    onclick: () => {
      const hidden = removed.classList.toggle("hidden");
      toggle.setAttribute("aria-expanded", String(!hidden));
      toggle.textContent = hidden ? "Kaldırılan bölümleri göster (" + n + ")" : "Kaldırılan bölümleri gizle";
    },
  }, "Kaldırılan bölümleri göster (" + n + ")");
  const ents = (a.entities || []).map((e) => el("li", {}, el("a", { href: "#/entity/" + enc(e.id) }, e.name), " ", el("span", { class: "meta" }, e.type)));
  const quotes = (a.quotes || []).filter((q) => q.kind !== "fragment").map((q) => el("li", {},
    el("strong", {}, q.speaker || "Bilinmeyen konuşmacı"), ": “" + q.text + "”", el("span", { class: "meta" }, q.cue ? " (" + q.cue + ")" : "")));
  const claims = a.claims || [];
  show(
    el("h1", { id: "article-title", tabindex: "-1" }, a.title || a.id),
    meta(outletOf(a), day(a.published), a.language),
    articleNotes(a),
    el("p", { class: "links" }, sourceLink(a.url), a.event_id ? el("a", { href: "#/event/" + enc(a.event_id) }, "Olay sayfası") : null),
    legend(),
    highlighted(a.text || "", a.entities, a.quotes),
    n ? toggle : el("p", { class: "muted" }, "Sayfadan kaldırılan bölüm yok."), removed,
    section("Kişi ve kurumlar", "article-entities", ents.length ? el("ul", { class: "inline-list" }, ents) : null),
    section("Kim ne dedi", "article-quotes", quotes.length ? el("ul", {}, quotes) : null),
    section("Rakamlar", "article-claims", claims.length ? table("article-claim-table", ["Rakam", "Ne sayılıyor", "Niteleme", "Kaynağa göre"],
      claims.map((c) => [c.text || num(c.value), measureName(c.measure, c.unit), c.qualifier || "—", c.attributed_to || "—"])) : null),
  );
}

// -- entity ---------------------------------------------------------------------------------

async function pageEntity(id) {
  const [e, act] = await Promise.all([api("/api/entities/" + enc(id)), api("/api/entities/" + enc(id) + "/activity")]);
  const b = buckets(act.days);
  const quote = (q, who) => el("li", {}, who ? el("strong", {}, (q.speaker || "Bilinmeyen konuşmacı") + ": ") : null,
    "“" + q.text + "”", meta(outletOf(q), day(q.published)), articleLink(q));
  show(
    el("h1", { tabindex: "-1" }, e.name),
    meta(e.type, (e.articles || []).length + " haber"),
    (e.aliases || []).length ? el("p", { id: "aliases" }, el("strong", {}, "Diğer adları: "), e.aliases.join(", ")) : null,
    (e.roles || []).length ? el("p", { id: "roles" }, el("strong", {}, "Unvanları: "), e.roles.join(", ")) : null,
    section("Zaman içinde anılma", "entity-time", b.length ? barChart("mentions-chart", "Geçtiği haber sayısı, zamana göre",
      b.map((x) => x.label), b.map((x) => x.articles), false,
      table("mentions-data", ["Dönem", "Haber", "Anılma"], b.map((x) => [x.label, String(x.articles), String(x.mentions)]))) : null),
    section("Birlikte anıldıkları", "entity-co", act.cooccurring.length ? el("div", { class: "chips", id: "cooccurring" },
      act.cooccurring.map((c) => el("a", { href: "#/entity/" + enc(c.id), class: "chip" }, c.name + " (" + c.articles + ")"))) : null),
    section("Söyledikleri", "entity-quotes-by", (e.quotes || []).length ? el("ul", { class: "list" }, e.quotes.map((q) => quote(q, false))) : null),
    section("Hakkında söylenenler", "entity-quotes-about", act.quotes_about.length ? el("ul", { class: "list" }, act.quotes_about.map((q) => quote(q, true))) : null),
    section("Geçtiği haberler", "entity-articles", el("ul", { class: "list" }, (e.articles || []).map((a) => el("li", {}, articleLink(a), meta(outletOf(a), day(a.published)))))),
  );
}

async function pageEntities() {
  const data = await api("/api/entities?limit=200");
  show(el("h1", { tabindex: "-1" }, "Kişi ve kurumlar"), el("ul", { class: "list", id: "entity-list" }, data.items.map((e) =>
    el("li", {}, el("a", { href: "#/entity/" + enc(e.id) }, e.name), meta(e.type, e.articles + " haber")))));
}

async function pageArticles() {
  const data = await api("/api/articles?limit=100");
  show(el("h1", { tabindex: "-1" }, "Haberler"), el("ul", { class: "list", id: "article-list" }, data.items.map((a) =>
    el("li", {}, articleLink(a), meta(outletOf(a), day(a.published), articleTags(a))))));
}

// -- search and answers ------------------------------------------------------------------------

async function pageSearch(q) {
  document.getElementById("search-input").value = q;
  const data = await api("/api/search?limit=20&q=" + enc(q));
  show(
    el("h1", { tabindex: "-1" }, "Arama: " + q),
    data.hits.length ? el("ul", { class: "list", id: "search-results" }, data.hits.map((h) => el("li", { class: "hit" },
      el("div", {}, h.text), meta(outletOf(h), day(h.published)), articleLink(h))))
      : el("p", { class: "notfound", id: "search-results" }, "Sonuç yok."),
  );
}

function citation(c) {
  const date = day(c.published || c.date);
  return el("li", {},
    el("span", { class: "cite-outlet" }, outletOf(c)), " · ",
    el("a", { href: "#/article/" + enc(c.article_id), class: "cite" }, c.title || c.article_id),
    date ? " · " + date : "", " ", sourceLink(c.url),
    c.sentence ? el("div", { class: "cite-sentence" }, "“" + c.sentence + "”") : null);
}

async function pageAsk(q) {
  document.getElementById("ask-input").value = q;
  show(el("p", { class: "muted" }, "Yanıt aranıyor…"));
  const a = await api("/api/ask?q=" + enc(q));
  const body = el("div", { class: "answer", id: "answer" }, a.text_sentences.map((s) => el("div", { class: "sentence" },
    el("p", { class: a.found ? "" : "notfound" }, s.text),
    s.citations.length ? el("ul", { class: "cites", "aria-label": "Kaynaklar" }, s.citations.map(citation)) : null)));
  show(el("h1", { tabindex: "-1" }, q), body);
}

// -- router ---------------------------------------------------------------------------------

function errorPage(err, kind, id) {
  const title = err.status === 404 ? "Bulunamadı" : err.status === 422 ? "Geçersiz adres" : "Bir sorun oluştu";
  const what = KIND_NAMES[kind];
  const text = err.status === 404 && what ? "Bu kimlikte bir " + what + " yok: " + id + "."
    : err.status === 422 ? "Adresteki kimlik geçerli değil (harf, rakam, '-', '_', ':' ya da '.')."
    : err.status ? "Sunucu isteği yanıtlayamadı (" + err.status + "). Biraz sonra yeniden deneyin."
    : "Sayfa gösterilemedi. Bağlantıyı denetleyip yeniden deneyin.";
  return [el("h1", { tabindex: "-1" }, title), el("p", { class: "error", id: "error" }, text),
    el("p", {}, el("a", { href: "#/" }, "Ana sayfaya dön"))];
}

async function route(moved) {
  const h = location.hash || "#/";
  const raw = h.slice(1);
  const cut = raw.indexOf("?");
  const path = cut < 0 ? raw : raw.slice(0, cut);
  const params = new URLSearchParams(cut < 0 ? "" : raw.slice(cut + 1));
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  while (charts.length) charts.pop().destroy();
  delete document.body.dataset.ready;
  try {
    if (!parts.length) await pageHome(params);
    else if (parts[0] === "story") await pageStory(parts[1]);
    else if (parts[0] === "event") await pageEvent(parts[1]);
    else if (parts[0] === "article") await pageArticle(parts[1]);
    else if (parts[0] === "entity") await pageEntity(parts[1]);
    else if (parts[0] === "entities") await pageEntities();
    else if (parts[0] === "articles") await pageArticles();
    else if (parts[0] === "search") await pageSearch(params.get("q") || "");
    else if (parts[0] === "ask") await pageAsk(params.get("q") || "");
    else show(errorPage({ status: 404 }, null, ""));
  } catch (err) {
    if (!(err instanceof ApiError)) console.error(err); // a bug of this page, not a missing id
    show(errorPage(err, parts[0], parts[1] || ""));
  }
  document.title = (app.querySelector("h1") || {}).textContent ? app.querySelector("h1").textContent + " — gündem" : "gündem";
  await new Promise((r) => setTimeout(r, 0)); // the charts queued above are drawn
  const h1 = app.querySelector("h1");
  if (moved && h1) h1.focus({ preventScroll: true }); // keyboard and screen-reader users land on the new page
  document.body.dataset.ready = h;
}

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q) location.hash = "#/search?q=" + enc(q);
});
document.getElementById("ask-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("ask-input").value.trim();
  if (q) location.hash = "#/ask?q=" + enc(q);
});
window.addEventListener("hashchange", () => route(true));
route(false);
