"""Delivering webhooks to a real HTTP receiver on a loopback port (tests/webhooks/receiver.py):
the signature checked the way a receiver would, the idempotency key, retries with exponential
back-off driven by moving the clock rather than sleeping, and the delivery log."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mlinterview.web.webhooks import models as wm
from mlinterview.web.webhooks.jobs import run_delivery
from mlinterview.web.webhooks.services import emit
from tests.webhooks.receiver import Receiver

pytestmark = pytest.mark.django_db


# The worker runs in this process and closes the database connection between jobs, as in
# production, so the test cannot sit inside a transaction. No serialized rollback: its fixtures make
# every row it needs, and on SQLite restoring the serialized content types after another
# transactional test's flush (which makes them again under new ids) fails on their unique key.
@pytest.mark.django_db(transaction=True)
def test_the_worker_delivers_an_event_signed_with_the_endpoint_secret(
    endpoint, receiver, keep_signal_handlers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        event = emit("profile.verified", {"profile_id": 7, "skills": {"model evaluation": 3}})
    delivery = wm.Delivery.objects.get(event=event)
    job = DBTaskResult.objects.get()
    assert (job.queue_name, job.task_path) == ("webhooks", "mlinterview.web.webhooks.jobs.deliver_task")

    call_command(
        "db_worker", queue_name="webhooks", batch=True, reload=False, startup_delay=False, verbosity=0
    )

    [got] = receiver.received
    assert got.path == "/hooks/mlinterview"
    assert got.headers["Content-Type"] == "application/json"
    assert got.signed_by(endpoint.secret)
    assert not got.signed_by(endpoint.secret + "x")
    tampered = type(got)(got.path, got.headers, got.body.replace(b'"profile_id":7', b'"profile_id":8'))
    assert not tampered.signed_by(endpoint.secret)
    assert abs(int(got.headers["X-Mlinterview-Timestamp"]) - timezone.now().timestamp()) < 60
    assert got.headers["Idempotency-Key"] == str(delivery.idempotency_key)
    assert got.headers["X-Mlinterview-Event"] == "profile.verified"
    assert got.json == {
        "id": str(event.uid),
        "event": "profile.verified",
        "created": event.created_at.isoformat(),
        "data": {"profile_id": 7, "skills": {"model evaluation": 3}},
    }
    delivery.refresh_from_db()
    assert (delivery.status, delivery.tries, delivery.last_status_code) == ("delivered", 1, 200)
    [attempt] = delivery.attempts.all()
    assert (attempt.status_code, attempt.error) == (200, "")


def test_a_receiver_failing_three_times_gets_the_event_on_the_fourth_try(
    root, queue, django_capture_on_commit_callbacks
):
    with Receiver([500, 503, 500]) as receiver:
        from mlinterview.web.webhooks.services import create_endpoint

        endpoint = create_endpoint(
            receiver.url, ["attempt.scored"], root, allow_private=True, timeout_seconds=2
        )
        delivery = wm.Delivery.objects.get(event=emit("attempt.scored", {"attempt_id": 1}))
        waits = []
        now = timezone.now()
        for _ in range(3):
            with django_capture_on_commit_callbacks(execute=True):
                assert run_delivery(delivery.pk, now=now) == "pending"
            delivery.refresh_from_db()
            finished = delivery.attempts.last().started_at
            waits.append(round((delivery.next_attempt_at - finished).total_seconds()))
            # Not yet due: a job that runs early (or twice) sends nothing.
            assert run_delivery(delivery.pk, now=delivery.next_attempt_at - timedelta(seconds=2)) == "not due"
            # The retry went into the queue to run at the due time.
            assert DBTaskResult.objects.order_by("-enqueued_at").first().run_after == delivery.next_attempt_at
            now = delivery.next_attempt_at  # the clock moves to the due time
        assert run_delivery(delivery.pk, now=now) == "delivered"

    assert waits == [30, 60, 120]  # after each failed try: 30 s, then doubling
    assert [r.headers["Idempotency-Key"] for r in receiver.received] == [str(delivery.idempotency_key)] * 4
    assert all(r.signed_by(endpoint.secret) for r in receiver.received)
    assert len({r.headers["X-Mlinterview-Timestamp"] for r in receiver.received}) == 4  # signed anew
    delivery.refresh_from_db()
    assert (delivery.status, delivery.tries) == ("delivered", 4)
    assert [(t.number, t.status_code) for t in delivery.attempts.all()] == [
        (1, 500),
        (2, 503),
        (3, 500),
        (4, 200),
    ]
    assert "HTTP 503" in delivery.attempts.get(number=2).error


def test_the_tries_run_out_after_eight_and_the_delivery_fails(root, queue):
    with Receiver([500] * 8) as receiver:
        from mlinterview.web.webhooks.services import create_endpoint

        create_endpoint(receiver.url, ["attempt.scored"], root, allow_private=True, timeout_seconds=2)
        delivery = wm.Delivery.objects.get(event=emit("attempt.scored", {"attempt_id": 1}))
        now = timezone.now()
        results = []
        for _ in range(8):
            results.append(run_delivery(delivery.pk, now=now))
            delivery.refresh_from_db()
            now = delivery.next_attempt_at
        assert run_delivery(delivery.pk, now=now + timedelta(days=1)) == "already failed"
    assert results == ["pending"] * 7 + ["failed"]
    assert len(receiver.received) == 8
    assert delivery.finished_at is not None and delivery.lease_until is None


def test_nothing_is_sent_to_a_disabled_endpoint_or_for_an_event_nobody_chose(endpoint, receiver, root):
    from mlinterview.web.webhooks.services import create_endpoint, set_active

    other = create_endpoint(receiver.url, ["review.completed"], root, allow_private=True)
    event = emit("invitation.sent", {"invitation_id": 1})
    assert set(event.deliveries.values_list("endpoint", flat=True)) == {endpoint.pk}  # not `other`
    set_active(endpoint, False, root)
    assert run_delivery(event.deliveries.get().pk) == "cancelled"
    assert emit("invitation.sent", {"invitation_id": 2}) is None  # no active subscriber
    set_active(other, False, root)
    assert emit("review.completed", {}) is None
    assert receiver.received == []
    with pytest.raises(ValueError, match="unknown webhook event"):
        emit("attempt.deleted", {})


def test_the_log_pages_show_the_tries_and_replay_sends_the_event_again_with_a_new_key(
    endpoint, receiver, root, client, django_capture_on_commit_callbacks
):
    event = emit("review.completed", {"attempt_id": 3})
    first = event.deliveries.get()
    run_delivery(first.pk)
    client.force_login(root)
    log = client.get(f"/webhooks/{endpoint.pk}/").content.decode()
    assert "review.completed" in log and "Delivered" in log and f"/webhooks/deliveries/{first.pk}/" in log
    page = client.get(f"/webhooks/deliveries/{first.pk}/").content.decode()
    assert "HTTP 200" in page and str(first.idempotency_key) in page and "&quot;attempt_id&quot;: 3" in page
    assert endpoint.secret not in log + page + client.get("/webhooks/").content.decode()

    response = client.post(f"/webhooks/deliveries/{first.pk}/replay/")
    again = wm.Delivery.objects.exclude(pk=first.pk).get()
    assert response.status_code == 302 and response["Location"] == f"/webhooks/deliveries/{again.pk}/"
    assert again.replay_of == first and again.idempotency_key != first.idempotency_key
    assert run_delivery(again.pk) == "delivered"
    one, two = receiver.received
    assert one.json == two.json  # the same event, id included
    assert one.headers["Idempotency-Key"] != two.headers["Idempotency-Key"]
    assert two.signed_by(endpoint.secret)


def test_adding_an_endpoint_shows_its_secret_once(administrator, client):
    client.force_login(administrator)
    response = client.post(
        "/webhooks/",
        {"url": "https://8.8.8.8/hooks", "events": ["attempt.submitted", "review.completed"], "timeout": "5"},
    )
    assert response.status_code == 200
    endpoint = wm.Endpoint.objects.get()
    assert (endpoint.events, endpoint.allow_private, endpoint.timeout_seconds) == (
        ["attempt.submitted", "review.completed"],
        False,
        5,
    )
    assert endpoint.secret.startswith("whsec_") and endpoint.secret in response.content.decode()
    assert endpoint.secret not in client.get("/webhooks/").content.decode()
    assert endpoint.secret not in client.get(f"/webhooks/{endpoint.pk}/").content.decode()
    # An administrator who is no superuser may not allow a private target, nor send to one.
    refused = client.post(
        "/webhooks/", {"url": "http://127.0.0.1:9/", "events": ["attempt.scored"], "allow_private": "on"}
    )
    assert refused.status_code == 400 and "superuser" in refused.content.decode()
    refused = client.post("/webhooks/", {"url": "http://127.0.0.1:9/", "events": ["attempt.scored"]})
    assert refused.status_code == 400 and "loopback" in refused.content.decode()
    assert wm.Endpoint.objects.count() == 1
    assert json.dumps(endpoint.events)
