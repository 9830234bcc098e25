"""The completion callback: a PATCH, with the team's key (or the completion credential Greenhouse
issued for calls to it, when an administrator set one) in HTTP Basic and no body, to the URL
Greenhouse gave in send_test, once a reviewer has committed a review of the attempt. Greenhouse
then asks test_status for the result.

A background job (Django Tasks API, the ``default`` queue) delivers it. A try that fails (no
answer, or a status outside 2xx) is tried again after ``backoff(tries)`` (1, 2, 4 ... minutes,
at most 6 hours) until ``MAX_TRIES``, then the callback is marked failed and audited; Greenhouse
can still read the result from test_status. Each try first moves ``next_try_at`` forward by a
lease, so a job run twice does not send twice at once. ``deliver`` takes the clock as an argument
so tests can travel in time.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from mlinterview.web.assessments.audit import audit
from mlinterview.web.assessments.jobs.queues import enqueue
from mlinterview.web.greenhouse import keys
from mlinterview.web.greenhouse.models import ApiKey, Callback, SentTest

log = logging.getLogger("mlinterview.greenhouse")
MAX_TRIES = 10
LEASE = timedelta(minutes=2)
GRACE = timedelta(minutes=1)  # how late a due try may be before the sweep queues it again
TIMEOUT_SECONDS = 10


def backoff(tries: int) -> timedelta:
    return min(timedelta(minutes=2 ** max(0, tries - 1)), timedelta(hours=6))


@task(queue_name="default")
def deliver_callback_task(callback_id: int) -> str:
    return deliver(callback_id)


def enqueue_callback(callback_id: int, run_after: datetime | None = None) -> None:
    """Queue a try. Never raises: a callback left pending is picked up by ``requeue_due``."""
    try:
        enqueue(deliver_callback_task, callback_id, run_after=run_after)
    except Exception:
        log.exception("could not queue Greenhouse callback %s", callback_id)


def owe_callback(sent: SentTest) -> Callback | None:
    """Record the callback for a test instance (once) and queue its first try after commit."""
    callback, created = Callback.objects.get_or_create(
        sent_test=sent, defaults={"next_try_at": timezone.now()}
    )
    if not created:
        return None
    transaction.on_commit(lambda: enqueue_callback(callback.pk))
    return callback


def _patch(url: str, key: str) -> int:
    request = urllib.request.Request(url, method="PATCH", headers={"Authorization": keys.basic_header(key)})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (scheme checked at send_test)
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def refused_hint(status: int, api_key: ApiKey) -> str:
    """What a 401 or 403 from Greenhouse means for the administrator, and the setting to check."""
    used = (
        "the completion credential set on this key"
        if api_key.completion_credential
        else "the partner key itself, as no completion credential is set"
    )
    return (
        f"HTTP {status}: Greenhouse refused the credential we sent ({used}). Greenhouse may issue a "
        f'separate credential for calls to it: check the "Completion credential" of Greenhouse API '
        f"key {api_key.prefix} in the admin site."
    )


def deliver(callback_id: int, now: datetime | None = None) -> str:
    """One try, if one is due at ``now``; returns what became of the callback."""
    now = now or timezone.now()
    with transaction.atomic():
        callback = (
            Callback.objects.select_for_update().select_related("sent_test__api_key").get(pk=callback_id)
        )
        if callback.status != Callback.Status.PENDING:
            return str(callback.status)
        if callback.next_try_at > now:
            return "not due"
        callback.tries += 1
        callback.next_try_at = now + LEASE
        callback.save(update_fields=["tries", "next_try_at"])
    sent = callback.sent_test
    status: int | None = None
    error = ""
    try:
        status = _patch(sent.callback_url, keys.completion_key(sent.api_key))
        if status in (401, 403):
            error = refused_hint(status, sent.api_key)
        elif not 200 <= status < 300:
            error = f"HTTP {status}"
    except Exception as exc:  # refused, timed out, bad address: all tried again
        error = f"{type(exc).__name__}: {exc}"[:2000]
    with transaction.atomic():
        callback = Callback.objects.select_for_update().get(pk=callback_id)
        callback.last_status, callback.last_error = status, error
        if not error:
            callback.status, callback.delivered_at = Callback.Status.DELIVERED, now
            audit(None, "greenhouse.callback.delivered", sent.invitation, tries=callback.tries)
        elif callback.tries >= MAX_TRIES:
            callback.status = Callback.Status.FAILED
            audit(None, "greenhouse.callback.failed", sent.invitation, tries=callback.tries, error=error)
        else:
            callback.next_try_at = now + backoff(callback.tries)
            due = callback.next_try_at
            transaction.on_commit(lambda: enqueue_callback(callback_id, run_after=due))
        callback.save(update_fields=["status", "delivered_at", "next_try_at", "last_status", "last_error"])
    if error:
        log.warning("Greenhouse callback %s try %s failed: %s", callback_id, callback.tries, error)
    return str(callback.status)


def requeue_due(now: datetime | None = None) -> int:
    """Queue again every pending callback whose try is more than ``GRACE`` overdue (its job was
    lost, or its worker killed mid-try); each is marked due ``now`` so the next sweep leaves it
    alone for another ``GRACE``. Every worker runs this with its recovery (``apps.py``)."""
    now = now or timezone.now()
    overdue = Callback.objects.filter(status=Callback.Status.PENDING, next_try_at__lte=now - GRACE)
    found = list(overdue.values_list("pk", flat=True))
    Callback.objects.filter(pk__in=found, status=Callback.Status.PENDING).update(next_try_at=now)
    for callback_id in found:
        enqueue_callback(callback_id)
    return len(found)
