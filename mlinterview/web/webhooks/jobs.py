"""Delivering webhooks in the background, with retries, exponential back-off and a lease.

A delivery is claimed (status running, ``tries`` + 1, a lease long enough for one request) in one
transaction, the request is made outside it, and the outcome is written in another. A worker that
dies mid-request leaves the delivery running with a lease that runs out; every worker's
reconcile (``requeue_lost_deliveries``, added as a sweep in ``apps.py``) then queues it again.
So a receiver may see a delivery twice, with the same idempotency key: that is the contract.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from mlinterview.web.assessments.jobs.queues import enqueue
from mlinterview.web.webhooks import delivery as http
from mlinterview.web.webhooks import models as wm
from mlinterview.web.webhooks.signing import (
    EVENT_HEADER,
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    signature,
)

log = logging.getLogger("mlinterview.webhooks")
MAX_TRIES = 8
FIRST_BACKOFF_SECONDS = 30
USER_AGENT = "mlinterview-webhooks/1"


@task(queue_name="webhooks")
def deliver_task(delivery_id: int) -> str:
    return run_delivery(delivery_id)


def backoff(tries: int) -> timedelta:
    """Wait after the ``tries``-th failed try: 30 s, 1 min, 2 min, 4 min ... (about 1 h 4 min
    after the seventh)."""
    return timedelta(seconds=FIRST_BACKOFF_SECONDS * 2 ** max(0, tries - 1))


def lease_for(endpoint: wm.Endpoint) -> timedelta:
    """How long one try may hold a delivery: the request's timeout twice (connecting, then
    reading) and a margin."""
    return timedelta(seconds=2 * endpoint.timeout_seconds + 5)


def enqueue_delivery(delivery_id: int, run_after: datetime | None = None) -> None:
    """Queue a delivery. Never raises: if the queue cannot be reached, the delivery's lease is
    ended so that a worker's reconcile queues it."""
    try:
        enqueue(deliver_task, delivery_id, run_after=run_after)
    except Exception:
        log.exception("could not queue webhook delivery %s; the reconciler will", delivery_id)
        wm.Delivery.objects.filter(pk=delivery_id, status=wm.Delivery.Status.PENDING).update(
            lease_until=timezone.now()
        )


def body_of(event: wm.Event) -> bytes:
    document = {
        "id": str(event.uid),
        "event": event.name,
        "created": event.created_at.isoformat(),
        "data": event.payload,
    }
    return json.dumps(document, separators=(",", ":"), sort_keys=True).encode()


def run_delivery(delivery_id: int, now: datetime | None = None) -> str:
    """Make one try of a delivery if it is due. Safe to run twice: a delivery that is finished,
    not yet due, or leased by another worker is left alone."""
    now = now or timezone.now()
    with transaction.atomic():
        d = wm.Delivery.objects.select_for_update().select_related("endpoint", "event").get(pk=delivery_id)
        if d.status not in (wm.Delivery.Status.PENDING, wm.Delivery.Status.RUNNING):
            return f"already {d.status}"
        if d.status == wm.Delivery.Status.RUNNING and d.lease_until and d.lease_until > now:
            return "leased by another worker"
        if d.status == wm.Delivery.Status.PENDING and d.next_attempt_at > now:
            return "not due"
        if not d.endpoint.active:
            d.status, d.finished_at, d.lease_until = wm.Delivery.Status.CANCELLED, now, None
            d.last_error = "The endpoint was disabled."
            d.save(update_fields=["status", "finished_at", "lease_until", "last_error"])
            return "cancelled"
        d.status = wm.Delivery.Status.RUNNING
        d.tries += 1
        d.lease_until = now + lease_for(d.endpoint)
        d.save(update_fields=["status", "tries", "lease_until"])
        attempt = wm.Try.objects.create(
            delivery=d,
            number=d.tries,
            started_at=now,
            error="No outcome recorded: the worker stopped during this try.",
        )
    body = body_of(d.event)
    stamp = int(now.timestamp())
    headers = {
        "User-Agent": USER_AGENT,
        EVENT_HEADER: d.event.name,
        TIMESTAMP_HEADER: str(stamp),
        SIGNATURE_HEADER: signature(d.endpoint.secret, stamp, body),
        IDEMPOTENCY_HEADER: str(d.idempotency_key),
    }
    outcome = http.post(
        d.endpoint.url,
        body,
        headers,
        timeout=d.endpoint.timeout_seconds,
        allow_private=d.endpoint.allow_private,
    )
    finished = now + timedelta(milliseconds=outcome.duration_ms)  # on the clock the try began with
    with transaction.atomic():
        wm.Try.objects.filter(pk=attempt.pk).update(
            duration_ms=outcome.duration_ms, status_code=outcome.status_code, error=outcome.error
        )
        d = wm.Delivery.objects.select_for_update().get(pk=delivery_id)
        if d.status != wm.Delivery.Status.RUNNING or d.tries != attempt.number:
            return "superseded"  # cancelled by an erasure, or taken over after the lease ran out
        d.last_status_code, d.last_error = outcome.status_code, outcome.error
        if outcome.ok:
            d.status, d.finished_at, d.lease_until = wm.Delivery.Status.DELIVERED, finished, None
        elif d.tries >= MAX_TRIES:
            d.status, d.finished_at, d.lease_until = wm.Delivery.Status.FAILED, finished, None
        else:
            due = finished + backoff(d.tries)
            d.status, d.next_attempt_at = wm.Delivery.Status.PENDING, due
            d.lease_until = due + lease_for(d.endpoint)
            transaction.on_commit(lambda: enqueue_delivery(delivery_id, run_after=due))
        d.save(
            update_fields=[
                "status",
                "finished_at",
                "lease_until",
                "last_status_code",
                "last_error",
                "next_attempt_at",
            ]
        )
    if not outcome.ok:
        log.warning("webhook delivery %s try %s failed: %s", delivery_id, attempt.number, outcome.error)
    return d.status


def requeue_lost_deliveries(now: datetime | None = None) -> int:
    """Queue again the deliveries whose lease ran out: a worker died mid-request, or the queue
    lost the job. Returns how many."""
    now = now or timezone.now()
    lost = wm.Delivery.objects.filter(
        status__in=[wm.Delivery.Status.PENDING, wm.Delivery.Status.RUNNING], lease_until__lte=now
    )
    count = 0
    for delivery_id in lost.values_list("pk", flat=True):
        with transaction.atomic():
            d = wm.Delivery.objects.select_for_update().select_related("endpoint").get(pk=delivery_id)
            if d.status not in (wm.Delivery.Status.PENDING, wm.Delivery.Status.RUNNING):
                continue
            if d.lease_until is None or d.lease_until > now:
                continue
            d.status = wm.Delivery.Status.PENDING
            d.next_attempt_at = min(d.next_attempt_at, now)
            d.lease_until = now + lease_for(d.endpoint)
            d.save(update_fields=["status", "next_attempt_at", "lease_until"])
            transaction.on_commit(lambda did=delivery_id: enqueue_delivery(did))
            count += 1
    return count
