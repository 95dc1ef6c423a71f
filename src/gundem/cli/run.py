"""`gundem run`, `gundem demo` and `gundem index`: the commands that write. Each is a thin
shell over ``gundem.corpus.Corpus`` (the one write path) and the stages it runs."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from gundem.cli.app import app
from gundem.cli.common import DbOption, ReadDbOption, _open, _s, console, err_console

if TYPE_CHECKING:
    from collections.abc import Iterable

    from gundem.corpus import Corpus, IngestReport
    from gundem.ingest.errors import IngestError
    from gundem.model import RawDoc
    from gundem.stages import Pipeline
    from gundem.store.search import SearchIndex

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
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="One summary line: no progress bar, table or skipped lines."
    ),
    engine: str = typer.Option(
        "local", "--engine", help="local, dask (threads), dask:processes or dask:tcp://HOST:PORT."
    ),
    min_chars: int = typer.Option(
        0, "--min-chars", help="Drop articles whose text is shorter (default 0: keep every one)."
    ),
) -> None:
    """Ingest pages, clean them, extract facts, link and index them (stages: gundem.stages).

    The write path is gundem.corpus (Corpus.ingest)."""
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
    if quiet:
        print(_summary_line(stats, db), flush=True)
    else:
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

    if quiet:  # no line per item: the summary line counts them
        return corpus.ingest(docs, inputs=paths, on_error=lambda _err: None)
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


def _summary_line(stats, db: str) -> str:
    """What `gundem run -q` prints: one line, plain text (no markup, no colour)."""
    from gundem.cli.common import _UNSAFE, _visible

    errors = sum(stats.errors.values())
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(stats.errors.items()))
    name = _UNSAFE.sub(lambda m: _visible(m[0]), db)
    return (
        f"gundem run → {name}: {stats.read} read, {stats.articles} new, {stats.duplicates} "
        f"duplicates, {errors} errors"
        + (f" ({kinds}; see `gundem errors`)" if errors else "")
        + f", {stats.seconds:.1f} s"
    )


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


@app.command("index")
def index_cmd(
    db: str = ReadDbOption,
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
