"""`python -m gundem`: the `gundem` command."""

from gundem.cli import app

app()
