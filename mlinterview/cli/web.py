"""``mlinterview setup``, ``serve`` and ``manage``: run the web app on the embedded defaults."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Annotated

import typer

from mlinterview.cli.bank import ContentOption, _load


def register(app: typer.Typer) -> None:
    app.command("setup")(setup)
    app.command("serve")(serve)
    app.command("worker")(worker)
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
    from mlinterview.web.questions.importer import import_bank

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


def gunicorn_argv(host: str, port: int, processes: int) -> list[str]:
    """The command line ``mlinterview serve`` gives gunicorn."""
    return [
        "gunicorn",
        "mlinterview.web.wsgi:application",
        "--bind", f"{host}:{port}",
        "--workers", str(processes),
        "--worker-class", "gthread",
        "--threads", "4",
        "--timeout", "60",
        "--graceful-timeout", "20",
        "--access-logfile", "-",
        "--logger-class", "mlinterview.web.gunicorn_logging.RedactingLogger",
    ]  # fmt: skip


def _gunicorn(host: str, port: int, processes: int) -> None:
    """Serve with gunicorn (threaded workers); static files come from whitenoise."""
    import sys

    from gunicorn.app.wsgiapp import WSGIApplication

    saved, sys.argv = sys.argv, gunicorn_argv(host, port, processes)
    try:
        WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").run()
    finally:
        sys.argv = saved


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    content: ContentOption = None,
    admin_username: Annotated[str, typer.Option(help="Name of the first administrator.")] = "admin",
    with_worker: Annotated[
        bool, typer.Option("--worker/--no-worker", help="Also run a background worker (scoring).")
    ] = True,
    processes: Annotated[
        int, typer.Option(min=1, help="Web server processes (gunicorn workers, 4 threads each).")
    ] = 2,
    dev: Annotated[
        bool,
        typer.Option("--dev", help="Use Django's single-process development server instead of gunicorn."),
    ] = False,
) -> None:
    """Set up (idempotent) and serve the web app, with a background worker, on the embedded defaults."""
    import subprocess
    import sys

    _prepare(content, admin_username)
    from django.core.management import call_command

    child = None
    if with_worker:
        # Same machine as the web server: background work yields the CPU to page views and saves.
        child = subprocess.Popen([sys.executable, "-m", "mlinterview", "worker", "--nice", "10"])
        typer.echo(f"background worker started (pid {child.pid})")
    shown = f"[{host}]" if ":" in host else host
    typer.secho(f"\nmlinterview is running at http://{shown}:{port}/", fg=typer.colors.GREEN, bold=True)
    typer.echo(f"sign in at http://{shown}:{port}/login/ ; press Ctrl-C to stop\n")
    try:
        if dev:
            call_command("runserver", f"{shown}:{port}", use_reloader=False, skip_checks=False)
        else:
            _gunicorn(shown, port, processes)
    finally:
        if child is not None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()


def worker(
    queues: Annotated[
        str,
        typer.Option(help="Queues to serve, separated by ',' or ':' (for systemd unit names); '*' for all."),
    ] = "*",
    reconcile_every: Annotated[
        float, typer.Option(help="Seconds between checks for overdue attempts and lost jobs.")
    ] = 10.0,
    batch: Annotated[bool, typer.Option(help="Process what is queued, then exit.")] = False,
    nice: Annotated[
        int,
        typer.Option(
            min=0,
            max=19,
            help="Lower this worker's CPU priority by this much (on a machine shared with the web "
            "server, 10 keeps pages and autosaves fast while answers are scored).",
        ),
    ] = 0,
) -> None:
    """Run a background worker: scoring and judging jobs, plus recovery of lost work."""
    if nice:
        os.nice(nice)  # inherited by the sandboxed runs this worker starts
    from mlinterview.web.setup import setup_django

    setup_django()
    from mlinterview.web.assessments.jobs import worker as loop

    try:
        loop.run(queues, reconcile_every=reconcile_every, batch=batch)
    except loop.UnknownQueues as exc:
        raise typer.BadParameter(str(exc)) from None


def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. 'mlinterview manage createsuperuser'."""
    from mlinterview.web.setup import setup_django

    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["mlinterview manage", *ctx.args])
