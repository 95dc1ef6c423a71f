"""Paged, filtered reads behind the API and the web UI: every listing query in one place.

Each function takes the ``Store`` and returns plain rows or dicts; the caller holds
the store's lock when it shares one connection between threads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from gundem.store.db import Store

_INT64_MAX = 2**63 - 1  # DuckDB's LIMIT/OFFSET type


def _page(limit: int, offset: int) -> list[int]:
    """``[limit, offset]`` for a query, refused (ValueError) outside what DuckDB takes, so a
    caller's unchecked number is a clear error rather than a conversion failure in SQL."""
    for name, v in (("limit", limit), ("offset", offset)):
        if not isinstance(v, int) or not 0 <= v <= _INT64_MAX:
            raise ValueError(f"{name} must be an integer from 0 to {_INT64_MAX}")
    return [limit, offset]


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
            conds.append("published <= ?")  # a month or year includes all its days
            params.append(self.date_to + "-99" if len(self.date_to) < 10 else self.date_to)
        if self.entity:
            conds.append(
                "id IN (SELECT article_id FROM article_entities WHERE entity_id = ? OR name = ?)"
            )
            params += [self.entity, self.entity]
        return ("WHERE " + " AND ".join(conds)) if conds else "", params


def article_page(store: Store, flt: ArticleFilter, limit: int, offset: int) -> tuple[int, list[str]]:
    """(how many match, the ids of one page), newest first."""
    w, params = flt.where()
    row = store.con.execute(f"SELECT count(*) FROM articles {w}", params).fetchone()
    assert row is not None  # count(*) always returns one row
    total = row[0]
    rows = store.con.execute(
        f"SELECT id FROM articles {w} ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
        [*params, *_page(limit, offset)],
    ).fetchall()
    return total, [r[0] for r in rows]


def entity_page(
    store: Store, q: str | None, type_: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    """Entities named in most articles first; ``q`` matches part of the name."""
    conds, params = [], []
    if q:
        conds.append("lower(name) LIKE ?")
        params.append("%" + q.lower() + "%")
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
    return [{"id": r[0], "name": r[1], "type": r[2], "articles": r[3], "mentions": r[4]} for r in rows]


def entity(store: Store, entity_id: str) -> dict[str, Any] | None:
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
    return {"id": row[0], "name": row[1], "type": row[2], "aliases": sorted(aliases)}


def entity_article_ids(store: Store, entity_id: str, limit: int) -> list[str]:
    rows = store.con.execute(
        """SELECT DISTINCT ae.article_id, a.published FROM article_entities ae
           JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ?
           ORDER BY a.published DESC NULLS LAST LIMIT ?""",
        [entity_id, _page(limit, 0)[0]],
    ).fetchall()
    return [r[0] for r in rows]


_LIST_COLS = {"quotes": "speaker", "claims": "unit"}


def list_items(
    store: Store, col: str, value: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    """One row per quote or claim (``col``), with its article; ``value`` filters by
    speaker or unit (part of it, any case)."""
    key = _LIST_COLS[col]  # also keeps col and key out of reach of user input
    cond, params = "", []
    if value:
        cond = f"WHERE lower(x->>'{key}') LIKE ?"
        params.append("%" + value.lower() + "%")
    rows = store.con.execute(
        f"""SELECT id, title, outlet, published, x FROM (
                SELECT id, title, outlet, published,
                       unnest(from_json({col}, '["json"]')) AS x FROM articles) {cond}
            ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?""",
        [*params, *_page(limit, offset)],
    ).fetchall()
    return [{**json.loads(r[4]), "article_id": r[0], "title": r[1], "outlet": r[2],
             "published": r[3]} for r in rows]  # fmt: skip


def event_page(store: Store, story: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    w, p = ("WHERE story_id = ?", [story]) if story else ("", [])
    rows = store.con.execute(
        f"SELECT data FROM events {w} ORDER BY date NULLS LAST, id LIMIT ? OFFSET ?",
        [*p, *_page(limit, offset)],
    ).fetchall()
    return [json.loads(r[0]) for r in rows]


def story_page(store: Store, limit: int, offset: int) -> list[dict[str, Any]]:
    rows = store.con.execute(
        "SELECT data FROM stories ORDER BY id LIMIT ? OFFSET ?", _page(limit, offset)
    ).fetchall()
    return [json.loads(r[0]) for r in rows]
