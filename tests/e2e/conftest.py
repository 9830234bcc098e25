"""End-to-end fixtures: the real app (gunicorn + worker subprocesses) driven by headless Debian
Chromium through Playwright. Screenshots go to the session's ``artifacts_dir`` (see
tests/conftest.py), never into the repository.

Servers never get a port picked in advance (binding port 0, closing it and handing the number
to a server later lets another process take it in between): gunicorn binds port 0 itself and
the port it got is read back from its log. A server that must come back on the same address
after a restart listens on a port this process keeps reserved (:func:`reserve_port`).

Each app gets a database of its own: a file SQLite database in its data directory, or, when the
suite runs with ``DATABASE_URL`` (the PostgreSQL pass of the test script), a fresh database on
that server, dropped afterwards.

``mlinterview setup`` (migrate, collectstatic, the whole question bank) costs 8 s on a quiet
machine and 25-40 s in CI, so it runs once per pytest process (:class:`AppTemplate`) and each app
starts from a copy of what it made: the data directory's files, and on PostgreSQL a database
created with the template's as its ``TEMPLATE``. Tests of ``setup`` itself still run it.
"""

from __future__ import annotations

import atexit
import os
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "e2e-password-1234"
# How long a page action or wait may take. Playwright's default of 30 s is too short for the
# first answer scored (the text model loads) or the first PDF on a machine shared by many jobs.
PAGE_TIMEOUT_MS = 180_000

USERS_SCRIPT = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
User = get_user_model()
for name, role in (("rita", "recruiter"), ("ivan", "interviewer"), ("iris", "interviewer")):
    user = User.objects.create_user(name, password="{PASSWORD}", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
"""


def _pg_admin(server_url: str) -> Any:
    import psycopg

    return psycopg.connect(server_url.rsplit("/", 1)[0] + "/postgres", autocommit=True)


class _QmarkConnection:
    """psycopg with sqlite3's ``?`` placeholders, so the tests' SQL runs on both."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.connection.execute(sql.replace("?", "%s"), params)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> _QmarkConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.connection.close()


def reserve_port() -> socket.socket:
    """Hold a loopback port for a server that must come back on the same address after a restart.

    The socket is bound with SO_REUSEADDR and never listens. While it stays open the kernel gives
    the port to nobody else (a bind to port 0 skips it, a plain bind to it fails), yet a server
    that sets SO_REUSEADDR too (gunicorn and PostgreSQL do) may listen on it; while that server
    is down, connections are refused as they would be in production. Close it when done.
    """
    holder = socket.socket()
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    holder.bind(("127.0.0.1", 0))
    return holder


LISTENING = re.compile(rb"Listening at: http://127\.0\.0\.1:(\d+)")


class Gunicorn:
    """gunicorn serving the app (threaded workers, as ``mlinterview serve`` runs it).

    With ``port=0`` gunicorn binds a port of the kernel's choosing and the port is read back
    from gunicorn's own log line "Listening at: http://127.0.0.1:PORT".
    """

    def __init__(self, env: dict[str, str], log: Path, *, port: int = 0, workers: int = 1) -> None:
        self.env, self.log, self.wanted, self.workers = env, log, port, workers
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        assert self.port, "the server has not started"
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120) -> None:
        offset = self.log.stat().st_size if self.log.exists() else 0
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "mlinterview.web.wsgi:application",
             "--bind", f"127.0.0.1:{self.wanted}", "--workers", str(self.workers),
             "--worker-class", "gthread", "--threads", "4", "--timeout", "120",
             "--access-logfile", "-"],
            env=self.env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kill() takes the workers too
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while not self.port:
            found = LISTENING.search(self.log.read_bytes()[offset:])
            if found:
                self.port = int(found[1])
            elif self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start listening; see {self.log}")
            else:
                time.sleep(0.1)
        # Listening comes before the workers have loaded the app: wait for a page.
        while True:
            try:
                urllib.request.urlopen(self.url + "/login/", timeout=5).read()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not serve /login/; see {self.log}") from None
                time.sleep(0.2)

    def kill(self) -> None:
        """SIGKILL to the master and its workers at once: no goodbye, as in a crash."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.port = self.port if self.wanted else 0  # port 0 means a new port on the next start

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


class App:
    """A running instance of the app in its own data directory."""

    def __init__(self, data_dir: Path, *, template: str = "") -> None:
        """``template``: on PostgreSQL, the database the app's own is copied from (else empty)."""
        self.data_dir = data_dir
        self.env = {
            **os.environ,
            "MLINTERVIEW_DATA_DIR": str(data_dir),
            "MLINTERVIEW_SCORING_LEASE_SECONDS": "8",
            "DJANGO_SETTINGS_MODULE": "mlinterview.web.settings",
        }
        self.pg_url = ""
        server_url = os.environ.get("DATABASE_URL", "")
        if server_url.startswith(("postgres://", "postgresql://")):
            self.pg_name = f"e2e_{uuid.uuid4().hex[:12]}"
            copy = f' TEMPLATE "{template}"' if template else ""
            with _pg_admin(server_url) as admin:
                admin.execute(f'CREATE DATABASE "{self.pg_name}"{copy}')
            self.pg_url = server_url.rsplit("/", 1)[0] + "/" + self.pg_name
            self.env["DATABASE_URL"] = self.pg_url
        else:
            self.env.pop("DATABASE_URL", None)
        self.log = data_dir / "app.log"
        self.server = Gunicorn(self.env, self.log)
        self.workers: list[subprocess.Popen[bytes]] = []

    @property
    def url(self) -> str:
        return self.server.url

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mlinterview", *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )

    def start_server(self) -> None:
        self.server.start()

    def start_worker(self) -> subprocess.Popen[bytes]:
        worker = subprocess.Popen(
            [sys.executable, "-m", "mlinterview", "worker", "--reconcile-every", "1"],
            env=self.env,
            stdout=(self.data_dir / f"worker-{len(self.workers)}.log").open("ab"),
            stderr=subprocess.STDOUT,
        )
        self.workers.append(worker)
        return worker

    def db(self) -> Any:
        """A DB-API connection to the app's database; SQL uses ``?`` placeholders either way."""
        if self.pg_url:
            import psycopg

            return _QmarkConnection(psycopg.connect(self.pg_url, autocommit=True))
        return sqlite3.connect(self.data_dir / "mlinterview.sqlite3", timeout=20)

    def drop_database(self) -> None:
        if self.pg_url:
            with _pg_admin(os.environ["DATABASE_URL"]) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row of a query."""
        conn = self.db()
        try:
            return conn.execute(sql, params).fetchone()[0]
        finally:
            conn.close()

    def wait_until(
        self,
        sql: str,
        done: Callable[[Any], bool],
        *,
        what: str,
        timeout: float = 240,
        interval: float = 0.5,
    ) -> Any:
        """Poll a one-value query until ``done(value)``; return that value, or fail at the deadline."""
        deadline = time.monotonic() + timeout
        conn = self.db()
        try:
            while True:
                value = conn.execute(sql).fetchone()[0]
                if done(value):
                    return value
                if time.monotonic() > deadline:
                    raise AssertionError(f"{sql!r} gave {value!r}, expected {what} within {timeout}s")
                time.sleep(interval)
        finally:
            conn.close()

    def wait_for(self, sql: str, expected: object, timeout: float = 240) -> None:
        self.wait_until(sql, lambda value: value == expected, what=repr(expected), timeout=timeout)

    def kill_worker_mid_job(
        self, start: Callable[[], subprocess.Popen[bytes]], running_sql: str, *, tries: int = 3
    ) -> int:
        """Start a worker and SIGKILL it the moment one of the jobs ``running_sql`` counts is running.

        Whether the kill cut a job off is read afterwards, where it is durable: a killed worker
        cannot finish its job and no other worker runs meanwhile, so the row stays 'running'.
        A kill that fell between two jobs (one finished in the milliseconds between the poll
        and the signal) is tried again with a new worker. Returns how many jobs were cut off.
        """
        for _ in range(tries):
            victim = start()
            self.wait_until(running_sql, lambda n: n >= 1, what="a running job", timeout=180, interval=0.02)
            os.kill(victim.pid, signal.SIGKILL)
            victim.wait(timeout=60)
            cut_off = int(self.value(running_sql))
            if cut_off:
                return cut_off
        raise AssertionError(f"none of {tries} kills landed in the middle of a job")

    def stop(self) -> None:
        for process in self.workers:
            if process.poll() is None:
                process.terminate()
                try:
                    # An RQ worker may take up to a minute to leave (rq 3.0 with redis-py 8 joins
                    # its pubsub thread, which waits 60 s); a test has no need to wait for it.
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=10)
        self.server.stop()


class AppTemplate:
    """What ``mlinterview setup`` leaves, and the same plus USERS_SCRIPT's staff users: each made
    once per pytest process, the first time an app asks for it, then copied for every app.

    SQLite: the template's data directory is copied (database file and static files; each copy
    gets a secret key of its own). PostgreSQL: the app's database is created from the template's
    (``CREATE DATABASE ... TEMPLATE``), which needs no open connection to the template: the
    ``setup`` and ``manage`` processes that made it have exited. The templates are removed (their
    databases dropped) when the process exits.
    """

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.made: dict[bool, App] = {}

    def new_app(self, data_dir: Path, *, users: bool) -> App:
        """An app in ``data_dir`` (which exists) starting where setup, and with ``users`` the
        staff users, left it; its database is its own."""
        template = self._template(users)
        copy_files = shutil.ignore_patterns("secret_key")
        shutil.copytree(template.data_dir, data_dir, ignore=copy_files, dirs_exist_ok=True)
        key = data_dir / "secret_key"
        key.touch(mode=0o600)
        key.write_text(secrets.token_urlsafe(50))
        app = App(data_dir, template=template.pg_name if template.pg_url else "")
        same_server = app.pg_url.rsplit("/", 1)[0] == template.pg_url.rsplit("/", 1)[0]
        assert same_server, "DATABASE_URL has changed since the template was made"
        return app

    def _template(self, users: bool) -> App:
        if users not in self.made:
            if self.folder is None:
                self.folder = Path(tempfile.mkdtemp(prefix="mlinterview-template-"))
                atexit.register(self.remove)
            folder = self.folder / ("users" if users else "setup")
            folder.mkdir()
            made = self.new_app(folder, users=False) if users else App(folder)
            try:
                made.cli(*(("manage", "shell", "-c", USERS_SCRIPT) if users else ("setup",)))
            except BaseException:
                made.drop_database()
                shutil.rmtree(folder)
                raise
            self.made[users] = made
        return self.made[users]

    def remove(self) -> None:
        for made in self.made.values():
            made.drop_database()
        self.made.clear()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


TEMPLATE = AppTemplate()


def prepared_app(data_dir: Path, *, users: bool = True) -> App:
    """An app in ``data_dir`` as ``mlinterview setup`` leaves it, with the staff users of
    USERS_SCRIPT unless ``users`` is false; copied from the process's :class:`AppTemplate`."""
    return TEMPLATE.new_app(data_dir, users=users)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    instance = prepared_app(tmp_path_factory.mktemp("e2e-data"))
    instance.start_server()
    try:
        yield instance
    finally:
        instance.stop()
        instance.drop_database()


@contextmanager
def mailing_app(data_dir: Path, smtp_host: str, smtp_port: int) -> Iterator[App]:
    """The app set up with the staff users, its server and a worker, sending mail to the test's
    SMTP server; stopped and its database dropped afterwards."""
    instance = prepared_app(data_dir)
    instance.env.update(
        {
            "MLINTERVIEW_SMTP_HOST": smtp_host,
            "MLINTERVIEW_SMTP_PORT": str(smtp_port),
            "MLINTERVIEW_SMTP_TLS": "off",
            "MLINTERVIEW_FROM_EMAIL": "Hiring <hiring@example.com>",
        }
    )
    instance.start_server()
    instance.start_worker()
    try:
        yield instance
    finally:
        instance.stop()
        instance.drop_database()


class Browser:
    """Playwright's browser, whose new contexts wait up to ``PAGE_TIMEOUT_MS``."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser

    def new_context(self, **options: Any) -> Any:
        context = self.browser.new_context(**options)
        context.set_default_timeout(PAGE_TIMEOUT_MS)
        return context


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/test.sh installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests' own ORM calls are
    # synchronous, so allow them for the duration of the browser session only.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            yield Browser(launched)
            launched.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def e2e_artifacts(artifacts_dir: Path) -> Path:
    folder = artifacts_dir / "e2e"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def shot(e2e_artifacts: Path) -> Callable[[object, str], Path]:
    """``shot(page, name)``: a full-page screenshot, kept as ``<artifacts>/e2e/<name>.png``."""

    def take(page: object, name: str) -> Path:
        path = e2e_artifacts / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
        return path

    return take


def sign_in(page: object, app: App, username: str) -> None:
    page.goto(f"{app.url}/login/")  # type: ignore[attr-defined]
    page.fill("#id_username", username)  # type: ignore[attr-defined]
    page.fill("#id_password", PASSWORD)  # type: ignore[attr-defined]
    page.click("button[type=submit]")  # type: ignore[attr-defined]
