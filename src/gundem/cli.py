"""The `gundem` command line: typer app, rich output. Each command is a thin shell over a module."""

from __future__ import annotations

import json
import os
import re
import sys
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from gundem.store.db import DEFAULT_DB, Store
from gundem.store.schema import SchemaError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from gundem.corpus import Corpus, IngestReport
    from gundem.ingest.errors import IngestError
    from gundem.model import RawDoc
    from gundem.stages import Pipeline
    from gundem.store.search import SearchIndex

app = typer.Typer(
    help="gundem: turn raw news pages into a story map (Turkish first).",
    no_args_is_help=True,
    add_completion=False,
)
# emoji=False: a ":name:" in a title stays text. Every string from the data, a file name or the
# command line goes through _s() before rich sees it (markup escaped, control characters visible).
console = Console(emoji=False)
err_console = Console(stderr=True, emoji=False)

# C0/C1 controls (ESC included), bidi overrides, line separators, lone surrogates (undecodable
# file names): none of them may reach the terminal as they are.
_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(ch: str) -> str:
    n = ord(ch)
    return _NAMED.get(ch) or (f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}")


def _s(value: object, multiline: bool = False) -> str:
    """``value`` as rich markup that prints literally: ``[`` escaped, control characters shown
    as escapes (``\\n``, ``\\x1b``); ``multiline`` keeps newlines and tabs."""
    keep = "\n\t" if multiline else ""
    text = _UNSAFE.sub(lambda m: m[0] if m[0] in keep else _visible(m[0]), str(value))
    return escape(text)


DbOption = typer.Option(
    DEFAULT_DB, "--db", help="DuckDB file (created if missing).", envvar="GUNDEM_DB"
)
# the read-only commands: they never create a database
ReadDbOption = typer.Option(
    DEFAULT_DB, "--db", help="DuckDB file to read (written by `gundem run`).", envvar="GUNDEM_DB"
)


def _open(db: str, read_only: bool = False) -> Store:
    """The store, or one line saying why not: missing, or held by another gundem process
    (DuckDB allows many readers or one writer per file)."""
    from gundem.store.locks import DatabaseError, busy_message, is_lock_error

    if read_only and not Path(db).exists():
        err_console.print(f"[red]error:[/] {_s(db)}: no such database; run `gundem run PATH` first")
        raise typer.Exit(2)
    try:
        return Store(db, read_only=read_only)
    except DatabaseError as exc:
        if not is_lock_error(exc):
            raise
        err_console.print(f"[red]error:[/] {_s(busy_message(db, read_only))}", highlight=False,
                          soft_wrap=True)  # fmt: skip
        raise typer.Exit(2) from None
    except SchemaError as e:
        err_console.print(f"[red]error:[/] {_s(e)}", soft_wrap=True)
        raise typer.Exit(2) from None


DEMO_INPUTS = ("text", "html", "feeds", "warc")  # README.md and truth.json are not inputs


def demo_path() -> Path:
    return Path(str(resources.files("gundem") / "demo"))


@app.command()
def run(
    paths: list[str] = typer.Argument(
        ..., help="Files, folders (recursive), URLs, or - for stdin."
    ),
    db: str = DbOption,
    workers: int = typer.Option(
        min(4, os.cpu_count() or 1), "--workers", "-w", help="Worker processes."
    ),
    no_extract: bool = typer.Option(
        False, "--no-extract", help="Only ingest and clean (short for --skip extract)."
    ),
    no_link: bool = typer.Option(
        False, "--no-link", help="Skip linking events and stories (short for --skip link)."
    ),
    skip: list[str] = typer.Option(
        [],
        "--skip",
        help="Stages or groups to skip, comma-separated: "
        "entities, quotes, times, claims, resolve, link, index; extract, link.",
    ),
    delay: float = typer.Option(1.0, "--delay", help="Seconds between requests to one host."),
    allow_private_hosts: bool = typer.Option(
        False, "--allow-private-hosts", help="Also fetch from loopback, private, link-local hosts."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or table."),
    engine: str = typer.Option(
        "local", "--engine", help="local, dask (threads), dask:processes or dask:tcp://HOST:PORT."
    ),
    min_chars: int = typer.Option(
        0, "--min-chars", help="Drop articles whose text is shorter (default 0: keep every one)."
    ),
) -> None:
    """Ingest pages, clean them, extract facts, link and index them (gundem.stages lists
    the stages; the write path is gundem.corpus)."""
    from gundem.corpus import Corpus
    from gundem.ingest.files import read_inputs
    from gundem.ingest.web import Fetcher
    from gundem.pipeline import StageFailed
    from gundem.stages import PipelineError, build_pipeline, parse_skip

    names = parse_skip(skip) | {n for n, off in (("extract", no_extract), ("link", no_link)) if off}
    try:
        pipeline = build_pipeline(names | ({"index"} if db == ":memory:" else set()))
    except PipelineError as e:
        err_console.print(f"[red]error:[/] {_s(e)}")
        raise typer.Exit(2) from None
    fetcher = Fetcher(delay=delay, allow_private_hosts=allow_private_hosts)
    with _open(db) as store:
        corpus = Corpus(store, pipeline, index=_search_index(db, pipeline), workers=workers,
                        engine=engine, min_chars=min_chars)  # fmt: skip
        try:
            report = _ingest_with_progress(
                corpus, read_inputs(paths, fetcher=fetcher), paths, quiet
            )
        except StageFailed as e:
            err_console.print(f"[red]error:[/] internal: {_s(e)}")
            raise typer.Exit(1) from None
    stats = report.stats
    if not quiet:
        _print_summary(stats, db, report.corpus.get("link", {}), report.corpus.get("index", {}))
    if stats.articles == 0 and stats.duplicates == 0:
        raise typer.Exit(1)


def _search_index(db: str, pipeline: Pipeline) -> SearchIndex | None:
    if "index" not in pipeline:
        return None
    from gundem.store.search import SearchIndex

    return SearchIndex(db)


_STAGE_NOTES = {"link": "linking events and stories…", "index": "indexing…"}


def _ingest_with_progress(
    corpus: Corpus, docs: Iterable[RawDoc | IngestError], paths: list[str], quiet: bool
) -> IngestReport:
    def show_error(err) -> None:
        err_console.print(f"[yellow]skipped[/] {_s(err.line())}", highlight=False, soft_wrap=True)

    if quiet:
        return corpus.ingest(docs, inputs=paths, on_error=show_error)
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[info]}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )
    with progress:
        task = progress.add_task("documents", total=None, info="")

        def tick(stats, _item) -> None:
            info = (
                f"{stats.articles} new · {stats.duplicates} dup · {sum(stats.errors.values())} err"
            )
            progress.update(task, completed=stats.read, info=info)

        def stage(name: str) -> None:
            if name in _STAGE_NOTES:
                progress.update(task, description=_STAGE_NOTES[name])

        return corpus.ingest(docs, inputs=paths, on_item=tick, on_error=show_error, on_stage=stage)


def _print_summary(stats, db: str, linked: dict, indexed: dict) -> None:
    from gundem.clean.page import SHORT_CHARS

    table = Table(title=f"gundem run → {_s(db)}", show_header=False)
    table.add_row("documents read", str(stats.read))
    table.add_row("new articles", str(stats.articles))
    table.add_row("duplicates skipped", str(stats.duplicates))
    table.add_row("same text as another report (stored, marked)", str(stats.copies))
    table.add_row(f"short (kept, under {SHORT_CHARS} chars)", str(stats.short))
    table.add_row("title only (kept, title as text)", str(stats.title_only))
    if stats.too_short:
        table.add_row("dropped: shorter than --min-chars", str(stats.too_short))
    for kind, n in sorted(stats.errors.items()):
        table.add_row(f"errors: {_s(kind)}", str(n))
    if stats.languages:
        langs = _s(", ".join(f"{k} {v}" for k, v in stats.languages.most_common()))
        table.add_row("languages", langs)
    if stats.not_extracted:
        langs = _s(", ".join(f"{k or '?'} {v}" for k, v in stats.not_extracted.most_common()))
        table.add_row("not extracted (language not served)", langs)
    table.add_row("time", f"{stats.seconds:.1f} s")
    for key, value in linked.items():
        table.add_row(f"link: {_s(key)}", _s(value))
    if indexed:
        table.add_row("search index", f"{indexed.get('total', 0)} documents")
    console.print(table)


@app.command()
def demo(
    db: str = typer.Option("gundem-demo.duckdb", "--db", help="Database for the demo."),
    workers: int = typer.Option(2, "--workers", "-w"),
) -> None:
    """Run the whole pipeline on the bundled Turkish demo corpus."""
    console.print(f"Demo corpus: {_s(demo_path())}")
    inputs = [str(demo_path() / part) for part in DEMO_INPUTS]
    run(
        inputs,
        db=db,
        workers=workers,
        no_extract=False,
        no_link=False,
        skip=[],
        delay=0.0,
        allow_private_hosts=False,
        quiet=False,
        engine="local",
        min_chars=0,
    )
    console.print(f"Next: [bold]gundem --help[/], e.g. `gundem export --db {_s(db)} | head`")


class What(StrEnum):
    articles = "articles"
    events = "events"
    stories = "stories"


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command()
def export(
    what: What = typer.Option(What.articles, "--what"),
    fmt: Format = typer.Option(Format.jsonl, "--format"),
    out: Path | None = typer.Option(None, "--out", "-o", help="Output file (default: stdout)."),
    fragments: bool = typer.Option(
        False, "--fragments", help="Also export fragments (quoted phrases with no speaker)."
    ),
    db: str = ReadDbOption,
) -> None:
    """Export articles, events or stories: every field is described in docs/export.md."""
    from gundem.store.export import export_records, write_records

    with _open(db, read_only=True) as store:
        records = export_records(store, what.value, fragments)
        if fmt is Format.parquet and out is None:
            err_console.print("[red]error:[/] --format parquet needs --out FILE")
            raise typer.Exit(2)
        write_records(records, fmt.value, out)


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
        err_console.print(
            f"[red]error:[/] no article with id {_s(repr(article_id))} (or prefix not unique)"
        )
        raise typer.Exit(2)
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
    as_json: bool = typer.Option(False, "--json", help="One JSON object per error, per line."),
) -> None:
    """List the inputs that could not be read, and why (each recorded once)."""
    from gundem.store import read

    with _open(db, read_only=True) as store:
        rows = read.errors(store, kind)
    if as_json:
        for r in rows:
            print(json.dumps({"source": r.source, "kind": r.kind, "message": r.message,
                              "seen_at": str(r.seen_at)}, ensure_ascii=False))  # fmt: skip
        return
    table = Table("source", "kind", "message", title=f"{len(rows)} errors")
    for r in rows:
        table.add_row(_s(r.source), _s(r.kind), _s(r.message))
    console.print(table)


# -- events and stories --------------------------------------------------------------------
@app.command()
def events(db: str = ReadDbOption, limit: int = typer.Option(50, "--limit", "-n")) -> None:
    """List events, most important first (outlets, articles, recency): date, headline, how
    many articles and outlets reported each."""
    from gundem.store import read

    with _open(db, read_only=True) as store:
        rows = read.events_table(store)
    table = Table(
        "id", "date", "headline", "place", "articles", "outlets", title=f"{len(rows)} events"
    )
    for r in rows[:limit]:
        date = (r.date or "—") + (" *" if r.date_from == "propagated" else "")
        table.add_row(
            _s(r.id[:10]), _s(date), _s(r.headline), _s(r.place or ""), str(r.articles),
            str(r.outlets),
        )  # fmt: skip
    console.print(table)
    if any(r.date_from == "propagated" for r in rows):
        console.print("* date propagated from a dated article of the same event")


@app.command()
def stories(
    db: str = ReadDbOption,
    singles: bool = typer.Option(False, "--singles", help="Also list one-event stories."),
) -> None:
    """List stories, most important first (outlets, articles, recency): title, events,
    articles, outlets, first and last date, conflicting figures. One-event stories only
    with --singles (their events are in `gundem events`)."""
    from gundem.store import read

    with _open(db, read_only=True) as store:
        rows = read.stories_table(store, singles=singles)
    table = Table("id", "title", "events", "articles", "outlets", "from", "to", "conflicts",
                  title=f"{len(rows)} stories")  # fmt: skip
    for r in rows:
        table.add_row(
            _s(r.id[:10]), _s(r.title), str(r.events), str(r.articles), str(r.outlets),
            _s(r.first or "—"), _s(r.last or "—"), str(r.conflicts),
        )  # fmt: skip
    console.print(table)


@app.command()
def story(
    story_id: str = typer.Argument(..., help="Story id or a unique prefix."), db: str = ReadDbOption
) -> None:
    """Show one story as a dated timeline of events, with conflicting figures."""
    from gundem.store import read

    with _open(db, read_only=True) as store:
        st = read.story_timeline(store, story_id)
    if st is None:
        err_console.print(
            f"[red]error:[/] no story with id {_s(repr(story_id))} (or prefix not unique)"
        )
        raise typer.Exit(2)
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
) -> None:
    """Write one self-contained HTML report (stories → timeline → events) that works offline."""
    from gundem.serve.report import write_report

    with _open(db, read_only=True) as store:
        path = write_report(store, out)
    console.print(f"wrote {_s(path)}")


# -- search, ask, serve ----------------------------------------------------------------------
@app.command()
def search(
    query: str = typer.Argument(..., help="Turkish or any-language query; suffixes are handled."),
    db: str = ReadDbOption,
    limit: int = typer.Option(10, "--limit", "-n"),
    articles: bool = typer.Option(
        False, "--articles", help="One hit per article, not per sentence."
    ),
    date_from: str | None = typer.Option(None, "--from", help="YYYY, YYYY-MM or YYYY-MM-DD."),
    date_to: str | None = typer.Option(None, "--to"),
    entity: str | None = typer.Option(None, "--entity"),
    outlet: str | None = typer.Option(None, "--outlet"),
    language: str | None = typer.Option(None, "--language"),
) -> None:
    """Full-text search (BM25 with Turkish case folding and stems)."""
    from gundem.store.search import SearchFilters, open_index

    filters = SearchFilters(
        date_from=date_from, date_to=date_to, entity=entity, outlet=outlet, language=language
    )
    with _open(db, read_only=True) as store:
        index = open_index(db, store, read_only=True)
        hits = index.search(
            query, filters, limit=limit, level="article" if articles else "sentence"
        )
    table = Table(
        "score",
        "article",
        "date",
        "outlet",
        "text",
        title=f"{len(hits)} hits for {_s(repr(query))}",
    )
    for h in hits:
        table.add_row(
            f"{h.score:.2f}",
            _s(h.article_id[:10]),
            _s(h.published or "—"),
            _s(h.outlet or ""),
            _s(h.text[:200]),
        )
    console.print(table)


@app.command()
def ask(
    question: str = typer.Argument(..., help='e.g. "Kuzey Kore Rusya\'ya kaç asker gönderdi?"'),
    db: str = ReadDbOption,
    as_json: bool = typer.Option(False, "--json"),
    llm_url: str | None = typer.Option(
        None,
        "--llm-url",
        envvar="GUNDEM_LLM_URL",
        help="Optional OpenAI-compatible endpoint (off by default).",
    ),
) -> None:
    """Answer a question from stored facts; every sentence cites its article and sentence."""
    from gundem.ask import answer
    from gundem.ask.llm import LLMConfig
    from gundem.store.search import open_index

    llm = LLMConfig.from_env(llm_url)
    with _open(db, read_only=True) as store:
        result = answer(store, open_index(db, store, read_only=True), question, llm=llm)
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        console.print(_s(result.render(), multiline=True), highlight=False)
    if not result.found:
        raise typer.Exit(3)


@app.command()
def serve(
    db: str = ReadDbOption,
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Loopback by default; 0.0.0.0 exposes it."
    ),
    port: int = typer.Option(8000, "--port"),
    api_key: str | None = typer.Option(
        None, "--api-key", envvar="GUNDEM_API_KEY", help="Needed for writes."
    ),
    llm_url: str | None = typer.Option(
        None,
        "--llm-url",
        envvar="GUNDEM_LLM_URL",
        help="Optional OpenAI-compatible endpoint that rephrases /api/ask answers (off by default).",
    ),
    allowed_host: list[str] = typer.Option(
        [],
        "--allowed-host",
        envvar="GUNDEM_ALLOWED_HOSTS",
        help="Another name clients may use in the Host header (repeatable; * allows any). "
        "The bind address and localhost are always allowed.",
    ),
) -> None:
    """Serve the REST API (/docs) and the web UI (/) over the database."""
    from gundem.ask.llm import LLMConfig
    from gundem.serve.api import serve as serve_app

    _open(db, read_only=True).close()
    llm = LLMConfig.from_env(llm_url)
    console.print(f"gundem on http://{_s(host)}:{port}/ (API docs at /docs)"
                  + (f"; answers rephrased by {_s(llm.base_url)}" if llm else ""))  # fmt: skip
    if host in ("0.0.0.0", "::") and not allowed_host:
        console.print("note: the Host header must name localhost or 127.0.0.1; "
                      "add --allowed-host NAME for the names clients use")  # fmt: skip
    serve_app(db, host=host, port=port, api_key=api_key, llm=llm, allowed_hosts=allowed_host)


# -- entities, quotes, NER -------------------------------------------------------------------
train_app = typer.Typer(help="Train the models gundem ships (reproducibly, from allowed data).")
app.add_typer(train_app, name="train")


@train_app.command("ner")
def train_ner_cmd(
    out: Path | None = typer.Option(None, "--out", help="Model file (default: the packaged one)."),
    family: str = typer.Option(
        "neural",
        "--family",
        help="neural (BiLSTM-CRF; needs torch: pip install 'gundem\\[train]') or crf.",
    ),
    epochs: int = typer.Option(22, "--epochs", help="Neural: passes over the training data."),
    max_iterations: int = typer.Option(150, "--iterations", help="CRF: L-BFGS iterations."),
) -> None:
    """Train the Turkish NER model from ../shared/data/turkish-wiki-ner plus our news sets.

    The neural family (shipped) takes about 10 minutes on one core; each epoch is
    logged with its mean dev F1 (wiki dev + our news dev) and the best epoch is kept.
    Runs from a source checkout: the training code is the gundem_tools package
    (pip install -e ".[train]")."""
    try:
        from gundem_tools.ner.train import train_ner
    except ImportError as e:  # an install without the tools package
        err_console.print(
            f"[red]error:[/] training needs the gundem_tools package of a source checkout "
            f"(pip install -e '.\\[train]'): {_s(e)}"
        )
        raise typer.Exit(2) from None

    if family not in ("neural", "crf"):
        err_console.print(f"[red]error:[/] unknown --family {_s(repr(family))} (neural or crf)")
        raise typer.Exit(2)
    try:
        with err_console.status(f"training the {family} NER model…"):
            scores = train_ner(
                out_path=out,
                family=family,
                epochs=epochs,
                max_iterations=max_iterations,
                log=lambda msg: err_console.print(_s(msg)),
            )
    except RuntimeError as e:
        err_console.print(f"[red]error:[/] {_s(e)}")
        raise typer.Exit(2) from None
    for key, value in scores.items():
        console.print(f"{_s(key)}: {_s(value)}")


@app.command()
def ner(
    conll: Path = typer.Argument(
        ..., help="CoNLL file: token in the first column, blank line between sentences."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Output file (default: stdout)."),
    model: Path | None = typer.Option(
        None,
        "--model",
        help="Another model file (.npz neural, .crfsuite CRF); default: the shipped one.",
    ),
) -> None:
    """Tag a CoNLL file: writes token<TAB>BIO-tag, one line per input token."""
    from gundem.ner.tagger import NerModelMissing, tag_conll

    if not conll.is_file():
        err_console.print(f"[red]error:[/] {_s(conll)}: no such file")
        raise typer.Exit(2)
    try:
        tag_conll(conll, out if out else sys.stdout, model_path=model)
    except NerModelMissing as e:
        err_console.print(f"[red]error:[/] {_s(e)}")
        raise typer.Exit(2) from None


@app.command()
def entities(
    db: str = ReadDbOption,
    type_: str | None = typer.Option(None, "--type", help="PERSON, ORG, GPE, LOC, FAC, NORP."),
    top: int = typer.Option(30, "--top", "-n"),
) -> None:
    """List entities with how many articles name them, and the aliases seen."""
    from gundem.store import read

    with _open(db, read_only=True) as store:
        rows = read.entity_counts(store, type_.upper() if type_ else None, top)
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
) -> None:
    """Show where an entity appears and in what roles."""
    from gundem.store import read

    with _open(db, read_only=True) as store:
        rows = read.entity_appearances(store, name)
    if not rows:
        err_console.print(f"[red]error:[/] no entity named {_s(repr(name))}")
        raise typer.Exit(2)
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
    limit: int = typer.Option(50, "--limit", "-n"),
    fragments: bool = typer.Option(
        False, "--fragments", help="Also list fragments (quoted phrases with no speaker)."
    ),
) -> None:
    """List quotes with their speakers, cue verbs and sources (newest first, as the API)."""
    from gundem.store import read

    table = Table("speaker", "kind", "cue", "quote", "source")
    with _open(db, read_only=True) as store:
        items = read.quote_page(store, speaker, limit, 0, fragments)
        total = read.quote_count(store, speaker, fragments)
    for q in items:
        source = f"{q.outlet or ''} {q.published or ''} [{q.article_id[:8]}]".strip()
        who = (q.speaker or "?") + (f" ({q.speaker_role})" if q.speaker_role else "")
        table.add_row(_s(who), _s(q.kind), _s(q.cue), _s(q.text), _s(source))
    table.title = f"{total} quotes" + (f" (showing {limit})" if total > limit else "")
    console.print(table)


@app.command("index")
def index_cmd(
    db: str = DbOption,
    rebuild: bool = typer.Option(False, "--rebuild", help="Drop the index and build it anew."),
) -> None:
    """Bring the search index up to date with the store (or rebuild it from scratch)."""
    with _open(db, read_only=True) as store:
        idx = store.search_index()
        counts = idx.rebuild(store) if rebuild else idx.update(store)
        docs = idx.num_docs
    how = "rebuilt" if rebuild or idx.rebuilt else "updated"
    console.print(
        f"search index {how}: {counts['total']} articles, {docs} documents "
        f"({counts['added']} added, {counts['updated']} updated, {counts['deleted']} deleted)",
        highlight=False,
        markup=False,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
