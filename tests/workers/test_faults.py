"""Faults under live traffic: the web server killed with SIGKILL while candidates autosave, and
PostgreSQL restarted under the same traffic. Real gunicorn, real databases, real HTTP.

The candidate keeps one URL across the web server's restart, so gunicorn listens on a port this
process holds reserved (``reserve_port``) rather than one picked, released and hoped for; the
test PostgreSQL listens on a unix socket in its own folder (scripts/postgres.sh).
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import os
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mlinterview import REPO_DIR
from tests.e2e.conftest import App, Gunicorn, prepared_app, reserve_port

pytestmark = pytest.mark.slow

START = """
from mlinterview.web.assessments import services
from mlinterview.web.accounts.models import User
rita = User.objects.get_or_create(username="rita", defaults={"is_staff": True})[0]
a = services.create_assessment("Faults", rita, 60)
services.set_items(a.latest, [services.ItemSpec("question", "loss-function")], rita)
services.publish(a.latest, rita)
inv, token = services.invite(a.latest, "Fay", "fay@example.com", rita)
attempt = services.start_attempt(inv)
print(token, a.latest.items.first().pk, attempt.answers.first().pk)
"""


def _until(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen within {timeout}s"
        time.sleep(0.02)


class Candidate:
    """Autosaves "rev N" as fast as the server answers, keeping the N of every acknowledged save.

    It does not wait when a save is refused for coming too often (HTTP 429: a burst of 20, then one
    a second per attempt), so requests keep reaching the server whatever the limit lets through."""

    def __init__(self, base: str, token: str, item: int) -> None:
        self.base, self.token, self.item = base, token, item
        self.acknowledged: list[int] = []
        self.refused: list[int] = []  # HTTP errors (what the page would retry)
        self.throttled = 0  # saves refused for coming too often (the page waits, then sends again)
        self.unreachable = 0
        self.stop = threading.Event()
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self.jar = jar

    def csrf(self) -> str:
        self.opener.open(f"{self.base}/take/{self.token}/item/0/", timeout=5).read()
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def run(self) -> None:
        csrf = self.csrf()
        number = 0
        while not self.stop.is_set():
            number += 1
            request = urllib.request.Request(
                f"{self.base}/take/{self.token}/save/",
                data=json.dumps({"item": self.item, "content": f"rev {number}"}).encode(),
                headers={"Content-Type": "application/json", "X-CSRFToken": csrf, "Referer": self.base},
                method="POST",
            )
            try:
                with self.opener.open(request, timeout=5) as response:
                    if response.status == 200:
                        self.acknowledged.append(number)
            except urllib.error.HTTPError as exc:
                if exc.code == 429:
                    self.throttled += 1
                else:
                    self.refused.append(exc.code)
                time.sleep(0.05)
            except OSError:
                self.unreachable += 1
                time.sleep(0.05)

    def wait_for(self, count: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while len(self.acknowledged) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(self.acknowledged) >= count, (len(self.acknowledged), self.refused[-5:], self.unreachable)


def _saved(app: App, answer_id: int) -> tuple[str, list[str]]:
    """The answer's text and its revisions' texts, oldest first."""
    with app.db() as conn:
        content = conn.execute("SELECT content FROM assessments_answer WHERE id = ?", (answer_id,))
        answer = content.fetchone()[0]
        rows = conn.execute(
            "SELECT content FROM assessments_answerrevision WHERE answer_id = ? ORDER BY revision",
            (answer_id,),
        )
        return answer, [row[0] for row in rows.fetchall()]


@contextlib.contextmanager
def _live_traffic(app: App) -> Iterator[tuple[Gunicorn, Candidate, int]]:
    """gunicorn serving the app and a candidate autosaving through it (20 saves, the attempt's
    burst, acknowledged before the body runs); yields the server, the candidate and the answer's id."""
    with contextlib.closing(reserve_port()) as reserved:
        server = Gunicorn(app.env, app.data_dir / "gunicorn.log", port=reserved.getsockname()[1], workers=2)
        server.start()
        token, item, answer = app.cli("manage", "shell", "-c", START).stdout.split()[-3:]
        candidate = Candidate(server.url, token, int(item))
        worker = threading.Thread(target=candidate.run, daemon=True)
        try:
            worker.start()
            candidate.wait_for(20)
            yield server, candidate, int(answer)
        finally:
            candidate.stop.set()
            worker.join(timeout=10)
            server.kill()


def _assert_nothing_lost(app: App, candidate: Candidate, answer_id: int) -> None:
    """The last acknowledged save (or one after it whose answer the candidate never got) is the
    answer and its newest revision. Earlier acknowledged texts may have been replaced: a revision
    holds the latest text of its window of a few seconds."""
    answer, revisions = _saved(app, answer_id)
    number = int(answer.split()[1])
    assert number >= max(candidate.acknowledged), (answer, max(candidate.acknowledged))
    assert revisions[-1] == answer
    kept = [int(text.split()[1]) for text in revisions]
    assert kept == sorted(kept), kept


@pytest.fixture
def web_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = prepared_app(tmp_path_factory.mktemp("faults"), users=False)
    yield app
    app.drop_database()


def test_killing_the_web_server_loses_no_acknowledged_autosave(web_app: App) -> None:
    with _live_traffic(web_app) as (server, candidate, answer_id):
        unreachable = candidate.unreachable
        server.kill()
        down_at = len(candidate.acknowledged)
        # The kill happened while saves were being sent: the candidate finds the server gone.
        _until(lambda: candidate.unreachable > unreachable, "a save failing to reach the dead server")
        server.start()  # same address: the candidate's page keeps its URL
        candidate.wait_for(down_at + 5)
    _assert_nothing_lost(web_app, candidate, answer_id)


@pytest.fixture
def own_postgres() -> Iterator[tuple[str, Path]]:
    # Directly under /tmp: the postgres user must be able to reach it (pytest's folders are 0700).
    folder = Path(tempfile.mkdtemp(prefix="mlinterview-pg-"))
    env = {k: v for k, v in os.environ.items() if k != "MLINTERVIEW_PG_PORT"}  # a unix socket only
    script = REPO_DIR / "scripts" / "postgres.sh"
    out = subprocess.run(["bash", str(script), "start", str(folder)], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    url = out.stdout.strip().splitlines()[-1].split("=", 1)[1]
    try:
        yield url, folder
    finally:
        subprocess.run(["bash", str(script), "stop", str(folder)], env=env, capture_output=True)


def _pg_ctl(folder: Path, *args: str) -> None:
    binary = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))[-1]
    subprocess.run(["runuser", "-u", "postgres", "--", str(binary), "-D", str(folder / "data"), *args],
                   check=True, capture_output=True, timeout=60)  # fmt: skip


def test_a_postgresql_restart_fails_requests_cleanly_and_recovers(
    tmp_path_factory: pytest.TempPathFactory, own_postgres: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, folder = own_postgres
    monkeypatch.setenv("DATABASE_URL", url)
    app = App(tmp_path_factory.mktemp("pg-faults"))  # a fresh database on our own server
    app.cli("setup")
    with _live_traffic(app) as (_, candidate, answer_id):
        refused_before = len(candidate.refused)
        _pg_ctl(folder, "-m", "fast", "-w", "stop")
        _until(lambda: len(candidate.refused) >= refused_before + 5, "five saves refused while it is down")
        during = candidate.refused[refused_before:]
        _pg_ctl(folder, "-w", "-l", str(folder / "server.log"), "start")
        up_at = len(candidate.acknowledged)
        candidate.wait_for(up_at + 5)  # recovered without restarting anything
    assert during and set(during) == {503}, f"while the database was down: {sorted(set(during))}"
    _assert_nothing_lost(app, candidate, answer_id)
    app.drop_database()
