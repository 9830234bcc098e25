"""The candidate's rules: an expired link, a save that arrives late, and trial runs that never show
a hidden test. Each is checked in the services layer and over HTTP, with what ends up in the
database; the trial runs use the real sandbox.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.assessments.attempts import save_over_http
from tests.assessments.exercise_checks import assert_public_only as _assert_public_only
from tests.assessments.exercise_checks import exercise as _exercise
from tests.assessments.exercise_checks import public_and_hidden as _public_and_hidden
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

EXPIRED = "This link has expired. Ask the recruiter for a new one."
TIME_IS_UP = "Time is up; this answer could not be saved."
CLOSED = "This assessment has been submitted; answers can no longer change."
# A save reaching the server up to this long after the deadline still counts (network delay).
GRACE_SECONDS = 15
QUESTIONS_USED = ["type-1-vs-type-2-errors", "support-vector-machine", "loss-function"]  # `published`


@pytest.fixture
def bank(db):
    """Only the questions used here (see tests/assessments/small_bank.py)."""
    return import_small_bank(QUESTIONS_USED)


def _expire(invitation: m.Invitation) -> None:
    m.Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(hours=1))


def _deadline_passed(attempt: m.Attempt, seconds: float) -> None:
    m.Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=seconds))


def _first_answer(attempt: m.Attempt) -> m.Answer:
    return m.Answer.objects.select_related("item__question_version").get(attempt=attempt, item__position=0)


# --- an expired link ----------------------------------------------------------------------


def test_expired_link_still_opens_an_attempt_already_started(invited):
    invitation, token = invited
    attempt = services.start_attempt(invitation)
    item_id = _first_answer(attempt).item_id
    services.autosave(attempt, item_id, "typed before the link expired")
    _expire(invitation)
    resolved = services.resolve_token(token)
    assert resolved.pk == invitation.pk and resolved.expired
    assert services.attempt_of(resolved).pk == attempt.pk
    services.autosave(services.attempt_of(resolved), item_id, "and after")
    assert _first_answer(attempt).content == "and after"


def test_expired_link_refused_when_the_attempt_was_never_started(invited):
    invitation, token = invited
    services.resolve_token(token)  # opened once while it was valid, but never started
    _expire(invitation)
    with pytest.raises(services.InvalidToken) as refused:
        services.resolve_token(token)
    assert str(refused.value) == EXPIRED
    assert not m.Attempt.objects.filter(invitation=invitation).exists()


def test_expired_link_over_http_resumes_a_started_attempt(client, invited):
    invitation, token = invited
    attempt = services.start_attempt(invitation)
    answer = _first_answer(attempt)
    services.autosave(attempt, answer.item_id, "typed before the link expired")
    _expire(invitation)
    landing = client.get(f"/take/{token}/")
    assert landing.status_code == 302 and landing["Location"] == f"/take/{token}/item/0/"
    page = client.get(f"/take/{token}/item/0/").content.decode()
    assert "typed before the link expired" in page
    assert answer.item.question_version.data["title"] in page
    saved = save_over_http(client, token, answer.item_id, "still typing after expiry")
    assert saved.status_code == 200 and saved.json()["saved"] is True and saved.json()["revision"] == 2
    assert _first_answer(attempt).content == "still typing after expiry"


def test_expired_link_over_http_refused_when_never_started(client, invited):
    invitation, token = invited
    _expire(invitation)
    landing = client.get(f"/take/{token}/")
    assert landing.status_code == 403 and EXPIRED in landing.content.decode()
    assert "Start the assessment" not in landing.content.decode()
    started = client.post(f"/take/{token}/start/")
    assert started.status_code == 403 and EXPIRED in started.content.decode()
    assert not m.Attempt.objects.filter(invitation=invitation).exists()
    invitation.refresh_from_db()
    assert invitation.started_at is None and invitation.opened_at is None


# --- a save that arrives late -------------------------------------------------------------


def test_a_save_past_the_grace_period_is_refused_and_the_saved_answer_kept(invited):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    item_id = _first_answer(attempt).item_id
    services.autosave(attempt, item_id, "typed in time")
    _deadline_passed(attempt, seconds=GRACE_SECONDS + 10)
    with pytest.raises(services.AssessmentError) as refused:
        services.autosave(attempt, item_id, "typed too late")
    assert str(refused.value) == TIME_IS_UP
    answer = _first_answer(attempt)
    assert (answer.content, answer.revision) == ("typed in time", 1)
    assert list(answer.revisions.values_list("content", flat=True)) == ["typed in time"]


def test_a_save_within_the_grace_period_counts(invited):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    item_id = _first_answer(attempt).item_id
    services.autosave(attempt, item_id, "typed in time")
    # Ten seconds after the deadline: a save delayed on the network still counts.
    _deadline_passed(attempt, seconds=GRACE_SECONDS - 5)
    answer = services.autosave(attempt, item_id, "the last sentence, delayed")
    assert answer.revision == 2
    assert _first_answer(attempt).content == "the last sentence, delayed"


def test_a_late_save_within_the_grace_period_counts_over_http(client, invited):
    # The page saves at zero and submits after; a save that reaches the server a few seconds
    # late must be kept, not refused because the link itself closed the attempt first.
    invitation, token = invited
    attempt = services.start_attempt(invitation)
    item_id = _first_answer(attempt).item_id
    assert save_over_http(client, token, item_id, "typed in time").status_code == 200
    _deadline_passed(attempt, seconds=GRACE_SECONDS - 5)
    response = save_over_http(client, token, item_id, "the last sentence, delayed")
    assert response.status_code == 200, response.content
    assert response.json() == {"saved": True, "revision": 2, "answered": True, "seconds_left": 0}
    assert _first_answer(attempt).content == "the last sentence, delayed"
    attempt.refresh_from_db()
    assert attempt.submitted_at is None  # the page's own submit (or the worker) closes it next


def test_a_save_past_the_grace_period_is_refused_over_http(client, invited):
    invitation, token = invited
    attempt = services.start_attempt(invitation)
    item_id = _first_answer(attempt).item_id
    assert save_over_http(client, token, item_id, "typed in time").status_code == 200
    _deadline_passed(attempt, seconds=GRACE_SECONDS + 10)
    # Opening the link past the grace period hands the attempt in, so the save finds it closed.
    response = save_over_http(client, token, item_id, "typed too late")
    assert response.status_code == 409 and response.json() == {"error": CLOSED}
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None and attempt.auto_submitted
    answer = _first_answer(attempt)
    assert (answer.content, answer.revision) == ("typed in time", 1)
    # The plain form (no script) is refused too, and the link is now used up.
    form = client.post(f"/take/{token}/save/", {"item": item_id, "content": "again", "go": "1"})
    assert form.status_code == 403 and "submitted already" in form.content.decode()
    assert _first_answer(attempt).content == "typed in time"


def test_the_deadline_closes_the_attempt_only_after_the_grace_period(invited):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    _deadline_passed(attempt, seconds=GRACE_SECONDS - 5)
    attempt.refresh_from_db()
    assert services.enforce_deadline(attempt) is False
    assert services.submit_overdue_attempts() == 0
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    _deadline_passed(attempt, seconds=GRACE_SECONDS + 10)
    attempt.refresh_from_db()
    assert services.enforce_deadline(attempt) is True
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None and attempt.auto_submitted


# --- trial runs show the public examples only (real sandbox) ------------------------------

ROC_AUC = "roc-auc"


# A candidate's program that reads the inputs the sandbox was given and reports how many there
# are through its error message, which the trial result shows for a failed public example.
PEEKING = """
import json


def roc_auc(y_true, scores):
    with open("cases.json", encoding="utf-8") as handle:
        cases = json.load(handle)["cases"]
    raise RuntimeError("the sandbox holds %d cases" % len(cases))
"""


@pytest.mark.sandbox
def test_a_solution_failing_only_hidden_tests_passes_its_trial_run():
    from mlinterview.web.assessments.exercises import judge, run_public_examples

    source = (_exercise(ROC_AUC).folder / "wrong" / "no_single_class_check.py").read_text()
    trial = run_public_examples(ROC_AUC, source)
    _assert_public_only(trial, ROC_AUC)
    assert trial["summary"] == "2 of 2 public examples pass."
    # The final judging does run the hidden tests, and this solution fails some of them.
    final = judge(ROC_AUC, source)
    failed = [t["name"] for t in final["tests"] if not t["passed"]]
    assert failed and set(failed) <= set(_public_and_hidden(ROC_AUC)[1])


@pytest.mark.sandbox
def test_the_sandbox_of_a_trial_run_never_holds_a_hidden_input(client, bank, recruiter):
    assessment = services.create_assessment("Code", recruiter, time_limit_minutes=30)
    services.set_items(assessment.latest, [services.ItemSpec("exercise", ROC_AUC)], recruiter)
    services.publish(assessment.latest, recruiter)
    invitation, token = services.invite(assessment.latest, "Bo", "bo@example.com", recruiter)
    attempt = services.start_attempt(invitation)
    item_id = attempt.answers.get().item_id
    queued = client.post(
        f"/take/{token}/run/",
        data=json.dumps({"item": item_id, "content": PEEKING}),
        content_type="application/json",
    )
    assert queued.status_code == 202 and queued.json()["status"] == "pending"
    assert services.run_trial(queued.json()["run"]) == "done"  # the worker's side, real sandbox
    polled = client.get(queued.json()["poll"], HTTP_ACCEPT="application/json")
    assert polled.status_code == 200
    view = polled.json()
    assert view["status"] == "done" and view["summary"] == "0 of 2 public examples pass."
    _assert_public_only(view, ROC_AUC)
    # Only the two public inputs were in the sandbox: the program saw two cases, not eight.
    for test in view["tests"]:
        assert test["message"].endswith("raised RuntimeError: the sandbox holds 2 cases"), test
    assert len(_exercise(ROC_AUC).cases) == 8
