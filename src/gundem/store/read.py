"""The read model: every listing, detail and count that the CLI, the API, the report and the
export show, as typed results, in one place.

Listings read projections (``article_entities``, ``article_quotes``, ``article_claims``, the
event and story records), never whole articles. Names are matched on the folded columns that
the store writes at insert time (``gundem.store.db.folded``), so ``İlham``, ``ilham`` and
``ILHAM`` find the same quotes wherever they are typed.

Each function takes a ``Store`` (a read-only one is enough) and does not write.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from gundem.importance import importance, sort_key
from gundem.model import Event, Story
from gundem.store.db import Store, folded

_INT64_MAX = 2**63 - 1  # DuckDB's LIMIT/OFFSET type


def _page(limit: int, offset: int) -> list[int]:
    """``[limit, offset]`` for a query, refused (ValueError) outside what DuckDB takes, so a
    caller's unchecked number is a clear error rather than a conversion failure in SQL."""
    for name, v in (("limit", limit), ("offset", offset)):
        if not isinstance(v, int) or not 0 <= v <= _INT64_MAX:
            raise ValueError(f"{name} must be an integer from 0 to {_INT64_MAX}")
    return [limit, offset]


def _count(store: Store, sql: str, params: list[Any]) -> int:
    row = store.con.execute(sql, params).fetchone()
    return int(row[0]) if row else 0


def _like(value: str) -> str:
    """A LIKE pattern for "contains the folded value" (``%`` and ``_`` taken literally)."""
    v = folded(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{v}%"


# -- typed results -----------------------------------------------------------------------------


@dataclass
class Counts:
    articles: int
    entities: int
    quotes: int
    claims: int
    events: int
    stories: int
    errors: int


@dataclass
class ArticleSummary:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    event_id: str | None
    story_id: str | None
    url: str | None
    n_entities: int = 0
    n_quotes: int = 0
    n_claims: int = 0
    flags: list[str] = field(default_factory=list)  # short, title_only (Article.flags)
    duplicate_of: str | None = None  # the first stored article with the same text


@dataclass
class EntityRow:
    """One entity of a listing: how many articles name it, how often."""

    id: str
    name: str
    type: str
    articles: int
    mentions: int | None


@dataclass
class EntityInfo:
    id: str
    name: str
    type: str
    aliases: list[str]


@dataclass
class QuoteItem:
    """A quote (the fields of ``model.Quote``) with its article."""

    speaker: str | None
    text: str
    kind: str
    cue: str
    start: int
    end: int
    speaker_id: str
    speaker_role: str
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None


@dataclass
class ClaimItem:
    """A numeric claim (the fields of ``model.Claim``) with its article."""

    text: str
    value: float | None
    unit: str
    qualifier: str
    attributed_to: str
    sentence: str
    start: int
    end: int
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    measure: str = ""  # what the figure counts (Claim.measure: killed, injured, sent, …)
    when: str = ""  # the date its sentence names


@dataclass
class EntityDetail:
    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    articles: list[ArticleSummary]
    quotes: list[QuoteItem]


@dataclass
class EventRow:
    """One event of the API listing."""

    id: str
    date: str | None
    place: str | None
    participants: list[str] | None
    headline: str | None
    story_id: str | None
    n_articles: int
    n_outlets: int = 0


@dataclass
class EventBrief:
    id: str
    date: str | None
    place: str | None
    participants: list[str] | None
    headline: str | None


@dataclass
class EventDetail:
    """A stored event record with its articles and their claims."""

    id: str
    date: str | None = None
    date_from: str = ""
    place: str = ""
    participants: list[str] = field(default_factory=list)
    headline: str = ""
    summary: list[dict[str, Any]] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    story_id: str | None = None
    articles: list[ArticleSummary] = field(default_factory=list)
    claims: list[ClaimItem] = field(default_factory=list)


@dataclass
class StoryRow:
    id: str
    title: str
    n_events: int
    n_conflicts: int
    n_articles: int = 0
    n_outlets: int = 0


@dataclass
class StoryDetail:
    id: str
    title: str = ""
    event_ids: list[str] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    events: list[EventBrief] = field(default_factory=list)


@dataclass
class EventTableRow:
    """One event of ``gundem events``: with article, duplicate and outlet counts."""

    id: str
    date: str | None
    date_from: str
    headline: str
    place: str
    participants: list[str]
    articles: int
    duplicates: int
    outlets: int
    story_id: str | None


@dataclass
class StoryTableRow:
    id: str
    title: str
    events: int
    first: str | None
    last: str | None
    conflicts: int
    articles: int = 0  # its original reports (copies of another's text not counted)
    outlets: int = 0  # outlets that reported it, copies included


@dataclass
class Timeline:
    """A story as its dated events in order, each with its summary sentences."""

    id: str
    title: str
    timeline: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]


@dataclass
class EntityCount:
    name: str
    type: str
    articles: int
    mentions: int
    aliases: list[str]


@dataclass
class EntityAppearance:
    canonical: str
    article_id: str
    published: str | None
    outlet: str | None
    title: str | None
    mentions: int
    roles: list[str]


@dataclass
class ErrorRow:
    source: str
    kind: str
    message: str
    seen_at: Any


@dataclass
class ArticleMeta:
    """What the report shows of an article (no text)."""

    id: str
    outlet: str
    title: str
    url: str
    source: str
    published: str | None
    duplicate_of: str | None
    event_id: str | None
    claims: list[ClaimItem] = field(default_factory=list)


# -- counts ------------------------------------------------------------------------------------


def counts(store: Store) -> Counts:
    row = store.con.execute(
        """SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM entities),
                  (SELECT count(*) FROM article_quotes), (SELECT count(*) FROM article_claims),
                  (SELECT count(*) FROM events), (SELECT count(*) FROM stories),
                  (SELECT count(*) FROM errors)"""
    ).fetchone()
    assert row is not None  # an aggregate always has its row
    return Counts(*row)


# -- articles ------------------------------------------------------------------------------------


@dataclass
class ArticleFilter:
    outlet: str | None = None
    event: str | None = None
    story: str | None = None
    language: str | None = None
    date_from: str | None = None  # ISO date or its prefix (2025, 2025-03)
    date_to: str | None = None
    entity: str | None = None  # entity id or canonical name

    def where(self) -> tuple[str, list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        for col, val in (("outlet", self.outlet), ("event_id", self.event),
                         ("story_id", self.story), ("language", self.language)):  # fmt: skip
            if val:
                conds.append(f"{col} = ?")
                params.append(val)
        if self.date_from:
            conds.append("published >= ?")
            params.append(self.date_from)
        if self.date_to:
            # a month or year includes all its days, a day all its times
            conds.append("left(published, 10) <= ?")
            params.append(self.date_to + "-99" if len(self.date_to) < 10 else self.date_to)
        if self.entity:
            conds.append(
                "id IN (SELECT article_id FROM article_entities WHERE entity_id = ? OR name = ?)"
            )
            params += [self.entity, self.entity]
        return ("WHERE " + " AND ".join(conds)) if conds else "", params


_SUMMARY_SQL = """
SELECT id, title, outlet, published, language, event_id, story_id, url,
       coalesce(json_array_length(entities), 0), coalesce(json_array_length(quotes), 0),
       coalesce(json_array_length(claims), 0), flags, duplicate_of
FROM articles WHERE id IN ({marks})
"""


def article_summaries(store: Store, ids: list[str]) -> dict[str, ArticleSummary]:
    """Summaries of these articles (those that exist), by id. The counts are the lengths of
    the article row's JSON lists, which the store writes with the projections (one row each
    in article_entities / article_quotes / article_claims): one table read a page, where
    counting the projections scanned all three tables for every page."""
    if not ids:
        return {}
    ids = list(dict.fromkeys(ids))
    # a literal list of markers: DuckDB plans it as a filter on the scan (an unnested list
    # parameter cost ~10 ms a page in a join)
    sql = _SUMMARY_SQL.format(marks=", ".join("?" * len(ids)))
    rows = store.con.execute(sql, ids).fetchall()
    out = {}
    for r in rows:
        s = ArticleSummary(*r[:11])
        s.flags, s.duplicate_of = json.loads(r[11] or "[]"), r[12]
        out[r[0]] = s
    return out


def article_page(
    store: Store, flt: ArticleFilter, limit: int, offset: int
) -> tuple[int, list[ArticleSummary]]:
    """(how many match, one page of summaries), newest first."""
    w, params = flt.where()
    total = _count(store, f"SELECT count(*) FROM articles {w}", params)
    rows = store.con.execute(
        f"SELECT id FROM articles {w} ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
        [*params, *_page(limit, offset)],
    ).fetchall()
    ids = [r[0] for r in rows]
    by = article_summaries(store, ids)
    return total, [by[i] for i in ids if i in by]


def _by_date_asc(summaries: dict[str, ArticleSummary]) -> list[ArticleSummary]:
    """Oldest first, undated last (the order articles are stored and iterated in)."""
    return sorted(summaries.values(), key=lambda s: (s.published is None, s.published or "", s.id))


# -- entities ------------------------------------------------------------------------------------


def entity_page(
    store: Store, q: str | None, type_: str | None, limit: int, offset: int
) -> list[EntityRow]:
    """Entities named in most articles first; ``q`` matches part of the name (folded)."""
    conds, params = [], []
    if q:
        conds.append("name_folded LIKE ? ESCAPE '\\'")
        params.append(_like(q))
    if type_:
        conds.append("type = ?")
        params.append(type_.upper())
    w = ("WHERE " + " AND ".join(conds)) if conds else ""
    rows = store.con.execute(
        f"""SELECT entity_id, any_value(name), any_value(type), count(DISTINCT article_id) AS n,
                   sum(mentions)
            FROM article_entities {w} GROUP BY entity_id
            ORDER BY n DESC, 2 LIMIT ? OFFSET ?""",
        [*params, *_page(limit, offset)],
    ).fetchall()
    return [EntityRow(*r) for r in rows]


def entity(store: Store, entity_id: str) -> EntityInfo | None:
    """Id, canonical name, type and every alias any article used for it."""
    row = store.con.execute(
        "SELECT id, name, type, aliases FROM entities WHERE id = ?", [entity_id]
    ).fetchone()
    if row is None:
        return None
    aliases = set(json.loads(row[3] or "[]"))
    for (a,) in store.con.execute(
        "SELECT aliases FROM article_entities WHERE entity_id = ?", [entity_id]
    ).fetchall():
        aliases.update(json.loads(a or "[]"))
    return EntityInfo(row[0], row[1], row[2], sorted(aliases))


def entity_article_ids(store: Store, entity_id: str, limit: int) -> list[str]:
    rows = store.con.execute(
        """SELECT DISTINCT ae.article_id, a.published FROM article_entities ae
           JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ?
           ORDER BY a.published DESC NULLS LAST LIMIT ?""",
        [entity_id, _page(limit, 0)[0]],
    ).fetchall()
    return [r[0] for r in rows]


def entity_detail(store: Store, entity_id: str, limit: int) -> EntityDetail | None:
    """An entity with its newest ``limit`` articles, its quotes in them and its roles there."""
    ent = entity(store, entity_id)
    if ent is None:
        return None
    ids = entity_article_ids(store, entity_id, limit)
    by = article_summaries(store, ids)
    quotes = _quotes_where(
        store, "q.article_id IN (SELECT unnest(?::VARCHAR[])) AND (q.speaker = ? OR q.speaker_id = ?)",
        [ids, ent.name, entity_id], order="a.published NULLS LAST, a.id, q.n",
    )  # fmt: skip
    roles: set[str] = set()
    for (r,) in store.con.execute(
        "SELECT roles FROM article_entities WHERE article_id IN (SELECT unnest(?::VARCHAR[])) AND name = ?",
        [ids, ent.name],
    ).fetchall():
        roles.update(json.loads(r or "[]"))
    return EntityDetail(ent.id, ent.name, ent.type, ent.aliases, sorted(roles),
                        [by[i] for i in ids if i in by], quotes)  # fmt: skip


def entity_counts(store: Store, type_: str | None = None, top: int = 30) -> list[EntityCount]:
    """The most-named entities with their aliases (``gundem entities``)."""
    where = "WHERE ae.type = ?" if type_ else ""
    # counts and aliases are aggregated apart: unnesting the aliases in the counting
    # query repeats each row once per alias (Putin's 22 mentions read 44)
    rows = store.con.execute(
        f"""WITH counted AS (
                SELECT e.name, e.type, count(DISTINCT ae.article_id) AS n,
                       sum(ae.mentions) AS m
                FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                {where} GROUP BY e.name, e.type),
            named AS (
                SELECT e.name, e.type, list(DISTINCT a.alias) AS aliases
                FROM article_entities ae JOIN entities e ON e.id = ae.entity_id,
                     unnest(from_json(ae.aliases, '["VARCHAR"]')) AS a(alias)
                {where} GROUP BY e.name, e.type)
            SELECT c.name, c.type, c.n, c.m, coalesce(x.aliases, [])
            FROM counted c LEFT JOIN named x ON x.name = c.name AND x.type = c.type
            ORDER BY 3 DESC, 4 DESC, 1 LIMIT ?""",
        [type_, type_, top] if type_ else [top],
    ).fetchall()
    return [EntityCount(n, t, c, m, sorted(a)) for n, t, c, m, a in rows]


def entity_appearances(store: Store, name: str) -> list[EntityAppearance]:
    """Articles naming an entity, found by its canonical name or any alias (folded)."""
    key = folded(name)
    rows = store.con.execute(
        """SELECT DISTINCT e.name, a.id, a.published, a.outlet, a.title, ae.mentions, ae.roles
           FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
           JOIN articles a ON a.id = ae.article_id
           WHERE ae.entity_id IN (
               SELECT entity_id FROM article_entities x
               WHERE x.name_folded = ?
                  OR list_contains(from_json(x.aliases_folded, '["VARCHAR"]'), ?))
           ORDER BY a.published NULLS LAST""",
        [key, key],
    ).fetchall()
    return [
        EntityAppearance(c, i, p, o, t, m, json.loads(r or "[]")) for c, i, p, o, t, m, r in rows
    ]


# -- quotes and claims ---------------------------------------------------------------------------


def _quote(
    data: str, speaker: str | None, aid: str, title: Any, outlet: Any, pub: Any
) -> QuoteItem:
    d = json.loads(data)
    return QuoteItem(
        speaker=speaker, text=d.get("text", ""), kind=d.get("kind", "direct"), cue=d.get("cue", ""),
        start=d.get("start", 0), end=d.get("end", 0), speaker_id=d.get("speaker_id", ""),
        speaker_role=d.get("speaker_role", ""), article_id=aid, title=title, outlet=outlet, published=pub,
    )  # fmt: skip


def _claim(data: str, aid: str, title: Any, outlet: Any, pub: Any) -> ClaimItem:
    d = json.loads(data)
    return ClaimItem(
        text=d.get("text", ""), value=d.get("value"), unit=d.get("unit", ""),
        qualifier=d.get("qualifier", ""), attributed_to=d.get("attributed_to", ""),
        sentence=d.get("sentence", ""), start=d.get("start", 0), end=d.get("end", 0),
        article_id=aid, title=title, outlet=outlet, published=pub,
        measure=d.get("measure", ""), when=d.get("when", ""),
    )  # fmt: skip


def _quotes_where(
    store: Store, cond: str, params: list[Any], order: str, page: list[int] | None = None
) -> list[QuoteItem]:
    tail = " LIMIT ? OFFSET ?" if page else ""
    rows = store.con.execute(
        f"""SELECT q.data, q.speaker, a.id, a.title, a.outlet, a.published
            FROM article_quotes q JOIN articles a ON a.id = q.article_id
            WHERE {cond} ORDER BY {order}{tail}""",
        [*params, *(page or [])],
    ).fetchall()
    return [_quote(*r) for r in rows]


_NO_FRAGMENTS = " AND json_extract_string({t}data, '$.kind') IS DISTINCT FROM 'fragment'"


def quote_page(
    store: Store, speaker: str | None, limit: int, offset: int, fragments: bool = False
) -> list[QuoteItem]:
    """Quotes, newest article first; ``speaker`` matches part of the speaker's name (folded).
    Fragments (short quoted phrases with no speaker) are left out unless ``fragments``."""
    cond, params = (
        ("q.speaker_folded LIKE ? ESCAPE '\\'", [_like(speaker)]) if speaker else ("TRUE", [])
    )
    cond += "" if fragments else _NO_FRAGMENTS.format(t="q.")
    return _quotes_where(store, cond, params, "a.published DESC NULLS LAST, a.id, q.n",
                         _page(limit, offset))  # fmt: skip


def quote_count(store: Store, speaker: str | None, fragments: bool = False) -> int:
    cond, params = (
        ("speaker_folded LIKE ? ESCAPE '\\'", [_like(speaker)]) if speaker else ("TRUE", [])
    )
    cond += "" if fragments else _NO_FRAGMENTS.format(t="")
    return _count(store, f"SELECT count(*) FROM article_quotes WHERE {cond}", params)


def _claims_where(
    store: Store, cond: str, params: list[Any], order: str, page: list[int] | None = None
) -> list[ClaimItem]:
    tail = " LIMIT ? OFFSET ?" if page else ""
    rows = store.con.execute(
        f"""SELECT c.data, a.id, a.title, a.outlet, a.published
            FROM article_claims c JOIN articles a ON a.id = c.article_id
            WHERE {cond} ORDER BY {order}{tail}""",
        [*params, *(page or [])],
    ).fetchall()
    return [_claim(*r) for r in rows]


def claim_page(store: Store, unit: str | None, limit: int, offset: int) -> list[ClaimItem]:
    """Numeric claims, newest article first; ``unit`` matches part of the unit (folded)."""
    cond, params = ("c.unit_folded LIKE ? ESCAPE '\\'", [_like(unit)]) if unit else ("TRUE", [])
    return _claims_where(store, cond, params, "a.published DESC NULLS LAST, a.id, c.n",
                         _page(limit, offset))  # fmt: skip


# -- events and stories ----------------------------------------------------------------------------


def _record(store: Store, table: str, record_id: str) -> dict[str, Any] | None:
    return store.record(table, record_id)


@dataclass(frozen=True)
class Weight:
    """What an event's or story's importance is made of (``gundem.importance``)."""

    outlets: int = 0
    articles: int = 0
    last: str | None = None


def weights(store: Store, by: str) -> tuple[dict[str, Weight], str | None]:
    """Per event (``by="event_id"``) or story (``"story_id"``): distinct outlets, articles
    (copies of another article not counted) and latest publication day; and the corpus's
    latest publication day."""
    assert by in ("event_id", "story_id")
    rows = store.con.execute(
        f"""SELECT {by}, count(DISTINCT outlet), count(*) FILTER (WHERE duplicate_of IS NULL),
                   max(substr(published, 1, 10))
            FROM articles WHERE {by} IS NOT NULL GROUP BY {by}"""
    ).fetchall()
    row = store.con.execute("SELECT max(substr(published, 1, 10)) FROM articles").fetchone()
    return {k: Weight(o, n, d) for k, o, n, d in rows}, (row[0] if row else None)


def by_importance(ids: list[str], w: dict[str, Weight], newest: str | None) -> list[str]:
    """``ids``, most important first (``gundem.importance.sort_key``)."""
    none = Weight()

    def key(i: str) -> tuple[float, str]:
        x = w.get(i, none)
        return sort_key(i, x.outlets, x.articles, x.last, newest)

    return sorted(ids, key=key)


def event_page(store: Store, story: str | None, limit: int, offset: int) -> list[EventRow]:
    """Events (of one story, or all), most important first."""
    w, p = ("WHERE story_id = ?", [story]) if story else ("", [])
    recs = {}
    for (data,) in store.con.execute(f"SELECT data FROM events {w}", p).fetchall():
        e = json.loads(data)
        recs[e.get("id")] = e
    wts, newest = weights(store, "event_id")
    lo, n = _page(limit, offset)[::-1]
    out = []
    for eid in by_importance(list(recs), wts, newest)[lo : lo + n]:
        e = recs[eid]
        out.append(EventRow(e.get("id"), e.get("date"), e.get("place"), e.get("participants"),
                            e.get("headline"), e.get("story_id"), len(e.get("article_ids") or []),
                            wts.get(eid, Weight()).outlets))  # fmt: skip
    return out


_EVENT_FIELDS = set(EventDetail.__dataclass_fields__) - {"articles", "claims"}


def event_detail(store: Store, event_id: str) -> EventDetail | None:
    """An event with its articles (oldest first) and every claim in them."""
    rec = _record(store, "events", event_id)
    if rec is None:
        return None
    arts = _by_date_asc(article_summaries(store, list(rec.get("article_ids") or [])))
    ids = [a.id for a in arts]
    claims = _claims_where(store, "c.article_id IN (SELECT unnest(?::VARCHAR[]))", [ids],
                           "a.published NULLS LAST, a.id, c.n")  # fmt: skip
    return EventDetail(**{k: v for k, v in rec.items() if k in _EVENT_FIELDS},
                       articles=arts, claims=claims)  # fmt: skip


def story_page(store: Store, limit: int, offset: int, singles: bool = False) -> list[StoryRow]:
    """Stories, most important first; a one-event story only with ``singles`` (its event
    is listed among the events anyway)."""
    recs = {}
    for (data,) in store.con.execute("SELECT data FROM stories").fetchall():
        s = json.loads(data)
        if singles or len(s.get("event_ids") or []) > 1:
            recs[s["id"]] = s
    wts, newest = weights(store, "story_id")
    lo, n = _page(limit, offset)[::-1]
    out = []
    for sid in by_importance(list(recs), wts, newest)[lo : lo + n]:
        s = recs[sid]
        x = wts.get(sid, Weight())
        out.append(StoryRow(s["id"], s.get("title", ""), len(s.get("event_ids") or []),
                            len(s.get("conflicts") or []), x.articles, x.outlets))  # fmt: skip
    return out


_STORY_FIELDS = set(StoryDetail.__dataclass_fields__) - {"events"}


def story_detail(store: Store, story_id: str) -> StoryDetail | None:
    rec = _record(store, "stories", story_id)
    if rec is None:
        return None
    evs = store.event_records(list(rec.get("event_ids") or []))
    briefs = [EventBrief(e["id"], e.get("date"), e.get("place"), e.get("participants"),
                         e.get("headline")) for e in evs]  # fmt: skip
    return StoryDetail(**{k: v for k, v in rec.items() if k in _STORY_FIELDS}, events=briefs)


# -- the CLI's event and story tables, the report's data ---------------------------------------------


def article_meta(store: Store) -> dict[str, ArticleMeta]:
    """Every article's metadata and claims (no text), by id."""
    rows = store.con.execute(
        "SELECT id, outlet, title, url, source, published, duplicate_of, event_id FROM articles"
    ).fetchall()
    out = {
        aid: ArticleMeta(aid, outlet or "", title or "", url or "", source or "", pub, dup, ev)
        for aid, outlet, title, url, source, pub, dup, ev in rows
    }
    for c in _claims_where(store, "TRUE", [], "a.id, c.n"):
        out[c.article_id].claims.append(c)
    return out


def event_entities(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Per event: the entities its (non-duplicate) articles name, most articles first."""
    rows = store.con.execute(
        "SELECT a.event_id, e.name, e.type, count(DISTINCT a.id) AS n "
        "FROM article_entities e JOIN articles a ON a.id = e.article_id "
        "WHERE a.event_id IS NOT NULL AND a.duplicate_of IS NULL "
        "GROUP BY a.event_id, e.name, e.type ORDER BY n DESC, e.name"
    ).fetchall()
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev, name, typ, n in rows:
        out[ev].append({"name": name, "type": typ, "articles": n})
    return out


def duplicates(meta: dict[str, ArticleMeta]) -> dict[str, list[str]]:
    """Per event: the ids of its articles that duplicate another article."""
    out: dict[str, list[str]] = defaultdict(list)
    for m in meta.values():
        if m.duplicate_of and m.event_id:
            out[m.event_id].append(m.id)
    return out


def article_dates(ev: Event, meta: dict[str, ArticleMeta]) -> list[dict[str, Any]]:
    """Per article: its own date, or the event's date flagged as propagated (never stored)."""
    out: list[dict[str, Any]] = []
    for aid in ev.article_ids:
        m = meta.get(aid)
        pub = m.published if m else None
        if pub:
            out.append({"article_id": aid, "date": pub, "date_from": "published"})
        else:
            out.append(
                {"article_id": aid, "date": ev.date, "date_from": "propagated" if ev.date else None}
            )
    return out


def find_story(store: Store, story_id: str) -> Story | None:
    """A story by id or a unique id prefix."""
    stories = [s for s in store.stories() if s.id.startswith(story_id)]
    return stories[0] if len(stories) == 1 else None


def events_table(store: Store) -> list[EventTableRow]:
    """Every event, most important first."""
    meta = article_meta(store)
    dups = duplicates(meta)
    wts, newest = weights(store, "event_id")
    evs = {ev.id: ev for ev in store.events()}
    return [
        EventTableRow(
            id=ev.id,
            date=ev.date,
            date_from=ev.date_from,
            headline=ev.headline,
            place=ev.place,
            participants=ev.participants,
            articles=len(ev.article_ids),
            duplicates=len(dups.get(ev.id, [])),
            # coverage: every report counts, copies of another outlet's text included
            outlets=len(
                {meta[a].outlet for a in [*ev.article_ids, *dups.get(ev.id, [])] if a in meta}
            ),  # fmt: skip
            story_id=ev.story_id,
        )  # fmt: skip
        for ev in (evs[i] for i in by_importance(list(evs), wts, newest))
    ]


def ranked_stories(store: Store, singles: bool = False) -> list[Story]:
    """Stories, most important first; one-event stories only with ``singles``."""
    sts = {st.id: st for st in store.stories() if singles or len(st.event_ids) > 1}
    wts, newest = weights(store, "story_id")
    return [sts[i] for i in by_importance(list(sts), wts, newest)]


def stories_table(store: Store, singles: bool = False) -> list[StoryTableRow]:
    """Stories, most important first; one-event stories only with ``singles``."""
    wts, _ = weights(store, "story_id")
    out = []
    for st in ranked_stories(store, singles):
        dates = [t["date"] for t in st.timeline if t.get("date")]
        x = wts.get(st.id, Weight())
        out.append(StoryTableRow(st.id, st.title, len(st.event_ids), min(dates) if dates else None,
                                 max(dates) if dates else None, len(st.conflicts),
                                 x.articles, x.outlets))  # fmt: skip
    return out


SORTS = ("importance", "newest", "oldest", "articles", "outlets")


def sort_rows(rows: list[StoryTableRow] | list[EventTableRow], by: str) -> list[Any]:
    """Story or event rows sorted by one of ``SORTS`` (ties: id); undated rows last by date."""
    if by not in SORTS:
        raise ValueError(f"unknown sort {by!r}: use one of {', '.join(SORTS)}")

    def last(r: Any) -> str:
        return (r.last if isinstance(r, StoryTableRow) else r.date) or ""

    def first(r: Any) -> str:
        return (r.first if isinstance(r, StoryTableRow) else r.date) or "9999"

    newest = max((last(r) for r in rows), default="") or None
    keys: dict[str, Any] = {
        "importance": lambda r: -importance(r.outlets, r.articles, last(r) or None, newest),
        "newest": lambda r: _desc(last(r)),
        "oldest": first,
        "articles": lambda r: -r.articles,
        "outlets": lambda r: -r.outlets,
    }
    return sorted(rows, key=lambda r: (keys[by](r), r.id))


def _desc(value: str) -> tuple[int, ...]:
    """A sort key that puts later ISO dates first and the empty date last."""
    return tuple(-ord(c) for c in value) + (0,) if value else (1,)


def story_timeline(store: Store, story_id: str) -> Timeline | None:
    """A story (id or unique prefix) with its dated events in order, each with its summary."""
    st = find_story(store, story_id)
    if st is None:
        return None
    events = {e.id: e for e in store.events() if e.story_id == st.id}
    items = []
    for t in st.timeline:
        ev = events.get(t["event_id"])
        items.append({
            **t,
            "summary": [s["sentence"] for s in ev.summary] if ev else [],
            "participants": ev.participants if ev else [],
        })  # fmt: skip
    return Timeline(st.id, st.title, items, st.conflicts)


def errors(store: Store, kind: str | None = None) -> list[ErrorRow]:
    return [ErrorRow(*r) for r in store.errors(kind)]


# -- export records (the export contract) -------------------------------------------------------------


def export_events(store: Store) -> list[dict[str, Any]]:
    meta = article_meta(store)
    dups = duplicates(meta)
    return [
        {
            "id": ev.id,
            "date": ev.date,
            "headline": ev.headline,
            "summary": ev.summary,
            "article_ids": ev.article_ids,
            "quotes": ev.quotes,
            "date_from": ev.date_from,
            "place": ev.place,
            "participants": ev.participants,
            "story_id": ev.story_id,
            "duplicates": sorted(dups.get(ev.id, [])),
            "article_dates": article_dates(ev, meta),
        }  # fmt: skip
        for ev in store.events()
    ]


def export_stories(store: Store) -> list[dict[str, Any]]:
    return [
        {
            "id": st.id,
            "title": st.title,
            "event_ids": st.event_ids,
            "timeline": st.timeline,
            "conflicts": st.conflicts,
        }  # fmt: skip
        for st in store.stories()
    ]


# -- the web UI's views: ranked cards, coverage, attention over time ---------------------------------


@dataclass
class Card:
    """A story or an event as the home page lists it: its size, its dates, its lead names.
    ``score`` is its importance (outlets, articles, recency; see ``importance``)."""

    id: str
    title: str
    first: str | None
    last: str | None
    articles: int
    outlets: int
    events: int
    conflicts: int
    entities: list[str]
    story_id: str | None
    score: float


@dataclass
class CardPage:
    total: int
    limit: int
    offset: int
    items: list[Card]


@dataclass
class FacetValue:
    value: str
    articles: int


@dataclass
class Facets:
    """What the home page's filters can choose from."""

    outlets: list[FacetValue]
    languages: list[FacetValue]
    first: str | None
    last: str | None


@dataclass
class OutletCount:
    outlet: str
    articles: int


@dataclass
class EventCoverage:
    id: str
    date: str | None
    headline: str
    articles: int
    outlets: int


@dataclass
class StoryCoverage:
    """What the story page draws: events by date with their size, articles per outlet, the
    story's articles (for naming sources) and its quotes grouped by statement across events."""

    id: str
    events: list[EventCoverage]
    outlets: list[OutletCount]
    articles: dict[str, ArticleSummary]
    quotes: list[dict[str, Any]]


@dataclass
class DayCount:
    day: str
    articles: int
    mentions: int


@dataclass
class CoEntity:
    id: str
    name: str
    type: str
    articles: int


@dataclass
class EntityActivity:
    """An entity's attention over time (per day), the entities named with it, quotes about it."""

    id: str
    days: list[DayCount]
    cooccurring: list[CoEntity]
    quotes_about: list[QuoteItem]


_LIVE = "duplicate_of IS NULL"


def _grouped(store: Store, col: str, flt: ArticleFilter) -> list[tuple[Any, ...]]:
    w, params = flt.where()
    w = f"{w} AND {col} IS NOT NULL AND {_LIVE}" if w else f"WHERE {col} IS NOT NULL AND {_LIVE}"
    return store.con.execute(
        f"""SELECT {col}, count(*), count(DISTINCT nullif(outlet, '')), min(left(published, 10)),
                   max(left(published, 10)), count(DISTINCT event_id)
            FROM articles {w} GROUP BY {col}""",
        params,
    ).fetchall()


def _lead_entities(store: Store, col: str, ids: list[str], n: int = 4) -> dict[str, list[str]]:
    if not ids:
        return {}
    rows = store.con.execute(
        f"""SELECT a.{col}, e.name, count(DISTINCT a.id) AS k
            FROM article_entities e JOIN articles a ON a.id = e.article_id
            WHERE a.{col} IN (SELECT unnest(?::VARCHAR[])) AND a.{_LIVE}
            GROUP BY a.{col}, e.name ORDER BY k DESC, e.name""",
        [ids],
    ).fetchall()
    out: dict[str, list[str]] = defaultdict(list)
    for key, name, _k in rows:
        if len(out[key]) < n:
            out[key].append(name)
    return out


def _ranked(rows: list[tuple[Any, ...]]) -> list[tuple[float, tuple[Any, ...]]]:
    newest = max((r[4] for r in rows if r[4]), default=None)
    scored = [(round(importance(r[2], r[1], r[4], newest), 3), r) for r in rows]
    scored.sort(key=lambda x: (-x[0], -(x[1][1]), x[1][4] or "", x[1][0]))
    return scored


def _multi_event_stories(store: Store) -> set[str]:
    rows = store.con.execute(
        "SELECT story_id FROM articles WHERE story_id IS NOT NULL "
        "GROUP BY story_id HAVING count(DISTINCT event_id) > 1"
    ).fetchall()
    return {r[0] for r in rows}


def story_cards(
    store: Store, flt: ArticleFilter, limit: int, offset: int, singles: bool = False
) -> CardPage:
    """Stories with articles matching ``flt``, most important first (``importance``);
    one-event stories only with ``singles`` (their events are event cards)."""
    lim, off = _page(limit, offset)
    rows = _grouped(store, "story_id", flt)
    if not singles:
        multi = _multi_event_stories(store)
        rows = [r for r in rows if r[0] in multi]
    scored = _ranked(rows)
    page = scored[off : off + lim]
    ids = [r[0] for _, r in page]
    recs = {r["id"]: r for r in (store.record("stories", i) for i in ids) if r}
    lead = _lead_entities(store, "story_id", ids)
    items = [
        Card(r[0], (recs.get(r[0]) or {}).get("title") or r[0], r[3], r[4], r[1], r[2], r[5],
             len((recs.get(r[0]) or {}).get("conflicts") or []), lead.get(r[0], []), r[0], score)
        for score, r in page
    ]  # fmt: skip
    return CardPage(len(scored), lim, off, items)


def event_cards(store: Store, flt: ArticleFilter, limit: int, offset: int) -> CardPage:
    """Events with articles matching ``flt``, most important first (``importance``)."""
    lim, off = _page(limit, offset)
    scored = _ranked(_grouped(store, "event_id", flt))
    page = scored[off : off + lim]
    ids = [r[0] for _, r in page]
    recs = {e["id"]: e for e in store.event_records(ids)}
    lead = _lead_entities(store, "event_id", ids)
    items = []
    for score, r in page:
        ev = recs.get(r[0]) or {}
        items.append(Card(r[0], ev.get("headline") or r[0], r[3], r[4], r[1], r[2], 1, 0,
                          lead.get(r[0], []), ev.get("story_id"), score))  # fmt: skip
    return CardPage(len(scored), lim, off, items)


def facets(store: Store) -> Facets:
    outlets = store.con.execute(
        "SELECT outlet, count(*) FROM articles WHERE coalesce(outlet, '') <> '' "
        "GROUP BY outlet ORDER BY 2 DESC, 1"
    ).fetchall()
    langs = store.con.execute(
        "SELECT language, count(*) FROM articles WHERE coalesce(language, '') <> '' "
        "GROUP BY language ORDER BY 2 DESC, 1"
    ).fetchall()
    row = store.con.execute(
        "SELECT min(left(published, 10)), max(left(published, 10)) FROM articles"
    ).fetchone()
    first, last = row if row else (None, None)
    return Facets([FacetValue(*r) for r in outlets], [FacetValue(*r) for r in langs], first, last)


def story_coverage(store: Store, story_id: str) -> StoryCoverage | None:
    rec = _record(store, "stories", story_id)
    if rec is None:
        return None
    evs = store.event_records(list(rec.get("event_ids") or []))
    ids = [a for e in evs for a in (e.get("article_ids") or [])]
    arts = article_summaries(store, ids)
    per_outlet: dict[str, int] = defaultdict(int)
    for a in arts.values():
        per_outlet[a.outlet or "(kaynak adı yok)"] += 1
    events = [
        EventCoverage(e["id"], e.get("date"), e.get("headline") or "",
                      len(e.get("article_ids") or []),
                      len({arts[a].outlet for a in e.get("article_ids") or [] if a in arts}))
        for e in evs
    ]  # fmt: skip
    events.sort(key=lambda x: (x.date is None, x.date or "", x.id))
    quotes = []
    for e in evs:
        for g in e.get("quotes") or []:
            quotes.append({**g, "event_id": e["id"]})
    quotes.sort(key=lambda g: (-len(g.get("article_ids") or g.get("outlets") or []),
                               g.get("speaker") or ""))  # fmt: skip
    outlets = sorted((OutletCount(o, n) for o, n in per_outlet.items()),
                     key=lambda x: (-x.articles, x.outlet))  # fmt: skip
    return StoryCoverage(rec["id"], events, outlets, arts, quotes)


def entity_activity(store: Store, entity_id: str, top: int = 12) -> EntityActivity | None:
    ent = entity(store, entity_id)
    if ent is None:
        return None
    days = store.con.execute(
        """SELECT left(a.published, 10) AS d, count(DISTINCT a.id), sum(ae.mentions)
           FROM article_entities ae JOIN articles a ON a.id = ae.article_id
           WHERE ae.entity_id = ? AND a.published IS NOT NULL GROUP BY d ORDER BY d""",
        [entity_id],
    ).fetchall()
    co = store.con.execute(
        """SELECT o.entity_id, any_value(o.name), any_value(o.type), count(DISTINCT o.article_id) AS k
           FROM article_entities o
           WHERE o.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)
             AND o.entity_id <> ?
           GROUP BY o.entity_id ORDER BY k DESC, 2 LIMIT ?""",
        [entity_id, entity_id, _page(top, 0)[0]],
    ).fetchall()
    names = [folded(n) for n in [ent.name, *ent.aliases] if len(n) >= 3]
    about = [
        q
        for q in _quotes_where(
            store,
            "q.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)"
            " AND q.speaker IS DISTINCT FROM ? AND q.speaker_id IS DISTINCT FROM ?"
            + _NO_FRAGMENTS.format(t="q."),
            [entity_id, ent.name, entity_id],
            "a.published DESC NULLS LAST, a.id, q.n",
            [200, 0],
        )
        if any(n in folded(q.text) for n in names)
    ][:20]
    return EntityActivity(
        ent.id,
        [DayCount(d, n, int(m or 0)) for d, n, m in days],
        [CoEntity(*r) for r in co],
        about,
    )


def event_entity_rows(store: Store, event_id: str, top: int = 30) -> list[CoEntity]:
    """The entities an event's (non-duplicate) articles name, most articles first."""
    rows = store.con.execute(
        """SELECT e.entity_id, any_value(e.name), any_value(e.type), count(DISTINCT a.id) AS k
           FROM article_entities e JOIN articles a ON a.id = e.article_id
           WHERE a.event_id = ? AND a.duplicate_of IS NULL
           GROUP BY e.entity_id ORDER BY k DESC, 2 LIMIT ?""",
        [event_id, _page(top, 0)[0]],
    ).fetchall()
    return [CoEntity(*r) for r in rows]
