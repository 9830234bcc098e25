"""What staff see of the background jobs (the queue by status, the dead letters) and the staff
actions that put failed scores back in the queue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.audit import audit
from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.assessments.jobs.tasks import enqueue_score, scoring_lease


def retry_score(score: m.Score, user: Any) -> None:
    """Put a failed score back in the queue (staff action)."""
    with transaction.atomic():
        score = m.Score.objects.select_for_update().get(pk=score.pk)
        if score.status != m.Score.Status.FAILED:
            raise AssessmentError("Only a failed score can be retried.")
        score.status = m.Score.Status.PENDING
        score.tries = 0
        score.lease_until = timezone.now() + scoring_lease()
        score.save(update_fields=["status", "tries", "lease_until"])
        audit(user, "score.retry", score)
        transaction.on_commit(lambda: enqueue_score(score.pk))


@dataclass
class JobHealth:
    """What staff see on the background-jobs page: the queue by status and the dead letters."""

    counts: dict[str, int]
    oldest_waiting_seconds: float | None
    failed: list[m.Score]


def job_health(now: Any = None) -> JobHealth:
    """Scores by status, how long the oldest unfinished one has waited, and every failed one.

    Failed scores are the dead letters: the worker gave up after MAX_SCORING_TRIES and only a
    person can put them back. This reads the database, so it is the same whichever task backend
    runs the work.
    """
    now = now or timezone.now()
    counts = {status.value: 0 for status in m.Score.Status}
    for row in m.Score.objects.values("status").annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    waiting = (
        m.Score.objects.filter(status__in=[m.Score.Status.PENDING, m.Score.Status.RUNNING])
        .order_by("answer__attempt__submitted_at")
        .values_list("answer__attempt__submitted_at", flat=True)
        .first()
    )
    failed = list(
        m.Score.objects.filter(status=m.Score.Status.FAILED)
        .select_related(
            "answer__attempt__invitation__candidate",
            "answer__attempt__invitation__version__assessment",
            "answer__item",
        )
        .order_by("answer__attempt__submitted_at", "pk")
    )
    return JobHealth(
        counts=counts,
        oldest_waiting_seconds=(now - waiting).total_seconds() if waiting else None,
        failed=failed,
    )


def retry_all_failed(user: Any, scores: Any = None) -> int:
    """Put every failed score of ``scores`` (default: all; a view passes the scores the user may
    see) back in the queue (staff action); returns how many."""
    retried = 0
    visible = m.Score.objects.all() if scores is None else scores
    for score in visible.filter(status=m.Score.Status.FAILED):
        try:
            retry_score(score, user)
        except AssessmentError:  # retried by someone else meanwhile
            continue
        retried += 1
    return retried
