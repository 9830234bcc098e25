"""How many trial runs a candidate may ask for, and how often (issue 14, finding 3).

Every trial run takes a worker for up to its time limit, so an attempt gets one run in flight at a
time (``request_trial_run`` returns the one still in flight), a cooldown between the end of one
run and the next, and a cap of runs per coding exercise. Both figures are settings:

- ``MLINTERVIEW_TRIAL_COOLDOWN_SECONDS`` (default 5): seconds after a run of the attempt ends (or,
  for one left unfinished, since it started or was asked for) before the next one is accepted;
- ``MLINTERVIEW_TRIAL_RUNS_PER_ITEM`` (default 40): runs per exercise per attempt.

A refusal is a ``TrialRunRefused``, whose ``retry_after`` tells the page when to try again (None
when waiting does not help).
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Max, QuerySet
from django.db.models.functions import Coalesce

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.errors import AssessmentError

DEFAULT_COOLDOWN_SECONDS = 5.0
DEFAULT_RUNS_PER_ITEM = 40


class TrialRunRefused(AssessmentError):
    """A trial run asked for too soon or too often. ``retry_after``: whole seconds to wait, or
    None when the cap is reached."""

    def __init__(self, message: str, retry_after: int | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def cooldown_seconds() -> float:
    return float(getattr(settings, "MLINTERVIEW_TRIAL_COOLDOWN_SECONDS", DEFAULT_COOLDOWN_SECONDS))


def runs_per_item() -> int:
    return int(getattr(settings, "MLINTERVIEW_TRIAL_RUNS_PER_ITEM", DEFAULT_RUNS_PER_ITEM))


def check_trial_allowed(attempt: m.Attempt, item: m.AssessmentItem, now: datetime) -> None:
    """Raise ``TrialRunRefused`` unless the attempt may queue a new run of ``item`` now. The
    caller holds the attempt's row lock, so two requests cannot both pass."""
    check_runs_allowed(
        m.TrialRun.objects.filter(attempt=attempt),
        {"item": item},
        now,
        spent="Your code is saved and is judged on every test after you submit.",
    )


def check_runs_allowed(
    runs: QuerySet[Any], same_exercise: dict[str, Any], now: datetime, *, spent: str
) -> None:
    """The rule itself, for any requester's runs (an attempt's trial runs, a practice user's runs):
    ``runs`` are all the requester's runs, ``same_exercise`` the filter that picks those of the
    exercise asked for, and ``spent`` what the refusal adds when the cap is reached. The rows need
    ``status``, ``created_at``, ``started_at`` and ``finished_at`` like ``TrialRun``'s. The caller
    holds a row lock of the requester, so two requests cannot both pass."""
    # A run that never reached a worker (it waited too long, or the queue was down) took no
    # worker's time: it counts for neither the cap nor the cooldown.
    runs = runs.exclude(status=m.TrialRun.Status.FAILED, started_at__isnull=True)
    cap = runs_per_item()
    if runs.filter(**same_exercise).count() >= cap:
        raise TrialRunRefused(
            f"You have used all {cap} runs on the examples for this exercise. {spent}",
            retry_after=None,
        )
    last = runs.aggregate(at=Max(Coalesce("finished_at", "started_at", "created_at")))["at"]
    if last is None:
        return
    wait = cooldown_seconds() - (now - last).total_seconds()
    if wait > 0:
        seconds = max(1, math.ceil(wait))
        raise TrialRunRefused(
            f"Runs are limited to one every few seconds; your code is saved. Try again in {seconds} "
            f"second{'s' if seconds != 1 else ''}.",
            retry_after=seconds,
        )
