"""Background work on RQ and Redis (the multi-machine setup), with real Redis and real workers.

Each test runs the app in subprocesses (as in production: `mlinterview worker` processes on a
Redis server started here) and checks that every job completes, also when a worker is killed in
the middle of a job and when Redis restarts and forgets its queue.

Redis listens on a unix socket in a folder of the test's own (``--port 0`` turns TCP off): no
port to pick in advance and lose to another process, and a restart comes back at the same
address (``unix://`` REDIS_URL, which redis-py, RQ and django-rq accept).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis as redis_py

from tests.e2e.conftest import App, prepared_app

pytestmark = pytest.mark.slow
REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"

SUBMIT = """
from mlinterview.web.assessments import services
from mlinterview.web.accounts.models import User
rita = User.objects.get_or_create(username="rita", defaults={{"is_staff": True}})[0]
a = services.create_assessment("RQ test", rita, 20)
services.set_items(a.latest, [services.ItemSpec("question", s) for s in
    ("loss-function", "support-vector-machine", "type-1-vs-type-2-errors")] +
    [services.ItemSpec("exercise", "confusion-matrix")], rita)
services.publish(a.latest, rita)
for n in range({candidates}):
    inv, _ = services.invite(a.latest, f"Candidate {{n}}", f"c{{n}}@example.com", rita)
    attempt = services.start_attempt(inv)
    for answer in attempt.answers.all():
        text = ("def confusion_matrix(y_true, y_pred, labels=None):\\n    return None\\n"
                if answer.item.kind == "exercise" else "A loss function measures how wrong a prediction is.")
        services.autosave(attempt, answer.item_id, text)
    services.submit(attempt)
print(a.pk)
"""
DONE = "SELECT COUNT(*) FROM assessments_score WHERE status = 'done'"
RUNNING = "SELECT COUNT(*) FROM assessments_score WHERE status = 'running'"


class Redis:
    """redis-server without persistence, on a unix socket in ``folder`` (logs go there too)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.socket = folder / "redis.sock"
        assert len(str(self.socket)) < 100, "a unix socket path must stay short"
        self.url = f"unix://{self.socket}?db=0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS, "--port", "0", "--unixsocket", str(self.socket), "--unixsocketperm", "700",
             "--save", "", "--appendonly", "no", "--dir", str(self.folder)],
            stdout=(self.folder / "redis.log").open("ab"),
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        client = redis_py.Redis(unix_socket_path=str(self.socket), socket_timeout=2)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if client.ping():
                    return
            except redis_py.RedisError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        raise RuntimeError(f"redis-server did not start; see {self.folder / 'redis.log'}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)




@pytest.fixture
def rq_app(tmp_path_factory: pytest.TempPathFactory, redis: Redis) -> Iterator[App]:
    app = prepared_app(tmp_path_factory.mktemp("rq-data"), users=False)
    app.env.update({"MLINTERVIEW_TASK_BACKEND": "rq", "REDIS_URL": redis.url})
    try:
        yield app
    finally:
        app.stop()
        app.drop_database()


def _worker(app: App, queues: str) -> subprocess.Popen[bytes]:
    worker = subprocess.Popen(
        [sys.executable, "-m", "mlinterview", "worker", "--queues", queues, "--reconcile-every", "1"],
        env=app.env,
        stdout=(app.data_dir / f"worker-{queues}-{len(app.workers)}.log").open("ab"),
        stderr=subprocess.STDOUT,
    )
    app.workers.append(worker)
    return worker


def test_scoring_and_judging_run_on_separate_rq_queues(rq_app: App) -> None:
    rq_app.cli("manage", "shell", "-c", SUBMIT.format(candidates=2))
    scoring = _worker(rq_app, "scoring")
    rq_app.wait_for(DONE, 6, timeout=240)  # the six text answers, with no judging worker running
    judging = _worker(rq_app, "judging")
    rq_app.wait_for(DONE, 8, timeout=240)
    assert scoring.poll() is None and judging.poll() is None
    with rq_app.db() as conn:
        statuses = conn.execute("SELECT status, COUNT(*) FROM assessments_score GROUP BY status").fetchall()
    assert dict(statuses) == {"done": 8}


def test_a_killed_worker_and_a_restarted_redis_lose_no_job(rq_app: App, redis: Redis) -> None:
    rq_app.cli("manage", "shell", "-c", SUBMIT.format(candidates=3))
    # One job is cut off in the middle; RQ has taken it off the queue, so only the database
    # still knows about it.
    assert rq_app.kill_worker_mid_job(lambda: _worker(rq_app, "scoring,judging"), RUNNING) == 1
    assert rq_app.value(DONE) < 12, "the kill should land before the work is done"
    # Redis restarts without persistence: every queued job is gone from it.
    redis.stop()
    redis.start()
    _worker(rq_app, "scoring,judging")
    _worker(rq_app, "scoring,judging")
    rq_app.wait_for(DONE, 12, timeout=300)  # re-queued from the database by the reconciler
    assert rq_app.value("SELECT MAX(tries) FROM assessments_score") >= 2  # the cut-off job ran again


def test_submitting_while_redis_is_down_queues_the_work_later(rq_app: App, redis: Redis) -> None:
    """A submit must not fail because the queue is unreachable: the scores wait in the database
    and the reconciler queues them once Redis is back."""
    redis.stop()
    rq_app.cli("manage", "shell", "-c", SUBMIT.format(candidates=1))  # raises if the submit failed
    with rq_app.db() as conn:
        assert conn.execute(
            "SELECT COUNT(*) FROM assessments_attempt WHERE submitted_at IS NOT NULL"
        ).fetchone()[0]
        assert (
            conn.execute("SELECT COUNT(*) FROM assessments_score WHERE status = 'pending'").fetchone()[0] == 4
        )
    redis.start()
    _worker(rq_app, "scoring,judging")
    rq_app.wait_for(DONE, 4, timeout=240)
