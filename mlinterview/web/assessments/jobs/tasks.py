"""The background tasks, one per queue, what each runs, and how work is put on them.

``run_scoring`` and ``run_trial`` are the worker's side; the ``enqueue_*`` functions are the web
side (called when an attempt is submitted, a trial run is asked for or a score is retried). The
Django Tasks API keeps this module independent of the backend that runs the work (the database
worker or RQ).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django_tasks import task

from mlinterview.scoring.graders import GraderError
from mlinterview.web.assessments import exercises, grading
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.audit import audit
from mlinterview.web.assessments.jobs.queues import enqueue

MAX_SCORING_TRIES = 3
# Sent by ``run_scoring`` (worker side) once an answer's primary score is done, with ``answer_id``:
# the similarity check of the integrity app listens (this app imports none of it). A receiver
# that fails is logged; the score stands.
answer_scored = Signal()
TRIAL_RUN_UNAVAILABLE = (
    "Running code is not available right now; your code is saved and is judged after you submit."
)


@task(queue_name="scoring")
def score_answer_task(score_id: int) -> str:
    """Score a written answer."""
    return run_scoring(score_id)


@task(queue_name="judging")
def judge_answer_task(score_id: int) -> str:
    """Judge submitted code on every test (the same work as scoring, on a queue of its own)."""
    return run_scoring(score_id)


@task(queue_name="trials")
def trial_run_task(run_id: int) -> str:
    return run_trial(run_id)


# --- scoring --------------------------------------------------------------------------------


def scoring_lease() -> timedelta:
    """How long a worker may hold a scoring job before the reconciler hands it to another."""
    from django.conf import settings

    return timedelta(seconds=getattr(settings, "MLINTERVIEW_SCORING_LEASE_SECONDS", 600))


def backoff(tries: int) -> timedelta:
    return timedelta(seconds=15 * 2 ** max(0, tries - 1))


def run_scoring(score_id: int) -> str:
    """Score one answer. Safe to run twice: finished or leased work is left alone."""
    log = logging.getLogger("mlinterview.scoring")
    now = timezone.now()
    with transaction.atomic():
        score = m.Score.objects.select_for_update().get(pk=score_id)
        if score.status == m.Score.Status.DONE:
            return "already done"
        if score.status == m.Score.Status.RUNNING and score.lease_until and score.lease_until > now:
            return "leased by another worker"
        score.status = m.Score.Status.RUNNING
        score.tries += 1
        score.lease_until = now + scoring_lease()
        score.save(update_fields=["status", "tries", "lease_until"])
    answer = m.Answer.objects.select_related("item__question_version").get(pk=score.answer_id)
    try:
        # The primary row is graded by the kind's primary grader of the moment, a second opinion
        # by the grader it names; either way the row records the grader that graded it.
        if score.primary:
            grade = grading.grade_answer(answer)
        else:
            grade = grading.grade_answer(answer, grader=score.grader)
        others = m.Score.objects.filter(answer_id=score.answer_id).exclude(pk=score_id)
        if grade.grader != score.grader and others.filter(grader=grade.grader).exists():
            raise GraderError(
                f"The primary grader is now {grade.grader!r}, whose score of this answer is already stored."
            )
    except Exception as exc:
        log.exception("scoring answer %s failed (try %s)", answer.pk, score.tries)
        with transaction.atomic():
            score = m.Score.objects.select_for_update().get(pk=score_id)
            if score.status == m.Score.Status.DONE:  # this worker's lease ran out; another finished it
                return "already done"
            score.error = f"{type(exc).__name__}: {exc}"[:2000]
            if score.tries >= MAX_SCORING_TRIES:
                score.status = m.Score.Status.FAILED
                score.lease_until = None
                audit(None, "score.failed", score, error=score.error)
            else:
                score.status = m.Score.Status.PENDING
                score.lease_until = timezone.now() + backoff(score.tries) + scoring_lease()
                delay = backoff(score.tries)
                transaction.on_commit(lambda: enqueue_score(score_id, delay))
            score.save(update_fields=["status", "error", "lease_until"])
        return "failed"
    with transaction.atomic():
        score = m.Score.objects.select_for_update().get(pk=score_id)
        score.status = m.Score.Status.DONE
        score.auto_value = grade.value
        score.evidence = grade.evidence
        score.grader = grade.grader
        score.grader_version = grade.version
        score.error = ""
        score.scored_at = timezone.now()
        score.lease_until = None
        fields = ["status", "auto_value", "evidence", "grader", "grader_version", "error", "scored_at"]
        score.save(update_fields=[*fields, "lease_until"])
    if score.primary:  # once per answer: the similarity check compares it (the review page only reads)
        for receiver, result in answer_scored.send_robust(sender=m.Answer, answer_id=answer.pk):
            if isinstance(result, Exception):  # the score stands; this answer's flags are missing
                log.error("%s failed on answer %s", receiver, answer.pk, exc_info=result)
    return "done"


def enqueue_score(score_id: int, delay: timedelta | None = None) -> None:
    """Queue the scoring (or judging) of one answer. Never raises: if the queue cannot be
    reached (Redis restarting, say), the score stays pending with its lease expired, and the
    reconciler of any worker queues it again within seconds."""
    answer_kind = m.Score.objects.filter(pk=score_id).values_list("answer__item__kind", flat=True).first()
    job = judge_answer_task if answer_kind == m.AssessmentItem.Kind.EXERCISE else score_answer_task
    try:
        enqueue(job, score_id, run_after=timezone.now() + delay if delay else None)
    except Exception:
        logging.getLogger("mlinterview.queue").exception(
            "could not queue score %s; the reconciler will", score_id
        )
        m.Score.objects.filter(pk=score_id, status=m.Score.Status.PENDING).update(lease_until=timezone.now())


def enqueue_scoring(attempt: m.Attempt) -> None:
    """Queue every pending score of a submitted attempt, each leased until its job is due."""
    pending = m.Score.objects.filter(answer__attempt=attempt, status=m.Score.Status.PENDING)
    for score_id in pending.values_list("pk", flat=True):
        m.Score.objects.filter(pk=score_id).update(lease_until=timezone.now() + scoring_lease())
        enqueue_score(score_id)


# --- trial runs -----------------------------------------------------------------------------


def enqueue_trial(run_id: int) -> None:
    """Queue a trial run; if the queue cannot be reached, the run ends at once with a message
    (the code is saved either way)."""
    try:
        enqueue(trial_run_task, run_id)  # shares the worker with judging (queues.py)
    except Exception:
        logging.getLogger("mlinterview.queue").exception("could not queue trial run %s", run_id)
        m.TrialRun.objects.filter(pk=run_id, status=m.TrialRun.Status.PENDING).update(
            status=m.TrialRun.Status.FAILED, error=TRIAL_RUN_UNAVAILABLE, finished_at=timezone.now()
        )


def judge_queued_run(runs: Any, run_id: int, judge: Any, what: str) -> str:
    """The worker's side of a queued run of someone's code (an assessment's trial run, a practice
    run): claim it, or give it up if it waited too long; ``judge(run)`` gives the result to store;
    a sandbox that is down, or any other failure, ends it with a message. Safe to run twice.
    ``runs`` is the run model's queryset (with what ``judge`` needs selected)."""
    from mlinterview.sandbox import SandboxUnavailable

    status = m.Score.Status  # both kinds of run share the status of a score
    with transaction.atomic():
        run = runs.select_for_update().get(pk=run_id)
        if run.status != status.PENDING:
            return f"already {run.status}"
        if run.waited_too_long(timezone.now()):
            run.status = status.FAILED
            run.error = "The run waited too long in the queue; try again."
            run.finished_at = timezone.now()
            run.save(update_fields=["status", "error", "finished_at"])
            return "expired"
        run.status = status.RUNNING
        run.started_at = timezone.now()
        run.save(update_fields=["status", "started_at"])
    try:
        result, error = judge(run), ""
    except SandboxUnavailable:
        result, error = {}, TRIAL_RUN_UNAVAILABLE
    except Exception as exc:  # the person sees a message; the worker log has the details
        logging.getLogger("mlinterview.judging").exception("%s %s failed", what, run_id)
        result, error = {}, f"The run failed on the server ({type(exc).__name__}); your code is saved."
    runs.filter(pk=run_id).update(
        status=status.FAILED if error else status.DONE,
        result=result,
        error=error,
        finished_at=timezone.now(),
    )
    return "failed" if error else "done"


def run_trial(run_id: int) -> str:
    """Judge a trial run on the public examples (worker side). Safe to run twice."""
    return judge_queued_run(
        m.TrialRun.objects.select_related("item"),
        run_id,
        lambda run: exercises.run_public_examples(run.item.exercise_slug, run.source),
        "trial run",
    )
