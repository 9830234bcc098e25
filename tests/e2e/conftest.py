"""End-to-end fixtures: the real app (runserver + worker subprocesses) driven by headless Debian
Chromium through Playwright. Screenshots go to ``artifacts/``.

Each app gets a database of its own: a file SQLite database in its data directory, or, when the
suite runs with ``DATABASE_URL`` (the PostgreSQL pass of the test script), a fresh database on
that server, dropped afterwards.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from mlinterview import REPO_DIR

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = REPO_DIR / "artifacts"
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

    def __enter__(self) -> _QmarkConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.connection.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class App:
    """A running instance of the app in its own data directory."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
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
            with _pg_admin(server_url) as admin:
                admin.execute(f'CREATE DATABASE "{self.pg_name}"')
            self.pg_url = server_url.rsplit("/", 1)[0] + "/" + self.pg_name
            self.env["DATABASE_URL"] = self.pg_url
        else:
            self.env.pop("DATABASE_URL", None)
        self.server: subprocess.Popen[bytes] | None = None
        self.workers: list[subprocess.Popen[bytes]] = []
        self.log = data_dir / "app.log"

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
        self.server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mlinterview",
                "manage",
                "runserver",
                f"127.0.0.1:{self.port}",
                "--noreload",
            ],
            env=self.env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"the server did not start; see {self.log}")

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

    def wait_for(self, sql: str, expected: object, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        value = None
        while time.monotonic() < deadline:
            with self.db() as conn:
                value = conn.execute(sql).fetchone()[0]
            if value == expected:
                return
            time.sleep(0.5)
        raise AssertionError(f"{sql!r} gave {value!r}, expected {expected!r} within {timeout}s")

    def stop(self) -> None:
        for process in [*self.workers, self.server]:
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    instance = App(tmp_path_factory.mktemp("e2e-data"))
    instance.cli("setup")
    instance.cli("manage", "shell", "-c", USERS_SCRIPT)
    instance.start_server()
    try:
        yield instance
    finally:
        instance.stop()
        instance.drop_database()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
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
            yield launched
            launched.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def sign_in(page: object, app: App, username: str) -> None:
    page.goto(f"{app.url}/login/")  # type: ignore[attr-defined]
    page.fill("#id_username", username)  # type: ignore[attr-defined]
    page.fill("#id_password", PASSWORD)  # type: ignore[attr-defined]
    page.click("button[type=submit]")  # type: ignore[attr-defined]
