"""The `gundem` command line: typer app, rich output. Each command is a thin shell over a module."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from functools import partial
from importlib import resources
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from gundem.store.db import DEFAULT_DB, Store

app = typer.Typer(
    help="gundem: turn raw news pages into a story map (Turkish first).",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)

DbOption = typer.Option(
    DEFAULT_DB, "--db", help="DuckDB file (created if missing).", envvar="GUNDEM_DB"
)


def _open(db: str, read_only: bool = False) -> Store:
    if read_only and not Path(db).exists():
        err_console.print(f"[red]error:[/] {db}: no such database; run `gundem run PATH` first")
        raise typer.Exit(2)
    return Store(db, read_only=read_only)


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
    no_extract: bool = typer.Option(False, "--no-extract", help="Only ingest and clean."),
    delay: float = typer.Option(1.0, "--delay", help="Seconds between requests to one host."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or table."),
    engine: str = typer.Option(
        "local", "--engine", help="local, dask (threads), dask:processes or dask:tcp://HOST:PORT."
    ),
) -> None:
    """Ingest pages, clean them, extract facts and store them."""
    from gundem.engine.run import run as run_pipeline
    from gundem.ingest.web import Fetcher

    with _open(db) as store:
        stats = _run_with_progress(
            partial(run_pipeline, engine=engine),
            paths, store, workers, not no_extract, Fetcher(delay=delay), quiet,
        )  # fmt: skip
    if not quiet:
        _print_summary(stats, db)
    if stats.articles == 0 and stats.duplicates == 0:
        raise typer.Exit(1)


def _run_with_progress(run_pipeline, paths, store, workers, with_extract, fetcher, quiet):
    def show_error(err) -> None:
        err_console.print(f"[yellow]skipped[/] {err.line()}", highlight=False, soft_wrap=True)

    if quiet:
        return run_pipeline(paths, store, workers, with_extract, fetcher, on_error=show_error)
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

        return run_pipeline(paths, store, workers, with_extract, fetcher, tick, show_error)


def _print_summary(stats, db: str) -> None:
    table = Table(title=f"gundem run → {db}", show_header=False)
    table.add_row("documents read", str(stats.read))
    table.add_row("new articles", str(stats.articles))
    table.add_row("duplicates skipped", str(stats.duplicates))
    for kind, n in sorted(stats.errors.items()):
        table.add_row(f"errors: {kind}", str(n))
    if stats.languages:
        langs = ", ".join(f"{k} {v}" for k, v in stats.languages.most_common())
        table.add_row("languages", langs)
    table.add_row("time", f"{stats.seconds:.1f} s")
    console.print(table)


@app.command()
def demo(
    db: str = typer.Option("gundem-demo.duckdb", "--db", help="Database for the demo."),
    workers: int = typer.Option(2, "--workers", "-w"),
) -> None:
    """Run the whole pipeline on the bundled Turkish demo corpus."""
    console.print(f"Demo corpus: {demo_path()}")
    inputs = [str(demo_path() / part) for part in DEMO_INPUTS]
    run(inputs, db=db, workers=workers, no_extract=False, delay=0.0, quiet=False, engine="local")
    console.print(f"Next: [bold]gundem --help[/], e.g. `gundem export --db {db} | head`")


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
    db: str = DbOption,
) -> None:
    """Export articles, events or stories (keys as in DESIGN.md's export contract)."""
    from gundem.store.export import export_records, write_records

    with _open(db, read_only=True) as store:
        records = export_records(store, what.value)
        if fmt is Format.parquet and out is None:
            err_console.print("[red]error:[/] --format parquet needs --out FILE")
            raise typer.Exit(2)
        write_records(records, fmt.value, out)


@app.command()
def show(
    article_id: str = typer.Argument(..., help="Article id (or a unique prefix)."),
    removed: bool = typer.Option(False, "--removed", help="Also list removed boilerplate and why."),
    as_json: bool = typer.Option(False, "--json", help="Print the article as JSON."),
    db: str = DbOption,
) -> None:
    """Show one article: metadata, clean text, and optionally what was removed."""
    with _open(db, read_only=True) as store:
        article = store.get_article(article_id)
    if article is None:
        err_console.print(
            f"[red]error:[/] no article with id {article_id!r} (or prefix not unique)"
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
    ):
        meta.add_row(f"[bold]{key}", str(getattr(article, key) or "—"))
    console.print(meta)
    console.rule("text")
    console.print(article.text, highlight=False)
    if removed:
        console.rule(f"removed ({len(article.removed)} blocks)")
        for block in article.removed:
            console.print(
                f"[red]{block.reason:>12}[/] #{block.index}: {block.text[:160]}", highlight=False
            )


@app.command()
def errors(db: str = DbOption) -> None:
    """List the inputs that could not be read, and why."""
    with _open(db, read_only=True) as store:
        rows = store.errors()
    table = Table("source", "kind", "message", title=f"{len(rows)} errors")
    for source, kind, message, _at in rows:
        table.add_row(source, kind, message)
    console.print(table)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
