"""The typer app every command module registers on: its group class (flags shown without a
type, a closed pipe ends quietly), ``--version`` and the exit codes in the main help."""

from __future__ import annotations

import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup

EXIT_CODES = (
    "Exit status: 0 ok; 1 error (nothing could be read, an internal error); 2 usage error or "
    "nothing to act on (a bad option or date, a missing database, an unknown id); 3 `gundem ask` "
    "found no answer. A closed pipe (`gundem export | head`) ends quietly with 0."
)


def _plain_flags(cmd: Any, ctx: Any) -> None:
    """Flags take no value: show none (typer would print `<bool>` after each)."""
    for p in cmd.get_params(ctx):
        if getattr(p, "is_flag", False):
            p.metavar = ""


class Group(TyperGroup):
    """The app's command group: flags shown without a type, and a closed stdout (a pipe into
    `head`) ends the command quietly with status 0."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        cmd = super().get_command(ctx, cmd_name)
        if cmd is not None:
            _plain_flags(cmd, ctx)
        return cmd

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _plain_flags(self, ctx)
        super().format_help(ctx, formatter)

    def invoke(self, ctx: Any) -> Any:
        try:
            rv = super().invoke(ctx)
            sys.stdout.flush()
            return rv
        except BrokenPipeError:
            _silence_stdout()
            ctx.exit(0)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test runner's stdout)
        pass


HELP = "gundem: turn raw news pages into a story map (Turkish first)."
app = typer.Typer(cls=Group, help=HELP, epilog=EXIT_CODES, no_args_is_help=True,
                  add_completion=False)  # fmt: skip


def _version(value: bool) -> None:
    if value:
        from gundem import __version__

        print(f"gundem {__version__}")
        raise typer.Exit()


@app.callback(cls=Group, epilog=EXIT_CODES, help=HELP)
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    pass
