// gundem web UI: plain JS, no build step, no network beyond this server.
// Every piece of data goes into the page as text nodes / textContent, never parsed as HTML.
"use strict";

const app = document.getElementById("app");

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "href") node.setAttribute("href", safeHref(v));
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function safeHref(v) {
  const s = String(v);
  return s.startsWith("#") || s.startsWith("/") || /^https?:\/\//i.test(s) ? s : "#";
}

const enc = encodeURIComponent;

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  if (!r.ok) {
    let msg = r.status + " " + r.statusText;
    try { const j = await r.json(); if (j && j.detail) msg = typeof j.detail === "string" ? j.detail : JSON.stringify(j.detail); } catch (_) { /* keep */ }
    throw new Error(msg);
  }
  return r.json();
}

function show(...nodes) {
  app.replaceChildren(...nodes.flat().filter((n) => n !== null && n !== undefined && n !== false));
  window.scrollTo(0, 0);
}

function meta(...parts) {
  // a published time "2017-01-17T12:14:08+03:00" reads as "2017-01-17 12:14"
  const shown = parts.filter(Boolean).map((p) => String(p).replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, "$1 $2"));
  return el("div", { class: "meta" }, shown.join(" · "));
}

function articleLink(a) {
  return el("a", { href: "#/article/" + enc(a.id || a.article_id), class: "article-link" }, a.title || a.id || a.article_id);
}

// -- pages ----------------------------------------------------------------------------------

async function pageStories() {
  const data = await api("/api/stories?limit=100");
  if (!data.items.length) return pageArticles();
  show(
    el("h1", {}, "Hikâyeler"),
    el("ul", { class: "list", id: "story-list" }, data.items.map((s) =>
      el("li", {},
        el("a", { href: "#/story/" + enc(s.id), class: "story-link" }, s.title || s.id),
        meta(s.n_events + " olay", s.n_conflicts ? s.n_conflicts + " çelişki" : "")))),
  );
}

async function pageStory(id) {
  const s = await api("/api/stories/" + enc(id));
  const conflicts = (s.conflicts || []).map((c) => el("li", {}, describe(c)));
  show(
    el("h1", {}, s.title || s.id),
    el("h2", {}, "Zaman çizelgesi"),
    el("ol", { class: "timeline", id: "timeline" }, (s.events || []).map((e) =>
      el("li", {},
        el("div", { class: "meta" }, [e.date || "tarih yok", e.place].filter(Boolean).join(" · ")),
        el("a", { href: "#/event/" + enc(e.id), class: "event-link" }, e.headline || e.id),
        (e.participants || []).length ? el("div", { class: "meta" }, e.participants.join(", ")) : null))),
    conflicts.length ? el("h2", {}, "Çelişen bilgiler") : null,
    conflicts.length ? el("ul", {}, conflicts) : null,
  );
}

function describe(obj) {
  if (obj === null || obj === undefined) return "";
  if (typeof obj !== "object") return String(obj);
  return Object.entries(obj).filter(([, v]) => v !== null && v !== "" && typeof v !== "object")
    .map(([k, v]) => k + ": " + v).join(" · ");
}

async function pageEvent(id) {
  const e = await api("/api/events/" + enc(id));
  const byId = Object.fromEntries((e.articles || []).map((a) => [a.id, a]));
  const summary = (e.summary || []).map((s) => el("li", {},
    s.sentence || s.text || "", " ",
    s.article_id ? el("a", { href: "#/article/" + enc(s.article_id) }, "[" + ((byId[s.article_id] || {}).outlet || "kaynak") + "]") : null));
  const quotes = (e.quotes || []).map((q) => el("div", { class: "group quote-group" },
    el("strong", {}, q.speaker || "Bilinmeyen konuşmacı"),
    (q.variants || [q]).map((v) => el("blockquote", {}, "“" + (v.text || "") + "”",
      v.outlet ? el("span", { class: "meta" }, " — " + v.outlet) : null)),
    el("div", { class: "meta" }, ((q.article_ids || []).map((aid) => (byId[aid] || {}).outlet || aid)).join(", "))));
  const claims = e.claims || [];
  const claimTable = el("table", { id: "claims" },
    el("thead", {}, el("tr", {}, ["Rakam", "Ne", "Niteleme", "Kaynağa göre", "Yayın"].map((h) => el("th", {}, h)))),
    el("tbody", {}, claims.map((c) => el("tr", {},
      el("td", {}, c.text || String(c.value)), el("td", {}, c.unit || ""), el("td", {}, c.qualifier || ""),
      el("td", {}, c.attributed_to || ""), el("td", {}, el("a", { href: "#/article/" + enc(c.article_id) }, c.outlet || c.title || c.article_id))))));
  show(
    el("h1", {}, e.headline || e.id),
    meta(e.date, e.place, (e.participants || []).join(", ")),
    summary.length ? el("h2", {}, "Özet") : null,
    summary.length ? el("ul", { id: "summary" }, summary) : null,
    el("h2", {}, "Açıklamalar"),
    quotes.length ? el("div", { id: "quotes" }, quotes) : el("p", { class: "muted" }, "Alıntı yok."),
    el("h2", {}, "Rakamlar (kaynaklara göre)"),
    claims.length ? claimTable : el("p", { class: "muted" }, "Rakam yok."),
    el("h2", {}, "Kaynaklar"),
    el("ul", { class: "list", id: "sources" }, (e.articles || []).map((a) => el("li", {}, articleLink(a), meta(a.outlet, a.published)))),
  );
}

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

async function pageArticle(id) {
  const a = await api("/api/articles/" + enc(id));
  const removed = el("div", { id: "removed", class: "hidden" },
    (a.removed || []).map((b) => el("div", { class: "removed" }, el("span", { class: "reason" }, b.reason || "kaldırıldı"), b.text)));
  const toggle = el("button", {
    class: "secondary", id: "toggle-removed", type: "button",
    onclick: () => {
      const hidden = removed.classList.toggle("hidden");
      toggle.textContent = hidden ? "Kaldırılan bölümleri göster (" + (a.removed || []).length + ")" : "Kaldırılan bölümleri gizle";
    },
  }, "Kaldırılan bölümleri göster (" + (a.removed || []).length + ")");
  const ents = (a.entities || []).map((e) => el("li", {}, el("a", { href: "#/entity/" + enc(e.id) }, e.name), " ", el("span", { class: "meta" }, e.type)));
  const quotes = (a.quotes || []).filter((q) => q.kind !== "fragment").map((q) => el("li", {}, el("strong", {}, q.speaker || "?"), ": “" + q.text + "”", el("span", { class: "meta" }, q.cue ? " (" + q.cue + ")" : "")));
  const claims = (a.claims || []).map((c) => el("li", {}, (c.qualifier ? c.qualifier + " " : "") + c.text + " " + (c.unit || ""), c.attributed_to ? el("span", { class: "meta" }, " — " + c.attributed_to) : null));
  show(
    el("h1", { id: "article-title" }, a.title || a.id),
    meta(a.outlet, a.published, a.language, a.url),
    a.event_id ? el("p", {}, el("a", { href: "#/event/" + enc(a.event_id) }, "Olay sayfası")) : null,
    highlighted(a.text || "", a.entities, a.quotes),
    toggle, removed,
    ents.length ? el("h2", {}, "Varlıklar") : null, ents.length ? el("ul", {}, ents) : null,
    quotes.length ? el("h2", {}, "Alıntılar") : null, quotes.length ? el("ul", {}, quotes) : null,
    claims.length ? el("h2", {}, "Rakamlar") : null, claims.length ? el("ul", {}, claims) : null,
  );
}

async function pageEntity(id) {
  const e = await api("/api/entities/" + enc(id));
  show(
    el("h1", {}, e.name),
    meta(e.type, (e.roles || []).join(", "), (e.aliases || []).length ? "diğer adlar: " + e.aliases.join(", ") : ""),
    (e.quotes || []).length ? el("h2", {}, "Söyledikleri") : null,
    el("ul", { class: "list" }, (e.quotes || []).map((q) => el("li", {}, "“" + q.text + "”", meta(q.outlet, q.published), articleLink(q)))),
    el("h2", {}, "Geçtiği haberler"),
    el("ul", { class: "list" }, (e.articles || []).map((a) => el("li", {}, articleLink(a), meta(a.outlet, a.published)))),
  );
}

async function pageEntities() {
  const data = await api("/api/entities?limit=200");
  show(el("h1", {}, "Kişi ve kurumlar"), el("ul", { class: "list" }, data.items.map((e) =>
    el("li", {}, el("a", { href: "#/entity/" + enc(e.id) }, e.name), meta(e.type, e.articles + " haber")))));
}

async function pageArticles() {
  const data = await api("/api/articles?limit=100");
  show(el("h1", {}, "Haberler"), el("ul", { class: "list", id: "article-list" }, data.items.map((a) =>
    el("li", {}, articleLink(a), meta(a.outlet, a.published)))));
}

async function pageSearch(q) {
  document.getElementById("search-input").value = q;
  const data = await api("/api/search?limit=20&q=" + enc(q));
  show(
    el("h1", {}, "Arama: " + q),
    data.hits.length ? el("ul", { class: "list", id: "search-results" }, data.hits.map((h) => el("li", { class: "hit" },
      el("div", {}, h.text), meta(h.outlet, h.published), articleLink(h))))
      : el("p", { class: "notfound", id: "search-results" }, "Sonuç yok."),
  );
}

async function pageAsk(q) {
  document.getElementById("ask-input").value = q;
  show(el("p", { class: "muted" }, "Yanıt aranıyor…"));
  const a = await api("/api/ask?q=" + enc(q));
  const body = el("div", { class: "answer", id: "answer" }, a.text_sentences.map((s) => el("div", { class: "sentence" },
    el("p", { class: a.found ? "" : "notfound" }, s.text),
    s.citations.length ? el("ul", { class: "cites" }, s.citations.map((c) => el("li", {},
      el("a", { href: "#/article/" + enc(c.article_id), class: "cite" }, c.outlet || c.title || c.article_id), ": “" + c.sentence + "”"))) : null)));
  show(el("h1", {}, q), meta("soru türü: " + a.kind), body);
}

// -- router -----------------------------------------------------------------------------------

async function route() {
  const h = location.hash || "#/";
  const raw = h.slice(1);
  const cut = raw.indexOf("?");
  const path = cut < 0 ? raw : raw.slice(0, cut);
  const query = cut < 0 ? "" : raw.slice(cut + 1);
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    if (!parts.length) await pageStories();
    else if (parts[0] === "story") await pageStory(parts[1]);
    else if (parts[0] === "event") await pageEvent(parts[1]);
    else if (parts[0] === "article") await pageArticle(parts[1]);
    else if (parts[0] === "entity") await pageEntity(parts[1]);
    else if (parts[0] === "entities") await pageEntities();
    else if (parts[0] === "articles") await pageArticles();
    else if (parts[0] === "search") await pageSearch(params.get("q") || "");
    else if (parts[0] === "ask") await pageAsk(params.get("q") || "");
    else show(el("p", { class: "error" }, "Sayfa bulunamadı."));
  } catch (err) {
    show(el("p", { class: "error", id: "error" }, "Hata: " + err.message));
  }
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
window.addEventListener("hashchange", route);
route();
