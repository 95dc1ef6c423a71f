"""`gundem ner` (our NER evaluation interface) and `gundem train ner`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from gundem.cli.app import Group, app
from gundem.cli.common import _s, console, err_console

train_app = typer.Typer(
    cls=Group, help="Train the models gundem ships (reproducibly, from allowed data)."
)
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
