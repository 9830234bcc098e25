"""The one ``mlinterview`` command line.

Each feature lives in its own module under ``mlinterview.cli`` and exposes
``register(app: typer.Typer) -> None``, which adds its commands or command group. Modules are
imported lazily-cheap: heavy libraries (Django, torch) are only imported inside the commands
that need them, so ``mlinterview bank show`` stays fast.

May import: everything in mlinterview (it is the top layer); nothing imports it but __main__.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="mlinterview",
    help="Interview and vet machine-learning engineers: question bank, scoring, exercises, web app.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Modules that contribute commands, in the order they appear in --help.
_COMMAND_MODULES: tuple[str, ...] = (
    "mlinterview.cli.bank",
    "mlinterview.cli.web",
    "mlinterview.cli.kit",
    "mlinterview.cli.practice",
    "mlinterview.cli.scoring",
    "mlinterview.cli.exercises",
)

for _name in _COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main() -> None:
    app()
