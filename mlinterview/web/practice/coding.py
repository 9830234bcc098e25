"""Coding practice: the exercises on offer, saving what a person types, runs on the public examples
and submissions judged on every test by the judge assessments use.

Three rules come from the assessments app rather than a copy of them: the exercises held back for
live assessments (``held_back_exercises``), the ration of runs (``check_runs_allowed``: one in
flight, a cooldown between runs and a cap per exercise; a submission is a run too) and the rate of
saves (``save_limits``). Workers run the code through the two tasks below, on the queues
assessments use (runs on the examples beside trial runs, submissions beside judging), so the
workers' fair share between queues covers them too. A person sees every public test in full
and, of the hidden tests, only how many passed: never their names, inputs, expected values or,
for a modelling task, the metric's value.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from mlinterview.scoring.graders import GradeRequest
from mlinterview.web.assessments import exercises, grading
from mlinterview.web.assessments.errors import AssessmentError
from mlinterview.web.assessments.held_back import held_back_exercises
from mlinterview.web.assessments.jobs.queues import enqueue
from mlinterview.web.assessments.jobs.tasks import TRIAL_RUN_UNAVAILABLE, judge_queued_run
from mlinterview.web.assessments.services.attempts import trial_run_view
from mlinterview.web.assessments.services.save_limits import (
    SaveThrottled,
    autosave_limits,
    check_save_allowed,
    take_save_allowance,
)
from mlinterview.web.assessments.services.text import storable
from mlinterview.web.assessments.services.trial_limits import TrialRunRefused, check_runs_allowed
from mlinterview.web.practice.models import PracticeCode, PracticeRun

__all__ = ["NotOffered", "SaveThrottled", "TrialRunRefused"]

SUBMISSIONS_ARE_RUNS = "In practice a submission counts as a run too."


class NotOffered(AssessmentError):
    """The exercise does not exist, or is held back for a live assessment."""


def exercises_on_offer(kind: str = "", skill: str = "") -> list[dict[str, Any]]:
    """The exercises offered for practice (of ``kind``, giving evidence of ``skill``), by title."""
    return exercises.exercise_choices(kind, skill, leave_out=held_back_exercises())


def require_offered(slug: str) -> None:
    """Raise ``NotOffered`` unless the exercise exists and is not held back."""
    if not exercises.exercise_exists(slug) or slug in held_back_exercises():
        raise NotOffered("This exercise is not available for practice.")


def exercise_for_practice(slug: str) -> dict[str, Any]:
    """What the practice page shows of an exercise: statement, starter and public examples."""
    require_offered(slug)
    return exercises.public_exercise(slug)


def saved_code(user: Any, slug: str) -> str | None:
    return PracticeCode.objects.filter(user=user, slug=slug).values_list("content", flat=True).first()


def save_code(user: Any, slug: str, content: str) -> PracticeCode:
    """Keep what the person typed, at the rate an assessment's autosave allows (else ``SaveThrottled``)."""
    require_offered(slug)
    content = storable(content)
    if len(content) > PracticeCode.MAX_CHARS:
        raise AssessmentError(
            f"This code is {len(content):,} characters long; the limit is {PracticeCode.MAX_CHARS:,}. "
            "Shorten it and it will be saved."
        )
    limits = autosave_limits()
    now = timezone.now()
    row, _ = PracticeCode.objects.get_or_create(user=user, slug=slug)
    check_save_allowed(row, now, limits)  # a flood is refused before the lock
    with transaction.atomic():
        row = PracticeCode.objects.select_for_update().get(pk=row.pk)
        take_save_allowance(row, now, limits)
        fields = ["save_allowance_full_at"]
        if content != row.content:
            row.content = content
            fields += ["content", "updated_at"]
        row.save(update_fields=fields)
    return row


def request_run(user: Any, slug: str, source: str, kind: str) -> PracticeRun:
    """Save the code, then queue a run of it (``kind``: on the examples, or a submission judged
    on every test); while one of the same is in flight, that one is returned.

    Raises ``TrialRunRefused`` (the code is saved all the same) when the cooldown has not passed,
    the exercise's runs are used up, or another run of the person's is still in flight."""
    if kind not in PracticeRun.Kind.values:
        raise AssessmentError("Unknown kind of run.")
    source = save_code(user, slug, source).content
    with transaction.atomic():
        get_user_model().objects.select_for_update().get(pk=user.pk)  # one request at a time per person
        now = timezone.now()
        in_flight = PracticeRun.objects.filter(
            user=user,
            status__in=[PracticeRun.Status.PENDING, PracticeRun.Status.RUNNING],
            created_at__gt=now - PracticeRun.PATIENCE,
        ).first()
        if in_flight is not None:
            if (in_flight.slug, in_flight.kind) == (slug, kind):
                return in_flight
            raise TrialRunRefused("Your last run is still going; try again when it has finished.", 3)
        check_runs_allowed(
            PracticeRun.objects.filter(user=user), {"slug": slug}, now, spent=SUBMISSIONS_ARE_RUNS
        )
        run = PracticeRun.objects.create(user=user, slug=slug, kind=kind, source=source)
        transaction.on_commit(lambda: _enqueue(run))
    return run


def _enqueue(run: PracticeRun) -> None:
    """Queue the run; if the queue cannot be reached it ends at once with a message."""
    job = practice_submission_task if run.kind == PracticeRun.Kind.SUBMIT else practice_examples_task
    try:
        enqueue(job, run.pk)
    except Exception:
        logging.getLogger("mlinterview.queue").exception("could not queue practice run %s", run.pk)
        PracticeRun.objects.filter(pk=run.pk, status=PracticeRun.Status.PENDING).update(
            status=PracticeRun.Status.FAILED, error=TRIAL_RUN_UNAVAILABLE, finished_at=timezone.now()
        )


def shown_result(judged: dict[str, Any]) -> dict[str, Any]:
    """What a person may see of the judge's result: every public test; of the hidden ones, counts."""
    tests = judged.get("tests", [])
    public = [t for t in tests if t.get("public")]
    hidden = [t for t in tests if not t.get("public")]
    passed = sum(1 for t in public if t["passed"])
    shown: dict[str, Any] = {
        "summary": f"{passed} of {len(public)} public examples pass.",
        "tests": [
            {"name": t["name"], "passed": t["passed"], "message": t.get("message", "")} for t in public
        ],
    }
    if hidden:
        hidden_passed = sum(1 for t in hidden if t["passed"])
        shown["hidden"] = {"passed": hidden_passed, "total": len(hidden)}
        shown["summary"] += f" Hidden tests: {hidden_passed} of {len(hidden)} pass."
    if judged.get("verdict") not in (None, "ok") or not tests:
        shown["problem"] = judged.get("message", "")
    return shown


def run_practice(run_id: int) -> str:
    """Judge a practice run (worker side): on the public examples, or on every test for a
    submission. Safe to run twice."""
    return judge_queued_run(PracticeRun.objects, run_id, _judged, "practice run")


def _judged(run: PracticeRun) -> dict[str, Any]:
    if run.kind == PracticeRun.Kind.SUBMIT:
        # The primary grader of code answers: the judge an assessment's answers get.
        return shown_result(grading.grade_request(GradeRequest.code(run.slug, run.source)).evidence)
    return shown_result(exercises.run_public_examples(run.slug, run.source))


@task(queue_name="trials")
def practice_examples_task(run_id: int) -> str:
    return run_practice(run_id)


@task(queue_name="judging")
def practice_submission_task(run_id: int) -> str:
    return run_practice(run_id)


def run_view(run: PracticeRun, now: Any = None) -> dict[str, Any]:
    """What the page is told about a run (its stored result holds nothing hidden): what a
    candidate's page is told of a trial run, and which kind of run it is."""
    return {"kind": run.kind, **trial_run_view(run, now)}


def last_submission(user: Any, slug: str) -> PracticeRun | None:
    return PracticeRun.objects.filter(
        user=user, slug=slug, kind=PracticeRun.Kind.SUBMIT, status=PracticeRun.Status.DONE
    ).first()
