"""Recovery of lost work, run by every worker at start and then every few seconds.

A worker killed in the middle of a job, or a queue that lost its messages, leaves scores pending
or running with an expired lease; ``reconcile`` puts them back in the queue. It first runs the
sweeps added with ``add_sweep``: the assessments app adds the submission of overdue attempts when
it starts (apps.py), since submitting queues work through this package and so cannot be imported
by it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.jobs.tasks import enqueue_score, scoring_lease

_SWEEPS: dict[str, Callable[[], int]] = {}


def add_sweep(name: str, sweep: Callable[[], int]) -> None:
    """Have every ``reconcile`` run ``sweep`` first and report what it returns under ``name``."""
    _SWEEPS[name] = sweep


def reconcile(now: Any = None) -> dict[str, int]:
    """Recover from lost work: run the sweeps (submit overdue attempts), re-queue scores whose
    lease ran out. Returns how many of each it found."""
    now = now or timezone.now()
    found = {name: sweep() for name, sweep in _SWEEPS.items()}
    stale = m.Score.objects.filter(status__in=[m.Score.Status.PENDING, m.Score.Status.RUNNING]).filter(
        models_q_stale(now)
    )
    requeued = 0
    # Oldest first: the order is the queue's, and without it PostgreSQL may return any order.
    for score_id in stale.order_by("pk").values_list("pk", flat=True):
        with transaction.atomic():
            score = m.Score.objects.select_for_update().get(pk=score_id)
            if score.status not in (m.Score.Status.PENDING, m.Score.Status.RUNNING):
                continue
            if score.lease_until is not None and score.lease_until > now:
                continue
            score.status = m.Score.Status.PENDING
            score.lease_until = now + scoring_lease()
            score.save(update_fields=["status", "lease_until"])
            transaction.on_commit(lambda sid=score_id: enqueue_score(sid))
            requeued += 1
    return {**found, "requeued": requeued}


def models_q_stale(now: Any) -> Any:
    return Q(lease_until__isnull=True) | Q(lease_until__lte=now)
