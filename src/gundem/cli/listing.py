"""The read-only commands: export, show, the listings (errors, events, stories, story, search,
entities, entity, quotes) and the report. Each reads ``gundem.store.read`` (the one read model)
and prints a table, or with ``--json`` / ``--format json|jsonl|csv`` a machine format."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from gundem.cli.app import app
from gundem.cli.common import (
    FormatOption,
    JsonOption,
    Out,
    ReadDbOption,
    _open,
    _s,
    check_dates,
    console,
    emit,
    emit_one,
    fail,
)


class What(StrEnum):
    articles = "articles"
    events = "events"
    stories = "stories"
    quotes = "quotes"
    entities = "entities"
    claims = "claims"


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Sort(StrEnum):
    importance = "importance"
    newest = "newest"
    oldest = "oldest"
    articles = "articles"
    outlets = "outlets"


FromOption = typer.Option(None, "--from", help="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")
ToOption = typer.Option(None, "--to", help="To this date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.")
SortOption = typer.Option(
    Sort.importance,
    "--sort",
    help="importance (outlets, then articles, weighted by recency: default), newest, oldest, "
    "articles or outlets.",
)


@app.command()
def export(
    what: What = typer.Option(
        What.articles,
        "--what",
        help="articles, events, stories (nested records); quotes, entities, claims (flat: one "
        "row per fact with its article id, outlet and date).",
    ),
    fmt: Format = typer.Option(Format.jsonl, "--format"),
    out: Path | None = typer.Option(None, "--out", "-o", help="Output file (default: stdout)."),
    fragments: bool = typer.Option(
        False, "--fragments", help="Also export fragments (quoted phrases with no speaker)."
    ),
    db: str = ReadDbOption,
) -> None:
    """Export the store: every field is described in docs/export.md."""
    from gundem.store.export import export_records, write_records

    if fmt is Format.parquet and out is None:
        fail("--format parquet needs --out FILE")
    with _open(db, read_only=True) as store:
        write_records(export_records(store, what.value, fragments), fmt.value, out)


@app.command()
def show(
    article_id: str = typer.Argument(..., help="Article id (or a unique prefix)."),
    removed: bool = typer.Option(False, "--removed", help="Also list removed boilerplate and why."),
    as_json: bool = typer.Option(False, "--json", help="Print the article as JSON."),
    db: str = ReadDbOption,
) -> None:
    """Show one article: metadata, clean text, and optionally what was removed."""
    with _open(db, read_only=True) as store:
        article = store.get_article(article_id)
    if article is None:
        fail(f"no article with id {article_id!r} (or prefix not unique)")
    assert article is not None
    if as_json:
        print(json.dumps(article.export(), ensure_ascii=False, indent=2))
        return
    meta = Table(show_header=False, box=None)
    for key in (
        "id",
        "source",
        "outlet",
        "url",
        "title",
        "published",
        "published_from",
        "dateline",
        "language",
        "duplicate_of",
        "not_extracted",
    ):
        meta.add_row(f"[bold]{key}", _s(getattr(article, key) or "—"))
    meta.add_row("[bold]flags", _s(", ".join(article.flags) or "—"))
    console.print(meta)
    console.rule("text")
    console.print(_s(article.text, multiline=True), highlight=False)
    if removed:
        console.rule(f"removed ({len(article.removed)} blocks)")
        for block in article.removed:
            console.print(
                f"[red]{_s(block.reason):>12}[/] #{block.index}: {_s(block.text[:160])}",
                highlight=False,
            )


@app.command()
def errors(
    db: str = ReadDbOption,
    kind: str | None = typer.Option(None, "--kind", help="Only errors of this kind (no-text…)."),
    as_json: bool = JsonOption,
    fmt: Out = FormatOption,
) -> None:
    """List the inputs that could not be read, and why (each recorded once)."""
    from gundem.store import read

    with _open(db, read_only=True) as store:
        rows = read.errors(store, kind)
    if emit(rows, fmt, as_json):
        return
    table = Table("source", "kind", "message", title=f"{len(rows)} errors")
    for r in rows:
        table.add_row(_s(r.source), _s(r.kind), _s(r.message))
    console.print(table)


# -- events and stories --------------------------------------------------------------------
def _shown(total: int, shown: int, noun: str) -> str:
    return f"{total} {noun}" + (f" (showing {shown}; -n for more)" if shown < total else "")


@app.command()
def events(
    db: str = ReadDbOption,
    limit: int = typer.Option(50, "--limit", "-n", min=0, help="How many to list."),
    sort: Sort = SortOption,
    date_from: str | None = FromOption,
    date_to: str | None = ToOption,
    as_json: bool = JsonOption,
    fmt: Out = FormatOption,
) -> None:
    """List events: date, headline, how many articles and outlets reported each."""
    from gundem.periods import in_period
    from gundem.store import read

    check_dates(date_from, date_to)
    with _open(db, read_only=True) as store:
        rows = read.sort_rows(read.events_table(store), sort.value)
    rows = [r for r in rows if in_period(r.date, date_from, date_to)]
    shown = rows[:limit]
    if emit(shown, fmt, as_json):
        return
    table = Table("id", "date", "headline", "place", "articles", "outlets",
                  title=_shown(len(rows), len(shown), "events"))  # fmt: skip
    for r in shown:
        date = (r.date or "—") + (" *" if r.date_from == "propagated" else "")
        table.add_row(
            _s(r.id[:10]), _s(date), _s(r.headline), _s(r.place or ""), str(r.articles),
            str(r.outlets),
        )  # fmt: skip
    console.print(table)
    if any(r.date_from == "propagated" for r in shown):
        console.print("* date propagated from a dated article of the same event")


@app.command()
def stories(
    db: str = ReadDbOption,
    limit: int = typer.Option(50, "--limit", "-n", min=0, help="How many to list."),
    sort: Sort = SortOption,
    singles: bool = typer.Option(False, "--singles", help="Also list one-event stories."),
    date_from: str | None = FromOption,
    date_to: str | None = ToOption,
    as_json: bool = JsonOption,
    fmt: Out = FormatOption,
) -> None:
    """List stories (most important first: outlets, articles, recency) with their events,
    articles, outlets and dates. One-event stories only with --singles (their events are in
    `gundem events`). --from/--to keep the stories whose dated events meet the period."""
    from gundem.periods import overlaps
    from gundem.store import read

    check_dates(date_from, date_to)
    with _open(db, read_only=True) as store:
        rows = read.sort_rows(read.stories_table(store, singles=singles), sort.value)
    rows = [r for r in rows if overlaps(r.first, r.last, date_from, date_to)]
    shown = rows[:limit]
    if emit(shown, fmt, as_json):
        return
    table = Table("id", "title", "events", "articles", "outlets", "from", "to", "conflicts",
                  title=_shown(len(rows), len(shown), "stories"))  # fmt: skip
    for r in shown:
        table.add_row(
            _s(r.id[:10]), _s(r.title), str(r.events), str(r.articles), str(r.outlets),
            _s(r.first or "—"), _s(r.last or "—"), str(r.conflicts),
        )  # fmt: skip
    console.print(table)


@app.command()
def story(
    story_id: str = typer.Argument(..., help="Story id or a unique prefix."),
    db: str = ReadDbOption,
    as_json: bool = typer.Option(False, "--json", help="The story as one JSON object."),
) -> None:
    """Show one story as a dated timeline of events, with conflicting figures."""
    from gundem.store import read

    with _open(db, read_only=True) as store:
        st = read.story_timeline(store, story_id)
    if st is None:
        fail(f"no story with id {story_id!r} (or prefix not unique)")
    assert st is not None
    if emit_one(st, as_json):
        return
    console.rule(f"[bold]{_s(st.title)}")
    for item in st.timeline:
        console.print(
            f"[bold cyan]{_s(item.get('date') or '????-??-??')}[/]  {_s(item.get('headline', ''))}",
            highlight=False,
        )
        for sentence in item["summary"][:2]:
            console.print(f"             {_s(sentence)}", highlight=False, style="dim")
    for c in st.conflicts:
        console.print(
            f"[yellow]conflict[/] {_s(json.dumps(c, ensure_ascii=False)[:300])}", highlight=False
        )


@app.command()
def report(
    out: Path = typer.Option(Path("report.html"), "--out", "-o", help="HTML file to write."),
    db: str = ReadDbOption,
    top: int = typer.Option(
        20, "--top", min=1, help="Stories shown in full (most important first)."
    ),
) -> None:
    """Write one self-contained HTML report (stories → timeline → events) that works offline.
    The --top most important stories are shown in full, the others listed; long quotes fold."""
    from gundem.serve.report import write_report

    with _open(db, read_only=True) as store:
        path = write_report(store, out, top=top)
    console.print(f"wrote {_s(path)}")


@app.command()
def search(
    query: str = typer.Argument(..., help="Turkish or any-language query; suffixes are handled."),
    db: str = ReadDbOption,
    limit: int = typer.Option(10, "--limit", "-n", min=0),
    articles: bool = typer.Option(
        False, "--articles", help="One hit per article, not per sentence."
    ),
    date_from: str | None = typer.Option(None, "--from", help="YYYY, YYYY-MM or YYYY-MM-DD."),
    date_to: str | None = typer.Option(None, "--to", help="YYYY, YYYY-MM or YYYY-MM-DD."),
    entity: str | None = typer.Option(None, "--entity"),
    outlet: str | None = typer.Option(None, "--outlet"),
    language: str | None = typer.Option(None, "--language"),
    as_json: bool = JsonOption,
    fmt: Out = FormatOption,
) -> None:
    """Full-text search (BM25 with Turkish case folding and stems)."""
    from gundem.store.search import SearchFilters, open_index

    check_dates(date_from, date_to)
    filters = SearchFilters(
        date_from=date_from, date_to=date_to, entity=entity, outlet=outlet, language=language
    )
    with _open(db, read_only=True) as store:
        index = open_index(db, store, read_only=True)
        hits = index.search(
            query, filters, limit=limit, level="article" if articles else "sentence"
        )
    if emit(hits, fmt, as_json):
        return
    table = Table("score", "article", "date", "outlet", "text",
                  title=f"{len(hits)} hits for {_s(repr(query))}")  # fmt: skip
    for h in hits:
        table.add_row(f"{h.score:.2f}", _s(h.article_id[:10]), _s(h.published or "—"),
                      _s(h.outlet or ""), _s(h.text[:200]))  # fmt: skip
    console.print(table)


# -- entities, quotes -------------------------------------------------------------------------
@app.command()
def entities(
    db: str = ReadDbOption,
    type_: str | None = typer.Option(None, "--type", help="PERSON, ORG, GPE, LOC, FAC, NORP."),
    top: int = typer.Option(30, "--top", "-n", min=0, help="How many to list."),
    as_json: bool = JsonOption,
    fmt: Out = FormatOption,
) -> None:
    """List entities with how many articles name them, and the aliases seen."""
    from gundem.store import read

    with _open(db, read_only=True) as store:
        rows = read.entity_counts(store, type_.upper() if type_ else None, top)
    if emit(rows, fmt, as_json):
        return
    table = Table(
        "entity", "type", "articles", "mentions", "aliases", title=f"top {len(rows)} entities"
    )
    for r in rows:
        table.add_row(_s(r.name), _s(r.type), str(r.articles), str(r.mentions),
                      _s(", ".join(r.aliases[:6])))  # fmt: skip
    console.print(table)


@app.command()
def entity(
    name: str = typer.Argument(..., help="Entity name or alias, e.g. 'Kim Jong Un'."),
    db: str = ReadDbOption,
    as_json: bool = JsonOption,
    fmt: Out = FormatOption,
) -> None:
    """Show where an entity appears and in what roles."""
    from gundem.store import read

    with _open(db, read_only=True) as store:
        rows = read.entity_appearances(store, name)
    if not rows:
        fail(f"no entity named {name!r}")
    if emit(rows, fmt, as_json):
        return
    table = Table(
        "article", "date", "outlet", "title", "mentions", "roles", title=_s(rows[0].canonical)
    )
    for r in rows:
        table.add_row(
            _s(r.article_id[:10]), _s(r.published or "—"), _s(r.outlet or ""), _s(r.title or ""),
            str(r.mentions), _s(", ".join(r.roles)),
        )  # fmt: skip
    console.print(table)


@app.command()
def quotes(
    db: str = ReadDbOption,
    speaker: str | None = typer.Option(
        None, "--speaker", "-s", help="Only this speaker (name or part of it)."
    ),
    limit: int = typer.Option(50, "--limit", "-n", min=0, help="How many to list."),
    fragments: bool = typer.Option(
        False, "--fragments", help="Also list fragments (quoted phrases with no speaker)."
    ),
    as_json: bool = JsonOption,
    fmt: Out = FormatOption,
) -> None:
    """List quotes with their speakers, cue verbs and sources (newest first, as the API)."""
    from gundem.store import read

    with _open(db, read_only=True) as store:
        items = read.quote_page(store, speaker, limit, 0, fragments)
        total = read.quote_count(store, speaker, fragments)
    if emit(items, fmt, as_json):
        return
    table = Table("speaker", "kind", "cue", "quote", "source",
                  title=_shown(total, len(items), "quotes"))  # fmt: skip
    for q in items:
        source = f"{q.outlet or ''} {q.published or ''} [{q.article_id[:8]}]".strip()
        who = (q.speaker or "?") + (f" ({q.speaker_role})" if q.speaker_role else "")
        table.add_row(_s(who), _s(q.kind), _s(q.cue), _s(q.text), _s(source))
    console.print(table)
