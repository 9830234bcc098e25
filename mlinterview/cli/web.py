"""``mlinterview setup``, ``serve`` and ``manage``: run the web app on the embedded defaults."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Annotated

import typer

from mlinterview.cli.bank import ContentOption, _load


def register(app: typer.Typer) -> None:
    app.command("setup")(setup)
    app.command("serve")(serve)
    app.command(
        "manage",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,
    )(manage)


def _prepare(content: Path | None, admin_username: str) -> None:
    bank = _load(content)
    from mlinterview.web.setup import setup_django

    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    typer.echo(f"data directory: {settings.MLINTERVIEW_DATA_DIR}")
    typer.echo("migrating the database ...")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from mlinterview.questions.importer import import_bank

    typer.echo(import_bank(bank).summary())
    _ensure_admin(admin_username)


def _ensure_admin(username: str) -> None:
    from django.contrib.auth import get_user_model

    users = get_user_model()
    if users.objects.filter(is_superuser=True).exists():
        typer.echo(
            "an administrator account exists already; to reset its password run "
            f"'mlinterview manage changepassword {username}'"
        )
        return
    password = secrets.token_urlsafe(12)
    users.objects.create_superuser(username=username, email="", password=password)
    typer.secho(
        f"created administrator '{username}' with password: {password}\n"
        "  (shown this once: change it after signing in, under Admin > Users)",
        fg=typer.colors.YELLOW,
    )


def setup(
    content: ContentOption = None,
    admin_username: Annotated[str, typer.Option(help="Name of the first administrator.")] = "admin",
) -> None:
    """Migrate the database, import the question bank and create the first administrator."""
    _prepare(content, admin_username)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    content: ContentOption = None,
    admin_username: Annotated[str, typer.Option(help="Name of the first administrator.")] = "admin",
) -> None:
    """Set up (idempotent) and serve the web app on the embedded defaults."""
    _prepare(content, admin_username)
    from django.core.management import call_command

    shown = f"[{host}]" if ":" in host else host
    typer.secho(f"\nmlinterview is running at http://{shown}:{port}/", fg=typer.colors.GREEN, bold=True)
    typer.echo(f"sign in at http://{shown}:{port}/login/ ; press Ctrl-C to stop\n")
    call_command("runserver", f"{shown}:{port}", use_reloader=False, skip_checks=False)


def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. 'mlinterview manage createsuperuser'."""
    from mlinterview.web.setup import setup_django

    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["mlinterview manage", *ctx.args])
