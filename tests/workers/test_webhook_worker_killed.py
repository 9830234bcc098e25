"""Issue 17, point 3, with real processes: a worker (`mlinterview worker`) is killed with SIGKILL
while a webhook request is open at the receiver; the delivery is not lost. Its lease runs out, a
second worker's reconcile queues it again and the receiver gets it once more, with the same
idempotency key: a receiver may see a delivery twice, and the key is how it knows (README,
"Outgoing webhooks"). The receiver is a real HTTP server in this process
(tests/webhooks/receiver.py), allowed as a loopback target as an administrator would allow it.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator

import pytest

from tests.e2e.conftest import App, prepared_app
from tests.webhooks.receiver import Receiver

SETUP = """
import json
from mlinterview.web.accounts.models import User
from mlinterview.web.webhooks.services import create_endpoint, emit
root = User.objects.create_superuser("root", "root@example.com", "pw-for-tests-only")
endpoint = create_endpoint(URL, ["attempt.submitted"], root, allow_private=True, timeout_seconds=1)
event = emit("attempt.submitted", {"attempt_id": 41, "candidate": {"name": "Kim Killtest"}})
print(json.dumps({"secret": endpoint.secret, "delivery": event.deliveries.get().pk}))
"""


@pytest.fixture
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    instance = prepared_app(tmp_path_factory.mktemp("webhooks"), users=False)
    try:
        yield instance
    finally:
        instance.stop()
        instance.drop_database()


def test_a_worker_killed_mid_delivery_loses_nothing(app: App) -> None:
    with Receiver(hold_first=True) as receiver:
        script = SETUP.replace("URL", repr(receiver.url))
        made = json.loads(app.cli("manage", "shell", "-c", script).stdout.strip().splitlines()[-1])
        row = f"FROM webhooks_delivery WHERE id = {int(made['delivery'])}"

        victim = app.start_worker()
        assert receiver.arrived.wait(120), "the first worker never sent the delivery"
        os.kill(victim.pid, signal.SIGKILL)  # the request is open at the receiver, unanswered
        victim.wait(timeout=60)
        assert app.value(f"SELECT status {row}") == "running"
        assert app.value(f"SELECT tries {row}") == 1
        receiver.release.set()

        app.start_worker()  # its reconcile finds the lease run out (7 s) and queues it again
        app.wait_for(f"SELECT status {row}", "delivered", timeout=120)

    first, second = receiver.received
    assert first.headers["Idempotency-Key"] == second.headers["Idempotency-Key"]
    assert first.signed_by(made["secret"]) and second.signed_by(made["secret"])
    assert first.json == second.json and first.json["data"]["attempt_id"] == 41
    assert app.value(f"SELECT tries {row}") == 2
    conn = app.db()
    try:
        tries = conn.execute(
            f"SELECT number, status_code, error FROM webhooks_try WHERE delivery_id = {made['delivery']:d} "
            "ORDER BY number"
        ).fetchall()
    finally:
        conn.close()
    assert [(n, code) for n, code, _ in tries] == [(1, None), (2, 200)]
    assert "worker stopped" in tries[0][2]
