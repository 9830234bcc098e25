"""Background jobs: scoring an answer, failing and retrying, leases, and which queue each job joins.

The worker's side (``services.run_scoring``) runs in-process on a real database. Jobs are queued
through the real django-tasks database backend (the embedded default), so each enqueued job is a
``DBTaskResult`` row whose queue, priority, delay and arguments the tests read back. Tests run
inside a rolled-back transaction where ``on_commit`` callbacks never fire on their own, so each
enqueue is run with pytest-django's ``django_capture_on_commit_callbacks(execute=True)``.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from mlinterview.scoring import get_scorer
from mlinterview.scoring.graders import Grade
from mlinterview.web.assessments import grading, services
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments.jobs import tasks
from mlinterview.web.assessments.jobs.queues import TASK_QUEUES

pytestmark = pytest.mark.django_db

LEASE = timedelta(seconds=120)
SCORE_TASK = "mlinterview.web.assessments.jobs.tasks.score_answer_task"
JUDGE_TASK = "mlinterview.web.assessments.jobs.tasks.judge_answer_task"
TRIAL_TASK = "mlinterview.web.assessments.jobs.tasks.trial_run_task"
ANSWER = (
    "A loss function measures how far a model's predictions are from the targets; training "
    "minimises it, e.g. cross-entropy for classification and squared error for regression."
)
CRASH = "RuntimeError: the scorer ran out of memory"


@pytest.fixture
def queue(settings) -> None:
    """The database task backend whatever the environment chose, and a lease of two minutes."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}
    settings.MLINTERVIEW_SCORING_LEASE_SECONDS = int(LEASE.total_seconds())


@pytest.fixture
def failing_grader(monkeypatch) -> list[int]:
    """The grader raises on every answer; returns the ids of the answers it was asked to grade.

    A scorer that crashes (out of memory, a corrupt model file, a sandbox host gone) cannot be
    produced for real on demand, so ``grading.grade_answer`` is replaced by one that raises. Everything
    around it (locking, counting tries, back-off, re-queueing, auditing) is the real code.
    """
    calls: list[int] = []

    def crash(answer: m.Answer) -> Any:
        calls.append(answer.pk)
        raise RuntimeError("the scorer ran out of memory")

    monkeypatch.setattr(grading, "grade_answer", crash)
    return calls


def _submitted(invitation: m.Invitation, text: str = ANSWER) -> m.Attempt:
    """Start, answer every item and submit (the on_commit enqueue is not run here)."""
    attempt = services.start_attempt(invitation)
    for answer in attempt.answers.all():
        services.autosave(attempt, answer.item_id, text)
    services.submit(attempt)
    return attempt


def _scores(attempt: m.Attempt) -> list[m.Score]:
    return list(m.Score.objects.filter(answer__attempt=attempt).order_by("pk"))


def _jobs() -> list[dict[str, Any]]:
    """Every job the database backend holds, oldest first, as the worker will read it."""
    return [
        {
            "task": row.task_path,
            "queue": row.queue_name,
            "priority": row.priority,
            "args": row.task_result.args,
            "run_after": None if row.run_after == get_date_max() else row.run_after,  # None: at once
            "status": row.status,
        }
        for row in DBTaskResult.objects.order_by("enqueued_at", "id")
    ]


def _requeued_only(found: dict[str, int], requeued: int) -> bool:
    """``reconcile`` re-queued ``requeued`` scores and none of its sweeps (the overdue attempts,
    reminders, and whatever the other apps add) found anything."""
    return found == {**dict.fromkeys(found, 0), "requeued": requeued}


def _within(value: datetime | None, before: datetime, after: datetime, offset: timedelta) -> bool:
    """``value`` is ``offset`` after some moment between ``before`` and ``after``."""
    return value is not None and before + offset <= value <= after + offset


def _fail_until_dead(score: m.Score, capture) -> None:
    """Run the (failing) scoring job as often as the worker would before giving up."""
    for _ in range(services.MAX_SCORING_TRIES):
        with capture(execute=False):
            assert services.run_scoring(score.pk) == "failed"


# --- the success path -------------------------------------------------------------------------


@pytest.mark.slow  # the real scorer: loads the sentence-transformer model
def test_scoring_stores_the_value_and_evidence_once(invited, queue):
    attempt = _submitted(invited[0])
    score = _scores(attempt)[0]
    before = timezone.now()
    assert services.run_scoring(score.pk) == "done"
    after = timezone.now()
    score.refresh_from_db()
    assert score.status == m.Score.Status.DONE and score.tries == 1 and score.error == ""
    # The advisory value is the scorer's 0-5 band scaled to 0..1, and its evidence is kept with it.
    assert score.evidence["slug"] == score.answer.item.question_version.question.slug
    assert score.auto_value == pytest.approx(min(1.0, max(0.0, score.evidence["score"] / 5)))
    assert score.evidence["key_points"] and "feedback" in score.evidence
    assert before <= score.scored_at <= after and score.lease_until is None
    # The row names the grader that produced it: the primary grader of written answers, this version.
    assert (score.grader, score.grader_version, score.primary) == ("local-text", get_scorer().version, True)

    scored_at = score.scored_at
    assert services.run_scoring(score.pk) == "already done"
    score.refresh_from_db()
    assert score.tries == 1 and score.scored_at == scored_at and score.status == m.Score.Status.DONE


def test_a_live_lease_is_left_alone_and_an_expired_one_taken_over(invited, queue, failing_grader):
    attempt = _submitted(invited[0])
    held, abandoned = _scores(attempt)[:2]
    now = timezone.now()
    # Another worker is scoring `held` (its lease runs for a minute more); the worker that took
    # `abandoned` died a second ago, once its lease had run out.
    m.Score.objects.filter(pk=held.pk).update(
        status=m.Score.Status.RUNNING, tries=1, lease_until=now + timedelta(minutes=1)
    )
    m.Score.objects.filter(pk=abandoned.pk).update(
        status=m.Score.Status.RUNNING, tries=1, lease_until=now - timedelta(seconds=1)
    )

    assert services.run_scoring(held.pk) == "leased by another worker"
    held.refresh_from_db()
    assert held.status == m.Score.Status.RUNNING and held.tries == 1
    assert held.lease_until == now + timedelta(minutes=1)
    assert failing_grader == []  # the grader was never asked

    # The abandoned one is taken over: this worker counts a try and runs the grader (which fails).
    assert services.run_scoring(abandoned.pk) == "failed"
    abandoned.refresh_from_db()
    assert abandoned.tries == 2 and abandoned.error == CRASH and abandoned.status == m.Score.Status.PENDING
    assert failing_grader == [abandoned.answer_id]


def test_a_late_crash_of_a_superseded_worker_never_undoes_a_finished_score(invited, queue, monkeypatch):
    """Worker A holds the score past its lease (stuck in the grader), worker B takes it over and
    finishes it, then A's grader crashes: the score B finished stays done, with B's value."""
    attempt = _submitted(invited[0])
    score = _scores(attempt)[0]
    calls: list[str] = []

    def grade(answer):
        # A crash cannot be produced on demand and two workers cannot be interleaved at will
        # here, so the grader plays both: A's call lets its lease run out and runs worker B to
        # the end (the real run_scoring), then crashes.
        if not calls:
            calls.append("A")
            m.Score.objects.filter(pk=score.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
            assert services.run_scoring(score.pk) == "done"
            raise RuntimeError("worker A's grader crashed late")
        calls.append("B")
        return Grade(value=0.8, evidence={"by": "worker B"}, grader="local-text", version="B's")

    monkeypatch.setattr(grading, "grade_answer", grade)
    assert services.run_scoring(score.pk) == "already done"  # worker A's verdict
    assert calls == ["A", "B"]
    score.refresh_from_db()
    assert score.status == m.Score.Status.DONE and score.auto_value == 0.8
    assert score.evidence == {"by": "worker B"} and score.error == "" and score.lease_until is None
    assert (score.grader, score.grader_version) == ("local-text", "B's")
    assert not m.AuditEvent.objects.filter(action="score.failed").exists()


# --- the failure path -------------------------------------------------------------------------


def test_a_crashing_grader_is_retried_with_exponential_backoff(
    invited, queue, failing_grader, django_capture_on_commit_callbacks
):
    attempt = _submitted(invited[0])
    score = _scores(attempt)[0]
    for tries, delay in [(1, 15), (2, 30)]:
        before = timezone.now()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            assert services.run_scoring(score.pk) == "failed"
        after = timezone.now()
        assert len(callbacks) == 1
        score.refresh_from_db()
        assert score.status == m.Score.Status.PENDING and score.tries == tries and score.error == CRASH
        assert score.auto_value is None and score.scored_at is None
        # Nobody re-queues it before the delayed job is due (and a lease after that).
        assert _within(score.lease_until, before, after, timedelta(seconds=delay) + LEASE)
        job = _jobs()[-1]
        assert job["task"] == SCORE_TASK and job["args"] == [score.pk] and job["queue"] == "scoring"
        assert _within(job["run_after"], before, after, timedelta(seconds=delay))
        assert not DBTaskResult.objects.ready().filter(args_kwargs__args=[score.pk]).exists()
    assert len(_jobs()) == 2 and failing_grader == [score.answer_id] * 2


def test_backoff_doubles_from_fifteen_seconds():
    assert [tasks.backoff(tries).total_seconds() for tries in range(0, 6)] == [15, 15, 30, 60, 120, 240]


def test_after_the_last_try_the_score_fails_for_good(
    invited, queue, failing_grader, django_capture_on_commit_callbacks
):
    attempt = _submitted(invited[0])
    score = _scores(attempt)[0]
    for _ in range(services.MAX_SCORING_TRIES - 1):
        with django_capture_on_commit_callbacks(execute=True):
            assert services.run_scoring(score.pk) == "failed"
        score.refresh_from_db()
        assert score.status == m.Score.Status.PENDING
    assert not m.AuditEvent.objects.filter(action="score.failed").exists()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.run_scoring(score.pk) == "failed"
    score.refresh_from_db()
    assert score.status == m.Score.Status.FAILED and score.tries == services.MAX_SCORING_TRIES
    assert score.error == CRASH and score.lease_until is None
    assert callbacks == [] and len(_jobs()) == services.MAX_SCORING_TRIES - 1  # no further job
    event = m.AuditEvent.objects.get(action="score.failed")
    assert event.target == f"score:{score.pk}" and event.details == {"error": CRASH}
    assert event.actor is None
    # A failed score is a dead letter: the reconciler (which re-queues the attempt's two other,
    # never queued, scores here) leaves it for a person to retry.
    jobs_before = len(_jobs())
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reconcile(timezone.now() + timedelta(days=1))["requeued"] == 2
    score.refresh_from_db()
    assert score.status == m.Score.Status.FAILED
    assert [j["args"] for j in _jobs()[jobs_before:]] == [[s.pk] for s in _scores(attempt)[1:]]


# --- which queue each job joins -----------------------------------------------------------


def _mixed_attempt(recruiter) -> tuple[m.Attempt, m.AssessmentItem, m.AssessmentItem]:
    """An attempt at one written question and one coding exercise, started, not submitted."""
    assessment = services.create_assessment("Mixed", recruiter, time_limit_minutes=30)
    services.set_items(
        assessment.latest,
        [services.ItemSpec("question", "loss-function"), services.ItemSpec("exercise", "roc-auc")],
        recruiter,
    )
    services.publish(assessment.latest, recruiter)
    invitation, _ = services.invite(assessment.latest, "Bo", "bo@example.com", recruiter)
    attempt = services.start_attempt(invitation)
    items = {i.kind: i for i in assessment.latest.items.all()}
    return attempt, items["question"], items["exercise"]


def test_each_job_joins_its_queue_with_the_priority_task_queues_gives(
    bank, recruiter, queue, django_capture_on_commit_callbacks
):
    attempt, question, exercise = _mixed_attempt(recruiter)
    services.autosave(attempt, question.pk, ANSWER)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        run = services.request_trial_run(attempt, exercise.pk, "def roc_auc(y, s):\n    return 0.5\n")
    assert len(callbacks) == 1
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.submit(attempt)
    after = timezone.now()
    assert len(callbacks) == 1

    written = m.Score.objects.get(answer__attempt=attempt, answer__item=question)
    code = m.Score.objects.get(answer__attempt=attempt, answer__item=exercise)
    jobs = _jobs()
    assert [(j["task"], j["queue"], j["args"], j["run_after"]) for j in jobs] == [
        (TRIAL_TASK, "trials", [run.pk], None),
        (SCORE_TASK, "scoring", [written.pk], None),
        (JUDGE_TASK, "judging", [code.pk], None),
    ]
    # Scoring first; trial runs and the judging of code share one priority (issue 14, finding 3),
    # so neither starves the other: they are taken in the order they were queued.
    priority = {j["queue"]: j["priority"] for j in jobs}
    assert priority["scoring"] > priority["trials"] == priority["judging"]
    # What the database worker takes first, when all three wait.
    assert [r.queue_name for r in DBTaskResult.objects.ready()] == ["scoring", "trials", "judging"]
    # Submitting leased every score until the job is due to have run.
    for score in (written, code):
        assert score.status == m.Score.Status.PENDING
        assert _within(score.lease_until, before, after, LEASE)


def test_auto_submit_on_the_deadline_queues_the_scoring_too(
    invited, queue, django_capture_on_commit_callbacks
):
    attempt = services.start_attempt(invited[0])
    m.Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    attempt.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.enforce_deadline(attempt) is True
    attempt.refresh_from_db()
    assert attempt.auto_submitted and attempt.submitted_at is not None
    scores = _scores(attempt)
    assert len(scores) == 3
    assert sorted((j["queue"], j["args"][0]) for j in _jobs()) == [("scoring", s.pk) for s in scores]


# --- an unreachable queue -----------------------------------------------------------------


@pytest.fixture
def redis_down(settings) -> Iterator[None]:
    """The RQ backend, pointed at a Redis server that is down.

    A TCP port bound on loopback but not listening refuses every connection at once, like a
    stopped Redis; holding it bound keeps any other process from taking it meanwhile.
    """
    closed = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
    settings.RQ_QUEUES = {name: {"URL": f"redis://127.0.0.1:{port}/0"} for name in TASK_QUEUES}
    settings.MLINTERVIEW_SCORING_LEASE_SECONDS = int(LEASE.total_seconds())
    try:
        yield
    finally:
        closed.close()


def test_an_unreachable_queue_never_fails_a_submit(
    invited, redis_down, settings, django_capture_on_commit_callbacks
):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    services.autosave(attempt, attempt.answers.first().item_id, ANSWER)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.submit(attempt)  # the enqueue fails inside; the candidate's submit does not
    assert len(callbacks) == 1
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None and attempt.answers.first().content == ANSWER
    scores = _scores(attempt)
    assert len(scores) == 3
    now = timezone.now()
    for score in scores:
        # Pending, with the lease already expired, so the next reconcile picks it up.
        assert score.status == m.Score.Status.PENDING and score.lease_until <= now

    # The queue is back (here: the database backend); a worker's reconcile queues every score.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}
    with django_capture_on_commit_callbacks(execute=True):
        assert _requeued_only(services.reconcile(), 3)
    assert sorted(j["args"][0] for j in _jobs()) == [s.pk for s in scores]
    assert {j["queue"] for j in _jobs()} == {"scoring"}


def test_an_unreachable_queue_fails_a_trial_run_with_a_message(
    bank, recruiter, redis_down, django_capture_on_commit_callbacks
):
    attempt, _, exercise = _mixed_attempt(recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.request_trial_run(attempt, exercise.pk, "x = 1\n")
    run.refresh_from_db()
    assert run.status == m.TrialRun.Status.FAILED and run.error == services.TRIAL_RUN_UNAVAILABLE
    assert attempt.answers.get(item=exercise).content == "x = 1\n"


# --- reconcile, retry ---------------------------------------------------------------------


def test_reconcile_requeues_only_work_whose_lease_ran_out(invited, queue, django_capture_on_commit_callbacks):
    attempt = _submitted(invited[0])
    expired_pending, expired_running, live_pending = _scores(attempt)
    now = timezone.now()
    m.Score.objects.filter(pk=expired_pending.pk).update(lease_until=now - timedelta(seconds=1))
    m.Score.objects.filter(pk=expired_running.pk).update(
        status=m.Score.Status.RUNNING, tries=1, lease_until=now - timedelta(minutes=5)
    )
    m.Score.objects.filter(pk=live_pending.pk).update(lease_until=now + timedelta(seconds=30))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert _requeued_only(services.reconcile(now), 2)
    assert len(callbacks) == 2
    assert sorted(j["args"][0] for j in _jobs()) == [expired_pending.pk, expired_running.pk]
    for score in (expired_pending, expired_running):
        score.refresh_from_db()
        assert score.status == m.Score.Status.PENDING and score.lease_until == now + LEASE
    live_pending.refresh_from_db()
    assert live_pending.lease_until == now + timedelta(seconds=30)

    # Once the live lease runs out too, it is re-queued; the two just leased are not.
    later = now + timedelta(seconds=31)
    with django_capture_on_commit_callbacks(execute=True):
        assert _requeued_only(services.reconcile(later), 1)
    assert sorted(j["args"][0] for j in _jobs()) == sorted(
        [expired_pending.pk, expired_running.pk, live_pending.pk]
    )


def test_reconcile_leaves_finished_and_failed_scores_alone(
    invited, queue, django_capture_on_commit_callbacks
):
    attempt = _submitted(invited[0])
    done, failed, never_leased = _scores(attempt)
    m.Score.objects.filter(pk=done.pk).update(status=m.Score.Status.DONE, auto_value=0.5)
    m.Score.objects.filter(pk=failed.pk).update(status=m.Score.Status.FAILED, tries=3)
    with django_capture_on_commit_callbacks(execute=True):
        assert _requeued_only(services.reconcile(), 1)
    assert [j["args"] for j in _jobs()] == [[never_leased.pk]]


def test_reconcile_submits_overdue_attempts(published, recruiter, queue):
    overdue = services.start_attempt(services.invite(published, "Al", "al@example.com", recruiter)[0])
    on_time = services.start_attempt(services.invite(published, "Bea", "bea@example.com", recruiter)[0])
    m.Attempt.objects.filter(pk=overdue.pk).update(deadline=timezone.now() - timedelta(minutes=1))

    assert services.reconcile()["submitted"] == 1
    overdue.refresh_from_db()
    on_time.refresh_from_db()
    assert overdue.submitted_at is not None and overdue.auto_submitted
    assert on_time.submitted_at is None
    assert m.AuditEvent.objects.filter(action="attempt.auto_submit", target=f"attempt:{overdue.pk}").exists()
    assert m.Score.objects.filter(answer__attempt=overdue).count() == 3
    assert not m.Score.objects.filter(answer__attempt=on_time).exists()


def test_retry_puts_a_failed_score_back_and_nothing_else(
    invited, recruiter, queue, failing_grader, django_capture_on_commit_callbacks
):
    attempt = _submitted(invited[0])
    failed, pending, done = _scores(attempt)
    _fail_until_dead(failed, django_capture_on_commit_callbacks)
    m.Score.objects.filter(pk=done.pk).update(status=m.Score.Status.DONE, auto_value=0.5)

    for score in (pending, done):
        with pytest.raises(services.AssessmentError, match="Only a failed score can be retried"):
            services.retry_score(score, recruiter)
    assert not m.AuditEvent.objects.filter(action="score.retry").exists()

    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        services.retry_score(failed, recruiter)
    after = timezone.now()
    failed.refresh_from_db()
    assert failed.status == m.Score.Status.PENDING and failed.tries == 0
    assert _within(failed.lease_until, before, after, LEASE)
    event = m.AuditEvent.objects.get(action="score.retry")
    assert event.actor == recruiter and event.target == f"score:{failed.pk}"
    assert [(j["args"], j["queue"], j["run_after"]) for j in _jobs()] == [([failed.pk], "scoring", None)]
    # A second retry of the same score is refused: it is no longer failed.
    with pytest.raises(services.AssessmentError, match="Only a failed score can be retried"):
        services.retry_score(failed, recruiter)
    done.refresh_from_db()
    assert done.status == m.Score.Status.DONE


def test_retry_all_failed_counts_what_it_put_back(
    invited, recruiter, queue, failing_grader, django_capture_on_commit_callbacks
):
    attempt = _submitted(invited[0])
    first, second, pending = _scores(attempt)
    for score in (first, second):
        _fail_until_dead(score, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.retry_all_failed(recruiter) == 2
    assert sorted(j["args"][0] for j in _jobs()) == [first.pk, second.pk]
    assert m.AuditEvent.objects.filter(action="score.retry").count() == 2
    assert set(m.Score.objects.filter(answer__attempt=attempt).values_list("status", "tries")) == {
        (m.Score.Status.PENDING, 0)
    }
    assert services.retry_all_failed(recruiter) == 0


# --- the jobs page's numbers ----------------------------------------------------------------


def test_job_health_counts_waits_and_lists_the_dead_letters(
    published, recruiter, queue, failing_grader, django_capture_on_commit_callbacks
):
    now = timezone.now()
    assert services.job_health(now).oldest_waiting_seconds is None

    early = _submitted(services.invite(published, "Al", "al@example.com", recruiter)[0])
    late = _submitted(services.invite(published, "Bea", "bea@example.com", recruiter)[0])
    m.Attempt.objects.filter(pk=early.pk).update(submitted_at=now - timedelta(minutes=10))
    m.Attempt.objects.filter(pk=late.pk).update(submitted_at=now - timedelta(minutes=2))
    e1, e2, e3 = _scores(early)
    l1, l2, l3 = _scores(late)
    m.Score.objects.filter(pk__in=[e1.pk, e2.pk]).update(status=m.Score.Status.DONE, auto_value=1.0)
    m.Score.objects.filter(pk=l1.pk).update(status=m.Score.Status.RUNNING)
    m.Score.objects.filter(pk=l2.pk).update(status=m.Score.Status.DONE, auto_value=0.0)
    for score in (l3, e3):
        _fail_until_dead(score, django_capture_on_commit_callbacks)

    health = services.job_health(now)
    assert health.counts == {"pending": 0, "running": 1, "done": 3, "failed": 2}
    # The only unfinished score is the later attempt's running one (the early attempt's are done
    # or failed, and a failed score no longer waits).
    assert health.oldest_waiting_seconds == pytest.approx(120)
    assert [s.pk for s in health.failed] == [e3.pk, l3.pk]  # oldest submission first
    assert all(s.error == CRASH for s in health.failed)

    m.Score.objects.filter(pk=e3.pk).update(status=m.Score.Status.PENDING)
    assert services.job_health(now).oldest_waiting_seconds == pytest.approx(600)


# --- the worker loop ----------------------------------------------------------------------


@pytest.fixture
def keep_signal_handlers() -> Iterator[None]:
    """The database worker installs its own SIGINT/SIGTERM handlers; give pytest its own back."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def _three_candidates_with_recording_graders(recruiter, monkeypatch):
    """An assessment with an exercise and a question, three candidates started on it, and graders
    that only record, in order, what the worker asked them to do."""
    from mlinterview.web.assessments import exercises

    order: list[str] = []

    def record(answer: m.Answer) -> Grade:
        order.append(answer.item.kind)
        return Grade(value=0.5, evidence={}, grader=grading.primary_grader(answer.item), version="1")

    monkeypatch.setattr(grading, "grade_answer", record)
    monkeypatch.setattr(exercises, "run_public_examples", lambda slug, source: order.append("trial") or {})
    assessment = services.create_assessment("Mixed", recruiter, time_limit_minutes=30)
    items = [services.ItemSpec("exercise", "roc-auc"), services.ItemSpec("question", "loss-function")]
    services.set_items(assessment.latest, items, recruiter)
    services.publish(assessment.latest, recruiter)
    first = services.start_attempt(services.invite(assessment.latest, "Al", "al@example.com", recruiter)[0])
    second = services.start_attempt(services.invite(assessment.latest, "Bo", "bo@example.com", recruiter)[0])
    third = services.start_attempt(services.invite(assessment.latest, "Cy", "cy@example.com", recruiter)[0])
    return order, assessment, first, second, third


def _trial_submit_trial(assessment, first, second, third) -> list[m.TrialRun]:
    """A trial run of the second candidate, the first candidate's submission (the judging of the
    code, then the scoring of the written answer), then a trial run of the third candidate: what
    a loop of trial runs looks like to a worker when someone submits in the middle of it."""
    exercise = assessment.latest.items.get(kind="exercise")
    early = services.request_trial_run(second, exercise.pk, "def roc_auc(y, s):\n    return 0.5\n")
    services.submit(first)
    late = services.request_trial_run(third, exercise.pk, "def roc_auc(y, s):\n    return 0.5\n")
    return [early, late]


# Scoring first; then trial runs and judging in turn, so the trial run queued after the
# submission waits for the submitted code (the old order, trial runs first, gave
# ["trial", "trial", "question", "exercise"]: a loop of trial runs starved scoring for ever).
FAIR_ORDER = ["question", "trial", "exercise", "trial"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_scores_first_then_takes_trial_runs_and_judging_in_turn(
    transactional_db, bank, recruiter, queue, keep_signal_handlers, monkeypatch
):
    """`mlinterview worker --batch` in this process, on the database backend. The graders only
    record what they were asked, in which order: the real scorer and sandbox are tested in
    tests/scoring, tests/sandbox and tests/e2e (and the whole loop with worker processes in
    tests/workers/test_trial_fairness.py); this test is about the worker's choice of the next job.
    """
    from mlinterview.cli.web import worker

    order, assessment, first, second, third = _three_candidates_with_recording_graders(recruiter, monkeypatch)
    # A transactional test: each on_commit enqueue happens at commit, as in production.
    runs = _trial_submit_trial(assessment, first, second, third)
    assert [j["queue"] for j in _jobs()] == ["trials", "judging", "scoring", "trials"]

    worker(queues="*", reconcile_every=10.0, batch=True, nice=0)
    assert order == FAIR_ORDER
    assert [j["status"] for j in _jobs()] == ["SUCCESSFUL"] * 4
    assert {s.status for s in m.Score.objects.filter(answer__attempt=first)} == {m.Score.Status.DONE}
    for run in runs:
        run.refresh_from_db()
        assert run.status == m.TrialRun.Status.DONE


@pytest.fixture
def redis_socket() -> Iterator[str]:
    """A Redis server of this test's own, on a unix socket (no TCP port to race for)."""
    import shutil
    import subprocess
    import tempfile
    import time

    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (scripts/test.sh installs it)")
    folder = tempfile.mkdtemp(prefix="rq-")  # short: a socket path has at most 107 characters
    path = f"{folder}/redis.sock"
    process = subprocess.Popen(
        [server, "--port", "0", "--unixsocket", path, "--save", "", "--appendonly", "no", "--dir", folder],
        stdout=subprocess.DEVNULL,
    )
    try:
        import redis

        client = redis.Redis(unix_socket_path=path)
        deadline = time.monotonic() + 20
        while True:  # ready when it answers, not after a guessed delay
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.05)
        yield path
    finally:
        process.kill()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_rq_worker_scores_first_then_takes_trial_runs_and_judging_in_turn(
    transactional_db, bank, recruiter, settings, redis_socket, keep_signal_handlers, monkeypatch
):
    """`mlinterview worker --queues judging,scoring,trials --batch` on RQ, in this process:
    whatever order the queues are given in, scoring comes first, then trial runs and judging
    take turns. The graders only record the order (the real scorer and sandbox are tested
    elsewhere; tests/workers runs RQ in processes).
    """
    from mlinterview.cli.web import worker

    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "django_rq", "django_tasks_rq"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
    settings.RQ_QUEUES = {name: {"URL": f"unix://{redis_socket}"} for name in TASK_QUEUES}
    order, assessment, first, second, third = _three_candidates_with_recording_graders(recruiter, monkeypatch)
    runs = _trial_submit_trial(assessment, first, second, third)
    import django_rq

    assert {name: django_rq.get_queue(name).count for name in ("trials", "scoring", "judging")} == {
        "trials": 2,
        "scoring": 1,
        "judging": 1,
    }

    worker(queues="judging,scoring,trials", reconcile_every=10.0, batch=True, nice=0)
    assert order == FAIR_ORDER
    assert {s.status for s in m.Score.objects.filter(answer__attempt=first)} == {m.Score.Status.DONE}
    for run in runs:
        run.refresh_from_db()
        assert run.status == m.TrialRun.Status.DONE
    assert all(django_rq.get_queue(name).count == 0 for name in TASK_QUEUES)
