"""The `gundem` command line (typer, rich). ``app`` is the entry point; each module holds one
group of commands, each a thin shell over the modules it names:

* ``run.py``: `run`, `demo`, `index` → ``gundem.corpus.Corpus`` (the one write path) → stages
* ``listing.py``: `export`, `show`, `errors`, `events`, `stories`, `story`, `search`, `entities`,
  `entity`, `quotes`, `report` → ``gundem.store.read`` (the read model), ``gundem.store.export``
* ``ask.py``: `ask`, `serve` → ``gundem.ask``, ``gundem.serve``
* ``ner.py``: `ner`, `train ner` → ``gundem.ner``, ``gundem_tools``
* ``app.py``: the app itself (`--version`, exit codes); ``common.py``: what they share
"""

# each module registers its commands; this order is the order of --help
# isort: off
import gundem.cli.run  # noqa: F401
import gundem.cli.listing  # noqa: F401
import gundem.cli.ask  # noqa: F401
import gundem.cli.ner  # noqa: F401
from gundem.cli.app import app
from gundem.cli.run import DEMO_INPUTS, demo_path

# isort: on

__all__ = ["DEMO_INPUTS", "app", "demo_path"]
