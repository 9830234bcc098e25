"""The REST API's review and building endpoints: the JSON they return, what they change in the
database, the rule messages they answer with (400) and the permissions they check (403)."""

from __future__ import annotations

import pytest
from django.test import Client

from mlinterview.bank import Level
from mlinterview.bank.selection import SelectionRequest, select_questions
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from tests.api.client import Api
from tests.assessments.attempts import GRADED_BY, evidence, score_at, submitted_attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(django_user_model):
    """A staff account with neither permission (no role group)."""
    return django_user_model.objects.create_user("clerk", password="pw-for-tests-only", is_staff=True)


@pytest.fixture
def two_attempts(published, recruiter):
    best = submitted_attempt(published, recruiter, "Best", "best@example.com", [1.0, 0.8, 0.9])
    waiting = submitted_attempt(published, recruiter, "Waiting", "waiting@example.com", [0.2, None, 0.4])
    middle = submitted_attempt(published, recruiter, "Middle", "middle@example.com", [0.5, 0.5, 0.2])
    return best, waiting, middle


def _may_override(user):
    """Changing a score is its own permission (issue 14): the interviewer here is granted it."""
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="override_scores"))
    return type(user).objects.get(pk=user.pk)  # a fresh object: permissions are cached


# --- GET /attempts/{id} ---------------------------------------------------------------------


def test_attempt_endpoint_returns_answers_scores_and_evidence(published, recruiter, interviewer):
    attempt = submitted_attempt(published, recruiter, "Una", "una@example.com", [0.6, 0.3, None])
    first = score_at(attempt, 0)
    services.override_score(first, recruiter, 0.75, "Better than the scorer thought")
    response = Api(interviewer).get(f"/attempts/{attempt.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == attempt.pk and body["candidate"] == attempt.invitation.candidate.alias
    assert body["identity_revealed"] is False and body["auto_submitted"] is False
    assert body["submitted_at"] and body["started_at"]
    answers = body["answers"]
    assert [(a["position"], a["kind"], a["slug"]) for a in answers] == [
        (0, "question", "type-1-vs-type-2-errors"),
        (1, "question", "support-vector-machine"),
        (2, "question", "loss-function"),
    ]
    assert answers[1]["content"] == "My answer to item 1, typed in the test"
    assert answers[0]["score"] == {
        "id": first.pk,
        "status": "done",
        "value": 0.75,
        "automatic_value": 0.6,
        "overridden": True,
        "evidence": evidence(f"item {first.pk}"),
        "error": "",
        "grader": "local-text",
        "grader_version": GRADED_BY,
        "primary": True,
    }
    assert [a["second_opinions"] for a in answers] == [[], [], []]
    assert answers[1]["score"]["value"] == 0.3 and answers[1]["score"]["overridden"] is False
    assert answers[2]["score"]["status"] == "pending" and answers[2]["score"]["value"] is None


def test_attempt_endpoint_hides_unsubmitted_attempts(invited, interviewer):
    invitation, _ = invited
    attempt = services.start_attempt(invitation)
    assert Api(interviewer).get(f"/attempts/{attempt.pk}").status_code == 404


# --- GET shortlist ----------------------------------------------------------------------------


def test_shortlist_endpoint_ranks_and_counts(two_attempts, published, interviewer):
    best, waiting, middle = two_attempts
    score = score_at(middle, 2)
    m.Score.objects.filter(pk=score.pk).update(status=m.Score.Status.FAILED, auto_value=None, tries=3)
    rows = Api(interviewer).get(f"/assessments/{published.assessment.pk}/shortlist").json()
    assert [(r["rank"], r["attempt_id"]) for r in rows] == [(1, best.pk), (2, waiting.pk), (3, middle.pk)]
    top = rows[0]
    assert top["total"] == pytest.approx(0.9) and top["candidate"] == best.invitation.candidate.alias
    sets = {item.question_version.data["set"] for item in published.items.all()}
    assert set(top["by_topic"]) == sets
    assert (top["pending"], top["failed"], top["overridden"], top["auto_submitted"]) == (0, 0, 0, False)
    assert rows[1]["total"] is None and (rows[1]["pending"], rows[1]["failed"]) == (1, 0)
    assert rows[2]["total"] is None and (rows[2]["pending"], rows[2]["failed"]) == (0, 1)


def test_shortlist_endpoint_follows_an_override(two_attempts, published, interviewer):
    best, _, middle = two_attempts
    api = Api(_may_override(interviewer))
    for position in range(3):
        api.post(f"/scores/{score_at(middle, position).pk}/override", {"value": 1.0, "reason": "Re-read"})
    rows = api.get(f"/assessments/{published.assessment.pk}/shortlist").json()
    assert [r["attempt_id"] for r in rows][:2] == [middle.pk, best.pk]
    assert rows[0]["total"] == 1.0 and rows[0]["overridden"] == 3


# --- POST commit ------------------------------------------------------------------------------


def test_commit_endpoint_records_the_commit_and_reveals_the_name(published, recruiter, interviewer):
    attempt = submitted_attempt(published, recruiter, "Vera Nakamura", "vera@example.com", [0.5] * 3)
    body = Api(interviewer).post(f"/attempts/{attempt.pk}/commit").json()
    assert body["candidate"] == "Vera Nakamura" and body["identity_revealed"] is True
    commit = m.ReviewCommit.objects.get(attempt=attempt)
    assert commit.reviewer == interviewer
    assert m.AuditEvent.objects.get(action="review.commit").target == f"attempt:{attempt.pk}"


# --- POST override ----------------------------------------------------------------------------


def test_override_endpoint_stores_the_value_the_reason_and_an_audit_event(published, recruiter, interviewer):
    attempt = submitted_attempt(published, recruiter, "Wes", "wes@example.com", [0.4, 0.5, 0.6])
    score = score_at(attempt, 0)
    response = Api(_may_override(interviewer)).post(
        f"/scores/{score.pk}/override", {"value": 0.9, "reason": "Strong follow-up in the call"}
    )
    assert response.status_code == 201
    body = response.json()
    row = m.Override.objects.get(score=score)
    assert body["id"] == row.pk and body["score_id"] == score.pk
    assert (body["value"], body["reason"], body["reviewer"]) == (0.9, "Strong follow-up in the call", "ivan")
    assert (row.value, row.reason, row.reviewer) == (0.9, "Strong follow-up in the call", interviewer)
    score.refresh_from_db()
    assert score.value == 0.9 and score.auto_value == 0.4
    event = m.AuditEvent.objects.get(action="score.override")
    assert event.actor == interviewer
    assert event.details == {"before": 0.4, "after": 0.9, "reason": "Strong follow-up in the call"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"value": 0.9, "reason": "  "}, "Say why you are changing the score"),
        ({"value": 1.5, "reason": "Generous"}, "A score must be between 0 and 100%."),
        ({"value": -0.1, "reason": "Harsh"}, "A score must be between 0 and 100%."),
    ],
)
def test_override_endpoint_refuses_a_broken_rule_with_its_message(
    published, recruiter, interviewer, body, message
):
    attempt = submitted_attempt(published, recruiter, "Xia", "xia@example.com", [0.4, 0.5, 0.6])
    score = score_at(attempt, 0)
    response = Api(_may_override(interviewer)).post(f"/scores/{score.pk}/override", body)
    assert response.status_code == 400 and response.json()["detail"].startswith(message)
    assert not m.Override.objects.exists()
    assert not m.AuditEvent.objects.filter(action="score.override").exists()
    assert m.Score.objects.get(pk=score.pk).value == 0.4


# --- POST retry -------------------------------------------------------------------------------


def _failed(published, recruiter) -> m.Score:
    attempt = submitted_attempt(published, recruiter, "Yan", "yan@example.com", [0.4, 0.5, None])
    score = score_at(attempt, 2)
    m.Score.objects.filter(pk=score.pk).update(status=m.Score.Status.FAILED, tries=3, error="OSError: gone")
    return score


def test_retry_endpoint_puts_a_failed_score_back_in_the_queue(
    published, recruiter, interviewer, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    score = _failed(published, recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        response = Api(interviewer).post(f"/scores/{score.pk}/retry")
    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["status"], body["value"]) == (score.pk, "pending", None)
    score.refresh_from_db()
    assert (score.status, score.tries) == (m.Score.Status.PENDING, 0)
    assert DBTaskResult.objects.get(args_kwargs__args=[score.pk]).queue_name == "scoring"
    assert m.AuditEvent.objects.get(action="score.retry").actor == interviewer
    again = Api(interviewer).post(f"/scores/{score.pk}/retry")
    assert again.status_code == 400 and again.json() == {"detail": "Only a failed score can be retried."}


# --- POST generate ----------------------------------------------------------------------------


def test_generate_endpoint_fills_the_draft(bank, recruiter):
    assessment = services.create_assessment("Generated by API", recruiter)
    response = Api(recruiter).post(
        f"/assessments/{assessment.pk}/generate", {"level": "junior", "minutes": 25, "seed": 4}
    )
    assert response.status_code == 200
    body = response.json()
    expected = select_questions(bank, SelectionRequest(level=Level.junior, minutes=25, seed=4))
    assert [i["slug"] for i in body["latest"]["items"]] == [q.slug for q in expected]
    assert [i["position"] for i in body["latest"]["items"]] == list(range(len(expected)))
    assert body["latest"]["time_limit_minutes"] == 25 and body["latest"]["published"] is False
    assert body["published_version"] is None
    assert [i.slug for i in assessment.latest.items.all()] == [q.slug for q in expected]


def test_generate_endpoint_on_a_published_assessment_starts_a_new_version(published, recruiter):
    before = [i.slug for i in published.items.all()]
    body = Api(recruiter).post(f"/assessments/{published.assessment.pk}/generate", {"minutes": 20}).json()
    assert body["published_version"] == 1 and body["latest"]["number"] == 2
    assert [i.slug for i in published.items.all()] == before


def test_generate_endpoint_refuses_a_broken_rule_with_its_message(bank, recruiter):
    assessment = services.create_assessment("Bad level", recruiter)
    response = Api(recruiter).post(f"/assessments/{assessment.pk}/generate", {"level": "guru"})
    assert response.status_code == 400 and response.json() == {"detail": "Unknown level 'guru'."}
    response = Api(recruiter).post(f"/assessments/{assessment.pk}/generate", {"minutes": 9})
    assert response.json() == {"detail": "The time budget must be between 10 and 480 minutes."}
    assert not assessment.latest.items.exists()


# --- DELETE candidate ---------------------------------------------------------------------------


def test_delete_candidate_endpoint_removes_personal_data_keeps_answers(published, recruiter):
    attempt = submitted_attempt(published, recruiter, "Zola Ferreira", "zola.f@example.com", [0.5] * 3)
    candidate = attempt.invitation.candidate
    api = Api(recruiter)
    api.post(f"/attempts/{attempt.pk}/commit")  # so the name would show if it were still there
    response = api.delete(f"/candidates/{candidate.pk}")
    assert response.status_code == 204 and response.content == b""
    candidate.refresh_from_db()
    assert (candidate.name, candidate.email) == ("", f"deleted-{candidate.pk}@invalid")
    assert candidate.anonymised_at is not None
    assert m.AuditEvent.objects.get(action="candidate.delete").actor == recruiter
    body = api.get(f"/attempts/{attempt.pk}").json()
    assert body["candidate"] == f"Deleted candidate #{candidate.pk}"
    assert [a["content"] for a in body["answers"]][0] == "My answer to item 0, typed in the test"
    listing = str(api.get(f"/assessments/{published.assessment.pk}/invitations").json())
    assert "Zola" not in listing and "zola.f@" not in listing
    assert api.delete("/candidates/999999").status_code == 404


# --- permissions --------------------------------------------------------------------------------


def _state() -> dict:
    return {
        "versions": list(m.AssessmentVersion.objects.values_list("assessment", "number", "published_at")),
        "items": m.AssessmentItem.objects.count(),
        "candidates": list(m.Candidate.objects.values_list("name", "email", "anonymised_at")),
        "scores": list(m.Score.objects.values_list("pk", "status", "tries", "auto_value")),
        "overrides": m.Override.objects.count(),
        "commits": m.ReviewCommit.objects.count(),
        "audit": m.AuditEvent.objects.count(),
    }


def test_missing_permission_is_403_and_changes_nothing(published, recruiter, interviewer, clerk):
    attempt = submitted_attempt(published, recruiter, "Quinn", "quinn@example.com", [0.4, 0.5, None])
    failed = score_at(attempt, 2)
    m.Score.objects.filter(pk=failed.pk).update(status=m.Score.Status.FAILED, tries=3)
    pk = published.assessment.pk
    candidate = attempt.invitation.candidate.pk
    before = _state()
    manager_only = [
        ("post", f"/assessments/{pk}/generate", {"level": "mid", "minutes": 30}),
        ("delete", f"/candidates/{candidate}", None),
        ("post", f"/assessments/{pk}/publish", None),
    ]
    review = [
        ("get", f"/attempts/{attempt.pk}", None),
        ("get", f"/assessments/{pk}/shortlist", None),
        ("post", f"/attempts/{attempt.pk}/commit", None),
        ("post", f"/scores/{score_at(attempt, 0).pk}/override", {"value": 1.0, "reason": "no"}),
        ("post", f"/scores/{failed.pk}/retry", None),
    ]
    for user, calls in ((interviewer, manager_only), (clerk, manager_only + review)):
        api = Api(user)
        for method, path, body in calls:
            response = api.post(path, body) if method == "post" else getattr(api, method)(path)
            assert response.status_code == 403, (user.username, method, path)
            assert "lacks the permission" in response.json()["detail"]
    assert _state() == before


def test_no_key_or_a_wrong_key_is_401(published):
    pk = published.assessment.pk
    assert Client().get(f"/api/assessments/{pk}/shortlist").status_code == 401
    wrong = Client().get(f"/api/assessments/{pk}/shortlist", HTTP_AUTHORIZATION="Bearer mli_not-a-key")
    assert wrong.status_code == 401
