"""`gundem ask` and `gundem serve`: answers from the stored facts, and the API and web UI."""

from __future__ import annotations

import json

import typer

from gundem.cli.app import app
from gundem.cli.common import ReadDbOption, _open, _s, console


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
