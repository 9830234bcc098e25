"""Trial runs are rationed per attempt (issue 14, finding 3): one in flight at a time, a cooldown
between runs and a cap per coding exercise, refused with a message that says when to try again.

The worker's side is played by setting a run's status and times in the database, as a worker
would; nothing is mocked. Only the services and the candidate's view are exercised here: the
whole loop with real workers is tests/workers/test_trial_fairness.py.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services

pytestmark = pytest.mark.django_db

SOURCE = "def roc_auc(y, s):\n    return 0.5\n"


@pytest.fixture
def limits(settings):
    settings.MLINTERVIEW_TRIAL_COOLDOWN_SECONDS = 5
    settings.MLINTERVIEW_TRIAL_RUNS_PER_ITEM = 3
    return settings


@pytest.fixture
def code_attempt(db, django_user_model):
    """A started attempt at two coding exercises (no written question: no bank to import)."""
    rita = django_user_model.objects.create_user("rita", is_staff=True)
    assessment = services.create_assessment("Code", rita, time_limit_minutes=30)
    specs = [services.ItemSpec("exercise", "roc-auc"), services.ItemSpec("exercise", "confusion-matrix")]
    services.set_items(assessment.latest, specs, rita)
    services.publish(assessment.latest, rita)
    invitation, token = services.invite(assessment.latest, "Ada", "ada@example.com", rita)
    attempt = services.start_attempt(invitation)
    first, second = assessment.latest.items.order_by("position")
    return attempt, token, first, second


def _finish(run: m.TrialRun, seconds_ago: float = 0.0) -> None:
    """What a worker does at the end of a run, ``seconds_ago`` seconds in the past."""
    at = timezone.now() - timedelta(seconds=seconds_ago)
    m.TrialRun.objects.filter(pk=run.pk).update(
        status=m.TrialRun.Status.DONE, created_at=at, started_at=at, finished_at=at
    )


def test_a_second_request_while_one_is_in_flight_returns_the_same_run(limits, code_attempt):
    attempt, _, item, _ = code_attempt
    run = services.request_trial_run(attempt, item.pk, SOURCE)
    again = services.request_trial_run(attempt, item.pk, SOURCE + "# changed\n")
    assert again.pk == run.pk
    assert m.TrialRun.objects.filter(attempt=attempt).count() == 1


def test_a_run_just_finished_makes_the_next_wait_for_the_cooldown(limits, code_attempt):
    attempt, _, item, other = code_attempt
    _finish(services.request_trial_run(attempt, item.pk, SOURCE), seconds_ago=1)
    with pytest.raises(services.TrialRunRefused) as refused:
        services.request_trial_run(attempt, item.pk, SOURCE)
    assert refused.value.retry_after == 4  # 5 s cooldown, 1 s already past
    assert "4 seconds" in str(refused.value)
    # The cooldown is per attempt, not per exercise: another exercise waits just the same.
    with pytest.raises(services.TrialRunRefused):
        services.request_trial_run(attempt, other.pk, SOURCE)
    assert m.TrialRun.objects.filter(attempt=attempt).count() == 1
    # The code was saved all the same.
    assert attempt.answers.get(item=item).content == SOURCE


def test_after_the_cooldown_a_new_run_is_queued(limits, code_attempt):
    attempt, _, item, _ = code_attempt
    first = services.request_trial_run(attempt, item.pk, SOURCE)
    _finish(first, seconds_ago=6)
    second = services.request_trial_run(attempt, item.pk, SOURCE)
    assert second.pk != first.pk and second.status == m.TrialRun.Status.PENDING


def test_each_exercise_has_a_cap_of_runs_per_attempt(limits, code_attempt):
    attempt, _, item, other = code_attempt
    for _ in range(3):
        _finish(services.request_trial_run(attempt, item.pk, SOURCE), seconds_ago=60)
    with pytest.raises(services.TrialRunRefused) as refused:
        services.request_trial_run(attempt, item.pk, SOURCE)
    assert refused.value.retry_after is None  # no waiting helps
    assert "3 runs" in str(refused.value) and "submit" in str(refused.value)
    # The other exercise has runs of its own left.
    assert services.request_trial_run(attempt, other.pk, SOURCE).item_id == other.pk


def test_another_candidate_is_not_held_back_by_the_first(limits, code_attempt, django_user_model):
    attempt, _, item, _ = code_attempt
    _finish(services.request_trial_run(attempt, item.pk, SOURCE), seconds_ago=0)
    version = item.version
    rita = django_user_model.objects.get(username="rita")
    invitation, _ = services.invite(version, "Bo", "bo@example.com", rita)
    other = services.start_attempt(invitation)
    assert services.request_trial_run(other, item.pk, SOURCE).attempt_id == other.pk


def test_the_candidate_page_is_told_when_it_may_try_again(limits, code_attempt):
    attempt, token, item, _ = code_attempt
    client = Client()

    def run() -> object:
        return client.post(
            f"/take/{token}/run/",
            data=json.dumps({"item": item.pk, "content": SOURCE}),
            content_type="application/json",
        )

    queued = run()
    assert queued.status_code == 202
    _finish(m.TrialRun.objects.get(pk=queued.json()["run"]), seconds_ago=2)
    refused = run()
    assert refused.status_code == 429
    body = refused.json()
    assert body["retry_after"] == 3 and refused["Retry-After"] == "3"
    assert "3 seconds" in body["error"]


def test_a_run_that_never_reached_a_worker_holds_nothing_back(limits, code_attempt):
    attempt, _, item, _ = code_attempt
    for _ in range(3):  # expired in the queue: failed, never started
        run = services.request_trial_run(attempt, item.pk, SOURCE)
        m.TrialRun.objects.filter(pk=run.pk).update(
            status=m.TrialRun.Status.FAILED, finished_at=timezone.now()
        )
    assert services.request_trial_run(attempt, item.pk, SOURCE).status == m.TrialRun.Status.PENDING
